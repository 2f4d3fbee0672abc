//! Uploaded images and documents of a practice: upload and download through the API (same
//! bytes, type from the content, caching headers), refusals (what a browser could run, over
//! the limit, no alt text) that write nothing; who may upload and see them in `permissions`;
//! the guided form and the practice page in `pages`.

mod pages;
mod permissions;
mod translation;

use crate::common::{Reply, TestApp, editor};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

/// A 1×1 PNG.
pub(super) const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7\x35\x81\x84\0\0\0\0IEND\xaeB`\x82";
pub(super) const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
const BOUNDARY: &str = "ateneu-test-boundary-7d3f";

/// A multipart body with a file and text fields: (content type, body).
pub(super) fn multipart(
    file_name: &str,
    bytes: &[u8],
    fields: &[(&str, &str)],
) -> (String, Vec<u8>) {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

/// `POST /api/v1/practices/{id}/media?lang=…` with a file and its description.
pub(super) async fn upload(
    app: &TestApp,
    practice: i64,
    token: Option<&str>,
    file: (&str, &[u8]),
    description: &str,
    lang: &str,
) -> Reply {
    let (content_type, body) = multipart(file.0, file.1, &[("description", description)]);
    let mut request = Request::post(format!("/api/v1/practices/{practice}/media?lang={lang}"))
        .header(header::CONTENT_TYPE, content_type);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    app.send_unsigned(request.body(Body::from(body)).expect("request"))
        .await
}

/// `GET` a served file, with a token and extra headers.
pub(super) async fn download(
    app: &TestApp,
    url: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
) -> Reply {
    let mut request = Request::get(url);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.send_unsigned(request.body(Body::empty()).expect("request"))
        .await
}

/// A draft of Lyon by its editor: (practice id, the editor's token).
pub(super) async fn lyon_draft(app: &TestApp) -> (i64, String) {
    let token = app
        .user("lyon@example.org", &[editor(app.city_id("lyon").await)])
        .await;
    let created = app
        .api(
            Method::POST,
            "/api/v1/practices",
            Some(json!({"cities": ["lyon"], "lang": "en", "title": "Open libraries"})),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    (created.json()["id"].as_i64().expect("id"), token)
}

pub(super) async fn stored(app: &TestApp, practice: i64) -> u64 {
    ateneu_db::practices::media::count(&app.state.db.conn, practice)
        .await
        .expect("count")
}

async fn media_of(app: &TestApp, practice: i64, token: &str) -> Vec<Value> {
    let reply = app
        .api(
            Method::GET,
            &format!("/api/v1/practices/{practice}"),
            None,
            Some(token),
        )
        .await;
    reply.json()["record"]["media"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn an_upload_downloads_as_the_same_bytes_and_type() {
    let app = TestApp::with_demo().await;
    let (id, token) = lyon_draft(&app).await;
    // A PNG named .pdf is a PNG: the content decides.
    let reply = upload(
        &app,
        id,
        Some(&token),
        ("Sala de lectura.pdf", PNG),
        "Readers at night",
        "en",
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let medium = reply.json();
    assert_eq!(medium["content_type"], "image/png");
    assert_eq!(medium["kind"], "image");
    assert_eq!(medium["file_name"], "sala-de-lectura.png");
    let url = medium["url"].as_str().expect("url").to_owned();
    assert_eq!(url, format!("/media/{}/sala-de-lectura.png", medium["id"]));
    assert_eq!(reply.headers[header::LOCATION], url.as_str());

    let got = download(&app, &url, Some(&token), &[]).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.bytes, PNG);
    assert_eq!(got.headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(got.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        got.headers[header::CONTENT_DISPOSITION],
        "inline; filename=\"sala-de-lectura.png\""
    );
    assert_eq!(
        got.headers[header::CACHE_CONTROL],
        "private, max-age=31536000, immutable",
        "a draft's file stays out of shared caches"
    );
    let etag = got.headers[header::ETAG].to_str().expect("etag").to_owned();
    assert_eq!(
        etag,
        format!("\"{}\"", medium["sha256"].as_str().expect("sha"))
    );
    let again = download(&app, &url, Some(&token), &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.bytes.is_empty());
    // Another name for the same file is not it.
    let renamed = url.replace("sala-de-lectura.png", "other.png");
    assert_eq!(
        download(&app, &renamed, Some(&token), &[]).await.status,
        StatusCode::NOT_FOUND
    );

    // A document downloads as an attachment; its description defaults to its name.
    let pdf = upload(&app, id, Some(&token), ("Annual report.PDF", PDF), "", "en").await;
    assert_eq!(pdf.status, StatusCode::CREATED, "{}", pdf.body);
    let pdf_url = pdf.json()["url"].as_str().expect("url").to_owned();
    let got = download(&app, &pdf_url, Some(&token), &[]).await;
    assert_eq!(got.bytes, PDF);
    assert_eq!(got.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(
        got.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"annual-report.pdf\""
    );
    let media = media_of(&app, id, &token).await;
    assert_eq!(media.len(), 2);
    assert_eq!(
        media[0]["description"]["values"]["en"]["text"], "Readers at night",
        "{media:?}"
    );
    assert_eq!(media[1]["file"]["size"], PDF.len());
    assert_eq!(stored(&app, id).await, 2);
    let (log, _) = ateneu_db::audit::list(&app.state.db.conn, 1, 50)
        .await
        .expect("audit");
    let uploads = log
        .iter()
        .filter(|e| e.action == "practice.media.upload")
        .count();
    assert_eq!(uploads, 2, "each upload is audited");

    // Removing a file from the list deletes it: through the API, or by leaving it out of an edit.
    let file_id = medium["id"].as_i64().expect("id");
    let removed = app
        .api(
            Method::DELETE,
            &format!("/api/v1/practices/{id}/media/{file_id}"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
    assert_eq!(
        download(&app, &url, Some(&token), &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let edited = app
        .api(
            Method::PATCH,
            &format!("/api/v1/practices/{id}"),
            Some(json!({"media": []})),
            Some(&token),
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    assert_eq!(stored(&app, id).await, 0);
    assert_eq!(
        download(&app, &pdf_url, Some(&token), &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let (log, _) = ateneu_db::audit::list(&app.state.db.conn, 1, 50)
        .await
        .expect("audit");
    let deletions = log
        .iter()
        .filter(|e| e.action == "practice.media.delete")
        .count();
    assert_eq!(deletions, 2, "each removal is audited");
}

#[tokio::test]
async fn what_a_browser_could_run_is_refused_and_nothing_is_written() {
    let app = TestApp::with_demo().await;
    let (id, token) = lyon_draft(&app).await;
    let html: &[u8] = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>";
    let svg: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
    for (name, bytes) in [("photo.png", html), ("logo.svg", svg), ("logo.png", svg)] {
        let reply = upload(&app, id, Some(&token), (name, bytes), "A picture", "fr").await;
        assert_eq!(
            reply.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{name}: {}",
            reply.body
        );
        let body = reply.json();
        assert_eq!(body["error"], "unsupported_file");
        let message = body["message"].as_str().expect("message");
        assert!(message.contains("téléversé"), "in French: {message}");
    }
    // An image without alt text: the field, in the reader's language.
    let reply = upload(&app, id, Some(&token), ("photo.png", PNG), "  ", "es").await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let body = reply.json();
    assert_eq!(body["fields"]["description"]["error"], "required");
    assert_eq!(
        body["fields"]["description"]["message"],
        "Este campo es obligatorio."
    );
    // No file at all, or not a multipart body.
    let empty = upload(&app, id, Some(&token), ("empty.png", b""), "x", "en").await;
    assert_eq!(
        empty.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        empty.body
    );
    let json_body = app
        .api(
            Method::POST,
            &format!("/api/v1/practices/{id}/media"),
            Some(json!({"file": "x"})),
            Some(&token),
        )
        .await;
    assert_eq!(
        json_body.status,
        StatusCode::BAD_REQUEST,
        "{}",
        json_body.body
    );
    assert_eq!(stored(&app, id).await, 0);
    assert!(media_of(&app, id, &token).await.is_empty());
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_in_the_readers_language_and_nothing_is_written() {
    let app = TestApp::with_demo().await;
    let (id, token) = lyon_draft(&app).await;
    let limit = ateneu_domain::practices::media::MAX_BYTES;
    let mut just_over = PNG.to_vec();
    just_over.resize(limit + 1, 0);
    let mut far_over = PNG.to_vec();
    far_over.resize(limit + 3 * 1024 * 1024, 0);
    for bytes in [&just_over, &far_over] {
        let reply = upload(&app, id, Some(&token), ("big.png", bytes), "Big", "fr").await;
        assert_eq!(
            reply.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "{}",
            reply.body
        );
        let body = reply.json();
        assert_eq!(body["error"], "file_too_large");
        assert_eq!(
            body["message"],
            "Le fichier dépasse 10 MiB : il n’a pas été enregistré. Réduisez-le (résolution plus faible, PDF compressé) et envoyez-le à nouveau."
        );
    }
    assert_eq!(stored(&app, id).await, 0);
    assert!(media_of(&app, id, &token).await.is_empty());
    // At the limit it goes.
    let mut at_limit = PNG.to_vec();
    at_limit.resize(limit, 0);
    let reply = upload(&app, id, Some(&token), ("big.png", &at_limit), "Big", "en").await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.json()["size"], limit);
}
