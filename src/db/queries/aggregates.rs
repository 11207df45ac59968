//! Sums over accepted data. Only the current version of a submission counts, and only
//! when that version is accepted: drafts and returned versions never count.

use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::db::schema::{
    agencies, reporting_periods as rp, submission_versions as sv, submissions as s,
};
use crate::db::DbConnection;

/// (period code, misuse type, sum) of one agency's accepted data, leaving out one
/// submission (the one being checked). Read from the rollup, so it stays cheap however
/// many lines are stored.
pub fn agency_history(
    conn: &mut DbConnection,
    agency_id: i64,
    except_submission: i64,
) -> QueryResult<Vec<(String, String, i64)>> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        period: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        misuse_type: String,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    // Both values are integers: nothing from users reaches the SQL text.
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT rp.code AS period, rc.misuse_type AS misuse_type, CAST(SUM(rc.count) AS BIGINT) AS n \
         FROM rollup_cells rc JOIN reporting_periods rp ON rp.id = rc.period_id \
         WHERE rc.dim = '' AND rc.source = 'agency' AND rc.agency_id = {agency_id} AND rc.submission_id <> {except_submission} \
         GROUP BY rp.code, rc.misuse_type"
    ))
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.period, r.misuse_type, r.n))
        .collect())
}

/// (period code, agency code, source) for accepted current versions whose period lies in
/// the range.
pub fn reporting_sources(
    conn: &mut DbConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> QueryResult<Vec<(String, String, String)>> {
    s::table
        .inner_join(rp::table)
        .inner_join(agencies::table)
        .inner_join(sv::table)
        .filter(sv::status.eq("accepted"))
        .filter(sv::version.eq(s::current_version))
        .filter(rp::starts_on.ge(from))
        .filter(rp::ends_on.le(to))
        .select((rp::code, agencies::code, s::source))
        .distinct()
        .load(conn)
}

/// The last day of the latest period with accepted data.
pub fn latest_accepted_period_end(
    conn: &mut DbConnection,
) -> QueryResult<Option<chrono::NaiveDate>> {
    s::table
        .inner_join(rp::table)
        .inner_join(sv::table)
        .filter(sv::status.eq("accepted"))
        .filter(sv::version.eq(s::current_version))
        .select(diesel::dsl::max(rp::ends_on))
        .first(conn)
}
