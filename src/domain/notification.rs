//! Notifications (meddelanden): what they are about, how their text is stored (a catalogue
//! key and typed arguments, so the list and the e-mail are written in the reader's own
//! language), the rules for e-mail addresses, deadline reminders and retries.
//!
//! A notification never carries free text from users (no comment, no title): only codes,
//! numbers and dates, and a link to the page where the reader, logged in, sees the rest.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::message::{Arg, Msg};
use crate::key;

/// What a notification is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    SubmissionReturned,
    SubmissionAccepted,
    DeadlineReminder,
    EditionAwaitingApproval,
    EditionPublished,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::SubmissionReturned,
        Kind::SubmissionAccepted,
        Kind::DeadlineReminder,
        Kind::EditionAwaitingApproval,
        Kind::EditionPublished,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::SubmissionReturned => "submission_returned",
            Self::SubmissionAccepted => "submission_accepted",
            Self::DeadlineReminder => "deadline_reminder",
            Self::EditionAwaitingApproval => "edition_awaiting_approval",
            Self::EditionPublished => "edition_published",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The notice's text (in the list and as the e-mail's first paragraph).
    pub fn message_key(self) -> &'static str {
        match self {
            Self::SubmissionReturned => key!("notifications-submission-returned"),
            Self::SubmissionAccepted => key!("notifications-submission-accepted"),
            Self::DeadlineReminder => key!("notifications-deadline-reminder"),
            Self::EditionAwaitingApproval => key!("notifications-edition-awaiting-approval"),
            Self::EditionPublished => key!("notifications-edition-published"),
        }
    }

    /// The e-mail's subject.
    pub fn subject_key(self) -> &'static str {
        match self {
            Self::SubmissionReturned => key!("notifications-subject-submission-returned"),
            Self::SubmissionAccepted => key!("notifications-subject-submission-accepted"),
            Self::DeadlineReminder => key!("notifications-subject-deadline-reminder"),
            Self::EditionAwaitingApproval => {
                key!("notifications-subject-edition-awaiting-approval")
            }
            Self::EditionPublished => key!("notifications-subject-edition-published"),
        }
    }

    /// The text of the link to the page the notice is about.
    pub fn link_key(self) -> &'static str {
        match self {
            Self::SubmissionReturned | Self::SubmissionAccepted => {
                key!("notifications-link-submission")
            }
            Self::DeadlineReminder => key!("notifications-link-reporting"),
            Self::EditionAwaitingApproval | Self::EditionPublished => {
                key!("notifications-link-edition")
            }
        }
    }
}

/// The argument names a stored notification may carry (the catalogue's `$names`). A
/// message argument's name is `&'static str`; a stored one is mapped back through this
/// list, and an unknown one is dropped.
const ARG_NAMES: [&str; 5] = ["period", "edition", "version", "deadline", "days"];

/// An argument as stored: typed, so numbers and dates are written the reader's way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Stored {
    Text(String),
    Int(i64),
    Date(NaiveDate),
}

/// The arguments of a notification's message as stored (a JSON object).
#[derive(Debug, Clone, Default)]
pub struct Args(BTreeMap<&'static str, Stored>);

impl Args {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        debug_assert!(ARG_NAMES.contains(&name), "{name}: add it to ARG_NAMES");
        self.0.insert(name, Stored::Text(value.into()));
        self
    }

    pub fn int(mut self, name: &'static str, value: i64) -> Self {
        debug_assert!(ARG_NAMES.contains(&name), "{name}: add it to ARG_NAMES");
        self.0.insert(name, Stored::Int(value));
        self
    }

    pub fn date(mut self, name: &'static str, value: NaiveDate) -> Self {
        debug_assert!(ARG_NAMES.contains(&name), "{name}: add it to ARG_NAMES");
        self.0.insert(name, Stored::Date(value));
        self
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "{}".into())
    }
}

/// The stored key and arguments as a message for [`crate::i18n::Tr::msg`].
pub fn message(key: &str, args_json: &str) -> Msg {
    let stored: BTreeMap<String, Stored> = serde_json::from_str(args_json).unwrap_or_default();
    let mut msg = Msg::dynamic(key.to_string());
    for (name, value) in stored {
        let Some(name) = ARG_NAMES.iter().find(|n| **n == name) else {
            continue;
        };
        msg = msg.arg(
            name,
            match value {
                Stored::Text(t) => Arg::Text(t),
                Stored::Int(n) => Arg::Int(n),
                Stored::Date(d) => Arg::Date(d),
            },
        );
    }
    msg
}

/// The longest e-mail address accepted (RFC 5321's path limit less the brackets).
pub const MAX_EMAIL_CHARS: usize = 254;

/// A work e-mail address as entered: trimmed; the domain in lower case. `Ok(None)`: the
/// field was left empty (no e-mail). Deliberately stricter than RFC 5322 (no quoted local
/// parts, no comments, no IP literals): an address an agency gives its staff passes.
pub fn parse_email(raw: &str) -> Result<Option<String>, Msg> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let invalid = || Msg::new("notifications-email-invalid");
    if s.chars().count() > MAX_EMAIL_CHARS {
        return Err(invalid());
    }
    let (local, domain) = s.split_once('@').ok_or_else(invalid)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let domain = domain.to_ascii_lowercase();
    if !local_ok || !is_domain(&domain) {
        return Err(invalid());
    }
    Ok(Some(format!("{local}@{domain}")))
}

/// A host name with at least two labels of letters, digits and hyphens.
pub fn is_domain(d: &str) -> bool {
    let labels: Vec<&str> = d.split('.').collect();
    d.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// The domain of an address, in lower case.
pub fn domain_of(address: &str) -> Option<String> {
    address
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
        .filter(|d| !d.is_empty())
}

/// Whether mail may go to `address`: its domain is exactly one of `allowed` (lower case).
/// A subdomain is a domain of its own and must be listed.
pub fn domain_allowed(address: &str, allowed: &[String]) -> bool {
    domain_of(address).is_some_and(|d| allowed.contains(&d))
}

/// Which reminder is due on `today` for a deadline: the smallest of `days` that the days
/// left are within (so after a pause only the nearest reminder is made, not every one that
/// was missed). `None` before the first reminder and after the deadline.
pub fn reminder_stage(today: NaiveDate, deadline: NaiveDate, days: &[u32]) -> Option<u32> {
    let left = (deadline - today).num_days();
    if left < 0 {
        return None;
    }
    days.iter().copied().filter(|n| left <= i64::from(*n)).min()
}

/// Attempts at sending one e-mail before it is given up (status `failed`).
pub const MAX_MAIL_ATTEMPTS: i32 = 10;

/// Seconds to wait before the next attempt after `attempts` failed ones: 30 s doubling,
/// at most an hour (ten attempts span about three hours).
pub fn retry_delay_secs(attempts: i32) -> i64 {
    let exp = attempts.clamp(1, 8) - 1;
    (30_i64 << exp).min(3600)
}

/// A server's or library's error text with every e-mail address taken out, for the log
/// and the outbox's `last_error` (an SMTP reply often repeats the recipient).
pub fn redact_addresses(text: &str) -> String {
    let one_line: Vec<&str> = text.split_whitespace().collect();
    let redacted: Vec<String> = one_line
        .into_iter()
        .map(|w| {
            if w.contains('@') {
                "[address]".to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    let mut s = redacted.join(" ");
    if s.chars().count() > 500 {
        s = s.chars().take(500).collect();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn kinds_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.code()), Some(k));
        }
        assert_eq!(Kind::parse("nope"), None);
    }

    #[test]
    fn stored_arguments_come_back_typed_and_unknown_names_are_dropped() {
        let json = Args::new()
            .text("period", "2026-Q3")
            .int("days", 7)
            .date("deadline", d("2026-10-15"))
            .to_json();
        let m = message("notifications-deadline-reminder", &json);
        assert_eq!(m.key, "notifications-deadline-reminder");
        assert!(m.args.contains(&("period", Arg::Text("2026-Q3".into()))));
        assert!(m.args.contains(&("days", Arg::Int(7))));
        assert!(m.args.contains(&("deadline", Arg::Date(d("2026-10-15")))));
        let m = message("k", r#"{"evil":{"text":"x"},"days":{"int":1}}"#);
        assert_eq!(m.args, vec![("days", Arg::Int(1))]);
        // Broken JSON: the message without arguments rather than an error page.
        assert!(message("k", "not json").args.is_empty());
    }

    #[test]
    fn reminder_messages_render_in_both_languages() {
        let cat = std::sync::Arc::new(crate::i18n::Catalogue::load().unwrap());
        let json = Args::new()
            .text("period", "2026-Q3")
            .int("days", 1)
            .date("deadline", d("2026-10-15"))
            .to_json();
        let m = message(Kind::DeadlineReminder.message_key(), &json);
        let sv = cat.tr(crate::i18n::Lang::Sv).msg(&m);
        let en = cat.tr(crate::i18n::Lang::En).msg(&m);
        assert!(
            sv.contains("2026-10-15") && sv.contains("(i morgon)"),
            "{sv}"
        );
        assert!(
            en.contains("15 Oct 2026") && en.contains("(tomorrow)"),
            "{en}"
        );
        let json = Args::new().int("days", 7).to_json();
        let m = message(Kind::DeadlineReminder.message_key(), &json);
        assert!(cat.tr(crate::i18n::Lang::Sv).msg(&m).contains("om 7 dagar"));
        assert!(cat.tr(crate::i18n::Lang::En).msg(&m).contains("in 7 days"));
    }

    #[test]
    fn email_addresses_are_checked_and_the_domain_lowercased() {
        assert_eq!(
            parse_email("  Anna.Berg@Skatteverket.SE ").unwrap(),
            Some("Anna.Berg@skatteverket.se".into())
        );
        assert_eq!(parse_email("").unwrap(), None);
        for bad in [
            "anna",
            "anna@",
            "@skv.se",
            "anna@skv",
            "anna@@skv.se",
            "an na@skv.se",
            "anna@skv..se",
            "anna@-skv.se",
            "<anna@skv.se>",
            "anna@skv.se\r\nBcc: x@y.se",
            ".anna@skv.se",
        ] {
            assert!(parse_email(bad).is_err(), "{bad:?}");
        }
        let long = format!("{}@skv.se", "a".repeat(65));
        assert!(parse_email(&long).is_err());
    }

    #[test]
    fn only_listed_domains_receive_mail() {
        let allowed = vec!["skatteverket.se".to_string(), "polisen.se".to_string()];
        assert!(domain_allowed("a@skatteverket.se", &allowed));
        assert!(domain_allowed("a@POLISEN.se", &allowed));
        assert!(!domain_allowed("a@mail.polisen.se", &allowed));
        assert!(!domain_allowed("a@gmail.com", &allowed));
        assert!(!domain_allowed("a@skatteverket.se", &[]));
        assert!(!domain_allowed("no-at-sign", &allowed));
    }

    #[test]
    fn the_nearest_reminder_is_due_once_its_day_has_come() {
        let deadline = d("2026-10-15");
        let days = [7, 1];
        assert_eq!(reminder_stage(d("2026-10-01"), deadline, &days), None);
        assert_eq!(reminder_stage(d("2026-10-08"), deadline, &days), Some(7));
        assert_eq!(reminder_stage(d("2026-10-13"), deadline, &days), Some(7));
        assert_eq!(reminder_stage(d("2026-10-14"), deadline, &days), Some(1));
        assert_eq!(reminder_stage(d("2026-10-15"), deadline, &days), Some(1));
        assert_eq!(reminder_stage(d("2026-10-16"), deadline, &days), None);
        assert_eq!(reminder_stage(d("2026-10-14"), deadline, &[]), None);
    }

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!(retry_delay_secs(1), 30);
        assert_eq!(retry_delay_secs(2), 60);
        assert_eq!(retry_delay_secs(5), 480);
        assert_eq!(retry_delay_secs(8), 3600);
        assert_eq!(retry_delay_secs(50), 3600);
        let total: i64 = (1..MAX_MAIL_ATTEMPTS).map(retry_delay_secs).sum();
        assert!(total > 3 * 3600 && total < 8 * 3600, "{total}");
    }

    #[test]
    fn addresses_are_taken_out_of_error_texts() {
        assert_eq!(
            redact_addresses("550 5.1.1 <anna@skv.se>: Recipient\n address rejected"),
            "550 5.1.1 [address] Recipient address rejected"
        );
    }
}
