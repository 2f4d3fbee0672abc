//! Culture 21 Lab assessments: sectors, answers, visibility and the rules of a participation.
//!
//! A participant scores items of a framework (fields or actions) on the framework's scale, may
//! answer "not applicable / don't know" when the scale allows it, may leave items unanswered
//! (partial saves are allowed) and may comment items. The group's agreed score per field (the
//! consensus) is validated with the same rules. Every problem is reported field by field:
//! `sector`, `name`, `answers.<item>`, `comments.<item>` and `consensus.<field>`.

use crate::ProblemKey;
mod schedule;
pub mod series;
pub mod workshop;

pub use schedule::{
    KeyIdeasPart, Schedule, ScheduleInput, TITLE_MAX_CHARS, invitation_language, key_ideas_parts,
    parse_schedule,
};

use crate::validation::{FieldErrors, Problem, max_chars, non_empty};
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The longest participant name kept, in characters.
pub const NAME_MAX_CHARS: usize = 120;
/// The longest comment on an item, in characters.
pub const COMMENT_MAX_CHARS: usize = 2000;
/// The longest justification of a consensus score, in characters.
pub const JUSTIFICATION_MAX_CHARS: usize = 1000;

/// A rating scale: the scores from `min` to `max` (inclusive) and whether "not applicable /
/// don't know" may be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRange {
    pub min: u8,
    pub max: u8,
    pub not_applicable: bool,
}

impl ScoreRange {
    /// Whether `score` lies on the scale (never when `min > max`).
    pub fn contains(&self, score: u8) -> bool {
        self.min <= score && score <= self.max
    }

    /// The scale as shown in problem details, e.g. "1–9".
    pub fn label(&self) -> String {
        format!("{}–{}", self.min, self.max)
    }

    /// How many scores the scale has (0 when `min > max`).
    pub fn len(&self) -> usize {
        if self.min <= self.max {
            usize::from(self.max - self.min) + 1
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Accepts an answer this scale allows.
    pub fn check(&self, answer: Answer) -> Result<Answer, Problem> {
        match answer {
            Answer::Score(score) if !self.contains(score) => Err(Problem::with_detail(
                ProblemKey::ScoreOutOfRange,
                self.label(),
            )),
            Answer::NotApplicable if !self.not_applicable => {
                Err(Problem::new(ProblemKey::NotApplicableNotAllowed))
            }
            answer => Ok(answer),
        }
    }
}

/// One participant's answer to an item: a score, or "not applicable / don't know".
/// In JSON: a number, or the string `"na"` (`"n/a"` is accepted on input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Score(u8),
    NotApplicable,
}

impl Answer {
    /// Reads an HTML form value: empty means unanswered, `na` (or `n/a`) not applicable, digits a
    /// score; anything else (including numbers too large for a score) is `not_a_number`.
    pub fn parse_form(value: &str) -> Result<Option<Answer>, Problem> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(None);
        }
        if value.eq_ignore_ascii_case("na") || value.eq_ignore_ascii_case("n/a") {
            return Ok(Some(Answer::NotApplicable));
        }
        if value.bytes().all(|b| b.is_ascii_digit())
            && let Ok(score) = value.parse::<u8>()
        {
            return Ok(Some(Answer::Score(score)));
        }
        Err(Problem::with_detail(ProblemKey::NotANumber, value))
    }

    /// The value written back into a form: the digits, or `na`.
    pub fn form_value(self) -> String {
        match self {
            Answer::Score(score) => score.to_string(),
            Answer::NotApplicable => "na".to_owned(),
        }
    }

    pub fn score(self) -> Option<u8> {
        match self {
            Answer::Score(score) => Some(score),
            Answer::NotApplicable => None,
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Score(score) => serializer.serialize_u8(*score),
            Answer::NotApplicable => serializer.serialize_str("na"),
        }
    }
}

struct AnswerVisitor;

impl Visitor<'_> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a score from 0 to 255 or \"na\"")
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Answer, E> {
        u8::try_from(value)
            .map(Answer::Score)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Answer, E> {
        u8::try_from(value)
            .map(Answer::Score)
            .map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Answer, E> {
        match Answer::parse_form(value) {
            Ok(Some(answer)) => Ok(answer),
            _ => Err(E::invalid_value(Unexpected::Str(value), &self)),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// Declares a closed set of keyed values with `key`, `parse` and `ALL`.
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident, $problem:expr, { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: [$name; [$($key),+].len()] = [$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            pub fn parse(value: &str) -> Result<$name, Problem> {
                let value = value.trim();
                $name::ALL
                    .into_iter()
                    .find(|candidate| candidate.key() == value)
                    .ok_or_else(|| Problem::with_detail($problem, value))
            }
        }
    };
}

pub(crate) use keyed_enum;

keyed_enum!(
    /// The sector a participant speaks for.
    Sector, ProblemKey::UnknownSector, {
        LocalGovernment => "local_government",
        CivilSociety => "civil_society",
        PrivateSector => "private_sector",
        Academia => "academia",
        Other => "other",
    }
);

keyed_enum!(
    /// Who may see an assessment's results.
    Visibility, ProblemKey::UnknownVisibility, {
        Public => "public",
        Network => "network",
        Confidential => "confidential",
    }
);

keyed_enum!(
    /// Whether an assessment still takes participations.
    AssessmentStatus, ProblemKey::UnknownStatus, {
        Open => "open",
        Closed => "closed",
    }
);

keyed_enum!(
    /// What participants score: whole fields, or the actions within them.
    RatingLevel, ProblemKey::UnknownRatingLevel, {
        Field => "field",
        Action => "action",
    }
);

/// The raw content of a participation form or JSON request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipationInput {
    pub sector: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub name_consent: bool,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub comments: BTreeMap<String, String>,
}

/// A valid participation: known items only, scores on the scale, trimmed texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    pub sector: Sector,
    pub name: Option<String>,
    pub name_consent: bool,
    pub answers: BTreeMap<String, Answer>,
    pub comments: BTreeMap<String, String>,
}

fn unknown_item(errors: &mut FieldErrors, field: &str, key: &str) {
    errors.add(field, Problem::with_detail(ProblemKey::UnknownItem, key));
}

/// Checks a participation against the scale and the items being rated. Unanswered items are
/// fine; empty comments are dropped.
pub fn validate_participation(
    input: ParticipationInput,
    range: &ScoreRange,
    items: &BTreeSet<String>,
) -> Result<Participation, FieldErrors> {
    let mut errors = FieldErrors::new();
    let sector = errors.take("sector", Sector::parse(&input.sector));
    let name = input.name.as_deref().and_then(non_empty);
    if let Some(name) = &name {
        errors.take("name", max_chars(name, NAME_MAX_CHARS));
    }
    let mut answers = BTreeMap::new();
    for (key, answer) in input.answers {
        let field = format!("answers.{key}");
        if !items.contains(&key) {
            unknown_item(&mut errors, &field, &key);
        } else if let Some(answer) = errors.take(&field, range.check(answer)) {
            answers.insert(key, answer);
        }
    }
    let mut comments = BTreeMap::new();
    for (key, text) in input.comments {
        let Some(text) = non_empty(&text) else {
            continue;
        };
        let field = format!("comments.{key}");
        if !items.contains(&key) {
            unknown_item(&mut errors, &field, &key);
        } else if errors
            .take(&field, max_chars(&text, COMMENT_MAX_CHARS))
            .is_some()
        {
            comments.insert(key, text);
        }
    }
    match sector {
        Some(sector) if errors.is_empty() => Ok(Participation {
            sector,
            name,
            name_consent: input.name_consent,
            answers,
            comments,
        }),
        _ => Err(errors),
    }
}

/// The raw consensus row of one field: the agreed score (if any) and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsensusInput {
    pub score: Option<Answer>,
    pub justification: String,
}

/// The score a group agreed on for a field, with its justification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consensus {
    pub score: Answer,
    pub justification: String,
}

/// Checks the consensus rows against the scale and the fields being rated. Rows without a
/// score are dropped.
pub fn validate_consensus(
    input: BTreeMap<String, ConsensusInput>,
    range: &ScoreRange,
    fields: &BTreeSet<String>,
) -> Result<BTreeMap<String, Consensus>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut agreed = BTreeMap::new();
    for (key, row) in input {
        let field = format!("consensus.{key}");
        if !fields.contains(&key) {
            unknown_item(&mut errors, &field, &key);
            continue;
        }
        let Some(score) = row.score else {
            continue;
        };
        let score = errors.take(&field, range.check(score));
        let justification = non_empty(&row.justification).unwrap_or_default();
        let fits = errors
            .take(&field, max_chars(&justification, JUSTIFICATION_MAX_CHARS))
            .is_some();
        if let (Some(score), true) = (score, fits) {
            agreed.insert(
                key,
                Consensus {
                    score,
                    justification,
                },
            );
        }
    }
    errors.into_result(|| agreed)
}

#[cfg(test)]
mod tests;
