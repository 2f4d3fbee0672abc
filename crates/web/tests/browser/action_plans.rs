//! An action plan kept through its pages: Buenos Aires's editor, in Spanish, opens the plan the
//! secretariat filed, adds an item with the SDG target it serves, records its progress, and
//! sees the plan's mean progress, and reads the indicators an item may name; every page on the way has its fields labelled, its messages
//! in Spanish, and passes the audit.

use crate::common::{editor, secretariat};
use crate::harness::{Browser, run};
use chrono::Utc;
use serde_json::{Value, json};

#[tokio::test]
async fn a_city_keeps_its_action_plan_through_the_pages() {
    run(true, |b: Browser| async move {
        let ba = b.app.city_id("buenos-aires").await;
        let token = b
            .app
            .user("secretariat@example.org", &[secretariat("uclg-culture")])
            .await;
        b.app.user("ba@example.org", &[editor(ba)]).await;
        let post = |path: String, body: Value| {
            let (app, token) = (&b.app, token.clone());
            async move {
                let reply = app
                    .api(axum::http::Method::POST, &path, Some(body), Some(&token))
                    .await;
                assert!(reply.status.is_success(), "{path}: {}", reply.body);
                reply.json()["id"].as_i64().expect("an id")
            }
        };
        let programme = post(
            "/api/v1/programmes".into(),
            json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
        )
        .await;
        let workshop = post(
            format!("/api/v1/programmes/{programme}/activities"),
            json!({"catalogue_key": "policy-design", "starts_on": "2026-05-04", "ends_on": "2026-05-05"}),
        )
        .await;
        let plan = post(
            format!("/api/v1/programmes/{programme}/outputs"),
            json!({"activity": workshop.to_string(), "kind": "action_plan",
                   "title": "Plan de la ciudad nocturna", "visibility": "network"}),
        )
        .await;

        b.sign_in("ba@example.org").await;
        let base = format!("/es/outputs/{plan}");
        b.goto(&base).await;
        b.wait_text("#starting-points", "De dónde parte el plan").await;
        b.check_page().await;
        b.unfold("Añadir una acción").await;
        let form = format!("main form[action='{base}/items']");
        b.choose_in(&form, "source_lang", "es").await;
        b.fill_in(&form, "title_es", "Bibliotecas abiertas de noche")
            .await;
        b.fill_in(&form, "responsible", "Dirección de Bibliotecas")
            .await;
        b.fill_in(&form, "sdg_targets", "11.4").await;
        b.submit(&form).await;
        b.wait_text("main h1", "Bibliotecas abiertas de noche").await;
        let item = b.path().await;
        assert!(item.starts_with(&format!("{base}/items/")), "{item}");
        let facts = b.text("main dl").await;
        assert!(facts.contains("ODS 11") && facts.contains("11.4"), "{facts}");
        b.check_page().await;

        b.unfold("Anotar un avance").await;
        let form = format!("main form[action='{item}/updates']");
        b.date_in(&form, "on", &Utc::now().date_naive().to_string())
            .await;
        b.fill_in(&form, "note", "Dos bibliotecas ya abren hasta las 22 h")
            .await;
        b.choose_in(&form, "status", "under_way").await;
        b.fill_in(&form, "progress", "40").await;
        b.submit(&form).await;
        let updates = b
            .wait_text("#updates", "Dos bibliotecas ya abren hasta las 22 h")
            .await;
        assert!(updates.contains("En curso"), "{updates}");
        b.check_page().await;

        // The indicators an item may name, on their own page.
        b.goto("/es/indicators").await;
        b.wait_text("main", "Participación cultural").await;
        b.check_page().await;

        b.goto(&item).await;
        b.click(&format!("main a[href='{base}#items']")).await;
        let items = b.wait_text("#items", "Avance medio").await;
        assert!(items.contains("40 %") && items.contains("En curso"), "{items}");
        b.check_page().await;
    })
    .await;
}
