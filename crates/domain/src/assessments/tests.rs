//! Tests of the participation and consensus rules.

use super::*;
use crate::ProblemKey;

const NINE: ScoreRange = ScoreRange {
    min: 1,
    max: 9,
    not_applicable: true,
};

fn items(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|key| (*key).to_owned()).collect()
}

fn input(sector: &str, answers: &[(&str, Answer)]) -> ParticipationInput {
    ParticipationInput {
        sector: sector.to_owned(),
        answers: answers
            .iter()
            .map(|(key, answer)| ((*key).to_owned(), *answer))
            .collect(),
        ..ParticipationInput::default()
    }
}

fn problem_key(errors: &FieldErrors, field: &str) -> Option<&'static str> {
    errors.get(field).map(|problem| problem.key.as_str())
}

#[test]
fn answers_are_numbers_or_na_in_json() {
    let answers: BTreeMap<String, Answer> =
        serde_json::from_str(r#"{"a": 3, "b": "na", "c": "N/A"}"#).expect("valid");
    assert_eq!(answers["a"], Answer::Score(3));
    assert_eq!(answers["b"], Answer::NotApplicable);
    assert_eq!(answers["c"], Answer::NotApplicable);
    let json = serde_json::to_string(&answers).expect("serializes");
    assert_eq!(json, r#"{"a":3,"b":"na","c":"na"}"#);
    for bad in ["-1", "256", "\"maybe\"", "\"\"", "2.5", "null"] {
        assert!(serde_json::from_str::<Answer>(bad).is_err(), "{bad}");
    }
}

#[test]
fn form_values_parse_to_answers() {
    assert_eq!(Answer::parse_form("  "), Ok(None));
    assert_eq!(Answer::parse_form("na"), Ok(Some(Answer::NotApplicable)));
    assert_eq!(Answer::parse_form(" 7 "), Ok(Some(Answer::Score(7))));
    for bad in ["seven", "-3", "+3", "3.5", "999"] {
        assert_eq!(
            Answer::parse_form(bad).map_err(|p| p.key.as_str()),
            Err("not_a_number"),
            "{bad}"
        );
    }
    for answer in [Answer::Score(0), Answer::Score(9), Answer::NotApplicable] {
        assert_eq!(Answer::parse_form(&answer.form_value()), Ok(Some(answer)));
    }
}

#[test]
fn keyed_values_round_trip_and_refuse_unknown_keys() {
    for sector in Sector::ALL {
        assert_eq!(Sector::parse(sector.key()), Ok(sector));
        let json = serde_json::to_string(&sector).expect("serializes");
        assert_eq!(json, format!("\"{}\"", sector.key()));
    }
    for visibility in Visibility::ALL {
        assert_eq!(Visibility::parse(visibility.key()), Ok(visibility));
    }
    for status in AssessmentStatus::ALL {
        assert_eq!(AssessmentStatus::parse(status.key()), Ok(status));
    }
    for level in RatingLevel::ALL {
        assert_eq!(RatingLevel::parse(level.key()), Ok(level));
    }
    assert_eq!(Sector::ALL.len(), 5);
    assert_eq!(
        Sector::parse("press"),
        Err(Problem::with_detail(ProblemKey::UnknownSector, "press"))
    );
    assert_eq!(
        Visibility::parse("").map_err(|p| p.key.as_str()),
        Err("unknown_visibility")
    );
    assert_eq!(RatingLevel::parse(" action "), Ok(RatingLevel::Action));
}

#[test]
fn a_partial_participation_is_accepted_and_trimmed() {
    let mut form = input("civil_society", &[("a", Answer::Score(4))]);
    form.name = Some("  Ada  ".to_owned());
    form.comments.insert("a".to_owned(), "  good  ".to_owned());
    form.comments.insert("b".to_owned(), "   ".to_owned());
    form.comments.insert("ghost".to_owned(), "".to_owned());
    let valid = validate_participation(form, &NINE, &items(&["a", "b"])).expect("valid");
    assert_eq!(valid.sector, Sector::CivilSociety);
    assert_eq!(valid.name.as_deref(), Some("Ada"));
    assert_eq!(valid.answers.len(), 1);
    assert_eq!(valid.comments.len(), 1);
    assert_eq!(valid.comments["a"], "good");

    let mut blank = input("other", &[]);
    blank.name = Some(" ".to_owned());
    let valid = validate_participation(blank, &NINE, &items(&["a"])).expect("valid");
    assert_eq!(valid.name, None);
    assert!(valid.answers.is_empty());
}

#[test]
fn every_problem_is_reported_by_field() {
    let mut form = input(
        "press",
        &[
            ("a", Answer::Score(0)),
            ("b", Answer::Score(10)),
            ("c", Answer::Score(9)),
            ("zz", Answer::Score(5)),
        ],
    );
    form.name = Some("x".repeat(NAME_MAX_CHARS + 1));
    form.comments
        .insert("c".to_owned(), "é".repeat(COMMENT_MAX_CHARS + 1));
    form.comments.insert("yy".to_owned(), "hello".to_owned());
    let errors =
        validate_participation(form, &NINE, &items(&["a", "b", "c"])).expect_err("invalid");
    assert_eq!(problem_key(&errors, "sector"), Some("unknown_sector"));
    assert_eq!(problem_key(&errors, "name"), Some("too_long"));
    assert_eq!(
        errors.get("answers.a"),
        Some(&Problem::with_detail(ProblemKey::ScoreOutOfRange, "1–9"))
    );
    assert_eq!(
        problem_key(&errors, "answers.b"),
        Some("score_out_of_range")
    );
    assert_eq!(problem_key(&errors, "answers.c"), None);
    assert_eq!(
        errors.get("answers.zz"),
        Some(&Problem::with_detail(ProblemKey::UnknownItem, "zz"))
    );
    assert_eq!(problem_key(&errors, "comments.c"), Some("too_long"));
    assert_eq!(problem_key(&errors, "comments.yy"), Some("unknown_item"));
    assert_eq!(errors.0.len(), 7);
}

#[test]
fn not_applicable_needs_the_scale_to_allow_it() {
    let strict = ScoreRange {
        not_applicable: false,
        ..NINE
    };
    let form = || input("academia", &[("a", Answer::NotApplicable)]);
    assert!(validate_participation(form(), &NINE, &items(&["a"])).is_ok());
    let errors = validate_participation(form(), &strict, &items(&["a"])).expect_err("invalid");
    assert_eq!(
        problem_key(&errors, "answers.a"),
        Some("not_applicable_not_allowed")
    );
}

#[test]
fn an_inverted_range_accepts_no_score() {
    let broken = ScoreRange {
        min: 5,
        max: 1,
        not_applicable: false,
    };
    assert!(broken.is_empty());
    assert!(!broken.contains(3));
    assert!(broken.check(Answer::Score(3)).is_err());
    assert_eq!(NINE.len(), 9);
}

fn row(score: Option<Answer>, justification: &str) -> ConsensusInput {
    ConsensusInput {
        score,
        justification: justification.to_owned(),
    }
}

#[test]
fn consensus_keeps_scored_rows_only() {
    let mut rows = BTreeMap::new();
    rows.insert("f1".to_owned(), row(Some(Answer::Score(6)), "  agreed  "));
    rows.insert("f2".to_owned(), row(None, "no agreement"));
    rows.insert("f3".to_owned(), row(Some(Answer::NotApplicable), ""));
    let agreed = validate_consensus(rows, &NINE, &items(&["f1", "f2", "f3"])).expect("valid");
    assert_eq!(agreed.len(), 2);
    assert_eq!(
        agreed["f1"],
        Consensus {
            score: Answer::Score(6),
            justification: "agreed".to_owned()
        }
    );
    assert_eq!(agreed["f3"].score, Answer::NotApplicable);
}

#[test]
fn consensus_problems_are_reported_by_field() {
    let strict = ScoreRange {
        not_applicable: false,
        ..NINE
    };
    let mut rows = BTreeMap::new();
    rows.insert("f1".to_owned(), row(Some(Answer::Score(12)), ""));
    rows.insert("f2".to_owned(), row(Some(Answer::NotApplicable), ""));
    rows.insert(
        "f3".to_owned(),
        row(
            Some(Answer::Score(3)),
            &"x".repeat(JUSTIFICATION_MAX_CHARS + 1),
        ),
    );
    rows.insert("f4".to_owned(), row(Some(Answer::Score(3)), "ok"));
    rows.insert("nope".to_owned(), row(None, ""));
    let errors =
        validate_consensus(rows, &strict, &items(&["f1", "f2", "f3", "f4"])).expect_err("invalid");
    assert_eq!(
        problem_key(&errors, "consensus.f1"),
        Some("score_out_of_range")
    );
    assert_eq!(
        problem_key(&errors, "consensus.f2"),
        Some("not_applicable_not_allowed")
    );
    assert_eq!(problem_key(&errors, "consensus.f3"), Some("too_long"));
    assert_eq!(problem_key(&errors, "consensus.f4"), None);
    assert_eq!(
        errors.get("consensus.nope"),
        Some(&Problem::with_detail(ProblemKey::UnknownItem, "nope"))
    );
}
