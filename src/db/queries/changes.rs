//! The change counter (`data_changes`): triggers move it on with every committed change
//! to the tables the dashboards read (agencies, periods, taxonomy, submissions and their
//! versions, measures, notices, reference figures), on every instance sharing the database.

use diesel::prelude::*;

use crate::db::schema::data_changes;
use crate::db::DbConnection;

/// The current value: one primary-key read. It only grows, so a larger value is newer.
pub fn version(conn: &mut DbConnection) -> QueryResult<i64> {
    data_changes::table
        .find(1)
        .select(data_changes::n)
        .first(conn)
}
