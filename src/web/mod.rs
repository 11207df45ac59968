//! The web layer: one module per area, each with its `config`. Handlers parse, call a
//! service, render.

pub mod admin;
pub mod analysis;
pub mod api;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod csrf;
pub mod dashboard;
pub mod errors;
pub mod forum;
pub mod home;
pub mod layout;
pub mod measures;
pub mod notices;
pub mod references;
pub mod reports;
pub mod review;
pub mod session;
pub mod submissions;

use actix_web::web;

use crate::configuration::Settings;
use crate::db::Database;

/// Shared application state: the database and the settings. No global statics.
pub struct AppState {
    pub db: Database,
    pub settings: Settings,
    /// Signals per period, recomputed when the accepted data changes.
    pub signals: std::sync::Arc<crate::services::signals::SignalCache>,
}

pub fn config(cfg: &mut web::ServiceConfig) {
    admin::config(cfg);
    audit::config(cfg);
    api::config(cfg);
    analysis::config(cfg);
    assets::config(cfg);
    session::config(cfg);
    home::config(cfg);
    submissions::config(cfg);
    review::config(cfg);
    dashboard::config(cfg);
    reports::config(cfg);
    measures::config(cfg);
    forum::config(cfg);
    notices::config(cfg);
    references::config(cfg);
}
