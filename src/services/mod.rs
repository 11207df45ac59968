//! The use-cases: what the pages, the API and the CLI all call. One code path per job.

pub mod accounts;
pub mod aggregation;
pub mod analysis;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod bench;
pub mod cache;
pub mod completeness;
pub mod demo;
pub mod forum;
pub mod mail;
pub mod measures;
pub mod minutes;
pub mod notices;
pub mod notifications;
pub mod operations;
pub mod periods;
pub mod references;
pub mod report;
pub mod risks;
pub mod scheduler;
pub mod signals;
pub mod submissions;
pub mod synthetic;
pub mod taxonomy;
pub mod tokens;
pub mod two_factor;

use chrono::NaiveDateTime;

/// The current instant in UTC, as stored.
pub fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}
