//! Observation lines (observationer): a count for a combination of taxonomy dimensions,
//! with an optional assessment and a short description. Parsing happens here, once, for
//! the form, the API and the CSV import alike.

use serde::{Deserialize, Serialize};

use super::message::{Arg, Msg};
use super::screening;
use super::taxonomy::{Dimension, Taxonomy};
use super::validation::FieldError;

pub const MAX_COUNT: i64 = 1_000_000;
pub const MAX_DESCRIPTION_CHARS: usize = 1000;

/// A line as it arrives, before validation: every value is optional text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationInput {
    pub misuse_type: Option<String>,
    pub exploitation_area: Option<String>,
    pub document_type: Option<String>,
    pub chain_stage: Option<String>,
    pub age_band: Option<String>,
    pub citizenship: Option<String>,
    pub fraud_type: Option<String>,
    pub count: Option<String>,
    pub trend: Option<String>,
    pub reliability: Option<String>,
    pub validity: Option<String>,
    pub description: Option<String>,
}

/// Trend direction in the submitter's assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Increasing,
    Stable,
    Decreasing,
    New,
}

impl Trend {
    pub const ALL: [Trend; 4] = [
        Trend::Increasing,
        Trend::Stable,
        Trend::Decreasing,
        Trend::New,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Increasing => "increasing",
            Self::Stable => "stable",
            Self::Decreasing => "decreasing",
            Self::New => "new",
        }
    }

    /// The catalogue key of the trend's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Increasing => crate::key!("submissions-trend-increasing"),
            Self::Stable => crate::key!("submissions-trend-stable"),
            Self::Decreasing => crate::key!("submissions-trend-decreasing"),
            Self::New => crate::key!("submissions-trend-new"),
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// The combination of dimensions that identifies a line within a submission.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct LineKey {
    pub misuse_type: String,
    pub exploitation_area: Option<String>,
    pub document_type: Option<String>,
    pub chain_stage: Option<String>,
    pub age_band: Option<String>,
    pub citizenship: Option<String>,
    pub fraud_type: Option<String>,
}

/// A validated, screened observation line, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservationLine {
    pub key: LineKey,
    pub count: i64,
    pub trend: Option<Trend>,
    /// Source reliability A–D (the 4x4 grading).
    pub reliability: Option<char>,
    /// Information validity 1–4 (the 4x4 grading).
    pub validity: Option<char>,
    pub description: Option<String>,
}

fn blank_to_none(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Parses a count: an integer from 0 to 1 000 000. Spaces used as thousands separators
/// are allowed ("1 234").
pub fn parse_count(raw: Option<&str>) -> Result<i64, FieldError> {
    let Some(raw) = raw else {
        return Err(FieldError::new(
            "count",
            "required",
            Msg::new("submissions-count-required"),
        ));
    };
    let digits: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    match digits.parse::<i64>() {
        Ok(n) if (0..=MAX_COUNT).contains(&n) => Ok(n),
        Ok(_) => Err(FieldError::new(
            "count",
            "out_of_range",
            Msg::new("submissions-count-out-of-range").arg("max", MAX_COUNT),
        )),
        Err(_) => Err(FieldError::new(
            "count",
            "not_integer",
            Msg::new("submissions-count-not-integer"),
        )),
    }
}

/// Screens one free-text field for personal data; the message names the field, what was
/// found and where, with the match masked, and how to rephrase. `field_label` is the
/// field as the message's subject: a catalogue message (the key
/// `submissions-the-description` reads "Beskrivningen" / "The description"), or a text
/// shown as it is.
pub fn screen_field(
    field: &str,
    field_label: impl Into<Arg>,
    text: &str,
) -> Result<(), Vec<FieldError>> {
    let label = field_label.into();
    screening::screen(text).map_err(|findings| {
        findings
            .into_iter()
            .map(|f| {
                FieldError::new(
                    field,
                    "personal_data",
                    Msg::new("screening-found")
                        .arg("field", label.clone())
                        .arg("kind", Msg::dynamic(f.kind.key()))
                        .arg("position", f.position)
                        .arg("masked", f.masked)
                        .arg("advice", Msg::dynamic(f.kind.advice_key())),
                )
            })
            .collect()
    })
}

/// Validates one line. Every problem is reported, not just the first.
pub fn validate_line(
    line_no: u32,
    input: &ObservationInput,
    taxonomy: &Taxonomy,
) -> Result<ObservationLine, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut code =
        |dimension: Dimension, value: &Option<String>, required: bool| match blank_to_none(value) {
            None if required => {
                errors.push(FieldError::new(
                    dimension.code(),
                    "required",
                    Msg::new("submissions-choose-dimension").arg("dimension", dimension.code()),
                ));
                None
            }
            None => None,
            Some(v) if taxonomy.accepts(dimension, v) => Some(v.to_string()),
            Some(_) => {
                errors.push(FieldError::new(
                    dimension.code(),
                    "invalid_code",
                    Msg::new("submissions-dimension-not-in-list")
                        .arg("dimension", dimension.code()),
                ));
                None
            }
        };
    let misuse_type = code(Dimension::MisuseType, &input.misuse_type, true);
    let exploitation_area = code(Dimension::ExploitationArea, &input.exploitation_area, false);
    let document_type = code(Dimension::DocumentType, &input.document_type, false);
    let chain_stage = code(Dimension::ChainStage, &input.chain_stage, false);
    let age_band = code(Dimension::AgeBand, &input.age_band, false);
    let citizenship = code(Dimension::Citizenship, &input.citizenship, false);
    let fraud_type = code(Dimension::FraudType, &input.fraud_type, false);
    if fraud_type.is_some() && blank_to_none(&input.document_type).is_none() {
        errors.push(FieldError::new(
            "fraud_type",
            "requires_document_type",
            Msg::new("submissions-fraud-type-needs-document-type"),
        ));
    }

    let count = parse_count(blank_to_none(&input.count))
        .map_err(|e| errors.push(e))
        .ok();

    let trend = match blank_to_none(&input.trend) {
        None => None,
        Some(t) => match Trend::parse(t) {
            Some(t) => Some(t),
            None => {
                errors.push(FieldError::new(
                    "trend",
                    "invalid_code",
                    Msg::new("submissions-trend-invalid"),
                ));
                None
            }
        },
    };
    let grade =
        |value: &Option<String>, allowed: &str, field: &str, errors: &mut Vec<FieldError>| {
            match blank_to_none(value) {
                None => None,
                Some(v) => {
                    let upper = v.to_ascii_uppercase();
                    let mut chars = upper.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if allowed.contains(c) => Some(c),
                        _ => {
                            errors.push(FieldError::new(
                                field,
                                "invalid_code",
                                Msg::new(if field == "reliability" {
                                    crate::key!("submissions-reliability-invalid")
                                } else {
                                    crate::key!("submissions-validity-invalid")
                                }),
                            ));
                            None
                        }
                    }
                }
            }
        };
    let reliability = grade(&input.reliability, "ABCD", "reliability", &mut errors);
    let validity = grade(&input.validity, "1234", "validity", &mut errors);

    let description = match blank_to_none(&input.description) {
        None => None,
        Some(d) => {
            if d.chars().count() > MAX_DESCRIPTION_CHARS {
                errors.push(FieldError::new(
                    "description",
                    "too_long",
                    Msg::new("submissions-description-too-long").arg("max", MAX_DESCRIPTION_CHARS),
                ));
                None
            } else if let Err(found) =
                screen_field("description", Msg::new("submissions-the-description"), d)
            {
                errors.extend(found);
                None
            } else {
                Some(d.to_string())
            }
        }
    };

    if !errors.is_empty() {
        return Err(errors.into_iter().map(|e| e.on_line(line_no)).collect());
    }
    match (misuse_type, count) {
        (Some(misuse_type), Some(count)) => Ok(ObservationLine {
            key: LineKey {
                misuse_type,
                exploitation_area,
                document_type,
                chain_stage,
                age_band,
                citizenship,
                fraud_type,
            },
            count,
            trend,
            reliability,
            validity,
            description,
        }),
        _ => Err(vec![FieldError::new(
            "line",
            "invalid",
            Msg::new("submissions-line-incomplete"),
        )
        .on_line(line_no)]),
    }
}

/// Validates a whole set of lines: each line, then duplicates (two lines with the same
/// combination of dimensions), naming both lines.
pub fn validate_lines(
    inputs: &[ObservationInput],
    taxonomy: &Taxonomy,
) -> Result<Vec<ObservationLine>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut lines = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        match validate_line(i as u32 + 1, input, taxonomy) {
            Ok(l) => lines.push((i as u32 + 1, l)),
            Err(e) => errors.extend(e),
        }
    }
    let mut seen: std::collections::HashMap<&LineKey, u32> = std::collections::HashMap::new();
    for (no, line) in &lines {
        if let Some(first) = seen.get(&line.key) {
            errors.push(
                FieldError::new(
                    "line",
                    "duplicate",
                    Msg::new("submissions-line-duplicate")
                        .arg("line", *no)
                        .arg("first", *first),
                )
                .on_line(*no),
            );
        } else {
            seen.insert(&line.key, *no);
        }
    }
    if errors.is_empty() {
        Ok(lines.into_iter().map(|(_, l)| l).collect())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taxonomy::TaxonomyEntry;

    fn taxonomy() -> Taxonomy {
        let e = |d, c: &str| TaxonomyEntry {
            dimension: d,
            code: c.into(),
            label_sv: c.into(),
            label_en: c.into(),
            retired: false,
        };
        let mut retired = e(Dimension::MisuseType, "old_type");
        retired.retired = true;
        Taxonomy::new(vec![
            e(Dimension::MisuseType, "false_identity"),
            e(Dimension::DocumentType, "eu_passport"),
            e(Dimension::FraudType, "forged"),
            retired,
        ])
    }

    fn input(mt: &str, count: &str) -> ObservationInput {
        ObservationInput {
            misuse_type: Some(mt.into()),
            count: Some(count.into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_line_parses() {
        let l = validate_line(1, &input("false_identity", "1 234"), &taxonomy()).unwrap();
        assert_eq!(l.count, 1234);
        assert_eq!(l.key.document_type, None);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut i = input("", "-3");
        i.reliability = Some("E".into());
        i.fraud_type = Some("forged".into());
        let errs = validate_line(4, &i, &taxonomy()).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["misuse_type", "fraud_type", "count", "reliability"]
        );
        assert!(errs.iter().all(|e| e.line == Some(4)));
    }

    #[test]
    fn counts_are_bounded_integers() {
        assert_eq!(parse_count(Some("0")).unwrap(), 0);
        assert_eq!(parse_count(Some("1000000")).unwrap(), 1_000_000);
        assert_eq!(
            parse_count(Some("1000001")).unwrap_err().code,
            "out_of_range"
        );
        assert_eq!(parse_count(Some("12,5")).unwrap_err().code, "not_integer");
        assert_eq!(parse_count(None).unwrap_err().code, "required");
    }

    #[test]
    fn retired_codes_are_refused_for_new_data() {
        let e = validate_line(1, &input("old_type", "1"), &taxonomy()).unwrap_err();
        assert_eq!(e[0].code, "invalid_code");
    }

    #[test]
    fn duplicates_name_both_lines() {
        let errs = validate_lines(
            &[input("false_identity", "1"), input("false_identity", "2")],
            &taxonomy(),
        )
        .unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, Some(2));
        assert!(errs[0].message.text_sv().contains("rad 1"));
    }
}
