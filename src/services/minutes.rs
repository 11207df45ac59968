//! Minutes of a forum meeting as PDF (minnesanteckningar), on the same PDF layer as the
//! reports, for the participants' records.

use super::audit;
use super::auth::User;
use super::forum;
use crate::db::DbConnection;
use crate::domain::format::int_sv;
use crate::domain::taxonomy::Dimension;
use crate::error::{AppError, AppResult};
use crate::pdf::{Align, Composer, DocumentInfo, PageFrame, Table};

/// The PDF bytes and the meeting date.
pub fn minutes_pdf(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    marking: &str,
    metrics: Option<&crate::metrics::Metrics>,
) -> AppResult<(Vec<u8>, String)> {
    let d = forum::meeting(conn, user, id)?;
    let started = std::time::Instant::now();
    let date = d.meeting.held_on.to_string();
    let title = format!("Minnesanteckningar – Operativt ID-forum {date}");
    let mut c = Composer::new(&DocumentInfo {
        title: title.clone(),
        subject: "Minnesanteckningar från Operativt ID-forum".into(),
        author: "Nationellt ID-center".into(),
        creator: "Lägesbild".into(),
        lang: crate::domain::report::Lang::Sv,
        created_unix: chrono::Utc::now().timestamp(),
    })
    .map_err(AppError::internal)?;
    c.heading(&format!("Minnesanteckningar {date}"), 1);
    c.paragraph(&format!(
        "Operativt ID-forum. Sammankallande: {}.{}",
        d.convener.name_sv,
        d.meeting
            .override_reason
            .as_ref()
            .map(|r| format!(" Avvikelse från rotationen: {r}"))
            .unwrap_or_default()
    ));
    c.heading("Närvarande myndigheter", 2);
    c.paragraph(
        &d.attendance
            .iter()
            .map(|a| a.name_sv.clone())
            .collect::<Vec<_>>()
            .join(", "),
    );
    c.heading("Dagordning", 2);
    if d.agenda.is_empty() {
        c.paragraph("Inga punkter.");
    }
    for (i, a) in d.agenda.iter().enumerate() {
        c.paragraph(&format!("{}. {}", i + 1, a.text));
    }
    c.heading("Anteckningar", 2);
    c.paragraph(d.meeting.notes.as_deref().unwrap_or("–"));
    c.heading("Beslut", 2);
    c.paragraph(d.meeting.decisions.as_deref().unwrap_or("–"));
    let obs = &d.observations;
    c.heading("Observationer", 2);
    if obs.lines.is_empty() {
        c.paragraph("Inga observationer fördes in.");
    } else {
        let tax = &obs.taxonomy;
        c.table(&Table {
            caption: format!(
                "Observationer från mötet (status: {})",
                obs.status().label_sv().to_lowercase()
            ),
            header: vec![
                "Missbrukstyp".into(),
                "Handlingstyp".into(),
                "Antal".into(),
                "Beskrivning".into(),
            ],
            rows: obs
                .lines
                .iter()
                .map(|l| {
                    vec![
                        tax.label_sv(Dimension::MisuseType, &l.misuse_type)
                            .to_string(),
                        l.document_type
                            .as_deref()
                            .map(|x| tax.label_sv(Dimension::DocumentType, x).to_string())
                            .unwrap_or_else(|| "Ej angivet".into()),
                        int_sv(l.count),
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
    c.heading("Uppföljningspunkter", 2);
    if d.followups.is_empty() {
        c.paragraph("Inga uppföljningspunkter.");
    } else {
        c.table(&Table {
            caption: "Uppföljningspunkter (även öppna punkter från tidigare möten)".into(),
            header: vec![
                "Punkt".into(),
                "Ansvarig".into(),
                "Senast".into(),
                "Status".into(),
            ],
            rows: d
                .followups
                .iter()
                .map(|f| {
                    vec![
                        format!(
                            "{}{}",
                            f.row.text,
                            if f.carried_over { " (överförd)" } else { "" }
                        ),
                        f.owner.clone(),
                        f.row
                            .due_on
                            .map(|x| x.to_string())
                            .unwrap_or_else(|| "–".into()),
                        format!(
                            "{}{}",
                            f.status.label_sv(),
                            if f.overdue { ", försenad" } else { "" }
                        ),
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
            header_right: "Operativt ID-forum – minnesanteckningar".into(),
            version: date.clone(),
            draft_label: None,
            issuer: "Nationellt ID-center".into(),
            page_label: Box::new(|page, pages| format!("Sida {page} av {pages}")),
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
    Ok((bytes, date))
}
