//! Banners on the home page through HTTP: scheduled by the secretariat for a published practice
//! with one of its uploaded images, shown on the home page in the reader's language with the
//! image's alt text between its days only, refused for a practice that is not published or an
//! image that is not the practice's, kept from everyone else, and gone once removed.

use crate::common::{TestApp, editor, secretariat};
use crate::practices_media::{PNG, upload};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset)).to_string()
}

async fn published(app: &TestApp, keeper: &str, title: &str) -> (i64, String) {
    let line = json!({
        "external_id": title, "cities": [{"name": "Buenos Aires", "country": "AR"}],
        "status": "completed", "sdgs": [11], "source_lang": "en",
        "text": {"en": {"title": title, "summary": "A harbour library.", "context": "The district."}},
    });
    let done = app
        .upload_csv(
            "/api/v1/practices/import?stage=published",
            &line.to_string(),
            keeper,
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let practice = ateneu_db::practices::by_external_id(&app.state.db.conn, title)
        .await
        .expect("reads")
        .expect("imported");
    (practice.id.get(), practice.slug)
}

#[tokio::test]
async fn a_banner_shows_a_published_practice_on_its_days_with_the_images_alt_text() {
    let app = TestApp::with_demo().await;
    let keeper = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let (id, slug) = published(&app, &keeper, "Harbour Library").await;
    let image = upload(
        &app,
        id,
        Some(&keeper),
        ("harbour.png", PNG),
        "Readers on the quay",
        "en",
    )
    .await;
    assert_eq!(image.status, StatusCode::CREATED, "{}", image.body);
    let image_url = image.json()["url"].as_str().expect("url").to_owned();
    let call = |method, path: &str, body: Option<Value>| {
        let path = path.to_owned();
        let keeper = keeper.clone();
        let app = &app;
        async move { app.api(method, &path, body, Some(&keeper)).await }
    };

    // Only a published practice, and only one of its own images.
    let draft = call(Method::POST, "/api/v1/banners", Some(json!({"practice": "no-such-practice", "text_en": "x", "starts_on": day(0), "ends_on": day(7)}))).await;
    assert_eq!(draft.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(draft.body.contains("practice"), "{}", draft.body);
    let foreign = call(Method::POST, "/api/v1/banners", Some(json!({"practice": slug, "image": "/static/app.css", "text_en": "x", "starts_on": day(0), "ends_on": day(7)}))).await;
    assert_eq!(foreign.status, StatusCode::UNPROCESSABLE_ENTITY);
    let backwards = call(
        Method::POST,
        "/api/v1/banners",
        Some(json!({"practice": slug, "text_en": "x", "starts_on": day(7), "ends_on": day(0)})),
    )
    .await;
    assert_eq!(backwards.status, StatusCode::UNPROCESSABLE_ENTITY);

    let made = call(
        Method::POST,
        "/api/v1/banners",
        Some(json!({"practice": slug, "text_en": "A library on the quay", "text_es": "Una biblioteca en el muelle", "starts_on": day(0), "ends_on": day(7)})),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let banner = made.json();
    assert_eq!(
        banner["image"], image_url,
        "the practice's first image when none is named"
    );
    assert_eq!(banner["live"], true);
    let later = call(
        Method::POST,
        "/api/v1/banners",
        Some(json!({"practice": slug, "text_en": "Coming next month", "starts_on": day(30), "ends_on": day(40)})),
    )
    .await;
    assert_eq!(later.status, StatusCode::CREATED, "{}", later.body);

    let mut visitor = app.fresh_browser();
    let home = visitor.get("/es").await;
    assert!(
        home.body.contains("Una biblioteca en el muelle"),
        "the day's banner in Spanish"
    );
    assert!(home.body.contains(&format!("src=\"{image_url}\"")));
    assert!(
        home.body
            .contains("alt=\"Readers on the quay\" lang=\"en\""),
        "the alt text, in its language"
    );
    assert!(
        !home.body.contains("Coming next month"),
        "a banner shows on its days only"
    );

    // Nobody else sees or schedules banners.
    let city_editor = app
        .user(
            "ba@example.org",
            &[editor(app.city_id("buenos-aires").await)],
        )
        .await;
    let list = app
        .api(Method::GET, "/api/v1/banners", None, Some(&city_editor))
        .await;
    assert_eq!(list.status, StatusCode::NOT_FOUND);

    let removed = call(
        Method::DELETE,
        &format!("/api/v1/banners/{}", banner["id"]),
        None,
    )
    .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    let home = visitor.get("/es").await;
    assert!(
        !home.body.contains("Una biblioteca en el muelle"),
        "a removed banner is gone"
    );
}
