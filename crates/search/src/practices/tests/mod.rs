//! Tests of the practice index through its public API: fixtures shared by the test files.

mod facets;
mod hostile;
mod lifecycle;
mod ranking;
mod segments;
mod texts;

use super::{DocText, FacetKind, PracticeDoc, PracticeIndex, SearchRequest, SearchResponse, Sort};
use ateneu_domain::Lang;
use std::collections::BTreeMap;

/// A practice: `texts` are (language, title, summary, body).
fn doc(
    id: i64,
    published_at: i64,
    texts: &[(Lang, &str, &str, &str)],
    facets: &[(FacetKind, &str)],
) -> PracticeDoc {
    let texts: BTreeMap<Lang, DocText> = texts
        .iter()
        .map(|(lang, title, summary, body)| {
            (
                *lang,
                DocText {
                    title: (*title).to_owned(),
                    summary: (*summary).to_owned(),
                    body: (*body).to_owned(),
                },
            )
        })
        .collect();
    PracticeDoc {
        id,
        slug: format!("practice-{id}"),
        cities: facets
            .iter()
            .filter(|(kind, _)| *kind == FacetKind::City)
            .map(|(_, slug)| (*slug).to_owned())
            .collect(),
        source_lang: texts.keys().next().copied().unwrap_or(Lang::En),
        texts,
        published_at,
        facets: facets
            .iter()
            .map(|(kind, value)| (*kind, (*value).to_owned()))
            .collect(),
    }
}

/// A practice in English with the given facet values (for tests outside this module).
pub(crate) fn practice(id: i64, facets: Vec<(FacetKind, String)>) -> PracticeDoc {
    PracticeDoc {
        facets,
        ..doc(id, id, &[(Lang::En, "Practice", "A practice.", "")], &[])
    }
}

fn request(text: &str) -> SearchRequest {
    SearchRequest {
        text: text.to_owned(),
        lang: Lang::En,
        filters: Vec::new(),
        sort: Sort::Relevance,
        offset: 0,
        limit: 20,
    }
}

fn filtered(text: &str, filters: &[(FacetKind, &str)]) -> SearchRequest {
    SearchRequest {
        filters: filters
            .iter()
            .map(|(kind, value)| (*kind, (*value).to_owned()))
            .collect(),
        ..request(text)
    }
}

fn ids(response: &SearchResponse) -> Vec<i64> {
    response.hits.iter().map(|h| h.id).collect()
}

fn search(index: &PracticeIndex, request: &SearchRequest) -> SearchResponse {
    match index.search(request) {
        Ok(response) => response,
        Err(error) => panic!("search {request:?} failed: {error}"),
    }
}

fn index_with(docs: Vec<PracticeDoc>) -> PracticeIndex {
    let index = PracticeIndex::in_memory().expect("an in-memory index");
    index.apply(docs, &[], 1).expect("applied");
    index
}

/// The count of one facet value in a response (0 when absent).
fn count(response: &SearchResponse, kind: FacetKind, value: &str) -> u64 {
    response.facets[&kind]
        .iter()
        .find(|c| c.value == value)
        .map_or(0, |c| c.count)
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<PracticeIndex>();
}
