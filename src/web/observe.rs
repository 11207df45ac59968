//! One middleware for what operations need from every request: a request id (taken from
//! a proxy's `X-Request-Id` when it looks like one, else made here) that is echoed in the
//! response and carried by every log line of the request, one access-log line, and the
//! request's count and latency in the metrics.
//!
//! What is logged is bounded on purpose: the method, the route *pattern*
//! (`/submissions/{id}`), the status and the duration. Never the raw path or the query
//! string (a search or a filter can carry free text), never a header, cookie, token or
//! body.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;
use tracing::Instrument;

use super::AppState;
use crate::metrics::{method_label, UNMATCHED_ROUTE};

pub const REQUEST_ID_HEADER: &str = "x-request-id";

pub async fn observe<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, actix_web::Error> {
    let started = Instant::now();
    let id = incoming_id(&req).unwrap_or_else(new_id);
    let method = method_label(req.method().as_str());
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.metrics.clone());
    let span = tracing::info_span!("request", request_id = %id);
    let result = next.call(req).instrument(span.clone()).await;
    let seconds = started.elapsed().as_secs_f64();
    let (status, route) = match &result {
        Ok(res) => (res.status().as_u16(), res.request().match_pattern()),
        Err(e) => (e.as_response_error().status_code().as_u16(), None),
    };
    let route = route.unwrap_or_else(|| UNMATCHED_ROUTE.to_string());
    if let Some(m) = &metrics {
        m.observe_request(method, &route, status, seconds);
    }
    span.in_scope(|| {
        tracing::info!(
            method,
            route = %route,
            status,
            duration_ms = (seconds * 10_000.0).round() / 10.0,
            "request"
        )
    });
    result.map(|mut res| {
        if let Ok(v) = HeaderValue::from_str(&id) {
            res.headers_mut()
                .insert(HeaderName::from_static(REQUEST_ID_HEADER), v);
        }
        res
    })
}

/// A request id set by the reverse proxy (nginx's `$request_id` is 32 hex digits; UUIDs
/// have dashes). Anything else is ignored, so a client cannot put text into the log.
fn incoming_id(req: &ServiceRequest) -> Option<String> {
    let v = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let ok = (16..=64).contains(&v.len())
        && v.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
        && v.bytes().any(|b| b.is_ascii_hexdigit());
    ok.then(|| v.to_string())
}

fn new_id() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}
