use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::login_failures as lf;
use crate::db::DbConnection;

pub fn record(conn: &mut DbConnection, key: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::insert_into(lf::table)
        .values((lf::throttle_key.eq(key), lf::at.eq(at)))
        .execute(conn)
}

/// Failures for the key since `since`, newest first (their times).
pub fn since(
    conn: &mut DbConnection,
    key: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<NaiveDateTime>> {
    lf::table
        .filter(lf::throttle_key.eq(key))
        .filter(lf::at.ge(since))
        .order(lf::at.desc())
        .select(lf::at)
        .load(conn)
}

pub fn clear(conn: &mut DbConnection, key: &str) -> QueryResult<usize> {
    diesel::delete(lf::table.filter(lf::throttle_key.eq(key))).execute(conn)
}
