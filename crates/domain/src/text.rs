//! Translatable text: a value per language, the source language, and each translation's status;
//! picking the reader's language with a visible fallback.

use crate::ProblemKey;
use crate::lang::Lang;
use crate::validation::Problem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a translation stands against its source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    Draft,
    Translated,
    /// The source text changed after this translation was made.
    NeedsUpdate,
    Reviewed,
}

impl TranslationStatus {
    pub fn key(self) -> &'static str {
        match self {
            TranslationStatus::Draft => "draft",
            TranslationStatus::Translated => "translated",
            TranslationStatus::NeedsUpdate => "needs_update",
            TranslationStatus::Reviewed => "reviewed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub text: String,
    pub status: TranslationStatus,
    /// Who wrote or last reviewed this translation (an account id), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<i64>,
}

/// A text that people write once and translate: the source language's text is always present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslatedText {
    pub source: Lang,
    pub values: BTreeMap<Lang, Translation>,
}

/// The text shown to a reader: in their language, or in another one that is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub lang: Lang,
    /// True when the text is not in the language asked for.
    pub is_fallback: bool,
}

impl TranslatedText {
    /// A text written in `source`, with no translation yet. Empty text is refused.
    pub fn new(source: Lang, text: &str) -> Result<Self, Problem> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Problem::new(ProblemKey::Required));
        }
        let mut values = BTreeMap::new();
        values.insert(
            source,
            Translation {
                text: text.to_owned(),
                status: TranslationStatus::Reviewed,
                translator: None,
            },
        );
        Ok(TranslatedText { source, values })
    }

    /// Builds a text from values per language, the first non-empty one in `preferred_source`
    /// order being the source; the others count as translated.
    pub fn from_values(preferred_source: Lang, values: &[(Lang, &str)]) -> Result<Self, Problem> {
        let present: Vec<(Lang, &str)> = values
            .iter()
            .map(|(lang, text)| (*lang, text.trim()))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        let source = present
            .iter()
            .find(|(lang, _)| *lang == preferred_source)
            .or_else(|| present.first())
            .map(|(lang, _)| *lang)
            .ok_or(Problem::new(ProblemKey::Required))?;
        let mut text = TranslatedText {
            source,
            values: BTreeMap::new(),
        };
        for (lang, value) in present {
            let status = if lang == source {
                TranslationStatus::Reviewed
            } else {
                TranslationStatus::Translated
            };
            text.values.insert(
                lang,
                Translation {
                    text: value.to_owned(),
                    status,
                    translator: None,
                },
            );
        }
        Ok(text)
    }

    pub fn source_text(&self) -> &str {
        self.values
            .get(&self.source)
            .map_or("", |value| value.text.as_str())
    }

    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.values.get(&lang).map(|value| value.text.as_str())
    }

    pub fn status(&self, lang: Lang) -> Option<TranslationStatus> {
        self.values.get(&lang).map(|value| value.status)
    }

    /// The reader's language if present, else the source language, else any present one.
    pub fn show(&self, lang: Lang) -> Shown<'_> {
        if let Some(text) = self.get(lang) {
            return Shown {
                text,
                lang,
                is_fallback: false,
            };
        }
        let fallback = if self.values.contains_key(&self.source) {
            self.source
        } else {
            self.values.keys().next().copied().unwrap_or(self.source)
        };
        Shown {
            text: self.get(fallback).unwrap_or(""),
            lang: fallback,
            is_fallback: true,
        }
    }

    /// Sets the text of one language. Changing the source text marks every translation as
    /// needing an update; setting a translation records it with the given status. Clearing a
    /// translation removes it; clearing the source is refused.
    pub fn set(
        &mut self,
        lang: Lang,
        text: &str,
        status: TranslationStatus,
    ) -> Result<(), Problem> {
        let text = text.trim();
        if lang == self.source {
            if text.is_empty() {
                return Err(Problem::new(ProblemKey::Required));
            }
            if self.source_text() != text {
                for (other, value) in self.values.iter_mut() {
                    if *other != lang {
                        value.status = TranslationStatus::NeedsUpdate;
                    }
                }
                self.values.insert(
                    lang,
                    Translation {
                        text: text.to_owned(),
                        status: TranslationStatus::Reviewed,
                        translator: None,
                    },
                );
            }
            return Ok(());
        }
        if text.is_empty() {
            self.values.remove(&lang);
        } else if self.get(lang) != Some(text) || self.status(lang) != Some(status) {
            self.values.insert(
                lang,
                Translation {
                    text: text.to_owned(),
                    status,
                    translator: None,
                },
            );
        }
        Ok(())
    }

    /// Records who made the translation in `lang` (no effect when that language is absent).
    pub fn set_translator(&mut self, lang: Lang, translator: Option<i64>) {
        if let Some(value) = self.values.get_mut(&lang) {
            value.translator = translator;
        }
    }

    /// Applies a whole form of values per language (empty = none), keeping statuses where the
    /// text did not change.
    pub fn update_from(&mut self, values: &[(Lang, &str)]) -> Result<(), Problem> {
        let source = self.source;
        if let Some((_, text)) = values.iter().find(|(lang, _)| *lang == source) {
            self.set(source, text, TranslationStatus::Reviewed)?;
        }
        for (lang, text) in values.iter().filter(|(lang, _)| *lang != source) {
            if self.get(*lang) != Some(text.trim()) {
                self.set(*lang, text, TranslationStatus::Translated)?;
            }
        }
        Ok(())
    }

    /// The languages in which this text exists.
    pub fn languages(&self) -> Vec<Lang> {
        self.values.keys().copied().collect()
    }

    /// Every value joined, for text matching across languages.
    pub fn all_text(&self) -> String {
        self.values
            .values()
            .map(|value| value.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lang() -> impl Strategy<Value = Lang> {
        prop_oneof![Just(Lang::En), Just(Lang::Fr), Just(Lang::Es)]
    }

    #[test]
    fn shows_reader_language_or_falls_back_visibly() {
        let mut text = TranslatedText::new(Lang::Fr, "Bonjour").expect("valid");
        let shown = text.show(Lang::Es);
        assert_eq!(
            (shown.text, shown.lang, shown.is_fallback),
            ("Bonjour", Lang::Fr, true)
        );
        text.set(Lang::Es, "Hola", TranslationStatus::Translated)
            .expect("valid");
        let shown = text.show(Lang::Es);
        assert_eq!((shown.text, shown.is_fallback), ("Hola", false));
    }

    #[test]
    fn from_values_prefers_the_asked_source() {
        let text = TranslatedText::from_values(Lang::Es, &[(Lang::En, "Hi"), (Lang::Es, "Hola")])
            .expect("valid");
        assert_eq!(text.source, Lang::Es);
        assert_eq!(text.status(Lang::En), Some(TranslationStatus::Translated));
        let none = TranslatedText::from_values(Lang::En, &[(Lang::En, "  ")]);
        assert_eq!(none, Err(Problem::new(ProblemKey::Required)));
    }

    proptest! {
        #[test]
        fn changing_the_source_marks_every_translation_outdated(
            source in lang(), other in lang(), a in "[a-z]{1,8}", b in "[a-z]{1,8}", t in "[a-z]{1,8}"
        ) {
            prop_assume!(source != other && a != b);
            let mut text = TranslatedText::new(source, &a).expect("valid");
            text.set(other, &t, TranslationStatus::Reviewed).expect("valid");
            text.set(source, &b, TranslationStatus::Reviewed).expect("valid");
            prop_assert_eq!(text.status(other), Some(TranslationStatus::NeedsUpdate));
            prop_assert_eq!(text.source_text(), b.as_str());
        }

        #[test]
        fn shown_text_is_never_empty_and_names_its_language(
            source in lang(), reader in lang(), a in "[a-z]{1,8}"
        ) {
            let text = TranslatedText::new(source, &a).expect("valid");
            let shown = text.show(reader);
            prop_assert!(!shown.text.is_empty());
            prop_assert_eq!(shown.is_fallback, reader != source);
            prop_assert_eq!(text.get(shown.lang), Some(shown.text));
        }

        #[test]
        fn the_source_can_never_be_cleared(source in lang(), a in "[a-z]{1,8}") {
            let mut text = TranslatedText::new(source, &a).expect("valid");
            prop_assert!(text.set(source, "  ", TranslationStatus::Reviewed).is_err());
            prop_assert_eq!(text.source_text(), a.as_str());
        }
    }
}
