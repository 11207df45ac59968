//! Åtgärder: the register of measures with their measured effect.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::auth::{set_flash, Authorized, DashboardReader, MeasureEditor};
use super::layout::{render, render_with, see_other, Choice, Chrome, FormState};
use super::routes::Routes;
use super::AppState;
use crate::db::models::AgencyRow;
use crate::domain::access::Capability;
use crate::domain::effect::EffectVerdict;
use crate::domain::format::{decimal_sv, percent_change_sv};
use crate::domain::measure::{MeasureKind, MeasureStatus};
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
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
    pub kind: &'static str,
    pub status: &'static str,
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
    render(&ListPage {
        chrome: Chrome::for_user(&auth, "Åtgärder", "/measures"),
        can_edit: Capability::ManageMeasures.allows(auth.user.role),
        rows: rows
            .into_iter()
            .map(|m| Row {
                id: m.id,
                kind: MeasureKind::parse(&m.kind)
                    .map(|k| k.label_sv())
                    .unwrap_or(""),
                status: MeasureStatus::parse(&m.status)
                    .map(|s| s.label_sv())
                    .unwrap_or(""),
                start_on: m.start_on.to_string(),
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

fn form_page(
    auth: &Authorized<MeasureEditor>,
    action: String,
    heading: String,
    form: FormState,
    agencies: &[AgencyRow],
    tax: &Taxonomy,
) -> FormPage {
    let dim = |d: Dimension| {
        form.choices(
            d.code(),
            tax.active(d).map(|e| (e.code.clone(), e.label_sv.clone())),
        )
    };
    FormPage {
        chrome: Chrome::for_user(auth, heading.clone(), "/measures"),
        kinds: form.choices(
            "kind",
            MeasureKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), k.label_sv().to_string())),
        ),
        statuses: form.choices(
            "status",
            MeasureStatus::ALL
                .iter()
                .map(|k| (k.code().to_string(), k.label_sv().to_string())),
        ),
        agencies: form.choices(
            "agencies",
            agencies.iter().map(|a| (a.code.clone(), a.name_sv.clone())),
        ),
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
        "Ny åtgärd".into(),
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
            set_flash(session, "Åtgärden är sparad.");
            Ok(see_other(&format!("/measures/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            let (agencies, tax) = lookups(state).await?;
            let form = FormState { ..form }.with_errors(&errors, &auth.tr);
            let (action, heading) = match id {
                Some(id) => (format!("/measures/{id}"), "Ändra åtgärd".to_string()),
                None => ("/measures".to_string(), "Ny åtgärd".to_string()),
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
        "Ändra åtgärd".into(),
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
    kind: &'static str,
    status: &'static str,
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

/// The verdict in words: what the numbers say, plainly.
fn effect_row(e: &svc::TargetEffect, n: usize) -> EffectRow {
    match &e.verdict {
        EffectVerdict::Measured(m) => {
            let significant = m.p_value_two_sided < 0.05;
            let verdict = match (significant, m.after_mean < m.before_mean) {
                (true, true) => "Tydlig minskning efter starten (p < 0,05).",
                (true, false) => "Tydlig ökning efter starten (p < 0,05).",
                (false, _) => "Ingen säkerställd förändring.",
            };
            EffectRow {
                label: e.label.clone(),
                before: decimal_sv(m.before_mean, 1),
                after: decimal_sv(m.after_mean, 1),
                change: m.change_pct.map(percent_change_sv).unwrap_or_else(|| "–".into()),
                p_value: format_p(m.p_value_two_sided),
                verdict: verdict.into(),
            }
        }
        EffectVerdict::TooFewPeriods { before, after, needed } => EffectRow {
            label: e.label.clone(),
            before: "–".into(),
            after: "–".into(),
            change: "–".into(),
            p_value: "–".into(),
            verdict: format!(
                "För få perioder för att bedöma: {after} kvartal efter starten och {before} före finns, {needed} behövs på varje sida (jämförelsen avser {n} kvartal)."
            ),
        },
        EffectVerdict::NoData { before_used, after_used } => EffectRow {
            label: e.label.clone(),
            before: "–".into(),
            after: "–".into(),
            change: "–".into(),
            p_value: "–".into(),
            verdict: format!(
                "Det saknas inrapporterade uppgifter ({before_used} kvartal före och {after_used} efter har uppgifter)."
            ),
        },
    }
}

fn format_p(p: f64) -> String {
    if p < 0.001 {
        "< 0,001".into()
    } else {
        decimal_sv(p, 3)
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
    render(&ShowPage {
        chrome: Chrome::for_user(&auth, d.measure.title.clone(), "/measures"),
        id,
        title: d.measure.title.clone(),
        kind: d.kind.label_sv(),
        status: d.status.label_sv(),
        start_on: d.measure.start_on.to_string(),
        end_on: d
            .measure
            .end_on
            .map(|x| x.to_string())
            .unwrap_or_else(|| "–".into()),
        start_period: d.start_period.code(),
        description: d.measure.description.clone().unwrap_or_default(),
        agencies: d.agencies.iter().map(|a| a.name_sv.clone()).collect(),
        targets: d.targets.iter().map(|(_, _, l)| l.clone()).collect(),
        effects: d.effects.iter().map(|e| effect_row(e, n)).collect(),
        effect_periods: n,
        can_edit: Capability::ManageMeasures.allows(auth.user.role),
    })
}
