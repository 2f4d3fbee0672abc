//! An action plan's rules: its items (a title and description in any of the three languages,
//! who is responsible and with which partners, start and end, an optional budget, a status and
//! a progress percentage, and what the item addresses: framework fields, SDGs and SDG targets)
//! and the dated progress updates that move an item on, with their evidence.

use super::budget::Currency;
use super::outputs::MAX_TITLE;
use super::{MAX_PEOPLE, MAX_TEXT, text};
use crate::assessments::keyed_enum;
use crate::practices::{parse_field_ref, parse_sdg};
use crate::text::TranslatedText;
use crate::validation::number_or_text;
use crate::{FieldErrors, Lang, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};

/// The most items one plan holds.
pub const MAX_ITEMS: usize = 500;
/// The most fields, SDGs or targets one item names.
pub const MAX_LINKS: usize = 40;

keyed_enum!(
    /// Where an item of an action plan stands.
    ItemStatus, ProblemKey::UnknownStatus, {
        Planned => "planned",
        UnderWay => "under_way",
        Done => "done",
        Dropped => "dropped",
    }
);

/// An SDG target as the UN numbers them: the goal, a dot, and a number (`11.4`) or a letter
/// for a means of implementation (`12.b`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SdgTarget(String);

impl SdgTarget {
    pub fn parse(value: &str) -> Result<SdgTarget, Problem> {
        let value = value.trim().to_ascii_lowercase();
        let unknown = || Problem::with_detail(ProblemKey::UnknownSdgTarget, value.as_str());
        let (goal, target) = value.split_once('.').ok_or_else(unknown)?;
        parse_sdg(goal).map_err(|_| unknown())?;
        let numbered = !target.is_empty()
            && target.len() <= 2
            && target.bytes().all(|b| b.is_ascii_digit())
            && !target.starts_with('0');
        let lettered = target.len() == 1 && target.bytes().all(|b| b.is_ascii_lowercase());
        if !(numbered || lettered) {
            return Err(unknown());
        }
        let goal: u8 = goal.trim().parse().map_err(|_| unknown())?;
        Ok(SdgTarget(format!("{goal}.{target}")))
    }

    /// The goal the target belongs to.
    pub fn goal(&self) -> u8 {
        self.0
            .split_once('.')
            .and_then(|(goal, _)| goal.parse().ok())
            .unwrap_or_default()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An item's budget: an amount in minor units of its currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemBudget {
    pub currency: Currency,
    /// In minor units (cents for EUR).
    pub amount: i64,
}

/// An item as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDraft {
    pub title: TranslatedText,
    pub description: Option<TranslatedText>,
    /// The people and services responsible.
    pub responsible: String,
    pub partners: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget: Option<ItemBudget>,
    pub status: ItemStatus,
    /// 0 to 100; a done item is at 100.
    pub progress: u8,
    /// `framework:field` of the fields it addresses.
    pub fields: BTreeSet<String>,
    /// The SDGs it contributes to: those named, and the goals of the targets named.
    pub sdgs: BTreeSet<u8>,
    pub sdg_targets: BTreeSet<SdgTarget>,
    /// `framework:indicator` of the indicators that measure it.
    #[serde(default)]
    pub indicators: BTreeSet<String>,
    /// `goal@version:target` of the Culture 2030 Goal's targets it serves.
    #[serde(default)]
    pub goal_targets: BTreeSet<String>,
}

/// A list given as a JSON array (of texts or numbers) or as one text separated by commas,
/// semicolons or new lines (a form's field).
pub fn list_or_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Many(Vec<serde_json::Value>),
        One(#[serde(deserialize_with = "number_or_text")] String),
    }
    Ok(match <Given as Deserialize>::deserialize(deserializer)? {
        Given::One(text) => text,
        Given::Many(values) => values
            .iter()
            .map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    })
}

fn listed(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// What an item's links are checked against.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// `framework:field` of every assessment framework's fields.
    pub fields: HashSet<String>,
    /// `framework:indicator` of every indicator framework's indicators.
    pub indicators: HashSet<String>,
    /// `goal@version:target` of every imported version's targets of the Culture 2030 Goal.
    pub goal_targets: HashSet<String>,
}

/// The raw fields of an item's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemInput {
    /// The language the item is written in first (`en`, `fr`, `es`; empty: the first given).
    pub source_lang: String,
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
    pub description_en: String,
    pub description_fr: String,
    pub description_es: String,
    pub responsible: String,
    pub partners: String,
    pub starts_on: String,
    pub ends_on: String,
    /// The amount in the currency's units (`12500`, `12 500.50`), or empty.
    #[serde(deserialize_with = "number_or_text")]
    pub budget: String,
    pub currency: String,
    /// Empty: planned.
    pub status: String,
    /// 0 to 100; empty: 0, or 100 for a done item.
    #[serde(deserialize_with = "number_or_text")]
    pub progress: String,
    #[serde(deserialize_with = "list_or_text")]
    pub fields: String,
    #[serde(deserialize_with = "list_or_text")]
    pub sdgs: String,
    #[serde(deserialize_with = "list_or_text")]
    pub sdg_targets: String,
    /// `framework:indicator` of each indicator that measures it.
    #[serde(deserialize_with = "list_or_text")]
    pub indicators: String,
    /// `goal@version:target` of each Culture 2030 Goal target it serves.
    #[serde(deserialize_with = "list_or_text")]
    pub goal_targets: String,
    /// The revision the change was made on (when saving an existing item).
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
}

fn optional_date(errors: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        return None;
    }
    errors.take(field, crate::memberships::parse_date(value))
}

fn translated(
    errors: &mut FieldErrors,
    field: &str,
    source: Lang,
    values: [&str; 3],
    max: usize,
) -> Option<TranslatedText> {
    for (lang, value) in Lang::ALL.iter().zip(values) {
        if let Err(problem) = crate::validation::max_chars(value.trim(), max) {
            errors.add(&format!("{field}_{}", lang.code()), problem);
        }
    }
    let pairs: Vec<(Lang, &str)> = Lang::ALL.iter().copied().zip(values).collect();
    TranslatedText::from_values(source, &pairs).ok()
}

/// The references a list field gives (`framework:indicator`, `goal@version:target`), each one
/// of `known`, at most `MAX_LINKS`.
fn references(
    errors: &mut FieldErrors,
    field: &str,
    given: &str,
    known: &HashSet<String>,
    unknown: ProblemKey,
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for reference in listed(given) {
        let reference = reference.to_lowercase();
        if known.contains(&reference) {
            found.insert(reference);
        } else {
            errors.add(field, Problem::with_detail(unknown, reference));
        }
    }
    if found.len() > MAX_LINKS {
        errors.add(
            field,
            Problem::with_detail(ProblemKey::TooManyItems, MAX_LINKS.to_string()),
        );
    }
    found
}

/// Parses a progress percentage: a whole number from 0 to 100.
pub fn parse_progress(value: &str) -> Result<u8, Problem> {
    value
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| Problem::with_detail(ProblemKey::OutOfRange, "0–100"))
}

impl ItemInput {
    /// Checks every field; `known` holds the `framework:field` of every assessment framework
    /// and the `framework:indicator` of every indicator framework.
    pub fn parse(&self, known: &Known) -> Result<ItemDraft, FieldErrors> {
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
            MAX_TITLE,
        );
        if title.is_none() {
            errors.add("title_en", Problem::new(ProblemKey::Required));
        }
        let description = translated(
            &mut errors,
            "description",
            source,
            [
                &self.description_en,
                &self.description_fr,
                &self.description_es,
            ],
            MAX_TEXT,
        );
        let responsible = text(&mut errors, "responsible", &self.responsible, MAX_PEOPLE);
        let partners = text(&mut errors, "partners", &self.partners, MAX_PEOPLE);
        let starts_on = optional_date(&mut errors, "starts_on", &self.starts_on);
        let ends_on = optional_date(&mut errors, "ends_on", &self.ends_on);
        if let (Some(start), Some(end)) = (starts_on, ends_on)
            && end < start
        {
            errors.add("ends_on", Problem::new(ProblemKey::EndsBeforeStart));
        }
        let budget = self.budget(&mut errors);
        let status = match self.status.trim() {
            "" => Some(ItemStatus::Planned),
            given => errors.take("status", ItemStatus::parse(given)),
        };
        let progress = match self.progress.trim() {
            "" => Some(if status == Some(ItemStatus::Done) {
                100
            } else {
                0
            }),
            given => errors.take("progress", parse_progress(given)),
        };
        if status == Some(ItemStatus::Done) && progress.is_some_and(|p| p < 100) {
            errors.add("progress", Problem::new(ProblemKey::DoneMeansComplete));
        }
        let (fields, sdgs, sdg_targets) = self.links(&mut errors, &known.fields);
        let indicators = references(
            &mut errors,
            "indicators",
            &self.indicators,
            &known.indicators,
            ProblemKey::UnknownIndicator,
        );
        let goal_targets = references(
            &mut errors,
            "goal_targets",
            &self.goal_targets,
            &known.goal_targets,
            ProblemKey::UnknownGoalTarget,
        );
        match (title, status, progress) {
            (Some(title), Some(status), Some(progress)) if errors.is_empty() => Ok(ItemDraft {
                title,
                description,
                responsible,
                partners,
                starts_on,
                ends_on,
                budget,
                status,
                progress,
                fields,
                sdgs,
                sdg_targets,
                indicators,
                goal_targets,
            }),
            _ => Err(errors),
        }
    }

    fn budget(&self, errors: &mut FieldErrors) -> Option<ItemBudget> {
        if self.budget.trim().is_empty() {
            return None;
        }
        let currency = match self.currency.trim() {
            "" => {
                errors.add("currency", Problem::new(ProblemKey::Required));
                None
            }
            code => errors.take("currency", Currency::parse(code)),
        }?;
        let amount = errors.take("budget", currency.parse_amount(&self.budget))?;
        if amount < 0 {
            errors.add("budget", Problem::with_detail(ProblemKey::OutOfRange, "0"));
            return None;
        }
        Some(ItemBudget { currency, amount })
    }

    fn links(
        &self,
        errors: &mut FieldErrors,
        known_fields: &HashSet<String>,
    ) -> (BTreeSet<String>, BTreeSet<u8>, BTreeSet<SdgTarget>) {
        let mut fields = BTreeSet::new();
        for given in listed(&self.fields) {
            match parse_field_ref(given) {
                Ok(field) if known_fields.contains(&field) => {
                    fields.insert(field);
                }
                _ => errors.add(
                    "fields",
                    Problem::with_detail(ProblemKey::UnknownField, given),
                ),
            }
        }
        let mut sdgs = BTreeSet::new();
        for given in listed(&self.sdgs) {
            match parse_sdg(given) {
                Ok(sdg) => {
                    sdgs.insert(sdg);
                }
                Err(problem) => errors.add("sdgs", problem),
            }
        }
        let mut targets = BTreeSet::new();
        for given in listed(&self.sdg_targets) {
            match SdgTarget::parse(given) {
                Ok(target) => {
                    sdgs.insert(target.goal());
                    targets.insert(target);
                }
                Err(problem) => errors.add("sdg_targets", problem),
            }
        }
        for (field, count) in [
            ("fields", fields.len()),
            ("sdgs", sdgs.len()),
            ("sdg_targets", targets.len()),
        ] {
            if count > MAX_LINKS {
                errors.add(
                    field,
                    Problem::with_detail(ProblemKey::TooManyItems, MAX_LINKS.to_string()),
                );
            }
        }
        (fields, sdgs, targets)
    }
}

/// A progress update as stored: a dated note with its evidence, and the item's status and
/// progress from that day when they changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateDraft {
    pub on: NaiveDate,
    pub note: String,
    /// Evidence on the web (a news item, a document).
    pub link: Option<String>,
    /// Evidence in the platform: a good practice, by its slug.
    pub practice: Option<String>,
    /// Evidence filed with the plan: one of its files, by id.
    pub file: Option<i64>,
    pub status: Option<ItemStatus>,
    pub progress: Option<u8>,
}

/// The raw fields of a progress update's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateInput {
    pub on: String,
    pub note: String,
    pub link: String,
    /// A good practice's address or slug.
    pub practice: String,
    /// The id of one of the plan's files, or empty.
    #[serde(deserialize_with = "number_or_text")]
    pub file: String,
    /// Empty: unchanged.
    pub status: String,
    /// Empty: unchanged.
    #[serde(deserialize_with = "number_or_text")]
    pub progress: String,
}

/// The slug of a practice given by its slug or by an address ending in it.
fn practice_slug(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches('/');
    let slug = value.rsplit('/').next().unwrap_or(value);
    let slug = slug.split(['?', '#']).next().unwrap_or(slug);
    (!slug.is_empty()).then(|| slug.to_owned())
}

impl UpdateInput {
    /// Checks every field against the item as it stands (`current`: its status and progress).
    pub fn parse(&self, current: (ItemStatus, u8)) -> Result<UpdateDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let on = super::date(&mut errors, "on", &self.on);
        let note = text(&mut errors, "note", &self.note, MAX_TEXT);
        let link = super::outputs::link(&mut errors, "link", &self.link);
        let practice = practice_slug(&self.practice);
        let file = match self.file.trim() {
            "" => None,
            given => errors.take(
                "file",
                given
                    .parse::<i64>()
                    .map_err(|_| Problem::with_detail(ProblemKey::NotANumber, given)),
            ),
        };
        let status = match self.status.trim() {
            "" => None,
            given => errors.take("status", ItemStatus::parse(given)),
        };
        let progress = match self.progress.trim() {
            "" if status == Some(ItemStatus::Done) => Some(100),
            "" => None,
            given => errors.take("progress", parse_progress(given)),
        };
        let (after_status, after_progress) =
            (status.unwrap_or(current.0), progress.unwrap_or(current.1));
        if after_status == ItemStatus::Done && after_progress < 100 {
            errors.add("progress", Problem::new(ProblemKey::DoneMeansComplete));
        }
        if note.is_empty() && status.is_none() && progress.is_none() {
            errors.add("note", Problem::new(ProblemKey::Required));
        }
        match on {
            Some(on) if errors.is_empty() => Ok(UpdateDraft {
                on,
                note,
                link,
                practice,
                file,
                status,
                progress,
            }),
            _ => Err(errors),
        }
    }
}

impl ItemDraft {
    /// The item as its form shows it, to be changed and saved on `revision`.
    pub fn as_input(&self, revision: i64) -> ItemInput {
        let text = |value: &Option<TranslatedText>, lang: Lang| {
            value
                .as_ref()
                .and_then(|t| t.values.get(&lang))
                .map(|t| t.text.clone())
                .unwrap_or_default()
        };
        let title = Some(self.title.clone());
        let join = |items: Vec<String>| items.join(", ");
        ItemInput {
            source_lang: self.title.source.code().to_owned(),
            title_en: text(&title, Lang::En),
            title_fr: text(&title, Lang::Fr),
            title_es: text(&title, Lang::Es),
            description_en: text(&self.description, Lang::En),
            description_fr: text(&self.description, Lang::Fr),
            description_es: text(&self.description, Lang::Es),
            responsible: self.responsible.clone(),
            partners: self.partners.clone(),
            starts_on: self.starts_on.map(|d| d.to_string()).unwrap_or_default(),
            ends_on: self.ends_on.map(|d| d.to_string()).unwrap_or_default(),
            budget: self
                .budget
                .as_ref()
                .map(|b| b.currency.format_amount(b.amount))
                .unwrap_or_default(),
            currency: self
                .budget
                .as_ref()
                .map(|b| b.currency.code().to_owned())
                .unwrap_or_default(),
            status: self.status.key().to_owned(),
            progress: self.progress.to_string(),
            fields: join(self.fields.iter().cloned().collect()),
            sdgs: join(self.sdgs.iter().map(u8::to_string).collect()),
            sdg_targets: join(self.sdg_targets.iter().map(|t| t.0.clone()).collect()),
            indicators: join(self.indicators.iter().cloned().collect()),
            goal_targets: join(self.goal_targets.iter().cloned().collect()),
            revision: revision.to_string(),
        }
    }
}

/// What an item becomes after an update.
pub fn after_update(item: &ItemDraft, update: &UpdateDraft) -> ItemDraft {
    let mut after = item.clone();
    if let Some(status) = update.status {
        after.status = status;
    }
    if let Some(progress) = update.progress {
        after.progress = progress;
    }
    after
}

#[cfg(test)]
mod tests;
