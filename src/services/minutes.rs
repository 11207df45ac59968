//! Minutes of a forum meeting as PDF (minnesanteckningar), on the same PDF layer as the
//! reports, for the participants' records. Written in the language of the reader who
//! downloads them; what was recorded at the meeting is printed as written.

use super::audit;
use super::auth::User;
use super::forum;
use crate::db::models::AgencyRow;
use crate::db::DbConnection;
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};
use crate::pdf::{Align, Composer, DocumentInfo, PageFrame, Table};

fn agency_name(lang: Lang, a: &AgencyRow) -> &str {
    lang.pick(&a.name_sv, &a.name_en)
}

fn label<'a>(tr: &Tr, tax: &'a Taxonomy, d: Dimension, code: &'a str) -> &'a str {
    tr.lang.pick(tax.label_sv(d, code), tax.label_en(d, code))
}

/// The PDF bytes and the meeting date (ISO, for the file name).
pub fn minutes_pdf(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    marking: &str,
    tr: &Tr,
    metrics: Option<&crate::metrics::Metrics>,
) -> AppResult<(Vec<u8>, String)> {
    let d = forum::meeting(conn, user, id)?;
    let started = std::time::Instant::now();
    let held_on = d.meeting.held_on;
    let date = tr.date(held_on);
    let mut c = Composer::new(&DocumentInfo {
        title: tr.t1("forum-minutes-title", "date", date.as_str()),
        subject: tr.t("forum-minutes-subject"),
        author: tr.t("product-owner"),
        lang: tr.lang,
        created_unix: chrono::Utc::now().timestamp(),
    })
    .map_err(AppError::internal)?;
    c.heading(&tr.t1("forum-minutes-heading", "date", date.as_str()), 1);
    let mut intro = tr.t1(
        "forum-minutes-convener",
        "convener",
        agency_name(tr.lang, &d.convener),
    );
    if let Some(reason) = &d.meeting.override_reason {
        intro.push(' ');
        intro.push_str(&tr.t1("forum-minutes-override", "reason", reason));
    }
    c.paragraph(&intro);
    c.heading(&tr.t("forum-minutes-attendance"), 2);
    c.paragraph(
        &d.attendance
            .iter()
            .map(|a| agency_name(tr.lang, a))
            .collect::<Vec<_>>()
            .join(", "),
    );
    c.heading(&tr.t("forum-agenda-heading"), 2);
    if d.agenda.is_empty() {
        c.paragraph(&tr.t("forum-minutes-no-agenda"));
    }
    for (i, a) in d.agenda.iter().enumerate() {
        c.paragraph(&format!("{}. {}", i + 1, a.text));
    }
    c.heading(&tr.t("forum-notes-label"), 2);
    c.paragraph(d.meeting.notes.as_deref().unwrap_or("–"));
    c.heading(&tr.t("forum-decisions-label"), 2);
    c.paragraph(d.meeting.decisions.as_deref().unwrap_or("–"));
    let obs = &d.observations;
    c.heading(&tr.t("forum-minutes-observations"), 2);
    if obs.lines.is_empty() {
        c.paragraph(&tr.t("forum-minutes-no-observations"));
    } else {
        let tax = &obs.taxonomy;
        c.table(&Table {
            caption: tr.t1(
                "forum-minutes-observations-caption",
                "status",
                obs.status().code(),
            ),
            header: vec![
                tr.t("forum-col-misuse-type"),
                tr.t("forum-col-document-type"),
                tr.t("forum-col-count"),
                tr.t("forum-col-description"),
            ],
            rows: obs
                .lines
                .iter()
                .map(|l| {
                    vec![
                        label(tr, tax, Dimension::MisuseType, &l.misuse_type).to_string(),
                        l.document_type
                            .as_deref()
                            .map(|x| label(tr, tax, Dimension::DocumentType, x).to_string())
                            .unwrap_or_else(|| tr.t("forum-not-specified")),
                        tr.int(l.count),
                        l.description.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
            widths: vec![2.0, 1.6, 0.7, 3.2],
            align: vec![Align::Left, Align::Left, Align::Right, Align::Left],
            bold_rows: vec![],
            note: None,
        });
    }
    c.heading(&tr.t("forum-followups-heading"), 2);
    if d.followups.is_empty() {
        c.paragraph(&tr.t("forum-no-followups"));
    } else {
        c.table(&Table {
            caption: tr.t("forum-followups-caption"),
            header: vec![
                tr.t("forum-col-item"),
                tr.t("forum-col-owner"),
                tr.t("forum-col-due"),
                tr.t("forum-col-status"),
            ],
            rows: d
                .followups
                .iter()
                .map(|f| {
                    let mut text = f.row.text.clone();
                    if f.carried_over {
                        text.push(' ');
                        text.push_str(&tr.t("forum-minutes-carried-over"));
                    }
                    let mut status = tr.t(f.status.key());
                    if f.overdue {
                        status = tr.t1("forum-minutes-overdue", "status", status);
                    }
                    vec![
                        text,
                        agency_name(tr.lang, &f.owner).to_string(),
                        f.row
                            .due_on
                            .map(|x| tr.date(x))
                            .unwrap_or_else(|| "–".into()),
                        status,
                    ]
                })
                .collect(),
            widths: vec![3.4, 2.0, 1.0, 1.2],
            align: vec![Align::Left; 4],
            bold_rows: vec![],
            note: None,
        });
    }
    let bytes = c
        .finish(&PageFrame {
            marking: marking.to_string(),
            header_right: tr.t("forum-minutes-header"),
            version: date,
            draft_label: None,
            lang: tr.lang,
        })
        .map_err(AppError::internal)?;
    if let Some(m) = metrics {
        m.observe_pdf(
            crate::metrics::PdfKind::Minutes,
            started.elapsed().as_secs_f64(),
        );
    }
    audit::record(
        conn,
        Some(user),
        "minutes_generated",
        "forum_meeting",
        Some(&id.to_string()),
        None,
    )?;
    Ok((bytes, held_on.to_string()))
}
