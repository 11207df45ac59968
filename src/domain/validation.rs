//! Field-level validation errors, shared by the form, the API and the CSV import.

use super::message::Msg;

/// The longest review comment (submissions and notices alike).
pub const MAX_COMMENT_CHARS: usize = 1000;

/// Refuses a free text longer than `max` characters, saying how long it may be.
/// `label` is the catalogue key of the field's name as the subject of a sentence
/// ("Kommentaren" / "The comment"); mark it with `crate::key!`.
pub fn check_max_chars(
    field: &str,
    label: &'static str,
    value: &str,
    max: usize,
) -> Result<(), FieldError> {
    if value.chars().count() > max {
        Err(FieldError::new(
            field,
            "too_long",
            Msg::new("error-too-long")
                .arg("label", Msg::new(label))
                .arg("max", max),
        ))
    } else {
        Ok(())
    }
}

/// One refused field. `line` is the 1-based observation line (or CSV data line) when the
/// field belongs to one. `message` says in plain language what to do; it is translated
/// into the reader's language where it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub line: Option<u32>,
    pub field: String,
    pub code: &'static str,
    pub message: Msg,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: Msg) -> Self {
        Self {
            line: None,
            field: field.into(),
            code,
            message,
        }
    }

    pub fn on_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_counted_in_characters() {
        let label = crate::key!("error-field-comment");
        assert!(check_max_chars("comment", label, &"å".repeat(10), 10).is_ok());
        let e = check_max_chars("comment", label, &"å".repeat(11), 10).unwrap_err();
        assert_eq!((e.field.as_str(), e.code), ("comment", "too_long"));
        assert_eq!(
            e.message.text_sv(),
            "Kommentaren får vara högst 10 tecken. Korta texten."
        );
    }
}
