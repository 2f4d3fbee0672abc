//! The package reader on any input, and the merge rules as properties: merging twice is
//! merging once, no answered item is lost, a submission is never replaced by a draft.

use super::*;
use crate::assessments::Sector;
use chrono::TimeZone;
use proptest::prelude::*;

fn at(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_780_000_000 + seconds, 0)
        .single()
        .expect("a valid time")
}

fn answered(answers: &[(&str, u8)], submitted: bool, seconds: i64) -> Answered {
    Answered {
        participation: Participation {
            sector: Sector::CivilSociety,
            name: None,
            name_consent: false,
            answers: answers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Answer::Score(*v)))
                .collect(),
            comments: BTreeMap::new(),
        },
        submitted,
        updated_at: at(seconds),
    }
}

fn results_package() -> Package {
    Package {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        id: "abc".to_owned(),
        origin: "https://ateneu.example.org".to_owned(),
        workshop: 7,
        made_at: at(0),
        content: Content::AssessmentResults(AssessmentState {
            invitations: vec![PackedInvitation {
                hash: "h1".to_owned(),
                lang: Some(Lang::Fr),
                email: None,
                revoked: false,
            }],
            responses: vec![PackedResponse {
                invitation: "h1".to_owned(),
                participation: packed_participation(&answered(&[("a", 3)], true, 5).participation),
                submitted: true,
                updated_at: at(5),
            }],
            consensus: Vec::new(),
            key_ideas: "Ideas".to_owned(),
        }),
        signature: "sig".to_owned(),
    }
}

#[test]
fn a_package_reads_back_as_written_and_its_signed_bytes_ignore_layout_and_signature() {
    let package = results_package();
    let compact = serde_json::to_vec(&package).expect("serialises");
    let pretty = serde_json::to_vec_pretty(&package).expect("serialises");
    assert_eq!(parse(&compact).expect("reads"), package);
    assert_eq!(parse(&pretty).expect("reads"), package);
    let mut resigned = package.clone();
    resigned.signature = "other".to_owned();
    assert_eq!(signed_bytes(&package), signed_bytes(&resigned));
    let mut changed = package.clone();
    changed.workshop = 8;
    assert_ne!(signed_bytes(&package), signed_bytes(&changed));
}

#[test]
fn a_file_that_is_not_a_package_is_refused_with_where_and_why() {
    let refused = |bytes: &[u8]| parse(bytes).expect_err("refused");
    let problem = refused(b"{\"format\": ");
    assert_eq!(problem.key, ProblemKey::PackageUnreadable);
    assert!(problem.detail.as_deref().unwrap_or("").contains("line 1"));
    let other = refused(br#"{"format": "something-else"}"#);
    assert!(other.detail.unwrap_or_default().contains(FORMAT));
    let newer = refused(br#"{"format": "ateneu-workshop-package", "format_version": 9}"#);
    assert!(newer.detail.unwrap_or_default().contains("version 9"));
    let mut value = serde_json::to_value(results_package()).expect("a value");
    value["smuggled"] = serde_json::json!(1);
    let extra = refused(&serde_json::to_vec(&value).expect("bytes"));
    assert!(extra.detail.unwrap_or_default().contains("smuggled"));
}

#[test]
fn a_submission_wins_whole_over_a_draft_whichever_is_newer() {
    let submitted = answered(&[("a", 1)], true, 1);
    let later_draft = answered(&[("a", 5), ("b", 2)], false, 9);
    assert_eq!(merge_response(&submitted, &later_draft), submitted);
    assert_eq!(merge_response(&later_draft, &submitted), submitted);
}

#[test]
fn two_drafts_keep_every_answer_and_the_later_value() {
    let online = answered(&[("a", 1), ("b", 2)], false, 1);
    let offline = answered(&[("b", 4), ("c", 3)], false, 5);
    let merged = merge_response(&online, &offline);
    let scores: Vec<(&str, Answer)> = merged
        .participation
        .answers
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        scores,
        vec![
            ("a", Answer::Score(1)),
            ("b", Answer::Score(4)),
            ("c", Answer::Score(3))
        ]
    );
    assert_eq!(merged.updated_at, at(5));
}

#[test]
fn key_ideas_changed_on_one_side_or_both() {
    assert_eq!(merge_key_ideas("A", "A", "A"), KeyIdeas::Unchanged);
    assert_eq!(
        merge_key_ideas("A", "A", "B"),
        KeyIdeas::Replaced("B".into())
    );
    assert_eq!(merge_key_ideas("C", "A", "A"), KeyIdeas::Unchanged);
    assert_eq!(
        merge_key_ideas("C", "A", "B"),
        KeyIdeas::Appended("C\n\nB".into())
    );
    assert_eq!(merge_key_ideas("C\n\nB", "A", "B"), KeyIdeas::Unchanged);
    assert_eq!(merge_key_ideas("A", "A", "  "), KeyIdeas::Unchanged);
}

#[test]
fn an_agreed_score_is_replaced_only_by_a_newer_different_one() {
    let kept = PackedConsensus {
        field: "f".into(),
        score: Answer::Score(3),
        justification: "j".into(),
        updated_at: at(5),
    };
    let mut brought = kept.clone();
    assert!(consensus_replaces(None, &brought));
    brought.updated_at = at(9);
    assert!(!consensus_replaces(Some(&kept), &brought), "same content");
    brought.score = Answer::Score(4);
    assert!(consensus_replaces(Some(&kept), &brought));
    brought.updated_at = at(1);
    assert!(!consensus_replaces(Some(&kept), &brought), "older");
}

fn side() -> impl Strategy<Value = Answered> {
    (
        prop::collection::btree_map("[a-e]", 0u8..5, 0..5),
        any::<bool>(),
        0i64..10,
    )
        .prop_map(|(answers, submitted, seconds)| {
            let answers: Vec<(&str, u8)> = answers.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            answered(&answers, submitted, seconds)
        })
}

proptest! {
    #[test]
    fn any_bytes_are_read_or_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn any_change_to_a_package_text_is_read_refused_or_seen_by_its_signature(
        position in 0usize..2000, byte in any::<u8>()
    ) {
        let package = results_package();
        let mut bytes = serde_json::to_vec(&package).expect("bytes");
        let position = position % bytes.len();
        prop_assume!(bytes[position] != byte);
        bytes[position] = byte;
        if let Ok(read) = parse(&bytes) {
            // A change that alters what is read shows in the signed bytes, or in the
            // signature itself (a key the reader ignores alters nothing).
            prop_assert!(
                read == package
                    || signed_bytes(&read) != signed_bytes(&package)
                    || read.signature != package.signature
            );
        }
    }

    #[test]
    fn merging_the_same_response_again_changes_nothing(here in side(), brought in side()) {
        let once = merge_response(&here, &brought);
        prop_assert_eq!(merge_response(&once, &brought), once.clone());
        prop_assert_eq!(merge_response(&once, &once), once);
    }

    #[test]
    fn no_answer_is_lost_and_no_submission_undone(here in side(), brought in side()) {
        let merged = merge_response(&here, &brought);
        prop_assert_eq!(merged.submitted, here.submitted || brought.submitted);
        for side in [&here, &brought] {
            if side.submitted == merged.submitted {
                for key in side.participation.answers.keys() {
                    prop_assert!(merged.participation.answers.contains_key(key));
                }
            }
        }
        prop_assert!(merged.updated_at >= here.updated_at.min(brought.updated_at));
    }
}
