//! Loading the taxonomy in force.

use crate::db::queries::taxonomy;
use crate::db::DbConnection;
use crate::domain::taxonomy::{Dimension, Taxonomy, TaxonomyEntry};
use crate::error::AppResult;

pub fn load(conn: &mut DbConnection) -> AppResult<Taxonomy> {
    let rows = taxonomy::all(conn)?;
    let mut entries: Vec<(Dimension, i32, TaxonomyEntry)> = rows
        .into_iter()
        .filter_map(|r| {
            Dimension::parse(&r.dimension).map(|d| {
                (
                    d,
                    r.sort_order,
                    TaxonomyEntry {
                        dimension: d,
                        code: r.code,
                        label_sv: r.label_sv,
                        label_en: r.label_en,
                        retired: r.retired != 0,
                    },
                )
            })
        })
        .collect();
    entries.sort_by_key(|e| (e.0, e.1));
    Ok(Taxonomy::new(entries.into_iter().map(|e| e.2).collect()))
}
