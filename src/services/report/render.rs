//! Lays a composed edition out as PDF: title page, contents, numbered sections with the
//! analyst's text and the automatic content, every chart followed by its data table. Every
//! word the report prints comes from the catalogue in the edition's language, or from the
//! report's data.

use std::sync::Arc;

use super::data::{Figure, FigureKind, ReportData, RiskLine, EFFECT_QUARTERS};
use crate::charts::{ChartMarker, ChartSeries, Heatmap, StackedChart, TrendChart};
use crate::domain::markdown::{to_blocks, Block};
use crate::domain::report::{Component, EditionContent, Label, Lang};
use crate::i18n::{Arg, Catalogue, Msg, Tr};
use crate::pdf::{Align, Chart, Composer, DocumentInfo, PageFrame, PdfError, Table};
use crate::services::analysis::Cell;

/// What the title page and the page frame say about the version.
#[derive(Debug, Clone)]
pub struct VersionInfo {
    pub title: String,
    /// The edition's language: every generated text is written in it.
    pub lang: Lang,
    /// Marking and TLP as printed, e.g. "Intern · TLP:GREEN".
    pub marking: String,
    pub edition_id: Option<i64>,
    /// `None` for a draft from live data.
    pub version_no: Option<i32>,
    /// Published versions: the date; drafts: the day it was printed.
    pub dated: chrono::NaiveDate,
    pub published: bool,
    pub correction_note: Option<String>,
    pub created_unix: i64,
}

/// A published cell: the number, `..` (suppressed) or `–` (no report).
pub fn cell_text(c: &Cell, lang: Lang) -> String {
    match (c.suppressed, c.value) {
        (true, _) => "..".into(),
        (false, None) => "–".into(),
        (false, Some(n)) => lang.int(n),
    }
}

/// A cell as a message argument: a count (which chooses the plural) or `..`/`–`.
fn cell_arg(c: &Cell, lang: Lang) -> Arg {
    match chart_value(c) {
        Some(n) => Arg::Int(n),
        None => Arg::Text(cell_text(c, lang)),
    }
}

fn chart_value(c: &Cell) -> Option<i64> {
    if c.suppressed {
        None
    } else {
        c.value
    }
}

/// The texts of a list of labels in one language, joined with commas.
fn names(v: &[Label], lang: Lang) -> String {
    v.iter()
        .map(|l| l.get(lang).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The chart of a figure, as the web and the PDF both draw it.
pub enum FigureChart {
    Trend(TrendChart),
    Stacked(StackedChart),
    Heatmap(Heatmap),
}

pub fn figure_chart(f: &Figure, tr: &Tr) -> FigureChart {
    let lang = tr.lang;
    let y_axis = tr.t("report-content-axis-cases");
    match f.kind {
        FigureKind::Lines => FigureChart::Trend(TrendChart {
            title: f.title.get(lang).to_string(),
            x_labels: f.cols.iter().map(|c| c.get(lang).to_string()).collect(),
            x_axis: f.col_axis.get(lang).to_string(),
            y_axis,
            series: f
                .rows
                .iter()
                .zip(&f.cells)
                .map(|(l, r)| ChartSeries {
                    label: l.get(lang).to_string(),
                    values: r.iter().map(chart_value).collect(),
                })
                .collect(),
            markers: f
                .markers
                .iter()
                .map(|m| ChartMarker {
                    x: m.x,
                    label: m.label.clone(),
                })
                .collect(),
            lang,
        }),
        FigureKind::Stacked => FigureChart::Stacked(StackedChart {
            title: f.title.get(lang).to_string(),
            x_labels: f.cols.iter().map(|c| c.get(lang).to_string()).collect(),
            y_axis,
            series: f
                .rows
                .iter()
                .zip(&f.cells)
                .map(|(l, r)| (l.get(lang).to_string(), r.iter().map(chart_value).collect()))
                .collect(),
            lang,
        }),
        FigureKind::Heatmap => FigureChart::Heatmap(Heatmap {
            title: f.title.get(lang).to_string(),
            rows: f.rows.iter().map(|l| l.get(lang).to_string()).collect(),
            cols: f.cols.iter().map(|l| l.get(lang).to_string()).collect(),
            cells: f
                .cells
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| (cell_text(c, lang), chart_value(c)))
                        .collect()
                })
                .collect(),
        }),
    }
}

/// What a chart shows in one sentence, for readers who do not see it: its highest
/// figure, and where the same figures are.
pub fn figure_summary(f: &Figure, tr: &Tr) -> String {
    let lang = tr.lang;
    let peak = f
        .rows
        .iter()
        .zip(&f.cells)
        .flat_map(|(r, row)| f.cols.iter().zip(row).map(move |(c, cell)| (r, c, cell)))
        .filter_map(|(r, c, cell)| chart_value(cell).map(|n| (r, c, n)))
        .max_by_key(|(_, _, n)| *n);
    let same = tr.t("report-content-chart-same-figures");
    match peak {
        Some((r, c, n)) => format!(
            "{} {same}",
            tr.msg(
                &Msg::new("report-content-chart-peak")
                    .arg("series", r.get(lang))
                    .arg("column", c.get(lang))
                    .arg("count", n)
            )
        ),
        None => same,
    }
}

/// The figure's data table: series as rows, or (for long time axes) transposed.
pub fn figure_table(f: &Figure, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let transpose = f.cols.len() > 12;
    if transpose {
        let mut header = vec![f.col_axis.get(lang).to_string()];
        header.extend(f.rows.iter().map(|r| r.get(lang).to_string()));
        let rows = f
            .cols
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                let mut row = vec![c.get(lang).to_string()];
                row.extend(f.cells.iter().map(|r| cell_text(&r[ci], lang)));
                row
            })
            .collect();
        (header, rows)
    } else {
        let mut header = vec![f.row_axis.get(lang).to_string()];
        header.extend(f.cols.iter().map(|c| c.get(lang).to_string()));
        let rows = f
            .rows
            .iter()
            .zip(&f.cells)
            .map(|(l, r)| {
                let mut row = vec![l.get(lang).to_string()];
                row.extend(r.iter().map(|c| cell_text(c, lang)));
                row
            })
            .collect();
        (header, rows)
    }
}

/// Agencies × the registered periods within the report's period: where each report stands.
pub fn completeness_table(d: &ReportData, tr: &Tr) -> (Vec<String>, Vec<Vec<String>>) {
    let lang = tr.lang;
    let mut header = vec![tr.t("report-content-col-agency")];
    header.extend(d.completeness_periods.iter().cloned());
    let rows = d
        .completeness
        .iter()
        .map(|l| {
            let mut r = vec![l.agency.get(lang).to_string()];
            r.extend(l.statuses.iter().map(|s| s.get(lang).to_string()));
            r
        })
        .collect();
    (header, rows)
}

/// The caption of the reporting status table.
pub fn completeness_caption(d: &ReportData, tr: &Tr) -> String {
    tr.t1("report-content-completeness-caption", "period", &d.period)
}

/// A list the report prints as a table (measures, signals, forum follow-ups, changed
/// figures): the same caption, header and rows for the web page and the PDF.
pub struct ListTable {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub fn list_table(component: Component, d: &ReportData, tr: &Tr) -> Option<ListTable> {
    let lang = tr.lang;
    let (caption, header, rows): (String, Vec<String>, Vec<Vec<String>>) = match component {
        Component::MeasuresTable => (
            tr.t("report-content-measures-caption"),
            vec![
                tr.t("report-content-col-measure"),
                tr.t("report-content-col-status"),
                tr.t("report-content-col-start"),
                tr.t1("report-content-col-effect", "quarters", EFFECT_QUARTERS),
            ],
            d.measures
                .iter()
                .map(|m| {
                    vec![
                        m.title.clone(),
                        m.status.get(lang).to_string(),
                        m.start_on.get(lang).to_string(),
                        m.effect.get(lang).to_string(),
                    ]
                })
                .collect(),
        ),
        Component::SignalsTable => (
            tr.t("report-content-signals-caption"),
            vec![
                tr.t("report-content-dim-misuse-type"),
                tr.t("report-content-col-observed"),
                tr.t("report-content-col-expected"),
                tr.t("report-content-col-q-value"),
            ],
            d.signals
                .iter()
                .map(|s| {
                    vec![
                        s.series.get(lang).to_string(),
                        cell_text(&s.observed, lang),
                        s.expected.get(lang).to_string(),
                        s.q_value.get(lang).to_string(),
                    ]
                })
                .collect(),
        ),
        Component::ForumFollowups => (
            tr.t("report-content-followups-caption"),
            vec![
                tr.t("report-content-col-meeting"),
                tr.t("report-content-col-followup"),
                tr.t("report-content-col-owner"),
                tr.t("report-content-col-status"),
            ],
            d.followups
                .iter()
                .map(|f| {
                    vec![
                        f.raised_on.get(lang).to_string(),
                        f.text.clone(),
                        f.owner.clone(),
                        f.status.get(lang).to_string(),
                    ]
                })
                .collect(),
        ),
        Component::Changes => (
            tr.t("report-content-changes-caption"),
            vec![
                tr.t("report-content-col-chart"),
                tr.t("report-content-col-series"),
                tr.t("report-content-col-period"),
                tr.t("report-content-col-before"),
                tr.t("report-content-col-now"),
            ],
            d.changes
                .iter()
                .map(|c| {
                    vec![
                        c.figure.get(lang).to_string(),
                        c.series.get(lang).to_string(),
                        c.period.clone(),
                        cell_text(&c.before, lang),
                        cell_text(&c.after, lang),
                    ]
                })
                .collect(),
        ),
        _ => return None,
    };
    Some(ListTable {
        caption,
        header,
        rows,
    })
}

/// One rising series: its count, whether it is a signal, and the measures in force that
/// target it (or that none does).
pub fn risk_text(r: &RiskLine, tr: &Tr) -> String {
    let coverage = if r.covered_by.is_empty() {
        tr.t("report-content-risk-uncovered")
    } else {
        tr.t1(
            "report-content-risk-covered",
            "measures",
            r.covered_by.join(", "),
        )
    };
    tr.msg(
        &Msg::new(if r.signal {
            crate::key!("report-content-risk-signal")
        } else {
            crate::key!("report-content-risk")
        })
        .arg("series", r.series.get(tr.lang))
        .arg("observed", cell_arg(&r.observed, tr.lang))
        .arg("coverage", coverage),
    )
}

/// The sentence before the table of changed figures, or instead of it.
pub fn changes_text(d: &ReportData, tr: &Tr) -> String {
    match &d.previous_edition {
        None => tr.t("report-content-changes-no-previous"),
        Some(prev) if d.changes.is_empty() => {
            tr.t1("report-content-changes-none", "edition", prev.get(tr.lang))
        }
        Some(prev) => tr.t1("report-content-changes-some", "edition", prev.get(tr.lang)),
    }
}

/// When the figures were read, as the language writes it (UTC).
fn read_at(d: &ReportData, tr: &Tr) -> String {
    chrono::NaiveDateTime::parse_from_str(&d.computed_at, "%Y-%m-%dT%H:%M:%SZ")
        .map(|t| tr.datetime(t))
        .unwrap_or_else(|_| {
            d.computed_at
                .replace('T', " ")
                .trim_end_matches('Z')
                .to_string()
        })
}

/// The generated method text ("Metod och datakvalitet").
pub fn method_paragraphs(d: &ReportData, tr: &Tr) -> Vec<String> {
    let lang = tr.lang;
    let period = d.period_label.get(lang);
    vec![
        tr.t("report-content-method-basis"),
        if d.reporting.is_empty() {
            tr.t1("report-content-method-nobody-reported", "period", period)
        } else {
            tr.t2(
                "report-content-method-reported",
                "period",
                period,
                "agencies",
                names(&d.reporting, lang),
            )
        },
        if d.missing.is_empty() {
            tr.t("report-content-method-all-reported")
        } else {
            tr.t1(
                "report-content-method-missing",
                "agencies",
                names(&d.missing, lang),
            )
        },
        tr.t2(
            "report-content-method-disclosure",
            "k",
            d.disclosure_k,
            "suppressed",
            d.suppressed_cells(),
        ),
        tr.t1("report-content-method-read-at", "at", read_at(d, tr)),
    ]
}

/// The legend under every table of counts.
pub fn cells_legend(tr: &Tr) -> String {
    tr.t("report-content-legend")
}

/// The report series' name for a period, as in every page header.
pub fn header_title(tr: &Tr, period: &str) -> String {
    tr.t1("report-content-header-title", "period", period)
}

struct Numbering {
    figure: usize,
    table: usize,
}

/// Renders a version to PDF bytes, in the version's language.
pub fn render(
    catalogue: &Arc<Catalogue>,
    info: &VersionInfo,
    content: &EditionContent,
    data: &ReportData,
) -> Result<Vec<u8>, PdfError> {
    let lang = info.lang;
    let tr = catalogue.tr(lang);
    let tr = &tr;
    let subtitle = tr.t("report-content-subtitle");
    let issuer = tr.t("report-content-issuer");
    let mut c = Composer::new(&DocumentInfo {
        title: info.title.clone(),
        subject: tr.t2(
            "report-content-pdf-subject",
            "subtitle",
            &subtitle,
            "period",
            data.period_label.get(lang),
        ),
        author: issuer.clone(),
        creator: tr.t("product-name"),
        created_unix: info.created_unix,
        lang,
    })?;

    // Title page.
    c.vspace(110.0);
    c.title_line(&info.title, 24.0, true);
    c.title_line(&subtitle, 16.0, false);
    c.vspace(24.0);
    c.title_line(
        &tr.t2(
            "report-content-title-period",
            "label",
            data.period_label.get(lang),
            "code",
            &data.period,
        ),
        13.0,
        false,
    );
    let edition = match (info.edition_id, info.version_no) {
        (Some(e), Some(v)) => tr.t2(
            if info.published {
                crate::key!("report-content-title-edition")
            } else {
                crate::key!("report-content-title-edition-draft")
            },
            "edition",
            e.to_string(),
            "version",
            v.to_string(),
        ),
        _ => tr.t("report-content-title-live-draft"),
    };
    c.title_line(&edition, 13.0, false);
    c.title_line(
        &tr.t1(
            if info.published {
                crate::key!("report-content-title-published")
            } else {
                crate::key!("report-content-title-produced")
            },
            "date",
            info.dated,
        ),
        13.0,
        false,
    );
    c.title_line(
        &tr.t1("report-content-title-marking", "marking", &info.marking),
        13.0,
        false,
    );
    if let Some(note) = &info.correction_note {
        c.vspace(12.0);
        c.title_line(
            &tr.t1("report-content-title-correction", "note", note),
            12.0,
            true,
        );
    }
    c.vspace(40.0);
    c.title_line(&issuer, 13.0, true);
    c.new_page();
    c.table_of_contents_here(tr.t("report-content-contents"));

    let mut n = Numbering {
        figure: 0,
        table: 0,
    };
    for (i, section) in content.sections.iter().enumerate() {
        c.heading(&format!("{} {}", i + 1, section.title.get(lang)), 1);
        for block in to_blocks(&section.text) {
            match block {
                Block::Heading(t) => c.heading(&t, 3),
                Block::Paragraph(t) => c.paragraph(&t),
                Block::Bullet(t) => c.bullet(&t),
            }
        }
        for component in section.included() {
            component_pdf(&mut c, component, data, tr, &mut n)?;
        }
    }

    let version = match (info.version_no, info.published) {
        (Some(v), true) => tr.t1("report-content-frame-version", "version", v.to_string()),
        (Some(v), false) => tr.t1(
            "report-content-frame-version-draft",
            "version",
            v.to_string(),
        ),
        (None, _) => tr.t("report-content-frame-draft"),
    };
    let page_tr = tr.clone();
    c.finish(&PageFrame {
        marking: info.marking.clone(),
        header_right: info.title.clone(),
        version,
        draft_label: (!info.published).then(|| tr.t("report-content-draft-mark")),
        issuer,
        page_label: Box::new(move |page, pages| {
            page_tr.t2("report-content-page", "page", page, "pages", pages)
        }),
    })
}

fn table_of(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    caption: String,
    note: Option<String>,
) -> Table {
    let cols = header.len();
    // Many number columns: a narrower label column leaves room for "2026-Q3".
    let mut widths = vec![if cols > 7 { 1.7 } else { 2.4 }];
    widths.extend(std::iter::repeat_n(1.0, cols.saturating_sub(1)));
    let mut align = vec![Align::Left];
    align.extend(std::iter::repeat_n(Align::Right, cols.saturating_sub(1)));
    Table {
        caption,
        header,
        rows,
        widths,
        align,
        bold_rows: vec![],
        note,
    }
}

fn text_table(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    widths: Vec<f32>,
    caption: String,
) -> Table {
    let n = header.len();
    Table {
        caption,
        header,
        rows,
        widths,
        align: vec![Align::Left; n],
        bold_rows: vec![],
        note: None,
    }
}

/// "Tabell 3. …" / "Table 3. …".
fn table_caption(tr: &Tr, n: &mut Numbering, caption: &str) -> String {
    n.table += 1;
    tr.t2(
        "report-content-table-caption",
        "number",
        n.table,
        "caption",
        caption,
    )
}

fn component_pdf(
    c: &mut Composer,
    component: Component,
    d: &ReportData,
    tr: &Tr,
    n: &mut Numbering,
) -> Result<(), PdfError> {
    let lang = tr.lang;
    let legend = cells_legend(tr);
    match component {
        Component::SummaryTable => {
            let f = &d.summary;
            let (mut header, rows) = figure_table(f, lang);
            header.insert(3, tr.t("report-content-col-change"));
            header.push(tr.t("report-content-col-change"));
            let change = |a: &Cell, b: &Cell| match (chart_value(a), chart_value(b)) {
                (Some(x), Some(y)) if y > 0 => {
                    lang.percent_change((x - y) as f64 / y as f64 * 100.0)
                }
                _ => "–".into(),
            };
            let mut out = Vec::new();
            for (ri, row) in rows.into_iter().enumerate() {
                let cells = &f.cells[ri];
                let mut r = row;
                r.insert(3, change(&cells[0], &cells[1]));
                r.push(change(&cells[0], &cells[2]));
                out.push(r);
            }
            let mut total = vec![tr.t("report-content-total")];
            let t = &f.col_totals;
            if t.len() == 3 {
                total.extend([
                    cell_text(&t[0], lang),
                    cell_text(&t[1], lang),
                    change(&t[0], &t[1]),
                    cell_text(&t[2], lang),
                    change(&t[0], &t[2]),
                ]);
                out.push(total);
            }
            let caption = table_caption(tr, n, f.title.get(lang));
            let mut table = table_of(header, out, caption, Some(legend));
            table.bold_rows = vec![table.rows.len().saturating_sub(1)];
            c.table(&table);
        }
        k if k.is_chart() => {
            let Some(f) = d.figures.get(&k) else {
                return Ok(());
            };
            n.figure += 1;
            let chart = figure_chart(f, tr);
            let height = match f.kind {
                FigureKind::Heatmap => 300.0,
                _ => 260.0,
            };
            let has_data = f.cells.iter().flatten().any(|c| c.value.is_some());
            if has_data {
                match &chart {
                    FigureChart::Trend(t) => c.figure(Chart::Trend(t), height)?,
                    FigureChart::Stacked(s) => c.figure(Chart::Stacked(s), height)?,
                    FigureChart::Heatmap(h) => c.figure(Chart::Heatmap(h), height)?,
                }
            } else {
                c.paragraph(&tr.t("report-content-chart-no-data"));
            }
            let (header, rows) = figure_table(f, lang);
            c.table(&table_of(
                header,
                rows,
                tr.t2(
                    "report-content-figure-caption",
                    "number",
                    n.figure,
                    "caption",
                    f.title.get(lang),
                ),
                Some(legend),
            ));
        }
        Component::MeasuresTable => {
            if d.measures.is_empty() {
                c.paragraph(&tr.t("report-content-measures-none"));
                return Ok(());
            }
            let t = list_table(Component::MeasuresTable, d, tr).expect("a list table");
            let caption = table_caption(tr, n, &t.caption);
            c.table(&text_table(
                t.header,
                t.rows,
                vec![2.2, 0.9, 0.9, 3.0],
                caption,
            ));
        }
        Component::SignalsTable => {
            if d.signals.is_empty() {
                c.paragraph(&tr.t("report-content-signals-none"));
                return Ok(());
            }
            let l = list_table(Component::SignalsTable, d, tr).expect("a list table");
            let caption = table_caption(tr, n, &l.caption);
            let mut t = table_of(l.header, l.rows, caption, None);
            t.widths = vec![2.5, 1.0, 1.0, 1.0];
            c.table(&t);
        }
        Component::RisksList => {
            if d.risks.is_empty() {
                c.paragraph(&tr.t("report-content-risks-none"));
            }
            for r in &d.risks {
                c.bullet(&risk_text(r, tr));
            }
        }
        Component::ForumFollowups => {
            if d.followups.is_empty() {
                c.paragraph(&tr.t("report-content-followups-none"));
                return Ok(());
            }
            let t = list_table(Component::ForumFollowups, d, tr).expect("a list table");
            let caption = table_caption(tr, n, &t.caption);
            c.table(&text_table(
                t.header,
                t.rows,
                vec![0.9, 3.2, 1.6, 0.9],
                caption,
            ));
        }
        Component::MethodText => {
            for p in method_paragraphs(d, tr) {
                c.paragraph(&p);
            }
        }
        Component::Completeness => {
            if d.completeness.is_empty() {
                c.paragraph(&tr.t("report-content-completeness-none"));
                return Ok(());
            }
            let (header, rows) = completeness_table(d, tr);
            let mut widths = vec![3.0];
            widths.extend(std::iter::repeat_n(1.2, header.len() - 1));
            let caption = table_caption(tr, n, &completeness_caption(d, tr));
            c.table(&text_table(header, rows, widths, caption));
        }
        Component::Changes => {
            c.paragraph(&changes_text(d, tr));
            if d.previous_edition.is_some() && !d.changes.is_empty() {
                let l = list_table(Component::Changes, d, tr).expect("a list table");
                let caption = table_caption(tr, n, &l.caption);
                let mut t = table_of(l.header, l.rows, caption, None);
                t.widths = vec![2.6, 1.6, 0.8, 0.7, 0.7];
                t.align = vec![
                    Align::Left,
                    Align::Left,
                    Align::Left,
                    Align::Right,
                    Align::Right,
                ];
                c.table(&t);
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_the_language() {
        let n = Cell {
            value: Some(1234567),
            suppressed: false,
        };
        assert_eq!(cell_text(&n, Lang::En), "1,234,567");
        assert_eq!(cell_text(&n, Lang::Sv), "1\u{202f}234\u{202f}567");
        assert_eq!(
            cell_text(
                &Cell {
                    value: None,
                    suppressed: true
                },
                Lang::En
            ),
            ".."
        );
        assert_eq!(
            cell_text(
                &Cell {
                    value: None,
                    suppressed: false
                },
                Lang::Sv
            ),
            "–"
        );
    }
}
