//! The two languages of Lägesbild (Swedish and English) and how numbers and dates are
//! written in each: `1 234,5` and `2026-11-28` in Swedish, `1,234.5` and `28 Nov 2026` in
//! English.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::format;

/// A language of the user interface and of the report. The analyst's own text is printed
/// as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "sv" => Some(Self::Sv),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Sv => "sv",
            Self::En => "en",
        }
    }

    /// The language's name in Swedish (for the UI).
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Sv => "Svenska",
            Self::En => "Engelska",
        }
    }

    /// BCP 47 tag for the PDF's /Lang.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Sv => "sv-SE",
            Self::En => "en-GB",
        }
    }

    /// Picks the text of this language.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Sv => sv,
            Self::En => en,
        }
    }
}

impl Default for Lang {
    /// Swedish: the working language of the ID-center.
    fn default() -> Self {
        Self::Sv
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The language's name in itself, for the language switch ("Svenska", "English").
    pub fn endonym(self) -> &'static str {
        match self {
            Self::Sv => "Svenska",
            Self::En => "English",
        }
    }

    /// An integer with the language's digit grouping: `1 234 567` / `1,234,567`.
    pub fn int(self, n: i64) -> String {
        match self {
            Self::Sv => format::int_sv(n),
            Self::En => format::int_en(n),
        }
    }

    /// A decimal number with `decimals` digits: `1 234,5` / `1,234.5`.
    pub fn decimal(self, x: f64, decimals: usize) -> String {
        match self {
            Self::Sv => format::decimal_sv(x, decimals),
            Self::En => format::decimal_en(x, decimals),
        }
    }

    /// A change in percent with its sign: `+12,5 %` / `+12.5%`.
    pub fn percent_change(self, x: f64) -> String {
        match self {
            Self::Sv => format::percent_change_sv(x),
            Self::En => {
                let sign = if x > 0.0 { "+" } else { "" };
                format!("{sign}{}%", format::decimal_en(x, 1))
            }
        }
    }

    /// A date: ISO 8601 in Swedish (the Swedish standard), `28 Nov 2026` in English.
    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Self::Sv => d.format("%Y-%m-%d").to_string(),
            Self::En => format!(
                "{} {} {}",
                d.day(),
                MONTHS_EN[d.month0() as usize],
                d.year()
            ),
        }
    }

    /// A date and time to the minute: `2026-11-28 14:05` / `28 Nov 2026 14:05`.
    pub fn datetime(self, t: NaiveDateTime) -> String {
        format!("{} {}", self.date(t.date()), t.format("%H:%M"))
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(Lang::Sv.decimal(1234.5, 1), "1\u{202f}234,5");
        assert_eq!(Lang::En.decimal(1234.5, 1), "1,234.5");
        assert_eq!(Lang::Sv.int(-1_234_567), "−1\u{202f}234\u{202f}567");
        assert_eq!(Lang::En.int(-1_234_567), "−1,234,567");
        assert_eq!(Lang::En.percent_change(12.5), "+12.5%");
    }

    #[test]
    fn dates_follow_the_language() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(Lang::Sv.date(d), "2026-11-28");
        assert_eq!(Lang::En.date(d), "28 Nov 2026");
        let t = d.and_hms_opt(14, 5, 0).unwrap();
        assert_eq!(Lang::Sv.datetime(t), "2026-11-28 14:05");
    }
}
