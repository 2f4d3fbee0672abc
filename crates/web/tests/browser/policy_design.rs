//! A policy-design workshop through the pages, in French: Buenos Aires's editor opens the
//! workshop of the city's action plan on a field and makes a participant's link; the
//! participant, with no account, proposes an idea on their own browser; the editor groups it
//! into a cluster and records the key ideas, which the workshop then keeps. Every page
//! on the way passes the audit.

use crate::common::{editor, secretariat};
use crate::harness::{Browser, run};
use axum::http::Method;
use serde_json::json;

#[tokio::test]
async fn a_policy_design_workshop_gathers_ideas_per_field_into_key_ideas() {
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
        let plan = made(
            format!("/api/v1/programmes/{programme}/outputs"),
            json!({"kind": "action_plan", "title": "Plan pour la ville du soir"}),
        )
        .await;
        b.sign_in("ba@example.org").await;
        b.goto(&format!("/fr/outputs/{plan}")).await;
        b.click(&format!("main a[href='/fr/outputs/{plan}/workshop']"))
            .await;
        b.wait_text("main h1", "Atelier de conception des politiques")
            .await;
        b.check_page().await;
        let links = "main form[action*='/workshop/links']";
        b.fill_in(links, "fields", "culture21-actions:cultural-rights")
            .await;
        b.fill_in(links, "count", "1").await;
        b.submit(links).await;
        let link = b.text("main .flash.success code").await;
        let path = link
            .find("/fr/ideas/")
            .map(|at| link[at..].to_owned())
            .expect("a participant's link");
        b.check_page().await;

        let participant = b.another_person().await;
        participant.goto(&path).await;
        participant.wait_text("main", "Droits culturels").await;
        participant.check_page().await;
        let form = "main form[action^='/fr/ideas/']";
        participant
            .fill_in(form, "text", "Des visites guidées en guarani")
            .await;
        participant.submit(form).await;
        let thanks = participant.wait_text("main", "Merci").await;
        assert!(
            thanks.contains("Des visites guidées en guarani"),
            "{thanks}"
        );
        participant.check_page().await;

        b.goto(&format!("/fr/outputs/{plan}/workshop")).await;
        b.unfold("Regrouper les idées").await;
        let cluster = "main form[action*='/cluster']";
        b.fill_in(cluster, "cluster", "Langues").await;
        b.submit(cluster).await;
        b.wait_text("main #ideas", "Langues").await;
        let key_ideas = "main form[action*='/key-ideas']";
        b.fill_in(
            key_ideas,
            "text",
            "Ouvrir les institutions à toutes les langues de la ville.",
        )
        .await;
        b.submit(key_ideas).await;
        b.check_page().await;
        let kept = b
            .app
            .api(
                Method::GET,
                &format!("/api/v1/outputs/{plan}/workshop"),
                None,
                Some(&office),
            )
            .await
            .json();
        assert_eq!(
            kept["workshop"]["key_ideas"],
            "Ouvrir les institutions à toutes les langues de la ville."
        );
        assert_eq!(
            kept["by_field"][0]["clusters"][0]["name"], "Langues",
            "{kept}"
        );
    })
    .await;
}
