//! The newsletter's subscriptions through HTTP: double opt-in, a page for each of the link's
//! two actions, the one-click unsubscription, the same answer whoever asks, and the
//! subscribers' addresses kept to the secretariat.

use crate::common::{TestApp, editor, secretariat};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

/// The path of the first link to this platform in a mail's body.
fn link_in(body: &str) -> String {
    let start = body.find("http://127.0.0.1:8080/").expect("a link");
    let rest = &body[start + "http://127.0.0.1:8080".len()..];
    rest.split_whitespace().next().expect("link").to_owned()
}

/// The token at the end of a link's path.
fn token_of(path: &str) -> String {
    path.rsplit('/').next().expect("token").to_owned()
}

async fn counts(app: &TestApp, token: String) -> serde_json::Value {
    app.api(
        Method::GET,
        "/api/v1/newsletter/subscribers",
        None,
        Some(&token),
    )
    .await
    .json()
}

async fn confirmed(app: &TestApp, email: &str, lang: &str) -> String {
    let reply = app
        .api(
            Method::POST,
            "/api/v1/newsletter/subscriptions",
            Some(json!({"email": email, "lang": lang, "interests": ["practices"]})),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{}", reply.body);
    let mails = app.state.mailer.list().await.expect("outbox");
    let mail = mails
        .iter()
        .rfind(|m| m.to == email)
        .expect("a confirmation");
    token_of(&link_in(&mail.body))
}

#[tokio::test]
async fn a_subscriber_confirms_by_the_emailed_link_in_their_language_and_leaves_in_one_click() {
    let mut app = TestApp::new().await;
    let form = app.get("/es/newsletter").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Suscribirse"), "the form in Spanish");
    let reply = app
        .post_form(
            "/es/newsletter",
            &[
                ("email", "Lucia@Example.org"),
                ("lang", "es"),
                ("interest_practices", "on"),
                ("interest_events", "on"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("Revise su bandeja de entrada"));
    let mails = app.state.mailer.list().await.expect("outbox");
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "lucia@example.org");
    assert_eq!(
        mails[0].subject, "Confirme su suscripción al boletín",
        "the mail speaks the language chosen"
    );
    let link = link_in(&mails[0].body);
    assert!(link.starts_with("/es/newsletter/confirm/"), "{link}");

    // Opening the link changes nothing (mail scanners open links); the button confirms.
    let page = app.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Confirmar"));
    let keeper = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    assert_eq!(
        counts(&app, keeper.clone()).await["by_status_and_lang"],
        json!([{"status": "pending", "lang": "es", "count": 1}])
    );
    let done = app.post_form(&link, &[]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("Su suscripción está confirmada"));
    assert_eq!(
        counts(&app, keeper.clone()).await["by_status_and_lang"],
        json!([{"status": "confirmed", "lang": "es", "count": 1}])
    );

    // A mail program's one-click unsubscription: no cookie, no anti-forgery token.
    let token = token_of(&link);
    let one_click = Request::post(format!("/api/v1/newsletter/unsubscribe/{token}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("List-Unsubscribe=One-Click"))
        .expect("request");
    let left = app.send_unsigned(one_click).await;
    assert_eq!(left.status, StatusCode::OK, "{}", left.body);
    assert_eq!(left.json()["status"], "unsubscribed");
    assert_eq!(
        counts(&app, keeper.clone()).await["by_status_and_lang"],
        json!([{"status": "unsubscribed", "lang": "es", "count": 1}])
    );
    // The page of the link says so, in the page's language.
    let page = app
        .get(&format!("/fr/newsletter/unsubscribe/{token}"))
        .await;
    assert!(page.body.contains("Vous êtes désabonné"), "{}", page.body);
}

#[tokio::test]
async fn the_answer_is_the_same_for_any_address_and_no_inbox_is_flooded() {
    let mut app = TestApp::new().await;
    let token = confirmed(&app, "ana@example.org", "en").await;
    app.post_form(&format!("/en/newsletter/confirm/{token}"), &[])
        .await;
    let before = app.state.mailer.list().await.expect("outbox").len();
    let ask = |email: &'static str| json!({"email": email, "lang": "fr", "interests": "programmes,events"});
    let known = app
        .api(
            Method::POST,
            "/api/v1/newsletter/subscriptions",
            Some(ask("ana@example.org")),
            None,
        )
        .await;
    let new = app
        .api(
            Method::POST,
            "/api/v1/newsletter/subscriptions",
            Some(ask("bo@example.org")),
            None,
        )
        .await;
    assert_eq!(known.status, new.status);
    assert_eq!(known.body, new.body, "nothing tells who subscribes");
    let mails = app.state.mailer.list().await.expect("outbox");
    assert_eq!(
        mails.len(),
        before + 1,
        "a subscribed address is sent nothing"
    );
    assert_eq!(
        mails.iter().filter(|m| m.to == "ana@example.org").count(),
        1
    );
    assert_eq!(mails.iter().filter(|m| m.to == "bo@example.org").count(), 1);
    // Asking again at once sends no second link.
    app.api(
        Method::POST,
        "/api/v1/newsletter/subscriptions",
        Some(ask("bo@example.org")),
        None,
    )
    .await;
    assert_eq!(
        app.state.mailer.list().await.expect("outbox").len(),
        before + 1
    );
}

#[tokio::test]
async fn bad_input_is_answered_field_by_field_and_an_unknown_link_is_not_found() {
    let mut app = TestApp::new().await;
    let reply = app
        .post_form(
            "/fr/newsletter",
            &[("email", "pas une adresse"), ("lang", "pt")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("pas une adresse"),
        "what was typed stays"
    );
    let api = app
        .api(
            Method::POST,
            "/api/v1/newsletter/subscriptions?lang=es",
            Some(json!({"email": "x", "lang": "pt", "interests": ["gossip"]})),
            None,
        )
        .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &api.json()["fields"];
    assert_eq!(fields["email"]["error"], "invalid_email");
    assert_eq!(fields["lang"]["error"], "unknown_language");
    assert_eq!(fields["interests"]["error"], "unknown_interest");
    assert!(app.state.mailer.list().await.expect("outbox").is_empty());
    for path in [
        "/en/newsletter/confirm/not-a-token",
        "/en/newsletter/unsubscribe/not-a-token",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND);
    }
    let long = "x".repeat(500);
    let one_click = Request::post(format!("/api/v1/newsletter/unsubscribe/{long}"))
        .body(Body::empty())
        .expect("request");
    assert_eq!(
        app.send_unsigned(one_click).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn addresses_reach_the_secretariat_alone_and_an_imported_list_never_brings_back_who_left() {
    let mut app = TestApp::with_demo().await;
    let keeper = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let city = app.city_id("buenos-aires").await;
    let editor_token = app.user("ed@example.org", &[editor(city)]).await;
    let other = app.user("uccn@example.org", &[secretariat("uccn")]).await;
    let token = confirmed(&app, "left@example.org", "en").await;
    app.post_form(&format!("/en/newsletter/unsubscribe/{token}"), &[])
        .await;
    let list = "email,lang,interests,consent\n\
                new@example.org,fr,,=HYPERLINK(\"http://evil\") signed at the 2025 summit\n\
                left@example.org,en,events,2024 list\n";
    let imported = app
        .upload_csv("/api/v1/newsletter/subscribers/import", list, &keeper)
        .await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    assert_eq!(
        imported.json(),
        json!({"created": 1, "updated": 0, "unchanged": 1})
    );
    let export = app
        .api(
            Method::GET,
            "/api/v1/newsletter/subscribers.csv",
            None,
            Some(&keeper),
        )
        .await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.body.contains("new@example.org,fr,"));
    assert!(
        export
            .body
            .contains("left@example.org,en,practices,form,unsubscribed"),
        "{}",
        export.body
    );
    assert!(
        export.body.contains("'=HYPERLINK"),
        "no cell starts a formula: {}",
        export.body
    );
    for token in [&editor_token, &other] {
        for path in [
            "/api/v1/newsletter/subscribers.csv",
            "/api/v1/newsletter/subscribers",
        ] {
            let reply = app.api(Method::GET, path, None, Some(token)).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
            assert!(!reply.body.contains("@example.org"));
        }
        let refused = app
            .upload_csv("/api/v1/newsletter/subscribers/import", list, token)
            .await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
    }
    // The secretariat's page counts, and shows no address.
    app.sign_in("sec@example.org").await;
    let page = app.get("/en/newsletter/subscribers").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("2 subscribers in all"), "{}", page.body);
    assert!(!page.body.contains("new@example.org"));
    // A list is checked whole: a line without consent refuses the file.
    let refused = app
        .upload_csv(
            "/api/v1/newsletter/subscribers/import",
            "email,lang,interests,consent\nsomeone@example.org,es,,\n",
            &keeper,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json()["lines"][0]["error"], "consent_required");
}
