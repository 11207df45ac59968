//! Reference figures (referensuppgifter) from other published situation pictures. They
//! stand beside our series in charts and reports, with their source, and are never mixed
//! into the aggregation of submitted observations (`services::aggregation` does not read
//! this table).

use chrono::{NaiveDate, NaiveDateTime};

use super::auth::User;
use super::{audit, now, taxonomy};
use crate::db::models::{NewReference, ReferenceContent, ReferenceRow};
use crate::db::queries::references as q;
use crate::db::{transaction, DbConnection};
use crate::domain::access::Capability;
use crate::domain::period::Period;
use crate::domain::reference::{self, ReferenceInput, ValidReference};
use crate::domain::taxonomy::Dimension;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg};

/// A registered figure, as charts, reports and pages use it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceFigure {
    pub id: i64,
    pub source: String,
    pub title: String,
    pub published_on: NaiveDate,
    pub url: String,
    pub value: f64,
    /// Decimals as published.
    pub decimals: usize,
    pub unit: String,
    pub period: Period,
    pub dimension: Dimension,
    pub code: String,
    pub updated_at: NaiveDateTime,
}

impl ReferenceFigure {
    /// The figure in the language's notation with its published decimals, e.g. `1 234,5`
    /// or `1,234.5`.
    pub fn value_in(&self, lang: Lang) -> String {
        lang.decimal(self.value, self.decimals)
    }

    /// The figure as it may be typed into the form again (no thousands separators; a
    /// decimal comma in Swedish, a point in English — the form accepts both).
    pub fn value_input(&self, lang: Lang) -> String {
        let plain = format!("{:.*}", self.decimals, self.value);
        match lang {
            Lang::Sv => plain.replace('.', ","),
            Lang::En => plain,
        }
    }
}

fn figure(row: ReferenceRow) -> AppResult<ReferenceFigure> {
    // For the log only: a stored row that breaks the rules is our fault, not the user's.
    let bad =
        |column: &str| AppError::Internal(format!("reference figure {}: invalid {column}", row.id));
    Ok(ReferenceFigure {
        period: Period::parse(&row.period).map_err(|_| bad("period"))?,
        dimension: Dimension::parse(&row.dimension).ok_or_else(|| bad("dimension"))?,
        id: row.id,
        source: row.source,
        title: row.title,
        published_on: row.published_on,
        url: row.url,
        value: row.value,
        decimals: usize::try_from(row.decimals).unwrap_or(0),
        unit: row.unit,
        code: row.code,
        updated_at: row.updated_at,
    })
}

fn must_manage(user: &User) -> AppResult<()> {
    if Capability::ManageReferences.allows(user.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden(Msg::new("references-manage-forbidden")))
    }
}

fn content<'a>(v: &'a ValidReference, period: &'a str, user: &User) -> ReferenceContent<'a> {
    ReferenceContent {
        source: &v.source,
        title: &v.title,
        published_on: v.published_on,
        url: &v.url,
        value: v.value,
        decimals: v.decimals as i32,
        unit: &v.unit,
        period,
        period_start: v.period.starts_on(),
        period_end: v.period.ends_on(),
        dimension: v.dimension.code(),
        code: &v.code,
        updated_by: user.id,
        updated_at: now(),
    }
}

/// Refusals for personal data are audited without the text, after the rollback.
fn audit_refusal<T>(
    conn: &mut DbConnection,
    user: &User,
    id: Option<i64>,
    result: AppResult<T>,
) -> AppResult<T> {
    if let Err(AppError::Validation(errors)) = &result {
        let n = errors.iter().filter(|e| e.code == "personal_data").count();
        if n > 0 {
            audit::record(
                conn,
                Some(user),
                "personal_data_refused",
                "reference_figure",
                id.map(|i| i.to_string()).as_deref(),
                Some(&n.to_string()),
            )?;
        }
    }
    result
}

fn validated(conn: &mut DbConnection, input: &ReferenceInput) -> AppResult<ValidReference> {
    let tax = taxonomy::load(conn)?;
    reference::validate(input, &tax).map_err(AppError::Validation)
}

/// Registers a figure; screened and validated; audited.
pub fn create(conn: &mut DbConnection, user: &User, input: &ReferenceInput) -> AppResult<i64> {
    let result = transaction(conn, |conn| {
        must_manage(user)?;
        let v = validated(conn, input)?;
        let period = v.period.code();
        let id = q::insert(
            conn,
            &NewReference {
                content: content(&v, &period, user),
                created_by: user.id,
                created_at: now(),
            },
        )?;
        audit::record(
            conn,
            Some(user),
            "reference_created",
            "reference_figure",
            Some(&id.to_string()),
            Some(&format!("{} {} {period}", v.dimension.code(), v.code)),
        )?;
        Ok(id)
    });
    audit_refusal(conn, user, None, result)
}

pub fn update(
    conn: &mut DbConnection,
    user: &User,
    id: i64,
    input: &ReferenceInput,
) -> AppResult<()> {
    let result = transaction(conn, |conn| {
        must_manage(user)?;
        q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        let v = validated(conn, input)?;
        let period = v.period.code();
        q::update(conn, id, &content(&v, &period, user))?;
        audit::record(
            conn,
            Some(user),
            "reference_updated",
            "reference_figure",
            Some(&id.to_string()),
            Some(&format!("{} {} {period}", v.dimension.code(), v.code)),
        )?;
        Ok(())
    });
    audit_refusal(conn, user, Some(id), result)
}

pub fn delete(conn: &mut DbConnection, user: &User, id: i64) -> AppResult<()> {
    transaction(conn, |conn| {
        must_manage(user)?;
        let row = q::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        q::delete(conn, id)?;
        audit::record(
            conn,
            Some(user),
            "reference_deleted",
            "reference_figure",
            Some(&id.to_string()),
            Some(&format!("{} {} {}", row.dimension, row.code, row.period)),
        )?;
        Ok(())
    })
}

pub fn load(conn: &mut DbConnection, id: i64) -> AppResult<ReferenceFigure> {
    figure(q::by_id(conn, id)?.ok_or(AppError::NotFound)?)
}

/// All figures, or those of one series, ordered by series and period.
pub fn list(
    conn: &mut DbConnection,
    series: Option<(Dimension, &str)>,
) -> AppResult<Vec<ReferenceFigure>> {
    q::list(conn, series.map(|(d, c)| (d.code(), c)), None)?
        .into_iter()
        .map(figure)
        .collect()
}

/// The figures of one series (a misuse type or an exploitation area) whose period lies
/// wholly within `from` … `to` (by dates, so a year figure is within a range of quarters
/// that covers the year), in period order. For charts and reports, beside the series.
pub fn for_series(
    conn: &mut DbConnection,
    dimension: Dimension,
    code: &str,
    from: Period,
    to: Period,
) -> AppResult<Vec<ReferenceFigure>> {
    q::list(
        conn,
        Some((dimension.code(), code)),
        Some((from.starts_on(), to.ends_on())),
    )?
    .into_iter()
    .map(figure)
    .collect()
}
