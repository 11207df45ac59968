//! Report templates for administrators: which sections a new edition has, in which order,
//! with which default texts and automatic content.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::auth::{set_flash, Administrator, Authorized};
use super::layout::{render, render_with, see_other, Chrome, FormState, ShownError};
use super::routes::Routes;
use super::AppState;
use crate::domain::report::{Component, Label, Template as ReportTemplate, TemplateSection};
use crate::error::{AppError, AppResult};
use crate::services::report::templates;

pub fn config(r: &mut Routes) {
    r.get("/admin/report-templates", list)
        .post("/admin/report-templates", create)
        .get("/admin/report-templates/{id}", edit_form)
        .post("/admin/report-templates/{id}", save);
}

struct TemplateItem {
    id: i64,
    name: String,
    sections: usize,
}

#[derive(Template)]
#[template(path = "admin/report_templates.html")]
struct ListPage {
    chrome: Chrome,
    templates: Vec<TemplateItem>,
    form: FormState,
}

async fn list_page(
    state: &AppState,
    auth: &Authorized<Administrator>,
    form: FormState,
) -> AppResult<ListPage> {
    let catalogue = state.catalogue.clone();
    let all = state.db.run(move |c| templates::all(c, &catalogue)).await?;
    Ok(ListPage {
        chrome: Chrome::for_user(auth, auth.tr.t("admin-templates-title"), "/admin"),
        templates: all
            .into_iter()
            .filter_map(|t| {
                Some(TemplateItem {
                    id: t.id?,
                    name: t.name,
                    sections: t.template.sections.len(),
                })
            })
            .collect(),
        form,
    })
}

async fn list(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
) -> AppResult<HttpResponse> {
    render(&list_page(&state, &auth, FormState::default()).await?)
}

/// A new template starts as a copy of the standard one.
async fn create(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let mut form = FormState::from_pairs(&body);
    let name = form.value("name").to_string();
    let user = auth.user.clone();
    let standard = templates::standard(&state.catalogue);
    match state
        .db
        .run(move |c| templates::save(c, &user, None, &name, &standard))
        .await
    {
        Ok(id) => Ok(see_other(&format!("/admin/report-templates/{id}"))),
        Err(AppError::Validation(errors)) => {
            form.set_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &list_page(&state, &auth, form).await?,
            )
        }
        Err(e) => Err(e),
    }
}

struct ComponentBox {
    code: &'static str,
    label: String,
    checked: bool,
}

struct SectionRow {
    index: usize,
    key: String,
    title_sv: String,
    title_en: String,
    text_sv: String,
    text_en: String,
    components: Vec<ComponentBox>,
}

#[derive(Template)]
#[template(path = "admin/report_template.html")]
struct EditPage {
    chrome: Chrome,
    id: i64,
    name: String,
    errors: Vec<ShownError>,
    sections: Vec<SectionRow>,
}

fn rows_of(t: &ReportTemplate, tr: &crate::i18n::Tr) -> Vec<SectionRow> {
    t.sections
        .iter()
        .enumerate()
        .map(|(i, s)| SectionRow {
            index: i,
            key: s.key.clone(),
            title_sv: s.title.sv.clone(),
            title_en: s.title.en.clone(),
            text_sv: s.default_text.sv.clone(),
            text_en: s.default_text.en.clone(),
            components: Component::ALL
                .into_iter()
                .map(|c| ComponentBox {
                    code: c.code(),
                    label: tr.t(c.key()),
                    checked: s.components.contains(&c),
                })
                .collect(),
        })
        .collect()
}

async fn edit_form(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let t = state
        .db
        .run(move |c| {
            templates::list(c)?
                .into_iter()
                .find(|t| t.id == Some(id))
                .ok_or(AppError::NotFound)
        })
        .await?;
    render(&EditPage {
        chrome: Chrome::for_user(
            &auth,
            auth.tr.t1("admin-templates-template", "name", &t.name),
            "/admin",
        ),
        id,
        name: t.name,
        errors: Vec::new(),
        sections: rows_of(&t.template, &auth.tr),
    })
}

/// Reads the sections from the form: `sec_N_*` fields, ordered by `sec_N_pos`; sections
/// without `sec_N_keep` are left out.
fn parse_sections(form: &FormState) -> ReportTemplate {
    let mut sections: Vec<(i64, usize, TemplateSection)> = Vec::new();
    for i in 0..100 {
        let key = form.value(&format!("sec_{i}_key")).trim().to_string();
        if key.is_empty() {
            break;
        }
        if form.value(&format!("sec_{i}_keep")).is_empty() {
            continue;
        }
        let chosen = form.all(&format!("sec_{i}_comp"));
        let pos = form
            .value(&format!("sec_{i}_pos"))
            .trim()
            .parse::<i64>()
            .unwrap_or(i as i64 + 1);
        sections.push((
            pos,
            i,
            TemplateSection {
                key,
                title: Label::new(
                    form.value(&format!("sec_{i}_title_sv")).trim(),
                    form.value(&format!("sec_{i}_title_en")).trim(),
                ),
                default_text: Label::new(
                    form.value(&format!("sec_{i}_text_sv"))
                        .replace("\r\n", "\n"),
                    form.value(&format!("sec_{i}_text_en"))
                        .replace("\r\n", "\n"),
                ),
                components: Component::ALL
                    .into_iter()
                    .filter(|c| chosen.iter().any(|x| x == c.code()))
                    .collect(),
            },
        ));
    }
    sections.sort_by_key(|(pos, i, _)| (*pos, *i));
    ReportTemplate {
        sections: sections.into_iter().map(|(_, _, s)| s).collect(),
    }
}

async fn save(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    path: web::Path<i64>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = FormState::from_pairs(&body);
    let template = parse_sections(&form);
    let name = form.value("name").to_string();
    let (user, t, n) = (auth.user.clone(), template.clone(), name.clone());
    match state
        .db
        .run(move |c| templates::save(c, &user, Some(id), &n, &t))
        .await
    {
        Ok(_) => {
            set_flash(&session, &auth.tr.t("admin-templates-saved"));
            Ok(see_other(&format!("/admin/report-templates/{id}")))
        }
        Err(AppError::Validation(errors)) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &EditPage {
                chrome: Chrome::for_user(
                    &auth,
                    auth.tr.t1("admin-templates-template", "name", &name),
                    "/admin",
                ),
                id,
                name,
                errors: ShownError::all(&errors, &auth.tr),
                sections: rows_of(&template, &auth.tr),
            },
        ),
        Err(e) => Err(e),
    }
}
