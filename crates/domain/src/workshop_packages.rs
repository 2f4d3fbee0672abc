//! Workshop packages: a workshop taken to a room without internet, and its results brought
//! back. The package's format, how a file is read (whole, or refused with the item and the
//! reason), the bytes its signature covers, and the rules that merge results into the
//! workshop without losing an answer, so that the same results twice change nothing.

use crate::Lang;
use crate::assessments::{
    Answer, Participation, ParticipationInput, ScoreRange, Visibility, validate_participation,
};
use crate::cities::CityDraft;
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub mod policy_design;
pub mod seven_keys;

/// What every package says it is.
pub const FORMAT: &str = "ateneu-workshop-package";
/// The version of the format this binary writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// The largest file read (a workshop of a thousand participants is far below it).
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// A package: a workshop as the platform sends it to a laptop, or its results as the laptop
/// sends them back. `signature` is the HMAC-SHA-256 of [`signed_bytes`] under the package's
/// key, which only the platform that made the package and the laptop it was opened on hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    pub format: String,
    pub format_version: u32,
    /// The package's id, made at random by the platform; the results carry it back.
    pub id: String,
    /// The platform's address, to say where the results go back to.
    pub origin: String,
    /// The workshop's id on the platform.
    pub workshop: i64,
    pub made_at: DateTime<Utc>,
    pub content: Content,
    #[serde(default)]
    pub signature: String,
}

/// What a package holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Content {
    /// A Culture 21 Lab assessment, to run on a laptop.
    AssessmentWorkshop(Box<AssessmentWorkshop>),
    /// What the room did with it, to merge back.
    AssessmentResults(AssessmentState),
    /// A Seven Keys workshop, to run on a laptop.
    SevenKeysWorkshop(Box<seven_keys::SevenKeysWorkshop>),
    /// What the room did with it, to merge back.
    SevenKeysResults(seven_keys::SevenKeysState),
    /// A policy-design workshop around an action plan, to run on a laptop.
    PolicyDesignWorkshop(Box<policy_design::PolicyDesignWorkshop>),
    /// What the room did with it, to merge back.
    PolicyDesignResults(policy_design::PolicyDesignState),
}

/// A Culture 21 Lab assessment as a laptop needs it to run the workshop on its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentWorkshop {
    /// The key the laptop signs the results with (the package is as secret as a link).
    pub key: String,
    pub city_slug: String,
    pub city: CityDraft,
    /// The framework version's file (TOML), as the platform keeps it.
    pub framework: String,
    pub module: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub languages: Vec<Lang>,
    pub visibility: Visibility,
    /// The person who took the workshop offline: the laptop's administrator and facilitator.
    pub facilitator: Person,
    pub state: AssessmentState,
}

/// The part of an assessment a room changes: who was invited, what they answered, what the
/// group agreed on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentState {
    pub invitations: Vec<PackedInvitation>,
    pub responses: Vec<PackedResponse>,
    pub consensus: Vec<PackedConsensus>,
    pub key_ideas: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub email: String,
    pub name: String,
}

/// An invitation, known by its link's hash on both sides (a link works on the laptop too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackedInvitation {
    pub hash: String,
    pub lang: Option<Lang>,
    pub email: Option<String>,
    pub revoked: bool,
}

/// A participant's response, by its invitation's hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackedResponse {
    pub invitation: String,
    pub participation: ParticipationInput,
    pub submitted: bool,
    pub updated_at: DateTime<Utc>,
}

/// A field's agreed score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackedConsensus {
    pub field: String,
    pub score: Answer,
    pub justification: String,
    pub updated_at: DateTime<Utc>,
}

/// Reads a package file whole: `package_unreadable` with where and why for anything that is
/// not a package of this format (the signature is checked by whoever holds the key).
pub fn parse(bytes: &[u8]) -> Result<Package, Problem> {
    let unreadable = |detail: String| Problem::with_detail(ProblemKey::PackageUnreadable, detail);
    if bytes.len() > MAX_BYTES {
        return Err(unreadable(format!("larger than {MAX_BYTES} bytes")));
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| unreadable(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(unreadable(format!("not an {FORMAT}")));
    }
    let version = value.get("format_version").and_then(|v| v.as_u64());
    if version != Some(u64::from(FORMAT_VERSION)) {
        return Err(unreadable(format!(
            "format version {} (this binary reads {FORMAT_VERSION})",
            version.map_or_else(|| "missing".to_owned(), |v| v.to_string())
        )));
    }
    // Read again from the text (not the value) so that an error says its line and column.
    serde_json::from_slice(bytes).map_err(|e| unreadable(e.to_string()))
}

/// The bytes the signature covers: the package without its signature, in the order of its
/// fields (a file re-indented by an editor still verifies; a changed value does not).
pub fn signed_bytes(package: &Package) -> Vec<u8> {
    let mut unsigned = package.clone();
    unsigned.signature = String::new();
    serde_json::to_vec(&unsigned).unwrap_or_default()
}

/// A stored participation as a package carries it (read again, and checked, where it lands).
pub fn packed_participation(participation: &Participation) -> ParticipationInput {
    ParticipationInput {
        sector: participation.sector.key().to_owned(),
        name: participation.name.clone(),
        name_consent: participation.name_consent,
        answers: participation.answers.clone(),
        comments: participation.comments.clone(),
    }
}

/// A response as merged: its answers, whether submitted, and when it last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub participation: Participation,
    pub submitted: bool,
    pub updated_at: DateTime<Utc>,
}

/// Merges the response a package brings into the one kept here. A submission is the
/// participant's last word and wins whole over a draft; two drafts (or two submissions, from
/// the same link used online and offline) keep every item answered on either side, the later
/// one's answer winning where both answered. Merging the same response again changes nothing.
pub fn merge_response(here: &Answered, brought: &Answered) -> Answered {
    if here.submitted != brought.submitted {
        return if here.submitted { here } else { brought }.clone();
    }
    let (older, newer) = if brought.updated_at > here.updated_at {
        (here, brought)
    } else {
        (brought, here)
    };
    Answered {
        participation: Participation {
            sector: newer.participation.sector,
            name: newer.participation.name.clone(),
            name_consent: newer.participation.name_consent,
            answers: overlay(&older.participation.answers, &newer.participation.answers),
            comments: overlay(&older.participation.comments, &newer.participation.comments),
        },
        submitted: newer.submitted,
        updated_at: newer.updated_at,
    }
}

/// `older` with `newer`'s entries over it.
fn overlay<V: Clone>(
    older: &BTreeMap<String, V>,
    newer: &BTreeMap<String, V>,
) -> BTreeMap<String, V> {
    let mut merged = older.clone();
    merged.extend(newer.iter().map(|(k, v)| (k.clone(), v.clone())));
    merged
}

/// What becomes of the key ideas when results come back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyIdeas {
    /// Not changed in the room, or already the same here.
    Unchanged,
    /// Changed in the room only: the room's text.
    Replaced(String),
    /// Changed in the room and here since the package was made: both texts, here's first.
    Appended(String),
}

/// The key ideas after results come back: `base` is what the package took to the room.
pub fn merge_key_ideas(here: &str, base: &str, brought: &str) -> KeyIdeas {
    if brought == base || brought == here || brought.trim().is_empty() {
        KeyIdeas::Unchanged
    } else if here == base || here.trim().is_empty() {
        KeyIdeas::Replaced(brought.to_owned())
    } else if here.contains(brought) {
        KeyIdeas::Unchanged
    } else {
        KeyIdeas::Appended(format!("{here}\n\n{brought}"))
    }
}

/// Whether a field's agreed score brought back replaces the one here: when it is newer and
/// says something else.
pub fn consensus_replaces(here: Option<&PackedConsensus>, brought: &PackedConsensus) -> bool {
    here.is_none_or(|kept| {
        brought.updated_at > kept.updated_at
            && (kept.score != brought.score || kept.justification != brought.justification)
    })
}

/// An assessment's state as a package brings it, checked against the framework: each response
/// with its invitation's hash, in the package's order.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedState {
    pub invitations: Vec<PackedInvitation>,
    pub responses: Vec<(String, Answered)>,
    pub consensus: Vec<PackedConsensus>,
    pub key_ideas: String,
}

/// Checks what a package brings of an assessment: links' hashes, each response against the
/// scale and the items rated (on its invitation, one each), each agreed score against the
/// fields rated, the key ideas' length. Refused whole, each problem named by its item
/// (`responses[3].answers.cultural-rights`).
pub fn check_state(
    state: &AssessmentState,
    range: &ScoreRange,
    items: &BTreeSet<String>,
    fields: &BTreeSet<String>,
) -> Result<CheckedState, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut hashes = BTreeSet::new();
    for (i, invitation) in state.invitations.iter().enumerate() {
        let well_formed =
            invitation.hash.len() == 64 && invitation.hash.bytes().all(|b| b.is_ascii_hexdigit());
        if !well_formed || !hashes.insert(invitation.hash.as_str()) {
            errors.add(
                &format!("invitations[{i}].hash"),
                Problem::new(ProblemKey::PackageUnreadable),
            );
        }
    }
    let mut answered_once = BTreeSet::new();
    let mut responses = Vec::new();
    for (i, response) in state.responses.iter().enumerate() {
        if !hashes.contains(response.invitation.as_str())
            || !answered_once.insert(response.invitation.as_str())
        {
            errors.add(
                &format!("responses[{i}].invitation"),
                Problem::with_detail(ProblemKey::PackageUnreadable, &response.invitation),
            );
        }
        match validate_participation(response.participation.clone(), range, items) {
            Ok(participation) => responses.push((
                response.invitation.clone(),
                Answered {
                    participation,
                    submitted: response.submitted,
                    updated_at: response.updated_at,
                },
            )),
            Err(problems) => {
                for (field, problem) in problems.iter() {
                    errors.add(&format!("responses[{i}].{field}"), problem.clone());
                }
            }
        }
    }
    let mut agreed = BTreeSet::new();
    for (i, consensus) in state.consensus.iter().enumerate() {
        if !fields.contains(&consensus.field) || !agreed.insert(consensus.field.as_str()) {
            errors.add(
                &format!("consensus[{i}].field"),
                Problem::with_detail(ProblemKey::UnknownItem, &consensus.field),
            );
        }
        errors.take(
            &format!("consensus[{i}].score"),
            range.check(consensus.score),
        );
    }
    errors.take(
        "key_ideas",
        crate::assessments::workshop::key_ideas(&state.key_ideas),
    );
    errors.into_result(|| CheckedState {
        invitations: state.invitations.clone(),
        responses,
        consensus: state.consensus.clone(),
        key_ideas: state.key_ideas.clone(),
    })
}

#[cfg(test)]
mod tests;
