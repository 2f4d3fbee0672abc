//! Thematic-module testing: what a proposal accepts, and the revised module the accepted ones
//! yield (a new version, checked whole, whose difference is exactly what was accepted).

use super::*;
use crate::frameworks::diff;
use proptest::prelude::*;

const BUNDLED: &str = include_str!("../../../../data/frameworks/culture21-actions.toml");

fn bundled() -> Framework {
    parse_toml(BUNDLED).expect("the bundled framework")
}

fn keys() -> ModuleKeys {
    module_keys(&bundled(), "commitments").expect("the module")
}

fn proposal(item: &str, kind: &str, en: &str, fr: &str, es: &str) -> ProposalInput {
    ProposalInput {
        item: item.into(),
        kind: kind.into(),
        text_en: en.into(),
        text_fr: fr.into(),
        text_es: es.into(),
        comment: String::new(),
    }
}

#[test]
fn a_proposal_names_an_item_of_the_module_and_what_it_asks_needs() {
    let keys = keys();
    assert!(keys.items.contains(&"cultural-rights".to_owned()));
    assert_eq!(keys.parents, vec!["commitments".to_owned()]);
    let reword = proposal(
        "cultural-rights",
        "reword",
        "",
        "",
        "1. Derechos culturales para todas",
    );
    assert_eq!(
        reword.parse(&keys).map(|d| d.kind),
        Ok(ProposalKind::Reword)
    );
    let refused = proposal("nowhere", "reword", "", "", "")
        .parse(&keys)
        .expect_err("two problems");
    assert!(refused.get("item").is_some() && refused.get("text_en").is_some());
    let comment = ProposalInput {
        item: "cultural-rights".into(),
        ..ProposalInput::default()
    };
    assert_eq!(
        comment
            .parse(&keys)
            .expect_err("a comment says something")
            .get("comment")
            .map(|p| p.key),
        Some(ProblemKey::Required)
    );
    let half = proposal("commitments", "add", "Climate", "Climat", "");
    assert_eq!(
        half.parse(&keys)
            .expect_err("a new item in three languages")
            .get("text_es")
            .map(|p| p.key),
        Some(ProblemKey::MissingTranslation)
    );
    assert!(
        proposal("cultural-rights", "add", "a", "b", "c")
            .parse(&keys)
            .is_err(),
        "under a field"
    );
}

#[test]
fn the_accepted_proposals_are_the_revision_s_whole_difference() {
    let old = bundled();
    let keys = keys();
    let accepted = [
        proposal(
            "cultural-rights",
            "reword",
            "",
            "",
            "1. Derechos culturales para todas las personas",
        )
        .parse(&keys)
        .expect("a rewording"),
        proposal(
            "commitments",
            "add",
            "10. Culture and climate",
            "10. Culture et climat",
            "10. Cultura y clima",
        )
        .parse(&keys)
        .expect("a new item"),
    ];
    let new = revise(&old, "commitments", "2015-climate", &accepted).expect("a revision");
    assert_eq!(new.version, "2015-climate");
    assert_eq!(
        new.text_of("cultural-rights").map(|t| t.es.as_str()),
        Some("1. Derechos culturales para todas las personas")
    );
    assert_eq!(
        new.text_of("cultural-rights").map(|t| t.en.as_str()),
        old.text_of("cultural-rights").map(|t| t.en.as_str())
    );
    assert_eq!(
        new.text_of("commitments-x1").map(|t| t.fr.as_str()),
        Some("10. Culture et climat")
    );
    let changes = diff(&old, &new);
    assert!(!changes.is_empty());
    assert_eq!(
        revise(&old, "commitments", "2015", &accepted).map(|f| f.version),
        Err(Problem::with_detail(ProblemKey::DuplicateKey, "2015"))
    );
    assert!(revise(&old, "commitments", "a version", &accepted).is_err());
    let untouched =
        revise(&old, "commitments", "2015-same", std::iter::empty()).expect("no change");
    assert!(
        diff(&old, &untouched).is_empty(),
        "only the version differs"
    );
}

proptest! {
    #[test]
    fn no_input_panics_and_a_revision_is_always_a_valid_framework(
        item in prop::sample::select(vec!["cultural-rights", "commitments", "nowhere", ""]),
        kind in prop::sample::select(vec!["comment", "reword", "add", "other", ""]),
        en in ".{0,60}", fr in ".{0,60}", es in ".{0,60}", comment in ".{0,60}",
    ) {
        let keys = keys();
        let input = ProposalInput { item: item.into(), kind: kind.into(), text_en: en, text_fr: fr, text_es: es, comment };
        if let Ok(draft) = input.parse(&keys) {
            // Whatever was accepted, the revision is a framework its importer reads, or refused.
            if let Ok(revised) = revise(&bundled(), "commitments", "2015-r1", [&draft]) {
                prop_assert!(parse_toml(&to_toml(&revised)).is_ok());
                prop_assert_eq!(revised.version, "2015-r1");
            }
        }
    }
}
