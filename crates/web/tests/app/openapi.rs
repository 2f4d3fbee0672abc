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

/// Every operation of the API the router answers (the access table holds exactly the router's
/// routes, `access` checks it) is in the document, and the document has no other.
#[test]
fn the_document_describes_every_api_route_and_no_other() {
    let document = ateneu_web::openapi::document();
    let base = document["servers"][0]["url"].as_str().unwrap_or("/api/v1");
    let mut documented = std::collections::BTreeSet::new();
    for (path, operations) in document["paths"].as_object().expect("paths") {
        // A path with servers of its own (feeds, media) is served from the root.
        let root = operations["servers"][0]["url"].as_str() == Some("/");
        for method in operations.as_object().expect("operations").keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                let full = if root {
                    path.clone()
                } else {
                    format!("{base}{path}")
                };
                documented.insert((method.to_uppercase(), full));
            }
        }
    }
    let routed: std::collections::BTreeSet<(String, String)> = crate::access::rows()
        .filter(|(method, path, _)| {
            path.starts_with("/api/v1/")
                || documented.contains(&((*method).to_owned(), (*path).to_owned()))
        })
        .map(|(method, path, _)| ((*method).to_owned(), (*path).to_owned()))
        .collect();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty() && unrouted.is_empty(),
        "API routes without an operation in the document: {undocumented:?}\n\
         operations in the document that no route answers: {unrouted:?}"
    );
}

/// Each operation has its own `operationId` (clients name their functions after it), and the
/// search's and the translation queue's query parameters all reach the document.
#[test]
fn operations_have_distinct_ids_and_their_declared_parameters() {
    let document = ateneu_web::openapi::document();
    let mut ids = std::collections::BTreeSet::new();
    for (path, operations) in document["paths"].as_object().expect("paths") {
        for (method, operation) in operations.as_object().expect("operations") {
            if method == "servers" {
                continue;
            }
            let id = operation["operationId"].as_str().expect("an operationId");
            assert!(ids.insert(id.to_owned()), "{method} {path}: {id} twice");
        }
    }
    let names = |path: &str| -> Vec<String> {
        document["paths"][path]["get"]["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .map(|p| p["name"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let search = names("/practices/search");
    for name in ["q", "lang", "sort", "page", "facet_limit", "sdg", "status"] {
        assert!(search.contains(&name.to_owned()), "search lacks {name}");
    }
    assert_eq!(names("/practices/translation-queue"), ["lang", "after"]);
    let dashboard = &document["paths"]["/programmes/dashboard"]["get"]["parameters"][0];
    assert_eq!(dashboard["schema"]["minimum"], 1);
    // Ids in a path are 64-bit integers, as the handlers read them.
    let id = &document["paths"]["/cities/{slug}/memberships/{id}/end"]["post"]["parameters"][1];
    assert_eq!(id["name"], "id");
    assert_eq!(id["schema"]["format"], "int64");
}
