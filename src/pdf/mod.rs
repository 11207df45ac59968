//! PDF layout with printpdf: A4 pages with a marking in every header and the page number
//! in every footer, headings, wrapped paragraphs, tables that repeat their header row
//! across pages, and vector charts drawn by the same chart code as the web. Every word
//! printed comes from the caller, in the document's language.

pub mod plot_backend;

use plotters::prelude::IntoDrawingArea;
use printpdf::{
    Cmyk, Color, Line, LinePoint, Op, PdfConformance, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
};

use crate::charts::{self, Heatmap, StackedChart, TrendChart};
use crate::domain::report::Lang;
use plot_backend::{kerned_items, text_width_pt, PdfBackend, PdfFonts};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
/// 20 mm.
const MARGIN: f32 = 56.69;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const TOP: f32 = PAGE_H - MARGIN - 6.0;
const BOTTOM: f32 = MARGIN + 6.0;
const BODY_PT: f32 = 10.0;
const LINE_GAP: f32 = 1.45;

#[derive(Debug, thiserror::Error)]
#[error("PDF: {0}")]
pub struct PdfError(pub String);

/// What the frame of every page says, in the document's language.
pub struct PageFrame {
    /// Classification marking (informationsklass), left in the header and in the footer.
    pub marking: String,
    /// E.g. "Lägesbild identitetsmissbruk – 2026-Q3".
    pub header_right: String,
    /// E.g. "Utkast" or "Version 1".
    pub version: String,
    /// Printed diagonally-free but prominently on every page of a draft.
    pub draft_label: Option<String>,
    /// Left in the footer: who issues the document.
    pub issuer: String,
    /// The page number as printed, from (page, pages), e.g. "Sida 2 av 14".
    pub page_label: Box<dyn Fn(usize, usize) -> String>,
}

/// Document metadata.
#[derive(Debug, Clone)]
pub struct DocumentInfo {
    pub title: String,
    pub subject: String,
    pub author: String,
    /// The application that made the document (the product's name).
    pub creator: String,
    pub created_unix: i64,
    /// The document's language (the catalog's /Lang).
    pub lang: Lang,
}

/// A chart drawn by the shared chart code.
pub enum Chart<'a> {
    Trend(&'a TrendChart),
    Stacked(&'a StackedChart),
    Heatmap(&'a Heatmap),
}

/// Column alignment in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Relative column widths.
    pub widths: Vec<f32>,
    pub align: Vec<Align>,
    /// Rows (by index) printed in bold, e.g. totals.
    pub bold_rows: Vec<usize>,
    pub note: Option<String>,
}

/// Lays out a document page by page.
pub struct Composer {
    doc: PdfDocument,
    fonts: PdfFonts,
    pages: Vec<Vec<Op>>,
    y: f32,
    /// Headings (level, text, page index) for the table of contents.
    toc: Vec<(u8, String, usize)>,
    /// Where the table of contents goes (a page index), if anywhere, and its title.
    toc_at: Option<(usize, String)>,
    info: DocumentInfo,
}

/// An RGB colour (0–1) as DeviceCMYK: the document's output intent is a CMYK profile
/// (PDF/A-2b), and PDF/A allows device colour only in the output intent's space.
pub fn cmyk(r: f32, g: f32, b: f32) -> Color {
    let k = 1.0 - r.max(g).max(b);
    if k >= 1.0 {
        return Color::Cmyk(Cmyk::new(0.0, 0.0, 0.0, 1.0, None));
    }
    let f = |c: f32| (1.0 - c - k) / (1.0 - k);
    Color::Cmyk(Cmyk::new(f(r), f(g), f(b), k, None))
}

fn black() -> Color {
    cmyk(0.106, 0.106, 0.106)
}

fn blue() -> Color {
    cmyk(0.0, 0.322, 0.576)
}

impl Composer {
    pub fn new(info: &DocumentInfo) -> Result<Self, PdfError> {
        charts::register_fonts();
        let mut doc = PdfDocument::new(&info.title);
        let meta = &mut doc.metadata.info;
        meta.conformance = PdfConformance::A2B_2011_PDF_1_7;
        meta.document_title = info.title.clone();
        meta.subject = info.subject.clone();
        meta.author = info.author.clone();
        meta.creator = info.creator.clone();
        meta.producer = format!("{} (printpdf)", info.creator);
        if let Ok(t) = printpdf::OffsetDateTime::from_unix_timestamp(info.created_unix) {
            meta.creation_date = t;
            meta.modification_date = t;
            meta.metadata_date = t;
        }
        let fonts = PdfFonts::register(&mut doc).map_err(|e| PdfError(e.to_string()))?;
        Ok(Self {
            doc,
            fonts,
            pages: vec![Vec::new()],
            y: TOP,
            toc: Vec::new(),
            toc_at: None,
            info: info.clone(),
        })
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        // There is always at least one page.
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Starts a new page unless `height` fits below the cursor.
    pub fn ensure_space(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.new_page();
        }
    }

    pub fn vspace(&mut self, pt: f32) {
        self.y -= pt;
    }

    /// Places one line of text with its baseline at `y`.
    fn text_at(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Color, text: &str) {
        let font = if bold {
            self.fonts.bold.clone()
        } else {
            self.fonts.regular.clone()
        };
        let items: Vec<TextItem> = match plot_backend::face(bold) {
            Some(face) => kerned_items(face, text),
            None => vec![TextItem::Text(text.to_string())],
        };
        self.ops().extend([
            Op::SaveGraphicsState,
            Op::SetFillColor { col: color },
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Raw([1.0, 0.0, 0.0, 1.0, x, y]),
            },
            Op::ShowText { items },
            Op::EndTextSection,
            Op::RestoreGraphicsState,
        ]);
    }

    fn rule(&mut self, x1: f32, y: f32, x2: f32, width: f32) {
        self.ops().extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: black() },
            Op::SetOutlineThickness { pt: Pt(width) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: Point {
                                x: Pt(x1),
                                y: Pt(y),
                            },
                            bezier: false,
                        },
                        LinePoint {
                            p: Point {
                                x: Pt(x2),
                                y: Pt(y),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
            Op::RestoreGraphicsState,
        ]);
    }

    /// Large text at a fixed place, for the title page.
    pub fn title_line(&mut self, text: &str, size: f32, bold: bool) {
        let lines = wrap(text, size, bold, CONTENT_W);
        for line in lines {
            self.y -= size * 1.25;
            self.text_at(
                MARGIN,
                self.y,
                size,
                bold,
                if bold { blue() } else { black() },
                &line,
            );
        }
    }

    /// A numbered or plain heading; it never stands alone at the foot of a page.
    pub fn heading(&mut self, text: &str, level: u8) {
        let size = match level {
            1 => 18.0,
            2 => 14.0,
            _ => 12.0,
        };
        // Keep with the next three body lines.
        self.ensure_space(size * 2.2 + 3.0 * BODY_PT * LINE_GAP);
        if self.y < TOP {
            self.y -= size * 0.8;
        }
        if level <= 2 {
            self.toc
                .push((level, text.to_string(), self.pages.len() - 1));
        }
        for line in wrap(text, size, true, CONTENT_W) {
            self.y -= size * 1.2;
            self.text_at(MARGIN, self.y, size, true, blue(), &line);
        }
        self.y -= size * 0.5;
    }

    /// Puts a table of contents before the page now being laid out (call it where the
    /// contents should start, e.g. right after the title page). Page numbers are final:
    /// the contents pages are counted in.
    pub fn table_of_contents_here(&mut self, title: impl Into<String>) {
        self.toc_at = Some((self.pages.len() - 1, title.into()));
    }

    /// Lays out the contents pages for `entries` (level, text, page number).
    fn contents_pages(&mut self, title: &str, entries: &[(u8, String, usize)]) -> Vec<Vec<Op>> {
        let saved_pages = std::mem::replace(&mut self.pages, vec![Vec::new()]);
        let saved_y = std::mem::replace(&mut self.y, TOP);
        self.y -= 18.0 * 1.2;
        self.text_at(MARGIN, self.y, 18.0, true, blue(), title);
        self.y -= 12.0;
        for (level, text, page) in entries {
            let size = if *level == 1 { 11.0 } else { BODY_PT };
            let indent = if *level == 1 { 0.0 } else { 14.0 };
            self.ensure_space(size * 1.8);
            self.y -= size * 1.8;
            let number = page.to_string();
            let nw = text_width_pt(&number, size, *level == 1);
            let label = truncate_to_width(text, size, *level == 1, CONTENT_W - indent - nw - 30.0);
            self.text_at(MARGIN + indent, self.y, size, *level == 1, black(), &label);
            // Dotted leader between the heading and its page number.
            let lw = text_width_pt(&label, size, *level == 1);
            let dot_w = text_width_pt(".", size, false).max(1.0);
            let dots = ((CONTENT_W - indent - lw - nw - 12.0) / dot_w).max(0.0) as usize;
            let leader = ".".repeat(dots);
            let leader_w = text_width_pt(&leader, size, false);
            self.text_at(
                MARGIN + CONTENT_W - nw - 6.0 - leader_w,
                self.y,
                size,
                false,
                black(),
                &leader,
            );
            self.text_at(
                MARGIN + CONTENT_W - nw,
                self.y,
                size,
                *level == 1,
                black(),
                &number,
            );
        }
        self.y = saved_y;
        std::mem::replace(&mut self.pages, saved_pages)
    }

    /// A wrapped paragraph of body text.
    pub fn paragraph(&mut self, text: &str) {
        for line in wrap(text, BODY_PT, false, CONTENT_W) {
            self.ensure_space(BODY_PT * LINE_GAP);
            self.y -= BODY_PT * LINE_GAP;
            self.text_at(MARGIN, self.y, BODY_PT, false, black(), &line);
        }
        self.y -= BODY_PT * 0.6;
    }

    /// A bulleted list item of body text.
    pub fn bullet(&mut self, text: &str) {
        let indent = 14.0;
        for (i, line) in wrap(text, BODY_PT, false, CONTENT_W - indent)
            .into_iter()
            .enumerate()
        {
            self.ensure_space(BODY_PT * LINE_GAP);
            self.y -= BODY_PT * LINE_GAP;
            if i == 0 {
                self.text_at(MARGIN + 3.0, self.y, BODY_PT, false, black(), "•");
            }
            self.text_at(MARGIN + indent, self.y, BODY_PT, false, black(), &line);
        }
        self.y -= BODY_PT * 0.3;
    }

    /// A table; on a page break the header row is repeated.
    pub fn table(&mut self, table: &Table) {
        let size = 9.0;
        let row_h = size * 1.7;
        let total: f32 = table.widths.iter().sum::<f32>().max(1.0);
        let widths: Vec<f32> = table.widths.iter().map(|w| w / total * CONTENT_W).collect();
        // The caption, the header and two rows stay together.
        self.ensure_space(size * 2.0 + row_h * 3.0);
        for line in wrap(&table.caption, size + 1.0, true, CONTENT_W) {
            self.y -= (size + 1.0) * 1.3;
            self.text_at(MARGIN, self.y, size + 1.0, true, black(), &line);
        }
        self.y -= 3.0;
        self.table_header(&table.header, &widths, &table.align, size);
        self.rule(MARGIN, self.y - 4.0, MARGIN + CONTENT_W, 0.8);
        for (i, row) in table.rows.iter().enumerate() {
            if self.y - row_h < BOTTOM {
                self.new_page();
                self.table_header(&table.header, &widths, &table.align, size);
                self.rule(MARGIN, self.y - 4.0, MARGIN + CONTENT_W, 0.8);
            }
            self.table_row(
                row,
                &widths,
                &table.align,
                size,
                table.bold_rows.contains(&i),
            );
        }
        self.rule(MARGIN, self.y - 4.0, MARGIN + CONTENT_W, 0.5);
        if let Some(note) = &table.note {
            self.y -= 4.0;
            for line in wrap(note, 8.0, false, CONTENT_W) {
                self.ensure_space(11.0);
                self.y -= 11.0;
                self.text_at(MARGIN, self.y, 8.0, false, black(), &line);
            }
        }
        self.y -= BODY_PT;
    }

    /// The header row: long column titles wrap onto up to three lines.
    fn table_header(&mut self, cells: &[String], widths: &[f32], align: &[Align], size: f32) {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let w = widths.get(i).copied().unwrap_or(60.0) - 4.0;
                let mut lines = wrap(cell, size, true, w);
                lines.truncate(3);
                lines
                    .into_iter()
                    .map(|l| truncate_to_width(&l, size, true, w))
                    .collect()
            })
            .collect();
        let n = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for line in 0..n {
            let row: Vec<String> = wrapped
                .iter()
                .map(|c| c.get(line).cloned().unwrap_or_default())
                .collect();
            if line > 0 {
                self.y += size * 0.5;
            }
            self.table_row(&row, widths, align, size, true);
        }
    }

    fn table_row(
        &mut self,
        cells: &[String],
        widths: &[f32],
        align: &[Align],
        size: f32,
        bold: bool,
    ) {
        self.y -= size * 1.7;
        let mut x = MARGIN;
        for (i, cell) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(60.0);
            let text = truncate_to_width(cell, size, bold, w - 4.0);
            let tx = match align.get(i).copied().unwrap_or(Align::Left) {
                Align::Left => x + 2.0,
                Align::Right => x + w - 4.0 - text_width_pt(&text, size, bold),
            };
            self.text_at(tx, self.y, size, bold, black(), &text);
            x += w;
        }
    }

    /// A trend chart over the full text width, as vector graphics.
    pub fn chart(&mut self, chart: &TrendChart, height: f32) -> Result<(), PdfError> {
        self.figure(Chart::Trend(chart), height)
    }

    /// Any chart over the full text width, as vector graphics.
    pub fn figure(&mut self, chart: Chart<'_>, height: f32) -> Result<(), PdfError> {
        self.ensure_space(height + 8.0);
        let top = self.y - 4.0;
        let size = (CONTENT_W as u32, height as u32);
        let last = self.pages.len() - 1;
        {
            let backend = PdfBackend::new(&mut self.pages[last], &self.fonts, size, (MARGIN, top));
            let root = backend.into_drawing_area();
            let drawn = match chart {
                Chart::Trend(c) => charts::draw_trend(&root, c).map_err(|e| e.to_string()),
                Chart::Stacked(c) => charts::draw_stacked(&root, c).map_err(|e| e.to_string()),
                Chart::Heatmap(c) => charts::draw_heatmap(&root, c).map_err(|e| e.to_string()),
            };
            drawn.map_err(PdfError)?;
        }
        self.y = top - height - 8.0;
        Ok(())
    }

    /// Adds headers and footers to every page (now that the page count is known) and
    /// serialises the document.
    pub fn finish(mut self, frame: &PageFrame) -> Result<Vec<u8>, PdfError> {
        if let Some((at, title)) = self.toc_at.take() {
            // Lay the contents out twice: the first pass tells how many pages they take,
            // which shifts every later page number.
            let numbered =
                |shift: usize, toc: &[(u8, String, usize)]| -> Vec<(u8, String, usize)> {
                    toc.iter()
                        .map(|(l, t, p)| (*l, t.clone(), p + 1 + if *p >= at { shift } else { 0 }))
                        .collect()
                };
            let toc = self.toc.clone();
            let first = self.contents_pages(&title, &numbered(1, &toc));
            let shift = first.len();
            let contents = if shift == 1 {
                first
            } else {
                self.contents_pages(&title, &numbered(shift, &toc))
            };
            let tail = self.pages.split_off(at.min(self.pages.len()));
            self.pages.extend(contents);
            self.pages.extend(tail);
        }
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let mut out = Vec::with_capacity(total);
        for (i, ops) in pages.into_iter().enumerate() {
            self.pages = vec![Vec::new()];
            let header_y = PAGE_H - MARGIN + 14.0;
            let footer_y = MARGIN - 22.0;
            self.text_at(MARGIN, header_y, 8.5, true, black(), &frame.marking);
            let hw = text_width_pt(&frame.header_right, 8.5, false);
            self.text_at(
                PAGE_W - MARGIN - hw,
                header_y,
                8.5,
                false,
                black(),
                &frame.header_right,
            );
            self.rule(MARGIN, header_y - 5.0, PAGE_W - MARGIN, 0.4);
            if let Some(draft) = &frame.draft_label {
                let dw = text_width_pt(draft, 8.5, true);
                self.text_at(
                    (PAGE_W - dw) / 2.0,
                    header_y,
                    8.5,
                    true,
                    cmyk(0.694, 0.055, 0.118),
                    draft,
                );
            }
            self.rule(MARGIN, footer_y + 12.0, PAGE_W - MARGIN, 0.4);
            self.text_at(MARGIN, footer_y, 8.0, false, black(), &frame.issuer);
            let middle = format!("{} · {}", frame.version, frame.marking);
            let mw = text_width_pt(&middle, 8.0, false);
            self.text_at((PAGE_W - mw) / 2.0, footer_y, 8.0, false, black(), &middle);
            let page_label = (frame.page_label)(i + 1, total);
            let pw = text_width_pt(&page_label, 8.0, false);
            self.text_at(
                PAGE_W - MARGIN - pw,
                footer_y,
                8.0,
                false,
                black(),
                &page_label,
            );
            let mut frame_ops = std::mem::take(&mut self.pages[0]);
            let mut all = ops;
            all.append(&mut frame_ops);
            out.push(PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), all));
        }
        let mut warnings = Vec::new();
        // printpdf would compress every stream at the highest level (its embedded fonts
        // and the ICC profile are 2 MB): most of the time of a report. `finalise` compresses
        // them at a fast level instead.
        let options = PdfSaveOptions {
            optimize: false,
            ..PdfSaveOptions::default()
        };
        let bytes = self.doc.with_pages(out).save(&options, &mut warnings);
        finalise(&bytes, &self.info)
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The XMP packet PDF/A requires: the document information again, the language and the
/// PDF/A identification (part 2, conformance B).
fn xmp_packet(info: &DocumentInfo) -> String {
    let date = chrono::DateTime::from_timestamp(info.created_unix, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string();
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<xmp:CreatorTool>{creator}</xmp:CreatorTool>
<pdf:Producer>{producer}</pdf:Producer>
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        title = xml_escape(&info.title),
        author = xml_escape(&info.author),
        subject = xml_escape(&info.subject),
        lang = info.lang.tag(),
        creator = xml_escape(&info.creator),
        producer = xml_escape(&format!("{} (printpdf)", info.creator)),
    )
}

/// What printpdf cannot do itself: the catalog's /Lang (screen readers, PDF/A) and the XMP
/// metadata stream with the PDF/A identification.
fn finalise(bytes: &[u8], info: &DocumentInfo) -> Result<Vec<u8>, PdfError> {
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|e| PdfError(e.to_string()))?;
    let mut dict = lopdf::Dictionary::new();
    dict.set("Type", lopdf::Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", lopdf::Object::Name(b"XML".to_vec()));
    // Uncompressed, so archive tools can read it without a PDF library.
    let metadata = doc.add_object(lopdf::Stream::new(dict, xmp_packet(info).into_bytes()));
    let catalog = doc
        .catalog_mut()
        .map_err(|e| PdfError(format!("catalog: {e}")))?;
    catalog.set(
        "Lang",
        lopdf::Object::String(
            info.lang.tag().as_bytes().to_vec(),
            lopdf::StringFormat::Literal,
        ),
    );
    catalog.set("Metadata", lopdf::Object::Reference(metadata));
    // printpdf writes its output intent for PDF/X (/S /GTS_PDFX, /DestinationOutputProfile);
    // PDF/A readers look for /S /GTS_PDFA1 and /DestOutputProfile.
    let intents: Vec<lopdf::ObjectId> = match catalog.get(b"OutputIntents") {
        Ok(lopdf::Object::Array(items)) => {
            items.iter().filter_map(|o| o.as_reference().ok()).collect()
        }
        _ => Vec::new(),
    };
    let inline = matches!(catalog.get(b"OutputIntents"), Ok(lopdf::Object::Array(items)) if items.iter().any(|o| o.as_dict().is_ok()));
    let fix = |d: &mut lopdf::Dictionary| {
        d.set("S", lopdf::Object::Name(b"GTS_PDFA1".to_vec()));
        if let Ok(profile) = d.get(b"DestinationOutputProfile").cloned() {
            d.remove(b"DestinationOutputProfile");
            d.set("DestOutputProfile", profile);
        }
    };
    if inline {
        if let Ok(lopdf::Object::Array(items)) = catalog.get_mut(b"OutputIntents") {
            for item in items.iter_mut() {
                if let lopdf::Object::Dictionary(d) = item {
                    fix(d);
                }
            }
        }
    }
    for id in intents {
        if let Ok(lopdf::Object::Dictionary(d)) = doc.get_object_mut(id) {
            fix(d);
        }
    }
    // Compress every stream except the XMP metadata, at deflate's fast level: nearly the
    // size of the best level at a fraction of the time.
    for object in doc.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            let is_metadata =
                stream.dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(&b"Metadata"[..]);
            if is_metadata || stream.dict.get(b"Filter").is_ok() {
                continue;
            }
            let mut encoder = flate2::write::ZlibEncoder::new(
                Vec::with_capacity(stream.content.len() / 2),
                flate2::Compression::fast(),
            );
            std::io::Write::write_all(&mut encoder, &stream.content)
                .map_err(|e| PdfError(e.to_string()))?;
            let compressed = encoder.finish().map_err(|e| PdfError(e.to_string()))?;
            if compressed.len() < stream.content.len() {
                stream
                    .dict
                    .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(compressed);
            }
        }
    }
    // The Info dictionary: no PDF/X version key in a PDF/A file.
    if let Ok(info) = doc.trailer.get(b"Info").and_then(|o| o.as_reference()) {
        if let Ok(lopdf::Object::Dictionary(d)) = doc.get_object_mut(info) {
            d.remove(b"GTS_PDFXVersion");
        }
    }
    let mut out = Vec::with_capacity(bytes.len() + 64);
    doc.save_to(&mut out).map_err(|e| PdfError(e.to_string()))?;
    Ok(out)
}

/// Splits text into lines no wider than `width` points.
pub fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    // Widths add up word by word (measuring each candidate line anew would be quadratic);
    // kerning across a space is nil in these fonts.
    let space = text_width_pt(" ", size, bold);
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in para.split_whitespace() {
            let w = text_width_pt(word, size, bold);
            if line.is_empty() {
                line.push_str(word);
                line_w = w;
            } else if line_w + space + w <= width {
                line.push(' ');
                line.push_str(word);
                line_w += space + w;
            } else {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
                line_w = w;
            }
        }
        lines.push(line);
    }
    lines
}

fn truncate_to_width(text: &str, size: f32, bold: bool, width: f32) -> String {
    if text_width_pt(text, size, bold) <= width {
        return text.to_string();
    }
    let mut out: String = String::new();
    for c in text.chars() {
        let candidate = format!("{out}{c}…");
        if text_width_pt(&candidate, size, bold) > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_document() -> Vec<u8> {
        let mut c = Composer::new(&DocumentInfo {
            title: "Provdokument".into(),
            subject: "Paginering".into(),
            author: "Nationellt ID-center".into(),
            creator: "Lägesbild".into(),
            created_unix: 0,
            lang: Lang::Sv,
        })
        .unwrap();
        c.title_line("Provdokument med åäö", 24.0, true);
        c.new_page();
        c.table_of_contents_here("Innehåll");
        for s in 1..=10 {
            c.heading(&format!("Avsnitt {s:02}"), 1);
            for p in 1..=20 {
                c.paragraph(&format!(
                    "Stycke {s}.{p}. Identitetsmissbruk beskrivs här med tillräckligt mycket text för att raden ska brytas över flera rader i spalten, så att sidbrytningar uppstår på olika ställen."
                ));
            }
        }
        c.heading("Avsnitt 11", 1);
        c.table(&Table {
            caption: "Tabell med sextio rader".into(),
            header: vec!["Kolumn A".into(), "Kolumn B".into()],
            rows: (1..=60)
                .map(|i| vec![format!("Rad {i}"), i.to_string()])
                .collect(),
            widths: vec![3.0, 1.0],
            align: vec![Align::Left, Align::Right],
            bold_rows: vec![],
            note: None,
        });
        c.finish(&PageFrame {
            marking: "Intern".into(),
            header_right: "Provdokument".into(),
            version: "Version 1".into(),
            draft_label: None,
            issuer: "Nationellt ID-center".into(),
            page_label: Box::new(|page, pages| format!("Sida {page} av {pages}")),
        })
        .unwrap()
    }

    #[test]
    fn long_documents_paginate_by_the_rules() {
        let bytes = long_document();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let pages: Vec<String> = doc
            .get_pages()
            .keys()
            .map(|n| doc.extract_text(&[*n]).unwrap())
            .collect();
        let n = pages.len();
        assert!(n > 8, "{n} pages");
        for (i, text) in pages.iter().enumerate() {
            assert!(
                text.contains(&format!("Sida {} av {n}", i + 1)),
                "page {}",
                i + 1
            );
            assert!(text.contains("Intern"), "marking on page {}", i + 1);
        }
        // The contents page lists every heading with the page it stands on.
        let toc = &pages[1];
        assert!(toc.contains("Innehåll"));
        let entry = regex::Regex::new(r"(Avsnitt \d\d)[\s.]*(\d+)").unwrap();
        let mut checked = 0;
        for cap in entry.captures_iter(toc) {
            let (heading, page): (&str, usize) = (&cap[1], cap[2].parse().unwrap());
            let actual = pages
                .iter()
                .enumerate()
                .skip(2)
                .find(|(_, t)| t.contains(heading))
                .map(|(i, _)| i + 1);
            assert_eq!(actual, Some(page), "{heading}");
            checked += 1;
        }
        assert_eq!(checked, 11, "every heading is in the contents: {toc}");
        // No heading stands alone at the foot of a page: body text follows it there.
        let heading = regex::Regex::new(r"Avsnitt \d\d").unwrap();
        for text in pages.iter().skip(2) {
            for cap in heading.find_iter(text) {
                let after = &text[cap.end()..];
                assert!(
                    after.contains("Stycke") || after.contains("Tabell"),
                    "a heading without its text: {after:.80}"
                );
            }
        }
        // A table split over pages repeats its header row.
        for text in pages.iter().filter(|t| t.contains("Rad ")) {
            assert!(text.contains("Kolumn A"), "header row repeated");
        }
        assert!(
            pages.iter().filter(|t| t.contains("Rad ")).count() >= 2,
            "the table breaks across pages"
        );
    }
}
