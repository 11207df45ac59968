//! Agency reporting (inrapportering): drafts, observation lines, submission and review.
//! The form, the API and the CSV import all come through here.

use super::auth::User;
use super::{audit, now, taxonomy};
use crate::db::models::{
    AgencyRow, LineRow, NewLine, NewSubmission, NewVersion, PeriodRow, SubmissionRow, VersionRow,
};
use crate::db::queries::{agencies, periods, submissions as q};
use crate::db::{transaction, DbConnection};
use crate::domain::observation::{screen_field, validate_lines, ObservationInput, ObservationLine};
use crate::domain::period::Period;
use crate::domain::status::{PeriodStatus, SubmissionStatus};
use crate::domain::taxonomy::Taxonomy;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};

pub const SOURCE_AGENCY: &str = "agency";

/// A submission with everything a page or the API shows about it.
#[derive(Debug, Clone)]
pub struct SubmissionDetail {
    pub submission: SubmissionRow,
    pub agency: AgencyRow,
    pub period: PeriodRow,
    pub version: VersionRow,
    pub lines: Vec<LineRow>,
    pub taxonomy: Taxonomy,
}

impl SubmissionDetail {
    pub fn status(&self) -> SubmissionStatus {
        SubmissionStatus::parse(&self.submission.status).unwrap_or(SubmissionStatus::Draft)
    }
}

fn period_must_accept_changes(period: &PeriodRow) -> AppResult<()> {
    match PeriodStatus::parse(&period.status) {
        Some(PeriodStatus::Open) => Ok(()),
        Some(PeriodStatus::Locked) => Err(AppError::Conflict(format!(
            "Perioden {} är låst eftersom en publicerad lägesbild bygger på den. Inga ändringar kan göras.",
            period.code
        ))),
        _ => Err(AppError::Conflict(format!(
            "Perioden {} är stängd för inrapportering. Kontakta Nationellt ID-center om ni behöver rapportera i efterhand.",
            period.code
        ))),
    }
}

/// Finds or creates the coordinator's submission for a period. There is one per agency,
/// period and source; opening it again returns the same one.
pub fn open_draft(conn: &mut DbConnection, user: &User, period_code: &str) -> AppResult<i64> {
    let agency_id = user.agency_id.ok_or_else(|| {
        AppError::Forbidden(
            "Ditt konto hör inte till någon myndighet och kan inte rapportera.".into(),
        )
    })?;
    let period = Period::parse(period_code).map_err(|e| {
        AppError::Validation(vec![FieldError::new("period", "invalid", e.to_string())])
    })?;
    transaction(conn, |conn| {
        let period_row = periods::by_code(conn, &period.code())?.ok_or_else(|| {
            AppError::Conflict(format!(
                "Perioden {} är inte öppnad för inrapportering.",
                period.code()
            ))
        })?;
        if let Some(existing) = q::find(conn, agency_id, period_row.id, SOURCE_AGENCY)? {
            return Ok(existing.id);
        }
        period_must_accept_changes(&period_row)?;
        let t = now();
        let id = q::insert(
            conn,
            &NewSubmission {
                agency_id,
                period_id: period_row.id,
                source: SOURCE_AGENCY,
                status: SubmissionStatus::Draft.code(),
                current_version: 1,
                created_by: user.id,
                created_at: t,
                updated_at: t,
            },
        )?;
        q::insert_version(
            conn,
            &NewVersion {
                submission_id: id,
                version: 1,
                status: SubmissionStatus::Draft.code(),
                edited_by: user.id,
                created_at: t,
            },
        )?;
        audit::record(
            conn,
            Some(user),
            "submission_created",
            "submission",
            Some(&id.to_string()),
            Some(&period.code()),
        )?;
        Ok(id)
    })
}

/// Loads a submission for someone allowed to see it (403 otherwise).
pub fn load(conn: &mut DbConnection, user: &User, id: i64) -> AppResult<SubmissionDetail> {
    let submission = q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
    if !user.actor().may_view_submission(submission.agency_id) {
        return Err(AppError::Forbidden(
            "Inrapporteringen tillhör en annan myndighet.".into(),
        ));
    }
    load_unchecked(conn, submission)
}

fn load_unchecked(
    conn: &mut DbConnection,
    submission: SubmissionRow,
) -> AppResult<SubmissionDetail> {
    let agency = agencies::by_id(conn, submission.agency_id)?;
    let period = periods::by_id(conn, submission.period_id)?;
    let version = q::version(conn, submission.id, submission.current_version)?;
    let lines = q::lines(conn, version.id)?;
    let taxonomy = taxonomy::load(conn)?;
    Ok(SubmissionDetail {
        submission,
        agency,
        period,
        version,
        lines,
        taxonomy,
    })
}

/// Returns the version the coordinator may edit: the current draft, or a new draft copied
/// from a returned version (the returned one stays unchanged).
fn editable_version(
    conn: &mut DbConnection,
    user: &User,
    detail: &SubmissionDetail,
) -> AppResult<VersionRow> {
    if !user
        .actor()
        .may_edit_submission(detail.submission.agency_id)
    {
        return Err(AppError::Forbidden(
            "Du kan bara ändra din egen myndighets inrapporteringar.".into(),
        ));
    }
    period_must_accept_changes(&detail.period)?;
    match detail.status() {
        SubmissionStatus::Draft => Ok(detail.version.clone()),
        SubmissionStatus::Returned => {
            let next = detail.version.version + 1;
            let t = now();
            let vid = q::insert_version(
                conn,
                &NewVersion {
                    submission_id: detail.submission.id,
                    version: next,
                    status: SubmissionStatus::Draft.code(),
                    edited_by: user.id,
                    created_at: t,
                },
            )?;
            let copied: Vec<NewLine> = detail
                .lines
                .iter()
                .map(|l| NewLine {
                    version_id: vid,
                    line_no: l.line_no,
                    misuse_type: l.misuse_type.clone(),
                    exploitation_area: l.exploitation_area.clone(),
                    document_type: l.document_type.clone(),
                    chain_stage: l.chain_stage.clone(),
                    age_band: l.age_band.clone(),
                    citizenship: l.citizenship.clone(),
                    fraud_type: l.fraud_type.clone(),
                    count: l.count,
                    trend: l.trend.clone(),
                    reliability: l.reliability.clone(),
                    validity: l.validity.clone(),
                    description: l.description.clone(),
                })
                .collect();
            q::insert_lines(conn, &copied)?;
            q::set_status(conn, detail.submission.id, SubmissionStatus::Draft.code(), next, t)?;
            q::version(conn, detail.submission.id, next).map_err(Into::into)
        }
        SubmissionStatus::Submitted | SubmissionStatus::Accepted => Err(AppError::Conflict(
            "Inrapporteringen är redan inskickad och kan inte ändras. Om den behöver rättas kan en analytiker returnera den.".into(),
        )),
    }
}

/// The input form of a stored line, so existing and new lines validate together.
fn as_input(l: &LineRow) -> ObservationInput {
    ObservationInput {
        misuse_type: Some(l.misuse_type.clone()),
        exploitation_area: l.exploitation_area.clone(),
        document_type: l.document_type.clone(),
        chain_stage: l.chain_stage.clone(),
        age_band: l.age_band.clone(),
        citizenship: l.citizenship.clone(),
        fraud_type: l.fraud_type.clone(),
        count: Some(l.count.to_string()),
        trend: l.trend.clone(),
        reliability: l.reliability.clone(),
        validity: l.validity.clone(),
        description: l.description.clone(),
    }
}

fn to_new_line(version_id: i64, line_no: i32, l: &ObservationLine) -> NewLine {
    NewLine {
        version_id,
        line_no,
        misuse_type: l.key.misuse_type.clone(),
        exploitation_area: l.key.exploitation_area.clone(),
        document_type: l.key.document_type.clone(),
        chain_stage: l.key.chain_stage.clone(),
        age_band: l.key.age_band.clone(),
        citizenship: l.key.citizenship.clone(),
        fraud_type: l.key.fraud_type.clone(),
        count: l.count,
        trend: l.trend.map(|t| t.code().to_string()),
        reliability: l.reliability.map(String::from),
        validity: l.validity.map(String::from),
        description: l.description.clone(),
    }
}

/// Adds lines to the coordinator's editable version. All or nothing: any invalid line
/// (including personal data in a description) refuses the whole request and stores nothing.
/// Errors are numbered from the first new line (`first_line_no`).
pub fn add_lines(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    inputs: &[ObservationInput],
) -> AppResult<()> {
    let result = transaction(conn, |conn| {
        let detail = load(conn, user, id)?;
        let version = editable_version(conn, user, &detail)?;
        let existing = q::lines(conn, version.id)?;
        let mut all: Vec<ObservationInput> = existing.iter().map(as_input).collect();
        all.extend(inputs.iter().cloned());
        let validated = validate_lines(&all, &detail.taxonomy)
            .map_err(|errors| AppError::Validation(renumber(errors, existing.len() as u32)))?;
        let first_no = q::max_line_no(conn, version.id)? + 1;
        let new_lines: Vec<NewLine> = validated[existing.len()..]
            .iter()
            .enumerate()
            .map(|(i, l)| to_new_line(version.id, first_no + i as i32, l))
            .collect();
        q::insert_lines(conn, &new_lines)?;
        audit::record(
            conn,
            Some(user),
            "lines_added",
            "submission",
            Some(&id.to_string()),
            Some(&format!("{} rader", new_lines.len())),
        )?;
        Ok(())
    });
    audit_refusal(conn, user, id, result)
}

/// Line numbers in errors count from the new lines; existing ones were valid already.
fn renumber(errors: Vec<FieldError>, existing: u32) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|mut e| {
            e.line = e.line.map(|l| l.saturating_sub(existing).max(1));
            e
        })
        .collect()
}

/// A refusal for personal data is audited, without the text, after the refused
/// transaction has rolled back (so the audit record survives).
fn audit_refusal<T>(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    result: AppResult<T>,
) -> AppResult<T> {
    if let Err(AppError::Validation(errors)) = &result {
        if errors.iter().any(|e| e.code == "personal_data") {
            let n = errors.iter().filter(|e| e.code == "personal_data").count();
            audit::record(
                conn,
                Some(user),
                "personal_data_refused",
                "submission",
                Some(&id.to_string()),
                Some(&format!("{n} fynd")),
            )?;
        }
    }
    result
}

pub fn remove_line(conn: &mut DbConnection, user: &User, id: i64, line_id: i64) -> AppResult<()> {
    transaction(conn, |conn| {
        let detail = load(conn, user, id)?;
        let version = editable_version(conn, user, &detail)?;
        // A copied version has new line ids; map by line number from the shown version.
        let line_no = detail
            .lines
            .iter()
            .find(|l| l.id == line_id)
            .map(|l| l.line_no)
            .ok_or(AppError::NotFound)?;
        let target = q::lines(conn, version.id)?
            .into_iter()
            .find(|l| l.line_no == line_no)
            .ok_or(AppError::NotFound)?;
        q::delete_line(conn, version.id, target.id)?;
        audit::record(
            conn,
            Some(user),
            "line_removed",
            "submission",
            Some(&id.to_string()),
            None,
        )?;
        Ok(())
    })
}

/// Sends the current draft for review. A submission needs at least one line; a reported
/// zero is a line with count 0.
pub fn submit(conn: &mut DbConnection, user: &User, id: i64) -> AppResult<()> {
    transaction(conn, |conn| {
        let detail = load(conn, user, id)?;
        let version = editable_version(conn, user, &detail)?;
        let lines = q::lines(conn, version.id)?;
        if lines.is_empty() {
            return Err(AppError::Validation(vec![FieldError::new(
                "lines",
                "required",
                "Lägg till minst en observation innan du skickar in. Har ni inte sett några fall, ange antal 0.",
            )]));
        }
        let t = now();
        q::mark_version_submitted(conn, version.id, user.id, t)?;
        q::set_status(
            conn,
            id,
            SubmissionStatus::Submitted.code(),
            version.version,
            t,
        )?;
        audit::record(
            conn,
            Some(user),
            "submission_submitted",
            "submission",
            Some(&id.to_string()),
            Some(&format!("version {}", version.version)),
        )?;
        Ok(())
    })
}

/// A reviewer's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Return { comment: String },
}

/// Accepts or returns a submitted version. Never one's own; a return needs a comment,
/// which is screened like every free text.
pub fn review(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    decision: Decision,
) -> AppResult<SubmissionStatus> {
    let result = transaction(conn, |conn| {
        let detail = load(conn, user, id)?;
        if detail.status() != SubmissionStatus::Submitted {
            return Err(AppError::Conflict(format!(
                "Inrapporteringen har status ”{}” och kan inte granskas nu.",
                detail.status().label_sv().to_lowercase()
            )));
        }
        if !user
            .actor()
            .may_review(detail.version.submitted_by, detail.version.edited_by)
        {
            return Err(AppError::Forbidden(
                "Du kan inte granska en inrapportering som du själv har skrivit eller skickat in."
                    .into(),
            ));
        }
        let (status, comment) = match &decision {
            Decision::Accept => (SubmissionStatus::Accepted, None),
            Decision::Return { comment } => {
                let comment = comment.trim();
                if comment.is_empty() {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "comment",
                        "required",
                        "Skriv en kommentar som säger vad som behöver rättas.",
                    )]));
                }
                screen_field("comment", "Kommentaren", comment).map_err(AppError::Validation)?;
                (SubmissionStatus::Returned, Some(comment))
            }
        };
        let t = now();
        let changed = q::mark_version_reviewed(
            conn,
            detail.version.id,
            SubmissionStatus::Submitted.code(),
            status.code(),
            user.id,
            comment,
            t,
        )?;
        if changed != 1 {
            return Err(AppError::Conflict(
                "Någon annan har just granskat inrapporteringen. Ladda om sidan.".into(),
            ));
        }
        q::set_status(conn, id, status.code(), detail.version.version, t)?;
        let action = match status {
            SubmissionStatus::Accepted => "submission_accepted",
            _ => "submission_returned",
        };
        audit::record(
            conn,
            Some(user),
            action,
            "submission",
            Some(&id.to_string()),
            Some(&format!("version {}", detail.version.version)),
        )?;
        Ok(status)
    });
    audit_refusal(conn, user, id, result)
}

/// The coordinator's own agency's submissions, newest period first.
pub fn list_own(conn: &mut DbConnection, user: &User) -> AppResult<Vec<q::Listed>> {
    match user.agency_id {
        Some(a) => Ok(q::list_for_agency(conn, a)?),
        None => Ok(Vec::new()),
    }
}

/// Submissions waiting for review, oldest first.
pub fn awaiting_review(conn: &mut DbConnection) -> AppResult<Vec<q::Listed>> {
    Ok(q::list_with_status(
        conn,
        SubmissionStatus::Submitted.code(),
    )?)
}
