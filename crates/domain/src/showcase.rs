//! A Leading City's showcase (activity 13): its window to the world, curated by the city's
//! editors and approved by the secretariat. Besides what the platform already holds (published
//! practices, public outputs), the editors add entries: policy documents, videos (a link to the
//! hosting site, shown as a titled card, never an embedded player) and resources, each with the
//! languages it exists in, in an order they choose; and an introduction per language. What an
//! editor writes waits for the secretariat's approval before the public sees it.

use crate::assessments::keyed_enum;
use crate::lang::Lang;
use crate::validation::{FieldErrors, max_chars};
use crate::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const MAX_TITLE: usize = 200;
pub const MAX_DESCRIPTION: usize = 1_000;
pub const MAX_INTRO: usize = 3_000;

keyed_enum!(
    /// What a showcase entry is.
    EntryKind, ProblemKey::UnknownValue, {
        Document => "document",
        Video => "video",
        Resource => "resource",
    }
);

keyed_enum!(
    /// Whether the public sees an entry (or the introduction): an editor's change waits for the
    /// secretariat's approval; the secretariat's own is approved as written.
    Approval, ProblemKey::UnknownValue, {
        Proposed => "proposed",
        Approved => "approved",
    }
);

impl Approval {
    /// What a change leaves: approved when the secretariat makes it, proposed otherwise.
    pub fn after_change(by_secretariat: bool) -> Approval {
        if by_secretariat {
            Approval::Approved
        } else {
            Approval::Proposed
        }
    }
}

/// The raw fields of an entry's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryInput {
    pub kind: String,
    pub title: String,
    pub description: String,
    /// Where it is: an http(s) address (a document, the video's page on its hosting site).
    pub url: String,
    /// The languages it exists in, separated by commas (`en,es`).
    pub languages: String,
}

/// An entry as checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDraft {
    pub kind: EntryKind,
    pub title: String,
    pub description: String,
    pub url: String,
    pub languages: Vec<Lang>,
}

impl EntryInput {
    pub fn parse(&self) -> Result<EntryDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = errors.take("kind", EntryKind::parse(&self.kind));
        let title = self.title.trim().to_owned();
        if title.is_empty() {
            errors.add("title", Problem::new(ProblemKey::Required));
        } else if let Err(problem) = max_chars(&title, MAX_TITLE) {
            errors.add("title", problem);
        }
        let description = self.description.trim().to_owned();
        if let Err(problem) = max_chars(&description, MAX_DESCRIPTION) {
            errors.add("description", problem);
        }
        let url = errors.take("url", crate::practices::parse_url(&self.url));
        let mut languages = Vec::new();
        for code in self
            .languages
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            match code.parse::<Lang>() {
                Ok(lang) if !languages.contains(&lang) => languages.push(lang),
                Ok(_) => {}
                Err(_) => errors.add(
                    "languages",
                    Problem::with_detail(ProblemKey::UnknownLanguage, code),
                ),
            }
        }
        languages.sort();
        match (kind, url) {
            (Some(kind), Some(url)) if errors.is_empty() => Ok(EntryDraft {
                kind,
                title,
                description,
                url,
                languages,
            }),
            _ => Err(errors),
        }
    }
}

impl EntryDraft {
    pub fn input(&self) -> EntryInput {
        EntryInput {
            kind: self.kind.key().to_owned(),
            title: self.title.clone(),
            description: self.description.clone(),
            url: self.url.clone(),
            languages: self
                .languages
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(","),
        }
    }
}

/// The introduction's form: a text per language (any may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IntroInput {
    pub intro_en: String,
    pub intro_fr: String,
    pub intro_es: String,
}

impl IntroInput {
    pub fn parse(&self) -> Result<BTreeMap<Lang, String>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut texts = BTreeMap::new();
        for (lang, text) in [
            (Lang::En, &self.intro_en),
            (Lang::Fr, &self.intro_fr),
            (Lang::Es, &self.intro_es),
        ] {
            let text = text.trim().replace("\r\n", "\n");
            if text.is_empty() {
                continue;
            }
            if let Err(problem) = max_chars(&text, MAX_INTRO) {
                errors.add(&format!("intro_{lang}"), problem);
            } else {
                texts.insert(lang, text);
            }
        }
        errors.into_result(|| texts)
    }

    pub fn of(texts: &BTreeMap<Lang, String>) -> IntroInput {
        let text = |lang| texts.get(&lang).cloned().unwrap_or_default();
        IntroInput {
            intro_en: text(Lang::En),
            intro_fr: text(Lang::Fr),
            intro_es: text(Lang::Es),
        }
    }
}

/// Moves the entry `id` one place up or down in `order` (ids in their order); at an end, stays.
pub fn moved(order: &[i64], id: i64, up: bool) -> Vec<i64> {
    let mut order = order.to_vec();
    if let Some(at) = order.iter().position(|e| *e == id) {
        let to = if up { at.checked_sub(1) } else { Some(at + 1) };
        if let Some(to) = to.filter(|to| *to < order.len()) {
            order.swap(at, to);
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_entry_needs_a_kind_a_title_and_a_web_address() {
        let input = EntryInput {
            kind: "video".into(),
            title: "The harbour library".into(),
            url: "https://video.example.org/watch/1".into(),
            languages: "es, en,es".into(),
            ..Default::default()
        };
        let draft = input.parse().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(draft.languages, vec![Lang::En, Lang::Es]);
        assert_eq!(draft.input().parse(), Ok(draft));
        let bad = EntryInput {
            kind: "podcast".into(),
            url: "javascript:alert(1)".into(),
            languages: "de".into(),
            ..Default::default()
        };
        let errors = bad.parse().err().unwrap_or_default();
        for field in ["kind", "title", "url", "languages"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn only_the_secretariat_approves() {
        assert_eq!(Approval::after_change(true), Approval::Approved);
        assert_eq!(Approval::after_change(false), Approval::Proposed);
    }

    proptest! {
        #[test]
        fn moving_keeps_every_entry_once(n in 1usize..10, pick in 0usize..10, up: bool) {
            let order: Vec<i64> = (1..=n as i64).collect();
            let id = order[pick % n];
            let after = moved(&order, id, up);
            let mut sorted = after.clone();
            sorted.sort_unstable();
            prop_assert_eq!(&sorted, &order);
            let (before_at, after_at) = (order.iter().position(|e| *e == id), after.iter().position(|e| *e == id));
            let shift = after_at.unwrap_or(0) as i64 - before_at.unwrap_or(0) as i64;
            let expected = if up { -1 } else { 1 };
            prop_assert!(shift == 0 || shift == expected, "moved by {}", shift);
        }
    }
}
