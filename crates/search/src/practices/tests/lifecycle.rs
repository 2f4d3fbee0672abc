//! The index as a cache of the database: changes replace and delete, `applied` and the
//! documents survive a restart, anything unusable in the directory is wiped and recreated.

use super::*;
use crate::practices::{IndexError, Opened};
use ateneu_domain::Lang::{En, Fr};
use std::path::Path;

fn open(dir: &Path) -> (PracticeIndex, Opened) {
    match PracticeIndex::open(dir) {
        Ok(opened) => opened,
        Err(error) => panic!("open {}: {error}", dir.display()),
    }
}

fn jazz(id: i64, title: &str) -> PracticeDoc {
    doc(
        id,
        id,
        &[(En, title, "jazz", "")],
        &[(FacetKind::Status, "ongoing")],
    )
}

#[test]
fn hits_carry_the_slug_and_the_cities_in_order() {
    let index = PracticeIndex::in_memory().expect("an index");
    let moved = |slug: &str, cities: &[&str]| PracticeDoc {
        slug: slug.to_owned(),
        cities: cities.iter().map(|c| (*c).to_owned()).collect(),
        ..jazz(7, "Jazz in the park")
    };
    index
        .apply(
            vec![moved("jazz-in-the-park", &["vic", "barcelona"])],
            &[],
            1,
        )
        .expect("applied");
    let hit = &search(&index, &request("jazz")).hits[0];
    assert_eq!(hit.slug, "jazz-in-the-park");
    assert_eq!(hit.cities, vec!["vic", "barcelona"]);
    // A new slug and another order of cities replace the old ones; no city is none.
    index
        .apply(vec![moved("jazz-park", &["barcelona", "vic"])], &[], 2)
        .expect("applied");
    let hit = &search(&index, &request("jazz")).hits[0];
    assert_eq!(
        (hit.slug.as_str(), hit.cities.clone()),
        ("jazz-park", vec!["barcelona".to_owned(), "vic".to_owned()])
    );
    index
        .apply(vec![moved("jazz-park", &[])], &[], 3)
        .expect("applied");
    assert!(search(&index, &request("jazz")).hits[0].cities.is_empty());
}

#[test]
fn apply_replaces_by_id_and_deletes() {
    let index = PracticeIndex::in_memory().expect("an index");
    assert_eq!(index.applied(), 0);
    assert_eq!(index.len(), 0);
    index
        .apply(
            vec![jazz(1, "First"), jazz(2, "Second"), jazz(3, "Third")],
            &[],
            5,
        )
        .expect("applied");
    index
        .apply(
            vec![jazz(2, "Second, edited"), jazz(2, "Second, edited twice")],
            &[3],
            6,
        )
        .expect("applied");
    assert_eq!(index.applied(), 6);
    assert_eq!(index.len(), 2);
    let response = search(&index, &request("jazz"));
    let mut titles: Vec<(i64, String)> = response
        .hits
        .iter()
        .map(|h| (h.id, h.title.clone()))
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        vec![
            (1, "First".to_owned()),
            (2, "Second, edited twice".to_owned())
        ]
    );
    assert_eq!(count(&response, FacetKind::Status, "ongoing"), 2);
    assert_eq!(search(&index, &request("")).total, 2);
    // Deleting what is not there, or nothing, is fine.
    index.apply(Vec::new(), &[42], 7).expect("applied");
    assert_eq!((index.len(), index.applied()), (2, 7));
}

#[test]
fn an_upsert_and_a_delete_of_the_same_id_delete_it() {
    let index = index_with(vec![jazz(1, "One")]);
    index
        .apply(vec![jazz(1, "One again")], &[1], 2)
        .expect("applied");
    assert_eq!(index.len(), 0);
    assert!(search(&index, &request("")).facets[&FacetKind::Status].is_empty());
}

#[test]
fn rebuild_replaces_everything_and_reports_progress() {
    let index = index_with(vec![jazz(1, "Old"), jazz(2, "Old")]);
    let mut reported = Vec::new();
    let docs = (10..2510).map(|id| jazz(id, "New"));
    index
        .rebuild(docs, 99, |n| reported.push(n))
        .expect("rebuilt");
    assert_eq!(index.len(), 2500);
    assert_eq!(index.applied(), 99);
    assert_eq!(reported, vec![1000, 2000, 2500]);
    let response = search(&index, &request("jazz"));
    assert_eq!(response.total, 2500);
    assert!(response.hits.iter().all(|h| h.title == "New"));
    assert_eq!(count(&response, FacetKind::Status, "ongoing"), 2500);
}

#[test]
fn reopening_keeps_the_documents_and_applied() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    {
        let (index, opened) = open(dir.path());
        assert_eq!(opened, Opened::Created);
        index
            .apply(vec![jazz(1, "Kept"), jazz(2, "Gone")], &[], 41)
            .expect("applied");
        index.apply(Vec::new(), &[2], 42).expect("applied");
        assert!(index.size_on_disk() > 0);
    }
    let (index, opened) = open(dir.path());
    assert_eq!(opened, Opened::Existing { applied: 42 });
    assert_eq!(index.applied(), 42);
    assert_eq!(ids(&search(&index, &request("jazz"))), vec![1]);
    index
        .apply(vec![jazz(3, "Added")], &[], 43)
        .expect("applied after reopening");
    assert_eq!(index.len(), 2);
    drop(index);
    let reader = PracticeIndex::open_existing(dir.path()).expect("opened as it is");
    assert_eq!((reader.len(), reader.applied()), (2, 43));
}

#[test]
fn a_directory_with_garbage_is_wiped_and_works() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("meta.json"), b"{ not json").expect("written");
    std::fs::write(dir.path().join("0123.idx"), [0u8, 159, 146, 150]).expect("written");
    std::fs::create_dir(dir.path().join("keep")).expect("created");
    assert!(matches!(
        PracticeIndex::open_existing(dir.path()),
        Err(IndexError::Incompatible(_)) | Err(IndexError::Tantivy(_))
    ));
    let (index, opened) = open(dir.path());
    assert_eq!(opened, Opened::Created);
    assert!(!dir.path().join("0123.idx").exists());
    assert!(dir.path().join("keep").is_dir());
    index
        .apply(vec![jazz(1, "Fresh")], &[], 1)
        .expect("applied");
    assert_eq!(ids(&search(&index, &request("jazz"))), vec![1]);
}

#[test]
fn another_schema_version_is_wiped() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    {
        let (index, _) = open(dir.path());
        index
            .apply(vec![jazz(1, "Old version")], &[], 8)
            .expect("applied");
    }
    // Rewrite the payload as an older version would have.
    let meta_path = dir.path().join("meta.json");
    let meta = std::fs::read_to_string(&meta_path).expect("meta.json");
    let mut json: serde_json::Value = serde_json::from_str(&meta).expect("json");
    json["payload"] = serde_json::Value::String(r#"{"schema":0,"applied":8}"#.to_owned());
    std::fs::write(&meta_path, json.to_string()).expect("written");
    assert!(matches!(
        PracticeIndex::open_existing(dir.path()),
        Err(IndexError::Incompatible(_))
    ));
    let (index, opened) = open(dir.path());
    assert_eq!(opened, Opened::Created);
    assert_eq!((index.len(), index.applied()), (0, 0));
}

#[test]
fn a_second_writer_on_the_same_directory_is_refused_not_wiped() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (first, _) = open(dir.path());
    first.apply(vec![jazz(1, "Mine")], &[], 3).expect("applied");
    assert!(PracticeIndex::open(dir.path()).is_err());
    assert_eq!(first.len(), 1);
    assert_eq!(ids(&search(&first, &request("jazz"))), vec![1]);
}

#[test]
fn searches_run_while_changes_are_applied() {
    let index = std::sync::Arc::new(index_with(vec![jazz(1, "One")]));
    let reader = {
        let index = std::sync::Arc::clone(&index);
        std::thread::spawn(move || {
            for _ in 0..200 {
                let response = search(&index, &request("jazz"));
                assert!(response.total >= 1 && response.total == response.hits.len());
            }
        })
    };
    for id in 2..30 {
        index
            .apply(vec![jazz(id, "More")], &[], id)
            .expect("applied");
    }
    reader.join().expect("the searching thread");
    assert_eq!(index.len(), 29);
    let fr = doc(99, 1, &[(Fr, "Jazz manouche", "", "")], &[]);
    index.apply(vec![fr], &[], 100).expect("applied");
    assert_eq!(search(&index, &request("manouche")).hits[0].id, 99);
}
