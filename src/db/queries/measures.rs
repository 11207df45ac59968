use diesel::prelude::*;

use crate::db::models::{AgencyRow, MeasureFields, MeasureRow};
use crate::db::schema::{agencies, measure_agencies as ma, measure_targets as mt, measures as m};
use crate::db::DbConnection;
use crate::with_backend;

pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<MeasureRow>> {
    m::table
        .order((m::start_on.desc(), m::id.desc()))
        .select(MeasureRow::as_select())
        .load(conn)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<MeasureRow>> {
    m::table
        .find(id)
        .select(MeasureRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(
    conn: &mut DbConnection,
    fields: &MeasureFields<'_>,
    created_by: i64,
) -> QueryResult<i64> {
    let created_at = fields.updated_at;
    with_backend!(conn, c => diesel::insert_into(m::table)
        .values((fields, m::created_by.eq(created_by), m::created_at.eq(created_at)))
        .returning(m::id)
        .get_result(c))
}

pub fn update(conn: &mut DbConnection, id: i64, fields: &MeasureFields<'_>) -> QueryResult<usize> {
    diesel::update(m::table.find(id)).set(fields).execute(conn)
}

pub fn agencies_of(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<AgencyRow>> {
    ma::table
        .inner_join(agencies::table)
        .filter(ma::measure_id.eq(id))
        .order(agencies::sort_order)
        .select(AgencyRow::as_select())
        .load(conn)
}

/// (dimension, code) pairs the measure targets.
pub fn targets_of(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<(String, String)>> {
    mt::table
        .filter(mt::measure_id.eq(id))
        .order((mt::dimension, mt::code))
        .select((mt::dimension, mt::code))
        .load(conn)
}

pub fn replace_links(
    conn: &mut DbConnection,
    id: i64,
    agency_ids: &[i64],
    targets: &[(String, String)],
) -> QueryResult<()> {
    diesel::delete(ma::table.filter(ma::measure_id.eq(id))).execute(conn)?;
    diesel::delete(mt::table.filter(mt::measure_id.eq(id))).execute(conn)?;
    for a in agency_ids {
        diesel::insert_into(ma::table)
            .values((ma::measure_id.eq(id), ma::agency_id.eq(*a)))
            .execute(conn)?;
    }
    for (d, c) in targets {
        diesel::insert_into(mt::table)
            .values((mt::measure_id.eq(id), mt::dimension.eq(d), mt::code.eq(c)))
            .execute(conn)?;
    }
    Ok(())
}
