//! An action plan: items checked field by field with what they address (fields, SDGs, SDG
//! targets that bring their goals), progress updates that move an item, evidence shown only to
//! those who may see it, a save on an old revision refused, the plan hidden like its output,
//! and the same through the pages, in the reader's language. What a plan starts from, its PDF,
//! file evidence and indicators are in `around`.

mod around;
mod workshop;

use crate::common::{TestApp, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

pub(crate) struct World {
    pub(crate) app: TestApp,
    /// A confidential action plan of Buenos Aires's policy-design workshop, and internal notes.
    pub(crate) plan: i64,
    pub(super) notes: i64,
    pub(super) secretariat: String,
    pub(crate) own_editor: String,
    pub(super) other_editor: String,
}

pub(crate) async fn world() -> World {
    let app = TestApp::with_demo().await;
    let secretariat_token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let buenos_aires = app.city_id("buenos-aires").await;
    let lyon = app.city_id("lyon").await;
    let own_editor = app.user("ba@example.org", &[editor(buenos_aires)]).await;
    let other_editor = app.user("lyon@example.org", &[editor(lyon)]).await;
    let call = |path: String, body: Value| {
        let app = &app;
        let token = secretariat_token.clone();
        async move {
            let reply = app.api(Method::POST, &path, Some(body), Some(&token)).await;
            assert!(reply.status.is_success(), "{path}: {}", reply.body);
            reply.json()["id"].as_i64().expect("an id")
        }
    };
    let programme = call(
        "/api/v1/programmes".into(),
        json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
    )
    .await;
    let workshop = call(
        format!("/api/v1/programmes/{programme}/activities"),
        json!({"catalogue_key": "policy-design", "starts_on": "2026-05-04", "ends_on": "2026-05-05"}),
    )
    .await;
    let output = |kind: &str, title: &str| {
        call(
            format!("/api/v1/programmes/{programme}/outputs"),
            json!({"activity": workshop.to_string(), "kind": kind, "title": title, "visibility": "confidential"}),
        )
    };
    let plan = output("action_plan", "Plan for the evening city").await;
    let notes = output("internal_report", "Notes of the workshop").await;
    World {
        app,
        plan,
        notes,
        secretariat: secretariat_token,
        own_editor,
        other_editor,
    }
}

impl World {
    /// A new item of the plan with this English title: the item and its address in the API.
    pub(super) async fn new_item(&self, title: &str, token: &str) -> (Value, String) {
        let items = format!("/api/v1/outputs/{}/items", self.plan);
        let (status, item) = self.post(&items, json!({ "title_en": title }), token).await;
        assert_eq!(status, StatusCode::CREATED, "{item}");
        let path = format!("{items}/{}", item["id"]);
        (item, path)
    }

    /// A JSON body posted with a token: the status and the answer.
    pub(super) async fn post(&self, path: &str, body: Value, token: &str) -> (StatusCode, Value) {
        self.send(Method::POST, path, Some(body), Some(token)).await
    }

    pub(super) async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> (StatusCode, Value) {
        let reply = self.app.api(method, path, body, token).await;
        let body = if reply.body.is_empty() {
            Value::Null
        } else {
            reply.json()
        };
        (reply.status, body)
    }
}

#[tokio::test]
async fn items_are_checked_field_by_field_and_keep_what_they_address() {
    let w = world().await;
    let items = format!("/api/v1/outputs/{}/items", w.plan);
    let (status, bad) = w
        .post(
            &items,
            json!({"title_en": " ", "sdg_targets": ["19.1"], "fields": "nowhere:field",
                        "status": "done", "progress": 50, "budget": "100", "ends_on": "someday"}),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    for (field, key) in [
        ("title_en", "required"),
        ("sdg_targets", "unknown_sdg_target"),
        ("fields", "unknown_field"),
        ("progress", "done_means_complete"),
        ("currency", "required"),
        ("ends_on", "invalid_date"),
    ] {
        assert_eq!(bad["fields"][field]["error"], key, "{field}: {bad}");
    }
    let (status, item) = w.post(&items, json!({"source_lang": "es", "title_es": "Bibliotecas abiertas hasta las 22 h",
                        "fields": ["culture21-actions:cultural-rights"], "sdgs": [4], "sdg_targets": ["11.4"],
                        "budget": "12500.50", "currency": "ars", "starts_on": "2026-06-01",
                        "ends_on": "2027-06-30", "responsible": "Dirección de Bibliotecas"}), &w.own_editor).await;
    assert_eq!(status, StatusCode::CREATED, "{item}");
    assert_eq!(item["position"], 1);
    assert_eq!(item["sdgs"], json!([4, 11]), "a target brings its goal");
    assert_eq!(
        item["budget"],
        json!({"currency": "ARS", "amount": 1_250_050})
    );
    assert_eq!(
        (item["status"].as_str(), item["progress"].as_i64()),
        (Some("planned"), Some(0))
    );
    let (_, second) = w
        .post(&items, json!({"title_en": "A second item"}), &w.secretariat)
        .await;
    assert_eq!(second["position"], 2);

    let (status, plan) = w.send(Method::GET, &items, None, Some(&w.own_editor)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(plan["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(plan["by_status"], json!({"planned": 2}));
    assert_eq!(plan["progress"], 0);

    // Only an action plan has items.
    let notes = format!("/api/v1/outputs/{}/items", w.notes);
    let (status, refused) = w
        .post(&notes, json!({"title_en": "x"}), &w.secretariat)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(refused["error"], "not_an_action_plan");
    for path in [
        notes.clone(),
        format!("/api/v1/outputs/{}/starting-points", w.notes),
    ] {
        let (status, _) = w.send(Method::GET, &path, None, Some(&w.secretariat)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: no plan to read");
    }
}

#[tokio::test]
async fn updates_move_an_item_and_show_evidence_only_to_those_who_may_see_it() {
    let w = world().await;
    let items = format!("/api/v1/outputs/{}/items", w.plan);
    let (_, item_path) = w.new_item("Evening libraries", &w.secretariat).await;
    // A draft practice of Lyon: its editors and the secretariat see it, Buenos Aires's do not.
    let (status, draft) = w
        .post(
            "/api/v1/practices",
            json!({"cities": ["lyon"], "lang": "en", "title": "Lyon's evening reading rooms"}),
            &w.secretariat,
        )
        .await;
    assert!(status.is_success(), "{draft}");
    let slug = draft["slug"].as_str().expect("a slug").to_owned();

    let updates = format!("{item_path}/updates");
    let (status, hidden) = w
        .post(
            &updates,
            json!({"on": "2026-09-01", "note": "Like Lyon", "practice": slug}),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{hidden}");
    assert_eq!(hidden["fields"]["practice"]["error"], "unknown_practice");

    let (status, update) = w.post(&updates, json!({"on": "2026-09-01", "note": "Two libraries open", "status": "under_way",
                        "progress": 50, "practice": format!("https://example.org/en/practices/{slug}"),
                        "link": "https://example.org/news/libraries"}), &w.secretariat).await;
    assert_eq!(status, StatusCode::CREATED, "{update}");
    let (_, seen) = w
        .send(Method::GET, &item_path, None, Some(&w.secretariat))
        .await;
    assert_eq!(
        (seen["status"].as_str(), seen["progress"].as_i64()),
        (Some("under_way"), Some(50))
    );
    assert_eq!(
        seen["revision"], 2,
        "an update that moves the item is a new revision"
    );
    assert_eq!(seen["updates"][0]["practice"]["slug"], slug.as_str());
    assert_eq!(
        seen["updates"][0]["practice"]["title"]["values"]["en"]["text"],
        "Lyon's evening reading rooms"
    );
    let (_, own) = w
        .send(Method::GET, &item_path, None, Some(&w.own_editor))
        .await;
    assert_eq!(own["updates"][0]["note"], "Two libraries open");
    assert_eq!(
        own["updates"][0]["practice"],
        Value::Null,
        "the draft stays out of sight"
    );

    // Done means complete; a status alone is an update.
    let (status, stuck) = w
        .post(
            &updates,
            json!({"on": "2026-10-01", "status": "done", "progress": 90}),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stuck["fields"]["progress"]["error"], "done_means_complete");
    let (status, _) = w
        .post(
            &updates,
            json!({"on": "2026-12-01", "status": "done"}),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, plan) = w.send(Method::GET, &items, None, Some(&w.own_editor)).await;
    assert_eq!(plan["progress"], 100);
    assert_eq!(
        plan["items"][0]["updates"].as_array().map(Vec::len),
        Some(2)
    );
}

#[tokio::test]
async fn a_save_on_an_old_revision_is_refused_and_the_plan_hides_like_its_output() {
    let w = world().await;
    let items = format!("/api/v1/outputs/{}/items", w.plan);
    let (item, item_path) = w.new_item("Evening libraries", &w.own_editor).await;
    let (status, saved) = w
        .send(
            Method::PUT,
            &item_path,
            Some(json!({"title_en": "Evening libraries in four districts", "revision": 1, "progress": 10})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["revision"], 2);
    let (status, late) = w
        .send(
            Method::PUT,
            &item_path,
            Some(json!({"title_en": "Late", "revision": 1})),
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(late["error"], "changed_meanwhile");
    let (_, kept) = w
        .send(Method::GET, &item_path, None, Some(&w.own_editor))
        .await;
    assert_eq!(
        kept["title"]["values"]["en"]["text"],
        "Evening libraries in four districts"
    );

    // Confidential: not found for another city's editor and for anonymous visitors, pages too.
    for token in [Some(w.other_editor.as_str()), None] {
        for path in [&items, &item_path] {
            let (status, _) = w.send(Method::GET, path, None, token).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
    }
    let (status, _) = w
        .post(&items, json!({"title_en": "x"}), &w.other_editor)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let mut stranger = w.app.fresh_browser();
    let page = stranger
        .get(&format!("/en/outputs/{}/items/{}", w.plan, item["id"]))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_pages_add_save_and_record_progress_in_the_reader_s_language() {
    let mut w = world().await;
    let base = format!("/es/outputs/{}", w.plan);
    w.app.sign_in("ba@example.org").await;
    let refused = w
        .app
        .post_form(
            &format!("{base}/items"),
            &[("title_es", ""), ("sdg_targets", "11")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("f-item-title_en-error"),
        "the field's own problem"
    );
    assert!(refused.body.contains("f-item-sdg_targets-error"));
    assert!(
        refused.body.contains("no es una meta de los ODS"),
        "in Spanish"
    );
    let added = w
        .app
        .post_form(
            &format!("{base}/items"),
            &[
                ("source_lang", "es"),
                ("title_es", "Bibliotecas de noche"),
                ("sdgs", "4, 11"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let location = added.headers["location"]
        .to_str()
        .expect("a location")
        .to_owned();
    let item_page = w.app.get(&location).await;
    assert_eq!(item_page.status, StatusCode::OK);
    assert!(item_page.body.contains("Bibliotecas de noche"));
    assert!(item_page.body.contains("Prevista"), "the status in Spanish");
    assert!(item_page.body.contains("ODS 11"));

    let update = w
        .app
        .post_form(
            &format!("{location}/updates"),
            &[
                ("on", "2026-09-01"),
                ("note", "Dos bibliotecas abiertas"),
                ("status", "under_way"),
                ("progress", "40"),
            ],
        )
        .await;
    assert_eq!(update.status, StatusCode::SEE_OTHER, "{}", update.body);
    let after = w.app.get(&location).await;
    assert!(after.body.contains("Dos bibliotecas abiertas"));
    assert!(after.body.contains("En curso"));

    // A save on the revision the page showed; the same form sent again is a conflict.
    let save = |title: &'static str| {
        vec![
            ("source_lang", "es"),
            ("title_es", title),
            ("revision", "2"),
            ("status", "under_way"),
            ("progress", "40"),
        ]
    };
    let saved = w
        .app
        .post_form(&location, &save("Bibliotecas de noche en cuatro barrios"))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let late = w.app.post_form(&location, &save("Tarde")).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(
        late.body.contains(r#"name="revision" value="3""#) && late.body.contains("Tarde"),
        "what was sent stays, on the current revision"
    );
    let plan_page = w.app.get(&base).await;
    assert!(
        plan_page
            .body
            .contains("Bibliotecas de noche en cuatro barrios")
    );
    assert!(plan_page.body.contains("40%"));
    let (_, plan) = w
        .send(
            Method::GET,
            &format!("/api/v1/outputs/{}/items", w.plan),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(plan["items"][0]["progress"], 40);
}
