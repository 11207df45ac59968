//! Knowledge notices (kunskapsnotiser): drafting, review, search, and the lists that
//! dashboards and reports show beside the series. Who sees which notice is decided by
//! `domain::notice::may_read` and nowhere else: every list and page filters through it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::auth::User;
use super::submissions::Decision;
use super::{audit, now, taxonomy};
use crate::db::models::{NewNotice, NoticeContent, NoticeLinkRow, NoticeRow};
use crate::db::queries::agencies;
use crate::db::queries::notices::{self as q, IssuerFilter, NoticeQuery};
use crate::db::{transaction, DbConnection};
use crate::domain::notice::{
    self, like_pattern, markings_allowed_in_report, search_terms, Issuer, Marking, NoticeFacts,
    NoticeInput, NoticeKind, NoticeStatus, ValidNotice, Viewer,
};
use crate::domain::period::Period;
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg, Tr};

/// What the forum is called where an agency's name would stand, in Swedish (the
/// `issuer_name` of a forum notice). Pages use [`NoticeSummary::issuer`] instead.
pub const FORUM_NAME: &str = "Operativt ID-forum";

/// A notice as lists, the dashboard and reports show it.
#[derive(Debug, Clone)]
pub struct NoticeSummary {
    pub id: i64,
    pub kind: NoticeKind,
    pub title: String,
    pub description: String,
    pub issuer: Issuer,
    /// The issuing agency's name, or the forum's, in Swedish.
    pub issuer_name: String,
    /// The issuing agency's name in English (empty for the forum).
    pub issuer_name_en: String,
    pub marking: Marking,
    pub status: NoticeStatus,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    /// The series it concerns, sorted by dimension.
    pub links: Vec<(Dimension, String)>,
    pub updated_at: NaiveDateTime,
}

impl NoticeSummary {
    /// Who issued the notice, in the reader's language.
    pub fn issuer(&self, tr: &Tr) -> String {
        match self.issuer {
            Issuer::Forum => tr.t("notices-issuer-forum"),
            Issuer::Agency(_) => match tr.lang {
                Lang::Sv => self.issuer_name.clone(),
                Lang::En => self.issuer_name_en.clone(),
            },
        }
    }
}

/// One notice with what its page needs: the review state and what the user may do.
#[derive(Debug, Clone)]
pub struct NoticeDetail {
    pub notice: NoticeSummary,
    pub review_comment: Option<String>,
    pub taxonomy: Taxonomy,
    pub may_edit: bool,
    pub may_review: bool,
    /// The user may review notices, but this one is their own work.
    pub own_work: bool,
}

pub fn viewer(user: &User) -> Viewer {
    Viewer {
        user_id: user.id,
        role: user.role,
        agency_id: user.agency_id,
    }
}

fn parsed(row: &NoticeRow) -> AppResult<(NoticeKind, NoticeFacts)> {
    // For the log only: a stored row that breaks the rules is our fault, not the user's.
    let bad = |column: &str| AppError::Internal(format!("notice {}: invalid {column}", row.id));
    let kind = NoticeKind::parse(&row.kind).ok_or_else(|| bad("kind"))?;
    let status = NoticeStatus::parse(&row.status).ok_or_else(|| bad("status"))?;
    let marking = Marking::parse(&row.marking).ok_or_else(|| bad("marking"))?;
    let issuer = Issuer::from_stored(&row.source, row.agency_id).ok_or_else(|| bad("source"))?;
    Ok((
        kind,
        NoticeFacts {
            status,
            marking,
            issuer,
            created_by: row.created_by,
            edited_by: row.edited_by,
            submitted_by: row.submitted_by,
        },
    ))
}

/// Agency names by id (Swedish, English), for issuer labels.
fn agency_names(conn: &mut DbConnection) -> AppResult<HashMap<i64, (String, String)>> {
    Ok(agencies::all(conn)?
        .into_iter()
        .map(|a| (a.id, (a.name_sv, a.name_en)))
        .collect())
}

/// Keeps the rows `viewer` may read (all rows when `viewer` is `None`: a report, whose
/// markings were filtered already) and turns them into summaries with their links.
fn summaries(
    conn: &mut DbConnection,
    viewer: Option<&Viewer>,
    rows: Vec<NoticeRow>,
) -> AppResult<Vec<NoticeSummary>> {
    let mut kept = Vec::new();
    for row in rows {
        let (kind, facts) = parsed(&row)?;
        if viewer.is_none_or(|v| notice::may_read(v, &facts)) {
            kept.push((row, kind, facts));
        }
    }
    let ids: Vec<i64> = kept.iter().map(|(r, _, _)| r.id).collect();
    let mut links: HashMap<i64, Vec<(Dimension, String)>> = HashMap::new();
    for l in q::links_for(conn, &ids)? {
        if let Some(d) = Dimension::parse(&l.dimension) {
            links.entry(l.notice_id).or_default().push((d, l.code));
        }
    }
    let names = agency_names(conn)?;
    Ok(kept
        .into_iter()
        .map(|(row, kind, facts)| {
            let mut l = links.remove(&row.id).unwrap_or_default();
            l.sort();
            let (issuer_name, issuer_name_en) = match facts.issuer {
                Issuer::Agency(a) => names.get(&a).cloned().unwrap_or_default(),
                Issuer::Forum => (FORUM_NAME.to_string(), String::new()),
            };
            NoticeSummary {
                id: row.id,
                kind,
                issuer_name,
                issuer_name_en,
                issuer: facts.issuer,
                title: row.title,
                description: row.description,
                marking: facts.marking,
                status: facts.status,
                valid_from: row.valid_from,
                valid_to: row.valid_to,
                links: l,
                updated_at: row.updated_at,
            }
        })
        .collect())
}

/// Loads a notice for someone allowed to read it. A notice the user may not read is
/// "not found": its existence is not revealed either.
pub fn load(conn: &mut DbConnection, user: &User, id: i64) -> AppResult<NoticeDetail> {
    let row = q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
    let v = viewer(user);
    let (_, facts) = parsed(&row)?;
    if !notice::may_read(&v, &facts) {
        return Err(AppError::NotFound);
    }
    let review_comment = row.review_comment.clone();
    let notice = summaries(conn, Some(&v), vec![row])?
        .pop()
        .ok_or(AppError::NotFound)?;
    let reviewer = crate::domain::access::Capability::Review.allows(user.role);
    Ok(NoticeDetail {
        notice,
        review_comment,
        taxonomy: taxonomy::load(conn)?,
        may_edit: notice::may_edit(&v, &facts),
        may_review: notice::may_review(&v, &facts),
        own_work: reviewer
            && facts.status == NoticeStatus::Submitted
            && !notice::may_review(&v, &facts),
    })
}

fn links_rows(id: i64, n: &ValidNotice) -> Vec<NoticeLinkRow> {
    n.links
        .iter()
        .map(|(d, c)| NoticeLinkRow {
            notice_id: id,
            dimension: d.code().to_string(),
            code: c.clone(),
        })
        .collect()
}

/// A refusal for personal data is audited, without the text, after the refused
/// transaction has rolled back (so the audit record survives).
fn audit_refusal<T>(
    conn: &mut DbConnection,
    user: &User,
    id: Option<i64>,
    result: AppResult<T>,
) -> AppResult<T> {
    if let Err(AppError::Validation(errors)) = &result {
        let n = errors.iter().filter(|e| e.code == "personal_data").count();
        if n > 0 {
            let fields: Vec<&str> = errors
                .iter()
                .filter(|e| e.code == "personal_data")
                .map(|e| e.field.as_str())
                .collect();
            // Counts and field codes only: the detail reads the same in every language.
            audit::record(
                conn,
                Some(user),
                "personal_data_refused",
                "notice",
                id.map(|i| i.to_string()).as_deref(),
                Some(&format!("{n}: {}", fields.join(","))),
            )?;
        }
    }
    result
}

/// Creates a draft notice. Coordinators issue for their own agency; analysts on behalf
/// of the forum. All text is screened for personal data; nothing is stored on refusal.
pub fn create(conn: &mut DbConnection, user: &User, input: &NoticeInput) -> AppResult<i64> {
    let result = transaction(conn, |conn| {
        let issuer = notice::issuer_for(&viewer(user))
            .ok_or_else(|| AppError::Forbidden(Msg::new("notices-write-forbidden")))?;
        let tax = taxonomy::load(conn)?;
        let valid = notice::validate(input, &tax, &[]).map_err(AppError::Validation)?;
        let t = now();
        let search_text = valid.search_text();
        let id = q::insert(
            conn,
            &NewNotice {
                kind: valid.kind.code(),
                title: &valid.title,
                description: &valid.description,
                search_text: &search_text,
                source: issuer.source(),
                agency_id: issuer.agency_id(),
                marking: valid.marking.code(),
                valid_from: valid.valid_from,
                valid_to: valid.valid_to,
                status: NoticeStatus::Draft.code(),
                created_by: user.id,
                edited_by: user.id,
                created_at: t,
                updated_at: t,
            },
        )?;
        q::replace_links(conn, id, &links_rows(id, &valid))?;
        audit::record(
            conn,
            Some(user),
            "notice_created",
            "notice",
            Some(&id.to_string()),
            Some(&format!(
                "{} {} {}",
                issuer.source(),
                valid.kind.code(),
                valid.marking.code()
            )),
        )?;
        Ok(id)
    });
    audit_refusal(conn, user, None, result)
}

fn must_edit(user: &User, row: &NoticeRow) -> AppResult<NoticeFacts> {
    let v = viewer(user);
    let (_, facts) = parsed(row)?;
    if !notice::may_read(&v, &facts) {
        return Err(AppError::NotFound);
    }
    if notice::issuer_for(&v) != Some(facts.issuer) {
        return Err(AppError::Forbidden(Msg::new(match facts.issuer {
            Issuer::Forum => crate::key!("notices-edit-forbidden-forum"),
            Issuer::Agency(_) => crate::key!("notices-edit-forbidden-agency"),
        })));
    }
    if !notice::may_edit(&v, &facts) {
        return Err(AppError::Conflict(
            Msg::new("notices-not-editable").arg("status", facts.status.code()),
        ));
    }
    Ok(facts)
}

const EDITABLE: [&str; 2] = ["draft", "returned"];

/// Changes a draft or returned notice. A returned notice stays returned (its comment
/// visible) until it is submitted again.
pub fn update(conn: &mut DbConnection, user: &User, id: i64, input: &NoticeInput) -> AppResult<()> {
    let result = transaction(conn, |conn| {
        let row = q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        must_edit(user, &row)?;
        let previous: Vec<(Dimension, String)> = q::links_for(conn, &[id])?
            .into_iter()
            .filter_map(|l| Dimension::parse(&l.dimension).map(|d| (d, l.code)))
            .collect();
        let tax = taxonomy::load(conn)?;
        let valid = notice::validate(input, &tax, &previous).map_err(AppError::Validation)?;
        let search_text = valid.search_text();
        let changed = q::update_content(
            conn,
            id,
            &EDITABLE,
            &NoticeContent {
                kind: valid.kind.code(),
                title: &valid.title,
                description: &valid.description,
                search_text: &search_text,
                marking: valid.marking.code(),
                valid_from: valid.valid_from,
                valid_to: valid.valid_to,
                edited_by: user.id,
                updated_at: now(),
            },
        )?;
        if changed != 1 {
            return Err(AppError::Conflict(Msg::new("notices-changed-meanwhile")));
        }
        q::replace_links(conn, id, &links_rows(id, &valid))?;
        audit::record(
            conn,
            Some(user),
            "notice_updated",
            "notice",
            Some(&id.to_string()),
            Some(&format!("{} {}", valid.kind.code(), valid.marking.code())),
        )?;
        Ok(())
    });
    audit_refusal(conn, user, Some(id), result)
}

/// Sends a draft or returned notice for review.
pub fn submit(conn: &mut DbConnection, user: &User, id: i64) -> AppResult<()> {
    transaction(conn, |conn| {
        let row = q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        let facts = must_edit(user, &row)?;
        let changed = q::mark_submitted(conn, id, &EDITABLE, user.id, now())?;
        if changed != 1 {
            return Err(AppError::Conflict(Msg::new(
                "notices-status-changed-meanwhile",
            )));
        }
        // The status it was submitted from, as a code.
        audit::record(
            conn,
            Some(user),
            "notice_submitted",
            "notice",
            Some(&id.to_string()),
            Some(facts.status.code()),
        )?;
        Ok(())
    })
}

/// Approves or returns a submitted notice: an analyst who did not write, edit or submit
/// it. A return needs a comment, screened like every free text.
pub fn review(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    decision: Decision,
) -> AppResult<NoticeStatus> {
    let result = transaction(conn, |conn| {
        let row = q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        let v = viewer(user);
        let (_, facts) = parsed(&row)?;
        if !notice::may_read(&v, &facts) {
            return Err(AppError::NotFound);
        }
        if facts.status != NoticeStatus::Submitted {
            return Err(AppError::Conflict(
                Msg::new("notices-not-reviewable").arg("status", facts.status.code()),
            ));
        }
        if !notice::may_review(&v, &facts) {
            return Err(AppError::Forbidden(Msg::new("notices-review-own-work")));
        }
        let (status, comment) = match &decision {
            Decision::Accept => (NoticeStatus::Approved, None),
            Decision::Return { comment } => {
                let c = notice::validate_comment(comment).map_err(AppError::Validation)?;
                (NoticeStatus::Returned, Some(c))
            }
        };
        let changed =
            q::mark_reviewed(conn, id, status.code(), user.id, comment.as_deref(), now())?;
        if changed != 1 {
            return Err(AppError::Conflict(Msg::new("notices-reviewed-meanwhile")));
        }
        audit::record(
            conn,
            Some(user),
            match status {
                NoticeStatus::Approved => "notice_approved",
                _ => "notice_returned",
            },
            "notice",
            Some(&id.to_string()),
            Some(facts.marking.code()),
        )?;
        Ok(status)
    });
    audit_refusal(conn, user, Some(id), result)
}

/// The search form's values, as they come from the address (empty means "any").
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct NoticeFilter {
    /// Free text: every word must occur in the title or the description.
    pub q: Option<String>,
    pub kind: Option<String>,
    pub misuse_type: Option<String>,
    pub document_type: Option<String>,
    pub chain_stage: Option<String>,
    /// An agency code, or `forum`.
    pub agency: Option<String>,
    pub marking: Option<String>,
    pub status: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Notices matching the filter that the user may read, most recently changed first.
pub fn search(
    conn: &mut DbConnection,
    user: &User,
    filter: &NoticeFilter,
) -> AppResult<Vec<NoticeSummary>> {
    // `what` is the filter's field; the message names it in the reader's language.
    let bad =
        |what: &str| AppError::BadRequest(Msg::new("notices-filter-unknown").arg("filter", what));
    let mut query = NoticeQuery {
        patterns: given(&filter.q)
            .map(search_terms)
            .unwrap_or_default()
            .iter()
            .map(|t| like_pattern(t))
            .collect(),
        ..Default::default()
    };
    if let Some(k) = given(&filter.kind) {
        query.kind = Some(
            NoticeKind::parse(k)
                .ok_or_else(|| bad("kind"))?
                .code()
                .into(),
        );
    }
    if let Some(m) = given(&filter.marking) {
        query.marking = Some(
            Marking::parse(m)
                .ok_or_else(|| bad("marking"))?
                .code()
                .into(),
        );
    }
    if let Some(s) = given(&filter.status) {
        query.status = Some(
            NoticeStatus::parse(s)
                .ok_or_else(|| bad("status"))?
                .code()
                .into(),
        );
    }
    if let Some(a) = given(&filter.agency) {
        query.issuer = Some(if a == Issuer::SOURCE_FORUM {
            IssuerFilter::Forum
        } else {
            IssuerFilter::Agency(agencies::by_code(conn, a)?.ok_or_else(|| bad("agency"))?.id)
        });
    }
    for (dim, value) in [
        (Dimension::MisuseType, &filter.misuse_type),
        (Dimension::DocumentType, &filter.document_type),
        (Dimension::ChainStage, &filter.chain_stage),
    ] {
        if let Some(code) = given(value) {
            query.links.push((dim.code().into(), code.into()));
        }
    }
    let rows = q::search(conn, &query)?;
    summaries(conn, Some(&viewer(user)), rows)
}

/// Approved notices that the user may read, valid at some time during `period`, about a
/// series: linked to `misuse_type` and to `document_type` when given (`None` places no
/// condition on that dimension). For the dashboard, beside a trend.
pub fn for_series(
    conn: &mut DbConnection,
    user: &User,
    misuse_type: Option<&str>,
    document_type: Option<&str>,
    period: Period,
) -> AppResult<Vec<NoticeSummary>> {
    let mut links = Vec::new();
    if let Some(m) = misuse_type {
        links.push((Dimension::MisuseType.code().to_string(), m.to_string()));
    }
    if let Some(d) = document_type {
        links.push((Dimension::DocumentType.code().to_string(), d.to_string()));
    }
    let rows = q::search(
        conn,
        &NoticeQuery {
            status: Some(NoticeStatus::Approved.code().into()),
            links,
            valid_between: Some((period.starts_on(), period.ends_on())),
            ..Default::default()
        },
    )?;
    let mut out = summaries(conn, Some(&viewer(user)), rows)?;
    out.sort_by(|a, b| b.valid_from.cmp(&a.valid_from).then(b.id.cmp(&a.id)));
    Ok(out)
}

/// Approved notices valid at some time during `period` whose marking a report at
/// `report_marking` may carry (`domain::notice::allowed_in_report`), ordered by kind and
/// then newest first. For the report section "Sårbarheter och riskindikatorer".
pub fn for_report(
    conn: &mut DbConnection,
    period: Period,
    report_marking: Marking,
) -> AppResult<Vec<NoticeSummary>> {
    let rows = q::search(
        conn,
        &NoticeQuery {
            status: Some(NoticeStatus::Approved.code().into()),
            markings: Some(
                markings_allowed_in_report(report_marking)
                    .into_iter()
                    .map(|m| m.code().to_string())
                    .collect(),
            ),
            valid_between: Some((period.starts_on(), period.ends_on())),
            ..Default::default()
        },
    )?;
    let mut out = summaries(conn, None, rows)?;
    // Keep the rule authoritative even if the query changes.
    out.retain(|n| notice::allowed_in_report(n.marking, report_marking));
    let order = |k: NoticeKind| NoticeKind::ALL.iter().position(|x| *x == k);
    out.sort_by(|a, b| {
        order(a.kind)
            .cmp(&order(b.kind))
            .then(b.valid_from.cmp(&a.valid_from))
            .then(b.id.cmp(&a.id))
    });
    Ok(out)
}
