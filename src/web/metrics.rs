//! `/metrics` for Prometheus, on its own listener (`LAGESBILD_METRICS_ADDR`), never on the
//! application's port: the application's port is what the reverse proxy publishes, and
//! with several instances Prometheus must scrape each instance, not whichever one the
//! load balancer picks.
//!
//! Who may read it: whoever reaches the metrics address, and, when
//! `LAGESBILD_METRICS_TOKEN` is set, only with `Authorization: Bearer <token>`. A metrics
//! address reachable from other hosts (not loopback) needs the token; the server refuses to
//! start without it. This is an operator's machine credential, not a user: it does not go
//! through `Authorized<Policy>`, and the listener serves nothing but `/metrics`.

use std::sync::Arc;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::db::Database;
use crate::metrics::{Metrics, PoolUsage, Scrape, CONTENT_TYPE};
use crate::services::operations;

/// What the metrics listener needs.
pub struct MetricsEndpoint {
    pub db: Database,
    pub metrics: Arc<Metrics>,
    /// SHA-256 of the token, compared in constant time.
    token_digest: Option<[u8; 32]>,
}

impl MetricsEndpoint {
    pub fn new(db: Database, metrics: Arc<Metrics>, token: Option<&str>) -> Self {
        Self {
            db,
            metrics,
            token_digest: token.map(|t| Sha256::digest(t.as_bytes()).into()),
        }
    }

    fn admits(&self, req: &HttpRequest) -> bool {
        let Some(expected) = &self.token_digest else {
            return true;
        };
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| Sha256::digest(token.trim().as_bytes()));
        given.is_some_and(|d| bool::from(d.as_slice().ct_eq(expected)))
    }
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/metrics", web::get().to(scrape));
}

async fn scrape(req: HttpRequest, ep: web::Data<MetricsEndpoint>) -> HttpResponse {
    if !ep.admits(&req) {
        return HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\""))
            .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
            .body("Ange Authorization: Bearer <LAGESBILD_METRICS_TOKEN>.\n");
    }
    // The pool before the scrape's own query takes a connection from it.
    let (connections, idle, max_size) = ep.db.pool_usage();
    let submissions = ep.db.run(operations::submissions_by_status).await.ok();
    let scrape = Scrape {
        pool: PoolUsage {
            connections,
            idle,
            max_size,
        },
        submissions,
    };
    match ep.metrics.render(&scrape) {
        Ok(text) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, CONTENT_TYPE))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(text),
        Err(e) => {
            tracing::error!(error = %e, "metrics could not be rendered");
            HttpResponse::InternalServerError().finish()
        }
    }
}
