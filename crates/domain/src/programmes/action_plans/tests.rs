//! The action plan's rules by example and by property: every field's problem, SDG targets and
//! the goals they imply, and what an update does to an item.

use super::*;
use proptest::prelude::*;

fn known() -> Known {
    let set = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
    Known {
        fields: set(&[
            "culture21-actions:cultural-rights",
            "culture21-actions:heritage",
        ]),
        indicators: set(&["culture2030-indicators:cultural-participation"]),
        goal_targets: set(&["culture-2030-goal@2025-revised:t3"]),
    }
}

fn item() -> ItemInput {
    ItemInput {
        title_fr: "Ouvrir les bibliothèques le soir".into(),
        source_lang: "fr".into(),
        ..ItemInput::default()
    }
}

#[test]
fn a_title_in_one_language_is_enough_and_defaults_fill_the_rest() {
    let draft = item().parse(&known()).expect("valid");
    assert_eq!(draft.title.source, Lang::Fr);
    assert_eq!(draft.status, ItemStatus::Planned);
    assert_eq!(draft.progress, 0);
    assert_eq!(draft.description, None);
    assert_eq!(draft.budget, None);
}

#[test]
fn every_bad_field_is_named() {
    let input = ItemInput {
        source_lang: "de".into(),
        title_en: "x".repeat(MAX_TITLE + 1),
        starts_on: "2026-05-01".into(),
        ends_on: "2026-04-01".into(),
        budget: "12,000.50".into(),
        status: "finished".into(),
        progress: "140".into(),
        fields: "culture21-actions:cultural-rights, culture21-actions:nowhere".into(),
        sdgs: "11, 18".into(),
        sdg_targets: "11.4; 19.1".into(),
        indicators: "culture2030-indicators:nowhere".into(),
        ..ItemInput::default()
    };
    let errors = input.parse(&known()).expect_err("refused");
    assert_eq!(
        errors.get("indicators").map(|p| p.key),
        Some(ProblemKey::UnknownIndicator)
    );
    let key = |field: &str| errors.get(field).map(|p| p.key);
    assert_eq!(key("source_lang"), Some(ProblemKey::UnknownLanguage));
    assert_eq!(key("title_en"), Some(ProblemKey::TooLong));
    assert_eq!(key("ends_on"), Some(ProblemKey::EndsBeforeStart));
    assert_eq!(key("currency"), Some(ProblemKey::Required));
    assert_eq!(key("status"), Some(ProblemKey::UnknownStatus));
    assert_eq!(key("progress"), Some(ProblemKey::OutOfRange));
    assert_eq!(key("fields"), Some(ProblemKey::UnknownField));
    assert_eq!(key("sdgs"), Some(ProblemKey::UnknownSdg));
    assert_eq!(key("sdg_targets"), Some(ProblemKey::UnknownSdgTarget));
    let untitled = ItemInput::default().parse(&known()).expect_err("refused");
    assert_eq!(
        untitled.get("title_en").map(|p| p.key),
        Some(ProblemKey::Required)
    );
}

#[test]
fn a_budget_is_exact_money_in_its_currency() {
    let input = ItemInput {
        budget: "12500.50".into(),
        currency: "eur".into(),
        ..item()
    };
    let budget = input
        .parse(&known())
        .expect("valid")
        .budget
        .expect("a budget");
    assert_eq!(budget.amount, 1_250_050);
    assert_eq!(budget.currency.code(), "EUR");
}

#[test]
fn a_done_item_is_complete() {
    let done = ItemInput {
        status: "done".into(),
        ..item()
    };
    assert_eq!(done.parse(&known()).expect("valid").progress, 100);
    let half = ItemInput {
        progress: "50".into(),
        ..done
    };
    let errors = half.parse(&known()).expect_err("refused");
    assert_eq!(
        errors.get("progress").map(|p| p.key),
        Some(ProblemKey::DoneMeansComplete)
    );
}

#[test]
fn sdg_targets_are_read_as_the_un_numbers_them() {
    for (given, read) in [
        ("11.4", "11.4"),
        (" 12.B ", "12.b"),
        ("4.7", "4.7"),
        ("16.10", "16.10"),
    ] {
        assert_eq!(SdgTarget::parse(given).map(|t| t.0), Ok(read.to_owned()));
    }
    for bad in [
        "11", "11.", "0.1", "18.1", "11.04", "11.ab", "11.4.1", "a.1", "",
    ] {
        assert!(SdgTarget::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn lists_come_as_json_arrays_or_as_text() {
    let from_json: ItemInput = serde_json::from_value(serde_json::json!({
        "title_en": "Evening libraries",
        "sdgs": [4, 11],
        "sdg_targets": ["11.4"],
        "fields": "culture21-actions:cultural-rights",
        "progress": 30,
    }))
    .expect("reads");
    let draft = from_json.parse(&known()).expect("valid");
    assert_eq!(draft.sdgs, BTreeSet::from([4, 11]));
    assert_eq!(draft.progress, 30);
    assert_eq!(draft.fields.len(), 1);
}

#[test]
fn an_update_needs_a_day_and_something_to_say() {
    let errors = UpdateInput::default()
        .parse((ItemStatus::Planned, 0))
        .expect_err("refused");
    assert_eq!(errors.get("on").map(|p| p.key), Some(ProblemKey::Required));
    assert_eq!(
        errors.get("note").map(|p| p.key),
        Some(ProblemKey::Required)
    );
    let moved = UpdateInput {
        on: "2026-11-30".into(),
        status: "done".into(),
        practice: "https://ateneu.example.org/fr/practices/evening-libraries/".into(),
        ..UpdateInput::default()
    }
    .parse((ItemStatus::UnderWay, 40))
    .expect("a status alone is an update");
    assert_eq!(moved.progress, Some(100));
    assert_eq!(moved.practice.as_deref(), Some("evening-libraries"));
    let stuck = UpdateInput {
        on: "2026-11-30".into(),
        progress: "80".into(),
        ..UpdateInput::default()
    }
    .parse((ItemStatus::Done, 100))
    .expect_err("a done item stays complete");
    assert_eq!(
        stuck.get("progress").map(|p| p.key),
        Some(ProblemKey::DoneMeansComplete)
    );
}

fn any_item_input() -> impl Strategy<Value = ItemInput> {
    let status = prop_oneof![
        Just(String::new()),
        Just("planned".to_owned()),
        Just("under_way".to_owned()),
        Just("done".to_owned()),
        Just("dropped".to_owned()),
        "[a-z_]{0,10}",
    ];
    let progress = prop_oneof![Just(String::new()), (0u16..300).prop_map(|p| p.to_string())];
    let targets = prop::collection::vec((0u8..20, 0u8..15, any::<bool>()), 0..5).prop_map(|ts| {
        ts.iter()
            .map(|(goal, target, letter)| {
                if *letter {
                    format!("{goal}.{}", (b'a' + target % 26) as char)
                } else {
                    format!("{goal}.{target}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let sdgs = prop::collection::vec(0u8..20, 0..5)
        .prop_map(|s| s.iter().map(u8::to_string).collect::<Vec<_>>().join(","));
    (
        "\\PC{0,20}",
        status,
        progress,
        sdgs,
        targets,
        "\\PC{0,12}",
        "\\PC{0,12}",
    )
        .prop_map(
            |(title, status, progress, sdgs, sdg_targets, budget, starts_on)| ItemInput {
                title_en: title,
                status,
                progress,
                sdgs,
                sdg_targets,
                budget,
                currency: "EUR".into(),
                starts_on,
                ..ItemInput::default()
            },
        )
}

#[test]
fn an_item_shown_in_its_form_reads_back_the_same() {
    let input = ItemInput {
        title_en: "Evening libraries".into(),
        description_es: "Bibliotecas abiertas".into(),
        starts_on: "2026-01-01".into(),
        ends_on: "2026-12-31".into(),
        budget: "1250.5".into(),
        currency: "EUR".into(),
        status: "under_way".into(),
        progress: "35".into(),
        fields: "culture21-actions:heritage".into(),
        sdgs: "4".into(),
        sdg_targets: "11.4".into(),
        indicators: "Culture2030-Indicators:cultural-participation".into(),
        ..item()
    };
    let draft = input.parse(&known()).expect("valid");
    assert_eq!(draft.indicators.len(), 1);
    let shown = draft.as_input(7);
    assert_eq!(shown.revision, "7");
    assert_eq!(shown.parse(&known()), Ok(draft));
}

proptest! {
    #[test]
    fn a_parsed_item_keeps_the_plan_s_rules(input in any_item_input()) {
        if let Ok(draft) = input.parse(&known()) {
            prop_assert!(draft.progress <= 100);
            prop_assert!(draft.status != ItemStatus::Done || draft.progress == 100);
            for target in &draft.sdg_targets {
                prop_assert!(draft.sdgs.contains(&target.goal()));
                prop_assert!((1..=17).contains(&target.goal()));
            }
            prop_assert!(draft.sdgs.iter().all(|s| (1..=17).contains(s)));
            if let (Some(start), Some(end)) = (draft.starts_on, draft.ends_on) {
                prop_assert!(start <= end);
            }
            prop_assert!(draft.budget.as_ref().is_none_or(|b| b.amount >= 0));
        }
    }

    #[test]
    fn an_accepted_update_leaves_a_done_item_complete(
        status in prop_oneof![Just(""), Just("planned"), Just("under_way"), Just("done"), Just("dropped")],
        progress in prop_oneof![Just(String::new()), (0u16..120).prop_map(|p| p.to_string())],
        current in (0usize..4, 0u8..=100),
    ) {
        let current_status = ItemStatus::ALL[current.0];
        let current_progress = if current_status == ItemStatus::Done { 100 } else { current.1 };
        let before = item().parse(&known()).expect("valid");
        let before = ItemDraft { status: current_status, progress: current_progress, ..before };
        let input = UpdateInput { on: "2026-12-01".into(), status: status.into(), progress, ..UpdateInput::default() };
        if let Ok(update) = input.parse((current_status, current_progress)) {
            let after = after_update(&before, &update);
            prop_assert!(after.progress <= 100);
            prop_assert!(after.status != ItemStatus::Done || after.progress == 100);
        }
    }
}
