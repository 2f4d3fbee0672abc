//! What a package holds of a policy-design workshop (held around an action plan): the plan's
//! title, the fields the room works on, the participants' links (by hash), the ideas with the
//! clusters facilitators grouped them into, and the key ideas. Each idea is known by a
//! reference that says where it was made (as a Seven Keys challenge is), so that results merge
//! back once; what a package brings is checked with the rules of the workshop's own forms.

use super::Person;
use super::seven_keys::Reference;
use crate::cities::CityDraft;
use crate::policy_design::{IdeaDraft, IdeaInput, cluster, key_ideas};
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A policy-design workshop as a laptop needs it to run the room on its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyDesignWorkshop {
    /// The key the laptop signs the results with.
    pub key: String,
    pub city_slug: String,
    pub city: CityDraft,
    pub programme_starts_on: NaiveDate,
    pub programme_ends_on: NaiveDate,
    /// The action plan's title.
    pub plan: String,
    /// `framework:field` of each field the room works on.
    pub fields: Vec<String>,
    pub facilitator: Person,
    pub state: PolicyDesignState,
}

/// The part of a policy-design workshop the room changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyDesignState {
    pub links: Vec<String>,
    pub ideas: Vec<PackedIdea>,
    pub key_ideas: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackedIdea {
    pub reference: String,
    /// The hash of the link that proposed it.
    pub link: Option<String>,
    pub field: String,
    pub text: String,
    pub cluster: Option<String>,
}

/// What a package brings of a policy-design workshop, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPolicyDesign {
    pub links: Vec<String>,
    /// Each idea with its reference, link and cluster.
    pub ideas: Vec<(Reference, Option<String>, IdeaDraft, Option<String>)>,
    pub key_ideas: String,
}

/// Checks what a package brings: links' hashes, each idea as the participant's form checks it
/// (for one of `fields`), each cluster, the key ideas. Refused whole, each problem named by its
/// item.
pub fn check(
    state: &PolicyDesignState,
    fields: &[String],
) -> Result<CheckedPolicyDesign, FieldErrors> {
    let mut errors = FieldErrors::new();
    let unreadable = |detail: &str| Problem::with_detail(ProblemKey::PackageUnreadable, detail);
    let mut links = BTreeSet::new();
    for (i, hash) in state.links.iter().enumerate() {
        let well_formed = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        if !well_formed || !links.insert(hash.as_str()) {
            errors.add(&format!("links[{i}]"), unreadable(hash));
        }
    }
    let mut references = BTreeSet::new();
    let mut ideas = Vec::new();
    for (i, idea) in state.ideas.iter().enumerate() {
        let at = |field: &str| format!("ideas[{i}].{field}");
        let reference = Reference::parse(&idea.reference).filter(|r| references.insert(*r));
        if reference.is_none() {
            errors.add(&at("reference"), unreadable(&idea.reference));
        }
        if idea.link.as_deref().is_some_and(|l| !links.contains(l)) {
            errors.add(
                &at("link"),
                unreadable(idea.link.as_deref().unwrap_or_default()),
            );
        }
        let input = IdeaInput {
            field: idea.field.clone(),
            text: idea.text.clone(),
        };
        let draft = match input.parse(fields) {
            Ok(draft) => Some(draft),
            Err(problems) => {
                for (field, problem) in problems.iter() {
                    errors.add(&at(field), problem.clone());
                }
                None
            }
        };
        let grouped = errors.take(
            &at("cluster"),
            cluster(idea.cluster.as_deref().unwrap_or_default()),
        );
        if let (Some(reference), Some(draft), Some(grouped)) = (reference, draft, grouped) {
            ideas.push((reference, idea.link.clone(), draft, grouped));
        }
    }
    let key_ideas = errors.take("key_ideas", key_ideas(&state.key_ideas));
    match key_ideas {
        Some(key_ideas) if errors.is_empty() => Ok(CheckedPolicyDesign {
            links: state.links.clone(),
            ideas,
            key_ideas,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idea(reference: &str, field: &str) -> PackedIdea {
        PackedIdea {
            reference: reference.to_owned(),
            link: None,
            field: field.to_owned(),
            text: "Bibliotecas abiertas".to_owned(),
            cluster: Some("Acceso".to_owned()),
        }
    }

    #[test]
    fn ideas_are_checked_against_the_workshop_s_fields_and_their_references() {
        let fields = vec!["culture21-actions:cultural-rights".to_owned()];
        let state = PolicyDesignState {
            links: Vec::new(),
            ideas: vec![
                idea("p1", "culture21-actions:cultural-rights"),
                idea("l2", "culture21-actions:cultural-rights"),
            ],
            key_ideas: "Acceso".to_owned(),
        };
        let checked = check(&state, &fields).expect("valid");
        assert_eq!(checked.ideas.len(), 2);
        assert_eq!(checked.ideas[1].0, Reference::Laptop(2));
        let mut other = state.clone();
        other.ideas.push(idea("l3", "culture21-actions:governance"));
        let errors = check(&other, &fields).expect_err("a field the room does not work on");
        assert!(errors.get("ideas[2].field").is_some(), "{errors:?}");
        let mut twice = state.clone();
        twice
            .ideas
            .push(idea("p1", "culture21-actions:cultural-rights"));
        assert!(check(&twice, &fields).is_err());
    }
}
