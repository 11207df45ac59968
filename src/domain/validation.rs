//! Field-level validation errors, shared by the form, the API and the CSV import.

use serde::Serialize;

/// One refused field. `line` is the 1-based observation line (or CSV data line) when the
/// field belongs to one. `message` is Swedish plain language saying what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            line: None,
            field: field.into(),
            code,
            message: message.into(),
        }
    }

    pub fn on_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }
}
