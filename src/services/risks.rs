//! Uncovered risks (obehandlade risker): rising series that no measure in force targets,
//! with the proposed or rejected measures that would have targeted them. Computed, not
//! written by hand: the "consequences of measures not taken".

use super::aggregation;
use crate::db::models::MeasureRow;
use crate::db::queries::measures as mq;
use crate::db::DbConnection;
use crate::domain::measure::MeasureStatus;
use crate::domain::period::Period;
use crate::domain::risk::sustained_rise;
use crate::domain::signals::{evaluate, DetectorConfig};
use crate::domain::taxonomy::Dimension;
use crate::error::AppResult;

/// Quarters of history read: five years of reference plus the window.
const HISTORY_QUARTERS: usize = 24;

#[derive(Debug, Clone)]
pub struct RisingSeries {
    pub misuse_type: String,
    pub observed: u64,
    pub expected: Option<f64>,
    pub signal: bool,
    pub sustained: bool,
    /// Measures in force that target the series (empty: uncovered).
    pub covered_by: Vec<MeasureRow>,
    /// Proposed or rejected measures that would have targeted it.
    pub not_taken: Vec<MeasureRow>,
}

impl RisingSeries {
    pub fn uncovered(&self) -> bool {
        self.covered_by.is_empty()
    }
}

/// Every rising series in quarter `at` (default: the latest with data), covered or not.
pub fn rising(
    conn: &mut DbConnection,
    at: Option<Period>,
) -> AppResult<(Period, Vec<RisingSeries>)> {
    let end = match at {
        Some(p) => Period::quarter_of(p.ends_on()),
        None => aggregation::latest_quarter(conn)?
            .unwrap_or_else(|| Period::quarter_of(chrono::Utc::now().date_naive())),
    };
    let table = aggregation::quarterly_by_misuse_type(conn, Some(end), HISTORY_QUARTERS)?;
    let current = table.periods.len().saturating_sub(1);
    let cfg = DetectorConfig::quarterly();
    let measures: Vec<(MeasureRow, Vec<(String, String)>)> = mq::all(conn)?
        .into_iter()
        .map(|m| {
            let t = mq::targets_of(conn, m.id)?;
            Ok((m, t))
        })
        .collect::<AppResult<_>>()?;
    let (q_start, q_end) = (end.starts_on(), end.ends_on());
    let mut out = Vec::new();
    for s in &table.series {
        let series: Vec<Option<u64>> = s
            .values
            .iter()
            .map(|v| v.map(|x| x.max(0) as u64))
            .collect();
        let eval = evaluate(&series, current, &cfg);
        let signal = eval.as_ref().is_some_and(|e| e.alarm);
        let sustained = sustained_rise(&series, current, 3, 4);
        if !signal && !sustained {
            continue;
        }
        let targets = |t: &[(String, String)]| {
            t.iter()
                .any(|(d, c)| d == Dimension::MisuseType.code() && *c == s.code)
        };
        let covered_by = measures
            .iter()
            .filter(|(m, t)| {
                MeasureStatus::parse(&m.status) == Some(MeasureStatus::InForce)
                    && m.start_on <= q_end
                    && m.end_on.is_none_or(|e| e >= q_start)
                    && targets(t)
            })
            .map(|(m, _)| m.clone())
            .collect();
        let not_taken = measures
            .iter()
            .filter(|(m, t)| {
                matches!(
                    MeasureStatus::parse(&m.status),
                    Some(MeasureStatus::Proposed | MeasureStatus::Rejected)
                ) && targets(t)
            })
            .map(|(m, _)| m.clone())
            .collect();
        out.push(RisingSeries {
            misuse_type: s.code.clone(),
            observed: series.get(current).copied().flatten().unwrap_or(0),
            expected: eval.map(|e| e.expected),
            signal,
            sustained,
            covered_by,
            not_taken,
        });
    }
    Ok((end, out))
}
