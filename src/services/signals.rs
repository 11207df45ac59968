//! Signals (ovanlig ökning): every series – misuse type over all sources and per agency –
//! through the negative-binomial detector, with Benjamini–Hochberg q-values over all
//! series of the period.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::aggregation::{records, reporting, Filters};
use super::analysis::FORUM_KEY;
use super::taxonomy;
use crate::db::DbConnection;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::signals::{benjamini_hochberg, evaluate, DetectorConfig};
use crate::domain::taxonomy::Dimension;
use crate::error::{AppError, AppResult};

/// The dashboard highlights alarms at or below this q-value.
pub const Q_HIGHLIGHT: f64 = 0.10;

#[derive(Debug, Clone, Serialize)]
pub struct SignalRow {
    pub misuse_type: String,
    /// `None` for the series over all agencies and the forum.
    pub agency: Option<String>,
    pub observed: u64,
    pub expected: f64,
    pub threshold: u64,
    pub p_value: f64,
    pub q_value: f64,
    pub alarm: bool,
}

impl SignalRow {
    pub fn highlighted(&self) -> bool {
        self.alarm && self.q_value <= Q_HIGHLIGHT
    }
}

/// Evaluates every series at `period` (a quarter or a month).
pub fn evaluate_period(
    conn: &mut DbConnection,
    period: Period,
    alpha: f64,
) -> AppResult<Vec<SignalRow>> {
    let mut cfg = match period.kind() {
        PeriodKind::Quarter => DetectorConfig::quarterly(),
        PeriodKind::Month => DetectorConfig::monthly(),
        _ => {
            return Err(AppError::BadRequest(crate::i18n::Msg::new(
                "analysis-signals-period-kind",
            )))
        }
    };
    cfg.alpha = alpha;
    let kind = period.kind();
    // Five years of reference plus the window before the period.
    let back = (cfg.max_years * cfg.periods_per_year + cfg.window) as i64;
    let start = period.offset(-back);
    let periods = start.range_to(period);
    let index: BTreeMap<Period, usize> = periods.iter().enumerate().map(|(i, p)| (*p, i)).collect();
    let filters = Filters::default();
    let recs = records(conn, start.starts_on(), period.ends_on(), None, &filters)?;
    let rep = reporting(conn, start.starts_on(), period.ends_on(), &filters)?;

    let n = periods.len();
    let mut reported_any = vec![false; n];
    let mut reported_by: BTreeMap<String, Vec<bool>> = BTreeMap::new();
    for (p, a, s) in &rep {
        let Some(i) = p.rollup(kind).and_then(|q| index.get(&q).copied()) else {
            continue;
        };
        reported_any[i] = true;
        let key = if s == "forum" {
            FORUM_KEY.to_string()
        } else {
            a.clone()
        };
        reported_by.entry(key).or_insert_with(|| vec![false; n])[i] = true;
    }
    let mut overall: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    let mut by_agency: BTreeMap<(String, String), Vec<u64>> = BTreeMap::new();
    for r in &recs {
        let Some(i) = r.period.rollup(kind).and_then(|q| index.get(&q).copied()) else {
            continue;
        };
        let n_u = r.n.max(0) as u64;
        overall
            .entry(r.misuse_type.clone())
            .or_insert_with(|| vec![0; n])[i] += n_u;
        let key = if r.source == "forum" {
            FORUM_KEY.to_string()
        } else {
            r.agency.clone()
        };
        by_agency
            .entry((r.misuse_type.clone(), key))
            .or_insert_with(|| vec![0; n])[i] += n_u;
    }
    let mask = |values: &[u64], reported: &[bool]| -> Vec<Option<u64>> {
        values
            .iter()
            .zip(reported)
            .map(|(v, r)| r.then_some(*v))
            .collect()
    };
    let current = n - 1;
    let tax = taxonomy::load(conn)?;
    let mut rows = Vec::new();
    let agencies: BTreeSet<String> = reported_by.keys().cloned().collect();
    for e in tax.all(Dimension::MisuseType) {
        let zeros = vec![0; n];
        let values = overall.get(&e.code).unwrap_or(&zeros);
        let mut candidates = vec![(None, mask(values, &reported_any))];
        for a in &agencies {
            let v = by_agency
                .get(&(e.code.clone(), a.clone()))
                .unwrap_or(&zeros);
            candidates.push((Some(a.clone()), mask(v, &reported_by[a])));
        }
        for (agency, series) in candidates {
            if let Some(ev) = evaluate(&series, current, &cfg) {
                rows.push(SignalRow {
                    misuse_type: e.code.clone(),
                    agency,
                    observed: ev.observed,
                    expected: ev.expected,
                    threshold: ev.threshold,
                    p_value: ev.p_value,
                    q_value: 1.0,
                    alarm: ev.alarm,
                });
            }
        }
    }
    let q = benjamini_hochberg(&rows.iter().map(|r| r.p_value).collect::<Vec<_>>());
    for (r, q) in rows.iter_mut().zip(q) {
        r.q_value = q;
    }
    Ok(rows)
}

/// Signals only change when the data changes, so each instance keeps the last result per
/// period and recomputes when anything the signals read has changed (the accepted data,
/// the taxonomy: checked with one cheap query on every use, so several instances on one
/// database never serve stale signals).
pub struct SignalCache {
    entries: super::cache::VersionedCache<CacheKey, Vec<SignalRow>>,
}

/// (period code, α as bits).
type CacheKey = (String, u64);

impl Default for SignalCache {
    fn default() -> Self {
        // A handful of periods is all anyone looks at; keep the cache small.
        Self {
            entries: super::cache::VersionedCache::new(64),
        }
    }
}

impl SignalCache {
    pub fn get(
        &self,
        conn: &mut DbConnection,
        period: Period,
        alpha: f64,
    ) -> AppResult<std::sync::Arc<Vec<SignalRow>>> {
        self.entries
            .get_or_compute(conn, (period.code(), alpha.to_bits()), |c| {
                evaluate_period(c, period, alpha)
            })
    }
}
