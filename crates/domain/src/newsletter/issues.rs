//! An issue of the bimonthly newsletter: its title and editorial in each language, the items it
//! carries (practices, outputs, events), the editions frozen for each language when it is sent,
//! the sections a subscriber gets for their interests, and where each delivery stands.

use super::Interest;
use crate::assessments::keyed_enum;
use crate::lang::Lang;
use crate::validation::{FieldErrors, max_chars};
use crate::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest title of an issue.
pub const MAX_TITLE: usize = 200;
/// The longest editorial, in characters.
pub const MAX_EDITORIAL: usize = 10_000;
/// The most items one issue carries.
pub const MAX_ITEMS: usize = 60;

keyed_enum!(
    /// Where an issue stands: composed and previewed, being sent, or sent (and in the archive).
    IssueStatus, ProblemKey::UnknownValue, {
        Draft => "draft",
        Sending => "sending",
        Sent => "sent",
    }
);

impl IssueStatus {
    /// Only a draft is changed; once sending has started, what goes out is fixed.
    pub fn is_editable(self) -> bool {
        self == IssueStatus::Draft
    }
}

keyed_enum!(
    /// What an item of an issue is.
    ItemKind, ProblemKey::UnknownValue, {
        Practice => "practice",
        Output => "output",
        Event => "event",
    }
);

impl ItemKind {
    /// The interest a subscriber ticks to get items of this kind.
    pub fn interest(self) -> Interest {
        match self {
            ItemKind::Practice => Interest::Practices,
            ItemKind::Output => Interest::Programmes,
            ItemKind::Event => Interest::Events,
        }
    }
}

/// An item an issue carries: `practice:12`, `output:3`, `event:7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: i64,
}

impl ItemRef {
    pub fn parse(text: &str) -> Result<ItemRef, Problem> {
        let bad = || Problem::with_detail(ProblemKey::UnknownValue, text.trim());
        let (kind, id) = text.trim().split_once(':').ok_or_else(bad)?;
        let kind = ItemKind::parse(kind).map_err(|_| bad())?;
        let id = id
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(bad)?;
        Ok(ItemRef { kind, id })
    }

    /// The item as its form and its API name it.
    pub fn key(self) -> String {
        format!("{}:{}", self.kind.key(), self.id)
    }
}

/// The raw fields of an issue's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IssueInput {
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
    pub editorial_en: String,
    pub editorial_fr: String,
    pub editorial_es: String,
    /// The items, in their order: `practice:12`, `output:3`, `event:7`.
    pub items: Vec<String>,
}

/// An issue as composed: texts per language (a language may be missing: its readers get
/// another, said so), and its items in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueDraft {
    pub titles: BTreeMap<Lang, String>,
    pub editorials: BTreeMap<Lang, String>,
    pub items: Vec<ItemRef>,
}

impl IssueInput {
    fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.title_en,
            Lang::Fr => &self.title_fr,
            Lang::Es => &self.title_es,
        }
    }

    fn editorial(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.editorial_en,
            Lang::Fr => &self.editorial_fr,
            Lang::Es => &self.editorial_es,
        }
    }

    /// Checks the form field by field: a title in at least one language, lengths, the items.
    pub fn parse(&self) -> Result<IssueDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut draft = IssueDraft::default();
        for lang in Lang::ALL {
            let title = self.title(lang).trim();
            if !title.is_empty()
                && errors
                    .take(&format!("title_{lang}"), max_chars(title, MAX_TITLE))
                    .is_some()
            {
                draft.titles.insert(lang, title.to_owned());
            }
            let editorial = self.editorial(lang).trim();
            if !editorial.is_empty()
                && errors
                    .take(
                        &format!("editorial_{lang}"),
                        max_chars(editorial, MAX_EDITORIAL),
                    )
                    .is_some()
            {
                draft
                    .editorials
                    .insert(lang, editorial.replace("\r\n", "\n"));
            }
        }
        if draft.titles.is_empty() && errors.get("title_en").is_none() {
            errors.add("title_en", Problem::new(ProblemKey::Required));
        }
        for text in self.items.iter().filter(|t| !t.trim().is_empty()) {
            if let Some(item) = errors.take("items", ItemRef::parse(text))
                && !draft.items.contains(&item)
            {
                draft.items.push(item);
            }
        }
        if draft.items.len() > MAX_ITEMS {
            errors.add(
                "items",
                Problem::with_detail(ProblemKey::TooLong, MAX_ITEMS.to_string()),
            );
        }
        errors.into_result(|| draft)
    }
}

impl IssueDraft {
    /// The form's fields as this draft fills them.
    pub fn input(&self) -> IssueInput {
        let title = |lang| self.titles.get(&lang).cloned().unwrap_or_default();
        let editorial = |lang| self.editorials.get(&lang).cloned().unwrap_or_default();
        IssueInput {
            title_en: title(Lang::En),
            title_fr: title(Lang::Fr),
            title_es: title(Lang::Es),
            editorial_en: editorial(Lang::En),
            editorial_fr: editorial(Lang::Fr),
            editorial_es: editorial(Lang::Es),
            items: self.items.iter().map(|i| i.key()).collect(),
        }
    }
}

/// The text a reader gets, in their language or, where it is missing, in another (named).
pub fn in_lang(texts: &BTreeMap<Lang, String>, lang: Lang) -> Option<Text> {
    let (found, text) = texts
        .get_key_value(&lang)
        .or_else(|| texts.get_key_value(&Lang::En))
        .or_else(|| texts.iter().next())?;
    Some(Text {
        text: text.clone(),
        lang: *found,
    })
}

/// A text in an edition, with the language it is written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub text: String,
    pub lang: Lang,
}

/// One item as an edition shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionItem {
    pub kind: ItemKind,
    pub id: i64,
    pub title: Text,
    pub summary: Option<Text>,
    /// The item's public page.
    pub url: String,
    /// The cities it is of (or an event's place).
    pub place: String,
    /// An event's dates, as the edition's language writes them.
    pub when: Option<String>,
}

impl EditionItem {
    /// The line under its title: where (its cities, an event's place) and when, as given.
    pub fn meta(&self) -> String {
        [Some(self.place.as_str()), self.when.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// What one language's subscribers get, frozen when the issue is sent: the archive shows the
/// same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    pub lang: Lang,
    pub title: Text,
    pub editorial: Option<Text>,
    pub items: Vec<EditionItem>,
}

impl Edition {
    /// Whether a text is in another language than the edition's (the reader is told).
    pub fn is_fallback(&self, text: &Text) -> bool {
        text.lang != self.lang
    }

    /// The sections a subscriber with these interests gets, in the order of kinds (practices,
    /// outputs, events), each with its items in the issue's order. No interest ticked means
    /// every section; a section without items is left out.
    pub fn sections(&self, interests: &[Interest]) -> Vec<(ItemKind, Vec<&EditionItem>)> {
        ItemKind::ALL
            .into_iter()
            .filter(|kind| interests.is_empty() || interests.contains(&kind.interest()))
            .map(|kind| {
                let items: Vec<&EditionItem> =
                    self.items.iter().filter(|i| i.kind == kind).collect();
                (kind, items)
            })
            .filter(|(_, items)| !items.is_empty())
            .collect()
    }
}

keyed_enum!(
    /// Where one subscriber's copy of an issue stands. A delivery row is made for each confirmed
    /// subscriber when sending starts (one per issue and subscriber: never two copies). Queued:
    /// not handled yet; written: to the outbox (no mail server configured); sent: accepted by
    /// the mail server; failed: refused by it; skipped: the subscriber had left by the time
    /// their turn came; interrupted: with the mail server when the sending was interrupted, so
    /// whether it arrived is unknown, and it is not sent again (never two copies).
    DeliveryStatus, ProblemKey::UnknownValue, {
        Queued => "queued",
        Written => "written",
        Sent => "sent",
        Failed => "failed",
        Skipped => "skipped",
        Interrupted => "interrupted",
    }
);

impl DeliveryStatus {
    /// Whether the delivery has been dealt with (what the progress counts as done).
    pub fn is_done(self) -> bool {
        self != DeliveryStatus::Queued
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input() -> IssueInput {
        IssueInput {
            title_en: "Issue 12".into(),
            title_es: "Número 12".into(),
            editorial_fr: "Bonjour".into(),
            items: vec!["practice:4".into(), "event:2".into(), "practice:4".into()],
            ..Default::default()
        }
    }

    #[test]
    fn an_issue_needs_a_title_and_known_items() {
        let draft = input().parse().unwrap_or_default();
        assert_eq!(draft.titles.len(), 2);
        assert_eq!(
            draft.editorials.get(&Lang::Fr).map(String::as_str),
            Some("Bonjour")
        );
        assert_eq!(
            draft.items,
            vec![
                ItemRef {
                    kind: ItemKind::Practice,
                    id: 4
                },
                ItemRef {
                    kind: ItemKind::Event,
                    id: 2
                }
            ],
            "in order, once each"
        );
        assert_eq!(draft.input().parse(), Ok(draft));
        let errors = IssueInput::default().parse().err().unwrap_or_default();
        assert!(errors.get("title_en").is_some());
        let bad = IssueInput {
            items: vec!["city:3".into()],
            ..input()
        };
        assert!(bad.parse().err().unwrap_or_default().get("items").is_some());
        let long = IssueInput {
            title_fr: "x".repeat(MAX_TITLE + 1),
            ..input()
        };
        assert!(
            long.parse()
                .err()
                .unwrap_or_default()
                .get("title_fr")
                .is_some()
        );
    }

    #[test]
    fn a_missing_language_falls_back_to_english_then_any() {
        let mut texts = BTreeMap::new();
        texts.insert(Lang::Fr, "Bonjour".to_owned());
        assert_eq!(in_lang(&texts, Lang::Es).map(|t| t.lang), Some(Lang::Fr));
        texts.insert(Lang::En, "Hello".to_owned());
        assert_eq!(in_lang(&texts, Lang::Es).map(|t| t.lang), Some(Lang::En));
        assert_eq!(
            in_lang(&texts, Lang::Fr).map(|t| t.text),
            Some("Bonjour".into())
        );
        assert_eq!(in_lang(&BTreeMap::new(), Lang::Fr), None);
    }

    fn item(kind: ItemKind, id: i64) -> EditionItem {
        EditionItem {
            kind,
            id,
            title: Text {
                text: format!("{id}"),
                lang: Lang::En,
            },
            summary: None,
            url: String::new(),
            place: String::new(),
            when: None,
        }
    }

    proptest! {
        #[test]
        fn a_subscriber_gets_exactly_the_items_of_their_interests(
            kinds in proptest::collection::vec(0usize..3, 0..20),
            ticked in proptest::collection::vec(0usize..3, 0..3),
        ) {
            let items: Vec<EditionItem> = kinds
                .iter()
                .enumerate()
                .map(|(n, k)| item(ItemKind::ALL[*k], n as i64))
                .collect();
            let edition = Edition {
                lang: Lang::Es,
                title: Text { text: "t".into(), lang: Lang::Es },
                editorial: None,
                items: items.clone(),
            };
            let interests: Vec<Interest> = ticked.iter().map(|k| ItemKind::ALL[*k].interest()).collect();
            let got: Vec<i64> = edition
                .sections(&interests)
                .iter()
                .flat_map(|(kind, items)| items.iter().map(move |i| { assert_eq!(i.kind, *kind); i.id }))
                .collect();
            let mut expected: Vec<&EditionItem> = items
                .iter()
                .filter(|i| interests.is_empty() || interests.contains(&i.kind.interest()))
                .collect();
            expected.sort_by_key(|i| ItemKind::ALL.iter().position(|k| *k == i.kind));
            prop_assert_eq!(got, expected.iter().map(|i| i.id).collect::<Vec<_>>());
        }
    }
}
