//! The data behind a report: every figure, table and list it prints, computed through the
//! one aggregation and disclosure-control step (`analysis::cross` + `analysis::publish`).
//! At publication this is frozen with the edition as JSON, so later submissions never
//! change what was published.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::super::aggregation::{self, Filters};
use super::super::analysis::{self, Axis, Cell, CrossQuery, CrossTable, PublishedTable};
use super::super::signals::{self, SignalCache};
use super::super::{completeness, measures, risks, taxonomy};
use crate::db::queries::{agencies, periods as period_q, reports as q};
use crate::db::DbConnection;
use crate::domain::effect::EffectVerdict;
use crate::domain::format::{decimal_sv, percent_change_sv};
use crate::domain::measure::MeasureStatus;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::report::{Component, Label};
use crate::domain::status::SubmissionStatus;
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::AppResult;

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
    pub start_on: String,
    pub targets: Label,
    pub effect: Label,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalLine {
    pub series: Label,
    pub observed: Cell,
    pub expected: String,
    pub q_value: String,
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
    pub raised_on: String,
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
    /// The edition compared against for `changes` ("utgåva 3 version 1, 2026-Q2").
    pub previous_edition: Option<String>,
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
    pub name: String,
    pub data: ReportData,
}

fn dim_label(tax: &Taxonomy, d: Dimension, code: &str) -> Label {
    if code.is_empty() {
        return Label::new("Ej angivet", "Not specified");
    }
    Label::new(tax.label_sv(d, code), tax.label_en(d, code))
}

/// The period in Swedish prose ("kvartal 3 2026"); in English its code.
fn period_label(p: Period) -> Label {
    match crate::i18n::Catalogue::load() {
        Ok(c) => Label::new(
            std::sync::Arc::new(c)
                .tr(crate::i18n::Lang::Sv)
                .msg(&p.label()),
            p.code(),
        ),
        Err(_) => Label::same(p.code()),
    }
}

/// Builds a figure from a published cross table whose rows are a taxonomy dimension.
fn figure(
    component: Component,
    kind: FigureKind,
    title: Label,
    t: &PublishedTable,
    tax: &Taxonomy,
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
                if months {
                    Label::new("Månad", "Month")
                } else {
                    Label::new("Kvartal", "Quarter")
                },
                t.cols.iter().map(|c| Label::same(c.clone())).collect(),
            )
        }
        Axis::Dim(d) => (
            Label::new(d.label_sv(), d.label_en()),
            t.cols.iter().map(|c| dim_label(tax, d, c)).collect(),
        ),
        // No report figure has agencies or sources as columns; shown by their codes.
        other => (
            Label::same(other.code()),
            t.cols.iter().map(|c| Label::same(c.clone())).collect(),
        ),
    };
    Figure {
        component,
        kind,
        title,
        col_axis,
        row_axis: Label::new(rows.label_sv(), rows.label_en()),
        col_codes: t.cols.clone(),
        cols: cols_labels,
        row_codes: t.rows.clone(),
        rows: t.rows.iter().map(|r| dim_label(tax, rows, r)).collect(),
        cells: t.cells.clone(),
        col_totals: t.col_totals.clone(),
        markers: Vec::new(),
    }
}

struct Ctx<'a> {
    conn: &'a mut DbConnection,
    tax: Taxonomy,
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
) -> AppResult<ReportData> {
    let tax = taxonomy::load(conn)?;
    let mut cx = Ctx {
        conn,
        tax,
        k: settings.disclosure_k,
    };
    let quarter = Period::quarter_of(period.ends_on());
    let (first_q, last_q) = (quarter.offset(-(QUARTERS - 1)), quarter);
    let span = |a: Period, b: Period| format!("{}–{}", a.code(), b.code());

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
        Label::new(
            format!("Godkända fall per missbrukstyp, {}", period.code()),
            format!("Accepted cases by misuse type, {}", period.code()),
        ),
        &analysis::publish(&summary_cross, Some(cx.k)),
        &cx.tax,
        Dimension::MisuseType,
        Axis::Period,
    );

    let mut figures = BTreeMap::new();
    let q_span = span(first_q, last_q);
    let mut trend = cx.quarterly(
        Component::TrendByMisuseType,
        FigureKind::Lines,
        Dimension::MisuseType,
        Label::new(
            format!("Fall per missbrukstyp och kvartal, {q_span}"),
            format!("Cases by misuse type and quarter, {q_span}"),
        ),
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
        Label::new(
            format!("Totalt antal fall per månad, {m_span}"),
            format!("Total cases per month, {m_span}"),
        ),
        &monthly,
        &cx.tax,
        Dimension::MisuseType,
        Axis::Period,
    );
    total.row_codes = vec!["total".into()];
    total.rows = vec![Label::new("Totalt", "Total")];
    total.cells = vec![monthly.col_totals.clone()];
    figures.insert(Component::MonthlyTotal, total);

    for (component, d, sv, en) in [
        (
            Component::ByExploitationArea,
            Dimension::ExploitationArea,
            "Fall per utnyttjandeområde och kvartal",
            "Cases by exploitation area and quarter",
        ),
        (
            Component::ByChainStage,
            Dimension::ChainStage,
            "Fall per steg i identitetskedjan och kvartal",
            "Cases by identity chain stage and quarter",
        ),
        (
            Component::ByDocumentType,
            Dimension::DocumentType,
            "Fall per handlingstyp och kvartal",
            "Cases by document type and quarter",
        ),
        (
            Component::ByFraudType,
            Dimension::FraudType,
            "Fall per typ av förfalskning och kvartal",
            "Cases by fraud type and quarter",
        ),
        (
            Component::ByAgeBand,
            Dimension::AgeBand,
            "Fall per åldersgrupp och kvartal",
            "Cases by age band and quarter",
        ),
        (
            Component::ByCitizenship,
            Dimension::Citizenship,
            "Fall per medborgarskap och kvartal",
            "Cases by citizenship and quarter",
        ),
    ] {
        let f = cx.quarterly(
            component,
            FigureKind::Stacked,
            d,
            Label::new(format!("{sv}, {q_span}"), format!("{en}, {q_span}")),
            last_q,
            QUARTERS,
        )?;
        figures.insert(component, f);
    }

    // Measures: the table with measured effects, and the series they target.
    let measure_rows = measures::in_range(cx.conn, chrono::NaiveDate::MIN, period.ends_on())?;
    let mut measure_lines = Vec::new();
    let mut targeted: BTreeSet<String> = BTreeSet::new();
    for m in &measure_rows {
        let status = MeasureStatus::parse(&m.status).unwrap_or(MeasureStatus::Proposed);
        let detail = measures::detail(cx.conn, m.id, EFFECT_QUARTERS)?;
        let mut targets_sv = Vec::new();
        let mut targets_en = Vec::new();
        for (d, code, _) in &detail.targets {
            if let Some(dim) = Dimension::parse(d) {
                targets_sv.push(cx.tax.label_sv(dim, code).to_string());
                targets_en.push(cx.tax.label_en(dim, code).to_string());
                if dim == Dimension::MisuseType && status.taken() {
                    targeted.insert(code.clone());
                }
            }
        }
        let (effect_sv, effect_en) = effect_text(&detail.effects, &cx.tax, status.taken());
        measure_lines.push(MeasureLine {
            title: m.title.clone(),
            status: Label::new(measure_status_sv(status), measure_status_en(status)),
            start_on: m.start_on.format("%Y-%m-%d").to_string(),
            targets: Label::new(targets_sv.join(", "), targets_en.join(", ")),
            effect: Label::new(effect_sv, effect_en),
        });
    }
    let mq_first = last_q.offset(-(MEASURE_QUARTERS - 1));
    let mq_span = span(mq_first, last_q);
    let mut measured = cx.quarterly(
        Component::MeasuresChart,
        FigureKind::Lines,
        Dimension::MisuseType,
        Label::new(
            format!("Missbrukstyper som åtgärder riktar sig mot, {mq_span}"),
            format!("Misuse types targeted by measures, {mq_span}"),
        ),
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
            Label::new(
                format!("Utnyttjandeområde och missbrukstyp, {}", period.code()),
                format!("Exploitation area by misuse type, {}", period.code()),
            ),
            &heat,
            &cx.tax,
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
            series: dim_label(&cx.tax, Dimension::MisuseType, &r.misuse_type),
            observed: protect(r.observed),
            expected: decimal_sv(r.expected, 1),
            q_value: decimal_sv(r.q_value, 3),
        })
        .collect();
    let (_, rising) = risks::rising(cx.conn, Some(quarter))?;
    let risk_lines = rising
        .iter()
        .map(|r| RiskLine {
            series: dim_label(&cx.tax, Dimension::MisuseType, &r.misuse_type),
            observed: protect(r.observed),
            signal: r.signal,
            covered_by: r.covered_by.iter().map(|m| m.title.clone()).collect(),
            not_taken: r.not_taken.iter().map(|m| m.title.clone()).collect(),
        })
        .collect();

    let followups = q::followups_until(cx.conn, period.starts_on(), period.ends_on())?
        .into_iter()
        .map(|(held_on, text, owner, status)| FollowupLine {
            raised_on: held_on.format("%Y-%m-%d").to_string(),
            text,
            owner,
            status: followup_status(&status),
        })
        .collect();

    // Who reported: accepted data for the period, from the same aggregation.
    let agency_rows = agencies::all(cx.conn)?;
    let name_of = |code: &str| -> Label {
        if code == analysis::FORUM_KEY {
            return Label::new("Operativt ID-forum", "Operational ID Forum");
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
            line.statuses.push(submission_status(a.status));
        }
    }
    let completeness_periods: Vec<String> = registered.iter().map(|p| p.code()).collect();

    let mut data = ReportData {
        period: period.code(),
        period_label: period_label(period),
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

fn measure_status_sv(s: MeasureStatus) -> &'static str {
    match s {
        MeasureStatus::Proposed => "Föreslagen",
        MeasureStatus::Decided => "Beslutad",
        MeasureStatus::InForce => "Gäller",
        MeasureStatus::Ended => "Avslutad",
        MeasureStatus::Rejected => "Avslagen",
    }
}

fn measure_status_en(s: MeasureStatus) -> &'static str {
    match s {
        MeasureStatus::Proposed => "Proposed",
        MeasureStatus::Decided => "Decided",
        MeasureStatus::InForce => "In force",
        MeasureStatus::Ended => "Ended",
        MeasureStatus::Rejected => "Rejected",
    }
}

fn effect_text(
    effects: &[measures::TargetEffect],
    tax: &Taxonomy,
    taken: bool,
) -> (String, String) {
    if !taken {
        return ("Inte vidtagen".into(), "Not taken".into());
    }
    if effects.is_empty() {
        return (
            "Riktar sig inte mot någon missbrukstyp".into(),
            "Targets no misuse type".into(),
        );
    }
    let mut sv = Vec::new();
    let mut en = Vec::new();
    for e in effects {
        let (lsv, len) = (
            tax.label_sv(Dimension::MisuseType, &e.misuse_type),
            tax.label_en(Dimension::MisuseType, &e.misuse_type),
        );
        match &e.verdict {
            EffectVerdict::Measured(m) => {
                let change = m
                    .change_pct
                    .map(percent_change_sv)
                    .unwrap_or_else(|| "–".into());
                sv.push(format!(
                    "{lsv}: {change} (p = {})",
                    decimal_sv(m.p_value_two_sided, 3)
                ));
                en.push(format!(
                    "{len}: {} (p = {:.3})",
                    m.change_pct
                        .map(|c| format!("{c:+.1} %"))
                        .unwrap_or_else(|| "–".into()),
                    m.p_value_two_sided
                ));
            }
            EffectVerdict::TooFewPeriods { .. } => {
                sv.push(format!("{lsv}: för få kvartal för att mäta"));
                en.push(format!("{len}: too few quarters to measure"));
            }
            EffectVerdict::NoData { .. } => {
                sv.push(format!("{lsv}: uppgifter saknas"));
                en.push(format!("{len}: no data"));
            }
        }
    }
    (sv.join("; "), en.join("; "))
}

fn followup_status(code: &str) -> Label {
    match code {
        "open" => Label::new("Öppen", "Open"),
        "in_progress" => Label::new("Pågår", "In progress"),
        "done" => Label::new("Klar", "Done"),
        other => Label::same(other),
    }
}

fn submission_status(s: Option<SubmissionStatus>) -> Label {
    match s {
        None => Label::new("Saknas", "Missing"),
        Some(SubmissionStatus::Accepted) => Label::new("Godkänd", "Accepted"),
        Some(SubmissionStatus::Submitted) => {
            Label::new("Inskickad, ej granskad", "Submitted, not reviewed")
        }
        Some(SubmissionStatus::Returned) => Label::new("Returnerad", "Returned"),
        Some(SubmissionStatus::Draft) => Label::new("Utkast", "Draft"),
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
    fn report_data_round_trips_through_json() {
        let d = data("2026-Q3", fig(&["2026-Q3"], &[("a", vec![cell(1)])]));
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<ReportData>(&json).unwrap(), d);
    }
}
