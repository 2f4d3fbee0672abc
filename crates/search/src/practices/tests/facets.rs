//! Filters and facet counts: same-kind values OR, kinds AND, and counts equal to a
//! brute-force count over random practices, random changes and random filters.

use super::*;
use crate::practices::FacetCount;
use ateneu_domain::Lang::{self, En, Es, Fr};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn small_index() -> PracticeIndex {
    index_with(vec![
        doc(
            1,
            1,
            &[(En, "Jazz", "", "")],
            &[(FacetKind::Sdg, "11"), (FacetKind::Country, "ES")],
        ),
        doc(
            2,
            2,
            &[(En, "Jazz", "", "")],
            &[(FacetKind::Sdg, "4"), (FacetKind::Country, "ES")],
        ),
        doc(
            3,
            3,
            &[(Fr, "Jazz", "", "")],
            &[
                (FacetKind::Sdg, "11"),
                (FacetKind::Sdg, "4"),
                (FacetKind::Country, "FR"),
            ],
        ),
        doc(
            4,
            4,
            &[(En, "Jazz", "", ""), (Es, "Jazz", "", "")],
            &[(FacetKind::Sdg, "5"), (FacetKind::Country, "FR")],
        ),
    ])
}

fn sorted_ids(index: &PracticeIndex, request: &SearchRequest) -> Vec<i64> {
    let mut ids = ids(&search(index, request));
    ids.sort();
    ids
}

#[test]
fn values_of_a_kind_or_together_and_kinds_and_together() {
    let index = small_index();
    let sdg = |v| (FacetKind::Sdg, v);
    let country = |v| (FacetKind::Country, v);
    assert_eq!(
        sorted_ids(&index, &filtered("jazz", &[sdg("11")])),
        vec![1, 3]
    );
    assert_eq!(
        sorted_ids(&index, &filtered("jazz", &[sdg("11"), sdg("5")])),
        vec![1, 3, 4]
    );
    assert_eq!(
        sorted_ids(&index, &filtered("", &[sdg("11"), country("ES")])),
        vec![1]
    );
    assert_eq!(
        sorted_ids(
            &index,
            &filtered("jazz", &[sdg("11"), sdg("4"), country("FR")])
        ),
        vec![3]
    );
    assert_eq!(
        sorted_ids(&index, &filtered("", &[(FacetKind::Language, "es")])),
        vec![4]
    );
    assert!(sorted_ids(&index, &filtered("", &[sdg("99")])).is_empty());
    // An unknown value among known ones changes nothing.
    assert_eq!(
        sorted_ids(&index, &filtered("", &[sdg("99"), sdg("5")])),
        vec![4]
    );
    assert!(sorted_ids(&index, &filtered("", &[sdg("")])).is_empty());
}

#[test]
fn counts_cover_the_whole_matching_set_after_filters() {
    let index = small_index();
    let response = search(
        &index,
        &SearchRequest {
            limit: 1,
            ..filtered("jazz", &[(FacetKind::Country, "FR")])
        },
    );
    assert_eq!(response.total, 2);
    assert_eq!(response.hits.len(), 1);
    let sdgs: Vec<(&str, u64)> = response.facets[&FacetKind::Sdg]
        .iter()
        .map(|c| (c.value.as_str(), c.count))
        .collect();
    assert_eq!(sdgs, vec![("11", 1), ("4", 1), ("5", 1)]);
    let everything = search(&index, &request(""));
    let sdgs: Vec<(&str, u64)> = everything.facets[&FacetKind::Sdg]
        .iter()
        .map(|c| (c.value.as_str(), c.count))
        .collect();
    assert_eq!(sdgs, vec![("11", 2), ("4", 2), ("5", 1)]);
    assert_eq!(count(&everything, FacetKind::Language, "en"), 3);
    assert_eq!(everything.facets.len(), FacetKind::ALL.len());
    assert!(everything.facets[&FacetKind::City].is_empty());
}

const WORDS: [&str; 3] = ["apple", "river", "stone"];
const VALUES: [&str; 3] = ["a", "b", "c"];
const KINDS: [FacetKind; 3] = [FacetKind::Sdg, FacetKind::City, FacetKind::Year];

#[derive(Debug, Clone)]
struct Practice {
    langs: Vec<Lang>,
    words: Vec<&'static str>,
    facets: Vec<(FacetKind, &'static str)>,
}

fn practice() -> impl Strategy<Value = Practice> {
    (
        proptest::sample::subsequence(Lang::ALL.to_vec(), 1..=3),
        proptest::sample::subsequence(WORDS.to_vec(), 0..=3),
        proptest::collection::vec(
            (
                proptest::sample::select(KINDS.to_vec()),
                proptest::sample::select(VALUES.to_vec()),
            ),
            0..5,
        ),
    )
        .prop_map(|(langs, words, facets)| Practice {
            langs,
            words,
            facets,
        })
}

fn filter() -> impl Strategy<Value = (FacetKind, &'static str)> {
    prop_oneof![
        (
            proptest::sample::select(KINDS.to_vec()),
            proptest::sample::select(VALUES.to_vec())
        ),
        proptest::sample::select(vec!["en", "fr", "es"]).prop_map(|v| (FacetKind::Language, v)),
        Just((FacetKind::Status, "unknown")),
    ]
}

fn to_doc(id: i64, p: &Practice) -> PracticeDoc {
    let body = p.words.join(" ");
    let texts: Vec<(Lang, &str, &str, &str)> = p
        .langs
        .iter()
        .map(|l| (*l, "Title", "Summary", body.as_str()))
        .collect();
    doc(id, id * 10, &texts, &p.facets)
}

fn values_of(p: &Practice) -> BTreeSet<(FacetKind, String)> {
    let mut values: BTreeSet<(FacetKind, String)> = p
        .facets
        .iter()
        .map(|(k, v)| (*k, (*v).to_owned()))
        .collect();
    values.extend(
        p.langs
            .iter()
            .map(|l| (FacetKind::Language, l.code().to_owned())),
    );
    values
}

/// The expected total and facet lists.
fn brute_force(
    practices: &BTreeMap<i64, Practice>,
    word: Option<&str>,
    filters: &[(FacetKind, &str)],
) -> (usize, BTreeMap<FacetKind, Vec<FacetCount>>) {
    let mut total = 0;
    let mut counts: BTreeMap<(FacetKind, String), u64> = BTreeMap::new();
    for p in practices.values() {
        let values = values_of(p);
        let passes = FacetKind::ALL.iter().all(|kind| {
            let wanted: Vec<&str> = filters
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, v)| *v)
                .collect();
            wanted.is_empty()
                || wanted
                    .iter()
                    .any(|v| values.contains(&(*kind, (*v).to_owned())))
        });
        if passes && word.is_none_or(|w| p.words.contains(&w)) {
            total += 1;
            for value in values {
                *counts.entry(value).or_default() += 1;
            }
        }
    }
    let mut lists: BTreeMap<FacetKind, Vec<FacetCount>> =
        FacetKind::ALL.iter().map(|k| (*k, Vec::new())).collect();
    for ((kind, value), count) in counts {
        lists
            .entry(kind)
            .or_default()
            .push(FacetCount { value, count });
    }
    for list in lists.values_mut() {
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
    }
    (total, lists)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn counts_equal_a_brute_force_count(
        first in proptest::collection::vec((0i64..40, practice()), 0..40),
        batches in proptest::collection::vec(proptest::collection::vec((0i64..40, practice()), 0..10), 0..3),
        deletes in proptest::collection::vec(0i64..40, 0..8),
        searches in proptest::collection::vec(
            (proptest::option::of(proptest::sample::select(WORDS.to_vec())), proptest::collection::vec(filter(), 0..4)),
            1..6,
        ),
    ) {
        let index = PracticeIndex::in_memory().expect("an index");
        let mut model: BTreeMap<i64, Practice> = BTreeMap::new();
        // A first batch big enough for common values to be kept as bit sets.
        for (n, batch) in std::iter::once(&first).chain(&batches).enumerate() {
            let docs = batch.iter().map(|(id, p)| to_doc(*id, p)).collect();
            for (id, p) in batch {
                model.insert(*id, p.clone());
            }
            let deleted: &[i64] = if n == 1 { &deletes } else { &[] };
            for id in deleted {
                model.remove(id);
            }
            index.apply(docs, deleted, n as i64 + 1).expect("applied");
        }
        prop_assert_eq!(index.len(), model.len() as u64);
        for (word, filters) in &searches {
            let req = SearchRequest { limit: 7, ..filtered(word.unwrap_or(""), filters) };
            let response = search(&index, &req);
            let (total, lists) = brute_force(&model, *word, filters);
            prop_assert_eq!(response.total, total);
            prop_assert_eq!(response.hits.len(), total.min(7));
            prop_assert_eq!(&response.facets, &lists);
            let hit_ids: BTreeSet<i64> = response.hits.iter().map(|h| h.id).collect();
            prop_assert_eq!(hit_ids.len(), response.hits.len(), "a practice twice");
            let top = index.search_top_facets(&req, 2).expect("searched");
            prop_assert_eq!(top.total, response.total);
            prop_assert_eq!(&top.hits, &response.hits);
            // The first two of each kind, and past them the values filtered on.
            for (kind, list) in &response.facets {
                let expected: Vec<_> = list
                    .iter()
                    .enumerate()
                    .filter(|(rank, c)| {
                        *rank < 2 || filters.iter().any(|(k, v)| k == kind && *v == c.value)
                    })
                    .map(|(_, c)| c.clone())
                    .collect();
                prop_assert_eq!(&top.facets[kind], &expected);
            }
        }
    }
}
