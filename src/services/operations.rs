//! What the operator's `/metrics` reads from the database when Prometheus scrapes.

use crate::db::queries::submissions as q;
use crate::db::DbConnection;
use crate::domain::status::SubmissionStatus;
use crate::error::AppResult;

/// Submissions per status, in one grouped query. Unknown stored codes are left out.
pub fn submissions_by_status(conn: &mut DbConnection) -> AppResult<Vec<(SubmissionStatus, i64)>> {
    Ok(q::count_by_status(conn)?
        .into_iter()
        .filter_map(|(code, n)| SubmissionStatus::parse(&code).map(|s| (s, n)))
        .collect())
}
