use super::*;

fn known(reference: &str) -> bool {
    reference == "culture2030-indicators:cultural-participation"
}

const ZERO_DRAFT: &str = r#"
key = "culture-2030-goal"
version = "2022-zero-draft"
name = { en = "Culture 2030 Goal", fr = "Objectif Culture 2030", es = "Objetivo Cultura 2030" }
source = "Zero draft, Mexico City, September 2022"

[[targets]]
key = "t1"
number = 1
name = { en = "Target 1", fr = "Cible 1", es = "Meta 1" }
indicators = ["culture2030-indicators:cultural-participation"]
sdg_targets = ["11.4"]

[[targets]]
key = "t2"
number = 2
name = { en = "Target 2", fr = "Cible 2", es = "Meta 2" }
"#;

#[test]
fn a_version_reads_whole_and_names_its_targets_by_version() {
    let goal = parse_toml(ZERO_DRAFT, &known).expect("read");
    assert_eq!(goal.reference(), "culture-2030-goal@2022-zero-draft");
    let references: Vec<String> = goal.target_references().collect();
    assert_eq!(
        references,
        vec![
            "culture-2030-goal@2022-zero-draft:t1",
            "culture-2030-goal@2022-zero-draft:t2"
        ]
    );
    assert_eq!(goal.targets[0].sdg_targets[0].as_str(), "11.4");
}

#[test]
fn every_problem_of_a_file_is_named_with_its_line() {
    let bad = ZERO_DRAFT
        .replace(
            "culture2030-indicators:cultural-participation",
            "nowhere:nothing",
        )
        .replace("number = 2", "number = 1")
        .replace("es = \"Meta 2\" ", "");
    let problems = parse_toml(&bad, &known).expect_err("refused");
    let seen: Vec<(usize, ProblemKey)> = problems.iter().map(|p| (p.line, p.key)).collect();
    assert_eq!(
        seen,
        vec![
            (11, ProblemKey::UnknownIndicator),
            (16, ProblemKey::DuplicateKey),
            (17, ProblemKey::MissingTranslation)
        ]
    );
    let none = parse_toml(
        &ZERO_DRAFT[..ZERO_DRAFT.find("[[targets]]").expect("targets")],
        &known,
    )
    .expect_err("no target");
    assert_eq!(none[0].key, ProblemKey::TooManyItems);
}

#[test]
fn a_revision_s_changes_are_listed_by_target() {
    let old = parse_toml(ZERO_DRAFT, &known).expect("read");
    let revised = ZERO_DRAFT
        .replace("2022-zero-draft", "2025-revised")
        .replace("\"Target 2\"", "\"Target 2, revised\"")
        .replace("key = \"t1\"", "key = \"t3\"");
    let new = parse_toml(&revised, &known).expect("read");
    let d = diff(&old, &new);
    assert_eq!(d.added, vec!["t3"]);
    assert_eq!(d.removed, vec!["t1"]);
    assert_eq!(d.changed, vec!["t2"]);
    assert!(diff(&old, &old).is_empty());
    assert_eq!(
        parse_target_reference(" Culture-2030-Goal@2025-revised:T3 "),
        Ok("culture-2030-goal@2025-revised:t3".to_owned())
    );
    assert!(parse_target_reference("culture-2030-goal:t3").is_err());
}
