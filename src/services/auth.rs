//! Users, passwords and login.

use crate::domain::lang::Lang;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use rand::distr::{Alphanumeric, SampleString};

use super::{audit, now};
use crate::db::models::{NewUser, UserRow};
use crate::db::queries::{agencies, users};
use crate::db::DbConnection;
use crate::domain::access::Actor;
use crate::domain::message::Msg;
use crate::domain::role::Role;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};

pub const MIN_PASSWORD_CHARS: usize = 12;

mod common_passwords;
use common_passwords::COMMON_PASSWORDS;

/// A logged-in user as the application sees them.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub agency_id: Option<i64>,
    pub agency_code: Option<String>,
    pub agency_name: Option<String>,
    /// The agency's name in English.
    pub agency_name_en: Option<String>,
    pub session_epoch: i32,
    /// The language the user chose for pages and e-mails.
    pub language: Lang,
    pub email: Option<String>,
    /// Whether the user signs in with a one-time code as well (two-step verification).
    pub two_factor: bool,
}

impl User {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            role: self.role,
            agency_id: self.agency_id,
        }
    }
}

pub fn hash_password(password: &str) -> AppResult<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

pub(crate) fn verify_password(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// A random password for generated accounts (demo users): 20 alphanumerics.
pub fn generate_password() -> String {
    Alphanumeric.sample_string(&mut rand::rng(), 20)
}

/// Loads an active user with their agency.
pub fn load_active_user(conn: &mut DbConnection, id: i64) -> AppResult<Option<User>> {
    let Some(row) = users::by_id(conn, id)? else {
        return Ok(None);
    };
    if row.active == 0 {
        return Ok(None);
    }
    to_user(conn, row).map(Some)
}

/// The role a stored account has (an unknown code is a broken database, not bad input).
pub(crate) fn role_of(row: &UserRow) -> AppResult<Role> {
    Role::parse(&row.role)
        .ok_or_else(|| AppError::Internal(format!("unknown role in the database: {}", row.role)))
}

fn to_user(conn: &mut DbConnection, row: UserRow) -> AppResult<User> {
    let role = role_of(&row)?;
    let agency = match row.agency_id {
        Some(id) => Some(agencies::by_id(conn, id)?),
        None => None,
    };
    Ok(User {
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        role,
        agency_id: row.agency_id,
        agency_code: agency.as_ref().map(|a| a.code.clone()),
        agency_name_en: agency.as_ref().map(|a| a.name_en.clone()),
        agency_name: agency.map(|a| a.name_sv),
        session_epoch: row.session_epoch,
        language: Lang::parse(&row.language).unwrap_or_default(),
        two_factor: row.totp_secret.is_some(),
        email: row.email,
    })
}

/// Login throttling: failures per account name and per client address within a window.
pub const WINDOW_MINUTES: i64 = 15;
/// Failures for one account name before it is locked; each further one doubles the lock.
pub const ACCOUNT_LIMIT: usize = 5;
/// Failures from one client address before it must wait (high: many users may share one
/// address behind a proxy).
pub const ADDRESS_LIMIT: usize = 30;

/// What a login attempt came to.
#[derive(Debug)]
pub enum LoginOutcome {
    LoggedIn(User),
    /// The password is right and the user has two-step verification: a one-time code
    /// from their authenticator app comes next (`services::two_factor::verify_login`).
    CodeNeeded(User),
    /// Wrong password or unknown user: the same answer for both.
    Failed,
    /// Too many failures: try again after this many seconds.
    Throttled(i64),
}

pub(crate) fn throttle_key(kind: &str, value: &str) -> String {
    use sha2::{Digest, Sha256};
    // Hashed so that neither attempted names nor addresses are stored in clear.
    format!("{kind}:{}", hex::encode(Sha256::digest(value.as_bytes())))
}

/// Seconds until the key may try again, if it is locked now.
pub(crate) fn locked_for(
    conn: &mut DbConnection,
    key: &str,
    limit: usize,
    doubling: bool,
) -> AppResult<Option<i64>> {
    let now_t = now();
    let recent = crate::db::queries::throttle::since(
        conn,
        key,
        now_t - chrono::Duration::minutes(WINDOW_MINUTES),
    )?;
    if recent.len() < limit {
        return Ok(None);
    }
    let extra = recent.len() - limit;
    let lock_minutes = if doubling {
        (1i64 << extra.min(6)).min(60)
    } else {
        WINDOW_MINUTES
    };
    let until = recent[0] + chrono::Duration::minutes(lock_minutes);
    let secs = (until - now_t).num_seconds();
    Ok((secs > 0).then_some(secs))
}

/// Checks a username and password. Unknown user and wrong password are the same failure
/// to the caller, and take about the same time. Repeated failures lock the account name
/// (with back-off) and, at a higher count, the client address. Everything is audited.
pub fn authenticate(
    conn: &mut DbConnection,
    username: &str,
    password: &str,
    client: &str,
) -> AppResult<LoginOutcome> {
    // A fixed hash to verify against when the user does not exist, so timing does not
    // reveal which usernames exist.
    const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$dGl0aWx0aXRpbHRpdGlsdGl0aWx0aXRpbHRpdGlsdA";
    let name_key = throttle_key("name", &username.trim().to_lowercase());
    let addr_key = throttle_key("ip", client);
    let wait = match (
        locked_for(conn, &name_key, ACCOUNT_LIMIT, true)?,
        locked_for(conn, &addr_key, ADDRESS_LIMIT, false)?,
    ) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if let Some(secs) = wait {
        audit::record_anonymous(conn, "login_throttled", "user", None)?;
        return Ok(LoginOutcome::Throttled(secs));
    }
    let row = users::by_username(conn, username.trim())?;
    let ok = match &row {
        Some(r) => verify_password(password, &r.password_hash) && r.active != 0,
        None => {
            let _ = verify_password(password, DUMMY_HASH);
            false
        }
    };
    match (ok, row) {
        (true, Some(row)) => {
            let user = to_user(conn, row)?;
            crate::db::queries::throttle::clear(conn, &name_key)?;
            let action = if user.two_factor {
                "login_password_accepted"
            } else {
                "login"
            };
            audit::record(
                conn,
                Some(&user),
                action,
                "user",
                Some(&user.id.to_string()),
                None,
            )?;
            Ok(if user.two_factor {
                LoginOutcome::CodeNeeded(user)
            } else {
                LoginOutcome::LoggedIn(user)
            })
        }
        (_, row) => {
            let t = now();
            crate::db::queries::throttle::record(conn, &name_key, t)?;
            crate::db::queries::throttle::record(conn, &addr_key, t)?;
            // The attempted username is not stored: it may be someone's e-mail address.
            audit::record_anonymous(
                conn,
                "login_failed",
                "user",
                row.map(|r| r.id.to_string()).as_deref(),
            )?;
            if locked_for(conn, &name_key, ACCOUNT_LIMIT, true)?.is_some() {
                audit::record_anonymous(conn, "account_locked", "user", None)?;
            }
            Ok(LoginOutcome::Failed)
        }
    }
}

/// Checks the current password of a logged-in user who is changing what guards their
/// account (the password itself, two-step verification). Wrong passwords count against the
/// same per-account limit as logins, so these forms are no way round it. `None`: right.
pub(crate) fn check_current_password(
    conn: &mut DbConnection,
    row: &UserRow,
    password: &str,
    field: &str,
) -> AppResult<Option<FieldError>> {
    let key = throttle_key("name", &row.username.trim().to_lowercase());
    if let Some(secs) = locked_for(conn, &key, ACCOUNT_LIMIT, true)? {
        return Ok(Some(FieldError::new(
            field,
            "throttled",
            Msg::new("login-throttled").arg("minutes", (secs + 59) / 60),
        )));
    }
    if verify_password(password, &row.password_hash) {
        crate::db::queries::throttle::clear(conn, &key)?;
        return Ok(None);
    }
    crate::db::queries::throttle::record(conn, &key, now())?;
    audit::record_anonymous(
        conn,
        "password_check_failed",
        "user",
        Some(&row.id.to_string()),
    )?;
    Ok(Some(FieldError::new(
        field,
        "wrong",
        Msg::new("accounts-current-password-wrong"),
    )))
}

/// The longest display name of an account.
pub const MAX_DISPLAY_NAME_CHARS: usize = 120;

/// The longest password accepted (hashing cost grows with the input).
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// Checks a new password: length, not among the most common, not the username.
pub fn check_password_policy(username: &str, password: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let lower = password.to_lowercase();
    if password.chars().count() < MIN_PASSWORD_CHARS {
        errors.push(FieldError::new(
            "password",
            "too_short",
            Msg::new("admin-password-too-short").arg("min", MIN_PASSWORD_CHARS),
        ));
    } else if password.chars().count() > MAX_PASSWORD_CHARS {
        errors.push(FieldError::new(
            "password",
            "too_long",
            Msg::new("admin-password-too-long").arg("max", MAX_PASSWORD_CHARS),
        ));
    } else if COMMON_PASSWORDS.contains(&lower.as_str())
        || lower
            .chars()
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            <= 2
    {
        errors.push(FieldError::new(
            "password",
            "common",
            Msg::new("admin-password-common"),
        ));
    } else if !username.trim().is_empty() && lower.contains(&username.trim().to_lowercase()) {
        errors.push(FieldError::new(
            "password",
            "contains_username",
            Msg::new("admin-password-contains-username"),
        ));
    }
    errors
}

/// Parameters for a new account.
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub display_name: Option<&'a str>,
    /// `None`: not chosen (refused with the other problems of the form).
    pub role: Option<Role>,
    pub agency_code: Option<&'a str>,
    pub password: &'a str,
}

/// Creates a user (CLI `user add`, the administration's user page, the demo seed).
pub fn create_user(
    conn: &mut DbConnection,
    actor: Option<&User>,
    account: NewAccount<'_>,
) -> AppResult<i64> {
    let username = account.username.trim();
    let mut errors = Vec::new();
    if username.len() < 3
        || username.len() > 64
        || !username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        errors.push(FieldError::new(
            "username",
            "invalid",
            Msg::new("admin-user-username-invalid"),
        ));
    }
    errors.extend(check_password_policy(username, account.password));
    if let Some(name) = account.display_name {
        errors.extend(super::accounts::check_display_name(name));
    }
    let agency_id = match account.role {
        Some(role) => super::accounts::agency_for(conn, role, account.agency_code, &mut errors)?,
        None => {
            errors.push(super::accounts::role_required());
            None
        }
    };
    if users::by_username(conn, username)?.is_some() {
        errors.push(FieldError::new(
            "username",
            "taken",
            Msg::new("admin-user-username-taken"),
        ));
    }
    let role = match account.role {
        Some(role) if errors.is_empty() => role,
        _ => return Err(AppError::Validation(errors)),
    };
    // Hashed before the transaction: it takes a while, and the write lock should not wait.
    let hash = hash_password(account.password)?;
    let display_name = account.display_name.unwrap_or(username);
    crate::db::transaction(conn, |conn| {
        let id = users::insert(
            conn,
            &NewUser {
                username,
                display_name,
                password_hash: &hash,
                role: role.code(),
                agency_id,
                active: 1,
                session_epoch: 0,
                created_at: now(),
            },
        )?;
        audit::record(
            conn,
            actor,
            "user_created",
            "user",
            Some(&id.to_string()),
            Some(role.code()),
        )?;
        Ok(id)
    })
}

/// Logs a user out on every device (their session epoch moves on), if `epoch` is the
/// account's current one: an old copy of a session cannot log anyone out. Audited.
pub fn end_sessions(conn: &mut DbConnection, user_id: i64, epoch: i32) -> AppResult<()> {
    crate::db::transaction(conn, |conn| {
        let Some(user) = load_active_user(conn, user_id)?.filter(|u| u.session_epoch == epoch)
        else {
            return Ok(());
        };
        users::end_sessions(conn, user_id)?;
        audit::record(
            conn,
            Some(&user),
            "logout",
            "user",
            Some(&user_id.to_string()),
            None,
        )
    })
}

/// Remembers the language a user chose, for their pages on any device and their e-mails.
pub fn set_language(conn: &mut DbConnection, user_id: i64, lang: Lang) -> AppResult<()> {
    users::set_language(conn, user_id, lang.code())?;
    Ok(())
}

#[cfg(test)]
mod length_tests {
    use super::*;

    #[test]
    fn passwords_are_bounded_above() {
        let long = "lång fras om identiteter ".repeat(50);
        assert!(long.chars().count() > MAX_PASSWORD_CHARS);
        let errors = check_password_policy("anna", &long);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "too_long");
        assert!(check_password_policy("anna", &long[..200]).is_empty());
    }
}
