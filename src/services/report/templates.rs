//! Report templates (mallar): which sections a new edition has, in which order, with which
//! default text and automatic content. Admins edit them; the standard one always exists.

use crate::db::queries::reports as q;
use crate::db::DbConnection;
use crate::domain::observation::screen_field;
use crate::domain::report::Template;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::audit;
use crate::services::auth::User;
use crate::services::now;

pub const STANDARD_NAME: &str = "Standardmall";

pub struct StoredTemplate {
    pub id: Option<i64>,
    pub name: String,
    pub template: Template,
}

/// Every template, the standard one first (created on first use).
pub fn list(conn: &mut DbConnection) -> AppResult<Vec<StoredTemplate>> {
    let mut rows = q::templates(conn)?;
    if rows.is_empty() {
        let json = serde_json::to_string(&Template::standard()).map_err(AppError::internal)?;
        // Another instance may have created it at the same moment; the name is unique.
        let _ = q::insert_template(conn, STANDARD_NAME, &json, None, now());
        rows = q::templates(conn)?;
    }
    rows.into_iter()
        .map(|r| {
            Ok(StoredTemplate {
                id: Some(r.id),
                name: r.name,
                template: serde_json::from_str(&r.sections).map_err(AppError::internal)?,
            })
        })
        .collect()
}

/// The template `id`, or the first (standard) one.
pub fn load(conn: &mut DbConnection, id: Option<i64>) -> AppResult<StoredTemplate> {
    let all = list(conn)?;
    let found = match id {
        Some(id) => all.into_iter().find(|t| t.id == Some(id)),
        None => all.into_iter().next(),
    };
    found.ok_or_else(|| {
        AppError::Validation(vec![FieldError::text(
            "template_id",
            "unknown",
            "Mallen finns inte. Välj en mall i listan.",
        )])
    })
}

/// Saves a template (new when `id` is None). Titles and default texts are screened.
pub fn save(
    conn: &mut DbConnection,
    user: &User,
    id: Option<i64>,
    name: &str,
    template: &Template,
) -> AppResult<i64> {
    let name = name.trim();
    let mut errors = Vec::new();
    if name.is_empty() || name.chars().count() > 80 {
        errors.push(FieldError::text(
            "name",
            "length",
            "Ge mallen ett namn på högst 80 tecken.",
        ));
    }
    if let Err(msg) = template.validate() {
        errors.push(FieldError::text("sections", "template", msg));
    }
    for (i, s) in template.sections.iter().enumerate() {
        for (field, label, text) in [
            (format!("title_sv_{i}"), "Rubriken", &s.title.sv),
            (format!("title_en_{i}"), "Rubriken", &s.title.en),
            (format!("text_{i}"), "Standardtexten", &s.default_text),
        ] {
            if let Err(e) = screen_field(&field, label, text) {
                errors.extend(e);
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let json = serde_json::to_string(template).map_err(AppError::internal)?;
    crate::db::transaction(conn, |conn| {
        let id = match id {
            Some(id) => {
                if q::update_template(conn, id, name, &json, user.id, now())? == 0 {
                    return Err(AppError::NotFound);
                }
                id
            }
            None => q::insert_template(conn, name, &json, Some(user.id), now()).map_err(|_| {
                AppError::Validation(vec![FieldError::text(
                    "name",
                    "taken",
                    "Det finns redan en mall med det namnet. Välj ett annat.",
                )])
            })?,
        };
        audit::record(
            conn,
            Some(user),
            "report_template_saved",
            "report_template",
            Some(&id.to_string()),
            None,
        )?;
        Ok(id)
    })
}
