use diesel::prelude::*;

use crate::db::models::{NewPeriod, PeriodRow};
use crate::db::schema::reporting_periods as rp;
use crate::db::DbConnection;
use crate::with_backend;

pub fn by_code(conn: &mut DbConnection, code: &str) -> QueryResult<Option<PeriodRow>> {
    rp::table
        .filter(rp::code.eq(code))
        .select(PeriodRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<PeriodRow> {
    rp::table
        .find(id)
        .select(PeriodRow::as_select())
        .first(conn)
}

/// Newest first.
pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<PeriodRow>> {
    rp::table
        .order((rp::starts_on.desc(), rp::ends_on.asc()))
        .select(PeriodRow::as_select())
        .load(conn)
}

pub fn with_status(conn: &mut DbConnection, status: &str) -> QueryResult<Vec<PeriodRow>> {
    rp::table
        .filter(rp::status.eq(status))
        .order((rp::starts_on.desc(), rp::ends_on.asc()))
        .select(PeriodRow::as_select())
        .load(conn)
}

pub fn insert(conn: &mut DbConnection, new: &NewPeriod<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(rp::table)
        .values(new)
        .returning(rp::id)
        .get_result(c))
}

pub fn update_status_and_deadline(
    conn: &mut DbConnection,
    id: i64,
    status: &str,
    deadline: Option<chrono::NaiveDate>,
) -> QueryResult<usize> {
    diesel::update(rp::table.find(id))
        .set((rp::status.eq(status), rp::deadline.eq(deadline)))
        .execute(conn)
}

/// (id, code) of the stored periods lying wholly within `from..=to`.
pub fn within(
    conn: &mut DbConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> QueryResult<Vec<(i64, String)>> {
    rp::table
        .filter(rp::starts_on.ge(from))
        .filter(rp::ends_on.le(to))
        .select((rp::id, rp::code))
        .load(conn)
}
