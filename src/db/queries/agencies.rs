use diesel::prelude::*;

use crate::db::models::AgencyRow;
use crate::db::schema::agencies;
use crate::db::DbConnection;

pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<AgencyRow>> {
    agencies::table
        .order((agencies::sort_order, agencies::code))
        .select(AgencyRow::as_select())
        .load(conn)
}

pub fn by_code(conn: &mut DbConnection, code: &str) -> QueryResult<Option<AgencyRow>> {
    agencies::table
        .filter(agencies::code.eq(code))
        .select(AgencyRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<AgencyRow> {
    agencies::table
        .find(id)
        .select(AgencyRow::as_select())
        .first(conn)
}
