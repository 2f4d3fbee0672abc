//! What a catalogue activity records of its own, beside the dates, place and people every
//! activity has: a peer-learning seminar (5) its host city and visiting peers, and a note when
//! it is not the usual 3–4 days; a local challenge (11) its question, scope and the members and
//! experts involved; a public event (12) the event of the calendar, the expertise and advice
//! requested and the Committee's representatives mobilised. Other activities record none; a
//! change of an activity's kind drops what no longer applies.

use super::super::{MAX_PEOPLE, MAX_TEXT, text};
use crate::assessments::keyed_enum;
use crate::validation::non_empty;
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The catalogue keys with specifics of their own.
pub const SEMINAR: &str = "peer-learning-seminar";
pub const LOCAL_CHALLENGE: &str = "local-challenge";
pub const PUBLIC_EVENT: &str = "public-event";
/// A peer-learning seminar usually lasts 3 to 4 days (the terms of reference).
pub const SEMINAR_DAYS: (i64, i64) = (3, 4);
pub const MAX_QUESTION: usize = 1_000;
pub const MAX_THEME: usize = 200;

keyed_enum!(
    /// What a local challenge is about: one theme, or the city's cultural governance, its
    /// participatory policy-making, or a local cultural strategy.
    ChallengeScope, ProblemKey::UnknownValue, {
        Theme => "theme",
        Governance => "governance",
        ParticipatoryPolicyMaking => "participatory_policy_making",
        LocalStrategy => "local_strategy",
    }
);

/// A peer-learning seminar's own record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seminar {
    /// The Leading City that hosts it; none until chosen.
    pub host_city_id: Option<i64>,
    /// The visiting peers (senior staff of other Leading Cities), one per line.
    pub visiting_peers: String,
}

/// A local challenge's own record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalChallenge {
    pub question: String,
    pub scope: ChallengeScope,
    /// The theme, when the scope is one theme.
    pub theme: String,
    /// The members of the Committee and the experts involved.
    pub people: String,
}

/// A public event's own record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicEvent {
    /// The event of the calendar, when it is in it.
    pub event_id: Option<i64>,
    /// The expertise and advice the city requests.
    pub expertise_requested: String,
    /// The Committee's representatives mobilised.
    pub representatives: String,
}

/// An activity's specifics, by its kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Specifics {
    #[default]
    None,
    Seminar(Seminar),
    LocalChallenge(LocalChallenge),
    PublicEvent(PublicEvent),
}

/// The raw specific fields of an activity's form or JSON body; only those of the activity's
/// kind are read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpecificsInput {
    /// A seminar's host city: a Leading City's id.
    #[serde(deserialize_with = "crate::validation::number_or_text")]
    pub host_city: String,
    pub visiting_peers: String,
    /// A local challenge's question (required for one).
    pub question: String,
    /// A `ChallengeScope` key; empty means one theme.
    pub scope: String,
    pub theme: String,
    pub people: String,
    /// A public event's event of the calendar: its id, or empty.
    #[serde(deserialize_with = "crate::validation::number_or_text")]
    pub event: String,
    pub expertise_requested: String,
    pub representatives: String,
}

/// The records a specific field may point to: the Leading Cities that may host a seminar and
/// the events of the calendar.
#[derive(Debug, Clone, Copy, Default)]
pub struct Known<'a> {
    pub host_cities: &'a [i64],
    pub events: &'a [i64],
}

/// One of `known`, or a problem on `field`; empty gives none.
fn pick(errors: &mut FieldErrors, field: &str, given: &str, known: &[i64]) -> Option<i64> {
    let given = given.trim();
    if given.is_empty() {
        return None;
    }
    match given.parse::<i64>().ok().filter(|id| known.contains(id)) {
        Some(id) => Some(id),
        None => {
            errors.add(field, Problem::with_detail(ProblemKey::UnknownValue, given));
            None
        }
    }
}

impl SpecificsInput {
    /// The specifics of an activity of the catalogue's `key` (none for a custom one), with
    /// their problems added to `errors`.
    pub fn parse(
        &self,
        key: Option<&str>,
        known: Known<'_>,
        errors: &mut FieldErrors,
    ) -> Specifics {
        match key {
            Some(SEMINAR) => Specifics::Seminar(Seminar {
                host_city_id: pick(errors, "host_city", &self.host_city, known.host_cities),
                visiting_peers: text(errors, "visiting_peers", &self.visiting_peers, MAX_PEOPLE),
            }),
            Some(LOCAL_CHALLENGE) => {
                let question = text(errors, "question", &self.question, MAX_QUESTION);
                if question.is_empty() {
                    errors.add("question", Problem::new(ProblemKey::Required));
                }
                let scope = match non_empty(self.scope.trim()) {
                    None => ChallengeScope::Theme,
                    Some(given) => errors
                        .take("scope", ChallengeScope::parse(&given))
                        .unwrap_or(ChallengeScope::Theme),
                };
                let theme = text(errors, "theme", &self.theme, MAX_THEME);
                if scope == ChallengeScope::Theme && theme.is_empty() {
                    errors.add("theme", Problem::new(ProblemKey::Required));
                }
                Specifics::LocalChallenge(LocalChallenge {
                    question,
                    scope,
                    // A theme belongs only to a challenge on one theme.
                    theme: if scope == ChallengeScope::Theme {
                        theme
                    } else {
                        String::new()
                    },
                    people: text(errors, "people", &self.people, MAX_PEOPLE),
                })
            }
            Some(PUBLIC_EVENT) => Specifics::PublicEvent(PublicEvent {
                event_id: pick(errors, "event", &self.event, known.events),
                expertise_requested: text(
                    errors,
                    "expertise_requested",
                    &self.expertise_requested,
                    MAX_TEXT,
                ),
                representatives: text(errors, "representatives", &self.representatives, MAX_PEOPLE),
            }),
            _ => Specifics::None,
        }
    }
}

impl Specifics {
    /// The form's fields as these specifics fill them.
    pub fn input(&self) -> SpecificsInput {
        let id = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
        match self {
            Specifics::None => SpecificsInput::default(),
            Specifics::Seminar(s) => SpecificsInput {
                host_city: id(s.host_city_id),
                visiting_peers: s.visiting_peers.clone(),
                ..Default::default()
            },
            Specifics::LocalChallenge(c) => SpecificsInput {
                question: c.question.clone(),
                scope: c.scope.key().to_owned(),
                theme: c.theme.clone(),
                people: c.people.clone(),
                ..Default::default()
            },
            Specifics::PublicEvent(e) => SpecificsInput {
                event: id(e.event_id),
                expertise_requested: e.expertise_requested.clone(),
                representatives: e.representatives.clone(),
                ..Default::default()
            },
        }
    }

    /// The host city of a seminar and the event of a public event: the records whose names
    /// the activity's page shows.
    pub fn host_city_id(&self) -> Option<i64> {
        match self {
            Specifics::Seminar(s) => s.host_city_id,
            _ => None,
        }
    }

    pub fn event_id(&self) -> Option<i64> {
        match self {
            Specifics::PublicEvent(e) => e.event_id,
            _ => None,
        }
    }
}

/// How many days a seminar from `starts_on` to `ends_on` lasts when that is not the usual 3–4
/// (accepted, and said on its page); none when it is.
pub fn unusual_seminar_days(starts_on: NaiveDate, ends_on: NaiveDate) -> Option<i64> {
    let days = (ends_on - starts_on).num_days() + 1;
    (days < SEMINAR_DAYS.0 || days > SEMINAR_DAYS.1).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a day")
    }

    fn parse(key: Option<&str>, input: &SpecificsInput) -> (Specifics, FieldErrors) {
        let mut errors = FieldErrors::new();
        let known = Known {
            host_cities: &[7, 8],
            events: &[3],
        };
        (input.parse(key, known, &mut errors), errors)
    }

    #[test]
    fn a_seminar_is_hosted_by_a_leading_city() {
        let input = SpecificsInput {
            host_city: "8".into(),
            visiting_peers: " Ana Ruiz, Bilbao\nJon Smith, Lyon ".into(),
            question: "ignored for a seminar".into(),
            ..Default::default()
        };
        let (specifics, errors) = parse(Some(SEMINAR), &input);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            specifics,
            Specifics::Seminar(Seminar {
                host_city_id: Some(8),
                visiting_peers: "Ana Ruiz, Bilbao\nJon Smith, Lyon".into(),
            })
        );
        assert_eq!(specifics.host_city_id(), Some(8));
        assert_eq!(
            specifics.input().question,
            "",
            "only a seminar's fields are kept"
        );
        let (_, errors) = parse(
            Some(SEMINAR),
            &SpecificsInput {
                host_city: "9".into(),
                ..Default::default()
            },
        );
        let problem = errors.get("host_city").expect("not a Leading City");
        assert_eq!(problem.key, ProblemKey::UnknownValue);
        assert_eq!(problem.detail.as_deref(), Some("9"));
        let (none_yet, errors) = parse(Some(SEMINAR), &SpecificsInput::default());
        assert!(errors.is_empty());
        assert_eq!(none_yet.host_city_id(), None);
    }

    #[test]
    fn a_local_challenge_asks_a_question_in_a_scope() {
        let (_, errors) = parse(Some(LOCAL_CHALLENGE), &SpecificsInput::default());
        assert_eq!(
            errors.get("question").map(|p| p.key),
            Some(ProblemKey::Required)
        );
        assert_eq!(
            errors.get("theme").map(|p| p.key),
            Some(ProblemKey::Required),
            "the scope is one theme unless said otherwise, and the theme is named"
        );
        let input = SpecificsInput {
            question: "How can the libraries reach the new districts?".into(),
            scope: "governance".into(),
            theme: "dropped: the scope is not one theme".into(),
            people: "Two members of the Committee; one expert".into(),
            ..Default::default()
        };
        let (specifics, errors) = parse(Some(LOCAL_CHALLENGE), &input);
        assert!(errors.is_empty(), "{errors:?}");
        let Specifics::LocalChallenge(challenge) = &specifics else {
            panic!("a local challenge: {specifics:?}");
        };
        assert_eq!(challenge.scope, ChallengeScope::Governance);
        assert_eq!(challenge.theme, "");
        assert_eq!(specifics.input().scope, "governance");
        let (_, errors) = parse(
            Some(LOCAL_CHALLENGE),
            &SpecificsInput {
                scope: "everything".into(),
                ..input
            },
        );
        assert_eq!(
            errors.get("scope").map(|p| p.key),
            Some(ProblemKey::UnknownValue)
        );
    }

    #[test]
    fn a_public_event_points_to_the_calendar_or_to_nothing() {
        let input = SpecificsInput {
            event: "3".into(),
            expertise_requested: "Advice on a cultural rights charter".into(),
            representatives: "The Committee's co-chair".into(),
            ..Default::default()
        };
        let (specifics, errors) = parse(Some(PUBLIC_EVENT), &input);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(specifics.event_id(), Some(3));
        let (_, errors) = parse(
            Some(PUBLIC_EVENT),
            &SpecificsInput {
                event: "not an id".into(),
                ..input
            },
        );
        assert_eq!(
            errors.get("event").map(|p| p.key),
            Some(ProblemKey::UnknownValue)
        );
    }

    #[test]
    fn other_activities_record_nothing_of_their_own() {
        let input = SpecificsInput {
            host_city: "999".into(),
            question: "?".into(),
            event: "999".into(),
            ..Default::default()
        };
        for key in [None, Some("visit"), Some("logo")] {
            let (specifics, errors) = parse(key, &input);
            assert_eq!(specifics, Specifics::None, "{key:?}");
            assert!(errors.is_empty(), "{key:?}: {errors:?}");
        }
    }

    #[test]
    fn a_seminar_usually_lasts_three_or_four_days() {
        assert_eq!(
            unusual_seminar_days(day("2026-05-04"), day("2026-05-06")),
            None
        );
        assert_eq!(
            unusual_seminar_days(day("2026-05-04"), day("2026-05-07")),
            None
        );
        assert_eq!(
            unusual_seminar_days(day("2026-05-04"), day("2026-05-05")),
            Some(2)
        );
        assert_eq!(
            unusual_seminar_days(day("2026-05-04"), day("2026-05-11")),
            Some(8)
        );
    }

    proptest! {
        #[test]
        fn specifics_come_back_as_their_form_filled_them(
            host in proptest::option::of(7i64..=8),
            peers in "[a-zA-Z ,]{0,40}",
            question in "[a-z?]{1,40}",
            scope in 0usize..4,
            theme in "[a-z]{1,20}",
        ) {
            let inputs = [
                (SEMINAR, SpecificsInput {
                    host_city: host.map(|h| h.to_string()).unwrap_or_default(),
                    visiting_peers: peers.trim().to_owned(),
                    ..Default::default()
                }),
                (LOCAL_CHALLENGE, SpecificsInput {
                    question: question.clone(),
                    scope: ChallengeScope::ALL[scope].key().to_owned(),
                    theme: theme.clone(),
                    people: peers.trim().to_owned(),
                    ..Default::default()
                }),
            ];
            for (key, input) in inputs {
                let (specifics, errors) = parse(Some(key), &input);
                prop_assert!(errors.is_empty(), "{:?}", errors);
                let again = specifics.input();
                let (reparsed, _) = parse(Some(key), &again);
                prop_assert_eq!(&reparsed, &specifics);
                let json = serde_json::to_string(&specifics).expect("json");
                let stored: Specifics = serde_json::from_str(&json).expect("read back");
                prop_assert_eq!(stored, specifics);
            }
        }
    }
}
