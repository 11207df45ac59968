//! Message catalogues in Swedish and English (Project Fluent files under `src/i18n/sv/`
//! and `src/i18n/en/`, one file per area, compiled into the binary) and `Tr`, a
//! translator for one language that pages, API answers, e-mails and the PDF use.
//!
//! Numbers passed as arguments are written the language's way (`1 234,5` / `1,234.5`)
//! and choose plural forms (`{ $count -> [one] … *[other] … }`).

use std::collections::BTreeSet;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use crate::domain::lang::Lang;
pub use crate::domain::message::{Arg, Msg};

/// The catalogue files, by area. A new area adds its name here and a file in both
/// language folders.
macro_rules! catalogue_files {
    ($($area:literal),* $(,)?) => {
        &[$(($area, include_str!(concat!("sv/", $area, ".ftl")), include_str!(concat!("en/", $area, ".ftl")))),*]
    };
}

/// (area, Swedish source, English source).
pub const FILES: &[(&str, &str, &str)] = catalogue_files![
    "common",
    "errors",
    "forum",
    "measures",
    "notices",
    "references",
    "session",
    "accessibility",
    "admin",
    "submissions",
    "review",
    "csv",
    "api",
    "screening",
    "dashboard",
    "charts",
    "analysis",
    "notifications",
    "reports",
    "report-content",
    "accounts",
];

/// Both languages' messages, built once at start and shared by every request.
pub struct Catalogue {
    sv: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Catalogue")
    }
}

impl Catalogue {
    /// Parses every file; a syntax error or a key defined twice is an error naming the
    /// file (caught by a unit test long before a release).
    pub fn load() -> Result<Self, String> {
        Ok(Self {
            sv: bundle(Lang::Sv)?,
            en: bundle(Lang::En)?,
        })
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).has_message(key)
    }

    /// A translator for one language.
    pub fn tr(self: &Arc<Self>, lang: Lang) -> Tr {
        Tr {
            catalogue: Arc::clone(self),
            lang,
        }
    }
}

fn bundle(lang: Lang) -> Result<FluentBundle<FluentResource>, String> {
    let id = lang
        .tag()
        .parse()
        .map_err(|e| format!("språkkod {}: {e:?}", lang.tag()))?;
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) around arguments are for right-to-left scripts;
    // in Swedish and English they only get in the way of copying and searching text.
    b.set_use_isolating(false);
    b.set_formatter(Some(match lang {
        Lang::Sv => format_number_sv,
        Lang::En => format_number_en,
    }));
    for (area, sv, en) in FILES {
        let src = match lang {
            Lang::Sv => sv,
            Lang::En => en,
        };
        let res = FluentResource::try_new(src.to_string())
            .map_err(|(_, errs)| format!("{}/{area}.ftl: {errs:?}", lang.code()))?;
        b.add_resource(res)
            .map_err(|errs| format!("{}/{area}.ftl: {errs:?}", lang.code()))?;
    }
    Ok(b)
}

fn format_number(
    lang: Lang,
    v: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match v {
        FluentValue::Number(n) => {
            let decimals = n.options.minimum_fraction_digits.unwrap_or(0);
            Some(if decimals == 0 && n.value.fract() == 0.0 {
                lang.int(n.value as i64)
            } else {
                lang.decimal(n.value, decimals)
            })
        }
        _ => None,
    }
}

fn format_number_sv(
    v: &FluentValue,
    m: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    format_number(Lang::Sv, v, m)
}

fn format_number_en(
    v: &FluentValue,
    m: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    format_number(Lang::En, v, m)
}

/// The keys one language's files define, for the completeness test.
pub fn keys(lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, sv, en) in FILES {
        let src = match lang {
            Lang::Sv => sv,
            Lang::En => en,
        };
        for line in src.lines() {
            // A message starts a line with its identifier followed by `=`.
            if let Some((id, _)) = line.split_once('=') {
                let id = id.trim_end();
                if !id.is_empty()
                    && !line.starts_with([' ', '\t', '#', '-', '.', '*', '[', '}'])
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    out.insert(id.to_string());
                }
            }
        }
    }
    out
}

/// Translates into one language. Cheap to clone; every page's chrome holds one.
#[derive(Clone)]
pub struct Tr {
    catalogue: Arc<Catalogue>,
    pub lang: Lang,
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tr({})", self.lang.code())
    }
}

impl Tr {
    /// The message for `key` without arguments.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message for `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), self.value(value.into()));
        self.format(key, Some(&args))
    }

    /// The message for `key` with two arguments.
    pub fn t2(
        &self,
        key: &str,
        n1: &str,
        v1: impl Into<Arg>,
        n2: &str,
        v2: impl Into<Arg>,
    ) -> String {
        let mut args = FluentArgs::new();
        args.set(n1.to_string(), self.value(v1.into()));
        args.set(n2.to_string(), self.value(v2.into()));
        self.format(key, Some(&args))
    }

    /// A message from the domain or the services.
    pub fn msg(&self, m: &Msg) -> String {
        if m.is_verbatim() {
            return match m.args.first() {
                Some((_, Arg::Text(t))) => t.clone(),
                _ => String::new(),
            };
        }
        if m.args.is_empty() {
            return self.format(&m.key, None);
        }
        let mut args = FluentArgs::new();
        for (name, a) in &m.args {
            args.set(*name, self.value(a.clone()));
        }
        self.format(&m.key, Some(&args))
    }

    pub fn int(&self, n: impl Into<i64>) -> String {
        self.lang.int(n.into())
    }

    pub fn decimal(&self, x: f64, decimals: usize) -> String {
        self.lang.decimal(x, decimals)
    }

    pub fn date(&self, d: chrono::NaiveDate) -> String {
        self.lang.date(d)
    }

    pub fn datetime(&self, t: chrono::NaiveDateTime) -> String {
        self.lang.datetime(t)
    }

    /// Whether the catalogue has `key` in this language.
    pub fn has(&self, key: &str) -> bool {
        self.catalogue.has(self.lang, key)
    }

    fn value(&self, a: Arg) -> FluentValue<'static> {
        match a {
            Arg::Text(s) => FluentValue::from(s),
            Arg::Int(n) => FluentValue::from(n),
            Arg::Decimal(x, d) => {
                let mut n = FluentNumber::from(x);
                n.options.minimum_fraction_digits = Some(d);
                n.options.maximum_fraction_digits = Some(d);
                FluentValue::Number(n)
            }
            Arg::Date(d) => FluentValue::from(self.lang.date(d)),
            Arg::Msg(m) => FluentValue::from(self.msg(&m)),
        }
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.catalogue.bundle(self.lang);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            // The catalogue test keeps this from happening; if it does, show the key
            // rather than nothing, and say so in the log.
            tracing::warn!(key, lang = self.lang.code(), "missing message");
            return key.to_string();
        };
        let mut errors = Vec::new();
        let s = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, lang = self.lang.code(), ?errors, "message arguments");
        }
        s.into_owned()
    }
}

#[cfg(test)]
mod tests;
