//! The Seven Keys rules: what a challenge, a key, an asset and an article accept, how themes
//! are counted, and how a key becomes a plan's item keeping its links.

use super::*;
use proptest::prelude::*;

#[test]
fn a_challenge_names_its_sdgs_and_assets_of_the_city_only() {
    let input = ChallengeInput {
        text: "  Young people leave the old town  ".into(),
        sdgs: "11, 4;11".into(),
        assets: "7".into(),
    };
    let draft = input.parse(&[7, 9]).expect("a good challenge");
    assert_eq!(draft.text, "Young people leave the old town");
    assert_eq!(draft.sdgs, BTreeSet::from([4, 11]));
    assert_eq!(draft.assets, BTreeSet::from([7]));
    let bad = ChallengeInput {
        text: " ".into(),
        sdgs: "18".into(),
        assets: "8".into(),
    }
    .parse(&[7, 9])
    .expect_err("three problems");
    assert_eq!(
        bad.get("text").map(|p| p.key),
        Some(ProblemKey::Required),
        "{bad:?}"
    );
    assert_eq!(bad.get("sdgs").map(|p| p.key), Some(ProblemKey::UnknownSdg));
    assert_eq!(
        bad.get("assets").map(|p| p.key),
        Some(ProblemKey::UnknownValue)
    );
}

#[test]
fn a_key_names_who_commits_and_answers_challenges_of_its_workshop() {
    let refused = KeyInput {
        title: "Libraries open late".into(),
        challenges: "3".into(),
        ..KeyInput::default()
    }
    .parse(&[1, 2])
    .expect_err("no actors, an unknown challenge");
    assert_eq!(
        refused.get("actors").map(|p| p.key),
        Some(ProblemKey::Required)
    );
    assert!(refused.get("challenges").is_some());
    let key = KeyInput {
        title: "Libraries open late".into(),
        commitment: "Every library opens until 22h on Thursdays".into(),
        actors: "Municipal libraries, neighbourhood associations".into(),
        sdgs: "4".into(),
        challenges: "1 2".into(),
    }
    .parse(&[1, 2])
    .expect("a good key");
    assert_eq!(key.challenges, BTreeSet::from([1, 2]));
}

#[test]
fn a_key_becomes_a_planned_item_with_the_sdgs_of_its_challenges() {
    let key = KeyDraft {
        title: "Libraries open late".into(),
        commitment: "Until 22h".into(),
        actors: "Municipal libraries".into(),
        sdgs: BTreeSet::from([4]),
        challenges: BTreeSet::from([1]),
    };
    let linked = [BTreeSet::from([11, 16])];
    let item = plan_item(&key, Lang::Es, &linked).expect("an item");
    assert_eq!(item.title.get(Lang::Es), Some("Libraries open late"));
    assert_eq!(item.title.source, Lang::Es);
    assert_eq!(item.responsible, "Municipal libraries");
    assert_eq!(item.status, ItemStatus::Planned);
    assert_eq!(item.sdgs, BTreeSet::from([4, 11, 16]));
    assert_eq!(
        item.description.as_ref().map(|d| d.source_text()),
        Some("Until 22h")
    );
}

#[test]
fn themes_are_counted_largest_first_and_unclustered_challenges_left_out() {
    let given = [Some("Youth"), None, Some("Heritage"), Some("Youth")];
    assert_eq!(
        themes(given),
        vec![("Youth".to_owned(), 2), ("Heritage".to_owned(), 1)]
    );
    assert_eq!(theme("  "), Ok(None));
    assert_eq!(theme(" Youth "), Ok(Some("Youth".to_owned())));
    assert!(theme(&"x".repeat(MAX_THEME + 1)).is_err());
}

#[test]
fn a_closed_workshop_takes_no_challenge() {
    assert!(accepts_challenges(AssessmentStatus::Open).is_ok());
    assert_eq!(
        accepts_challenges(AssessmentStatus::Closed).map_err(|p| p.key),
        Err(ProblemKey::WorkshopClosed)
    );
}

#[test]
fn an_article_needs_a_title_and_a_body_in_one_language() {
    let article = ArticleInput {
        source_lang: "fr".into(),
        title_fr: "Sept clefs pour Lyon".into(),
        body_fr: "Le 4 mai…".into(),
        published: "on".into(),
        ..ArticleInput::default()
    }
    .parse()
    .expect("a French article");
    assert!(article.published);
    assert_eq!(article.title.source, Lang::Fr);
    let missing = ArticleInput {
        title_en: "Only a title".into(),
        ..ArticleInput::default()
    }
    .parse()
    .expect_err("no body");
    assert!(missing.get("body_en").is_some(), "{missing:?}");
    let json: ArticleInput =
        serde_json::from_str(r#"{"title_en": "T", "body_en": "B", "published": true}"#)
            .expect("a boolean");
    assert!(json.parse().expect("good").published);
}

#[test]
fn an_asset_has_a_known_kind_and_a_name() {
    let asset = AssetInput {
        kind: "institution".into(),
        name: " Teatro Colón ".into(),
        description: String::new(),
    }
    .parse()
    .expect("an asset");
    assert_eq!(asset.kind, AssetKind::Institution);
    assert_eq!(asset.name, "Teatro Colón");
    assert!(
        AssetInput {
            kind: "river".into(),
            name: "x".into(),
            ..AssetInput::default()
        }
        .parse()
        .is_err()
    );
}

#[test]
fn a_workshop_is_held_for_an_activity_of_its_programme() {
    let input = WorkshopInput {
        activity: "5".into(),
        title: "Seven Keys".into(),
        held_on: "2026-05-04".into(),
        lang: "es".into(),
    };
    assert_eq!(input.parse(&[5]).map(|d| d.activity_id), Ok(Some(5)));
    assert!(input.parse(&[6]).is_err(), "another programme's activity");
}

proptest! {
    #[test]
    fn no_input_panics_and_what_is_taken_is_within_bounds(
        text in ".{0,1200}", sdgs in ".{0,40}", assets in ".{0,40}", title in ".{0,300}",
    ) {
        let known = [1_i64, 2, 3];
        if let Ok(draft) = (ChallengeInput { text: text.clone(), sdgs: sdgs.clone(), assets: assets.clone() }).parse(&known) {
            prop_assert!(!draft.text.is_empty() && draft.text.chars().count() <= MAX_CHALLENGE);
            prop_assert!(draft.sdgs.iter().all(|s| (1..=17).contains(s)));
            prop_assert!(draft.assets.iter().all(|a| known.contains(a)));
        }
        if let Ok(key) = (KeyInput { title: title.clone(), commitment: text, actors: title, sdgs, challenges: assets }).parse(&known) {
            let item = plan_item(&key, Lang::Fr, std::iter::empty());
            prop_assert!(item.is_ok());
            prop_assert!(key.challenges.iter().all(|c| known.contains(c)));
        }
    }
}
