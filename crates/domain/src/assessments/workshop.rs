//! The rules of running a workshop: who facilitates it (its creator, unless the secretariat
//! named others), how many invitation links one request may make, and how long the key ideas
//! may be; and when a participation is taken.

use crate::ProblemKey;
use crate::assessments::AssessmentStatus;
use crate::ids::AccountId;
use crate::validation::Problem;

/// Links one request may make (a room of participants, not a mailing).
pub const MAX_INVITATIONS: u32 = 1000;

/// Characters the key ideas of a workshop may hold.
pub const MAX_KEY_IDEAS: usize = 20_000;

/// The facilitators of a new assessment: those named, plus its creator when nobody was named or
/// when the creator runs it alone (a city's editor, as opposed to the network's secretariat,
/// which may name others and leave them to it). Nobody is listed twice.
pub fn facilitators(
    named: &[AccountId],
    creator: Option<AccountId>,
    runs_it_alone: bool,
) -> Vec<AccountId> {
    let mut all: Vec<AccountId> = Vec::with_capacity(named.len() + 1);
    for id in named {
        if !all.contains(id) {
            all.push(*id);
        }
    }
    if let Some(me) = creator
        && (all.is_empty() || runs_it_alone)
        && !all.contains(&me)
    {
        all.push(me);
    }
    all
}

/// How many links one request makes: between 1 and `MAX_INVITATIONS`.
pub fn invitation_count(total: u32) -> Result<u32, Problem> {
    if total == 0 || total > MAX_INVITATIONS {
        Err(Problem::with_detail(
            ProblemKey::OutOfRange,
            format!("1–{MAX_INVITATIONS}"),
        ))
    } else {
        Ok(total)
    }
}

/// The key ideas as kept: trimmed, at most `MAX_KEY_IDEAS` characters.
pub fn key_ideas(text: &str) -> Result<&str, Problem> {
    if text.chars().count() > MAX_KEY_IDEAS {
        Err(Problem::with_detail(
            ProblemKey::TooLong,
            MAX_KEY_IDEAS.to_string(),
        ))
    } else {
        Ok(text.trim())
    }
}

/// Whether a participation is taken: while the assessment is open, until its link has been
/// used to submit. (The database checks the same again inside the saving transaction, so two
/// submissions racing each other cannot both land.)
pub fn accepts_participation(status: AssessmentStatus, submitted: bool) -> Result<(), Problem> {
    if status == AssessmentStatus::Closed {
        Err(Problem::new(ProblemKey::AssessmentClosed))
    } else if submitted {
        Err(Problem::new(ProblemKey::InvitationUsed))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(numbers: &[i64]) -> Vec<AccountId> {
        numbers.iter().copied().map(AccountId::new).collect()
    }
    use proptest::prelude::*;

    #[test]
    fn the_creator_facilitates_unless_the_secretariat_named_others() {
        assert_eq!(
            facilitators(&ids(&[]), Some(AccountId::new(7)), false),
            ids(&[7])
        );
        assert_eq!(
            facilitators(&ids(&[3]), Some(AccountId::new(7)), false),
            ids(&[3])
        );
        assert_eq!(
            facilitators(&ids(&[3]), Some(AccountId::new(7)), true),
            ids(&[3, 7])
        );
        assert_eq!(
            facilitators(&ids(&[7, 3, 7]), Some(AccountId::new(7)), true),
            ids(&[7, 3])
        );
        assert_eq!(facilitators(&ids(&[]), None, true), Vec::<AccountId>::new());
    }

    #[test]
    fn a_participation_is_taken_while_open_and_until_submitted() {
        assert_eq!(accepts_participation(AssessmentStatus::Open, false), Ok(()));
        assert_eq!(
            accepts_participation(AssessmentStatus::Open, true).map_err(|p| p.key),
            Err(ProblemKey::InvitationUsed)
        );
        for submitted in [false, true] {
            assert_eq!(
                accepts_participation(AssessmentStatus::Closed, submitted).map_err(|p| p.key),
                Err(ProblemKey::AssessmentClosed)
            );
        }
    }

    #[test]
    fn a_request_makes_one_to_a_thousand_links() {
        assert_eq!(invitation_count(1), Ok(1));
        assert_eq!(invitation_count(MAX_INVITATIONS), Ok(MAX_INVITATIONS));
        for refused in [0, MAX_INVITATIONS + 1, u32::MAX] {
            assert_eq!(
                invitation_count(refused).map_err(|p| p.key),
                Err(ProblemKey::OutOfRange)
            );
        }
    }

    #[test]
    fn key_ideas_are_trimmed_and_limited_in_characters_not_bytes() {
        assert_eq!(key_ideas("  ideas \n"), Ok("ideas"));
        assert!(key_ideas(&"é".repeat(MAX_KEY_IDEAS)).is_ok());
        assert_eq!(
            key_ideas(&"a".repeat(MAX_KEY_IDEAS + 1)).map_err(|p| p.key),
            Err(ProblemKey::TooLong)
        );
    }

    proptest! {
        #[test]
        fn facilitators_hold_the_named_once_each_and_someone_when_they_can(
            named in proptest::collection::vec(0i64..20, 0..8),
            creator in proptest::option::of(0i64..20),
            alone in any::<bool>(),
        ) {
            let named = ids(&named);
            let creator = creator.map(AccountId::new);
            let chosen = facilitators(&named, creator, alone);
            let mut unique = chosen.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(unique.len(), chosen.len());
            prop_assert!(named.iter().all(|n| chosen.contains(n)));
            if let Some(me) = creator {
                prop_assert_eq!(chosen.contains(&me), named.contains(&me) || named.is_empty() || alone);
            } else {
                prop_assert!(!chosen.is_empty() || named.is_empty());
            }
        }
    }
}
