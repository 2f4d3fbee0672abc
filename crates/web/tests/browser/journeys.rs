//! Two journeys as newcomers make them, in their languages: a French workshop from the
//! invitations to the report, and a Spanish practice from its submission to a French search
//! that finds it through its tags.

use crate::common::{editor, secretariat};
use crate::harness::{Browser, run};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::Method;
use serde_json::json;
use std::time::{Duration, Instant};

/// Waits until the page's address is one that `done` accepts.
async fn wait_until(b: &Browser, what: &str, done: impl Fn(&str) -> bool) {
    let started = Instant::now();
    loop {
        if done(&b.path().await) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{what}: still on {}",
            b.path().await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_french_workshop_from_the_invitations_to_the_report() {
    run(true, |b: Browser| async move {
        let token = b
            .app
            .user("secretariat@example.org", &[secretariat("uclg-culture")])
            .await;
        let created = b
            .app
            .api(
                Method::POST,
                "/api/v1/assessments",
                Some(json!({
                    "city": "Lyon", "framework": "culture21-actions@2015", "module": "commitments",
                    "title": "Atelier de Lyon", "starts_on": "2026-03-10", "visibility": "public",
                    "languages": ["fr", "es"],
                })),
                Some(&token),
            )
            .await;
        let id = created.json()["id"].as_i64().expect("id");
        b.sign_in("secretariat@example.org").await;

        // Three links, made from the French page: they lead to French pages.
        b.goto(&format!("/fr/assessments/{id}/invitations")).await;
        b.fill("count", "3").await;
        b.click("main form.form button[type='submit']").await;
        b.find(".invitation-card").await;
        let mut links = Vec::new();
        for a in b.find_all(".invitation-card .link a").await {
            let href = a.attr("href").await.expect("href").expect("a link");
            links.push(href.strip_prefix(&b.base).expect("here").to_owned());
        }
        assert_eq!(links.len(), 3);
        assert!(
            links.iter().all(|l| l.starts_with("/fr/participate/")),
            "{links:?}"
        );

        // Three participants answer in French, each in a browser of their own.
        for (n, link) in links.iter().enumerate() {
            let phone = b.another_person().await;
            phone.goto(link).await;
            assert_eq!(phone.page_lang().await, "fr");
            assert!(
                phone.text("main").await.contains("Émergent"),
                "the scale's stages are named"
            );
            phone.choose("sector", "civil_society").await;
            for field in [
                "cultural-rights",
                "heritage-diversity-creativity",
                "culture-education",
                "culture-environment",
                "culture-economy",
                "culture-equity-inclusion",
                "culture-urban-planning",
                "culture-information-knowledge",
                "governance-of-culture",
            ] {
                let score = 4 + n;
                phone
                    .click(&format!(
                        "label.score:has(input[name='score.{field}'][value='{score}'])"
                    ))
                    .await;
            }
            phone.click("button[name='action'][value='submit']").await;
            assert_eq!(
                phone.text(".flash.success").await,
                "Merci : vos notes ont été envoyées."
            );
        }

        // Closing asks first, in French.
        b.goto(&format!("/fr/assessments/{id}")).await;
        b.click("main a.button.danger").await;
        wait_until(&b, "the confirmation", |p| p.ends_with("/close")).await;
        assert!(
            b.text("main")
                .await
                .contains("3 personnes ont envoyé leurs réponses")
        );
        b.click("main form.form button.danger").await;
        wait_until(&b, "closed", |p| p == format!("/fr/assessments/{id}")).await;

        // The report, in French, with French numbers.
        b.goto(&format!("/fr/assessments/{id}/report")).await;
        let report = b.text("main").await;
        assert!(report.contains("Résultats par champ"), "{report}");
        assert!(
            report.contains("5,0"),
            "the mean of 4, 5 and 6 written the French way: {report}"
        );
        let pdf = b
            .app
            .api(
                Method::GET,
                &format!("/fr/assessments/{id}/report.pdf"),
                None,
                None,
            )
            .await;
        let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join("\n");
        assert!(
            text.contains("Idées clés") && text.contains("5,0"),
            "{text}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_spanish_practice_from_submission_to_a_french_search() {
    run(true, |b: Browser| async move {
        let bilbao = b.app.city_id("bilbao").await;
        let city_editor = b.app.user("bilbao@example.org", &[editor(bilbao)]).await;
        let reviewer = b
            .app
            .user(
                "rev@example.org",
                &[Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant")],
            )
            .await;
        let sec = b
            .app
            .user("sec@example.org", &[secretariat("uclg-culture")])
            .await;

        // The city's editor starts it on the Spanish page, in Spanish.
        b.sign_in("bilbao@example.org").await;
        b.goto("/es/practices/new").await;
        b.fill("city_slug", "Bilbao (ES)").await;
        b.choose("lang", "es").await;
        b.fill("title", "Fiestas de los barrios").await;
        b.click("main form.form button[type='submit']").await;
        wait_until(&b, "the guided form", |p| p.contains("/edit")).await;
        let path = b.path().await;
        let slug = path
            .trim_start_matches("/es/practices/")
            .split('/')
            .next()
            .expect("slug")
            .to_owned();
        // Its texts and tags (the guided form's steps are tested on their own).
        let practice = b
            .app
            .api(Method::GET, &format!("/api/v1/practices/{slug}"), None, Some(&city_editor))
            .await;
        let id = practice.json()["id"].as_i64().expect("id");
        let filled = b.app.api(Method::PATCH, &format!("/api/v1/practices/{id}"), Some(json!({
            "texts": {"summary": "Las fiestas de los barrios reúnen a los vecinos.", "context": "Una ciudad.",
                      "objectives": "Encontrarse.", "implementation": "Comisiones de fiestas.", "results": "Más vecinos."},
            "status": "completed", "start_date": "2019-05-01", "end_date": "2021-09-30", "sdgs": ["11"],
            "keywords": ["intangible-heritage"],
        })), Some(&city_editor)).await;
        assert_eq!(filled.status, axum::http::StatusCode::OK, "{}", filled.body);

        // Submitted from its page, with the button in Spanish.
        b.goto(&format!("/es/practices/{slug}")).await;
        b.click("main button[name='step'][value='submit']").await;
        wait_until(&b, "submitted", |p| p.starts_with(&format!("/es/practices/{slug}"))).await;
        let started = Instant::now();
        while !b.text("main").await.contains("Enviada") {
            assert!(started.elapsed() < Duration::from_secs(10), "{}", b.text("main").await);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        for (token, step) in [(&reviewer, "start_review"), (&reviewer, "approve"), (&sec, "publish")] {
            let done = b
                .app
                .api(Method::POST, &format!("/api/v1/practices/{id}/steps"),
                    Some(json!({"step": step, "comment": ""})), Some(token))
                .await;
            assert_eq!(done.status, axum::http::StatusCode::OK, "{step}: {}", done.body);
        }
        b.app
            .state
            .search
            .catch_up(&b.app.state.db)
            .await
            .expect("the index catches up");

        // A French reader finds it by a French word of its tag.
        let reader = b.another_person().await;
        reader.goto("/fr/practices").await;
        reader.fill("q", "patrimoine").await;
        reader.click("main .search-row button[type='submit']").await;
        let started = Instant::now();
        let mut results = String::new();
        while !results.contains("Fiestas de los barrios") {
            assert!(started.elapsed() < Duration::from_secs(10), "not found: {results}");
            tokio::time::sleep(Duration::from_millis(50)).await;
            results = reader.text("main .results").await;
        }
        assert!(results.contains("Fiestas de los barrios"), "{results}");
        assert!(results.contains("Trouvée par ses étiquettes"), "{results}");
        assert!(results.contains("Patrimoine culturel immatériel"), "{results}");
    })
    .await;
}
