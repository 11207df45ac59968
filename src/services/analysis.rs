//! Cross tables of accepted counts (rows × columns under filters) and the one
//! disclosure-control step: what the dashboard tables, their CSV, the aggregates API and
//! the published reports all show.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::aggregation::{records, records_over_agencies, records_pair, reporting, Filters};
use super::taxonomy;
use crate::db::queries::agencies;
use crate::db::DbConnection;
use crate::domain::disclosure::{protect, CellStatus, ProtectedTable};
use crate::domain::period::Period;
use crate::domain::taxonomy::Dimension;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg};
use crate::key;

/// The key the forum's observations carry on the agency axis: a source of its own.
pub const FORUM_KEY: &str = "FORUM";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    Agency,
    Source,
    Period,
    Dim(Dimension),
}

impl Axis {
    pub fn parse(code: &str) -> AppResult<Self> {
        match code {
            "agency" => Ok(Self::Agency),
            "source" => Ok(Self::Source),
            "period" => Ok(Self::Period),
            other => Dimension::parse(other).map(Self::Dim).ok_or_else(|| {
                AppError::BadRequest(
                    Msg::new("analysis-unknown-dimension")
                        .arg("value", other.chars().take(40).collect::<String>()),
                )
            }),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Source => "source",
            Self::Period => "period",
            Self::Dim(d) => d.code(),
        }
    }

    /// The catalogue key of the axis's name ("Myndighet", "Missbrukstyp").
    pub fn key(self) -> &'static str {
        match self {
            Self::Agency => key!("analysis-axis-agency"),
            Self::Source => key!("analysis-axis-source"),
            Self::Period => key!("analysis-axis-period"),
            Self::Dim(Dimension::MisuseType) => key!("analysis-axis-misuse-type"),
            Self::Dim(Dimension::ExploitationArea) => key!("analysis-axis-exploitation-area"),
            Self::Dim(Dimension::DocumentType) => key!("analysis-axis-document-type"),
            Self::Dim(Dimension::ChainStage) => key!("analysis-axis-chain-stage"),
            Self::Dim(Dimension::AgeBand) => key!("analysis-axis-age-band"),
            Self::Dim(Dimension::Citizenship) => key!("analysis-axis-citizenship"),
            Self::Dim(Dimension::FraudType) => key!("analysis-axis-fraud-type"),
        }
    }
}

/// What to count: rows × cols over the periods `from..=to` (of `kind` when an axis is the
/// period), under filters.
#[derive(Debug, Clone)]
pub struct CrossQuery {
    pub rows: Axis,
    pub cols: Axis,
    pub from: Period,
    pub to: Period,
    pub filters: Filters,
}

/// A cross table. `cells[r][c]` is `None` where no one reported (never shown as 0).
/// Rows and columns are codes (a taxonomy code, `""` for "not specified", an agency code
/// or `FORUM`, a source, a period); whoever shows the table names them in the reader's
/// language.
#[derive(Debug, Clone)]
pub struct CrossTable {
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    pub cells: Vec<Vec<Option<i64>>>,
    /// Which agencies (and `FORUM`) had accepted data, per period of the range.
    pub reporting: BTreeMap<String, Vec<String>>,
}

fn axis_values(
    axis: Axis,
    q: &CrossQuery,
    agency_codes: &[String],
    tax: &crate::domain::taxonomy::Taxonomy,
) -> Vec<String> {
    match axis {
        Axis::Agency => agency_codes.to_vec(),
        Axis::Source => vec![
            super::submissions::SOURCE_AGENCY.into(),
            super::forum::SOURCE_FORUM.into(),
        ],
        Axis::Period => q
            .from
            .range_to(q.to)
            .into_iter()
            .map(|p| p.code())
            .collect(),
        Axis::Dim(d) => {
            let mut v: Vec<String> = tax
                .all(d)
                .filter(|e| {
                    q.filters
                        .taxonomy
                        .iter()
                        .all(|(fd, fv)| *fd != d || *fv == e.code)
                })
                .map(|e| e.code.clone())
                .collect();
            // "Not specified" is a value of its own (the empty code).
            if d != Dimension::MisuseType && !q.filters.taxonomy.iter().any(|(fd, _)| *fd == d) {
                v.push(String::new());
            }
            v
        }
    }
}

pub fn cross(conn: &mut DbConnection, q: &CrossQuery) -> AppResult<CrossTable> {
    if q.rows == q.cols {
        return Err(AppError::BadRequest(Msg::new("analysis-same-axes")));
    }
    if q.to < q.from {
        return Err(AppError::BadRequest(Msg::new("analysis-from-after-to")));
    }
    let kind = q.to.kind();
    let tax = taxonomy::load(conn)?;
    let group_dims: Vec<Dimension> = [q.rows, q.cols]
        .into_iter()
        .filter_map(|a| match a {
            Axis::Dim(d) if d != Dimension::MisuseType => Some(d),
            _ => None,
        })
        .collect();
    let (from, to) = (q.from.starts_on(), q.to.ends_on());
    let recs = match group_dims[..] {
        [first, second] => records_pair(conn, from, to, first, second, &q.filters)?,
        // Axes that never look at who reported: sum over agencies in SQL.
        _ if !matches!(q.rows, Axis::Agency | Axis::Source)
            && !matches!(q.cols, Axis::Agency | Axis::Source) =>
        {
            records_over_agencies(conn, from, to, group_dims.first().copied(), &q.filters)?
        }
        _ => records(conn, from, to, group_dims.first().copied(), &q.filters)?,
    };
    // With two dimensions the second one's value is in `value2`.
    let second_dim = group_dims.get(1).copied();
    let rep = reporting(conn, from, to, &q.filters)?;
    let mut agency_codes: Vec<String> = agencies::all(conn)?
        .into_iter()
        .filter(|a| a.active != 0)
        .filter(|a| q.filters.agency.as_ref().is_none_or(|f| *f == a.code))
        .map(|a| a.code)
        .collect();
    if q.filters.agency.is_none() {
        agency_codes.push(FORUM_KEY.into());
    }
    let rows = axis_values(q.rows, q, &agency_codes, &tax);
    let cols = axis_values(q.cols, q, &agency_codes, &tax);

    let key = |axis: Axis,
               period: Period,
               agency: &str,
               source: &str,
               misuse: &str,
               value: &str,
               value2: &str|
     -> Option<String> {
        Some(match axis {
            Axis::Agency if source == "forum" => FORUM_KEY.to_string(),
            Axis::Agency => agency.to_string(),
            Axis::Source => source.to_string(),
            Axis::Period => period.rollup(kind)?.code(),
            Axis::Dim(Dimension::MisuseType) => misuse.to_string(),
            Axis::Dim(d) if Some(d) == second_dim => value2.to_string(),
            Axis::Dim(_) => value.to_string(),
        })
    };
    let mut sums: BTreeMap<(String, String), i64> = BTreeMap::new();
    for r in &recs {
        let (Some(rk), Some(ck)) = (
            key(
                q.rows,
                r.period,
                &r.agency,
                &r.source,
                &r.misuse_type,
                &r.value,
                &r.value2,
            ),
            key(
                q.cols,
                r.period,
                &r.agency,
                &r.source,
                &r.misuse_type,
                &r.value,
                &r.value2,
            ),
        ) else {
            continue;
        };
        *sums.entry((rk, ck)).or_default() += r.n;
    }
    // Who reported where: a cell is "no report" when its agency/source/period had none.
    let mut reported: BTreeSet<(Option<String>, Option<String>, Option<String>)> = BTreeSet::new();
    for (p, a, s) in &rep {
        let agency = if s == "forum" {
            FORUM_KEY.to_string()
        } else {
            a.clone()
        };
        let Some(period) = p.rollup(kind).map(|p| p.code()) else {
            continue;
        };
        for ag in [Some(agency.clone()), None] {
            for src in [Some(s.clone()), None] {
                for per in [Some(period.clone()), None] {
                    reported.insert((ag.clone(), src.clone(), per));
                }
            }
        }
    }
    let coords = |axis: Axis, k: &str| -> (Option<String>, Option<String>, Option<String>) {
        match axis {
            Axis::Agency => (Some(k.to_string()), None, None),
            Axis::Source => (None, Some(k.to_string()), None),
            Axis::Period => (None, None, Some(k.to_string())),
            Axis::Dim(_) => (None, None, None),
        }
    };
    let cells = rows
        .iter()
        .map(|rk| {
            cols.iter()
                .map(|ck| {
                    let (a1, s1, p1) = coords(q.rows, rk);
                    let (a2, s2, p2) = coords(q.cols, ck);
                    let probe = (a1.or(a2), s1.or(s2), p1.or(p2));
                    if reported.contains(&probe) {
                        Some(sums.get(&(rk.clone(), ck.clone())).copied().unwrap_or(0))
                    } else {
                        None
                    }
                })
                .collect()
        })
        .collect();
    let mut reporting: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (p, a, s) in &rep {
        if let Some(period) = p.rollup(kind) {
            reporting
                .entry(period.code())
                .or_default()
                .insert(if s == "forum" {
                    FORUM_KEY.to_string()
                } else {
                    a.clone()
                });
        }
    }
    Ok(CrossTable {
        rows,
        cols,
        cells,
        reporting: reporting
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect(),
    })
}

/// A cell as every output shows it: the number, or suppressed (`..`), or no report (`–`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Cell {
    pub value: Option<i64>,
    pub suppressed: bool,
}

impl Cell {
    pub fn from_status(s: &CellStatus) -> Self {
        match s {
            CellStatus::Published(n) => Cell {
                value: Some(*n as i64),
                suppressed: false,
            },
            CellStatus::NotReported => Cell {
                value: None,
                suppressed: false,
            },
            _ => Cell {
                value: None,
                suppressed: true,
            },
        }
    }

    /// `..` suppressed, `–` no report, else the number written the language's way.
    pub fn display(&self, lang: Lang) -> String {
        match (self.suppressed, self.value) {
            (true, _) => "..".into(),
            (false, None) => "–".into(),
            (false, Some(n)) => lang.int(n),
        }
    }
}

/// The table as published: cells and totals, with disclosure control applied or not.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedTable {
    /// Codes, as in [`CrossTable`].
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    pub cells: Vec<Vec<Cell>>,
    pub row_totals: Vec<Cell>,
    pub col_totals: Vec<Cell>,
    pub total: Cell,
    /// The threshold used, when disclosure control was applied.
    pub disclosure_k: Option<u64>,
    /// Who reported, per period: missing reports are missing, never zero.
    pub reporting: BTreeMap<String, Vec<String>>,
}

impl PublishedTable {
    pub fn any_suppressed(&self) -> bool {
        self.cells
            .iter()
            .flatten()
            .chain(&self.row_totals)
            .chain(&self.col_totals)
            .any(|c| c.suppressed)
            || self.total.suppressed
    }
}

/// The one disclosure-control step. With `k` (threshold), small cells and every cell that
/// would let one be recomputed are suppressed; without, everything is published.
pub fn publish(t: &CrossTable, k: Option<u64>) -> PublishedTable {
    let cells: Vec<Vec<Option<u64>>> = t
        .cells
        .iter()
        .map(|r| r.iter().map(|c| c.map(|n| n.max(0) as u64)).collect())
        .collect();
    let protected: ProtectedTable = protect(&cells, k.unwrap_or(0));
    PublishedTable {
        rows: t.rows.clone(),
        cols: t.cols.clone(),
        cells: protected
            .cells
            .iter()
            .map(|r| r.iter().map(Cell::from_status).collect())
            .collect(),
        row_totals: protected.row_totals.iter().map(Cell::from_status).collect(),
        col_totals: protected.col_totals.iter().map(Cell::from_status).collect(),
        total: Cell::from_status(&protected.total),
        disclosure_k: k,
        reporting: t.reporting.clone(),
    }
}

/// The default period range for a period axis: the seven periods before `to`, and `to`.
pub fn default_from(to: Period) -> Period {
    to.offset(-7)
}
