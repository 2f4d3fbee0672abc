//! What a package holds of a Seven Keys workshop: the workshop, the city's cultural assets, the
//! participants' links (by hash), the challenges with their themes, and the keys. Each challenge
//! and key is known by a reference that says where it was made (`p12`: on the platform, its id
//! there; `l34`: on the laptop, its id there), so that results merge back once. What a package
//! brings is checked with the rules of the workshop's own forms.

use super::Person;
use crate::cities::CityDraft;
use crate::seven_keys::{AssetDraft, ChallengeDraft, ChallengeInput, KeyDraft, KeyInput, theme};
use crate::{FieldErrors, Lang, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A Seven Keys workshop as a laptop needs it to run the day on its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SevenKeysWorkshop {
    /// The key the laptop signs the results with.
    pub key: String,
    pub city_slug: String,
    pub city: CityDraft,
    /// The programme's period.
    pub programme_starts_on: NaiveDate,
    pub programme_ends_on: NaiveDate,
    pub title: String,
    pub held_on: NaiveDate,
    pub lang: Lang,
    pub facilitator: Person,
    /// The city's cultural assets, by their id on the platform.
    pub assets: Vec<PackedAsset>,
    pub state: SevenKeysState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackedAsset {
    pub id: i64,
    pub asset: AssetDraft,
}

/// The part of a Seven Keys workshop the room changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SevenKeysState {
    /// The participants' links' hashes.
    pub links: Vec<String>,
    pub challenges: Vec<PackedChallenge>,
    pub keys: Vec<PackedKey>,
}

/// A challenge; its assets by their id on the platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackedChallenge {
    pub reference: String,
    /// The hash of the link that named it (none for one facilitators recorded).
    pub link: Option<String>,
    pub text: String,
    pub sdgs: BTreeSet<u8>,
    pub assets: BTreeSet<i64>,
    pub theme: Option<String>,
}

/// A key; the challenges it answers by their references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackedKey {
    pub reference: String,
    pub title: String,
    pub commitment: String,
    pub actors: String,
    pub sdgs: BTreeSet<u8>,
    pub challenges: Vec<String>,
}

/// Where a challenge or key was made, and its id there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reference {
    Platform(i64),
    Laptop(i64),
}

impl Reference {
    pub fn parse(text: &str) -> Option<Reference> {
        let (place, id) = text.split_at_checked(1)?;
        let id: i64 = id.parse().ok().filter(|id| *id > 0)?;
        match place {
            "p" => Some(Reference::Platform(id)),
            "l" => Some(Reference::Laptop(id)),
            _ => None,
        }
    }

    pub fn text(self) -> String {
        match self {
            Reference::Platform(id) => format!("p{id}"),
            Reference::Laptop(id) => format!("l{id}"),
        }
    }
}

/// What a package brings of a Seven Keys workshop, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSevenKeys {
    pub links: Vec<String>,
    /// Each challenge with its reference, link and theme.
    pub challenges: Vec<(Reference, Option<String>, ChallengeDraft, Option<String>)>,
    /// Each key with its reference and the references of the challenges it answers.
    pub keys: Vec<(Reference, KeyDraft, Vec<Reference>)>,
}

fn list<T: ToString>(values: impl IntoIterator<Item = T>) -> String {
    values
        .into_iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Checks what a package brings: links' hashes, each challenge as the participant's form
/// checks it (its assets among `assets`), each theme, each key as the facilitators' form checks
/// it (its challenges among those brought). Refused whole, each problem named by its item.
pub fn check(state: &SevenKeysState, assets: &[i64]) -> Result<CheckedSevenKeys, FieldErrors> {
    let mut errors = FieldErrors::new();
    let unreadable = |detail: &str| Problem::with_detail(ProblemKey::PackageUnreadable, detail);
    let mut links = BTreeSet::new();
    for (i, hash) in state.links.iter().enumerate() {
        let well_formed = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        if !well_formed || !links.insert(hash.as_str()) {
            errors.add(&format!("links[{i}]"), unreadable(hash));
        }
    }
    let mut references: BTreeMap<Reference, i64> = BTreeMap::new();
    let mut challenges = Vec::new();
    for (i, c) in state.challenges.iter().enumerate() {
        let at = |field: &str| format!("challenges[{i}].{field}");
        let position = i64::try_from(i).unwrap_or(i64::MAX);
        match Reference::parse(&c.reference) {
            Some(r) if references.insert(r, position).is_none() => {}
            _ => errors.add(&at("reference"), unreadable(&c.reference)),
        }
        if c.link.as_deref().is_some_and(|l| !links.contains(l)) {
            errors.add(
                &at("link"),
                unreadable(c.link.as_deref().unwrap_or_default()),
            );
        }
        let input = ChallengeInput {
            text: c.text.clone(),
            sdgs: list(&c.sdgs),
            assets: list(&c.assets),
        };
        let draft = match input.parse(assets) {
            Ok(draft) => Some(draft),
            Err(problems) => {
                for (field, problem) in problems.iter() {
                    errors.add(&at(field), problem.clone());
                }
                None
            }
        };
        let theme = errors.take(&at("theme"), theme(c.theme.as_deref().unwrap_or_default()));
        if let (Some(r), Some(draft), Some(theme)) = (Reference::parse(&c.reference), draft, theme)
        {
            challenges.push((r, c.link.clone(), draft, theme));
        }
    }
    let positions: Vec<i64> = references.values().copied().collect();
    let mut keys = Vec::new();
    let mut key_references = BTreeSet::new();
    for (i, k) in state.keys.iter().enumerate() {
        let at = |field: &str| format!("keys[{i}].{field}");
        let reference = Reference::parse(&k.reference).filter(|r| key_references.insert(*r));
        if reference.is_none() {
            errors.add(&at("reference"), unreadable(&k.reference));
        }
        let answered: Vec<Option<Reference>> = k
            .challenges
            .iter()
            .map(|text| Reference::parse(text).filter(|r| references.contains_key(r)))
            .collect();
        if let Some(unknown) = k
            .challenges
            .iter()
            .zip(&answered)
            .find(|(_, r)| r.is_none())
        {
            errors.add(&at("challenges"), unreadable(unknown.0));
        }
        let input = KeyInput {
            title: k.title.clone(),
            commitment: k.commitment.clone(),
            actors: k.actors.clone(),
            sdgs: list(&k.sdgs),
            challenges: list(answered.iter().flatten().filter_map(|r| references.get(r))),
        };
        match input.parse(&positions) {
            Ok(draft) => {
                if let Some(reference) = reference {
                    let answered = answered.into_iter().flatten().collect();
                    keys.push((reference, draft, answered));
                }
            }
            Err(problems) => {
                for (field, problem) in problems.iter() {
                    errors.add(&at(field), problem.clone());
                }
            }
        }
    }
    errors.into_result(|| CheckedSevenKeys {
        links: state.links.clone(),
        challenges,
        keys,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn challenge(reference: &str, assets: &[i64]) -> PackedChallenge {
        PackedChallenge {
            reference: reference.to_owned(),
            link: None,
            text: "La plaza se vacía".to_owned(),
            sdgs: [11].into(),
            assets: assets.iter().copied().collect(),
            theme: Some("Espacio".to_owned()),
        }
    }

    fn key(challenges: &[&str]) -> PackedKey {
        PackedKey {
            reference: "l1".to_owned(),
            title: "Noches en la plaza".to_owned(),
            commitment: String::new(),
            actors: "Cultura".to_owned(),
            sdgs: BTreeSet::new(),
            challenges: challenges.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    #[test]
    fn references_say_where_an_item_was_made() {
        assert_eq!(Reference::parse("p12"), Some(Reference::Platform(12)));
        assert_eq!(Reference::parse("l3"), Some(Reference::Laptop(3)));
        for bad in ["", "p", "x1", "p0", "p-1", "l1.5", "é1"] {
            assert_eq!(Reference::parse(bad), None, "{bad}");
        }
        assert_eq!(Reference::Laptop(7).text(), "l7");
    }

    #[test]
    fn a_state_is_checked_with_the_forms_rules_and_its_references() {
        let state = SevenKeysState {
            links: Vec::new(),
            challenges: vec![challenge("p1", &[5]), challenge("l2", &[])],
            keys: vec![key(&["p1", "l2"])],
        };
        let checked = check(&state, &[5]).expect("valid");
        assert_eq!(checked.challenges.len(), 2);
        assert_eq!(
            checked.keys[0].2,
            vec![Reference::Platform(1), Reference::Laptop(2)]
        );
        let errors = check(&state, &[]).expect_err("an unknown asset");
        assert!(errors.get("challenges[0].assets").is_some(), "{errors:?}");
        let mut unknown = state.clone();
        unknown.keys = vec![key(&["p9"])];
        let errors = check(&unknown, &[5]).expect_err("a key answering nothing brought");
        assert!(errors.get("keys[0].challenges").is_some(), "{errors:?}");
        let mut twice = state.clone();
        twice.challenges.push(challenge("p1", &[]));
        let errors = check(&twice, &[5]).expect_err("a reference twice");
        assert!(
            errors.get("challenges[2].reference").is_some(),
            "{errors:?}"
        );
    }
}
