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
use crate::error::{AppError, AppResult};
use crate::services::submissions::{self as svc, Decision, DiffRow, SubmissionDetail};

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
    render(&ListPage {
        chrome: Chrome::for_user(&auth, "Granskning", "/review"),
        waiting: rows
            .into_iter()
            .map(|(s, a, p)| Waiting {
                id: s.id,
                agency: a.name_sv,
                period: p.code,
                version: s.current_version,
                updated: s.updated_at.format("%Y-%m-%d").to_string(),
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
    status: &'static str,
    version: i32,
    awaiting: bool,
    lines: Vec<LineView>,
    form: FormState,
    changes: Vec<DiffRow>,
}

fn show_page(
    auth: &Authorized<Reviewer>,
    d: &SubmissionDetail,
    form: FormState,
    changes: Vec<DiffRow>,
) -> ShowPage {
    let status = d.status();
    ShowPage {
        chrome: Chrome::for_user(
            auth,
            format!("Granska {} {}", d.agency.code, d.period.code),
            "/review",
        ),
        id: d.submission.id,
        agency: d.agency.name_sv.clone(),
        period: d.period.code.clone(),
        status: status.label_sv(),
        version: d.version.version,
        awaiting: status == crate::domain::status::SubmissionStatus::Submitted,
        lines: line_views(&d.lines, &d.taxonomy),
        form,
        changes,
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
        Decision::parse(self.decision.as_deref().unwrap_or(""), self.comment.clone()).ok_or_else(
            || AppError::BadRequest(crate::i18n::Msg::verbatim("Välj Godkänn eller Returnera.")),
        )
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
            set_flash(
                &session,
                &format!(
                    "Inrapporteringen har fått status ”{}”.",
                    status.label_sv().to_lowercase()
                ),
            );
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
