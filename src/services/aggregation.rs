//! The one aggregation of accepted data that the dashboard, the CSV, the API and the PDF
//! all use, so they can never disagree.

use std::collections::{BTreeMap, BTreeSet};

use crate::charts::{ChartSeries, TrendChart};
use crate::db::queries::aggregates;
use crate::db::DbConnection;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::taxonomy::Dimension;
use crate::error::AppResult;

use super::taxonomy;

/// Counts per quarter and misuse type. `values[i]` is `None` when no agency reported in
/// period `i` ("no report"), and a number (possibly 0) otherwise.
#[derive(Debug, Clone)]
pub struct TrendTable {
    pub periods: Vec<Period>,
    pub series: Vec<TrendSeries>,
    /// Agency codes with accepted data, per period.
    pub reporting: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct TrendSeries {
    pub code: String,
    pub label: String,
    pub values: Vec<Option<i64>>,
}

impl TrendTable {
    pub fn is_empty(&self) -> bool {
        self.reporting.iter().all(Vec::is_empty)
    }

    /// Column totals per period (`None` where nobody reported).
    pub fn totals(&self) -> Vec<Option<i64>> {
        (0..self.periods.len())
            .map(|i| {
                if self.reporting[i].is_empty() {
                    None
                } else {
                    Some(self.series.iter().filter_map(|s| s.values[i]).sum())
                }
            })
            .collect()
    }

    pub fn chart(&self, title: String) -> TrendChart {
        TrendChart {
            title,
            x_labels: self.periods.iter().map(|p| p.code()).collect(),
            x_axis: "Kvartal".into(),
            y_axis: "Antal fall".into(),
            series: self
                .series
                .iter()
                .filter(|s| s.values.iter().any(|v| v.is_some_and(|n| n > 0)))
                .map(|s| ChartSeries {
                    label: s.label.clone(),
                    values: s.values.clone(),
                })
                .collect(),
            markers: Vec::new(),
        }
    }
}

/// Accepted counts per quarter by misuse type, for `quarters` quarters ending at `end`
/// (default: the latest quarter with accepted data, else the current quarter). Monthly
/// submissions roll up into their quarter; half-year and year submissions cannot be split
/// and are left out of quarterly series.
pub fn quarterly_by_misuse_type(
    conn: &mut DbConnection,
    end: Option<Period>,
    quarters: usize,
) -> AppResult<TrendTable> {
    let tax = taxonomy::load(conn)?;
    let AcceptedData { sums, reporters } = load_accepted(conn)?;

    let mut cells: BTreeMap<(Period, String), i64> = BTreeMap::new();
    for (period, misuse_type, n) in sums {
        if let Some(q) = period.rollup(PeriodKind::Quarter) {
            *cells.entry((q, misuse_type)).or_default() += n;
        }
    }
    let mut reporting: BTreeMap<Period, BTreeSet<String>> = BTreeMap::new();
    for (period, agency) in reporters {
        if let Some(q) = period.rollup(PeriodKind::Quarter) {
            reporting.entry(q).or_default().insert(agency);
        }
    }
    let end = end
        .and_then(|p| p.rollup(PeriodKind::Quarter))
        .or_else(|| reporting.keys().next_back().copied())
        .unwrap_or_else(|| Period::quarter_of(chrono::Utc::now().date_naive()));
    let start = end.offset(-(quarters.max(1) as i64 - 1));
    let periods = start.range_to(end);

    let series = tax
        .all(Dimension::MisuseType)
        .map(|entry| TrendSeries {
            code: entry.code.clone(),
            label: entry.label_sv.clone(),
            values: periods
                .iter()
                .map(|p| {
                    reporting
                        .get(p)
                        .map(|_| cells.get(&(*p, entry.code.clone())).copied().unwrap_or(0))
                })
                .collect(),
        })
        .collect();
    let reporting = periods
        .iter()
        .map(|p| {
            reporting
                .get(p)
                .map(|s| s.iter().cloned().collect())
                .unwrap_or_default()
        })
        .collect();
    Ok(TrendTable {
        periods,
        series,
        reporting,
    })
}

/// Accepted sums per stored period, as the database returns them.
struct AcceptedData {
    sums: Vec<(Period, String, i64)>,
    reporters: Vec<(Period, String)>,
}

fn load_accepted(conn: &mut DbConnection) -> AppResult<AcceptedData> {
    let sums = aggregates::accepted_by_period_and_misuse_type(conn)?
        .into_iter()
        .filter_map(|(p, m, n)| Period::parse(&p).ok().map(|p| (p, m, n)))
        .collect();
    let reporters = aggregates::reporting_agencies(conn)?
        .into_iter()
        .filter_map(|(p, a)| Period::parse(&p).ok().map(|p| (p, a)))
        .collect();
    Ok(AcceptedData { sums, reporters })
}

/// Totals per misuse type for one period: everything accepted for periods that lie
/// within it (months within a quarter, etc.). `None` when no agency reported.
#[derive(Debug, Clone)]
pub struct PeriodTotals {
    pub period: Period,
    pub by_misuse_type: BTreeMap<String, i64>,
    pub reporting: BTreeSet<String>,
}

impl PeriodTotals {
    pub fn has_reports(&self) -> bool {
        !self.reporting.is_empty()
    }

    /// The count for a misuse type: `None` = no report, `Some(0)` = reported zero.
    pub fn get(&self, misuse_type: &str) -> Option<i64> {
        self.has_reports()
            .then(|| self.by_misuse_type.get(misuse_type).copied().unwrap_or(0))
    }

    pub fn total(&self) -> Option<i64> {
        self.has_reports()
            .then(|| self.by_misuse_type.values().sum())
    }
}

/// Totals for each of `periods`, from one read of the accepted data.
pub fn period_totals(conn: &mut DbConnection, periods: &[Period]) -> AppResult<Vec<PeriodTotals>> {
    let data = load_accepted(conn)?;
    Ok(periods
        .iter()
        .map(|target| {
            let mut by_misuse_type = BTreeMap::new();
            for (p, m, n) in &data.sums {
                if target.contains(*p) {
                    *by_misuse_type.entry(m.clone()).or_default() += *n;
                }
            }
            let reporting = data
                .reporters
                .iter()
                .filter(|(p, _)| target.contains(*p))
                .map(|(_, a)| a.clone())
                .collect();
            PeriodTotals {
                period: *target,
                by_misuse_type,
                reporting,
            }
        })
        .collect())
}

/// The latest quarter with accepted data, if any.
pub fn latest_quarter(conn: &mut DbConnection) -> AppResult<Option<Period>> {
    let data = load_accepted(conn)?;
    Ok(data
        .reporters
        .iter()
        .filter_map(|(p, _)| p.rollup(PeriodKind::Quarter))
        .max())
}

/// Accepted counts per misuse type from one source ("agency" or "forum") for each of
/// `periods` (stored periods within each are summed).
pub fn totals_by_source(
    conn: &mut DbConnection,
    source: &str,
    periods: &[Period],
) -> AppResult<Vec<BTreeMap<String, i64>>> {
    let rows = aggregates::accepted_by_period_source_and_misuse_type(conn)?;
    Ok(periods
        .iter()
        .map(|target| {
            let mut out = BTreeMap::new();
            for (p, s, m, n) in &rows {
                if s == source && Period::parse(p).is_ok_and(|p| target.contains(p)) {
                    *out.entry(m.clone()).or_default() += *n;
                }
            }
            out
        })
        .collect())
}
