//! The programme's catalogue as the secretariat changes it: an activity's texts in the three
//! languages and its expected outputs, on its revision (a save on an older one is refused with
//! what is saved), field by field in the reader's language; nobody else may change it, and the
//! change shows wherever the catalogue does.

use crate::common::{TestApp, admin, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

fn seminar(catalogue: &Value) -> Value {
    catalogue["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .find(|a| a["key"] == "peer-learning-seminar")
        .expect("the seminar")
        .clone()
}

#[tokio::test]
async fn the_secretariat_changes_an_activity_on_its_revision_and_everyone_sees_it() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let catalogue = app
        .api(Method::GET, "/api/v1/programmes/catalogue", None, None)
        .await
        .json();
    assert_eq!(catalogue["revisions"], json!({}));
    let before = seminar(&catalogue);
    let outputs = before["outputs"].as_array().expect("outputs").len();
    assert!(outputs >= 2, "{before}");

    // Renamed in three languages, its first expected output removed, a video added.
    let mut kept: Vec<Value> = before["outputs"].as_array().expect("outputs")[1..].to_vec();
    kept.push(
        json!({"kind": "video", "visibility": "network", "chosen": false,
        "name": {"en": "A short film", "fr": "Un court film", "es": "Un cortometraje"}}),
    );
    let change = json!({"revision": 0,
        "name": {"en": "Peer seminar", "fr": "Séminaire entre pairs", "es": "Seminario entre pares"},
        "description": before["description"], "duration": {"en": "Four days", "fr": "Quatre jours", "es": "Cuatro días"},
        "experts": before["experts"], "outputs": kept});
    let saved = app
        .api(
            Method::PUT,
            "/api/v1/programmes/catalogue/peer-learning-seminar",
            Some(change.clone()),
            Some(&sec),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.json()["revision"], 1);
    let after = app
        .api(Method::GET, "/api/v1/programmes/catalogue", None, None)
        .await
        .json();
    assert_eq!(after["revisions"]["peer-learning-seminar"], 1);
    let seminar_now = seminar(&after);
    assert_eq!(seminar_now["name"]["fr"], "Séminaire entre pairs");
    assert_eq!(
        seminar_now["number"], before["number"],
        "its place in the terms stays"
    );
    assert_eq!(
        seminar_now["outputs"].as_array().map(Vec::len),
        Some(outputs)
    );
    assert_eq!(seminar_now["outputs"][outputs - 1]["kind"], "video");

    // The same change on the old revision is refused: someone saved meanwhile.
    let stale = app
        .api(
            Method::PUT,
            "/api/v1/programmes/catalogue/peer-learning-seminar",
            Some(change),
            Some(&sec),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert!(stale.body.contains("changed_meanwhile"), "{}", stale.body);

    // The public page in Spanish and the activity form of a programme name it anew.
    let mut visitor = app.fresh_browser();
    let page = visitor.get("/es/programmes/catalogue").await;
    assert!(
        page.body.contains("Seminario entre pares") && page.body.contains("Un cortometraje"),
        "{}",
        page.body
    );
    assert!(
        !page
            .body
            .contains("/programmes/catalogue/peer-learning-seminar"),
        "no change link for a visitor"
    );

    // The audit log keeps the text before and after.
    let root = app.user("admin@example.org", &[admin()]).await;
    let audit = app
        .api(Method::GET, "/api/v1/admin/audit", None, Some(&root))
        .await;
    assert!(
        audit.body.contains("programme.catalogue.change"),
        "{}",
        audit.body
    );
}

#[tokio::test]
async fn the_form_answers_field_by_field_in_the_reader_s_language_and_keeps_what_was_typed() {
    let app = TestApp::with_demo().await;
    app.user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let mut browser = app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    let form = browser
        .get("/fr/programmes/catalogue/peer-learning-seminar")
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("name=\"name_es\"") && form.body.contains("name=\"outputs_0_kind\""),
        "{}",
        form.body
    );
    let refused = browser
        .post_form(
            "/fr/programmes/catalogue/peer-learning-seminar",
            &[
                ("revision", "0"),
                ("name_en", "Peer seminar"),
                ("name_fr", " "),
                ("name_es", "Seminario"),
                ("description_en", "d"),
                ("description_fr", "d"),
                ("description_es", "d"),
                ("duration_en", "4 days"),
                ("duration_fr", "4 jours"),
                ("duration_es", "4 días"),
                ("experts_en", "Peers"),
                ("experts_fr", "Pairs"),
                ("experts_es", "Pares"),
                ("outputs_0_kind", "sculpture"),
                ("outputs_0_visibility", "public"),
                ("outputs_0_name_en", "A statue"),
                ("outputs_0_name_fr", "Une statue"),
                ("outputs_0_name_es", "Una estatua"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("Ce champ est obligatoire."),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("Une statue") && refused.body.contains("Peer seminar"),
        "what was typed stays"
    );
    assert!(refused.body.contains("aria-invalid=\"true\""));
    // Nothing was saved.
    let catalogue = app
        .api(Method::GET, "/api/v1/programmes/catalogue", None, None)
        .await
        .json();
    assert_eq!(catalogue["revisions"], json!({}));
    assert_ne!(seminar(&catalogue)["name"]["en"], "Peer seminar");

    let saved = browser
        .post_form(
            "/fr/programmes/catalogue/peer-learning-seminar",
            &[
                ("revision", "0"),
                ("name_en", "Peer seminar"),
                ("name_fr", "Séminaire"),
                ("name_es", "Seminario"),
                ("description_en", "d"),
                ("description_fr", "d"),
                ("description_es", "d"),
                ("duration_en", "4 days"),
                ("duration_fr", "4 jours"),
                ("duration_es", "4 días"),
                ("experts_en", "Peers"),
                ("experts_fr", "Pairs"),
                ("experts_es", "Pares"),
                ("outputs_0_kind", "public_article"),
                ("outputs_0_visibility", "public"),
                ("outputs_0_chosen", "on"),
                ("outputs_0_name_en", "Article"),
                ("outputs_0_name_fr", "Article"),
                ("outputs_0_name_es", "Artículo"),
                ("outputs_1_kind", ""),
                ("outputs_1_visibility", "public"),
            ],
        )
        .await;
    assert!(
        saved.status.is_redirection(),
        "{}: {}",
        saved.status,
        saved.body
    );
    let seminar_now = seminar(
        &app.api(Method::GET, "/api/v1/programmes/catalogue", None, None)
            .await
            .json(),
    );
    assert_eq!(seminar_now["name"]["fr"], "Séminaire");
    assert_eq!(
        seminar_now["outputs"],
        json!([{"kind": "public_article", "visibility": "public", "chosen": true,
        "name": {"en": "Article", "fr": "Article", "es": "Artículo"}}])
    );
}

#[tokio::test]
async fn nobody_but_the_programme_s_secretariat_changes_the_catalogue() {
    let app = TestApp::with_demo().await;
    let city = app.city_id("buenos-aires").await;
    let own = app.user("editor@example.org", &[editor(city)]).await;
    let other = app.user("uccn@example.org", &[secretariat("uccn")]).await;
    let sec = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let body = json!({"revision": 0, "name": {"en": "Mine", "fr": "À moi", "es": "Mío"}});
    for token in [&own, &other] {
        let refused = app
            .api(
                Method::PUT,
                "/api/v1/programmes/catalogue/peer-learning-seminar",
                Some(body.clone()),
                Some(token),
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    }
    let anonymous = app
        .api(
            Method::PUT,
            "/api/v1/programmes/catalogue/peer-learning-seminar",
            Some(body.clone()),
            None,
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let unknown = app
        .api(
            Method::PUT,
            "/api/v1/programmes/catalogue/karaoke",
            Some(body),
            Some(&sec),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let catalogue = app
        .api(Method::GET, "/api/v1/programmes/catalogue", None, None)
        .await
        .json();
    assert_eq!(catalogue["revisions"], json!({}), "nothing changed");
}
