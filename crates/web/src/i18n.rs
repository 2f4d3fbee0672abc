//! The interface's messages in English, French and Spanish (Fluent files bundled at build time),
//! and the translation of validation problems.

use ateneu_domain::{Lang, Problem};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;

pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::Fr, include_str!("../locales/fr.ftl")),
    (Lang::Es, include_str!("../locales/es.ftl")),
];

/// The three bundles, built once at start.
pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl I18n {
    pub fn load() -> Result<I18n, String> {
        let mut bundles = Vec::new();
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_owned())
                .map_err(|(_, errors)| format!("locale {lang}: {errors:?}"))?;
            let langid: unic_langid::LanguageIdentifier = lang
                .code()
                .parse()
                .map_err(|e| format!("locale {lang}: {e}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| format!("locale {lang}: {errors:?}"))?;
            bundles.push((lang, bundle));
        }
        Ok(I18n { bundles })
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, b)| b)
    }

    /// A message with arguments; a missing message shows its key (tests make sure none is).
    pub fn format(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(bundle) = self.bundle(lang) else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text: Cow<'_, str> = bundle.format_pattern(
            pattern,
            (!args.is_empty()).then_some(&fluent_args),
            &mut errors,
        );
        text.into_owned()
    }

    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, &[])
    }

    /// A validation problem in words: the message `problem-KEY` with its detail as `$detail`.
    pub fn problem(&self, lang: Lang, problem: &Problem) -> String {
        let detail = problem.detail.clone().unwrap_or_default();
        self.format(
            lang,
            &format!("problem-{}", problem.key.replace('_', "-")),
            &[("detail", detail.into())],
        )
    }

    /// A whole number with the language's digit grouping (1,234 · 1 234 · 1.234).
    pub fn number(&self, lang: Lang, n: i64) -> String {
        let separator = match lang {
            Lang::En => ",",
            Lang::Fr => "\u{202f}",
            Lang::Es => ".",
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(c);
        }
        if n < 0 { format!("-{out}") } else { out }
    }

    /// Whether a message exists in every language (used by tests).
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).is_some_and(|b| b.has_message(key))
    }
}

/// The message ids of one Fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_message_exists_in_every_language() {
        let sets: Vec<(Lang, BTreeSet<String>)> = SOURCES
            .iter()
            .map(|(lang, src)| (*lang, message_ids(src).into_iter().collect()))
            .collect();
        let all: BTreeSet<String> = sets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
        for (lang, set) in &sets {
            let missing: Vec<&String> = all.difference(set).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
        assert!(all.len() > 100, "the interface has its messages");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        let i18n = I18n::load().expect("locales load");
        assert_eq!(i18n.number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(i18n.number(Lang::Fr, 522_000), "522\u{202f}000");
        assert_eq!(i18n.number(Lang::Es, -1000), "-1.000");
        assert_eq!(i18n.number(Lang::Es, 999), "999");
    }

    #[test]
    fn sources_parse_without_errors() {
        for (lang, source) in SOURCES {
            assert!(
                fluent_syntax::parser::parse(source).is_ok(),
                "{lang} has a syntax error"
            );
        }
        assert!(I18n::load().is_ok());
    }

    #[test]
    fn every_problem_key_in_the_code_has_a_message() {
        let i18n = I18n::load().expect("locales load");
        for key in crate::error::PROBLEM_KEYS {
            for lang in Lang::ALL {
                let id = format!("problem-{}", key.replace('_', "-"));
                assert!(i18n.has(lang, &id), "{lang} lacks {id}");
            }
        }
    }
}
