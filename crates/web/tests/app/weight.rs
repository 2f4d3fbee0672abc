//! What a page weighs and how it is built for everyone: answers gzipped for browsers that ask,
//! htmx only on the pages it enhances, the example banner inside a landmark, result titles
//! one heading level under the page's.

use crate::common::{TestApp, secretariat};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

async fn gzip_get(app: &TestApp, path: &str) -> crate::common::Reply {
    app.send_unsigned(
        Request::get(path)
            .header(header::ACCEPT_ENCODING, "gzip, deflate, br")
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

/// The bytes of a whole gzip stream.
fn gunzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut plain)
        .expect("a whole gzip stream");
    plain
}

#[tokio::test]
async fn pages_and_static_files_are_gzipped_for_browsers_that_ask() {
    let app = TestApp::with_demo().await;
    for path in [
        "/en",
        "/fr/cities",
        "/static/app.css",
        "/static/htmx.min.js",
        "/api/v1/cities",
    ] {
        let reply = gzip_get(&app, path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.headers[header::CONTENT_ENCODING], "gzip", "{path}");
        let plain = gunzip(&reply.bytes);
        assert!(plain.len() > reply.bytes.len(), "{path} is smaller gzipped");
    }
    let plain = app
        .send_unsigned(
            Request::get("/static/app.css")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
}

#[tokio::test]
async fn the_streamed_exports_arrive_whole_when_gzipped() {
    // The gzip layer polls a streamed body once more after its end: the exports' stream used
    // to panic then, and every client asking for gzip got a download cut short.
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let lines: Vec<String> = (1..=3)
        .map(|n| {
            serde_json::json!({
                "external_id": format!("gzip-{n}"), "cities": [{"name": "Lyon", "country": "FR"}],
                "status": "completed",
                "text": {"en": {"title": format!("Practice {n}"), "summary": "Long enough ".repeat(40)}},
            })
            .to_string()
        })
        .collect();
    let done = app
        .upload_csv(
            "/api/v1/practices/import?stage=published",
            &lines.join("\n"),
            &token,
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    for path in [
        "/api/v1/practices/export.csv",
        "/api/v1/practices/export.json",
        "/api/v1/practices/export.jsonl",
    ] {
        let reply = gzip_get(&app, path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.headers[header::CONTENT_ENCODING], "gzip", "{path}");
        let plain = gunzip(&reply.bytes);
        let unzipped = app
            .send_unsigned(Request::get(path).body(Body::empty()).expect("request"))
            .await;
        assert_eq!(String::from_utf8_lossy(&plain), unzipped.body, "{path}");
        assert!(unzipped.body.contains("Practice 3"), "{path}");
    }
}

#[tokio::test]
async fn htmx_loads_only_where_a_page_enhances_with_it() {
    let app = TestApp::with_demo().await;
    let mut visitor = app.fresh_browser();
    let home = visitor.get("/en").await;
    assert!(
        !home.body.contains("htmx.min.js"),
        "every page works without it"
    );
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let created = app
        .api(
            axum::http::Method::POST,
            "/api/v1/assessments",
            Some(serde_json::json!({
                "city": "lyon", "framework": "culture21-actions@2015", "module": "commitments",
                "starts_on": "2026-05-01", "visibility": "public",
            })),
            Some(&token),
        )
        .await;
    let id = created.json()["id"].as_i64().expect("id");
    let mut runner = app.fresh_browser();
    runner.sign_in("secretariat@example.org").await;
    let dashboard = runner.get(&format!("/en/assessments/{id}/dashboard")).await;
    assert!(
        dashboard.body.contains("htmx.min.js"),
        "the live dashboard enhances with it"
    );
}

#[tokio::test]
async fn the_example_banner_is_inside_a_landmark_and_hits_are_second_level_headings() {
    let app = TestApp::with_demo().await;
    let mut visitor = app.fresh_browser();
    let page = visitor.get("/es/practices").await;
    let header_end = page.body.find("</header>").expect("a header");
    let banner = page.body.find("example-banner").expect("the banner");
    assert!(banner < header_end, "inside the header");
    assert!(!page.body.contains("<h3"), "no heading level is skipped");
}
