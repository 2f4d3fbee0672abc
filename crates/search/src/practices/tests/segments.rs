//! An index in several segments, searched side by side on several threads, answers exactly as
//! the same practices in one segment: totals, every facet count, the page and its scores.

use super::*;
use crate::practices::parallel;

const WORDS: [&str; 12] = [
    "culture", "heritage", "festival", "library", "music", "theatre", "dance", "museum", "poetry",
    "cinema", "craft", "garden",
];

/// SplitMix64: the same practices on every run.
struct Seeded(u64);

impl Seeded {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }

    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| WORDS[self.below(WORDS.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn corpus(n: i64) -> Vec<PracticeDoc> {
    let mut rng = Seeded(20261121);
    (1..=n)
        .map(|id| {
            let mut texts = BTreeMap::new();
            for lang in Lang::ALL {
                if rng.below(4) > 0 {
                    texts.insert(
                        lang,
                        DocText {
                            title: rng.words(3),
                            summary: rng.words(12),
                            body: rng.words(20),
                        },
                    );
                }
            }
            if texts.is_empty() {
                texts.insert(Lang::En, DocText::default());
            }
            let city = format!("city-{}", rng.below(300));
            PracticeDoc {
                id,
                slug: format!("practice-{id}"),
                cities: vec![city.clone()],
                source_lang: texts.keys().next().copied().unwrap_or(Lang::En),
                texts,
                // Distinct dates: equal scores are ordered by date, not by place in the index.
                published_at: 1_600_000_000 + id * 60,
                facets: vec![
                    (FacetKind::Sdg, (1 + rng.below(17)).to_string()),
                    (FacetKind::City, city),
                    (FacetKind::Year, (2010 + rng.below(15)).to_string()),
                ],
            }
        })
        .collect()
}

#[test]
fn several_segments_answer_as_one() {
    let docs = corpus(6_000);
    let deleted: Vec<i64> = (1..=6_000).filter(|id| id % 37 == 0).collect();
    let one = PracticeIndex::in_memory().expect("an index");
    one.apply(docs.clone(), &deleted, 1).expect("applied");
    let several = PracticeIndex::in_memory().expect("an index");
    for (at, batch) in docs.chunks(2_000).enumerate() {
        several
            .apply(batch.to_vec(), &[], at as i64 + 1)
            .expect("applied");
    }
    several.apply(Vec::new(), &deleted, 9).expect("deleted");
    assert!(several.snapshot().expect("a snapshot").segments.len() >= 3);
    assert_eq!(one.len(), several.len());

    let split_before = parallel::searches_split();
    let requests = [
        request("culture heritage festival"),
        request("music"),
        request("\"poetry cinema\""),
        filtered("", &[(FacetKind::Year, "2015"), (FacetKind::Year, "2016")]),
        filtered("garden", &[(FacetKind::Sdg, "11")]),
        SearchRequest {
            sort: Sort::Newest,
            offset: 40,
            ..request("dance theatre")
        },
        SearchRequest {
            lang: Lang::Fr,
            limit: 100,
            ..request("craft museum library")
        },
    ];
    for r in &requests {
        let (a, b) = (search(&one, r), search(&several, r));
        assert_eq!(a.total, b.total, "{r:?}");
        assert_eq!(a.facets, b.facets, "{r:?}");
        assert_eq!(a.hits, b.hits, "{r:?}");
        assert!(a.total > 0, "{r:?} matches something");
    }
    assert!(
        parallel::searches_split() > split_before,
        "some of these searches were split over threads"
    );
}
