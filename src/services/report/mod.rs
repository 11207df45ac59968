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
use crate::metrics::PdfKind;
pub use editions::ReportContext;

/// Quarters shown in the dashboard's trend chart (the report uses `data::QUARTERS`).
pub const TREND_QUARTERS: usize = 8;

/// The period's draft report from live data on the standard template, in `lang`, marked
/// as a draft on every page; audited.
pub fn period_pdf(
    conn: &mut DbConnection,
    actor: Option<&User>,
    period: Period,
    lang: Lang,
    ctx: ReportContext<'_>,
) -> AppResult<Vec<u8>> {
    let template = templates::load(conn, ctx.catalogue, None)?;
    let content = EditionContent::from_template(&template.template, lang);
    let baseline = editions::baseline(conn, -1, ctx.catalogue)?;
    let data = data::gather(
        conn,
        period,
        ctx.settings,
        ctx.signals,
        baseline.as_ref(),
        ctx.catalogue,
    )?;
    let info = render::VersionInfo {
        title: render::header_title(&ctx.catalogue.tr(lang), &period.code()),
        lang,
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
    let bytes = timed_render(ctx, PdfKind::PeriodDraft, &info, &content, &data)?;
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
    ctx: ReportContext<'_>,
    kind: PdfKind,
    info: &render::VersionInfo,
    content: &EditionContent,
    data: &data::ReportData,
) -> AppResult<Vec<u8>> {
    let started = std::time::Instant::now();
    let bytes = render::render(ctx.catalogue, info, content, data).map_err(AppError::internal)?;
    if let Some(m) = ctx.metrics {
        m.observe_pdf(kind, started.elapsed().as_secs_f64());
    }
    Ok(bytes)
}
