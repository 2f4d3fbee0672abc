//! Who reads an assessment and what it pulls in: every assessment route read as an editor of a
//! city outside the network and as an anonymous visitor, for each visibility (F1, F3), and the
//! previous assessment shown only to those who may see it on its own (F2), in the page, the
//! results, the radar, the report and its PDF.

use crate::common::{TestApp, editor, secretariat};
use crate::lab::{scores, workshop};
use axum::http::{Method, StatusCode};
use serde_json::json;

/// Every route that reads an assessment, with what it answers to someone who may see it: the
/// results (200) or the running of it (200 for its runners only, so left out here).
fn read_routes(id: i64) -> Vec<String> {
    vec![
        format!("/api/v1/assessments/{id}"),
        format!("/api/v1/assessments/{id}/results"),
        format!("/api/v1/assessments/{id}/responses.json"),
        format!("/api/v1/assessments/{id}/responses.csv"),
        format!("/en/assessments/{id}"),
        format!("/en/assessments/{id}/radar.svg"),
        format!("/en/assessments/{id}/report"),
        format!("/en/assessments/{id}/report.pdf"),
        format!("/fr/assessments/compare?a={id}&b={id}"),
    ]
}

/// The routes that run an assessment: to one who may not even see it, 404 as well.
fn run_routes(id: i64) -> Vec<(Method, String)> {
    vec![
        (Method::GET, format!("/en/assessments/{id}/dashboard")),
        (Method::GET, format!("/en/assessments/{id}/dashboard/live")),
        (Method::GET, format!("/en/assessments/{id}/invitations")),
        (Method::GET, format!("/en/assessments/{id}/consensus")),
        (
            Method::POST,
            format!("/api/v1/assessments/{id}/invitations"),
        ),
        (Method::POST, format!("/api/v1/assessments/{id}/close")),
        (Method::POST, format!("/api/v1/assessments/{id}/reopen")),
        (Method::PUT, format!("/api/v1/assessments/{id}/consensus")),
        (Method::PUT, format!("/api/v1/assessments/{id}/key-ideas")),
        (Method::GET, format!("/api/v1/assessments/{id}/invitations")),
        (
            Method::POST,
            format!("/api/v1/assessments/{id}/invitations/1/resend"),
        ),
        (
            Method::POST,
            format!("/api/v1/assessments/{id}/invitations/1/revoke"),
        ),
        (Method::GET, format!("/en/assessments/{id}/close")),
        (
            Method::GET,
            format!("/en/assessments/{id}/invitations/1/reprint"),
        ),
    ]
}

/// A well-formed body for each route that takes one.
fn body_for(path: &str) -> Option<serde_json::Value> {
    if path.ends_with("/invitations") && path.starts_with("/api/") {
        Some(json!({"count": 1}))
    } else if path.ends_with("/consensus") && path.starts_with("/api/") {
        Some(json!({}))
    } else if path.ends_with("/key-ideas") {
        Some(json!({"text": "x"}))
    } else {
        None
    }
}

#[tokio::test]
async fn an_outsider_and_an_anonymous_visitor_see_nothing_of_a_network_or_confidential_assessment()
{
    for visibility in ["public", "network", "confidential"] {
        let w = workshop(visibility).await;
        let app = &w.app;
        let token = w.invite(1).await;
        let answered = w
            .answer(
                &token[0],
                json!({"sector": "academia", "answers": scores(6)}),
            )
            .await;
        assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
        let closed = app
            .api(
                Method::POST,
                &format!("/api/v1/assessments/{}/close", w.id),
                None,
                Some(&w.secretariat),
            )
            .await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
        // Edinburgh belongs to the Creative Cities Network only; Lyon to the UCLG Culture
        // Committee, as Buenos Aires (through the Leading Cities programme) does.
        let outsider = app
            .user(
                "edinburgh@example.org",
                &[editor(app.city_id("edinburgh").await)],
            )
            .await;
        let member = app
            .user("lyon@example.org", &[editor(app.city_id("lyon").await)])
            .await;
        let other_secretariat = app.user("uccn@example.org", &[secretariat("uccn")]).await;
        let sees = |who: &str| matches!((visibility, who), ("public", _) | ("network", "member"));
        for path in read_routes(w.id) {
            for (who, token) in [
                ("outsider", Some(outsider.as_str())),
                ("other secretariat", Some(other_secretariat.as_str())),
                ("member", Some(member.as_str())),
                ("anonymous", None),
            ] {
                let reply = app.api(Method::GET, &path, None, token).await;
                let expected = if sees(who) {
                    StatusCode::OK
                } else {
                    StatusCode::NOT_FOUND
                };
                assert_eq!(reply.status, expected, "{visibility}: {who} on {path}");
                if expected == StatusCode::NOT_FOUND {
                    assert!(!reply.body.contains("Radar 1"), "{who} on {path}");
                }
            }
        }
        if !sees("anonymous") {
            // The page not found offers to sign in and come back, as every such page does.
            let page = app
                .api(
                    Method::GET,
                    &format!("/en/assessments/{}", w.id),
                    None,
                    None,
                )
                .await;
            let back = format!("/en/sign-in?next=%2Fen%2Fassessments%2F{}", w.id);
            assert!(page.body.contains(&back), "{}", page.body);
            let nothing = app
                .api(Method::GET, "/en/assessments/999999", None, None)
                .await;
            assert!(
                nothing
                    .body
                    .contains("/en/sign-in?next=%2Fen%2Fassessments%2F999999")
            );
        }
        for (method, path) in run_routes(w.id) {
            for (who, token) in [("outsider", Some(outsider.as_str())), ("anonymous", None)] {
                let reply = app.api(method.clone(), &path, body_for(&path), token).await;
                // A body is read only from someone signed in: an anonymous one is asked to
                // sign in first, whatever the address names (so nothing is told either way).
                let reads_a_body = method != Method::GET && body_for(&path).is_some();
                let expected = match (sees(who), token.is_some()) {
                    (_, false) if reads_a_body => StatusCode::UNAUTHORIZED,
                    (false, _) => StatusCode::NOT_FOUND,
                    (true, true) => StatusCode::FORBIDDEN,
                    (true, false) => StatusCode::UNAUTHORIZED,
                };
                assert_eq!(
                    reply.status, expected,
                    "{visibility}: {who} {method} {path}"
                );
            }
        }
        // Lists and the city's pages name it only to those who see it.
        for (who, token) in [
            ("outsider", Some(outsider.as_str())),
            ("member", Some(member.as_str())),
            ("anonymous", None),
        ] {
            for path in [
                "/api/v1/assessments",
                "/en/assessments",
                "/en/cities/buenos-aires",
                "/en/cities/buenos-aires/assessments",
                "/api/v1/cities/buenos-aires",
            ] {
                let reply = app.api(Method::GET, path, None, token).await;
                assert_eq!(reply.status, StatusCode::OK, "{who} on {path}");
                assert_eq!(
                    reply.body.contains("Radar 1"),
                    sees(who),
                    "{visibility}: {who} on {path}"
                );
            }
        }
    }
}

/// Creates, answers (every field at `score`) and closes an assessment of Buenos Aires.
async fn closed_assessment(
    app: &TestApp,
    secretariat: &str,
    title: &str,
    starts_on: &str,
    visibility: &str,
    score: u8,
) -> i64 {
    let created = app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({
                "city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
                "title": title, "starts_on": starts_on, "visibility": visibility,
            })),
            Some(secretariat),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("id");
    let made = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/invitations"),
            Some(json!({"count": 1})),
            Some(secretariat),
        )
        .await;
    let token = made.json()["invitations"][0]["token"]
        .as_str()
        .expect("token")
        .to_owned();
    let answered = app
        .api(
            Method::PUT,
            &format!("/api/v1/participation/{token}"),
            Some(json!({"sector": "civil_society", "answers": scores(score)})),
            None,
        )
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
    let closed = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/close"),
            None,
            Some(secretariat),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    id
}

/// What a reader is shown of an assessment, every route's text put together (the PDF read back).
async fn everything_shown(app: &TestApp, id: i64, token: Option<&str>) -> String {
    let mut shown = String::new();
    for path in [
        format!("/en/assessments/{id}"),
        format!("/en/assessments/{id}/radar.svg"),
        format!("/en/assessments/{id}/report"),
        format!("/api/v1/assessments/{id}/results"),
    ] {
        let reply = app.api(Method::GET, &path, None, token).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
        shown.push_str(&reply.body);
    }
    let pdf = app
        .api(
            Method::GET,
            &format!("/en/assessments/{id}/report.pdf"),
            None,
            token,
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    let pages = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes);
    assert!(!pages.is_empty(), "the PDF reads back");
    shown.push_str(&pages.join("\n").replace('\n', " "));
    shown
}

#[tokio::test]
async fn the_previous_assessment_shown_is_the_latest_one_the_reader_may_see() {
    let app = TestApp::with_demo().await;
    let secretariat = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    closed_assessment(
        &app,
        &secretariat,
        "Open baseline",
        "2023-05-02",
        "public",
        3,
    )
    .await;
    closed_assessment(
        &app,
        &secretariat,
        "Secret baseline",
        "2025-01-10",
        "confidential",
        2,
    )
    .await;
    let current =
        closed_assessment(&app, &secretariat, "Follow-up", "2026-03-10", "public", 7).await;

    let anonymous = everything_shown(&app, current, None).await;
    assert!(
        !anonymous.contains("Secret baseline"),
        "an anonymous visitor is shown the confidential earlier assessment"
    );
    assert!(
        anonymous.contains("Open baseline"),
        "the previous one the visitor may see is shown instead"
    );
    let outsider = app
        .user(
            "edinburgh@example.org",
            &[editor(app.city_id("edinburgh").await)],
        )
        .await;
    let shown = everything_shown(&app, current, Some(&outsider)).await;
    assert!(!shown.contains("Secret baseline") && shown.contains("Open baseline"));
    // The city's own editor and the secretariat may see it: for them it is the previous one.
    let own = app
        .user(
            "ba@example.org",
            &[editor(app.city_id("buenos-aires").await)],
        )
        .await;
    for token in [&secretariat, &own] {
        let shown = everything_shown(&app, current, Some(token)).await;
        assert!(shown.contains("Secret baseline"), "an insider sees it");
        assert!(!shown.contains("Open baseline"), "only the latest is drawn");
    }
}
