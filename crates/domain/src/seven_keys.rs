//! The rules of a Seven Keys workshop, which localises the SDGs through culture: a city's
//! cultural assets (the inventory it keeps), the local challenges participants name (each related
//! to SDGs and to assets), the themes facilitators cluster them into, the keys the group agrees
//! on (concrete commitments by named local actors, about seven but not a fixed number), how the
//! keys become the items of a draft action plan keeping their links, and the public article.

use crate::assessments::{AssessmentStatus, keyed_enum};
use crate::practices::parse_sdg;
use crate::programmes::action_plans::{ItemDraft, ItemStatus, list_or_text};
use crate::text::TranslatedText;
use crate::validation::max_chars;
use crate::{FieldErrors, Lang, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The number of keys the method aims at; a group may agree on fewer or more.
pub const SUGGESTED_KEYS: usize = 7;
/// The most keys one workshop keeps.
pub const MAX_KEYS: usize = 30;
/// The most challenges one workshop takes (a day's room of a few hundred people).
pub const MAX_CHALLENGES: u64 = 5_000;
pub const MAX_CHALLENGE: usize = 1_000;
pub const MAX_NAME: usize = 200;
pub const MAX_THEME: usize = 120;
pub const MAX_TEXT: usize = 4_000;
pub const MAX_ARTICLE: usize = 20_000;
/// The most assets a city's inventory holds.
pub const MAX_ASSETS: u64 = 2_000;

keyed_enum!(
    /// What a cultural asset is.
    AssetKind, ProblemKey::UnknownValue, {
        Place => "place",
        Institution => "institution",
        Community => "community",
        Practice => "practice",
        Event => "event",
    }
);

/// A cultural asset as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetDraft {
    pub kind: AssetKind,
    pub name: String,
    pub description: String,
}

/// The raw fields of an asset's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssetInput {
    pub kind: String,
    pub name: String,
    pub description: String,
}

/// A trimmed text of at most `max` characters; `required` refuses it empty.
fn checked(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max: usize,
    required: bool,
) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        errors.add(field, Problem::new(ProblemKey::Required));
    } else if let Err(problem) = max_chars(value, max) {
        errors.add(field, problem);
    }
    value.to_owned()
}

impl AssetInput {
    pub fn parse(&self) -> Result<AssetDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = errors.take("kind", AssetKind::parse(&self.kind));
        let name = checked(&mut errors, "name", &self.name, MAX_NAME, true);
        let description = checked(
            &mut errors,
            "description",
            &self.description,
            MAX_TEXT,
            false,
        );
        match kind {
            Some(kind) if errors.is_empty() => Ok(AssetDraft {
                kind,
                name,
                description,
            }),
            _ => Err(errors),
        }
    }
}

/// A workshop as stored: its title, its day and the language it is held in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopDraft {
    /// The programme's activity it is held for.
    pub activity_id: Option<i64>,
    pub title: String,
    pub held_on: NaiveDate,
    /// The language participants write in (the keys' language in the draft plan).
    pub lang: Lang,
}

/// The raw fields of a new workshop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkshopInput {
    /// The programme's activity's id, or empty.
    #[serde(deserialize_with = "crate::validation::number_or_text")]
    pub activity: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// `en`, `fr` or `es`.
    pub lang: String,
}

impl WorkshopInput {
    /// Checks every field; `activities` holds the ids of the programme's Seven Keys activities.
    pub fn parse(&self, activities: &[i64]) -> Result<WorkshopDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let activity_id = match self.activity.trim() {
            "" => None,
            given => errors.take(
                "activity",
                given
                    .parse::<i64>()
                    .ok()
                    .filter(|id| activities.contains(id))
                    .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownValue, given)),
            ),
        };
        let title = checked(&mut errors, "title", &self.title, MAX_NAME, true);
        let held_on = errors.take(
            "held_on",
            crate::memberships::parse_date(self.held_on.trim()),
        );
        let lang = errors.take(
            "lang",
            self.lang
                .trim()
                .parse::<Lang>()
                .map_err(|_| Problem::with_detail(ProblemKey::UnknownLanguage, self.lang.trim())),
        );
        match (held_on, lang) {
            (Some(held_on), Some(lang)) if errors.is_empty() => Ok(WorkshopDraft {
                activity_id,
                title,
                held_on,
                lang,
            }),
            _ => Err(errors),
        }
    }
}

/// SDGs given as a list: each 1 to 17, no more than the seventeen.
fn sdgs(errors: &mut FieldErrors, field: &str, given: &str) -> BTreeSet<u8> {
    let mut found = BTreeSet::new();
    for sdg in given
        .split([',', ';', '\n', ' '])
        .filter(|s| !s.trim().is_empty())
    {
        if let Some(n) = errors.take(field, parse_sdg(sdg)) {
            found.insert(n);
        }
    }
    found
}

/// Ids given as a list, each one of `known`.
fn ids(errors: &mut FieldErrors, field: &str, given: &str, known: &[i64]) -> BTreeSet<i64> {
    let mut found = BTreeSet::new();
    for id in given
        .split([',', ';', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match id.parse::<i64>().ok().filter(|id| known.contains(id)) {
            Some(id) => {
                found.insert(id);
            }
            None => errors.add(field, Problem::with_detail(ProblemKey::UnknownValue, id)),
        }
    }
    found
}

/// A local challenge as stored: what a participant named, the SDGs and assets it relates to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeDraft {
    pub text: String,
    pub sdgs: BTreeSet<u8>,
    /// The ids of the city's cultural assets it relates to.
    pub assets: BTreeSet<i64>,
}

/// The raw fields of a challenge: its text, SDGs and assets as lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChallengeInput {
    pub text: String,
    #[serde(deserialize_with = "list_or_text")]
    pub sdgs: String,
    #[serde(deserialize_with = "list_or_text")]
    pub assets: String,
}

impl ChallengeInput {
    /// Checks the challenge against the ids of the city's assets.
    pub fn parse(&self, assets: &[i64]) -> Result<ChallengeDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let text = checked(&mut errors, "text", &self.text, MAX_CHALLENGE, true);
        let sdgs = sdgs(&mut errors, "sdgs", &self.sdgs);
        let assets = ids(&mut errors, "assets", &self.assets, assets);
        errors.into_result(|| ChallengeDraft { text, sdgs, assets })
    }
}

/// Whether a workshop takes challenges: while it is open.
pub fn accepts_challenges(status: AssessmentStatus) -> Result<(), Problem> {
    match status {
        AssessmentStatus::Open => Ok(()),
        AssessmentStatus::Closed => Err(Problem::new(ProblemKey::WorkshopClosed)),
    }
}

/// The theme a challenge is clustered into: trimmed, at most `MAX_THEME` characters; empty
/// takes the challenge out of its theme.
pub fn theme(given: &str) -> Result<Option<String>, Problem> {
    let given = given.trim();
    max_chars(given, MAX_THEME)?;
    Ok((!given.is_empty()).then(|| given.to_owned()))
}

/// The themes of a workshop's challenges with how many each holds, largest first, then by name.
pub fn themes<'a>(given: impl IntoIterator<Item = Option<&'a str>>) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for theme in given.into_iter().flatten() {
        *counts.entry(theme).or_default() += 1;
    }
    let mut themes: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(name, count)| (name.to_owned(), count))
        .collect();
    themes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    themes
}

/// A key as stored: a concrete commitment by named local actors, with the SDGs and the
/// challenges it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDraft {
    pub title: String,
    pub commitment: String,
    /// The local actors who commit to it.
    pub actors: String,
    pub sdgs: BTreeSet<u8>,
    /// The ids of the workshop's challenges it answers.
    pub challenges: BTreeSet<i64>,
}

/// The raw fields of a key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeyInput {
    pub title: String,
    pub commitment: String,
    pub actors: String,
    #[serde(deserialize_with = "list_or_text")]
    pub sdgs: String,
    #[serde(deserialize_with = "list_or_text")]
    pub challenges: String,
}

impl KeyInput {
    /// Checks the key against the ids of the workshop's challenges; a key names who commits.
    pub fn parse(&self, challenges: &[i64]) -> Result<KeyDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = checked(&mut errors, "title", &self.title, MAX_NAME, true);
        let commitment = checked(&mut errors, "commitment", &self.commitment, MAX_TEXT, false);
        let actors = checked(&mut errors, "actors", &self.actors, MAX_NAME * 2, true);
        let sdgs = sdgs(&mut errors, "sdgs", &self.sdgs);
        let challenges = ids(&mut errors, "challenges", &self.challenges, challenges);
        errors.into_result(|| KeyDraft {
            title,
            commitment,
            actors,
            sdgs,
            challenges,
        })
    }
}

/// The item of the draft action plan a key becomes: its title and commitment in the workshop's
/// language, its actors responsible, planned, and the SDGs of the key and of the challenges it
/// answers (`challenge_sdgs`), so the plan keeps the workshop's links.
pub fn plan_item<'a>(
    key: &KeyDraft,
    lang: Lang,
    challenge_sdgs: impl IntoIterator<Item = &'a BTreeSet<u8>>,
) -> Result<ItemDraft, Problem> {
    let mut sdgs = key.sdgs.clone();
    for linked in challenge_sdgs {
        sdgs.extend(linked.iter().copied());
    }
    let title: String = key
        .title
        .chars()
        .take(crate::programmes::outputs::MAX_TITLE)
        .collect();
    Ok(ItemDraft {
        title: TranslatedText::new(lang, &title)?,
        description: (!key.commitment.is_empty())
            .then(|| TranslatedText::new(lang, &key.commitment))
            .transpose()?,
        responsible: key.actors.clone(),
        partners: String::new(),
        starts_on: None,
        ends_on: None,
        budget: None,
        status: ItemStatus::Planned,
        progress: 0,
        fields: BTreeSet::new(),
        sdgs,
        sdg_targets: BTreeSet::new(),
        indicators: BTreeSet::new(),
        goal_targets: BTreeSet::new(),
    })
}

/// The public article about a workshop, in the languages it is written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDraft {
    pub title: TranslatedText,
    pub body: TranslatedText,
    /// Listed on the public Seven Keys page.
    pub published: bool,
}

/// The raw fields of the article's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleInput {
    /// The language it is written in first; empty: the first given.
    pub source_lang: String,
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
    pub body_en: String,
    pub body_fr: String,
    pub body_es: String,
    /// `true` (or a form's `on`) publishes it.
    #[serde(deserialize_with = "flag")]
    pub published: String,
}

/// A yes or no given as a JSON boolean or as text (a form's checkbox), kept as text.
fn flag<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Yes(bool),
        Text(#[serde(deserialize_with = "crate::validation::number_or_text")] String),
    }
    Ok(match <Given as Deserialize>::deserialize(deserializer)? {
        Given::Yes(yes) => yes.to_string(),
        Given::Text(text) => text,
    })
}

fn translated(
    errors: &mut FieldErrors,
    field: &str,
    source: Lang,
    values: [&str; 3],
    max: usize,
) -> Option<TranslatedText> {
    for (lang, value) in Lang::ALL.iter().zip(values) {
        if let Err(problem) = max_chars(value.trim(), max) {
            errors.add(&format!("{field}_{}", lang.code()), problem);
        }
    }
    let pairs: Vec<(Lang, &str)> = Lang::ALL.iter().copied().zip(values).collect();
    let text = TranslatedText::from_values(source, &pairs).ok();
    if text.is_none() {
        errors.add(
            &format!("{field}_{}", source.code()),
            Problem::new(ProblemKey::Required),
        );
    }
    text
}

impl ArticleInput {
    pub fn parse(&self) -> Result<ArticleDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let source = match self.source_lang.trim() {
            "" => Lang::En,
            code => errors
                .take(
                    "source_lang",
                    code.parse::<Lang>()
                        .map_err(|_| Problem::with_detail(ProblemKey::UnknownLanguage, code)),
                )
                .unwrap_or(Lang::En),
        };
        let title = translated(
            &mut errors,
            "title",
            source,
            [&self.title_en, &self.title_fr, &self.title_es],
            MAX_NAME,
        );
        let body = translated(
            &mut errors,
            "body",
            source,
            [&self.body_en, &self.body_fr, &self.body_es],
            MAX_ARTICLE,
        );
        let published = matches!(
            self.published.trim().to_ascii_lowercase().as_str(),
            "true" | "on" | "1" | "yes"
        );
        match (title, body) {
            (Some(title), Some(body)) if errors.is_empty() => Ok(ArticleDraft {
                title,
                body,
                published,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests;
