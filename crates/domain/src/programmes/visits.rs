//! A visit to a Leading City (activity 6 of the catalogue): a member city asks to learn about a
//! field, and the platform suggests host Leading Cities by their evidence of expertise in it —
//! their score on the field in an assessment (at or above the middle of the scale), their
//! published practices tagged with it, their public outputs about it — each suggestion with its
//! reasons, strongest first. The city that asks is never suggested to itself.

use crate::ids::CityId;
use serde::Serialize;

/// How many practices or outputs count towards a suggestion's strength (more are still listed).
pub const COUNTED: usize = 3;
/// How many reasons of each kind a suggestion lists.
pub const LISTED: usize = 5;

/// A city's score on the field in one of its closed assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldScore {
    pub assessment_id: i64,
    pub assessment_title: String,
    pub mean: f64,
    /// The scale's lowest and highest scores.
    pub min: f64,
    pub max: f64,
}

impl FieldScore {
    /// Where the mean lies on the scale, from 0 (lowest) to 1 (highest).
    pub fn share(&self) -> f64 {
        if self.max > self.min {
            ((self.mean - self.min) / (self.max - self.min)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// A score is evidence of expertise at or above the middle of the scale.
    pub fn is_evidence(&self) -> bool {
        self.share() >= 0.5
    }
}

/// A record a suggestion points to: its id or slug for the link, and its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pointer {
    pub id: i64,
    pub slug: String,
    pub title: String,
}

/// What is known of one candidate host: its best score on the field and its public records.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub city_id: CityId,
    pub score: Option<FieldScore>,
    pub practices: Vec<Pointer>,
    pub outputs: Vec<Pointer>,
}

/// Why a city is suggested.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    Score(FieldScore),
    Practice(Pointer),
    Output(Pointer),
}

/// A suggested host with its reasons and the strength they add up to (0 to 4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub city_id: CityId,
    pub strength: f64,
    pub reasons: Vec<Reason>,
}

impl Evidence {
    /// A city with no evidence yet.
    pub fn of(city_id: CityId) -> Evidence {
        Evidence {
            city_id,
            score: None,
            practices: Vec::new(),
            outputs: Vec::new(),
        }
    }

    /// How strong the evidence is: the score's place on the scale counts double, then each of
    /// the first three practices half, each of the first three outputs a sixth.
    pub fn strength(&self) -> f64 {
        let score = self
            .score
            .as_ref()
            .filter(|s| s.is_evidence())
            .map_or(0.0, |s| 2.0 * s.share());
        let practices = self.practices.len().min(COUNTED) as f64 * 0.5;
        let outputs = self.outputs.len().min(COUNTED) as f64 / 6.0;
        score + practices + outputs
    }

    /// The reasons, the score first; none when nothing is evidence.
    pub fn reasons(&self) -> Vec<Reason> {
        let mut reasons = Vec::new();
        if let Some(score) = self.score.as_ref().filter(|s| s.is_evidence()) {
            reasons.push(Reason::Score(score.clone()));
        }
        reasons.extend(
            self.practices
                .iter()
                .take(LISTED)
                .cloned()
                .map(Reason::Practice),
        );
        reasons.extend(
            self.outputs
                .iter()
                .take(LISTED)
                .cloned()
                .map(Reason::Output),
        );
        reasons
    }
}

/// The candidates with evidence, strongest first (then by city id), without the asking city.
pub fn suggest(candidates: Vec<Evidence>, asking: Option<CityId>, limit: usize) -> Vec<Suggestion> {
    let mut suggestions: Vec<Suggestion> = candidates
        .into_iter()
        .filter(|e| Some(e.city_id) != asking)
        .filter_map(|e| {
            let reasons = e.reasons();
            (!reasons.is_empty()).then(|| Suggestion {
                city_id: e.city_id,
                strength: e.strength(),
                reasons,
            })
        })
        .collect();
    suggestions.sort_by(|a, b| {
        b.strength
            .total_cmp(&a.strength)
            .then(a.city_id.cmp(&b.city_id))
    });
    suggestions.truncate(limit);
    suggestions
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pointer(id: i64) -> Pointer {
        Pointer {
            id,
            slug: format!("p-{id}"),
            title: format!("Record {id}"),
        }
    }

    fn score(mean: f64) -> FieldScore {
        FieldScore {
            assessment_id: 1,
            assessment_title: "Lab".into(),
            mean,
            min: 1.0,
            max: 9.0,
        }
    }

    #[test]
    fn a_low_score_is_no_evidence_and_a_city_without_evidence_is_not_suggested() {
        let low = Evidence {
            city_id: CityId::new(1),
            score: Some(score(4.9)),
            ..Evidence::of(CityId::new(1))
        };
        let middle = Evidence {
            city_id: CityId::new(2),
            score: Some(score(5.0)),
            ..Evidence::of(CityId::new(2))
        };
        let practices = Evidence {
            city_id: CityId::new(3),
            practices: vec![pointer(1), pointer(2)],
            ..Evidence::of(CityId::new(3))
        };
        let found = suggest(vec![low, middle, practices], None, 10);
        let ids: Vec<i64> = found.iter().map(|s| s.city_id.get()).collect();
        // A middle score (1.0) and two practices (2 × 0.5) are as strong: by city then.
        assert_eq!(ids, [2, 3], "{found:?}");
        assert!(matches!(found[0].reasons[..], [Reason::Score(_)]));
        assert!(matches!(
            found[1].reasons[..],
            [Reason::Practice(_), Reason::Practice(_)]
        ));
    }

    #[test]
    fn the_best_score_with_practices_and_outputs_comes_first_and_the_asker_never() {
        let strong = Evidence {
            city_id: CityId::new(7),
            score: Some(score(9.0)),
            practices: vec![pointer(1)],
            outputs: vec![pointer(2)],
        };
        let asker = Evidence {
            city_id: CityId::new(8),
            score: Some(score(9.0)),
            practices: (0..10).map(pointer).collect(),
            outputs: Vec::new(),
        };
        let found = suggest(vec![asker, strong], Some(CityId::new(8)), 10);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].city_id, CityId::new(7));
        assert_eq!(found[0].reasons.len(), 3);
        assert!((found[0].strength - (2.0 + 0.5 + 1.0 / 6.0)).abs() < 1e-9);
    }

    fn evidence() -> impl Strategy<Value = Evidence> {
        (
            1i64..20,
            proptest::option::of(1.0f64..=9.0),
            0usize..8,
            0usize..8,
        )
            .prop_map(|(city_id, mean, practices, outputs)| Evidence {
                city_id: CityId::new(city_id),
                score: mean.map(score),
                practices: (0..practices as i64).map(pointer).collect(),
                outputs: (0..outputs as i64).map(pointer).collect(),
            })
    }

    proptest! {
        #[test]
        fn suggestions_have_reasons_come_strongest_first_and_leave_out_the_asker(
            candidates in proptest::collection::vec(evidence(), 0..12), asking in 1i64..20,
        ) {
            let found = suggest(candidates, Some(CityId::new(asking)), 50);
            for pair in found.windows(2) {
                prop_assert!(pair[0].strength >= pair[1].strength);
            }
            for s in &found {
                prop_assert!(s.city_id != CityId::new(asking));
                prop_assert!(!s.reasons.is_empty());
                prop_assert!((0.0..=4.0).contains(&s.strength));
            }
        }

        #[test]
        fn more_evidence_never_weakens_a_city(e in evidence(), extra in 1usize..5) {
            let mut more = e.clone();
            more.practices.extend((100..100 + extra as i64).map(pointer));
            prop_assert!(more.strength() >= e.strength());
        }
    }
}
