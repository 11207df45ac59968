//! Lays a composed edition out as PDF: title page, contents, numbered sections with the
//! analyst's text and the automatic content, every chart followed by its data table.

use super::data::{Figure, FigureKind, ReportData};
use crate::charts::{ChartMarker, ChartSeries, Heatmap, StackedChart, TrendChart};
use crate::domain::markdown::{to_blocks, Block};
use crate::domain::report::{Component, EditionContent, Lang};
use crate::pdf::{Align, Chart, Composer, DocumentInfo, PageFrame, PdfError, Table};
use crate::services::analysis::Cell;

/// What the title page and the page frame say about the version.
#[derive(Debug, Clone)]
pub struct VersionInfo {
    pub title: String,
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

/// A number as the language writes it: `1 234` in Swedish, `1,234` in English.
pub fn int_in(n: i64, lang: Lang) -> String {
    match lang {
        Lang::Sv => crate::domain::format::int_sv(n),
        Lang::En => {
            let digits = n.unsigned_abs().to_string();
            let mut out = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(ch);
            }
            if n < 0 {
                format!("-{out}")
            } else {
                out
            }
        }
    }
}

/// A published cell: the number, `..` (suppressed) or `–` (no report).
pub fn cell_text(c: &Cell, lang: Lang) -> String {
    match (c.suppressed, c.value) {
        (true, _) => "..".into(),
        (false, None) => "–".into(),
        (false, Some(n)) => int_in(n, lang),
    }
}

fn chart_value(c: &Cell) -> Option<i64> {
    if c.suppressed {
        None
    } else {
        c.value
    }
}

/// The chart of a figure, as the web and the PDF both draw it.
pub enum FigureChart {
    Trend(TrendChart),
    Stacked(StackedChart),
    Heatmap(Heatmap),
}

pub fn figure_chart(f: &Figure, lang: Lang) -> FigureChart {
    let y_axis = lang.pick("Antal fall", "Number of cases").to_string();
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
pub fn completeness_table(d: &ReportData, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec![lang.pick("Myndighet", "Agency").to_string()];
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

/// A list the report prints as a table (measures, signals, forum follow-ups, changed
/// figures): the same caption, header and rows for the web page and the PDF.
pub struct ListTable {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub fn list_table(component: Component, d: &ReportData, lang: Lang) -> Option<ListTable> {
    let w = |sv: &'static str, en: &'static str| lang.pick(sv, en).to_string();
    let (caption, header, rows): (String, Vec<String>, Vec<Vec<String>>) = match component {
        Component::MeasuresTable => (
            w(
                "Åtgärder och uppmätt effekt",
                "Measures and measured effect",
            ),
            vec![
                w("Åtgärd", "Measure"),
                w("Status", "Status"),
                w("Start", "Start"),
                w(
                    "Uppmätt effekt (4 kvartal före/efter)",
                    "Measured effect (4 quarters before/after)",
                ),
            ],
            d.measures
                .iter()
                .map(|m| {
                    vec![
                        m.title.clone(),
                        m.status.get(lang).to_string(),
                        m.start_on.clone(),
                        m.effect.get(lang).to_string(),
                    ]
                })
                .collect(),
        ),
        Component::SignalsTable => (
            w("Automatiska signaler", "Automatic signals"),
            vec![
                w("Missbrukstyp", "Misuse type"),
                w("Observerat", "Observed"),
                w("Förväntat", "Expected"),
                w("q-värde", "q-value"),
            ],
            d.signals
                .iter()
                .map(|s| {
                    vec![
                        s.series.get(lang).to_string(),
                        cell_text(&s.observed, lang),
                        s.expected.clone(),
                        s.q_value.clone(),
                    ]
                })
                .collect(),
        ),
        Component::ForumFollowups => (
            w("Forumets uppföljningspunkter", "The forum's follow-ups"),
            vec![
                w("Möte", "Meeting"),
                w("Uppföljning", "Follow-up"),
                w("Ansvarig", "Owner"),
                w("Status", "Status"),
            ],
            d.followups
                .iter()
                .map(|f| {
                    vec![
                        f.raised_on.clone(),
                        f.text.clone(),
                        f.owner.clone(),
                        f.status.get(lang).to_string(),
                    ]
                })
                .collect(),
        ),
        Component::Changes => (
            w("Ändrade siffror", "Changed figures"),
            vec![
                w("Diagram", "Chart"),
                w("Serie", "Series"),
                w("Period", "Period"),
                w("Tidigare", "Before"),
                w("Nu", "Now"),
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

/// The generated method text ("Metod och datakvalitet").
pub fn method_paragraphs(d: &ReportData, lang: Lang) -> Vec<String> {
    let names = |v: &[crate::domain::report::Label]| {
        v.iter()
            .map(|l| l.get(lang).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let period = d.period_label.get(lang);
    let suppressed = d.suppressed_cells();
    match lang {
        Lang::Sv => vec![
            "Lägesbilden bygger enbart på inrapporteringar som har godkänts vid granskning hos Nationellt ID-center. Utkast och returnerade inrapporteringar ingår inte. Månadsuppgifter summeras till kvartal.".into(),
            if d.reporting.is_empty() {
                format!("Ingen myndighet har godkända uppgifter för {period}.")
            } else {
                format!("Godkända uppgifter för {period} finns från: {}.", names(&d.reporting))
            },
            if d.missing.is_empty() {
                "Alla aktiva myndigheter har lämnat godkända uppgifter.".into()
            } else {
                format!("Godkända uppgifter saknas från: {}.", names(&d.missing))
            },
            format!(
                "Röjandekontroll har tillämpats på alla tabeller och diagram: celler med färre än {} fall visas som ”..”, liksom celler som annars skulle kunna räknas fram ur summorna. I denna utgåva undertrycktes {} celler. ”–” betyder att ingen myndighet har rapporterat.",
                d.disclosure_k, suppressed
            ),
            format!("Uppgifterna hämtades ur databasen {} (UTC).", d.computed_at.replace('T', " ").trim_end_matches('Z')),
        ],
        Lang::En => vec![
            "This situation picture is based only on submissions accepted in review by the National ID Centre. Drafts and returned submissions are not included. Monthly figures are summed to quarters.".into(),
            if d.reporting.is_empty() {
                format!("No agency has accepted figures for {period}.")
            } else {
                format!("Accepted figures for {period} come from: {}.", names(&d.reporting))
            },
            if d.missing.is_empty() {
                "Every active agency has submitted accepted figures.".into()
            } else {
                format!("Accepted figures are missing from: {}.", names(&d.missing))
            },
            format!(
                "Disclosure control was applied to every table and chart: cells with fewer than {} cases are shown as “..”, as are cells that could otherwise be recomputed from the totals. {} cells were suppressed in this edition. “–” means that no agency reported.",
                d.disclosure_k, suppressed
            ),
            format!("The figures were read from the database at {} (UTC).", d.computed_at.replace('T', " ").trim_end_matches('Z')),
        ],
    }
}

struct Numbering {
    figure: usize,
    table: usize,
}

/// Renders a version to PDF bytes.
pub fn render(
    info: &VersionInfo,
    content: &EditionContent,
    data: &ReportData,
) -> Result<Vec<u8>, PdfError> {
    let lang = info.lang;
    let w = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let mut c = Composer::new(&DocumentInfo {
        title: info.title.clone(),
        subject: format!(
            "{}, {}",
            w(
                "Kunskaps- och lägesbild över identitetsmissbruk",
                "Knowledge and situation picture of identity misuse"
            ),
            data.period_label.get(lang)
        ),
        author: w("Nationellt ID-center", "Swedish National ID Centre").into(),
        created_unix: info.created_unix,
        lang,
    })?;

    // Title page.
    c.vspace(110.0);
    c.title_line(&info.title, 24.0, true);
    c.title_line(
        w(
            "Kunskaps- och lägesbild över identitetsmissbruk",
            "Knowledge and situation picture of identity misuse",
        ),
        16.0,
        false,
    );
    c.vspace(24.0);
    c.title_line(
        &format!(
            "{}: {} ({})",
            w("Period", "Period"),
            data.period_label.get(lang),
            data.period
        ),
        13.0,
        false,
    );
    let edition = match (info.edition_id, info.version_no) {
        (Some(e), Some(v)) if info.published => match lang {
            Lang::Sv => format!("Utgåva {e}, version {v}"),
            Lang::En => format!("Edition {e}, version {v}"),
        },
        (Some(e), Some(v)) => match lang {
            Lang::Sv => format!("Utgåva {e}, version {v} – utkast, ej fastställd"),
            Lang::En => format!("Edition {e}, version {v} – draft, not approved"),
        },
        _ => w(
            "Utkast ur aktuella uppgifter, ej fastställt",
            "Draft from current data, not approved",
        )
        .into(),
    };
    c.title_line(&edition, 13.0, false);
    c.title_line(
        &format!(
            "{} {}",
            if info.published {
                w("Publicerad", "Published")
            } else {
                w("Framställd", "Produced")
            },
            info.dated.format("%Y-%m-%d")
        ),
        13.0,
        false,
    );
    c.title_line(
        &format!(
            "{}: {}",
            w("Informationsklass", "Classification"),
            info.marking
        ),
        13.0,
        false,
    );
    if let Some(note) = &info.correction_note {
        c.vspace(12.0);
        c.title_line(
            &format!("{}: {note}", w("Rättelse", "Correction")),
            12.0,
            true,
        );
    }
    c.vspace(40.0);
    c.title_line(
        w("Nationellt ID-center", "Swedish National ID Centre"),
        13.0,
        true,
    );
    c.new_page();
    c.table_of_contents_here();

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
            component_pdf(&mut c, component, data, lang, &mut n)?;
        }
    }

    let version = match (info.version_no, info.published) {
        (Some(v), true) => format!("{} {v}", w("Version", "Version")),
        (Some(v), false) => format!("{} {v} ({})", w("Version", "Version"), w("utkast", "draft")),
        (None, _) => w("Utkast", "Draft").into(),
    };
    c.finish(&PageFrame {
        marking: info.marking.clone(),
        header_right: info.title.clone(),
        version,
        draft_label: (!info.published).then(|| w("UTKAST", "DRAFT").to_string()),
        lang,
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

fn component_pdf(
    c: &mut Composer,
    component: Component,
    d: &ReportData,
    lang: Lang,
    n: &mut Numbering,
) -> Result<(), PdfError> {
    let w = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let legend = w(
        "”..” = undertryckt av röjandeskäl, ”–” = ingen inrapportering.",
        "“..” = suppressed for disclosure control, “–” = no submission.",
    );
    match component {
        Component::SummaryTable => {
            let f = &d.summary;
            let (mut header, rows) = figure_table(f, lang);
            header.insert(3, w("Förändring", "Change").into());
            header.push(w("Förändring", "Change").into());
            let change = |a: &Cell, b: &Cell| match (chart_value(a), chart_value(b)) {
                (Some(x), Some(y)) if y > 0 => {
                    let pct = (x - y) as f64 / y as f64 * 100.0;
                    match lang {
                        Lang::Sv => crate::domain::format::percent_change_sv(pct),
                        Lang::En => format!("{pct:+.1} %"),
                    }
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
            let mut total = vec![w("Totalt", "Total").to_string()];
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
            n.table += 1;
            let mut table = table_of(
                header,
                out,
                format!(
                    "{} {}. {}",
                    w("Tabell", "Table"),
                    n.table,
                    f.title.get(lang)
                ),
                Some(legend.into()),
            );
            table.bold_rows = vec![table.rows.len().saturating_sub(1)];
            c.table(&table);
        }
        k if k.is_chart() => {
            let Some(f) = d.figures.get(&k) else {
                return Ok(());
            };
            n.figure += 1;
            let chart = figure_chart(f, lang);
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
                c.paragraph(w(
                    "Det finns inga godkända uppgifter att visa i diagrammet.",
                    "There are no accepted figures to show in the chart.",
                ));
            }
            let (header, rows) = figure_table(f, lang);
            c.table(&table_of(
                header,
                rows,
                format!(
                    "{} {}. {} – {}",
                    w("Figur", "Figure"),
                    n.figure,
                    f.title.get(lang),
                    w("diagrammets siffror", "the chart's figures")
                ),
                Some(legend.into()),
            ));
        }
        Component::MeasuresTable => {
            if d.measures.is_empty() {
                c.paragraph(w(
                    "Inga åtgärder är registrerade för perioden.",
                    "No measures are registered for the period.",
                ));
                return Ok(());
            }
            n.table += 1;
            let t = list_table(Component::MeasuresTable, d, lang).expect("a list table");
            c.table(&text_table(
                t.header,
                t.rows,
                vec![2.2, 0.9, 0.9, 3.0],
                format!("{} {}. {}", w("Tabell", "Table"), n.table, t.caption),
            ));
        }
        Component::SignalsTable => {
            if d.signals.is_empty() {
                c.paragraph(w(
                    "Ingen serie ökade mer än vad dess historik förutsäger.",
                    "No series rose beyond what its history predicts.",
                ));
                return Ok(());
            }
            n.table += 1;
            let l = list_table(Component::SignalsTable, d, lang).expect("a list table");
            let mut t = table_of(
                l.header,
                l.rows,
                format!("{} {}. {}", w("Tabell", "Table"), n.table, l.caption),
                None,
            );
            t.widths = vec![2.5, 1.0, 1.0, 1.0];
            c.table(&t);
        }
        Component::RisksList => {
            if d.risks.is_empty() {
                c.paragraph(w(
                    "Ingen serie ökade under perioden.",
                    "No series rose during the period.",
                ));
            }
            for r in &d.risks {
                let covered = if r.covered_by.is_empty() {
                    w(
                        "ingen åtgärd i kraft riktar sig mot serien",
                        "no measure in force targets the series",
                    )
                    .to_string()
                } else {
                    format!(
                        "{}: {}",
                        w("åtgärder i kraft", "measures in force"),
                        r.covered_by.join(", ")
                    )
                };
                c.bullet(&format!(
                    "{} ({} {}{}); {covered}.",
                    r.series.get(lang),
                    cell_text(&r.observed, lang),
                    w("fall", "cases"),
                    if r.signal {
                        w(", signal", ", signal")
                    } else {
                        ""
                    },
                ));
            }
        }
        Component::ForumFollowups => {
            if d.followups.is_empty() {
                c.paragraph(w(
                    "Forumet har inga öppna uppföljningspunkter för perioden.",
                    "The forum has no open follow-ups for the period.",
                ));
                return Ok(());
            }
            n.table += 1;
            let t = list_table(Component::ForumFollowups, d, lang).expect("a list table");
            c.table(&text_table(
                t.header,
                t.rows,
                vec![0.9, 3.2, 1.6, 0.9],
                format!("{} {}. {}", w("Tabell", "Table"), n.table, t.caption),
            ));
        }
        Component::MethodText => {
            for p in method_paragraphs(d, lang) {
                c.paragraph(&p);
            }
        }
        Component::Completeness => {
            if d.completeness.is_empty() {
                c.paragraph(w(
                    "Perioden är inte registrerad som inrapporteringsperiod; inrapporteringsläget kan inte visas.",
                    "The period is not registered for reporting; the reporting status cannot be shown.",
                ));
                return Ok(());
            }
            n.table += 1;
            let (header, rows) = completeness_table(d, lang);
            let mut widths = vec![3.0];
            widths.extend(std::iter::repeat_n(1.2, header.len() - 1));
            c.table(&text_table(
                header,
                rows,
                widths,
                format!(
                    "{} {}. {} {}",
                    w("Tabell", "Table"),
                    n.table,
                    w("Inrapporteringsläge", "Reporting status"),
                    d.period
                ),
            ));
        }
        Component::Changes => match &d.previous_edition {
            None => c.paragraph(w(
                "Det finns ingen tidigare publicerad utgåva att jämföra med.",
                "There is no earlier published edition to compare with.",
            )),
            Some(prev) if d.changes.is_empty() => c.paragraph(&match lang {
                Lang::Sv => format!("Inga siffror för tidigare perioder har ändrats sedan {prev}."),
                Lang::En => format!("No figures for earlier periods have changed since {prev}."),
            }),
            Some(prev) => {
                c.paragraph(&match lang {
                    Lang::Sv => format!("Följande siffror för tidigare perioder har ändrats sedan {prev}, på grund av sena eller rättade inrapporteringar."),
                    Lang::En => format!("The following figures for earlier periods have changed since {prev}, because of late or corrected submissions."),
                });
                n.table += 1;
                let l = list_table(Component::Changes, d, lang).expect("a list table");
                let mut t = table_of(
                    l.header,
                    l.rows,
                    format!("{} {}. {}", w("Tabell", "Table"), n.table, l.caption),
                    None,
                );
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
        },
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(int_in(1234567, Lang::En), "1,234,567");
        assert_eq!(int_in(-1234, Lang::En), "-1,234");
        assert_eq!(int_in(999, Lang::En), "999");
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
    }
}
