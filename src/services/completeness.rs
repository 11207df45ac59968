//! Inrapporteringsläge: for a period, where every agency's report stands. "No report"
//! and "reported zero" are different things everywhere.

use chrono::NaiveDate;

use super::periods;
use crate::db::queries::{agencies, periods as period_q, submissions as q};
use crate::db::DbConnection;
use crate::domain::period::Period;
use crate::domain::status::SubmissionStatus;
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone)]
pub struct AgencyState {
    pub agency_code: String,
    pub agency_name: String,
    pub agency_name_en: String,
    /// `None`: no submission at all.
    pub status: Option<SubmissionStatus>,
    pub version: Option<i32>,
    pub submission_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Completeness {
    pub period: String,
    pub status: crate::domain::status::PeriodStatus,
    pub deadline: Option<NaiveDate>,
    pub deadline_passed: bool,
    pub agencies: Vec<AgencyState>,
}

impl Completeness {
    pub fn count(&self, status: Option<SubmissionStatus>) -> usize {
        self.agencies.iter().filter(|a| a.status == status).count()
    }
}

pub fn for_period(conn: &mut DbConnection, period: Period) -> AppResult<Completeness> {
    let row = period_q::by_code(conn, &period.code())?.ok_or(AppError::NotFound)?;
    let today = chrono::Utc::now().date_naive();
    let subs = q::list_for_period(conn, row.id)?;
    let states = agencies::all(conn)?
        .into_iter()
        .filter(|a| a.active != 0)
        .map(|a| {
            let s = subs
                .iter()
                .find(|s| s.agency_id == a.id && s.source == super::submissions::SOURCE_AGENCY);
            AgencyState {
                agency_code: a.code,
                agency_name: a.name_sv,
                agency_name_en: a.name_en,
                status: s.and_then(|s| SubmissionStatus::parse(&s.status)),
                version: s.map(|s| s.current_version),
                submission_id: s.map(|s| s.id),
            }
        })
        .collect();
    Ok(Completeness {
        period: row.code.clone(),
        status: periods::effective_status(&row, today),
        deadline: row.deadline,
        deadline_passed: row.deadline.is_some_and(|d| d < today),
        agencies: states,
    })
}
