//! A thematic module tested through the pages, in Spanish: the secretariat starts a seminar
//! of Buenos Aires's programme on the nine commitments and makes a participant's link; the
//! participant, with no account, proposes a new wording; the secretariat accepts it and makes
//! the revised module, whose change the seminar's page then shows. Every page on the way passes
//! the audit.

use crate::common::secretariat;
use crate::harness::{Browser, run};
use axum::http::Method;
use serde_json::json;

#[tokio::test]
async fn a_module_tested_in_a_seminar_becomes_a_revised_version() {
    run(true, |b: Browser| async move {
        let office = b
            .app
            .user("uclg@example.org", &[secretariat("uclg-culture")])
            .await;
        let reply = b
            .app
            .api(
                Method::POST,
                "/api/v1/programmes",
                Some(json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"})),
                Some(&office),
            )
            .await;
        let programme = reply.json()["id"].as_i64().expect("a programme");
        b.sign_in("uclg@example.org").await;
        b.goto(&format!("/es/programmes/{programme}/module-tests"))
            .await;
        b.check_page().await;
        let start = format!("main form[action^='/es/programmes/{programme}/module-tests']");
        b.fill_in(&start, "title", "Los nueve compromisos en Buenos Aires")
            .await;
        b.fill_in(&start, "module", "commitments").await;
        b.submit(&start).await;
        b.wait_text("main h1", "Los nueve compromisos").await;
        let seminar = b.path().await;
        b.check_page().await;
        let links = "main form[action*='/links']";
        b.fill_in(links, "count", "1").await;
        b.submit(links).await;
        let link = b.text("main .flash.success code").await;
        let path = link
            .find("/es/module-tests/join/")
            .map(|at| link[at..].to_owned())
            .expect("a participant's link");

        let participant = b.another_person().await;
        participant.goto(&path).await;
        participant.wait_text("main h1", "Los nueve compromisos").await;
        participant.check_page().await;
        let form = "main form[action^='/es/module-tests/join/']";
        participant.choose_in(form, "item", "cultural-rights").await;
        participant.choose_in(form, "kind", "reword").await;
        participant
            .fill_in(form, "text_es", "1. Derechos culturales de todas las personas")
            .await;
        participant.submit(form).await;
        participant.wait_text("main", "Gracias").await;
        participant.check_page().await;

        b.goto(&seminar).await;
        let decision = "main form[action*='/decision']";
        b.choose_in(decision, "decision", "accepted").await;
        b.submit(decision).await;
        b.wait_text("main #items", "aceptada").await;
        let revise = "main form[action*='/revise']";
        b.fill_in(revise, "version", "2015-ba").await;
        b.submit(revise).await;
        let revision = b
            .wait_text("main #revision", "culture21-actions@2015-ba")
            .await;
        assert!(
            revision.contains("Derechos culturales de todas las personas"),
            "{revision}"
        );
        b.check_page().await;
    })
    .await;
}
