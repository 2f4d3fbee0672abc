//! The written report filed as an output of the city's Culture 2030 Goal activity: under an
//! activity of that kind only, with its PDF, and carrying only the public series whatever the
//! output's visibility (a confidential output is also read by the activity's engaged experts).

use super::{HERITAGE, PARTICIPATION, series_path, world};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_filed_report_carries_only_the_public_series() {
    let w = world().await;
    for (indicator, rows) in [
        (PARTICIPATION, "Year,Units,Value\n2020,%,10\n2025,%,11\n"),
        (HERITAGE, "Year,Units,Value\n2024,USD,3\n"),
    ] {
        let (status, done) = w
            .import(rows, &format!("?indicator={indicator}"), &w.own_editor)
            .await;
        assert_eq!(status, StatusCode::OK, "{done}");
    }
    let public = json!({"unit": "%", "revision": 1, "visibility": "public"});
    let (status, _) = w
        .call(
            Method::PUT,
            &series_path(PARTICIPATION),
            Some(public),
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let post = |path: String, body: serde_json::Value| {
        let w = &w;
        async move {
            let (status, made) = w
                .call(Method::POST, &path, Some(body), Some(&w.secretariat))
                .await;
            assert!(status.is_success(), "{path}: {made}");
            made["id"].as_i64().expect("an id")
        }
    };
    let programme = post(
        "/api/v1/programmes".into(),
        json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
    )
    .await;
    let goal = post(
        format!("/api/v1/programmes/{programme}/activities"),
        json!({"catalogue_key": "culture-2030-goal", "starts_on": "2026-09-01", "ends_on": "2026-12-31"}),
    )
    .await;
    let seminar = post(
        format!("/api/v1/programmes/{programme}/activities"),
        json!({"catalogue_key": "peer-learning-seminar", "starts_on": "2026-05-04", "ends_on": "2026-05-07"}),
    )
    .await;
    let file = "/api/v1/cities/buenos-aires/indicators/report";
    let (status, refused) = w
        .call(
            Method::POST,
            file,
            Some(json!({"activity": seminar})),
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "another kind of activity"
    );
    assert_eq!(refused["fields"]["activity"]["error"], "unknown_value");
    let (status, _) = w
        .call(
            Method::POST,
            file,
            Some(json!({"activity": goal})),
            Some(&w.other_editor),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another city's editor");

    for visibility in ["public", "confidential"] {
        let (status, output) = w
            .call(
                Method::POST,
                &format!("{file}?lang=fr"),
                Some(json!({"activity": goal, "visibility": visibility})),
                Some(&w.own_editor),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{output}");
        assert_eq!(
            (output["kind"].as_str(), output["visibility"].as_str()),
            (Some("written_report"), Some(visibility))
        );
        let (_, files) = w
            .call(
                Method::GET,
                &format!("/api/v1/outputs/{}/files", output["id"]),
                None,
                Some(&w.own_editor),
            )
            .await;
        let address = format!(
            "/output-files/{}/{}",
            files["files"][0]["id"],
            files["files"][0]["file_name"].as_str().expect("a file")
        );
        let mut reader = w.app.fresh_browser();
        reader.sign_in("ba@example.org").await;
        let pdf = reader.get(&address).await;
        assert_eq!(pdf.status, StatusCode::OK, "{address}");
        let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join(" ");
        assert!(
            text.contains("Faisabilité locale des cibles")
                && text.contains("Participation culturelle"),
            "{text}"
        );
        assert!(
            !text.contains("patrimoine"),
            "a confidential series in a {visibility} output: {text}"
        );
    }
}
