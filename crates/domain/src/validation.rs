//! Validation problems as stable snake_case keys, gathered field by field, so that every layer
//! can report them and the web layer can translate them.

use crate::problems::ProblemKey;
use serde::Serialize;
use std::collections::BTreeMap;

/// Why a value was refused: a stable key (translated by the web layer) with optional details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub key: ProblemKey,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Problem {
    pub fn new(key: ProblemKey) -> Self {
        Problem { key, detail: None }
    }

    pub fn with_detail(key: ProblemKey, detail: impl Into<String>) -> Self {
        Problem {
            key,
            detail: Some(detail.into()),
        }
    }
}

/// Problems found in a form or a record, by field name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub BTreeMap<String, Problem>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the first problem of a field (later ones for the same field are dropped).
    pub fn add(&mut self, field: &str, problem: Problem) {
        self.0.entry(field.to_owned()).or_insert(problem);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&Problem> {
        self.0.get(field)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Problem)> {
        self.0.iter()
    }

    /// Turns the gathered problems into a result: `Ok(value)` only when there were none.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }

    /// Keeps the value of a parse, or records its problem under `field`.
    pub fn take<T>(&mut self, field: &str, parsed: Result<T, Problem>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(problem) => {
                self.add(field, problem);
                None
            }
        }
    }
}

/// Trims a text; `None` when nothing is left.
pub fn non_empty(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Refuses a text longer than `max` characters.
pub fn max_chars(value: &str, max: usize) -> Result<(), Problem> {
    if value.chars().count() > max {
        Err(Problem::with_detail(ProblemKey::TooLong, max.to_string()))
    } else {
        Ok(())
    }
}

/// A whole number given as a JSON number or as text (a form's field), kept as text for its
/// parser to check; JSON `null` is empty text, as the form's empty field:
/// `#[serde(deserialize_with = "number_or_text")]`.
pub fn number_or_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Given {
        Number(i64),
        Text(String),
        Null(()),
    }
    Ok(
        match <Given as serde::Deserialize>::deserialize(deserializer)? {
            Given::Number(n) => n.to_string(),
            Given::Text(text) => text,
            Given::Null(()) => String::new(),
        },
    )
}
