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
use crate::db::models::{LineRow, PeriodRow};
use crate::domain::format::int_sv;
use crate::domain::observation::{ObservationInput, Trend};
use crate::domain::outlier::OutlierWarning;
use crate::domain::status::SubmissionStatus;
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
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
    pub status: &'static str,
    pub version: i32,
}

#[derive(Template)]
#[template(path = "submissions/list.html")]
struct ListPage {
    chrome: Chrome,
    submissions: Vec<ListedView>,
    open_periods: Vec<PeriodRow>,
    form: FormState,
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
    Ok(ListPage {
        chrome: Chrome::for_user(auth, "Inrapportering", "/submissions"),
        submissions: listed
            .into_iter()
            .filter(|(s, _, _)| s.source == SOURCE_AGENCY)
            .map(|(s, _, p)| ListedView {
                id: s.id,
                period: p.code,
                status: SubmissionStatus::parse(&s.status)
                    .map(|s| s.label_sv())
                    .unwrap_or("Okänd"),
                version: s.current_version,
            })
            .collect(),
        open_periods: open,
        form,
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

pub fn line_views(lines: &[LineRow], tax: &Taxonomy) -> Vec<LineView> {
    let label = |d: Dimension, v: &Option<String>| match v {
        Some(code) => tax.label_sv(d, code).to_string(),
        None => "Ej angivet".to_string(),
    };
    lines
        .iter()
        .map(|l| LineView {
            id: l.id,
            line_no: l.line_no,
            misuse_type: tax
                .label_sv(Dimension::MisuseType, &l.misuse_type)
                .to_string(),
            exploitation_area: label(Dimension::ExploitationArea, &l.exploitation_area),
            document_type: label(Dimension::DocumentType, &l.document_type),
            chain_stage: label(Dimension::ChainStage, &l.chain_stage),
            count: int_sv(l.count),
            trend: l
                .trend
                .as_deref()
                .and_then(Trend::parse)
                .map(|t| t.label_sv().to_string())
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

/// A select list for a dimension, with "Ej angivet" first unless required.
pub struct Select {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub required: bool,
    pub choices: Vec<Choice>,
}

pub fn selects(tax: &Taxonomy, form: &FormState) -> Vec<Select> {
    let dim = |d: Dimension, label: &'static str, hint: &'static str, required: bool| Select {
        name: d.code(),
        label,
        hint,
        required,
        choices: tax
            .active(d)
            .map(|e| Choice {
                selected: form.value(d.code()) == e.code,
                value: e.code.clone(),
                label: e.label_sv.clone(),
            })
            .collect(),
    };
    let fixed = |name: &'static str,
                 label: &'static str,
                 hint: &'static str,
                 options: Vec<(String, String)>| Select {
        name,
        label,
        hint,
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
    vec![
        dim(
            Dimension::MisuseType,
            "Missbrukstyp",
            "Vilken sorts identitetsmissbruk det gäller.",
            true,
        ),
        dim(
            Dimension::ExploitationArea,
            "Utnyttjandeområde",
            "Var identiteten användes.",
            false,
        ),
        dim(
            Dimension::DocumentType,
            "Handlingstyp",
            "Vilken identitetshandling som missbrukades, om någon.",
            false,
        ),
        dim(
            Dimension::ChainStage,
            "Steg i identitetskedjan",
            "Var i kedjan missbruket skedde.",
            false,
        ),
        dim(
            Dimension::FraudType,
            "Bedrägeriform",
            "Endast tillsammans med handlingstyp (EU:s typologi).",
            false,
        ),
        dim(
            Dimension::AgeBand,
            "Åldersgrupp",
            "Ålder hos dem vars identiteter användes, om den är känd.",
            false,
        ),
        dim(
            Dimension::Citizenship,
            "Medborgarskap",
            "Medborgarskap hos dem vars identiteter användes, om det är känt.",
            false,
        ),
        fixed(
            "trend",
            "Er bedömning av trenden",
            "Jämfört med föregående period.",
            Trend::ALL
                .iter()
                .map(|t| (t.code().to_string(), t.label_sv().to_string()))
                .collect(),
        ),
        fixed(
            "reliability",
            "Källans tillförlitlighet",
            "Enligt 4x4-systemet: A = fullt tillförlitlig … D = kan inte bedömas.",
            ["A", "B", "C", "D"]
                .iter()
                .map(|s| (s.to_string(), s.to_string()))
                .collect(),
        ),
        fixed(
            "validity",
            "Informationens riktighet",
            "Enligt 4x4-systemet: 1 = bekräftad … 4 = kan inte bedömas.",
            ["1", "2", "3", "4"]
                .iter()
                .map(|s| (s.to_string(), s.to_string()))
                .collect(),
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
    status: &'static str,
    version: i32,
    editable: bool,
    review_comment: Option<String>,
    lines: Vec<LineView>,
    selects: Vec<Select>,
    form: FormState,
    warnings: Vec<OutlierWarning>,
}

fn show_page(auth: &Authorized<Reporter>, d: &SubmissionDetail, form: FormState) -> ShowPage {
    let status = d.status();
    let period_label = crate::domain::period::Period::parse(&d.period.code)
        .map(|p| auth.tr.msg(&p.label()))
        .unwrap_or_else(|_| d.period.code.clone());
    ShowPage {
        chrome: Chrome::for_user(
            auth,
            format!("Inrapportering {}", d.period.code),
            "/submissions",
        ),
        id: d.submission.id,
        agency: d.agency.name_sv.clone(),
        period: d.period.code.clone(),
        period_label,
        status: status.label_sv(),
        version: d.version.version,
        editable: d.is_editable(),
        review_comment: d.version.review_comment.clone(),
        lines: line_views(&d.lines, &d.taxonomy),
        selects: selects(&d.taxonomy, &form),
        form,
        warnings: Vec::new(),
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
            set_flash(&session, "Observationen är sparad.");
            Ok(see_other(&format!("/submissions/{id}#rader")))
        }
        Ok(LineOutcome::NeedsConfirmation(warnings)) => {
            let d = load(&state, &auth, id).await?;
            let form = FormState {
                values: form_values(&input),
                ..Default::default()
            };
            let mut page = show_page(&auth, &d, form);
            page.warnings = warnings;
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
}

async fn confirm_delete(
    state: web::Data<AppState>,
    auth: Authorized<Reporter>,
    path: web::Path<(i64, i64)>,
) -> AppResult<HttpResponse> {
    let (id, line_id) = path.into_inner();
    let d = load(&state, &auth, id).await?;
    let line = line_views(&d.lines, &d.taxonomy)
        .into_iter()
        .find(|l| l.id == line_id)
        .ok_or(AppError::NotFound)?;
    render(&ConfirmDeletePage {
        chrome: Chrome::for_user(&auth, "Ta bort observation", "/submissions"),
        id,
        line,
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
    set_flash(&session, "Observationen är borttagen.");
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
            set_flash(
                &session,
                "Inrapporteringen är inskickad för granskning. Tack!",
            );
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
        Err(_) => Err(AppError::BadRequest(crate::i18n::Msg::verbatim(
            "Filen kunde inte läsas. Välj en CSV-fil i formuläret och försök igen.",
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
            let mut msg = format!(
                "Filen är inläst. Inrapporteringen har status ”{}”.",
                SubmissionStatus::parse(outcome.status)
                    .map(|s| s.label_sv().to_lowercase())
                    .unwrap_or_default()
            );
            for w in &outcome.warnings {
                msg.push(' ');
                msg.push_str(&w.message);
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
