//! Builds the HTTP application: state, middleware, routes. Used by `serve` and by the
//! integration tests (which bind port 0).

use std::net::TcpListener;

use actix_session::config::CookieContentSecurity;
use actix_session::storage::CookieSessionStore;
use actix_session::SessionMiddleware;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::middleware::{from_fn, DefaultHeaders};
use actix_web::{App, HttpResponse, HttpServer};

use crate::configuration::Settings;
use crate::db::Database;
use crate::error::{AppError, AppResult};
use crate::metrics::Metrics;
use crate::services::scheduler::Scheduler;
use crate::web::{self as routes, AppState};

pub struct Application {
    port: u16,
    server: Server,
    /// The metrics listener's port and server, when `LAGESBILD_METRICS_ADDR` is set.
    metrics: Option<(u16, Server)>,
    /// The background scheduler; its timer runs with the server unless
    /// `LAGESBILD_SCHEDULER=off`.
    scheduler: Scheduler,
    run_scheduler: bool,
}

/// After the server has stopped, how long a scheduler round in progress may take to finish.
const SCHEDULER_STOP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Request body limits: forms are small; uploads get their own limit later.
const FORM_LIMIT: usize = 256 * 1024;

impl Application {
    /// Binds `addr` (port 0 picks a free port) and prepares the server.
    pub fn build(settings: Settings, db: Database, addr: &str) -> AppResult<Self> {
        let listener = TcpListener::bind(addr)
            .map_err(|e| AppError::Config(format!("Kan inte lyssna på {addr}: {e}")))?;
        let port = listener
            .local_addr()
            .map_err(|e| AppError::Config(e.to_string()))?
            .port();
        crate::charts::register_fonts();
        let key = match &settings.session_key {
            Some(bytes) => Key::from(bytes),
            None => Key::generate(),
        };
        let cookie_secure = settings.cookie_secure;
        let shutdown_timeout = settings.shutdown_timeout_secs;
        let api_limiter = routes::rate_limit::RateLimiter::new(settings.api_rate_per_minute);
        let metrics = std::sync::Arc::new(Metrics::new());
        let metrics_server = match &settings.metrics_addr {
            Some(addr) => Some(metrics_server(
                addr,
                settings.metrics_token.as_deref(),
                db.clone(),
                metrics.clone(),
            )?),
            None => None,
        };
        let catalogue =
            std::sync::Arc::new(crate::i18n::Catalogue::load().map_err(AppError::Config)?);
        let scheduler = Scheduler::new(
            db.clone(),
            &settings.notifications,
            catalogue.clone(),
            metrics.clone(),
        )?;
        let run_scheduler = settings.notifications.scheduler;
        let state = actix_web::web::Data::new(AppState {
            db,
            api_limiter,
            settings,
            signals: Default::default(),
            dashboards: Default::default(),
            metrics,
            catalogue,
        });
        let methods =
            actix_web::web::Data::new(routes::routes::MethodIndex::new(&routes::route_table()));
        let server = HttpServer::new(move || {
            let sessions = SessionMiddleware::builder(CookieSessionStore::default(), key.clone())
                .cookie_name("lagesbild_session".into())
                .cookie_secure(cookie_secure)
                .cookie_http_only(true)
                .cookie_same_site(SameSite::Strict)
                .cookie_content_security(CookieContentSecurity::Private)
                .build();
            App::new()
                .app_data(state.clone())
                .app_data(methods.clone())
                .app_data(web_config::form())
                .app_data(web_config::query())
                .app_data(web_config::path())
                .configure(routes::config)
                .default_service(actix_web::web::to(not_found))
                .wrap(from_fn(routes::csrf::guard))
                // Outside the CSRF check, so its refusals are rendered in the language too.
                .wrap(from_fn(routes::language::localise_errors))
                .wrap(sessions)
                .wrap(security_headers(cookie_secure))
                // Outermost: request id, access log and metrics see every response.
                .wrap(from_fn(routes::observe::observe))
        })
        // SIGTERM: stop accepting at once, then wait up to this long for requests in
        // flight before exiting. Ctrl+C (SIGINT) and SIGQUIT stop at once.
        .shutdown_timeout(shutdown_timeout)
        .listen(listener)
        .map_err(|e| AppError::Config(e.to_string()))?
        .run();
        Ok(Self {
            port,
            server,
            metrics: metrics_server,
            scheduler,
            run_scheduler,
        })
    }

    /// This instance's scheduler (tests run its rounds directly).
    pub fn scheduler(&self) -> Scheduler {
        self.scheduler.clone()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The metrics listener's port, when there is one.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(port, _)| *port)
    }

    /// Runs until the application's server stops (SIGTERM, SIGINT); the metrics listener
    /// keeps answering while requests in flight finish, then stops with it.
    /// The scheduler runs alongside and stops after the server, finishing a round in
    /// progress and giving up its lease.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let scheduler = self
            .run_scheduler
            .then(|| tokio::spawn(self.scheduler.clone().run(stopped)));
        let result = match self.metrics {
            None => self.server.await,
            Some((_, metrics)) => {
                let handle = metrics.handle();
                let metrics_task = tokio::spawn(metrics);
                let result = self.server.await;
                handle.stop(false).await;
                let _ = metrics_task.await;
                result
            }
        };
        let _ = stop.send(true);
        if let Some(task) = scheduler {
            if tokio::time::timeout(SCHEDULER_STOP_TIMEOUT, task)
                .await
                .is_err()
            {
                tracing::warn!("the scheduler did not stop in time; its round is abandoned");
            }
        }
        result
    }
}

/// The metrics listener: `/metrics` only, one worker, no signal handling of its own (the
/// application's server stops it). A non-loopback address needs the bearer token.
fn metrics_server(
    addr: &str,
    token: Option<&str>,
    db: Database,
    metrics: std::sync::Arc<Metrics>,
) -> AppResult<(u16, Server)> {
    let listener = TcpListener::bind(addr).map_err(|e| {
        AppError::Config(format!(
            "Kan inte lyssna på {addr} (LAGESBILD_METRICS_ADDR): {e}"
        ))
    })?;
    let local = listener
        .local_addr()
        .map_err(|e| AppError::Config(e.to_string()))?;
    if token.is_none() && !local.ip().is_loopback() {
        return Err(AppError::Config(format!(
            "LAGESBILD_METRICS_ADDR={addr} kan nås från andra datorer. Ange LAGESBILD_METRICS_TOKEN (minst {} tecken) eller lyssna på 127.0.0.1.",
            crate::configuration::MIN_METRICS_TOKEN_CHARS
        )));
    }
    let endpoint =
        actix_web::web::Data::new(routes::metrics::MetricsEndpoint::new(db, metrics, token));
    let server = HttpServer::new(move || {
        App::new()
            .app_data(endpoint.clone())
            .configure(routes::metrics::config)
    })
    .workers(1)
    .disable_signals()
    .listen(listener)
    .map_err(|e| AppError::Config(e.to_string()))?
    .run();
    Ok((local.port(), server))
}

/// No route matched: 405 with `Allow` when the path exists for other methods, else 404.
async fn not_found(req: actix_web::HttpRequest) -> Result<HttpResponse, actix_web::Error> {
    let allowed = req
        .app_data::<actix_web::web::Data<routes::routes::MethodIndex>>()
        .map(|m| m.allowed(req.path()))
        .unwrap_or_default();
    let err = if allowed.is_empty() {
        AppError::NotFound
    } else {
        AppError::MethodNotAllowed {
            allow: allowed
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    };
    Err(routes::errors::for_path(req.path(), err))
}

/// Headers on every response (a header the handler set wins). `tls`: the service is reached over HTTPS (the same setting
/// that marks the session cookie Secure), so browsers are told to insist on it.
fn security_headers(tls: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new();
    let headers = if tls {
        headers.add((
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    };
    headers
        .add((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "same-origin"))
        .add(("X-Frame-Options", "DENY"))
        // Pages hold data that must not stay in a browser's or a proxy's cache; responses
        // that may be cached (the stylesheet and scripts) set their own.
        .add(("Cache-Control", "no-store"))
}

/// Extractor settings that turn malformed input into our own 400 page, not a bare text.
mod web_config {
    use actix_web::web::{FormConfig, PathConfig, QueryConfig};

    use super::{AppError, FORM_LIMIT};
    use crate::web::errors::for_path;

    pub fn form() -> FormConfig {
        FormConfig::default()
            .limit(FORM_LIMIT)
            .error_handler(|e, req| {
                let err = match e {
                    actix_web::error::UrlencodedError::Overflow { .. } => AppError::too_large(),
                    e => AppError::BadRequest(
                        crate::i18n::Msg::new("error-form-unreadable").arg("detail", e.to_string()),
                    ),
                };
                for_path(req.path(), err)
            })
    }

    pub fn query() -> QueryConfig {
        QueryConfig::default().error_handler(|_, req| {
            for_path(
                req.path(),
                AppError::BadRequest(crate::i18n::Msg::new("error-query-invalid")),
            )
        })
    }

    pub fn path() -> PathConfig {
        PathConfig::default().error_handler(|_, req| for_path(req.path(), AppError::NotFound))
    }
}
