//! Every page answers in English, French and Spanish, in the reader's language.

use crate::common::{TestApp, admin};
use ateneu_domain::Lang;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

const PUBLIC: &[&str] = &[
    "",
    "/cities",
    "/cities?network=uccn&region=europe",
    "/cities/lyon",
    "/cities/dakar",
    "/registry/export",
    "/sign-in",
    "/password-reset",
];
const ADMIN: &[&str] = &[
    "/account",
    "/admin",
    "/admin/audit",
    "/admin/outbox",
    "/cities/new",
    "/cities/lyon/edit",
    "/registry/import",
];

#[tokio::test]
async fn every_page_answers_in_the_three_languages() {
    let mut app = TestApp::with_demo().await;
    app.user("admin@example.org", &[admin()]).await;
    let anonymous = app.fresh_browser();
    let mut anonymous = anonymous;
    app.sign_in("admin@example.org").await;
    for lang in Lang::ALL {
        let nav = app.state.i18n.t(lang, "nav-cities");
        for (browser, paths) in [(&mut anonymous, PUBLIC), (&mut app, ADMIN)] {
            for path in paths {
                let url = format!("/{}{path}", lang.code());
                let reply = browser.get(&url).await;
                assert_eq!(reply.status, StatusCode::OK, "{url}");
                assert!(
                    reply
                        .body
                        .contains(&format!("<html lang=\"{}\"", lang.code())),
                    "{url}"
                );
                assert!(
                    reply.body.contains(&nav),
                    "{url} has its navigation in {lang}"
                );
                assert!(
                    !reply.body.contains("problem-") && !reply.body.contains(">nav-"),
                    "{url} shows no raw message key"
                );
                assert!(
                    !reply.body.contains("()}") && !reply.body.contains("{$"),
                    "{url} shows no unformatted Fluent placeable"
                );
            }
        }
    }
    let french = app.get("/fr/cities").await;
    assert!(french.body.contains("Villes"));
    let spanish = app.get("/es/cities").await;
    assert!(spanish.body.contains("Ciudades"));
}

#[tokio::test]
async fn the_language_comes_from_the_url_then_the_setting_then_the_browser() {
    let mut app = TestApp::new().await;
    let reply = app
        .send(
            Request::get("/")
                .header(header::ACCEPT_LANGUAGE, "es-AR,es;q=0.9,en;q=0.5")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(reply.headers["location"], "/es");
    let api = app
        .send(
            Request::get("/api/v1/cities/nowhere")
                .header(header::ACCEPT_LANGUAGE, "fr")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(
        api.json()["message"],
        app.state.i18n.t(Lang::Fr, "problem-not-found")
    );
    let unknown = app.get("/de/cities").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn texts_fall_back_visibly_to_another_language() {
    let mut app = TestApp::new().await;
    let token = app.user("admin@example.org", &[admin()]).await;
    let body = serde_json::json!({"source_lang": "fr", "name_fr": "Villeurbanne", "country": "FR", "region": "europe", "description_fr": "Une ville voisine de Lyon."});
    app.api(
        axum::http::Method::POST,
        "/api/v1/cities",
        Some(body),
        Some(&token),
    )
    .await;
    let page = app.get("/es/cities/villeurbanne").await;
    assert!(page.body.contains("Une ville voisine de Lyon."));
    assert!(
        page.body.contains("lang=\"fr\""),
        "the fallback text is marked as French"
    );
    assert!(
        page.body.contains("class=\"fallback\""),
        "and named for the reader"
    );
    insta::assert_snapshot!("city_page_es", page.body);
}

#[tokio::test]
async fn a_trailing_slash_leads_to_the_page() {
    let mut app = TestApp::new().await;
    for (typed, page) in [
        ("/fr/", "/fr"),
        ("/es/cities/", "/es/cities"),
        ("/en/cities//?page=2", "/en/cities?page=2"),
        ("//evil.example/", "/evil.example"),
    ] {
        let reply = app.get(typed).await;
        assert_eq!(reply.status, StatusCode::PERMANENT_REDIRECT, "{typed}");
        assert_eq!(reply.headers[header::LOCATION], page, "{typed}");
    }
    assert_eq!(app.get("/fr/nowhere").await.status, StatusCode::NOT_FOUND);
}
