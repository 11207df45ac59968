use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::models::{NewReference, ReferenceContent, ReferenceRow};
use crate::db::schema::reference_figures as rf;
use crate::db::{DbConnection, MultiBackend};
use crate::with_backend;

pub fn insert(conn: &mut DbConnection, new: &NewReference<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(rf::table)
        .values(new)
        .returning(rf::id)
        .get_result(c))
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<ReferenceRow>> {
    rf::table
        .find(id)
        .select(ReferenceRow::as_select())
        .first(conn)
        .optional()
}

pub fn update(
    conn: &mut DbConnection,
    id: i64,
    content: &ReferenceContent<'_>,
) -> QueryResult<usize> {
    diesel::update(rf::table.find(id))
        .set(content)
        .execute(conn)
}

pub fn delete(conn: &mut DbConnection, id: i64) -> QueryResult<usize> {
    diesel::delete(rf::table.find(id)).execute(conn)
}

/// Figures, optionally of one series and wholly within a date range, in period order.
pub fn list(
    conn: &mut DbConnection,
    series: Option<(&str, &str)>,
    within: Option<(NaiveDate, NaiveDate)>,
) -> QueryResult<Vec<ReferenceRow>> {
    let mut query = rf::table
        .select(ReferenceRow::as_select())
        .into_boxed::<MultiBackend>();
    if let Some((dimension, code)) = series {
        query = query
            .filter(rf::dimension.eq(dimension.to_string()))
            .filter(rf::code.eq(code.to_string()));
    }
    if let Some((start, end)) = within {
        query = query
            .filter(rf::period_start.ge(start))
            .filter(rf::period_end.le(end));
    }
    query
        .order((
            rf::dimension,
            rf::code,
            rf::period_start,
            rf::period_end,
            rf::id,
        ))
        .load(conn)
}
