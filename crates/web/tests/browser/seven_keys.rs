//! A Seven Keys workshop through the pages, in Spanish: Buenos Aires's editor starts the
//! workshop of the city's programme and makes a participant's link; the participant, with no
//! account, names a challenge on their own browser ticking an SDG and one of the city's
//! cultural assets; the editor clusters it into a theme, agrees on a key answering it, turns the
//! keys into the draft action plan and publishes the article, which an anonymous reader finds
//! on the public Seven Keys page in English, marked as written in Spanish. Every page on the way
//! passes the audit.

use crate::common::{editor, secretariat};
use crate::harness::{Browser, run};
use axum::http::Method;
use serde_json::json;

#[tokio::test]
async fn a_seven_keys_workshop_goes_from_a_challenge_to_a_plan_and_a_public_article() {
    run(true, |b: Browser| async move {
        let ba = b.app.city_id("buenos-aires").await;
        b.app.user("ba@example.org", &[editor(ba)]).await;
        let office = b
            .app
            .user("uclg@example.org", &[secretariat("uclg-culture")])
            .await;
        let made = |path: String, body: serde_json::Value| {
            let (app, office) = (&b.app, office.clone());
            async move {
                let reply = app
                    .api(Method::POST, &path, Some(body), Some(&office))
                    .await;
                assert!(reply.status.is_success(), "{path}: {}", reply.body);
                reply.json()["id"].as_i64().expect("an id")
            }
        };
        let programme = made(
            "/api/v1/programmes".into(),
            json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
        )
        .await;
        let asset = made(
            "/api/v1/cities/buenos-aires/assets".into(),
            json!({"kind": "institution", "name": "Teatro Colón"}),
        )
        .await;
        b.sign_in("ba@example.org").await;
        b.goto(&format!("/es/programmes/{programme}/seven-keys"))
            .await;
        b.wait_text("main h1", "Talleres «Siete Claves»").await;
        b.check_page().await;
        let start = format!("main form[action^='/es/programmes/{programme}/seven-keys']");
        b.fill_in(&start, "title", "Siete claves para Buenos Aires")
            .await;
        b.date_in(&start, "held_on", "2026-05-04").await;
        b.submit(&start).await;
        b.wait_text("main h1", "Siete claves para Buenos Aires")
            .await;
        let workshop = b.path().await;
        b.check_page().await;

        let links = "main form[action*='/invitations']";
        b.fill_in(links, "count", "1").await;
        b.submit(links).await;
        let link = b.text("main .flash.success code").await;
        let path = link
            .find("/es/seven-keys/join/")
            .map(|at| link[at..].to_owned())
            .expect("a participant's link");

        let participant = b.another_person().await;
        participant.goto(&path).await;
        participant
            .wait_text("main h1", "Siete claves para Buenos Aires")
            .await;
        participant.check_page().await;
        let form = "main form[action^='/es/seven-keys/join/']";
        participant
            .fill_in(form, "text", "El casco histórico se vacía de noche")
            .await;
        participant.tick_in(form, "sdg-11", "on").await;
        participant
            .tick_in(form, &format!("asset-{asset}"), "on")
            .await;
        participant.submit(form).await;
        let thanks = participant.wait_text("main", "Gracias").await;
        assert!(thanks.contains("El casco histórico"), "{thanks}");
        assert!(
            thanks.contains("ODS 11") && thanks.contains("Teatro Colón"),
            "{thanks}"
        );
        participant.check_page().await;

        b.goto(&workshop).await;
        let theme = b.find("main #challenges input[name^='theme-']").await;
        theme.send_keys("Centro histórico").await.expect("types");
        b.submit("main #challenges").await;
        b.wait_text("main #challenges", "Centro histórico").await;
        b.unfold("Añadir una clave").await;
        let key = "main form[action*='/keys?']";
        b.fill_in(key, "title", "Noches abiertas en el casco histórico")
            .await;
        b.fill_in(
            key,
            "actors",
            "Dirección de Patrimonio, vecinos de San Telmo",
        )
        .await;
        b.tick_in(key, "sdg-16", "on").await;
        b.click(&format!("{key} label:has(input[name^='challenge-'])"))
            .await;
        b.submit(key).await;
        b.wait_text("main #keys", "Noches abiertas").await;
        b.check_page().await;
        b.submit("main form[action*='/plan']").await;
        let plan = b
            .wait_text("main", "Noches abiertas en el casco histórico")
            .await;
        assert!(plan.contains("Dirección de Patrimonio"), "{plan}");
        b.check_page().await;

        b.goto(&workshop).await;
        let article = "main form[action*='/article']";
        b.fill_in(article, "title_es", "Siete claves para Buenos Aires")
            .await;
        b.fill_in(article, "body_es", "El 4 de mayo, vecinos y artistas…")
            .await;
        b.tick_in(article, "published", "on").await;
        b.submit(article).await;
        b.wait_text("main #article", "Leer el artículo publicado")
            .await;

        let reader = b.another_person().await;
        reader.goto("/en/seven-keys").await;
        reader.wait_text("main h1", "Seven Keys").await;
        reader.check_page().await;
        reader.click("main article a").await;
        let read = reader.wait_text("main", "El 4 de mayo").await;
        assert!(read.contains("Written in Spanish"), "{read}");
        reader.check_page().await;
    })
    .await;
}
