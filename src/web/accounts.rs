//! User administration (`/admin/users`: create, change role, agency and status, reset a
//! password) and a user's own password (`/account/password`). New and reset passwords are
//! generated and shown once, like API tokens; the administrator hands them over.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{set_flash, start_session, Administrator, AnyUser, Authorized, TWO_FACTOR_SETUP};
use super::layout::{render, render_with, see_other, Choice, Chrome, ConfirmPage, FormState};
use super::routes::Routes;
use super::AppState;
use crate::db::models::AgencyRow;
use crate::domain::role::Role;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::services::accounts::{self as svc, Account, AccountChange};
use crate::services::auth::{self, NewAccount};
use crate::services::two_factor;

pub fn config(r: &mut Routes) {
    r.get("/admin/users", users_page)
        .post("/admin/users", create_user)
        .get("/admin/users/{id}", user_page)
        .post("/admin/users/{id}", update_user)
        .get("/admin/users/{id}/password", confirm_reset)
        .post("/admin/users/{id}/password", reset_password)
        .get("/admin/users/{id}/two-factor", confirm_reset_two_factor)
        .post("/admin/users/{id}/two-factor", reset_two_factor)
        .get("/account/password", password_page)
        .post("/account/password", change_password)
        .get(TWO_FACTOR_SETUP, two_factor_page)
        .post(TWO_FACTOR_SETUP, enable_two_factor)
        .post("/account/two-factor/disable", disable_two_factor);
}

/// An account as listed, its role and agency in the reader's language.
pub struct AccountRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub agency: String,
    pub active: bool,
    pub created_at: chrono::NaiveDateTime,
}

fn agency_of(agencies: &[AgencyRow], id: Option<i64>) -> Option<&AgencyRow> {
    id.and_then(|id| agencies.iter().find(|a| a.id == id))
}

fn role_choices(form: &FormState, tr: &Tr) -> Vec<Choice> {
    form.choices(
        "role",
        Role::ALL.map(|r| (r.code().to_string(), tr.t(r.key()))),
    )
}

fn agency_choices(form: &FormState, agencies: &[AgencyRow], tr: &Tr) -> Vec<Choice> {
    form.choices(
        "agency",
        agencies.iter().map(|a| {
            (
                a.code.clone(),
                format!("{} ({})", tr.lang.pick(&a.name_sv, &a.name_en), a.code),
            )
        }),
    )
}

/// An account just made, with its password: shown once.
struct Created {
    username: String,
    password: String,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    chrome: Chrome,
    accounts: Vec<AccountRow>,
    roles: Vec<Choice>,
    agencies: Vec<Choice>,
    created: Option<Created>,
    form: FormState,
}

async fn users_view(
    state: &AppState,
    auth: &Authorized<Administrator>,
    created: Option<Created>,
    form: FormState,
) -> AppResult<UsersPage> {
    let (list, agencies) = state
        .db
        .run(|c| Ok((svc::list(c)?, crate::db::queries::agencies::all(c)?)))
        .await?;
    let tr = &auth.tr;
    Ok(UsersPage {
        chrome: Chrome::for_user(auth, tr.t("accounts-title"), "/admin"),
        accounts: list
            .into_iter()
            .map(|a| AccountRow {
                agency: agency_of(&agencies, a.agency_id)
                    .map(|a| tr.lang.pick(&a.name_sv, &a.name_en).to_string())
                    .unwrap_or_else(|| "–".into()),
                role: tr.t(a.role.key()),
                id: a.id,
                username: a.username,
                display_name: a.display_name,
                active: a.active,
                created_at: a.created_at,
            })
            .collect(),
        roles: role_choices(&form, tr),
        agencies: agency_choices(&form, &agencies, tr),
        created,
        form,
    })
}

async fn users_page(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
) -> AppResult<HttpResponse> {
    render(&users_view(&state, &auth, None, FormState::default()).await?)
}

/// The new-account form (`username`, `display_name`, `role`, `agency`); kept as submitted
/// so a refused form shows the input again.
async fn create_user(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let form = FormState::from_pairs(&body);
    let admin = auth.user.clone();
    let password = auth::generate_password();
    let username = form.value("username").trim().to_string();
    let (name, role, agency, pw) = (
        form.value("display_name").trim().to_string(),
        Role::parse(form.value("role")),
        form.value("agency").to_string(),
        password.clone(),
    );
    let who = username.clone();
    let result = state
        .db
        .run(move |c| {
            auth::create_user(
                c,
                Some(&admin),
                NewAccount {
                    username: &who,
                    display_name: Some(name.as_str()).filter(|n| !n.is_empty()),
                    role,
                    agency_code: Some(agency.as_str()),
                    password: &pw,
                },
            )
        })
        .await;
    match result {
        // Shown once, on this page; only its hash is stored.
        Ok(_) => {
            let created = Created { username, password };
            render(&users_view(&state, &auth, Some(created), FormState::default()).await?)
        }
        Err(AppError::Validation(errors)) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &users_view(&state, &auth, None, form.with_errors(&errors, &auth.tr)).await?,
        ),
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "admin/user.html")]
struct UserPage {
    chrome: Chrome,
    account: Account,
    /// Whether this is the administrator's own account (no deactivation, no demotion).
    own: bool,
    roles: Vec<Choice>,
    agencies: Vec<Choice>,
    new_password: Option<String>,
    form: FormState,
}

async fn user_view(
    state: &AppState,
    auth: &Authorized<Administrator>,
    id: i64,
    form: Option<FormState>,
    new_password: Option<String>,
) -> AppResult<UserPage> {
    let (account, agencies) = state
        .db
        .run(move |c| Ok((svc::get(c, id)?, crate::db::queries::agencies::all(c)?)))
        .await?;
    let form = form.unwrap_or_else(|| {
        let mut f = FormState::default();
        let agency = agency_of(&agencies, account.agency_id).map(|a| a.code.clone());
        for (field, value) in [
            ("display_name", account.display_name.clone()),
            ("role", account.role.code().to_string()),
            ("agency", agency.unwrap_or_default()),
        ] {
            f.values.insert(field.into(), value);
        }
        if account.active {
            f.values.insert("active".into(), "on".into());
        }
        f
    });
    let tr = &auth.tr;
    Ok(UserPage {
        chrome: Chrome::for_user(
            auth,
            tr.t1("accounts-user-title", "username", account.username.as_str()),
            "/admin",
        ),
        own: account.id == auth.user.id,
        roles: role_choices(&form, tr),
        agencies: agency_choices(&form, &agencies, tr),
        account,
        new_password,
        form,
    })
}

async fn user_page(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    render(&user_view(&state, &auth, path.into_inner(), None, None).await?)
}

/// The account form (`display_name`, `role`, `agency`, the `active` checkbox: present when
/// ticked); kept as submitted so a refused form shows the input again.
async fn update_user(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    path: web::Path<i64>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = FormState::from_pairs(&body);
    let admin = auth.user.clone();
    let (name, role, agency, active) = (
        form.value("display_name").to_string(),
        Role::parse(form.value("role")),
        form.value("agency").to_string(),
        !form.value("active").is_empty(),
    );
    let result = state
        .db
        .run(move |c| {
            svc::update(
                c,
                &admin,
                id,
                AccountChange {
                    display_name: &name,
                    role,
                    agency_code: Some(agency.as_str()),
                    active,
                },
            )
        })
        .await;
    match result {
        Ok(()) => {
            set_flash(&session, &auth.tr.t("accounts-saved"));
            Ok(see_other(&format!("/admin/users/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            let form = form.with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &user_view(&state, &auth, id, Some(form), None).await?,
            )
        }
        Err(e) => Err(e),
    }
}

/// The texts of the second page a destructive action on an account asks for.
struct AccountConfirm {
    title: &'static str,
    heading: &'static str,
    question: &'static str,
    button: &'static str,
    /// The action's path under the account: `password` or `two-factor`.
    action: &'static str,
}

async fn confirm_account_action(
    state: &AppState,
    auth: &Authorized<Administrator>,
    id: i64,
    c: AccountConfirm,
) -> AppResult<HttpResponse> {
    let account = state.db.run(move |conn| svc::get(conn, id)).await?;
    let tr = &auth.tr;
    render(&ConfirmPage {
        chrome: Chrome::for_user(auth, tr.t(c.title), "/admin"),
        heading: tr.t1(c.heading, "username", account.username.as_str()),
        question: tr.t(c.question),
        action: format!("/admin/users/{id}/{}", c.action),
        button: tr.t(c.button),
        cancel: format!("/admin/users/{id}"),
    })
}

async fn confirm_reset(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let texts = AccountConfirm {
        title: crate::key!("accounts-reset-title"),
        heading: crate::key!("accounts-reset-heading"),
        question: crate::key!("accounts-reset-question"),
        button: crate::key!("accounts-reset-button"),
        action: "password",
    };
    confirm_account_action(&state, &auth, path.into_inner(), texts).await
}

async fn reset_password(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let admin = auth.user.clone();
    let password = state
        .db
        .run(move |c| svc::reset_password(c, Some(&admin), id))
        .await?;
    render(&user_view(&state, &auth, id, None, Some(password)).await?)
}

#[derive(Template)]
#[template(path = "account/password.html")]
struct PasswordPage {
    chrome: Chrome,
    form: FormState,
    min_chars: usize,
}

fn password_view(auth: &Authorized<AnyUser>, form: FormState) -> PasswordPage {
    PasswordPage {
        chrome: Chrome::for_user(auth, auth.tr.t("accounts-password-title"), "/account"),
        form,
        min_chars: auth::MIN_PASSWORD_CHARS,
    }
}

async fn password_page(auth: Authorized<AnyUser>) -> AppResult<HttpResponse> {
    render(&password_view(&auth, FormState::default()))
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat_password: String,
}

async fn change_password(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    session: Session,
    form: web::Form<PasswordForm>,
) -> AppResult<HttpResponse> {
    let f = form.into_inner();
    let user = auth.user.clone();
    let result = state
        .db
        .run(move |c| {
            svc::change_own_password(
                c,
                &user,
                &f.current_password,
                &f.password,
                &f.repeat_password,
            )
        })
        .await;
    match result {
        Ok(user) => restart_session(
            &session,
            &auth,
            &user,
            crate::key!("accounts-password-changed"),
        ),
        // Passwords are never written back into the form.
        Err(AppError::Validation(errors)) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &password_view(&auth, FormState::default().with_errors(&errors, &auth.tr)),
        ),
        Err(e) => Err(e),
    }
}

/// After users changed how they prove who they are: the account's other sessions have
/// ended; this one starts afresh (with the account's new epoch) and says `done`.
fn restart_session(
    session: &Session,
    auth: &Authorized<AnyUser>,
    user: &crate::services::auth::User,
    done: &str,
) -> AppResult<HttpResponse> {
    start_session(session, user)?;
    set_flash(session, &auth.tr.t(done));
    Ok(see_other("/account"))
}

/// The session's secret for an enrollment in progress (kept until the first code proves
/// the app has it, so reloading the page does not change the QR code).
const ENROLL_SECRET: &str = "enroll_secret";

#[derive(Template)]
#[template(path = "account/two_factor.html")]
struct TwoFactorPage {
    chrome: Chrome,
    enabled: bool,
    /// The user's role must use it (no turning it off; a first visit explains why).
    required: bool,
    enrollment: Option<two_factor::Enrollment>,
    form: FormState,
}

fn two_factor_view(
    state: &AppState,
    auth: &Authorized<AnyUser>,
    session: &Session,
    form: FormState,
) -> AppResult<TwoFactorPage> {
    let enrollment = if auth.user.two_factor {
        None
    } else {
        let secret = match session.get::<String>(ENROLL_SECRET).ok().flatten() {
            Some(s) => s,
            None => {
                let s = two_factor::new_secret();
                session
                    .insert(ENROLL_SECRET, &s)
                    .map_err(AppError::internal)?;
                s
            }
        };
        Some(two_factor::enrollment(
            &secret,
            &auth.user.username,
            &auth.tr.t("product-name"),
        )?)
    };
    Ok(TwoFactorPage {
        chrome: Chrome::for_user(auth, auth.tr.t("two-factor-title"), "/account"),
        enabled: auth.user.two_factor,
        required: state.settings.two_factor_roles.contains(&auth.user.role),
        enrollment,
        form,
    })
}

async fn two_factor_page(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    session: Session,
) -> AppResult<HttpResponse> {
    render(&two_factor_view(
        &state,
        &auth,
        &session,
        FormState::default(),
    )?)
}

#[derive(Deserialize)]
struct EnableForm {
    #[serde(default)]
    code: String,
}

async fn enable_two_factor(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    session: Session,
    form: web::Form<EnableForm>,
) -> AppResult<HttpResponse> {
    let Some(secret) = session.get::<String>(ENROLL_SECRET).ok().flatten() else {
        // The page was not opened in this session (or it is on already): show it afresh.
        return Ok(see_other(TWO_FACTOR_SETUP));
    };
    let (user, code) = (auth.user.clone(), form.into_inner().code);
    let result = state
        .db
        .run(move |c| two_factor::enable(c, &user, &secret, &code))
        .await;
    two_factor_changed(
        result,
        &state,
        &auth,
        &session,
        crate::key!("two-factor-enabled"),
    )
}

#[derive(Deserialize)]
struct DisableForm {
    #[serde(default)]
    password: String,
}

async fn disable_two_factor(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    session: Session,
    form: web::Form<DisableForm>,
) -> AppResult<HttpResponse> {
    let user = auth.user.clone();
    let required = state.settings.two_factor_roles.contains(&user.role);
    let password = form.into_inner().password;
    let result = state
        .db
        .run(move |c| two_factor::disable(c, &user, &password, required))
        .await;
    two_factor_changed(
        result,
        &state,
        &auth,
        &session,
        crate::key!("two-factor-disabled"),
    )
}

/// After turning two-step verification on or off: a fresh session that says `done`;
/// refused input shows the page again.
fn two_factor_changed(
    result: AppResult<crate::services::auth::User>,
    state: &AppState,
    auth: &Authorized<AnyUser>,
    session: &Session,
    done: &str,
) -> AppResult<HttpResponse> {
    match result {
        Ok(user) => restart_session(session, auth, &user, done),
        Err(AppError::Validation(errors)) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &two_factor_view(
                state,
                auth,
                session,
                FormState::default().with_errors(&errors, &auth.tr),
            )?,
        ),
        Err(e) => Err(e),
    }
}

async fn confirm_reset_two_factor(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let texts = AccountConfirm {
        title: crate::key!("two-factor-reset-title"),
        heading: crate::key!("two-factor-reset-heading"),
        question: crate::key!("two-factor-reset-question"),
        button: crate::key!("two-factor-reset-button"),
        action: "two-factor",
    };
    confirm_account_action(&state, &auth, path.into_inner(), texts).await
}

async fn reset_two_factor(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let admin = auth.user.clone();
    state
        .db
        .run(move |c| {
            svc::get(c, id)?;
            two_factor::reset(c, Some(&admin), id)
        })
        .await?;
    set_flash(&session, &auth.tr.t("two-factor-reset-done"));
    Ok(see_other(&format!("/admin/users/{id}")))
}
