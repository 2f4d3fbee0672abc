//! Framework files through the API: import, refusal by line, export, freezing, diff, benchmark sets.

use super::{SYNTHETIC, workshop};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn frameworks_import_export_freeze_and_compare() {
    let w = workshop("confidential").await;
    let app = &w.app;
    let post = |body: String, token: Option<String>| {
        let request = axum::http::Request::post("/api/v1/frameworks")
            .header("content-type", "application/toml");
        let request = match token {
            Some(t) => request.header("authorization", format!("Bearer {t}")),
            None => request,
        };
        request.body(axum::body::Body::from(body)).expect("request")
    };
    let mut client = app.fresh_browser();
    let anonymous = client.send(post(SYNTHETIC.to_owned(), None)).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let created = client
        .send(post(SYNTHETIC.to_owned(), Some(w.secretariat.clone())))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let again = client
        .send(post(SYNTHETIC.to_owned(), Some(w.secretariat.clone())))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["outcome"]["outcome"], "unchanged");
    // A bad file: every problem with its line, nothing stored.
    let bad = SYNTHETIC.replacen("sdgs = [", "sdgs = [18, ", 1).replacen(
        "version = \"1\"",
        "version = \"bad\"",
        1,
    );
    let refused = client.send(post(bad, Some(w.secretariat.clone()))).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let lines = refused.json()["lines"].as_array().expect("lines").clone();
    assert_eq!(lines[0]["error"], "unknown_sdg");
    assert!(lines[0]["line"].as_u64().expect("line") > 10);
    let list = app
        .api(Method::GET, "/api/v1/frameworks", None, None)
        .await
        .json();
    assert_eq!(list["items"].as_array().expect("items").len(), 2);
    // Export reads back to the same framework.
    let exported = app
        .api(
            Method::GET,
            "/api/v1/frameworks/synthetic-plus@1/export",
            None,
            None,
        )
        .await;
    assert_eq!(exported.status, StatusCode::OK);
    let same = client
        .send(post(exported.body.clone(), Some(w.secretariat.clone())))
        .await;
    assert_eq!(
        same.json()["outcome"]["outcome"],
        "unchanged",
        "{}",
        same.body
    );
    // The bundled version is used by the workshop: frozen. A revision is a new version.
    let bundled = app
        .api(
            Method::GET,
            "/api/v1/frameworks/culture21-actions@2015/export",
            None,
            None,
        )
        .await
        .body;
    let reworded = bundled.replace("1. Cultural rights", "1. Cultural rights for all");
    let frozen = client
        .send(post(reworded.clone(), Some(w.secretariat.clone())))
        .await;
    assert_eq!(frozen.status, StatusCode::CONFLICT, "{}", frozen.body);
    assert_eq!(frozen.json()["error"], "version_frozen");
    let revised = client
        .send(post(
            reworded.replace("version = \"2015\"", "version = \"2015.1\""),
            Some(w.secretariat.clone()),
        ))
        .await;
    assert_eq!(revised.status, StatusCode::CREATED, "{}", revised.body);
    let diff = app
        .api(
            Method::GET,
            "/api/v1/frameworks/culture21-actions@2015/diff/culture21-actions@2015.1",
            None,
            None,
        )
        .await;
    assert_eq!(diff.status, StatusCode::OK, "{}", diff.body);
    let reworded = diff.json()["diff"]["reworded"]
        .as_array()
        .expect("reworded")
        .clone();
    assert_eq!(reworded.len(), 1);
    assert_eq!(reworded[0]["key"], "cultural-rights");
    // A benchmark set draws a third series on the radar.
    let set = app
        .api(Method::PUT, "/api/v1/frameworks/culture21-actions@2015/benchmarks/global-panel", Some(json!({"name": {"en": "Global Panel", "fr": "Panel mondial", "es": "Panel global"}, "values": {"cultural-rights": 5.5, "culture-environment": 3.1}})), Some(&w.secretariat))
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    let out_of_scale = app
        .api(Method::PUT, "/api/v1/frameworks/culture21-actions@2015/benchmarks/x", Some(json!({"name": {"en": "X", "fr": "X", "es": "X"}, "values": {"cultural-rights": 12}})), Some(&w.secretariat))
        .await;
    assert_eq!(out_of_scale.status, StatusCode::UNPROCESSABLE_ENTITY);
    let radar = app
        .api(
            Method::GET,
            &format!("/en/assessments/{}/radar.svg", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert!(radar.body.contains("Global Panel"), "{}", radar.body);
}
