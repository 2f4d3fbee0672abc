//! Open data, the feed, and the index as a cache: a second process catching up from the change
//! log, an index kept on disk across a restart, and the search saying its answer may be partial
//! while the index is built at a first start.

use super::{corpus, import};
use crate::common::{TestApp, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::Value;

#[tokio::test]
async fn open_data_feed_and_a_second_process() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    // A second server process on the same database, with its own index.
    let other = super::second_process(&app).await;
    assert_eq!(import(&app, &sec, &corpus()).await.status, StatusCode::OK);
    other.search.catch_up(&other.db).await.expect("catch up");
    assert_eq!(
        other.search.index.len(),
        3,
        "the other process caught up from the change log"
    );

    let csv = app
        .api(Method::GET, "/api/v1/practices/export.csv", None, None)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let codebook = app
        .api(Method::GET, "/api/v1/practices/codebook", None, None)
        .await
        .json();
    let columns: Vec<String> = codebook["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c["name"].as_str().expect("name").to_owned())
        .collect();
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, columns, "the codebook describes the CSV");
    assert_eq!(reader.records().count(), 3);
    let exported = app
        .api(Method::GET, "/api/v1/practices/export.jsonl", None, None)
        .await;
    // The JSON export imports back unchanged.
    let back = import(&app, &sec, &exported.body).await.json();
    assert_eq!(back["unchanged"], 3, "{back}");
    let json_export = app
        .api(Method::GET, "/api/v1/practices/export.json", None, None)
        .await;
    assert_eq!(
        serde_json::from_str::<Value>(&json_export.body)
            .expect("json")
            .as_array()
            .map(Vec::len),
        Some(3)
    );

    let mut browser = app.fresh_browser();
    let feed = browser.get("/fr/practices/feed.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.body
            .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
    );
    assert!(feed.body.contains("Bibliothèques ouvertes la nuit"));
    assert!(!feed.body.contains("<script>"), "escaped in the feed");
}

#[tokio::test]
async fn an_index_kept_on_disk_shows_its_hits_after_a_restart() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    assert_eq!(import(&app, &sec, &corpus()).await.status, StatusCode::OK);
    let dir = tempfile::tempdir().expect("dir");
    let mut config = app.state.config.as_ref().clone();
    config.search_index = ateneu_web::IndexPlace::Dir(dir.path().join("practices"));
    let first = ateneu_web::AppState::new(app.state.db.clone(), config.clone())
        .await
        .expect("state");
    first.search.catch_up(&first.db).await.expect("catch up");
    drop(first);
    // A restart opens the same index: the hits' addresses and cities come back from the
    // database without indexing anything again.
    let again = ateneu_web::AppState::new(app.state.db.clone(), config)
        .await
        .expect("state");
    assert!(!again.search.needs_build());
    again.search.catch_up(&again.db).await.expect("catch up");
    let search = ateneu_web::practices::search::parse(Some("q=night"), ateneu_domain::Lang::En)
        .expect("query");
    let results = ateneu_web::practices::search::run(&again, &search).expect("results");
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].city, "Bilbao");
    assert!(
        results.hits[0].slug.starts_with("night-libraries"),
        "{}",
        results.hits[0].slug
    );
}

#[tokio::test]
async fn while_the_index_is_built_at_a_first_start_the_search_says_its_answer_may_be_partial() {
    let dir = tempfile::tempdir().expect("dir");
    let place = dir.path().join("practices");
    let mut app = TestApp::configured(|config| {
        config.search_index = ateneu_web::IndexPlace::Dir(place);
    })
    .await;
    assert!(
        app.state.search.is_building(),
        "a new index waits for its build"
    );
    let answer = app
        .api(Method::GET, "/api/v1/practices/search?q=night", None, None)
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["complete"], false);
    assert_eq!(
        answer
            .headers
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("10")
    );
    let page = app.get("/es/practices?q=night").await;
    assert!(
        page.body.contains("pueden estar incompletos"),
        "{}",
        page.body
    );
    app.state
        .search
        .rebuild(&app.state.db, |_| {})
        .await
        .expect("built");
    let answer = app
        .api(Method::GET, "/api/v1/practices/search?q=night", None, None)
        .await;
    assert_eq!(answer.json()["complete"], true);
    assert!(answer.headers.get("retry-after").is_none());
    let page = app.get("/es/practices?q=night").await;
    assert!(!page.body.contains("pueden estar incompletos"));
}
