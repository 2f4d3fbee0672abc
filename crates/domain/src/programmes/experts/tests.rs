//! The roster's and the engagements' rules by hand and as properties: languages, fields and
//! themes of an expert; an engagement's days inside the programme's period and its fee in
//! exact money.

use super::*;
use crate::programmes::budget::MAX_AMOUNT;
use chrono::NaiveDate;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

fn period() -> Period {
    Period {
        starts_on: day(2026, 1, 1),
        ends_on: day(2027, 12, 31),
        short_reason: None,
    }
}

fn known(field: &str) -> bool {
    matches!(
        field,
        "culture21-actions:cultural-rights" | "culture21-actions:heritage-diversity-creativity"
    )
}

fn engagement(starts_on: &str, ends_on: &str, fee: &str, currency: &str) -> EngagementInput {
    EngagementInput {
        expert: "4".into(),
        role: "lead_expert".into(),
        starts_on: starts_on.into(),
        ends_on: ends_on.into(),
        fee: fee.into(),
        currency: currency.into(),
        note: String::new(),
    }
}

#[test]
fn an_expert_lists_languages_fields_and_themes_each_once() {
    let input = ExpertInput {
        name: " Ana Pérez ".into(),
        organisation: "Universidad".into(),
        email: "Ana@Example.org".into(),
        languages: vec!["es".into(), "EN".into(), "pt".into(), "es".into()],
        fields: vec!["culture21-actions:cultural-rights".into()],
        themes: vec!["Libraries".into(), "libraries".into(), "Memory".into()],
        ..Default::default()
    };
    let draft = input.parse(known, Ok(Some(9))).expect("valid");
    assert_eq!(draft.name, "Ana Pérez");
    assert_eq!(draft.email.as_deref(), Some("ana@example.org"));
    assert_eq!(draft.languages, ["es", "en", "pt"]);
    assert_eq!(draft.themes, ["Libraries", "Memory"]);
    assert_eq!(draft.user_id, Some(9));
    assert_eq!(
        draft.input(Some("ana@example.org")).languages,
        draft.languages
    );
}

#[test]
fn an_expert_s_bad_fields_are_named_one_by_one() {
    let input = ExpertInput {
        email: "not an address".into(),
        languages: vec!["english".into()],
        fields: vec!["culture21-actions:nowhere".into()],
        themes: vec!["x".repeat(MAX_THEME + 1)],
        account: "nobody@example.org".into(),
        ..Default::default()
    };
    let errors = input
        .parse(
            known,
            Err(Problem::with_detail(
                ProblemKey::UnknownAccount,
                "nobody@example.org",
            )),
        )
        .expect_err("refused");
    for (field, key) in [
        ("name", ProblemKey::Required),
        ("email", ProblemKey::InvalidEmail),
        ("languages", ProblemKey::InvalidLanguageCode),
        ("fields", ProblemKey::UnknownField),
        ("themes", ProblemKey::TooLong),
        ("account", ProblemKey::UnknownAccount),
    ] {
        assert_eq!(errors.get(field).map(|p| p.key), Some(key), "{field}");
    }
}

#[test]
fn a_list_is_read_from_json_or_from_a_form_s_text() {
    let from_list: ExpertInput =
        serde_json::from_str(r#"{"languages": ["en", " fr "], "themes": []}"#).expect("json");
    assert_eq!(from_list.languages, ["en", "fr"]);
    let from_text: ExpertInput =
        serde_json::from_str(r#"{"languages": "en, fr;es\n", "themes": ""}"#).expect("json");
    assert_eq!(from_text.languages, ["en", "fr", "es"]);
    assert!(from_text.themes.is_empty());
}

#[test]
fn an_engagement_keeps_inside_the_period_with_an_exact_fee() {
    let draft = engagement("2026-05-02", "2026-05-08", "1 500,50", "eur")
        .parse(&[4], &period())
        .expect("valid");
    assert_eq!(draft.role, ExpertRole::LeadExpert);
    let fee = draft.fee.clone().expect("a fee");
    assert_eq!((fee.currency.code(), fee.minor), ("EUR", 150_050));
    assert_eq!(draft.input().fee, "1500.50");
    let unpaid = engagement("2026-05-02", "2026-05-02", "", "")
        .parse(&[4], &period())
        .expect("valid");
    assert_eq!(unpaid.fee, None);
    let yen = engagement("2026-05-02", "2026-05-02", "1000", "JPY")
        .parse(&[4], &period())
        .expect("valid");
    assert_eq!(yen.fee.map(|f| f.minor), Some(1000));
}

#[test]
fn an_engagement_s_bad_fields_are_named_one_by_one() {
    let errors = EngagementInput {
        expert: "5".into(),
        role: "star".into(),
        ..engagement("2025-12-30", "2025-12-01", "ten", "EUR")
    }
    .parse(&[4], &period())
    .expect_err("refused");
    for (field, key) in [
        ("expert", ProblemKey::UnknownExpert),
        ("role", ProblemKey::UnknownValue),
        ("starts_on", ProblemKey::OutsideProgramme),
        ("ends_on", ProblemKey::EndsBeforeStart),
        ("fee", ProblemKey::InvalidAmount),
    ] {
        assert_eq!(errors.get(field).map(|p| p.key), Some(key), "{field}");
    }
    let no_currency = engagement("2026-02-01", "2026-02-02", "100", "")
        .parse(&[4], &period())
        .expect_err("refused");
    assert_eq!(
        no_currency.get("currency").map(|p| p.key),
        Some(ProblemKey::Required)
    );
    let bad_currency = engagement("2026-02-01", "2026-02-02", "100", "euros")
        .parse(&[4], &period())
        .expect_err("refused");
    assert_eq!(
        bad_currency.get("currency").map(|p| p.key),
        Some(ProblemKey::InvalidCurrency)
    );
    let missing = EngagementInput::default()
        .parse(&[4], &period())
        .expect_err("refused");
    for field in ["expert", "starts_on", "ends_on"] {
        assert_eq!(
            missing.get(field).map(|p| p.key),
            Some(ProblemKey::Required),
            "{field}"
        );
    }
}

proptest! {
    /// Days are taken exactly when both fall inside the period and the last is not before the
    /// first.
    #[test]
    fn days_are_taken_exactly_inside_the_period(start in -40i64..770, length in -5i64..60) {
        let first = day(2026, 1, 1) + chrono::Duration::days(start);
        let last = first + chrono::Duration::days(length);
        let parsed = engagement(&first.to_string(), &last.to_string(), "", "")
            .parse(&[4], &period());
        let inside = period().contains(first) && period().contains(last) && length >= 0;
        prop_assert_eq!(parsed.is_ok(), inside);
    }

    /// A fee written back as the form shows it is read as the same minor units.
    #[test]
    fn a_fee_reads_back_to_the_same_minor_units(
        minor in 0i64..=MAX_AMOUNT,
        code in prop::sample::select(vec!["EUR", "USD", "ARS", "JPY", "XOF"]),
    ) {
        let currency = Currency::parse(code).expect("a currency");
        let written = currency.format_amount(minor);
        let draft = engagement("2026-03-01", "2026-03-02", &written, code)
            .parse(&[4], &period())
            .expect("valid");
        prop_assert_eq!(draft.fee.map(|f| f.minor), Some(minor));
    }

    /// Any text as a language is taken or refused, never a panic; what is taken is a code.
    #[test]
    fn a_language_code_is_two_or_three_letters(text in ".{0,6}") {
        if let Ok(code) = language_code(&text) {
            prop_assert!((2..=3).contains(&code.len()));
            prop_assert!(code.bytes().all(|b| b.is_ascii_lowercase()));
        }
    }
}
