//! Who may see an assessment's results, role by role, by visibility; reports on the city page.

use super::workshop;
use crate::common::{editor, expert, secretariat};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn confidential_results_are_seen_only_by_the_city_its_facilitators_and_the_secretariat() {
    let w = workshop("confidential").await;
    let app = &w.app;
    let buenos_aires = app.city_id("buenos-aires").await;
    let lyon = app.city_id("lyon").await;
    let facilitator = app.user("facilitator@example.org", &[expert(None)]).await;
    let added = app
        .api(Method::POST, "/api/v1/assessments", Some(json!({
            "city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
            "starts_on": "2026-05-01", "visibility": "confidential", "facilitators": ["facilitator@example.org"],
        })), Some(&w.secretariat))
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let id = added.json()["id"].as_i64().expect("id");
    let allowed = [
        ("facilitator", facilitator),
        (
            "city editor",
            app.user("ba@example.org", &[editor(buenos_aires)]).await,
        ),
        ("secretariat", w.secretariat.clone()),
        (
            "admin",
            app.user(
                "admin@example.org",
                &[Grant::new(Role::PlatformAdmin, None, None).expect("grant")],
            )
            .await,
        ),
    ];
    let refused = [
        (
            "other city's editor",
            app.user("lyon@example.org", &[editor(lyon)]).await,
        ),
        (
            "expert, not facilitating",
            app.user("expert@example.org", &[expert(None)]).await,
        ),
        (
            "reviewer",
            app.user(
                "reviewer@example.org",
                &[Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant")],
            )
            .await,
        ),
        (
            "another network's secretariat",
            app.user("uccn@example.org", &[secretariat("uccn")]).await,
        ),
    ];
    let paths = [
        format!("/api/v1/assessments/{id}/results"),
        format!("/api/v1/assessments/{id}"),
        format!("/en/assessments/{id}/radar.svg"),
        format!("/en/assessments/{id}/report.pdf"),
        format!("/en/assessments/{id}/report"),
        format!("/api/v1/assessments/{id}/responses.json"),
    ];
    for path in &paths {
        for (who, token) in &allowed {
            let reply = app.api(Method::GET, path, None, Some(token)).await;
            assert_eq!(
                reply.status,
                StatusCode::OK,
                "{who} on {path}: {}",
                reply.body
            );
        }
        for (who, token) in &refused {
            let reply = app.api(Method::GET, path, None, Some(token)).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{who} on {path}");
            assert!(!reply.body.contains("Radar"), "{who} on {path}");
        }
        let anonymous = app.api(Method::GET, path, None, None).await;
        assert_eq!(
            anonymous.status,
            StatusCode::NOT_FOUND,
            "anonymous on {path}: a confidential assessment's existence is not told"
        );
    }
    // Only the secretariat reopens; a facilitator may close.
    let (_, facilitator) = &allowed[0];
    let closed = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/close"),
            None,
            Some(facilitator),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK);
    let reopen = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/reopen"),
            None,
            Some(facilitator),
        )
        .await;
    assert_eq!(reopen.status, StatusCode::FORBIDDEN);
    let reopen = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{id}/reopen"),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(reopen.status, StatusCode::OK, "{}", reopen.body);
    // The audit log keeps every change.
    let audit = app
        .api(
            Method::GET,
            "/api/v1/admin/audit",
            None,
            Some(&allowed[3].1),
        )
        .await;
    for action in ["assessment.create", "assessment.close", "assessment.reopen"] {
        assert!(
            audit.body.contains(action),
            "{action} missing from the audit log"
        );
    }
}

#[tokio::test]
async fn public_results_are_open_to_everyone_and_network_results_to_members() {
    let w = workshop("public").await;
    let anonymous = w.results(None).await;
    assert_eq!(anonymous.status, StatusCode::OK, "{}", anonymous.body);
    let network = workshop("network").await;
    assert_eq!(network.results(None).await.status, StatusCode::NOT_FOUND);
    let member = network
        .app
        .user(
            "reviewer@example.org",
            &[Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant")],
        )
        .await;
    assert_eq!(network.results(Some(&member)).await.status, StatusCode::OK);
    let outsider = network
        .app
        .user("uccn@example.org", &[secretariat("uccn")])
        .await;
    assert_eq!(
        network.results(Some(&outsider)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_closed_assessment_files_its_report_on_the_city_page_for_those_who_may_see_it() {
    let public = workshop("public").await;
    let closed = public
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{}/close", public.id),
            None,
            Some(&public.secretariat),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK);
    let mut visitor = public.app.fresh_browser();
    let page = visitor.get("/en/cities/buenos-aires").await;
    assert!(
        page.body
            .contains(&format!("/en/assessments/{}/report", public.id)),
        "the public report is listed"
    );
    let confidential = workshop("confidential").await;
    confidential
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{}/close", confidential.id),
            None,
            Some(&confidential.secretariat),
        )
        .await;
    let mut visitor = confidential.app.fresh_browser();
    let page = visitor.get("/en/cities/buenos-aires").await;
    assert!(
        !page.body.contains("/report"),
        "a confidential report stays hidden"
    );
    let api = confidential
        .app
        .api(
            Method::GET,
            "/api/v1/cities/buenos-aires",
            None,
            Some(&confidential.secretariat),
        )
        .await;
    assert_eq!(api.json()["outputs"].as_array().map(Vec::len), Some(1));
}
