//! API tokens for machine submission. The secret is shown once and stored as a SHA-256
//! hash (it is random and long, so a slow password hash adds nothing).

use rand::distr::{Alphanumeric, SampleString};
use sha2::{Digest, Sha256};

use super::auth::{self, User};
use super::{audit, now};
use crate::db::models::{NewApiToken, NewUser};
use crate::db::queries::{agencies, tokens, users};
use crate::db::{transaction, DbConnection};
use crate::domain::message::Msg;
use crate::domain::role::Role;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};

pub const PREFIX: &str = "lgb_";

/// A token's "last used" time is refreshed at most this often.
const TOUCH_EVERY_SECS: i64 = 60;

/// A stored password hash that no password matches: service accounts cannot log in.
pub const NO_LOGIN: &str = "!";

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The token's stored form (SHA-256, hex): what may be kept in memory or logs instead
/// of the secret.
pub fn digest(token: &str) -> String {
    hash(token)
}

fn new_secret() -> String {
    format!(
        "{PREFIX}{}",
        Alphanumeric.sample_string(&mut rand::rng(), 40)
    )
}

fn store(
    conn: &mut DbConnection,
    actor: Option<&User>,
    kind: &str,
    user_id: i64,
    label: &str,
) -> AppResult<String> {
    let secret = new_secret();
    tokens::insert(
        conn,
        &NewApiToken {
            token_hash: &hash(&secret),
            kind,
            user_id,
            label,
            created_by: actor.map(|u| u.id),
            created_at: now(),
        },
    )?;
    audit::record(
        conn,
        actor,
        "token_created",
        "api_token",
        Some(&user_id.to_string()),
        Some(kind),
    )?;
    Ok(secret)
}

/// A token that acts as the agency's coordinator, through a service account of its own.
pub fn create_agency_token(
    conn: &mut DbConnection,
    actor: Option<&User>,
    agency_code: &str,
) -> AppResult<String> {
    transaction(conn, |conn| {
        let agency = agencies::by_code(conn, agency_code.trim())?.ok_or_else(|| {
            AppError::Validation(vec![FieldError::new(
                "agency",
                "invalid_code",
                Msg::new("admin-agency-unknown").arg("code", agency_code),
            )])
        })?;
        let mut n = 1;
        let username = loop {
            let candidate = format!("api-{}-{n}", agency.code.to_lowercase());
            if users::by_username(conn, &candidate)?.is_none() {
                break candidate;
            }
            n += 1;
        };
        let display = format!("API-token {} #{n}", agency.code);
        let user_id = users::insert(
            conn,
            &NewUser {
                username: &username,
                display_name: &display,
                password_hash: NO_LOGIN,
                role: Role::Coordinator.code(),
                agency_id: Some(agency.id),
                active: 1,
                session_epoch: 0,
                created_at: now(),
            },
        )?;
        store(conn, actor, "agency", user_id, &display)
    })
}

/// A personal token that acts as the user, with their role.
pub fn create_user_token(
    conn: &mut DbConnection,
    actor: Option<&User>,
    username: &str,
) -> AppResult<String> {
    let row = users::by_username(conn, username.trim())?.ok_or_else(|| {
        AppError::Validation(vec![FieldError::new(
            "user",
            "invalid",
            Msg::new("admin-tokens-no-user").arg("user", username),
        )])
    })?;
    // The list names a personal token in the reader's language (see `TokenView`); the
    // stored label is language-neutral.
    let label = format!("API-token {}", row.username);
    store(conn, actor, "user", row.id, &label)
}

/// The user a bearer token acts as, if the token is valid, not revoked and its account
/// active.
pub fn authenticate(conn: &mut DbConnection, token: &str) -> AppResult<Option<User>> {
    if !token.starts_with(PREFIX) || token.len() > 200 {
        return Ok(None);
    }
    let Some(row) = tokens::active_by_hash(conn, &hash(token))? else {
        return Ok(None);
    };
    let user = auth::load_active_user(conn, row.user_id)?;
    let t = now();
    // "Last used" to the minute is all anyone reads; writing it on every call would add a
    // synchronous write (and on SQLite a wait for the write lock) to every API request.
    let stale = row
        .last_used_at
        .is_none_or(|last| t - last >= chrono::Duration::seconds(TOUCH_EVERY_SECS));
    if user.is_some() && stale {
        tokens::touch(conn, row.id, t)?;
    }
    Ok(user)
}

pub fn revoke(conn: &mut DbConnection, actor: &User, id: i64) -> AppResult<()> {
    if tokens::revoke(conn, id, now())? == 0 {
        return Err(AppError::NotFound);
    }
    audit::record(
        conn,
        Some(actor),
        "token_revoked",
        "api_token",
        Some(&id.to_string()),
        None,
    )?;
    Ok(())
}

/// A token as listed for admins (never the secret).
pub struct TokenView {
    pub id: i64,
    pub kind: String,
    pub label: String,
    pub acts_as: String,
    /// UTC, as stored.
    pub created_at: chrono::NaiveDateTime,
    pub last_used_at: Option<chrono::NaiveDateTime>,
    pub revoked: bool,
}

impl TokenView {
    /// Whether the token acts as one person (its name is then said in the reader's
    /// language); an agency token's name is its service account's.
    pub fn is_personal(&self) -> bool {
        self.kind == "user"
    }
}

pub fn list(conn: &mut DbConnection) -> AppResult<Vec<TokenView>> {
    Ok(tokens::all(conn)?
        .into_iter()
        .map(|(t, u)| TokenView {
            id: t.id,
            kind: t.kind,
            label: t.label,
            acts_as: u.username,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked: t.revoked_at.is_some(),
        })
        .collect())
}
