//! A query in one language reaches a practice written in another through its tags' names
//! (the thesaurus, the framework fields, the SDGs are named in the three languages), a match
//! in the text ranks above a match on a tag, and the hit says which tag led to it.

use super::{ids, import, search};
use crate::common::{TestApp, secretariat};
use serde_json::json;

#[tokio::test]
async fn a_query_in_each_language_reaches_a_practice_written_in_another() {
    let app = TestApp::with_demo().await;
    let token = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let spanish = json!({
        "external_id": "es-1", "cities": [{"name": "Bilbao", "country": "ES"}],
        "status": "completed", "start_date": "2018-01-15", "sdgs": [11],
        "fields": ["culture21-actions:heritage-diversity-creativity"],
        "keywords": ["intangible-heritage"],
        "text": {"es": {"title": "Fiestas de barrio", "summary": "Las fiestas de los barrios de la ciudad."}},
    });
    let french = json!({
        "external_id": "fr-1", "cities": [{"name": "Lyon", "country": "FR"}],
        "status": "completed", "start_date": "2019-01-15", "sdgs": [4],
        "text": {"fr": {"title": "Le patrimoine des quartiers", "summary": "Un patrimoine vivant raconté par ses habitants."}},
    });
    let english = json!({
        "external_id": "en-1", "cities": [{"name": "Lyon", "country": "FR"}],
        "status": "completed", "start_date": "2020-01-15", "sdgs": [11],
        "text": {"en": {"title": "Jazz in the parks", "summary": "Concerts in every park."}},
    });
    let file = [spanish, french, english].map(|l| l.to_string()).join("\n");
    let done = import(&app, &token, &file).await;
    assert_eq!(done.status, axum::http::StatusCode::OK, "{}", done.body);
    let spanish_id = search(&app, "q=barrio").await["hits"][0]["id"]
        .as_i64()
        .expect("the Spanish practice");
    for (query, reader) in [
        ("patrimoine", "fr"),
        ("heritage", "en"),
        ("patrimonio", "es"),
        ("heritage", "fr"),
        ("immat%C3%A9riel", "es"),
        ("sustainable+cities", "fr"),
        ("diversit%C3%A9", "en"),
    ] {
        let found = search(&app, &format!("q={query}&lang={reader}")).await;
        assert!(
            ids(&found).contains(&spanish_id),
            "{query} from /{reader}/ misses the Spanish practice: {found}"
        );
        let hit = found["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .find(|h| h["id"] == spanish_id)
            .expect("hit");
        assert!(
            !hit["matched_tags"].as_array().expect("tags").is_empty(),
            "the hit says why: {hit}"
        );
    }
    // The French practice says "patrimoine" in its text: it comes first; the Spanish one is
    // found through its tags, named in French on a French page.
    let found = search(&app, "q=patrimoine&lang=fr").await;
    assert_eq!(found["hits"][1]["id"], spanish_id, "{found}");
    assert_eq!(found["hits"][0]["matched_tags"], json!([]));
    let labels: Vec<&str> = found["hits"][1]["matched_tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| t["label"].as_str().expect("label"))
        .collect();
    assert!(
        labels.contains(&"Patrimoine culturel immatériel"),
        "{labels:?}"
    );
    // The page shows it too.
    let mut reader = app.fresh_browser();
    let page = reader.get("/fr/practices?q=patrimoine").await;
    assert!(
        page.body.contains("Trouvée par ses étiquettes"),
        "{}",
        page.body
    );
}
