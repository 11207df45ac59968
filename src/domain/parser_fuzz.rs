//! Property tests: the pure parsers never panic, whatever they are given (arbitrary text,
//! NUL bytes, invalid UTF-8, huge numbers). Cases per property: `LAGESBILD_FUZZ_CASES`
//! (default 256; CI sets more).

use proptest::prelude::*;

use super::csv_import::parse_csv;
use super::period::Period;
use super::screening::screen;

fn cases() -> u32 {
    std::env::var("LAGESBILD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Text that is mostly near the parsers' grammar, sometimes anything at all.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9QqHh\\- \\x00]{0,12}",
        "(19|20|21|99)[0-9]{2}-?(Q|H|q|h)?[0-9]{0,3}",
        "[0-9]{6,20}[-+ ]?[0-9]{0,6}",
        "[a-zA-ZåäöÅÄÖ@.,:;/ 0-9\\-\\x00\\n]{0,300}",
    ]
}

/// CSV-ish bytes: header-like lines, random delimiters and quotes, invalid UTF-8.
fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any::<Vec<u8>>(),
        proptest::collection::vec(
            prop_oneof![
                Just(b"misuse_type".to_vec()),
                Just(b"count".to_vec()),
                Just(b"description".to_vec()),
                Just(b"false_identity".to_vec()),
                Just(b";".to_vec()),
                Just(b",".to_vec()),
                Just(b"\"".to_vec()),
                Just(b"\r\n".to_vec()),
                Just(b"\n".to_vec()),
                Just(b"\xEF\xBB\xBF".to_vec()),
                Just(b"\xFF\xFE".to_vec()),
                Just(b"\0".to_vec()),
                Just(b"99999999999999999999999".to_vec()),
                "[a-z0-9 =+@-]{0,12}".prop_map(String::into_bytes),
            ],
            0..80,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn period_parse_never_panics_and_round_trips(s in texty()) {
        if let Ok(p) = Period::parse(&s) {
            prop_assert_eq!(Period::parse(&p.code()).ok(), Some(p));
        }
    }

    #[test]
    fn csv_parse_never_panics(bytes in csv_bytes()) {
        if let Ok(parsed) = parse_csv(&bytes) {
            prop_assert_eq!(parsed.rows.len(), parsed.line_numbers.len());
        }
    }

    #[test]
    fn screening_never_panics_and_positions_are_in_the_text(s in texty()) {
        if let Err(findings) = screen(&s) {
            prop_assert!(!findings.is_empty());
            for f in findings {
                prop_assert!(f.position >= 1 && f.position <= s.chars().count(), "{f:?}");
            }
        }
    }
}
