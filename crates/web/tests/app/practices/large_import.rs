//! An import file larger than the 2 MB a request body may have elsewhere: taken by the import
//! page and by the API (drafts, so that nothing needs indexing and the test stays fast).

use super::setup;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

/// About 2.4 MB of valid practices, long texts within their limits.
fn large_file() -> String {
    let implementation = vec!["heritage"; 900].join(" ");
    let results = vec!["audiences"; 500].join(" ");
    let lines: Vec<String> = (0..180)
        .map(|n| {
            json!({
                "external_id": format!("large-{n}"),
                "cities": [{"name": "Buenos Aires", "country": "AR"}],
                "status": "in_progress", "start_date": "2022-03-01", "sdgs": [11],
                "source_lang": "en",
                "text": {"en": {"title": format!("Practice number {n}"),
                                "summary": "A long practice.",
                                "implementation": implementation, "results": results}},
            })
            .to_string()
        })
        .collect();
    let file = lines.join("\n");
    assert!(file.len() > 2 * 1024 * 1024, "{} bytes", file.len());
    file
}

#[tokio::test]
async fn practices_import_takes_a_file_above_two_megabytes_on_the_page_and_the_api() {
    let s = setup().await;
    let file = large_file();
    let mut sec = s.app.fresh_browser();
    sec.sign_in("secretariat@example.org").await;
    assert_eq!(sec.get("/en/practices/import").await.status, StatusCode::OK);
    let boundary = "XBOUNDARYX";
    let csrf = sec.csrf().await;
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"stage\"\r\n\r\ndraft\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jsonl\"\r\nContent-Type: application/jsonl\r\n\r\n{file}\r\n--{boundary}--\r\n",
    );
    let request = Request::post(format!("/en/practices/import?csrf={csrf}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("request");
    let page = sec.send(request).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("Imported: 180 created, 0 updated, 0 unchanged."),
        "{}",
        page.body
    );

    // The same file through the API: taken too, and nothing changes the second time.
    let again = s
        .app
        .upload_csv(
            "/api/v1/practices/import?stage=draft",
            &file,
            &s.secretariat,
        )
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(again.json()["unchanged"], 180, "{}", again.body);
}
