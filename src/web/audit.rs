//! Administration: browse, filter and export the audit log, with the hash chain's status.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;

use super::auth::{Administrator, Authorized};
use super::layout::{render_with, Choice, Chrome, FormState};
use super::routes::Routes;
use super::AppState;
use crate::db::models::AuditRow;
use crate::domain::audit_chain;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{Msg, Tr};
use crate::key;
use crate::services::audit::{self, AuditFilter, ChainStatus, PAGE_SIZE};

pub fn config(r: &mut Routes) {
    r.get("/admin/audit", audit_page)
        .get("/admin/audit.csv", audit_csv);
}

/// The filter as typed (GET parameters; a search is a shareable link).
#[derive(Debug, Default, Deserialize)]
struct AuditParams {
    actor: Option<String>,
    action: Option<String>,
    entity: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<String>,
}

fn non_empty(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// A `YYYY-MM-DD` date field; empty is `None`, anything else unreadable is an error.
/// `label` is the catalogue key of the field's name in the message.
fn parse_date(
    raw: &Option<String>,
    field: &str,
    label: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let raw = non_empty(raw)?;
    NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
        .map_err(|_| {
            errors.push(FieldError::new(
                field,
                "invalid",
                Msg::new("admin-audit-date-invalid").arg("field", Msg::new(label)),
            ))
        })
        .ok()
}

impl AuditParams {
    /// The filter, or every problem with the dates.
    fn filter(&self) -> Result<AuditFilter, Vec<FieldError>> {
        let mut errors = Vec::new();
        let from = parse_date(
            &self.from,
            "from",
            key!("admin-audit-from-name"),
            &mut errors,
        );
        let to = parse_date(&self.to, "to", key!("admin-audit-to-name"), &mut errors);
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                errors.push(FieldError::new(
                    "to",
                    "before_from",
                    Msg::new("admin-audit-to-before-from"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let start = |d: NaiveDate| -> NaiveDateTime { d.and_time(chrono::NaiveTime::MIN) };
        Ok(AuditFilter {
            actor: non_empty(&self.actor),
            action: non_empty(&self.action),
            entity: non_empty(&self.entity),
            from: from.map(start),
            // "Till och med": the whole day.
            until: to.and_then(|d| d.succ_opt()).map(start),
        })
    }

    fn page(&self) -> i64 {
        self.page
            .as_deref()
            .and_then(|p| p.trim().parse::<i64>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    }

    /// The filter's query string (empty fields left out), plus a page number.
    fn query(&self, page: Option<i64>) -> String {
        let mut pairs: Vec<(&str, String)> = [
            ("actor", &self.actor),
            ("action", &self.action),
            ("entity", &self.entity),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter_map(|(k, v)| non_empty(v).map(|v| (k, v)))
        .collect();
        if let Some(p) = page {
            pairs.push(("page", p.to_string()));
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }

    fn form(&self, errors: Vec<FieldError>, tr: &crate::i18n::Tr) -> FormState {
        let mut form = FormState::default().with_errors(&errors, tr);
        for (k, v) in [
            ("actor", &self.actor),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            form.values
                .insert(k.to_string(), v.clone().unwrap_or_default());
        }
        form
    }
}

pub struct AuditView {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub detail: String,
}

pub struct ChainView {
    pub intact: bool,
    pub summary: Msg,
    pub head: Option<(i64, String)>,
}

impl From<&ChainStatus> for ChainView {
    fn from(s: &ChainStatus) -> Self {
        Self {
            intact: s.intact(),
            summary: s.summary(),
            head: s.head.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    chrome: Chrome,
    form: FormState,
    actions: Vec<Choice>,
    entities: Vec<Choice>,
    filtered: bool,
    rows: Vec<AuditView>,
    total: i64,
    page: i64,
    pages: i64,
    prev_url: Option<String>,
    next_url: Option<String>,
    csv_url: String,
    chain: ChainView,
    /// The command that checks the chain again (code, not text to translate).
    verify_command: &'static str,
}

fn choices(values: Vec<String>, selected: Option<&str>) -> Vec<Choice> {
    values
        .into_iter()
        .map(|v| Choice {
            selected: selected == Some(v.as_str()),
            label: v.clone(),
            value: v,
        })
        .collect()
}

async fn audit_page(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    q: web::Query<AuditParams>,
) -> AppResult<HttpResponse> {
    let params = q.into_inner();
    let filter = params.filter();
    let (found, errors) = match filter {
        Ok(f) => (Some((f, params.page())), Vec::new()),
        Err(errors) => (None, errors),
    };
    let (status, (actions, entities), found) = state
        .db
        .run(move |c| {
            let status = audit::verify(c)?;
            let choices = audit::filter_choices(c)?;
            let found = match found {
                Some((f, page)) => Some(audit::search(c, &f, page, PAGE_SIZE)?),
                None => None,
            };
            Ok((status, choices, found))
        })
        .await?;
    let link = |p: i64| format!("/admin/audit?{}", params.query(Some(p)));
    let (rows, total, page, pages) = match &found {
        Some(r) => (
            r.rows.iter().map(|row| view(row, &auth.tr)).collect(),
            r.total,
            r.page,
            r.pages,
        ),
        None => (Vec::new(), 0, 1, 1),
    };
    let code = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_with(
        code,
        &AuditPage {
            chrome: Chrome::for_user(&auth, auth.tr.t("admin-audit-title"), "/admin"),
            actions: choices(actions, non_empty(&params.action).as_deref()),
            entities: choices(entities, non_empty(&params.entity).as_deref()),
            filtered: !params.query(None).is_empty(),
            rows,
            total,
            page,
            pages,
            prev_url: (page > 1).then(|| link(page - 1)),
            next_url: (page < pages).then(|| link(page + 1)),
            csv_url: format!("/admin/audit.csv?{}", params.query(None)),
            chain: ChainView::from(&status),
            verify_command: "lagesbild audit verify",
            form: params.form(errors, &auth.tr),
        },
    )
}

/// A record as shown: its time (UTC, to the second) written the reader's way.
fn view(r: &AuditRow, tr: &Tr) -> AuditView {
    AuditView {
        id: r.id,
        at: format!("{} {}", tr.date(r.at.date()), r.at.format("%H:%M:%S")),
        actor: r.actor.clone(),
        action: r.action.clone(),
        entity: r.entity.clone(),
        entity_id: r.entity_id.clone().unwrap_or_else(|| "–".into()),
        detail: r.detail.clone().unwrap_or_else(|| "–".into()),
    }
}

/// The filtered records as CSV (all pages), with the chain fields, so that the export can
/// be checked against the chain outside the application.
async fn audit_csv(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    q: web::Query<AuditParams>,
) -> AppResult<HttpResponse> {
    // A download has no form to show errors beside: the first problem is the answer.
    let filter = q.filter().map_err(|errors| {
        AppError::BadRequest(
            errors
                .into_iter()
                .next()
                .map(|e| e.message)
                .unwrap_or_else(|| Msg::new("error-invalid")),
        )
    })?;
    let rows = state
        .db
        .run(move |c| audit::all_matching(c, &filter))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", auth.tr.t("admin-audit-file")),
        ))
        .body(audit_csv_bytes(&rows, &auth.tr)))
}

/// `;`, UTF-8 with BOM, every cell through `domain::csv_safe::cell`. The column headings
/// are in the reader's language, except the chain fields, which keep their names; the
/// values are the stored ones (UTC timestamps in the chain's format), so that the export
/// can be checked against the chain.
pub fn audit_csv_bytes(rows: &[AuditRow], tr: &Tr) -> Vec<u8> {
    let header = [
        tr.t("admin-audit-col-number"),
        tr.t("admin-audit-col-time"),
        tr.t("admin-audit-col-actor"),
        tr.t("admin-audit-col-user-id"),
        tr.t("admin-audit-col-action"),
        tr.t("admin-audit-col-entity"),
        tr.t("admin-audit-col-entity-id"),
        tr.t("admin-audit-col-detail"),
        "prev_hash".to_string(),
        "hash".to_string(),
    ];
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                audit_chain::timestamp(r.at),
                r.actor.clone(),
                r.actor_user_id.map(|i| i.to_string()).unwrap_or_default(),
                r.action.clone(),
                r.entity.clone(),
                opt(&r.entity_id),
                opt(&r.detail),
                opt(&r.prev_hash),
                opt(&r.hash),
            ]
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    crate::domain::csv_safe::write_sv(&header, &body)
}
