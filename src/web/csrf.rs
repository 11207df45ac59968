//! CSRF protection (synchronizer token): every session holds a random token; every
//! state-changing request must echo it, in the form field `csrf_token`, the header
//! `X-CSRF-Token` or the query parameter `csrf_token` (multipart uploads). Checked once,
//! in a middleware, for every route. Requests authenticated by a bearer token carry no
//! cookie and are exempt.

use actix_session::{Session, SessionExt};
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use rand::distr::{Alphanumeric, SampleString};
use subtle::ConstantTimeEq;

use crate::error::AppError;

pub const FIELD: &str = "csrf_token";
pub const HEADER: &str = "X-CSRF-Token";
const SESSION_KEY: &str = "csrf";

/// The session's token, created on first use.
pub fn token(session: &Session) -> Result<String, AppError> {
    if let Ok(Some(t)) = session.get::<String>(SESSION_KEY) {
        return Ok(t);
    }
    let t = Alphanumeric.sample_string(&mut rand::rng(), 43);
    session
        .insert(SESSION_KEY, &t)
        .map_err(|e| AppError::internal(e.to_string()))?;
    Ok(t)
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn bearer(req: &ServiceRequest) -> bool {
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "))
}

fn from_query(req: &ServiceRequest) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
        .ok()?
        .into_iter()
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v)
}

/// A refusal as a response, not an error: the outer middleware (security headers, the
/// session cookie) then applies to it like to any other response.
fn refuse<B>(req: ServiceRequest, e: AppError) -> ServiceResponse<EitherBody<B>> {
    let err = super::errors::for_path(req.path(), e);
    // `from_err` keeps the error on the response, for the language middleware.
    let (request, _) = req.into_parts();
    ServiceResponse::from_err(err, request).map_into_right_body()
}

pub async fn guard<B: MessageBody>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    if is_safe(req.method()) || bearer(&req) {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let expected: Option<String> = req.get_session().get(SESSION_KEY).ok().flatten();
    // An API call with no session cookie carries no ambient authority to forge; it must
    // bring a bearer token, which the handler's extractor demands (401 otherwise).
    if expected.is_none() && req.path().starts_with("/api/") {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let mut provided = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(String::from)
        .or_else(|| from_query(&req));
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if provided.is_none() && is_form {
        // Read the form body, take the token, and put the body back for the handler.
        let body = match req.extract::<Bytes>().await {
            Ok(b) => b,
            Err(_) => return Ok(refuse(req, AppError::too_large())),
        };
        provided = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
            .ok()
            .and_then(|fields| fields.into_iter().find(|(k, _)| k == FIELD).map(|(_, v)| v));
        req.set_payload(Payload::from(body));
    }
    let valid = match (expected, provided) {
        (Some(e), Some(p)) => bool::from(e.as_bytes().ct_eq(p.as_bytes())),
        _ => false,
    };
    if !valid {
        return Ok(refuse(req, AppError::Csrf));
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}
