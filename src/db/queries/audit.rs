use diesel::prelude::*;

use crate::db::models::{AuditRow, NewAudit};
use crate::db::schema::audit_log;
use crate::db::DbConnection;

pub fn insert(conn: &mut DbConnection, new: &NewAudit<'_>) -> QueryResult<usize> {
    diesel::insert_into(audit_log::table)
        .values(new)
        .execute(conn)
}

/// Newest first.
pub fn recent(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .order(audit_log::id.desc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)
}
