//! The newsletter as a visitor meets it, in Spanish: from the footer to the form, the
//! confirmation link from the outbox, the confirmed page; an issue the secretariat composes,
//! previews and sends in the browser, received in Spanish, left in one click from its own link,
//! and found in the archive.

use crate::common::secretariat;
use crate::harness::{Browser, run};
use axum::http::{Method, StatusCode};

/// The path of the first link to the platform in the newest mail to `to`.
async fn link_mailed_to(b: &Browser, to: &str) -> String {
    let mails = b.app.state.mailer.list().await.expect("outbox");
    let mail = mails.iter().rfind(|m| m.to == to).expect("a mail");
    let start = mail.body.find(&b.base).expect("a link to the platform");
    let rest = &mail.body[start + b.base.len()..];
    rest.split_whitespace().next().expect("link").to_owned()
}

#[tokio::test]
async fn a_visitor_subscribes_in_spanish_confirms_receives_an_issue_and_leaves_by_its_link() {
    run(false, |b: Browser| async move {
        b.goto("/es").await;
        b.click(".site-footer a[href='/es/newsletter']").await;
        b.wait_for_path("/es/newsletter").await;
        assert_eq!(b.text("main h1").await, "El boletín");

        // A mistyped address is answered on its field, what was typed kept.
        b.fill("email", "lucia.example.org").await;
        b.submit("main form.form").await;
        b.wait_text("#f-email-error", "correo").await;
        b.fill("email", "lucia@example.org").await;
        b.submit("main form.form").await;
        b.wait_text("main h1", "Revise su bandeja de entrada").await;

        let confirm = link_mailed_to(&b, "lucia@example.org").await;
        assert!(confirm.starts_with("/es/newsletter/confirm/"), "{confirm}");
        b.goto(&confirm).await;
        b.submit("main form.form").await;
        b.wait_text("main [role='status']", "Su suscripción está confirmada")
            .await;

        // The secretariat composes an issue with a coming event, in Spanish and English.
        let keeper = b
            .app
            .user("sec@example.org", &[secretariat("uclg-culture")])
            .await;
        let event = b
            .app
            .api(
                Method::POST,
                "/api/v1/events",
                Some(serde_json::json!({"title_en": "World Council", "title_es": "Consejo Mundial",
                    "kind": "world_council", "place": "Barcelona", "starts_on": "2099-05-01", "ends_on": "2099-05-03"})),
                Some(&keeper),
            )
            .await;
        assert_eq!(event.status, StatusCode::CREATED, "{}", event.body);
        let event = event.json()["id"].as_i64().expect("event");
        let secretariat = b.another_person().await;
        secretariat.sign_in("sec@example.org").await;
        secretariat.goto("/en/newsletter/issues/new").await;
        let form = "main form.form";
        secretariat.fill_in(form, "title_en", "Issue 1").await;
        secretariat.fill_in(form, "title_es", "Número 1").await;
        secretariat.fill_in(form, "editorial_es", "Hola, ciudades.").await;
        secretariat.tick_in(form, "items", &format!("event:{event}")).await;
        secretariat.submit(form).await;
        secretariat.wait_text("main h1", "Issue").await;
        let issue_path = secretariat.path().await;
        let id = issue_path.rsplit('/').next().expect("id").to_owned();
        secretariat.click(&format!("main a[href='/en/newsletter/issues/{id}/preview?edition=es']")).await;
        secretariat.wait_text("main pre.mail-text", "Número 1").await;
        secretariat.goto(&issue_path).await;
        secretariat.submit(&format!("main form[action='/en/newsletter/issues/{id}/send']")).await;
        let mut sent = false;
        for _ in 0..100 {
            let view = b
                .app
                .api(Method::GET, &format!("/api/v1/newsletter/issues/{id}"), None, Some(&keeper))
                .await
                .json();
            if view["status"] == "sent" {
                sent = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(sent, "the issue is sent");

        // Lucía's copy is in Spanish; its own link unsubscribes her.
        let folder = b.app.state.config.outbox_dir().join(format!("newsletter/issue-{id}"));
        let copies: Vec<String> = std::fs::read_dir(folder)
            .expect("the issue's copies")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("reads"))
            .collect();
        assert_eq!(copies.len(), 1, "one confirmed subscriber, one copy");
        assert!(copies[0].contains("Subject: Número 1"), "{}", copies[0]);
        let start = copies[0].find(&format!("{}/es/newsletter/unsubscribe/", b.base)).expect("the link");
        let unsubscribe = copies[0][start + b.base.len()..]
            .split_whitespace()
            .next()
            .expect("link")
            .to_owned();
        b.goto(&unsubscribe).await;
        b.submit("main form.form").await;
        b.wait_text("main [role='status']", "Se ha dado de baja")
            .await;

        // The issue in the archive, for anyone.
        b.goto("/es/newsletter/archive").await;
        b.click(&format!("main a[href='/es/newsletter/archive/{id}']")).await;
        b.wait_text("main h1", "Número 1").await;
        b.wait_text("main", "Consejo Mundial").await;
    })
    .await;
}
