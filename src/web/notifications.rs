//! Every user's own notifications (`/notifications`) and their account page (`/account`),
//! where they give the e-mail address notifications are also sent to. Only one's own:
//! another user's notification is "not found".

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{set_flash, AnyUser, Authorized};
use super::layout::{render, render_with, see_other, Chrome, FormState};
use super::routes::Routes;
use super::AppState;
use crate::error::{AppError, AppResult};
use crate::services::notifications as svc;

pub fn config(r: &mut Routes) {
    // "/notifications/read-all" and "/notifications/{id}/read" differ in length: no clash.
    r.get("/notifications", list)
        .post("/notifications/read-all", read_all)
        .post("/notifications/{id}/read", read)
        .get("/account", account)
        .post("/account", save_account);
}

/// A notification as listed, its text already in the page's language.
pub struct Item {
    pub id: i64,
    pub message: String,
    pub link: String,
    pub link_text: String,
    pub when: String,
    /// ISO 8601 for `<time datetime>`.
    pub iso: String,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
struct ListPage {
    chrome: Chrome,
    items: Vec<Item>,
    unread: i64,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<i64>,
}

async fn list(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    query: web::Query<PageQuery>,
) -> AppResult<HttpResponse> {
    let user = auth.user.clone();
    let wanted = query.page.unwrap_or(1);
    let page = state.db.run(move |c| svc::list(c, &user, wanted)).await?;
    let tr = &auth.tr;
    let items = page
        .items
        .iter()
        .map(|n| Item {
            id: n.id,
            message: tr.msg(&n.message),
            link: n.link.clone(),
            link_text: tr.t(n.link_key()),
            when: tr.datetime(n.created_at),
            iso: n.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            unread: n.unread,
        })
        .collect();
    // The guard counted the unread ones for the header in this request already.
    render(&ListPage {
        chrome: Chrome::for_user(&auth, tr.t("notifications-title"), "/notifications"),
        items,
        unread: auth.unread_notifications,
        total: page.total,
        page: page.page,
        pages: page.pages,
    })
}

async fn read(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let (user, id) = (auth.user.clone(), id.into_inner());
    state.db.run(move |c| svc::mark_read(c, &user, id)).await?;
    Ok(see_other("/notifications"))
}

async fn read_all(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    session: Session,
) -> AppResult<HttpResponse> {
    let user = auth.user.clone();
    let n = state.db.run(move |c| svc::mark_all_read(c, &user)).await?;
    set_flash(
        &session,
        &auth.tr.t1("notifications-all-marked-read", "count", n),
    );
    Ok(see_other("/notifications"))
}

#[derive(Template)]
#[template(path = "account/show.html")]
struct AccountPage {
    chrome: Chrome,
    form: FormState,
    /// Whether this installation sends e-mail at all.
    mail_enabled: bool,
    /// The domains e-mail may go to, for the hint.
    domains: String,
    has_email: bool,
    /// Whether the user signs in with a one-time code as well.
    two_factor: bool,
    language: String,
}

fn account_page(
    auth: &Authorized<AnyUser>,
    state: &AppState,
    form: FormState,
    has_email: bool,
) -> AccountPage {
    let n = &state.settings.notifications;
    let tr = &auth.tr;
    AccountPage {
        chrome: Chrome::for_user(auth, tr.t("notifications-account-title"), "/account"),
        form,
        mail_enabled: n.mail_enabled(),
        domains: n.allowed_domains.join(", "),
        has_email,
        two_factor: auth.user.two_factor,
        language: auth.user.language.endonym().to_string(),
    }
}

async fn account(state: web::Data<AppState>, auth: Authorized<AnyUser>) -> AppResult<HttpResponse> {
    // The guard loaded the account, its address included.
    let email = auth.user.email.clone();
    let mut form = FormState::default();
    let has_email = email.is_some();
    form.values
        .insert("email".into(), email.unwrap_or_default());
    render(&account_page(&auth, &state, form, has_email))
}

#[derive(Deserialize)]
struct AccountForm {
    #[serde(default)]
    email: String,
}

async fn save_account(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    session: Session,
    form: web::Form<AccountForm>,
) -> AppResult<HttpResponse> {
    let raw = form.into_inner().email;
    let user = auth.user.clone();
    let allowed = state.settings.notifications.allowed_domains.clone();
    let input = raw.clone();
    let result = state
        .db
        .run(move |c| svc::set_email(c, &user, &input, &allowed))
        .await;
    match result {
        Ok(address) => {
            let done = if address.is_some() {
                crate::key!("notifications-email-saved")
            } else {
                crate::key!("notifications-email-removed")
            };
            set_flash(&session, &auth.tr.t(done));
            Ok(see_other("/account"))
        }
        Err(AppError::Validation(errors)) => {
            // Refused: the stored address is still the one the guard loaded.
            let has_email = auth.user.email.is_some();
            let mut form = FormState::default();
            form.values.insert("email".into(), raw);
            let form = form.with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &account_page(&auth, &state, form, has_email),
            )
        }
        Err(e) => Err(e),
    }
}
