//! Order and pages: relevance (title over summary over body), newest first, everything when
//! there is nothing to match, offset and limit.

use super::*;
use ateneu_domain::Lang::{En, Fr};

#[test]
fn a_title_match_ranks_above_a_summary_match_above_a_body_match() {
    let index = index_with(vec![
        doc(
            1,
            300,
            &[(
                En,
                "Community gardens",
                "Neighbours grow food.",
                "Also some jazz.",
            )],
            &[],
        ),
        doc(
            2,
            200,
            &[(En, "Jazz in the park", "Free concerts.", "Every summer.")],
            &[],
        ),
        doc(
            3,
            100,
            &[(En, "Open stages", "Local jazz bands play.", "In squares.")],
            &[],
        ),
    ]);
    let response = search(&index, &request("jazz"));
    assert_eq!(ids(&response), vec![2, 3, 1]);
    assert!(response.hits[0].score > response.hits[1].score);
    assert!(response.hits[1].score > response.hits[2].score);
}

#[test]
fn newest_sort_orders_by_publication() {
    let index = index_with(vec![
        doc(1, 300, &[(En, "Jazz", "", "")], &[]),
        doc(2, 100, &[(En, "Jazz jazz jazz", "jazz", "jazz")], &[]),
        doc(3, 200, &[(En, "Other jazz", "", "")], &[]),
        doc(4, 400, &[(En, "Theatre", "", "")], &[]),
    ]);
    let newest = search(
        &index,
        &SearchRequest {
            sort: Sort::Newest,
            ..request("jazz")
        },
    );
    assert_eq!(ids(&newest), vec![1, 3, 2]);
    let relevance = search(&index, &request("jazz"));
    assert_eq!(relevance.hits[0].id, 2);
}

#[test]
fn nothing_to_match_means_everything_newest_first() {
    let index = index_with(vec![
        doc(1, 300, &[(En, "One", "", "")], &[]),
        doc(2, 100, &[(Fr, "Deux", "", "")], &[]),
        doc(3, 200, &[(En, "Three", "", "")], &[]),
    ]);
    for text in ["", "   ", "?!… --", "à A", "\"\""] {
        for sort in [Sort::Relevance, Sort::Newest] {
            let response = search(
                &index,
                &SearchRequest {
                    sort,
                    ..request(text)
                },
            );
            assert_eq!(ids(&response), vec![1, 3, 2], "{text:?} {sort:?}");
            assert_eq!(response.total, 3);
            assert!(response.hits.iter().all(|h| h.score == 0.0));
        }
    }
    // With a filter, the same order.
    let filtered = search(&index, &filtered("", &[(FacetKind::Language, "en")]));
    assert_eq!(ids(&filtered), vec![1, 3]);
}

#[test]
fn a_word_that_is_a_stop_word_elsewhere_ranks_but_excludes_nothing() {
    // "AI" is a French stop word ("ai"): alone it matches everything, its practices first.
    let index = index_with(vec![
        doc(1, 300, &[(En, "Dance", "", "")], &[]),
        doc(2, 100, &[(En, "AI and art", "", "")], &[]),
        doc(3, 200, &[(En, "AI festival", "", "")], &[]),
    ]);
    let response = search(&index, &request("AI"));
    assert_eq!(response.total, 3);
    assert_eq!(response.hits[2].id, 1);
    let with_festival = search(&index, &request("ai festival"));
    assert_eq!(ids(&with_festival), vec![3]);
}

#[test]
fn pages_slice_the_same_order_and_keep_the_total() {
    let docs = (1..=25)
        .map(|i| {
            doc(
                i,
                1000 - i,
                &[(En, "Puppet theatre", "", "")],
                &[(FacetKind::Sdg, "4")],
            )
        })
        .collect();
    let index = index_with(docs);
    let all = search(
        &index,
        &SearchRequest {
            limit: 100,
            ..request("puppet")
        },
    );
    assert_eq!(all.hits.len(), 25);
    let mut paged = Vec::new();
    for offset in [0, 10, 20] {
        let page = search(
            &index,
            &SearchRequest {
                offset,
                limit: 10,
                ..request("puppet")
            },
        );
        assert_eq!(page.total, 25);
        assert_eq!(count(&page, FacetKind::Sdg, "4"), 25);
        paged.extend(ids(&page));
    }
    assert_eq!(paged, ids(&all));
    let beyond = search(
        &index,
        &SearchRequest {
            offset: 30,
            ..request("puppet")
        },
    );
    assert!(beyond.hits.is_empty());
    assert_eq!(beyond.total, 25);
    let none = search(
        &index,
        &SearchRequest {
            limit: 0,
            ..request("puppet")
        },
    );
    assert!(none.hits.is_empty());
    assert_eq!(none.total, 25);
    let huge = search(
        &index,
        &SearchRequest {
            offset: usize::MAX,
            limit: usize::MAX,
            ..request("")
        },
    );
    assert!(huge.hits.is_empty());
    assert_eq!(huge.total, 25);
    // Everything (no words) pages the same way.
    let everything: Vec<i64> = [0, 10, 20]
        .iter()
        .flat_map(|offset| {
            ids(&search(
                &index,
                &SearchRequest {
                    offset: *offset,
                    limit: 10,
                    ..request("")
                },
            ))
        })
        .collect();
    assert_eq!(everything, (1..=25).collect::<Vec<_>>());
}
