//! How errors reach the user: an HTML page in the common layout with the right status,
//! a redirect to the login page, or JSON for the API.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use super::layout::{Chrome, ShownError};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::key;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    heading: String,
    message: String,
    errors: Vec<ShownError>,
}

impl AppError {
    /// The message shown to the user: plain language, no internals.
    pub fn public_message(&self, tr: &Tr) -> String {
        match self {
            AppError::Config(m) => m.clone(),
            AppError::TooLarge(m)
            | AppError::Forbidden(m)
            | AppError::Conflict(m)
            | AppError::BadRequest(m) => tr.msg(m),
            AppError::Database(_) | AppError::Internal(_) => tr.t("error-internal"),
            AppError::Unavailable(_) => tr.t("error-unavailable"),
            AppError::NotFound => tr.t("error-not-found"),
            AppError::LoginRequired { .. } => tr.t("error-login-required"),
            AppError::TwoFactorRequired => tr.t("two-factor-required"),
            AppError::Unauthorized => tr.t("error-unauthorized"),
            AppError::Csrf => tr.t("error-csrf"),
            AppError::Validation(_) => tr.t("error-invalid"),
            AppError::MethodNotAllowed { allow } => {
                tr.t1("error-method-not-allowed", "allow", allow.as_str())
            }
            AppError::TooManyRequests {
                retry_after,
                per_minute,
            } => tr.t2(
                "error-too-many-requests",
                "per_minute",
                *per_minute,
                "retry_after",
                *retry_after,
            ),
        }
    }

    /// Headers some refusals carry: how long to wait (`Retry-After`), which methods a
    /// path has (`Allow`).
    fn extra_headers(&self, r: &mut actix_web::HttpResponseBuilder) {
        match self {
            AppError::TooManyRequests { retry_after, .. } => {
                r.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            AppError::MethodNotAllowed { allow } => {
                r.insert_header((header::ALLOW, allow.clone()));
            }
            _ => {}
        }
    }

    fn heading(&self, tr: &Tr) -> String {
        tr.t(match self.status_code() {
            StatusCode::NOT_FOUND => key!("error-heading-not-found"),
            StatusCode::FORBIDDEN => key!("error-heading-forbidden"),
            StatusCode::CONFLICT => key!("error-heading-conflict"),
            StatusCode::UNPROCESSABLE_ENTITY => key!("error-heading-invalid"),
            StatusCode::BAD_REQUEST => key!("error-heading-bad-request"),
            StatusCode::PAYLOAD_TOO_LARGE => key!("error-heading-too-large"),
            StatusCode::SERVICE_UNAVAILABLE => key!("error-heading-unavailable"),
            StatusCode::TOO_MANY_REQUESTS => key!("error-heading-too-many-requests"),
            StatusCode::METHOD_NOT_ALLOWED => key!("error-heading-method-not-allowed"),
            _ => key!("error-heading-internal"),
        })
    }

    /// The error as a page in the common layout, in the reader's language. The
    /// language middleware calls this for every error response of a page.
    pub fn render_page(&self, tr: &Tr) -> HttpResponse {
        if let AppError::LoginRequired { .. } | AppError::TwoFactorRequired = self {
            return self.error_response();
        }
        let mut r = HttpResponse::build(self.status_code());
        self.extra_headers(&mut r);
        let errors = match self {
            AppError::Validation(e) => ShownError::all(e, tr),
            _ => Vec::new(),
        };
        let heading = self.heading(tr);
        let page = ErrorPage {
            chrome: Chrome::anonymous(heading.clone(), String::new(), tr.clone()),
            heading,
            message: self.public_message(tr),
            errors,
        };
        match page.render() {
            Ok(body) => r.content_type("text/html; charset=utf-8").body(body),
            Err(_) => r
                .content_type("text/plain; charset=utf-8")
                .body(self.public_message(tr)),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden(_) | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::LoginRequired { .. } | AppError::TwoFactorRequired => StatusCode::SEE_OTHER,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Config(_) | AppError::Database(_) | AppError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// Status and headers only: the body is written by the language middleware
    /// (`web::language::localise_errors`), which knows the request's language.
    fn error_response(&self) -> HttpResponse {
        if let AppError::LoginRequired { next } = self {
            let target = format!(
                "/login?next={}",
                serde_urlencoded::to_string([("n", next.as_str())])
                    .map(|s| s[2..].to_string())
                    .unwrap_or_default()
            );
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .finish();
        }
        if let AppError::TwoFactorRequired = self {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/account/two-factor"))
                .finish();
        }
        if self.status_code().is_server_error() {
            // Details go to the log only; the user gets a plain message.
            tracing::error!(error = %self, "request failed");
        }
        let mut r = HttpResponse::build(self.status_code());
        self.extra_headers(&mut r);
        r.finish()
    }
}

/// An error answered as JSON (for `/api/…`): `{"errors":[{…}]}` with the same status as
/// the page would have had (401 instead of a login redirect).
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

impl AppError {
    /// A stable machine-readable code for the API.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Forbidden(_) => "forbidden",
            AppError::LoginRequired { .. } | AppError::Unauthorized => "unauthorized",
            AppError::TwoFactorRequired => "two_factor_required",
            AppError::Csrf => "csrf",
            AppError::Validation(_) => "invalid",
            AppError::Conflict(_) => "conflict",
            AppError::BadRequest(_) => "bad_request",
            AppError::TooLarge(_) => "too_large",
            AppError::Unavailable(_) => "unavailable",
            AppError::TooManyRequests { .. } => "rate_limited",
            AppError::MethodNotAllowed { .. } => "method_not_allowed",
            AppError::Config(_) | AppError::Database(_) | AppError::Internal(_) => "internal",
        }
    }
}

impl ApiError {
    /// The JSON answer in the caller's language: `{"errors":[{"code","message",…}]}`.
    pub fn render_json(&self, tr: &Tr) -> HttpResponse {
        let body = match &self.0 {
            AppError::Validation(errors) => serde_json::json!({
                "errors": errors.iter().map(|e| {
                    let mut v = serde_json::json!({
                        "field": e.field,
                        "code": e.code,
                        "message": tr.msg(&e.message),
                    });
                    if let Some(line) = e.line {
                        v["line"] = line.into();
                    }
                    v
                }).collect::<Vec<_>>()
            }),
            e => serde_json::json!({
                "errors": [{ "code": e.code(), "message": e.public_message(tr) }]
            }),
        };
        let mut r = HttpResponse::build(self.status_code());
        if self.status_code() == StatusCode::UNAUTHORIZED {
            r.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        self.0.extra_headers(&mut r);
        r.json(body)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self.0 {
            AppError::LoginRequired { .. } => StatusCode::UNAUTHORIZED,
            AppError::TwoFactorRequired => StatusCode::FORBIDDEN,
            ref e => e.status_code(),
        }
    }

    /// Status and headers; the language middleware writes the JSON body.
    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = %self.0, "API request failed");
        }
        let mut r = HttpResponse::build(self.status_code());
        if self.status_code() == StatusCode::UNAUTHORIZED {
            r.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        self.0.extra_headers(&mut r);
        r.finish()
    }
}

/// The error in the form the request expects: JSON under `/api/`, a page elsewhere.
pub fn for_path(path: &str, e: AppError) -> actix_web::Error {
    if path.starts_with("/api/") {
        ApiError(e).into()
    } else {
        e.into()
    }
}
