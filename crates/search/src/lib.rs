//! Ateneu's search: how a typed query becomes the folded terms that the registry's name
//! filter matches (every term must match, whatever the accents and case), and the full-text
//! index of good practices ([`practices`]: tantivy, one analysis chain per language).

use ateneu_domain::cities::fold;

pub mod practices;

pub use practices::{
    DocText, FacetCount, FacetKind, Hit, IndexError, NAMED_KINDS, Opened, PracticeDoc,
    PracticeIndex, SearchRequest, SearchResponse, Sort, TagName,
};

/// The most terms a query keeps.
pub const MAX_TERMS: usize = 8;

/// Folded terms of a query: lower-cased, accents removed, split on anything that is not a
/// letter or digit, duplicates dropped.
pub fn query_terms(query: &str) -> Vec<String> {
    let folded = fold(query);
    let mut terms: Vec<String> = Vec::new();
    for term in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        if !terms.iter().any(|t| t == term) {
            terms.push(term.to_owned());
        }
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn terms_are_folded_split_and_unique() {
        assert_eq!(
            query_terms("  Ciudad de MÉXICO, méxico!"),
            vec!["ciudad", "de", "mexico"]
        );
        assert!(query_terms(" -- ").is_empty());
    }

    proptest! {
        #[test]
        fn terms_are_never_empty_and_never_too_many(query in "\\PC{0,200}") {
            let terms = query_terms(&query);
            prop_assert!(terms.len() <= MAX_TERMS);
            prop_assert!(terms.iter().all(|t| !t.is_empty() && t.chars().all(char::is_alphanumeric)));
        }
    }
}
