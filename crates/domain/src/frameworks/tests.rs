//! Tests of framework files: the bundled ones parse, bad files are refused line by line, export
//! round-trips, and two versions compare.

use super::*;
use crate::assessments::RatingLevel;

const BUNDLED: &str = include_str!("../../../../data/frameworks/culture21-actions.toml");
const SYNTHETIC: &str = include_str!("../../../web/tests/fixtures/synthetic-plus.toml");

fn problems(source: &str) -> Vec<(usize, &'static str)> {
    match parse_toml(source) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .into_iter()
            .map(|p| (p.line, p.key.as_str()))
            .collect(),
    }
}

const SMALL: &str = r#"key = "small"
version = "1"
name = { en = "Small", fr = "Petit", es = "Pequeño" }

[scale]
min = 1
max = 5

[[domains]]
key = "d1"
text = { en = "One", fr = "Un", es = "Uno" }

[[domains.fields]]
key = "f1"
text = { en = "First", fr = "Premier", es = "Primero" }
sdgs = [11]

[[domains.fields.actions]]
key = "a1"
text = { en = "Act", fr = "Agir", es = "Actuar" }

[[modules]]
key = "m"
name = { en = "M", fr = "M", es = "M" }
level = "action"
items = ["d1"]
"#;

#[test]
fn the_bundled_culture_21_actions_has_nine_commitments_rated_by_field() {
    let framework = parse_toml(BUNDLED).expect("bundled file parses");
    assert_eq!(framework.reference(), "culture21-actions@2015");
    assert_eq!(framework.size(), (1, 9, 0));
    let module = framework.module("commitments").expect("module");
    assert_eq!(module.level, RatingLevel::Field);
    let items = framework.rated_items(module);
    assert_eq!(items.len(), 9);
    assert_eq!(items[8].key, "governance-of-culture");
    assert_eq!(
        framework
            .text_of("governance-of-culture")
            .map(|t| t.es.as_str()),
        Some("9. Gobernanza de la cultura")
    );
    assert_eq!(
        framework.scale.stage_of(5.4).map(|s| s.key.as_str()),
        Some("developing")
    );
}

#[test]
fn the_synthetic_framework_has_culture_21_plus_shape() {
    let framework = parse_toml(SYNTHETIC).expect("synthetic file parses");
    assert_eq!(framework.size(), (6, 30, 200));
    let essentials = framework.module("essentials").expect("essentials");
    let extended = framework.module("extended").expect("extended");
    assert_eq!(framework.rated_items(essentials).len(), 30);
    assert_eq!(framework.rated_items(extended).len(), 200);
    assert_eq!(framework.rated_fields(extended).len(), 30);
}

#[test]
fn export_reads_back_to_the_same_framework() {
    for source in [BUNDLED, SYNTHETIC, SMALL] {
        let framework = parse_toml(source).expect("parses");
        let again = parse_toml(&to_toml(&framework)).expect("export parses");
        assert_eq!(framework, again);
    }
}

#[test]
fn a_small_framework_rates_its_actions() {
    let framework = parse_toml(SMALL).expect("parses");
    let module = framework.module("m").expect("module");
    let items = framework.rated_items(module);
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].key.as_str(), items[0].field.as_str()),
        ("a1", "f1")
    );
}

#[test]
fn a_duplicate_key_is_reported_at_its_line() {
    let source = SMALL.replace("key = \"a1\"", "key = \"f1\"");
    assert_eq!(problems(&source), vec![(19, "duplicate_key")]);
}

#[test]
fn a_missing_translation_is_reported() {
    let source = SMALL.replace(", es = \"Primero\"", "");
    assert_eq!(problems(&source), vec![(15, "missing_translation")]);
}

#[test]
fn an_unknown_sdg_and_a_bad_scale_are_both_reported() {
    let source = SMALL
        .replace("sdgs = [11]", "sdgs = [18]")
        .replace("max = 5", "max = 0");
    assert_eq!(
        problems(&source),
        vec![(5, "scale_out_of_range"), (16, "unknown_sdg")]
    );
}

#[test]
fn module_items_must_exist_and_fit_the_level() {
    let unknown = SMALL.replace("items = [\"d1\"]", "items = [\"nope\"]");
    assert!(problems(&unknown).contains(&(26, "unknown_item")));
    let level = SMALL
        .replace("level = \"action\"", "level = \"field\"")
        .replace("[\"d1\"]", "[\"a1\"]");
    assert!(problems(&level).contains(&(26, "item_below_level")));
    let bad_level = SMALL.replace("level = \"action\"", "level = \"sector\"");
    assert_eq!(problems(&bad_level), vec![(25, "unknown_level")]);
}

#[test]
fn syntax_errors_and_unknown_fields_name_a_line() {
    assert_eq!(problems("key = \"x\"\nversion = [\n"), vec![(2, "syntax")]);
    let unknown = SMALL.replace("max = 5", "max = 5\ncolour = \"red\"");
    assert_eq!(problems(&unknown).first().map(|p| p.1), Some("syntax"));
}

#[test]
fn stages_must_lie_on_the_scale_without_overlap() {
    let good = SMALL.replace(
        "max = 5\n",
        "max = 5\n\n[[scale.stages]]\nkey = \"low\"\nfrom = 1\nto = 3\nname = { en = \"L\", fr = \"L\", es = \"L\" }\n\n[[scale.stages]]\nkey = \"high\"\nfrom = 3\nto = 6\nname = { en = \"H\", fr = \"H\", es = \"H\" }\n",
    );
    let found = problems(&good);
    assert!(
        found.iter().any(|(_, key)| *key == "value_out_of_scale"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(_, key)| *key == "stages_overlap"),
        "{found:?}"
    );
}

#[test]
fn diff_finds_added_removed_and_reworded_items() {
    let old = parse_toml(SMALL).expect("old");
    let new_source = SMALL
        .replace("text = { en = \"Act\"", "text = { en = \"Act now\"")
        .replace("version = \"1\"", "version = \"2\"")
        + "\n[[modules.extra]]\nkey = \"x1\"\nparent = \"f1\"\ntext = { en = \"Climate\", fr = \"Climat\", es = \"Clima\" }\n";
    let new = parse_toml(&new_source).expect("new");
    let changes = diff(&old, &new);
    assert_eq!(changes.added.len(), 1);
    assert_eq!(changes.added[0].key, "x1");
    assert_eq!(changes.reworded.len(), 1);
    assert_eq!(changes.reworded[0].key, "a1");
    assert!(changes.removed.is_empty());
    assert_eq!(changes.modules.len(), 1);
    assert_eq!(changes.modules[0].added, vec!["x1".to_owned()]);
    assert!(diff(&old, &old).is_empty());
    let back = diff(&new, &old);
    assert_eq!(back.removed.len(), 1);
}

#[test]
fn benchmark_keys_and_the_fields_a_benchmark_may_hold() {
    let framework = parse_toml(BUNDLED).expect("bundled");
    let keys = framework.field_keys();
    assert_eq!(keys.len(), 9);
    assert_eq!(keys[0], "cultural-rights");
    assert!(is_benchmark_key("global-panel_2025"));
    for bad in ["", "with space", "é", &"k".repeat(65)] {
        assert!(!is_benchmark_key(bad), "{bad:?}");
    }
    let computed = computed_benchmark_key("uclg-culture");
    assert_eq!(computed, "published-uclg-culture");
    assert!(is_benchmark_key(&computed));
    let name = Trilingual {
        en: "A".into(),
        fr: "B".into(),
        es: "C".into(),
    };
    let values: std::collections::BTreeMap<String, f64> =
        keys.iter().map(|k| (k.clone(), 9.0)).collect();
    assert!(framework.check_benchmark(&computed, &name, &values).is_ok());
}
