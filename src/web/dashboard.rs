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
    cfg.route("/dashboard", web::get().to(overview));
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
    let table = state
        .db
        .run(move |c| aggregation::quarterly_by_misuse_type(c, end, TREND_QUARTERS))
        .await?;
    let first = table.periods.first().map(|p| p.code()).unwrap_or_default();
    let last = table.periods.last().copied();
    let last_code = last.map(|p| p.code()).unwrap_or_default();
    let chart_title = format!("Godkända fall per missbrukstyp och kvartal, {first}–{last_code}");
    let chart = table.chart(chart_title.clone());
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
