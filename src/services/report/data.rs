//! The data behind a report: every figure, table and list it prints, computed through the
//! one aggregation and disclosure-control step (`analysis::cross` + `analysis::publish`).
//! At publication this is frozen with the edition as JSON, so later submissions never
//! change what was published. Its texts (titles, axis names, statuses, effects) are
//! written from the catalogue in both report languages when the data is read, and frozen
//! with it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::super::aggregation::{self, Filters};
use super::super::analysis::{self, Axis, Cell, CrossQuery, CrossTable, PublishedTable};
use super::super::signals::{self, SignalCache};
use super::super::{completeness, measures, risks, taxonomy};
use crate::db::queries::{agencies, periods as period_q, reports as q};
use crate::db::DbConnection;
use crate::domain::effect::EffectVerdict;
use crate::domain::measure::MeasureStatus;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::report::{Component, Label, Lang};
use crate::domain::status::SubmissionStatus;
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::AppResult;
use crate::i18n::{Catalogue, Msg, Tr};
use crate::key;

/// Quarters in the quarterly charts.
pub const QUARTERS: i64 = 8;
/// Quarters in the chart of the series measures target.
pub const MEASURE_QUARTERS: i64 = 12;
/// Months in the monthly chart.
pub const MONTHS: i64 = 24;
/// Quarters before and after a measure's start compared for its effect.
pub const EFFECT_QUARTERS: usize = 4;

/// How a figure is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Lines,
    Stacked,
    Heatmap,
}

/// A marker on a time axis (a measure taken).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub x: usize,
    pub label: String,
}

/// A chart and its data table: rows (series) × columns, disclosure-controlled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub component: Component,
    pub kind: FigureKind,
    pub title: Label,
    /// What the columns are ("Kvartal", "Utnyttjandeområde").
    pub col_axis: Label,
    /// What the rows are ("Missbrukstyp").
    pub row_axis: Label,
    pub col_codes: Vec<String>,
    pub cols: Vec<Label>,
    pub row_codes: Vec<String>,
    pub rows: Vec<Label>,
    pub cells: Vec<Vec<Cell>>,
    pub col_totals: Vec<Cell>,
    pub markers: Vec<Marker>,
}

impl Figure {
    pub fn any_suppressed(&self) -> bool {
        self.cells
            .iter()
            .flatten()
            .chain(&self.col_totals)
            .any(|c| c.suppressed)
    }
}

/// A measure as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureLine {
    pub title: String,
    pub status: Label,
    /// The start date as each language writes it.
    pub start_on: Label,
    pub targets: Label,
    pub effect: Label,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalLine {
    pub series: Label,
    pub observed: Cell,
    /// Decimal figures as each language writes them (`1,5` / `1.5`).
    pub expected: Label,
    pub q_value: Label,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskLine {
    pub series: Label,
    pub observed: Cell,
    pub signal: bool,
    pub covered_by: Vec<String>,
    pub not_taken: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowupLine {
    /// The meeting's date as each language writes it.
    pub raised_on: Label,
    pub text: String,
    pub owner: String,
    pub status: Label,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompletenessLine {
    pub code: String,
    pub agency: Label,
    /// One per period in `ReportData::completeness_periods`.
    pub statuses: Vec<Label>,
}

/// A figure for an earlier period that moved since the previous edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeLine {
    pub figure: Label,
    pub series: Label,
    pub period: String,
    pub before: Cell,
    pub after: Cell,
}

/// Everything a report prints that comes from the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportData {
    pub period: String,
    pub period_label: Label,
    pub previous: String,
    pub year_earlier: String,
    /// When the data was read (UTC, ISO 8601).
    pub computed_at: String,
    pub disclosure_k: u64,
    pub summary: Figure,
    /// Every chart, keyed by its component.
    pub figures: BTreeMap<Component, Figure>,
    pub measures: Vec<MeasureLine>,
    pub signals: Vec<SignalLine>,
    pub risks: Vec<RiskLine>,
    pub followups: Vec<FollowupLine>,
    pub completeness: Vec<CompletenessLine>,
    /// The registered periods within the report's period that `completeness` covers.
    pub completeness_periods: Vec<String>,
    /// Agencies (and the forum) with accepted data for the period.
    pub reporting: Vec<Label>,
    /// Active agencies without accepted data for the period.
    pub missing: Vec<Label>,
    /// The edition compared against for `changes` ("utgåva 3 version 1 (2026-Q2)").
    pub previous_edition: Option<Label>,
    pub changes: Vec<ChangeLine>,
}

impl ReportData {
    pub fn period(&self) -> Option<Period> {
        Period::parse(&self.period).ok()
    }

    /// How many published cells were suppressed by disclosure control, over all figures.
    pub fn suppressed_cells(&self) -> usize {
        std::iter::once(&self.summary)
            .chain(self.figures.values())
            .map(|f| {
                f.cells
                    .iter()
                    .flatten()
                    .chain(&f.col_totals)
                    .filter(|c| c.suppressed)
                    .count()
            })
            .sum()
    }
}

/// The settings a report is computed with.
#[derive(Debug, Clone, Copy)]
pub struct DataSettings {
    pub disclosure_k: u64,
    pub signal_alpha: f64,
}

/// The previous published edition to compare with: its name and data.
pub struct Baseline {
    pub name: Label,
    pub data: ReportData,
}

/// The report's texts in both languages, from the catalogue.
pub struct Texts {
    pub sv: Tr,
    pub en: Tr,
}

impl Texts {
    pub fn new(catalogue: &Arc<Catalogue>) -> Self {
        Self {
            sv: catalogue.tr(Lang::Sv),
            en: catalogue.tr(Lang::En),
        }
    }

    /// A message in both languages.
    pub fn msg(&self, m: &Msg) -> Label {
        Label::new(self.sv.msg(m), self.en.msg(m))
    }

    /// Anything written per language (numbers, dates, composed texts).
    pub fn each(&self, f: impl Fn(&Tr) -> String) -> Label {
        Label::new(f(&self.sv), f(&self.en))
    }
}

/// A taxonomy label in one language.
fn tax_label<'a>(tax: &'a Taxonomy, d: Dimension, code: &'a str, lang: Lang) -> &'a str {
    match lang {
        Lang::Sv => tax.label_sv(d, code),
        Lang::En => tax.label_en(d, code),
    }
}

fn dim_label(tax: &Taxonomy, texts: &Texts, d: Dimension, code: &str) -> Label {
    if code.is_empty() {
        return texts.msg(&Msg::new("report-content-not-specified"));
    }
    Label::new(tax.label_sv(d, code), tax.label_en(d, code))
}

/// What a dimension is called in a report (a catalogue key).
pub fn dimension_key(d: Dimension) -> &'static str {
    match d {
        Dimension::MisuseType => key!("report-content-dim-misuse-type"),
        Dimension::ExploitationArea => key!("report-content-dim-exploitation-area"),
        Dimension::DocumentType => key!("report-content-dim-document-type"),
        Dimension::ChainStage => key!("report-content-dim-chain-stage"),
        Dimension::AgeBand => key!("report-content-dim-age-band"),
        Dimension::Citizenship => key!("report-content-dim-citizenship"),
        Dimension::FraudType => key!("report-content-dim-fraud-type"),
    }
}

/// The period in prose ("kvartal 3 2026", "Q3 2026").
pub fn period_msg(p: Period) -> Msg {
    let year = p.year().to_string();
    match p.kind() {
        PeriodKind::Month => Msg::new("report-content-period-month")
            .arg("month", p.index())
            .arg("year", year),
        PeriodKind::Quarter => Msg::new("report-content-period-quarter")
            .arg("index", p.index())
            .arg("year", year),
        PeriodKind::Half => Msg::new("report-content-period-half")
            .arg("index", p.index())
            .arg("year", year),
        PeriodKind::Year => Msg::new("report-content-period-year").arg("year", year),
    }
}

/// Builds a figure from a published cross table whose rows are a taxonomy dimension.
#[allow(clippy::too_many_arguments)]
fn figure(
    component: Component,
    kind: FigureKind,
    title: Label,
    t: &PublishedTable,
    tax: &Taxonomy,
    texts: &Texts,
    rows: Dimension,
    cols: Axis,
) -> Figure {
    let (col_axis, cols_labels): (Label, Vec<Label>) = match cols {
        Axis::Period => {
            let months = t
                .cols
                .first()
                .and_then(|c| Period::parse(c).ok())
                .is_some_and(|p| p.kind() == PeriodKind::Month);
            (
                texts.msg(&Msg::new(if months {
                    key!("report-content-axis-month")
                } else {
                    key!("report-content-axis-quarter")
                })),
                t.cols.iter().map(|c| Label::same(c.clone())).collect(),
            )
        }
        Axis::Dim(d) => (
            texts.msg(&Msg::new(dimension_key(d))),
            t.cols.iter().map(|c| dim_label(tax, texts, d, c)).collect(),
        ),
        // No report figure has agencies or sources as columns; shown by their codes.
        other => (
            texts.msg(&Msg::new(match other {
                Axis::Agency => key!("report-content-axis-agency"),
                _ => key!("report-content-axis-source"),
            })),
            t.cols.iter().map(|c| Label::same(c.clone())).collect(),
        ),
    };
    Figure {
        component,
        kind,
        title,
        col_axis,
        row_axis: texts.msg(&Msg::new(dimension_key(rows))),
        col_codes: t.cols.clone(),
        cols: cols_labels,
        row_codes: t.rows.clone(),
        rows: t
            .rows
            .iter()
            .map(|r| dim_label(tax, texts, rows, r))
            .collect(),
        cells: t.cells.clone(),
        col_totals: t.col_totals.clone(),
        markers: Vec::new(),
    }
}

struct Ctx<'a> {
    conn: &'a mut DbConnection,
    tax: Taxonomy,
    texts: Texts,
    k: u64,
}

impl Ctx<'_> {
    fn cross(
        &mut self,
        rows: Axis,
        cols: Axis,
        from: Period,
        to: Period,
    ) -> AppResult<PublishedTable> {
        let table = analysis::cross(
            self.conn,
            &CrossQuery {
                rows,
                cols,
                from,
                to,
                filters: Filters::default(),
            },
        )?;
        Ok(analysis::publish(&table, Some(self.k)))
    }

    fn quarterly(
        &mut self,
        component: Component,
        kind: FigureKind,
        d: Dimension,
        title: Label,
        last: Period,
        n: i64,
    ) -> AppResult<Figure> {
        let t = self.cross(Axis::Dim(d), Axis::Period, last.offset(-(n - 1)), last)?;
        Ok(figure(
            component,
            kind,
            title,
            &t,
            &self.tax,
            &self.texts,
            d,
            Axis::Period,
        ))
    }
}

/// Computes the report's data for `period` from the accepted submissions.
pub fn gather(
    conn: &mut DbConnection,
    period: Period,
    settings: DataSettings,
    signal_cache: Option<&SignalCache>,
    baseline: Option<&Baseline>,
    catalogue: &Arc<Catalogue>,
) -> AppResult<ReportData> {
    let tax = taxonomy::load(conn)?;
    let mut cx = Ctx {
        conn,
        tax,
        texts: Texts::new(catalogue),
        k: settings.disclosure_k,
    };
    let quarter = Period::quarter_of(period.ends_on());
    let (first_q, last_q) = (quarter.offset(-(QUARTERS - 1)), quarter);
    let span = |a: Period, b: Period| format!("{}–{}", a.code(), b.code());
    let title = |texts: &Texts, key: &'static str, arg: &'static str, value: String| {
        texts.msg(&Msg::new(key).arg(arg, value))
    };

    // The period against the previous one and the same period a year earlier.
    let compared = [period, period.previous(), period.year_earlier()];
    let totals = aggregation::period_totals(cx.conn, &compared)?;
    let misuse: Vec<(String, String)> = cx
        .tax
        .all(Dimension::MisuseType)
        .map(|e| (e.code.clone(), e.label_sv.clone()))
        .collect();
    let summary_cross = CrossTable {
        rows: misuse.iter().map(|(code, _)| code.clone()).collect(),
        cols: compared.iter().map(|p| p.code()).collect(),
        cells: misuse
            .iter()
            .map(|(code, _)| {
                totals
                    .iter()
                    .map(|t| t.has_reports().then(|| t.get(code).unwrap_or(0)))
                    .collect()
            })
            .collect(),
        reporting: BTreeMap::new(),
    };
    let summary = figure(
        Component::SummaryTable,
        FigureKind::Lines,
        title(
            &cx.texts,
            key!("report-content-figure-summary"),
            "period",
            period.code(),
        ),
        &analysis::publish(&summary_cross, Some(cx.k)),
        &cx.tax,
        &cx.texts,
        Dimension::MisuseType,
        Axis::Period,
    );

    let mut figures = BTreeMap::new();
    let q_span = span(first_q, last_q);
    let trend_title = title(
        &cx.texts,
        key!("report-content-figure-trend"),
        "span",
        q_span.clone(),
    );
    let mut trend = cx.quarterly(
        Component::TrendByMisuseType,
        FigureKind::Lines,
        Dimension::MisuseType,
        trend_title,
        last_q,
        QUARTERS,
    )?;
    let trend_periods = first_q.range_to(last_q);
    trend.markers = markers(cx.conn, &trend_periods, None)?;
    figures.insert(Component::TrendByMisuseType, trend);

    // Total per month: the column totals of misuse type × month.
    let end = period.ends_on();
    let last_m = Period::month(chrono::Datelike::year(&end), chrono::Datelike::month(&end))
        .unwrap_or(period);
    let first_m = last_m.offset(-(MONTHS - 1));
    let monthly = cx.cross(
        Axis::Dim(Dimension::MisuseType),
        Axis::Period,
        first_m,
        last_m,
    )?;
    let m_span = span(first_m, last_m);
    let mut total = figure(
        Component::MonthlyTotal,
        FigureKind::Lines,
        title(
            &cx.texts,
            key!("report-content-figure-monthly"),
            "span",
            m_span,
        ),
        &monthly,
        &cx.tax,
        &cx.texts,
        Dimension::MisuseType,
        Axis::Period,
    );
    total.row_codes = vec!["total".into()];
    total.rows = vec![cx.texts.msg(&Msg::new("report-content-total"))];
    total.cells = vec![monthly.col_totals.clone()];
    figures.insert(Component::MonthlyTotal, total);

    for (component, d, key) in [
        (
            Component::ByExploitationArea,
            Dimension::ExploitationArea,
            key!("report-content-figure-exploitation-area"),
        ),
        (
            Component::ByChainStage,
            Dimension::ChainStage,
            key!("report-content-figure-chain-stage"),
        ),
        (
            Component::ByDocumentType,
            Dimension::DocumentType,
            key!("report-content-figure-document-type"),
        ),
        (
            Component::ByFraudType,
            Dimension::FraudType,
            key!("report-content-figure-fraud-type"),
        ),
        (
            Component::ByAgeBand,
            Dimension::AgeBand,
            key!("report-content-figure-age-band"),
        ),
        (
            Component::ByCitizenship,
            Dimension::Citizenship,
            key!("report-content-figure-citizenship"),
        ),
    ] {
        let t = title(&cx.texts, key, "span", q_span.clone());
        let f = cx.quarterly(component, FigureKind::Stacked, d, t, last_q, QUARTERS)?;
        figures.insert(component, f);
    }

    // Measures: the table with measured effects, and the series they target.
    let measure_rows = measures::in_range(cx.conn, chrono::NaiveDate::MIN, period.ends_on())?;
    let mut measure_lines = Vec::new();
    let mut targeted: BTreeSet<String> = BTreeSet::new();
    for m in &measure_rows {
        let status = MeasureStatus::parse(&m.status).unwrap_or(MeasureStatus::Proposed);
        let detail = measures::detail(cx.conn, m.id, EFFECT_QUARTERS)?;
        let mut targets = Vec::new();
        for (d, code, _) in &detail.targets {
            if let Some(dim) = Dimension::parse(d) {
                targets.push((dim, code.clone()));
                if dim == Dimension::MisuseType && status.taken() {
                    targeted.insert(code.clone());
                }
            }
        }
        let tax = &cx.tax;
        let start_on = m.start_on;
        measure_lines.push(MeasureLine {
            title: m.title.clone(),
            status: cx.texts.msg(&Msg::new(measure_status_key(status))),
            start_on: cx.texts.each(|tr| tr.date(start_on)),
            targets: cx.texts.each(|tr| {
                targets
                    .iter()
                    .map(|(d, c)| tax_label(tax, *d, c, tr.lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            effect: cx
                .texts
                .each(|tr| effect_text(tr, &detail.effects, tax, status.taken())),
        });
    }
    let mq_first = last_q.offset(-(MEASURE_QUARTERS - 1));
    let mq_span = span(mq_first, last_q);
    let measured_title = title(
        &cx.texts,
        key!("report-content-figure-measures"),
        "span",
        mq_span,
    );
    let mut measured = cx.quarterly(
        Component::MeasuresChart,
        FigureKind::Lines,
        Dimension::MisuseType,
        measured_title,
        last_q,
        MEASURE_QUARTERS,
    )?;
    if !targeted.is_empty() {
        let keep: Vec<usize> = (0..measured.row_codes.len())
            .filter(|i| targeted.contains(&measured.row_codes[*i]))
            .collect();
        measured.row_codes = keep
            .iter()
            .map(|i| measured.row_codes[*i].clone())
            .collect();
        measured.rows = keep.iter().map(|i| measured.rows[*i].clone()).collect();
        measured.cells = keep.iter().map(|i| measured.cells[*i].clone()).collect();
    }
    let targeted_list: Vec<String> = targeted.iter().cloned().collect();
    measured.markers = markers(
        cx.conn,
        &mq_first.range_to(last_q),
        (!targeted_list.is_empty()).then_some(targeted_list.as_slice()),
    )?;
    figures.insert(Component::MeasuresChart, measured);

    // The period's misuse types against exploitation areas.
    // Areas as rows, misuse types as columns: the long labels wrap under the cells.
    let heat = cx.cross(
        Axis::Dim(Dimension::ExploitationArea),
        Axis::Dim(Dimension::MisuseType),
        period,
        period,
    )?;
    figures.insert(
        Component::TypeAreaHeatmap,
        figure(
            Component::TypeAreaHeatmap,
            FigureKind::Heatmap,
            title(
                &cx.texts,
                key!("report-content-figure-heatmap"),
                "period",
                period.code(),
            ),
            &heat,
            &cx.tax,
            &cx.texts,
            Dimension::ExploitationArea,
            Axis::Dim(Dimension::MisuseType),
        ),
    );

    // Signals over all agencies: small observed counts are suppressed like any cell.
    let signal_period = if matches!(period.kind(), PeriodKind::Month | PeriodKind::Quarter) {
        period
    } else {
        quarter
    };
    let rows = match signal_cache {
        Some(cache) => (*cache.get(cx.conn, signal_period, settings.signal_alpha)?).clone(),
        None => signals::evaluate_period(cx.conn, signal_period, settings.signal_alpha)?,
    };
    let k = cx.k;
    let protect = |n: u64| Cell {
        value: (n >= k).then_some(n as i64),
        suppressed: n < k,
    };
    let signal_lines = rows
        .iter()
        .filter(|r| r.agency.is_none() && r.alarm)
        .map(|r| SignalLine {
            series: dim_label(&cx.tax, &cx.texts, Dimension::MisuseType, &r.misuse_type),
            observed: protect(r.observed),
            expected: cx.texts.each(|tr| tr.decimal(r.expected, 1)),
            q_value: cx.texts.each(|tr| tr.decimal(r.q_value, 3)),
        })
        .collect();
    let (_, rising) = risks::rising(cx.conn, Some(quarter))?;
    let risk_lines = rising
        .iter()
        .map(|r| RiskLine {
            series: dim_label(&cx.tax, &cx.texts, Dimension::MisuseType, &r.misuse_type),
            observed: protect(r.observed),
            signal: r.signal,
            covered_by: r.covered_by.iter().map(|m| m.title.clone()).collect(),
            not_taken: r.not_taken.iter().map(|m| m.title.clone()).collect(),
        })
        .collect();

    let followups = q::followups_until(cx.conn, period.starts_on(), period.ends_on())?
        .into_iter()
        .map(|(held_on, text, owner, status)| FollowupLine {
            raised_on: cx.texts.each(|tr| tr.date(held_on)),
            text,
            owner,
            status: followup_status(&cx.texts, &status),
        })
        .collect();

    // Who reported: accepted data for the period, from the same aggregation.
    let agency_rows = agencies::all(cx.conn)?;
    let forum_name = cx.texts.msg(&Msg::new("report-content-forum"));
    let name_of = |code: &str| -> Label {
        if code == analysis::FORUM_KEY {
            return forum_name.clone();
        }
        agency_rows
            .iter()
            .find(|a| a.code == code)
            .map(|a| Label::new(a.name_sv.clone(), a.name_en.clone()))
            .unwrap_or_else(|| Label::same(code))
    };
    let reporting_codes: BTreeSet<String> = totals[0].reporting.iter().cloned().collect();
    let reporting: Vec<Label> = reporting_codes.iter().map(|c| name_of(c)).collect();
    let missing: Vec<Label> = agency_rows
        .iter()
        .filter(|a| a.active != 0 && !reporting_codes.contains(&a.code))
        .map(|a| Label::new(a.name_sv.clone(), a.name_en.clone()))
        .collect();
    // Where each agency's report stands, for every registered period within this one
    // (a quarter reported month by month has three).
    let mut registered: Vec<Period> =
        period_q::within(cx.conn, period.starts_on(), period.ends_on())?
            .into_iter()
            .filter_map(|(_, code)| Period::parse(&code).ok())
            .collect();
    registered.sort();
    let mut completeness: Vec<CompletenessLine> = Vec::new();
    for p in &registered {
        let c = completeness::for_period(cx.conn, *p)?;
        for a in &c.agencies {
            let line = match completeness.iter_mut().find(|l| l.code == a.agency_code) {
                Some(l) => l,
                None => {
                    completeness.push(CompletenessLine {
                        code: a.agency_code.clone(),
                        agency: name_of(&a.agency_code),
                        statuses: Vec::new(),
                    });
                    completeness.last_mut().expect("just pushed")
                }
            };
            line.statuses
                .push(cx.texts.msg(&Msg::new(submission_status_key(a.status))));
        }
    }
    let completeness_periods: Vec<String> = registered.iter().map(|p| p.code()).collect();

    let mut data = ReportData {
        period: period.code(),
        period_label: cx.texts.msg(&period_msg(period)),
        previous: period.previous().code(),
        year_earlier: period.year_earlier().code(),
        computed_at: chrono::Utc::now()
            .naive_utc()
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
        disclosure_k: cx.k,
        summary,
        figures,
        measures: measure_lines,
        signals: signal_lines,
        risks: risk_lines,
        followups,
        completeness,
        completeness_periods,
        reporting,
        missing,
        previous_edition: None,
        changes: Vec::new(),
    };
    if let Some(b) = baseline {
        data.previous_edition = Some(b.name.clone());
        data.changes = changes_since(&b.data, &data);
    }
    Ok(data)
}

fn markers(
    conn: &mut DbConnection,
    periods: &[Period],
    types: Option<&[String]>,
) -> AppResult<Vec<Marker>> {
    Ok(measures::markers(conn, periods, types)?
        .into_iter()
        .map(|m| Marker {
            x: m.x,
            label: m.label,
        })
        .collect())
}

/// Figures for periods before this edition's period whose value differs from what the
/// previous edition published: late or corrected submissions moved them.
pub fn changes_since(before: &ReportData, now: &ReportData) -> Vec<ChangeLine> {
    let Some(this) = now.period() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (component, fig) in &now.figures {
        let Some(old) = before.figures.get(component) else {
            continue;
        };
        for (ci, col) in fig.col_codes.iter().enumerate() {
            let Ok(p) = Period::parse(col) else { continue };
            if p.ends_on() >= this.starts_on() {
                continue;
            }
            let Some(oci) = old.col_codes.iter().position(|c| c == col) else {
                continue;
            };
            for (ri, code) in fig.row_codes.iter().enumerate() {
                let Some(ori) = old.row_codes.iter().position(|c| c == code) else {
                    continue;
                };
                let (a, b) = (old.cells[ori][oci], fig.cells[ri][ci]);
                if a != b {
                    out.push(ChangeLine {
                        figure: fig.title.clone(),
                        series: fig.rows[ri].clone(),
                        period: col.clone(),
                        before: a,
                        after: b,
                    });
                }
            }
        }
    }
    out
}

fn measure_status_key(s: MeasureStatus) -> &'static str {
    match s {
        MeasureStatus::Proposed => key!("report-content-measure-proposed"),
        MeasureStatus::Decided => key!("report-content-measure-decided"),
        MeasureStatus::InForce => key!("report-content-measure-in-force"),
        MeasureStatus::Ended => key!("report-content-measure-ended"),
        MeasureStatus::Rejected => key!("report-content-measure-rejected"),
    }
}

/// A measure's measured effect on each series it targets, in one language.
fn effect_text(tr: &Tr, effects: &[measures::TargetEffect], tax: &Taxonomy, taken: bool) -> String {
    if !taken {
        return tr.t("report-content-effect-not-taken");
    }
    if effects.is_empty() {
        return tr.t("report-content-effect-no-target");
    }
    effects
        .iter()
        .map(|e| {
            let series = tax_label(tax, Dimension::MisuseType, &e.misuse_type, tr.lang);
            match &e.verdict {
                EffectVerdict::Measured(m) => tr.msg(
                    &Msg::new("report-content-effect-measured")
                        .arg("series", series)
                        .arg(
                            "change",
                            m.change_pct
                                .map(|c| tr.lang.percent_change(c))
                                .unwrap_or_else(|| "–".into()),
                        )
                        .arg("p", crate::i18n::Arg::Decimal(m.p_value_two_sided, 3)),
                ),
                EffectVerdict::TooFewPeriods { .. } => {
                    tr.t1("report-content-effect-too-few-quarters", "series", series)
                }
                EffectVerdict::NoData { .. } => {
                    tr.t1("report-content-effect-no-data", "series", series)
                }
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn followup_status(texts: &Texts, code: &str) -> Label {
    let key = match code {
        "open" => key!("report-content-followup-open"),
        "in_progress" => key!("report-content-followup-in-progress"),
        "done" => key!("report-content-followup-done"),
        other => return Label::same(other),
    };
    texts.msg(&Msg::new(key))
}

fn submission_status_key(s: Option<SubmissionStatus>) -> &'static str {
    match s {
        None => key!("report-content-submission-missing"),
        Some(SubmissionStatus::Accepted) => key!("report-content-submission-accepted"),
        Some(SubmissionStatus::Submitted) => key!("report-content-submission-submitted"),
        Some(SubmissionStatus::Returned) => key!("report-content-submission-returned"),
        Some(SubmissionStatus::Draft) => key!("report-content-submission-draft"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(v: i64) -> Cell {
        Cell {
            value: Some(v),
            suppressed: false,
        }
    }

    fn fig(cols: &[&str], rows: &[(&str, Vec<Cell>)]) -> Figure {
        Figure {
            component: Component::TrendByMisuseType,
            kind: FigureKind::Lines,
            title: Label::same("T"),
            col_axis: Label::same("Kvartal"),
            row_axis: Label::same("Missbrukstyp"),
            col_codes: cols.iter().map(|c| c.to_string()).collect(),
            cols: cols.iter().map(|c| Label::same(*c)).collect(),
            row_codes: rows.iter().map(|r| r.0.to_string()).collect(),
            rows: rows.iter().map(|r| Label::same(r.0)).collect(),
            cells: rows.iter().map(|r| r.1.clone()).collect(),
            col_totals: vec![],
            markers: vec![],
        }
    }

    fn data(period: &str, f: Figure) -> ReportData {
        ReportData {
            period: period.into(),
            period_label: Label::same(period),
            previous: String::new(),
            year_earlier: String::new(),
            computed_at: String::new(),
            disclosure_k: 3,
            summary: f.clone(),
            figures: [(f.component, f)].into_iter().collect(),
            measures: vec![],
            signals: vec![],
            risks: vec![],
            followups: vec![],
            completeness: vec![],
            completeness_periods: vec![],
            reporting: vec![],
            missing: vec![],
            previous_edition: None,
            changes: vec![],
        }
    }

    #[test]
    fn changes_list_earlier_periods_that_moved_and_nothing_else() {
        let before = data(
            "2026-Q2",
            fig(&["2026-Q1", "2026-Q2"], &[("a", vec![cell(10), cell(20)])]),
        );
        let now = data(
            "2026-Q3",
            fig(
                &["2026-Q1", "2026-Q2", "2026-Q3"],
                &[("a", vec![cell(12), cell(20), cell(30)])],
            ),
        );
        let changes = changes_since(&before, &now);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].period, "2026-Q1");
        assert_eq!((changes[0].before, changes[0].after), (cell(10), cell(12)));
        assert!(changes_since(&now, &now).is_empty());
    }

    #[test]
    fn data_frozen_before_the_catalogues_still_reads() {
        // Older snapshots stored some texts as one (Swedish) string.
        let d = data("2026-Q3", fig(&["2026-Q3"], &[("a", vec![cell(1)])]));
        let mut json = serde_json::to_value(&d).unwrap();
        json["previous_edition"] = "utgåva 3 version 1 (2026-Q2)".into();
        json["signals"] = serde_json::json!([{
            "series": {"sv": "Kapad identitet", "en": "Hijacked identity"},
            "observed": {"value": 9, "suppressed": false},
            "expected": "1,5",
            "q_value": "0,010"
        }]);
        json["measures"] = serde_json::json!([{
            "title": "Kontrollinsats",
            "status": {"sv": "Gäller", "en": "In force"},
            "start_on": "2026-04-01",
            "targets": {"sv": "", "en": ""},
            "effect": {"sv": "Inte vidtagen", "en": "Not taken"}
        }]);
        json["followups"] = serde_json::json!([{
            "raised_on": "2026-05-04",
            "text": "Arbetsgrupp",
            "owner": "SKV",
            "status": {"sv": "Öppen", "en": "Open"}
        }]);
        let old: ReportData = serde_json::from_value(json).unwrap();
        assert_eq!(
            old.previous_edition,
            Some(Label::same("utgåva 3 version 1 (2026-Q2)"))
        );
        assert_eq!(old.signals[0].expected, Label::same("1,5"));
        assert_eq!(old.measures[0].start_on, Label::same("2026-04-01"));
        assert_eq!(old.followups[0].raised_on.get(Lang::En), "2026-05-04");
    }

    #[test]
    fn report_data_round_trips_through_json() {
        let d = data("2026-Q3", fig(&["2026-Q3"], &[("a", vec![cell(1)])]));
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<ReportData>(&json).unwrap(), d);
    }
}
