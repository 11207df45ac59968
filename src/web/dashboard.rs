//! Översikt: the trend of accepted observations, as a chart and the same numbers in a table.

use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{Authorized, DashboardReader};
use super::layout::{render, Chrome};
use super::routes::Routes;
use super::AppState;
use crate::charts;
use crate::domain::access::Capability;
use crate::domain::format::int_sv;
use crate::domain::period::Period;
use crate::domain::taxonomy::Dimension;
use crate::error::{AppError, AppResult};
use crate::services::aggregation;
use crate::services::analysis::{self, Axis, Cell, CrossQuery, PublishedTable};
use crate::services::cache::VersionedCache;
use crate::services::report::TREND_QUARTERS;
use crate::web::analysis::TableParams;

pub fn config(r: &mut Routes) {
    r.get("/dashboard", overview)
        .get("/dashboard/trends", trends)
        .get("/dashboard/breakdown", breakdown)
        .get("/dashboard/heatmap", heatmap)
        .get("/dashboard/table.csv", table_csv_download)
        .get("/completeness", completeness)
        .get("/risks", risks);
}

#[derive(Deserialize)]
struct Query {
    period: Option<String>,
}

#[derive(Clone)]
pub struct Row {
    pub label: String,
    pub cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "dashboard/overview.html")]
struct OverviewPage {
    chrome: Chrome,
    period: String,
    chart_title: String,
    chart_svg: String,
    chart_summary: String,
    has_data: bool,
    columns: Vec<String>,
    rows: Vec<Row>,
    totals: Vec<String>,
    reporting: Vec<String>,
    can_download_pdf: bool,
    comparison: Vec<CompareRow>,
    compare_heads: [String; 3],
    comparison_notes: Vec<String>,
    signals: Vec<SignalView>,
    rising: Vec<CompareRow>,
    completeness: Vec<(String, &'static str)>,
}

/// Everything on the overview that does not depend on who is looking: computed from the
/// data by the services, cached per instance until the data changes (`DashboardCache`).
pub struct OverviewModel {
    period: String,
    chart_title: String,
    chart_svg: String,
    chart_summary: String,
    has_data: bool,
    columns: Vec<String>,
    rows: Vec<Row>,
    totals: Vec<String>,
    reporting: Vec<String>,
    comparison: Vec<CompareRow>,
    compare_heads: [String; 3],
    comparison_notes: Vec<String>,
    signals: Vec<SignalView>,
    rising: Vec<CompareRow>,
    completeness: Vec<(String, &'static str)>,
}

/// The per-instance caches of the dashboard pages. Keys hold everything a page depends
/// on besides the data (the query, and for the trends page what decides which notices
/// and which disclosure the reader gets); the data is covered by the change counter.
pub struct DashboardCache {
    overview: VersionedCache<(Option<String>, chrono::NaiveDate), OverviewModel>,
    trends: VersionedCache<TrendsKey, TrendsModel>,
}

/// (query string, date, user id, role, agency).
type TrendsKey = (String, chrono::NaiveDate, i64, &'static str, Option<i64>);

impl Default for DashboardCache {
    fn default() -> Self {
        Self {
            // Few periods are looked at; filter combinations are many, so keep a bound.
            overview: VersionedCache::new(32),
            trends: VersionedCache::new(256),
        }
    }
}

/// A misuse type this period against the previous period and the same period last year.
#[derive(Clone)]
pub struct CompareRow {
    pub label: String,
    pub now: String,
    pub previous: String,
    pub change_previous: String,
    pub year_earlier: String,
    pub change_year: String,
}

#[derive(Clone)]
pub struct SignalView {
    pub label: String,
    pub agency: String,
    pub observed: String,
    pub expected: String,
    pub q_value: String,
}

fn change(now: Option<i64>, before: Option<i64>) -> String {
    match (now, before) {
        (Some(n), Some(b)) if b > 0 => {
            crate::domain::format::percent_change_sv((n - b) as f64 / b as f64 * 100.0)
        }
        (Some(_), Some(0)) => "ny".into(),
        _ => "–".into(),
    }
}

fn cell(v: Option<i64>) -> String {
    v.map(int_sv).unwrap_or_else(|| "–".into())
}

async fn overview(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let end = match q.period.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => Some(Period::parse(p).map_err(|e| AppError::BadRequest(e.msg()))?),
        None => None,
    };
    let shared = state.clone();
    let m = state
        .db
        .run(move |c| {
            shared.dashboards.overview.get_or_compute(
                c,
                (end.map(|p| p.code()), chrono::Utc::now().date_naive()),
                |c| overview_model(c, end, shared.settings.signal_alpha, &shared.signals),
            )
        })
        .await?;
    render(&OverviewPage {
        chrome: Chrome::for_user(&auth, "Översikt", "/dashboard"),
        period: m.period.clone(),
        chart_title: m.chart_title.clone(),
        chart_svg: m.chart_svg.clone(),
        chart_summary: m.chart_summary.clone(),
        has_data: m.has_data,
        columns: m.columns.clone(),
        rows: m.rows.clone(),
        totals: m.totals.clone(),
        reporting: m.reporting.clone(),
        can_download_pdf: Capability::DraftReports.allows(auth.user.role),
        comparison: m.comparison.clone(),
        compare_heads: m.compare_heads.clone(),
        comparison_notes: m.comparison_notes.clone(),
        signals: m.signals.clone(),
        rising: m.rising.clone(),
        completeness: m.completeness.clone(),
    })
}

/// The overview's numbers, chart and texts up to `end` (default: the latest quarter with
/// accepted data), from the same services as every other view of the data.
fn overview_model(
    c: &mut crate::db::DbConnection,
    end: Option<Period>,
    alpha: f64,
    signal_cache: &crate::services::signals::SignalCache,
) -> AppResult<OverviewModel> {
    let (table, markers, totals3, signal_rows, tax, completeness) = {
        let table = aggregation::quarterly_by_misuse_type(c, end, TREND_QUARTERS)?;
        let markers = crate::services::measures::markers(c, &table.periods, None)?;
        let p = *table
            .periods
            .last()
            .ok_or_else(|| AppError::internal("no periods"))?;
        let totals = aggregation::period_totals(c, &[p, p.previous(), p.year_earlier()])?;
        let signals = signal_cache.get(c, p, alpha)?;
        // Completeness by agency, when the period exists as a reporting period.
        let completeness = match crate::services::completeness::for_period(c, p) {
            Ok(cp) => cp
                .agencies
                .into_iter()
                .map(|a| {
                    (
                        a.agency_name,
                        a.status
                            .map(|s| s.label_sv())
                            .unwrap_or("Ingen inrapportering"),
                    )
                })
                .collect(),
            Err(AppError::NotFound) => Vec::new(),
            Err(e) => return Err(e),
        };
        (
            table,
            markers,
            totals,
            signals,
            crate::services::taxonomy::load(c)?,
            completeness,
        )
    };
    let label = |code: &str| tax.label_sv(Dimension::MisuseType, code).to_string();
    let [now_t, prev_t, year_t] = [&totals3[0], &totals3[1], &totals3[2]];
    let comparison: Vec<CompareRow> = tax
        .all(Dimension::MisuseType)
        .map(|e| {
            let (n, p, y) = (now_t.get(&e.code), prev_t.get(&e.code), year_t.get(&e.code));
            CompareRow {
                label: e.label_sv.clone(),
                now: cell(n),
                previous: cell(p),
                change_previous: change(n, p),
                year_earlier: cell(y),
                change_year: change(n, y),
            }
        })
        .collect();
    // The five fastest-rising misuse types against the previous period (at least 5 cases).
    let mut rising: Vec<(f64, CompareRow)> = tax
        .all(Dimension::MisuseType)
        .filter_map(|e| {
            let (n, p) = (now_t.get(&e.code)?, prev_t.get(&e.code)?);
            (n >= 5 && p > 0 && n > p).then(|| {
                let y = year_t.get(&e.code);
                (
                    (n - p) as f64 / p as f64,
                    CompareRow {
                        label: e.label_sv.clone(),
                        now: int_sv(n),
                        previous: int_sv(p),
                        change_previous: change(Some(n), Some(p)),
                        year_earlier: cell(y),
                        change_year: change(Some(n), y),
                    },
                )
            })
        })
        .collect();
    rising.sort_by(|a, b| b.0.total_cmp(&a.0));
    let rising: Vec<CompareRow> = rising.into_iter().take(5).map(|r| r.1).collect();
    // Say when the comparison rests on different agencies.
    let mut comparison_notes = Vec::new();
    for other in [prev_t, year_t] {
        let only_now: Vec<&String> = now_t.reporting.difference(&other.reporting).collect();
        let only_then: Vec<&String> = other.reporting.difference(&now_t.reporting).collect();
        if !only_now.is_empty() || !only_then.is_empty() {
            comparison_notes.push(format!(
                "Jämförelsen med {} bygger inte på samma källor: {}{}.",
                other.period.code(),
                if only_now.is_empty() {
                    String::new()
                } else {
                    format!(
                        "bara {} rapporterade {}",
                        now_t.period.code(),
                        only_now
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                },
                if only_then.is_empty() {
                    String::new()
                } else {
                    format!(
                        "{}bara {} rapporterade {}",
                        if only_now.is_empty() { "" } else { "; " },
                        other.period.code(),
                        only_then
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                },
            ));
        }
    }
    let signals: Vec<SignalView> = signal_rows
        .iter()
        .filter(|r| r.highlighted())
        .map(|r| SignalView {
            label: label(&r.misuse_type),
            agency: r.agency.clone().unwrap_or_else(|| "Alla källor".into()),
            observed: int_sv(r.observed as i64),
            expected: crate::domain::format::decimal_sv(r.expected, 1),
            q_value: crate::domain::format::decimal_sv(r.q_value, 3),
        })
        .collect();
    let compare_heads = [
        now_t.period.code(),
        prev_t.period.code(),
        year_t.period.code(),
    ];
    let first = table.periods.first().map(|p| p.code()).unwrap_or_default();
    let last = table.periods.last().copied();
    let last_code = last.map(|p| p.code()).unwrap_or_default();
    let chart_title = format!("Godkända fall per missbrukstyp och kvartal, {first}–{last_code}");
    let mut chart = table.chart(chart_title.clone());
    chart.markers = markers;
    let chart_svg = charts::trend_svg(&chart).map_err(AppError::internal)?;
    let totals = table.totals();
    let latest_total = totals.last().copied().flatten();
    let chart_summary = match latest_total {
        Some(n) => format!(
            "Diagrammet visar {} serier. Under {} godkändes totalt {} fall. Samma siffror finns i tabellen under diagrammet.",
            chart.series.len(),
            last_code,
            int_sv(n)
        ),
        None => format!("Det finns inga godkända uppgifter för {last_code}. Tabellen visar de kvartal som har uppgifter."),
    };
    Ok(OverviewModel {
        period: last_code,
        chart_title,
        chart_svg,
        chart_summary,
        has_data: !table.is_empty(),
        columns: table.periods.iter().map(|p| p.code()).collect(),
        rows: table
            .series
            .iter()
            .map(|s| Row {
                label: s.label.clone(),
                cells: s.values.iter().map(|v| cell(*v)).collect(),
            })
            .collect(),
        totals: totals.into_iter().map(cell).collect(),
        reporting: table
            .reporting
            .iter()
            .map(|r| r.len().to_string())
            .collect(),
        comparison,
        compare_heads,
        comparison_notes,
        signals,
        rising,
        completeness,
    })
}

pub struct CompletenessRow {
    pub agency: String,
    pub code: String,
    pub status: &'static str,
    pub version: String,
    pub missing: bool,
}

#[derive(Template)]
#[template(path = "dashboard/completeness.html")]
struct CompletenessPage {
    chrome: Chrome,
    period: String,
    period_status: &'static str,
    deadline: String,
    deadline_passed: bool,
    rows: Vec<CompletenessRow>,
    accepted: usize,
    total: usize,
}

/// Inrapporteringsläge: where every agency's report for a period stands.
async fn completeness(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let raw = q.period.clone().unwrap_or_default();
    let period = Period::parse(&raw).map_err(|e| AppError::BadRequest(e.msg()))?;
    let c = state
        .db
        .run(move |conn| crate::services::completeness::for_period(conn, period))
        .await?;
    let accepted = c.count(Some(crate::domain::status::SubmissionStatus::Accepted));
    render(&CompletenessPage {
        chrome: Chrome::for_user(
            &auth,
            format!("Inrapporteringsläge {}", c.period),
            "/dashboard",
        ),
        period_status: c.status.label_sv(),
        deadline: c
            .deadline
            .map(|d| d.to_string())
            .unwrap_or_else(|| "ingen".into()),
        deadline_passed: c.deadline_passed,
        total: c.agencies.len(),
        accepted,
        rows: c
            .agencies
            .iter()
            .map(|a| CompletenessRow {
                agency: a.agency_name.clone(),
                code: a.agency_code.clone(),
                status: a
                    .status
                    .map(|s| s.label_sv())
                    .unwrap_or("Ingen inrapportering"),
                version: a
                    .version
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "–".into()),
                missing: a.status.is_none(),
            })
            .collect(),
        period: c.period,
    })
}

pub struct RiskRow {
    pub label: String,
    pub observed: String,
    pub expected: String,
    pub reasons: String,
    pub covered_by: Vec<(i64, String)>,
    pub not_taken: Vec<(i64, String, String)>,
}

#[derive(Template)]
#[template(path = "dashboard/risks.html")]
struct RisksPage {
    chrome: Chrome,
    period: String,
    uncovered: Vec<RiskRow>,
    covered: Vec<RiskRow>,
}

/// Obehandlade risker: rising series that no measure in force targets.
async fn risks(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let at = match q.period.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => Some(Period::parse(p).map_err(|e| AppError::BadRequest(e.msg()))?),
        None => None,
    };
    let (period, series) = state
        .db
        .run(move |c| crate::services::risks::rising(c, at))
        .await?;
    let row = |s: &crate::services::risks::RisingSeries| RiskRow {
        label: s.label.clone(),
        observed: int_sv(s.observed as i64),
        expected: s
            .expected
            .map(|e| crate::domain::format::decimal_sv(e, 1))
            .unwrap_or_else(|| "–".into()),
        reasons: [
            s.signal.then_some("ovanlig ökning (signal)"),
            s.sustained.then_some("tre kvartal i rad över basnivån"),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", "),
        covered_by: s
            .covered_by
            .iter()
            .map(|m| (m.id, m.title.clone()))
            .collect(),
        not_taken: s
            .not_taken
            .iter()
            .map(|m| {
                (
                    m.id,
                    m.title.clone(),
                    crate::domain::measure::MeasureStatus::parse(&m.status)
                        .map(|st| auth.tr.t(st.key()))
                        .unwrap_or_default(),
                )
            })
            .collect(),
    };
    render(&RisksPage {
        chrome: Chrome::for_user(&auth, "Obehandlade risker", "/dashboard"),
        period: period.code(),
        uncovered: series.iter().filter(|s| s.uncovered()).map(row).collect(),
        covered: series.iter().filter(|s| !s.uncovered()).map(row).collect(),
    })
}

/// A published table as the page shows it.
#[derive(Clone)]
pub struct TableView {
    pub caption: String,
    pub row_header: String,
    pub col_labels: Vec<String>,
    pub rows: Vec<(String, Vec<String>, String)>,
    pub col_totals: Vec<String>,
    pub total: String,
    pub suppressed: bool,
    pub disclosure: bool,
    pub csv_url: String,
}

pub fn table_view(
    t: &PublishedTable,
    caption: String,
    row_header: &str,
    csv_url: String,
) -> TableView {
    TableView {
        caption,
        row_header: row_header.to_string(),
        col_labels: t.col_labels.clone(),
        rows: t
            .row_labels
            .iter()
            .zip(&t.cells)
            .zip(&t.row_totals)
            .map(|((label, cells), total)| {
                (
                    label.clone(),
                    cells.iter().map(Cell::display_sv).collect(),
                    total.display_sv(),
                )
            })
            .collect(),
        col_totals: t.col_totals.iter().map(Cell::display_sv).collect(),
        total: t.total.display_sv(),
        suppressed: t.any_suppressed(),
        disclosure: t.disclosure_k.is_some(),
        csv_url,
    }
}

/// The same numbers as CSV for Swedish Excel: `;`, UTF-8 with BOM, `..` for suppressed.
pub fn table_csv(t: &PublishedTable, row_header: &str) -> Vec<u8> {
    let plain = |c: &Cell| match (c.suppressed, c.value) {
        (true, _) => "..".to_string(),
        (false, None) => "–".to_string(),
        (false, Some(n)) => n.to_string(),
    };
    let mut header: Vec<&str> = vec![row_header];
    header.extend(t.col_labels.iter().map(String::as_str));
    header.push("Totalt");
    let mut rows: Vec<Vec<String>> = t
        .row_labels
        .iter()
        .zip(&t.cells)
        .zip(&t.row_totals)
        .map(|((label, cells), total)| {
            let mut r = vec![label.clone()];
            r.extend(cells.iter().map(plain));
            r.push(plain(total));
            r
        })
        .collect();
    let mut totals = vec!["Totalt".to_string()];
    totals.extend(t.col_totals.iter().map(plain));
    totals.push(plain(&t.total));
    rows.push(totals);
    crate::domain::csv_safe::write_sv(&header, &rows)
}

/// The query string of a page, for its CSV link.
fn csv_link(query_string: &str, rows: &str, cols: &str) -> String {
    let mut pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query_string).unwrap_or_default();
    pairs.retain(|(k, _)| k != "rows" && k != "cols" && k != "by");
    pairs.push(("rows".into(), rows.into()));
    pairs.push(("cols".into(), cols.into()));
    format!(
        "/dashboard/table.csv?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}

#[derive(Clone)]
pub struct FilterForm {
    pub misuse_types: Vec<crate::web::layout::Choice>,
    pub agencies: Vec<crate::web::layout::Choice>,
    pub sources: Vec<crate::web::layout::Choice>,
    pub document_types: Vec<crate::web::layout::Choice>,
    pub chain_stages: Vec<crate::web::layout::Choice>,
    pub exploitation_areas: Vec<crate::web::layout::Choice>,
    pub from: String,
    pub to: String,
    pub disclosure: bool,
    /// The breakdown page's "by", kept when the filters change.
    pub by: Option<String>,
}

fn filter_form(
    p: &TableParams,
    q: &CrossQuery,
    agencies: &[crate::db::models::AgencyRow],
    tax: &crate::domain::taxonomy::Taxonomy,
) -> FilterForm {
    use crate::web::layout::Choice;
    let choose = |current: &Option<String>, opts: Vec<(String, String)>| -> Vec<Choice> {
        opts.into_iter()
            .map(|(value, label)| Choice {
                selected: current.as_deref() == Some(value.as_str()),
                value,
                label,
            })
            .collect()
    };
    let dim = |d: Dimension| {
        tax.all(d)
            .map(|e| (e.code.clone(), e.label_sv.clone()))
            .collect::<Vec<_>>()
    };
    FilterForm {
        misuse_types: choose(&p.misuse_type, dim(Dimension::MisuseType)),
        agencies: choose(
            &p.agency,
            agencies
                .iter()
                .map(|a| (a.code.clone(), a.name_sv.clone()))
                .collect(),
        ),
        sources: choose(
            &p.source,
            vec![
                ("agency".into(), "Myndigheter".into()),
                ("forum".into(), "Operativt ID-forum".into()),
            ],
        ),
        document_types: choose(&p.document_type, dim(Dimension::DocumentType)),
        chain_stages: choose(&p.chain_stage, dim(Dimension::ChainStage)),
        exploitation_areas: choose(&p.exploitation_area, dim(Dimension::ExploitationArea)),
        from: q.from.code(),
        to: q.to.code(),
        disclosure: matches!(p.disclosure.as_deref(), Some("on" | "1" | "true")),
        by: None,
    }
}

/// A chart's one-line summary: its largest published cell, and where the numbers are.
pub(crate) fn peak_summary(
    rows: &[String],
    cols: &[String],
    cells: &[Vec<Cell>],
    sv: bool,
) -> String {
    let peak = rows
        .iter()
        .zip(cells)
        .flat_map(|(r, row)| cols.iter().zip(row).map(move |(c, cell)| (r, c, cell)))
        .filter(|(_, _, cell)| !cell.suppressed)
        .filter_map(|(r, c, cell)| cell.value.map(|n| (r, c, n)))
        .max_by_key(|(_, _, n)| *n);
    let (peak, same) = if sv {
        (
            peak.map(|(r, c, n)| format!("Högst: {r}, {c}, med {} fall. ", int_sv(n))),
            "Samma siffror finns i tabellen under diagrammet.",
        )
    } else {
        (
            peak.map(|(r, c, n)| format!("Highest: {r}, {c}, with {n} cases. ")),
            "The same figures are in the table below the chart.",
        )
    };
    format!("{}{same}", peak.unwrap_or_default())
}

/// The end of the default range: the latest quarter with accepted data.
async fn default_to(state: &AppState, p: &mut TableParams) -> AppResult<()> {
    if needs_default_to(p) {
        let latest = state.db.run(aggregation::latest_quarter).await?;
        set_default_to(p, latest);
    }
    Ok(())
}

/// The same, on a connection the caller already holds.
fn default_to_in(c: &mut crate::db::DbConnection, p: &mut TableParams) -> AppResult<()> {
    if needs_default_to(p) {
        let latest = aggregation::latest_quarter(c)?;
        set_default_to(p, latest);
    }
    Ok(())
}

fn needs_default_to(p: &TableParams) -> bool {
    p.to.as_deref().is_none_or(|s| s.trim().is_empty())
        && p.period.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn set_default_to(p: &mut TableParams, latest: Option<Period>) {
    let q = latest.unwrap_or_else(|| Period::quarter_of(chrono::Utc::now().date_naive()));
    p.to = Some(q.code());
}

#[derive(Template)]
#[template(path = "dashboard/trends.html")]
struct TrendsPage {
    chrome: Chrome,
    chart_summary: String,
    filters: FilterForm,
    chart_title: String,
    chart_svg: String,
    table: TableView,
    notices: Vec<(i64, String, String, String)>,
    references: Vec<ReferenceView>,
}

/// A reference figure beside the series: another published picture's number, never
/// mixed into ours.
#[derive(Clone)]
pub struct ReferenceView {
    pub series: String,
    pub source: String,
    pub title: String,
    pub period: String,
    pub figure: String,
    pub url: String,
}

/// Everything on the trends page but the chrome, for one query and one reader.
pub struct TrendsModel {
    chart_summary: String,
    filters: FilterForm,
    chart_title: String,
    chart_svg: String,
    table: TableView,
    notices: Vec<(i64, String, String, String)>,
    references: Vec<ReferenceView>,
}

/// Trender: a series per misuse type with filters, measure markers and the table.
async fn trends(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    req: actix_web::HttpRequest,
    q: web::Query<TableParams>,
) -> AppResult<HttpResponse> {
    let p = q.into_inner();
    let query_string = req.query_string().to_string();
    let user = auth.user.clone();
    // The page depends on the query, the date (default range), and the reader: the role
    // decides disclosure, the reader which notices show. The data is the counter's job.
    let key = (
        query_string.clone(),
        chrono::Utc::now().date_naive(),
        user.id,
        user.role.code(),
        user.agency_id,
    );
    let shared = state.clone();
    let m = state
        .db
        .run(move |c| {
            shared.dashboards.trends.get_or_compute(c, key, |c| {
                trends_model(c, p, &query_string, &user, shared.settings.min_cell)
            })
        })
        .await?;
    render(&TrendsPage {
        chrome: Chrome::for_user(&auth, "Trender", "/dashboard"),
        chart_summary: m.chart_summary.clone(),
        filters: m.filters.clone(),
        chart_title: m.chart_title.clone(),
        chart_svg: m.chart_svg.clone(),
        table: m.table.clone(),
        notices: m.notices.clone(),
        references: m.references.clone(),
    })
}

fn trends_model(
    c: &mut crate::db::DbConnection,
    mut p: TableParams,
    query_string: &str,
    user: &crate::services::auth::User,
    min_cell: u64,
) -> AppResult<TrendsModel> {
    default_to_in(c, &mut p)?;
    let query = p.query(Axis::Dim(Dimension::MisuseType), Axis::Period)?;
    let query = CrossQuery {
        rows: Axis::Dim(Dimension::MisuseType),
        cols: Axis::Period,
        ..query
    };
    let k = p.disclosure(user.role, min_cell)?;
    let q2 = &query;
    let (table, markers, agencies, tax, notices, references) = {
        let t = analysis::cross(c, q2)?;
        let periods = q2.from.range_to(q2.to);
        let mts: Vec<String> = t.rows.iter().map(|r| r.0.clone()).collect();
        let m = crate::services::measures::markers(c, &periods, Some(&mts))?;
        // Knowledge notices and reference figures for the series shown.
        let mut notices: Vec<crate::services::notices::NoticeSummary> = Vec::new();
        let mut references = Vec::new();
        for mt in &mts {
            for n in crate::services::notices::for_series(c, user, Some(mt), None, q2.to)? {
                if !notices.iter().any(|x| x.id == n.id) {
                    notices.push(n);
                }
            }
            references.extend(crate::services::references::for_series(
                c,
                Dimension::MisuseType,
                mt,
                q2.from,
                q2.to,
            )?);
        }
        (
            t,
            m,
            crate::db::queries::agencies::all(c)?,
            crate::services::taxonomy::load(c)?,
            notices,
            references,
        )
    };
    let published = analysis::publish(&table, k);
    let title = format!(
        "Godkända fall per missbrukstyp, {}–{}",
        query.from.code(),
        query.to.code()
    );
    let chart = charts::TrendChart {
        title: title.clone(),
        x_labels: published.col_labels.clone(),
        x_axis: "Period".into(),
        y_axis: "Antal fall".into(),
        series: published
            .row_labels
            .iter()
            .zip(&published.cells)
            .filter(|(_, cells)| cells.iter().any(|c| c.value.is_some_and(|n| n > 0)))
            .map(|(label, cells)| charts::ChartSeries {
                label: label.clone(),
                values: cells.iter().map(|c| c.value).collect(),
            })
            .collect(),
        markers,
    };
    let chart_svg = charts::trend_svg(&chart).map_err(AppError::internal)?;
    Ok(TrendsModel {
        chart_summary: peak_summary(
            &published.row_labels,
            &published.col_labels,
            &published.cells,
            true,
        ),
        filters: filter_form(&p, &query, &agencies, &tax),
        table: table_view(
            &published,
            title.clone(),
            "Missbrukstyp",
            csv_link(query_string, "misuse_type", "period"),
        ),
        chart_title: title,
        chart_svg,
        notices: notices
            .iter()
            .take(10)
            .map(|n| {
                (
                    n.id,
                    n.title.clone(),
                    n.issuer_name.clone(),
                    n.valid_from.to_string(),
                )
            })
            .collect(),
        references: references
            .iter()
            .map(|r| ReferenceView {
                series: tax.label_sv(Dimension::MisuseType, &r.code).to_string(),
                source: r.source.clone(),
                title: r.title.clone(),
                period: r.period.code(),
                figure: format!(
                    "{} {}",
                    crate::domain::format::decimal_sv(r.value, r.decimals),
                    r.unit
                ),
                url: r.url.clone(),
            })
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "dashboard/breakdown.html")]
struct BreakdownPage {
    chrome: Chrome,
    chart_summary: String,
    filters: FilterForm,
    by_choices: Vec<crate::web::layout::Choice>,
    chart_title: String,
    chart_svg: String,
    table: TableView,
}

/// Fördelning: stacked bars by agency, document type or exploitation area.
async fn breakdown(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    req: actix_web::HttpRequest,
    q: web::Query<TableParams>,
    by: web::Query<ByQuery>,
) -> AppResult<HttpResponse> {
    let mut p = q.into_inner();
    default_to(&state, &mut p).await?;
    let by_axis = match by.by.as_deref().unwrap_or("agency") {
        "document_type" => Axis::Dim(Dimension::DocumentType),
        "exploitation_area" => Axis::Dim(Dimension::ExploitationArea),
        "age_band" => Axis::Dim(Dimension::AgeBand),
        "citizenship" => Axis::Dim(Dimension::Citizenship),
        _ => Axis::Agency,
    };
    let query = p.query(by_axis, Axis::Period)?;
    let query = CrossQuery {
        rows: by_axis,
        cols: Axis::Period,
        ..query
    };
    let k = p.disclosure(auth.user.role, state.settings.min_cell)?;
    let q2 = query.clone();
    let (table, agencies, tax) = state
        .db
        .run(move |c| {
            Ok((
                analysis::cross(c, &q2)?,
                crate::db::queries::agencies::all(c)?,
                crate::services::taxonomy::load(c)?,
            ))
        })
        .await?;
    let published = analysis::publish(&table, k);
    let title = format!(
        "Godkända fall per {} och period, {}–{}",
        by_axis.label_sv().to_lowercase(),
        query.from.code(),
        query.to.code()
    );
    let chart = charts::StackedChart {
        title: title.clone(),
        x_labels: published.col_labels.clone(),
        y_axis: "Antal fall".into(),
        series: published
            .row_labels
            .iter()
            .zip(&published.cells)
            .map(|(label, cells)| (label.clone(), cells.iter().map(|c| c.value).collect()))
            .collect(),
    };
    let chart_svg = charts::stacked_svg(&chart).map_err(AppError::internal)?;
    let by_code = by_axis.code().to_string();
    render(&BreakdownPage {
        chart_summary: peak_summary(
            &published.row_labels,
            &published.col_labels,
            &published.cells,
            true,
        ),
        chrome: Chrome::for_user(&auth, "Fördelning", "/dashboard"),
        filters: FilterForm {
            by: Some(by_code.clone()),
            ..filter_form(&p, &query, &agencies, &tax)
        },
        by_choices: [
            ("agency", "Myndighet"),
            ("document_type", "Handlingstyp"),
            ("exploitation_area", "Utnyttjandeområde"),
            ("age_band", "Åldersgrupp"),
            ("citizenship", "Medborgarskap"),
        ]
        .iter()
        .map(|(v, l)| crate::web::layout::Choice {
            value: v.to_string(),
            label: l.to_string(),
            selected: *v == by_code,
        })
        .collect(),
        table: table_view(
            &published,
            title.clone(),
            by_axis.label_sv(),
            csv_link(req.query_string(), &by_code, "period"),
        ),
        chart_title: title,
        chart_svg,
    })
}

#[derive(Deserialize)]
struct ByQuery {
    by: Option<String>,
}

#[derive(Template)]
#[template(path = "dashboard/heatmap.html")]
struct HeatmapPage {
    chrome: Chrome,
    chart_summary: String,
    period: String,
    disclosure: bool,
    chart_title: String,
    chart_svg: String,
    table: TableView,
}

/// Steg i identitetskedjan × missbrukstyp för en period.
async fn heatmap(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    req: actix_web::HttpRequest,
    q: web::Query<TableParams>,
) -> AppResult<HttpResponse> {
    let mut p = q.into_inner();
    if p.period.as_deref().is_none_or(|s| s.trim().is_empty()) {
        default_to(&state, &mut p).await?;
        p.period = p.to.take();
    }
    let query = CrossQuery {
        rows: Axis::Dim(Dimension::ChainStage),
        cols: Axis::Dim(Dimension::MisuseType),
        ..p.query(
            Axis::Dim(Dimension::ChainStage),
            Axis::Dim(Dimension::MisuseType),
        )?
    };
    let k = p.disclosure(auth.user.role, state.settings.min_cell)?;
    let q2 = query.clone();
    let table = state.db.run(move |c| analysis::cross(c, &q2)).await?;
    let published = analysis::publish(&table, k);
    let title = format!(
        "Steg i identitetskedjan och missbrukstyp, {}",
        query.to.code()
    );
    let map = charts::Heatmap {
        title: title.clone(),
        rows: published.row_labels.clone(),
        cols: published.col_labels.clone(),
        cells: published
            .cells
            .iter()
            .map(|r| r.iter().map(|c| (c.display_sv(), c.value)).collect())
            .collect(),
    };
    let chart_svg = charts::heatmap_svg(&map).map_err(AppError::internal)?;
    render(&HeatmapPage {
        chart_summary: peak_summary(
            &published.row_labels,
            &published.col_labels,
            &published.cells,
            true,
        ),
        chrome: Chrome::for_user(&auth, "Värmekarta", "/dashboard"),
        period: query.to.code(),
        disclosure: k.is_some(),
        table: table_view(
            &published,
            title.clone(),
            "Steg i identitetskedjan",
            csv_link(req.query_string(), "chain_stage", "misuse_type"),
        ),
        chart_title: title,
        chart_svg,
    })
}

/// "Ladda ner CSV": exactly the numbers of the table on the page.
async fn table_csv_download(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<TableParams>,
) -> AppResult<HttpResponse> {
    let mut p = q.into_inner();
    default_to(&state, &mut p).await?;
    let query = p.query(Axis::Dim(Dimension::MisuseType), Axis::Period)?;
    let k = p.disclosure(auth.user.role, state.settings.min_cell)?;
    let row_header = query.rows.label_sv();
    let table = state.db.run(move |c| analysis::cross(c, &query)).await?;
    let published = analysis::publish(&table, k);
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_TYPE,
            "text/csv; charset=utf-8",
        ))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"lagesbild-tabell.csv\"",
        ))
        .body(table_csv(&published, row_header)))
}
