use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::models::{ApiTokenRow, NewApiToken, UserRow};
use crate::db::schema::{api_tokens as t, users};
use crate::db::DbConnection;

pub fn insert(conn: &mut DbConnection, new: &NewApiToken<'_>) -> QueryResult<usize> {
    diesel::insert_into(t::table).values(new).execute(conn)
}

/// A token that has not been revoked.
pub fn active_by_hash(conn: &mut DbConnection, hash: &str) -> QueryResult<Option<ApiTokenRow>> {
    t::table
        .filter(t::token_hash.eq(hash))
        .filter(t::revoked_at.is_null())
        .select(ApiTokenRow::as_select())
        .first(conn)
        .optional()
}

pub fn touch(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(t::table.find(id))
        .set(t::last_used_at.eq(Some(now)))
        .execute(conn)
}

pub fn revoke(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(t::table.find(id).filter(t::revoked_at.is_null()))
        .set(t::revoked_at.eq(Some(now)))
        .execute(conn)
}

/// Every token with the account it acts as, newest first.
pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<(ApiTokenRow, UserRow)>> {
    t::table
        .inner_join(users::table)
        .order(t::id.desc())
        .select((ApiTokenRow::as_select(), UserRow::as_select()))
        .load(conn)
}
