//! Notifications, the mail outbox and the scheduler's lease.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    agencies, mail_outbox, notifications, reporting_periods, scheduler_lease, submissions, users,
};
use crate::db::DbConnection;
use crate::domain::status::{PeriodStatus, SubmissionStatus};
use crate::with_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub message_key: String,
    pub args: String,
    pub link: String,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
    pub dedupe_key: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = notifications)]
pub struct NewNotification<'a> {
    pub user_id: i64,
    pub kind: &'a str,
    pub message_key: &'a str,
    pub args: &'a str,
    pub link: &'a str,
    pub created_at: NaiveDateTime,
    pub dedupe_key: Option<&'a str>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
pub struct OutboxRow {
    pub id: i64,
    pub notification_id: i64,
    pub to_address: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub next_attempt_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = mail_outbox)]
pub struct NewOutbox<'a> {
    pub notification_id: i64,
    pub to_address: &'a str,
    pub status: &'a str,
    pub attempts: i32,
    pub created_at: NaiveDateTime,
    pub next_attempt_at: NaiveDateTime,
}

/// Inserts a notification; `None` when one with the same `dedupe_key` exists already.
pub fn insert(conn: &mut DbConnection, new: &NewNotification<'_>) -> QueryResult<Option<i64>> {
    with_backend!(conn, c => diesel::insert_into(notifications::table)
        .values(new)
        .on_conflict_do_nothing()
        .returning(notifications::id)
        .get_result(c)
        .optional())
}

pub fn insert_outbox(conn: &mut DbConnection, new: &NewOutbox<'_>) -> QueryResult<usize> {
    diesel::insert_into(mail_outbox::table)
        .values(new)
        .execute(conn)
}

/// A user's notifications, newest first.
pub fn for_user(
    conn: &mut DbConnection,
    user_id: i64,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<NotificationRow>> {
    notifications::table
        .filter(notifications::user_id.eq(user_id))
        .order(notifications::id.desc())
        .limit(limit)
        .offset(offset)
        .select(NotificationRow::as_select())
        .load(conn)
}

pub fn count_for_user(conn: &mut DbConnection, user_id: i64) -> QueryResult<i64> {
    notifications::table
        .filter(notifications::user_id.eq(user_id))
        .count()
        .get_result(conn)
}

pub fn unread_count(conn: &mut DbConnection, user_id: i64) -> QueryResult<i64> {
    notifications::table
        .filter(notifications::user_id.eq(user_id))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)
}

/// One notification of one user (`None` for another user's: the caller answers 404).
pub fn of_user(
    conn: &mut DbConnection,
    user_id: i64,
    id: i64,
) -> QueryResult<Option<NotificationRow>> {
    notifications::table
        .filter(notifications::id.eq(id))
        .filter(notifications::user_id.eq(user_id))
        .select(NotificationRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<NotificationRow>> {
    notifications::table
        .find(id)
        .select(NotificationRow::as_select())
        .first(conn)
        .optional()
}

/// Marks one of the user's notifications read (the user id is part of the condition).
pub fn mark_read(
    conn: &mut DbConnection,
    user_id: i64,
    id: i64,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        notifications::table
            .filter(notifications::id.eq(id))
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(Some(at)))
    .execute(conn)
}

pub fn mark_all_read(
    conn: &mut DbConnection,
    user_id: i64,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(Some(at)))
    .execute(conn)
}

/// A recipient: id, language and e-mail address of an active user.
pub type Recipient = (i64, String, Option<String>);

/// Active people with a role (in one agency, if given): accounts someone logs in with,
/// not the service accounts behind agency tokens, whose password hash is `no_login`.
pub fn people_with_role(
    conn: &mut DbConnection,
    role: &str,
    agency_id: Option<i64>,
    no_login: &str,
) -> QueryResult<Vec<Recipient>> {
    let mut q = users::table
        .filter(users::role.eq(role.to_string()))
        .filter(users::active.eq(1))
        .filter(users::password_hash.ne(no_login.to_string()))
        .into_boxed();
    if let Some(a) = agency_id {
        q = q.filter(users::agency_id.eq(a));
    }
    q.order(users::id.asc())
        .select((users::id, users::language, users::email))
        .load(conn)
}

/// Active agencies that have not sent a submission of `source` for the period: none, or
/// one still in draft.
pub fn agencies_not_submitted(
    conn: &mut DbConnection,
    period_id: i64,
    source: &str,
) -> QueryResult<Vec<i64>> {
    let submitted = submissions::table
        .filter(submissions::period_id.eq(period_id))
        .filter(submissions::source.eq(source.to_string()))
        .filter(submissions::status.ne(SubmissionStatus::Draft.code()))
        .select(submissions::agency_id);
    agencies::table
        .filter(agencies::active.eq(1))
        .filter(agencies::id.ne_all(submitted))
        .order(agencies::id.asc())
        .select(agencies::id)
        .load(conn)
}

/// Open periods with a deadline, as (id, code, deadline).
pub fn open_with_deadline(
    conn: &mut DbConnection,
) -> QueryResult<Vec<(i64, String, chrono::NaiveDate)>> {
    let rows: Vec<(i64, String, Option<chrono::NaiveDate>)> = reporting_periods::table
        .filter(reporting_periods::status.eq(PeriodStatus::Open.code()))
        .filter(reporting_periods::deadline.is_not_null())
        .order(reporting_periods::id.asc())
        .select((
            reporting_periods::id,
            reporting_periods::code,
            reporting_periods::deadline,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, code, d)| d.map(|d| (id, code, d)))
        .collect())
}

/// Pending mail whose time has come, oldest first.
pub fn due_mail(conn: &mut DbConnection, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<i64>> {
    mail_outbox::table
        .filter(mail_outbox::status.eq("pending"))
        .filter(mail_outbox::next_attempt_at.le(now))
        .order(mail_outbox::id.asc())
        .limit(limit)
        .select(mail_outbox::id)
        .load(conn)
}

/// Claims one due mail for an attempt: counts the attempt and moves its next time on by
/// `until`, so another instance does not send it meanwhile. `false`: someone else has it.
pub fn claim_mail(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        mail_outbox::table
            .filter(mail_outbox::id.eq(id))
            .filter(mail_outbox::status.eq("pending"))
            .filter(mail_outbox::next_attempt_at.le(now)),
    )
    .set((
        mail_outbox::attempts.eq(mail_outbox::attempts + 1),
        mail_outbox::next_attempt_at.eq(until),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// The recipient of a queued e-mail as they are now.
#[derive(Debug, Clone, Queryable)]
pub struct RecipientNow {
    pub language: String,
    pub active: i32,
    pub email: Option<String>,
}

/// A claimed mail with what its message is made from: the outbox row, the notification
/// and the recipient as they are now.
pub fn mail_with_notification(
    conn: &mut DbConnection,
    id: i64,
) -> QueryResult<Option<(OutboxRow, NotificationRow, RecipientNow)>> {
    mail_outbox::table
        .inner_join(notifications::table.inner_join(users::table))
        .filter(mail_outbox::id.eq(id))
        .select((
            OutboxRow::as_select(),
            NotificationRow::as_select(),
            (users::language, users::active, users::email),
        ))
        .first(conn)
        .optional()
}

/// Records the outcome of an attempt, and the address it went to.
pub fn finish_mail(
    conn: &mut DbConnection,
    id: i64,
    to_address: &str,
    status: &str,
    last_error: Option<&str>,
    next_attempt_at: NaiveDateTime,
    sent_at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    diesel::update(mail_outbox::table.find(id))
        .set((
            mail_outbox::to_address.eq(to_address),
            mail_outbox::status.eq(status),
            mail_outbox::last_error.eq(last_error),
            mail_outbox::next_attempt_at.eq(next_attempt_at),
            mail_outbox::sent_at.eq(sent_at),
        ))
        .execute(conn)
}

/// Deletes what is older than `cutoff`: finished e-mail records (sent, failed, refused;
/// never one still to be sent), then notifications no e-mail record refers to. Returns
/// (e-mail records, notifications) deleted.
pub fn purge_before(conn: &mut DbConnection, cutoff: NaiveDateTime) -> QueryResult<(usize, usize)> {
    let mail = diesel::delete(
        mail_outbox::table
            .filter(mail_outbox::created_at.lt(cutoff))
            .filter(mail_outbox::status.ne("pending")),
    )
    .execute(conn)?;
    let still_referred = mail_outbox::table.select(mail_outbox::notification_id);
    let notes = diesel::delete(
        notifications::table
            .filter(notifications::created_at.lt(cutoff))
            .filter(notifications::id.ne_all(still_referred)),
    )
    .execute(conn)?;
    Ok((mail, notes))
}

/// The outbox rows of a notification (tests and the operators' view).
pub fn outbox_of(conn: &mut DbConnection, notification_id: i64) -> QueryResult<Vec<OutboxRow>> {
    mail_outbox::table
        .filter(mail_outbox::notification_id.eq(notification_id))
        .order(mail_outbox::id.asc())
        .select(OutboxRow::as_select())
        .load(conn)
}

pub const LEASE: &str = "scheduler";

/// Makes sure the lease row exists (the migration inserts it; this puts it back if an
/// operator removed it).
pub fn ensure_lease(conn: &mut DbConnection) -> QueryResult<()> {
    let epoch = chrono::DateTime::UNIX_EPOCH.naive_utc();
    with_backend!(conn, c => diesel::insert_into(scheduler_lease::table)
        .values((
            scheduler_lease::name.eq(LEASE),
            scheduler_lease::holder.eq(""),
            scheduler_lease::expires_at.eq(epoch),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(())
}

/// Takes the lease, or renews it: one statement, so of several instances exactly one
/// succeeds while the lease is held.
pub fn take_lease(
    conn: &mut DbConnection,
    holder: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        scheduler_lease::table
            .filter(scheduler_lease::name.eq(LEASE))
            .filter(
                scheduler_lease::holder
                    .eq(holder)
                    .or(scheduler_lease::expires_at.lt(now)),
            ),
    )
    .set((
        scheduler_lease::holder.eq(holder),
        scheduler_lease::expires_at.eq(until),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Gives the lease up (at shutdown), so another instance need not wait for it to expire.
pub fn release_lease(conn: &mut DbConnection, holder: &str) -> QueryResult<usize> {
    let epoch = chrono::DateTime::UNIX_EPOCH.naive_utc();
    diesel::update(
        scheduler_lease::table
            .filter(scheduler_lease::name.eq(LEASE))
            .filter(scheduler_lease::holder.eq(holder)),
    )
    .set(scheduler_lease::expires_at.eq(epoch))
    .execute(conn)
}
