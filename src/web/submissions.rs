//! Inrapportering: the coordinator's pages for entering and submitting observations.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use actix_session::Session;

use super::auth::{set_flash, Authorized, Reporter};
use super::layout::{render, render_with, see_other, Choice, Chrome, FormState};
use super::routes::Routes;
use super::AppState;
use crate::db::models::LineRow;
use crate::domain::csv_import::{COLUMNS, REQUIRED_COLUMNS};
use crate::domain::observation::{ObservationInput, Trend, MAX_COUNT, MAX_DESCRIPTION_CHARS};
use crate::domain::period::Period;
use crate::domain::status::SubmissionStatus;
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg, Tr};
use crate::services::submissions::{self as svc, LineOutcome, SubmissionDetail};
use crate::services::{periods, submissions::SOURCE_AGENCY};

pub fn config(r: &mut Routes) {
    // Before "/submissions/{id}", which would otherwise match "import".
    r.post_with(
        "/submissions/import",
        actix_multipart::form::MultipartFormConfig::default()
            .total_limit(super::api::CSV_LIMIT)
            .memory_limit(super::api::CSV_LIMIT),
        import_csv,
    );
    r.get("/submissions", list)
        .post("/submissions", create)
        .get("/submissions/{id}", show)
        .post("/submissions/{id}/lines", add_line)
        .get("/submissions/{id}/lines/{line}/delete", confirm_delete)
        .post("/submissions/{id}/lines/{line}/delete", delete_line)
        .post("/submissions/{id}/submit", submit);
}

pub struct ListedView {
    pub id: i64,
    pub period: String,
    pub status: String,
    pub version: i32,
}

/// An open period to choose, with its deadline in the page's language.
pub struct OpenPeriod {
    pub code: String,
    pub deadline: Option<String>,
}

/// The example header line shown with the CSV import.
const CSV_EXAMPLE: &str = "misuse_type;document_type;count;description";

#[derive(Template)]
#[template(path = "submissions/list.html")]
struct ListPage {
    chrome: Chrome,
    submissions: Vec<ListedView>,
    open_periods: Vec<OpenPeriod>,
    form: FormState,
    csv_example: &'static str,
    required_columns: String,
    optional_columns: String,
}

/// A submission status in the reader's language.
fn status_label(code: &str, tr: &Tr) -> String {
    tr.t(SubmissionStatus::parse(code)
        .map(SubmissionStatus::key)
        .unwrap_or(crate::key!("submissions-status-unknown")))
}

/// The agency's name in the reader's language.
fn agency_name(a: &crate::db::models::AgencyRow, lang: Lang) -> String {
    lang.pick(&a.name_sv, &a.name_en).to_string()
}

/// A period in prose ("kvartal 3 2026", "quarter 3 2026"), or its code if it is not one.
fn period_prose(code: &str, tr: &Tr) -> String {
    match Period::parse(code) {
        Ok(p) => tr.msg(
            &Msg::new("submissions-period-prose")
                .arg("kind", p.kind().code())
                .arg("index", p.index())
                // The year as written, without digit grouping.
                .arg("year", p.year().to_string()),
        ),
        Err(_) => code.to_string(),
    }
}

async fn list_page(
    state: &AppState,
    auth: &Authorized<Reporter>,
    form: FormState,
) -> AppResult<ListPage> {
    let user = auth.user.clone();
    let (listed, open) = state
        .db
        .run(move |c| Ok((svc::list_own(c, &user)?, periods::open_periods(c)?)))
        .await?;
    let tr = &auth.tr;
    Ok(ListPage {
        chrome: Chrome::for_user(auth, tr.t("submissions-heading"), "/submissions"),
        submissions: listed
            .into_iter()
            .filter(|(s, _, _)| s.source == SOURCE_AGENCY)
            .map(|(s, _, p)| ListedView {
                id: s.id,
                period: p.code,
                status: status_label(&s.status, tr),
                version: s.current_version,
            })
            .collect(),
        open_periods: open
            .into_iter()
            .map(|p| OpenPeriod {
                deadline: p.deadline.map(|d| tr.date(d)),
                code: p.code,
            })
            .collect(),
        form,
        csv_example: CSV_EXAMPLE,
        required_columns: REQUIRED_COLUMNS.join(", "),
        optional_columns: COLUMNS
            .iter()
            .filter(|c| !REQUIRED_COLUMNS.contains(c))
            .copied()
            .collect::<Vec<_>>()
            .join(", "),
    })
}

async fn list(state: web::Data<AppState>, auth: Authorized<Reporter>) -> AppResult<HttpResponse> {
    render(&list_page(&state, &auth, FormState::default()).await?)
}

#[derive(Deserialize)]
struct CreateForm {
    period: Option<String>,
}

async fn create(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    form: web::Form<CreateForm>,
) -> AppResult<HttpResponse> {
    let period = form.into_inner().period.unwrap_or_default();
    let user = auth.user.clone();
    let p = period.clone();
    match state.db.run(move |c| svc::open_draft(c, &user, &p)).await {
        Ok(id) => Ok(see_other(&format!("/submissions/{id}"))),
        Err(AppError::Validation(errors)) => {
            let mut f = FormState {
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            f.values.insert("period".into(), period);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &list_page(&state, &auth, f).await?,
            )
        }
        Err(e) => Err(e),
    }
}

pub struct LineView {
    pub id: i64,
    pub line_no: i32,
    pub misuse_type: String,
    pub exploitation_area: String,
    pub document_type: String,
    pub chain_stage: String,
    pub count: String,
    pub trend: String,
    pub grading: String,
    pub description: String,
}

/// The lines as shown, in the reader's language.
pub fn line_views(lines: &[LineRow], tax: &Taxonomy, tr: &Tr) -> Vec<LineView> {
    let not_specified = tr.t("submissions-not-specified");
    let label = |d: Dimension, v: &Option<String>| match v {
        Some(code) => tax.label(tr.lang, d, code).to_string(),
        None => not_specified.clone(),
    };
    lines
        .iter()
        .map(|l| LineView {
            id: l.id,
            line_no: l.line_no,
            misuse_type: tax
                .label(tr.lang, Dimension::MisuseType, &l.misuse_type)
                .to_string(),
            exploitation_area: label(Dimension::ExploitationArea, &l.exploitation_area),
            document_type: label(Dimension::DocumentType, &l.document_type),
            chain_stage: label(Dimension::ChainStage, &l.chain_stage),
            count: tr.int(l.count),
            trend: l
                .trend
                .as_deref()
                .and_then(Trend::parse)
                .map(|t| tr.t(t.key()))
                .unwrap_or_default(),
            grading: format!(
                "{}{}",
                l.reliability.as_deref().unwrap_or(""),
                l.validity.as_deref().unwrap_or("")
            ),
            description: l.description.clone().unwrap_or_default(),
        })
        .collect()
}

/// A select list for a dimension, with "not specified" first unless required. Label and
/// hint in the reader's language.
pub struct Select {
    pub name: &'static str,
    pub label: String,
    pub hint: String,
    pub required: bool,
    pub choices: Vec<Choice>,
}

/// The select lists of the observation form, in the reader's language.
pub fn selects(tax: &Taxonomy, form: &FormState, tr: &Tr) -> Vec<Select> {
    let dim = |d: Dimension, hint: &'static str, required: bool| Select {
        name: d.code(),
        label: tr.t(d.key()),
        hint: tr.t(hint),
        required,
        choices: tax
            .active(d)
            .map(|e| Choice {
                selected: form.value(d.code()) == e.code,
                value: e.code.clone(),
                label: e.label(tr.lang).to_string(),
            })
            .collect(),
    };
    let fixed = |name: &'static str,
                 label: &'static str,
                 hint: &'static str,
                 options: Vec<(String, String)>| Select {
        name,
        label: tr.t(label),
        hint: tr.t(hint),
        required: false,
        choices: options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: form.value(name) == value,
                value,
                label,
            })
            .collect(),
    };
    let same = |codes: [&str; 4]| {
        codes
            .iter()
            .map(|s| (s.to_string(), s.to_string()))
            .collect()
    };
    vec![
        dim(
            Dimension::MisuseType,
            crate::key!("submissions-hint-misuse-type"),
            true,
        ),
        dim(
            Dimension::ExploitationArea,
            crate::key!("submissions-hint-exploitation-area"),
            false,
        ),
        dim(
            Dimension::DocumentType,
            crate::key!("submissions-hint-document-type"),
            false,
        ),
        dim(
            Dimension::ChainStage,
            crate::key!("submissions-hint-chain-stage"),
            false,
        ),
        dim(
            Dimension::FraudType,
            crate::key!("submissions-hint-fraud-type"),
            false,
        ),
        dim(
            Dimension::AgeBand,
            crate::key!("submissions-hint-age-band"),
            false,
        ),
        dim(
            Dimension::Citizenship,
            crate::key!("submissions-hint-citizenship"),
            false,
        ),
        fixed(
            "trend",
            crate::key!("submissions-trend-field"),
            crate::key!("submissions-hint-trend"),
            Trend::ALL
                .iter()
                .map(|t| (t.code().to_string(), tr.t(t.key())))
                .collect(),
        ),
        fixed(
            "reliability",
            crate::key!("submissions-reliability-field"),
            crate::key!("submissions-hint-reliability"),
            same(["A", "B", "C", "D"]),
        ),
        fixed(
            "validity",
            crate::key!("submissions-validity-field"),
            crate::key!("submissions-hint-validity"),
            same(["1", "2", "3", "4"]),
        ),
    ]
}

#[derive(Template)]
#[template(path = "submissions/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: i64,
    agency: String,
    period: String,
    period_label: String,
    status: String,
    version: i32,
    editable: bool,
    review_comment: Option<String>,
    lines: Vec<LineView>,
    selects: Vec<Select>,
    form: FormState,
    /// Unusually high counts, already in the page's language.
    warnings: Vec<String>,
    max_count: i64,
    max_description: usize,
}

fn show_page(auth: &Authorized<Reporter>, d: &SubmissionDetail, form: FormState) -> ShowPage {
    let tr = &auth.tr;
    ShowPage {
        chrome: Chrome::for_user(
            auth,
            tr.t1("submissions-title", "period", &d.period.code),
            "/submissions",
        ),
        id: d.submission.id,
        agency: agency_name(&d.agency, tr.lang),
        period: d.period.code.clone(),
        period_label: period_prose(&d.period.code, tr),
        status: tr.t(d.status().key()),
        version: d.version.version,
        editable: d.is_editable(),
        review_comment: d.version.review_comment.clone(),
        lines: line_views(&d.lines, &d.taxonomy, tr),
        selects: selects(&d.taxonomy, &form, tr),
        form,
        warnings: Vec::new(),
        max_count: MAX_COUNT,
        max_description: MAX_DESCRIPTION_CHARS,
    }
}

async fn load(
    state: &AppState,
    auth: &Authorized<Reporter>,
    id: i64,
) -> AppResult<SubmissionDetail> {
    let user = auth.user.clone();
    state.db.run(move |c| svc::load(c, &user, id)).await
}

async fn show(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let d = load(&state, &auth, path.into_inner()).await?;
    render(&show_page(&auth, &d, FormState::default()))
}

#[derive(Deserialize)]
struct LineForm {
    misuse_type: Option<String>,
    exploitation_area: Option<String>,
    document_type: Option<String>,
    chain_stage: Option<String>,
    count: Option<String>,
    trend: Option<String>,
    reliability: Option<String>,
    validity: Option<String>,
    description: Option<String>,
    age_band: Option<String>,
    citizenship: Option<String>,
    fraud_type: Option<String>,
    /// Set when the user confirms an unusually high count.
    confirm: Option<String>,
}

impl LineForm {
    fn into_input(self) -> ObservationInput {
        ObservationInput {
            misuse_type: self.misuse_type,
            exploitation_area: self.exploitation_area,
            document_type: self.document_type,
            chain_stage: self.chain_stage,
            count: self.count,
            trend: self.trend,
            reliability: self.reliability,
            validity: self.validity,
            description: self.description,
            age_band: self.age_band,
            citizenship: self.citizenship,
            fraud_type: self.fraud_type,
        }
    }
}

fn form_values(i: &ObservationInput) -> std::collections::HashMap<String, String> {
    [
        ("misuse_type", &i.misuse_type),
        ("exploitation_area", &i.exploitation_area),
        ("document_type", &i.document_type),
        ("chain_stage", &i.chain_stage),
        ("count", &i.count),
        ("trend", &i.trend),
        ("reliability", &i.reliability),
        ("validity", &i.validity),
        ("description", &i.description),
        ("age_band", &i.age_band),
        ("citizenship", &i.citizenship),
        ("fraud_type", &i.fraud_type),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.clone().map(|v| (k.to_string(), v)))
    .collect()
}

async fn add_line(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<LineForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let confirmed = form.confirm.as_deref() == Some("1");
    let input = form.into_input();
    let user = auth.user.clone();
    let line = input.clone();
    match state
        .db
        .run(move |c| svc::add_lines(c, &user, id, &[line], confirmed))
        .await
    {
        Ok(LineOutcome::Saved(_)) => {
            set_flash(&session, &auth.tr.t("submissions-line-saved"));
            Ok(see_other(&format!("/submissions/{id}#rader")))
        }
        Ok(LineOutcome::NeedsConfirmation(warnings)) => {
            let d = load(&state, &auth, id).await?;
            let form = FormState {
                values: form_values(&input),
                ..Default::default()
            };
            let mut page = show_page(&auth, &d, form);
            page.warnings = warnings.iter().map(|w| auth.tr.msg(&w.message)).collect();
            render(&page)
        }
        Err(AppError::Validation(errors)) => {
            let d = load(&state, &auth, id).await?;
            let form = FormState {
                values: form_values(&input),
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&auth, &d, form),
            )
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "submissions/confirm_delete.html")]
struct ConfirmDeletePage {
    chrome: Chrome,
    id: i64,
    line: LineView,
    question: String,
}

async fn confirm_delete(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    path: web::Path<(i64, i64)>,
) -> AppResult<HttpResponse> {
    let (id, line_id) = path.into_inner();
    let d = load(&state, &auth, id).await?;
    let line = line_views(&d.lines, &d.taxonomy, &auth.tr)
        .into_iter()
        .find(|l| l.id == line_id)
        .ok_or(AppError::NotFound)?;
    let question = auth.tr.msg(
        &Msg::new("submissions-delete-question")
            .arg("line", line.line_no)
            .arg("misuse_type", &line.misuse_type)
            .arg("count", &line.count),
    );
    render(&ConfirmDeletePage {
        chrome: Chrome::for_user(&auth, auth.tr.t("submissions-delete-title"), "/submissions"),
        id,
        line,
        question,
    })
}

async fn delete_line(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    session: Session,
    path: web::Path<(i64, i64)>,
) -> AppResult<HttpResponse> {
    let (id, line_id) = path.into_inner();
    let user = auth.user.clone();
    state
        .db
        .run(move |c| svc::remove_line(c, &user, id, line_id))
        .await?;
    set_flash(&session, &auth.tr.t("submissions-line-removed"));
    Ok(see_other(&format!("/submissions/{id}#rader")))
}

async fn submit(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    session: Session,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let user = auth.user.clone();
    match state.db.run(move |c| svc::submit(c, &user, id)).await {
        Ok(()) => {
            set_flash(&session, &auth.tr.t("submissions-submitted"));
            Ok(see_other(&format!("/submissions/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            let d = load(&state, &auth, id).await?;
            let form = FormState {
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&auth, &d, form),
            )
        }
        Err(e) => Err(e),
    }
}

/// The CSV upload form. The CSRF token travels in the query string, since the guard does
/// not read multipart bodies.
#[derive(actix_multipart::form::MultipartForm)]
struct UploadForm {
    period: Option<actix_multipart::form::text::Text<String>>,
    submit: Option<actix_multipart::form::text::Text<String>>,
    file: Option<actix_multipart::form::bytes::Bytes>,
}

async fn read_upload(req: &actix_web::HttpRequest, payload: web::Payload) -> AppResult<UploadForm> {
    use actix_web::FromRequest;
    let mut payload = payload.into_inner();
    match actix_multipart::form::MultipartForm::<UploadForm>::from_request(req, &mut payload).await
    {
        Ok(form) => Ok(form.into_inner()),
        Err(e) if e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            Err(AppError::too_large())
        }
        Err(_) => Err(AppError::BadRequest(Msg::new(
            "submissions-upload-unreadable",
        ))),
    }
}

async fn import_csv(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    session: Session,
    req: actix_web::HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    // The upload is read only once the role check has passed: the extractors of a
    // signature run together, so a malformed upload would otherwise answer first.
    let form = read_upload(&req, payload).await?;
    let period = form.period.map(|t| t.into_inner()).unwrap_or_default();
    let submit_now = form.submit.is_some_and(|t| t.as_str() == "1");
    let bytes = form.file.map(|f| f.data.to_vec()).unwrap_or_default();
    let user = auth.user.clone();
    let p = period.clone();
    match state
        .db
        .run(move |c| svc::import_csv(c, &user, &p, &bytes, submit_now))
        .await
    {
        Ok(outcome) => {
            let mut msg = auth.tr.t1("submissions-imported", "status", outcome.status);
            for w in &outcome.warnings {
                msg.push(' ');
                msg.push_str(&auth.tr.msg(&w.message));
            }
            set_flash(&session, &msg);
            Ok(see_other(&format!("/submissions/{}", outcome.id)))
        }
        Err(AppError::Validation(errors)) => {
            let errors: Vec<_> = errors
                .into_iter()
                .map(|mut e| {
                    // Every CSV problem points at the file field in the form.
                    if let Some(l) = e.line {
                        e.message = Msg::new("csv-error-on-line")
                            .arg("line", l)
                            .arg("message", e.message);
                    }
                    e.line = None;
                    e.field = "file".into();
                    e
                })
                .collect();
            let mut f = FormState::default().with_errors(&errors, &auth.tr);
            f.values.insert("period".into(), period);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &list_page(&state, &auth, f).await?,
            )
        }
        Err(e) => Err(e),
    }
}
