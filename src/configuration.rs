//! Configuration from flags and the environment (`LAGESBILD_*`, `DATABASE_URL`); no globals.

use std::path::PathBuf;

use crate::domain::report::{MarkingPolicy, Tlp};
use crate::error::AppError;

/// Which database the URL names. Chosen from the scheme, never by trial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub const DEFAULT: &'static str = "data/lagesbild.db";

    /// `postgres://…` or `postgresql://…` selects PostgreSQL; `sqlite://path`, `sqlite:path`
    /// or a bare path selects SQLite.
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(AppError::Config(
                "DATABASE_URL är tom. Ange en sökväg till en SQLite-fil eller en postgres://-adress."
                    .into(),
            ));
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(Self::Postgres(raw.to_string()));
        }
        if let Some((scheme, _)) = raw.split_once("://") {
            if scheme != "sqlite" && scheme != "file" {
                return Err(AppError::Config(format!(
                    "Databasadressen har ett okänt schema ”{scheme}”. Använd postgres://… eller en sökväg till en SQLite-fil."
                )));
            }
        }
        let path = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
            .or_else(|| raw.strip_prefix("file://"))
            .unwrap_or(raw);
        Ok(Self::Sqlite(PathBuf::from(path)))
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "SQLite",
            Self::Postgres(_) => "PostgreSQL",
        }
    }
}

/// Settings the web application needs at run time.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    /// Mark the session cookie `Secure` (set when served behind TLS).
    pub cookie_secure: bool,
    /// Key for signing and encrypting the session cookie (64 bytes). Several instances
    /// behind one load balancer must share it; when unset, a random key is made at start.
    pub session_key: Option<Vec<u8>>,
    /// The classification marking printed on every page of a report, and the least an
    /// edition may carry.
    pub default_marking: String,
    /// The markings an edition may carry (least restrictive first) and the minimum TLP.
    pub markings: MarkingPolicy,
    /// Database connections per instance.
    pub pool_size: u32,
    /// A session ends after this long without a request.
    pub session_idle_secs: i64,
    /// A session ends this long after login, whatever happens.
    pub session_max_secs: i64,
    /// Disclosure control: cells with 0 < n < this are suppressed.
    pub min_cell: u64,
    /// Signals: the false-alarm rate α of the detector.
    pub signal_alpha: f64,
    /// On SIGTERM the server stops accepting connections and gives requests in flight this
    /// long to finish before it exits (Ctrl+C and SIGQUIT stop it at once).
    pub shutdown_timeout_secs: u64,
    /// API calls per minute allowed for one bearer token (per instance).
    pub api_rate_per_minute: u32,
    /// Where Prometheus scrapes `/metrics` (its own listener, never the application's
    /// port); `None`: no metrics listener.
    pub metrics_addr: Option<String>,
    /// When set, `/metrics` answers only `Authorization: Bearer <this>`. Required when the
    /// metrics listener is reachable from other hosts (not bound to loopback).
    pub metrics_token: Option<String>,
    /// Notifications, e-mail and the background scheduler.
    pub notifications: NotificationSettings,
    /// Reverse proxies whose `X-Forwarded-For` names the client (login throttling per
    /// address); empty: the connection's own address counts.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Roles that must sign in with two-step verification (a one-time code after the
    /// password); their users are sent to set it up before anything else.
    pub two_factor_roles: Vec<crate::domain::role::Role>,
}

impl Settings {
    /// Reads the optional settings from the environment. The database URL comes from
    /// the caller (flag or `DATABASE_URL`).
    pub fn from_env(database_url: DatabaseUrl) -> Result<Self, AppError> {
        let cookie_secure = env_bool("LAGESBILD_COOKIE_SECURE")?.unwrap_or(false);
        let session_key = match std::env::var("LAGESBILD_SESSION_KEY") {
            Ok(hex_key) if !hex_key.trim().is_empty() => {
                let bytes = hex::decode(hex_key.trim()).map_err(|_| {
                    AppError::Config(
                        "LAGESBILD_SESSION_KEY ska vara 128 hexadecimala tecken (64 byte).".into(),
                    )
                })?;
                if bytes.len() < 64 {
                    return Err(AppError::Config(
                        "LAGESBILD_SESSION_KEY är för kort: ange 64 byte som 128 hexadecimala tecken."
                            .into(),
                    ));
                }
                Some(bytes)
            }
            _ => None,
        };
        let default_marking = std::env::var("LAGESBILD_DEFAULT_MARKING")
            .ok()
            .filter(|m| !m.trim().is_empty())
            .unwrap_or_else(|| "Intern".to_string());
        let markings = marking_policy(&default_marking)?;
        let pool_size = env_u32("LAGESBILD_DB_POOL_SIZE", 8)?;
        let session_idle_secs = env_u32("LAGESBILD_SESSION_IDLE_MINUTES", 30)? as i64 * 60;
        let session_max_secs = env_u32("LAGESBILD_SESSION_MAX_HOURS", 12)? as i64 * 3600;
        let min_cell = u64::from(env_u32("LAGESBILD_MIN_CELL", 3)?);
        let signal_alpha = match std::env::var("LAGESBILD_SIGNAL_ALPHA") {
            Ok(v) => v
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|a| *a > 0.0 && *a < 0.5)
                .ok_or_else(|| {
                    AppError::Config(
                        "LAGESBILD_SIGNAL_ALPHA ska vara ett tal mellan 0 och 0.5, t.ex. 0.05."
                            .into(),
                    )
                })?,
            Err(_) => 0.05,
        };
        let shutdown_timeout_secs = u64::from(env_u32("LAGESBILD_SHUTDOWN_TIMEOUT_SECS", 30)?);
        let api_rate_per_minute = env_u32("LAGESBILD_API_RATE_PER_MINUTE", 600)?;
        let metrics_addr = env_nonempty("LAGESBILD_METRICS_ADDR");
        let metrics_token = env_nonempty("LAGESBILD_METRICS_TOKEN");
        if let Some(t) = &metrics_token {
            if t.chars().count() < MIN_METRICS_TOKEN_CHARS {
                return Err(AppError::Config(format!(
                    "LAGESBILD_METRICS_TOKEN är för kort: ange minst {MIN_METRICS_TOKEN_CHARS} tecken, t.ex. från `openssl rand -hex 32`."
                )));
            }
        }
        let notifications = NotificationSettings::from_env()?;
        let trusted_proxies = match env_nonempty("LAGESBILD_TRUSTED_PROXIES") {
            Some(list) => list
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| {
                    a.parse().map_err(|_| {
                        AppError::Config(format!(
                            "LAGESBILD_TRUSTED_PROXIES: ”{a}” är ingen IP-adress. Ange proxyns adresser med kommatecken emellan, t.ex. 127.0.0.1,::1."
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
            None => Vec::new(),
        };
        let two_factor_roles = match std::env::var("LAGESBILD_TWO_FACTOR_ROLES") {
            Ok(list) => parse_roles(&list)?,
            // Administrators and approvers: they change who may do what, and what the
            // Government Offices receive.
            Err(_) => vec![
                crate::domain::role::Role::Admin,
                crate::domain::role::Role::Approver,
            ],
        };
        Ok(Self {
            two_factor_roles,
            trusted_proxies,
            notifications,
            metrics_addr,
            metrics_token,
            shutdown_timeout_secs,
            api_rate_per_minute,
            signal_alpha,
            min_cell,
            session_idle_secs,
            session_max_secs,
            database_url,
            cookie_secure,
            session_key,
            default_marking,
            markings,
            pool_size,
        })
    }
}

/// Notifications, e-mail and the background scheduler (`LAGESBILD_SMTP_URL`,
/// `LAGESBILD_MAIL_*`, `LAGESBILD_PUBLIC_URL`, `LAGESBILD_REMINDER_DAYS`,
/// `LAGESBILD_SCHEDULER*`). Without an SMTP server and a list of allowed domains no
/// e-mail goes out at all: notices are shown in the application only.
#[derive(Debug, Clone)]
pub struct NotificationSettings {
    /// Where e-mail is handed over, e.g. `smtp://127.0.0.1:25` (plain SMTP to a relay on
    /// loopback or the internal network).
    pub smtp_url: Option<String>,
    /// The sender, e.g. `Lägesbild <lagesbild@idcentrum.se>`.
    pub mail_from: Option<String>,
    /// The only domains e-mail may go to, in lower case; empty: no e-mail at all.
    pub allowed_domains: Vec<String>,
    /// The service's address as users reach it, without a trailing `/`, for links in
    /// e-mail (e.g. `https://lagesbild.idcentrum.se`).
    pub public_url: Option<String>,
    /// Reminders this many days before an open period's deadline, largest first.
    pub reminder_days: Vec<u32>,
    /// Whether this instance runs the scheduler (one leads even when several do).
    pub scheduler: bool,
    /// Seconds between the scheduler's rounds.
    pub interval_secs: u64,
    /// Notifications, and the e-mail records with their addresses, are deleted this many
    /// days after they were made (what is still to be sent stays).
    pub retention_days: u32,
}

impl Default for NotificationSettings {
    /// The defaults when no variable is set: no e-mail, reminders 7 and 1 days before a
    /// deadline, the scheduler on every minute.
    fn default() -> Self {
        Self {
            smtp_url: None,
            mail_from: None,
            allowed_domains: Vec::new(),
            public_url: None,
            reminder_days: vec![7, 1],
            scheduler: true,
            interval_secs: 60,
            retention_days: 180,
        }
    }
}

impl NotificationSettings {
    /// E-mail goes out only with both an SMTP server and a list of allowed domains.
    pub fn mail_enabled(&self) -> bool {
        self.smtp_url.is_some() && !self.allowed_domains.is_empty()
    }

    pub fn from_env() -> Result<Self, AppError> {
        let d = Self::default();
        let allowed_domains = match env_nonempty("LAGESBILD_MAIL_ALLOWED_DOMAINS") {
            Some(list) => parse_domains(&list)?,
            None => Vec::new(),
        };
        let reminder_days = match std::env::var("LAGESBILD_REMINDER_DAYS") {
            Ok(v) => parse_reminder_days(&v)?,
            Err(_) => d.reminder_days,
        };
        let scheduler = match std::env::var("LAGESBILD_SCHEDULER") {
            Ok(v) => match v.trim().to_ascii_lowercase().as_str() {
                "" | "on" | "true" | "1" => true,
                "off" | "false" | "0" => false,
                _ => {
                    return Err(AppError::Config(format!(
                        "LAGESBILD_SCHEDULER ska vara on eller off, inte ”{v}”."
                    )))
                }
            },
            Err(_) => true,
        };
        let s = Self {
            smtp_url: env_nonempty("LAGESBILD_SMTP_URL"),
            mail_from: env_nonempty("LAGESBILD_MAIL_FROM"),
            allowed_domains,
            public_url: env_nonempty("LAGESBILD_PUBLIC_URL"),
            reminder_days,
            scheduler,
            interval_secs: u64::from(env_u32("LAGESBILD_SCHEDULER_INTERVAL_SECS", 60)?),
            retention_days: env_u32("LAGESBILD_NOTIFICATION_RETENTION_DAYS", d.retention_days)?,
        };
        s.check()
    }

    /// The start-up error for a mail setting that cannot be used.
    pub fn unusable(var: &str, e: impl std::fmt::Display) -> AppError {
        AppError::Config(format!("{var} kan inte användas: {e}"))
    }

    /// Checks the combination: what e-mail needs is all there, the URLs are URLs. Returns
    /// the settings normalised (no trailing `/` on the public URL).
    pub fn check(mut self) -> Result<Self, AppError> {
        if let Some(url) = &self.public_url {
            let trimmed = url.trim_end_matches('/').to_string();
            let host = trimmed
                .strip_prefix("https://")
                .or_else(|| trimmed.strip_prefix("http://"));
            if !host.is_some_and(|h| !h.is_empty() && !h.contains(['?', '#', ' '])) {
                return Err(AppError::Config(format!(
                    "LAGESBILD_PUBLIC_URL ska vara tjänstens adress som användarna når den, t.ex. https://lagesbild.idcentrum.se, inte ”{url}”."
                )));
            }
            self.public_url = Some(trimmed);
        }
        if let Some(url) = &self.smtp_url {
            parse_smtp_url(url)?;
        }
        if !self.allowed_domains.is_empty() {
            let mut missing = Vec::new();
            if self.smtp_url.is_none() {
                missing.push("LAGESBILD_SMTP_URL");
            }
            if self.mail_from.is_none() {
                missing.push("LAGESBILD_MAIL_FROM");
            }
            if self.public_url.is_none() {
                missing.push("LAGESBILD_PUBLIC_URL");
            }
            if !missing.is_empty() {
                return Err(AppError::Config(format!(
                    "LAGESBILD_MAIL_ALLOWED_DOMAINS är satt, så e-post ska skickas, men {} saknas.",
                    missing.join(" och ")
                )));
            }
        }
        if let Some(from) = &self.mail_from {
            if from.parse::<lettre::message::Mailbox>().is_err() {
                return Err(AppError::Config(format!(
                    "LAGESBILD_MAIL_FROM ska vara en avsändaradress, t.ex. ”Lägesbild <lagesbild@idcentrum.se>”, inte ”{from}”."
                )));
            }
        }
        Ok(self)
    }
}

/// `LAGESBILD_SMTP_URL`: `smtp://host[:port]` (port 25 by default; an IPv6 address in
/// brackets) → host and port. This build speaks plain SMTP only (lettre without a TLS
/// feature), so a TLS scheme or parameter, and credentials that would cross the network
/// in clear, are refused rather than ignored.
pub fn parse_smtp_url(url: &str) -> Result<(String, u16), AppError> {
    let refuse = |why: &str| {
        AppError::Config(format!(
            "LAGESBILD_SMTP_URL ”{url}” kan inte användas: {why}. Ange smtp://värd:port, t.ex. smtp://127.0.0.1:25, till ett e-postombud på samma dator eller i det interna nätet; krypterad överföring (smtps://, ?tls=…) och inloggning stöds inte i den här versionen."
        ))
    };
    let rest = url
        .strip_prefix("smtp://")
        .ok_or_else(|| refuse("adressen ska börja med smtp://"))?;
    if rest.contains(['?', '#']) {
        return Err(refuse("parametrar stöds inte"));
    }
    let authority = rest.split('/').next().unwrap_or("");
    if authority.contains('@') {
        return Err(refuse("inloggningsuppgifter skulle skickas okrypterade"));
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, after) = v6
            .split_once(']')
            .ok_or_else(|| refuse("en IPv6-adress ska stå inom [ ]"))?;
        (h, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err(refuse("värden saknas"));
    }
    let port = match port {
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| refuse("porten ska vara ett tal mellan 1 och 65535"))?,
        None => 25,
    };
    Ok((host.to_string(), port))
}

/// `LAGESBILD_MAIL_ALLOWED_DOMAINS`: comma-separated, case and a leading `@` ignored.
fn parse_domains(list: &str) -> Result<Vec<String>, AppError> {
    let mut out = Vec::new();
    for d in list.split(',') {
        let d = d.trim().trim_start_matches('@').to_ascii_lowercase();
        if d.is_empty() {
            continue;
        }
        if !crate::domain::notification::is_domain(&d) {
            return Err(AppError::Config(format!(
                "LAGESBILD_MAIL_ALLOWED_DOMAINS: ”{d}” är ingen domän. Ange domäner med kommatecken emellan, t.ex. skatteverket.se,polisen.se."
            )));
        }
        if !out.contains(&d) {
            out.push(d);
        }
    }
    Ok(out)
}

/// `LAGESBILD_REMINDER_DAYS`: days before a deadline, e.g. `7,1`; empty: no reminders.
fn parse_reminder_days(list: &str) -> Result<Vec<u32>, AppError> {
    let mut days = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let n = part
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=366).contains(n))
            .ok_or_else(|| {
                AppError::Config(format!(
                    "LAGESBILD_REMINDER_DAYS ska vara antal dagar före sista dag, med kommatecken emellan, t.ex. 7,1 – inte ”{list}”."
                ))
            })?;
        days.push(n);
    }
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    Ok(days)
}

/// The shortest bearer token `/metrics` accepts.
pub const MIN_METRICS_TOKEN_CHARS: usize = 32;

/// How log lines are written (`LAGESBILD_LOG_FORMAT`): readable text, or one JSON object
/// per line for a log collector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    pub fn from_env() -> Result<Self, AppError> {
        match std::env::var("LAGESBILD_LOG_FORMAT") {
            Err(_) => Ok(Self::Text),
            Ok(v) => match v.trim().to_ascii_lowercase().as_str() {
                "" | "text" => Ok(Self::Text),
                "json" => Ok(Self::Json),
                _ => Err(AppError::Config(format!(
                    "LAGESBILD_LOG_FORMAT ska vara text eller json, inte ”{v}”."
                ))),
            },
        }
    }
}

/// `LAGESBILD_TWO_FACTOR_ROLES`: role codes with commas between; empty for none.
fn parse_roles(list: &str) -> Result<Vec<crate::domain::role::Role>, AppError> {
    list.split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| {
            crate::domain::role::Role::parse(r).ok_or_else(|| {
                AppError::Config(format!(
                    "LAGESBILD_TWO_FACTOR_ROLES: ”{r}” är ingen roll. Ange roller med kommatecken emellan bland coordinator, analyst, approver, ministry och admin, eller lämna tomt."
                ))
            })
        })
        .collect()
}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

impl MarkingPolicy {
    /// The markings when `LAGESBILD_MARKINGS` is not set: the names the ID-center's
    /// classification uses, printed as configured in every report language.
    pub fn standard() -> Self {
        Self {
            markings: vec![
                "Öppen".into(),
                "Intern".into(),
                "Begränsad – endast för tjänstebruk".into(),
            ],
            minimum: "Intern".into(),
            minimum_tlp: Tlp::Green,
        }
    }
}

/// `LAGESBILD_MARKINGS` (least restrictive first, separated by `;`) and
/// `LAGESBILD_DEFAULT_TLP`; the default marking must be one of the markings.
fn marking_policy(default_marking: &str) -> Result<MarkingPolicy, AppError> {
    let mut policy = MarkingPolicy::standard();
    if let Ok(list) = std::env::var("LAGESBILD_MARKINGS") {
        let markings: Vec<String> = list
            .split(';')
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .collect();
        if !markings.is_empty() {
            policy.markings = markings;
        }
    }
    if !policy.markings.iter().any(|m| m == default_marking) {
        return Err(AppError::Config(format!(
            "LAGESBILD_DEFAULT_MARKING ”{default_marking}” finns inte i listan över informationsklasser ({}). Lägg till den i LAGESBILD_MARKINGS eller välj en av dem.",
            policy.markings.join("; ")
        )));
    }
    policy.minimum = default_marking.to_string();
    if let Ok(t) = std::env::var("LAGESBILD_DEFAULT_TLP") {
        if !t.trim().is_empty() {
            policy.minimum_tlp = Tlp::parse(&t).ok_or_else(|| {
                AppError::Config(
                    "LAGESBILD_DEFAULT_TLP ska vara CLEAR, GREEN, AMBER eller RED.".into(),
                )
            })?;
        }
    }
    Ok(policy)
}

fn env_u32(name: &str, default: u32) -> Result<u32, AppError> {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| AppError::Config(format!("{name} ska vara ett positivt heltal."))),
        Err(_) => Ok(default),
    }
}

fn env_bool(name: &str) -> Result<Option<bool>, AppError> {
    match std::env::var(name) {
        Ok(v) => match v.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "ja" | "on" => Ok(Some(true)),
            "0" | "false" | "no" | "nej" | "off" | "" => Ok(Some(false)),
            _ => Err(AppError::Config(format!(
                "{name} ska vara true eller false, inte ”{v}”."
            ))),
        },
        Err(_) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_scheme_selects_the_backend() {
        assert_eq!(
            DatabaseUrl::parse("postgres://u@h/db").unwrap(),
            DatabaseUrl::Postgres("postgres://u@h/db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/x.db").unwrap(),
            DatabaseUrl::Sqlite("data/x.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("x.db").unwrap(),
            DatabaseUrl::Sqlite("x.db".into())
        );
        assert!(DatabaseUrl::parse("mysql://h/db").is_err());
        assert!(DatabaseUrl::parse("  ").is_err());
    }

    #[test]
    fn mail_settings_are_checked_as_a_whole() {
        assert_eq!(
            parse_domains(" Skatteverket.se, @polisen.se,,skatteverket.se").unwrap(),
            vec!["skatteverket.se", "polisen.se"]
        );
        assert!(parse_domains("skatteverket").is_err());
        assert_eq!(parse_reminder_days("1, 7,7").unwrap(), vec![7, 1]);
        assert_eq!(parse_reminder_days("").unwrap(), Vec::<u32>::new());
        assert!(parse_reminder_days("0").is_err());
        assert!(parse_reminder_days("sju").is_err());

        let off = NotificationSettings::default().check().unwrap();
        assert!(!off.mail_enabled());
        let on = NotificationSettings {
            smtp_url: Some("smtp://127.0.0.1:25".into()),
            mail_from: Some("Lägesbild <lagesbild@idcentrum.se>".into()),
            allowed_domains: vec!["skatteverket.se".into()],
            public_url: Some("https://lagesbild.idcentrum.se/".into()),
            ..Default::default()
        }
        .check()
        .unwrap();
        assert!(on.mail_enabled());
        assert_eq!(
            on.public_url.as_deref(),
            Some("https://lagesbild.idcentrum.se")
        );
        // Allowed domains without what sending needs.
        let half = NotificationSettings {
            allowed_domains: vec!["skatteverket.se".into()],
            ..Default::default()
        };
        assert!(half.check().is_err());
        assert_eq!(
            parse_smtp_url("smtp://relay.idcentrum.se").unwrap(),
            ("relay.idcentrum.se".to_string(), 25)
        );
        assert_eq!(
            parse_smtp_url("smtp://127.0.0.1:2525/").unwrap(),
            ("127.0.0.1".to_string(), 2525)
        );
        assert_eq!(
            parse_smtp_url("smtp://[::1]:2525").unwrap(),
            ("::1".to_string(), 2525)
        );
        for bad in [
            "smtp://user:secret@relay:25",
            "smtp://relay:25?tls=required",
            "smtp://relay:0",
            "smtp://:25",
            "http://relay",
        ] {
            assert!(parse_smtp_url(bad).is_err(), "{bad}");
        }
        let tls = NotificationSettings {
            smtp_url: Some("smtps://relay:465".into()),
            ..Default::default()
        };
        assert!(tls.check().is_err());
        let bad_from = NotificationSettings {
            mail_from: Some("inte en adress".into()),
            ..Default::default()
        };
        assert!(bad_from.check().is_err());
        let bad_url = NotificationSettings {
            public_url: Some("lagesbild.se".into()),
            ..Default::default()
        };
        assert!(bad_url.check().is_err());
    }
}
