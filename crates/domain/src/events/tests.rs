//! The events calendar's rules: an event's fields, the deadline of a request, answers, when a
//! reminder is due.

use super::*;

fn day(text: &str) -> NaiveDate {
    crate::memberships::parse_date(text).expect("a day")
}

#[test]
fn an_event_has_a_title_in_some_language_a_kind_and_days_in_order() {
    let event = EventInput {
        lang: "fr".into(),
        title_fr: "  Conseil mondial de CGLU ".into(),
        kind: "world_council".into(),
        place: "Bruxelles".into(),
        starts_on: "2026-11-02".into(),
        ends_on: "2026-11-04".into(),
        link: "https://uclg.org/council".into(),
        ..Default::default()
    }
    .parse()
    .expect("valid");
    assert_eq!(event.title.source, Lang::Fr);
    assert_eq!(event.title.show(Lang::En).text, "Conseil mondial de CGLU");
    assert_eq!(event.kind, EventKind::WorldCouncil);
    assert!(!event.is_past(day("2026-11-04")) && event.is_past(day("2026-11-05")));
    assert_eq!(
        event.input().parse(),
        Ok(event.clone()),
        "the form round-trips"
    );
    let one_day = EventInput {
        title_en: "Forum".into(),
        kind: "other".into(),
        starts_on: "2026-06-01".into(),
        ..Default::default()
    }
    .parse()
    .expect("valid");
    assert_eq!(
        one_day.ends_on, one_day.starts_on,
        "one day when no end is given"
    );
    let bad = EventInput {
        lang: "de".into(),
        kind: "party".into(),
        starts_on: "2026-11-04".into(),
        ends_on: "2026-11-02".into(),
        link: "https://example.org/a b".into(),
        ..Default::default()
    }
    .parse()
    .expect_err("refused");
    for (field, key) in [
        ("lang", ProblemKey::UnknownLanguage),
        ("title_en", ProblemKey::Required),
        ("kind", ProblemKey::UnknownValue),
        ("ends_on", ProblemKey::EndsBeforeStart),
        ("link", ProblemKey::InvalidUrl),
    ] {
        assert_eq!(bad.get(field).map(|p| p.key), Some(key), "{field}");
    }
    let undated = EventInput::default().parse().expect_err("refused");
    assert_eq!(
        undated.get("starts_on").map(|p| p.key),
        Some(ProblemKey::Required)
    );
}

#[test]
fn a_deadline_falls_between_today_and_the_event() {
    let today = day("2026-03-10");
    let starts = day("2026-04-01");
    assert_eq!(parse_deadline("2026-03-10", today, starts), Ok(today));
    assert_eq!(parse_deadline("2026-04-01", today, starts), Ok(starts));
    let key = |text: &str| parse_deadline(text, today, starts).map_err(|p| p.key);
    assert_eq!(key("2026-03-09"), Err(ProblemKey::DeadlineInPast));
    assert_eq!(key("2026-04-02"), Err(ProblemKey::DeadlineAfterEvent));
    assert_eq!(key(""), Err(ProblemKey::Required));
    assert_eq!(key("10/03/2026"), Err(ProblemKey::InvalidDate));
}

#[test]
fn a_city_answers_until_its_deadline_and_is_reminded_just_before() {
    let deadline = day("2026-03-20");
    assert!(may_answer(deadline, day("2026-03-20")));
    assert!(!may_answer(deadline, day("2026-03-21")));
    assert!(
        !reminder_due(deadline, day("2026-03-16"), false),
        "four days before"
    );
    assert!(
        reminder_due(deadline, day("2026-03-17"), false),
        "three days before"
    );
    assert!(
        reminder_due(deadline, day("2026-03-20"), false),
        "on the day"
    );
    assert!(!reminder_due(deadline, day("2026-03-21"), false), "gone");
    assert!(!reminder_due(deadline, day("2026-03-19"), true), "answered");
}

#[test]
fn naming_a_representative_takes_a_name_and_a_position() {
    let named = AnswerInput {
        availability: "representative".into(),
        representative_name: "Ana Pérez".into(),
        representative_position: "Deputy mayor for culture".into(),
        comment: "The mayor is abroad.".into(),
    }
    .parse()
    .expect("valid");
    assert_eq!(named.availability, Availability::Representative);
    let missing = AnswerInput {
        availability: "representative".into(),
        ..Default::default()
    }
    .parse()
    .expect_err("refused");
    assert!(missing.get("representative_name").is_some());
    assert!(missing.get("representative_position").is_some());
    let available = AnswerInput {
        availability: "available".into(),
        ..Default::default()
    }
    .parse()
    .expect("valid");
    assert_eq!(available.availability, Availability::Available);
    let unknown = AnswerInput {
        availability: "maybe".into(),
        ..Default::default()
    }
    .parse()
    .expect_err("refused");
    assert_eq!(
        unknown.get("availability").map(|p| p.key),
        Some(ProblemKey::UnknownValue)
    );
    let nobody = RepresentationInput::default().parse().expect_err("refused");
    assert_eq!(
        nobody.get("name").map(|p| p.key),
        Some(ProblemKey::Required)
    );
}
