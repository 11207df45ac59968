//! CSV exports that are safe to open in a spreadsheet.
//!
//! Every CSV the application writes goes through [`write_sv`], and so every cell, header
//! included, goes through [`cell`]: the one guard against formula injection (CSV
//! injection, OWASP). A spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@`
//! as a formula, so `=HYPERLINK("http://…";"Klicka")` stored as a label would become a live
//! link in the analyst's Excel. Such a cell gets a leading `'`, which Excel and LibreOffice
//! treat as "this is text" and do not show. A tab or carriage return at the start is
//! guarded the same way (some spreadsheets skip them before looking for `=`).
//!
//! Plain negative numbers (`-3`, `-12,5`, `-0.25`) are left alone so that they stay numbers
//! in the spreadsheet: a minus sign, digits, at most one decimal comma or point followed by
//! digits, and nothing else, which no spreadsheet can read as anything but a number.

use std::borrow::Cow;

pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of one CSV cell as it should be written: unchanged, or with a leading `'` when
/// a spreadsheet would otherwise read it as a formula.
pub fn cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('-') if is_plain_negative_number(text) => Cow::Borrowed(text),
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// `-` then digits, optionally one `,` or `.` and more digits.
fn is_plain_negative_number(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('-') else {
        return false;
    };
    let (whole, fraction) = match rest.split_once([',', '.']) {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

/// Writes an export for Swedish Excel: UTF-8 with BOM, `;` between cells, CRLF after every
/// row (the header included). A cell is quoted when it contains `;`, `"`, CR or LF, with
/// inner quotes doubled. Every cell, header included, goes through [`cell`]. A row
/// consisting of one empty cell is written as `""` so that it is not read back as a blank
/// line.
pub fn write_sv(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + 16 * (header.len() + 1) * (rows.len() + 1));
    out.extend_from_slice(UTF8_BOM);
    write_row(&mut out, header.iter().copied());
    for row in rows {
        write_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn write_row<'a>(out: &mut Vec<u8>, cells: impl ExactSizeIterator<Item = &'a str>) {
    let lone_cell = cells.len() == 1;
    for (i, text) in cells.enumerate() {
        if i > 0 {
            out.push(b';');
        }
        let text = cell(text);
        if text.contains([';', '"', '\r', '\n']) || (lone_cell && text.is_empty()) {
            out.push(b'"');
            for &b in text.as_bytes() {
                if b == b'"' {
                    out.push(b'"');
                }
                out.push(b);
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(text.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(
            cell("=HYPERLINK(\"http://x.example\";\"Klicka\")"),
            "'=HYPERLINK(\"http://x.example\";\"Klicka\")"
        );
        assert_eq!(cell("+46701234567"), "'+46701234567");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\t=1"), "'\t=1");
        assert_eq!(cell("\r=1"), "'\r=1");
        assert_eq!(cell("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
    }

    #[test]
    fn plain_negative_numbers_stay_numbers() {
        for n in ["-3", "-12,5", "-0.25", "-1000000"] {
            assert_eq!(cell(n), n, "{n}");
        }
        for f in [
            "-", "-,5", "-3,", "-3+2", "-3-2", "-1,2,3", "-1.2.3", "-3e5", "- 3", "-3 ", "-A1",
            "-1,5+A1",
        ] {
            assert_eq!(cell(f), format!("'{f}"), "{f}");
        }
    }

    #[test]
    fn other_cells_are_unchanged() {
        for t in [
            "a=1",
            "12",
            " =1",
            "",
            "Åtal",
            "1 234,5",
            "'=quoted already",
        ] {
            assert_eq!(cell(t), t, "{t}");
        }
    }

    #[test]
    fn write_sv_writes_bom_semicolons_crlf_quotes_and_guards() {
        let rows = vec![
            vec!["Örebro".to_owned(), "12".to_owned(), "a;b".to_owned()],
            vec![
                "=HYPERLINK(\"x\")".to_owned(),
                "-3".to_owned(),
                "rad1\nrad2".to_owned(),
            ],
            vec![String::new(), "1 234,5".to_owned(), "sa \"hej\"".to_owned()],
            vec!["@x".to_owned(), "-3+1".to_owned(), "+1".to_owned()],
        ];
        let out = write_sv(&["län", "antal", "=text"], &rows);
        let expected = "\u{feff}län;antal;'=text\r\n\
                        Örebro;12;\"a;b\"\r\n\
                        \"'=HYPERLINK(\"\"x\"\")\";-3;\"rad1\nrad2\"\r\n\
                        ;1 234,5;\"sa \"\"hej\"\"\"\r\n\
                        '@x;'-3+1;'+1\r\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
        // A lone empty cell is not written as a blank line.
        assert_eq!(
            write_sv(&["a"], &[vec![String::new()]]),
            b"\xEF\xBB\xBFa\r\n\"\"\r\n"
        );
    }

    proptest! {
        /// Whatever the text, the written cell never starts a formula, unless it is exactly
        /// a plain negative number; and the guard only ever adds one `'` in front.
        #[test]
        fn no_written_cell_starts_a_formula(text in "[-=+@\t\r0-9,.a-zA-Z' ]{0,8}") {
            let out = cell(&text);
            let starts_formula = out.starts_with(['=', '+', '-', '@', '\t', '\r']);
            prop_assert!(!starts_formula || is_plain_negative_number(&out), "{out:?}");
            let guarded = format!("'{}", text);
            prop_assert!(out == text || out == guarded);
        }
    }
}
