//! Översikt: the trend of accepted observations, as a chart and the same numbers in a table.

use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{Authorized, DashboardReader};
use super::layout::{render, Chrome};
use super::AppState;
use crate::charts;
use crate::domain::access::Capability;
use crate::domain::format::int_sv;
use crate::domain::period::Period;
use crate::error::{AppError, AppResult};
use crate::services::aggregation;
use crate::services::report::TREND_QUARTERS;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard", web::get().to(overview))
        .route("/completeness", web::get().to(completeness))
        .route("/risks", web::get().to(risks));
}

#[derive(Deserialize)]
struct Query {
    period: Option<String>,
}

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
        Some(p) => Some(Period::parse(p).map_err(|e| AppError::BadRequest(e.to_string()))?),
        None => None,
    };
    let (table, markers) = state
        .db
        .run(move |c| {
            let table = aggregation::quarterly_by_misuse_type(c, end, TREND_QUARTERS)?;
            let markers = crate::services::measures::markers(c, &table.periods, None)?;
            Ok((table, markers))
        })
        .await?;
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
    render(&OverviewPage {
        chrome: Chrome::for_user(&auth, "Översikt", "/dashboard"),
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
        can_download_pdf: Capability::DraftReports.allows(auth.user.role),
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
    let period = Period::parse(&raw).map_err(|e| AppError::BadRequest(e.to_string()))?;
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
    pub not_taken: Vec<(i64, String, &'static str)>,
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
        Some(p) => Some(Period::parse(p).map_err(|e| AppError::BadRequest(e.to_string()))?),
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
                        .map(|st| st.label_sv())
                        .unwrap_or(""),
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
