//! User administration (*användaradministration*): listing accounts, changing a user's
//! role, agency, name or status, resetting a password, and a user changing their own.
//!
//! Every change that alters what a user may do, or how they prove who they are, moves the
//! account's session epoch: their open sessions end at the next request (the check is in
//! `web::auth`). Administrators cannot lock themselves out: they cannot deactivate their
//! own account or take away their own administrator role.

use super::audit;
use super::auth::{check_password_policy, generate_password, hash_password, User};
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
    pub agency_code: Option<String>,
    pub active: bool,
    /// Whether the user signs in with a one-time code as well.
    pub two_factor: bool,
    pub created_at: chrono::NaiveDateTime,
}

fn account_of(row: UserRow, agency_code: Option<String>) -> AppResult<Account> {
    let role = Role::parse(&row.role)
        .ok_or_else(|| AppError::Internal(format!("unknown role in the database: {}", row.role)))?;
    Ok(Account {
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        role,
        agency_code,
        active: row.active != 0,
        two_factor: row.totp_secret.is_some(),
        created_at: row.created_at,
    })
}

/// Every account, active first, then by username.
pub fn list(conn: &mut DbConnection) -> AppResult<Vec<Account>> {
    let codes: std::collections::HashMap<i64, String> = agencies::all(conn)?
        .into_iter()
        .map(|a| (a.id, a.code))
        .collect();
    let mut accounts = users::all(conn)?
        .into_iter()
        // Agency tokens' service accounts are managed under API tokens.
        .filter(|row| !is_service_account(row))
        .map(|row| {
            let code = row.agency_id.and_then(|id| codes.get(&id).cloned());
            account_of(row, code)
        })
        .collect::<AppResult<Vec<_>>>()?;
    accounts.sort_by(|a, b| b.active.cmp(&a.active).then(a.username.cmp(&b.username)));
    Ok(accounts)
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
    let row = login_account(conn, id)?;
    let code = match row.agency_id {
        Some(a) => Some(agencies::by_id(conn, a)?.code),
        None => None,
    };
    account_of(row, code)
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
                errors.push(FieldError::new(
                    "role",
                    "required",
                    Msg::new("accounts-role-required"),
                ));
                Role::parse(&current.role).unwrap_or(Role::Analyst)
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
        if current.role != role.code() {
            let detail = format!("{} -> {}", current.role, role.code());
            audit::record(
                conn,
                Some(admin),
                "user_role_changed",
                "user",
                Some(&target),
                Some(&detail),
            )?;
        }
        if current.agency_id != agency_id {
            audit::record(
                conn,
                Some(admin),
                "user_agency_changed",
                "user",
                Some(&target),
                None,
            )?;
        }
        if was_active != change.active {
            let action = if change.active {
                "user_activated"
            } else {
                "user_deactivated"
            };
            audit::record(conn, Some(admin), action, "user", Some(&target), None)?;
        }
        if current.display_name != change.display_name.trim() {
            audit::record(
                conn,
                Some(admin),
                "user_renamed",
                "user",
                Some(&target),
                None,
            )?;
        }
        Ok(())
    })
}

/// Gives an account a new generated password (shown once to the administrator, who hands
/// it over) and ends the user's sessions. `admin` is `None` from the command line.
pub fn reset_password(conn: &mut DbConnection, admin: Option<&User>, id: i64) -> AppResult<String> {
    transaction(conn, |conn| {
        login_account(conn, id)?;
        let password = generate_password();
        users::set_password_hash(conn, id, &hash_password(&password)?)?;
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
/// must pass the policy. Their other sessions end; the caller starts a fresh one.
pub fn change_own_password(
    conn: &mut DbConnection,
    user: &User,
    current: &str,
    new: &str,
    repeated: &str,
) -> AppResult<()> {
    // Outside the transaction: a wrong password must stay counted when the change is
    // refused.
    let row = users::by_id(conn, user.id)?.ok_or(AppError::NotFound)?;
    let mut errors: Vec<FieldError> =
        super::auth::check_current_password(conn, &row, current, "current_password")?
            .into_iter()
            .collect();
    transaction(conn, |conn| {
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
        users::set_password_hash(conn, user.id, &hash_password(new)?)?;
        audit::record(
            conn,
            Some(user),
            "password_changed",
            "user",
            Some(&user.id.to_string()),
            None,
        )?;
        Ok(())
    })
}
