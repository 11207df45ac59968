//! The rollup of accepted counts (rollup_cells), rebuilt per submission inside the
//! transaction that accepts it.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::schema::rollup_cells;
use crate::db::DbConnection;

/// The dimensions kept beside the misuse type; "" is the misuse type's total.
pub const DIMS: [&str; 7] = [
    "",
    "exploitation_area",
    "document_type",
    "chain_stage",
    "age_band",
    "citizenship",
    "fraud_type",
];

/// Replaces the submission's rollup rows with sums of its accepted current version (none
/// when it is not accepted).
pub fn rebuild_submission(conn: &mut DbConnection, submission_id: i64) -> QueryResult<()> {
    diesel::delete(rollup_cells::table.filter(rollup_cells::submission_id.eq(submission_id)))
        .execute(conn)?;
    let mut sql = String::new();
    for dim in DIMS {
        // `dim` comes from the constant list above and the id is an integer: no user text.
        let (value, group) = if dim.is_empty() {
            ("''".to_string(), String::new())
        } else {
            (format!("COALESCE(ol.{dim}, '')"), format!(", ol.{dim}"))
        };
        sql.push_str(&format!(
            "INSERT INTO rollup_cells (submission_id, period_id, agency_id, source, misuse_type, dim, value, count) \
             SELECT s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, '{dim}', {value}, CAST(SUM(ol.count) AS BIGINT) \
             FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id \
             JOIN submissions s ON s.id = sv.submission_id \
             WHERE sv.status = 'accepted' AND sv.version = s.current_version AND s.id = {submission_id} \
             GROUP BY s.id, s.period_id, s.agency_id, s.source, ol.misuse_type{group};\n"
        ));
    }
    conn.batch_execute(&sql)
}
