//! The Operational ID Forum (Operativt ID-forum): meetings with rotating convener,
//! attendance, agenda, notes, observations (a submission with source "forum", through the
//! same validation, screening and review as agencies'), follow-ups, and minutes.

use chrono::NaiveDate;

use super::auth::User;
use super::submissions::SubmissionDetail;
use super::{audit, now};
use crate::db::models::{
    AgencyRow, AgendaRow, FollowupRow, MeetingRow, NewMeeting, NewPeriod, NewSubmission, NewVersion,
};
use crate::db::queries::{agencies, forum as q, periods as period_q, submissions as sq};
use crate::db::{transaction, DbConnection};
use crate::domain::access::Capability;
use crate::domain::forum::{is_overdue, propose_convener, FollowupStatus};
use crate::domain::notice::screen_text;
use crate::domain::period::Period;
use crate::domain::role::Role;
use crate::domain::status::{PeriodStatus, SubmissionStatus};
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::key;

pub const SOURCE_FORUM: &str = "forum";
const MAX_TEXT: usize = 4000;

/// Who may read the forum's pages: the ID-center and every agency's coordinator (each
/// agency names one as a standing member). The ministry sees only published reports.
pub fn may_read(user: &User) -> bool {
    Capability::ReadDashboards.allows(user.role)
}

/// Who may record at a meeting: coordinators of the convening or an attending agency.
pub fn may_record(conn: &mut DbConnection, user: &User, meeting_id: i64) -> AppResult<bool> {
    if user.role != Role::Coordinator {
        return Ok(false);
    }
    let Some(agency) = user.agency_id else {
        return Ok(false);
    };
    let Some(meeting) = q::by_id(conn, meeting_id)? else {
        return Ok(false);
    };
    Ok(meeting.convener_agency_id == agency || q::is_attending(conn, meeting_id, agency)?)
}

fn must_record(conn: &mut DbConnection, user: &User, meeting_id: i64) -> AppResult<MeetingRow> {
    let meeting = q::by_id(conn, meeting_id)?.ok_or(AppError::NotFound)?;
    if !may_record(conn, user, meeting_id)? {
        return Err(AppError::Forbidden(Msg::new("forum-record-forbidden")));
    }
    Ok(meeting)
}

/// A free-text field of a meeting: its name in messages (a catalogue key such as
/// "Punkten" / "The item") and what to say when it is required and blank.
struct TextField {
    name: &'static str,
    label: &'static str,
    required: Option<&'static str>,
}

const OVERRIDE_REASON: TextField = TextField {
    name: "override_reason",
    label: key!("forum-field-override-reason"),
    required: Some(key!("forum-override-reason-required")),
};
const AGENDA: TextField = TextField {
    name: "agenda",
    label: key!("forum-field-agenda"),
    required: Some(key!("forum-agenda-required")),
};
const NOTES: TextField = TextField {
    name: "notes",
    label: key!("forum-field-notes"),
    required: None,
};
const DECISIONS: TextField = TextField {
    name: "decisions",
    label: key!("forum-field-decisions"),
    required: None,
};
const FOLLOWUP: TextField = TextField {
    name: "followup",
    label: key!("forum-field-followup"),
    required: Some(key!("forum-followup-required")),
};

/// Screens and bounds one free-text field; `Ok(None)` for blank. `required` is false
/// where the field is needed only sometimes (the reason for another convener).
fn text_field(
    f: &TextField,
    value: &str,
    required: bool,
) -> Result<Option<String>, Vec<FieldError>> {
    let v = value.trim();
    if v.is_empty() {
        return match f.required.filter(|_| required) {
            Some(key) => Err(vec![FieldError::new(f.name, "required", Msg::new(key))]),
            None => Ok(None),
        };
    }
    if v.chars().count() > MAX_TEXT {
        return Err(vec![FieldError::new(
            f.name,
            "too_long",
            Msg::new("forum-text-too-long")
                .arg("field", Msg::new(f.label))
                .arg("max", MAX_TEXT),
        )]);
    }
    screen_text(f.name, Msg::new(f.label), v)?;
    Ok(Some(v.to_string()))
}

/// Runs `f`; a refusal for personal data is audited after the rollback, without the text.
fn audited<T>(
    conn: &mut DbConnection,
    user: &User,
    meeting: i64,
    result: AppResult<T>,
) -> AppResult<T> {
    if let Err(AppError::Validation(errors)) = &result {
        if errors.iter().any(|e| e.code == "personal_data") {
            audit::record(
                conn,
                Some(user),
                "personal_data_refused",
                "forum_meeting",
                Some(&meeting.to_string()),
                None,
            )?;
        }
    }
    result
}

/// The rotation order (agencies in turn).
pub fn rotation(conn: &mut DbConnection) -> AppResult<Vec<AgencyRow>> {
    Ok(q::rotation(conn)?)
}

/// Sets the rotation order from agency codes (admins).
pub fn set_rotation(conn: &mut DbConnection, user: &User, codes: &[String]) -> AppResult<()> {
    transaction(conn, |conn| {
        q::clear_rotation(conn)?;
        let mut seen = Vec::new();
        for (i, code) in codes
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .enumerate()
        {
            let a = agencies::by_code(conn, code)?.ok_or_else(|| {
                AppError::Validation(vec![FieldError::new(
                    "rotation",
                    "invalid_code",
                    Msg::new("forum-rotation-unknown-code").arg("code", code),
                )])
            })?;
            if seen.contains(&a.id) {
                return Err(AppError::Validation(vec![FieldError::new(
                    "rotation",
                    "duplicate",
                    Msg::new("forum-rotation-duplicate").arg("code", code),
                )]));
            }
            seen.push(a.id);
            q::set_rotation_order(conn, a.id, i as i32 + 1)?;
        }
        audit::record(
            conn,
            Some(user),
            "forum_rotation_set",
            "agencies",
            None,
            Some(&codes.join(",")),
        )?;
        Ok(())
    })
}

/// The agency the rotation proposes for the next meeting.
pub fn proposed_convener(conn: &mut DbConnection) -> AppResult<Option<AgencyRow>> {
    let order = q::rotation(conn)?;
    let ids: Vec<i64> = order.iter().map(|a| a.id).collect();
    let previous = q::latest(conn)?.map(|m| m.convener_agency_id);
    Ok(propose_convener(&ids, previous).and_then(|id| order.into_iter().find(|a| a.id == id)))
}

/// A new meeting. The convener defaults to the rotation's proposal; choosing another
/// agency needs a reason. Creates the meeting's observation submission at once.
pub fn create_meeting(
    conn: &mut DbConnection,
    user: &User,
    held_on: NaiveDate,
    convener_code: Option<&str>,
    override_reason: &str,
) -> AppResult<i64> {
    if user.role != Role::Coordinator {
        return Err(AppError::Forbidden(Msg::new("forum-create-forbidden")));
    }
    let result = transaction(conn, |conn| {
        let proposed = proposed_convener(conn)?;
        let convener = match convener_code.map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) => agencies::by_code(conn, code)?.ok_or_else(|| {
                AppError::Validation(vec![FieldError::new(
                    "convener",
                    "invalid_code",
                    Msg::new("forum-convener-invalid"),
                )])
            })?,
            None => proposed.clone().ok_or_else(|| {
                AppError::Validation(vec![FieldError::new(
                    "convener",
                    "required",
                    Msg::new("forum-convener-required"),
                )])
            })?,
        };
        let overridden = proposed.as_ref().is_some_and(|p| p.id != convener.id);
        let reason = text_field(&OVERRIDE_REASON, override_reason, overridden)
            .map_err(AppError::Validation)?;
        let t = now();
        let id = q::insert(
            conn,
            &NewMeeting {
                held_on,
                convener_agency_id: convener.id,
                proposed_convener_agency_id: proposed.as_ref().map(|p| p.id),
                override_reason: if overridden { reason.as_deref() } else { None },
                created_by: user.id,
                created_at: t,
                updated_at: t,
            },
        )?;
        let mut attending = vec![convener.id];
        if let Some(own) = user.agency_id.filter(|a| *a != convener.id) {
            attending.push(own);
        }
        q::replace_attendance(conn, id, &attending)?;
        create_observation_submission(conn, user, id, convener.id, held_on)?;
        audit::record(
            conn,
            Some(user),
            "forum_meeting_created",
            "forum_meeting",
            Some(&id.to_string()),
            Some(if overridden {
                "convener_override"
            } else {
                "convener_by_rotation"
            }),
        )?;
        Ok(id)
    });
    audited(conn, user, 0, result)
}

/// The forum's observations for a meeting are a submission of their own, in the quarter
/// of the meeting (the period is created, closed to agencies, if it does not exist).
fn create_observation_submission(
    conn: &mut DbConnection,
    user: &User,
    meeting: i64,
    convener: i64,
    held_on: NaiveDate,
) -> AppResult<i64> {
    let quarter = Period::quarter_of(held_on);
    let period = match period_q::by_code(conn, &quarter.code())? {
        Some(p) => p,
        None => {
            let pid = period_q::insert(
                conn,
                &NewPeriod {
                    code: &quarter.code(),
                    kind: quarter.kind().code(),
                    starts_on: quarter.starts_on(),
                    ends_on: quarter.ends_on(),
                    deadline: None,
                    status: PeriodStatus::Closed.code(),
                    created_at: now(),
                },
            )?;
            period_q::by_id(conn, pid)?
        }
    };
    if period.status == PeriodStatus::Locked.code() {
        return Err(AppError::Conflict(
            Msg::new("forum-period-locked").arg("period", &period.code),
        ));
    }
    let t = now();
    let sid = sq::insert(
        conn,
        &NewSubmission {
            forum_meeting_id: Some(meeting),
            agency_id: convener,
            period_id: period.id,
            source: SOURCE_FORUM,
            status: SubmissionStatus::Draft.code(),
            current_version: 1,
            created_by: user.id,
            created_at: t,
            updated_at: t,
        },
    )?;
    sq::insert_version(
        conn,
        &NewVersion {
            submission_id: sid,
            version: 1,
            status: SubmissionStatus::Draft.code(),
            edited_by: user.id,
            created_at: t,
        },
    )?;
    Ok(sid)
}

/// A follow-up as shown on a meeting's page.
#[derive(Debug, Clone)]
pub struct FollowupView {
    pub row: FollowupRow,
    /// The owner agency (its name in either language).
    pub owner: AgencyRow,
    pub raised_on: NaiveDate,
    pub status: FollowupStatus,
    pub overdue: bool,
    pub carried_over: bool,
}

/// Everything on a meeting's page.
pub struct MeetingDetail {
    pub meeting: MeetingRow,
    pub convener: AgencyRow,
    pub proposed: Option<AgencyRow>,
    pub attendance: Vec<AgencyRow>,
    pub agenda: Vec<AgendaRow>,
    pub followups: Vec<FollowupView>,
    pub observations: SubmissionDetail,
    pub can_record: bool,
}

pub fn meeting(conn: &mut DbConnection, user: &User, id: i64) -> AppResult<MeetingDetail> {
    if !may_read(user) {
        return Err(AppError::forbidden());
    }
    let meeting = q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
    let convener = agencies::by_id(conn, meeting.convener_agency_id)?;
    let proposed = match meeting.proposed_convener_agency_id {
        Some(p) => Some(agencies::by_id(conn, p)?),
        None => None,
    };
    let attendance = q::attendance(conn, id)?;
    let agenda = q::agenda(conn, id)?;
    let today = chrono::Utc::now().date_naive();
    let all_agencies = agencies::all(conn)?;
    let agency = |aid: i64| {
        all_agencies
            .iter()
            .find(|a| a.id == aid)
            .cloned()
            .ok_or(AppError::NotFound)
    };
    let view = |row: FollowupRow, raised_on: NaiveDate, carried_over: bool| {
        let status = FollowupStatus::parse(&row.status).unwrap_or(FollowupStatus::Open);
        Ok(FollowupView {
            owner: agency(row.owner_agency_id)?,
            raised_on,
            overdue: is_overdue(status, row.due_on, today),
            status,
            carried_over,
            row,
        })
    };
    let mut followups: Vec<FollowupView> = q::carried_over(conn, &meeting)?
        .into_iter()
        .map(|(f, m)| view(f, m.held_on, true))
        .collect::<AppResult<_>>()?;
    for f in q::followups_of(conn, id)? {
        followups.push(view(f, meeting.held_on, false)?);
    }
    let submission = sq::for_meeting(conn, id)?.ok_or(AppError::NotFound)?;
    let observations = super::submissions::load_unchecked(conn, submission)?;
    let can_record = may_record(conn, user, id)?;
    Ok(MeetingDetail {
        meeting,
        convener,
        proposed,
        attendance,
        agenda,
        followups,
        observations,
        can_record,
    })
}

/// Every meeting, newest first, with its convening agency.
pub fn meetings(conn: &mut DbConnection, user: &User) -> AppResult<Vec<(MeetingRow, AgencyRow)>> {
    if !may_read(user) {
        return Err(AppError::forbidden());
    }
    let all = agencies::all(conn)?;
    q::all(conn)?
        .into_iter()
        .map(|m| {
            let convener = all
                .iter()
                .find(|a| a.id == m.convener_agency_id)
                .cloned()
                .ok_or(AppError::NotFound)?;
            Ok((m, convener))
        })
        .collect()
}

pub fn set_attendance(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    codes: &[String],
) -> AppResult<()> {
    transaction(conn, |conn| {
        let meeting = must_record(conn, user, id)?;
        let convener = agencies::by_id(conn, meeting.convener_agency_id)?;
        let mut ids = vec![convener.id];
        let mut attending = vec![convener.code];
        for code in codes {
            let a = agencies::by_code(conn, code)?
                .ok_or_else(|| AppError::BadRequest(Msg::new("forum-unknown-agency")))?;
            if !ids.contains(&a.id) {
                ids.push(a.id);
                attending.push(a.code);
            }
        }
        q::replace_attendance(conn, id, &ids)?;
        // The agencies' codes: the audit detail reads the same in every language.
        audit::record(
            conn,
            Some(user),
            "forum_attendance_set",
            "forum_meeting",
            Some(&id.to_string()),
            Some(&attending.join(",")),
        )?;
        Ok(())
    })
}

pub fn add_agenda_item(conn: &mut DbConnection, user: &User, id: i64, text: &str) -> AppResult<()> {
    let result = transaction(conn, |conn| {
        must_record(conn, user, id)?;
        let text = text_field(&AGENDA, text, true)
            .map_err(AppError::Validation)?
            .unwrap_or_default();
        q::add_agenda_item(conn, id, &text)?;
        audit::record(
            conn,
            Some(user),
            "forum_agenda_added",
            "forum_meeting",
            Some(&id.to_string()),
            None,
        )?;
        Ok(())
    });
    audited(conn, user, id, result)
}

pub fn save_notes(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    notes: &str,
    decisions: &str,
) -> AppResult<()> {
    let result = transaction(conn, |conn| {
        must_record(conn, user, id)?;
        let mut errors = Vec::new();
        let notes = text_field(&NOTES, notes, false).unwrap_or_else(|e| {
            errors.extend(e);
            None
        });
        let decisions = text_field(&DECISIONS, decisions, false).unwrap_or_else(|e| {
            errors.extend(e);
            None
        });
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        q::set_notes(conn, id, notes.as_deref(), decisions.as_deref(), now())?;
        audit::record(
            conn,
            Some(user),
            "forum_notes_saved",
            "forum_meeting",
            Some(&id.to_string()),
            None,
        )?;
        Ok(())
    });
    audited(conn, user, id, result)
}

pub fn add_followup(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    text: &str,
    owner_code: &str,
    due: Option<NaiveDate>,
) -> AppResult<()> {
    let result = transaction(conn, |conn| {
        must_record(conn, user, id)?;
        let mut errors = Vec::new();
        let text = text_field(&FOLLOWUP, text, true).unwrap_or_else(|e| {
            errors.extend(e);
            None
        });
        let owner = agencies::by_code(conn, owner_code.trim())?;
        if owner.is_none() {
            errors.push(FieldError::new(
                "owner",
                "required",
                Msg::new("forum-owner-required"),
            ));
        }
        match (text, owner, errors.is_empty()) {
            (Some(text), Some(owner), true) => {
                q::add_followup(conn, id, &text, owner.id, due, now())?;
                audit::record(
                    conn,
                    Some(user),
                    "forum_followup_added",
                    "forum_meeting",
                    Some(&id.to_string()),
                    None,
                )?;
                Ok(())
            }
            _ => Err(AppError::Validation(errors)),
        }
    });
    audited(conn, user, id, result)
}

/// Changes a follow-up's status: the recorders of the meeting where it is shown, or the
/// owner agency's coordinator.
pub fn set_followup_status(
    conn: &mut DbConnection,
    user: &User,
    meeting_id: i64,
    followup_id: i64,
    status: &str,
) -> AppResult<()> {
    let status = FollowupStatus::parse(status)
        .ok_or_else(|| AppError::BadRequest(Msg::new("forum-followup-status-unknown")))?;
    transaction(conn, |conn| {
        let f = q::followup(conn, followup_id)?.ok_or(AppError::NotFound)?;
        let owner = user.role == Role::Coordinator && user.agency_id == Some(f.owner_agency_id);
        if !owner && !may_record(conn, user, meeting_id)? {
            return Err(AppError::Forbidden(Msg::new("forum-followup-forbidden")));
        }
        q::set_followup_status(conn, followup_id, status.code(), now())?;
        audit::record(
            conn,
            Some(user),
            "forum_followup_status",
            "forum_followup",
            Some(&followup_id.to_string()),
            Some(status.code()),
        )?;
        Ok(())
    })
}
