//! Notifications: made in the same transaction as the change they tell about (so a notice
//! is never lost and never tells of something that was rolled back), listed per user,
//! marked read by their owner only. E-mail is queued here (the outbox) and sent later by
//! the scheduler's leader (`services::mail`), never during a request.

use chrono::{NaiveDate, NaiveDateTime};

use super::auth::User;
use super::{audit, now};
use crate::db::models::SubmissionRow;
use crate::db::queries::notifications::{self as q, NewNotification, NewOutbox, Recipient};
use crate::db::queries::{reports, users};
use crate::db::{transaction, DbConnection};
use crate::domain::notification::{self as rules, Args, Kind};
use crate::domain::role::Role;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

/// A change that people are told about. Built by the one service function of each
/// use-case, inside its transaction.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// A reviewer accepted or returned a submitted version.
    SubmissionReviewed {
        submission: &'a SubmissionRow,
        period_code: &'a str,
        version: i32,
        accepted: bool,
    },
    /// A report version was sent to the approvers.
    EditionInReview {
        edition_id: i64,
        version_no: i32,
        period_code: &'a str,
    },
    /// A report version was published.
    EditionPublished {
        edition_id: i64,
        version_no: i32,
        period_code: &'a str,
    },
}

/// Tells the people concerned about `event`: one notification each, and one e-mail in the
/// outbox for each who has an address. Returns how many were notified. Call it inside the
/// transaction of the change.
pub fn notify(conn: &mut DbConnection, event: Event<'_>) -> AppResult<usize> {
    let at = now();
    let (kind, args, link, recipients, dedupe): (Kind, Args, String, Vec<Recipient>, _) =
        match event {
            Event::SubmissionReviewed {
                submission,
                period_code,
                version,
                accepted,
            } => {
                let kind = if accepted {
                    Kind::SubmissionAccepted
                } else {
                    Kind::SubmissionReturned
                };
                let link = match submission.forum_meeting_id {
                    Some(meeting) => format!("/forum/{meeting}"),
                    None => format!("/submissions/{}", submission.id),
                };
                let recipients = people(conn, Role::Coordinator, Some(submission.agency_id))?;
                (
                    kind,
                    Args::new()
                        .text("period", period_code)
                        .int("version", i64::from(version)),
                    link,
                    recipients,
                    Some(format!("{}:{}:v{version}", kind.code(), submission.id)),
                )
            }
            Event::EditionInReview {
                edition_id,
                version_no,
                period_code,
            } => {
                // Four eyes: nobody who wrote any part of the edition approves it, so they
                // are not asked to.
                let authors = reports::editors_of_edition(conn, edition_id)?;
                let recipients = people(conn, Role::Approver, None)?
                    .into_iter()
                    .filter(|(id, _, _)| !authors.contains(id))
                    .collect();
                (
                    Kind::EditionAwaitingApproval,
                    edition_args(edition_id, version_no, period_code),
                    format!("/reports/{edition_id}/versions/{version_no}"),
                    recipients,
                    // A version may be sent for approval again after a refusal: each
                    // time is news.
                    None,
                )
            }
            Event::EditionPublished {
                edition_id,
                version_no,
                period_code,
            } => (
                Kind::EditionPublished,
                edition_args(edition_id, version_no, period_code),
                // A link to the edition's page (the reader logs in to read it), never the
                // PDF itself.
                format!("/reports/{edition_id}/versions/{version_no}"),
                people(conn, Role::Ministry, None)?,
                Some(format!(
                    "{}:{edition_id}:v{version_no}",
                    Kind::EditionPublished.code()
                )),
            ),
        };
    let args = args.to_json();
    let mut made = 0;
    for r in &recipients {
        let dedupe = dedupe.as_ref().map(|d| format!("{d}:u{}", r.0));
        if create(conn, r, kind, &args, &link, dedupe.as_deref(), at)? {
            made += 1;
        }
    }
    Ok(made)
}

/// The active people with `role` (in one agency, if given); never the service accounts
/// behind agency tokens, which nobody reads for.
fn people(
    conn: &mut DbConnection,
    role: Role,
    agency_id: Option<i64>,
) -> AppResult<Vec<Recipient>> {
    Ok(q::people_with_role(
        conn,
        role.code(),
        agency_id,
        super::tokens::NO_LOGIN,
    )?)
}

fn edition_args(edition_id: i64, version_no: i32, period_code: &str) -> Args {
    Args::new()
        .text("period", period_code)
        .int("edition", edition_id)
        .int("version", i64::from(version_no))
}

/// One notification and, when the recipient has an address, its e-mail in the outbox.
/// `false`: a notification with the same dedupe key exists already (nothing is made).
fn create(
    conn: &mut DbConnection,
    (user_id, _, email): &Recipient,
    kind: Kind,
    args: &str,
    link: &str,
    dedupe_key: Option<&str>,
    at: NaiveDateTime,
) -> AppResult<bool> {
    let Some(id) = q::insert(
        conn,
        &NewNotification {
            user_id: *user_id,
            kind: kind.code(),
            message_key: kind.message_key(),
            args,
            link,
            created_at: at,
            dedupe_key,
        },
    )?
    else {
        return Ok(false);
    };
    if let Some(address) = email.as_deref().filter(|a| !a.trim().is_empty()) {
        q::insert_outbox(
            conn,
            &NewOutbox {
                notification_id: id,
                to_address: address,
                status: OutboxStatus::Pending.code(),
                attempts: 0,
                created_at: at,
                next_attempt_at: at,
            },
        )?;
    }
    Ok(true)
}

/// Where an e-mail in the outbox stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    /// Waiting for its (next) attempt.
    Pending,
    Sent,
    /// Given up after the last attempt, or refused by the server for good.
    Failed,
    /// Never sent by policy: the domain is not allowed, e-mail is off, the account is
    /// inactive, the user has removed their address since.
    Refused,
}

impl OutboxStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Refused => "refused",
        }
    }
}

/// Deadline reminders due on `today`: for every open period with a deadline, the nearest
/// reminder stage (see [`rules::reminder_stage`]) goes to the coordinators of each active
/// agency that has not sent its submission. Each (period, stage, user) is made once,
/// however many rounds or instances try. Returns how many were made.
pub fn create_reminders(
    conn: &mut DbConnection,
    today: NaiveDate,
    days: &[u32],
) -> AppResult<usize> {
    if days.is_empty() {
        return Ok(0);
    }
    let at = now();
    let mut made = 0;
    for (period_id, code, deadline) in q::open_with_deadline(conn)? {
        let Some(stage) = rules::reminder_stage(today, deadline, days) else {
            continue;
        };
        let left = (deadline - today).num_days();
        let args = Args::new()
            .text("period", code.as_str())
            .date("deadline", deadline)
            .int("days", left)
            .to_json();
        made += transaction(conn, |conn| {
            let mut n = 0;
            for agency in
                q::agencies_not_submitted(conn, period_id, super::submissions::SOURCE_AGENCY)?
            {
                for r in people(conn, Role::Coordinator, Some(agency))? {
                    let dedupe =
                        format!("{}:{code}:{stage}:u{}", Kind::DeadlineReminder.code(), r.0);
                    if create(
                        conn,
                        &r,
                        Kind::DeadlineReminder,
                        &args,
                        "/submissions",
                        Some(&dedupe),
                        at,
                    )? {
                        n += 1;
                    }
                }
            }
            Ok(n)
        })?;
    }
    Ok(made)
}

/// A notification as its owner sees it.
#[derive(Debug, Clone)]
pub struct NotificationView {
    pub id: i64,
    pub kind: Option<Kind>,
    pub message: Msg,
    pub link: String,
    pub created_at: NaiveDateTime,
    pub unread: bool,
}

impl NotificationView {
    fn of(row: q::NotificationRow) -> Self {
        Self {
            id: row.id,
            kind: Kind::parse(&row.kind),
            message: rules::message(&row.message_key, &row.args),
            link: row.link,
            created_at: row.created_at,
            unread: row.read_at.is_none(),
        }
    }

    /// The catalogue key of the link's text.
    pub fn link_key(&self) -> &'static str {
        self.kind
            .map(Kind::link_key)
            .unwrap_or(crate::key!("notifications-link-open"))
    }
}

/// Notifications per page of the list.
pub const PAGE_SIZE: i64 = 50;

/// One page of the user's notifications, newest first.
pub struct Page {
    pub items: Vec<NotificationView>,
    pub total: i64,
    /// 1-based.
    pub page: i64,
    pub pages: i64,
}

pub fn list(conn: &mut DbConnection, user: &User, page: i64) -> AppResult<Page> {
    let total = q::count_for_user(conn, user.id)?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let items = q::for_user(conn, user.id, PAGE_SIZE, (page - 1) * PAGE_SIZE)?
        .into_iter()
        .map(NotificationView::of)
        .collect();
    Ok(Page {
        items,
        total,
        page,
        pages,
    })
}

/// The user's unread notifications (for the header).
pub fn unread_count(conn: &mut DbConnection, user_id: i64) -> AppResult<i64> {
    Ok(q::unread_count(conn, user_id)?)
}

/// Marks one of the user's own notifications read. Another user's (or none) is
/// `NotFound`: whether it exists is not told.
pub fn mark_read(conn: &mut DbConnection, user: &User, id: i64) -> AppResult<()> {
    if q::mark_read(conn, user.id, id, now())? == 0 && q::of_user(conn, user.id, id)?.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(())
}

pub fn mark_all_read(conn: &mut DbConnection, user: &User) -> AppResult<usize> {
    Ok(q::mark_all_read(conn, user.id, now())?)
}

/// Sets or clears the user's e-mail address for notifications. With a list of allowed
/// domains, an address elsewhere is refused with the list. Audited without the address.
pub fn set_email(
    conn: &mut DbConnection,
    user: &User,
    raw: &str,
    allowed_domains: &[String],
) -> AppResult<Option<String>> {
    let address = rules::parse_email(raw)
        .map_err(|m| AppError::Validation(vec![FieldError::new("email", "invalid", m)]))?;
    if let Some(a) = &address {
        if !allowed_domains.is_empty() && !rules::domain_allowed(a, allowed_domains) {
            return Err(AppError::Validation(vec![FieldError::new(
                "email",
                "domain",
                Msg::new("notifications-email-domain-not-allowed")
                    .arg("domains", allowed_domains.join(", ")),
            )]));
        }
    }
    transaction(conn, |conn| {
        users::set_email(conn, user.id, address.as_deref())?;
        audit::record(
            conn,
            Some(user),
            if address.is_some() {
                "email_set"
            } else {
                "email_removed"
            },
            "user",
            Some(&user.id.to_string()),
            None,
        )
    })?;
    Ok(address)
}
