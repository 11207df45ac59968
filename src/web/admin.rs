//! Administration: reporting periods, the taxonomy and API tokens.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{set_flash, Administrator, Authorized};
use super::layout::{render, render_with, see_other, Chrome, ConfirmPage, FormState};
use super::routes::Routes;
use super::AppState;
use crate::db::models::{AgencyRow, TaxonomyRow};
use crate::domain::period::Period;
use crate::domain::status::PeriodStatus;
use crate::domain::taxonomy::Dimension;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{Msg, Tr};
use crate::services::{periods, taxonomy, tokens};

pub fn config(r: &mut Routes) {
    r.get("/admin", index)
        .get("/admin/periods", periods_page)
        .post("/admin/periods", open_period)
        .get("/admin/periods/{code}/close", confirm_close)
        .post("/admin/periods/{code}/close", close_period)
        .get("/admin/taxonomy", taxonomy_page)
        .post("/admin/taxonomy", add_code)
        .get("/admin/taxonomy/{dimension}/{code}", code_page)
        .post("/admin/taxonomy/{dimension}/{code}", update_code)
        .get("/admin/taxonomy/{dimension}/{code}/retire", confirm_retire)
        .post("/admin/taxonomy/{dimension}/{code}/retire", retire_code)
        .get("/admin/tokens", tokens_page)
        .post("/admin/tokens", create_token)
        .get("/admin/tokens/{id}/revoke", confirm_revoke)
        .post("/admin/tokens/{id}/revoke", revoke_token);
}

#[derive(Template)]
#[template(path = "admin/index.html")]
struct IndexPage {
    chrome: Chrome,
}

async fn index(auth: Authorized<Administrator>) -> AppResult<HttpResponse> {
    render(&IndexPage {
        chrome: Chrome::for_user(&auth, auth.tr.t("nav-admin"), "/admin"),
    })
}

pub struct PeriodView {
    pub code: String,
    pub label: Msg,
    /// The catalogue key of the status.
    pub status: &'static str,
    pub deadline: Option<chrono::NaiveDate>,
    pub closable: bool,
}

/// A dimension's name in the reader's language.
fn dimension_label(d: Dimension, tr: &Tr) -> String {
    tr.t(d.key())
}

#[derive(Template)]
#[template(path = "admin/periods.html")]
struct PeriodsPage {
    chrome: Chrome,
    periods: Vec<PeriodView>,
    form: FormState,
}

async fn periods_view(
    state: &AppState,
    auth: &Authorized<Administrator>,
    form: FormState,
) -> AppResult<PeriodsPage> {
    let rows = state.db.run(periods::all).await?;
    let today = chrono::Utc::now().date_naive();
    Ok(PeriodsPage {
        chrome: Chrome::for_user(auth, auth.tr.t("admin-periods-title"), "/admin"),
        periods: rows
            .iter()
            .map(|p| {
                let status = periods::effective_status(p, today);
                PeriodView {
                    code: p.code.clone(),
                    label: Period::parse(&p.code)
                        .map(Period::label)
                        .unwrap_or_else(|e| e.msg()),
                    status: status.key(),
                    deadline: p.deadline,
                    closable: status == PeriodStatus::Open,
                }
            })
            .collect(),
        form,
    })
}

async fn periods_page(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
) -> AppResult<HttpResponse> {
    render(&periods_view(&state, &auth, FormState::default()).await?)
}

#[derive(Deserialize)]
struct OpenForm {
    period: Option<String>,
    deadline: Option<String>,
}

async fn open_period(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    form: web::Form<OpenForm>,
) -> AppResult<HttpResponse> {
    let OpenForm { period, deadline } = form.into_inner();
    let (period_raw, deadline_raw) = (period.unwrap_or_default(), deadline.unwrap_or_default());
    let mut errors = Vec::new();
    let p = Period::parse(&period_raw)
        .map_err(|e| errors.push(FieldError::new("period", "invalid", e.msg())))
        .ok();
    let d = if deadline_raw.trim().is_empty() {
        None
    } else {
        chrono::NaiveDate::parse_from_str(deadline_raw.trim(), "%Y-%m-%d")
            .map_err(|_| {
                errors.push(FieldError::new(
                    "deadline",
                    "invalid",
                    Msg::new("admin-periods-deadline-invalid"),
                ))
            })
            .ok()
    };
    let result = match (p, errors.is_empty()) {
        (Some(p), true) => {
            let user = auth.user.clone();
            state
                .db
                .run(move |c| periods::open_period(c, Some(&user), p, d))
                .await
                .map(|_| p)
        }
        _ => Err(AppError::Validation(errors)),
    };
    match result {
        Ok(p) => {
            set_flash(
                &session,
                &auth.tr.t1("admin-periods-opened", "period", p.code()),
            );
            Ok(see_other("/admin/periods"))
        }
        Err(AppError::Validation(errors)) => {
            let mut form = FormState {
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            form.values.insert("period".into(), period_raw);
            form.values.insert("deadline".into(), deadline_raw);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &periods_view(&state, &auth, form).await?,
            )
        }
        Err(e) => Err(e),
    }
}

async fn close_period(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let p = Period::parse(&path.into_inner()).map_err(|_| AppError::NotFound)?;
    let user = auth.user.clone();
    state
        .db
        .run(move |c| periods::close_period(c, Some(&user), p))
        .await?;
    set_flash(
        &session,
        &auth.tr.t1("admin-periods-closed", "period", p.code()),
    );
    Ok(see_other("/admin/periods"))
}

pub struct DimensionView {
    pub code: &'static str,
    pub label: String,
    pub rows: Vec<TaxonomyRow>,
}

#[derive(Template)]
#[template(path = "admin/taxonomy.html")]
struct TaxonomyPage {
    chrome: Chrome,
    version: i32,
    dimensions: Vec<DimensionView>,
    form: FormState,
}

async fn taxonomy_view(
    state: &AppState,
    auth: &Authorized<Administrator>,
    form: FormState,
) -> AppResult<TaxonomyPage> {
    let (rows, version) = state
        .db
        .run(|c| Ok((taxonomy::rows(c)?, taxonomy::version(c)?)))
        .await?;
    Ok(TaxonomyPage {
        chrome: Chrome::for_user(auth, auth.tr.t("admin-taxonomy-title"), "/admin"),
        version,
        dimensions: Dimension::ALL
            .iter()
            .map(|d| DimensionView {
                code: d.code(),
                label: dimension_label(*d, &auth.tr),
                rows: rows
                    .iter()
                    .filter(|r| r.dimension == d.code())
                    .cloned()
                    .collect(),
            })
            .collect(),
        form,
    })
}

async fn taxonomy_page(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
) -> AppResult<HttpResponse> {
    render(&taxonomy_view(&state, &auth, FormState::default()).await?)
}

#[derive(Deserialize)]
struct CodeForm {
    dimension: Option<String>,
    code: Option<String>,
    label_sv: Option<String>,
    label_en: Option<String>,
}

async fn add_code(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    form: web::Form<CodeForm>,
) -> AppResult<HttpResponse> {
    let f = form.into_inner();
    let values: Vec<(String, String)> = [
        ("dimension", &f.dimension),
        ("code", &f.code),
        ("label_sv", &f.label_sv),
        ("label_en", &f.label_en),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.clone().unwrap_or_default()))
    .collect();
    let user = auth.user.clone();
    let (dimension, code, sv, en) = (
        f.dimension.unwrap_or_default(),
        f.code.unwrap_or_default(),
        f.label_sv.unwrap_or_default(),
        f.label_en.unwrap_or_default(),
    );
    let c2 = code.clone();
    match state
        .db
        .run(move |c| taxonomy::add_code(c, &user, &dimension, &c2, &sv, &en))
        .await
    {
        Ok(()) => {
            set_flash(&session, &auth.tr.t1("admin-taxonomy-added", "code", code));
            Ok(see_other("/admin/taxonomy"))
        }
        Err(AppError::Validation(errors)) => {
            let form = FormState {
                values: values.into_iter().collect(),
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &taxonomy_view(&state, &auth, form).await?,
            )
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "admin/code.html")]
struct CodePage {
    chrome: Chrome,
    dimension: String,
    dimension_label: String,
    row: TaxonomyRow,
    form: FormState,
}

async fn code_view(
    state: &AppState,
    auth: &Authorized<Administrator>,
    dimension: String,
    code: String,
    form: FormState,
) -> AppResult<CodePage> {
    let dim = Dimension::parse(&dimension).ok_or(AppError::NotFound)?;
    let row = state
        .db
        .run(move |c| {
            crate::db::queries::taxonomy::find(c, &dimension, &code)?.ok_or(AppError::NotFound)
        })
        .await?;
    Ok(CodePage {
        chrome: Chrome::for_user(
            auth,
            auth.tr.t1("admin-taxonomy-code-title", "code", &row.code),
            "/admin",
        ),
        dimension: dim.code().to_string(),
        dimension_label: dimension_label(dim, &auth.tr),
        row,
        form,
    })
}

async fn code_page(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (d, c) = path.into_inner();
    render(&code_view(&state, &auth, d, c, FormState::default()).await?)
}

async fn update_code(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    path: web::Path<(String, String)>,
    form: web::Form<CodeForm>,
) -> AppResult<HttpResponse> {
    let (dimension, code) = path.into_inner();
    let f = form.into_inner();
    let (sv, en) = (
        f.label_sv.unwrap_or_default(),
        f.label_en.unwrap_or_default(),
    );
    let user = auth.user.clone();
    let (d2, c2, sv2, en2) = (dimension.clone(), code.clone(), sv.clone(), en.clone());
    match state
        .db
        .run(move |c| taxonomy::update_labels(c, &user, &d2, &c2, &sv2, &en2))
        .await
    {
        Ok(()) => {
            set_flash(&session, &auth.tr.t("admin-taxonomy-saved"));
            Ok(see_other("/admin/taxonomy"))
        }
        Err(AppError::Validation(errors)) => {
            let mut form = FormState {
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            form.values.insert("label_sv".into(), sv);
            form.values.insert("label_en".into(), en);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &code_view(&state, &auth, dimension, code, form).await?,
            )
        }
        Err(e) => Err(e),
    }
}

async fn retire_code(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (dimension, code) = path.into_inner();
    let user = auth.user.clone();
    let c2 = code.clone();
    state
        .db
        .run(move |c| taxonomy::retire(c, &user, &dimension, &c2))
        .await?;
    set_flash(
        &session,
        &auth.tr.t1("admin-taxonomy-retired-now", "code", code),
    );
    Ok(see_other("/admin/taxonomy"))
}

/// A token as listed, its name in the reader's language.
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub acts_as: String,
    pub created_at: chrono::NaiveDateTime,
    pub last_used_at: Option<chrono::NaiveDateTime>,
    pub revoked: bool,
}

impl TokenRow {
    fn of(t: tokens::TokenView, tr: &Tr) -> Self {
        Self {
            id: t.id,
            name: if t.is_personal() {
                tr.t1("admin-tokens-personal", "user", &t.acts_as)
            } else {
                t.label
            },
            acts_as: t.acts_as,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked: t.revoked,
        }
    }
}

#[derive(Template)]
#[template(path = "admin/tokens.html")]
struct TokensPage {
    chrome: Chrome,
    tokens: Vec<TokenRow>,
    agencies: Vec<AgencyRow>,
    new_token: Option<String>,
    /// The header that carries a token (code, not text to translate).
    auth_header: &'static str,
    form: FormState,
}

async fn tokens_view(
    state: &AppState,
    auth: &Authorized<Administrator>,
    new_token: Option<String>,
    form: FormState,
) -> AppResult<TokensPage> {
    let (list, agencies) = state
        .db
        .run(|c| Ok((tokens::list(c)?, crate::db::queries::agencies::all(c)?)))
        .await?;
    Ok(TokensPage {
        chrome: Chrome::for_user(auth, auth.tr.t("admin-tokens-title"), "/admin"),
        auth_header: "Authorization: Bearer …",
        tokens: list
            .into_iter()
            .map(|t| TokenRow::of(t, &auth.tr))
            .collect(),
        agencies,
        new_token,
        form,
    })
}

async fn tokens_page(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
) -> AppResult<HttpResponse> {
    render(&tokens_view(&state, &auth, None, FormState::default()).await?)
}

#[derive(Deserialize)]
struct TokenForm {
    kind: Option<String>,
    agency: Option<String>,
    username: Option<String>,
}

async fn create_token(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    form: web::Form<TokenForm>,
) -> AppResult<HttpResponse> {
    let f = form.into_inner();
    let user = auth.user.clone();
    let result = match f.kind.as_deref() {
        Some("agency") => {
            let agency = f.agency.clone().unwrap_or_default();
            state
                .db
                .run(move |c| tokens::create_agency_token(c, Some(&user), &agency))
                .await
        }
        Some("user") => {
            let username = f.username.clone().unwrap_or_default();
            state
                .db
                .run(move |c| tokens::create_user_token(c, Some(&user), &username))
                .await
        }
        _ => Err(AppError::BadRequest(Msg::new("admin-tokens-choose-kind"))),
    };
    match result {
        // Shown once, on this page; never stored in clear or shown again.
        Ok(secret) => {
            render(&tokens_view(&state, &auth, Some(secret), FormState::default()).await?)
        }
        Err(AppError::Validation(errors)) => {
            let mut form = FormState {
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            form.values
                .insert("username".into(), f.username.unwrap_or_default());
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &tokens_view(&state, &auth, None, form).await?,
            )
        }
        Err(e) => Err(e),
    }
}

async fn revoke_token(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let user = auth.user.clone();
    state.db.run(move |c| tokens::revoke(c, &user, id)).await?;
    set_flash(&session, &auth.tr.t("admin-tokens-revoked-now"));
    Ok(see_other("/admin/tokens"))
}

async fn confirm_close(
    auth: Authorized<Administrator>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let p = Period::parse(&path.into_inner()).map_err(|_| AppError::NotFound)?;
    render(&ConfirmPage {
        chrome: Chrome::for_user(&auth, auth.tr.t("admin-periods-close-title"), "/admin"),
        heading: auth
            .tr
            .t1("admin-periods-close-heading", "period", p.code()),
        question: auth
            .tr
            .t1("admin-periods-close-question", "period", p.label()),
        action: format!("/admin/periods/{}/close", p.code()),
        button: auth.tr.t("admin-periods-close-button"),
        cancel: "/admin/periods".into(),
    })
}

async fn confirm_retire(
    auth: Authorized<Administrator>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (dimension, code) = path.into_inner();
    let dim = Dimension::parse(&dimension).ok_or(AppError::NotFound)?;
    render(&ConfirmPage {
        chrome: Chrome::for_user(&auth, auth.tr.t("admin-taxonomy-retire-title"), "/admin"),
        heading: auth
            .tr
            .t1("admin-taxonomy-retire-confirm-heading", "code", &code),
        question: auth.tr.t2(
            "admin-taxonomy-retire-question",
            "code",
            &code,
            "dimension",
            dimension_label(dim, &auth.tr).to_lowercase(),
        ),
        action: format!("/admin/taxonomy/{}/{code}/retire", dim.code()),
        button: auth.tr.t("admin-taxonomy-retire-button"),
        cancel: format!("/admin/taxonomy/{}/{code}", dim.code()),
    })
}

async fn confirm_revoke(
    auth: Authorized<Administrator>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    render(&ConfirmPage {
        chrome: Chrome::for_user(&auth, auth.tr.t("admin-tokens-revoke-title"), "/admin"),
        heading: auth.tr.t("admin-tokens-revoke-title"),
        question: auth.tr.t("admin-tokens-revoke-question"),
        action: format!("/admin/tokens/{id}/revoke"),
        button: auth.tr.t("admin-tokens-revoke"),
        cancel: "/admin/tokens".into(),
    })
}
