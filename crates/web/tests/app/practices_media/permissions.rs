//! Who may upload a practice's files and who sees them, role by role: a file is visible exactly
//! when its practice is (a draft: the people working on it; anyone else is told it does not
//! exist), and only those who may edit the practice at its stage upload.

use super::{PNG, download, lyon_draft, stored, upload};
use crate::common::{TestApp, editor, secretariat};
use crate::practices_api::{import, line};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{StatusCode, header};
use serde_json::json;

struct People {
    lyon: String,
    bilbao: String,
    reviewer: String,
    sec: String,
}

async fn people(app: &TestApp, lyon: String) -> People {
    People {
        lyon,
        bilbao: app
            .user("bilbao@example.org", &[editor(app.city_id("bilbao").await)])
            .await,
        reviewer: app
            .user(
                "rev@example.org",
                &[Grant::new(Role::Reviewer, None, None).expect("grant")],
            )
            .await,
        sec: app
            .user("sec@example.org", &[secretariat("uclg-culture")])
            .await,
    }
}

#[tokio::test]
async fn a_drafts_files_are_for_the_people_working_on_it() {
    let app = TestApp::with_demo().await;
    let (id, lyon) = lyon_draft(&app).await;
    let p = people(&app, lyon).await;

    // Uploading: its editor; the reviewer sees the draft but may not change it; for anyone
    // else the draft does not exist.
    let try_upload = |token: Option<String>| {
        let app = &app;
        async move {
            upload(app, id, token.as_deref(), ("p.png", PNG), "A room", "en")
                .await
                .status
        }
    };
    assert_eq!(try_upload(None).await, StatusCode::NOT_FOUND);
    assert_eq!(
        try_upload(Some(p.bilbao.clone())).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        try_upload(Some(p.reviewer.clone())).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(stored(&app, id).await, 0);
    let reply = upload(&app, id, Some(&p.lyon), ("p.png", PNG), "A room", "en").await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let url = reply.json()["url"].as_str().expect("url").to_owned();
    // The secretariat edits any practice of its network.
    assert_eq!(try_upload(Some(p.sec.clone())).await, StatusCode::CREATED);

    // Seeing: exactly who sees the draft.
    for (who, token, expected) in [
        ("anonymous", None, StatusCode::NOT_FOUND),
        (
            "another city's editor",
            Some(&p.bilbao),
            StatusCode::NOT_FOUND,
        ),
        ("its editor", Some(&p.lyon), StatusCode::OK),
        ("a reviewer", Some(&p.reviewer), StatusCode::OK),
        ("the secretariat", Some(&p.sec), StatusCode::OK),
    ] {
        let got = download(&app, &url, token.map(String::as_str), &[]).await;
        assert_eq!(got.status, expected, "{who}");
        if expected == StatusCode::OK {
            assert_eq!(got.bytes, PNG, "{who}");
        } else {
            assert_ne!(got.bytes, PNG, "{who}");
        }
    }
    // Removing is editing too.
    let remove = |token: &str| {
        let app = &app;
        let token = token.to_owned();
        let file = url.split('/').nth(2).unwrap_or_default().to_owned();
        async move {
            app.api(
                axum::http::Method::DELETE,
                &format!("/api/v1/practices/{id}/media/{file}"),
                None,
                Some(&token),
            )
            .await
            .status
        }
    };
    assert_eq!(remove(&p.bilbao).await, StatusCode::NOT_FOUND);
    assert_eq!(remove(&p.reviewer).await, StatusCode::FORBIDDEN);
    assert_eq!(stored(&app, id).await, 2);
}

#[tokio::test]
async fn a_published_practices_files_are_for_everyone_and_its_secretariat_uploads() {
    let app = TestApp::with_demo().await;
    let lyon = app
        .user("lyon@example.org", &[editor(app.city_id("lyon").await)])
        .await;
    let p = people(&app, lyon).await;
    let file = line(
        "media-1",
        ("Lyon", "FR"),
        &[11],
        json!({"en": {"title": "Open libraries", "summary": "Libraries open late."}}),
    );
    let imported = import(&app, &p.sec, &file).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let id = ateneu_db::practices::by_slug(&app.state.db.conn, "open-libraries")
        .await
        .expect("query")
        .expect("imported")
        .id
        .get();

    // Published: the city's editor no longer changes it; the secretariat does.
    for (who, token, expected) in [
        ("anonymous", None, StatusCode::UNAUTHORIZED),
        (
            "another city's editor",
            Some(&p.bilbao),
            StatusCode::FORBIDDEN,
        ),
        ("its editor", Some(&p.lyon), StatusCode::FORBIDDEN),
        ("a reviewer", Some(&p.reviewer), StatusCode::FORBIDDEN),
    ] {
        let reply = upload(
            &app,
            id,
            token.map(String::as_str),
            ("p.png", PNG),
            "A room",
            "en",
        )
        .await;
        assert_eq!(reply.status, expected, "{who}: {}", reply.body);
    }
    assert_eq!(stored(&app, id).await, 0);
    let reply = upload(&app, id, Some(&p.sec), ("p.png", PNG), "A room", "en").await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let url = reply.json()["url"].as_str().expect("url").to_owned();

    for (who, token) in [
        ("anonymous", None),
        ("another city's editor", Some(&p.bilbao)),
        ("its editor", Some(&p.lyon)),
        ("a reviewer", Some(&p.reviewer)),
        ("the secretariat", Some(&p.sec)),
    ] {
        let got = download(&app, &url, token.map(String::as_str), &[]).await;
        assert_eq!(got.status, StatusCode::OK, "{who}");
        assert_eq!(got.bytes, PNG, "{who}");
        assert_eq!(
            got.headers[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable",
            "{who}"
        );
    }

    // Open data gives the file's whole address, which works off the site.
    let whole = format!("{}{url}", app.state.config.base_url.trim_end_matches('/'));
    let json_export = app
        .api(
            axum::http::Method::GET,
            "/api/v1/practices/export.json",
            None,
            None,
        )
        .await
        .json();
    let exported = json_export
        .as_array()
        .expect("practices")
        .iter()
        .find(|p| p["id"] == id)
        .expect("exported");
    assert_eq!(exported["media"][0]["url"], whole.as_str());
    let csv = app
        .api(
            axum::http::Method::GET,
            "/api/v1/practices/export.csv",
            None,
            None,
        )
        .await;
    assert!(
        csv.body.contains(&format!("image: {whole}")),
        "{}",
        csv.body
    );

    // Importing the practice again keeps its files (they leave the list by an edit only).
    let again = import(&app, &p.sec, &file).await;
    assert_eq!(again.json()["unchanged"], 1, "{}", again.body);
    assert_eq!(stored(&app, id).await, 1);
    assert_eq!(download(&app, &url, None, &[]).await.status, StatusCode::OK);

    // Archived, it is the public's no more.
    let archived = app
        .api(
            axum::http::Method::POST,
            &format!("/api/v1/practices/{id}/steps"),
            Some(json!({"step": "archive", "comment": ""})),
            Some(&p.sec),
        )
        .await;
    assert_eq!(archived.status, StatusCode::OK, "{}", archived.body);
    assert_eq!(
        download(&app, &url, None, &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        download(&app, &url, Some(&p.sec), &[]).await.status,
        StatusCode::OK
    );
}
