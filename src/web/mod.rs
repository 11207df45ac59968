//! The web layer: one module per area, each with its `config`. Handlers parse, call a
//! service, render.

pub mod accessibility;
pub mod accounts;
pub mod admin;
pub mod analysis;
pub mod api;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod client;
pub mod csrf;
pub mod dashboard;
pub mod errors;
pub mod forum;
pub mod home;
pub mod language;
pub mod layout;
pub mod measures;
pub mod metrics;
pub mod notices;
pub mod notifications;
pub mod observe;
pub mod rate_limit;
pub mod references;
pub mod report_templates;
pub mod reports;
pub mod review;
pub mod routes;
pub mod session;
pub mod submissions;

use actix_web::web;

use self::routes::{RouteEntry, Routes};

use crate::configuration::Settings;
use crate::db::Database;

/// Shared application state: the database and the settings. No global statics.
pub struct AppState {
    pub db: Database,
    pub settings: Settings,
    /// Signals per period, recomputed when the accepted data changes.
    pub signals: std::sync::Arc<crate::services::signals::SignalCache>,
    /// The dashboard pages' models, recomputed when the data they read changes.
    pub dashboards: dashboard::DashboardCache,
    /// Calls per bearer token (this instance only).
    pub api_limiter: rate_limit::RateLimiter,
    /// This instance's Prometheus metrics (read on the metrics listener).
    pub metrics: std::sync::Arc<crate::metrics::Metrics>,
    /// The message catalogues (Swedish and English).
    pub catalogue: std::sync::Arc<crate::i18n::Catalogue>,
}

/// Registers every route of the application on actix.
pub fn config(cfg: &mut web::ServiceConfig) {
    register(&mut Routes::new(cfg));
}

/// Every route the application registers, as (method, path): the same `config` functions
/// the server runs, recorded without a server.
pub fn route_table() -> Vec<RouteEntry> {
    let mut r = Routes::recording();
    register(&mut r);
    r.into_table()
}

/// The one list of modules whose routes the application serves.
fn register(r: &mut Routes) {
    admin::config(r);
    accounts::config(r);
    api::config(r);
    analysis::config(r);
    language::config(r);
    assets::config(r);
    accessibility::config(r);
    session::config(r);
    home::config(r);
    submissions::config(r);
    review::config(r);
    dashboard::config(r);
    reports::config(r);
    audit::config(r);
    report_templates::config(r);
    measures::config(r);
    forum::config(r);
    notices::config(r);
    notifications::config(r);
    references::config(r);
}
