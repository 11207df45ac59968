//! Lägesbilder: report editions — compose, review, publish, read and download; the
//! ministry portal is the same list, showing only what is published.

use actix_session::Session;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{set_flash, Authorized, Policy, ReportApprover, ReportDrafter, ReportReader};
use super::layout::{render, render_with, see_other, Choice, Chrome, FormState};
use super::routes::Routes;
use super::AppState;
use crate::domain::access::Capability;
use crate::domain::markdown::to_safe_html;
use crate::domain::period::Period;
use crate::domain::report::{Component, Lang, MarkingPolicy, VersionStatus};
use crate::domain::role::Role;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::report::data::{DataSettings, ReportData};
use crate::services::report::editions::{self as ed, Meta, NewEdition, SectionInput, VersionView};
use crate::services::report::render::{
    cell_text, completeness_table, figure_chart, figure_table, list_table, method_paragraphs,
    FigureChart,
};
use crate::services::report::{self, templates, ReportContext};
use crate::services::signals::SignalCache;

pub fn config(r: &mut Routes) {
    r.get("/reports", list)
        .post("/reports", create)
        .get("/reports/new", new_form)
        .get("/reports/pdf", period_pdf)
        .get("/reports/{id}", edition)
        .post("/reports/{id}/correct", correct)
        .get("/reports/{id}/versions/{no}", show)
        .get("/reports/{id}/versions/{no}/pdf", pdf)
        .get("/reports/{id}/versions/{no}/edit", edit_form)
        .post("/reports/{id}/versions/{no}/meta", save_meta)
        .post("/reports/{id}/versions/{no}/sections/{key}", save_section)
        .post("/reports/{id}/versions/{no}/submit", submit)
        .post("/reports/{id}/versions/{no}/approve", approve)
        .post("/reports/{id}/versions/{no}/refuse", refuse)
        .post("/reports/{id}/versions/{no}/publish", publish);
}

/// What a report needs from the state, owned so it can move into a blocking task.
struct ReportEnv {
    settings: DataSettings,
    markings: MarkingPolicy,
    signals: std::sync::Arc<SignalCache>,
    metrics: std::sync::Arc<crate::metrics::Metrics>,
}

impl ReportEnv {
    fn of(state: &AppState) -> Self {
        Self {
            settings: DataSettings {
                disclosure_k: state.settings.min_cell,
                signal_alpha: state.settings.signal_alpha,
            },
            markings: state.settings.markings.clone(),
            signals: state.signals.clone(),
            metrics: state.metrics.clone(),
        }
    }

    fn ctx(&self) -> ReportContext<'_> {
        ReportContext {
            settings: self.settings,
            markings: &self.markings,
            signals: Some(&self.signals),
            metrics: Some(&self.metrics),
        }
    }
}

fn pdf_response(bytes: Vec<u8>, file_name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/pdf"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes)
}

// ---------------------------------------------------------------------------------------
// The list (and the ministry portal)

struct VersionLink {
    no: i32,
    status: &'static str,
    published_on: String,
    correction: Option<String>,
}

struct EditionItem {
    id: i64,
    period: String,
    title: String,
    marking: String,
    versions: Vec<VersionLink>,
}

#[derive(Template)]
#[template(path = "reports/list.html")]
struct ListPage {
    chrome: Chrome,
    editions: Vec<EditionItem>,
    can_compose: bool,
    published_only: bool,
}

async fn list(
    state: web::Data<AppState>,
    auth: Authorized<ReportReader>,
) -> AppResult<HttpResponse> {
    let user = auth.user.clone();
    let editions = state.db.run(move |c| ed::list(c, &user)).await?;
    render(&ListPage {
        chrome: Chrome::for_user(&auth, "Lägesbilder", "/reports"),
        can_compose: Capability::DraftReports.allows(auth.user.role),
        published_only: !matches!(auth.user.role, Role::Analyst | Role::Approver | Role::Admin),
        editions: editions
            .into_iter()
            .map(|e| {
                let latest = e.latest().cloned();
                EditionItem {
                    id: e.edition.id,
                    period: e.edition.period_code.clone(),
                    title: latest.as_ref().map(|v| v.title.clone()).unwrap_or_default(),
                    marking: latest.as_ref().map(ed::marking_line).unwrap_or_default(),
                    versions: e
                        .versions
                        .iter()
                        .rev()
                        .map(|v| VersionLink {
                            no: v.version_no,
                            status: ed::status_of(v).label_sv(),
                            published_on: v
                                .published_at
                                .map(|t| t.format("%Y-%m-%d").to_string())
                                .unwrap_or_default(),
                            correction: v.correction_note.clone(),
                        })
                        .collect(),
                }
            })
            .collect(),
    })
}

// ---------------------------------------------------------------------------------------
// A new edition

#[derive(Template)]
#[template(path = "reports/new.html")]
struct NewPage {
    chrome: Chrome,
    form: FormState,
    templates: Vec<Choice>,
    languages: Vec<Choice>,
    markings: Vec<Choice>,
    tlps: Vec<Choice>,
}

async fn new_page<P: Policy>(
    state: &AppState,
    auth: &Authorized<P>,
    form: FormState,
) -> AppResult<NewPage> {
    let list = state.db.run(templates::list).await?;
    let markings = &state.settings.markings;
    Ok(NewPage {
        chrome: Chrome::for_user(auth, "Ny lägesbild", "/reports"),
        templates: form.choices(
            "template_id",
            list.iter()
                .filter_map(|t| t.id.map(|id| (id.to_string(), t.name.clone()))),
        ),
        languages: form.choices(
            "language",
            [Lang::Sv, Lang::En].map(|l| (l.code().to_string(), l.label_sv().to_string())),
        ),
        markings: form.choices(
            "marking",
            markings.allowed().iter().map(|m| (m.clone(), m.clone())),
        ),
        tlps: form.choices(
            "tlp",
            markings
                .allowed_tlp()
                .into_iter()
                .map(|t| (t.code().to_string(), t.label())),
        ),
        form,
    })
}

async fn new_form(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
) -> AppResult<HttpResponse> {
    let latest = state
        .db
        .run(crate::services::aggregation::latest_quarter)
        .await?;
    let mut form = FormState::default();
    let defaults = [
        ("period", latest.map(|p| p.code()).unwrap_or_default()),
        ("language", "sv".to_string()),
        ("marking", state.settings.markings.minimum.clone()),
        (
            "tlp",
            state.settings.markings.minimum_tlp.code().to_string(),
        ),
    ];
    for (k, v) in defaults {
        form.values.insert(k.into(), v);
    }
    render(&new_page(&state, &auth, form).await?)
}

async fn create(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let mut form = FormState::from_pairs(&body);
    let input = NewEdition {
        period: form.value("period").to_string(),
        template_id: form.value("template_id").parse().ok(),
        language: form.value("language").to_string(),
        marking: form.value("marking").to_string(),
        tlp: form.value("tlp").to_string(),
    };
    let user = auth.user.clone();
    let markings = state.settings.markings.clone();
    match state
        .db
        .run(move |c| ed::create(c, &user, &input, &markings))
        .await
    {
        Ok(id) => Ok(see_other(&format!("/reports/{id}/versions/1/edit"))),
        Err(AppError::Validation(errors)) => {
            form.set_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &new_page(&state, &auth, form).await?,
            )
        }
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------
// Reading a version: its status, actions, history and the report as it prints

/// Automatic content as the web shows it.
pub struct ComponentView {
    pub caption: String,
    /// An inline SVG chart (our own chart code; no user markup).
    pub svg: Option<String>,
    pub summary: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub paragraphs: Vec<String>,
    pub bullets: Vec<String>,
    /// Right-align the cells after the first (tables of counts).
    pub numeric: bool,
}

impl ComponentView {
    fn text(paragraphs: Vec<String>) -> Self {
        Self {
            caption: String::new(),
            svg: None,
            summary: String::new(),
            header: vec![],
            rows: vec![],
            paragraphs,
            bullets: vec![],
            numeric: false,
        }
    }

    fn table(caption: String, header: Vec<String>, rows: Vec<Vec<String>>) -> Self {
        Self {
            caption,
            header,
            rows,
            ..Self::text(vec![])
        }
    }

    fn counts(self) -> Self {
        Self {
            numeric: true,
            ..self
        }
    }
}

pub struct SectionView {
    pub number: usize,
    pub title: String,
    /// Markdown rendered and sanitised (ammonia).
    pub html: String,
    pub components: Vec<ComponentView>,
}

fn component_view(
    k: Component,
    d: &ReportData,
    lang: Lang,
    tr: &crate::i18n::Tr,
) -> Option<ComponentView> {
    let w = |sv: &'static str, en: &'static str| lang.pick(sv, en).to_string();
    Some(match k {
        Component::SummaryTable => {
            let (header, rows) = figure_table(&d.summary, lang);
            ComponentView::table(d.summary.title.get(lang).to_string(), header, rows).counts()
        }
        k if k.is_chart() => {
            let f = d.figures.get(&k)?;
            let svg = match figure_chart(f, lang) {
                FigureChart::Trend(c) => crate::charts::trend_svg(&c),
                FigureChart::Stacked(c) => crate::charts::stacked_svg(&c),
                FigureChart::Heatmap(c) => crate::charts::heatmap_svg(&c),
            }
            .ok();
            let (header, rows) = figure_table(f, lang);
            ComponentView {
                summary: crate::web::dashboard::peak_summary(
                    tr,
                    &f.rows
                        .iter()
                        .map(|l| l.get(lang).to_string())
                        .collect::<Vec<_>>(),
                    &f.cols
                        .iter()
                        .map(|l| l.get(lang).to_string())
                        .collect::<Vec<_>>(),
                    &f.cells,
                ),
                svg,
                ..ComponentView::table(f.title.get(lang).to_string(), header, rows).counts()
            }
        }
        Component::MeasuresTable | Component::SignalsTable => {
            let t = list_table(k, d, lang)?;
            ComponentView::table(t.caption, t.header, t.rows)
        }
        Component::RisksList => ComponentView {
            bullets: d
                .risks
                .iter()
                .map(|r| {
                    format!(
                        "{} ({} {}){}",
                        r.series.get(lang),
                        cell_text(&r.observed, lang),
                        w("fall", "cases"),
                        if r.covered_by.is_empty() {
                            w(": ingen åtgärd i kraft", ": no measure in force")
                        } else {
                            format!(": {}", r.covered_by.join(", "))
                        }
                    )
                })
                .collect(),
            ..ComponentView::text(vec![])
        },
        Component::ForumFollowups => {
            let t = list_table(k, d, lang)?;
            ComponentView::table(t.caption, t.header, t.rows)
        }
        Component::MethodText => ComponentView::text(method_paragraphs(d, lang)),
        Component::Completeness => {
            let (header, rows) = completeness_table(d, lang);
            ComponentView::table(
                format!(
                    "{} {}",
                    w("Inrapporteringsläge", "Reporting status"),
                    d.period
                ),
                header,
                rows,
            )
        }
        Component::Changes => match &d.previous_edition {
            None => ComponentView::text(vec![w(
                "Det finns ingen tidigare publicerad utgåva att jämföra med.",
                "There is no earlier published edition to compare with.",
            )]),
            Some(prev) => {
                let t = list_table(k, d, lang)?;
                ComponentView {
                    paragraphs: vec![format!("{} {prev}.", w("Jämfört med", "Compared with"))],
                    ..ComponentView::table(t.caption, t.header, t.rows)
                }
            }
        },
        _ => return None,
    })
}

pub fn section_views(
    v: &VersionView,
    d: &ReportData,
    catalogue: &std::sync::Arc<crate::i18n::Catalogue>,
) -> Vec<SectionView> {
    let lang = ed::lang_of(&v.version);
    let tr = catalogue.tr(lang);
    v.content
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| SectionView {
            number: i + 1,
            title: s.title.get(lang).to_string(),
            html: to_safe_html(&s.text),
            components: s
                .included()
                .filter_map(|k| component_view(k, d, lang, &tr))
                .collect(),
        })
        .collect()
}

struct EventView {
    at: String,
    actor: String,
    what: &'static str,
    note: Option<String>,
}

#[derive(Template)]
#[template(path = "reports/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: i64,
    no: i32,
    latest_no: i32,
    title: String,
    period: String,
    status: &'static str,
    published: bool,
    marking: String,
    language: &'static str,
    sha256: Option<String>,
    pdf_size: Option<i64>,
    correction: Option<String>,
    editors: Vec<String>,
    events: Vec<EventView>,
    other_versions: Vec<(i32, &'static str)>,
    sections: Vec<SectionView>,
    html_lang: &'static str,
    can_edit: bool,
    can_submit: bool,
    can_approve: bool,
    approve_blocked: Option<String>,
    can_refuse: bool,
    can_publish: bool,
    can_correct: bool,
    reason_error: Option<String>,
    note_error: Option<String>,
    computed_at: String,
}

fn event_label(code: &str) -> &'static str {
    match code {
        "created" => "Skapad",
        "edited" => "Ändrad",
        "submitted" => "Skickad för granskning",
        "approved" => "Godkänd",
        "refused" => "Skickad tillbaka",
        "published" => "Publicerad",
        "corrected" => "Rättelse påbörjad",
        _ => "Händelse",
    }
}

#[derive(Deserialize)]
struct VersionPath {
    id: i64,
    no: i32,
}

async fn edition(
    state: web::Data<AppState>,
    auth: Authorized<ReportReader>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let user = auth.user.clone();
    let e = state.db.run(move |c| ed::edition(c, &user, id)).await?;
    let no = e.latest().map(|v| v.version_no).unwrap_or(1);
    render(&show_page(&state, &auth, id, no, None, None).await?)
}

async fn show_page<P: Policy>(
    state: &AppState,
    auth: &Authorized<P>,
    id: i64,
    no: i32,
    reason_error: Option<String>,
    note_error: Option<String>,
) -> AppResult<ShowPage> {
    let user = auth.user.clone();
    let env = ReportEnv::of(state);
    let (v, data, names, siblings) = state
        .db
        .run(move |c| {
            let v = ed::version(c, &user, id, no)?;
            let data = ed::data_of(c, &v, env.ctx())?;
            let mut ids = v.editors.clone();
            ids.extend(v.events.iter().filter_map(|e| e.actor_user_id));
            let names = ed::user_names(c, &ids)?;
            let siblings = ed::edition(c, &user, id)?.versions;
            Ok((v, data, names, siblings))
        })
        .await?;
    let role = auth.user.role;
    let status = v.status();
    let composer = Capability::DraftReports.allows(role);
    let approver = role == Role::Approver;
    let editor = v.editors.contains(&auth.user.id);
    let name = |id: i64| {
        names
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| format!("användare {id}"))
    };
    let latest_published = siblings
        .last()
        .is_some_and(|l| l.version_no == no && l.status == VersionStatus::Published.code());
    Ok(ShowPage {
        chrome: Chrome::for_user(auth, v.version.title.clone(), "/reports"),
        id,
        no,
        latest_no: v.latest_no,
        title: v.version.title.clone(),
        period: v.edition.period_code.clone(),
        status: status.label_sv(),
        published: status == VersionStatus::Published,
        marking: ed::marking_line(&v.version),
        language: ed::lang_of(&v.version).label_sv(),
        sha256: v.version.pdf_sha256.clone(),
        pdf_size: v.version.pdf_size,
        correction: v.version.correction_note.clone(),
        editors: v.editors.iter().map(|i| name(*i)).collect(),
        events: v
            .events
            .iter()
            .map(|e| EventView {
                at: e.at.format("%Y-%m-%d %H:%M").to_string(),
                actor: e.actor_user_id.map(name).unwrap_or_else(|| e.actor.clone()),
                what: event_label(&e.event),
                note: e.note.clone(),
            })
            .collect(),
        other_versions: siblings
            .iter()
            .filter(|s| s.version_no != no)
            .map(|s| (s.version_no, ed::status_of(s).label_sv()))
            .collect(),
        sections: section_views(&v, &data, &state.catalogue),
        html_lang: ed::lang_of(&v.version).code(),
        can_edit: composer && status == VersionStatus::Draft,
        can_submit: composer && status == VersionStatus::Draft,
        can_approve: approver && status == VersionStatus::InReview && !editor,
        approve_blocked: (approver && status == VersionStatus::InReview && editor).then(|| {
            "Du har skrivit i den här utgåvan och kan inte godkänna den. En annan beslutsfattare måste godkänna (fyraögonsprincipen).".to_string()
        }),
        can_refuse: approver
            && matches!(status, VersionStatus::InReview | VersionStatus::Approved),
        can_publish: approver && status == VersionStatus::Approved,
        can_correct: composer && latest_published,
        reason_error,
        note_error,
        computed_at: data.computed_at.replace('T', " ").trim_end_matches('Z').to_string(),
    })
}

async fn show(
    state: web::Data<AppState>,
    auth: Authorized<ReportReader>,
    path: web::Path<VersionPath>,
) -> AppResult<HttpResponse> {
    render(&show_page(&state, &auth, path.id, path.no, None, None).await?)
}

async fn pdf(
    state: web::Data<AppState>,
    auth: Authorized<ReportReader>,
    path: web::Path<VersionPath>,
) -> AppResult<HttpResponse> {
    let (id, no) = (path.id, path.no);
    let user = auth.user.clone();
    let env = ReportEnv::of(&state);
    let d = state
        .db
        .run(move |c| ed::pdf(c, &user, id, no, env.ctx()))
        .await?;
    Ok(pdf_response(d.bytes, &d.file_name))
}

// ---------------------------------------------------------------------------------------
// Composing

struct ComponentRow {
    code: &'static str,
    label: &'static str,
    included: bool,
    position: usize,
}

struct SectionForm {
    key: String,
    number: usize,
    title: String,
    text: String,
    error: Option<String>,
    components: Vec<ComponentRow>,
}

#[derive(Template)]
#[template(path = "reports/edit.html")]
struct EditPage {
    chrome: Chrome,
    id: i64,
    no: i32,
    period: String,
    form: FormState,
    languages: Vec<Choice>,
    markings: Vec<Choice>,
    tlps: Vec<Choice>,
    sections: Vec<SectionForm>,
}

async fn edit_page(
    state: &AppState,
    auth: &Authorized<ReportDrafter>,
    id: i64,
    no: i32,
    meta_form: Option<FormState>,
    failed_section: Option<(String, String, Vec<FieldError>)>,
) -> AppResult<EditPage> {
    let user = auth.user.clone();
    let v = state.db.run(move |c| ed::version(c, &user, id, no)).await?;
    if v.status() != VersionStatus::Draft {
        return Err(AppError::Conflict(crate::i18n::Msg::verbatim(format!(
            "Versionen är {} och kan inte ändras.",
            v.status().label_sv().to_lowercase()
        ))));
    }
    let mut form = meta_form.unwrap_or_default();
    if form.values.is_empty() {
        for (k, val) in [
            ("title", v.version.title.clone()),
            ("language", v.version.language.clone()),
            ("marking", v.version.marking.clone()),
            ("tlp", v.version.tlp.clone()),
        ] {
            form.values.insert(k.into(), val);
        }
    }
    let markings = &state.settings.markings;
    let mut section_errors = Vec::new();
    let sections = v
        .content
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let failed = failed_section.as_ref().filter(|(k, _, _)| *k == s.key);
            if let Some((_, _, errors)) = failed {
                section_errors.extend(errors.iter().map(|e| FieldError {
                    field: format!("text-{}", s.key),
                    ..e.clone()
                }));
            }
            SectionForm {
                key: s.key.clone(),
                number: i + 1,
                title: s.title.sv.clone(),
                text: failed
                    .map(|f| f.1.clone())
                    .unwrap_or_else(|| s.text.clone()),
                error: failed.and_then(|f| f.2.first().map(|e| auth.tr.msg(&e.message))),
                components: s
                    .components
                    .iter()
                    .enumerate()
                    .map(|(p, c)| ComponentRow {
                        code: c.component.code(),
                        label: c.component.label_sv(),
                        included: c.included,
                        position: p + 1,
                    })
                    .collect(),
            }
        })
        .collect();
    form.errors
        .extend(super::layout::ShownError::all(&section_errors, &auth.tr));
    Ok(EditPage {
        chrome: Chrome::for_user(auth, format!("Komponera {}", v.version.title), "/reports"),
        id,
        no,
        period: v.edition.period_code.clone(),
        languages: form.choices(
            "language",
            [Lang::Sv, Lang::En].map(|l| (l.code().to_string(), l.label_sv().to_string())),
        ),
        markings: form.choices(
            "marking",
            markings.allowed().iter().map(|m| (m.clone(), m.clone())),
        ),
        tlps: form.choices(
            "tlp",
            markings
                .allowed_tlp()
                .into_iter()
                .map(|t| (t.code().to_string(), t.label())),
        ),
        form,
        sections,
    })
}

async fn edit_form(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
    path: web::Path<VersionPath>,
) -> AppResult<HttpResponse> {
    render(&edit_page(&state, &auth, path.id, path.no, None, None).await?)
}

async fn save_meta(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
    session: Session,
    path: web::Path<VersionPath>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (id, no) = (path.id, path.no);
    let mut form = FormState::from_pairs(&body);
    let meta = Meta {
        title: form.value("title").to_string(),
        language: form.value("language").to_string(),
        marking: form.value("marking").to_string(),
        tlp: form.value("tlp").to_string(),
    };
    let user = auth.user.clone();
    let markings = state.settings.markings.clone();
    match state
        .db
        .run(move |c| ed::update_meta(c, &user, id, no, &meta, &markings))
        .await
    {
        Ok(()) => {
            set_flash(&session, "Uppgifterna om utgåvan är sparade.");
            Ok(see_other(&format!("/reports/{id}/versions/{no}/edit")))
        }
        Err(AppError::Validation(errors)) => {
            form.set_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &edit_page(&state, &auth, id, no, Some(form), None).await?,
            )
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct SectionPath {
    id: i64,
    no: i32,
    key: String,
}

async fn save_section(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
    session: Session,
    path: web::Path<SectionPath>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let SectionPath { id, no, key } = path.into_inner();
    let form = FormState::from_pairs(&body);
    let included = form.all("include");
    let components = Component::ALL
        .into_iter()
        .map(|c| {
            let pos = form
                .value(&format!("pos_{}", c.code()))
                .trim()
                .parse::<i64>()
                .unwrap_or(999);
            (c, included.iter().any(|i| i == c.code()), pos)
        })
        .collect();
    let input = SectionInput {
        text: form.value("text").to_string(),
        components,
    };
    let text = input.text.clone();
    let user = auth.user.clone();
    let k = key.clone();
    match state
        .db
        .run(move |c| ed::update_section(c, &user, id, no, &k, &input))
        .await
    {
        Ok(()) => {
            set_flash(&session, "Avsnittet är sparat.");
            Ok(see_other(&format!(
                "/reports/{id}/versions/{no}/edit#section-{key}"
            )))
        }
        Err(AppError::Validation(errors)) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &edit_page(&state, &auth, id, no, None, Some((key, text, errors))).await?,
        ),
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------
// Workflow

async fn submit(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
    session: Session,
    path: web::Path<VersionPath>,
) -> AppResult<HttpResponse> {
    let (id, no) = (path.id, path.no);
    let user = auth.user.clone();
    state.db.run(move |c| ed::submit(c, &user, id, no)).await?;
    set_flash(
        &session,
        "Versionen är skickad för granskning till en beslutsfattare.",
    );
    Ok(see_other(&format!("/reports/{id}/versions/{no}")))
}

async fn approve(
    state: web::Data<AppState>,
    auth: Authorized<ReportApprover>,
    session: Session,
    path: web::Path<VersionPath>,
) -> AppResult<HttpResponse> {
    let (id, no) = (path.id, path.no);
    let user = auth.user.clone();
    state.db.run(move |c| ed::approve(c, &user, id, no)).await?;
    set_flash(
        &session,
        "Versionen är godkänd. Publicera den när den ska gå ut.",
    );
    Ok(see_other(&format!("/reports/{id}/versions/{no}")))
}

async fn refuse(
    state: web::Data<AppState>,
    auth: Authorized<ReportApprover>,
    session: Session,
    path: web::Path<VersionPath>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (id, no) = (path.id, path.no);
    let form = FormState::from_pairs(&body);
    let reason = form.value("reason").to_string();
    let user = auth.user.clone();
    match state
        .db
        .run(move |c| ed::refuse(c, &user, id, no, &reason))
        .await
    {
        Ok(()) => {
            set_flash(
                &session,
                "Versionen är skickad tillbaka till analytikerna med din motivering.",
            );
            Ok(see_other(&format!("/reports/{id}/versions/{no}")))
        }
        Err(AppError::Validation(errors)) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &show_page(
                &state,
                &auth,
                id,
                no,
                errors.first().map(|e| auth.tr.msg(&e.message)),
                None,
            )
            .await?,
        ),
        Err(e) => Err(e),
    }
}

async fn publish(
    state: web::Data<AppState>,
    auth: Authorized<ReportApprover>,
    session: Session,
    path: web::Path<VersionPath>,
) -> AppResult<HttpResponse> {
    let (id, no) = (path.id, path.no);
    let user = auth.user.clone();
    let env = ReportEnv::of(&state);
    let sha = state
        .db
        .run(move |c| ed::publish(c, &user, id, no, env.ctx()))
        .await?;
    set_flash(
        &session,
        &format!("Versionen är publicerad och låst. PDF-filens SHA-256: {sha}"),
    );
    Ok(see_other(&format!("/reports/{id}/versions/{no}")))
}

async fn correct(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
    path: web::Path<i64>,
    body: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = FormState::from_pairs(&body);
    let note = form.value("note").to_string();
    let user = auth.user.clone();
    match state
        .db
        .run(move |c| ed::correct(c, &user, id, &note))
        .await
    {
        Ok(no) => Ok(see_other(&format!("/reports/{id}/versions/{no}/edit"))),
        Err(AppError::Validation(errors)) => {
            let user = auth.user.clone();
            let latest = state
                .db
                .run(move |c| ed::edition(c, &user, id))
                .await?
                .latest()
                .map(|v| v.version_no)
                .unwrap_or(1);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(
                    &state,
                    &auth,
                    id,
                    latest,
                    None,
                    errors.first().map(|e| auth.tr.msg(&e.message)),
                )
                .await?,
            )
        }
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------
// A draft of the standard template straight from live data

#[derive(Deserialize)]
struct PeriodQuery {
    period: Option<String>,
}

async fn period_pdf(
    state: web::Data<AppState>,
    auth: Authorized<ReportDrafter>,
    q: web::Query<PeriodQuery>,
) -> AppResult<HttpResponse> {
    let raw = q.period.clone().unwrap_or_default();
    let period = Period::parse(&raw).map_err(|e| AppError::BadRequest(e.msg()))?;
    let user = auth.user.clone();
    let env = ReportEnv::of(&state);
    let markings = state.settings.markings.clone();
    let bytes = state
        .db
        .run(move |c| report::period_pdf(c, Some(&user), period, env.ctx()))
        .await?;
    let file = format!(
        "lagesbild-{}-utkast-{}-tlp-{}.pdf",
        period.code(),
        crate::domain::report::file_slug(&markings.minimum),
        markings.minimum_tlp.code().to_ascii_lowercase()
    );
    Ok(pdf_response(bytes, &file))
}
