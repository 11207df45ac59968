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

use super::audit;
use super::auth::User;
use crate::db::models::NewTaxonomyCode;
use crate::db::queries::taxonomy as tq;
use crate::db::transaction;
use crate::domain::message::Msg;
use crate::domain::observation::screen_field;
use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::key;

fn check_labels(label_sv: &str, label_en: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    // The fields' names as catalogue keys.
    for (field, name, value) in [
        ("label_sv", key!("admin-taxonomy-label-sv-name"), label_sv),
        ("label_en", key!("admin-taxonomy-label-en-name"), label_en),
    ] {
        let v = value.trim();
        if v.is_empty() || v.chars().count() > 120 {
            errors.push(FieldError::new(
                field,
                "invalid",
                Msg::new("admin-taxonomy-label-length").arg("label", Msg::new(name)),
            ));
        } else if let Err(found) = screen_field(field, name, v) {
            // `name` is a catalogue key: when screen_field takes its label as a message
            // (`impl Into<Arg>`), pass `Msg::new(name)` here.
            errors.extend(found);
        }
    }
    errors
}

/// Adds a code to a dimension; the taxonomy gets a new version.
pub fn add_code(
    conn: &mut DbConnection,
    actor: &User,
    dimension: &str,
    code: &str,
    label_sv: &str,
    label_en: &str,
) -> AppResult<()> {
    let code = code.trim();
    let mut errors = check_labels(label_sv, label_en);
    let Some(dim) = Dimension::parse(dimension) else {
        return Err(AppError::Validation(vec![FieldError::new(
            "dimension",
            "invalid_code",
            Msg::new("admin-taxonomy-dimension-invalid"),
        )]));
    };
    if code.is_empty()
        || code.len() > 40
        || !code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '+'))
    {
        errors.push(FieldError::new(
            "code",
            "invalid",
            Msg::new("admin-taxonomy-code-invalid"),
        ));
    }
    transaction(conn, |conn| {
        if errors.is_empty() && tq::find(conn, dim.code(), code)?.is_some() {
            errors.push(FieldError::new(
                "code",
                "taken",
                Msg::new("admin-taxonomy-code-taken"),
            ));
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let version = tq::current_version(conn)? + 1;
        let sort_order = tq::max_sort_order(conn, dim.code())? + 1;
        tq::insert(
            conn,
            &NewTaxonomyCode {
                dimension: dim.code(),
                code,
                label_sv: label_sv.trim(),
                label_en: label_en.trim(),
                sort_order,
                introduced_in_version: version,
                retired: 0,
            },
        )?;
        audit::record(
            conn,
            Some(actor),
            "taxonomy_code_added",
            dim.code(),
            Some(code),
            Some(&format!("version {version}")),
        )?;
        Ok(())
    })
}

/// Changes the labels of a code (the code itself never changes).
pub fn update_labels(
    conn: &mut DbConnection,
    actor: &User,
    dimension: &str,
    code: &str,
    label_sv: &str,
    label_en: &str,
) -> AppResult<()> {
    let row = tq::find(conn, dimension, code)?.ok_or(AppError::NotFound)?;
    let errors = check_labels(label_sv, label_en);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    tq::update_labels(conn, row.id, label_sv.trim(), label_en.trim())?;
    audit::record(
        conn,
        Some(actor),
        "taxonomy_labels_changed",
        dimension,
        Some(code),
        None,
    )?;
    Ok(())
}

/// Retires a code: it can no longer be chosen for new data, but stays for old data (a
/// code that data uses is never deleted).
pub fn retire(conn: &mut DbConnection, actor: &User, dimension: &str, code: &str) -> AppResult<()> {
    transaction(conn, |conn| {
        let row = tq::find(conn, dimension, code)?.ok_or(AppError::NotFound)?;
        if row.retired != 0 {
            return Err(AppError::Conflict(Msg::new(
                "admin-taxonomy-already-retired",
            )));
        }
        let version = tq::current_version(conn)? + 1;
        tq::retire(conn, row.id, version)?;
        audit::record(
            conn,
            Some(actor),
            "taxonomy_code_retired",
            dimension,
            Some(code),
            Some(&format!("version {version}")),
        )?;
        Ok(())
    })
}

/// A row for the admin page.
pub fn rows(conn: &mut DbConnection) -> AppResult<Vec<crate::db::models::TaxonomyRow>> {
    Ok(tq::all(conn)?)
}

pub fn version(conn: &mut DbConnection) -> AppResult<i32> {
    Ok(tq::current_version(conn)?)
}
