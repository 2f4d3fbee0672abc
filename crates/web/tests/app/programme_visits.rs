//! Host suggestions for a visit: current Leading Cities with evidence of expertise in the field
//! (a score from an assessment the reader may see, published practices, public outputs naming
//! the field), each with its reasons; never the asking city; a confidential assessment's score
//! shown only to those who may see its results; an unknown field refused in the reader's language.

use crate::lab::{scores, workshop};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const HOSTS: &str = "/api/v1/programmes/visits/hosts";

fn suggested(reply: &Value) -> Vec<(String, Vec<String>)> {
    reply["hosts"]
        .as_array()
        .expect("hosts")
        .iter()
        .map(|h| {
            let kinds = h["reasons"]
                .as_array()
                .expect("reasons")
                .iter()
                .map(|r| r["kind"].as_str().expect("kind").to_owned())
                .collect();
            (h["city"]["slug"].as_str().expect("slug").to_owned(), kinds)
        })
        .collect()
}

#[tokio::test]
async fn leading_cities_are_suggested_with_the_evidence_their_reader_may_see() {
    // Buenos Aires (a Leading City) scores the top of the scale in a confidential workshop.
    let w = workshop("confidential").await;
    let token = w.invite(1).await.remove(0);
    let answered = w
        .answer(&token, json!({"sector": "other", "answers": scores(9)}))
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
    let closed = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{}/close", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    // Lyon becomes a Leading City: its published practice is tagged with cultural rights.
    let joined = w
        .app
        .api(
            Method::POST,
            "/api/v1/cities/lyon/memberships",
            Some(json!({"network": "leading-cities", "role": "leading-city", "started_on": "2026-01-01"})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(joined.status, StatusCode::CREATED, "{}", joined.body);
    ateneu_app::demo::load_examples(&w.app.state)
        .await
        .expect("the examples load");
    w.app
        .state
        .search
        .catch_up(&w.app.state.db)
        .await
        .expect("indexed");

    let field = "culture21-actions:cultural-rights";
    let ask = |token: Option<String>, city: &'static str| {
        let app = &w.app;
        async move {
            let reply = app
                .api(
                    Method::GET,
                    &format!("{HOSTS}?field={field}&city={city}"),
                    None,
                    token.as_deref(),
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            reply.json()
        }
    };
    let for_secretariat = ask(Some(w.secretariat.clone()), "").await;
    assert_eq!(
        suggested(&for_secretariat),
        [
            ("buenos-aires".to_owned(), vec!["score".to_owned()]),
            ("lyon".to_owned(), vec!["practice".to_owned()]),
        ],
        "the top score (2.0) before one practice (0.5): {for_secretariat}"
    );
    assert_eq!(
        for_secretariat["hosts"][0]["reasons"][0]["assessment_id"],
        w.id
    );

    // Anyone else does not see the confidential score, nor learns of the workshop.
    let for_anyone = ask(None, "").await;
    assert_eq!(
        suggested(&for_anyone),
        [("lyon".to_owned(), vec!["practice".to_owned()])]
    );
    assert!(!for_anyone.to_string().contains("Radar 1"));

    // The asking city is never suggested to itself.
    let for_lyon = ask(Some(w.secretariat.clone()), "lyon").await;
    assert_eq!(suggested(&for_lyon).len(), 1);
    assert_eq!(suggested(&for_lyon)[0].0, "buenos-aires");

    // The page shows the same, with links to the evidence.
    let mut browser = w.app.fresh_browser();
    let page = browser
        .get(&format!("/fr/programmes/visits/hosts?field={field}"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Pratique publiée") && page.body.contains("/fr/practices/"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("Buenos Aires"),
        "no confidential evidence for a visitor"
    );
}

#[tokio::test]
async fn a_public_output_naming_the_field_is_evidence_and_a_bad_field_is_refused() {
    let w = workshop("public").await;
    let programme = w
        .app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(
                json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
            ),
            Some(&w.secretariat),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("a programme");
    let filed = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/programmes/{programme}/outputs"),
            Some(json!({"kind": "public_article", "title": "Los derechos culturales en los barrios", "visibility": "public"})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let found = w
        .app
        .api(
            Method::GET,
            &format!("{HOSTS}?field=culture21-actions:cultural-rights"),
            None,
            None,
        )
        .await
        .json();
    assert_eq!(
        suggested(&found),
        [("buenos-aires".to_owned(), vec!["output".to_owned()])]
    );
    let other_field = w
        .app
        .api(
            Method::GET,
            &format!("{HOSTS}?field=culture21-actions:culture-economy"),
            None,
            None,
        )
        .await
        .json();
    assert_eq!(suggested(&other_field), []);

    let unknown = w
        .app
        .api(
            Method::GET,
            &format!("{HOSTS}?field=nothing:here&lang=fr"),
            None,
            None,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unknown.json()["fields"]["field"]["message"]
            .as_str()
            .expect("message")
            .contains("nothing:here")
    );
    let city = w
        .app
        .api(
            Method::GET,
            &format!("{HOSTS}?field=culture21-actions:cultural-rights&city=atlantis&lang=es"),
            None,
            None,
        )
        .await;
    assert_eq!(
        city.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        city.body
    );
    assert!(city.json()["fields"]["city"].is_object());
}
