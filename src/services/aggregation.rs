//! The one aggregation of accepted data that the dashboard, the CSV, the API and the PDF
//! all use, so they can never disagree.

use std::collections::{BTreeMap, BTreeSet};

use crate::db::queries::aggregates;
use crate::db::DbConnection;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::taxonomy::Dimension;
use crate::error::{AppError, AppResult};

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

/// One misuse type's counts; whoever shows it names the code in the reader's language.
#[derive(Debug, Clone)]
pub struct TrendSeries {
    pub code: String,
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
}

/// Equality filters on the accepted data. Codes are validated before they reach SQL.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub agency: Option<String>,
    /// "agency" or "forum".
    pub source: Option<String>,
    pub taxonomy: Vec<(Dimension, String)>,
}

impl Filters {
    fn non_misuse_dims(&self) -> BTreeSet<Dimension> {
        self.taxonomy
            .iter()
            .map(|(d, _)| *d)
            .filter(|d| *d != Dimension::MisuseType)
            .collect()
    }
}

/// Codes reach the SQL text only after this check (letters, digits, `_`, `-`, `+`).
fn safe_code(s: &str) -> AppResult<&str> {
    let ok = !s.is_empty()
        && s.len() <= 60
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'));
    if ok {
        Ok(s)
    } else {
        Err(AppError::BadRequest(
            crate::i18n::Msg::new("analysis-invalid-code")
                .arg("value", s.chars().take(40).collect::<String>()),
        ))
    }
}

/// One pre-aggregated sum: a stored period, agency, source, misuse type and the value of
/// one other dimension ("" when that dimension is not asked for or not specified).
#[derive(Debug, Clone, diesel::QueryableByName)]
struct RawRecord {
    #[diesel(sql_type = diesel::sql_types::Text)]
    period: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    agency: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    source: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    misuse_type: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    value2: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[derive(Debug, Clone)]
pub struct Record {
    pub period: Period,
    pub agency: String,
    pub source: String,
    pub misuse_type: String,
    pub value: String,
    /// The value of a second dimension, when two are asked for (else "").
    pub value2: String,
    pub n: i64,
}

/// The one aggregation query. Reads the rollup when at most one dimension besides the
/// misuse type is involved (grouping or filtering), so the cost follows the number of
/// cells; otherwise sums the stored lines.
pub fn records(
    conn: &mut DbConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    group_dim: Option<Dimension>,
    filters: &Filters,
) -> AppResult<Vec<Record>> {
    let group_dim = group_dim.filter(|d| *d != Dimension::MisuseType);
    let mut dims = filters.non_misuse_dims();
    if let Some(d) = group_dim {
        dims.insert(d);
    }
    if dims.len() <= 1 {
        return rollup_records(conn, from, to, dims.iter().next().copied(), filters, true);
    }
    lines_records(conn, from, to, group_dim, None, filters)
}

/// As [`records`], for callers that do not look at the agency or the source of a record
/// (their axes are periods and taxonomy dimensions, with no agency or source filter): the
/// rollup is then summed over agencies and sources in SQL, so far fewer rows come back.
/// Such records carry an empty agency and source.
pub fn records_over_agencies(
    conn: &mut DbConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    group_dim: Option<Dimension>,
    filters: &Filters,
) -> AppResult<Vec<Record>> {
    let group_dim = group_dim.filter(|d| *d != Dimension::MisuseType);
    let mut dims = filters.non_misuse_dims();
    if let Some(d) = group_dim {
        dims.insert(d);
    }
    if dims.len() <= 1 && filters.agency.is_none() && filters.source.is_none() {
        return rollup_records(conn, from, to, dims.iter().next().copied(), filters, false);
    }
    records(conn, from, to, group_dim, filters)
}

/// Two dimensions besides the misuse type (e.g. document type × fraud type): summed from
/// the stored lines.
pub fn records_pair(
    conn: &mut DbConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    first: Dimension,
    second: Dimension,
    filters: &Filters,
) -> AppResult<Vec<Record>> {
    lines_records(conn, from, to, Some(first), Some(second), filters)
}

/// The lines path: sums the accepted current versions' lines.
fn lines_records(
    conn: &mut DbConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    group_dim: Option<Dimension>,
    group_dim2: Option<Dimension>,
    filters: &Filters,
) -> AppResult<Vec<Record>> {
    use diesel::RunQueryDsl;
    let mut conds = vec![
        format!("rp.starts_on >= '{from}'"),
        format!("rp.ends_on <= '{to}'"),
    ];
    if let Some(a) = &filters.agency {
        conds.push(format!("a.code = '{}'", safe_code(a)?));
    }
    if let Some(src) = &filters.source {
        conds.push(format!("{{src}} = '{}'", safe_code(src)?));
    }
    let value2 = group_dim2
        .map(|d| format!("COALESCE(ol.{}, '')", d.code()))
        .unwrap_or_else(|| "''".into());
    let sql = {
        for (d, v) in &filters.taxonomy {
            conds.push(format!("ol.{} = '{}'", d.code(), safe_code(v)?));
        }
        let value = group_dim
            .map(|d| format!("COALESCE(ol.{}, '')", d.code()))
            .unwrap_or_else(|| "''".into());
        format!(
            "SELECT rp.code AS period, a.code AS agency, s.source AS source, ol.misuse_type AS misuse_type, \
             {value} AS value, {value2} AS value2, CAST(SUM(ol.count) AS BIGINT) AS n \
             FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id \
             JOIN submissions s ON s.id = sv.submission_id JOIN reporting_periods rp ON rp.id = s.period_id \
             JOIN agencies a ON a.id = s.agency_id \
             WHERE sv.status = 'accepted' AND sv.version = s.current_version AND {} \
             GROUP BY rp.code, a.code, s.source, ol.misuse_type, {value}, {value2}",
            conds.join(" AND ").replace("{src}", "s.source")
        )
    };
    let rows: Vec<RawRecord> = diesel::sql_query(sql).load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Period::parse(&r.period).ok().map(|period| Record {
                period,
                agency: r.agency,
                source: r.source,
                misuse_type: r.misuse_type,
                value: r.value,
                value2: r.value2,
                n: r.n,
            })
        })
        .collect())
}

#[derive(Debug, Clone, diesel::QueryableByName)]
struct RollupRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    period_id: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    agency_id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    source: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    misuse_type: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// The rollup path: the periods of the range are resolved first, so the query is one
/// index range per period over `rollup_cells` with no joins; ids map back to codes here.
fn rollup_records(
    conn: &mut DbConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    dim: Option<Dimension>,
    filters: &Filters,
    by_agency: bool,
) -> AppResult<Vec<Record>> {
    use diesel::RunQueryDsl;
    let periods: BTreeMap<i64, Period> = crate::db::queries::periods::within(conn, from, to)?
        .into_iter()
        .filter_map(|(id, code)| Period::parse(&code).ok().map(|p| (id, p)))
        .collect();
    if periods.is_empty() {
        return Ok(Vec::new());
    }
    let agencies: BTreeMap<i64, String> = crate::db::queries::agencies::all(conn)?
        .into_iter()
        .map(|a| (a.id, a.code))
        .collect();
    let ids: Vec<String> = periods.keys().map(|id| id.to_string()).collect();
    let mut conds = vec![
        format!("rc.dim = '{}'", dim.map(|d| d.code()).unwrap_or("")),
        format!("rc.period_id IN ({})", ids.join(",")),
    ];
    if let Some(a) = &filters.agency {
        let code = safe_code(a)?;
        match agencies.iter().find(|(_, c)| c.as_str() == code) {
            Some((id, _)) => conds.push(format!("rc.agency_id = {id}")),
            None => return Ok(Vec::new()),
        }
    }
    if let Some(src) = &filters.source {
        conds.push(format!("rc.source = '{}'", safe_code(src)?));
    }
    for (d, v) in &filters.taxonomy {
        let col = if *d == Dimension::MisuseType {
            "rc.misuse_type"
        } else {
            "rc.value"
        };
        conds.push(format!("{col} = '{}'", safe_code(v)?));
    }
    let sql = if by_agency {
        format!(
            "SELECT rc.period_id AS period_id, rc.agency_id AS agency_id, rc.source AS source, \
             rc.misuse_type AS misuse_type, rc.value AS value, CAST(SUM(rc.count) AS BIGINT) AS n \
             FROM rollup_cells rc WHERE {} \
             GROUP BY rc.period_id, rc.agency_id, rc.source, rc.misuse_type, rc.value",
            conds.join(" AND ")
        )
    } else {
        format!(
            "SELECT rc.period_id AS period_id, CAST(0 AS BIGINT) AS agency_id, '' AS source, \
             rc.misuse_type AS misuse_type, rc.value AS value, CAST(SUM(rc.count) AS BIGINT) AS n \
             FROM rollup_cells rc WHERE {} \
             GROUP BY rc.period_id, rc.misuse_type, rc.value",
            conds.join(" AND ")
        )
    };
    let rows: Vec<RollupRow> = diesel::sql_query(sql).load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Record {
                period: *periods.get(&r.period_id)?,
                agency: if by_agency {
                    agencies.get(&r.agency_id)?.clone()
                } else {
                    String::new()
                },
                source: r.source,
                misuse_type: r.misuse_type,
                value: r.value,
                value2: String::new(),
                n: r.n,
            })
        })
        .collect())
}

/// Which agencies (and whether the forum) had accepted data, per stored period, within
/// the range and under the agency/source filters.
pub fn reporting(
    conn: &mut DbConnection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    filters: &Filters,
) -> AppResult<Vec<(Period, String, String)>> {
    Ok(aggregates::reporting_sources(conn, from, to)?
        .into_iter()
        .filter(|(_, a, s)| {
            filters.agency.as_ref().is_none_or(|f| f == a)
                && filters.source.as_ref().is_none_or(|f| f == s)
        })
        .filter_map(|(p, a, s)| Period::parse(&p).ok().map(|p| (p, a, s)))
        .collect())
}

/// Counts per period (of `kind`) and misuse type, `n` periods ending at `end` (default:
/// the latest with accepted data), under `filters`. Shorter stored periods roll up; longer
/// ones (a year when asking for quarters) cannot be split and are left out.
pub fn trend(
    conn: &mut DbConnection,
    end: Option<Period>,
    n: usize,
    kind: PeriodKind,
    filters: &Filters,
) -> AppResult<TrendTable> {
    let tax = taxonomy::load(conn)?;
    let end = match end.and_then(|p| Period::parse(&p.code()).ok()) {
        Some(p) if p.kind() == kind => p,
        Some(p) => p
            .rollup(kind)
            .unwrap_or_else(|| period_of_kind(p.ends_on(), kind)),
        None => latest_period(conn, kind)?
            .unwrap_or_else(|| period_of_kind(chrono::Utc::now().date_naive(), kind)),
    };
    let start = end.offset(-(n.max(1) as i64 - 1));
    let periods = start.range_to(end);
    let recs = records(conn, start.starts_on(), end.ends_on(), None, filters)?;
    let mut cells: BTreeMap<(Period, String), i64> = BTreeMap::new();
    for r in &recs {
        if let Some(p) = r.period.rollup(kind) {
            *cells.entry((p, r.misuse_type.clone())).or_default() += r.n;
        }
    }
    let mut reporting_map: BTreeMap<Period, BTreeSet<String>> = BTreeMap::new();
    for (p, a, s) in reporting(conn, start.starts_on(), end.ends_on(), filters)? {
        if let Some(q) = p.rollup(kind) {
            reporting_map.entry(q).or_default().insert(if s == "forum" {
                "FORUM".into()
            } else {
                a
            });
        }
    }
    let series = tax
        .all(Dimension::MisuseType)
        .filter(|e| {
            filters
                .taxonomy
                .iter()
                .all(|(d, v)| *d != Dimension::MisuseType || *v == e.code)
        })
        .map(|entry| TrendSeries {
            code: entry.code.clone(),
            values: periods
                .iter()
                .map(|p| {
                    reporting_map
                        .get(p)
                        .map(|_| cells.get(&(*p, entry.code.clone())).copied().unwrap_or(0))
                })
                .collect(),
        })
        .collect();
    let reporting = periods
        .iter()
        .map(|p| {
            reporting_map
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

fn period_of_kind(date: chrono::NaiveDate, kind: PeriodKind) -> Period {
    Period::month(date.year(), date.month())
        .and_then(|m| m.rollup(kind))
        .unwrap_or_else(|| Period::quarter_of(date))
}

use chrono::Datelike;

/// Accepted counts per quarter by misuse type over every source, `quarters` ending at
/// `end`.
pub fn quarterly_by_misuse_type(
    conn: &mut DbConnection,
    end: Option<Period>,
    quarters: usize,
) -> AppResult<TrendTable> {
    trend(
        conn,
        end,
        quarters,
        PeriodKind::Quarter,
        &Filters::default(),
    )
}

/// Totals per misuse type for one period: everything accepted for stored periods within
/// it (months within a quarter, etc.). `None` when nobody reported.
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

/// Totals for each of `periods` under `filters`.
pub fn period_totals_filtered(
    conn: &mut DbConnection,
    periods: &[Period],
    filters: &Filters,
) -> AppResult<Vec<PeriodTotals>> {
    let (Some(from), Some(to)) = (
        periods.iter().map(|p| p.starts_on()).min(),
        periods.iter().map(|p| p.ends_on()).max(),
    ) else {
        return Ok(Vec::new());
    };
    let recs = records(conn, from, to, None, filters)?;
    let rep = reporting(conn, from, to, filters)?;
    Ok(periods
        .iter()
        .map(|target| {
            let mut by_misuse_type = BTreeMap::new();
            for r in recs.iter().filter(|r| target.contains(r.period)) {
                *by_misuse_type.entry(r.misuse_type.clone()).or_default() += r.n;
            }
            let reporting = rep
                .iter()
                .filter(|(p, _, _)| target.contains(*p))
                .map(|(_, a, s)| {
                    if s == "forum" {
                        "FORUM".to_string()
                    } else {
                        a.clone()
                    }
                })
                .collect();
            PeriodTotals {
                period: *target,
                by_misuse_type,
                reporting,
            }
        })
        .collect())
}

pub fn period_totals(conn: &mut DbConnection, periods: &[Period]) -> AppResult<Vec<PeriodTotals>> {
    period_totals_filtered(conn, periods, &Filters::default())
}

/// The latest period of `kind` with accepted data.
pub fn latest_period(conn: &mut DbConnection, kind: PeriodKind) -> AppResult<Option<Period>> {
    Ok(aggregates::latest_accepted_period_end(conn)?.map(|d| period_of_kind(d, kind)))
}

/// The latest quarter with accepted data, if any.
pub fn latest_quarter(conn: &mut DbConnection) -> AppResult<Option<Period>> {
    latest_period(conn, PeriodKind::Quarter)
}

/// Accepted counts per misuse type from one source ("agency" or "forum") per period.
pub fn totals_by_source(
    conn: &mut DbConnection,
    source: &str,
    periods: &[Period],
) -> AppResult<Vec<BTreeMap<String, i64>>> {
    let filters = Filters {
        source: Some(source.to_string()),
        ..Default::default()
    };
    Ok(period_totals_filtered(conn, periods, &filters)?
        .into_iter()
        .map(|t| t.by_misuse_type)
        .collect())
}
