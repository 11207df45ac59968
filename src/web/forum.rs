//! Operativt ID-forum: meetings recorded on one page (quick capture) with plain forms that
//! return to the same page and anchor, so it works without JavaScript.

use actix_session::Session;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use super::auth::{set_flash, Administrator, Authorized, DashboardReader};
use super::layout::{render, render_with, see_other, Choice, Chrome, FormState};
use super::routes::Routes;
use super::submissions::{line_views, selects, LineView, Select};
use super::AppState;
use crate::db::models::AgencyRow;
use crate::domain::forum::FollowupStatus;
use crate::domain::observation::ObservationInput;
use crate::domain::outlier::OutlierWarning;
use crate::domain::role::Role;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg, Tr};
use crate::key;
use crate::services::forum::{self as svc, FollowupView, MeetingDetail};
use crate::services::submissions::{self as subs, LineOutcome};

pub fn config(r: &mut Routes) {
    r.get("/forum", list)
        .post("/forum", create)
        .get("/forum/{id}", show)
        .get("/forum/{id}/minutes.pdf", minutes)
        .post("/forum/{id}/attendance", attendance)
        .post("/forum/{id}/agenda", agenda)
        .post("/forum/{id}/notes", notes)
        .post("/forum/{id}/observations", observation)
        .post("/forum/{id}/observations/submit", submit_observations)
        .post("/forum/{id}/followups", followup)
        .post("/forum/{id}/followups/{fid}/status", followup_status)
        .get("/admin/rotation", rotation_page)
        .post("/admin/rotation", set_rotation);
}

/// An agency's name in the reader's language.
pub fn agency_name(tr: &Tr, a: &AgencyRow) -> String {
    match tr.lang {
        Lang::Sv => a.name_sv.clone(),
        Lang::En => a.name_en.clone(),
    }
}

/// (code, name) of every agency, for select lists and checkboxes.
pub fn agency_options(tr: &Tr, agencies: &[AgencyRow]) -> Vec<(String, String)> {
    agencies
        .iter()
        .map(|a| (a.code.clone(), agency_name(tr, a)))
        .collect()
}

pub struct MeetingRowView {
    pub id: i64,
    pub held_on: String,
    pub convener: String,
}

#[derive(Template)]
#[template(path = "forum/list.html")]
struct ListPage {
    chrome: Chrome,
    meetings: Vec<MeetingRowView>,
    can_create: bool,
    conveners: Vec<Choice>,
    proposed: Option<String>,
    form: FormState,
}

async fn list_page(
    state: &AppState,
    auth: &Authorized<DashboardReader>,
    form: FormState,
) -> AppResult<ListPage> {
    let user = auth.user.clone();
    let (meetings, agencies, proposed) = state
        .db
        .run(move |c| {
            Ok((
                svc::meetings(c, &user)?,
                crate::db::queries::agencies::all(c)?,
                svc::proposed_convener(c)?,
            ))
        })
        .await?;
    let mut form = form;
    if form.value("convener").is_empty() {
        if let Some(p) = &proposed {
            form.values.insert("convener".into(), p.code.clone());
        }
    }
    if form.value("held_on").is_empty() {
        form.values.insert(
            "held_on".into(),
            chrono::Utc::now().date_naive().to_string(),
        );
    }
    let tr = &auth.tr;
    Ok(ListPage {
        chrome: Chrome::for_user(auth, tr.t("forum-title"), "/forum"),
        can_create: auth.user.role == Role::Coordinator,
        conveners: form.choices("convener", agency_options(tr, &agencies)),
        proposed: proposed.map(|p| agency_name(tr, &p)),
        meetings: meetings
            .into_iter()
            .map(|(m, convener)| MeetingRowView {
                id: m.id,
                held_on: tr.date(m.held_on),
                convener: agency_name(tr, &convener),
            })
            .collect(),
        form,
    })
}

async fn list(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
) -> AppResult<HttpResponse> {
    render(&list_page(&state, &auth, FormState::default()).await?)
}

async fn create(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let form = FormState::from_pairs(&form.into_inner());
    let held_on = NaiveDate::parse_from_str(form.value("held_on").trim(), "%Y-%m-%d");
    let result = match held_on {
        Ok(date) => {
            let user = auth.user.clone();
            let (convener, reason) = (
                form.value("convener").to_string(),
                form.value("override_reason").to_string(),
            );
            state
                .db
                .run(move |c| svc::create_meeting(c, &user, date, Some(&convener), &reason))
                .await
        }
        Err(_) => Err(AppError::Validation(vec![FieldError::new(
            "held_on",
            "invalid",
            Msg::new("forum-held-on-invalid"),
        )])),
    };
    match result {
        Ok(id) => Ok(see_other(&format!("/forum/{id}"))),
        Err(AppError::Validation(errors)) => {
            let form = FormState { ..form }.with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &list_page(&state, &auth, form).await?,
            )
        }
        Err(e) => Err(e),
    }
}

pub struct FollowupRowView {
    pub id: i64,
    pub text: String,
    pub owner: String,
    pub due: String,
    pub status: String,
    pub status_code: &'static str,
    pub overdue: bool,
    pub carried_over: bool,
    pub raised_on: String,
}

fn followup_view(tr: &Tr, f: &FollowupView) -> FollowupRowView {
    FollowupRowView {
        id: f.row.id,
        text: f.row.text.clone(),
        owner: agency_name(tr, &f.owner),
        due: f
            .row
            .due_on
            .map(|d| tr.date(d))
            .unwrap_or_else(|| "–".into()),
        status: tr.t(f.status.key()),
        status_code: f.status.code(),
        overdue: f.overdue,
        carried_over: f.carried_over,
        raised_on: tr.date(f.raised_on),
    }
}

#[derive(Template)]
#[template(path = "forum/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: i64,
    held_on: String,
    convener: String,
    proposed: Option<String>,
    override_reason: Option<String>,
    attending: Vec<Choice>,
    agenda: Vec<String>,
    lines: Vec<LineView>,
    editable: bool,
    version: i32,
    observation_status: String,
    selects: Vec<Select>,
    followups: Vec<FollowupRowView>,
    owners: Vec<Choice>,
    statuses: Vec<Choice>,
    can_record: bool,
    form: FormState,
    warnings: Vec<OutlierWarning>,
}

fn show_page(
    auth: &Authorized<DashboardReader>,
    d: &MeetingDetail,
    agencies: &[AgencyRow],
    form: FormState,
) -> ShowPage {
    let attending: Vec<String> = d.attendance.iter().map(|a| a.code.clone()).collect();
    let obs = &d.observations;
    let mut form = form;
    if !form.values.contains_key("notes") {
        form.values
            .insert("notes".into(), d.meeting.notes.clone().unwrap_or_default());
        form.values.insert(
            "decisions".into(),
            d.meeting.decisions.clone().unwrap_or_default(),
        );
    }
    let tr = &auth.tr;
    let held_on = tr.date(d.meeting.held_on);
    ShowPage {
        chrome: Chrome::for_user(
            auth,
            tr.t1("forum-meeting-title", "date", held_on.as_str()),
            "/forum",
        ),
        id: d.meeting.id,
        held_on,
        convener: agency_name(tr, &d.convener),
        proposed: d.proposed.as_ref().map(|p| agency_name(tr, p)),
        override_reason: d.meeting.override_reason.clone(),
        attending: agencies
            .iter()
            .map(|a| Choice {
                selected: attending.contains(&a.code),
                value: a.code.clone(),
                label: agency_name(tr, a),
            })
            .collect(),
        agenda: d.agenda.iter().map(|a| a.text.clone()).collect(),
        lines: line_views(&obs.lines, &obs.taxonomy, &auth.tr),
        editable: d.can_record && obs.is_editable(),
        version: obs.version.version,
        observation_status: tr.t1("forum-observations-status", "status", obs.status().code()),
        selects: selects(&obs.taxonomy, &form, &auth.tr),
        followups: d.followups.iter().map(|f| followup_view(tr, f)).collect(),
        owners: form.choices("owner", agency_options(tr, agencies)),
        statuses: FollowupStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.code().into(),
                label: tr.t(s.key()),
                selected: false,
            })
            .collect(),
        can_record: d.can_record,
        form,
        warnings: Vec::new(),
    }
}

async fn load(
    state: &AppState,
    auth: &Authorized<DashboardReader>,
    id: i64,
) -> AppResult<(MeetingDetail, Vec<AgencyRow>)> {
    let user = auth.user.clone();
    state
        .db
        .run(move |c| {
            Ok((
                svc::meeting(c, &user, id)?,
                crate::db::queries::agencies::all(c)?,
            ))
        })
        .await
}

async fn show(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let (d, agencies) = load(&state, &auth, path.into_inner()).await?;
    render(&show_page(&auth, &d, &agencies, FormState::default()))
}

/// Where a capture form returns to, and what it says when it worked (a catalogue key).
struct Back {
    id: i64,
    anchor: &'static str,
    done: &'static str,
}

async fn after(
    state: &AppState,
    auth: &Authorized<DashboardReader>,
    session: &Session,
    back: Back,
    result: AppResult<()>,
    form: FormState,
) -> AppResult<HttpResponse> {
    match result {
        Ok(()) => {
            set_flash(session, &auth.tr.t(back.done));
            Ok(see_other(&format!("/forum/{}#{}", back.id, back.anchor)))
        }
        Err(AppError::Validation(errors)) => {
            let (d, agencies) = load(state, auth, back.id).await?;
            let form = FormState { ..form }.with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(auth, &d, &agencies, form),
            )
        }
        Err(e) => Err(e),
    }
}

type Pairs = web::Form<Vec<(String, String)>>;

async fn attendance(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    session: Session,
    path: web::Path<i64>,
    form: Pairs,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = FormState::from_pairs(&form.into_inner());
    let codes = form.all("agency");
    let user = auth.user.clone();
    let r = state
        .db
        .run(move |c| svc::set_attendance(c, &user, id, &codes))
        .await;
    after(
        &state,
        &auth,
        &session,
        Back {
            id,
            anchor: "narvaro",
            done: key!("forum-attendance-saved"),
        },
        r,
        form,
    )
    .await
}

async fn agenda(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    session: Session,
    path: web::Path<i64>,
    form: Pairs,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = FormState::from_pairs(&form.into_inner());
    let text = form.value("agenda").to_string();
    let user = auth.user.clone();
    let r = state
        .db
        .run(move |c| svc::add_agenda_item(c, &user, id, &text))
        .await;
    after(
        &state,
        &auth,
        &session,
        Back {
            id,
            anchor: "dagordning",
            done: key!("forum-agenda-added"),
        },
        r,
        form,
    )
    .await
}

async fn notes(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    session: Session,
    path: web::Path<i64>,
    form: Pairs,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = FormState::from_pairs(&form.into_inner());
    let (n, d) = (
        form.value("notes").to_string(),
        form.value("decisions").to_string(),
    );
    let user = auth.user.clone();
    let r = state
        .db
        .run(move |c| svc::save_notes(c, &user, id, &n, &d))
        .await;
    after(
        &state,
        &auth,
        &session,
        Back {
            id,
            anchor: "anteckningar",
            done: key!("forum-notes-saved"),
        },
        r,
        form,
    )
    .await
}

async fn followup(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    session: Session,
    path: web::Path<i64>,
    form: Pairs,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = FormState::from_pairs(&form.into_inner());
    let due_raw = form.value("due_on").trim().to_string();
    let due = if due_raw.is_empty() {
        Ok(None)
    } else {
        NaiveDate::parse_from_str(&due_raw, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                AppError::Validation(vec![FieldError::new(
                    "due_on",
                    "invalid",
                    Msg::new("forum-due-invalid"),
                )])
            })
    };
    let r = match due {
        Ok(due) => {
            let user = auth.user.clone();
            let (text, owner) = (
                form.value("followup").to_string(),
                form.value("owner").to_string(),
            );
            state
                .db
                .run(move |c| svc::add_followup(c, &user, id, &text, &owner, due))
                .await
        }
        Err(e) => Err(e),
    };
    after(
        &state,
        &auth,
        &session,
        Back {
            id,
            anchor: "uppfoljning",
            done: key!("forum-followup-added"),
        },
        r,
        form,
    )
    .await
}

async fn followup_status(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    session: Session,
    path: web::Path<(i64, i64)>,
    form: Pairs,
) -> AppResult<HttpResponse> {
    let (id, fid) = path.into_inner();
    let form = FormState::from_pairs(&form.into_inner());
    let status = form.value("status").to_string();
    let user = auth.user.clone();
    let r = state
        .db
        .run(move |c| svc::set_followup_status(c, &user, id, fid, &status))
        .await;
    after(
        &state,
        &auth,
        &session,
        Back {
            id,
            anchor: "uppfoljning",
            done: key!("forum-followup-status-changed"),
        },
        r,
        form,
    )
    .await
}

async fn observation(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    session: Session,
    path: web::Path<i64>,
    form: Pairs,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = FormState::from_pairs(&form.into_inner());
    let opt = |k: &str| Some(form.value(k).to_string()).filter(|v| !v.trim().is_empty());
    let input = ObservationInput {
        misuse_type: opt("misuse_type"),
        exploitation_area: opt("exploitation_area"),
        document_type: opt("document_type"),
        chain_stage: opt("chain_stage"),
        age_band: opt("age_band"),
        citizenship: opt("citizenship"),
        fraud_type: opt("fraud_type"),
        count: opt("count"),
        trend: opt("trend"),
        reliability: opt("reliability"),
        validity: opt("validity"),
        description: opt("description"),
    };
    let confirmed = form.value("confirm") == "1";
    let (d, _) = load(&state, &auth, id).await?;
    let submission = d.observations.submission.id;
    let user = auth.user.clone();
    let r = state
        .db
        .run(move |c| subs::add_lines(c, &user, submission, &[input], confirmed))
        .await;
    match r {
        Ok(LineOutcome::NeedsConfirmation(warnings)) => {
            let (d, agencies) = load(&state, &auth, id).await?;
            let mut page = show_page(&auth, &d, &agencies, form);
            page.warnings = warnings;
            render(&page)
        }
        other => {
            after(
                &state,
                &auth,
                &session,
                Back {
                    id,
                    anchor: "observationer",
                    done: key!("forum-observation-saved"),
                },
                other.map(|_| ()),
                form,
            )
            .await
        }
    }
}

async fn submit_observations(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    session: Session,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (d, _) = load(&state, &auth, id).await?;
    let submission = d.observations.submission.id;
    let user = auth.user.clone();
    let r = state
        .db
        .run(move |c| subs::submit(c, &user, submission))
        .await;
    after(
        &state,
        &auth,
        &session,
        Back {
            id,
            anchor: "observationer",
            done: key!("forum-observations-submitted"),
        },
        r,
        FormState::default(),
    )
    .await
}

async fn minutes(
    state: web::Data<AppState>,
    auth: Authorized<DashboardReader>,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let user = auth.user.clone();
    let marking = state.settings.default_marking.clone();
    let metrics = state.metrics.clone();
    // The minutes are written in the language of the reader who downloads them.
    let tr = auth.tr.clone();
    let (bytes, date) = state
        .db
        .run(move |c| {
            crate::services::minutes::minutes_pdf(c, &user, id, &marking, &tr, Some(&metrics))
        })
        .await?;
    let file = auth.tr.t1("forum-minutes-file", "date", date);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/pdf"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file}.pdf\""),
        ))
        .body(bytes))
}

#[derive(Template)]
#[template(path = "forum/rotation.html")]
struct RotationPage {
    chrome: Chrome,
    order: String,
    /// (code, name) of every agency.
    agencies: Vec<(String, String)>,
    form: FormState,
}

async fn rotation_view(
    state: &AppState,
    auth: &Authorized<Administrator>,
    form: FormState,
) -> AppResult<RotationPage> {
    let (order, agencies) = state
        .db
        .run(|c| Ok((svc::rotation(c)?, crate::db::queries::agencies::all(c)?)))
        .await?;
    Ok(RotationPage {
        chrome: Chrome::for_user(auth, auth.tr.t("forum-rotation-title"), "/admin"),
        order: order
            .iter()
            .map(|a| a.code.clone())
            .collect::<Vec<_>>()
            .join(", "),
        agencies: agency_options(&auth.tr, &agencies),
        form,
    })
}

async fn rotation_page(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
) -> AppResult<HttpResponse> {
    render(&rotation_view(&state, &auth, FormState::default()).await?)
}

async fn set_rotation(
    state: web::Data<AppState>,
    auth: Authorized<Administrator>,
    session: Session,
    form: Pairs,
) -> AppResult<HttpResponse> {
    let form = FormState::from_pairs(&form.into_inner());
    let codes: Vec<String> = form
        .value("order")
        .split([',', ' ', ';'])
        .map(|s| s.trim().to_uppercase())
        .filter(|s| !s.is_empty())
        .collect();
    let user = auth.user.clone();
    match state
        .db
        .run(move |c| svc::set_rotation(c, &user, &codes))
        .await
    {
        Ok(()) => {
            set_flash(&session, &auth.tr.t("forum-rotation-saved"));
            Ok(see_other("/admin/rotation"))
        }
        Err(AppError::Validation(errors)) => {
            let form = FormState { ..form }.with_errors(&errors, &auth.tr);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &rotation_view(&state, &auth, form).await?,
            )
        }
        Err(e) => Err(e),
    }
}
