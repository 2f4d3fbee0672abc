//! Tests of the practice record, its workflow, its checklist, the import file and who may do
//! what with a practice.

use super::checklist::{checklist, is_complete};
use super::import::{Vocabulary, parse};
use super::translation::{CellStatus, grid, work};
use super::workflow::{Stage, Step};
use super::*;
use crate::ProblemKey;
use crate::accounts::{Grant, Role};
use crate::ids::AccountId;
use crate::ids::CityId;
use crate::permissions::{Action, Actor, CityScope, PracticeScope};
use proptest::prelude::*;

fn vocabulary() -> Vocabulary {
    let mut vocabulary = Vocabulary::default();
    vocabulary
        .fields
        .insert("culture21-actions:cultural-rights".to_owned());
    vocabulary.add_keyword(
        "cultural-heritage",
        &["Cultural heritage", "Patrimoine culturel"],
    );
    vocabulary.creative_fields.insert("music".to_owned());
    vocabulary
}

fn complete_record() -> PracticeRecord {
    let mut record = PracticeRecord::new(Lang::En, "Libraries as living rooms").expect("valid");
    for field in TextField::ALL {
        if field != TextField::Title {
            record
                .set_text(field, Lang::En, "Some words here.", None)
                .expect("valid");
        }
    }
    record.start_date = NaiveDate::from_ymd_opt(2020, 1, 1);
    record.tags.sdgs.insert(11);
    record
}

#[test]
fn limits_are_checked_in_words_and_characters() {
    let long_summary = "word ".repeat(301);
    assert_eq!(
        TextField::Summary.check(&long_summary),
        Err(Problem::with_detail(ProblemKey::TooManyWords, "300"))
    );
    assert!(TextField::Summary.check(&"word ".repeat(300)).is_ok());
    assert_eq!(
        TextField::Title.check("a\nb"),
        Err(Problem::new(ProblemKey::OneLine))
    );
    assert!(TextField::Title.check(&"x".repeat(201)).is_err());
}

#[test]
fn changing_the_source_text_outdates_translations() {
    let mut record = complete_record();
    record
        .set_text(TextField::Summary, Lang::Fr, "Quelques mots.", Some(7))
        .expect("valid");
    let cell = |record: &PracticeRecord| {
        grid(record)
            .into_iter()
            .find(|c| c.field == TextField::Summary && c.lang == Lang::Fr)
            .expect("cell")
    };
    assert_eq!(cell(&record).status, CellStatus::Translated);
    assert_eq!(cell(&record).translator, Some(7));
    record
        .set_text(TextField::Summary, Lang::En, "Other words.", None)
        .expect("valid");
    assert_eq!(cell(&record).status, CellStatus::NeedsUpdate);
    let french = work(&record, Lang::Fr);
    assert_eq!(french.needs_update, 1);
    assert_eq!(french.missing, TextField::ALL.len() - 1);
    assert_eq!(work(&record, Lang::En).total(), 0, "English is the source");
}

#[test]
fn the_title_cannot_be_removed_but_other_fields_can() {
    let mut record = complete_record();
    assert!(
        record
            .set_text(TextField::Title, Lang::En, " ", None)
            .is_err()
    );
    record
        .set_text(TextField::Budget, Lang::En, "", None)
        .expect("valid");
    assert!(record.text(TextField::Budget).is_none());
}

#[test]
fn checklist_names_what_is_missing() {
    let mut record = complete_record();
    assert!(is_complete(&checklist(&record, 1)));
    assert!(
        !is_complete(&checklist(&record, 0)),
        "a practice needs a city"
    );
    record.status = PracticeStatus::Completed;
    let checks = checklist(&record, 1);
    assert!(
        !is_complete(&checks),
        "a completed practice needs its end date"
    );
    assert!(checks.iter().any(|c| c.key == "dates" && !c.done));
    record.tags.sdgs.clear();
    assert!(
        checklist(&record, 1)
            .iter()
            .any(|c| c.key == "tags" && !c.done)
    );
}

#[test]
fn workflow_reaches_publication_only_through_review() {
    let mut stage = Stage::Draft;
    assert_eq!(
        Step::Submit.apply(stage, false, ""),
        Err(Problem::new(ProblemKey::PracticeIncomplete))
    );
    assert!(Step::Publish.apply(stage, true, "").is_err());
    for step in [Step::Submit, Step::StartReview] {
        stage = step.apply(stage, true, "").expect("allowed");
    }
    assert_eq!(
        Step::RequestChanges.apply(stage, true, " "),
        Err(Problem::new(ProblemKey::CommentRequired))
    );
    stage = Step::RequestChanges
        .apply(stage, true, "Add the budget")
        .expect("allowed");
    assert!(stage.editable_by_city());
    for step in [
        Step::Submit,
        Step::Approve,
        Step::Publish,
        Step::Archive,
        Step::Restore,
    ] {
        stage = step.apply(stage, true, "").expect("allowed");
    }
    assert_eq!(stage, Stage::Published);
}

proptest! {
    /// Whatever steps are tried, a practice is published only after an approval, and every
    /// stage reached is one of the seven.
    #[test]
    fn publication_needs_an_approval(steps in proptest::collection::vec(0usize..8, 0..30)) {
        let mut stage = Stage::Draft;
        let mut approved = false;
        for index in steps {
            let step = Step::ALL[index];
            if let Ok(next) = step.apply(stage, true, "why") {
                if next == Stage::Approved { approved = true; }
                if next == Stage::Draft || next == Stage::ChangesRequested { approved = false; }
                if next == Stage::Published && step == Step::Publish {
                    prop_assert!(approved);
                }
                stage = next;
            }
        }
        prop_assert!(Stage::ALL.contains(&stage));
    }
}

fn line(extra: &str) -> String {
    format!(
        r#"{{"external_id":"x-1","cities":[{{"name":"Lyon","country":"fr"}}],"status":"completed","start_date":"2019-03-01","end_date":"2021-06-30","sdgs":[11,"4"],"fields":["culture21-actions:cultural-rights"],"keywords":["Patrimoine culturel"],"text":{{"en":{{"title":"Open libraries","summary":"Libraries open late."}},"fr":{{"title":"Bibliothèques ouvertes","body":"Le texte."}}}}{extra}}}"#
    )
}

#[test]
fn a_good_line_is_read_whole() {
    let practices = parse(&line(""), &vocabulary()).expect("valid");
    let practice = &practices[0];
    assert_eq!(practice.external_id, "x-1");
    assert_eq!(practice.cities[0].country.code(), "FR");
    assert_eq!(practice.record.source_lang, Lang::En);
    assert_eq!(
        practice
            .record
            .tags
            .sdgs
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![4, 11]
    );
    assert!(practice.record.tags.keywords.contains("cultural-heritage"));
    assert_eq!(practice.record.title(Lang::Fr), "Bibliothèques ouvertes");
    let context = practice.record.text(TextField::Context).expect("body");
    assert_eq!(context.source, Lang::Fr, "the body exists only in French");
    assert_eq!(practice.record.languages(), vec![Lang::En, Lang::Fr]);
}

#[test]
fn every_bad_line_is_reported_with_where_and_why() {
    let file = [
        line(""),
        "not json".to_owned(),
        line(r#","sdgs":[18]"#).replace(r#""sdgs":[11,"4"],"#, ""),
        line(r#","creative_field":"juggling","colour":"red""#),
        line("").replace("\"fr\"", "\"de\"").replace("x-1", "x-2"),
        line(""),
    ]
    .join("\n");
    let problems = parse(&file, &vocabulary()).expect_err("bad lines");
    let at = |line: u64, column: &str| {
        problems
            .iter()
            .find(|p| p.line == line && p.column == column)
            .map(|p| p.problem.key.as_str())
    };
    assert_eq!(at(2, ""), Some("invalid_json"));
    assert_eq!(at(3, "sdgs[0]"), Some("unknown_sdg"));
    assert_eq!(at(4, "creative_field"), Some("unknown_creative_field"));
    assert_eq!(at(4, "colour"), Some("unknown_key"));
    assert_eq!(at(5, "text.de"), Some("unknown_language"));
    assert_eq!(at(6, "external_id"), Some("duplicate_in_file"));
    assert!(problems.iter().all(|p| p.line != 1));
}

#[test]
fn a_file_without_a_practice_is_refused_as_empty() {
    for input in ["", "\n", "  \n\n  \n"] {
        let refused = parse(input, &vocabulary()).expect_err("an empty file is refused");
        assert_eq!(refused.len(), 1, "{input:?}");
        assert_eq!(
            (refused[0].line, refused[0].problem.key),
            (1, crate::ProblemKey::EmptyFile)
        );
    }
}

#[test]
fn unknown_vocabulary_is_refused() {
    let bad = line("")
        .replace("cultural-rights", "cultural-wrongs")
        .replace("Patrimoine culturel", "Jonglage");
    let problems = parse(&bad, &vocabulary()).expect_err("bad");
    let keys: Vec<_> = problems.iter().map(|p| p.problem.key.as_str()).collect();
    assert!(
        keys.contains(&"unknown_field") && keys.contains(&"unknown_keyword"),
        "{keys:?}"
    );
}

proptest! {
    #[test]
    fn no_line_makes_the_import_panic(input in "\\PC{0,400}") {
        let _ = parse(&input, &vocabulary());
    }
}

fn actor(grants: Vec<Grant>) -> Actor {
    Actor {
        user_id: Some(AccountId::new(1)),
        grants,
        ..Actor::default()
    }
}

fn grant(role: Role, network: Option<&str>, city: Option<i64>) -> Grant {
    Grant {
        role,
        network: network.map(str::to_owned),
        city: city.map(CityId::new),
    }
}

#[test]
fn who_may_do_what_with_a_practice() {
    let networks = vec!["uclg-culture".to_owned()];
    let cities = [CityId::new(5)];
    let scope = |stage| PracticeScope {
        cities: &cities,
        networks: &networks,
        stage,
    };
    let editor = actor(vec![grant(Role::Editor, None, Some(5))]);
    let other_editor = actor(vec![grant(Role::Editor, None, Some(6))]);
    let reviewer = actor(vec![grant(Role::Reviewer, Some("uclg-culture"), None)]);
    let expert = actor(vec![grant(Role::Expert, None, None)]);
    let secretariat = actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]);
    let uccn = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    let anonymous = Actor::anonymous();
    let draft = scope(Stage::Draft);
    let review = scope(Stage::InReview);
    let published = scope(Stage::Published);

    for who in [
        &editor,
        &other_editor,
        &reviewer,
        &expert,
        &secretariat,
        &uccn,
        &anonymous,
    ] {
        assert!(
            who.allows(Action::ViewPractice(published)),
            "published is public"
        );
    }
    assert!(!anonymous.allows(Action::ViewPractice(draft)));
    assert!(!other_editor.allows(Action::ViewPractice(draft)));
    assert!(!uccn.allows(Action::ViewPractice(draft)));
    assert!(editor.allows(Action::ViewPractice(draft)));
    assert!(reviewer.allows(Action::ViewPractice(draft)));

    assert!(editor.allows(Action::EditPractice(draft)));
    assert!(
        !editor.allows(Action::EditPractice(review)),
        "in review it is the reviewer's"
    );
    assert!(!other_editor.allows(Action::EditPractice(draft)));
    assert!(secretariat.allows(Action::EditPractice(review)));
    assert!(!secretariat.allows(Action::EditPractice(scope(Stage::Archived))));

    assert!(expert.allows(Action::AdvisePractice(draft)));
    assert!(!editor.allows(Action::AdvisePractice(draft)));
    assert!(reviewer.allows(Action::ReviewPractice(review)));
    assert!(!expert.allows(Action::ReviewPractice(review)));
    assert!(!editor.allows(Action::ReviewPractice(review)));
    assert!(reviewer.allows(Action::TranslatePractice(published)));
    assert!(!editor.allows(Action::TranslatePractice(published)));

    assert!(secretariat.allows(Action::PublishPractice(review)));
    assert!(!reviewer.allows(Action::PublishPractice(review)));
    assert!(!uccn.allows(Action::PublishPractice(review)));
    let city = CityScope {
        id: CityId::new(5),
        networks: &networks,
    };
    assert!(editor.allows(Action::CreatePractice(city)));
    assert!(!other_editor.allows(Action::CreatePractice(city)));
    assert!(!anonymous.allows(Action::CreatePractice(city)));
}
