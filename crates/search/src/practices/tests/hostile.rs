//! Whatever the user types, a search answers: no error, no panic.

use super::*;
use ateneu_domain::Lang::{En, Es, Fr};
use proptest::prelude::*;

fn sample() -> PracticeIndex {
    index_with(vec![
        doc(
            1,
            1,
            &[(En, "Heritage festival", "Music and dance <b>", "body")],
            &[(FacetKind::Sdg, "11")],
        ),
        doc(
            2,
            2,
            &[(Fr, "Patrimoine vivant", "Fêtes et musées", "corps")],
            &[(FacetKind::Year, "2019")],
        ),
        doc(
            3,
            3,
            &[(Es, "Políticas", "Ciudad y cultura", "cuerpo")],
            &[],
        ),
    ])
}

#[test]
fn query_syntax_and_junk_are_just_text() {
    let index = sample();
    let long = "festival ".repeat(1_200);
    let hostile = [
        "\"unbalanced",
        "festival\"",
        "\"\"\"",
        "title:heritage",
        "*",
        "-festival",
        "+festival",
        "(festival",
        "[1 TO 5]",
        "{ }",
        "festival~2",
        "heritage AND OR NOT",
        "a:b:c",
        "\\",
        "'",
        "🎷🎺 festival 🎉",
        "\u{0}\u{1}\u{7f}festival\u{202e}",
        "\u{feff}",
        "ﬁesta",
        "İstanbul",
        "ß",
        "𝔣𝔢𝔰𝔱𝔦𝔳𝔞𝔩",
        &long,
        "\"festival\" \"heritage festival\" \"",
        "«patrimoine»",
    ];
    for text in hostile {
        for sort in [Sort::Relevance, Sort::Newest] {
            let response = search(
                &index,
                &SearchRequest {
                    sort,
                    ..request(text)
                },
            );
            assert!(response.total <= 3, "{text:?}");
        }
    }
    // The words still count.
    assert_eq!(ids(&search(&index, &request("festival:heritage"))), vec![1]);
    assert!(ids(&search(&index, &request("title:heritage"))).is_empty());
    assert_eq!(ids(&search(&index, &request("🎷🎺 festival 🎉"))), vec![1]);
    assert_eq!(ids(&search(&index, &request(&long))), vec![1]);
    assert_eq!(ids(&search(&index, &request("«patrimoine»"))), vec![2]);
}

#[test]
fn odd_filters_match_nothing_without_failing() {
    let index = sample();
    let long = "x".repeat(100_000);
    for value in ["", "\u{0}", long.as_str(), "sdg:11", "11 ", "🎷"] {
        for kind in FacetKind::ALL {
            let response = search(&index, &filtered("", &[(kind, value)]));
            assert_eq!(response.total, 0, "{kind:?} {value:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_gets_an_answer(text in "\\PC{0,80}|[\"*:()\\-+ a-zé]{0,40}|.{0,200}") {
        let index = sample_index();
        let response = index.search(&SearchRequest { lang: Fr, ..request(&text) });
        prop_assert!(response.is_ok(), "{text:?}: {:?}", response.err());
        let response = response.expect("checked");
        prop_assert!(response.total <= 3);
        prop_assert!(response.hits.iter().all(|h| !h.snippet.contains("<b>")));
    }
}

/// One index for all the cases of the property.
fn sample_index() -> &'static PracticeIndex {
    static INDEX: std::sync::OnceLock<PracticeIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(sample)
}
