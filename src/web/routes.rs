//! Route registration goes through [`Routes`], which records every (method, path) it
//! forwards to actix. actix cannot list its routes; this table can, so the access-control
//! matrix and the fuzz tests enumerate exactly the routes the application runs (a new route
//! cannot escape them).
//!
//! In a module's `config`:
//!
//! ```ignore
//! pub fn config(r: &mut Routes) {
//!     r.get("/things", list)
//!         .post("/things", create)
//!         // a route that needs its own extractor settings (body limits, …):
//!         .post_with("/things.csv", web::PayloadConfig::new(LIMIT), import);
//! }
//! ```

use actix_web::dev::{HttpServiceFactory, ResourceDef};
use actix_web::http::Method;
use actix_web::{web, FromRequest, Handler, Responder};

/// One registered route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteEntry {
    pub method: Method,
    /// The path pattern as registered, e.g. `/submissions/{id}/lines`.
    pub path: &'static str,
}

impl std::fmt::Display for RouteEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// Registers routes on an actix `ServiceConfig` and records them. Without a
/// `ServiceConfig` (see [`Routes::recording`]) it only records.
pub struct Routes<'a> {
    cfg: Option<&'a mut web::ServiceConfig>,
    table: Vec<RouteEntry>,
}

impl<'a> Routes<'a> {
    pub fn new(cfg: &'a mut web::ServiceConfig) -> Self {
        Self {
            cfg: Some(cfg),
            table: Vec::new(),
        }
    }

    /// Records only: for listing the routes outside a running server.
    pub fn recording() -> Routes<'static> {
        Routes {
            cfg: None,
            table: Vec::new(),
        }
    }

    /// The routes registered so far, in registration order.
    pub fn table(&self) -> &[RouteEntry] {
        &self.table
    }

    pub fn into_table(self) -> Vec<RouteEntry> {
        self.table
    }

    pub fn get<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.route(Method::GET, path, handler)
    }

    pub fn post<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.route(Method::POST, path, handler)
    }

    /// A POST route with its own app data (e.g. a `PayloadConfig` with a larger limit).
    pub fn post_with<D, F, Args>(&mut self, path: &'static str, data: D, handler: F) -> &mut Self
    where
        D: 'static,
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.record(Method::POST, path);
        self.service(
            web::resource(path)
                .app_data(data)
                .route(web::post().to(handler)),
        );
        self
    }

    fn route<F, Args>(&mut self, method: Method, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.record(method.clone(), path);
        if let Some(cfg) = self.cfg.as_deref_mut() {
            cfg.route(path, web::method(method).to(handler));
        }
        self
    }

    fn record(&mut self, method: Method, path: &'static str) {
        self.table.push(RouteEntry { method, path });
    }

    fn service(&mut self, factory: impl HttpServiceFactory + 'static) {
        if let Some(cfg) = self.cfg.as_deref_mut() {
            cfg.service(factory);
        }
    }
}

/// Which methods each registered path pattern answers: a request for a known path with
/// another method gets 405 and an `Allow` header, not 404.
pub struct MethodIndex(Vec<(ResourceDef, Method)>);

impl MethodIndex {
    pub fn new(table: &[RouteEntry]) -> Self {
        Self(
            table
                .iter()
                .map(|r| (ResourceDef::new(r.path), r.method.clone()))
                .collect(),
        )
    }

    /// The methods registered for `path` (empty when no pattern matches it).
    pub fn allowed(&self, path: &str) -> Vec<Method> {
        let mut methods: Vec<Method> = Vec::new();
        for (def, method) in &self.0 {
            if def.is_match(path) && !methods.contains(method) {
                methods.push(method.clone());
            }
        }
        methods
    }
}
