//! Tests of the aggregation: hand-computed examples and properties over random workshops.

use super::stats::mean_of;
use super::*;
use proptest::prelude::*;

const FIVE: ScoreRange = ScoreRange {
    min: 1,
    max: 5,
    not_applicable: true,
};

fn item(key: &str, field: &str, domain: &str) -> RatedItem {
    RatedItem {
        key: key.to_owned(),
        field: field.to_owned(),
        domain: domain.to_owned(),
    }
}

fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    pairs
        .iter()
        .map(|(key, answer)| ((*key).to_owned(), *answer))
        .collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

use Answer::{NotApplicable as Na, Score as S};

#[test]
fn a_small_workshop_by_hand() {
    let items = [
        item("a", "f1", "d1"),
        item("b", "f1", "d1"),
        item("c", "f2", "d2"),
        item("d", "f2", "d2"),
    ];
    let given = [
        (
            Sector::LocalGovernment,
            answers(&[("a", S(1)), ("b", S(4)), ("c", Na)]),
        ),
        (
            Sector::CivilSociety,
            answers(&[("a", S(3)), ("b", Na), ("c", S(5))]),
        ),
        (
            Sector::CivilSociety,
            answers(&[("a", S(5)), ("b", S(4)), ("c", S(9)), ("zz", S(2))]),
        ),
        (Sector::Academia, answers(&[("a", S(3))])),
    ];
    let responses: Vec<ResponseAnswers<'_>> = given
        .iter()
        .map(|(sector, answers)| ResponseAnswers {
            sector: *sector,
            answers,
        })
        .collect();
    let consensus = answers(&[("f1", S(4)), ("f2", Na), ("f9", S(2))]);
    let results = compute(&FIVE, &items, &responses, &consensus);
    assert_eq!(results.responses, 4);

    let a = &results.items[0];
    assert_eq!((a.count, a.not_applicable, a.unanswered), (4, 0, 0));
    assert_eq!((a.mean, a.median), (Some(3.0), Some(3.0)));
    assert!(close(a.spread, 2f64.sqrt()));
    assert_eq!((a.min, a.max), (Some(1), Some(5)));
    assert_eq!(a.distribution, vec![1, 0, 2, 0, 1]);
    let b = &results.items[1];
    assert_eq!((b.count, b.not_applicable, b.unanswered), (2, 1, 1));
    assert_eq!((b.mean, b.spread), (Some(4.0), Some(0.0)));
    let c = &results.items[2];
    assert_eq!((c.count, c.not_applicable, c.unanswered), (1, 1, 2));
    assert_eq!(c.mean, Some(5.0));
    let d = &results.items[3];
    assert_eq!((d.count, d.unanswered), (0, 4));
    assert_eq!(
        (d.mean, d.median, d.spread, d.min),
        (None, None, None, None)
    );
    assert_eq!(d.distribution, vec![0; 5]);

    let f1 = &results.fields[0];
    assert_eq!((f1.key.as_str(), f1.items, f1.rated_items), ("f1", 2, 2));
    assert_eq!((f1.mean, f1.consensus), (Some(3.5), Some(4.0)));
    let f2 = &results.fields[1];
    assert_eq!(
        (f2.items, f2.rated_items, f2.mean, f2.consensus),
        (2, 1, Some(5.0), None)
    );
    let domains: Vec<(&str, Option<f64>, Option<f64>)> = results
        .domains
        .iter()
        .map(|d| (d.key.as_str(), d.mean, d.consensus))
        .collect();
    assert_eq!(
        domains,
        vec![("d1", Some(3.5), Some(4.0)), ("d2", Some(5.0), None)]
    );

    let sectors: Vec<(Sector, u32, Option<f64>)> = results
        .sectors
        .iter()
        .map(|s| (s.sector, s.responses, s.mean))
        .collect();
    assert_eq!(
        sectors,
        vec![
            (Sector::LocalGovernment, 1, Some(2.5)),
            (Sector::CivilSociety, 2, Some(4.25)),
            (Sector::PrivateSector, 0, None),
            (Sector::Academia, 1, Some(3.0)),
            (Sector::Other, 0, None),
        ]
    );
    assert_eq!(results.disagreements.len(), 1);
    assert_eq!(results.disagreements[0].key, "a");
    assert_eq!(results.disagreements[0].count, 4);
}

#[test]
fn even_medians_domain_consensus_and_disagreement_order() {
    // Field-level rating: item key == field.
    let items: Vec<RatedItem> = (0..24)
        .map(|i| item(&format!("f{i:02}"), &format!("f{i:02}"), "d"))
        .collect();
    // Item i gets the scores 1 and 1 + i % 5: spread (i % 5) / 2.
    let low: BTreeMap<String, Answer> = items.iter().map(|it| (it.key.clone(), S(1))).collect();
    let high: BTreeMap<String, Answer> = (0..24u8)
        .map(|i| (format!("f{i:02}"), S(1 + i % 5)))
        .collect();
    let responses = [
        ResponseAnswers {
            sector: Sector::Other,
            answers: &low,
        },
        ResponseAnswers {
            sector: Sector::Other,
            answers: &high,
        },
    ];
    let consensus = answers(&[("f00", S(2)), ("f01", S(5)), ("f02", S(7))]);
    let results = compute(&FIVE, &items, &responses, &consensus);
    assert_eq!(results.items[3].median, Some(2.5));
    assert_eq!(results.domains[0].consensus, Some(3.5));
    let order: Vec<&str> = results
        .disagreements
        .iter()
        .map(|d| d.key.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "f04", "f09", "f14", "f19", "f03", "f08", "f13", "f18", "f23", "f02"
        ]
    );
    assert_eq!(results.disagreements[0].spread, 2.0);
}

#[test]
fn nothing_to_aggregate_gives_empty_results() {
    let results = compute(&FIVE, &[], &[], &BTreeMap::new());
    assert_eq!(results.responses, 0);
    assert!(results.items.is_empty() && results.fields.is_empty());
    assert_eq!(results.sectors.len(), Sector::ALL.len());
    let inverted = ScoreRange {
        min: 9,
        max: 1,
        not_applicable: false,
    };
    let given = answers(&[("a", S(5))]);
    let responses = [ResponseAnswers {
        sector: Sector::Academia,
        answers: &given,
    }];
    let results = compute(&inverted, &[item("a", "a", "d")], &responses, &given);
    assert_eq!(
        (results.items[0].count, results.items[0].unanswered),
        (0, 1)
    );
    assert_eq!(results.items[0].mean, None);
}

#[test]
fn strengths_and_weaknesses_by_hand() {
    let values: Vec<(String, Option<f64>)> = [
        ("a", Some(3.0)),
        ("b", Some(5.0)),
        ("c", None),
        ("d", Some(1.0)),
        ("e", Some(5.0)),
        ("f", Some(3.5)),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), *v))
    .collect();
    let benchmark: BTreeMap<String, f64> = [("b".to_owned(), 4.0)].into_iter().collect();
    // Own mean: (3 + 5 + 1 + 5 + 3.5) / 5 = 3.5; "f" is neither.
    let found = strengths_and_weaknesses(&values, Some(&benchmark), 3);
    let keys = |list: &[Deviation]| list.iter().map(|d| d.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&found.strengths), ["b", "e"]);
    assert_eq!(keys(&found.weaknesses), ["d", "a"]);
    assert_eq!(found.strengths[0].from_own_mean, 1.5);
    assert_eq!(found.strengths[0].from_benchmark, Some(1.0));
    assert_eq!(found.strengths[1].from_benchmark, None);
    assert_eq!(found.weaknesses[0].from_own_mean, -2.5);
    let one = strengths_and_weaknesses(&values, None, 1);
    assert_eq!(
        (keys(&one.strengths), keys(&one.weaknesses)),
        (vec!["b".to_owned()], vec!["d".to_owned()])
    );
    assert_eq!(
        strengths_and_weaknesses(&[], None, 3),
        StrengthsWeaknesses::default()
    );
}

#[test]
fn a_large_workshop_aggregates_quickly() {
    let items: Vec<RatedItem> = (0..250)
        .map(|i| {
            item(
                &format!("a{i}"),
                &format!("f{}", i / 5),
                &format!("d{}", i / 50),
            )
        })
        .collect();
    let all: Vec<BTreeMap<String, Answer>> = (0..300u32)
        .map(|r| {
            items
                .iter()
                .enumerate()
                .map(|(i, it)| {
                    let value = (r as usize * 7 + i * 13) % 10;
                    (it.key.clone(), if value == 0 { Na } else { S(value as u8) })
                })
                .collect()
        })
        .collect();
    let responses: Vec<ResponseAnswers<'_>> = all
        .iter()
        .enumerate()
        .map(|(r, answers)| ResponseAnswers {
            sector: Sector::ALL[r % 5],
            answers,
        })
        .collect();
    let range = ScoreRange {
        min: 1,
        max: 9,
        not_applicable: true,
    };
    let started = std::time::Instant::now();
    let results = compute(&range, &items, &responses, &BTreeMap::new());
    let elapsed = started.elapsed();
    assert_eq!(results.items.len(), 250);
    assert_eq!(
        results.items[0].count + results.items[0].not_applicable,
        300
    );
    // Generous for unoptimised test builds; release builds take a few milliseconds at most.
    assert!(elapsed.as_millis() < 500, "{elapsed:?}");
}

/// A random workshop: a range, items (field-level or action-level), responses and consensus.
#[derive(Debug, Clone)]
struct Workshop {
    range: ScoreRange,
    items: Vec<RatedItem>,
    responses: Vec<(Sector, BTreeMap<String, Answer>)>,
    consensus: BTreeMap<String, Answer>,
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![4 => (0u8..=20).prop_map(Answer::Score), 1 => Just(Answer::NotApplicable)]
}

fn workshop() -> impl Strategy<Value = Workshop> {
    (0u8..=10, 0u8..=9, any::<bool>(), 1usize..12, any::<bool>())
        .prop_flat_map(|(min, width, not_applicable, n, by_field)| {
            let range = ScoreRange {
                min,
                max: min + width,
                not_applicable,
            };
            let items: Vec<RatedItem> = (0..n)
                .map(|i| {
                    let field = if by_field { i } else { i / 3 };
                    item(
                        &format!("i{i}"),
                        &format!("f{field}"),
                        &format!("d{}", field % 3),
                    )
                })
                .map(|mut it| {
                    if by_field {
                        it.key = it.field.clone();
                    }
                    it
                })
                .collect();
            let keys: Vec<String> = items
                .iter()
                .map(|it| it.key.clone())
                .chain(["zz".to_owned()])
                .collect();
            let fields: Vec<String> = items.iter().map(|it| it.field.clone()).collect();
            let response = (
                proptest::sample::select(Sector::ALL.to_vec()),
                proptest::collection::btree_map(
                    proptest::sample::select(keys),
                    answer(),
                    0..=n + 1,
                ),
            );
            (
                Just(range),
                Just(items),
                proptest::collection::vec(response, 0..25),
                proptest::collection::btree_map(proptest::sample::select(fields), answer(), 0..4),
            )
        })
        .prop_map(|(range, items, responses, consensus)| Workshop {
            range,
            items,
            responses,
            consensus,
        })
}

fn run(w: &Workshop) -> Results {
    let responses: Vec<ResponseAnswers<'_>> = w
        .responses
        .iter()
        .map(|(sector, answers)| ResponseAnswers {
            sector: *sector,
            answers,
        })
        .collect();
    compute(&w.range, &w.items, &responses, &w.consensus)
}

fn means(results: &Results) -> Vec<Option<f64>> {
    let items = results
        .items
        .iter()
        .flat_map(|i| [i.mean, i.median, i.spread]);
    let groups = results
        .fields
        .iter()
        .chain(&results.domains)
        .map(|g| g.mean);
    let sectors = results.sectors.iter().map(|s| s.mean);
    items.chain(groups).chain(sectors).collect()
}

proptest! {
    #[test]
    fn every_number_stays_on_the_scale(w in workshop()) {
        let results = run(&w);
        let (low, high) = (f64::from(w.range.min), f64::from(w.range.max));
        let on_scale = |value: Option<f64>| value.is_none_or(|v| low <= v && v <= high);
        for item in &results.items {
            prop_assert!(on_scale(item.mean) && on_scale(item.median));
            prop_assert!(item.min.is_none_or(|m| w.range.contains(m)));
            prop_assert!(item.max.is_none_or(|m| w.range.contains(m)));
            prop_assert_eq!(item.distribution.len(), w.range.len());
            prop_assert_eq!(item.distribution.iter().sum::<u32>(), item.count);
            prop_assert_eq!(item.count + item.not_applicable + item.unanswered, results.responses);
            prop_assert_eq!(item.mean.is_none(), item.count == 0);
        }
        for group in results.fields.iter().chain(&results.domains) {
            prop_assert!(on_scale(group.mean) && on_scale(group.consensus));
        }
        for sector in &results.sectors {
            prop_assert!(on_scale(sector.mean));
        }
        let total: u32 = results.sectors.iter().map(|s| s.responses).sum();
        prop_assert_eq!(total, results.responses);
        prop_assert_eq!(results.responses as usize, w.responses.len());
    }

    #[test]
    fn a_field_mean_lies_between_its_items_means(w in workshop()) {
        let results = run(&w);
        for field in &results.fields {
            let item_means: Vec<f64> = results.items.iter()
                .filter(|i| i.field == field.key)
                .filter_map(|i| i.mean)
                .collect();
            let lowest = item_means.iter().copied().fold(f64::INFINITY, f64::min);
            let highest = item_means.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert_eq!(field.rated_items as usize, item_means.len());
            match field.mean {
                Some(mean) => prop_assert!(lowest <= mean && mean <= highest),
                None => prop_assert!(item_means.is_empty()),
            }
        }
        prop_assert!(results.disagreements.len() <= MAX_DISAGREEMENTS);
        prop_assert!(results.disagreements.windows(2).all(|p| p[0].spread >= p[1].spread));
    }

    #[test]
    fn not_applicable_answers_never_change_a_mean(w in workshop()) {
        let before = run(&w);
        let mut more = w.clone();
        for (_, answers) in &mut more.responses {
            for item in &w.items {
                answers.entry(item.key.clone()).or_insert(Answer::NotApplicable);
            }
        }
        let after = run(&more);
        prop_assert_eq!(means(&before), means(&after));
    }

    #[test]
    fn strengths_lie_above_the_own_mean_and_weaknesses_below(
        values in proptest::collection::vec(proptest::option::of(-100.0f64..100.0), 0..15),
        n in 0usize..6,
    ) {
        let values: Vec<(String, Option<f64>)> = values
            .into_iter()
            .enumerate()
            .map(|(i, v)| (format!("k{i}"), v))
            .collect();
        let found = strengths_and_weaknesses(&values, None, n);
        let own = mean_of(values.iter().filter_map(|(_, v)| *v));
        prop_assert!(found.strengths.len() <= n && found.weaknesses.len() <= n);
        for s in &found.strengths {
            prop_assert!(own.is_some_and(|own| s.value >= own && s.from_own_mean > 0.0));
        }
        for w in &found.weaknesses {
            prop_assert!(own.is_some_and(|own| w.value <= own && w.from_own_mean < 0.0));
        }
        prop_assert!(found.strengths.windows(2).all(|p| p[0].from_own_mean >= p[1].from_own_mean));
        prop_assert!(found.weaknesses.windows(2).all(|p| p[0].from_own_mean <= p[1].from_own_mean));
    }
}
