//! Accounts: the first administrator, signing in and out, throttling, reset and invitation
//! links, API tokens, and the cross-site request protection.

use crate::common::{PASSWORD, TestApp, admin};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

fn link_in(body: &str) -> String {
    let start = body.find("http://127.0.0.1:8080/").expect("a link");
    let rest = &body[start + "http://127.0.0.1:8080".len()..];
    rest.split_whitespace().next().expect("link").to_owned()
}

#[tokio::test]
async fn the_first_administrator_uses_a_one_time_link() {
    let mut app = TestApp::new().await;
    let link = ateneu_web::accounts::admin_setup_link(&app.state)
        .await
        .expect("link")
        .expect("no admin yet");
    assert!(
        ateneu_web::accounts::admin_setup_link(&app.state)
            .await
            .expect("second call")
            .is_none(),
        "printed once"
    );
    let path = link.trim_start_matches("http://127.0.0.1:8080");
    assert_eq!(app.get(path).await.status, StatusCode::OK);
    let weak = app
        .post_form(
            path,
            &[
                ("email", "root@example.org"),
                ("password", "short"),
                ("confirm", "short"),
            ],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = app
        .post_form(
            path,
            &[
                ("email", "root@example.org"),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        app.get("/en/admin").await.status,
        StatusCode::OK,
        "signed in as administrator"
    );
    let again = app
        .post_form(
            path,
            &[
                ("email", "other@example.org"),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "the link works once");
    assert!(
        ateneu_web::accounts::admin_setup_link(&app.state)
            .await
            .expect("call")
            .is_none()
    );
}

#[tokio::test]
async fn signing_in_out_and_everywhere() {
    let mut app = TestApp::new().await;
    app.user("ana@example.org", &[]).await;
    let wrong = app
        .post_form(
            "/en/sign-in",
            &[
                ("email", "ana@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let ok = app.sign_in("ana@example.org").await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let cookie = ok
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().expect("ascii").to_owned())
        .find(|c| c.starts_with("ateneu_session="))
        .expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"),
        "{cookie}"
    );
    assert_eq!(app.get("/en/account").await.status, StatusCode::OK);

    // A second device, then "sign out everywhere" from the first ends both.
    let mut other = app.fresh_browser();
    other.sign_in("ana@example.org").await;
    assert_eq!(other.get("/en/account").await.status, StatusCode::OK);
    app.post_form("/en/sign-out-everywhere", &[]).await;
    assert_eq!(
        app.get("/en/account").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        other.get("/en/account").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let mut app = TestApp::new().await;
    app.user("ana@example.org", &[]).await;
    for _ in 0..ateneu_domain::accounts::FREE_FAILURES {
        let reply = app
            .post_form(
                "/en/sign-in",
                &[
                    ("email", "ana@example.org"),
                    ("password", "guess guess guess"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let locked = app.sign_in("ana@example.org").await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    let other = app.user("bob@example.org", &[]).await;
    assert!(!other.is_empty());
    assert_eq!(
        app.sign_in("bob@example.org").await.status,
        StatusCode::SEE_OTHER,
        "throttling is per account"
    );
}

#[tokio::test]
async fn a_password_reset_goes_through_the_outbox() {
    let mut app = TestApp::new().await;
    app.user("ana@example.org", &[]).await;
    let unknown = app
        .post_form("/fr/password-reset", &[("email", "nobody@example.org")])
        .await;
    let known = app
        .post_form("/fr/password-reset", &[("email", "ana@example.org")])
        .await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert_eq!(known.status, StatusCode::OK);
    let mails = app.state.mailer.list().await.expect("outbox");
    assert_eq!(mails.len(), 1, "only a known address gets a mail");
    assert_eq!(mails[0].to, "ana@example.org");
    assert_eq!(
        mails[0].delivery,
        ateneu_app::mail::Delivery::Outbox,
        "no mail server: the outbox is where it stays"
    );
    let path = link_in(&mails[0].body);
    assert!(path.starts_with("/fr/password/"), "{path}");
    let differ = app
        .post_form(
            &path,
            &[
                ("password", "a new long password"),
                ("confirm", "another one entirely"),
            ],
        )
        .await;
    assert_eq!(differ.status, StatusCode::UNPROCESSABLE_ENTITY);
    let set = app
        .post_form(
            &path,
            &[
                ("password", "a new long password"),
                ("confirm", "a new long password"),
            ],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.post_form(
            &path,
            &[
                ("password", "a third long password"),
                ("confirm", "a third long password")
            ]
        )
        .await
        .status,
        StatusCode::BAD_REQUEST
    );
    app.post_form("/en/sign-out", &[]).await;
    let old = app.sign_in("ana@example.org").await;
    assert_eq!(
        old.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old password no longer works"
    );
    let new = app
        .post_form(
            "/en/sign-in",
            &[
                ("email", "ana@example.org"),
                ("password", "a new long password"),
            ],
        )
        .await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_invitation_gives_a_role_and_a_link_to_set_a_password() {
    let mut app = TestApp::with_demo().await;
    let token = app.user("admin@example.org", &[admin()]).await;
    let invite = json!({"email": "Editor@Example.org", "role": "editor", "city": "lyon"});
    let reply = app
        .api(
            Method::POST,
            "/api/v1/admin/invitations",
            Some(invite),
            Some(&token),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let path = link_in(reply.json()["link"].as_str().expect("link"));
    let set = app
        .post_form(&path, &[("password", PASSWORD), ("confirm", PASSWORD)])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/en/cities/lyon/edit").await.status, StatusCode::OK);
    let bad_scope = json!({"email": "x@example.org", "role": "secretariat"});
    let reply = app
        .api(
            Method::POST,
            "/api/v1/admin/invitations",
            Some(bad_scope),
            Some(&token),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.json()["fields"]["role"]["error"],
        "scope_does_not_fit_role"
    );
}

#[tokio::test]
async fn api_tokens_act_for_their_owner_until_revoked() {
    let mut app = TestApp::new().await;
    app.user("ana@example.org", &[]).await;
    app.sign_in("ana@example.org").await;
    let page = app
        .post_form("/en/account/tokens", &[("name", "script")])
        .await;
    let token = page
        .body
        .split("<code>")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .expect("token shown once")
        .to_owned();
    assert!(token.starts_with("atn_"));
    let me = app.api(Method::GET, "/api/v1/me", None, Some(&token)).await;
    assert_eq!(me.json()["email"], "ana@example.org");
    let tokens = app
        .api(Method::GET, "/api/v1/account/tokens", None, Some(&token))
        .await
        .json();
    let id = tokens
        .as_array()
        .expect("list")
        .iter()
        .find(|t| t["name"] == "script")
        .and_then(|t| t["id"].as_i64())
        .expect("id");
    assert!(
        !tokens.to_string().contains(&token),
        "tokens are never shown again"
    );
    app.post_form(&format!("/en/account/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(
        app.api(Method::GET, "/api/v1/me", None, Some(&token))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn state_changing_requests_need_the_anti_forgery_token() {
    let mut app = TestApp::new().await;
    app.user("ana@example.org", &[admin()]).await;
    app.sign_in("ana@example.org").await;
    let forged = Request::post("/en/cities/new")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("name_en=Evil&country=FR&region=europe"))
        .expect("request");
    let reply = app.send(forged).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.body.contains("<html"), "a page explains it");
    let forged_api = Request::post("/api/v1/cities")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .expect("request");
    assert_eq!(
        app.send(forged_api).await.json()["error"],
        "csrf_failed",
        "cookies alone never authorise an API write"
    );
    let list = app
        .api(Method::GET, "/api/v1/cities", None, None)
        .await
        .json();
    assert_eq!(list["total"], 0);
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let mut app = TestApp::new().await;
    let reply = app.get("/en/cities").await;
    let csp = reply.headers["content-security-policy"]
        .to_str()
        .expect("ascii");
    assert!(
        csp.contains("frame-ancestors 'none'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
    );
    assert_eq!(reply.headers["x-content-type-options"], "nosniff");
    assert!(reply.headers.contains_key("x-request-id"));
    assert!(
        !reply.headers.contains_key("strict-transport-security"),
        "no HSTS over plain HTTP"
    );
    let tls = app
        .send(
            Request::get("/en")
                .header("x-forwarded-proto", "https")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert!(tls.headers.contains_key("strict-transport-security"));
    assert!(!reply.body.contains("<script>"), "no inline script");
    let health = app.get("/healthz").await;
    assert_eq!(health.json()["database"], "ok");
}
