//! Searching through the names of tags: a thesaurus keyword, a framework field, an SDG or a
//! creative field is named in English, French and Spanish, and each name is analysed by its
//! own language's chain. A query word that is a word of a tag's name in some language (a
//! phrase: all its words) reaches every practice carrying that tag, whatever language the
//! practice is written in: `patrimoine` finds a Spanish practice tagged *Patrimonio cultural
//! inmaterial*.
//!
//! The names are matched when the query is read, against the facet values every document
//! already holds, rather than copied into each document: renaming a keyword takes effect at
//! once, with no practice to index again.

use super::FacetKind;
use super::facets;
use super::query::{Analyzers, Clause};
use super::schema::lang_index;
use ateneu_domain::Lang;
use std::collections::{BTreeSet, HashMap};

/// A tag and its name in each language (by [`Lang::ALL`] order; an empty name is skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagName {
    pub kind: FacetKind,
    pub value: String,
    pub names: [String; 3],
}

/// The kinds whose values are tags with names (the others are places, years, languages…).
pub const NAMED_KINDS: [FacetKind; 4] = [
    FacetKind::Keyword,
    FacetKind::Field,
    FacetKind::Sdg,
    FacetKind::CreativeField,
];

/// Per language, each analysed word of a tag's name and the tags (indexed spellings) whose
/// name holds it.
#[derive(Debug, Default)]
pub(crate) struct TagTerms {
    per_lang: [HashMap<String, BTreeSet<String>>; 3],
}

impl TagTerms {
    pub(crate) fn build(names: &[TagName], analyzers: &mut Analyzers) -> TagTerms {
        let mut terms = TagTerms::default();
        for tag in names.iter().filter(|t| NAMED_KINDS.contains(&t.kind)) {
            let Some(encoded) = facets::encode(tag.kind, &tag.value) else {
                continue;
            };
            for lang in Lang::ALL {
                let l = lang_index(lang);
                let name = &tag.names[l];
                let map = &mut terms.per_lang[l];
                analyzers
                    .get(lang)
                    .token_stream(name)
                    .process(&mut |token| {
                        map.entry(token.text.clone())
                            .or_default()
                            .insert(encoded.clone());
                    });
            }
        }
        terms
    }

    /// The tags a clause reaches, each with the language whose name it matched (indexed
    /// spellings; a tag reached in several languages is given once, in the first).
    pub(crate) fn reached(&self, clause: &Clause) -> Vec<(usize, String)> {
        let mut found: Vec<(usize, String)> = Vec::new();
        for lang in Lang::ALL {
            let l = lang_index(lang);
            let terms = clause.terms(lang);
            let mut sets = terms.iter().map(|(_, term)| self.per_lang[l].get(term));
            let Some(Some(first)) = sets.next() else {
                continue;
            };
            let mut common: BTreeSet<String> = first.clone();
            for set in sets {
                match set {
                    Some(set) => common.retain(|t| set.contains(t)),
                    None => common.clear(),
                }
            }
            for tag in common {
                if !found.iter().any(|(_, t)| *t == tag) {
                    found.push((l, tag));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practices::query::parse;

    fn names() -> Vec<TagName> {
        vec![
            TagName {
                kind: FacetKind::Keyword,
                value: "intangible-heritage".into(),
                names: [
                    "Intangible cultural heritage".into(),
                    "Patrimoine culturel immatériel".into(),
                    "Patrimonio cultural inmaterial".into(),
                ],
            },
            TagName {
                kind: FacetKind::Sdg,
                value: "11".into(),
                names: [
                    "Sustainable cities and communities".into(),
                    "Villes et communautés durables".into(),
                    "Ciudades y comunidades sostenibles".into(),
                ],
            },
            TagName {
                kind: FacetKind::City,
                value: "lyon".into(),
                names: ["Lyon".into(), "Lyon".into(), "Lyon".into()],
            },
        ]
    }

    fn reached(text: &str) -> Vec<String> {
        let mut analyzers = Analyzers::new();
        let terms = TagTerms::build(&names(), &mut analyzers);
        let parsed = parse(&mut analyzers, text);
        let mut all: Vec<String> = parsed
            .required
            .iter()
            .chain(&parsed.optional)
            .flat_map(|c| terms.reached(c))
            .map(|(_, t)| t)
            .collect();
        all.sort();
        all.dedup();
        all
    }

    #[test]
    fn a_word_of_a_name_in_any_language_reaches_its_tag() {
        for word in [
            "patrimoine",
            "Patrimonio",
            "heritage",
            "immatériel",
            "inmaterial",
        ] {
            assert_eq!(reached(word), ["keyword:intangible-heritage"], "{word}");
        }
        assert_eq!(reached("durables"), ["sdg:11"]);
        assert_eq!(reached("ciudades"), ["sdg:11"]);
        assert!(reached("jazz").is_empty());
        // Places are not tags with names: a city is found by its own facet, not here.
        assert!(reached("lyon").is_empty());
    }

    #[test]
    fn a_phrase_needs_all_its_words_in_one_name() {
        assert_eq!(
            reached("\"patrimoine culturel\""),
            ["keyword:intangible-heritage"]
        );
        assert!(reached("\"patrimoine durable\"").is_empty());
    }
}
