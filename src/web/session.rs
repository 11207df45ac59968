//! Logging in and out.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{current_session, start_session};
use super::layout::{render, render_with, see_other, Chrome};
use super::routes::Routes;
use super::{csrf, AppState};
use crate::error::AppResult;
use crate::i18n::{Msg, Tr};
use crate::services::auth::{authenticate, end_sessions, LoginOutcome};
use crate::services::two_factor::{self, CodeOutcome};

pub fn config(r: &mut Routes) {
    r.get("/login", login_form)
        .post("/login", login)
        .get("/login/code", code_form)
        .post("/login/code", code)
        .post("/logout", logout);
}

#[derive(Template)]
#[template(path = "session/login.html")]
struct LoginPage {
    chrome: Chrome,
    next: String,
    username: String,
    error: Option<Msg>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// Only local paths, so the login page cannot be used to send people elsewhere.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

async fn login_form(session: Session, tr: Tr, q: web::Query<NextQuery>) -> AppResult<HttpResponse> {
    let page = LoginPage {
        chrome: Chrome::anonymous(tr.t("login-title"), csrf::token(&session)?, tr).at("/login"),
        next: safe_next(q.next.as_deref()),
        username: String::new(),
        error: None,
    };
    render(&page)
}

#[derive(Deserialize)]
struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

async fn login(
    state: web::Data<AppState>,
    session: Session,
    req: actix_web::HttpRequest,
    tr: Tr,
    form: web::Form<LoginForm>,
) -> AppResult<HttpResponse> {
    let LoginForm {
        username,
        password,
        next,
    } = form.into_inner();
    let client = super::client::client_address(&req, &state.settings.trusted_proxies);
    let name = username.clone();
    let outcome = state
        .db
        .run(move |c| authenticate(c, &name, &password, &client))
        .await?;
    let (status, error) = match outcome {
        LoginOutcome::LoggedIn(user) => {
            return finish_login(&state, &session, &req, &tr, &user, next.as_deref()).await
        }
        LoginOutcome::CodeNeeded(user) => {
            // Not logged in yet: the session only remembers whose code to ask for.
            session.renew();
            session.clear();
            let now = chrono::Utc::now().timestamp();
            (|| {
                session.insert(PENDING_UID, user.id)?;
                session.insert(PENDING_AT, now)?;
                session.insert(PENDING_NEXT, safe_next(next.as_deref()))
            })()
            .map_err(crate::error::AppError::internal)?;
            return Ok(see_other("/login/code"));
        }
        LoginOutcome::Failed => (StatusCode::UNAUTHORIZED, Msg::new("login-failed")),
        // Whole minutes, rounded up.
        LoginOutcome::Throttled(secs) => (
            StatusCode::TOO_MANY_REQUESTS,
            Msg::new("login-throttled").arg("minutes", (secs + 59) / 60),
        ),
    };
    let page = LoginPage {
        chrome: Chrome::anonymous(tr.t("login-title"), csrf::token(&session)?, tr).at("/login"),
        next: safe_next(next.as_deref()),
        username,
        error: Some(error),
    };
    render_with(status, &page)
}

/// The session of a login whose password was right and whose code is still to come.
const PENDING_UID: &str = "pending_uid";
const PENDING_AT: &str = "pending_at";
const PENDING_NEXT: &str = "pending_next";
/// How long the code may take after the password.
const PENDING_SECS: i64 = 300;

/// The user whose code this session waits for, if the password came recently enough.
fn pending(session: &Session) -> Option<(i64, String)> {
    let uid = session.get::<i64>(PENDING_UID).ok().flatten()?;
    let at = session.get::<i64>(PENDING_AT).ok().flatten()?;
    let next = session.get::<String>(PENDING_NEXT).ok().flatten();
    (chrono::Utc::now().timestamp() - at <= PENDING_SECS)
        .then(|| (uid, next.unwrap_or_else(|| "/".into())))
}

/// The login is complete: a fresh session, the language settled, on to `next`.
async fn finish_login(
    state: &AppState,
    session: &Session,
    req: &actix_web::HttpRequest,
    tr: &Tr,
    user: &crate::services::auth::User,
    next: Option<&str>,
) -> AppResult<HttpResponse> {
    start_session(session, user)?;
    let mut res = see_other(&safe_next(next));
    // A language chosen in this browser before logging in becomes the user's choice;
    // otherwise the user's stored choice comes to this browser.
    if req.cookie(super::auth::COOKIE).is_some() {
        if tr.lang != user.language {
            let (id, lang) = (user.id, tr.lang);
            state
                .db
                .run(move |c| crate::services::auth::set_language(c, id, lang))
                .await?;
        }
    } else {
        res.add_cookie(&super::language::cookie(
            user.language,
            state.settings.cookie_secure,
        ))
        .map_err(crate::error::AppError::internal)?;
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "session/code.html")]
struct CodePage {
    chrome: Chrome,
    /// Whether a login waits for its code (otherwise the page says to start over).
    waiting: bool,
    error: Option<Msg>,
}

fn code_page(session: &Session, tr: Tr, error: Option<Msg>) -> AppResult<CodePage> {
    Ok(CodePage {
        chrome: Chrome::anonymous(tr.t("two-factor-login-title"), csrf::token(session)?, tr)
            .at("/login"),
        waiting: pending(session).is_some(),
        error,
    })
}

async fn code_form(session: Session, tr: Tr) -> AppResult<HttpResponse> {
    render(&code_page(&session, tr, None)?)
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

/// The second step: the code from the authenticator app.
async fn code(
    state: web::Data<AppState>,
    session: Session,
    req: actix_web::HttpRequest,
    tr: Tr,
    form: web::Form<CodeForm>,
) -> AppResult<HttpResponse> {
    let Some((uid, next)) = pending(&session) else {
        return Ok(see_other("/login/code"));
    };
    let code = form.into_inner().code;
    let outcome = state
        .db
        .run(move |c| two_factor::verify_login(c, uid, &code))
        .await?;
    let (status, error) = match outcome {
        CodeOutcome::LoggedIn(user) => {
            return finish_login(&state, &session, &req, &tr, &user, Some(&next)).await
        }
        CodeOutcome::Wrong => (StatusCode::UNAUTHORIZED, Msg::new("two-factor-code-wrong")),
        CodeOutcome::Throttled(secs) => (
            StatusCode::TOO_MANY_REQUESTS,
            Msg::new("login-throttled").arg("minutes", (secs + 59) / 60),
        ),
    };
    render_with(status, &code_page(&session, tr, Some(error))?)
}

/// Logging out ends the account's sessions on every device, not only this cookie: the
/// session lives in the cookie, so a copy of it would otherwise stay valid until it
/// expires. Only a current session can do this (an old copy cannot log anyone out).
async fn logout(state: web::Data<AppState>, session: Session) -> AppResult<HttpResponse> {
    if let Some((uid, epoch)) = current_session(&session, &state.settings) {
        state.db.run(move |c| end_sessions(c, uid, epoch)).await?;
    }
    session.purge();
    Ok(see_other("/login"))
}
