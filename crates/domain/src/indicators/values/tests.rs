use super::*;
use proptest::prelude::*;

#[test]
fn a_breakdown_reads_its_text_and_its_json_in_any_order() {
    let b = Breakdown::parse(" sex = female ;age group=15-24;").expect("read");
    assert_eq!(b.to_text(), "age group=15-24; sex=female");
    assert_eq!(b.storage_key(), r#"{"age group":"15-24","sex":"female"}"#);
    assert_eq!(
        Breakdown::from_storage_key(&b.storage_key()),
        Some(b.clone())
    );
    assert_eq!(Breakdown::parse("").expect("read"), Breakdown::total());
    assert_eq!(Breakdown::total().storage_key(), "{}");
    assert_eq!(
        Breakdown::parse("sex").expect_err("refused").key,
        ProblemKey::InvalidBreakdown
    );
    assert_eq!(
        Breakdown::parse("sex=female; sex=male")
            .expect_err("refused")
            .key,
        ProblemKey::DuplicateKey
    );
    let seven = (0..7)
        .map(|i| format!("b{i}=x"))
        .collect::<Vec<_>>()
        .join(";");
    assert_eq!(
        Breakdown::parse(&seven).expect_err("refused").key,
        ProblemKey::TooManyItems
    );
}

#[test]
fn a_value_reads_a_point_or_a_comma_and_refuses_what_is_not_a_finite_number() {
    assert_eq!(parse_value("12.5"), Ok(12.5));
    assert_eq!(parse_value("12,5"), Ok(12.5));
    assert_eq!(parse_value("1 250,5"), Ok(1250.5));
    assert_eq!(parse_value("-0"), Ok(0.0));
    assert!(parse_value("-0").expect("read").is_sign_positive());
    for bad in ["", "abc", "NaN", "inf", "1e300", "1,2,3", "12.5.1"] {
        assert!(parse_value(bad).is_err(), "{bad}");
    }
    assert_eq!(parse_year("2024"), Ok(2024));
    assert_eq!(
        parse_year("1800").expect_err("refused").key,
        ProblemKey::OutOfRange
    );
    assert_eq!(
        parse_year("20x4").expect_err("refused").key,
        ProblemKey::NotANumber
    );
}

#[test]
fn a_series_needs_both_halves_of_a_point_and_a_target_after_its_baseline() {
    let input = SeriesInput {
        baseline_year: "2020".into(),
        target_year: "2030".into(),
        target_value: "40".into(),
        ..SeriesInput::default()
    };
    let errors = input.parse().expect_err("refused");
    assert_eq!(
        errors.get("baseline_value").map(|p| p.key),
        Some(ProblemKey::Required)
    );
    let input = SeriesInput {
        baseline_year: "2020".into(),
        baseline_value: "10".into(),
        target_year: "2020".into(),
        target_value: "40".into(),
        visibility: "secret".into(),
        ..SeriesInput::default()
    };
    let errors = input.parse().expect_err("refused");
    assert_eq!(
        errors.get("target_year").map(|p| p.key),
        Some(ProblemKey::TargetBeforeBaseline)
    );
    assert_eq!(
        errors.get("visibility").map(|p| p.key),
        Some(ProblemKey::UnknownVisibility)
    );
    let draft = SeriesInput {
        unit: " % ".into(),
        baseline_year: "2020".into(),
        baseline_value: "10".into(),
        ..SeriesInput::default()
    }
    .parse()
    .expect("read");
    assert_eq!(draft.unit, "%");
    assert_eq!(
        draft.visibility,
        Visibility::Confidential,
        "confidential until chosen"
    );
    assert_eq!(draft.target, None);
}

#[test]
fn a_json_body_gives_numbers_and_a_breakdown_object() {
    let input: ValueInput = serde_json::from_value(serde_json::json!({
        "year": 2024, "value": 3.25, "breakdown": {"sex": "female"}, "note": "n"
    }))
    .expect("read");
    let draft = input.parse().expect("read");
    assert_eq!(draft.year, 2024);
    assert_eq!(draft.value, 3.25);
    assert_eq!(draft.breakdown.get("sex"), Some("female"));
    let errors = ValueInput::default().parse().expect_err("refused");
    assert_eq!(
        errors.get("year").map(|p| p.key),
        Some(ProblemKey::Required)
    );
    assert_eq!(
        errors.get("value").map(|p| p.key),
        Some(ProblemKey::Required)
    );
}

proptest! {
    #[test]
    fn a_breakdown_s_text_and_storage_key_read_back_as_the_same(
        pairs in prop::collection::btree_map("[a-z][a-z ]{0,8}[a-z]", "[A-Za-z0-9][A-Za-z0-9 +-]{0,10}", 0..6)
    ) {
        let b = Breakdown::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).expect("read");
        prop_assert_eq!(Breakdown::parse(&b.to_text()).expect("read"), b.clone());
        prop_assert_eq!(Breakdown::from_storage_key(&b.storage_key()).expect("read"), b);
    }

    #[test]
    fn any_text_as_a_value_is_a_finite_number_or_a_problem(text in "\\PC{0,20}") {
        if let Ok(n) = parse_value(&text) {
            prop_assert!(n.is_finite() && n.abs() < MAX_MAGNITUDE);
        }
    }

    #[test]
    fn a_written_number_reads_back_exactly(n in -1e14f64..1e14) {
        prop_assert_eq!(parse_value(&crate::indicators::tidy::number_text(n)).expect("read").to_bits(), (n + 0.0).to_bits());
    }
}
