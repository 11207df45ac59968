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
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::{Msg, Tr};
use crate::key;
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
    pub label: String,
    pub choices: Vec<Choice>,
}

/// The name of a dimension a figure may be attached to.
fn dimension_key(d: Dimension) -> &'static str {
    match d {
        Dimension::MisuseType => key!("references-dim-misuse-type"),
        _ => key!("references-dim-exploitation-area"),
    }
}

/// The series a figure may be attached to, grouped by dimension; retired codes only when
/// `include_retired` (filters over old data) or when selected.
fn series_groups(
    tr: &Tr,
    tax: &Taxonomy,
    selected: &str,
    include_retired: bool,
) -> Vec<SeriesGroup> {
    reference::DIMENSIONS
        .iter()
        .map(|d| SeriesGroup {
            label: tr.t(dimension_key(*d)),
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
                        label: tr.lang.pick(&e.label_sv, &e.label_en).to_string(),
                    }
                })
                .collect(),
        })
        .collect()
}

pub struct FigureView {
    pub id: i64,
    pub series: String,
    pub dimension: String,
    pub period: String,
    pub value: String,
    pub unit: String,
    pub title: String,
    pub source: String,
    pub url: String,
    pub published_on: String,
}

fn view(tr: &Tr, f: &ReferenceFigure, tax: &Taxonomy) -> FigureView {
    FigureView {
        id: f.id,
        series: tr
            .lang
            .pick(
                tax.label_sv(f.dimension, &f.code),
                tax.label_en(f.dimension, &f.code),
            )
            .to_string(),
        dimension: tr.t(dimension_key(f.dimension)),
        period: f.period.code(),
        value: f.value_in(tr.lang),
        unit: f.unit.clone(),
        title: f.title.clone(),
        source: f.source.clone(),
        url: f.url.clone(),
        published_on: tr.date(f.published_on),
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
        s => Some(
            reference::parse_series_key(s)
                .ok_or_else(|| AppError::BadRequest(Msg::new("references-series-unknown")))?,
        ),
    };
    let (figures, tax) = state
        .db
        .run(move |c| {
            let figures = svc::list(c, series.as_ref().map(|(d, code)| (*d, code.as_str())))?;
            Ok((figures, taxonomy::load(c)?))
        })
        .await?;
    let tr = &auth.tr;
    render(&ListPage {
        chrome: Chrome::for_user(&auth, tr.t("references-title"), "/references"),
        groups: series_groups(tr, &tax, &selected, true),
        filtered: !selected.is_empty(),
        figures: figures.iter().map(|f| view(tr, f, &tax)).collect(),
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
    let tr = &auth.tr;
    let (heading, action) = match editing {
        Some(id) => (tr.t("references-edit"), format!("/references/{id}/edit")),
        None => (tr.t("references-new"), "/references".to_string()),
    };
    FormPage {
        chrome: Chrome::for_user(auth, heading.clone(), "/references"),
        heading,
        action,
        groups: series_groups(tr, tax, form.value("series"), false),
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
            set_flash(&session, &auth.tr.t("references-created-flash"));
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
        value: Some(f.value_input(auth.tr.lang)),
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
            set_flash(&session, &auth.tr.t("references-updated-flash"));
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
    let tr = &auth.tr;
    let v = view(tr, &f, &tax);
    render(&ConfirmPage {
        chrome: Chrome::for_user(&auth, tr.t("references-delete-heading"), "/references"),
        heading: tr.t("references-delete-heading"),
        question: tr.msg(
            &Msg::new("references-delete-question")
                .arg("value", v.value)
                .arg("unit", v.unit)
                .arg("series", v.series)
                .arg("period", v.period)
                .arg("source", v.source),
        ),
        action: format!("/references/{id}/delete"),
        button: tr.t("references-delete-button"),
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
    set_flash(&session, &auth.tr.t("references-deleted-flash"));
    Ok(see_other("/references"))
}
