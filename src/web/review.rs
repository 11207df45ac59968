//! Granskning: analysts accept or return submitted reports.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{set_flash, Authorized, Reviewer};
use super::layout::{render, render_with, see_other, Chrome, FormState};
use super::routes::Routes;
use super::submissions::{line_views, LineView};
use super::AppState;
use crate::domain::observation::LineKey;
use crate::domain::status::SubmissionStatus;
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::{Msg, Tr};
use crate::services::submissions::{self as svc, Decision, DiffRow, LineValue, SubmissionDetail};

pub fn config(r: &mut Routes) {
    r.get("/review", list)
        .get("/review/{id}", show)
        .post("/review/{id}", decide);
}

pub struct Waiting {
    pub id: i64,
    pub agency: String,
    pub period: String,
    pub version: i32,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "review/list.html")]
struct ListPage {
    chrome: Chrome,
    waiting: Vec<Waiting>,
}

async fn list(state: web::Data<AppState>, auth: Authorized<Reviewer>) -> AppResult<HttpResponse> {
    let rows = state.db.run(svc::awaiting_review).await?;
    let tr = &auth.tr;
    render(&ListPage {
        chrome: Chrome::for_user(&auth, tr.t("review-heading"), "/review"),
        waiting: rows
            .into_iter()
            .map(|(s, a, p)| Waiting {
                id: s.id,
                agency: tr.lang.pick(&a.name_sv, &a.name_en).to_string(),
                period: p.code,
                version: s.current_version,
                updated: tr.date(s.updated_at.date()),
            })
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "review/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: i64,
    agency: String,
    period: String,
    status: String,
    version: i32,
    awaiting: bool,
    lines: Vec<LineView>,
    form: FormState,
    changes: Vec<ChangeView>,
}

/// A changed line as shown: everything in the page's language.
pub struct ChangeView {
    pub change: String,
    pub line: String,
    pub before: String,
    pub after: String,
}

/// A line's categories in words: the misuse type, then every other category given.
fn line_label(k: &LineKey, tax: &Taxonomy, tr: &Tr) -> String {
    let mut parts = vec![tax.label(tr.lang, Dimension::MisuseType, &k.misuse_type)];
    for (d, v) in [
        (Dimension::ExploitationArea, &k.exploitation_area),
        (Dimension::DocumentType, &k.document_type),
        (Dimension::ChainStage, &k.chain_stage),
        (Dimension::FraudType, &k.fraud_type),
        (Dimension::AgeBand, &k.age_band),
        (Dimension::Citizenship, &k.citizenship),
    ] {
        if let Some(code) = v {
            parts.push(tax.label(tr.lang, d, code));
        }
    }
    parts.join(" · ")
}

/// What a line said: its count, trend and description.
fn line_value(v: &Option<LineValue>, tr: &Tr) -> String {
    let Some(v) = v else {
        return String::new();
    };
    let mut parts = vec![tr.t1("review-value-count", "count", v.count)];
    if let Some(t) = &v.trend {
        parts.push(tr.t1("review-value-trend", "trend", t));
    }
    if let Some(d) = &v.description {
        parts.push(tr.t1("review-value-description", "text", d));
    }
    parts.join(", ")
}

fn change_views(changes: &[DiffRow], tax: &Taxonomy, tr: &Tr) -> Vec<ChangeView> {
    changes
        .iter()
        .map(|c| ChangeView {
            change: tr.t(c.change.key()),
            line: line_label(&c.line, tax, tr),
            before: line_value(&c.before, tr),
            after: line_value(&c.after, tr),
        })
        .collect()
}

fn show_page(
    auth: &Authorized<Reviewer>,
    d: &SubmissionDetail,
    form: FormState,
    changes: Vec<DiffRow>,
) -> ShowPage {
    let status = d.status();
    let tr = &auth.tr;
    ShowPage {
        chrome: Chrome::for_user(
            auth,
            tr.t2(
                "review-title",
                "agency",
                &d.agency.code,
                "period",
                &d.period.code,
            ),
            "/review",
        ),
        id: d.submission.id,
        agency: tr
            .lang
            .pick(&d.agency.name_sv, &d.agency.name_en)
            .to_string(),
        period: d.period.code.clone(),
        status: tr.t(status.key()),
        version: d.version.version,
        awaiting: status == SubmissionStatus::Submitted,
        lines: line_views(&d.lines, &d.taxonomy, tr),
        form,
        changes: change_views(&changes, &d.taxonomy, tr),
    }
}

async fn load(
    state: &AppState,
    auth: &Authorized<Reviewer>,
    id: i64,
) -> AppResult<(SubmissionDetail, Vec<DiffRow>)> {
    let user = auth.user.clone();
    state
        .db
        .run(move |c| {
            let d = svc::load(c, &user, id)?;
            let changes = svc::diff_with_previous(c, &d)?;
            Ok((d, changes))
        })
        .await
}

async fn show(
    state: web::Data<AppState>,
    auth: Authorized<Reviewer>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let (d, changes) = load(&state, &auth, path.into_inner()).await?;
    render(&show_page(&auth, &d, FormState::default(), changes))
}

/// The reviewer's form (submissions and knowledge notices alike).
#[derive(Deserialize)]
pub struct DecisionForm {
    pub decision: Option<String>,
    pub comment: Option<String>,
}

impl DecisionForm {
    pub fn decision(&self) -> AppResult<Decision> {
        Decision::parse(self.decision.as_deref().unwrap_or(""), self.comment.clone())
            .ok_or_else(|| AppError::BadRequest(Msg::new("review-choose-decision")))
    }
}

async fn decide(
    state: web::Data<AppState>,
    auth: Authorized<Reviewer>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<DecisionForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let decision = form.decision()?;
    let comment = form.comment;
    let user = auth.user.clone();
    match state
        .db
        .run(move |c| svc::review(c, &user, id, decision))
        .await
    {
        Ok(status) => {
            let done = match status {
                SubmissionStatus::Returned => crate::key!("review-returned"),
                _ => crate::key!("review-accepted"),
            };
            set_flash(&session, &auth.tr.t(done));
            Ok(see_other("/review"))
        }
        Err(AppError::Validation(errors)) => {
            let (d, changes) = load(&state, &auth, id).await?;
            let mut form = FormState {
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            form.values
                .insert("comment".into(), comment.unwrap_or_default());
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&auth, &d, form, changes),
            )
        }
        Err(e) => Err(e),
    }
}
