//! Report templates (mallar): which sections a new edition has, in which order, with which
//! default text and automatic content. Admins edit them; the standard one always exists,
//! its titles and default texts taken from the catalogue in both report languages.

use std::sync::Arc;

use crate::db::queries::reports as q;
use crate::db::DbConnection;
use crate::domain::observation::screen_field;
use crate::domain::report::{Component, Label, Template, TemplateSection};
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{Catalogue, Lang, Msg};
use crate::key;
use crate::services::audit;
use crate::services::auth::User;
use crate::services::now;

/// The stored name of the standard template (the pages show it in the reader's language).
pub const STANDARD_NAME: &str = "Standardmall";

pub struct StoredTemplate {
    pub id: Option<i64>,
    pub name: String,
    pub template: Template,
}

impl StoredTemplate {
    pub fn is_standard(&self) -> bool {
        self.name == STANDARD_NAME
    }
}

/// The default template: the sections DOMAIN.md names, in its order, plus the generated
/// section on changes since the previous edition. Titles and default texts in both report
/// languages, from the catalogue.
pub fn standard(catalogue: &Arc<Catalogue>) -> Template {
    use Component::*;
    let (sv, en) = (catalogue.tr(Lang::Sv), catalogue.tr(Lang::En));
    let both = |k: &str| Label::new(sv.t(k), en.t(k));
    let sections: [(&str, &str, Option<&str>, Vec<Component>); 10] = [
        (
            "summary",
            key!("report-content-section-summary"),
            Some(key!("report-content-section-summary-text")),
            vec![SummaryTable],
        ),
        (
            "trends",
            key!("report-content-section-trends"),
            Some(key!("report-content-section-trends-text")),
            vec![TrendByMisuseType, MonthlyTotal],
        ),
        (
            "modus_operandi",
            key!("report-content-section-modus-operandi"),
            Some(key!("report-content-section-modus-operandi-text")),
            vec![ByExploitationArea, ByChainStage],
        ),
        (
            "documents",
            key!("report-content-section-documents"),
            Some(key!("report-content-section-documents-text")),
            vec![ByDocumentType, ByFraudType],
        ),
        (
            "vulnerabilities",
            key!("report-content-section-vulnerabilities"),
            Some(key!("report-content-section-vulnerabilities-text")),
            vec![ByAgeBand, ByCitizenship, RisksList],
        ),
        (
            "measures",
            key!("report-content-section-measures"),
            Some(key!("report-content-section-measures-text")),
            vec![MeasuresTable, MeasuresChart],
        ),
        (
            "signals",
            key!("report-content-section-signals"),
            Some(key!("report-content-section-signals-text")),
            vec![SignalsTable, TypeAreaHeatmap],
        ),
        (
            "forum",
            key!("report-content-section-forum"),
            Some(key!("report-content-section-forum-text")),
            vec![ForumFollowups],
        ),
        (
            "method",
            key!("report-content-section-method"),
            None,
            vec![MethodText, Completeness],
        ),
        (
            "changes",
            key!("report-content-section-changes"),
            None,
            vec![Changes],
        ),
    ];
    Template {
        sections: sections
            .into_iter()
            .map(|(key, title, text, components)| TemplateSection {
                key: key.into(),
                title: both(title),
                default_text: text.map(both).unwrap_or_default(),
                components,
            })
            .collect(),
    }
}

/// The stored templates, oldest first. Empty until the standard one is first used; use
/// `all` where a template is needed.
pub fn list(conn: &mut DbConnection) -> AppResult<Vec<StoredTemplate>> {
    q::templates(conn)?
        .into_iter()
        .map(|r| {
            Ok(StoredTemplate {
                id: Some(r.id),
                name: r.name,
                template: serde_json::from_str(&r.sections).map_err(AppError::internal)?,
            })
        })
        .collect()
}

/// Every template, the standard one first (created on first use).
pub fn all(conn: &mut DbConnection, catalogue: &Arc<Catalogue>) -> AppResult<Vec<StoredTemplate>> {
    let standard = standard(catalogue);
    let mut rows = list(conn)?;
    if rows.is_empty() {
        let json = serde_json::to_string(&standard).map_err(AppError::internal)?;
        // Another instance may have created it at the same moment; the name is unique.
        let _ = q::insert_template(conn, STANDARD_NAME, &json, None, now());
        rows = list(conn)?;
    }
    for t in &mut rows {
        complete_default_texts(&mut t.template, &standard);
    }
    Ok(rows)
}

/// Templates stored before default texts had two languages hold one text for both; where
/// that is still the standard template's Swedish default text, the English edition gets
/// the standard English text instead.
fn complete_default_texts(t: &mut Template, standard: &Template) {
    for s in &mut t.sections {
        if s.default_text.sv != s.default_text.en {
            continue;
        }
        if let Some(std) = standard.sections.iter().find(|x| x.key == s.key) {
            if std.default_text.sv == s.default_text.sv {
                s.default_text.en = std.default_text.en.clone();
            }
        }
    }
}

/// The template `id`, or the first (standard) one.
pub fn load(
    conn: &mut DbConnection,
    catalogue: &Arc<Catalogue>,
    id: Option<i64>,
) -> AppResult<StoredTemplate> {
    let all = all(conn, catalogue)?;
    let found = match id {
        Some(id) => all.into_iter().find(|t| t.id == Some(id)),
        None => all.into_iter().next(),
    };
    found.ok_or_else(|| {
        AppError::Validation(vec![FieldError::new(
            "template_id",
            "unknown",
            Msg::new("reports-template-unknown"),
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
        errors.push(FieldError::new(
            "name",
            "length",
            Msg::new("reports-template-name-length").arg("max", 80),
        ));
    }
    if let Err(msg) = template.validate() {
        errors.push(FieldError::new("sections", "template", msg));
    }
    for (i, s) in template.sections.iter().enumerate() {
        for (field, label, text) in [
            (
                format!("title_sv_{i}"),
                key!("reports-screen-heading"),
                &s.title.sv,
            ),
            (
                format!("title_en_{i}"),
                key!("reports-screen-heading"),
                &s.title.en,
            ),
            (
                format!("text_sv_{i}"),
                key!("reports-screen-default-text"),
                &s.default_text.sv,
            ),
            (
                format!("text_en_{i}"),
                key!("reports-screen-default-text"),
                &s.default_text.en,
            ),
        ] {
            if let Err(e) = screen_field(&field, Msg::dynamic(label), text) {
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
                AppError::Validation(vec![FieldError::new(
                    "name",
                    "taken",
                    Msg::new("reports-template-name-taken"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_template_is_valid_in_both_languages_and_holds_ten_charts() {
        let catalogue = Arc::new(Catalogue::load().unwrap());
        let t = standard(&catalogue);
        t.validate().unwrap();
        let charts = t
            .sections
            .iter()
            .flat_map(|s| &s.components)
            .filter(|c| c.is_chart())
            .count();
        assert_eq!(charts, 10);
        assert_eq!(t.sections[0].title, Label::new("Sammanfattning", "Summary"));
        assert!(t.sections[0].default_text.en.starts_with("Write"));
        assert!(t.sections[8].default_text.sv.is_empty());
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Template>(&json).unwrap(), t);
    }

    #[test]
    fn a_template_stored_with_one_default_text_gets_the_standard_english_one() {
        let catalogue = Arc::new(Catalogue::load().unwrap());
        let standard = standard(&catalogue);
        // As stored before: the default text a plain (Swedish) string.
        let mut json = serde_json::to_value(&standard).unwrap();
        for s in json["sections"].as_array_mut().unwrap() {
            let sv = s["default_text"]["sv"].clone();
            s["default_text"] = sv;
        }
        json["sections"][1]["default_text"] = "Egen text.".into();
        let mut old: Template = serde_json::from_value(json).unwrap();
        assert_eq!(
            old.sections[0].default_text.en,
            old.sections[0].default_text.sv
        );
        complete_default_texts(&mut old, &standard);
        assert_eq!(
            old.sections[0].default_text,
            standard.sections[0].default_text
        );
        // An admin's own text stays as written, in both languages.
        assert_eq!(old.sections[1].default_text, Label::same("Egen text."));
    }
}
