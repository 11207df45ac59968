//! User administration (*användaradministration*): listing accounts, changing a user's
//! role, agency, name or status, resetting a password, and a user changing their own.
//!
//! Every change that alters what a user may do, or how they prove who they are, moves the
//! account's session epoch: their open sessions end at the next request (the check is in
//! `web::auth`). Administrators cannot lock themselves out: they cannot deactivate their
//! own account or take away their own administrator role.

use super::audit;
use super::auth::{
    check_password_policy, generate_password, hash_password, load_active_user, role_of, User,
};
use crate::db::models::UserRow;
use crate::db::queries::{agencies, users};
use crate::db::{transaction, DbConnection};
use crate::domain::message::Msg;
use crate::domain::observation::screen_field;
use crate::domain::role::Role;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};

/// An account as the administration lists it.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The agency (coordinators only).
    pub agency_id: Option<i64>,
    pub active: bool,
    /// Whether the user signs in with a one-time code as well.
    pub two_factor: bool,
    pub created_at: chrono::NaiveDateTime,
}

fn account_of(row: UserRow) -> AppResult<Account> {
    Ok(Account {
        role: role_of(&row)?,
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        agency_id: row.agency_id,
        active: row.active != 0,
        two_factor: row.totp_secret.is_some(),
        created_at: row.created_at,
    })
}

/// Every account, active first, then by username.
pub fn list(conn: &mut DbConnection) -> AppResult<Vec<Account>> {
    users::all(conn)?
        .into_iter()
        // Agency tokens' service accounts are managed under API tokens.
        .filter(|row| !is_service_account(row))
        .map(account_of)
        .collect()
}

fn is_service_account(row: &UserRow) -> bool {
    row.password_hash == super::tokens::NO_LOGIN
}

/// An account people log in to, or not found (a token's service account is not one).
fn login_account(conn: &mut DbConnection, id: i64) -> AppResult<UserRow> {
    users::by_id(conn, id)?
        .filter(|row| !is_service_account(row))
        .ok_or(AppError::NotFound)
}

/// One account, or not found.
pub fn get(conn: &mut DbConnection, id: i64) -> AppResult<Account> {
    account_of(login_account(conn, id)?)
}

/// The refusal of an account without a role.
pub(crate) fn role_required() -> FieldError {
    FieldError::new("role", "required", Msg::new("accounts-role-required"))
}

/// The account as it is now (after a change that moved its session epoch), for the
/// caller to start a fresh session with.
pub(crate) fn reloaded(conn: &mut DbConnection, id: i64) -> AppResult<User> {
    load_active_user(conn, id)?.ok_or(AppError::NotFound)
}

/// What an administrator may change on an account.
pub struct AccountChange<'a> {
    pub display_name: &'a str,
    pub role: Option<Role>,
    pub agency_code: Option<&'a str>,
    pub active: bool,
}

/// Checks a display name: required, bounded, and free of personal data beyond a name
/// (the one screen every free-text field passes).
pub fn check_display_name(name: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if name.trim().is_empty() {
        errors.push(FieldError::new(
            "display_name",
            "required",
            Msg::new("accounts-display-name-required"),
        ));
    } else if let Err(e) = crate::domain::validation::check_max_chars(
        "display_name",
        crate::key!("admin-user-display-name"),
        name,
        super::auth::MAX_DISPLAY_NAME_CHARS,
    ) {
        errors.push(e);
    } else if let Err(found) =
        screen_field("display_name", Msg::new("admin-user-display-name"), name)
    {
        errors.extend(found);
    }
    errors
}

/// The agency an account of `role` belongs to, from its code: required for a coordinator;
/// the other roles speak for no agency, so a code given for them is not kept. Problems are
/// added to `errors`.
pub fn agency_for(
    conn: &mut DbConnection,
    role: Role,
    code: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> AppResult<Option<i64>> {
    if !role.needs_agency() {
        return Ok(None);
    }
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        errors.push(FieldError::new(
            "agency",
            "required",
            Msg::new("admin-user-agency-required"),
        ));
        return Ok(None);
    };
    match agencies::by_code(conn, code)? {
        Some(a) => Ok(Some(a.id)),
        None => {
            errors.push(FieldError::new(
                "agency",
                "invalid_code",
                Msg::new("admin-agency-unknown").arg("code", code),
            ));
            Ok(None)
        }
    }
}

/// Changes an account's name, role, agency and status. A change of role, agency or status
/// ends the user's sessions; each change is audited (never with the name itself).
pub fn update(
    conn: &mut DbConnection,
    admin: &User,
    id: i64,
    change: AccountChange<'_>,
) -> AppResult<()> {
    transaction(conn, |conn| {
        let current = login_account(conn, id)?;
        let mut errors = check_display_name(change.display_name);
        let role = match change.role {
            Some(r) => r,
            None => {
                errors.push(role_required());
                role_of(&current)?
            }
        };
        let agency_id = agency_for(conn, role, change.agency_code, &mut errors)?;
        if id == admin.id && !change.active {
            errors.push(FieldError::new(
                "active",
                "own_account",
                Msg::new("accounts-cannot-deactivate-self"),
            ));
        }
        if id == admin.id && role != Role::Admin {
            errors.push(FieldError::new(
                "role",
                "own_account",
                Msg::new("accounts-cannot-demote-self"),
            ));
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let was_active = current.active != 0;
        let access_changed = current.role != role.code()
            || current.agency_id != agency_id
            || was_active != change.active;
        users::update_account(
            conn,
            id,
            &users::AccountUpdate {
                display_name: change.display_name.trim(),
                role: role.code(),
                agency_id,
                active: i32::from(change.active),
                end_sessions: access_changed,
            },
        )?;
        let target = id.to_string();
        let role_change = format!("{} -> {}", current.role, role.code());
        let changes = [
            (
                current.role != role.code(),
                "user_role_changed",
                Some(role_change.as_str()),
            ),
            (current.agency_id != agency_id, "user_agency_changed", None),
            (
                was_active != change.active,
                if change.active {
                    "user_activated"
                } else {
                    "user_deactivated"
                },
                None,
            ),
            (
                current.display_name != change.display_name.trim(),
                "user_renamed",
                None,
            ),
        ];
        for (changed, action, detail) in changes {
            if changed {
                audit::record(conn, Some(admin), action, "user", Some(&target), detail)?;
            }
        }
        Ok(())
    })
}

/// Gives an account a new generated password (shown once to the administrator, who hands
/// it over) and ends the user's sessions. `admin` is `None` from the command line.
pub fn reset_password(conn: &mut DbConnection, admin: Option<&User>, id: i64) -> AppResult<String> {
    // Hashed before the transaction: it takes a while, and the write lock should not wait.
    let password = generate_password();
    let hash = hash_password(&password)?;
    transaction(conn, |conn| {
        login_account(conn, id)?;
        users::set_password_hash(conn, id, &hash)?;
        audit::record(
            conn,
            admin,
            "user_password_reset",
            "user",
            Some(&id.to_string()),
            None,
        )?;
        Ok(password)
    })
}

/// A user changes their own password: the current one must be right and the new one
/// must pass the policy. Their other sessions end; returns the account as it is now, for
/// the caller's fresh session.
pub fn change_own_password(
    conn: &mut DbConnection,
    user: &User,
    current: &str,
    new: &str,
    repeated: &str,
) -> AppResult<User> {
    let row = users::by_id(conn, user.id)?.ok_or(AppError::NotFound)?;
    // Outside the transaction: a wrong password must stay counted when the change is
    // refused.
    let mut errors: Vec<FieldError> =
        super::auth::check_current_password(conn, &row, current, "current_password")?
            .into_iter()
            .collect();
    errors.extend(check_password_policy(&row.username, new));
    if new != repeated {
        errors.push(FieldError::new(
            "repeat_password",
            "mismatch",
            Msg::new("accounts-passwords-differ"),
        ));
    } else if new == current && errors.is_empty() {
        errors.push(FieldError::new(
            "password",
            "unchanged",
            Msg::new("accounts-password-unchanged"),
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let hash = hash_password(new)?;
    transaction(conn, |conn| {
        users::set_password_hash(conn, user.id, &hash)?;
        audit::record(
            conn,
            Some(user),
            "password_changed",
            "user",
            Some(&user.id.to_string()),
            None,
        )?;
        reloaded(conn, user.id)
    })
}
