//! CSV import and export of observation lines.
//!
//! [`parse_csv`] turns an uploaded file into [`ObservationInput`]s (all values still text,
//! validated by the caller) together with the file line of each, or into every structural
//! error found in the file. It only checks the *shape* of the file: encoding, delimiter,
//! header, quoting and field counts. Values (a count of "-3", an unknown code) are left to
//! the caller's validation, which can place its errors with [`ParsedCsv::line_numbers`].
//!
//! The rules:
//! * UTF-8, with or without a byte order mark. Anything else is refused with one error.
//! * The delimiter is `;` (Swedish Excel) or `,`: whichever occurs more often outside double
//!   quotes on the header row (the first line with content); a tie gives `,`.
//! * The header names the columns by their field names in [`ObservationInput`], in any
//!   order, case-insensitive and trimmed. `misuse_type` and `count` must be there. Unknown
//!   and repeated names are refused. A header cell left *empty* is tolerated (Excel writes
//!   such trailing columns) as long as no data row puts anything in that column.
//! * Cells are trimmed; empty cells become `None`. Rows whose cells are all empty are
//!   skipped.
//! * Line numbers are physical file lines (`\n`, `\r\n` and a lone `\r` each end a line),
//!   the first line being 1, so that a cell spanning lines inside quotes moves the numbers
//!   of the rows after it. The csv crate's own `Position::line()` is *not* used for this:
//!   it reports the line where the previous record ended, which is wrong after blank lines
//!   and for every row of a CRLF file (as Excel on Windows writes). The record's byte
//!   offset is used instead and its line counted here, in one linear pass.
//! * Errors are collected for the whole file and returned together, in line order; a file
//!   with any error gives no rows at all.
//!
//! Exports (CSV written for Excel) live in [`super::csv_safe`].

use super::csv_safe::UTF8_BOM;
use super::message::Msg;
use super::observation::ObservationInput;
use super::validation::FieldError;

/// The accepted column names, in the order of the fields of [`ObservationInput`].
pub const COLUMNS: [&str; 12] = [
    "misuse_type",
    "exploitation_area",
    "document_type",
    "chain_stage",
    "age_band",
    "citizenship",
    "fraud_type",
    "count",
    "trend",
    "reliability",
    "validity",
    "description",
];

/// Columns that must be present in the header.
pub const REQUIRED_COLUMNS: [&str; 2] = ["misuse_type", "count"];

/// The `field` of errors that concern the file as a whole or a whole row.
const FILE_FIELD: &str = "file";

/// A successfully read file: `rows[i]` comes from file line `line_numbers[i]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCsv {
    pub rows: Vec<ObservationInput>,
    /// Physical line in the file (header = line 1 unless blank lines precede it) where each
    /// row starts; strictly increasing, same length as `rows`.
    pub line_numbers: Vec<u32>,
    /// The delimiter that was detected: `b';'` or `b','`.
    pub delimiter: u8,
}

/// Reads an uploaded CSV file. See the module documentation for the rules.
///
/// Errors carry `line` (the physical file line) when they belong to one. Their `field` is
/// `"file"` for file and row errors (codes `encoding`, `empty`, `csv_syntax`,
/// `field_count`, `unnamed_column`) and the column name for header errors (codes
/// `missing_column`, `unknown_column`, `duplicate_column`).
pub fn parse_csv(bytes: &[u8]) -> Result<ParsedCsv, Vec<FieldError>> {
    let data = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    check_encoding(data).map_err(|e| vec![e])?;
    let Some(delimiter) = detect_delimiter(data) else {
        return Err(vec![empty_error()]);
    };

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .quoting(true)
        .double_quote(true)
        .from_reader(data);
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::default();

    // The header: the first record with any content.
    let mapping = loop {
        let raw = match read_next(&mut reader, &mut record, data, &mut lines, delimiter) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Err(vec![empty_error()]),
            Err(e) => return Err(vec![e]),
        };
        if let Some(e) = raw.syntax_error {
            return Err(vec![e]);
        }
        if !is_blank(&record) {
            break parse_header(&record, raw.line)?;
        }
    };

    let mut rows = Vec::new();
    let mut line_numbers = Vec::new();
    let mut errors = Vec::new();
    loop {
        let raw = match read_next(&mut reader, &mut record, data, &mut lines, delimiter) {
            Ok(Some(raw)) => raw,
            Ok(None) => break,
            Err(e) => {
                errors.push(e);
                break;
            }
        };
        if let Some(e) = raw.syntax_error {
            errors.push(e);
            continue;
        }
        if is_blank(&record) {
            continue;
        }
        let line = raw.line;
        if record.len() != mapping.len() {
            errors.push(
                FieldError::new(
                    FILE_FIELD,
                    "field_count",
                    Msg::new("csv-field-count")
                        .arg("line", line)
                        .arg("found", record.len())
                        .arg("expected", mapping.len()),
                )
                .on_line(line),
            );
            continue;
        }
        let mut cells: [Option<String>; 12] = Default::default();
        for (column, (cell, target)) in record.iter().zip(&mapping).enumerate() {
            let value = cell.trim();
            if value.is_empty() {
                continue;
            }
            match target {
                Some(index) => cells[*index] = Some(value.to_owned()),
                None => {
                    errors.push(unnamed_column_error(line, column));
                    break;
                }
            }
        }
        if errors.is_empty() {
            rows.push(build_input(cells));
            line_numbers.push(line);
        }
    }

    if !errors.is_empty() {
        // Already in reading order; the sort only guards the promise of line order.
        errors.sort_by_key(|e| e.line);
        return Err(errors);
    }
    if rows.is_empty() {
        return Err(vec![empty_error()]);
    }
    Ok(ParsedCsv {
        rows,
        line_numbers,
        delimiter,
    })
}

// ---------------------------------------------------------------------------------------
// Reading

/// One record as read, with where it starts and whether its quoting is broken.
struct RawRecord {
    line: u32,
    syntax_error: Option<FieldError>,
}

/// Reads the next record into `record`. `Ok(None)` at the end of the file.
fn read_next(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
    data: &[u8],
    lines: &mut LineCounter,
    delimiter: u8,
) -> Result<Option<RawRecord>, FieldError> {
    let start = offset(reader.position(), data);
    match reader.read_record(record) {
        Ok(true) => {}
        Ok(false) => return Ok(None),
        Err(_) => {
            // Not expected: the input is in memory and already checked to be UTF-8.
            let line = lines.line_at(data, start);
            return Err(FieldError::new(
                FILE_FIELD,
                "csv_syntax",
                Msg::new("csv-unreadable-line").arg("line", line),
            )
            .on_line(line));
        }
    }
    let end = offset(reader.position(), data).max(start);
    // What the reader consumed may begin with the rest of the previous line end ("\n" of a
    // CRLF) and with blank lines, which the csv crate skips: the record starts after them.
    let leading = data[start..end]
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .count();
    let record_start = start + leading;
    let line = lines.line_at(data, record_start);
    let syntax_error = check_quoting(&data[record_start..end], delimiter).map(|(at, problem)| {
        let line = lines.line_at(data, record_start + at);
        problem.error(line)
    });
    Ok(Some(RawRecord { line, syntax_error }))
}

fn offset(position: &csv::Position, data: &[u8]) -> usize {
    usize::try_from(position.byte())
        .unwrap_or(usize::MAX)
        .min(data.len())
}

/// Counts physical lines up to a byte offset; offsets asked for must not decrease, so the
/// whole file is counted once.
#[derive(Default)]
struct LineCounter {
    pos: usize,
    breaks: u64,
}

impl LineCounter {
    /// The 1-based line of the byte at `target`.
    fn line_at(&mut self, data: &[u8], target: usize) -> u32 {
        let target = target.min(data.len());
        if target > self.pos {
            for (i, &b) in data[self.pos..target].iter().enumerate() {
                let ends_line = match b {
                    b'\n' => true,
                    b'\r' => data.get(self.pos + i + 1) != Some(&b'\n'),
                    _ => false,
                };
                self.breaks += u64::from(ends_line);
            }
            self.pos = target;
        }
        u32::try_from(self.breaks.saturating_add(1)).unwrap_or(u32::MAX)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteProblem {
    /// A quoted cell is never closed: the rest of the file was swallowed into it.
    Unterminated,
    /// Text follows the closing quote of a cell before the delimiter or line end.
    TextAfterClosingQuote,
}

impl QuoteProblem {
    fn error(self, line: u32) -> FieldError {
        let key = match self {
            QuoteProblem::Unterminated => crate::key!("csv-unterminated-quote"),
            QuoteProblem::TextAfterClosingQuote => crate::key!("csv-text-after-quote"),
        };
        FieldError::new(
            FILE_FIELD,
            "csv_syntax",
            Msg::dynamic(key).arg("line", line),
        )
        .on_line(line)
    }
}

/// Checks the quoting of one record's bytes the way the csv crate reads them (a quote opens
/// a quoted cell only as its first byte; `""` inside is a quote). Returns the offset of
/// the first problem: the opening quote of an unterminated cell, or the first byte after a
/// closing quote that is neither a delimiter, a quote nor a line end.
fn check_quoting(raw: &[u8], delimiter: u8) -> Option<(usize, QuoteProblem)> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut opened_at = 0;
    for (i, &b) in raw.iter().enumerate() {
        state = match state {
            State::FieldStart | State::Unquoted => {
                if b == delimiter {
                    State::FieldStart
                } else if b == b'\r' || b == b'\n' {
                    return None;
                } else if b == b'"' && state == State::FieldStart {
                    opened_at = i;
                    State::Quoted
                } else {
                    State::Unquoted
                }
            }
            State::Quoted => {
                if b == b'"' {
                    State::QuoteInQuoted
                } else {
                    State::Quoted
                }
            }
            State::QuoteInQuoted => {
                if b == b'"' {
                    State::Quoted
                } else if b == delimiter {
                    State::FieldStart
                } else if b == b'\r' || b == b'\n' {
                    return None;
                } else {
                    return Some((i, QuoteProblem::TextAfterClosingQuote));
                }
            }
        };
    }
    (state == State::Quoted).then_some((opened_at, QuoteProblem::Unterminated))
}

/// `;` or `,`: whichever occurs more often outside double quotes on the first line with
/// content (lines of only whitespace and delimiters are passed over); a tie gives `,`.
/// `None` when no line has content.
fn detect_delimiter(data: &[u8]) -> Option<u8> {
    let mut line_start = 0;
    let mut found = false;
    for (i, &b) in data.iter().enumerate() {
        match b {
            b'\r' | b'\n' => line_start = i + 1,
            b' ' | b'\t' | b',' | b';' => {}
            _ => {
                found = true;
                break;
            }
        }
    }
    if !found {
        return None;
    }
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for &b in &data[line_start.min(data.len())..] {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    Some(if semicolons > commas { b';' } else { b',' })
}

fn check_encoding(data: &[u8]) -> Result<(), FieldError> {
    if data.starts_with(b"\xFF\xFE") || data.starts_with(b"\xFE\xFF") {
        return Err(FieldError::new(FILE_FIELD, "encoding", Msg::new("csv-utf16")).on_line(1));
    }
    match std::str::from_utf8(data) {
        Ok(_) => Ok(()),
        Err(e) => {
            let line = LineCounter::default().line_at(data, e.valid_up_to());
            Err(FieldError::new(
                FILE_FIELD,
                "encoding",
                Msg::new("csv-not-utf8").arg("line", line),
            )
            .on_line(line))
        }
    }
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// Maps each header cell to an index into [`COLUMNS`]; `None` for a cell left empty.
fn parse_header(
    record: &csv::StringRecord,
    line: u32,
) -> Result<Vec<Option<usize>>, Vec<FieldError>> {
    let mut mapping = Vec::with_capacity(record.len());
    let mut seen = [false; COLUMNS.len()];
    let mut reported_duplicate = [false; COLUMNS.len()];
    let mut errors = Vec::new();
    for cell in record.iter() {
        let name = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if name.is_empty() {
            mapping.push(None);
            continue;
        }
        let lower = name.to_lowercase();
        match COLUMNS.iter().position(|column| *column == lower) {
            Some(index) if seen[index] => {
                if !reported_duplicate[index] {
                    reported_duplicate[index] = true;
                    errors.push(
                        FieldError::new(
                            COLUMNS[index],
                            "duplicate_column",
                            Msg::new("csv-duplicate-column").arg("column", COLUMNS[index]),
                        )
                        .on_line(line),
                    );
                }
                mapping.push(None);
            }
            Some(index) => {
                seen[index] = true;
                mapping.push(Some(index));
            }
            None => {
                errors.push(unknown_column_error(name, line));
                mapping.push(None);
            }
        }
    }
    for required in REQUIRED_COLUMNS {
        let index = COLUMNS.iter().position(|c| *c == required).unwrap_or(0);
        if !seen[index] {
            errors.push(
                FieldError::new(
                    required,
                    "missing_column",
                    Msg::new("csv-missing-column").arg("column", required),
                )
                .on_line(line),
            );
        }
    }
    if errors.is_empty() {
        Ok(mapping)
    } else {
        Err(errors)
    }
}

fn unknown_column_error(name: &str, line: u32) -> FieldError {
    const MAX_SHOWN: usize = 60;
    let shown: String = if name.chars().count() > MAX_SHOWN {
        name.chars().take(MAX_SHOWN).chain(['…']).collect()
    } else {
        name.to_owned()
    };
    // Several names in one cell: the separator was probably not the file's delimiter.
    let key = if name.contains(['\t', ',', ';']) {
        crate::key!("csv-unknown-column-joined")
    } else {
        crate::key!("csv-unknown-column")
    };
    let message = Msg::dynamic(key)
        .arg("column", shown.as_str())
        .arg("accepted", COLUMNS.join(", "));
    FieldError::new(shown, "unknown_column", message).on_line(line)
}

fn unnamed_column_error(line: u32, column: usize) -> FieldError {
    FieldError::new(
        FILE_FIELD,
        "unnamed_column",
        Msg::new("csv-unnamed-column")
            .arg("line", line)
            .arg("column", column + 1)
            .arg("letter", spreadsheet_column(column)),
    )
    .on_line(line)
}

/// Excel's name of a 0-based column: A, B, …, Z, AA, AB, …
fn spreadsheet_column(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (column % 26) as u8));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

fn empty_error() -> FieldError {
    FieldError::new(FILE_FIELD, "empty", Msg::new("csv-empty"))
}

fn build_input(cells: [Option<String>; 12]) -> ObservationInput {
    let [misuse_type, exploitation_area, document_type, chain_stage, age_band, citizenship, fraud_type, count, trend, reliability, validity, description] =
        cells;
    ObservationInput {
        misuse_type,
        exploitation_area,
        document_type,
        chain_stage,
        age_band,
        citizenship,
        fraud_type,
        count,
        trend,
        reliability,
        validity,
        description,
    }
}

#[cfg(test)]
mod tests {
    use super::super::csv_safe::{cell, write_sv};
    use super::*;
    use proptest::prelude::*;

    fn ok(input: &str) -> ParsedCsv {
        match parse_csv(input.as_bytes()) {
            Ok(parsed) => parsed,
            Err(errors) => panic!("expected Ok for {input:?}, got {errors:#?}"),
        }
    }

    fn err(input: &[u8]) -> Vec<FieldError> {
        match parse_csv(input) {
            Ok(parsed) => panic!("expected Err for {input:?}, got {parsed:#?}"),
            Err(errors) => {
                assert!(!errors.is_empty());
                errors
            }
        }
    }

    fn codes(errors: &[FieldError]) -> Vec<(Option<u32>, &'static str)> {
        errors.iter().map(|e| (e.line, e.code)).collect()
    }

    fn obs(misuse_type: &str, count: &str) -> ObservationInput {
        ObservationInput {
            misuse_type: Some(misuse_type.to_owned()),
            count: Some(count.to_owned()),
            ..Default::default()
        }
    }

    #[test]
    fn reads_semicolon_file_with_bom() {
        let parsed = ok("\u{feff}misuse_type;count;description\r\nfalsk_identitet;12;Blåljus över Örebro\r\nkapad_identitet;3;\r\n");
        assert_eq!(parsed.delimiter, b';');
        assert_eq!(parsed.line_numbers, vec![2, 3]);
        let mut first = obs("falsk_identitet", "12");
        first.description = Some("Blåljus över Örebro".to_owned());
        assert_eq!(parsed.rows, vec![first, obs("kapad_identitet", "3")]);
    }

    #[test]
    fn reads_comma_file_without_bom() {
        let parsed = ok("misuse_type,count\nfalsk_identitet,12\nkapad_identitet,3");
        assert_eq!(parsed.delimiter, b',');
        assert_eq!(parsed.line_numbers, vec![2, 3]);
        assert_eq!(
            parsed.rows,
            vec![obs("falsk_identitet", "12"), obs("kapad_identitet", "3")]
        );
    }

    #[test]
    fn bom_and_no_bom_give_the_same_result() {
        let plain = "misuse_type;count\nx;1\n";
        let with_bom = format!("\u{feff}{plain}");
        assert_eq!(ok(plain), ok(&with_bom));
    }

    #[test]
    fn delimiter_is_the_more_frequent_one_outside_quotes_and_a_tie_is_comma() {
        // Two commas inside quotes do not count: ';' wins 2 to 0.
        assert_eq!(
            detect_delimiter(b"\"a,b,c\";count;misuse_type\n"),
            Some(b';')
        );
        assert_eq!(detect_delimiter(b"a,b;c\n"), Some(b','));
        assert_eq!(detect_delimiter(b"abc\n"), Some(b','));
        assert_eq!(detect_delimiter(b""), None);
        assert_eq!(detect_delimiter(b" ;;\n,\n"), None);
        // Leading blank / delimiter-only lines are passed over.
        assert_eq!(detect_delimiter(b"\n,\r\na;b;c,d\n"), Some(b';'));
        // Only the header row counts, not the data.
        assert_eq!(detect_delimiter(b"a;b\n1,2,3,4\n"), Some(b';'));
    }

    #[test]
    fn quoted_cells_with_delimiter_and_newlines_keep_line_numbers_right() {
        let input = "misuse_type;description;count\n\
                     a;\"rad ett\nrad två; med semikolon\nrad tre\";1\n\
                     b;\"sa \"\"hej\"\"\";2\n\
                     c;;3\n";
        let parsed = ok(input);
        assert_eq!(parsed.line_numbers, vec![2, 5, 6]);
        assert_eq!(
            parsed.rows[0].description.as_deref(),
            Some("rad ett\nrad två; med semikolon\nrad tre")
        );
        assert_eq!(parsed.rows[1].description.as_deref(), Some("sa \"hej\""));
        assert_eq!(parsed.rows[2], obs("c", "3"));
    }

    #[test]
    fn crlf_files_and_quoted_crlf_are_numbered_right() {
        // The csv crate's Position::line() says 1 for line 2 of a CRLF file; we must not.
        let input = "misuse_type;count;description\r\na;1;\"x\r\ny\"\r\nb;2;\r\n\r\nc;3;z\r\n";
        let parsed = ok(input);
        assert_eq!(parsed.line_numbers, vec![2, 4, 6]);
        assert_eq!(parsed.rows[0].description.as_deref(), Some("x\r\ny"));
        let errors = err(b"misuse_type;count\r\na;1\r\nb;2\r\nc;3;x\r\n");
        assert_eq!(codes(&errors), vec![(Some(4), "field_count")]);
    }

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        let parsed = ok("misuse_type,count\ra,1\r\rb,2\r");
        assert_eq!(parsed.line_numbers, vec![2, 4]);
    }

    #[test]
    fn unknown_column_is_named_and_accepted_names_listed() {
        let errors = err(b"misuse_type;count;antal\na;1;2\n");
        assert_eq!(codes(&errors), vec![(Some(1), "unknown_column")]);
        assert_eq!(errors[0].field, "antal");
        assert!(
            errors[0].message.text_sv().contains("”antal”"),
            "{:?}",
            errors[0].message
        );
        for column in COLUMNS {
            assert!(
                errors[0].message.text_sv().contains(column),
                "{:?}",
                errors[0].message
            );
        }
    }

    #[test]
    fn unknown_column_hints_at_the_delimiter_when_names_run_together() {
        let errors = err(b"misuse_type\tcount\na\t1\n");
        assert!(errors
            .iter()
            .any(|e| e.code == "unknown_column" && e.message.text_sv().contains("semikolon")));
    }

    #[test]
    fn missing_count_column() {
        let errors = err(b"misuse_type;description\na;x\n");
        assert_eq!(codes(&errors), vec![(Some(1), "missing_column")]);
        assert_eq!(errors[0].field, "count");
        assert!(errors[0].message.text_sv().contains("”count”"));
    }

    #[test]
    fn missing_both_required_columns_gives_two_errors() {
        let errors = err(b"description\nx\n");
        assert_eq!(
            errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
            vec!["misuse_type", "count"]
        );
    }

    #[test]
    fn duplicate_column_is_refused_once() {
        let errors = err(b"misuse_type;count;COUNT;count\na;1;2;3\n");
        assert_eq!(codes(&errors), vec![(Some(1), "duplicate_column")]);
        assert_eq!(errors[0].field, "count");
    }

    #[test]
    fn wrong_field_count_on_line_4_is_reported_as_line_4() {
        let errors = err(b"misuse_type;count\na;1\nb;2\nc;3;4\nd;5\n");
        assert_eq!(codes(&errors), vec![(Some(4), "field_count")]);
        assert_eq!(
            errors[0].message.text_sv(),
            "Rad 4 har 3 fält men rubrikraden har 2. Kontrollera avgränsare och citattecken."
        );
        assert_eq!(errors[0].field, "file");
    }

    #[test]
    fn all_errors_are_collected_in_line_order() {
        let input = b"misuse_type;count;description\n\
                      a;1\n\
                      b;2;ok\n\
                      c;\"3\"x;y\n\
                      d;4;5;6\n\
                      e;5;\"aldrig stangd\nf;6;x\n";
        let errors = err(input);
        assert_eq!(
            codes(&errors),
            vec![
                (Some(2), "field_count"),
                (Some(4), "csv_syntax"),
                (Some(5), "field_count"),
                (Some(6), "csv_syntax"),
            ]
        );
        assert!(errors[1].message.text_sv().starts_with("Rad 4:"));
        assert!(errors[3].message.text_sv().contains("stängs aldrig"));
    }

    #[test]
    fn unterminated_quote_is_reported_on_the_line_where_it_opens() {
        let errors = err(b"misuse_type;count;description\na;1;x\n\nb;2;\"oj\nc;3;x\n");
        assert_eq!(codes(&errors), vec![(Some(4), "csv_syntax")]);
    }

    #[test]
    fn broken_quoting_in_the_header_is_reported() {
        let errors = err(b"misuse_type;\"count\nx;1\n");
        assert_eq!(codes(&errors), vec![(Some(1), "csv_syntax")]);
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_is_plain_text() {
        let parsed = ok("misuse_type;count;description\na;1;3,5\" diskett\n");
        assert_eq!(parsed.rows[0].description.as_deref(), Some("3,5\" diskett"));
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let input = "\nmisuse_type;count;trend\n\na;1;ökande\n;;\n   ;  ; \n\"\";\"  \";\nb;2;\n\n";
        let parsed = ok(input);
        assert_eq!(parsed.line_numbers, vec![4, 8]);
        assert_eq!(parsed.rows[0].trend.as_deref(), Some("ökande"));
        assert_eq!(parsed.rows[1], obs("b", "2"));
    }

    #[test]
    fn header_is_case_insensitive_and_trimmed_in_any_order() {
        let parsed = ok("  Count ; MISUSE_TYPE;Age_Band  \n 7 ;  a  ;18-24\n");
        let mut expected = obs("a", "7");
        expected.age_band = Some("18-24".to_owned());
        assert_eq!(parsed.rows, vec![expected]);
    }

    #[test]
    fn cells_are_trimmed_and_empty_cells_are_none() {
        let parsed =
            ok("misuse_type;count;citizenship;description\n a ; 1 ;   ;\u{a0}text\u{a0}\n");
        let mut expected = obs("a", "1");
        expected.description = Some("text".to_owned());
        assert_eq!(parsed.rows, vec![expected]);
    }

    #[test]
    fn formula_like_cells_reach_validation_unchanged() {
        let parsed = ok("misuse_type;count;description\n@a;-3;=SUMMA(A1)\n");
        assert_eq!(parsed.rows[0].misuse_type.as_deref(), Some("@a"));
        assert_eq!(parsed.rows[0].count.as_deref(), Some("-3"));
        assert_eq!(parsed.rows[0].description.as_deref(), Some("=SUMMA(A1)"));
    }

    #[test]
    fn empty_header_columns_are_tolerated_while_empty() {
        let parsed = ok("misuse_type;count;;\na;1;;\nb;2; ;\n");
        assert_eq!(parsed.rows, vec![obs("a", "1"), obs("b", "2")]);
        let errors = err(b"misuse_type;count;;\na;1;;\nb;2;;anteckning\n");
        assert_eq!(codes(&errors), vec![(Some(3), "unnamed_column")]);
        assert!(
            errors[0].message.text_sv().contains("kolumn 4 (D)"),
            "{:?}",
            errors[0].message
        );
    }

    #[test]
    fn invalid_utf8_names_the_line_of_the_first_bad_byte() {
        // "Malmö" in Windows-1252 on line 3.
        let errors = err(b"misuse_type;count;description\na;1;ok\nb;2;Malm\xF6\nc;3;\xE5\n");
        assert_eq!(codes(&errors), vec![(Some(3), "encoding")]);
        assert_eq!(errors[0].field, "file");
        assert!(
            errors[0].message.text_sv().contains("rad 3"),
            "{:?}",
            errors[0].message
        );
        assert!(errors[0].message.text_sv().contains("UTF-8"));
        assert!(errors[0]
            .message
            .text_sv()
            .contains("Spara den som ”CSV UTF-8”"));
        // With a BOM and CRLF the line is still right.
        let errors = err(b"\xEF\xBB\xBFmisuse_type;count\r\nx;1\r\n\xC3;2\r\n");
        assert_eq!(codes(&errors), vec![(Some(3), "encoding")]);
    }

    #[test]
    fn utf16_gets_its_own_encoding_message() {
        let errors = err(b"\xFF\xFEm\0i\0");
        assert_eq!(codes(&errors), vec![(Some(1), "encoding")]);
        assert!(errors[0].message.text_sv().contains("UTF-16"));
    }

    #[test]
    fn empty_files_are_refused() {
        for input in [
            &b""[..],
            b"\xEF\xBB\xBF",
            b"\n\r\n  \n",
            b";;\n;;\n",
            b"misuse_type;count\n",
            b"misuse_type;count\r\n;\r\n\r\n",
        ] {
            let errors = err(input);
            assert_eq!(codes(&errors), vec![(None, "empty")], "{input:?}");
            assert!(errors[0]
                .message
                .text_sv()
                .starts_with("Filen innehåller inga observationer."));
        }
    }

    #[test]
    fn all_columns_map_to_their_fields() {
        let header = COLUMNS.join(";");
        let values: Vec<String> = (0..COLUMNS.len()).map(|i| format!("v{i}")).collect();
        let parsed = ok(&format!("{header}\n{}\n", values.join(";")));
        let v = |i: usize| Some(format!("v{i}"));
        assert_eq!(
            parsed.rows[0],
            ObservationInput {
                misuse_type: v(0),
                exploitation_area: v(1),
                document_type: v(2),
                chain_stage: v(3),
                age_band: v(4),
                citizenship: v(5),
                fraud_type: v(6),
                count: v(7),
                trend: v(8),
                reliability: v(9),
                validity: v(10),
                description: v(11),
            }
        );
    }

    #[test]
    fn export_reads_back() {
        let rows = vec![
            vec![
                "falsk_identitet".to_owned(),
                "12".to_owned(),
                "Göteborg; \"centrum\"\r\nrad 2".to_owned(),
            ],
            vec!["kapad".to_owned(), "3".to_owned(), String::new()],
        ];
        let out = write_sv(&["misuse_type", "count", "description"], &rows);
        let parsed = parse_csv(&out).unwrap();
        assert_eq!(parsed.delimiter, b';');
        assert_eq!(parsed.line_numbers, vec![2, 4]);
        assert_eq!(
            parsed.rows[0].description.as_deref(),
            Some("Göteborg; \"centrum\"\r\nrad 2")
        );
        assert_eq!(parsed.rows[1], obs("kapad", "3"));
    }

    #[test]
    fn spreadsheet_column_names() {
        assert_eq!(spreadsheet_column(0), "A");
        assert_eq!(spreadsheet_column(25), "Z");
        assert_eq!(spreadsheet_column(26), "AA");
        assert_eq!(spreadsheet_column(27), "AB");
        assert_eq!(spreadsheet_column(701), "ZZ");
        assert_eq!(spreadsheet_column(702), "AAA");
    }

    /// `cargo test --release -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn timing_100k_rows() {
        let mut input = String::from("\u{feff}misuse_type;exploitation_area;document_type;chain_stage;age_band;citizenship;fraud_type;count;trend;description\r\n");
        for i in 0..100_000 {
            input.push_str(&format!(
                "falsk_identitet;bank;pass;anvandning;25-34;sverige;bedrageri;{};okande;Rad {i} från Malmö\r\n",
                i % 1000 + 1
            ));
        }
        let started = std::time::Instant::now();
        let parsed = parse_csv(input.as_bytes()).unwrap();
        let elapsed = started.elapsed();
        assert_eq!(parsed.rows.len(), 100_000);
        assert_eq!(parsed.line_numbers[99_999], 100_001);
        println!(
            "parse_csv: 100 000 rows x 10 fields ({} bytes) in {:.1} ms",
            input.len(),
            elapsed.as_secs_f64() * 1000.0
        );
    }

    // -----------------------------------------------------------------------------------
    // Property tests

    fn check_invariants(result: &Result<ParsedCsv, Vec<FieldError>>) {
        match result {
            Ok(parsed) => {
                assert!(!parsed.rows.is_empty());
                assert_eq!(parsed.rows.len(), parsed.line_numbers.len());
                assert!(parsed.line_numbers.windows(2).all(|w| w[0] < w[1]));
                assert!(parsed.line_numbers[0] >= 2);
                assert!(parsed.delimiter == b';' || parsed.delimiter == b',');
            }
            Err(errors) => {
                assert!(!errors.is_empty());
                assert!(errors.windows(2).all(|w| w[0].line <= w[1].line));
                assert!(errors.iter().all(|e| !e.message.text_sv().is_empty()));
            }
        }
    }

    fn set_field(input: &mut ObservationInput, column: &str, value: Option<String>) {
        let slot = match column {
            "misuse_type" => &mut input.misuse_type,
            "exploitation_area" => &mut input.exploitation_area,
            "document_type" => &mut input.document_type,
            "chain_stage" => &mut input.chain_stage,
            "age_band" => &mut input.age_band,
            "citizenship" => &mut input.citizenship,
            "fraud_type" => &mut input.fraud_type,
            "count" => &mut input.count,
            "trend" => &mut input.trend,
            "reliability" => &mut input.reliability,
            "validity" => &mut input.validity,
            "description" => &mut input.description,
            other => panic!("no column {other}"),
        };
        *slot = value;
    }

    /// Line breaks inside a cell, counted independently of LineCounter.
    fn breaks_in(text: &str) -> u32 {
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .matches('\n')
            .count() as u32
    }

    fn cell_strategy() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "a", "Z", "x y", "å", "ä", "ö", "Å", "Ä", "Ö", "é", "1", "42", " ", " ", ";", ",",
            "\"", "\n", "\r\n", "\r", "-", "=", "+", "@", "'", "\t", "Malmö", "ID-kort",
        ];
        prop::collection::vec(prop::sample::select(PIECES), 0..6).prop_map(|p| p.concat())
    }

    #[derive(Debug, Clone)]
    struct Table {
        columns: Vec<&'static str>,
        upper: Vec<bool>,
        rows: Vec<Vec<String>>,
    }

    fn table_strategy() -> impl Strategy<Value = Table> {
        let optional: Vec<&'static str> = COLUMNS
            .iter()
            .copied()
            .filter(|c| !REQUIRED_COLUMNS.contains(c))
            .collect();
        prop::sample::subsequence(optional, 0..=10)
            .prop_flat_map(|mut columns| {
                columns.extend(REQUIRED_COLUMNS);
                Just(columns).prop_shuffle()
            })
            .prop_flat_map(|columns| {
                let n = columns.len();
                (
                    Just(columns),
                    prop::collection::vec(any::<bool>(), n),
                    prop::collection::vec(prop::collection::vec(cell_strategy(), n), 0..12),
                )
            })
            .prop_map(|(columns, upper, rows)| Table {
                columns,
                upper,
                rows,
            })
    }

    fn header_names(table: &Table) -> Vec<String> {
        table
            .columns
            .iter()
            .zip(&table.upper)
            .map(|(c, &up)| {
                if up {
                    c.to_uppercase()
                } else {
                    (*c).to_owned()
                }
            })
            .collect()
    }

    /// The rows and line numbers a reader should get back; `cell` maps a written cell to
    /// the text it was written as (the export guard may prefix it).
    fn expected(
        table: &Table,
        blank_lines_before: &[bool],
        cell: impl Fn(&str) -> String,
    ) -> (Vec<ObservationInput>, Vec<u32>) {
        let mut rows = Vec::new();
        let mut lines = Vec::new();
        let mut line = 2u32;
        for (i, row) in table.rows.iter().enumerate() {
            if blank_lines_before.get(i).copied().unwrap_or(false) {
                line += 1;
            }
            let written: Vec<String> = row.iter().map(|c| cell(c)).collect();
            let mut input = ObservationInput::default();
            let mut any = false;
            for (column, text) in table.columns.iter().zip(&written) {
                let trimmed = text.trim();
                if !trimmed.is_empty() {
                    any = true;
                    set_field(&mut input, column, Some(trimmed.to_owned()));
                }
            }
            if any {
                rows.push(input);
                lines.push(line);
            }
            line += 1 + written.iter().map(|c| breaks_in(c)).sum::<u32>();
        }
        (rows, lines)
    }

    fn assert_round_trip(
        bytes: &[u8],
        delimiter: u8,
        rows: Vec<ObservationInput>,
        lines: Vec<u32>,
    ) {
        match parse_csv(bytes) {
            Ok(parsed) => {
                assert_eq!(parsed.delimiter, delimiter);
                assert_eq!(parsed.rows, rows);
                assert_eq!(parsed.line_numbers, lines);
            }
            Err(errors) => {
                assert!(
                    rows.is_empty(),
                    "unexpected errors {errors:#?} for {:?}",
                    String::from_utf8_lossy(bytes)
                );
                assert_eq!(codes(&errors), vec![(None, "empty")]);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            check_invariants(&parse_csv(&bytes));
        }

        #[test]
        fn never_panics_on_csv_like_text(
            pieces in prop::collection::vec(prop::sample::select(&[
                "misuse_type", "count", "COUNT ", "description", "x", "ö", "1", ";", ",", "\"",
                "\"\"", "\n", "\r\n", "\r", " ", "\u{feff}", "\t", "-3", "\u{a0}", "foo",
            ][..]), 0..60),
            bom in any::<bool>(),
        ) {
            let mut bytes = if bom { UTF8_BOM.to_vec() } else { Vec::new() };
            bytes.extend(pieces.concat().into_bytes());
            check_invariants(&parse_csv(&bytes));
        }

        #[test]
        fn semicolon_export_round_trips(table in table_strategy(), bom in any::<bool>()) {
            let header = header_names(&table);
            let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut bytes = write_sv(&header_refs, &table.rows);
            if !bom {
                bytes.drain(..UTF8_BOM.len());
            }
            let (rows, lines) = expected(&table, &[], |c| cell(c).into_owned());
            assert_round_trip(&bytes, b';', rows, lines);
        }

        #[test]
        fn comma_file_round_trips(
            table in table_strategy(),
            bom in any::<bool>(),
            crlf in any::<bool>(),
            quote_all in prop::collection::vec(any::<bool>(), 12 * 12),
            blank_lines in prop::collection::vec(any::<bool>(), 12),
            pad_header in any::<bool>(),
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            let header = header_names(&table);
            let header: Vec<String> = if pad_header {
                header.iter().map(|h| format!(" {h}  ")).collect()
            } else {
                header
            };
            text.push_str(&header.join(","));
            text.push_str(end);
            for (i, row) in table.rows.iter().enumerate() {
                if blank_lines[i] {
                    text.push_str(end);
                }
                let cells: Vec<String> = row
                    .iter()
                    .enumerate()
                    .map(|(j, c)| {
                        let must = c.contains([',', '"', '\r', '\n']);
                        if must || quote_all[i * 12 + j] {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c.clone()
                        }
                    })
                    .collect();
                text.push_str(&cells.join(","));
                text.push_str(end);
            }
            let (rows, lines) = expected(&table, &blank_lines, |c| c.to_owned());
            assert_round_trip(text.as_bytes(), b',', rows, lines);
        }
    }
}
