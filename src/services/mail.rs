//! E-mail: the outbox drained by the scheduler's leader over SMTP (lettre).
//!
//! Each message is plain text in the recipient's language (their `users.language` now,
//! not when the event happened), made of catalogue texts, codes, numbers and an absolute
//! link to the page it concerns: no attachment, no free text from users, no personal data.
//! Only addresses in an allowed domain are ever sent to; the rest are recorded as refused
//! and logged without the address. A failure is retried with back-off and never shown to
//! a user.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::notifications::OutboxStatus;
use crate::configuration::NotificationSettings;
use crate::db::queries::notifications::{self as q, NotificationRow, OutboxRow, RecipientNow};
use crate::db::Database;
use crate::domain::notification::{self as rules, Kind};
use crate::error::AppResult;
use crate::i18n::{Catalogue, Lang};
use crate::metrics::Metrics;

/// How long one SMTP conversation may take before it counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// How long a claimed e-mail is held by the instance sending it (longer than a
/// conversation may take); if that instance dies, another tries after this.
const CLAIM_SECS: i64 = 300;

/// E-mails sent per scheduler round at most (the rest wait for the next round).
pub const BATCH: i64 = 100;

/// Sends e-mail: the SMTP transport and what every message needs.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
    allowed_domains: Vec<String>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("public_url", &self.public_url)
            .field("allowed_domains", &self.allowed_domains)
            .finish()
    }
}

impl Mailer {
    /// The mailer when e-mail is on (SMTP server and allowed domains both set), else
    /// `None`. A URL the transport cannot use is a configuration error at start.
    pub fn from_settings(s: &NotificationSettings) -> AppResult<Option<Self>> {
        if !s.mail_enabled() {
            if s.smtp_url.is_some() {
                tracing::warn!(
                    "LAGESBILD_SMTP_URL is set but LAGESBILD_MAIL_ALLOWED_DOMAINS is not: no e-mail will be sent"
                );
            }
            return Ok(None);
        }
        let (Some(url), Some(from), Some(public_url)) = (&s.smtp_url, &s.mail_from, &s.public_url)
        else {
            return Err(NotificationSettings::unusable(
                "LAGESBILD_MAIL_FROM, LAGESBILD_PUBLIC_URL",
                "missing",
            ));
        };
        let (host, port) = crate::configuration::parse_smtp_url(url)?;
        // Plain SMTP to a relay (see `parse_smtp_url`); lettre calls that "dangerous"
        // because nothing is encrypted on the way.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| NotificationSettings::unusable("LAGESBILD_MAIL_FROM", e))?;
        Ok(Some(Self {
            transport,
            from,
            public_url: public_url.clone(),
            allowed_domains: s.allowed_domains.clone(),
        }))
    }

    /// The message for one outbox row, in `lang`.
    fn compose(
        &self,
        catalogue: &Arc<Catalogue>,
        lang: Lang,
        outbox: &OutboxRow,
        n: &NotificationRow,
        to: Mailbox,
    ) -> Result<Message, String> {
        let tr = catalogue.tr(lang);
        let kind = Kind::parse(&n.kind);
        let subject = match kind {
            Some(k) => tr.t(k.subject_key()),
            None => tr.t("notifications-subject-generic"),
        };
        let link = format!("{}{}", self.public_url, n.link);
        let link_key = kind
            .map(Kind::link_key)
            .unwrap_or(crate::key!("notifications-link-open"));
        let body = format!(
            "{message}\n\n{open}\n{link}\n\n{why}\n{account}\n\n{noreply}\n\n-- \n{product} · {owner}\n",
            message = tr.msg(&rules::message(&n.message_key, &n.args)),
            open = tr.t(link_key),
            why = tr.t("notifications-mail-why"),
            account = format_args!("{}/account", self.public_url),
            noreply = tr.t("notifications-mail-no-reply"),
            product = tr.t("product-name"),
            owner = tr.t("product-owner"),
        );
        // A stable id: should a message be sent twice (an instance died between sending
        // and recording it), mail programs show it once.
        let host = self
            .public_url
            .split("://")
            .nth(1)
            .unwrap_or("lagesbild")
            .split(['/', ':'])
            .next()
            .unwrap_or("lagesbild");
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!("<notification-{}@{host}>", outbox.id)))
            // RFC 3834: written by a machine; out-of-office replies should not answer.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Auto-Submitted"),
                "auto-generated".into(),
            ))
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| e.to_string())
    }
}

/// What one round of sending came to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DrainReport {
    pub sent: usize,
    /// Failed this time; tried again later.
    pub retry: usize,
    /// Given up.
    pub failed: usize,
    pub refused: usize,
}

/// Why a message is not sent by policy (recorded as `last_error`, logged).
#[derive(Debug, Clone, Copy)]
enum Refusal {
    MailOff,
    Inactive,
    /// The user removed their address after the e-mail was queued.
    Removed,
    Domain,
    Address,
}

impl Refusal {
    fn reason(self) -> &'static str {
        match self {
            Self::MailOff => "e-mail is off (no SMTP server or no allowed domains)",
            Self::Inactive => "the account is inactive",
            Self::Removed => "the user has removed their address",
            Self::Domain => "the address's domain is not in LAGESBILD_MAIL_ALLOWED_DOMAINS",
            Self::Address => "the address cannot be used",
        }
    }
}

/// Sends the e-mail that is due at `now`, at most [`BATCH`]. Every row is claimed first,
/// so two instances never send the same one (a leader whose lease ran out meanwhile).
pub async fn drain(
    db: &Database,
    mailer: Option<&Mailer>,
    catalogue: &Arc<Catalogue>,
    metrics: &Metrics,
    now: NaiveDateTime,
) -> AppResult<DrainReport> {
    let mut report = DrainReport::default();
    let due = db.run(move |c| Ok(q::due_mail(c, now, BATCH)?)).await?;
    for id in due {
        let until = now + chrono::Duration::seconds(CLAIM_SECS);
        // Claimed and read in one trip; another instance's claim leaves it to them.
        let Some((outbox, n, recipient)) = db
            .run(move |c| {
                if !q::claim_mail(c, id, now, until)? {
                    return Ok(None);
                }
                Ok(q::mail_with_notification(c, id)?)
            })
            .await?
        else {
            continue;
        };
        // The address the user has now: one removed or changed since the e-mail was
        // queued is respected.
        let to_address = recipient
            .email
            .clone()
            .unwrap_or_else(|| outbox.to_address.clone());
        let outcome = attempt(mailer, catalogue, &outbox, &n, &recipient).await;
        let (status, error, next, sent_at) = match outcome {
            Outcome::Sent => {
                report.sent += 1;
                metrics.observe_mail("sent");
                (OutboxStatus::Sent, None, now, Some(now))
            }
            Outcome::Refused(why) => {
                report.refused += 1;
                metrics.observe_mail("refused");
                tracing::warn!(
                    mail = outbox.id,
                    user = n.user_id,
                    domain = rules::domain_of(&to_address).unwrap_or_default(),
                    reason = why.reason(),
                    "e-mail refused"
                );
                (
                    OutboxStatus::Refused,
                    Some(why.reason().to_string()),
                    now,
                    None,
                )
            }
            Outcome::Failed { error, permanent } => {
                let error = rules::redact_addresses(&error);
                let give_up = permanent || outbox.attempts >= rules::MAX_MAIL_ATTEMPTS;
                tracing::warn!(
                    mail = outbox.id,
                    attempt = outbox.attempts,
                    give_up,
                    error = error.as_str(),
                    "e-mail not sent"
                );
                if give_up {
                    report.failed += 1;
                    metrics.observe_mail("failed");
                    (OutboxStatus::Failed, Some(error), now, None)
                } else {
                    report.retry += 1;
                    metrics.observe_mail("retry");
                    let next =
                        now + chrono::Duration::seconds(rules::retry_delay_secs(outbox.attempts));
                    (OutboxStatus::Pending, Some(error), next, None)
                }
            }
        };
        db.run(move |c| {
            Ok(q::finish_mail(
                c,
                id,
                &to_address,
                status.code(),
                error.as_deref(),
                next,
                sent_at,
            )?)
        })
        .await?;
    }
    Ok(report)
}

enum Outcome {
    Sent,
    Refused(Refusal),
    Failed { error: String, permanent: bool },
}

async fn attempt(
    mailer: Option<&Mailer>,
    catalogue: &Arc<Catalogue>,
    outbox: &OutboxRow,
    n: &NotificationRow,
    recipient: &RecipientNow,
) -> Outcome {
    let Some(mailer) = mailer else {
        return Outcome::Refused(Refusal::MailOff);
    };
    if recipient.active == 0 {
        return Outcome::Refused(Refusal::Inactive);
    }
    let Some(address) = recipient.email.as_deref() else {
        return Outcome::Refused(Refusal::Removed);
    };
    // The rule is applied when sending too: the list may have changed since the address
    // was saved or the e-mail queued.
    if !rules::domain_allowed(address, &mailer.allowed_domains) {
        return Outcome::Refused(Refusal::Domain);
    }
    let Ok(to) = address.parse::<Mailbox>() else {
        return Outcome::Refused(Refusal::Address);
    };
    let lang = Lang::parse(&recipient.language).unwrap_or_default();
    let message = match mailer.compose(catalogue, lang, outbox, n, to) {
        Ok(m) => m,
        Err(error) => {
            return Outcome::Failed {
                error,
                permanent: true,
            }
        }
    };
    match mailer.transport.send(message).await {
        Ok(_) => Outcome::Sent,
        Err(e) => Outcome::Failed {
            permanent: e.is_permanent(),
            error: e.to_string(),
        },
    }
}
