//! Prometheus metrics of one instance: request counts and latencies by route pattern, PDF
//! generation time, and, read when Prometheus scrapes, database pool usage and submissions
//! by status.
//!
//! Each `Application` owns its registry (no global registry, so several instances in one
//! process, as in the tests, count separately). Labels are bounded: routes are the
//! registered patterns (`/submissions/{id}`), never raw paths; unknown methods are
//! `OTHER`; requests that match no route are `unmatched`. No label ever carries user text.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};

use crate::domain::status::SubmissionStatus;
use crate::error::{AppError, AppResult};

/// The route label of a request that matched no registered route.
pub const UNMATCHED_ROUTE: &str = "unmatched";

/// Which PDF was generated (the `document` label of the PDF histogram).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfKind {
    /// `/reports/pdf` and `report pdf --period`: a draft from live data.
    PeriodDraft,
    /// An unpublished edition version, printed as a draft.
    EditionDraft,
    /// Publishing a version: the PDF that is frozen and stored.
    EditionPublish,
    /// Forum minutes.
    Minutes,
}

impl PdfKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::PeriodDraft => "period_draft",
            Self::EditionDraft => "edition_draft",
            Self::EditionPublish => "edition_publish",
            Self::Minutes => "minutes",
        }
    }
}

/// Database pool figures at scrape time (r2d2 `Pool::state()` and the configured size).
#[derive(Debug, Clone, Copy)]
pub struct PoolUsage {
    pub connections: u32,
    pub idle: u32,
    pub max_size: u32,
}

/// What is read from the database when Prometheus scrapes.
#[derive(Debug, Clone)]
pub struct Scrape {
    pub pool: PoolUsage,
    /// Submissions per status; `None` when the database did not answer.
    pub submissions: Option<Vec<(SubmissionStatus, i64)>>,
}

pub struct Metrics {
    registry: Registry,
    http_requests: IntCounterVec,
    http_duration: HistogramVec,
    pdf_seconds: HistogramVec,
    submissions: IntGaugeVec,
    database_up: IntGauge,
    pool_connections: IntGauge,
    pool_idle: IntGauge,
    pool_in_use: IntGauge,
    pool_max: IntGauge,
    mail: IntCounterVec,
    scheduler_leader: IntGauge,
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new_custom(Some("lagesbild".into()), None)
            .expect("the prefix is a valid metric name");
        let http_requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests answered, by method, route pattern and status.",
            ),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let http_duration = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time from receiving a request to its response head, by method and route pattern.",
            )
            .buckets(vec![
                0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
            ]),
            &["method", "route"],
        )
        .expect("valid metric");
        let pdf_seconds = HistogramVec::new(
            HistogramOpts::new(
                "pdf_generation_seconds",
                "Time to lay out and write one PDF (data already gathered), by document.",
            )
            .buckets(vec![0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0]),
            &["document"],
        )
        .expect("valid metric");
        let submissions = IntGaugeVec::new(
            Opts::new(
                "submissions",
                "Submissions by status, read from the database at scrape time.",
            ),
            &["status"],
        )
        .expect("valid metric");
        let gauge = |name: &str, help: &str| IntGauge::new(name, help).expect("valid metric");
        let database_up = gauge(
            "database_up",
            "1 when the database answered the scrape's query, else 0.",
        );
        let pool_connections = gauge(
            "db_pool_connections",
            "Open database connections in this instance's pool.",
        );
        let pool_idle = gauge(
            "db_pool_idle_connections",
            "Open database connections not in use.",
        );
        let pool_in_use = gauge(
            "db_pool_in_use_connections",
            "Database connections in use (open minus idle).",
        );
        let pool_max = gauge(
            "db_pool_max_connections",
            "The pool's size (LAGESBILD_DB_POOL_SIZE).",
        );
        let mail = IntCounterVec::new(
            Opts::new(
                "mail_messages_total",
                "Notification e-mails by outcome: sent, retry (failed, tried again later), failed (given up), refused (domain not allowed, e-mail off, account inactive).",
            ),
            &["outcome"],
        )
        .expect("valid metric");
        let scheduler_leader = gauge(
            "scheduler_leader",
            "1 while this instance leads the background scheduler, else 0.",
        );
        for c in [
            Box::new(http_requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(mail.clone()),
            Box::new(scheduler_leader.clone()),
            Box::new(http_duration.clone()),
            Box::new(pdf_seconds.clone()),
            Box::new(submissions.clone()),
            Box::new(database_up.clone()),
            Box::new(pool_connections.clone()),
            Box::new(pool_idle.clone()),
            Box::new(pool_in_use.clone()),
            Box::new(pool_max.clone()),
        ] {
            registry
                .register(c)
                .expect("each metric is registered once");
        }
        Self {
            registry,
            http_requests,
            http_duration,
            pdf_seconds,
            submissions,
            database_up,
            pool_connections,
            pool_idle,
            pool_in_use,
            pool_max,
            mail,
            scheduler_leader,
        }
    }

    /// One notification e-mail handled: `sent`, `retry`, `failed` or `refused`.
    pub fn observe_mail(&self, outcome: &'static str) {
        self.mail.with_label_values(&[outcome]).inc();
    }

    /// Whether this instance leads the scheduler now.
    pub fn set_scheduler_leader(&self, leader: bool) {
        self.scheduler_leader.set(i64::from(leader));
    }

    /// One answered request. `route` must be a registered pattern or [`UNMATCHED_ROUTE`].
    pub fn observe_request(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let status = status.to_string();
        self.http_requests
            .with_label_values(&[method, route, status.as_str()])
            .inc();
        self.http_duration
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    pub fn observe_pdf(&self, kind: PdfKind, seconds: f64) {
        self.pdf_seconds
            .with_label_values(&[kind.label()])
            .observe(seconds);
    }

    /// The Prometheus text exposition (format 0.0.4) with the scrape-time gauges set.
    pub fn render(&self, scrape: &Scrape) -> AppResult<String> {
        let p = scrape.pool;
        self.pool_connections.set(i64::from(p.connections));
        self.pool_idle.set(i64::from(p.idle));
        self.pool_in_use
            .set(i64::from(p.connections.saturating_sub(p.idle)));
        self.pool_max.set(i64::from(p.max_size));
        match &scrape.submissions {
            Some(counts) => {
                self.database_up.set(1);
                for status in SubmissionStatus::ALL {
                    let n = counts
                        .iter()
                        .filter(|(s, _)| *s == status)
                        .map(|(_, n)| *n)
                        .sum::<i64>();
                    self.submissions.with_label_values(&[status.code()]).set(n);
                }
            }
            None => {
                // Say "unknown" rather than report stale counts.
                self.database_up.set(0);
                self.submissions.reset();
            }
        }
        let mut out = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut out)
            .map_err(AppError::internal)?;
        String::from_utf8(out).map_err(AppError::internal)
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// The method label: the standard methods by name, anything else `OTHER` (a client can
/// send any token as a method; it must not create label values).
pub fn method_label(method: &str) -> &'static str {
    match method {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        _ => "OTHER",
    }
}

/// The content type of the text exposition.
pub const CONTENT_TYPE: &str = prometheus::TEXT_FORMAT;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_requests_pdfs_pool_and_submissions() {
        let m = Metrics::new();
        m.observe_request("GET", "/submissions/{id}", 200, 0.01);
        m.observe_pdf(PdfKind::PeriodDraft, 0.3);
        let text = m
            .render(&Scrape {
                pool: PoolUsage {
                    connections: 3,
                    idle: 1,
                    max_size: 8,
                },
                submissions: Some(vec![(SubmissionStatus::Accepted, 4)]),
            })
            .unwrap();
        assert!(text.contains(
            r#"lagesbild_http_requests_total{method="GET",route="/submissions/{id}",status="200"} 1"#
        ));
        assert!(
            text.contains(r#"lagesbild_pdf_generation_seconds_count{document="period_draft"} 1"#)
        );
        assert!(text.contains("lagesbild_db_pool_in_use_connections 2"));
        assert!(text.contains(r#"lagesbild_submissions{status="accepted"} 4"#));
        assert!(text.contains(r#"lagesbild_submissions{status="draft"} 0"#));
        assert!(text.contains("lagesbild_database_up 1"));
    }

    #[test]
    fn an_unanswered_database_is_down_and_counts_nothing() {
        let m = Metrics::new();
        let text = m
            .render(&Scrape {
                pool: PoolUsage {
                    connections: 0,
                    idle: 0,
                    max_size: 8,
                },
                submissions: None,
            })
            .unwrap();
        assert!(text.contains("lagesbild_database_up 0"));
        assert!(!text.contains("lagesbild_submissions{"));
    }

    #[test]
    fn unknown_methods_share_one_label() {
        assert_eq!(method_label("GET"), "GET");
        assert_eq!(method_label("BREW"), "OTHER");
    }
}
