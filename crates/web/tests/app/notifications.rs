//! Work reaches the people who must do it: a submitted practice reaches its network's reviewers
//! and secretariat, or the platform's administrators when there are none (the city is told who);
//! each notice is listed on the recipient's page and emailed in their language unless they
//! turned that kind off; a notice never names a record its reader may no longer see.

use crate::common::{TestApp, admin, editor, secretariat};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{Method, StatusCode};
use serde_json::json;

/// A complete draft of `city` by its editor; its id.
async fn ready_draft(app: &TestApp, city: &str, token: &str) -> i64 {
    let created = app
        .api(
            Method::POST,
            "/api/v1/practices",
            Some(json!({"cities": [city], "lang": "en", "title": "Street music"})),
            Some(token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("id");
    let filled = app.api(Method::PATCH, &format!("/api/v1/practices/{id}"), Some(json!({
        "texts": {"summary": "Music in the streets.", "context": "A city.", "objectives": "Play.",
                  "implementation": "Stages.", "results": "Crowds."},
        "status": "in_progress", "start_date": "2024-01-01", "sdgs": ["11"],
    })), Some(token)).await;
    assert_eq!(filled.status, StatusCode::OK, "{}", filled.body);
    id
}

async fn step(app: &TestApp, id: i64, step: &str, token: &str) {
    let done = app
        .api(
            Method::POST,
            &format!("/api/v1/practices/{id}/steps"),
            Some(json!({"step": step, "comment": "Please add figures."})),
            Some(token),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{step}: {}", done.body);
}

async fn notices(app: &TestApp, token: &str) -> Vec<serde_json::Value> {
    let listed = app
        .api(
            Method::GET,
            "/api/v1/account/notifications",
            None,
            Some(token),
        )
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
    listed.json()["items"].as_array().expect("items").clone()
}

#[tokio::test]
async fn a_creative_city_s_practice_reaches_the_administrators_when_its_network_has_no_reviewer() {
    let mut app = TestApp::with_demo().await;
    let edinburgh = app.city_id("edinburgh").await;
    let city_editor = app.user("ed@example.org", &[editor(edinburgh)]).await;
    let platform = app.user("admin@example.org", &[admin()]).await;
    let uclg = app
        .user("uclg@example.org", &[secretariat("uclg-culture")])
        .await;
    let id = ready_draft(&app, "edinburgh", &city_editor).await;
    // Before submitting, the city sees who will review it.
    app.sign_in("ed@example.org").await;
    let slug = app
        .api(
            Method::GET,
            &format!("/api/v1/practices/{id}"),
            None,
            Some(&city_editor),
        )
        .await
        .json()["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    let page = app.get(&format!("/en/practices/{slug}")).await;
    assert!(page.body.contains("Reviewed by:"), "{}", page.body);
    assert!(
        !page.body.contains("admin@example.org"),
        "no address is shown"
    );
    step(&app, id, "submit", &city_editor).await;
    let got = notices(&app, &platform).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["kind"], "practice_submitted");
    assert_eq!(got[0]["title"], "Street music");
    assert!(
        notices(&app, &uclg).await.is_empty(),
        "not another network's"
    );
    let mails = app.state.mailer.list().await.expect("outbox");
    assert!(
        mails
            .iter()
            .any(|m| m.to == "admin@example.org" && m.subject.contains("waits for your review")),
        "{mails:?}"
    );
    // The administrator finds it on the work page and reviews it.
    let reviewing = app
        .api(
            Method::POST,
            &format!("/api/v1/practices/{id}/steps"),
            Some(json!({"step": "start_review", "comment": ""})),
            Some(&platform),
        )
        .await;
    assert_eq!(reviewing.status, StatusCode::OK, "{}", reviewing.body);
}

#[tokio::test]
async fn each_step_reaches_the_next_people_in_their_language_as_they_choose() {
    let app = TestApp::with_demo().await;
    let lyon = app.city_id("lyon").await;
    let city_editor = app.user("lyon@example.org", &[editor(lyon)]).await;
    let reviewer = app
        .user(
            "rev@example.org",
            &[Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant")],
        )
        .await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let platform = app.user("admin@example.org", &[admin()]).await;
    // The reviewer reads French and wants no email for submissions.
    let mut reviewer_browser = app.fresh_browser();
    reviewer_browser.sign_in("rev@example.org").await;
    let set = reviewer_browser
        .post_form("/fr/account", &[("display_name", "Rita"), ("locale", "fr")])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    let off = reviewer_browser
        .post_form(
            "/fr/account/notifications",
            &[
                ("email", "practice_sent_back"),
                ("email", "practice_approved"),
            ],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.body);
    let id = ready_draft(&app, "lyon", &city_editor).await;
    step(&app, id, "submit", &city_editor).await;
    assert_eq!(notices(&app, &reviewer).await.len(), 1);
    assert_eq!(notices(&app, &sec).await.len(), 1);
    assert!(
        notices(&app, &platform).await.is_empty(),
        "the network has its people"
    );
    let mails = app.state.mailer.list().await.expect("outbox");
    assert!(
        !mails.iter().any(|m| m.to == "rev@example.org"),
        "turned off"
    );
    assert!(mails.iter().any(|m| m.to == "sec@example.org"));
    // Sent back: the city's editor; approved: the secretariat; published: the city again.
    step(&app, id, "start_review", &reviewer).await;
    step(&app, id, "request_changes", &reviewer).await;
    let back = notices(&app, &city_editor).await;
    assert_eq!(back[0]["kind"], "practice_sent_back", "{back:?}");
    step(&app, id, "submit", &city_editor).await;
    step(&app, id, "start_review", &reviewer).await;
    step(&app, id, "approve", &reviewer).await;
    assert!(
        notices(&app, &sec)
            .await
            .iter()
            .any(|n| n["kind"] == "practice_approved")
    );
    step(&app, id, "publish", &sec).await;
    let kinds: Vec<String> = notices(&app, &city_editor)
        .await
        .iter()
        .map(|n| n["kind"].as_str().expect("kind").to_owned())
        .collect();
    assert!(
        kinds.contains(&"practice_published".to_owned()),
        "{kinds:?}"
    );
    // The reviewer's French page, with the count in the header.
    let page = reviewer_browser.get("/fr/account/notifications").await;
    assert!(
        page.body.contains("attend votre relecture"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("une traduction"),
        "published in English only"
    );
    assert!(page.body.contains("Notifications ("), "the unread count");
    let read = reviewer_browser
        .post_form("/fr/account/notifications/read", &[])
        .await;
    assert_eq!(read.status, StatusCode::SEE_OTHER);
    assert!(
        !reviewer_browser
            .get("/fr")
            .await
            .body
            .contains("Notifications (")
    );
}

#[tokio::test]
async fn a_notice_never_names_a_record_its_reader_may_no_longer_see() {
    let app = TestApp::with_demo().await;
    let lyon = app.city_id("lyon").await;
    let city_editor = app.user("lyon@example.org", &[editor(lyon)]).await;
    let reviewer = app
        .user(
            "rev@example.org",
            &[Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant")],
        )
        .await;
    let id = ready_draft(&app, "lyon", &city_editor).await;
    step(&app, id, "submit", &city_editor).await;
    assert_eq!(notices(&app, &reviewer).await.len(), 1);
    // The reviewer's role is taken away: the draft is no longer theirs to see.
    {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        ateneu_db::entities::grant::Entity::delete_many()
            .filter(ateneu_db::entities::grant::Column::Role.eq("reviewer"))
            .exec(&app.state.db.conn)
            .await
            .expect("removed");
    }
    let listed = app
        .api(
            Method::GET,
            "/api/v1/account/notifications",
            None,
            Some(&reviewer),
        )
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(!listed.body.contains("Street music"), "{}", listed.body);
    // A workshop's facilitators are told.
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let facilitator = app
        .user(
            "fac@example.org",
            &[Grant::new(Role::Expert, None, None).expect("grant")],
        )
        .await;
    let created = app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({
                "city": "lyon", "framework": "culture21-actions@2015", "module": "commitments",
                "title": "Atelier de Lyon", "starts_on": "2026-05-01", "visibility": "confidential",
                "facilitators": ["fac@example.org"],
            })),
            Some(&sec),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let told = notices(&app, &facilitator).await;
    assert_eq!(told[0]["kind"], "assessment_to_facilitate");
    assert_eq!(told[0]["title"], "Atelier de Lyon");
}
