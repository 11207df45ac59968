//! Screening of free-text fields for personal data.
//!
//! Lägesbild stores only anonymised trend observations about identity
//! misuse. Every free-text value must pass [`screen`] before it is stored.
//! The function is pure: it performs no I/O and never logs the text.
//!
//! Guiding rule: a false refusal is cheaper than a leak. When a value looks
//! like personal data it is refused, and the advice text of the finding's
//! [`PersonalDataKind`] tells the user how to rephrase.
//!
//! What is detected:
//! * personnummer, samordningsnummer (day + 60) and interims-/reservnummer in
//!   10- and 12-digit form, separator `-`, `+` or none, also with a masked
//!   tail (`XXXX`, `xxxx`, `****`);
//! * e-mail addresses (also `namn (at) doman.se`);
//! * Swedish phone numbers (`07x`, area codes, `+46`/`0046`);
//! * street addresses (`Storgatan 12`) and postcode + town (`123 45 Stockholm`);
//! * document numbers after pass/id-kort/körkort keywords.

use regex::Regex;
use std::sync::LazyLock;

/// What kind of personal data was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonalDataKind {
    /// Personnummer.
    PersonalIdentityNumber,
    /// Samordningsnummer (day of birth + 60).
    CoordinationNumber,
    /// Interimsnummer / reservnummer (letter in the birth-number part).
    InterimNumber,
    /// E-postadress.
    Email,
    /// Telefonnummer.
    PhoneNumber,
    /// Gatuadress.
    StreetAddress,
    /// Postnummer och ort.
    Postcode,
    /// Pass-, id-kort- eller körkortsnummer.
    DocumentNumber,
}

impl PersonalDataKind {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::PersonalIdentityNumber => "personnummer",
            Self::CoordinationNumber => "samordningsnummer",
            Self::InterimNumber => "interimsnummer",
            Self::Email => "epost",
            Self::PhoneNumber => "telefonnummer",
            Self::StreetAddress => "gatuadress",
            Self::Postcode => "postadress",
            Self::DocumentNumber => "dokumentnummer",
        }
    }

    /// The catalogue key of what was found, as it reads inside a message ("personnummer",
    /// "a personal identity number").
    pub fn key(&self) -> &'static str {
        match self {
            Self::PersonalIdentityNumber => crate::key!("screening-kind-personal-identity-number"),
            Self::CoordinationNumber => crate::key!("screening-kind-coordination-number"),
            Self::InterimNumber => crate::key!("screening-kind-interim-number"),
            Self::Email => crate::key!("screening-kind-email"),
            Self::PhoneNumber => crate::key!("screening-kind-phone-number"),
            Self::StreetAddress => crate::key!("screening-kind-street-address"),
            Self::Postcode => crate::key!("screening-kind-postcode"),
            Self::DocumentNumber => crate::key!("screening-kind-document-number"),
        }
    }

    /// The catalogue key of the advice on how to rephrase the text.
    pub fn advice_key(&self) -> &'static str {
        match self {
            Self::PersonalIdentityNumber | Self::CoordinationNumber | Self::InterimNumber => {
                crate::key!("screening-advice-id-number")
            }
            Self::Email => crate::key!("screening-advice-email"),
            Self::PhoneNumber => crate::key!("screening-advice-phone-number"),
            Self::StreetAddress => crate::key!("screening-advice-street-address"),
            Self::Postcode => crate::key!("screening-advice-postcode"),
            Self::DocumentNumber => crate::key!("screening-advice-document-number"),
        }
    }

    /// Lower value wins when two findings overlap.
    fn priority(self) -> u8 {
        match self {
            Self::PersonalIdentityNumber | Self::CoordinationNumber | Self::InterimNumber => 0,
            Self::Email => 1,
            Self::DocumentNumber => 2,
            Self::PhoneNumber => 3,
            Self::Postcode => 4,
            Self::StreetAddress => 5,
        }
    }

    /// How many leading alphanumeric characters the masked form may show (never more than 4).
    fn visible_prefix(self) -> usize {
        match self {
            Self::PersonalIdentityNumber
            | Self::CoordinationNumber
            | Self::InterimNumber
            | Self::StreetAddress => 4,
            Self::PhoneNumber => 3,
            Self::Postcode | Self::DocumentNumber => 2,
            Self::Email => 1,
        }
    }
}

/// One piece of personal data found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was found.
    pub kind: PersonalDataKind,
    /// 1-based character (not byte) position of the match start in the text.
    pub position: usize,
    /// The match with most letters/digits masked, e.g. `"8501**-****"`.
    /// Never reveals more than the first 4 characters of an identifier.
    pub masked: String,
}

/// Screens one free-text value.
///
/// Returns `Ok(())` when nothing was found, otherwise `Err` with every finding
/// in order of position.
pub fn screen(text: &str) -> Result<(), Vec<Finding>> {
    let chars: Vec<char> = text.chars().collect();
    let offsets = CharOffsets::new(text);
    let mut hits = Vec::new();
    scan_identity_numbers(&chars, &mut hits);
    scan_phone_numbers(&chars, &mut hits);
    scan_emails(text, &offsets, &mut hits);
    scan_street_addresses(text, &chars, &offsets, &mut hits);
    scan_postcodes(text, &chars, &offsets, &mut hits);
    scan_document_numbers(text, &chars, &offsets, &mut hits);
    let findings = resolve(&chars, hits);
    if findings.is_empty() {
        Ok(())
    } else {
        Err(findings)
    }
}

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/// A match in character indices, `end` exclusive.
#[derive(Debug, Clone, Copy)]
struct Hit {
    kind: PersonalDataKind,
    start: usize,
    end: usize,
}

/// Maps regex byte offsets to character indices.
struct CharOffsets {
    byte_starts: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str) -> Self {
        Self {
            byte_starts: text.char_indices().map(|(b, _)| b).collect(),
        }
    }

    fn char_index(&self, byte: usize) -> usize {
        self.byte_starts.partition_point(|&b| b < byte)
    }
}

/// Keeps the highest-priority non-overlapping hits and orders them by position.
fn resolve(chars: &[char], mut hits: Vec<Hit>) -> Vec<Finding> {
    hits.sort_by_key(|h| (h.kind.priority(), h.start));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for hit in hits {
        if !kept.iter().any(|k| hit.start < k.end && k.start < hit.end) {
            kept.push(hit);
        }
    }
    kept.sort_by_key(|h| h.start);
    kept.into_iter()
        .map(|h| Finding {
            kind: h.kind,
            position: h.start + 1,
            masked: mask(h.kind, &chars[h.start..h.end]),
        })
        .collect()
}

fn mask(kind: PersonalDataKind, matched: &[char]) -> String {
    if kind == PersonalDataKind::Email {
        let first = matched.first().copied().unwrap_or('*');
        return format!("{first}***@***");
    }
    let keep = kind.visible_prefix();
    let mut shown = 0;
    matched
        .iter()
        .map(|&ch| {
            if ch.is_alphanumeric() {
                if shown < keep {
                    shown += 1;
                    ch
                } else {
                    '*'
                }
            } else if ch.is_whitespace() {
                ' '
            } else {
                ch
            }
        })
        .collect()
}

fn is_digit_at(c: &[char], i: usize) -> bool {
    c.get(i).is_some_and(char::is_ascii_digit)
}

fn is_alnum_at(c: &[char], i: usize) -> bool {
    c.get(i).is_some_and(|ch| ch.is_alphanumeric())
}

fn starts_with_at(c: &[char], i: usize, pattern: &str) -> bool {
    pattern
        .chars()
        .enumerate()
        .all(|(k, p)| c.get(i + k) == Some(&p))
}

/// `len` ASCII digits starting at `from`, as numbers.
fn digits_at(c: &[char], from: usize, len: usize) -> Option<Vec<u32>> {
    c.get(from..from.checked_add(len)?)?
        .iter()
        .map(|ch| ch.to_digit(10))
        .collect()
}

/// Reads the alphabetic word starting at `i` (lowercased) and its end index.
fn word_at(c: &[char], i: usize) -> (String, usize) {
    let i = i.min(c.len());
    let mut end = i;
    while c.get(end).is_some_and(|ch| ch.is_alphabetic()) {
        end += 1;
    }
    (
        c[i..end].iter().flat_map(|ch| ch.to_lowercase()).collect(),
        end,
    )
}

/// True if the next word after `i` (skipping spaces) is a unit of money or a percentage.
fn followed_by_unit(c: &[char], i: usize) -> bool {
    let mut p = i;
    while c.get(p).is_some_and(|ch| *ch == ' ' || *ch == '\u{a0}') {
        p += 1;
    }
    match c.get(p) {
        Some('%' | '€' | '$') => true,
        Some(ch) if ch.is_alphabetic() => {
            let (word, _) = word_at(c, p);
            matches!(
                word.as_str(),
                "kr" | "kronor"
                    | "sek"
                    | "tkr"
                    | "mkr"
                    | "msek"
                    | "eur"
                    | "euro"
                    | "procent"
                    | "st"
                    | "stycken"
                    | "fall"
                    | "ärenden"
            )
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Personnummer, samordningsnummer, interimsnummer
// ---------------------------------------------------------------------------

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// Checks the date part. Returns `Some(is_coordination_number)` when valid.
/// Without a full year the date is accepted if it is valid in 19xx or 20xx.
fn check_date(full_year: Option<u32>, yy: u32, month: u32, day: u32) -> Option<bool> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let (day, coordination) = if day > 60 {
        (day - 60, true)
    } else {
        (day, false)
    };
    if day == 0 {
        return None;
    }
    let valid = match full_year {
        Some(year) => day <= days_in_month(year, month),
        None => day <= days_in_month(1900 + yy, month) || day <= days_in_month(2000 + yy, month),
    };
    valid.then_some(coordination)
}

/// Luhn check digit for the nine digits YYMMDDNNN.
fn luhn_check_digit(digits: &[u32]) -> u32 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            if v > 9 {
                v - 9
            } else {
                v
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// `-` and `+`, plus the dash look-alikes that word processors produce.
fn is_identity_separator(ch: char) -> bool {
    matches!(
        ch,
        '-' | '+' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
    )
}

enum Tail {
    Digits(Vec<u32>),
    Masked,
    Interim,
}

fn is_mask_char(ch: char) -> bool {
    matches!(ch, 'X' | 'x' | '*')
}

/// Classifies the birth-number part starting at `j`; returns its end and kind.
fn classify_tail(c: &[char], j: usize) -> Option<(usize, Tail)> {
    let j = j.min(c.len());
    let continues = |k: usize| {
        c.get(k)
            .is_some_and(|ch| ch.is_alphanumeric() || *ch == '*')
    };

    // Masked tail: 3-5 chars of digits/mask chars with at least one mask char
    // ("XXXX", "****", "1****", "12XX", "123*").
    let mut k = j;
    while k < c.len() && k - j < 6 && (c[k].is_ascii_digit() || is_mask_char(c[k])) {
        k += 1;
    }
    let masks = c[j..k].iter().filter(|ch| is_mask_char(**ch)).count();
    if (3..=5).contains(&(k - j)) && masks >= 1 && !continues(k) {
        return Some((k, Tail::Masked));
    }

    if let Some(digits) = digits_at(c, j, 4) {
        return (!is_digit_at(c, j + 4)).then_some((j + 4, Tail::Digits(digits)));
    }

    // Interim number: letter in one of the first two positions, at least one digit.
    let t = c.get(j..j + 4)?;
    let interim = t.iter().all(char::is_ascii_alphanumeric)
        && (t[0].is_ascii_alphabetic() || t[1].is_ascii_alphabetic())
        && t.iter().any(char::is_ascii_digit)
        && !continues(j + 4);
    interim.then_some((j + 4, Tail::Interim))
}

fn scan_identity_numbers(c: &[char], hits: &mut Vec<Hit>) {
    // Only at the start of a digit run: digits glued in front mean a longer number.
    let starts =
        (0..c.len()).filter(|&i| c[i].is_ascii_digit() && !(i > 0 && c[i - 1].is_ascii_digit()));
    hits.extend(starts.filter_map(|i| identity_number_at(c, i)));
}

fn identity_number_at(c: &[char], i: usize) -> Option<Hit> {
    for date_len in [8usize, 6] {
        let Some(d) = digits_at(c, i, date_len) else {
            continue;
        };
        let two = |k: usize| d[k] * 10 + d[k + 1];
        let (full_year, off) = if date_len == 8 {
            let century = two(0);
            if !(18..=20).contains(&century) {
                continue;
            }
            (Some(century * 100 + two(2)), 2)
        } else {
            (None, 0)
        };
        let Some(coordination) = check_date(full_year, two(off), two(off + 2), two(off + 4)) else {
            continue;
        };
        let mut j = i + date_len;
        if c.get(j).is_some_and(|ch| is_identity_separator(*ch)) {
            j += 1;
        }
        let Some((end, tail)) = classify_tail(c, j) else {
            continue;
        };
        let by_date = if coordination {
            PersonalDataKind::CoordinationNumber
        } else {
            PersonalDataKind::PersonalIdentityNumber
        };
        let kind = match tail {
            Tail::Digits(n) => {
                let mut nine: Vec<u32> = d[off..off + 6].to_vec();
                nine.extend_from_slice(&n[..3]);
                if luhn_check_digit(&nine) != n[3] {
                    continue;
                }
                by_date
            }
            Tail::Masked => by_date,
            Tail::Interim => PersonalDataKind::InterimNumber,
        };
        return Some(Hit {
            kind,
            start: i,
            end,
        });
    }
    None
}

// ---------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------

fn is_group_sep(ch: char) -> bool {
    matches!(ch, ' ' | '-' | '\u{2013}' | '\u{a0}')
}

#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
}

impl Group {
    fn len(self) -> usize {
        self.end - self.start
    }
}

/// Digit groups separated by single spaces/dashes (or " - ", or ")" after an
/// area code in parentheses).
fn read_groups(c: &[char], from: usize, parenthesised: bool) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut q = from;
    while groups.len() < 8 {
        let start = q;
        while is_digit_at(c, q) {
            q += 1;
        }
        if q == start {
            break;
        }
        groups.push(Group { start, end: q });
        let next = if parenthesised && groups.len() == 1 && c.get(q) == Some(&')') {
            if c.get(q + 1).is_some_and(|ch| is_group_sep(*ch)) {
                q + 2
            } else {
                q + 1
            }
        } else if c.get(q) == Some(&' ')
            && matches!(c.get(q + 1), Some('-' | '\u{2013}'))
            && c.get(q + 2) == Some(&' ')
        {
            q + 3
        } else if c.get(q).is_some_and(|ch| is_group_sep(*ch)) {
            q + 1
        } else {
            break;
        };
        if !is_digit_at(c, next) {
            break;
        }
        q = next;
    }
    groups
}

fn phone_structure_ok(c: &[char], groups: &[Group], international: bool) -> bool {
    if groups.len() == 1 {
        return true;
    }
    let first = groups[0];
    let first_ok = if international {
        (1..=3).contains(&first.len())
    } else {
        // A two-digit area code exists only for Stockholm (08).
        (2..=4).contains(&first.len()) && (first.len() != 2 || c.get(first.start + 1) == Some(&'8'))
    };
    first_ok && groups[1..].iter().all(|g| (2..=8).contains(&g.len()))
}

/// "08-02-2024": a day-month-year date, not a Stockholm number.
fn looks_like_dd_mm_yyyy(c: &[char], groups: &[Group]) -> bool {
    let value = |g: Group| {
        c[g.start..g.end]
            .iter()
            .filter_map(|ch| ch.to_digit(10))
            .fold(0, |a, d| a * 10 + d)
    };
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    lens == [2, 2, 4]
        && (1..=31).contains(&value(groups[0]))
        && (1..=12).contains(&value(groups[1]))
        && (1900..=2099).contains(&value(groups[2]))
}

fn scan_phone_numbers(c: &[char], hits: &mut Vec<Hit>) {
    let starts = (0..c.len()).filter(|&i| matches!(c[i], '0' | '+'));
    hits.extend(starts.filter_map(|i| phone_number_at(c, i)));
}

fn phone_number_at(c: &[char], i: usize) -> Option<Hit> {
    let prev = i.checked_sub(1).map(|p| c[p]);
    let prev_is_digit = i >= 2 && c[i - 2].is_ascii_digit();
    if prev.is_some_and(|p| p.is_alphanumeric() || p == '+') {
        return None;
    }
    // "2026-07", "2025/0123", "1 050 000": a group of a larger number, not a start.
    if prev.is_some_and(|p| matches!(p, '-' | '\u{2013}' | '/' | '.' | ':' | ',')) && prev_is_digit
    {
        return None;
    }
    let after_digit_space = prev.is_some_and(|p| p == ' ' || p == '\u{a0}') && prev_is_digit;

    let (mut p, international) = if starts_with_at(c, i, "+46") {
        (i + 3, true)
    } else if starts_with_at(c, i, "0046") {
        (i + 4, true)
    } else if c[i] == '0' && c.get(i + 1).is_some_and(|d| ('1'..='9').contains(d)) {
        (i, false)
    } else {
        return None;
    };
    if international {
        if c.get(p).is_some_and(|ch| is_group_sep(*ch)) {
            p += 1;
        }
        if starts_with_at(c, p, "(0)") {
            p += 3;
            if c.get(p).is_some_and(|ch| is_group_sep(*ch)) {
                p += 1;
            }
        } else if c.get(p) == Some(&'0') {
            p += 1; // "+46 070 ..." with the trunk zero kept
        }
        if !c.get(p).is_some_and(|d| ('1'..='9').contains(d)) {
            return None;
        }
    }
    let groups = read_groups(c, p, !international && prev == Some('('));
    let (min, max) = if international { (7, 9) } else { (8, 10) };
    let mut total = 0;
    let mut best = None;
    for (k, g) in groups.iter().enumerate() {
        total += g.len();
        if total > max {
            break;
        }
        if total >= min && phone_structure_ok(c, &groups[..=k], international) {
            best = Some(k);
        }
    }
    let k = best?;
    if after_digit_space && groups[..=k].iter().all(|g| g.len() == 3) {
        return None; // thousands grouping of an amount
    }
    if !international && looks_like_dd_mm_yyyy(c, &groups[..=k]) {
        return None;
    }
    Some(Hit {
        kind: PersonalDataKind::PhoneNumber,
        start: i,
        end: groups[k].end,
    })
}

// ---------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------

static EMAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[\p{L}\p{N}._%+\-]+(?:@|[ \t]*[\[(][ \t]*(?:at|snabel-a)[ \t]*[\])][ \t]*)[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}",
    )
    .expect("valid e-mail regex")
});

fn scan_emails(text: &str, offsets: &CharOffsets, hits: &mut Vec<Hit>) {
    for m in EMAIL_RE.find_iter(text) {
        hits.push(Hit {
            kind: PersonalDataKind::Email,
            start: offsets.char_index(m.start()),
            end: offsets.char_index(m.end()),
        });
    }
}

// ---------------------------------------------------------------------------
// Street addresses and postcodes
// ---------------------------------------------------------------------------

static STREET_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\p{L}+(?:gatan|gata|vägen|gränden|gränd|stigen|allén|allé|allee|torget|backen|platsen|kajen|leden|stråket)[ \t\u{a0}]+[0-9]{1,4}",
    )
    .expect("valid street regex")
});

static POSTCODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[1-9][0-9]{2}[ \u{a0}]?[0-9]{2}\s{1,3}\p{Lu}\p{L}+").expect("valid postcode regex")
});

fn scan_street_addresses(text: &str, c: &[char], offsets: &CharOffsets, hits: &mut Vec<Hit>) {
    for m in STREET_RE.find_iter(text) {
        let start = offsets.char_index(m.start());
        let mut end = offsets.char_index(m.end());
        if is_digit_at(c, end) {
            continue; // more than four digits: not a street number
        }
        // Optional entrance letter: "3B", "3 B".
        if c.get(end).is_some_and(char::is_ascii_alphabetic) && !is_alnum_at(c, end + 1) {
            end += 1;
        } else if c.get(end) == Some(&' ')
            && c.get(end + 1).is_some_and(|ch| ('A'..='H').contains(ch))
            && !is_alnum_at(c, end + 2)
        {
            end += 2;
        }
        // Optional apartment number: "lgh 1102", ", lgh. 1102".
        let mut p = end;
        if c.get(p) == Some(&',') {
            p += 1;
        }
        while c.get(p) == Some(&' ') {
            p += 1;
        }
        let (word, mut q) = word_at(c, p);
        if word == "lgh" {
            if c.get(q) == Some(&'.') {
                q += 1;
            }
            while c.get(q) == Some(&' ') {
                q += 1;
            }
            let digits_start = q;
            while is_digit_at(c, q) {
                q += 1;
            }
            if q > digits_start {
                end = q;
            }
        }
        hits.push(Hit {
            kind: PersonalDataKind::StreetAddress,
            start,
            end,
        });
    }
}

fn scan_postcodes(text: &str, c: &[char], offsets: &CharOffsets, hits: &mut Vec<Hit>) {
    for m in POSTCODE_RE.find_iter(text) {
        let start = offsets.char_index(m.start());
        if start > 0 && c[start - 1].is_alphanumeric() {
            continue;
        }
        hits.push(Hit {
            kind: PersonalDataKind::Postcode,
            start,
            end: offsets.char_index(m.end()),
        });
    }
}

// ---------------------------------------------------------------------------
// Document numbers
// ---------------------------------------------------------------------------

static DOCUMENT_KEYWORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)passport|pass(?:nummer|numret|nr|-nr|et|en)?|identitetskort(?:et|snummer)?|id-?kort(?:et|en|snummer|snumret|snr|s-nr)?|id kort(?:et)?|körkort(?:et|en|snummer|snumret|snr|s-nr)?|legitimation(?:en|snummer)?|uppehållstillståndskort(?:et)?|ut-kort(?:et)?",
    )
    .expect("valid document keyword regex")
});

/// Date-like, period-like or amount-like tokens that are not document numbers
/// when they follow a plain keyword ("pass 2024-2025", "pass 120 000").
static NOT_A_DOCUMENT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:19|20)[0-9]{2}(?:-[0-9]{2}){1,2}|(?:19|20)[0-9]{2}-[QqHh][1-4]|(?:19|20)[0-9]{2}-(?:19|20)[0-9]{2}|[0-9]{6}-[0-9]{6}|[0-9]{8}-[0-9]{8}|[0-9]{1,3}(?: [0-9]{3})+)$")
        .expect("valid guard regex")
});

fn scan_document_numbers(text: &str, c: &[char], offsets: &CharOffsets, hits: &mut Vec<Hit>) {
    for m in DOCUMENT_KEYWORD_RE.find_iter(text) {
        let start = offsets.char_index(m.start());
        let end = offsets.char_index(m.end());
        if start > 0 && c[start - 1].is_alphabetic() {
            continue; // "kompass"
        }
        if c.get(end).is_some_and(|ch| ch.is_alphabetic()) {
            continue; // "passage"
        }
        let keyword = m.as_str().to_lowercase();
        let strong = ["nummer", "numret", "nr"]
            .iter()
            .any(|s| keyword.ends_with(s));
        if let Some(hit) = document_number_after(c, end, strong) {
            hits.push(hit);
        }
    }
}

/// Looks for a document number right after a keyword, allowing a few filler
/// words ("nr", "nummer", "med", ...) in between.
fn document_number_after(c: &[char], from: usize, mut strong: bool) -> Option<Hit> {
    let mut p = from;
    let mut fillers = 0;
    loop {
        while c
            .get(p)
            .is_some_and(|ch| matches!(ch, ' ' | '\t' | '\u{a0}' | ':' | '#' | '=' | '('))
        {
            p += 1;
        }
        if !c.get(p).is_some_and(|ch| ch.is_alphanumeric()) {
            return None;
        }
        let mut token_end = p;
        while c.get(token_end).is_some_and(|ch| ch.is_alphanumeric()) {
            token_end += 1;
        }
        if c[p..token_end].iter().any(char::is_ascii_digit) {
            if !c[p].is_ascii_alphanumeric() {
                return None;
            }
            break;
        }
        let word: String = c[p..token_end]
            .iter()
            .flat_map(|ch| ch.to_lowercase())
            .collect();
        let short_series = token_end - p <= 3
            && c[p..token_end].iter().all(char::is_ascii_uppercase)
            && c.get(token_end) == Some(&' ')
            && is_digit_at(c, token_end + 1);
        if strong && short_series && !matches!(word.as_str(), "nr" | "no") {
            break; // "AB 123456": letter series before the digits
        }
        match word.as_str() {
            "nr" | "no" | "nummer" | "numret" | "number" => strong = true,
            "med" | "är" | "var" => {}
            _ => return None,
        }
        fillers += 1;
        if fillers > 3 {
            return None;
        }
        p = token_end;
        if c.get(p) == Some(&'.') {
            p += 1;
        }
    }

    // Candidate: ASCII alphanumeric groups, joined across single spaces/dashes
    // while both sides contain digits ("1234 5678").
    let start = p;
    let mut end = p;
    let mut alnum = 0;
    let mut digits = 0;
    loop {
        let group_start = end;
        while c.get(end).is_some_and(char::is_ascii_alphanumeric) {
            end += 1;
        }
        alnum += end - group_start;
        digits += c[group_start..end]
            .iter()
            .filter(|ch| ch.is_ascii_digit())
            .count();
        let group = &c[group_start..end];
        let joinable = group.iter().any(char::is_ascii_digit)
            || (strong && group_start == start && group.len() <= 3);
        if !(joinable && matches!(c.get(end), Some(' ' | '-'))) {
            break;
        }
        let mut next_end = end + 1;
        while c.get(next_end).is_some_and(char::is_ascii_alphanumeric) {
            next_end += 1;
        }
        if next_end == end + 1 || !c[end + 1..next_end].iter().any(char::is_ascii_digit) {
            break;
        }
        end += 1;
    }
    if alnum < 6 || digits < 4 {
        return None;
    }
    if !strong {
        let raw: String = c[start..end].iter().collect();
        if NOT_A_DOCUMENT_RE.is_match(&raw) || followed_by_unit(c, end) {
            return None;
        }
    }
    Some(Hit {
        kind: PersonalDataKind::DocumentNumber,
        start,
        end,
    })
}

#[cfg(test)]
#[path = "screening_tests.rs"]
mod tests;
