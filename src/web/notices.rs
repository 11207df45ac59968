//! Kunskapsnotiser: search and read notices, write them (coordinators for their agency,
//! analysts for the forum), and review them (analysts, never their own).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::auth::{set_flash, Authorized, NoticeReader, NoticeWriter, Policy, Reviewer};
use super::forum::agency_options;
use super::layout::{render, render_with, see_other, Choice, Chrome, FormState};
use super::review::DecisionForm;
use super::routes::Routes;
use super::AppState;
use crate::db::queries::agencies;
use crate::domain::access::Capability;
use crate::domain::notice::{self, Issuer, Marking, NoticeInput, NoticeKind, NoticeStatus};
use crate::domain::taxonomy::{Dimension, Taxonomy};
use crate::error::{AppError, AppResult};
use crate::i18n::{Msg, Tr};
use crate::key;
use crate::services::notices::{self as svc, NoticeDetail, NoticeFilter, NoticeSummary};
use crate::services::taxonomy;

pub fn config(r: &mut Routes) {
    // "/notices/new" before "/notices/{id}".
    r.get("/notices", list)
        .post("/notices", create)
        .get("/notices/new", new_form)
        .get("/notices/{id}", show)
        .get("/notices/{id}/edit", edit_form)
        .post("/notices/{id}/edit", update)
        .post("/notices/{id}/submit", submit)
        .post("/notices/{id}/review", review);
}

/// A notice in a list.
pub struct NoticeRowView {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub issuer: String,
    pub marking: String,
    pub status: String,
    pub approved: bool,
    pub valid: String,
    pub concerns: String,
}

fn validity(tr: &Tr, from: chrono::NaiveDate, to: Option<chrono::NaiveDate>) -> String {
    match to {
        Some(t) => format!("{} – {}", tr.date(from), tr.date(t)),
        None => tr.t1("notices-valid-from", "date", from),
    }
}

/// A taxonomy entry's label in the reader's language.
fn label<'a>(tr: &Tr, tax: &'a Taxonomy, d: Dimension, code: &'a str) -> &'a str {
    tr.lang.pick(tax.label_sv(d, code), tax.label_en(d, code))
}

/// The name of a dimension a notice may be linked to (a heading and a filter label).
fn dimension_key(d: Dimension) -> &'static str {
    match d {
        Dimension::MisuseType => key!("notices-dim-misuse-type"),
        Dimension::DocumentType => key!("notices-dim-document-type"),
        _ => key!("notices-dim-chain-stage"),
    }
}

fn concerns(tr: &Tr, links: &[(Dimension, String)], tax: &Taxonomy) -> String {
    links
        .iter()
        .map(|(d, c)| label(tr, tax, *d, c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn row_view(tr: &Tr, n: &NoticeSummary, tax: &Taxonomy) -> NoticeRowView {
    NoticeRowView {
        id: n.id,
        title: n.title.clone(),
        kind: tr.t(n.kind.key()),
        issuer: n.issuer(tr),
        marking: n.marking.label(),
        status: tr.t(n.status.key()),
        approved: n.status == NoticeStatus::Approved,
        valid: validity(tr, n.valid_from, n.valid_to),
        concerns: concerns(tr, &n.links, tax),
    }
}

/// A select list in the search form, with "all" first.
pub struct FilterSelect {
    pub name: &'static str,
    pub label: String,
    pub choices: Vec<Choice>,
}

fn choices(options: Vec<(String, String)>, selected: Option<&str>) -> Vec<Choice> {
    options
        .into_iter()
        .map(|(value, label)| Choice {
            selected: selected == Some(value.as_str()),
            value,
            label,
        })
        .collect()
}

fn taxonomy_options(tr: &Tr, tax: &Taxonomy, d: Dimension) -> Vec<(String, String)> {
    tax.all(d)
        .map(|e| {
            (
                e.code.clone(),
                tr.lang.pick(&e.label_sv, &e.label_en).to_string(),
            )
        })
        .collect()
}

#[derive(Template)]
#[template(path = "notices/list.html")]
struct ListPage {
    chrome: Chrome,
    q: String,
    filters: Vec<FilterSelect>,
    filtered: bool,
    notices: Vec<NoticeRowView>,
    can_write: bool,
    awaiting_review: usize,
    can_review: bool,
}

async fn list(
    state: web::Data<AppState>,
    auth: Authorized<NoticeReader>,
    filter: web::Query<NoticeFilter>,
) -> AppResult<HttpResponse> {
    let filter = filter.into_inner();
    let user = auth.user.clone();
    let f = filter.clone();
    let (found, tax, agencies) = state
        .db
        .run(move |c| {
            Ok((
                svc::search(c, &user, &f)?,
                taxonomy::load(c)?,
                agencies::all(c)?,
            ))
        })
        .await?;
    let tr = &auth.tr;
    let sel = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let filters = vec![
        FilterSelect {
            name: "kind",
            label: tr.t("notices-kind-field"),
            choices: choices(
                NoticeKind::ALL
                    .iter()
                    .map(|k| (k.code().to_string(), tr.t(k.key())))
                    .collect(),
                sel(&filter.kind).as_deref(),
            ),
        },
        FilterSelect {
            name: "misuse_type",
            label: tr.t(dimension_key(Dimension::MisuseType)),
            choices: choices(
                taxonomy_options(tr, &tax, Dimension::MisuseType),
                sel(&filter.misuse_type).as_deref(),
            ),
        },
        FilterSelect {
            name: "document_type",
            label: tr.t(dimension_key(Dimension::DocumentType)),
            choices: choices(
                taxonomy_options(tr, &tax, Dimension::DocumentType),
                sel(&filter.document_type).as_deref(),
            ),
        },
        FilterSelect {
            name: "chain_stage",
            label: tr.t(dimension_key(Dimension::ChainStage)),
            choices: choices(
                taxonomy_options(tr, &tax, Dimension::ChainStage),
                sel(&filter.chain_stage).as_deref(),
            ),
        },
        FilterSelect {
            name: "agency",
            label: tr.t("notices-col-issuer"),
            choices: choices(
                std::iter::once((
                    Issuer::SOURCE_FORUM.to_string(),
                    tr.t("notices-issuer-forum"),
                ))
                .chain(agency_options(tr, &agencies))
                .collect(),
                sel(&filter.agency).as_deref(),
            ),
        },
        FilterSelect {
            name: "marking",
            label: tr.t("notices-col-marking"),
            choices: choices(
                Marking::ALL
                    .iter()
                    .map(|m| (m.code().to_string(), m.label()))
                    .collect(),
                sel(&filter.marking)
                    .and_then(|m| Marking::parse(&m))
                    .map(|m| m.code()),
            ),
        },
        FilterSelect {
            name: "status",
            label: tr.t("notices-col-status"),
            choices: choices(
                NoticeStatus::ALL
                    .iter()
                    .map(|s| (s.code().to_string(), tr.t(s.key())))
                    .collect(),
                sel(&filter.status).as_deref(),
            ),
        },
    ];
    let can_review = Capability::Review.allows(auth.user.role);
    render(&ListPage {
        chrome: Chrome::for_user(&auth, tr.t("notices-title"), "/notices"),
        q: filter.q.clone().unwrap_or_default(),
        filters,
        filtered: [
            &filter.q,
            &filter.kind,
            &filter.misuse_type,
            &filter.document_type,
            &filter.chain_stage,
            &filter.agency,
            &filter.marking,
            &filter.status,
        ]
        .iter()
        .any(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty())),
        awaiting_review: found
            .iter()
            .filter(|n| n.status == NoticeStatus::Submitted)
            .count(),
        notices: found.iter().map(|n| row_view(tr, n, &tax)).collect(),
        can_write: Capability::WriteNotices.allows(auth.user.role),
        can_review,
    })
}

/// A group of checkboxes for one taxonomy dimension.
pub struct LinkGroup {
    pub name: &'static str,
    pub legend: String,
    pub hint: String,
    pub choices: Vec<Choice>,
}

/// One checkbox group per linkable dimension, in `notice::LINK_DIMENSIONS` order.
fn link_groups(tr: &Tr, tax: &Taxonomy, selected: &[(String, String)]) -> [LinkGroup; 3] {
    notice::LINK_DIMENSIONS.map(|d| {
        let is_selected = |code: &str| selected.iter().any(|(k, v)| k == d.code() && v == code);
        // Active codes, plus retired ones the notice already has.
        let choices = tax
            .all(d)
            .filter(|e| !e.retired || is_selected(&e.code))
            .map(|e| Choice {
                selected: is_selected(&e.code),
                value: e.code.clone(),
                label: tr.lang.pick(&e.label_sv, &e.label_en).to_string(),
            })
            .collect();
        let legend = match d {
            Dimension::MisuseType => key!("notices-links-misuse-type"),
            Dimension::DocumentType => key!("notices-links-document-type"),
            _ => key!("notices-links-chain-stage"),
        };
        LinkGroup {
            name: d.code(),
            legend: tr.t(legend),
            hint: tr.t("notices-links-hint"),
            choices,
        }
    })
}

/// A marking as a radio choice with who may read it.
pub struct MarkingChoice {
    pub code: &'static str,
    pub label: String,
    pub audience: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "notices/form.html")]
struct FormPage {
    chrome: Chrome,
    heading: String,
    action: String,
    cancel: String,
    issuer: String,
    kinds: Vec<Choice>,
    misuse_types: LinkGroup,
    document_types: LinkGroup,
    chain_stages: LinkGroup,
    markings: Vec<MarkingChoice>,
    form: FormState,
    editing: bool,
}

/// The form's values: single fields in `values`, the checked links separately.
struct Submitted {
    values: std::collections::HashMap<String, String>,
    links: Vec<(String, String)>,
}

impl Submitted {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut values = std::collections::HashMap::new();
        let mut links = Vec::new();
        for (k, v) in pairs {
            if notice::LINK_DIMENSIONS.iter().any(|d| d.code() == k) {
                links.push((k, v));
            } else if k != "csrf_token" {
                values.insert(k, v);
            }
        }
        Self { values, links }
    }

    fn from_detail(d: &NoticeDetail) -> Self {
        let n = &d.notice;
        let values = [
            ("kind", n.kind.code().to_string()),
            ("title", n.title.clone()),
            ("description", n.description.clone()),
            ("marking", n.marking.code().to_string()),
            ("valid_from", n.valid_from.to_string()),
            (
                "valid_to",
                n.valid_to.map(|t| t.to_string()).unwrap_or_default(),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        Self {
            values,
            links: n
                .links
                .iter()
                .map(|(d, c)| (d.code().to_string(), c.clone()))
                .collect(),
        }
    }

    fn input(&self) -> NoticeInput {
        let v = |k: &str| self.values.get(k).cloned();
        NoticeInput {
            kind: v("kind"),
            title: v("title"),
            description: v("description"),
            marking: v("marking"),
            valid_from: v("valid_from"),
            valid_to: v("valid_to"),
            links: self.links.clone(),
        }
    }
}

fn issuer_label<P: Policy>(auth: &Authorized<P>) -> String {
    match notice::issuer_for(&svc::viewer(&auth.user)) {
        Some(Issuer::Forum) => auth.tr.t("notices-issuer-forum-written"),
        Some(Issuer::Agency(_)) => auth
            .tr
            .lang
            .pick(
                auth.user.agency_name.as_deref().unwrap_or_default(),
                auth.user.agency_name_en.as_deref().unwrap_or_default(),
            )
            .to_string(),
        None => String::new(),
    }
}

fn form_page(
    auth: &Authorized<NoticeWriter>,
    tax: &Taxonomy,
    editing: Option<i64>,
    submitted: Submitted,
    errors: Vec<crate::domain::validation::FieldError>,
) -> FormPage {
    let tr = &auth.tr;
    let [misuse_types, document_types, chain_stages] = link_groups(tr, tax, &submitted.links);
    let form = FormState {
        values: submitted.values,
        ..Default::default()
    }
    .with_errors(&errors, &auth.tr);
    let kind = form.value("kind").to_string();
    let marking = Marking::parse(form.value("marking"));
    let (heading, action, cancel) = match editing {
        Some(id) => (
            tr.t("notices-edit"),
            format!("/notices/{id}/edit"),
            format!("/notices/{id}"),
        ),
        None => (
            tr.t("notices-new"),
            "/notices".to_string(),
            "/notices".to_string(),
        ),
    };
    FormPage {
        chrome: Chrome::for_user(auth, heading.clone(), "/notices"),
        heading,
        action,
        cancel,
        issuer: issuer_label(auth),
        kinds: choices(
            NoticeKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), tr.t(k.key())))
                .collect(),
            Some(kind.as_str()),
        ),
        misuse_types,
        document_types,
        chain_stages,
        markings: Marking::ALL
            .iter()
            .map(|m| MarkingChoice {
                code: m.code(),
                label: m.label(),
                audience: tr.t(m.audience_key()),
                checked: marking == Some(*m),
            })
            .collect(),
        form,
        editing: editing.is_some(),
    }
}

fn must_write(auth: &Authorized<NoticeWriter>) -> AppResult<()> {
    notice::issuer_for(&svc::viewer(&auth.user))
        .map(|_| ())
        .ok_or_else(|| AppError::Forbidden(Msg::new("notices-no-agency")))
}

async fn new_form(
    state: web::Data<AppState>,
    auth: Authorized<NoticeWriter>,
) -> AppResult<HttpResponse> {
    must_write(&auth)?;
    let tax = state.db.run(taxonomy::load).await?;
    let mut submitted = Submitted::from_pairs(Vec::new());
    submitted.values.insert(
        "valid_from".into(),
        chrono::Utc::now().date_naive().to_string(),
    );
    render(&form_page(&auth, &tax, None, submitted, Vec::new()))
}

async fn create(
    state: web::Data<AppState>,
    auth: Authorized<NoticeWriter>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let submitted = Submitted::from_pairs(form.into_inner());
    let input = submitted.input();
    let user = auth.user.clone();
    match state.db.run(move |c| svc::create(c, &user, &input)).await {
        Ok(id) => {
            set_flash(&session, &auth.tr.t("notices-created-flash"));
            Ok(see_other(&format!("/notices/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            let tax = state.db.run(taxonomy::load).await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&auth, &tax, None, submitted, errors),
            )
        }
        Err(e) => Err(e),
    }
}

async fn load<P: Policy>(
    state: &AppState,
    auth: &Authorized<P>,
    id: i64,
) -> AppResult<NoticeDetail> {
    let user = auth.user.clone();
    state.db.run(move |c| svc::load(c, &user, id)).await
}

async fn edit_form(
    state: web::Data<AppState>,
    auth: Authorized<NoticeWriter>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let d = load(&state, &auth, id).await?;
    if !d.may_edit {
        return Err(AppError::Conflict(
            Msg::new("notices-not-editable-by-you").arg("status", d.notice.status.code()),
        ));
    }
    let submitted = Submitted::from_detail(&d);
    render(&form_page(
        &auth,
        &d.taxonomy,
        Some(id),
        submitted,
        Vec::new(),
    ))
}

async fn update(
    state: web::Data<AppState>,
    auth: Authorized<NoticeWriter>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let submitted = Submitted::from_pairs(form.into_inner());
    let input = submitted.input();
    let user = auth.user.clone();
    match state
        .db
        .run(move |c| svc::update(c, &user, id, &input))
        .await
    {
        Ok(()) => {
            set_flash(&session, &auth.tr.t("notices-updated-flash"));
            Ok(see_other(&format!("/notices/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            let tax = state.db.run(taxonomy::load).await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&auth, &tax, Some(id), submitted, errors),
            )
        }
        Err(e) => Err(e),
    }
}

/// The series a notice concerns, per dimension, in words.
pub struct ConcernsView {
    pub label: String,
    pub values: String,
}

#[derive(Template)]
#[template(path = "notices/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: i64,
    title: String,
    kind: String,
    issuer: String,
    marking: String,
    audience: String,
    status: String,
    returned: bool,
    valid: String,
    description: String,
    concerns: Vec<ConcernsView>,
    review_comment: Option<String>,
    may_edit: bool,
    may_review: bool,
    own_work: bool,
    form: FormState,
}

fn show_page<P: Policy>(auth: &Authorized<P>, d: &NoticeDetail, form: FormState) -> ShowPage {
    let n = &d.notice;
    let tr = &auth.tr;
    ShowPage {
        chrome: Chrome::for_user(auth, n.title.clone(), "/notices"),
        id: n.id,
        title: n.title.clone(),
        kind: tr.t(n.kind.key()),
        issuer: n.issuer(tr),
        marking: n.marking.label(),
        audience: tr.t(n.marking.audience_key()),
        status: tr.t(n.status.key()),
        returned: n.status == NoticeStatus::Returned,
        valid: validity(tr, n.valid_from, n.valid_to),
        description: n.description.clone(),
        concerns: notice::LINK_DIMENSIONS
            .iter()
            .filter_map(|dim| {
                let values: Vec<&str> = n
                    .links
                    .iter()
                    .filter(|(d2, _)| d2 == dim)
                    .map(|(_, c)| label(tr, &d.taxonomy, *dim, c))
                    .collect();
                (!values.is_empty()).then(|| ConcernsView {
                    label: tr.t(dimension_key(*dim)),
                    values: values.join(", "),
                })
            })
            .collect(),
        review_comment: d.review_comment.clone(),
        may_edit: d.may_edit,
        may_review: d.may_review,
        own_work: d.own_work,
        form,
    }
}

async fn show(
    state: web::Data<AppState>,
    auth: Authorized<NoticeReader>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let d = load(&state, &auth, path.into_inner()).await?;
    render(&show_page(&auth, &d, FormState::default()))
}

async fn submit(
    state: web::Data<AppState>,
    auth: Authorized<NoticeWriter>,
    session: Session,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let user = auth.user.clone();
    state.db.run(move |c| svc::submit(c, &user, id)).await?;
    set_flash(&session, &auth.tr.t("notices-submitted-flash"));
    Ok(see_other(&format!("/notices/{id}")))
}

async fn review(
    state: web::Data<AppState>,
    auth: Authorized<Reviewer>,
    session: Session,
    path: web::Path<i64>,
    form: web::Form<DecisionForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let decision = form.decision()?;
    let comment = form.comment;
    let user = auth.user.clone();
    match state
        .db
        .run(move |c| svc::review(c, &user, id, decision))
        .await
    {
        Ok(status) => {
            set_flash(
                &session,
                &match status {
                    NoticeStatus::Approved => auth.tr.t("notices-approved-flash"),
                    s => auth.tr.t1("notices-reviewed-flash", "status", s.code()),
                },
            );
            Ok(see_other(&format!("/notices/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            let d = load(&state, &auth, id).await?;
            let mut form = FormState {
                ..Default::default()
            }
            .with_errors(&errors, &auth.tr);
            form.values
                .insert("comment".into(), comment.unwrap_or_default());
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&auth, &d, form),
            )
        }
        Err(e) => Err(e),
    }
}
