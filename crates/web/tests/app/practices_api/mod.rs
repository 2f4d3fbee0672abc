//! Good practices through the JSON API: the JSON Lines import (whole file or nothing, twice
//! the same) and search across languages with facets here, with the shared corpus; the
//! workflow and translations in `workflow`, open data and the index as a cache in `processes`,
//! the change log's pruning in `change_log`.

mod change_log;
mod cross_language;
mod processes;
mod translation_queue;
mod workflow;

use crate::common::{Reply, TestApp, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

pub(super) fn line(external: &str, city: (&str, &str), sdgs: &[u8], text: Value) -> String {
    json!({
        "external_id": external, "cities": [{"name": city.0, "country": city.1}],
        "status": "completed", "start_date": "2018-01-15", "end_date": "2019-12-31",
        "sdgs": sdgs, "fields": ["culture21-actions:cultural-rights"],
        "keywords": ["cultural-heritage"], "text": text,
    })
    .to_string()
}

pub(super) fn corpus() -> String {
    [
        line(
            "obs-1",
            ("Lyon", "FR"),
            &[11],
            json!({"fr": {"title": "Bibliothèques ouvertes la nuit", "summary": "Les bibliothèques de quartier restent ouvertes le soir pour les étudiants."}}),
        ),
        line(
            "obs-2",
            ("Bilbao", "ES"),
            &[4, 11],
            json!({"en": {"title": "Night libraries", "summary": "Neighbourhood libraries open late <script>alert(1)</script> for students."},
                   "es": {"title": "Bibliotecas nocturnas", "summary": "Las bibliotecas abren por la noche."}}),
        ),
        line(
            "obs-3",
            ("Porto Alegre", "BR"),
            &[5],
            json!({"en": {"title": "Women in the city's festivals", "summary": "Gender equality in cultural festivals."}}),
        ),
    ]
    .join("\n")
}

pub(super) async fn import(app: &TestApp, token: &str, body: &str) -> Reply {
    let request = axum::http::Request::post("/api/v1/practices/import")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/x-ndjson")
        .body(axum::body::Body::from(body.to_owned()))
        .expect("request");
    app.send_unsigned(request).await
}

async fn search_reply(app: &TestApp, query: &str) -> Reply {
    app.api(
        Method::GET,
        &format!("/api/v1/practices/search?{query}"),
        None,
        None,
    )
    .await
}

pub(super) async fn search(app: &TestApp, query: &str) -> Value {
    let reply = search_reply(app, query).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

/// A second server process on the same database as `app`, with its own index (in memory).
pub(super) async fn second_process(app: &TestApp) -> ateneu_web::AppState {
    let config = app.state.config.as_ref().clone();
    ateneu_web::AppState::new(app.state.db.clone(), config)
        .await
        .expect("state")
}

pub(super) fn ids(found: &Value) -> Vec<i64> {
    found["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_i64().expect("id"))
        .collect()
}

pub(super) async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Value,
    token: Option<&str>,
) -> Reply {
    app.api(method, path, Some(body), token).await
}

#[tokio::test]
async fn an_import_is_searchable_in_every_language_with_facets() {
    let app = TestApp::with_demo().await;
    let token = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let first = import(&app, &token, &corpus()).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let summary = first.json();
    assert_eq!(summary["created"], 3);
    assert_eq!(
        summary["cities_created"],
        json!(["Porto Alegre (BR)"]),
        "Lyon and Bilbao exist"
    );
    let again = import(&app, &token, &corpus()).await.json();
    assert_eq!(
        (again["created"].clone(), again["unchanged"].clone()),
        (json!(0), json!(3))
    );

    // Accents and case do not matter, and the French-only practice is found from English.
    let found = search(&app, "q=BIBLIOTHEQUES&lang=en").await;
    assert_eq!(found["total"], 1, "{found}");
    let hit = &found["hits"][0];
    assert_eq!(hit["title"], "Bibliothèques ouvertes la nuit");
    assert_eq!(hit["lang"], "fr", "shown in the language it exists in");
    assert_eq!(hit["city"], "Lyon");
    // The same request in another interface language finds the same practices in the same order.
    let libraries_en = search(&app, "q=libraries&lang=en").await;
    let libraries_es = search(&app, "q=libraries&lang=es").await;
    assert_eq!(ids(&libraries_en), ids(&libraries_es));
    assert_eq!(libraries_es["hits"][0]["title"], "Bibliotecas nocturnas");
    let snippet = libraries_en["hits"][0]["snippet"]
        .as_str()
        .expect("snippet");
    assert!(!snippet.contains("<script"), "{snippet}");

    // Facets count the whole result; filters of one kind OR, of different kinds AND.
    let all = search(&app, "").await;
    assert_eq!(all["total"], 3);
    assert_eq!(all["facets"]["sdg"]["11"], 2);
    assert_eq!(all["facets"]["country"]["BR"], 1);
    assert_eq!(all["facets"]["language"]["fr"], 1);
    // A status is labelled in the reader's words, as every enumerated value shown to a person.
    for (lang, words) in [("en", "Completed"), ("fr", "Terminée"), ("es", "Terminada")] {
        let labelled = search(&app, &format!("lang={lang}")).await;
        let status = &labelled["facet_values"]["status"];
        assert_eq!(status[0]["value"], "completed", "{labelled}");
        assert_eq!(status[0]["label"], words, "{lang}");
    }
    assert_eq!(search(&app, "sdg=4&sdg=5").await["total"], 2);
    assert_eq!(search(&app, "sdg=11&country=FR").await["total"], 1);
    assert_eq!(
        search(&app, "sdg=11&region=latin-america").await["total"],
        0
    );
    // Each facet lists its most frequent values (`facet_limit`), and always those filtered on.
    let one = search(&app, "facet_limit=1").await;
    assert_eq!(one["total"], 3);
    assert_eq!(one["facets"]["sdg"], json!({"11": 2}));
    let kept = search(&app, "facet_limit=1&sdg=4&sdg=5").await;
    assert_eq!(kept["facets"]["sdg"], json!({"11": 1, "4": 1, "5": 1}));
    // Bad parameters are refused, not guessed.
    for query in [
        "page=0",
        "facet_limit=0",
        "facet_limit=1001",
        "facet_limit=ten",
    ] {
        let bad = search_reply(&app, query).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{query}");
    }
}

#[tokio::test]
async fn a_bad_file_writes_nothing_and_says_which_line() {
    let app = TestApp::with_demo().await;
    let token = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let file = format!(
        "{}\n{{\"external_id\": \"x\"}}\nnot json\n{{\"external_id\": \"y\", \"text\": {{\"en\": {{\"title\": \"t\", \"description\": \"d\"}}}}}}",
        corpus()
    );
    let reply = import(&app, &token, &file).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let lines = reply.json()["lines"].as_array().expect("lines").clone();
    assert!(
        lines
            .iter()
            .any(|l| l["line"] == 4 && l["column"] == "cities"),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l["line"] == 5), "{lines:?}");
    // An unknown text is named in the message, not left blank.
    assert!(
        lines.iter().any(|l| l["line"] == 6
            && l["column"] == "text.en.description"
            && l["message"]
                .as_str()
                .is_some_and(|m| m.contains("description"))),
        "{lines:?}"
    );
    assert_eq!(search(&app, "").await["total"], 0);
    let editor_token = app
        .user("ed@example.org", &[editor(app.city_id("lyon").await)])
        .await;
    assert_eq!(
        import(&app, &editor_token, &corpus()).await.status,
        StatusCode::FORBIDDEN
    );
}
