//! Work that reaches the people who must do it: the kinds of notice, and who gets each one.
//! A notice goes to the people whose role gives them the next step (reviewers and secretariat
//! of a submitted practice's networks, its city's editors when it is sent back…), and to the
//! platform's administrators when nobody holds that role, so that no work is left without
//! someone to do it. Recipients are always people who may see the record: a notice never
//! names a record to someone who may not see it. Between a Leading City and the secretariat
//! (availability requests, inquiries), a notice goes to the other side: the city's editors, or
//! the Leading Cities' secretariat (`city_work_recipients`).

use crate::ProblemKey;
use crate::accounts::Role;
use crate::ids::AccountId;
use crate::permissions::{Action, Actor, AssessmentScope, CityScope, PracticeScope};
use crate::practices::Stage;
use crate::practices::workflow::Step;
use crate::validation::Problem;
use serde::{Deserialize, Serialize};

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A practice waits for review.
    PracticeSubmitted,
    /// A reviewer sent a practice back to its city.
    PracticeSentBack,
    /// A practice was approved and waits for publication.
    PracticeApproved,
    /// A practice of the city is published.
    PracticePublished,
    /// A published practice lacks a language.
    TranslationNeeded,
    /// The person facilitates a workshop.
    AssessmentToFacilitate,
    /// The secretariat asks the person's city for its availability for an event.
    AvailabilityRequested,
    /// A city answered an availability request (to the secretariat).
    AvailabilityAnswered,
    /// A Leading City sent the secretariat an inquiry about its programme.
    InquirySent,
    /// The secretariat answered an inquiry of the person's city.
    InquiryAnswered,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 10] = [
        NoticeKind::PracticeSubmitted,
        NoticeKind::PracticeSentBack,
        NoticeKind::PracticeApproved,
        NoticeKind::PracticePublished,
        NoticeKind::TranslationNeeded,
        NoticeKind::AssessmentToFacilitate,
        NoticeKind::AvailabilityRequested,
        NoticeKind::AvailabilityAnswered,
        NoticeKind::InquirySent,
        NoticeKind::InquiryAnswered,
    ];

    pub fn key(self) -> &'static str {
        match self {
            NoticeKind::PracticeSubmitted => "practice_submitted",
            NoticeKind::PracticeSentBack => "practice_sent_back",
            NoticeKind::PracticeApproved => "practice_approved",
            NoticeKind::PracticePublished => "practice_published",
            NoticeKind::TranslationNeeded => "translation_needed",
            NoticeKind::AssessmentToFacilitate => "assessment_to_facilitate",
            NoticeKind::AvailabilityRequested => "availability_requested",
            NoticeKind::AvailabilityAnswered => "availability_answered",
            NoticeKind::InquirySent => "inquiry_sent",
            NoticeKind::InquiryAnswered => "inquiry_answered",
        }
    }

    pub fn parse(value: &str) -> Result<NoticeKind, Problem> {
        NoticeKind::ALL
            .into_iter()
            .find(|k| k.key() == value.trim())
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownValue, value.trim()))
    }

    /// The notice a practice's step leads to, if any.
    pub fn after_step(step: Step) -> Option<NoticeKind> {
        match step {
            Step::Submit => Some(NoticeKind::PracticeSubmitted),
            Step::RequestChanges => Some(NoticeKind::PracticeSentBack),
            Step::Approve => Some(NoticeKind::PracticeApproved),
            Step::Publish => Some(NoticeKind::PracticePublished),
            _ => None,
        }
    }

    /// What the recipients may do that makes the notice theirs, on a practice at `stage` (the
    /// stage after the step).
    fn practice_duty(self, scope: PracticeScope<'_>) -> Option<Action<'_>> {
        match self {
            NoticeKind::PracticeSubmitted => Some(Action::ReviewPractice(scope)),
            NoticeKind::PracticeApproved => Some(Action::PublishPractice(scope)),
            NoticeKind::PracticeSentBack | NoticeKind::PracticePublished => {
                Some(Action::EditPractice(PracticeScope {
                    stage: Stage::ChangesRequested,
                    ..scope
                }))
            }
            NoticeKind::TranslationNeeded => Some(Action::TranslatePractice(PracticeScope {
                stage: Stage::InReview,
                ..scope
            })),
            NoticeKind::AssessmentToFacilitate
            | NoticeKind::AvailabilityRequested
            | NoticeKind::AvailabilityAnswered
            | NoticeKind::InquirySent
            | NoticeKind::InquiryAnswered => None,
        }
    }

    /// Whether the administrators take the work when nobody holds the role: work that would
    /// otherwise wait for no one (a review, a publication).
    fn falls_back_to_admins(self) -> bool {
        matches!(
            self,
            NoticeKind::PracticeSubmitted
                | NoticeKind::PracticeApproved
                | NoticeKind::AvailabilityAnswered
                | NoticeKind::InquirySent
        )
    }

    /// For the notices between a Leading City and the secretariat: what a recipient must be
    /// allowed to see the record on its own (a request, or the programme an inquiry belongs
    /// to), and whether the notice goes to the city's editors (or else to the secretariat).
    fn city_work(self, scope: CityScope<'_>) -> Option<(Action<'_>, bool)> {
        match self {
            NoticeKind::AvailabilityRequested => Some((Action::AnswerAvailability(scope), true)),
            NoticeKind::AvailabilityAnswered => Some((Action::AnswerAvailability(scope), false)),
            NoticeKind::InquirySent => Some((Action::ViewProgramme(scope), false)),
            NoticeKind::InquiryAnswered => Some((Action::ViewProgramme(scope), true)),
            _ => None,
        }
    }
}

/// The person's roles other than platform administrator: what their own role lets them do.
fn without_admin(actor: &Actor) -> Actor {
    Actor {
        grants: actor
            .grants
            .iter()
            .filter(|g| g.role != Role::PlatformAdmin)
            .cloned()
            .collect(),
        ..actor.clone()
    }
}

/// A person who may receive notices: their account and what they may do.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: AccountId,
    pub actor: Actor,
}

/// Who receives a practice's notice: the people whose own role gives them the work (never by
/// being a platform admin alone), or, for work that would wait for nobody, the administrators.
/// The person who acted is left out. Everyone returned may see the practice.
pub fn practice_recipients(
    kind: NoticeKind,
    scope: PracticeScope<'_>,
    people: &[Person],
    acting: Option<AccountId>,
) -> Vec<AccountId> {
    let Some(_) = kind.practice_duty(scope) else {
        return Vec::new();
    };
    let holds_role = |p: &Person| {
        let without_admin = without_admin(&p.actor);
        kind.practice_duty(scope)
            .is_some_and(|duty| without_admin.allows(duty))
            && without_admin.allows(Action::ViewPractice(scope))
    };
    let mut chosen: Vec<AccountId> = people
        .iter()
        .filter(|p| holds_role(p))
        .map(|p| p.id)
        .collect();
    if chosen.is_empty() && kind.falls_back_to_admins() {
        chosen = people
            .iter()
            .filter(|p| p.actor.is_admin())
            .map(|p| p.id)
            .collect();
    }
    chosen.retain(|id| Some(*id) != acting);
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// Who receives a notice between a Leading City and the secretariat about the city in `scope`
/// (its networks: the Leading Cities' and those above): the city's editors, or the secretariat
/// of those networks, each by their own role and only when that role lets them see the record
/// on its own; the administrators when the secretariat has nobody (the work would wait for no
/// one). The person who acted is left out.
pub fn city_work_recipients(
    kind: NoticeKind,
    scope: CityScope<'_>,
    people: &[Person],
    acting: Option<AccountId>,
) -> Vec<AccountId> {
    let Some((sees, to_city)) = kind.city_work(scope) else {
        return Vec::new();
    };
    let holds_role = |p: &Person| {
        let own = without_admin(&p.actor);
        let duty = if to_city {
            own.grants
                .iter()
                .any(|g| g.role == Role::Editor && g.city == Some(scope.id))
        } else {
            own.allows(Action::ManageProgramme(scope))
                && own.allows(Action::ManageEvents(scope.networks))
        };
        duty && own.allows(sees)
    };
    let mut chosen: Vec<AccountId> = people
        .iter()
        .filter(|p| holds_role(p))
        .map(|p| p.id)
        .collect();
    if chosen.is_empty() && kind.falls_back_to_admins() {
        chosen = people
            .iter()
            .filter(|p| p.actor.is_admin() && p.actor.allows(sees))
            .map(|p| p.id)
            .collect();
    }
    chosen.retain(|id| Some(*id) != acting);
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// Who may still be shown a notice about an assessment: those who may see it or run it.
pub fn may_see_assessment(actor: &Actor, scope: AssessmentScope<'_>) -> bool {
    actor.allows(Action::ViewResults(scope)) || actor.allows(Action::RunAssessment(scope))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(numbers: &[i64]) -> Vec<AccountId> {
        numbers.iter().copied().map(AccountId::new).collect()
    }
    use crate::accounts::{Grant, Role};
    use crate::ids::CityId;
    use std::collections::BTreeMap;

    fn person(id: i64, grants: Vec<Grant>, city_networks: &[(i64, &[&str])]) -> Person {
        Person {
            id: AccountId::new(id),
            actor: Actor {
                user_id: Some(AccountId::new(id)),
                grants,
                city_networks: city_networks
                    .iter()
                    .map(|(c, n)| (CityId::new(*c), n.iter().map(|s| (*s).to_owned()).collect()))
                    .collect::<BTreeMap<_, _>>(),
            },
        }
    }

    fn grant(role: Role, network: Option<&str>, city: Option<i64>) -> Grant {
        Grant::new(role, network.map(str::to_owned), city.map(CityId::new)).expect("grant")
    }

    #[test]
    fn a_creative_city_s_practice_reaches_its_network_or_else_the_admins() {
        let uccn = vec!["uccn".to_owned()];
        let cities = [CityId::new(5)];
        let scope = PracticeScope {
            cities: &cities,
            networks: &uccn,
            stage: Stage::Submitted,
        };
        let admin = person(1, vec![grant(Role::PlatformAdmin, None, None)], &[]);
        let uclg_reviewer = person(
            2,
            vec![grant(Role::Reviewer, Some("uclg-culture"), None)],
            &[],
        );
        let editor = person(
            3,
            vec![grant(Role::Editor, None, Some(5))],
            &[(5, &["uccn"])],
        );
        let people = vec![admin.clone(), uclg_reviewer.clone(), editor.clone()];
        assert_eq!(
            practice_recipients(
                NoticeKind::PracticeSubmitted,
                scope,
                &people,
                Some(AccountId::new(3))
            ),
            ids(&[1]),
            "nobody reviews for the Creative Cities: the admins do"
        );
        let uccn_reviewer = person(4, vec![grant(Role::Reviewer, Some("uccn"), None)], &[]);
        let people = vec![admin, uclg_reviewer, editor, uccn_reviewer];
        assert_eq!(
            practice_recipients(
                NoticeKind::PracticeSubmitted,
                scope,
                &people,
                Some(AccountId::new(3))
            ),
            ids(&[4])
        );
        let sent_back = PracticeScope {
            stage: Stage::ChangesRequested,
            ..scope
        };
        assert_eq!(
            practice_recipients(
                NoticeKind::PracticeSentBack,
                sent_back,
                &people,
                Some(AccountId::new(4))
            ),
            ids(&[3]),
            "the city's editor, never the admins"
        );
    }

    #[test]
    fn every_recipient_may_see_the_practice_and_the_actor_is_left_out() {
        let nets = vec!["uclg-culture".to_owned()];
        let cities = [CityId::new(7)];
        let people: Vec<Person> = vec![
            person(
                1,
                vec![grant(Role::Secretariat, Some("uclg-culture"), None)],
                &[],
            ),
            person(2, vec![grant(Role::Secretariat, Some("uccn"), None)], &[]),
            person(
                3,
                vec![grant(Role::Editor, None, Some(8))],
                &[(8, &["uclg-culture"])],
            ),
            person(4, vec![grant(Role::Expert, None, None)], &[]),
        ];
        for kind in NoticeKind::ALL {
            for stage in Stage::ALL {
                let scope = PracticeScope {
                    cities: &cities,
                    networks: &nets,
                    stage,
                };
                for acting in [None, Some(AccountId::new(1))] {
                    for id in practice_recipients(kind, scope, &people, acting) {
                        assert_ne!(Some(id), acting);
                        let p = people.iter().find(|p| p.id == id).expect("a person");
                        assert!(p.actor.allows(Action::ViewPractice(scope)), "{kind:?} {id}");
                    }
                }
            }
        }
    }

    #[test]
    fn work_between_a_leading_city_and_the_secretariat_reaches_the_other_side_only() {
        let nets = vec!["leading-cities".to_owned(), "uclg-culture".to_owned()];
        let scope = CityScope {
            id: CityId::new(7),
            networks: &nets,
        };
        let people: Vec<Person> = vec![
            person(1, vec![grant(Role::PlatformAdmin, None, None)], &[]),
            person(
                2,
                vec![grant(Role::Secretariat, Some("uclg-culture"), None)],
                &[],
            ),
            person(3, vec![grant(Role::Secretariat, Some("uccn"), None)], &[]),
            person(
                4,
                vec![grant(Role::Editor, None, Some(7))],
                &[(7, &["leading-cities"])],
            ),
            person(
                5,
                vec![grant(Role::Editor, None, Some(8))],
                &[(8, &["leading-cities"])],
            ),
            person(
                6,
                vec![grant(Role::Expert, Some("leading-cities"), None)],
                &[],
            ),
            person(
                7,
                vec![grant(Role::Reviewer, Some("uclg-culture"), None)],
                &[],
            ),
        ];
        let to = |kind, acting| city_work_recipients(kind, scope, &people, acting);
        assert_eq!(
            to(NoticeKind::AvailabilityRequested, Some(AccountId::new(2))),
            ids(&[4])
        );
        assert_eq!(
            to(NoticeKind::InquiryAnswered, Some(AccountId::new(2))),
            ids(&[4])
        );
        assert_eq!(
            to(NoticeKind::AvailabilityAnswered, Some(AccountId::new(4))),
            ids(&[2])
        );
        assert_eq!(
            to(NoticeKind::InquirySent, Some(AccountId::new(4))),
            ids(&[2])
        );
        assert_eq!(
            to(NoticeKind::InquirySent, Some(AccountId::new(2))),
            Vec::<AccountId>::new(),
            "the secretariat recording an inquiry is not told of it"
        );
        assert!(to(NoticeKind::PracticeSubmitted, None).is_empty());
        // Without a secretariat of the Leading Cities, the administrators take the city's work;
        // the city is never told through them.
        let alone: Vec<Person> = people
            .iter()
            .filter(|p| p.id != AccountId::new(2))
            .cloned()
            .collect();
        assert_eq!(
            city_work_recipients(
                NoticeKind::InquirySent,
                scope,
                &alone,
                Some(AccountId::new(4))
            ),
            ids(&[1])
        );
        let without_editor: Vec<Person> = people
            .iter()
            .filter(|p| p.id != AccountId::new(4))
            .cloned()
            .collect();
        assert!(
            city_work_recipients(
                NoticeKind::AvailabilityRequested,
                scope,
                &without_editor,
                Some(AccountId::new(2))
            )
            .is_empty()
        );
        for kind in NoticeKind::ALL {
            for id in to(kind, None) {
                let p = people.iter().find(|p| p.id == id).expect("a person");
                assert!(
                    p.actor.allows(Action::ViewProgramme(scope)),
                    "{kind:?} {id}"
                );
            }
        }
    }
}
