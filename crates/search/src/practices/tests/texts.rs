//! Matching across languages and spellings, and what changes with the reader's language
//! (titles and snippets only).

use super::*;
use ateneu_domain::Lang::{En, Es, Fr};

fn bilingual_and_french() -> PracticeIndex {
    index_with(vec![
        doc(
            1,
            100,
            &[
                (
                    En,
                    "Street music festival",
                    "A festival of street music.",
                    "Bands play.",
                ),
                (
                    Fr,
                    "Festival de musique de rue",
                    "Un festival de musique dans la rue.",
                    "Des fanfares jouent.",
                ),
            ],
            &[],
        ),
        doc(
            2,
            200,
            &[(
                Fr,
                "Les musées ouverts la nuit",
                "Les musées de la ville ouvrent la nuit.",
                "Patrimoines et publics.",
            )],
            &[],
        ),
        doc(
            3,
            300,
            &[(
                Es,
                "Políticas culturales locales",
                "Las políticas culturales de la ciudad.",
                "Derechos culturales.",
            )],
            &[],
        ),
        doc(
            4,
            400,
            &[(
                En,
                "Music in museums",
                "Concerts in the city's museums.",
                "A festival of sound.",
            )],
            &[],
        ),
    ])
}

#[test]
fn a_practice_is_found_by_a_word_of_each_of_its_languages() {
    let index = bilingual_and_french();
    assert!(ids(&search(&index, &request("street"))).contains(&1));
    assert_eq!(ids(&search(&index, &request("rue"))), vec![1]);
    assert_eq!(ids(&search(&index, &request("fanfares"))), vec![1]);
}

#[test]
fn accents_case_and_plurals_find_the_same_practices() {
    let index = bilingual_and_french();
    for spelling in ["Musées", "musees", "musée", "MUSEE"] {
        assert_eq!(
            ids(&search(&index, &request(spelling))),
            vec![2],
            "{spelling}"
        );
    }
    for spelling in ["patrimoine", "patrimoines"] {
        assert_eq!(
            ids(&search(&index, &request(spelling))),
            vec![2],
            "{spelling}"
        );
    }
    for spelling in ["políticas culturales", "politica cultural"] {
        assert_eq!(
            ids(&search(&index, &request(spelling))),
            vec![3],
            "{spelling}"
        );
    }
    let festivals = ids(&search(&index, &request("festivals")));
    assert_eq!(festivals.len(), 2, "{festivals:?}");
    assert_eq!(ids(&search(&index, &request("festival"))).len(), 2);
}

#[test]
fn every_word_must_match_somewhere() {
    let index = bilingual_and_french();
    // "street" is in English, "fanfares" in French: one practice has both.
    assert_eq!(ids(&search(&index, &request("street fanfares"))), vec![1]);
    assert!(ids(&search(&index, &request("street museums"))).is_empty());
    assert_eq!(search(&index, &request("music museums")).total, 1);
}

#[test]
fn the_readers_language_changes_titles_and_snippets_only() {
    let index = bilingual_and_french();
    for text in ["festival", "music", "", "musique"] {
        let in_english = search(&index, &request(text));
        let in_french = search(
            &index,
            &SearchRequest {
                lang: Fr,
                ..request(text)
            },
        );
        assert_eq!(ids(&in_english), ids(&in_french), "{text:?}");
        assert_eq!(in_english.total, in_french.total);
        assert_eq!(in_english.facets, in_french.facets);
        let scores = |r: &SearchResponse| r.hits.iter().map(|h| h.score).collect::<Vec<_>>();
        assert_eq!(scores(&in_english), scores(&in_french));
    }
    let in_french = search(
        &index,
        &SearchRequest {
            lang: Fr,
            ..request("festival")
        },
    );
    let hit = |id| in_french.hits.iter().find(|h| h.id == id).expect("a hit");
    assert_eq!(
        (hit(1).lang, hit(1).title.as_str()),
        (Fr, "Festival de musique de rue")
    );
    assert_eq!(hit(1).languages, vec![En, Fr]);
    // No French text: the source language shows.
    assert_eq!(
        (hit(4).lang, hit(4).title.as_str()),
        (En, "Music in museums")
    );
    assert_eq!(hit(4).languages, vec![En]);
    let in_english = search(&index, &request("festival"));
    assert_eq!(
        in_english
            .hits
            .iter()
            .find(|h| h.id == 1)
            .map(|h| h.title.as_str()),
        Some("Street music festival")
    );
}

#[test]
fn snippets_come_from_the_summary_in_the_hits_language() {
    let index = bilingual_and_french();
    let in_french = search(
        &index,
        &SearchRequest {
            lang: Fr,
            ..request("musique")
        },
    );
    assert_eq!(
        in_french.hits[0].snippet,
        "Un festival de <mark>musique</mark> dans la rue."
    );
    // The English text has "music", not "musique": nothing to mark, the summary shows.
    let in_english = search(&index, &request("musique"));
    assert_eq!(in_english.hits[0].snippet, "A festival of street music.");
    let in_english = search(&index, &request("music street"));
    assert_eq!(
        in_english.hits[0].snippet,
        "A festival of <mark>street</mark> <mark>music</mark>."
    );
}

#[test]
fn snippets_escape_the_summary() {
    let index = index_with(vec![doc(
        7,
        1,
        &[(
            En,
            "Safe",
            "<script>alert(\"x\")</script> & a jazz <b>night</b>",
            "",
        )],
        &[],
    )]);
    let response = search(&index, &request("jazz"));
    assert_eq!(
        response.hits[0].snippet,
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; a <mark>jazz</mark> &lt;b&gt;night&lt;/b&gt;"
    );
}

#[test]
fn phrases_match_words_in_order() {
    let index = index_with(vec![
        doc(1, 1, &[(Fr, "La politique de la ville", "", "")], &[]),
        doc(2, 2, &[(Fr, "Une ville et sa politique", "", "")], &[]),
    ]);
    assert_eq!(
        ids(&search(&index, &request("\"politique de la ville\""))),
        vec![1]
    );
    assert_eq!(
        ids(&search(&index, &request("\"Politiques de la Villes\""))),
        vec![1]
    );
    let mut both = ids(&search(&index, &request("politique ville")));
    both.sort();
    assert_eq!(both, vec![1, 2]);
}

/// A Spanish practice only tagged with heritage, a French one that says "patrimoine", and
/// the tags' names in the three languages.
fn tagged() -> PracticeIndex {
    let index = index_with(vec![
        doc(
            1,
            1,
            &[(Es, "Fiesta de barrio", "Las fiestas de los barrios.", "")],
            &[
                (FacetKind::Keyword, "intangible-heritage"),
                (FacetKind::Sdg, "11"),
            ],
        ),
        doc(
            2,
            2,
            &[(Fr, "Le patrimoine de la ville", "Un patrimoine vivant.", "")],
            &[],
        ),
        doc(3, 3, &[(En, "Jazz nights", "Music.", "")], &[]),
    ]);
    index
        .set_tag_names(&[
            crate::practices::TagName {
                kind: FacetKind::Keyword,
                value: "intangible-heritage".into(),
                names: [
                    "Intangible cultural heritage".into(),
                    "Patrimoine culturel immatériel".into(),
                    "Patrimonio cultural inmaterial".into(),
                ],
            },
            crate::practices::TagName {
                kind: FacetKind::Sdg,
                value: "11".into(),
                names: [
                    "Sustainable cities and communities".into(),
                    "Villes et communautés durables".into(),
                    "Ciudades y comunidades sostenibles".into(),
                ],
            },
        ])
        .expect("names");
    index
}

#[test]
fn words_in_any_language_reach_a_practice_through_its_tags_names() {
    let index = tagged();
    for (reader, word) in [
        (En, "heritage"),
        (Fr, "patrimoine"),
        (Es, "patrimonio"),
        (Fr, "immatériel"),
        (En, "durables"),
        (Es, "sostenibles"),
    ] {
        let response = search(
            &index,
            &SearchRequest {
                lang: reader,
                ..request(word)
            },
        );
        let found = response
            .hits
            .iter()
            .find(|h| h.id == 1)
            .unwrap_or_else(|| panic!("{word} from {reader:?} misses the Spanish practice"));
        assert!(!found.tags.is_empty(), "{word}: the hit says which tag");
        assert!(
            found
                .tags
                .iter()
                .all(|(kind, _)| matches!(kind, FacetKind::Keyword | FacetKind::Sdg)),
            "{:?}",
            found.tags
        );
    }
    assert!(ids(&search(&index, &request("jazz"))) == vec![3]);
}

#[test]
fn a_match_in_the_text_ranks_above_a_match_on_a_tag() {
    let index = tagged();
    let response = search(&index, &request("patrimoine"));
    assert_eq!(
        ids(&response),
        vec![2, 1],
        "the French text first, the tagged one after"
    );
    assert!(
        response.hits[0].tags.is_empty(),
        "no tag led to the text's match"
    );
    assert_eq!(
        response.hits[1].tags,
        vec![(FacetKind::Keyword, "intangible-heritage".to_owned())]
    );
    // Every word must still match somewhere: the text or a tag.
    assert_eq!(
        ids(&search(&index, &request("patrimoine jazz"))),
        Vec::<i64>::new()
    );
    assert_eq!(ids(&search(&index, &request("patrimonio barrio"))), vec![1]);
    // Newest first, the tagged practice is still found.
    let newest = search(
        &index,
        &SearchRequest {
            sort: Sort::Newest,
            ..request("heritage")
        },
    );
    assert_eq!(ids(&newest), vec![1]);
}
