//! Invitations speak the workshop's language (links, QR codes, emails), are listed with what
//! became of them, printed or sent again and revoked; closing asks first and says what becomes
//! of the drafts.

use crate::common::{TestApp, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::json;

/// A workshop in French and Spanish, run by the UCLG secretariat; its id and the token.
async fn french_and_spanish(app: &TestApp) -> (i64, String) {
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let created = app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({
                "city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
                "title": "Atelier", "starts_on": "2026-03-10", "visibility": "public",
                "languages": ["fr", "es"],
            })),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    (created.json()["id"].as_i64().expect("id"), token)
}

#[tokio::test]
async fn invitations_made_from_a_french_page_speak_french_and_a_chosen_language_its_own() {
    let mut app = TestApp::with_demo().await;
    let (id, _) = french_and_spanish(&app).await;
    app.sign_in("secretariat@example.org").await;
    let made = app
        .post_form(
            &format!("/fr/assessments/{id}/invitations"),
            &[("count", ""), ("emails", "ana@example.org"), ("lang", "")],
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert!(
        made.body.contains("http://127.0.0.1:8080/fr/participate/"),
        "{}",
        made.body
    );
    assert!(!made.body.contains("/en/participate/"));
    let mails = app.state.mailer.list().await.expect("outbox");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].subject.contains("votre invitation"),
        "{}",
        mails[0].subject
    );
    assert!(
        mails[0].body.contains("auto-évaluation"),
        "{}",
        mails[0].body
    );
    assert!(mails[0].body.contains("/fr/participate/"));
    // In Spanish, chosen on the same French page.
    let spanish = app
        .post_form(
            &format!("/fr/assessments/{id}/invitations"),
            &[
                ("count", ""),
                ("emails", "luis@example.org"),
                ("lang", "es"),
            ],
        )
        .await;
    assert!(
        spanish.body.contains("/es/participate/"),
        "{}",
        spanish.body
    );
    let mails = app.state.mailer.list().await.expect("outbox");
    let to_luis = mails
        .iter()
        .find(|m| m.to == "luis@example.org")
        .expect("mail");
    assert!(
        to_luis.subject.contains("su invitación"),
        "{}",
        to_luis.subject
    );
    // A language the workshop does not speak is refused, field by field.
    let english = app
        .post_form(
            &format!("/fr/assessments/{id}/invitations"),
            &[("count", "3"), ("emails", ""), ("lang", "en")],
        )
        .await;
    assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY);
    // From an English page the workshop's first language is taken.
    let from_english = app
        .post_form(
            &format!("/en/assessments/{id}/invitations"),
            &[("count", "1"), ("emails", ""), ("lang", "")],
        )
        .await;
    assert!(
        from_english.body.contains("/fr/participate/"),
        "{}",
        from_english.body
    );
}

#[tokio::test]
async fn invitations_are_listed_printed_again_sent_again_and_revoked() {
    let app = TestApp::with_demo().await;
    let (id, token) = french_and_spanish(&app).await;
    let made = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/invitations"),
            Some(json!({"emails": ["ana@example.org"], "lang": "es"})),
            Some(&token),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let first = made.json()["invitations"][0].clone();
    let (invitation, url, participant) = (
        first["id"].as_i64().expect("id"),
        first["url"].as_str().expect("url").to_owned(),
        first["token"].as_str().expect("token").to_owned(),
    );
    assert!(url.contains("/es/participate/"));
    let saved = app
        .api(
            Method::PUT,
            &format!("/api/v1/participation/{participant}"),
            Some(json!({"sector": "academia", "answers": {}, "submit": false})),
            None,
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let listed = app
        .api(
            Method::GET,
            &format!("/api/v1/assessments/{id}/invitations"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
    let item = &listed.json()["items"][0];
    assert_eq!(item["state"], "draft");
    assert_eq!(item["lang"], "es");
    assert_eq!(item["url"], url.as_str(), "the same link, printed again");
    let resent = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/invitations/{invitation}/resend"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
    assert_eq!(app.state.mailer.list().await.expect("outbox").len(), 2);
    let revoked = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/invitations/{invitation}/revoke"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT, "{}", revoked.body);
    let opened = app
        .api(
            Method::GET,
            &format!("/api/v1/participation/{participant}"),
            None,
            None,
        )
        .await;
    assert_eq!(
        opened.status,
        StatusCode::NOT_FOUND,
        "a revoked link opens nothing"
    );
    let again = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/invitations/{invitation}/revoke"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    // The page lists them, in the reader's language.
    let mut browser = app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    let page = browser
        .get(&format!("/fr/assessments/{id}/invitations"))
        .await;
    assert!(page.body.contains("révoquée"), "{}", page.body);
}

#[tokio::test]
async fn closing_asks_first_and_says_what_becomes_of_the_drafts() {
    let mut app = TestApp::with_demo().await;
    let (id, token) = french_and_spanish(&app).await;
    let made = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/invitations"),
            Some(json!({"count": 2})),
            Some(&token),
        )
        .await;
    let tokens: Vec<String> = made.json()["invitations"]
        .as_array()
        .expect("list")
        .iter()
        .map(|i| i["token"].as_str().expect("token").to_owned())
        .collect();
    for (n, participant) in tokens.iter().enumerate() {
        let saved = app
            .api(
                Method::PUT,
                &format!("/api/v1/participation/{participant}"),
                Some(json!({"sector": "academia", "answers": {}, "submit": n == 0})),
                None,
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    }
    app.sign_in("secretariat@example.org").await;
    let overview = app.get(&format!("/fr/assessments/{id}")).await;
    assert!(
        overview
            .body
            .contains(&format!("/fr/assessments/{id}/close"))
    );
    let asked = app.get(&format!("/fr/assessments/{id}/close")).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert!(
        asked.body.contains("Une personne a envoyé ses réponses"),
        "{}",
        asked.body
    );
    assert!(asked.body.contains("une a un brouillon"), "{}", asked.body);
    let closed = app
        .post_form(&format!("/fr/assessments/{id}/close"), &[])
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let after = app.get(&format!("/fr/assessments/{id}/close")).await;
    assert_eq!(after.status, StatusCode::CONFLICT);
}
