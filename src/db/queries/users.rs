use diesel::prelude::*;

use crate::db::models::{NewUser, UserRow};
use crate::db::schema::users;
use crate::db::DbConnection;
use crate::with_backend;

pub fn by_username(conn: &mut DbConnection, username: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::username.eq(username))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<UserRow>> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConnection, new: &NewUser<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(users::table)
        .values(new)
        .returning(users::id)
        .get_result(c))
}

/// Every account, active first, then by username.
pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<UserRow>> {
    users::table
        .order((users::active.desc(), users::username))
        .select(UserRow::as_select())
        .load(conn)
}

/// What the administration writes on an account.
pub struct AccountUpdate<'a> {
    pub display_name: &'a str,
    pub role: &'a str,
    pub agency_id: Option<i64>,
    pub active: i32,
    /// Whether the user's open sessions end (their access changed).
    pub end_sessions: bool,
}

pub fn update_account(
    conn: &mut DbConnection,
    id: i64,
    change: &AccountUpdate<'_>,
) -> QueryResult<usize> {
    let bump = i32::from(change.end_sessions);
    diesel::update(users::table.find(id))
        .set((
            users::display_name.eq(change.display_name),
            users::role.eq(change.role),
            users::agency_id.eq(change.agency_id),
            users::active.eq(change.active),
            users::session_epoch.eq(users::session_epoch + bump),
        ))
        .execute(conn)
}

/// Ends every session of the account (their cookies name an older epoch).
pub fn end_sessions(conn: &mut DbConnection, id: i64) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::session_epoch.eq(users::session_epoch + 1))
        .execute(conn)
}

/// Turns two-step verification on (with the secret and the step of the code that
/// confirmed it) or off (`None`); either way the account's sessions end.
pub fn set_two_factor(
    conn: &mut DbConnection,
    id: i64,
    secret: Option<&str>,
    step: Option<i64>,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::totp_secret.eq(secret),
            users::totp_last_step.eq(step),
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)
}

/// Takes a code's time step if no code of this or a later step was accepted before: 1 when
/// taken, 0 when the code was used already (checked in the UPDATE itself, so two
/// instances cannot both accept it).
pub fn take_code_step(conn: &mut DbConnection, id: i64, step: i64) -> QueryResult<usize> {
    diesel::update(
        users::table
            .find(id)
            .filter(users::totp_secret.is_not_null())
            .filter(
                users::totp_last_step
                    .is_null()
                    .or(users::totp_last_step.lt(step)),
            ),
    )
    .set(users::totp_last_step.eq(step))
    .execute(conn)
}

/// Stores a new password hash and ends the account's sessions.
pub fn set_password_hash(conn: &mut DbConnection, id: i64, hash: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

/// Activates or deactivates an account; deactivation also ends its sessions.
pub fn set_active(conn: &mut DbConnection, id: i64, active: bool) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::active.eq(i32::from(active)),
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)
}

/// Stores the language a user chose (`sv` or `en`).
pub fn set_language(conn: &mut DbConnection, id: i64, language: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::language.eq(language))
        .execute(conn)
}

/// Sets or clears a user's e-mail address for notifications.
pub fn set_email(conn: &mut DbConnection, id: i64, email: Option<&str>) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::email.eq(email))
        .execute(conn)
}
