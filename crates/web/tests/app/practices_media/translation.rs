//! Translators write the media's descriptions (an image's alt text) in their language, through
//! the API and the guided form's media step, without touching the media list.

use super::{PNG, lyon_draft, upload};
use crate::common::TestApp;
use ateneu_domain::Lang;
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{Method, StatusCode};
use serde_json::json;

async fn described(app: &TestApp, id: i64) -> ateneu_domain::TranslatedText {
    let practice =
        ateneu_db::practices::get(&app.state.db.conn, ateneu_domain::ids::PracticeId::new(id))
            .await
            .expect("query")
            .expect("practice");
    practice.record.media[0].description.clone()
}

async fn slug_of(app: &TestApp, id: i64) -> String {
    ateneu_db::practices::get(&app.state.db.conn, ateneu_domain::ids::PracticeId::new(id))
        .await
        .expect("query")
        .expect("practice")
        .slug
}

#[tokio::test]
async fn a_translator_describes_the_media_in_their_language() {
    let app = TestApp::with_demo().await;
    let (id, editor) = lyon_draft(&app).await;
    let uploaded = upload(
        &app,
        id,
        Some(&editor),
        ("room.png", PNG),
        "A reading room",
        "en",
    )
    .await;
    assert_eq!(uploaded.status, StatusCode::CREATED, "{}", uploaded.body);
    let url = uploaded.json()["url"].as_str().expect("url").to_owned();
    let translator = app
        .user(
            "translator@example.org",
            &[Grant::new(Role::Reviewer, None, None).expect("grant")],
        )
        .await;
    let path = format!("/api/v1/practices/{id}");
    let patch = |body: serde_json::Value| {
        let (app, path, translator) = (&app, &path, &translator);
        async move {
            app.api(Method::PATCH, path, Some(body), Some(translator))
                .await
        }
    };

    let saved = patch(json!({"lang": "fr", "media_descriptions": [{"url": url, "description": "Une salle de lecture"}]})).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let description = described(&app, id).await;
    assert_eq!(description.get(Lang::Fr), Some("Une salle de lecture"));
    assert_eq!(
        description.status(Lang::Fr),
        Some(ateneu_domain::TranslationStatus::Translated)
    );
    assert_eq!(description.get(Lang::En), Some("A reading room"));

    // The media list itself, and the source language, are the editors'.
    let list = patch(json!({"lang": "fr", "media": [{"kind": "link", "url": "https://example.org", "description": "x"}]})).await;
    assert_eq!(list.status, StatusCode::FORBIDDEN, "{}", list.body);
    let source = patch(
        json!({"lang": "en", "media_descriptions": [{"url": url, "description": "Changed"}]}),
    )
    .await;
    assert_eq!(source.status, StatusCode::FORBIDDEN, "{}", source.body);

    // Field by field: an entry that is not there, a description over 500 characters.
    let bad = patch(json!({"lang": "fr", "media_descriptions": [
        {"url": "/media/999/none.png", "description": "x"},
        {"url": url, "description": "x".repeat(501)}]}))
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    let fields = &bad.json()["fields"];
    assert!(fields["media_descriptions[0].url"].is_object(), "{fields}");
    assert!(
        fields["media_descriptions[1].description"].is_object(),
        "{fields}"
    );
    assert_eq!(
        described(&app, id).await.get(Lang::Fr),
        Some("Une salle de lecture"),
        "nothing written"
    );

    // The guided form's media step, in Spanish: the English beside the field.
    let mut browser = app.fresh_browser();
    browser.sign_in("translator@example.org").await;
    let slug = slug_of(&app, id).await;
    let step = format!("/en/practices/{slug}/edit?step=partners&in=es");
    let form = browser.get(&step).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("A reading room"), "the source is shown");
    assert!(
        form.body.contains("name=\"media[0].description\""),
        "{}",
        form.body
    );
    let posted = browser
        .post_form(
            &step,
            &[
                ("media[0].url", url.as_str()),
                ("media[0].description", "Una sala de lectura"),
                ("then", "next"),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::SEE_OTHER, "{}", posted.body);
    let description = described(&app, id).await;
    assert_eq!(description.get(Lang::Es), Some("Una sala de lectura"));
    assert_eq!(description.get(Lang::Fr), Some("Une salle de lecture"));
    assert_eq!(description.get(Lang::En), Some("A reading room"));
}

#[tokio::test]
async fn without_media_a_translator_has_no_media_step() {
    let app = TestApp::with_demo().await;
    let (id, _) = lyon_draft(&app).await;
    app.user(
        "translator@example.org",
        &[Grant::new(Role::Reviewer, None, None).expect("grant")],
    )
    .await;
    let slug = slug_of(&app, id).await;
    let mut browser = app.fresh_browser();
    browser.sign_in("translator@example.org").await;
    let form = browser
        .get(&format!("/en/practices/{slug}/edit?step=partners&in=fr"))
        .await;
    assert_eq!(form.status, StatusCode::BAD_REQUEST);
    let basics = browser
        .get(&format!("/en/practices/{slug}/edit?step=basics&in=fr"))
        .await;
    assert!(
        !basics.body.contains("step=partners&amp;in=fr"),
        "no link to it"
    );
}
