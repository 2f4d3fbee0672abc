//! The indicator framework file: the bundled Culture|2030 Indicators as the reference lists
//! them, and a bad file refused with each problem's line.

use super::*;

#[test]
fn the_bundled_culture_2030_indicators_have_4_dimensions_and_22_indicators() {
    let frameworks = bundled().expect("the bundled files read");
    let culture = &frameworks[0];
    assert_eq!(culture.key, "culture2030-indicators");
    assert_eq!(culture.dimensions.len(), 4);
    assert_eq!(culture.indicators.len(), 22);
    let numbers: Vec<u32> = culture.indicators.iter().map(|i| i.number).collect();
    assert_eq!(numbers, (1..=22).collect::<Vec<_>>());
    let per_dimension: Vec<usize> = culture
        .dimensions
        .iter()
        .map(|d| {
            culture
                .indicators
                .iter()
                .filter(|i| i.dimension == d.key)
                .count()
        })
        .collect();
    assert_eq!(per_dimension, [5, 7, 5, 5]);
    let heritage = culture
        .indicator("heritage-expenditure")
        .expect("indicator 1");
    assert_eq!(heritage.name.en, "Expenditure on heritage");
    assert_eq!(heritage.sdg_targets[0].as_str(), "11.4");
    assert!(
        culture
            .references()
            .any(|r| r == "culture2030-indicators:participatory-processes")
    );
}

#[test]
fn a_bad_file_names_each_problem_with_its_line() {
    let source = r#"key = "goal"
version = "zero draft"
name = { en = "Goal", fr = "Objectif" }

[[dimensions]]
key = "d"
name = { en = "D", fr = "D", es = "D" }

[[indicators]]
key = "a"
number = 1
dimension = "nowhere"
name = { en = "A", fr = "A", es = "A" }
direction = "sideways"
sdg_targets = ["19.1"]

[[indicators]]
key = "a"
number = 1
dimension = "d"
name = { en = "B", fr = "B", es = "B" }
"#;
    let problems = parse_toml(source).expect_err("refused");
    let found: Vec<(usize, ProblemKey)> = problems.iter().map(|p| (p.line, p.key)).collect();
    for expected in [
        (2, ProblemKey::InvalidKey),
        (3, ProblemKey::MissingTranslation),
        (12, ProblemKey::UnknownItem),
        (14, ProblemKey::UnknownValue),
        (15, ProblemKey::UnknownSdgTarget),
        (18, ProblemKey::DuplicateKey),
        (19, ProblemKey::DuplicateKey),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
    let syntax = parse_toml("key = ").expect_err("refused");
    assert_eq!(syntax[0].key, ProblemKey::Syntax);
}
