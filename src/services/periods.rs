//! The reporting calendar.

use chrono::NaiveDate;

use super::auth::User;
use super::{audit, now};
use crate::db::models::{NewPeriod, PeriodRow};
use crate::db::queries::periods;
use crate::db::{transaction, DbConnection};
use crate::domain::message::Msg;
use crate::domain::period::Period;
use crate::domain::status::PeriodStatus;
use crate::error::{AppError, AppResult};

/// Opens a period for submissions (creating it if new). A locked period cannot be reopened.
pub fn open_period(
    conn: &mut DbConnection,
    actor: Option<&User>,
    period: Period,
    deadline: Option<NaiveDate>,
) -> AppResult<PeriodRow> {
    let code = period.code();
    transaction(conn, |conn| {
        let row = match periods::by_code(conn, &code)? {
            Some(existing) => {
                if existing.status == PeriodStatus::Locked.code() {
                    return Err(AppError::Conflict(
                        Msg::new("admin-periods-locked").arg("period", code.as_str()),
                    ));
                }
                periods::update_status_and_deadline(
                    conn,
                    existing.id,
                    PeriodStatus::Open.code(),
                    deadline.or(existing.deadline),
                )?;
                periods::by_id(conn, existing.id)?
            }
            None => {
                let id = periods::insert(
                    conn,
                    &NewPeriod {
                        code: &code,
                        kind: period.kind().code(),
                        starts_on: period.starts_on(),
                        ends_on: period.ends_on(),
                        deadline,
                        status: PeriodStatus::Open.code(),
                        created_at: now(),
                    },
                )?;
                periods::by_id(conn, id)?
            }
        };
        audit::record(conn, actor, "period_opened", "period", Some(&code), None)?;
        Ok(row)
    })
}

/// Periods open for submissions today (deadline not passed), newest first.
pub fn open_periods(conn: &mut DbConnection) -> AppResult<Vec<PeriodRow>> {
    let today = chrono::Utc::now().date_naive();
    Ok(periods::with_status(conn, PeriodStatus::Open.code())?
        .into_iter()
        .filter(|p| effective_status(p, today) == PeriodStatus::Open)
        .collect())
}

/// The status that applies today: an open period whose deadline has passed is closed.
pub fn effective_status(period: &PeriodRow, today: NaiveDate) -> PeriodStatus {
    match PeriodStatus::parse(&period.status) {
        Some(PeriodStatus::Open) if period.deadline.is_some_and(|d| d < today) => {
            PeriodStatus::Closed
        }
        Some(s) => s,
        None => PeriodStatus::Closed,
    }
}

/// Closes a period by hand (coordinators can then only correct returned submissions).
pub fn close_period(
    conn: &mut DbConnection,
    actor: Option<&User>,
    period: Period,
) -> AppResult<()> {
    let code = period.code();
    let row = periods::by_code(conn, &code)?.ok_or(AppError::NotFound)?;
    if row.status == PeriodStatus::Locked.code() {
        return Err(AppError::Conflict(
            Msg::new("admin-periods-already-locked").arg("period", code.as_str()),
        ));
    }
    periods::update_status_and_deadline(conn, row.id, PeriodStatus::Closed.code(), row.deadline)?;
    audit::record(conn, actor, "period_closed", "period", Some(&code), None)?;
    Ok(())
}

/// Every period, newest first.
pub fn all(conn: &mut DbConnection) -> AppResult<Vec<PeriodRow>> {
    Ok(periods::all(conn)?)
}
