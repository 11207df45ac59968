//! The catalogues are complete: both languages define the same keys, every key the code
//! and the templates use exists, every key in the files is used, and templates hold no
//! text of their own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::*;

fn catalogue() -> Arc<Catalogue> {
    Arc::new(Catalogue::load().expect("the catalogues parse"))
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every key literal in the sources (the first string argument of `t`, `t1`, `t2`,
/// `Msg::new` and `key!`), with the file it stands in.
fn keys_used() -> BTreeMap<String, String> {
    let mut files = Vec::new();
    files_under(&root().join("src"), "rs", &mut files);
    files_under(&root().join("templates"), "html", &mut files);
    let mut used = BTreeMap::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for name in [".t", ".t1", ".t2", "Msg::new", "key!"] {
            let pat = format!("{name}(");
            let mut rest = text.as_str();
            while let Some(i) = rest.find(&pat) {
                rest = rest[i + pat.len()..].trim_start();
                // Only a literal first argument is a key.
                let Some(lit) = rest.strip_prefix('"') else {
                    continue;
                };
                if let Some(end) = lit.find('"') {
                    used.entry(lit[..end].to_string())
                        .or_insert_with(|| f.display().to_string());
                }
            }
        }
    }
    used
}

#[test]
fn the_catalogues_parse() {
    catalogue();
}

#[test]
fn both_languages_define_the_same_keys() {
    let sv = keys(Lang::Sv);
    let en = keys(Lang::En);
    let only_sv: Vec<_> = sv.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&sv).collect();
    assert!(
        only_sv.is_empty() && only_en.is_empty(),
        "missing in English: {only_sv:?}\nmissing in Swedish: {only_en:?}"
    );
    // The key scanner and Fluent agree on what a key is.
    let cat = catalogue();
    for k in &sv {
        assert!(cat.has(Lang::Sv, k) && cat.has(Lang::En, k), "{k}");
    }
}

#[test]
fn every_key_the_code_uses_exists_in_both_languages() {
    let cat = catalogue();
    let missing: Vec<_> = keys_used()
        .into_iter()
        .filter(|(k, _)| !(cat.has(Lang::Sv, k) && cat.has(Lang::En, k)))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used but not in the catalogues: {missing:#?}"
    );
}

#[test]
fn every_key_in_the_catalogues_is_used() {
    let used: BTreeSet<String> = keys_used().into_keys().collect();
    let unused: Vec<_> = keys(Lang::Sv)
        .into_iter()
        .filter(|k| !used.contains(k))
        .collect();
    assert!(
        unused.is_empty(),
        "keys no code uses (remove them, or mark a run-time key with key!): {unused:?}"
    );
}

/// Removes `open … close` spans (template tags, comments, script blocks).
fn strip(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        out.push(' ');
        match rest[i + open.len()..].find(close) {
            Some(j) => rest = &rest[i + open.len() + j + close.len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Words that are the same in both languages and may stand in a template as they are.
const LANGUAGE_NEUTRAL: &[&str] = &["Lägesbild", "CSV", "PDF", "JSON", "API", "TLP", "SHA-256"];

#[test]
fn templates_hold_no_text_of_their_own() {
    let mut files = Vec::new();
    files_under(&root().join("templates"), "html", &mut files);
    let mut found = Vec::new();
    for f in files {
        let raw = std::fs::read_to_string(&f).unwrap();
        let mut text = strip(&raw, "{#", "#}");
        text = strip(&text, "{%", "%}");
        text = strip(&text, "{{", "}}");
        text = strip(&text, "<script", "</script>");
        text = strip(&text, "<style", "</style>");
        // Attribute values people read: labels, titles, placeholders, alternative text.
        for attr in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
            let mut rest = text.as_str();
            while let Some(i) = rest.find(attr) {
                rest = &rest[i + attr.len()..];
                let end = rest.find('"').unwrap_or(rest.len());
                let v = rest[..end].trim();
                if v.chars().any(char::is_alphabetic) && !LANGUAGE_NEUTRAL.contains(&v) {
                    found.push(format!("{}: {attr}{v}\"", f.display()));
                }
            }
        }
        let text = strip(&text, "<", ">");
        for word in text.split_whitespace() {
            let word = strip(word, "&", ";");
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.chars().any(char::is_alphabetic) && !LANGUAGE_NEUTRAL.contains(&word) {
                found.push(format!("{}: {word}", f.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "text in templates belongs in the catalogues ({} words):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn numbers_in_messages_follow_the_language_and_choose_the_plural() {
    let cat = catalogue();
    let sv = cat.tr(Lang::Sv);
    let en = cat.tr(Lang::En);
    assert_eq!(sv.t1("test-count", "count", 1234), "1\u{202f}234 rader");
    assert_eq!(en.t1("test-count", "count", 1234), "1,234 lines");
    assert_eq!(en.t1("test-count", "count", 1), "1 line");
    assert_eq!(sv.t1("test-count", "count", 1), "1 rad");
    let m = Msg::new("test-count").arg("count", Arg::Decimal(1234.5, 1));
    assert_eq!(sv.msg(&m), "1\u{202f}234,5 rader");
    assert_eq!(en.msg(&m), "1,234.5 lines");
    assert_eq!(sv.msg(&Msg::verbatim("ordagrant")), "ordagrant");
    // A missing key shows itself rather than nothing.
    let missing = "no-such-key-anywhere";
    assert_eq!(sv.t(missing), missing);
}

/// Files whose Swedish string literals are not user-interface text: the screening
/// patterns (words to detect), synthetic demo and benchmark data, the operators'
/// command line, and the catalogue machinery itself. Each entry says why.
const NOT_UI: &[(&str, &str)] = &[
    ("src/i18n/", "the catalogues and their tests"),
    (
        "src/domain/screening.rs",
        "Swedish words the personal-data screening looks for",
    ),
    ("src/domain/screening_tests.rs", "screening test inputs"),
    ("src/domain/parser_fuzz.rs", "fuzz inputs"),
    ("src/services/demo.rs", "synthetic demo data in Swedish"),
    (
        "src/services/auth/common_passwords.rs",
        "passwords the policy refuses (some are Swedish words)",
    ),
    ("src/services/synthetic.rs", "synthetic benchmark data"),
    (
        "src/services/bench.rs",
        "benchmark harness output for developers",
    ),
    ("src/cli.rs", "the operators' command line speaks Swedish"),
    ("src/configuration.rs", "operators' start-up messages"),
    (
        "src/startup.rs",
        "operators' start-up messages (its request errors use the catalogue)",
    ),
    ("src/db/mod.rs", "operators' start-up messages"),
    (
        "src/services/backup.rs",
        "the backup command's messages to operators",
    ),
    (
        "src/domain/audit_chain.rs",
        "the audit verification command's report to operators",
    ),
];

/// Rust sources: no message text outside the catalogues. Flags every string literal
/// with a Swedish letter outside test modules and the files above, and every message
/// that bypasses the catalogue (`verbatim` with a literal, `FieldError::text`).
#[test]
fn sources_hold_no_user_facing_text_of_their_own() {
    let mut files = Vec::new();
    files_under(&root().join("src"), "rs", &mut files);
    let mut found = Vec::new();
    for f in files {
        let rel = f.strip_prefix(root()).unwrap().display().to_string();
        if NOT_UI.iter().any(|(p, _)| rel.starts_with(p)) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        // Unit tests quote what users read; they are checked against the catalogues.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let verbatim_literal = format!("{}(\"", "Msg::verbatim");
        let field_text = format!("{}(", "FieldError::text");
        for (n, line) in code.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("//") || t.starts_with("#[error(") || t.contains("tracing::") {
                continue;
            }
            let swedish = line
                .split('"')
                .skip(1)
                .step_by(2)
                .any(|lit| lit.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']));
            if swedish || line.contains(&verbatim_literal) || line.contains(&field_text) {
                found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "user-facing text outside the catalogues ({} lines):\n{}",
        found.len(),
        found.join("\n")
    );
}
