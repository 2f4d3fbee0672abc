//! The programme rules by hand and as properties: the advised two years, the reason a shorter
//! period needs, status steps, overlaps, Leading Cities, consultations.

use super::*;
use crate::memberships::MembershipRole;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

fn input(starts: &str, ends: &str, reason: &str) -> ProgrammeInput {
    ProgrammeInput {
        starts_on: starts.into(),
        ends_on: ends.into(),
        short_reason: reason.into(),
        ..Default::default()
    }
}

fn problem(errors: &FieldErrors, field: &str) -> ProblemKey {
    errors
        .get(field)
        .unwrap_or_else(|| panic!("no problem on {field}: {errors:?}"))
        .key
}

#[test]
fn two_years_to_the_day_are_enough_and_one_day_less_needs_a_reason() {
    assert!(lasts_advised_time(day(2026, 1, 1), day(2027, 12, 31)));
    assert!(!lasts_advised_time(day(2026, 1, 1), day(2027, 12, 30)));
    assert!(lasts_advised_time(day(2026, 3, 15), day(2028, 3, 14)));
    // A leap day start: two years later there is no 29 February.
    assert!(lasts_advised_time(day(2028, 2, 29), day(2030, 2, 27)));
    assert!(!lasts_advised_time(day(2028, 2, 29), day(2030, 2, 26)));

    let draft = input("2026-01-01", "2027-12-31", "")
        .parse()
        .expect("valid");
    assert!(!draft.period.is_short());
    assert_eq!(draft.status, ProgrammeStatus::InConsultation);

    let refused = input("2026-01-01", "2026-12-31", "  ")
        .parse()
        .expect_err("a year without a reason");
    assert_eq!(
        problem(&refused, "short_reason"),
        ProblemKey::ProgrammeTooShort
    );
    let accepted = input(
        "2026-01-01",
        "2026-12-31",
        " The mayor's term ends in 2026. ",
    )
    .parse()
    .expect("a year with its reason");
    assert!(accepted.period.is_short());
    assert_eq!(
        accepted.period.short_reason.as_deref(),
        Some("The mayor's term ends in 2026.")
    );
}

#[test]
fn a_long_period_drops_a_reason_it_does_not_need() {
    let draft = input("2026-01-01", "2028-12-31", "no need")
        .parse()
        .expect("valid");
    assert_eq!(draft.period.short_reason, None);
}

#[test]
fn dates_are_required_real_and_in_order() {
    let errors = input("", "2026-02-30", "").parse().expect_err("bad dates");
    assert_eq!(problem(&errors, "starts_on"), ProblemKey::Required);
    assert_eq!(problem(&errors, "ends_on"), ProblemKey::InvalidDate);
    let errors = input("2027-01-01", "2026-01-01", "")
        .parse()
        .expect_err("backwards");
    assert_eq!(problem(&errors, "ends_on"), ProblemKey::EndsBeforeStart);
    let errors = ProgrammeInput {
        status: "signed".into(),
        ..input("2026-01-01", "2027-12-31", "")
    }
    .parse()
    .expect_err("unknown status");
    assert_eq!(
        problem(&errors, "status"),
        ProblemKey::UnknownProgrammeStatus
    );
    let errors = ProgrammeInput {
        priorities: "x".repeat(MAX_TEXT + 1),
        ..input("2026-01-01", "2027-12-31", "")
    }
    .parse()
    .expect_err("too long");
    assert_eq!(problem(&errors, "priorities"), ProblemKey::TooLong);
}

#[test]
fn a_programme_moves_one_step_at_a_time() {
    use ProgrammeStatus::*;
    assert!(InConsultation.may_move_to(Proposed));
    assert!(Proposed.may_move_to(InConsultation));
    assert!(!Proposed.may_move_to(Active), "the MoU comes first");
    assert!(!InConsultation.may_move_to(Completed));
    assert!(Active.may_move_to(Completed));
    assert_eq!(MouSigned.next_choices(), vec![MouSigned, Proposed, Active]);
    assert_eq!(Completed.next_choices(), vec![Completed, Active]);
}

#[test]
fn only_current_leading_cities_have_programmes() {
    let membership = |network: &str, ended: Option<NaiveDate>| MembershipDraft {
        network: network.into(),
        role: MembershipRole::LeadingCity,
        started_on: day(2024, 1, 1),
        ended_on: ended,
        creative_field: None,
        designation_year: None,
    };
    let today = day(2026, 6, 1);
    assert!(is_leading_city(&[membership(LEADING_CITIES, None)], today));
    assert!(!is_leading_city(
        &[membership(LEADING_CITIES, Some(day(2025, 12, 31)))],
        today
    ));
    assert!(!is_leading_city(&[membership("uclg-culture", None)], today));
    assert!(!is_leading_city(&[], today));
}

#[test]
fn a_consultation_has_its_day_and_says_something() {
    let errors = ConsultationInput::default().parse().expect_err("empty");
    assert_eq!(problem(&errors, "held_on"), ProblemKey::Required);
    assert_eq!(problem(&errors, "notes"), ProblemKey::Required);
    let draft = ConsultationInput {
        held_on: "2026-02-10".into(),
        decisions: "  Start with a Culture 21 Lab in May. ".into(),
        ..Default::default()
    }
    .parse()
    .expect("valid");
    assert_eq!(draft.decisions, "Start with a Culture 21 Lab in May.");
    assert_eq!(draft.held_on, day(2026, 2, 10));
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (0i64..20_000).prop_map(|n| day(2000, 1, 1) + chrono::Duration::days(n))
}

proptest! {
    #[test]
    fn a_period_is_short_exactly_when_it_ends_before_two_years_less_a_day(
        start in any_day(),
        length in 0i64..1_500,
    ) {
        let end = start + chrono::Duration::days(length);
        let Some(two_years) = start.checked_add_months(Months::new(24)) else {
            return Ok(());
        };
        let long_enough = end >= two_years - chrono::Duration::days(1);
        prop_assert_eq!(lasts_advised_time(start, end), long_enough);
        let parsed = input(&start.to_string(), &end.to_string(), "").parse();
        prop_assert_eq!(parsed.is_ok(), long_enough);
    }

    #[test]
    fn overlap_is_symmetric_and_disjoint_periods_never_overlap(
        a in any_day(), a_len in 0i64..2_000, b in any_day(), b_len in 0i64..2_000,
    ) {
        let first = Period { starts_on: a, ends_on: a + chrono::Duration::days(a_len), short_reason: None };
        let second = Period { starts_on: b, ends_on: b + chrono::Duration::days(b_len), short_reason: None };
        prop_assert_eq!(first.overlaps(&second), second.overlaps(&first));
        let disjoint = first.ends_on < second.starts_on || second.ends_on < first.starts_on;
        prop_assert_eq!(first.overlaps(&second), !disjoint);
        prop_assert_eq!(overlapping(&first, [(7, &second)]).is_some(), !disjoint);
        prop_assert!(first.overlaps(&first));
    }

    #[test]
    fn status_steps_are_symmetric_and_never_skip(
        from in 0usize..5, to in 0usize..5,
    ) {
        let (a, b) = (ProgrammeStatus::ALL[from], ProgrammeStatus::ALL[to]);
        prop_assert_eq!(a.may_move_to(b), b.may_move_to(a));
        prop_assert_eq!(a.may_move_to(b), from.abs_diff(to) <= 1);
    }
}
