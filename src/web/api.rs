//! The JSON API for machine submission (`/api/v1`). Same services, same validation and
//! screening as the form; errors as `{"errors":[…]}`.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::auth::{AnyUser, Authorized, Reporter, Reviewer};
use super::errors::ApiError;
use super::routes::Routes;
use super::AppState;
use crate::domain::observation::ObservationInput;
use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::i18n::{Msg, Tr};
use crate::services::submissions::{self as svc, Decision, SubmissionDetail, SubmissionOutcome};

/// Uploads may be large (100 000 lines); everything else is small.
pub const CSV_LIMIT: usize = 32 * 1024 * 1024;
pub const JSON_LIMIT: usize = 8 * 1024 * 1024;

pub fn config(r: &mut Routes) {
    r.post("/api/v1/submissions", create)
        .post("/api/v1/submissions.csv", create_csv)
        .get("/api/v1/submissions/{id}", show)
        .post("/api/v1/submissions/{id}/review", review)
        .get("/api/v1/openapi.json", openapi);
}

/// The OpenAPI 3 description of the JSON API (this module's routes and
/// `web::analysis`). Public: it describes the interface and holds no data, so clients and
/// tools can read it before they have a token.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(OPENAPI_JSON)
}

type ApiResult = Result<HttpResponse, ApiError>;

/// Reads a request body of at most `limit` bytes; over it, 413 with the JSON error. Read
/// in the handler, so only after the token has been checked.
async fn read_body(payload: web::Payload, limit: usize) -> Result<web::Bytes, ApiError> {
    match payload.to_bytes_limited(limit).await {
        Ok(Ok(bytes)) => Ok(bytes),
        // The library's own words for what went wrong stay as they are.
        Ok(Err(e)) => Err(ApiError(AppError::BadRequest(
            Msg::new("api-body-unreadable").arg("error", e.to_string()),
        ))),
        Err(_limit_exceeded) => Err(ApiError(AppError::too_large())),
    }
}

fn parse_json<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError(AppError::Validation(vec![FieldError::new(
            "body",
            "invalid_json",
            Msg::new("api-invalid-json").arg("error", e.to_string()),
        )]))
    })
}

/// A line as JSON: the count may be a number or a string.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiLine {
    misuse_type: Option<String>,
    exploitation_area: Option<String>,
    document_type: Option<String>,
    chain_stage: Option<String>,
    age_band: Option<String>,
    citizenship: Option<String>,
    fraud_type: Option<String>,
    count: Option<serde_json::Value>,
    trend: Option<String>,
    reliability: Option<String>,
    validity: Option<String>,
    description: Option<String>,
}

impl ApiLine {
    fn into_input(self) -> ObservationInput {
        let count = self.count.and_then(|v| match v {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s),
            other => Some(other.to_string()),
        });
        ObservationInput {
            misuse_type: self.misuse_type,
            exploitation_area: self.exploitation_area,
            document_type: self.document_type,
            chain_stage: self.chain_stage,
            age_band: self.age_band,
            citizenship: self.citizenship,
            fraud_type: self.fraud_type,
            count,
            trend: self.trend,
            reliability: self.reliability,
            validity: self.validity,
            description: self.description,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiSubmission {
    period: String,
    #[serde(default)]
    submit: bool,
    lines: Vec<ApiLine>,
}

async fn create(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    payload: web::Payload,
) -> ApiResult {
    let body = read_body(payload, JSON_LIMIT).await?;
    let req: ApiSubmission = parse_json(&body)?;
    let inputs: Vec<ObservationInput> = req.lines.into_iter().map(ApiLine::into_input).collect();
    let user = auth.user.clone();
    let period = req.period;
    let submit = req.submit;
    let outcome = state
        .db
        .run(move |c| svc::submit_lines(c, &user, &period, &inputs, submit))
        .await?;
    Ok(HttpResponse::Created().json(outcome_json(&outcome, &auth.tr)))
}

/// A count far above the agency's history, its message in the caller's language.
#[derive(Serialize)]
struct WarningJson {
    line: u32,
    misuse_type: String,
    count: i64,
    expected_max: i64,
    median: f64,
    message: String,
}

#[derive(Serialize)]
struct OutcomeJson {
    id: i64,
    status: &'static str,
    version: i32,
    warnings: Vec<WarningJson>,
}

fn outcome_json(o: &SubmissionOutcome, tr: &Tr) -> OutcomeJson {
    OutcomeJson {
        id: o.id,
        status: o.status,
        version: o.version,
        warnings: o
            .warnings
            .iter()
            .map(|w| WarningJson {
                line: w.line,
                misuse_type: w.misuse_type.clone(),
                count: w.count,
                expected_max: w.expected_max,
                median: w.median,
                message: tr.msg(&w.message),
            })
            .collect(),
    }
}

#[derive(Deserialize)]
struct CsvQuery {
    period: Option<String>,
    submit: Option<bool>,
}

async fn create_csv(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    q: web::Query<CsvQuery>,
    payload: web::Payload,
) -> ApiResult {
    let body = read_body(payload, CSV_LIMIT).await?;
    let period = q.period.clone().unwrap_or_default();
    let submit = q.submit.unwrap_or(false);
    let user = auth.user.clone();
    let outcome = state
        .db
        .run(move |c| svc::import_csv(c, &user, &period, &body, submit))
        .await?;
    Ok(HttpResponse::Created().json(outcome_json(&outcome, &auth.tr)))
}

#[derive(Serialize)]
struct LineJson {
    line: i32,
    misuse_type: String,
    exploitation_area: Option<String>,
    document_type: Option<String>,
    chain_stage: Option<String>,
    age_band: Option<String>,
    citizenship: Option<String>,
    fraud_type: Option<String>,
    count: i64,
    trend: Option<String>,
    reliability: Option<String>,
    validity: Option<String>,
    description: Option<String>,
}

#[derive(Serialize)]
struct SubmissionJson {
    id: i64,
    agency: String,
    period: String,
    source: String,
    status: String,
    version: i32,
    review_comment: Option<String>,
    lines: Vec<LineJson>,
}

fn to_json(d: SubmissionDetail) -> SubmissionJson {
    SubmissionJson {
        id: d.submission.id,
        agency: d.agency.code,
        period: d.period.code,
        source: d.submission.source,
        status: d.submission.status,
        version: d.version.version,
        review_comment: d.version.review_comment,
        lines: d
            .lines
            .into_iter()
            .map(|l| LineJson {
                line: l.line_no,
                misuse_type: l.misuse_type,
                exploitation_area: l.exploitation_area,
                document_type: l.document_type,
                chain_stage: l.chain_stage,
                age_band: l.age_band,
                citizenship: l.citizenship,
                fraud_type: l.fraud_type,
                count: l.count,
                trend: l.trend,
                reliability: l.reliability,
                validity: l.validity,
                description: l.description,
            })
            .collect(),
    }
}

async fn show(
    state: web::Data<AppState>,
    auth: Authorized<AnyUser>,
    path: web::Path<i64>,
) -> ApiResult {
    let id = path.into_inner();
    let user = auth.user.clone();
    let detail = state.db.run(move |c| svc::load(c, &user, id)).await?;
    Ok(HttpResponse::Ok().json(to_json(detail)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewRequest {
    decision: String,
    comment: Option<String>,
}

async fn review(
    state: web::Data<AppState>,
    auth: Authorized<Reviewer>,
    path: web::Path<i64>,
    payload: web::Payload,
) -> ApiResult {
    let body = read_body(payload, JSON_LIMIT).await?;
    let id = path.into_inner();
    let req: ReviewRequest = parse_json(&body)?;
    let decision = Decision::parse(&req.decision, req.comment).ok_or_else(|| {
        ApiError(AppError::Validation(vec![FieldError::new(
            "decision",
            "invalid_code",
            Msg::new("api-decision-invalid"),
        )]))
    })?;
    let user = auth.user.clone();
    let status = state
        .db
        .run(move |c| svc::review(c, &user, id, decision))
        .await?;
    let version = {
        let user = auth.user.clone();
        state
            .db
            .run(move |c| svc::load(c, &user, id))
            .await?
            .version
            .version
    };
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "id": id,
        "status": status.code(),
        "version": version,
    })))
}
