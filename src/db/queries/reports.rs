//! Report templates, editions, their versions, editors and history.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{
    agencies, forum_followups, forum_meetings, report_editions, report_templates,
    report_version_editors, report_version_events, report_versions, reporting_periods,
};
use crate::db::DbConnection;
use crate::with_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = report_templates)]
pub struct TemplateRow {
    pub id: i64,
    pub name: String,
    pub sections: String,
    pub updated_by: Option<i64>,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = report_editions)]
pub struct EditionRow {
    pub id: i64,
    pub period_code: String,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
}

/// A version without its stored PDF (which is large and only read for a download).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = report_versions)]
pub struct VersionRow {
    pub id: i64,
    pub edition_id: i64,
    pub version_no: i32,
    pub status: String,
    pub language: String,
    pub marking: String,
    pub tlp: String,
    pub title: String,
    pub correction_note: Option<String>,
    pub content: String,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub submitted_by: Option<i64>,
    pub submitted_at: Option<NaiveDateTime>,
    pub approved_by: Option<i64>,
    pub approved_at: Option<NaiveDateTime>,
    pub published_by: Option<i64>,
    pub published_at: Option<NaiveDateTime>,
    pub snapshot: Option<String>,
    pub pdf_sha256: Option<String>,
    pub pdf_size: Option<i64>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = report_versions)]
pub struct NewVersion<'a> {
    pub edition_id: i64,
    pub version_no: i32,
    pub status: &'a str,
    pub language: &'a str,
    pub marking: &'a str,
    pub tlp: &'a str,
    pub title: &'a str,
    pub correction_note: Option<&'a str>,
    pub content: &'a str,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = report_version_events)]
pub struct EventRow {
    pub id: i64,
    pub version_id: i64,
    pub at: NaiveDateTime,
    pub actor_user_id: Option<i64>,
    pub actor: String,
    pub event: String,
    pub note: Option<String>,
}

pub fn templates(conn: &mut DbConnection) -> QueryResult<Vec<TemplateRow>> {
    report_templates::table
        .order(report_templates::id.asc())
        .select(TemplateRow::as_select())
        .load(conn)
}

pub fn template(conn: &mut DbConnection, id: i64) -> QueryResult<Option<TemplateRow>> {
    report_templates::table
        .find(id)
        .select(TemplateRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_template(
    conn: &mut DbConnection,
    name: &str,
    sections: &str,
    by: Option<i64>,
    at: NaiveDateTime,
) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(report_templates::table)
        .values((
            report_templates::name.eq(name),
            report_templates::sections.eq(sections),
            report_templates::updated_by.eq(by),
            report_templates::updated_at.eq(at),
        ))
        .returning(report_templates::id)
        .get_result(c))
}

pub fn update_template(
    conn: &mut DbConnection,
    id: i64,
    name: &str,
    sections: &str,
    by: i64,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(report_templates::table.find(id))
        .set((
            report_templates::name.eq(name),
            report_templates::sections.eq(sections),
            report_templates::updated_by.eq(Some(by)),
            report_templates::updated_at.eq(at),
        ))
        .execute(conn)
}

pub fn insert_edition(
    conn: &mut DbConnection,
    period_code: &str,
    by: i64,
    at: NaiveDateTime,
) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(report_editions::table)
        .values((
            report_editions::period_code.eq(period_code),
            report_editions::created_by.eq(by),
            report_editions::created_at.eq(at),
        ))
        .returning(report_editions::id)
        .get_result(c))
}

pub fn edition(conn: &mut DbConnection, id: i64) -> QueryResult<Option<EditionRow>> {
    report_editions::table
        .find(id)
        .select(EditionRow::as_select())
        .first(conn)
        .optional()
}

pub fn editions(conn: &mut DbConnection) -> QueryResult<Vec<EditionRow>> {
    report_editions::table
        .order(report_editions::id.desc())
        .select(EditionRow::as_select())
        .load(conn)
}

pub fn insert_version(conn: &mut DbConnection, new: &NewVersion<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(report_versions::table)
        .values(new)
        .returning(report_versions::id)
        .get_result(c))
}

pub fn versions_of(conn: &mut DbConnection, edition_id: i64) -> QueryResult<Vec<VersionRow>> {
    report_versions::table
        .filter(report_versions::edition_id.eq(edition_id))
        .order(report_versions::version_no.asc())
        .select(VersionRow::as_select())
        .load(conn)
}

pub fn all_versions(conn: &mut DbConnection) -> QueryResult<Vec<VersionRow>> {
    report_versions::table
        .order(report_versions::id.asc())
        .select(VersionRow::as_select())
        .load(conn)
}

pub fn version(
    conn: &mut DbConnection,
    edition_id: i64,
    version_no: i32,
) -> QueryResult<Option<VersionRow>> {
    report_versions::table
        .filter(report_versions::edition_id.eq(edition_id))
        .filter(report_versions::version_no.eq(version_no))
        .select(VersionRow::as_select())
        .first(conn)
        .optional()
}

/// The stored PDF (base64) of a published version.
pub fn stored_pdf(conn: &mut DbConnection, version_id: i64) -> QueryResult<Option<String>> {
    report_versions::table
        .find(version_id)
        .select(report_versions::pdf_base64)
        .first::<Option<String>>(conn)
}

/// Published versions with this PDF hash: (edition id, version number).
pub fn by_sha256(conn: &mut DbConnection, sha: &str) -> QueryResult<Vec<(i64, i32)>> {
    report_versions::table
        .filter(report_versions::pdf_sha256.eq(sha))
        .filter(report_versions::status.eq("published"))
        .select((report_versions::edition_id, report_versions::version_no))
        .load(conn)
}

/// The most recently published version of any edition other than `except_edition`.
pub fn latest_published_other(
    conn: &mut DbConnection,
    except_edition: i64,
) -> QueryResult<Option<VersionRow>> {
    report_versions::table
        .filter(report_versions::status.eq("published"))
        .filter(report_versions::edition_id.ne(except_edition))
        .order((
            report_versions::published_at.desc(),
            report_versions::id.desc(),
        ))
        .select(VersionRow::as_select())
        .first(conn)
        .optional()
}

/// What a draft's editing changes.
pub struct DraftFields<'a> {
    pub title: &'a str,
    pub language: &'a str,
    pub marking: &'a str,
    pub tlp: &'a str,
    pub content: &'a str,
}

/// Changes the content of a draft. Returns 0 when the version is no longer a draft.
pub fn update_draft(
    conn: &mut DbConnection,
    id: i64,
    f: &DraftFields<'_>,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        report_versions::table
            .find(id)
            .filter(report_versions::status.eq("draft")),
    )
    .set((
        report_versions::title.eq(f.title),
        report_versions::language.eq(f.language),
        report_versions::marking.eq(f.marking),
        report_versions::tlp.eq(f.tlp),
        report_versions::content.eq(f.content),
        report_versions::updated_at.eq(at),
    ))
    .execute(conn)
}

/// Moves a version from one status to the next, recording who and when. Returns 0 when it
/// was not in `from` (someone else moved it first).
pub fn transition(
    conn: &mut DbConnection,
    id: i64,
    from: &str,
    to: &str,
    by: i64,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    let target = report_versions::table
        .find(id)
        .filter(report_versions::status.eq(from));
    match to {
        "in_review" => diesel::update(target)
            .set((
                report_versions::status.eq(to),
                report_versions::submitted_by.eq(Some(by)),
                report_versions::submitted_at.eq(Some(at)),
                report_versions::updated_at.eq(at),
            ))
            .execute(conn),
        "approved" => diesel::update(target)
            .set((
                report_versions::status.eq(to),
                report_versions::approved_by.eq(Some(by)),
                report_versions::approved_at.eq(Some(at)),
                report_versions::updated_at.eq(at),
            ))
            .execute(conn),
        _ => diesel::update(target)
            .set((
                report_versions::status.eq(to),
                report_versions::updated_at.eq(at),
            ))
            .execute(conn),
    }
}

/// Publishes an approved version with its frozen data and PDF, in one statement.
#[allow(clippy::too_many_arguments)]
pub fn publish(
    conn: &mut DbConnection,
    id: i64,
    by: i64,
    at: NaiveDateTime,
    snapshot: &str,
    pdf_base64: &str,
    sha256: &str,
    size: i64,
) -> QueryResult<usize> {
    diesel::update(
        report_versions::table
            .find(id)
            .filter(report_versions::status.eq("approved")),
    )
    .set((
        report_versions::status.eq("published"),
        report_versions::published_by.eq(Some(by)),
        report_versions::published_at.eq(Some(at)),
        report_versions::updated_at.eq(at),
        report_versions::snapshot.eq(Some(snapshot)),
        report_versions::pdf_base64.eq(Some(pdf_base64)),
        report_versions::pdf_sha256.eq(Some(sha256)),
        report_versions::pdf_size.eq(Some(size)),
    ))
    .execute(conn)
}

pub fn add_editor(conn: &mut DbConnection, version_id: i64, user_id: i64) -> QueryResult<()> {
    let exists = report_version_editors::table
        .filter(report_version_editors::version_id.eq(version_id))
        .filter(report_version_editors::user_id.eq(user_id))
        .count()
        .get_result::<i64>(conn)?;
    if exists == 0 {
        diesel::insert_into(report_version_editors::table)
            .values((
                report_version_editors::version_id.eq(version_id),
                report_version_editors::user_id.eq(user_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Everyone who wrote any part of any version of an edition (a correction copies the text
/// of the version before it, so its authors wrote part of the correction too).
pub fn editors_of_edition(conn: &mut DbConnection, edition_id: i64) -> QueryResult<Vec<i64>> {
    report_version_editors::table
        .inner_join(
            report_versions::table.on(report_versions::id.eq(report_version_editors::version_id)),
        )
        .filter(report_versions::edition_id.eq(edition_id))
        .select(report_version_editors::user_id)
        .distinct()
        .load(conn)
}

pub fn add_event(
    conn: &mut DbConnection,
    version_id: i64,
    at: NaiveDateTime,
    actor_user_id: Option<i64>,
    actor: &str,
    event: &str,
    note: Option<&str>,
) -> QueryResult<usize> {
    diesel::insert_into(report_version_events::table)
        .values((
            report_version_events::version_id.eq(version_id),
            report_version_events::at.eq(at),
            report_version_events::actor_user_id.eq(actor_user_id),
            report_version_events::actor.eq(actor),
            report_version_events::event.eq(event),
            report_version_events::note.eq(note),
        ))
        .execute(conn)
}

pub fn events(conn: &mut DbConnection, version_id: i64) -> QueryResult<Vec<EventRow>> {
    report_version_events::table
        .filter(report_version_events::version_id.eq(version_id))
        .order(report_version_events::id.asc())
        .select(EventRow::as_select())
        .load(conn)
}

/// Locks the registered periods within `from..=to` (a published report depends on them).
/// Returns the codes locked.
pub fn lock_periods_within(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<String>> {
    let codes: Vec<String> = reporting_periods::table
        .filter(reporting_periods::starts_on.ge(from))
        .filter(reporting_periods::ends_on.le(to))
        .select(reporting_periods::code)
        .load(conn)?;
    diesel::update(
        reporting_periods::table
            .filter(reporting_periods::starts_on.ge(from))
            .filter(reporting_periods::ends_on.le(to)),
    )
    .set(reporting_periods::status.eq("locked"))
    .execute(conn)?;
    Ok(codes)
}

/// Forum follow-ups a report for `from..=to` lists: raised during the period, or raised
/// before it and still open. (meeting date, text, owner agency, status code)
pub fn followups_until(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<(NaiveDate, String, String, String)>> {
    forum_followups::table
        .inner_join(forum_meetings::table)
        .inner_join(agencies::table)
        .filter(forum_meetings::held_on.le(to))
        .filter(
            forum_meetings::held_on
                .ge(from)
                .or(forum_followups::status.ne("done")),
        )
        .order((forum_meetings::held_on.asc(), forum_followups::id.asc()))
        .select((
            forum_meetings::held_on,
            forum_followups::text,
            agencies::name_sv,
            forum_followups::status,
        ))
        .load(conn)
}
