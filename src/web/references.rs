//! Referensuppgifter: figures from other published situation pictures, beside our
//! series. Dashboard readers read them; analysts (and admins) register, change and
//! delete them.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{set_flash, Authorized, DashboardReader, Policy, ReferenceManager};
use super::layout::{render, render_with, see_other, Choice, Chrome, ConfirmPage, FormState};
use super::routes::Routes;
use super::AppState;
use crate::domain::access::Capability;
use crate::domain::reference::{self, ReferenceInput};
use crate::domain::taxonomy::Taxonomy;
use crate::error::{AppError, AppResult};
use crate::services::references::{self as svc, ReferenceFigure};
use crate::services::taxonomy;

pub fn config(r: &mut Routes) {
    r.get("/references", list)
        .post("/references", create)
        .get("/references/new", new_form)
        .get("/references/{id}/edit", edit_form)
        .post("/references/{id}/edit", update)
        .get("/references/{id}/delete", confirm_delete)
        .post("/references/{id}/delete", delete);
}

/// A group of series in a select list (one per dimension).
pub struct SeriesGroup {
    pub label: &'static str,
    pub choices: Vec<Choice>,
}

/// The series a figure may be attached to, grouped by dimension; retired codes only when
/// `include_retired` (filters over old data) or when selected.
fn series_groups(tax: &Taxonomy, selected: &str, include_retired: bool) -> Vec<SeriesGroup> {
    reference::DIMENSIONS
        .iter()
        .map(|d| SeriesGroup {
            label: d.label_sv(),
            choices: tax
                .all(*d)
                .filter(|e| {
                    include_retired || !e.retired || selected == reference::series_key(*d, &e.code)
                })
                .map(|e| {
                    let value = reference::series_key(*d, &e.code);
                    Choice {
                        selected: value == selected,
                        value,
                        label: e.label_sv.clone(),
                    }
                })
                .collect(),
        })
        .collect()
}

pub struct FigureView {
    pub id: i64,
    pub series: String,
    pub dimension: &'static str,
    pub period: String,
    pub value: String,
    pub unit: String,
    pub title: String,
    pub source: String,
    pub url: String,
    pub published_on: String,
}

fn view(f: &ReferenceFigure, tax: &Taxonomy) -> FigureView {
    FigureView {
        id: f.id,
        series: tax.label_sv(f.dimension, &f.code).to_string(),
        dimension: f.dimension.label_sv(),
        period: f.period.code(),
        value: f.value_sv(),
        unit: f.unit.clone(),
        title: f.title.clone(),
        source: f.source.clone(),
        url: f.url.clone(),
        published_on: f.published_on.to_string(),
    }
}

#[derive(Deserialize)]
struct ListQuery {
    series: Option<String>,
}

#[derive(Template)]
#[template(path = "references/list.html")]
struct ListPage {
    chrome: Chrome,
    groups: Vec<SeriesGroup>,
    filtered: bool,
    figures: Vec<FigureView>,
    can_manage: bool,
}

async fn list(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    q: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let selected = q.series.clone().unwrap_or_default().trim().to_string();
    let series = match selected.as_str() {
        "" => None,
        s => Some(reference::parse_series_key(s).ok_or_else(|| {
            AppError::BadRequest(crate::i18n::Msg::verbatim(
                "Adressen innehåller en okänd serie. Välj serie i formuläret i stället.",
            ))
        })?),
    };
    let (figures, tax) = state
        .db
        .run(move |c| {
            let figures = svc::list(c, series.as_ref().map(|(d, code)| (*d, code.as_str())))?;
            Ok((figures, taxonomy::load(c)?))
        })
        .await?;
    render(&ListPage {
        chrome: Chrome::for_user(&auth, "Referensuppgifter", "/references"),
        groups: series_groups(&tax, &selected, true),
        filtered: !selected.is_empty(),
        figures: figures.iter().map(|f| view(f, &tax)).collect(),
        can_manage: Capability::ManageReferences.allows(auth.user.role),
    })
}

#[derive(Template)]
#[template(path = "references/form.html")]
struct FormPage {
    chrome: Chrome,
    heading: String,
    action: String,
    groups: Vec<SeriesGroup>,
    form: FormState,
    editing: bool,
}

const FIELDS: [&str; 8] = [
    "source",
    "title",
    "published_on",
    "url",
    "value",
    "unit",
    "period",
    "series",
];

#[derive(Deserialize)]
struct FigureForm {
    source: Option<String>,
    title: Option<String>,
    published_on: Option<String>,
    url: Option<String>,
    value: Option<String>,
    unit: Option<String>,
    period: Option<String>,
    series: Option<String>,
}

impl FigureForm {
    fn input(self) -> ReferenceInput {
        ReferenceInput {
            source: self.source,
            title: self.title,
            published_on: self.published_on,
            url: self.url,
            value: self.value,
            unit: self.unit,
            period: self.period,
            series: self.series,
        }
    }
}

fn values(i: &ReferenceInput) -> std::collections::HashMap<String, String> {
    [
        &i.source,
        &i.title,
        &i.published_on,
        &i.url,
        &i.value,
        &i.unit,
        &i.period,
        &i.series,
    ]
    .into_iter()
    .zip(FIELDS)
    .filter_map(|(v, k)| v.clone().map(|v| (k.to_string(), v)))
    .collect()
}

fn form_page<P: Policy>(
    auth: &Authorized<P>,
    tax: &Taxonomy,
    editing: Option<i64>,
    form: FormState,
) -> FormPage {
    let (heading, action) = match editing {
        Some(id) => (
            "Ändra referensuppgift".to_string(),
            format!("/references/{id}/edit"),
        ),
        None => (
            "Registrera en referensuppgift".to_string(),
            "/references".to_string(),
        ),
    };
    FormPage {
        chrome: Chrome::for_user(auth, heading.clone(), "/references"),
        heading,
        action,
        groups: series_groups(tax, form.value("series"), false),
        form,
        editing: editing.is_some(),
    }
}

async fn new_form(
    state: web::Data<AppState>,
    auth: Authorized<ReferenceManager>,
) -> AppResult<HttpResponse> {
    let tax = state.db.run(taxonomy::load).await?;
    render(&form_page(&auth, &tax, None, FormState::default()))
}

async fn create(
    state: web::Data<AppState>,
    auth: Authorized<ReferenceManager>,
    session: Session,
    form: web::Form<FigureForm>,
) -> AppResult<HttpResponse> {
    let input = form.into_inner().input();
    let user = auth.user.clone();
    let i2 = input.clone();
    match state.db.run(move |c| svc::create(c, &user, &i2)).await {
        Ok(_) => {
            set_flash(&session, "Referensuppgiften är registrerad.");
            Ok(see_other("/references"))
        }
        Err(AppError::Validation(errors)) => {
            let tax = state.db.run(taxonomy::load).await?;
            let form = FormState {
                values: values(&input),
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&auth, &tax, None, form),
            )
        }
        Err(e) => Err(e),
    }
}

async fn edit_form(
    state: web::Data<AppState>,
    auth: Authorized<ReferenceManager>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (f, tax) = state
        .db
        .run(move |c| Ok((svc::load(c, id)?, taxonomy::load(c)?)))
        .await?;
    let input = ReferenceInput {
        source: Some(f.source.clone()),
        title: Some(f.title.clone()),
        published_on: Some(f.published_on.to_string()),
        url: Some(f.url.clone()),
        value: Some(f.value_input()),
        unit: Some(f.unit.clone()),
        period: Some(f.period.code()),
        series: Some(reference::series_key(f.dimension, &f.code)),
    };
    let form = FormState {
        values: values(&input),
        errors: Vec::new(),
        ..Default::default()
    };
    render(&form_page(&auth, &tax, Some(id), form))
}

async fn update(
    state: web::Data<AppState>,
    auth: Authorized<ReferenceManager>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<FigureForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let input = form.into_inner().input();
    let user = auth.user.clone();
    let i2 = input.clone();
    match state.db.run(move |c| svc::update(c, &user, id, &i2)).await {
        Ok(()) => {
            set_flash(&session, "Ändringarna är sparade.");
            Ok(see_other("/references"))
        }
        Err(AppError::Validation(errors)) => {
            let tax = state.db.run(taxonomy::load).await?;
            let form = FormState {
                values: values(&input),
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&auth, &tax, Some(id), form),
            )
        }
        Err(e) => Err(e),
    }
}

async fn confirm_delete(
    state: web::Data<AppState>,
    auth: Authorized<ReferenceManager>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (f, tax) = state
        .db
        .run(move |c| Ok((svc::load(c, id)?, taxonomy::load(c)?)))
        .await?;
    let v = view(&f, &tax);
    render(&ConfirmPage {
        chrome: Chrome::for_user(&auth, "Ta bort referensuppgift", "/references"),
        heading: "Ta bort referensuppgift".into(),
        question: format!(
            "Vill du ta bort uppgiften {} {} för {} ({}) ur ”{}”? Den visas då inte längre bredvid serien.",
            v.value, v.unit, v.series, v.period, v.source
        ),
        action: format!("/references/{id}/delete"),
        button: "Ta bort".into(),
        cancel: "/references".into(),
    })
}

async fn delete(
    state: web::Data<AppState>,
    auth: Authorized<ReferenceManager>,
    session: Session,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let user = auth.user.clone();
    state.db.run(move |c| svc::delete(c, &user, id)).await?;
    set_flash(&session, "Referensuppgiften är borttagen.");
    Ok(see_other("/references"))
}
