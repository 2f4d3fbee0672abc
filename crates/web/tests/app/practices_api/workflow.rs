//! The review workflow role by role, and translation statuses with the translator's queue,
//! through the JSON API.

use super::{call, corpus, import, search};
use crate::common::{TestApp, editor, expert, secretariat};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

#[tokio::test]
async fn the_review_workflow_role_by_role() {
    let app = TestApp::with_demo().await;
    let lyon = app.city_id("lyon").await;
    let editor_token = app.user("lyon@example.org", &[editor(lyon)]).await;
    let other = app
        .user("bilbao@example.org", &[editor(app.city_id("bilbao").await)])
        .await;
    let reviewer = app
        .user(
            "rev@example.org",
            &[Grant::new(Role::Reviewer, None, None).expect("grant")],
        )
        .await;
    let advisor = app.user("exp@example.org", &[expert(None)]).await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;

    let created = call(
        &app,
        Method::POST,
        "/api/v1/practices",
        json!({"cities": ["lyon"], "lang": "en", "title": "Open libraries"}),
        Some(&editor_token),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("id");
    let path = format!("/api/v1/practices/{id}");
    let not_theirs = call(
        &app,
        Method::POST,
        "/api/v1/practices",
        json!({"cities": ["lyon"], "lang": "en", "title": "x"}),
        Some(&other),
    )
    .await;
    assert_eq!(not_theirs.status, StatusCode::FORBIDDEN);

    // A draft is unknown to the public and to another city's editor.
    for token in [None, Some(other.as_str())] {
        assert_eq!(
            app.api(Method::GET, &path, None, token).await.status,
            StatusCode::NOT_FOUND
        );
    }
    for token in [&editor_token, &reviewer, &advisor, &sec] {
        assert_eq!(
            app.api(Method::GET, &path, None, Some(token)).await.status,
            StatusCode::OK
        );
    }
    let step = |step: &str, comment: &str| json!({"step": step, "comment": comment});
    let steps = format!("{path}/steps");
    let early = call(
        &app,
        Method::POST,
        &steps,
        step("submit", ""),
        Some(&editor_token),
    )
    .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.json()["error"], "practice_incomplete");

    let too_long = call(
        &app,
        Method::PATCH,
        &path,
        json!({"texts": {"summary": "word ".repeat(301)}}),
        Some(&editor_token),
    )
    .await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        too_long.json()["fields"]["summary"]["error"],
        "too_many_words",
        "{}",
        too_long.body
    );
    let filled = call(&app, Method::PATCH, &path, json!({
        "texts": {"summary": "Libraries open late.", "context": "A city of students.",
                  "objectives": "Study space.", "implementation": "Staff rotas.", "results": "More readers."},
        "status": "in_progress", "start_date": "2024-01-01", "sdgs": ["4", "11"],
        "contact": {"name": "Ana", "email": "ana@example.org", "public": false}
    }), Some(&editor_token)).await;
    assert_eq!(filled.status, StatusCode::OK, "{}", filled.body);
    assert_eq!(filled.json()["complete"], true);
    let advice = call(
        &app,
        Method::POST,
        &format!("{path}/comments"),
        json!({"kind": "advice", "body": "Add figures on readers."}),
        Some(&advisor),
    )
    .await;
    assert_eq!(advice.status, StatusCode::CREATED);
    assert_eq!(
        call(
            &app,
            Method::POST,
            &format!("{path}/comments"),
            json!({"kind": "advice", "body": "Me too"}),
            Some(&editor_token)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );

    assert_eq!(
        call(
            &app,
            Method::POST,
            &steps,
            step("submit", ""),
            Some(&editor_token)
        )
        .await
        .status,
        StatusCode::OK
    );
    let locked = call(
        &app,
        Method::PATCH,
        &path,
        json!({"texts": {"title": "Changed"}}),
        Some(&editor_token),
    )
    .await;
    assert_eq!(
        locked.status,
        StatusCode::FORBIDDEN,
        "submitted: the reviewer's turn"
    );
    assert_eq!(
        call(
            &app,
            Method::POST,
            &steps,
            step("approve", ""),
            Some(&advisor)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let why = call(
        &app,
        Method::POST,
        &steps,
        step("request_changes", " "),
        Some(&reviewer),
    )
    .await;
    assert_eq!(why.json()["error"], "comment_required");
    assert_eq!(
        call(
            &app,
            Method::POST,
            &steps,
            step("approve", ""),
            Some(&reviewer)
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        call(
            &app,
            Method::POST,
            &steps,
            step("publish", ""),
            Some(&reviewer)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        search(&app, "q=libraries").await["total"],
        0,
        "not published yet"
    );
    assert_eq!(
        call(&app, Method::POST, &steps, step("publish", ""), Some(&sec))
            .await
            .status,
        StatusCode::OK
    );

    // Published: public, searchable, contact still private; the history is for workers.
    let public = app.api(Method::GET, &path, None, None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.json()["record"].get("contact").is_none(),
        "{}",
        public.body
    );
    assert!(!public.body.contains("ana@example.org"));
    assert_eq!(search(&app, "q=libraries").await["total"], 1);
    assert_eq!(
        app.api(Method::GET, &format!("{path}/comments"), None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let history = app
        .api(
            Method::GET,
            &format!("{path}/comments"),
            None,
            Some(&editor_token),
        )
        .await
        .json();
    let kinds: Vec<&str> = history["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["step"].as_str())
        .collect();
    assert_eq!(kinds, vec!["submit", "approve", "publish"]);
    let feature = call(
        &app,
        Method::PUT,
        &format!("{path}/promotion"),
        json!({"featured": true, "newsletter_on": "2026-12-01"}),
        Some(&reviewer),
    )
    .await;
    assert_eq!(feature.status, StatusCode::FORBIDDEN);
    let feature = call(
        &app,
        Method::PUT,
        &format!("{path}/promotion"),
        json!({"featured": true, "newsletter_on": "2026-12-01"}),
        Some(&sec),
    )
    .await;
    assert_eq!(feature.status, StatusCode::NO_CONTENT);

    // Archived: out of the search.
    assert_eq!(
        call(&app, Method::POST, &steps, step("archive", ""), Some(&sec))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(search(&app, "q=libraries").await["total"], 0);
    assert_eq!(
        app.api(Method::GET, &path, None, None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn translations_have_statuses_and_a_queue() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let translator = app
        .user(
            "tr@example.org",
            &[Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant")],
        )
        .await;
    assert_eq!(import(&app, &sec, &corpus()).await.status, StatusCode::OK);
    let id = search(&app, "q=night&lang=en").await["hits"][0]["id"]
        .as_i64()
        .expect("id");
    let path = format!("/api/v1/practices/{id}");
    let queue = app
        .api(
            Method::GET,
            "/api/v1/practices/translation-queue?lang=fr",
            None,
            Some(&translator),
        )
        .await
        .json();
    assert!(
        queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["id"] == id),
        "{queue}"
    );
    // A translator may add French but not touch the English or the tags.
    let fr = call(
        &app,
        Method::PATCH,
        &path,
        json!({"lang": "fr", "texts": {"title": "Bibliothèques de nuit"}}),
        Some(&translator),
    )
    .await;
    assert_eq!(fr.status, StatusCode::OK, "{}", fr.body);
    let en = call(
        &app,
        Method::PATCH,
        &path,
        json!({"texts": {"title": "Changed"}}),
        Some(&translator),
    )
    .await;
    assert_eq!(en.status, StatusCode::FORBIDDEN);
    let cell = |grid: &Value, field: &str, lang: &str| {
        grid["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .find(|c| c["field"] == field && c["lang"] == lang)
            .map(|c| c["status"].clone())
    };
    let grid = app
        .api(Method::GET, &format!("{path}/translations"), None, None)
        .await
        .json();
    assert_eq!(cell(&grid, "title", "fr"), Some(json!("translated")));
    assert_eq!(cell(&grid, "summary", "fr"), Some(json!("missing")));
    // The source changes: the translations are marked as needing an update.
    let changed = call(
        &app,
        Method::PATCH,
        &path,
        json!({"texts": {"title": "Libraries at night"}}),
        Some(&sec),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    let grid = app
        .api(Method::GET, &format!("{path}/translations"), None, None)
        .await
        .json();
    assert_eq!(cell(&grid, "title", "fr"), Some(json!("needs_update")));
    assert_eq!(cell(&grid, "title", "es"), Some(json!("needs_update")));
    // The French title is found, and the English one shows the change.
    assert_eq!(
        search(&app, "q=nuit&lang=fr").await["hits"][0]["title"],
        "Bibliothèques de nuit"
    );
    assert_eq!(
        search(&app, "q=night&lang=en").await["hits"][0]["title"],
        "Libraries at night"
    );
}
