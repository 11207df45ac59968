//! The period's report as PDF, from live data (a draft).

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::auth::{Authorized, ReportDrafter};
use super::routes::Routes;
use super::AppState;
use crate::domain::period::Period;
use crate::error::{AppError, AppResult};
use crate::services::report;

pub fn config(r: &mut Routes) {
    r.get("/reports/pdf", period_pdf);
}

#[derive(Deserialize)]
struct Query {
    period: Option<String>,
}

async fn period_pdf(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let raw = q.period.clone().unwrap_or_default();
    let period = Period::parse(&raw).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let marking = state.settings.default_marking.clone();
    let user = auth.user.clone();
    let m = marking.clone();
    let bytes = state
        .db
        .run(move |c| report::period_pdf(c, Some(&user), period, &m))
        .await?;
    let file = format!(
        "lagesbild-{}-utkast-{}.pdf",
        period.code(),
        marking
            .to_lowercase()
            .replace(|c: char| !c.is_alphanumeric(), "-")
    );
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/pdf"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", ascii_file_name(&file)),
        ))
        .body(bytes))
}

/// File names in headers stay ASCII: å ä ö become a a o.
fn ascii_file_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') => c,
            _ => '-',
        })
        .collect()
}
