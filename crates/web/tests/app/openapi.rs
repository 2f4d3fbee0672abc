//! The OpenAPI document is served and matches its snapshot.

use crate::common::TestApp;
use axum::http::{Method, StatusCode};

#[tokio::test]
async fn the_openapi_document_matches_its_snapshot() {
    let app = TestApp::new().await;
    let reply = app
        .api(Method::GET, "/api/v1/openapi.json", None, None)
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let document = reply.json();
    assert_eq!(document["openapi"], "3.1.0");
    insta::assert_json_snapshot!("openapi", document);
}
