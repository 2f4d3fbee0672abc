//! Benchmark sets computed from a network's published assessments: which assessments count,
//! and the average of their field values.
//!
//! The rules:
//! - An assessment counts when it is closed, its results are public, it was run on the
//!   framework version being benchmarked, and its city is a current member of the network on
//!   the day of the computation (a membership of the network itself or of a programme under it,
//!   such as Leading Cities under the UCLG Culture Committee). Confidential and network-only
//!   assessments never count.
//! - An assessment's value for a field is the one its radar draws: the agreed (consensus) score
//!   where the group recorded one, the participants' mean otherwise (`field_values`). "Not
//!   applicable" answers never enter a mean; a field without a value is left out.
//! - Only the framework's fields are averaged, and only values on the scale (finite, between
//!   its minimum and maximum) enter an average; every average therefore lies on the scale.
//! - A field no counted assessment gave a value for has no average (it is left out, never 0).
//! - `assessments` is the number of assessments that gave at least one value.

use super::{Results, field_values, stats::mean_of};
use crate::assessments::{AssessmentStatus, ScoreRange, Visibility};
use crate::ids::FrameworkVersionId;
use crate::memberships::MembershipDraft;
use crate::reference::Reference;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An assessment as the benchmark rule sees it.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub status: AssessmentStatus,
    pub visibility: Visibility,
    pub framework_version_id: FrameworkVersionId,
    /// Every membership period of the assessment's city.
    pub memberships: &'a [MembershipDraft],
}

/// Whether an assessment's results go into a benchmark of `network` computed on `day` for the
/// framework version `framework_version_id`.
pub fn counts_for_benchmark(
    candidate: &Candidate<'_>,
    framework_version_id: FrameworkVersionId,
    network: &str,
    day: NaiveDate,
    reference: &Reference,
) -> bool {
    candidate.status == AssessmentStatus::Closed
        && candidate.visibility == Visibility::Public
        && candidate.framework_version_id == framework_version_id
        && is_current_member(candidate.memberships, network, day, reference)
}

/// Whether a city belongs to `network` on `day`: one of its memberships holds that day, in the
/// network or in a network under it.
pub fn is_current_member(
    memberships: &[MembershipDraft],
    network: &str,
    day: NaiveDate,
    reference: &Reference,
) -> bool {
    memberships.iter().any(|membership| {
        membership.is_current(day)
            && reference
                .with_ancestors(&membership.network)
                .iter()
                .any(|key| key == network)
    })
}

/// The averages of a set of assessments, per field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ComputedBenchmark {
    /// The average value of each field some assessment gave a value for.
    pub values: BTreeMap<String, f64>,
    /// How many assessments gave a value for each field.
    pub counts: BTreeMap<String, u32>,
    /// How many assessments gave at least one value.
    pub assessments: u32,
    /// Their positions in the list given.
    pub contributors: Vec<usize>,
}

/// Averages the field values of `results` (one per assessment) for the framework's `fields`
/// on the scale `range`.
pub fn average_field_values(
    fields: &[String],
    range: &ScoreRange,
    results: &[&Results],
) -> ComputedBenchmark {
    let (min, max) = (f64::from(range.min), f64::from(range.max));
    let mut given: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut contributors = Vec::new();
    for (position, one) in results.iter().enumerate() {
        let mut contributed = false;
        for (field, value) in field_values(one) {
            let Some(value) = value.filter(|v| v.is_finite() && min <= *v && *v <= max) else {
                continue;
            };
            let Some(known) = fields.iter().find(|f| **f == field) else {
                continue;
            };
            given.entry(known.as_str()).or_default().push(value);
            contributed = true;
        }
        if contributed {
            contributors.push(position);
        }
    }
    let mut computed = ComputedBenchmark {
        assessments: u32::try_from(contributors.len()).unwrap_or(u32::MAX),
        contributors,
        ..ComputedBenchmark::default()
    };
    for (field, values) in given {
        if let Some(mean) = mean_of(values.iter().copied()) {
            computed.values.insert(field.to_owned(), mean);
            computed.counts.insert(
                field.to_owned(),
                u32::try_from(values.len()).unwrap_or(u32::MAX),
            );
        }
    }
    computed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessments::{Answer, Sector};
    use crate::memberships::MembershipRole;
    use crate::reference::{Names, Network};
    use crate::results::{GroupStats, RatedItem, ResponseAnswers, compute};
    use proptest::prelude::*;

    const NINE: ScoreRange = ScoreRange {
        min: 1,
        max: 9,
        not_applicable: true,
    };
    const KEYS: [&str; 5] = ["f1", "f2", "f3", "f4", "f5"];

    fn fields() -> Vec<String> {
        KEYS.iter().map(|k| (*k).to_owned()).collect()
    }

    /// Results with only their fields: (key, mean, consensus).
    fn results(fields: &[(&str, Option<f64>, Option<f64>)]) -> Results {
        Results {
            responses: 0,
            items: Vec::new(),
            fields: fields
                .iter()
                .map(|(key, mean, consensus)| GroupStats {
                    key: (*key).to_owned(),
                    items: 1,
                    rated_items: u32::from(mean.is_some()),
                    mean: *mean,
                    consensus: *consensus,
                })
                .collect(),
            domains: Vec::new(),
            sectors: Vec::new(),
            disagreements: Vec::new(),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn consensus_first_then_the_mean_and_fields_without_data_left_out() {
        let first = results(&[
            ("f1", Some(3.0), Some(8.0)),
            ("f2", Some(4.0), None),
            ("f3", None, None),
        ]);
        let second = results(&[
            ("f1", Some(6.0), None),
            ("f2", None, None),
            ("other", Some(5.0), None),
        ]);
        let computed = average_field_values(&fields(), &NINE, &[&first, &second]);
        assert_eq!(computed.assessments, 2);
        assert_eq!(
            computed.values,
            BTreeMap::from([("f1".to_owned(), 7.0), ("f2".to_owned(), 4.0)])
        );
        assert_eq!(
            computed.counts,
            BTreeMap::from([("f1".to_owned(), 2), ("f2".to_owned(), 1)])
        );
    }

    #[test]
    fn not_applicable_answers_never_enter_the_average() {
        let items = [RatedItem {
            key: "f1".into(),
            field: "f1".into(),
            domain: "d".into(),
        }];
        let answers: Vec<BTreeMap<String, Answer>> = [Answer::Score(2), Answer::NotApplicable]
            .into_iter()
            .map(|a| BTreeMap::from([("f1".to_owned(), a)]))
            .collect();
        let responses: Vec<ResponseAnswers<'_>> = answers
            .iter()
            .map(|answers| ResponseAnswers {
                sector: Sector::Academia,
                answers,
            })
            .collect();
        // The group agreed on "not applicable": the mean of the scores stands.
        let agreed = BTreeMap::from([("f1".to_owned(), Answer::NotApplicable)]);
        let one = compute(&NINE, &items, &responses, &agreed);
        let only_na = compute(&NINE, &items, &responses[1..], &agreed);
        let computed = average_field_values(&fields(), &NINE, &[&one, &only_na]);
        assert_eq!(computed.values, BTreeMap::from([("f1".to_owned(), 2.0)]));
        assert_eq!(computed.assessments, 1, "the all-N/A workshop gave nothing");
        assert_eq!(computed.contributors, vec![0]);
    }

    fn value() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            3 => Just(None),
            6 => (1.0f64..=9.0).prop_map(Some),
            1 => (-3.0f64..15.0).prop_map(Some),
            1 => Just(Some(f64::NAN)),
            1 => Just(Some(f64::INFINITY)),
        ]
    }

    type Given = Vec<Vec<(usize, Option<f64>, Option<f64>)>>;

    fn assessments() -> impl Strategy<Value = Given> {
        prop::collection::vec(
            prop::collection::vec((0usize..7, value(), value()), 0..7),
            0..8,
        )
    }

    fn build(given: &Given) -> Vec<Results> {
        let names = ["f1", "f2", "f3", "f4", "f5", "extra", "f1"];
        given
            .iter()
            .map(|fields| {
                let mut seen = Vec::new();
                let unique: Vec<(&str, Option<f64>, Option<f64>)> = fields
                    .iter()
                    .filter_map(|(i, mean, consensus)| {
                        let key = names.get(*i).copied().unwrap_or("f1");
                        (!seen.contains(&key)).then(|| {
                            seen.push(key);
                            (key, *mean, *consensus)
                        })
                    })
                    .collect();
                results(&unique)
            })
            .collect()
    }

    /// What the rules say each assessment gives: field → value, on the scale only.
    fn expected(built: &[Results]) -> Vec<BTreeMap<String, f64>> {
        built
            .iter()
            .map(|r| {
                field_values(r)
                    .into_iter()
                    .filter(|(k, _)| KEYS.contains(&k.as_str()))
                    .filter_map(|(k, v)| {
                        v.filter(|v| v.is_finite() && (1.0..=9.0).contains(v))
                            .map(|v| (k, v))
                    })
                    .collect()
            })
            .collect()
    }

    proptest! {
        #[test]
        fn averages_are_the_means_of_the_values_on_the_scale(given in assessments()) {
            let built = build(&given);
            let refs: Vec<&Results> = built.iter().collect();
            let computed = average_field_values(&fields(), &NINE, &refs);
            let per_assessment = expected(&built);
            let giving: Vec<usize> = per_assessment
                .iter()
                .enumerate()
                .filter(|(_, m)| !m.is_empty())
                .map(|(i, _)| i)
                .collect();
            prop_assert_eq!(computed.assessments as usize, giving.len());
            prop_assert_eq!(&computed.contributors, &giving);
            for key in KEYS {
                let values: Vec<f64> = per_assessment.iter().filter_map(|m| m.get(key).copied()).collect();
                match computed.values.get(key) {
                    None => prop_assert!(values.is_empty(), "{} has data but no average", key),
                    Some(average) => {
                        prop_assert!(!values.is_empty());
                        prop_assert!((1.0..=9.0).contains(average), "{} off the scale: {}", key, average);
                        let lowest = values.iter().copied().fold(f64::INFINITY, f64::min);
                        let highest = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                        prop_assert!(lowest <= *average && *average <= highest);
                        let mean = values.iter().sum::<f64>() / values.len() as f64;
                        prop_assert!(close(*average, mean), "{} vs {}", average, mean);
                        prop_assert_eq!(computed.counts.get(key).copied(), Some(values.len() as u32));
                    }
                }
            }
            prop_assert!(computed.values.keys().all(|k| KEYS.contains(&k.as_str())), "only the framework's fields");
            prop_assert_eq!(computed.values.len(), computed.counts.len());
        }

        #[test]
        fn the_order_of_the_assessments_does_not_matter(given in assessments()) {
            let built = build(&given);
            let forward: Vec<&Results> = built.iter().collect();
            let backward: Vec<&Results> = built.iter().rev().collect();
            let a = average_field_values(&fields(), &NINE, &forward);
            let b = average_field_values(&fields(), &NINE, &backward);
            prop_assert_eq!(&a.counts, &b.counts);
            prop_assert_eq!(a.assessments, b.assessments);
            let last = built.len().saturating_sub(1);
            let mut mirrored: Vec<usize> = b.contributors.iter().map(|i| last - i).collect();
            mirrored.sort_unstable();
            prop_assert_eq!(&a.contributors, &mirrored);
            for (key, value) in &a.values {
                prop_assert!(b.values.get(key).is_some_and(|other| close(*value, *other)));
            }
        }

        #[test]
        fn assessments_without_values_change_nothing(given in assessments(), empty in 0usize..4) {
            let built = build(&given);
            let blank = results(&[("f1", None, None), ("f2", Some(f64::NAN), Some(12.0))]);
            let mut refs: Vec<&Results> = built.iter().collect();
            let before = average_field_values(&fields(), &NINE, &refs);
            refs.extend(std::iter::repeat_n(&blank, empty));
            prop_assert_eq!(average_field_values(&fields(), &NINE, &refs), before);
        }

        #[test]
        fn one_assessment_is_its_own_benchmark(given in assessments()) {
            let built = build(&given);
            for (one, expected) in built.iter().zip(expected(&built)) {
                let computed = average_field_values(&fields(), &NINE, &[one]);
                prop_assert_eq!(computed.assessments, u32::from(!expected.is_empty()));
                prop_assert_eq!(computed.values, expected);
            }
        }
    }

    fn network(key: &str, parent: &str) -> Network {
        let name = Names {
            en: key.into(),
            fr: key.into(),
            es: key.into(),
        };
        Network {
            key: key.into(),
            parent: parent.into(),
            website: String::new(),
            creative_fields: false,
            name: name.clone(),
            description: name,
        }
    }

    fn reference() -> Reference {
        Reference {
            networks: vec![
                network("uclg-culture", ""),
                network("leading-cities", "uclg-culture"),
                network("uccn", ""),
            ],
            ..Reference::default()
        }
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    fn membership(network: &str, from: &str, to: Option<&str>) -> MembershipDraft {
        MembershipDraft {
            network: network.into(),
            role: MembershipRole::Member,
            started_on: day(from),
            ended_on: to.map(day),
            creative_field: None,
            designation_year: None,
        }
    }

    #[test]
    fn current_members_of_the_network_or_a_programme_under_it() {
        let reference = reference();
        let today = day("2026-05-01");
        let leading = [membership("leading-cities", "2016-01-01", None)];
        assert!(is_current_member(
            &leading,
            "uclg-culture",
            today,
            &reference
        ));
        assert!(is_current_member(
            &leading,
            "leading-cities",
            today,
            &reference
        ));
        assert!(!is_current_member(&leading, "uccn", today, &reference));
        let member = [membership("uclg-culture", "2010-01-01", None)];
        assert!(!is_current_member(
            &member,
            "leading-cities",
            today,
            &reference
        ));
        let ended = [membership("uclg-culture", "2010-01-01", Some("2025-12-31"))];
        assert!(!is_current_member(
            &ended,
            "uclg-culture",
            today,
            &reference
        ));
        let future = [membership("uclg-culture", "2027-01-01", None)];
        assert!(!is_current_member(
            &future,
            "uclg-culture",
            today,
            &reference
        ));
        assert!(!is_current_member(&[], "uclg-culture", today, &reference));
    }

    fn status() -> impl Strategy<Value = AssessmentStatus> {
        prop::sample::select(AssessmentStatus::ALL.to_vec())
    }

    fn visibility() -> impl Strategy<Value = Visibility> {
        prop::sample::select(Visibility::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn only_closed_public_assessments_of_current_members_on_the_version_count(
            status in status(),
            visibility in visibility(),
            version in 1i64..4,
            networks in prop::collection::vec((0usize..3, any::<bool>()), 0..3),
        ) {
            let reference = reference();
            let today = day("2026-05-01");
            let memberships: Vec<MembershipDraft> = networks
                .iter()
                .map(|(n, ended)| {
                    let key = ["uclg-culture", "leading-cities", "uccn"][*n];
                    membership(key, "2015-01-01", ended.then_some("2020-12-31"))
                })
                .collect();
            let candidate = Candidate { status, visibility, framework_version_id: FrameworkVersionId::new(version), memberships: &memberships };
            let counts = counts_for_benchmark(&candidate, FrameworkVersionId::new(1), "uclg-culture", today, &reference);
            let member = networks.iter().any(|(n, ended)| *n < 2 && !ended);
            prop_assert_eq!(
                counts,
                status == AssessmentStatus::Closed && visibility == Visibility::Public && version == 1 && member
            );
            if visibility != Visibility::Public {
                prop_assert!(!counts, "confidential and network-only results never count");
            }
        }
    }
}
