//! Åtgärder: the register of measures with their measured effect.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::auth::{set_flash, Authorized, DashboardReader, MeasureEditor};
use super::forum::{agency_name, agency_options};
use super::layout::{render, render_with, see_other, Choice, Chrome, FormState};
use super::routes::Routes;
use super::AppState;
use crate::db::models::AgencyRow;
use crate::domain::access::Capability;
use crate::domain::effect::EffectVerdict;
use crate::domain::measure::{MeasureKind, MeasureStatus};
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::{Msg, Tr};
use crate::services::measures::{self as svc, MeasureInput, DEFAULT_EFFECT_PERIODS};
use crate::services::taxonomy;

pub fn config(r: &mut Routes) {
    r.get("/measures", list)
        .get("/measures/new", new_form)
        .post("/measures", create)
        .get("/measures/{id}", show)
        .get("/measures/{id}/edit", edit_form)
        .post("/measures/{id}", update);
}

pub struct Row {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub start_on: String,
}

#[derive(Template)]
#[template(path = "measures/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    can_edit: bool,
}

async fn list(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
) -> AppResult<HttpResponse> {
    let rows = state.db.run(svc::list).await?;
    let tr = &auth.tr;
    render(&ListPage {
        chrome: Chrome::for_user(&auth, tr.t("measures-title"), "/measures"),
        can_edit: Capability::ManageMeasures.allows(auth.user.role),
        rows: rows
            .into_iter()
            .map(|m| Row {
                id: m.id,
                kind: MeasureKind::parse(&m.kind)
                    .map(|k| tr.t(k.key()))
                    .unwrap_or_default(),
                status: MeasureStatus::parse(&m.status)
                    .map(|s| tr.t(s.key()))
                    .unwrap_or_default(),
                start_on: tr.date(m.start_on),
                title: m.title,
            })
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "measures/form.html")]
struct FormPage {
    chrome: Chrome,
    action: String,
    heading: String,
    form: FormState,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    agencies: Vec<Choice>,
    misuse_types: Vec<Choice>,
    document_types: Vec<Choice>,
    exploitation_areas: Vec<Choice>,
}

/// A taxonomy entry's label in the reader's language.
fn label<'a>(tr: &Tr, tax: &'a Taxonomy, d: Dimension, code: &'a str) -> &'a str {
    tr.lang.pick(tax.label_sv(d, code), tax.label_en(d, code))
}

fn form_page(
    auth: &Authorized<MeasureEditor>,
    action: String,
    heading: String,
    form: FormState,
    agencies: &[AgencyRow],
    tax: &Taxonomy,
) -> FormPage {
    let tr = &auth.tr;
    let dim = |d: Dimension| {
        form.choices(
            d.code(),
            tax.active(d).map(|e| {
                (
                    e.code.clone(),
                    tr.lang.pick(&e.label_sv, &e.label_en).to_string(),
                )
            }),
        )
    };
    FormPage {
        chrome: Chrome::for_user(auth, heading.clone(), "/measures"),
        kinds: form.choices(
            "kind",
            MeasureKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), tr.t(k.key()))),
        ),
        statuses: form.choices(
            "status",
            MeasureStatus::ALL
                .iter()
                .map(|k| (k.code().to_string(), tr.t(k.key()))),
        ),
        agencies: form.choices("agencies", agency_options(tr, agencies)),
        misuse_types: dim(Dimension::MisuseType),
        document_types: dim(Dimension::DocumentType),
        exploitation_areas: dim(Dimension::ExploitationArea),
        action,
        heading,
        form,
    }
}

async fn lookups(state: &AppState) -> AppResult<(Vec<AgencyRow>, Taxonomy)> {
    state
        .db
        .run(|c| Ok((crate::db::queries::agencies::all(c)?, taxonomy::load(c)?)))
        .await
}

async fn new_form(
    state: web::Data<AppState>,
    auth: Authorized<MeasureEditor>,
) -> AppResult<HttpResponse> {
    let (agencies, tax) = lookups(&state).await?;
    render(&form_page(
        &auth,
        "/measures".into(),
        auth.tr.t("measures-new"),
        FormState::default(),
        &agencies,
        &tax,
    ))
}

fn to_input(form: &FormState) -> MeasureInput {
    MeasureInput {
        title: form.value("title").to_string(),
        kind: form.value("kind").to_string(),
        description: form.value("description").to_string(),
        status: form.value("status").to_string(),
        start_on: form.value("start_on").to_string(),
        end_on: form.value("end_on").to_string(),
        agencies: form.all("agencies"),
        misuse_types: form.all("misuse_type"),
        document_types: form.all("document_type"),
        exploitation_areas: form.all("exploitation_area"),
    }
}

async fn save(
    state: &AppState,
    auth: &Authorized<MeasureEditor>,
    session: &Session,
    id: Option<i64>,
    pairs: Vec<(String, String)>,
) -> AppResult<HttpResponse> {
    let form = FormState::from_pairs(&pairs);
    let input = to_input(&form);
    let user = auth.user.clone();
    match state.db.run(move |c| svc::save(c, &user, id, &input)).await {
        Ok(id) => {
            set_flash(session, &auth.tr.t("measures-saved"));
            Ok(see_other(&format!("/measures/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            let (agencies, tax) = lookups(state).await?;
            let form = FormState { ..form }.with_errors(&errors, &auth.tr);
            let (action, heading) = match id {
                Some(id) => (format!("/measures/{id}"), auth.tr.t("measures-edit")),
                None => ("/measures".to_string(), auth.tr.t("measures-new")),
            };
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(auth, action, heading, form, &agencies, &tax),
            )
        }
        Err(e) => Err(e),
    }
}

async fn create(
    state: web::Data<AppState>,
    auth: Authorized<MeasureEditor>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    save(&state, &auth, &session, None, form.into_inner()).await
}

async fn update(
    state: web::Data<AppState>,
    auth: Authorized<MeasureEditor>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    save(
        &state,
        &auth,
        &session,
        Some(path.into_inner()),
        form.into_inner(),
    )
    .await
}

async fn edit_form(
    state: web::Data<AppState>,
    auth: Authorized<MeasureEditor>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let d = state
        .db
        .run(move |c| svc::detail(c, id, DEFAULT_EFFECT_PERIODS))
        .await?;
    let mut form = FormState::default();
    let m = &d.measure;
    for (k, v) in [
        ("title", m.title.clone()),
        ("kind", m.kind.clone()),
        ("status", m.status.clone()),
        ("description", m.description.clone().unwrap_or_default()),
        ("start_on", m.start_on.to_string()),
        (
            "end_on",
            m.end_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ] {
        form.values.insert(k.into(), v);
    }
    form.multi.insert(
        "agencies".into(),
        d.agencies.iter().map(|a| a.code.clone()).collect(),
    );
    for (dim, code, _) in &d.targets {
        form.multi
            .entry(dim.clone())
            .or_default()
            .push(code.clone());
    }
    let (agencies, tax) = lookups(&state).await?;
    render(&form_page(
        &auth,
        format!("/measures/{id}"),
        auth.tr.t("measures-edit"),
        form,
        &agencies,
        &tax,
    ))
}

pub struct EffectRow {
    pub label: String,
    pub before: String,
    pub after: String,
    pub change: String,
    pub p_value: String,
    pub verdict: String,
}

#[derive(Template)]
#[template(path = "measures/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: i64,
    title: String,
    kind: String,
    status: String,
    start_on: String,
    end_on: String,
    start_period: String,
    description: String,
    agencies: Vec<String>,
    targets: Vec<String>,
    effects: Vec<EffectRow>,
    effect_periods: usize,
    can_edit: bool,
}

/// The verdict in words: what the numbers say, plainly, in the reader's language.
fn effect_row(tr: &Tr, tax: &Taxonomy, e: &svc::TargetEffect, n: usize) -> EffectRow {
    let label = label(tr, tax, Dimension::MisuseType, &e.misuse_type).to_string();
    let blank = |verdict: String| EffectRow {
        label: label.clone(),
        before: "–".into(),
        after: "–".into(),
        change: "–".into(),
        p_value: "–".into(),
        verdict,
    };
    match &e.verdict {
        EffectVerdict::Measured(m) => {
            let significant = m.p_value_two_sided < 0.05;
            let verdict = match (significant, m.after_mean < m.before_mean) {
                (true, true) => crate::key!("measures-effect-decrease"),
                (true, false) => crate::key!("measures-effect-increase"),
                (false, _) => crate::key!("measures-effect-none"),
            };
            EffectRow {
                before: tr.decimal(m.before_mean, 1),
                after: tr.decimal(m.after_mean, 1),
                change: m
                    .change_pct
                    .map(|x| tr.lang.percent_change(x))
                    .unwrap_or_else(|| "–".into()),
                p_value: format_p(tr, m.p_value_two_sided),
                verdict: tr.t(verdict),
                label,
            }
        }
        EffectVerdict::TooFewPeriods {
            before,
            after,
            needed,
        } => blank(
            tr.msg(
                &Msg::new("measures-effect-too-few-periods")
                    .arg("after", after)
                    .arg("before", before)
                    .arg("needed", needed)
                    .arg("n", n),
            ),
        ),
        EffectVerdict::NoData {
            before_used,
            after_used,
        } => blank(tr.t2(
            "measures-effect-no-data",
            "before",
            before_used,
            "after",
            after_used,
        )),
    }
}

/// A p-value to three decimals; below 0.001 as "< 0.001".
fn format_p(tr: &Tr, p: f64) -> String {
    if p < 0.001 {
        format!("< {}", tr.decimal(0.001, 3))
    } else {
        tr.decimal(p, 3)
    }
}

async fn show(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let d = state
        .db
        .run(move |c| svc::detail(c, id, DEFAULT_EFFECT_PERIODS))
        .await?;
    let n = d.effect_periods;
    let tr = &auth.tr;
    let tax = &d.taxonomy;
    render(&ShowPage {
        chrome: Chrome::for_user(&auth, d.measure.title.clone(), "/measures"),
        id,
        title: d.measure.title.clone(),
        kind: tr.t(d.kind.key()),
        status: tr.t(d.status.key()),
        start_on: tr.date(d.measure.start_on),
        end_on: d
            .measure
            .end_on
            .map(|x| tr.date(x))
            .unwrap_or_else(|| "–".into()),
        start_period: d.start_period.code(),
        description: d.measure.description.clone().unwrap_or_default(),
        agencies: d.agencies.iter().map(|a| agency_name(tr, a)).collect(),
        targets: d
            .targets
            .iter()
            .map(|(dim, code, _)| match Dimension::parse(dim) {
                Some(dim) => label(tr, tax, dim, code).to_string(),
                None => code.clone(),
            })
            .collect(),
        effects: d
            .effects
            .iter()
            .map(|e| effect_row(tr, tax, e, n))
            .collect(),
        effect_periods: n,
        can_edit: Capability::ManageMeasures.allows(auth.user.role),
    })
}
