use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::models::{NewNotice, NoticeContent, NoticeLinkRow, NoticeRow};
use crate::db::schema::{notice_links as nl, notices as n};
use crate::db::{DbConnection, MultiBackend};
use crate::with_backend;

pub fn insert(conn: &mut DbConnection, new: &NewNotice<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(n::table)
        .values(new)
        .returning(n::id)
        .get_result(c))
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<NoticeRow>> {
    n::table
        .find(id)
        .select(NoticeRow::as_select())
        .first(conn)
        .optional()
}

/// Changes the content, but only while the notice is in one of `editable` statuses;
/// returns the number of rows changed so a concurrent submission is detected.
pub fn update_content(
    conn: &mut DbConnection,
    id: i64,
    editable: &[&str],
    content: &NoticeContent<'_>,
) -> QueryResult<usize> {
    diesel::update(
        n::table
            .filter(n::id.eq(id))
            .filter(n::status.eq_any(editable)),
    )
    .set(content)
    .execute(conn)
}

/// Replaces the links of a notice.
pub fn replace_links(conn: &mut DbConnection, id: i64, links: &[NoticeLinkRow]) -> QueryResult<()> {
    diesel::delete(nl::table.filter(nl::notice_id.eq(id))).execute(conn)?;
    if !links.is_empty() {
        with_backend!(conn, c => diesel::insert_into(nl::table).values(links).execute(c))?;
    }
    Ok(())
}

/// The links of the given notices.
pub fn links_for(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<NoticeLinkRow>> {
    let mut out = Vec::new();
    // Bounded IN lists (SQLite's parameter limit).
    for chunk in ids.chunks(500) {
        out.extend(
            nl::table
                .filter(nl::notice_id.eq_any(chunk))
                .order((nl::notice_id, nl::dimension, nl::code))
                .select(NoticeLinkRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// Sends a notice for review if it is still in one of the `from` statuses.
pub fn mark_submitted(
    conn: &mut DbConnection,
    id: i64,
    from: &[&str],
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(n::table.filter(n::id.eq(id)).filter(n::status.eq_any(from)))
        .set((
            n::status.eq("submitted"),
            n::submitted_by.eq(Some(user_id)),
            n::submitted_at.eq(Some(now)),
            n::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Records a review decision if the notice is still submitted.
pub fn mark_reviewed(
    conn: &mut DbConnection,
    id: i64,
    status: &str,
    reviewer: i64,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        n::table
            .filter(n::id.eq(id))
            .filter(n::status.eq("submitted")),
    )
    .set((
        n::status.eq(status),
        n::reviewed_by.eq(Some(reviewer)),
        n::reviewed_at.eq(Some(now)),
        n::review_comment.eq(comment),
        n::updated_at.eq(now),
    ))
    .execute(conn)
}

/// Who issued the notices a query asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuerFilter {
    Agency(i64),
    Forum,
}

/// The database side of a notice search. Which of the rows the user may see is decided
/// afterwards, by the one visibility rule in `domain::notice`.
#[derive(Debug, Clone, Default)]
pub struct NoticeQuery {
    /// `LIKE` patterns (lower-case, escaped with `\`); every one must match.
    pub patterns: Vec<String>,
    pub kind: Option<String>,
    pub marking: Option<String>,
    /// Allowed markings (for reports); `None` for any.
    pub markings: Option<Vec<String>>,
    pub status: Option<String>,
    pub issuer: Option<IssuerFilter>,
    /// (dimension, code) pairs the notice must all be linked to.
    pub links: Vec<(String, String)>,
    /// Valid at some time between the two dates (inclusive).
    pub valid_between: Option<(NaiveDate, NaiveDate)>,
}

pub fn search(conn: &mut DbConnection, q: &NoticeQuery) -> QueryResult<Vec<NoticeRow>> {
    let mut query = n::table
        .select(NoticeRow::as_select())
        .into_boxed::<MultiBackend>();
    for p in &q.patterns {
        query = query.filter(n::search_text.like(p.clone()).escape('\\'));
    }
    if let Some(k) = &q.kind {
        query = query.filter(n::kind.eq(k.clone()));
    }
    if let Some(m) = &q.marking {
        query = query.filter(n::marking.eq(m.clone()));
    }
    if let Some(ms) = &q.markings {
        query = query.filter(n::marking.eq_any(ms.clone()));
    }
    if let Some(s) = &q.status {
        query = query.filter(n::status.eq(s.clone()));
    }
    match q.issuer {
        Some(IssuerFilter::Agency(a)) => query = query.filter(n::agency_id.eq(a)),
        Some(IssuerFilter::Forum) => query = query.filter(n::source.eq("forum")),
        None => {}
    }
    for (dim, code) in &q.links {
        query = query.filter(
            n::id.eq_any(
                nl::table
                    .filter(nl::dimension.eq(dim.clone()))
                    .filter(nl::code.eq(code.clone()))
                    .select(nl::notice_id),
            ),
        );
    }
    if let Some((start, end)) = q.valid_between {
        query = query
            .filter(n::valid_from.le(end))
            .filter(n::valid_to.is_null().or(n::valid_to.ge(start)));
    }
    query.order((n::updated_at.desc(), n::id.desc())).load(conn)
}
