//! A message to a person as a catalogue key with arguments. The domain and the services
//! say *what* to tell (a key such as `count-required`); `crate::i18n` says it in the
//! reader's language at the edge — the page, the API answer, the e-mail, the PDF.

use std::borrow::Cow;

use chrono::NaiveDate;

/// Marks a string literal as a message-catalogue key, so the catalogue test finds every
/// key the code uses (`key!` of a literal is just the literal).
#[macro_export]
macro_rules! key {
    ($k:literal) => {
        $k
    };
}

/// A message: a catalogue key and its named arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub key: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message, formatted in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Printed as given (a name, a code, the user's own text).
    Text(String),
    /// A count: digit grouping of the language, and the plural form is chosen by it.
    Int(i64),
    /// A decimal number with this many decimals.
    Decimal(f64, usize),
    Date(NaiveDate),
    /// Another message, translated first (a field's name inside an error, say).
    Msg(Box<Msg>),
}

impl Msg {
    pub fn new(key: &'static str) -> Self {
        Self {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    /// A key chosen at run time (an enumeration's `key()`); the catalogue test checks the
    /// enumerations' keys through `key!`.
    pub fn dynamic(key: impl Into<Cow<'static, str>>) -> Self {
        Self {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// A text that is not from the catalogue and is shown as it is in every language
    /// (an error text from a library, a user's own words). Key `""` marks it.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Self::new("").arg("text", Arg::Text(text.into()))
    }

    pub fn is_verbatim(&self) -> bool {
        self.key.is_empty()
    }

    /// The message in Swedish, for tests that read what a user would read.
    #[cfg(test)]
    pub fn text_sv(&self) -> String {
        std::sync::Arc::new(crate::i18n::Catalogue::load().expect("catalogues"))
            .tr(super::lang::Lang::Sv)
            .msg(self)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}
impl From<NaiveDate> for Arg {
    fn from(d: NaiveDate) -> Self {
        Arg::Date(d)
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(n as i64)
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::Int(*n as i64)
            }
        }
    )*};
}
int_arg!(i64, i32, u32, u64, usize, u16, u8);
