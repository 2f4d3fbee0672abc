//! `--demo` shows every part of the platform with example content: published practices in the
//! three languages (tagged, translated, one with a photo), a closed public assessment with its
//! radar and report, a benchmark set, an open workshop, a Leading City programme; all marked as
//! examples, loaded once.

use crate::common::TestApp;
use axum::http::{Method, StatusCode};

#[tokio::test]
async fn the_example_content_shows_every_part_once() {
    let app = TestApp::with_demo().await;
    let loaded = ateneu_app::demo::load_examples(&app.state)
        .await
        .expect("examples load");
    assert_eq!(
        (loaded.practices, loaded.assessments, loaded.programmes),
        (3, 2, 1)
    );
    let again = ateneu_app::demo::load_examples(&app.state)
        .await
        .expect("a second time");
    assert_eq!(
        (again.practices, again.assessments, again.programmes),
        (0, 0, 0),
        "loaded once"
    );
    app.state
        .search
        .catch_up(&app.state.db)
        .await
        .expect("the index catches up");
    let mut visitor = app.fresh_browser();
    let practices = visitor.get("/fr/practices").await;
    assert!(practices.body.contains("3 pratiques"), "{}", practices.body);
    assert!(practices.body.contains("(exemple)"));
    let found = app
        .api(
            Method::GET,
            "/api/v1/practices/search?q=patrimoine&lang=fr",
            None,
            None,
        )
        .await;
    assert!(
        found
            .body
            .contains("Fêtes de quartier organisées par leurs habitants"),
        "the Spanish example, through its tag, titled in French: {}",
        found.body
    );
    let libraries =
        ateneu_db::practices::by_external_id(&app.state.db.conn, "example-lyon-libraries")
            .await
            .expect("query")
            .expect("the example practice");
    assert_eq!(libraries.record.media.len(), 1, "with its photo");
    assert_eq!(
        libraries.record.languages().len(),
        2,
        "French with an English translation"
    );
    let list = visitor.get("/en/assessments").await;
    assert!(
        list.body.contains("Radar 1 — Buenos Aires (example)"),
        "{}",
        list.body
    );
    assert!(
        !list.body.contains("Lyon (exemple)"),
        "the open workshop is for the network only"
    );
    let assessments = ateneu_db::assessments::all(&app.state.db.conn)
        .await
        .expect("all");
    let closed = assessments
        .iter()
        .find(|a| a.title.contains("Buenos Aires"))
        .expect("the closed one");
    for path in [
        format!("/es/assessments/{}/report", closed.id),
        format!("/es/assessments/{}/report.pdf", closed.id),
        format!("/es/assessments/{}/radar.svg", closed.id),
    ] {
        assert_eq!(visitor.get(&path).await.status, StatusCode::OK, "{path}");
    }
    let radar = visitor
        .get(&format!("/en/assessments/{}/radar.svg", closed.id))
        .await;
    assert!(
        radar.body.contains("Example benchmark"),
        "the benchmark set is drawn"
    );
}
