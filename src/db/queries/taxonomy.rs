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

use crate::db::models::NewTaxonomyCode;

pub fn find(
    conn: &mut DbConnection,
    dimension: &str,
    code: &str,
) -> QueryResult<Option<TaxonomyRow>> {
    tc::table
        .filter(tc::dimension.eq(dimension))
        .filter(tc::code.eq(code))
        .select(TaxonomyRow::as_select())
        .first(conn)
        .optional()
}

/// The taxonomy's version: the highest version in which a code was added or retired.
pub fn current_version(conn: &mut DbConnection) -> QueryResult<i32> {
    let introduced: Option<i32> = tc::table
        .select(diesel::dsl::max(tc::introduced_in_version))
        .first(conn)?;
    let retired: Option<i32> = tc::table
        .select(diesel::dsl::max(tc::retired_in_version))
        .first(conn)?;
    Ok(introduced.unwrap_or(1).max(retired.unwrap_or(1)))
}

pub fn insert(conn: &mut DbConnection, new: &NewTaxonomyCode<'_>) -> QueryResult<usize> {
    diesel::insert_into(tc::table).values(new).execute(conn)
}

pub fn max_sort_order(conn: &mut DbConnection, dimension: &str) -> QueryResult<i32> {
    tc::table
        .filter(tc::dimension.eq(dimension))
        .select(diesel::dsl::max(tc::sort_order))
        .first::<Option<i32>>(conn)
        .map(|m| m.unwrap_or(0))
}

pub fn update_labels(conn: &mut DbConnection, id: i64, sv: &str, en: &str) -> QueryResult<usize> {
    diesel::update(tc::table.find(id))
        .set((tc::label_sv.eq(sv), tc::label_en.eq(en)))
        .execute(conn)
}

pub fn retire(conn: &mut DbConnection, id: i64, version: i32) -> QueryResult<usize> {
    diesel::update(tc::table.find(id).filter(tc::retired.eq(0)))
        .set((tc::retired.eq(1), tc::retired_in_version.eq(Some(version))))
        .execute(conn)
}
