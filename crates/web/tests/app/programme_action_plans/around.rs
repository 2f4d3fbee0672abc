//! Around an action plan: where it starts from (its city's weakest fields beside other
//! cities' practices), its PDF report, a file of the plan as evidence, and the indicators an
//! item names.

use super::{World, world};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

#[tokio::test]
async fn a_plan_starts_from_its_city_s_weakest_fields_beside_other_cities_practices() {
    let mut w = world().await;
    let path = format!("/api/v1/outputs/{}/starting-points", w.plan);
    let (status, none) = w.send(Method::GET, &path, None, Some(&w.own_editor)).await;
    assert_eq!(status, StatusCode::OK, "{none}");
    assert_eq!(none["assessment"], Value::Null, "no closed assessment yet");
    assert_eq!(none["weaknesses"], json!([]));

    // The examples: a closed public assessment of Buenos Aires, and practices of Lyon, Bilbao
    // and Buenos Aires, each tagged with two fields.
    ateneu_app::demo::load_examples(&w.app.state)
        .await
        .expect("the examples load");
    ateneu_app::practices::reindex(&w.app.state).await;
    let tagged: [(&str, &[&str]); 3] = [
        ("lyon", &["cultural-rights", "culture-education"]),
        (
            "bilbao",
            &["heritage-diversity-creativity", "governance-of-culture"],
        ),
        (
            "buenos-aires",
            &["culture-equity-inclusion", "culture-urban-planning"],
        ),
    ];
    let (status, points) = w.send(Method::GET, &path, None, Some(&w.own_editor)).await;
    assert_eq!(status, StatusCode::OK, "{points}");
    assert!(points["assessment"]["id"].is_i64(), "{points}");
    let weaknesses = points["weaknesses"].as_array().expect("a list");
    let strengths = points["strengths"].as_array().expect("a list");
    assert!(!weaknesses.is_empty() && weaknesses.len() <= 3, "{points}");
    for weak in weaknesses {
        for strong in strengths {
            assert!(
                weak["value"].as_f64() < strong["value"].as_f64(),
                "{points}"
            );
        }
    }
    for point in weaknesses.iter().chain(strengths) {
        let field = point["field"].as_str().expect("a field");
        let key = field
            .strip_prefix("culture21-actions:")
            .expect("the framework's");
        let mut expected: Vec<&str> = tagged
            .iter()
            .filter(|(city, fields)| *city != "buenos-aires" && fields.contains(&key))
            .map(|(city, _)| *city)
            .collect();
        expected.sort_unstable();
        let mut cities: Vec<&str> = point["inspiration"]
            .as_array()
            .expect("a list")
            .iter()
            .flat_map(|p| p["cities"].as_array().expect("cities").iter())
            .filter_map(Value::as_str)
            .collect();
        cities.sort_unstable();
        assert_eq!(cities, expected, "{field}: other cities' practices only");
    }
    // The page shows them in the reader's language; another city's editor gets not found.
    w.app.sign_in("ba@example.org").await;
    let page = w.app.get(&format!("/fr/outputs/{}", w.plan)).await;
    assert!(
        page.body.contains("Les champs les plus faibles"),
        "{}",
        page.body
    );
    let (status, _) = w
        .send(Method::GET, &path, None, Some(&w.other_editor))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_plan_s_pdf_report_holds_its_items_and_progress_in_the_reader_s_language() {
    let mut w = world().await;
    let items = format!("/api/v1/outputs/{}/items", w.plan);
    for (title, responsible) in [
        (
            "Bibliothèques ouvertes le soir",
            "Direction des bibliothèques",
        ),
        ("Un festival de quartier", "Maison de la culture"),
    ] {
        let (status, item) = w
            .post(
                &items,
                json!({"source_lang": "fr", "title_fr": title, "responsible": responsible,
                            "sdg_targets": "11.4"}),
                &w.own_editor,
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{item}");
        if title.starts_with("Biblio") {
            let (status, _) = w
                .send(
                    Method::POST,
                    &format!("{items}/{}/updates", item["id"]),
                    Some(json!({"on": "2026-09-01", "note": "Deux bibliothèques ouvertes", "progress": 50})),
                    Some(&w.own_editor),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED);
        }
    }
    w.app.sign_in("ba@example.org").await;
    let pdf = w.app.get(&format!("/fr/outputs/{}/plan.pdf", w.plan)).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join("\n");
    for needle in [
        "Plan for the evening city",
        "Les actions du plan",
        "Bibliothèques ouvertes le soir",
        "Un festival de quartier",
        "Direction des bibliothèques",
        "Deux bibliothèques ouvertes",
        "Avancement moyen des actions non abandonnées : 25 %",
        "11.4",
    ] {
        assert!(text.contains(needle), "{needle} in:\n{text}");
    }
    let mut stranger = w.app.fresh_browser();
    let hidden = stranger
        .get(&format!("/fr/outputs/{}/plan.pdf", w.plan))
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
}

/// Uploads a PDF to an output; its id.
async fn upload(w: &World, output: i64) -> i64 {
    use axum::body::Body;
    use axum::http::{Request, header};
    let (content_type, body) =
        crate::practices_media::multipart("evidence.pdf", crate::practices_media::PDF, &[]);
    let request = Request::post(format!("/api/v1/outputs/{output}/files"))
        .header(header::CONTENT_TYPE, content_type)
        .header(header::AUTHORIZATION, format!("Bearer {}", w.secretariat))
        .body(Body::from(body))
        .expect("request");
    let made = w.app.send_unsigned(request).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    made.json()["id"].as_i64().expect("an id")
}

#[tokio::test]
async fn a_file_of_the_plan_is_evidence_and_a_file_of_another_output_is_not() {
    let w = world().await;
    let items = format!("/api/v1/outputs/{}/items", w.plan);
    let (item, _) = w.new_item("Evening libraries", &w.own_editor).await;
    let updates = format!("{items}/{}/updates", item["id"]);
    let of_plan = upload(&w, w.plan).await;
    let of_notes = upload(&w, w.notes).await;
    let (status, refused) = w
        .post(
            &updates,
            json!({"on": "2026-09-01", "note": "Minutes", "file": of_notes}),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["fields"]["file"]["error"], "not_a_file_of_the_plan");
    let (status, _) = w
        .post(
            &updates,
            json!({"on": "2026-09-01", "note": "Minutes", "file": of_plan}),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, plan) = w.send(Method::GET, &items, None, Some(&w.own_editor)).await;
    assert_eq!(plan["items"][0]["updates"][0]["file"]["id"], of_plan);
    assert_eq!(plan["files"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn an_item_names_the_indicators_that_measure_it_from_the_bundled_frameworks() {
    let mut w = world().await;
    let (status, frameworks) = w
        .send(Method::GET, "/api/v1/indicator-frameworks", None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(frameworks[0]["key"], "culture2030-indicators");
    assert_eq!(
        frameworks[0]["indicators"].as_array().map(Vec::len),
        Some(22)
    );
    let page = w.app.get("/es/indicators").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Participación cultural"), "in Spanish");
    assert!(
        page.body
            .contains("culture2030-indicators:cultural-participation")
    );

    let items = format!("/api/v1/outputs/{}/items", w.plan);
    let (status, bad) = w.post(&items, json!({"title_en": "Evening libraries", "indicators": ["culture2030-indicators:nowhere"]}), &w.own_editor).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad["fields"]["indicators"]["error"], "unknown_indicator");
    let (status, item) = w.post(&items, json!({"title_en": "Evening libraries",
                        "indicators": "culture2030-indicators:cultural-participation, culture2030-indicators:cultural-facilities"}), &w.own_editor).await;
    assert_eq!(status, StatusCode::CREATED, "{item}");
    assert_eq!(
        item["indicators"],
        json!([
            "culture2030-indicators:cultural-facilities",
            "culture2030-indicators:cultural-participation"
        ])
    );
    w.app.sign_in("ba@example.org").await;
    let shown = w
        .app
        .get(&format!("/fr/outputs/{}/items/{}", w.plan, item["id"]))
        .await;
    assert!(
        shown.body.contains("21. Participation culturelle"),
        "{}",
        shown.body
    );
}
