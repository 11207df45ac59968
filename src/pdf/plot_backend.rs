//! A plotters [`DrawingBackend`] that emits printpdf 0.12 vector ops.
//!
//! The same chart code that renders an SVG through plotters' `SVGBackend` can
//! render into a PDF page: shapes become PDF path operators and text becomes
//! real (extractable) text set in the embedded DejaVu Sans font.
//!
//! Units: one backend unit is one PDF point. Plotters uses y pointing down from
//! the chart's top-left corner; PDF uses y pointing up from the page's
//! bottom-left corner. The backend converts between the two.
//!
//! Text size convention: plotters' own `ab_glyph` font code treats a text
//! style's size as the pixel height of the font's ascent-to-descent box, not as
//! the em size. The backend follows that convention (for DejaVu Sans the em
//! size is `size / 1.164`) so that text plotters measures by itself (e.g. the
//! legend, via `MultiLineText`) and text measured through
//! [`DrawingBackend::estimate_text_size`] agree with what is drawn.
//!
//! Transparency: the output is meant to be PDF/A-friendly, so no transparency
//! is emitted. A colour with `alpha == 0` is skipped; any other alpha is
//! flattened by blending the colour against white, which looks the same as
//! the SVG on a white page (plotters' default mesh is black at 10–20 % alpha).

use std::fmt;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, Point,
    Polygon, PolygonRing, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};

/// Error type of [`PdfBackend`] and [`PdfFonts::register`].
#[derive(Debug, Clone)]
pub struct PdfBackendError(String);

impl fmt::Display for PdfBackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PDF plot backend: {}", self.0)
    }
}

impl std::error::Error for PdfBackendError {}

/// The embedded DejaVu Sans faces, parsed once per process for metrics.
pub(crate) fn face(bold: bool) -> Option<&'static FontRef<'static>> {
    static REGULAR: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    static BOLD: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    let (cell, bytes): (_, fn() -> &'static [u8]) = if bold {
        (&BOLD, dejavu::sans::bold)
    } else {
        (&REGULAR, dejavu::sans::regular)
    };
    cell.get_or_init(|| FontRef::try_from_slice(bytes()).ok())
        .as_ref()
}

fn units_per_em(font: &FontRef<'_>) -> f32 {
    font.units_per_em().unwrap_or(2048.0)
}

/// Advance width of `text` in font units (advances + pairwise kerning).
fn text_width_units(font: &FontRef<'_>, text: &str) -> f32 {
    let mut width = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            width += font.kern_unscaled(p, id);
        }
        width += font.h_advance_unscaled(id);
        prev = Some(id);
    }
    width
}

/// Text width in points of `text` at `size_pt` (em size) in the regular (or
/// bold) DejaVu Sans, via ab_glyph advance widths + kerning.
pub fn text_width_pt(text: &str, size_pt: f32, bold: bool) -> f32 {
    match face(bold) {
        Some(font) => text_width_units(font, text) * size_pt / units_per_em(font),
        // Unreachable in practice (the font is compiled in); a rough estimate beats a panic.
        None => text.chars().count() as f32 * size_pt * 0.55,
    }
}

/// Fonts embedded in the PDF, registered once per document.
#[derive(Debug, Clone)]
pub struct PdfFonts {
    pub regular: FontId,
    pub bold: FontId,
    regular_face: &'static FontRef<'static>,
    bold_face: &'static FontRef<'static>,
}

impl PdfFonts {
    /// Adds DejaVu Sans regular and bold to `doc`. printpdf only embeds a font
    /// that is actually used on some page, so an unused bold costs nothing.
    pub fn register(doc: &mut PdfDocument) -> Result<Self, PdfBackendError> {
        let regular_face =
            face(false).ok_or_else(|| PdfBackendError("cannot parse DejaVu Sans".into()))?;
        let bold_face =
            face(true).ok_or_else(|| PdfBackendError("cannot parse DejaVu Sans Bold".into()))?;
        let parse = |bytes: &[u8], name: &str| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| PdfBackendError(format!("printpdf cannot parse {name}")))
        };
        let regular = doc.add_font(&parse(dejavu::sans::regular(), "DejaVu Sans")?);
        let bold = doc.add_font(&parse(dejavu::sans::bold(), "DejaVu Sans Bold")?);
        Ok(Self {
            regular,
            bold,
            regular_face,
            bold_face,
        })
    }

    fn pick(&self, bold: bool) -> (&FontId, &'static FontRef<'static>) {
        if bold {
            (&self.bold, self.bold_face)
        } else {
            (&self.regular, self.regular_face)
        }
    }
}

/// Resolved text metrics for one `draw_text`/`estimate_text_size` call.
struct TextMetrics {
    font_id: FontId,
    face: &'static FontRef<'static>,
    /// Em size in points (the `Tf` size).
    em_pt: f32,
    width_pt: f32,
    /// Distance from the baseline up to the ascender line, in points (positive).
    ascent_pt: f32,
    /// Distance from the baseline down to the descender line, in points (negative).
    descent_pt: f32,
}

/// A plotters backend of `width` x `height` units (1 unit = 1 pt) that appends
/// printpdf ops to a `Vec<Op>`.
pub struct PdfBackend<'a> {
    ops: &'a mut Vec<Op>,
    fonts: &'a PdfFonts,
    size: (u32, u32),
    /// Page position (pt) of the chart's top-left corner; y measured from the page bottom.
    origin: (f32, f32),
}

impl<'a> PdfBackend<'a> {
    /// `top_left_on_page` is the chart's top-left corner on the page: x in pt
    /// from the left edge, y in pt from the page *bottom* (PDF convention).
    pub fn new(
        ops: &'a mut Vec<Op>,
        fonts: &'a PdfFonts,
        size: (u32, u32),
        top_left_on_page: (f32, f32),
    ) -> Self {
        Self {
            ops,
            fonts,
            size,
            origin: top_left_on_page,
        }
    }

    fn page_point(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(self.origin.0 + x),
            y: Pt(self.origin.1 - y),
        }
    }

    fn line_point(&self, (x, y): BackendCoord) -> LinePoint {
        LinePoint {
            p: self.page_point(x as f32, y as f32),
            bezier: false,
        }
    }

    /// Runs `draw` between q/Q with the given fill/stroke state so nothing leaks.
    fn with_state(
        &mut self,
        fill: Option<BackendColor>,
        stroke: Option<(BackendColor, u32)>,
        draw: Op,
    ) {
        self.ops.push(Op::SaveGraphicsState);
        if let Some(c) = fill {
            self.ops.push(Op::SetFillColor { col: pdf_color(c) });
        }
        if let Some((c, width)) = stroke {
            self.ops.push(Op::SetOutlineColor { col: pdf_color(c) });
            self.ops.push(Op::SetOutlineThickness {
                pt: Pt(width as f32),
            });
        }
        self.ops.push(draw);
        self.ops.push(Op::RestoreGraphicsState);
    }

    fn text_metrics<S: BackendTextStyle>(&self, text: &str, style: &S) -> TextMetrics {
        let bold = matches!(style.style(), FontStyle::Bold);
        let (font_id, face) = self.fonts.pick(bold);
        let upm = units_per_em(face);
        let (asc, desc) = (face.ascent_unscaled(), face.descent_unscaled());
        // Plotters' ab_glyph convention: size = ascent - descent in px (see module docs).
        let line_units = (asc - desc).max(1.0);
        let em_pt = style.size() as f32 * upm / line_units;
        let scale = em_pt / upm;
        TextMetrics {
            font_id: font_id.clone(),
            face,
            em_pt,
            width_pt: text_width_units(face, text) * scale,
            ascent_pt: asc * scale,
            descent_pt: desc * scale,
        }
    }
}

/// BackendColor (0-255, alpha) to an opaque PDF RGB colour, flattened onto white.
fn pdf_color(c: BackendColor) -> Color {
    let a = c.alpha.clamp(0.0, 1.0) as f32;
    let chan = |v: u8| 1.0 - a * (1.0 - f32::from(v) / 255.0);
    super::cmyk(chan(c.rgb.0), chan(c.rgb.1), chan(c.rgb.2))
}

fn invisible(c: &BackendColor) -> bool {
    c.alpha <= 0.0
}

/// Rotates a text-local offset (x along the text, y down) like plotters' `FontTransform`.
fn rotate(t: &FontTransform, x: f32, y: f32) -> (f32, f32) {
    match t {
        FontTransform::None => (x, y),
        FontTransform::Rotate90 => (-y, x),
        FontTransform::Rotate180 => (-x, -y),
        FontTransform::Rotate270 => (y, -x),
    }
}

/// Splits `text` into TJ items, inserting kerning adjustments (thousandths of
/// an em; positive moves left) so the PDF advance matches `text_width_pt`.
pub(crate) fn kerned_items(face: &FontRef<'_>, text: &str) -> Vec<TextItem> {
    let upm = units_per_em(face);
    let mut items = Vec::new();
    let mut run = String::new();
    let mut prev = None;
    for c in text.chars() {
        let id = face.glyph_id(c);
        if let Some(p) = prev {
            let kern = face.kern_unscaled(p, id);
            if kern != 0.0 {
                items.push(TextItem::Text(std::mem::take(&mut run)));
                items.push(TextItem::Offset(-kern * 1000.0 / upm));
            }
        }
        run.push(c);
        prev = Some(id);
    }
    if !run.is_empty() {
        items.push(TextItem::Text(run));
    }
    items
}

type BackendResult = Result<(), DrawingErrorKind<PdfBackendError>>;

impl DrawingBackend for PdfBackend<'_> {
    type ErrorType = PdfBackendError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> BackendResult {
        Ok(())
    }

    fn present(&mut self) -> BackendResult {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> BackendResult {
        if invisible(&color) {
            return Ok(());
        }
        // 1x1 pt square whose top-left is the pixel coordinate (as SVGBackend does).
        let ll = self.page_point(x as f32, (y + 1) as f32);
        let rect = Rect {
            mode: Some(PaintMode::Fill),
            ..Rect::from_xywh(ll.x, ll.y, Pt(1.0), Pt(1.0))
        };
        self.with_state(Some(color), None, Op::DrawRectangle { rectangle: rect });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> BackendResult {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> BackendResult {
        let color = style.color();
        if invisible(&color) {
            return Ok(());
        }
        let (x0, x1) = (
            upper_left.0.min(bottom_right.0),
            upper_left.0.max(bottom_right.0),
        );
        let (y0, y1) = (
            upper_left.1.min(bottom_right.1),
            upper_left.1.max(bottom_right.1),
        );
        let ll = self.page_point(x0 as f32, y1 as f32);
        let base = Rect::from_xywh(ll.x, ll.y, Pt((x1 - x0) as f32), Pt((y1 - y0) as f32));
        if fill {
            let rect = Rect {
                mode: Some(PaintMode::Fill),
                ..base
            };
            self.with_state(Some(color), None, Op::DrawRectangle { rectangle: rect });
        } else {
            let rect = Rect {
                mode: Some(PaintMode::Stroke),
                ..base
            };
            let stroke = Some((color, style.stroke_width()));
            self.with_state(None, stroke, Op::DrawRectangle { rectangle: rect });
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> BackendResult {
        let color = style.color();
        if invisible(&color) || style.stroke_width() == 0 {
            return Ok(());
        }
        let points: Vec<LinePoint> = path.into_iter().map(|p| self.line_point(p)).collect();
        if points.len() < 2 {
            return Ok(());
        }
        let line = Line {
            points,
            is_closed: false,
        };
        self.with_state(
            None,
            Some((color, style.stroke_width())),
            Op::DrawLine { line },
        );
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> BackendResult {
        let color = style.color();
        if invisible(&color) {
            return Ok(());
        }
        // Four cubic Béziers; K is the standard control-point distance for a quarter circle.
        const K: f32 = 0.552_284_8;
        let (cx, cy, r) = (center.0 as f32, center.1 as f32, radius as f32);
        let k = K * r;
        let pts: [(f32, f32, bool); 13] = [
            (cx + r, cy, false),
            (cx + r, cy + k, true),
            (cx + k, cy + r, true),
            (cx, cy + r, false),
            (cx - k, cy + r, true),
            (cx - r, cy + k, true),
            (cx - r, cy, false),
            (cx - r, cy - k, true),
            (cx - k, cy - r, true),
            (cx, cy - r, false),
            (cx + k, cy - r, true),
            (cx + r, cy - k, true),
            (cx + r, cy, false),
        ];
        let points: Vec<LinePoint> = pts
            .iter()
            .map(|&(x, y, bezier)| LinePoint {
                p: self.page_point(x, y),
                bezier,
            })
            .collect();
        if fill {
            let polygon = Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            };
            self.with_state(Some(color), None, Op::DrawPolygon { polygon });
        } else {
            let line = Line {
                points,
                is_closed: true,
            };
            self.with_state(
                None,
                Some((color, style.stroke_width())),
                Op::DrawLine { line },
            );
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> BackendResult {
        let color = style.color();
        if invisible(&color) {
            return Ok(());
        }
        let points: Vec<LinePoint> = vert.into_iter().map(|p| self.line_point(p)).collect();
        if points.len() < 3 {
            return Ok(());
        }
        let polygon = Polygon {
            rings: vec![PolygonRing { points }],
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        };
        self.with_state(Some(color), None, Op::DrawPolygon { polygon });
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> BackendResult {
        let color = style.color();
        if invisible(&color) || text.is_empty() {
            return Ok(());
        }
        let m = self.text_metrics(text, style);

        // Baseline start relative to the anchor, in text-local coordinates (x along
        // the text, y down), then rotated into chart coordinates.
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -m.width_pt / 2.0,
            HPos::Right => -m.width_pt,
        };
        let dy = match anchor.v_pos {
            VPos::Top => m.ascent_pt,
            VPos::Center => (m.ascent_pt + m.descent_pt) / 2.0,
            VPos::Bottom => m.descent_pt,
        };
        let transform = style.transform();
        let (rx, ry) = rotate(&transform, dx, dy);
        let origin = self.page_point(pos.0 as f32 + rx, pos.1 as f32 + ry);

        // Text-space axes on the page (PDF y is up, so plotters' clockwise
        // Rotate90 is a clockwise rotation of the baseline here as well).
        let [a, b, c, d] = match transform {
            FontTransform::None => [1.0, 0.0, 0.0, 1.0],
            FontTransform::Rotate90 => [0.0, -1.0, 1.0, 0.0],
            FontTransform::Rotate180 => [-1.0, 0.0, 0.0, -1.0],
            FontTransform::Rotate270 => [0.0, 1.0, -1.0, 0.0],
        };

        let items = kerned_items(m.face, text);
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetFillColor {
                col: pdf_color(color),
            },
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(m.font_id),
                size: Pt(m.em_pt),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Raw([a, b, c, d, origin.x.0, origin.y.0]),
            },
            Op::ShowText { items },
            Op::EndTextSection,
            Op::RestoreGraphicsState,
        ]);
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<PdfBackendError>> {
        let m = self.text_metrics(text, style);
        Ok((
            m.width_pt.ceil() as u32,
            (m.ascent_pt - m.descent_pt).ceil() as u32,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{text_width_pt, PdfBackend, PdfFonts};
    use plotters::prelude::*;
    use plotters_backend::DrawingBackend;
    use printpdf::{Mm, PdfPage, PdfSaveOptions};
    use printpdf::{Op, PdfDocument};
    use std::sync::Once;

    const A4: (f32, f32) = (595.0, 842.0);

    /// Plotters measures some text itself (legend labels via `MultiLineText`), using
    /// its global ab_glyph registry, so "sans-serif" must be registered once per process.
    fn register_plotters_fonts() {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            let normal = plotters::style::register_font(
                "sans-serif",
                FontStyle::Normal,
                dejavu::sans::regular(),
            );
            let bold =
                plotters::style::register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
            assert!(normal.is_ok() && bold.is_ok(), "register_font failed");
        });
    }

    /// Draws the test chart onto an A4 page and returns the saved PDF bytes.
    fn chart_pdf() -> Vec<u8> {
        register_plotters_fonts();
        let mut doc = PdfDocument::new("Lägesbild diagramtest");
        let fonts = PdfFonts::register(&mut doc).unwrap();
        let mut ops = Vec::new();
        {
            let backend = PdfBackend::new(&mut ops, &fonts, (500, 340), (48.0, A4.1 - 60.0));
            let root = backend.into_drawing_area();
            root.fill(&WHITE).unwrap();
            let (upper, lower) = root.split_vertically(310);

            let quarters = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];
            let values = [120, 180, 150, 240];
            let mut chart = ChartBuilder::on(&upper)
                .caption(
                    "Utnyttjade identiteter per kvartal",
                    ("sans-serif", 18, FontStyle::Bold),
                )
                .margin(10)
                .x_label_area_size(36)
                .y_label_area_size(48)
                .build_cartesian_2d(0i32..3, 0i32..300)
                .unwrap();
            chart
                .configure_mesh()
                .x_labels(4)
                .x_label_formatter(&|i| {
                    quarters.get(*i as usize).copied().unwrap_or("").to_string()
                })
                .x_desc("Kvartal")
                .y_desc("Antal")
                .label_style(("sans-serif", 12))
                .draw()
                .unwrap();
            chart
                .draw_series(LineSeries::new(
                    values.iter().enumerate().map(|(i, v)| (i as i32, *v)),
                    BLUE.stroke_width(2),
                ))
                .unwrap()
                .label("Identiteter")
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLUE.stroke_width(2)));
            chart
                .draw_series(
                    values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| Circle::new((i as i32, *v), 4, RED.filled())),
                )
                .unwrap()
                .label("Mätpunkt")
                .legend(|(x, y)| Circle::new((x + 10, y), 4, RED.filled()));
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .label_font(("sans-serif", 12))
                .background_style(WHITE)
                .border_style(BLACK)
                .draw()
                .unwrap();
            lower
                .draw(&Text::new(
                    "Åtgärd – ökning i län",
                    (58, 8),
                    ("sans-serif", 13),
                ))
                .unwrap();
            root.present().unwrap();
        }
        let page = PdfPage::new(Mm(210.0), Mm(297.0), ops);
        let mut warnings = Vec::new();
        let bytes = doc
            .with_pages(vec![page])
            .save(&PdfSaveOptions::default(), &mut warnings);
        for w in &warnings {
            eprintln!("printpdf warning: {w:?}");
        }
        bytes
    }

    #[test]
    fn line_chart_renders_vector_paths_and_extractable_text() {
        let bytes = chart_pdf();
        // Kept for looking at by hand (pdftoppm); never in the source tree.
        let _ = std::fs::write(
            std::env::temp_dir().join("lagesbild-plot-backend.pdf"),
            &bytes,
        );

        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let pages = pdf.get_pages();
        assert_eq!(pages.len(), 1);
        let content = String::from_utf8_lossy(&pdf.get_page_content(pages[&1])).into_owned();
        for op in [" l\n", " re\n", " c\n", " Tj\n", " Tm\n"] {
            assert!(
                content.contains(op) || content.contains(&op.replace('\n', " ")),
                "missing `{}` in content",
                op.trim()
            );
        }

        let text = pdf.extract_text(&[1]).unwrap();
        for expected in [
            "Utnyttjade identiteter per kvartal",
            "2025-Q1",
            "2025-Q4",
            "Åtgärd – ökning i län",
            "Identiteter",
        ] {
            assert!(
                text.contains(expected),
                "`{expected}` not in extracted text: {text:?}"
            );
        }
    }

    #[test]
    fn rotated_axis_description_is_extractable() {
        let pdf = lopdf::Document::load_mem(&chart_pdf()).unwrap();
        let text = pdf.extract_text(&[1]).unwrap();
        assert!(text.contains("Antal"), "rotated y label missing: {text:?}");
        // The y description is the only text drawn with a 90° text matrix.
        let pages = pdf.get_pages();
        let content = String::from_utf8_lossy(&pdf.get_page_content(pages[&1])).into_owned();
        assert!(
            content.contains("0 1 -1 0 "),
            "no rotated text matrix in content"
        );
    }

    #[test]
    fn text_width_is_positive_and_linear_in_size() {
        let w10 = text_width_pt("ÅÄÖ", 10.0, false);
        let w20 = text_width_pt("ÅÄÖ", 20.0, false);
        assert!(w10 > 0.0);
        assert!((w20 - 2.0 * w10).abs() < 1e-3, "{w10} vs {w20}");
        assert!(
            text_width_pt("ÅÄÖ", 10.0, true) > w10,
            "bold should be wider"
        );
        assert_eq!(text_width_pt("", 10.0, false), 0.0);
    }

    #[test]
    fn estimate_matches_draw_metrics() {
        let mut doc = PdfDocument::new("t");
        let fonts = PdfFonts::register(&mut doc).unwrap();
        let mut ops = Vec::new();
        let backend = PdfBackend::new(&mut ops, &fonts, (100, 100), (0.0, 100.0));
        let style = TextStyle::from(("sans-serif", 20).into_font());
        let (w, h) = backend.estimate_text_size("Länsstyrelsen", &style).unwrap();
        let m = backend.text_metrics("Länsstyrelsen", &style);
        assert_eq!(w, m.width_pt.ceil() as u32);
        // Size 20 is the ascent-to-descent height (plotters' ab_glyph convention).
        assert_eq!(h, 20);
        assert!((m.width_pt - text_width_pt("Länsstyrelsen", m.em_pt, false)).abs() < 1e-3);
    }

    #[test]
    fn coordinates_are_flipped_and_transparent_colours_skipped() {
        let mut doc = PdfDocument::new("t");
        let fonts = PdfFonts::register(&mut doc).unwrap();
        let mut ops = Vec::new();
        let mut backend = PdfBackend::new(&mut ops, &fonts, (100, 50), (10.0, 700.0));
        backend.draw_rect((0, 0), (20, 10), &BLACK, true).unwrap();
        backend.draw_line((0, 0), (5, 5), &TRANSPARENT).unwrap();
        let rect = ops.iter().find_map(|op| match op {
            Op::DrawRectangle { rectangle } => Some(rectangle.clone()),
            _ => None,
        });
        let rect = rect.unwrap();
        assert_eq!(
            (rect.x.0, rect.y.0, rect.width.0, rect.height.0),
            (10.0, 690.0, 20.0, 10.0)
        );
        assert!(!ops.iter().any(|op| matches!(op, Op::DrawLine { .. })));
        // Every state change is bracketed.
        let saves = ops
            .iter()
            .filter(|op| matches!(op, Op::SaveGraphicsState))
            .count();
        let restores = ops
            .iter()
            .filter(|op| matches!(op, Op::RestoreGraphicsState))
            .count();
        assert_eq!(saves, restores);
    }

    #[test]
    fn centred_text_is_centred_for_every_rotation() {
        use plotters::style::text_anchor::{HPos, Pos, VPos};
        let mut doc = PdfDocument::new("t");
        let fonts = PdfFonts::register(&mut doc).unwrap();
        for transform in [
            FontTransform::None,
            FontTransform::Rotate90,
            FontTransform::Rotate180,
            FontTransform::Rotate270,
        ] {
            let mut ops = Vec::new();
            let mut backend = PdfBackend::new(&mut ops, &fonts, (100, 100), (10.0, 500.0));
            let style = TextStyle::from(("sans-serif", 16).into_font())
                .transform(transform)
                .pos(Pos::new(HPos::Center, VPos::Center));
            let m = backend.text_metrics("Länk", &style);
            backend.draw_text("Länk", &style, (40, 30)).unwrap();
            let [a, b, c, d, e, f] = ops
                .iter()
                .find_map(|op| match op {
                    Op::SetTextMatrix { matrix } => Some(matrix.as_array()),
                    _ => None,
                })
                .unwrap();
            // Centre of the text box in text space, mapped to the page.
            let (u, v) = (m.width_pt / 2.0, (m.ascent_pt + m.descent_pt) / 2.0);
            let (cx, cy) = (e + a * u + c * v, f + b * u + d * v);
            assert!(
                (cx - 50.0).abs() < 1e-3 && (cy - 470.0).abs() < 1e-3,
                "{cx},{cy}"
            );
        }
    }
}
