use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::models::{
    AgencyRow, LineRow, NewLine, NewSubmission, NewVersion, PeriodRow, SubmissionRow, VersionRow,
};
use crate::db::schema::{
    agencies, observation_lines as ol, reporting_periods, submission_versions as sv, submissions,
};
use crate::db::DbConnection;
use crate::with_backend;

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<SubmissionRow>> {
    submissions::table
        .find(id)
        .select(SubmissionRow::as_select())
        .first(conn)
        .optional()
}

pub fn find(
    conn: &mut DbConnection,
    agency_id: i64,
    period_id: i64,
    source: &str,
) -> QueryResult<Option<SubmissionRow>> {
    submissions::table
        .filter(submissions::agency_id.eq(agency_id))
        .filter(submissions::period_id.eq(period_id))
        .filter(submissions::source.eq(source))
        .filter(submissions::forum_meeting_id.is_null())
        .select(SubmissionRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConnection, new: &NewSubmission<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(submissions::table)
        .values(new)
        .returning(submissions::id)
        .get_result(c))
}

/// Inserts a submission unless one for the same agency, period and source appeared
/// meanwhile (`None`). Two requests may open the same agency's period at once (two
/// instances, a client retrying); on PostgreSQL the later insert waits for the earlier
/// transaction and then meets the unique index. The insert runs in a savepoint so the
/// surrounding transaction stays usable and can read the row that won.
pub fn insert_unless_exists(
    conn: &mut DbConnection,
    new: &NewSubmission<'_>,
) -> QueryResult<Option<i64>> {
    use diesel::result::{DatabaseErrorKind, Error};
    match conn.transaction(|c| insert(c, new)) {
        Ok(id) => Ok(Some(id)),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn insert_version(conn: &mut DbConnection, new: &NewVersion<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(sv::table)
        .values(new)
        .returning(sv::id)
        .get_result(c))
}

pub fn version(
    conn: &mut DbConnection,
    submission_id: i64,
    version: i32,
) -> QueryResult<VersionRow> {
    sv::table
        .filter(sv::submission_id.eq(submission_id))
        .filter(sv::version.eq(version))
        .select(VersionRow::as_select())
        .first(conn)
}

pub fn lines(conn: &mut DbConnection, version_id: i64) -> QueryResult<Vec<LineRow>> {
    ol::table
        .filter(ol::version_id.eq(version_id))
        .order(ol::line_no)
        .select(LineRow::as_select())
        .load(conn)
}

/// Inserts many lines in one statement per chunk (batch inserts need the concrete backend).
pub fn insert_lines(conn: &mut DbConnection, lines: &[NewLine]) -> QueryResult<usize> {
    // Stay below SQLite's bound-parameter limit (32766): 15 columns per line.
    let mut n = 0;
    for chunk in lines.chunks(1000) {
        n += with_backend!(conn, c => diesel::insert_into(ol::table).values(chunk).execute(c))?;
    }
    Ok(n)
}

pub fn delete_line(conn: &mut DbConnection, version_id: i64, line_id: i64) -> QueryResult<usize> {
    diesel::delete(
        ol::table
            .filter(ol::version_id.eq(version_id))
            .filter(ol::id.eq(line_id)),
    )
    .execute(conn)
}

pub fn max_line_no(conn: &mut DbConnection, version_id: i64) -> QueryResult<i32> {
    ol::table
        .filter(ol::version_id.eq(version_id))
        .select(diesel::dsl::max(ol::line_no))
        .first::<Option<i32>>(conn)
        .map(|m| m.unwrap_or(0))
}

pub fn set_status(
    conn: &mut DbConnection,
    submission_id: i64,
    status: &str,
    current_version: i32,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(submissions::table.find(submission_id))
        .set((
            submissions::status.eq(status),
            submissions::current_version.eq(current_version),
            submissions::updated_at.eq(now),
        ))
        .execute(conn)
}

pub fn mark_version_submitted(
    conn: &mut DbConnection,
    version_id: i64,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(sv::table.find(version_id))
        .set((
            sv::status.eq("submitted"),
            sv::submitted_by.eq(Some(user_id)),
            sv::submitted_at.eq(Some(now)),
        ))
        .execute(conn)
}

/// Records a review decision on a version, but only if it is still in `expected_status`;
/// returns the number of rows changed so a concurrent decision is detected.
pub fn mark_version_reviewed(
    conn: &mut DbConnection,
    version_id: i64,
    expected_status: &str,
    status: &str,
    reviewer: i64,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        sv::table
            .filter(sv::id.eq(version_id))
            .filter(sv::status.eq(expected_status)),
    )
    .set((
        sv::status.eq(status),
        sv::reviewed_by.eq(Some(reviewer)),
        sv::reviewed_at.eq(Some(now)),
        sv::review_comment.eq(comment),
    ))
    .execute(conn)
}

/// A submission with its agency and period, for lists.
pub type Listed = (SubmissionRow, AgencyRow, PeriodRow);

pub fn list_for_agency(conn: &mut DbConnection, agency_id: i64) -> QueryResult<Vec<Listed>> {
    submissions::table
        .inner_join(agencies::table)
        .inner_join(reporting_periods::table)
        .filter(submissions::agency_id.eq(agency_id))
        .order((reporting_periods::starts_on.desc(), submissions::id.desc()))
        .select((
            SubmissionRow::as_select(),
            AgencyRow::as_select(),
            PeriodRow::as_select(),
        ))
        .load(conn)
}

pub fn list_with_status(conn: &mut DbConnection, status: &str) -> QueryResult<Vec<Listed>> {
    submissions::table
        .inner_join(agencies::table)
        .inner_join(reporting_periods::table)
        .filter(submissions::status.eq(status))
        .order((submissions::updated_at.asc(), submissions::id.asc()))
        .select((
            SubmissionRow::as_select(),
            AgencyRow::as_select(),
            PeriodRow::as_select(),
        ))
        .load(conn)
}

pub fn delete_lines(conn: &mut DbConnection, version_id: i64) -> QueryResult<usize> {
    diesel::delete(ol::table.filter(ol::version_id.eq(version_id))).execute(conn)
}

pub fn list_for_period(conn: &mut DbConnection, period_id: i64) -> QueryResult<Vec<SubmissionRow>> {
    submissions::table
        .filter(submissions::period_id.eq(period_id))
        .select(SubmissionRow::as_select())
        .load(conn)
}

pub fn for_meeting(conn: &mut DbConnection, meeting_id: i64) -> QueryResult<Option<SubmissionRow>> {
    submissions::table
        .filter(submissions::forum_meeting_id.eq(meeting_id))
        .select(SubmissionRow::as_select())
        .first(conn)
        .optional()
}

/// How many submissions are in each status (one grouped query).
pub fn count_by_status(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    use diesel::dsl::count_star;
    submissions::table
        .group_by(submissions::status)
        .select((submissions::status, count_star()))
        .load(conn)
}
