//! How errors reach the user: an HTML page in the common layout with the right status,
//! a redirect to the login page, or JSON for the API.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use super::layout::Chrome;
use crate::domain::validation::FieldError;
use crate::error::AppError;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    heading: String,
    message: String,
    errors: Vec<FieldError>,
}

impl AppError {
    /// The message shown to the user: plain Swedish, no internals.
    pub fn public_message(&self) -> String {
        match self {
            AppError::Config(m) | AppError::TooLarge(m) | AppError::Forbidden(m) | AppError::Conflict(m) | AppError::BadRequest(m) => m.clone(),
            AppError::Database(_) | AppError::Internal(_) => {
                "Något gick fel hos oss. Försök igen om en stund. Om felet kvarstår, kontakta Nationellt ID-centers förvaltning.".into()
            }
            AppError::Unavailable(_) => {
                "Tjänsten är tillfälligt överbelastad eller når inte databasen. Försök igen om en stund.".into()
            }
            AppError::NotFound => "Sidan eller posten finns inte. Kontrollera adressen eller gå tillbaka till startsidan.".into(),
            AppError::LoginRequired { .. } => "Du behöver logga in.".into(),
            AppError::Unauthorized => {
                "Logga in, eller ange en giltig token i huvudet Authorization: Bearer …".into()
            }
            AppError::Csrf => "Formuläret har gått ut eller skickades från en annan sida. Ladda om sidan och försök igen.".into(),
            AppError::Validation(_) => "Uppgifterna behöver rättas innan de kan sparas.".into(),
            AppError::MethodNotAllowed { allow } => format!(
                "Adressen finns men tar inte emot den här sortens anrop. Använd {allow}."
            ),
            AppError::TooManyRequests { retry_after, per_minute } => format!(
                "För många anrop med samma token: högst {per_minute} per minut. Vänta {retry_after} sekunder och försök igen, eller sprid anropen jämnare."
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

    fn heading(&self) -> &'static str {
        match self.status_code() {
            StatusCode::NOT_FOUND => "Sidan finns inte",
            StatusCode::FORBIDDEN => "Du har inte behörighet",
            StatusCode::CONFLICT => "Det går inte just nu",
            StatusCode::UNPROCESSABLE_ENTITY => "Uppgifterna behöver rättas",
            StatusCode::BAD_REQUEST => "Felaktig begäran",
            StatusCode::PAYLOAD_TOO_LARGE => "För mycket data",
            StatusCode::SERVICE_UNAVAILABLE => "Tjänsten är inte tillgänglig",
            StatusCode::TOO_MANY_REQUESTS => "För många förfrågningar",
            StatusCode::METHOD_NOT_ALLOWED => "Metoden stöds inte",
            _ => "Något gick fel",
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden(_) | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::LoginRequired { .. } => StatusCode::SEE_OTHER,
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
        if self.status_code().is_server_error() {
            // Details go to the log only; the user gets a plain message.
            tracing::error!(error = %self, "request failed");
        }
        let errors = match self {
            AppError::Validation(e) => e.clone(),
            _ => Vec::new(),
        };
        let page = ErrorPage {
            chrome: Chrome::anonymous(self.heading(), String::new()),
            heading: self.heading().into(),
            message: self.public_message(),
            errors,
        };
        let mut r = HttpResponse::build(self.status_code());
        self.extra_headers(&mut r);
        match page.render() {
            Ok(body) => r.content_type("text/html; charset=utf-8").body(body),
            Err(_) => r
                .content_type("text/plain; charset=utf-8")
                .body(self.public_message()),
        }
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

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self.0 {
            AppError::LoginRequired { .. } => StatusCode::UNAUTHORIZED,
            ref e => e.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = %self.0, "API request failed");
        }
        let body = match &self.0 {
            AppError::Validation(errors) => serde_json::json!({ "errors": errors }),
            e => serde_json::json!({
                "errors": [{ "code": e.code(), "message": e.public_message() }]
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

/// The error in the form the request expects: JSON under `/api/`, a page elsewhere.
pub fn for_path(path: &str, e: AppError) -> actix_web::Error {
    if path.starts_with("/api/") {
        ApiError(e).into()
    } else {
        e.into()
    }
}
