//! Who works on a practice and what each of its steps needs: the right a step asks of the
//! person taking it, who counts as working on the practice (they see it before publication),
//! and who is shown its contact person.

use crate::permissions::{Action, Actor, PracticeScope};
use crate::practices::workflow::{Duty, Stage, Step};

/// The right `step` needs on a practice: its duty's. Withdrawing a submitted practice is the
/// city's too (its editors may edit drafts).
pub fn step_action(scope: PracticeScope<'_>, step: Step) -> Action<'_> {
    match step.duty() {
        Duty::Edit => Action::EditPractice(PracticeScope {
            stage: if step == Step::Withdraw {
                Stage::Draft
            } else {
                scope.stage
            },
            ..scope
        }),
        Duty::Review => Action::ReviewPractice(scope),
        Duty::Publish => Action::PublishPractice(scope),
    }
}

/// The steps `actor` may take from the practice's stage (what a page offers them).
pub fn steps_for(actor: &Actor, scope: PracticeScope<'_>) -> Vec<Step> {
    Step::from(scope.stage)
        .into_iter()
        .filter(|step| actor.allows(step_action(scope, *step)))
        .collect()
}

/// Whether `actor` works on the practice (its cities' editors, experts, reviewers, the
/// secretariat): those who would see it before publication.
pub fn is_worker(actor: &Actor, scope: PracticeScope<'_>) -> bool {
    actor.allows(Action::ViewPractice(PracticeScope {
        stage: Stage::Draft,
        ..scope
    }))
}

/// Whether `actor` is shown the contact person: when the contact chose to be public, or to the
/// people working on the practice (pages and API alike).
pub fn shows_contact(actor: &Actor, scope: PracticeScope<'_>, contact_public: bool) -> bool {
    contact_public || is_worker(actor, scope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::{Grant, Role};
    use crate::ids::{AccountId, CityId};

    fn actor(role: Role, network: Option<&str>, city: Option<i64>) -> Actor {
        Actor {
            user_id: Some(AccountId::new(1)),
            grants: vec![Grant {
                role,
                network: network.map(str::to_owned),
                city: city.map(CityId::new),
            }],
            ..Actor::default()
        }
    }

    #[test]
    fn the_city_withdraws_what_it_submitted_and_reviewers_review_it() {
        let networks = vec!["uclg-culture".to_owned()];
        let scope = PracticeScope {
            cities: &[CityId::new(5)],
            networks: &networks,
            stage: Stage::Submitted,
        };
        let editor = actor(Role::Editor, None, Some(5));
        let reviewer = actor(Role::Reviewer, Some("uclg-culture"), None);
        let outsider = actor(Role::Editor, None, Some(6));
        assert!(steps_for(&editor, scope).contains(&Step::Withdraw));
        assert!(
            !steps_for(&editor, scope)
                .iter()
                .any(|s| s.duty() == Duty::Review)
        );
        assert!(
            steps_for(&reviewer, scope)
                .iter()
                .any(|s| s.duty() == Duty::Review)
        );
        assert!(!steps_for(&reviewer, scope).contains(&Step::Withdraw));
        assert!(steps_for(&outsider, scope).is_empty());
    }

    #[test]
    fn the_contact_is_shown_to_everyone_only_when_public() {
        let networks = vec!["uclg-culture".to_owned()];
        let scope = PracticeScope {
            cities: &[CityId::new(5)],
            networks: &networks,
            stage: Stage::Published,
        };
        let anonymous = Actor::default();
        let editor = actor(Role::Editor, None, Some(5));
        let other_network = actor(Role::Secretariat, Some("uccn"), None);
        assert!(!is_worker(&anonymous, scope) && !is_worker(&other_network, scope));
        assert!(is_worker(&editor, scope));
        assert!(shows_contact(&anonymous, scope, true));
        assert!(!shows_contact(&anonymous, scope, false));
        assert!(!shows_contact(&other_network, scope, false));
        assert!(shows_contact(&editor, scope, false));
    }
}
