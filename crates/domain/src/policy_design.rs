//! The rules of a policy-design workshop, held around an action plan: the fields the room works
//! on (those the plan starts from, the weakest and strongest of the city's assessment, or any
//! the facilitators name), the ideas participants propose for a field, the clusters facilitators
//! group them into, and the key ideas they record.

use crate::assessments::AssessmentStatus;
use crate::practices::parse_field_ref;
use crate::validation::max_chars;
use crate::{FieldErrors, Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};

pub const MAX_IDEA: usize = 1_000;
pub const MAX_CLUSTER: usize = 120;
pub const MAX_KEY_IDEAS: usize = 20_000;
/// The most fields one workshop works on.
pub const MAX_FIELDS: usize = 12;
/// The most ideas one workshop takes.
pub const MAX_IDEAS: u64 = 5_000;

/// The raw fields of the form that opens the workshop to participants: how many links, and the
/// fields (`framework:field`) the room works on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinksInput {
    #[serde(deserialize_with = "crate::validation::number_or_text")]
    pub count: String,
    #[serde(deserialize_with = "crate::programmes::action_plans::list_or_text")]
    pub fields: String,
}

/// The fields a workshop works on: each a known `framework:field`, at least one, at most
/// `MAX_FIELDS`, in the order given without repeats.
pub fn fields(given: &str, known: &HashSet<String>) -> Result<Vec<String>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut found: Vec<String> = Vec::new();
    for reference in given
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        match parse_field_ref(&reference.to_lowercase()) {
            Ok(field) if known.contains(&field) => {
                if !found.contains(&field) {
                    found.push(field);
                }
            }
            _ => errors.add(
                "fields",
                Problem::with_detail(ProblemKey::UnknownField, reference),
            ),
        }
    }
    if found.is_empty() && errors.is_empty() {
        errors.add("fields", Problem::new(ProblemKey::Required));
    }
    if found.len() > MAX_FIELDS {
        errors.add(
            "fields",
            Problem::with_detail(ProblemKey::TooManyItems, MAX_FIELDS.to_string()),
        );
    }
    errors.into_result(|| found)
}

/// An idea as stored: the field it is for and what it proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaDraft {
    /// `framework:field`, one of the workshop's.
    pub field: String,
    pub text: String,
}

/// The raw fields of an idea.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IdeaInput {
    pub field: String,
    pub text: String,
}

impl IdeaInput {
    /// Checks the idea against the workshop's fields.
    pub fn parse(&self, fields: &[String]) -> Result<IdeaDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let field = self.field.trim().to_lowercase();
        if !fields.contains(&field) {
            errors.add(
                "field",
                Problem::with_detail(ProblemKey::UnknownField, self.field.trim()),
            );
        }
        let text = self.text.trim();
        if text.is_empty() {
            errors.add("text", Problem::new(ProblemKey::Required));
        } else if let Err(problem) = max_chars(text, MAX_IDEA) {
            errors.add("text", problem);
        }
        errors.into_result(|| IdeaDraft {
            field,
            text: text.to_owned(),
        })
    }
}

/// Whether a workshop takes ideas: while it is open.
pub fn accepts_ideas(status: AssessmentStatus) -> Result<(), Problem> {
    match status {
        AssessmentStatus::Open => Ok(()),
        AssessmentStatus::Closed => Err(Problem::new(ProblemKey::WorkshopClosed)),
    }
}

/// A cluster's name as kept: trimmed, at most `MAX_CLUSTER` characters; empty takes the idea
/// out of its cluster.
pub fn cluster(given: &str) -> Result<Option<String>, Problem> {
    let given = given.trim();
    max_chars(given, MAX_CLUSTER)?;
    Ok((!given.is_empty()).then(|| given.to_owned()))
}

/// The key ideas as kept: trimmed, at most `MAX_KEY_IDEAS` characters.
pub fn key_ideas(text: &str) -> Result<String, Problem> {
    let text = text.trim();
    max_chars(text, MAX_KEY_IDEAS)?;
    Ok(text.to_owned())
}

/// The clusters of a field's ideas, each with its ideas' texts, largest first then by name;
/// the ideas in no cluster last, under `None`.
pub fn clustered<'a>(
    ideas: impl IntoIterator<Item = (Option<&'a str>, &'a str)>,
) -> Vec<(Option<String>, Vec<String>)> {
    let mut groups: Vec<(Option<String>, Vec<String>)> = Vec::new();
    for (cluster, text) in ideas {
        let key = cluster.map(str::to_owned);
        match groups.iter_mut().find(|(name, _)| *name == key) {
            Some((_, texts)) => texts.push(text.to_owned()),
            None => groups.push((key, vec![text.to_owned()])),
        }
    }
    groups.sort_by(|a, b| {
        a.0.is_none()
            .cmp(&b.0.is_none())
            .then_with(|| b.1.len().cmp(&a.1.len()))
            .then_with(|| a.0.cmp(&b.0))
    });
    groups
}

/// The fields that have ideas, in the workshop's order.
pub fn fields_with_ideas<'a>(fields: &'a [String], ideas: &BTreeSet<&str>) -> Vec<&'a str> {
    fields
        .iter()
        .map(String::as_str)
        .filter(|f| ideas.contains(f))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn known() -> HashSet<String> {
        ["c21:rights", "c21:heritage", "c21:education"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    }

    #[test]
    fn the_fields_are_known_ones_without_repeats() {
        assert_eq!(
            fields("c21:rights; C21:Heritage\nc21:rights", &known()),
            Ok(vec!["c21:rights".to_owned(), "c21:heritage".to_owned()])
        );
        let refused = fields("c21:nothing", &known()).expect_err("unknown");
        assert_eq!(
            refused.get("fields").map(|p| p.key),
            Some(ProblemKey::UnknownField)
        );
        assert!(fields(" ", &known()).is_err(), "at least one");
    }

    #[test]
    fn an_idea_is_for_one_of_the_workshop_s_fields() {
        let fields = vec!["c21:rights".to_owned()];
        let idea = IdeaInput {
            field: "C21:rights".into(),
            text: " Free entry on Sundays ".into(),
        }
        .parse(&fields)
        .expect("an idea");
        assert_eq!(idea.field, "c21:rights");
        assert_eq!(idea.text, "Free entry on Sundays");
        let refused = IdeaInput {
            field: "c21:heritage".into(),
            text: String::new(),
        }
        .parse(&fields)
        .expect_err("two problems");
        assert!(refused.get("field").is_some() && refused.get("text").is_some());
    }

    #[test]
    fn clusters_are_largest_first_and_the_unclustered_last() {
        let groups = clustered([
            (None, "a"),
            (Some("Access"), "b"),
            (Some("Youth"), "c"),
            (Some("Access"), "d"),
        ]);
        assert_eq!(
            groups,
            vec![
                (
                    Some("Access".to_owned()),
                    vec!["b".to_owned(), "d".to_owned()]
                ),
                (Some("Youth".to_owned()), vec!["c".to_owned()]),
                (None, vec!["a".to_owned()]),
            ]
        );
    }

    proptest! {
        #[test]
        fn no_input_panics_and_what_is_taken_is_within_bounds(field in ".{0,40}", text in ".{0,1200}", given in ".{0,200}") {
            let workshop = vec!["c21:rights".to_owned()];
            if let Ok(idea) = (IdeaInput { field, text }).parse(&workshop) {
                prop_assert!(workshop.contains(&idea.field));
                prop_assert!(!idea.text.is_empty() && idea.text.chars().count() <= MAX_IDEA);
            }
            if let Ok(found) = fields(&given, &known()) {
                prop_assert!(!found.is_empty() && found.len() <= MAX_FIELDS);
                prop_assert!(found.iter().all(|f| known().contains(f)));
            }
            let total: usize = clustered([(None, "x"), (Some(given.as_str()), "y")]).iter().map(|g| g.1.len()).sum();
            prop_assert_eq!(total, 2);
        }
    }
}
