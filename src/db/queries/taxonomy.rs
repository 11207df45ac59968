use diesel::prelude::*;

use crate::db::models::TaxonomyRow;
use crate::db::schema::taxonomy_codes as tc;
use crate::db::DbConnection;

pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<TaxonomyRow>> {
    tc::table
        .order((tc::dimension, tc::sort_order, tc::code))
        .select(TaxonomyRow::as_select())
        .load(conn)
}
