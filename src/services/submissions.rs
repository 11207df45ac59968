//! Agency reporting (inrapportering): drafts, observation lines, submission and review.
//! The form, the API and the CSV import all come through here.

use super::auth::User;
use super::periods;
use super::{audit, now, taxonomy};
use crate::db::models::{
    AgencyRow, LineRow, NewLine, NewSubmission, NewVersion, PeriodRow, SubmissionRow, VersionRow,
};
use crate::db::queries::periods as period_q;
use crate::db::queries::{agencies, submissions as q};
use crate::db::{transaction, DbConnection};
use crate::domain::message::Msg;
use crate::domain::observation::{
    screen_field, validate_lines, LineKey, ObservationInput, ObservationLine,
};
use crate::domain::outlier::OutlierWarning;
use crate::domain::period::Period;
use crate::domain::status::{PeriodStatus, SubmissionStatus};
use crate::domain::taxonomy::Taxonomy;
use crate::domain::validation::{FieldError, MAX_COMMENT_CHARS};
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

    /// A submission that has been returned at least once is being corrected.
    fn is_correction(&self) -> bool {
        self.version.version > 1 || self.status() == SubmissionStatus::Returned
    }

    /// Whether its agency may change it now (status and period both allow it).
    pub fn is_editable(&self) -> bool {
        self.status().editable()
            && period_must_accept_changes(&self.period, self.is_correction()).is_ok()
    }
}

/// Whether a period takes new submissions: open, and its deadline (if any) not passed.
/// A returned submission may still be corrected after that, until the period is locked.
fn period_must_accept_changes(period: &PeriodRow, correction: bool) -> AppResult<()> {
    let today = chrono::Utc::now().date_naive();
    match periods::effective_status(period, today) {
        PeriodStatus::Open => Ok(()),
        PeriodStatus::Locked => Err(AppError::Conflict(
            Msg::new("submissions-period-is-locked").arg("period", &period.code),
        )),
        PeriodStatus::Closed if correction => Ok(()),
        PeriodStatus::Closed => Err(AppError::Conflict(
            Msg::new("submissions-period-is-closed").arg("period", &period.code),
        )),
    }
}

/// Finds or creates the coordinator's submission for a period. There is one per agency,
/// period and source; opening it again returns the same one.
pub fn open_draft(conn: &mut DbConnection, user: &User, period_code: &str) -> AppResult<i64> {
    let agency_id = user
        .agency_id
        .ok_or_else(|| AppError::Forbidden(Msg::new("submissions-no-agency")))?;
    let period = Period::parse(period_code).map_err(|e| {
        AppError::Validation(vec![FieldError::new(
            "period",
            "invalid",
            Msg::new("submissions-period-invalid").arg("period", e.input),
        )])
    })?;
    transaction(conn, |conn| {
        let period_row = period_q::by_code(conn, &period.code())?.ok_or_else(|| {
            AppError::Conflict(
                Msg::new("submissions-period-not-opened").arg("period", period.code()),
            )
        })?;
        if let Some(existing) = q::find(conn, agency_id, period_row.id, SOURCE_AGENCY)? {
            return Ok(existing.id);
        }
        period_must_accept_changes(&period_row, false)?;
        let t = now();
        let inserted = q::insert_unless_exists(
            conn,
            &NewSubmission {
                forum_meeting_id: None,
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
        let Some(id) = inserted else {
            // Another request opened it a moment ago: that one is the agency's submission.
            let existing = q::find(conn, agency_id, period_row.id, SOURCE_AGENCY)?
                .ok_or_else(|| AppError::Conflict(Msg::new("submissions-changed-concurrently")))?;
            return Ok(existing.id);
        };
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
    let allowed = user.actor().may_view_submission(submission.agency_id)
        || match submission.forum_meeting_id {
            Some(meeting) => super::forum::may_record(conn, user, meeting)?,
            None => false,
        };
    if !allowed {
        return Err(AppError::Forbidden(Msg::new("submissions-other-agency")));
    }
    load_unchecked(conn, submission)
}

/// Loads a submission without the agency check; callers check access themselves (the
/// forum's pages check the meeting's participants).
pub(crate) fn load_unchecked(
    conn: &mut DbConnection,
    submission: SubmissionRow,
) -> AppResult<SubmissionDetail> {
    let agency = agencies::by_id(conn, submission.agency_id)?;
    let period = period_q::by_id(conn, submission.period_id)?;
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
    let allowed = match detail.submission.forum_meeting_id {
        // Forum observations: the convener and the attending agencies record them.
        Some(meeting) => super::forum::may_record(conn, user, meeting)?,
        None => user
            .actor()
            .may_edit_submission(detail.submission.agency_id),
    };
    if !allowed {
        return Err(AppError::Forbidden(Msg::new("submissions-own-agency-only")));
    }
    // The forum records what a meeting saw whenever it met; only a lock stops it.
    let correction = detail.is_correction() || detail.submission.forum_meeting_id.is_some();
    period_must_accept_changes(&detail.period, correction)?;
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
            q::set_status(
                conn,
                detail.submission.id,
                SubmissionStatus::Draft.code(),
                next,
                t,
            )?;
            q::version(conn, detail.submission.id, next).map_err(Into::into)
        }
        SubmissionStatus::Submitted | SubmissionStatus::Accepted => Err(AppError::Conflict(
            Msg::new("submissions-already-submitted"),
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

/// The result of adding lines from the form.
#[derive(Debug, Clone, PartialEq)]
pub enum LineOutcome {
    Saved(Vec<OutlierWarning>),
    /// Nothing was stored: a count looks unusual and the user has not yet confirmed it.
    NeedsConfirmation(Vec<OutlierWarning>),
}

/// Adds lines to the coordinator's editable version. All or nothing: any invalid line
/// (including personal data in a description) refuses the whole request and stores
/// nothing. An unusually high count needs `confirmed` (the form asks first).
pub fn add_lines(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    inputs: &[ObservationInput],
    confirmed: bool,
) -> AppResult<LineOutcome> {
    let result = transaction(conn, |conn| {
        let detail = load(conn, user, id)?;
        let version = editable_version(conn, user, &detail)?;
        let existing = q::lines(conn, version.id)?;
        let mut all: Vec<ObservationInput> = existing.iter().map(as_input).collect();
        all.extend(inputs.iter().cloned());
        let validated = validate_lines(&all, &detail.taxonomy)
            .map_err(|errors| AppError::Validation(renumber(errors, existing.len() as u32)))?;
        // Warn only where these lines push a total over the bound: a total that was
        // already confirmed does not ask again.
        let history = outlier_history(conn, &detail)?;
        let already: Vec<String> =
            outlier_warnings(&detail, &history, &validated[..existing.len()])
                .into_iter()
                .map(|w| w.misuse_type)
                .collect();
        let warnings: Vec<OutlierWarning> = outlier_warnings(&detail, &history, &validated)
            .into_iter()
            .filter(|w| !already.contains(&w.misuse_type))
            .filter(|w| w.line as usize > existing.len())
            .map(|mut w| {
                w.line -= existing.len() as u32;
                w
            })
            .collect();
        if !warnings.is_empty() && !confirmed {
            return Ok(LineOutcome::NeedsConfirmation(warnings));
        }
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
        Ok(LineOutcome::Saved(warnings))
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
                Msg::new("submissions-add-before-submit"),
            )]));
        }
        mark_submitted(conn, user, id, &version)
    })
}

/// Sends a version for review: frozen from now on, audited.
fn mark_submitted(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    version: &VersionRow,
) -> AppResult<()> {
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
    )
}

/// A reviewer's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Return { comment: String },
}

impl Decision {
    /// From the words the form and the API use: "accept", or "return" with a comment
    /// (checked later, where a missing one gets its message).
    pub fn parse(decision: &str, comment: Option<String>) -> Option<Self> {
        match decision {
            "accept" => Some(Self::Accept),
            "return" => Some(Self::Return {
                comment: comment.unwrap_or_default(),
            }),
            _ => None,
        }
    }
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
            return Err(AppError::Conflict(
                Msg::new("review-not-awaiting").arg("status", detail.status().code()),
            ));
        }
        if !user
            .actor()
            .may_review(detail.version.submitted_by, detail.version.edited_by)
        {
            return Err(AppError::Forbidden(Msg::new("review-own-submission")));
        }
        let (status, comment) = match &decision {
            Decision::Accept => (SubmissionStatus::Accepted, None),
            Decision::Return { comment } => {
                let comment = comment.trim();
                if comment.is_empty() {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "comment",
                        "required",
                        Msg::new("review-comment-required"),
                    )]));
                }
                if comment.chars().count() > MAX_COMMENT_CHARS {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "comment",
                        "too_long",
                        Msg::new("review-comment-too-long").arg("max", MAX_COMMENT_CHARS),
                    )]));
                }
                screen_field("comment", Msg::new("review-the-comment"), comment)
                    .map_err(AppError::Validation)?;
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
            return Err(AppError::Conflict(Msg::new("review-already-reviewed")));
        }
        q::set_status(conn, id, status.code(), detail.version.version, t)?;
        // The rollup changes in the same transaction as the acceptance.
        crate::db::queries::rollup::rebuild_submission(conn, id)?;
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
        super::notifications::notify(
            conn,
            super::notifications::Event::SubmissionReviewed {
                submission: &detail.submission,
                period_code: &detail.period.code,
                version: detail.version.version,
                accepted: status == SubmissionStatus::Accepted,
            },
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

/// What a machine submission answers (the API writes it as JSON, its warnings in the
/// caller's language).
#[derive(Debug, Clone)]
pub struct SubmissionOutcome {
    pub id: i64,
    pub status: &'static str,
    pub version: i32,
    pub warnings: Vec<OutlierWarning>,
}

/// The API and CSV path: the given lines become the complete content of the agency's
/// submission for the period (replacing an editable draft's lines), optionally submitted
/// at once. All or nothing, with the same validation and screening as the form.
pub fn submit_lines(
    conn: &mut DbConnection,
    user: &User,
    period_code: &str,
    inputs: &[ObservationInput],
    submit_now: bool,
) -> AppResult<SubmissionOutcome> {
    let result = transaction(conn, |conn| {
        let id = open_draft(conn, user, period_code)?;
        let detail = load(conn, user, id)?;
        let version = editable_version(conn, user, &detail)?;
        let validated = validate_lines(inputs, &detail.taxonomy).map_err(AppError::Validation)?;
        if validated.is_empty() {
            return Err(AppError::Validation(vec![FieldError::new(
                "lines",
                "required",
                Msg::new("submissions-lines-required"),
            )]));
        }
        q::delete_lines(conn, version.id)?;
        let new_lines: Vec<NewLine> = validated
            .iter()
            .enumerate()
            .map(|(i, l)| to_new_line(version.id, i as i32 + 1, l))
            .collect();
        q::insert_lines(conn, &new_lines)?;
        let history = outlier_history(conn, &detail)?;
        let warnings = outlier_warnings(&detail, &history, &validated);
        audit::record(
            conn,
            Some(user),
            "lines_replaced",
            "submission",
            Some(&id.to_string()),
            Some(&format!("{} rader", new_lines.len())),
        )?;
        let status = if submit_now {
            mark_submitted(conn, user, id, &version)?;
            SubmissionStatus::Submitted
        } else {
            SubmissionStatus::Draft
        };
        Ok(SubmissionOutcome {
            id,
            status: status.code(),
            version: version.version,
            warnings,
        })
    });
    audit_refusal(conn, user, 0, result)
}

/// The agency's accepted totals per (period, misuse type), this submission left out:
/// what its counts are compared with.
pub fn outlier_history(
    conn: &mut DbConnection,
    detail: &SubmissionDetail,
) -> AppResult<Vec<(String, String, i64)>> {
    Ok(crate::db::queries::aggregates::agency_history(
        conn,
        detail.agency.id,
        detail.submission.id,
    )?)
}

/// Counts far above what the agency's own history for the misuse type predicts.
pub fn outlier_warnings(
    detail: &SubmissionDetail,
    history: &[(String, String, i64)],
    lines: &[ObservationLine],
) -> Vec<OutlierWarning> {
    use crate::domain::outlier;
    use std::collections::BTreeMap;
    let Ok(period) = Period::parse(&detail.period.code) else {
        return Vec::new();
    };
    // The submission's total per misuse type, and the last line that carries it.
    let mut totals: BTreeMap<&str, (i64, u32)> = BTreeMap::new();
    for (i, l) in lines.iter().enumerate() {
        let e = totals.entry(l.key.misuse_type.as_str()).or_insert((0, 0));
        e.0 += l.count;
        e.1 = i as u32 + 1;
    }
    let mut warnings = Vec::new();
    for (misuse_type, (total, line)) in totals {
        let series: Vec<i64> = (1..=outlier::HISTORY_PERIODS as i64)
            .filter_map(|back| {
                let p = period.offset(-back).code();
                history
                    .iter()
                    .find(|(pc, mt, _)| *pc == p && mt == misuse_type)
                    .map(|(_, _, n)| *n)
                    .or_else(|| history.iter().any(|(pc, _, _)| *pc == p).then_some(0))
            })
            .collect();
        let dim = crate::domain::taxonomy::Dimension::MisuseType;
        let labels = (
            detail.taxonomy.label_sv(dim, misuse_type),
            detail.taxonomy.label_en(dim, misuse_type),
        );
        if let Some(w) = outlier::check(line, misuse_type, labels, total, &series) {
            warnings.push(w);
        }
    }
    warnings.sort_by_key(|w| w.line);
    warnings
}

/// Imports a CSV file (UI upload and `POST /api/v1/submissions.csv`): parsed, then the
/// same path as the JSON API. Errors carry the file's line numbers.
pub fn import_csv(
    conn: &mut DbConnection,
    user: &User,
    period_code: &str,
    bytes: &[u8],
    submit_now: bool,
) -> AppResult<SubmissionOutcome> {
    let parsed = crate::domain::csv_import::parse_csv(bytes).map_err(AppError::Validation)?;
    submit_lines(conn, user, period_code, &parsed.rows, submit_now).map_err(|e| match e {
        AppError::Validation(errors) => AppError::Validation(
            errors
                .into_iter()
                .map(|mut err| {
                    err.line = err
                        .line
                        .and_then(|row| parsed.line_numbers.get(row as usize - 1).copied());
                    err
                })
                .collect(),
        ),
        other => other,
    })
}

/// What a line says besides its categories: what a version comparison compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineValue {
    pub count: i64,
    /// The trend's code.
    pub trend: Option<String>,
    pub description: Option<String>,
}

/// How a line differs between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    /// The catalogue key of the change's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Added => crate::key!("review-change-added"),
            Self::Removed => crate::key!("review-change-removed"),
            Self::Changed => crate::key!("review-change-changed"),
        }
    }
}

/// One changed line of a version comparison: its categories (codes) and what it said
/// before and after. The page writes it in the reader's language.
#[derive(Debug, Clone)]
pub struct DiffRow {
    pub change: ChangeKind,
    pub line: LineKey,
    pub before: Option<LineValue>,
    pub after: Option<LineValue>,
}

/// What changed from the previous version to the current one (empty for version 1). Lines
/// are matched by their combination of categories.
pub fn diff_with_previous(
    conn: &mut DbConnection,
    detail: &SubmissionDetail,
) -> AppResult<Vec<DiffRow>> {
    use crate::domain::diff::{diff, Change};
    if detail.version.version <= 1 {
        return Ok(Vec::new());
    }
    let previous = q::version(conn, detail.submission.id, detail.version.version - 1)?;
    let before_lines = q::lines(conn, previous.id)?;
    let keyed = |lines: &[LineRow]| -> Vec<(LineKey, LineValue)> {
        lines
            .iter()
            .map(|l| {
                let key = LineKey {
                    misuse_type: l.misuse_type.clone(),
                    exploitation_area: l.exploitation_area.clone(),
                    document_type: l.document_type.clone(),
                    chain_stage: l.chain_stage.clone(),
                    age_band: l.age_band.clone(),
                    citizenship: l.citizenship.clone(),
                    fraud_type: l.fraud_type.clone(),
                };
                let value = LineValue {
                    count: l.count,
                    trend: l.trend.clone(),
                    description: l.description.clone(),
                };
                (key, value)
            })
            .collect()
    };
    Ok(diff(&keyed(&before_lines), &keyed(&detail.lines))
        .into_iter()
        .filter_map(|c| match c {
            Change::Added(line, v) => Some(DiffRow {
                change: ChangeKind::Added,
                line,
                before: None,
                after: Some(v),
            }),
            Change::Removed(line, v) => Some(DiffRow {
                change: ChangeKind::Removed,
                line,
                before: Some(v),
                after: None,
            }),
            Change::Changed { key, before, after } => Some(DiffRow {
                change: ChangeKind::Changed,
                line: key,
                before: Some(before),
                after: Some(after),
            }),
            Change::Unchanged(..) => None,
        })
        .collect())
}
