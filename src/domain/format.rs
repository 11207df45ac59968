//! Number formats: Swedish `1 234,5` (narrow no-break space, decimal comma) and English
//! `1,234.5`. `Lang` picks between them.

/// The thousands separator in Swedish: a narrow no-break space (U+202F).
pub const THIN_SPACE: char = '\u{202f}';

/// `1234567` → `1 234 567`.
pub fn int_sv(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('−');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(THIN_SPACE);
        }
        out.push(c);
    }
    out
}

/// `1234567` → `1,234,567` (English grouping).
pub fn int_en(n: i64) -> String {
    int_sv(n).replace(THIN_SPACE, ",")
}

/// `1234.5` with one decimal → `1,234.5` (English).
pub fn decimal_en(x: f64, decimals: usize) -> String {
    decimal_sv(x, decimals)
        .replace(',', ".")
        .replace(THIN_SPACE, ",")
}

/// `12.345` with one decimal → `12,3`.
pub fn decimal_sv(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int_part, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let int_val: i64 = int_part.parse().unwrap_or(0);
    let mut out = int_sv(int_val);
    if x < 0.0 && s.chars().any(|c| c != '0' && c != '.') {
        out.insert(0, '−');
    }
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out
}

/// A change in percent with sign, e.g. `+12,5 %`.
pub fn percent_change_sv(x: f64) -> String {
    let sign = if x > 0.0 { "+" } else { "" };
    format!("{sign}{}\u{a0}%", decimal_sv(x, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers() {
        assert_eq!(int_sv(0), "0");
        assert_eq!(int_sv(999), "999");
        assert_eq!(int_sv(1234), "1\u{202f}234");
        assert_eq!(int_sv(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(decimal_sv(12.345, 1), "12,3");
        assert_eq!(decimal_sv(1234.5, 1), "1\u{202f}234,5");
        assert_eq!(percent_change_sv(12.5), "+12,5\u{a0}%");
        assert_eq!(percent_change_sv(-3.0), "−3,0\u{a0}%");
    }
}
