//! A Leading City's showcase through HTTP: what the city's editors propose is seen by the public
//! only once the secretariat approves it (and again only after a change is approved), videos
//! are titled cards linking to their site, the order is the curators', the feed carries what
//! the public sees, another city's editor and a city that is not a Leading City get 404.

use crate::common::{TestApp, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const SHOWCASE: &str = "/api/v1/cities/buenos-aires/showcase";

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
    token: Option<&str>,
) -> (StatusCode, Value) {
    let reply = app.api(method, path, body, token).await;
    (
        reply.status,
        serde_json::from_str(&reply.body).unwrap_or(Value::Null),
    )
}

fn titles(showcase: &Value) -> Vec<String> {
    showcase["entries"]
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|e| e["title"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_public_sees_what_the_secretariat_approved_in_the_curators_order() {
    let app = TestApp::with_demo().await;
    let keeper = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let ba = app
        .user(
            "ba@example.org",
            &[editor(app.city_id("buenos-aires").await)],
        )
        .await;
    let lyon = app
        .user("lyon@example.org", &[editor(app.city_id("lyon").await)])
        .await;
    let video = json!({"kind": "video", "title": "Libraries on the river", "url": "https://video.example.org/watch/42",
        "description": "A walk through the harbour library.", "languages": "es,en"});

    let (status, entry) = call(
        &app,
        Method::POST,
        &format!("{SHOWCASE}/entries"),
        Some(video.clone()),
        Some(&ba),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    assert_eq!(entry["approval"], "proposed");
    let id = entry["id"].as_i64().expect("id");
    let (_, public) = call(&app, Method::GET, SHOWCASE, None, None).await;
    assert!(titles(&public).is_empty(), "a proposal is not public");
    let (_, own) = call(&app, Method::GET, SHOWCASE, None, Some(&ba)).await;
    assert_eq!(
        titles(&own),
        ["Libraries on the river"],
        "the city's editors see it"
    );

    // Another city's editor neither curates nor approves; an editor does not approve.
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("{SHOWCASE}/entries"),
        Some(video.clone()),
        Some(&lyon),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("{SHOWCASE}/entries/{id}/approve"),
        None,
        Some(&ba),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(
        &app,
        Method::GET,
        "/api/v1/cities/lyon/showcase",
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "Lyon is not a Leading City");
    let (status, bad) = call(
        &app,
        Method::POST,
        &format!("{SHOWCASE}/entries"),
        Some(json!({"kind": "video", "title": "x", "url": "javascript:alert(1)"})),
        Some(&ba),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");

    let (status, approved) = call(
        &app,
        Method::POST,
        &format!("{SHOWCASE}/entries/{id}/approve"),
        None,
        Some(&keeper),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    let (_, public) = call(&app, Method::GET, SHOWCASE, None, None).await;
    assert_eq!(titles(&public), ["Libraries on the river"]);

    // The secretariat's own entry is public at once; the curators' order holds.
    let (status, plan) = call(&app, Method::POST, &format!("{SHOWCASE}/entries"),
        Some(json!({"kind": "video", "title": "The culture plan", "url": "https://example.org/plan"})), Some(&keeper)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(plan["approval"], "approved");
    let mut page = app.fresh_browser();
    let moved = page.get("/es/cities/buenos-aires/showcase").await;
    assert_eq!(moved.status, StatusCode::OK);
    assert!(
        moved
            .body
            .contains("href=\"https://video.example.org/watch/42\" rel=\"external noopener\"")
    );
    assert!(!moved.body.contains("<iframe"), "no embedded player");
    let mut curator = app.fresh_browser();
    curator.sign_in("ba@example.org").await;
    let up = curator
        .post_form(
            &format!("/es/cities/buenos-aires/showcase/entries/{}", plan["id"]),
            &[("do", "up")],
        )
        .await;
    assert_eq!(up.status, StatusCode::SEE_OTHER, "{}", up.body);
    let (_, public) = call(&app, Method::GET, SHOWCASE, None, None).await;
    assert_eq!(
        titles(&public),
        ["The culture plan", "Libraries on the river"]
    );

    // An editor's change waits for approval again.
    let changed = json!({"kind": "video", "title": "Libraries on the river, new cut", "url": "https://video.example.org/watch/43"});
    let (status, _) = call(
        &app,
        Method::PUT,
        &format!("{SHOWCASE}/entries/{id}"),
        Some(changed),
        Some(&ba),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, public) = call(&app, Method::GET, SHOWCASE, None, None).await;
    assert_eq!(titles(&public), ["The culture plan"]);

    // The introduction: proposed, then approved; it leads the page and its shared card.
    let (status, intro) = call(
        &app,
        Method::PUT,
        &format!("{SHOWCASE}/intro"),
        Some(json!({"intro_es": "Una ciudad de bibliotecas.\n\nY de ríos."})),
        Some(&ba),
    )
    .await;
    assert_eq!(
        (status, intro["approval"].clone()),
        (StatusCode::OK, json!("proposed"))
    );
    assert!(
        !page
            .get("/es/cities/buenos-aires/showcase")
            .await
            .body
            .contains("Una ciudad de bibliotecas")
    );
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("{SHOWCASE}/intro/approve"),
        None,
        Some(&keeper),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let shown = page.get("/es/cities/buenos-aires/showcase").await;
    assert!(
        shown
            .body
            .contains("<meta property=\"og:description\" content=\"Una ciudad de bibliotecas.\">"),
        "{}",
        shown.body
    );

    // The city page links to the showcase while the city is a Leading City.
    assert!(
        page.get("/es/cities/buenos-aires")
            .await
            .body
            .contains("href=\"/es/cities/buenos-aires/showcase\"")
    );
    assert!(!page.get("/es/cities/lyon").await.body.contains("/showcase"));

    let feed = page.get("/en/cities/buenos-aires/showcase.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.body.contains("The culture plan") && !feed.body.contains("new cut"),
        "{}",
        feed.body
    );
}
