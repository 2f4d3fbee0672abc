//! The newsletter as a visitor meets it, in Spanish: from the footer to the form, the
//! confirmation link from the outbox, the confirmed page, and leaving by the unsubscribe link.

use crate::harness::{Browser, run};

/// The path of the first link to the platform in the newest mail to `to`.
async fn link_mailed_to(b: &Browser, to: &str) -> String {
    let mails = b.app.state.mailer.list().await.expect("outbox");
    let mail = mails.iter().rfind(|m| m.to == to).expect("a mail");
    let start = mail.body.find(&b.base).expect("a link to the platform");
    let rest = &mail.body[start + b.base.len()..];
    rest.split_whitespace().next().expect("link").to_owned()
}

#[tokio::test]
async fn a_visitor_subscribes_in_spanish_confirms_and_leaves_by_the_link() {
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

        let unsubscribe = confirm.replace("/confirm/", "/unsubscribe/");
        b.goto(&unsubscribe).await;
        b.submit("main form.form").await;
        b.wait_text("main [role='status']", "Se ha dado de baja")
            .await;
    })
    .await;
}
