//! Reporting periods (rapporteringsperioder): a month `2026-07`, a quarter `2026-Q3`,
//! a half-year `2026-H2` or a year `2026`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::message::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    Month,
    Quarter,
    Half,
    Year,
}

impl PeriodKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Half => "half",
            Self::Year => "year",
        }
    }

    /// Months in one period of this kind.
    pub fn months(self) -> u32 {
        match self {
            Self::Month => 1,
            Self::Quarter => 3,
            Self::Half => 6,
            Self::Year => 12,
        }
    }

    pub fn per_year(self) -> u32 {
        12 / self.months()
    }
}

/// A reporting period. `index` is 1-based within the year (month 1–12, quarter 1–4,
/// half 1–2, year always 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    year: i32,
    kind: PeriodKind,
    index: u32,
}

/// Why a period code was refused. The message lists the accepted forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodParseError {
    pub input: String,
}

impl PeriodParseError {
    /// What to tell the person who typed it: the input and the accepted forms.
    pub fn msg(&self) -> Msg {
        Msg::new("period-invalid").arg("input", self.input.as_str())
    }
}

impl From<PeriodParseError> for Msg {
    fn from(e: PeriodParseError) -> Self {
        e.msg()
    }
}

/// For logs and internal errors; people read [`PeriodParseError::msg`].
impl fmt::Display for PeriodParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid period {:?} (expected 2026-07, 2026-Q3, 2026-H2 or 2026)",
            self.input
        )
    }
}

impl std::error::Error for PeriodParseError {}

const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

impl Period {
    pub fn new(year: i32, kind: PeriodKind, index: u32) -> Option<Self> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year) && index >= 1 && index <= kind.per_year();
        valid.then_some(Self { year, kind, index })
    }

    pub fn quarter(year: i32, q: u32) -> Option<Self> {
        Self::new(year, PeriodKind::Quarter, q)
    }

    pub fn month(year: i32, m: u32) -> Option<Self> {
        Self::new(year, PeriodKind::Month, m)
    }

    pub fn parse(input: &str) -> Result<Self, PeriodParseError> {
        let err = || PeriodParseError {
            input: input.chars().take(40).collect(),
        };
        let s = input.trim();
        let (year_part, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year: i32 = year_part.parse().map_err(|_| err())?;
        let (kind, index) = match rest {
            None => (PeriodKind::Year, 1),
            Some(r) => {
                let upper = r.to_ascii_uppercase();
                if let Some(q) = upper.strip_prefix('Q') {
                    (PeriodKind::Quarter, parse_index(q, 1).ok_or_else(err)?)
                } else if let Some(h) = upper.strip_prefix('H') {
                    (PeriodKind::Half, parse_index(h, 1).ok_or_else(err)?)
                } else if r.len() == 2 {
                    (PeriodKind::Month, parse_index(r, 2).ok_or_else(err)?)
                } else {
                    return Err(err());
                }
            }
        };
        Self::new(year, kind, index).ok_or_else(err)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn kind(self) -> PeriodKind {
        self.kind
    }

    pub fn index(self) -> u32 {
        self.index
    }

    pub fn code(self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{}-{:02}", self.year, self.index),
            PeriodKind::Quarter => format!("{}-Q{}", self.year, self.index),
            PeriodKind::Half => format!("{}-H{}", self.year, self.index),
            PeriodKind::Year => format!("{}", self.year),
        }
    }

    /// The period in prose, e.g. "kvartal 3 2026" / "Q3 2026".
    pub fn label(self) -> Msg {
        // The year as text: a year is not a quantity and gets no digit grouping.
        let year = self.year.to_string();
        match self.kind {
            PeriodKind::Month => Msg::new("period-month").arg("month", self.index),
            PeriodKind::Quarter => Msg::new("period-quarter").arg("index", self.index),
            PeriodKind::Half => Msg::new("period-half").arg("index", self.index),
            PeriodKind::Year => Msg::new("period-year"),
        }
        .arg("year", year)
    }

    fn first_month(self) -> u32 {
        (self.index - 1) * self.kind.months() + 1
    }

    /// First day of the period.
    pub fn starts_on(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.first_month(), 1).unwrap_or(NaiveDate::MIN)
    }

    /// Last day of the period.
    pub fn ends_on(self) -> NaiveDate {
        self.next().starts_on().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// A running number of periods of this kind since year 0, for arithmetic.
    fn ordinal(self) -> i64 {
        i64::from(self.year) * i64::from(self.kind.per_year()) + i64::from(self.index) - 1
    }

    fn from_ordinal(kind: PeriodKind, ordinal: i64) -> Self {
        let per_year = i64::from(kind.per_year());
        Self {
            year: ordinal.div_euclid(per_year) as i32,
            kind,
            index: ordinal.rem_euclid(per_year) as u32 + 1,
        }
    }

    /// The period `n` periods later (negative: earlier).
    pub fn offset(self, n: i64) -> Self {
        Self::from_ordinal(self.kind, self.ordinal() + n)
    }

    pub fn next(self) -> Self {
        self.offset(1)
    }

    pub fn previous(self) -> Self {
        self.offset(-1)
    }

    /// The same period one year earlier.
    pub fn year_earlier(self) -> Self {
        Self {
            year: self.year - 1,
            ..self
        }
    }

    /// The period of kind `kind` that contains this one's first day, if it is at least as
    /// long (months roll up to quarters, quarters to half-years and years).
    pub fn rollup(self, kind: PeriodKind) -> Option<Self> {
        if kind.months() < self.kind.months() {
            return None;
        }
        let index = (self.first_month() - 1) / kind.months() + 1;
        Some(Self {
            year: self.year,
            kind,
            index,
        })
    }

    /// Whether `other` lies wholly within this period.
    pub fn contains(self, other: Period) -> bool {
        other.starts_on() >= self.starts_on() && other.ends_on() <= self.ends_on()
    }

    /// The quarter containing a date.
    pub fn quarter_of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            kind: PeriodKind::Quarter,
            index: (date.month() - 1) / 3 + 1,
        }
    }

    /// Periods of this kind from `self` to `to` inclusive (empty if `to` is earlier or of
    /// another kind).
    pub fn range_to(self, to: Period) -> Vec<Period> {
        if to.kind != self.kind || to.ordinal() < self.ordinal() {
            return Vec::new();
        }
        (self.ordinal()..=to.ordinal())
            .map(|o| Self::from_ordinal(self.kind, o))
            .collect()
    }
}

fn parse_index(s: &str, digits: usize) -> Option<u32> {
    if s.len() != digits || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl FromStr for Period {
    type Err = PeriodParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    /// Chronological by start, then shorter first.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.starts_on(), self.kind.months()).cmp(&(other.starts_on(), other.kind.months()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn parses_every_accepted_form_and_round_trips() {
        for code in [
            "2026-07", "2026-Q3", "2026-H2", "2026", "2025-12", "2024-Q1",
        ] {
            assert_eq!(p(code).code(), code);
        }
        assert_eq!(p("2026-q3").code(), "2026-Q3");
        assert_eq!(p(" 2026-Q3 ").code(), "2026-Q3");
    }

    #[test]
    fn refuses_everything_else_with_the_accepted_forms() {
        for bad in [
            "",
            "26-Q3",
            "2026-Q5",
            "2026-Q0",
            "2026-H3",
            "2026-13",
            "2026-00",
            "2026-7",
            "2026-Q",
            "2026/Q3",
            "Q3-2026",
            "20266",
            "2026-07-01",
            "abcd",
            "2026-Q3x",
        ] {
            let e = Period::parse(bad).unwrap_err();
            let text = e.msg().text_sv();
            assert!(
                text.contains("2026-Q3") && text.contains("2026-H2"),
                "{bad}: {text}"
            );
        }
    }

    #[test]
    fn dates_and_arithmetic() {
        assert_eq!(
            p("2026-Q3").starts_on(),
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
        );
        assert_eq!(
            p("2026-Q3").ends_on(),
            NaiveDate::from_ymd_opt(2026, 9, 30).unwrap()
        );
        assert_eq!(
            p("2024-02").ends_on(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert_eq!(p("2026-Q1").previous(), p("2025-Q4"));
        assert_eq!(p("2026-01").previous(), p("2025-12"));
        assert_eq!(p("2026-Q3").year_earlier(), p("2025-Q3"));
        assert_eq!(p("2026-H1").next(), p("2026-H2"));
        assert_eq!(p("2026").previous(), p("2025"));
        assert_eq!(p("2026-08").rollup(PeriodKind::Quarter), Some(p("2026-Q3")));
        assert_eq!(p("2026-08").rollup(PeriodKind::Half), Some(p("2026-H2")));
        assert_eq!(p("2026-Q3").rollup(PeriodKind::Month), None);
        assert!(p("2026").contains(p("2026-Q3")));
        assert!(!p("2026-Q3").contains(p("2026-10")));
        assert_eq!(p("2025-Q3").range_to(p("2026-Q2")).len(), 4);
        assert_eq!(p("2026-Q3").label().text_sv(), "kvartal 3 2026");
        assert_eq!(p("2026-07").label().text_sv(), "juli 2026");
        assert_eq!(p("2026-H2").label().text_sv(), "halvår 2 2026");
        assert_eq!(p("2026").label().text_sv(), "år 2026");
        let en =
            std::sync::Arc::new(crate::i18n::Catalogue::load().unwrap()).tr(crate::i18n::Lang::En);
        assert_eq!(en.msg(&p("2026-07").label()), "July 2026");
        assert_eq!(en.msg(&p("2026-Q3").label()), "Q3 2026");
        assert!(p("2025-Q4") < p("2026-Q1"));
    }
}
