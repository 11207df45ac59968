//! The knowledge-and-situation report (kunskaps- och lägesbild): its data (`data`), its
//! layout (`render`), editions with four-eyes approval and frozen publication
//! (`editions`) and templates (`templates`). `period_pdf` prints an unpublished draft of
//! the standard template straight from live data.

pub mod data;
pub mod editions;
pub mod render;
pub mod templates;

use super::audit;
use super::auth::User;
use crate::db::DbConnection;
use crate::domain::period::Period;
use crate::domain::report::{EditionContent, Lang};
use crate::error::{AppError, AppResult};
use crate::metrics::{Metrics, PdfKind};
pub use editions::ReportContext;

/// Quarters shown in the dashboard's trend chart (the report uses `data::QUARTERS`).
pub const TREND_QUARTERS: usize = 8;

/// The title of the report series, as in every page header.
pub fn header_title(period: Period) -> String {
    format!("Lägesbild identitetsmissbruk – {}", period.code())
}

/// The period's draft report from live data on the standard template, marked "UTKAST" on
/// every page; audited.
pub fn period_pdf(
    conn: &mut DbConnection,
    actor: Option<&User>,
    period: Period,
    ctx: ReportContext<'_>,
) -> AppResult<Vec<u8>> {
    let template = templates::load(conn, None)?;
    let content = EditionContent::from_template(&template.template);
    let baseline = editions::baseline(conn, -1)?;
    let data = data::gather(conn, period, ctx.settings, ctx.signals, baseline.as_ref())?;
    let info = render::VersionInfo {
        title: header_title(period),
        lang: Lang::Sv,
        marking: format!(
            "{} · {}",
            ctx.markings.minimum,
            ctx.markings.minimum_tlp.label()
        ),
        edition_id: None,
        version_no: None,
        dated: chrono::Utc::now().date_naive(),
        published: false,
        correction_note: None,
        created_unix: chrono::Utc::now().timestamp(),
    };
    let bytes = timed_render(ctx.metrics, PdfKind::PeriodDraft, &info, &content, &data)?;
    audit::record(
        conn,
        actor,
        "pdf_generated",
        "report",
        Some(&period.code()),
        Some(&format!("{} byte", bytes.len())),
    )?;
    Ok(bytes)
}

/// Renders a version to PDF and records the time taken in the instance's metrics.
pub(crate) fn timed_render(
    metrics: Option<&Metrics>,
    kind: PdfKind,
    info: &render::VersionInfo,
    content: &EditionContent,
    data: &data::ReportData,
) -> AppResult<Vec<u8>> {
    let started = std::time::Instant::now();
    let bytes = render::render(info, content, data).map_err(AppError::internal)?;
    if let Some(m) = metrics {
        m.observe_pdf(kind, started.elapsed().as_secs_f64());
    }
    Ok(bytes)
}
