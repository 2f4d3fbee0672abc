//! Who may do what, role by role, through the API and the pages.

use crate::common::{TestApp, admin, editor, expert, secretariat};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{Method, StatusCode};
use serde_json::json;

async fn two_cities() -> TestApp {
    TestApp::with_demo().await
}

#[tokio::test]
async fn a_city_editor_cannot_edit_another_city() {
    let mut app = two_cities().await;
    let lyon = app.city_id("lyon").await;
    let token = app.user("lyon@example.org", &[editor(lyon)]).await;
    let body =
        json!({"source_lang": "en", "name_en": "Changed", "country": "FR", "region": "europe"});
    let own = app
        .api(
            Method::PUT,
            "/api/v1/cities/lyon",
            Some(body.clone()),
            Some(&token),
        )
        .await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    let other = app
        .api(
            Method::PUT,
            "/api/v1/cities/bilbao",
            Some(body.clone()),
            Some(&token),
        )
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    assert_eq!(other.json()["error"], "forbidden");
    let created = app
        .api(
            Method::POST,
            "/api/v1/cities",
            Some(body.clone()),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::FORBIDDEN);
    let membership = json!({"network": "uclg-culture", "started_on": "2020-01-01"});
    let added = app
        .api(
            Method::POST,
            "/api/v1/cities/lyon/memberships",
            Some(membership),
            Some(&token),
        )
        .await;
    assert_eq!(
        added.status,
        StatusCode::FORBIDDEN,
        "editors do not manage memberships"
    );

    // The same through the pages.
    app.sign_in("lyon@example.org").await;
    assert_eq!(
        app.get("/en/cities/bilbao/edit").await.status,
        StatusCode::FORBIDDEN
    );
    let post = app
        .post_form(
            "/en/cities/bilbao/edit",
            &[
                ("source_lang", "en"),
                ("name_en", "X"),
                ("country", "ES"),
                ("region", "europe"),
            ],
        )
        .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/en/cities/lyon/edit").await.status, StatusCode::OK);
    let bilbao = app
        .api(Method::GET, "/api/v1/cities/bilbao", None, None)
        .await
        .json();
    assert_eq!(
        bilbao["city"]["name"]["values"]["en"]["text"], "Bilbao",
        "nothing changed"
    );
}

#[tokio::test]
async fn anonymous_people_must_sign_in_to_write() {
    let mut app = two_cities().await;
    let body = json!({"source_lang": "en", "name_en": "X", "country": "FR", "region": "europe"});
    let reply = app
        .api(Method::PUT, "/api/v1/cities/lyon", Some(body), None)
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json()["error"], "sign_in_required");
    assert_eq!(
        app.get("/en/cities/new").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.get("/en/admin").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get("/en/registry/import").await.status,
        StatusCode::UNAUTHORIZED
    );
    let bad_token = app
        .api(Method::GET, "/api/v1/me", None, Some("atn_not-a-token"))
        .await;
    assert_eq!(bad_token.status, StatusCode::UNAUTHORIZED);
}

/// Focal-point contacts, role by role: (who, grants, may see Lyon's contacts).
#[tokio::test]
async fn focal_point_contacts_are_shown_only_to_those_allowed() {
    let mut app = two_cities().await;
    let lyon = app.city_id("lyon").await;
    let bilbao = app.city_id("bilbao").await;
    let cases: Vec<(&str, Vec<Grant>, bool)> = vec![
        ("admin@example.org", vec![admin()], true),
        ("uccn-sec@example.org", vec![secretariat("uccn")], true),
        (
            "uclg-sec@example.org",
            vec![secretariat("uclg-culture")],
            true,
        ),
        (
            "lc-sec@example.org",
            vec![secretariat("leading-cities")],
            false,
        ),
        ("lyon-ed@example.org", vec![editor(lyon)], true),
        ("bilbao-ed@example.org", vec![editor(bilbao)], false),
        ("expert@example.org", vec![expert(Some("uccn"))], true),
        (
            "expert-lc@example.org",
            vec![expert(Some("leading-cities"))],
            false,
        ),
        (
            "reviewer@example.org",
            vec![Grant::new(Role::Reviewer, None, None).expect("grant")],
            true,
        ),
        ("nobody@example.org", vec![], false),
    ];
    let detail = app
        .api(
            Method::GET,
            "/api/v1/cities/lyon",
            None,
            Some(&app.user("probe@example.org", &[admin()]).await),
        )
        .await
        .json();
    let email = detail["focal_points"][0]["email"]
        .as_str()
        .expect("the demo city has a contact")
        .to_owned();

    let anonymous = app
        .api(Method::GET, "/api/v1/cities/lyon", None, None)
        .await;
    assert!(!anonymous.body.contains(&email) && !anonymous.body.contains("\"phone\""));
    assert!(
        anonymous.json()["focal_points"][0]["name"].is_string(),
        "names are public"
    );
    let page = app.get("/en/cities/lyon").await;
    assert!(
        !page.body.contains(&email),
        "the public page hides contacts"
    );

    for (who, grants, allowed) in cases {
        let token = app.user(who, &grants).await;
        let reply = app
            .api(Method::GET, "/api/v1/cities/lyon", None, Some(&token))
            .await;
        assert_eq!(reply.body.contains(&email), allowed, "{who} via the API");
    }
    // Pages, for one allowed and one refused role.
    app.sign_in("lyon-ed@example.org").await;
    assert!(app.get("/en/cities/lyon").await.body.contains(&email));
    app.post_form("/en/sign-out", &[]).await;
    app.sign_in("bilbao-ed@example.org").await;
    assert!(!app.get("/en/cities/lyon").await.body.contains(&email));
}

#[tokio::test]
async fn only_admins_reach_accounts_audit_and_outbox() {
    let app = two_cities().await;
    let sec = app.user("sec@example.org", &[secretariat("uccn")]).await;
    let adm = app.user("admin@example.org", &[admin()]).await;
    for path in [
        "/api/v1/admin/users",
        "/api/v1/admin/audit",
        "/api/v1/admin/outbox",
    ] {
        assert_eq!(
            app.api(Method::GET, path, None, Some(&sec)).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            app.api(Method::GET, path, None, Some(&adm)).await.status,
            StatusCode::OK,
            "{path}"
        );
    }
    let invite = json!({"email": "new@example.org", "role": "editor", "city": "lyon"});
    assert_eq!(
        app.api(
            Method::POST,
            "/api/v1/admin/invitations",
            Some(invite.clone()),
            Some(&sec)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.api(
            Method::POST,
            "/api/v1/admin/invitations",
            Some(invite),
            Some(&adm)
        )
        .await
        .status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_network_secretariat_manages_its_own_memberships_only() {
    let app = two_cities().await;
    let uccn = app.user("uccn@example.org", &[secretariat("uccn")]).await;
    let uclg = app
        .user("uclg@example.org", &[secretariat("uclg-culture")])
        .await;
    let leading =
        json!({"network": "leading-cities", "role": "leading-city", "started_on": "2026-01-01"});
    assert_eq!(
        app.api(
            Method::POST,
            "/api/v1/cities/lyon/memberships",
            Some(leading.clone()),
            Some(&uccn)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let added = app
        .api(
            Method::POST,
            "/api/v1/cities/lyon/memberships",
            Some(leading),
            Some(&uclg),
        )
        .await;
    assert_eq!(
        added.status,
        StatusCode::CREATED,
        "the committee's secretariat runs its programme: {}",
        added.body
    );
}
