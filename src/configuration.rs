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
        Ok(Self {
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
}
