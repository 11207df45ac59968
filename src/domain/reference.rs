//! Reference figures (referensuppgifter): figures from other published situation pictures
//! (e.g. the Police's picture of organised crime), registered by analysts with their
//! source, so that charts and reports can show them *beside* our series. They are never
//! part of the aggregation of submitted observations.

use chrono::NaiveDate;

use super::message::Msg;
use super::notice::{parse_date, screen_text};
use super::period::Period;
use super::taxonomy::{Dimension, Taxonomy};
use super::validation::FieldError;

pub const MAX_SOURCE_CHARS: usize = 200;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_UNIT_CHARS: usize = 40;
pub const MAX_URL_CHARS: usize = 2000;
/// Figures are bounded so that they print sensibly (and are not a typo of many digits).
pub const MAX_ABS_VALUE: f64 = 1e15;
pub const MAX_DECIMALS: usize = 6;

/// The dimensions a reference figure may be attached to: one misuse type or one
/// exploitation area.
pub const DIMENSIONS: [Dimension; 2] = [Dimension::MisuseType, Dimension::ExploitationArea];

/// The form as it arrives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReferenceInput {
    pub source: Option<String>,
    pub title: Option<String>,
    pub published_on: Option<String>,
    pub url: Option<String>,
    pub value: Option<String>,
    pub unit: Option<String>,
    pub period: Option<String>,
    /// `dimension:code`, e.g. `misuse_type:look_alike`.
    pub series: Option<String>,
}

/// A validated, screened reference figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidReference {
    pub source: String,
    pub title: String,
    pub published_on: NaiveDate,
    pub url: String,
    pub value: f64,
    /// Decimals as entered, to show the figure as it was published.
    pub decimals: usize,
    pub unit: String,
    pub period: Period,
    pub dimension: Dimension,
    pub code: String,
}

/// Joins a series key for a form value.
pub fn series_key(dimension: Dimension, code: &str) -> String {
    format!("{}:{code}", dimension.code())
}

/// Splits a `dimension:code` series key; only the reference dimensions are accepted.
pub fn parse_series_key(key: &str) -> Option<(Dimension, String)> {
    let (d, c) = key.trim().split_once(':')?;
    let dim = Dimension::parse(d).filter(|d| DIMENSIONS.contains(d))?;
    (!c.is_empty()).then(|| (dim, c.to_string()))
}

/// Checks that a link is an absolute http(s) URL with a host, without spaces or control
/// characters. Returns the URL trimmed.
pub fn parse_http_url(raw: &str) -> Result<String, FieldError> {
    let err = || FieldError::new("url", "invalid_url", Msg::new("references-url-invalid"));
    let url = raw.trim();
    if url.chars().count() > MAX_URL_CHARS {
        return Err(FieldError::new(
            "url",
            "too_long",
            Msg::new("references-url-too-long").arg("max", MAX_URL_CHARS),
        ));
    }
    let lower = url.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return Err(err());
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
    {
        return Err(err());
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // No user information: it could carry credentials or a name.
    if authority.contains('@') {
        return Err(err());
    }
    // Host names only (no IP literals in brackets): letters, digits, dots and hyphens.
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(err());
    }
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        && !host.starts_with(['.', '-']);
    if !host_ok {
        return Err(err());
    }
    Ok(url.to_string())
}

/// Parses a decimal figure as Swedes and others write it: `12,5`, `12.5`, `1 234,5`,
/// `-3`. Returns the value and the number of decimals given.
pub fn parse_decimal(raw: &str) -> Result<(f64, usize), FieldError> {
    let err = || FieldError::new("value", "not_number", Msg::new("references-value-invalid"));
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let unsigned = cleaned
        .strip_prefix('-')
        .or_else(|| cleaned.strip_prefix('+'))
        .unwrap_or(&cleaned);
    let (int_part, frac) = match unsigned.split_once([',', '.']) {
        Some((i, f)) => (i, f),
        None => (unsigned, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_part.is_empty() || !digits(int_part) || !digits(frac) {
        return Err(err());
    }
    if unsigned.contains([',', '.']) && frac.is_empty() {
        return Err(err());
    }
    if frac.len() > MAX_DECIMALS {
        return Err(FieldError::new(
            "value",
            "too_many_decimals",
            Msg::new("references-value-too-many-decimals").arg("max", MAX_DECIMALS),
        ));
    }
    let normalised = format!(
        "{}{int_part}{}{frac}",
        if cleaned.starts_with('-') { "-" } else { "" },
        if frac.is_empty() { "" } else { "." }
    );
    let value: f64 = normalised.parse().map_err(|_| err())?;
    if !value.is_finite() || value.abs() > MAX_ABS_VALUE {
        return Err(FieldError::new(
            "value",
            "out_of_range",
            Msg::new("references-value-too-large"),
        ));
    }
    Ok((value, frac.len()))
}

fn trimmed(v: &Option<String>) -> &str {
    v.as_deref().map(str::trim).unwrap_or("")
}

/// Validates and screens a reference figure. Every problem is reported.
pub fn validate(
    input: &ReferenceInput,
    taxonomy: &Taxonomy,
) -> Result<ValidReference, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut text = |field: &str,
                    label: &'static str,
                    required: &'static str,
                    value: &Option<String>,
                    max: usize| {
        let v = trimmed(value);
        if v.is_empty() {
            errors.push(FieldError::new(field, "required", Msg::new(required)));
            return None;
        }
        if v.chars().count() > max {
            errors.push(FieldError::new(
                field,
                "too_long",
                Msg::new("references-too-long")
                    .arg("field", Msg::new(label))
                    .arg("max", max),
            ));
            return None;
        }
        if let Err(found) = screen_text(field, Msg::new(label), v) {
            errors.extend(found);
            return None;
        }
        Some(v.to_string())
    };
    let source = text(
        "source",
        crate::key!("references-field-source"),
        crate::key!("references-source-required"),
        &input.source,
        MAX_SOURCE_CHARS,
    );
    let title = text(
        "title",
        crate::key!("references-field-title"),
        crate::key!("references-title-required"),
        &input.title,
        MAX_TITLE_CHARS,
    );
    let unit = text(
        "unit",
        crate::key!("references-field-unit"),
        crate::key!("references-unit-required"),
        &input.unit,
        MAX_UNIT_CHARS,
    );
    let published_on = match trimmed(&input.published_on) {
        "" => {
            errors.push(FieldError::new(
                "published_on",
                "required",
                Msg::new("references-published-on-required"),
            ));
            None
        }
        d => parse_date("published_on", d)
            .map_err(|e| errors.push(e))
            .ok(),
    };
    let url = match trimmed(&input.url) {
        "" => {
            errors.push(FieldError::new(
                "url",
                "required",
                Msg::new("references-url-required"),
            ));
            None
        }
        u => match parse_http_url(u) {
            Ok(u) => match screen_text("url", Msg::new("references-field-url"), &u) {
                Ok(()) => Some(u),
                Err(found) => {
                    errors.extend(found);
                    None
                }
            },
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    let value = match trimmed(&input.value) {
        "" => {
            errors.push(FieldError::new(
                "value",
                "required",
                Msg::new("references-value-invalid"),
            ));
            None
        }
        v => parse_decimal(v).map_err(|e| errors.push(e)).ok(),
    };
    let period = match trimmed(&input.period) {
        "" => {
            errors.push(FieldError::new(
                "period",
                "required",
                Msg::new("references-period-required"),
            ));
            None
        }
        p => Period::parse(p)
            .map_err(|e| errors.push(FieldError::new("period", "invalid", e.msg())))
            .ok(),
    };
    let series = match trimmed(&input.series) {
        "" => {
            errors.push(FieldError::new(
                "series",
                "required",
                Msg::new("references-series-required"),
            ));
            None
        }
        s => match parse_series_key(s) {
            Some((d, c)) if taxonomy.accepts(d, &c) => Some((d, c)),
            _ => {
                errors.push(FieldError::new(
                    "series",
                    "invalid_code",
                    Msg::new("references-series-invalid"),
                ));
                None
            }
        },
    };
    match (
        source,
        title,
        unit,
        published_on,
        url,
        value,
        period,
        series,
    ) {
        (
            Some(source),
            Some(title),
            Some(unit),
            Some(published_on),
            Some(url),
            Some((value, decimals)),
            Some(period),
            Some((dimension, code)),
        ) if errors.is_empty() => Ok(ValidReference {
            source,
            title,
            published_on,
            url,
            value,
            decimals,
            unit,
            period,
            dimension,
            code,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taxonomy::TaxonomyEntry;

    #[test]
    fn only_absolute_http_urls_pass() {
        for ok in [
            "https://polisen.se/lagesbild",
            "http://example.org",
            "HTTPS://www.bra.se/rapporter/2026.html?id=3#avsnitt",
            "https://example.org:8443/a",
            " https://polisen.se ",
        ] {
            assert!(parse_http_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org/fil",
            "polisen.se/lagesbild",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://user:pw@example.org",
            "https://example.org:abc/",
            "data:text/html,hej",
            "//example.org",
            "https://.example.org",
        ] {
            assert!(parse_http_url(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_http_url(&format!("https://a.se/{}", "x".repeat(2000)))
                .unwrap_err()
                .code,
            "too_long"
        );
    }

    #[test]
    fn decimals_in_swedish_and_english_notation() {
        assert_eq!(parse_decimal("12,5").unwrap(), (12.5, 1));
        assert_eq!(parse_decimal("12.50").unwrap(), (12.5, 2));
        assert_eq!(parse_decimal("1 234").unwrap(), (1234.0, 0));
        assert_eq!(parse_decimal("1\u{202f}234,5").unwrap(), (1234.5, 1));
        assert_eq!(parse_decimal("-3").unwrap(), (-3.0, 0));
        assert_eq!(parse_decimal("−3,25").unwrap(), (-3.25, 2));
        for bad in [
            "", "tolv", "1e5", "inf", "NaN", "1,2,3", "12,", ",5", "1.234,5", "--1",
        ] {
            assert!(parse_decimal(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_decimal("1,1234567").unwrap_err().code,
            "too_many_decimals"
        );
        assert_eq!(
            parse_decimal("9999999999999999").unwrap_err().code,
            "out_of_range"
        );
    }

    fn taxonomy() -> Taxonomy {
        let e = |d: Dimension, code: &str| TaxonomyEntry {
            dimension: d,
            code: code.into(),
            label_sv: code.into(),
            label_en: code.into(),
            retired: false,
        };
        Taxonomy::new(vec![
            e(Dimension::MisuseType, "look_alike"),
            e(Dimension::ExploitationArea, "loans"),
            e(Dimension::DocumentType, "eu_passport"),
        ])
    }

    fn input() -> ReferenceInput {
        ReferenceInput {
            source: Some("Polisens lägesbild över organiserad brottslighet".into()),
            title: Some("Bedrägerier med kapade identiteter".into()),
            published_on: Some("2026-05-15".into()),
            url: Some("https://polisen.se/lagesbild".into()),
            value: Some("1 234,5".into()),
            unit: Some("mnkr".into()),
            period: Some("2025".into()),
            series: Some("exploitation_area:loans".into()),
        }
    }

    #[test]
    fn a_valid_figure() {
        let r = validate(&input(), &taxonomy()).unwrap();
        assert_eq!(r.value, 1234.5);
        assert_eq!(r.decimals, 1);
        assert_eq!(r.period, Period::parse("2025").unwrap());
        assert_eq!(r.dimension, Dimension::ExploitationArea);
        assert_eq!(r.code, "loans");
    }

    #[test]
    fn every_problem_is_reported() {
        let bad = ReferenceInput {
            source: Some("Kontakt: kalle.anka@example.se".into()),
            title: None,
            published_on: Some("15/5/2026".into()),
            url: Some("javascript:alert(1)".into()),
            value: Some("många".into()),
            unit: Some("x".repeat(41)),
            period: Some("2026-Q5".into()),
            series: Some("document_type:eu_passport".into()),
        };
        let errors = validate(&bad, &taxonomy()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "source",
                "title",
                "unit",
                "published_on",
                "url",
                "value",
                "period",
                "series"
            ]
        );
        assert_eq!(errors[0].code, "personal_data");
        assert!(
            errors[6].message.text_sv().contains("2026-Q3"),
            "lists the accepted forms"
        );
    }

    #[test]
    fn series_keys() {
        assert_eq!(
            parse_series_key("misuse_type:look_alike"),
            Some((Dimension::MisuseType, "look_alike".into()))
        );
        assert_eq!(parse_series_key("document_type:eu_passport"), None);
        assert_eq!(parse_series_key("misuse_type:"), None);
        assert_eq!(parse_series_key("look_alike"), None);
        assert_eq!(
            series_key(Dimension::ExploitationArea, "loans"),
            "exploitation_area:loans"
        );
    }
}
