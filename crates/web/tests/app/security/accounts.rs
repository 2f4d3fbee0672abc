//! Signing in and acting as someone: the `next=` address after signing in (F5, F6), the throttle
//! under a burst of guesses (F7) and the owner's way back in, API tokens (scope, expiry, the end
//! of them on a password reset, none made with a token), and the anti-forgery token bound to
//! the session and signed with the instance's key.

use crate::common::{PASSWORD, TestApp, form_token};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

async fn sign_in_to(
    app: &mut TestApp,
    email: &str,
    password: &str,
    next: &str,
) -> crate::common::Reply {
    app.post_form(
        "/en/sign-in",
        &[("email", email), ("password", password), ("next", next)],
    )
    .await
}

#[tokio::test]
async fn after_signing_in_only_the_platform_s_own_pages_are_followed() {
    let mut app = TestApp::new().await;
    app.user("ana@example.org", &[]).await;
    for (next, to) in [
        ("/fr/assessments?x=1", "/fr/assessments?x=1"),
        ("/\t/evil.example", "/en/account"),
        ("/\r\n/evil.example", "/en/account"),
        ("//evil.example", "/en/account"),
        ("/\\evil.example", "/en/account"),
        ("https://evil.example/en", "/en/account"),
        ("/%09/evil.example", "/en/account"),
        ("", "/en/account"),
    ] {
        let mut browser = app.fresh_browser();
        let reply = sign_in_to(&mut browser, "ana@example.org", PASSWORD, next).await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "{next:?}: {}",
            reply.body
        );
        assert_eq!(
            reply.headers[header::LOCATION].to_str().expect("ascii"),
            to,
            "{next:?}"
        );
    }
    // A location that a header cannot carry is never sent raw, and never fails the request.
    let reply = sign_in_to(&mut app, "ana@example.org", PASSWORD, "/en/\r\nx").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
}

/// How many passwords of an address were checked and found wrong (each leaves an audit row).
async fn checked_failures(app: &TestApp, email: &str) -> u64 {
    use ateneu_db::entities::audit_entry;
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("sign_in.failure"))
        .filter(audit_entry::Column::EntityId.eq(email))
        .count(&app.state.db.conn)
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_wrong_passwords_checks_no_more_than_the_throttle_allows() {
    let app = TestApp::new().await;
    app.user("ana@example.org", &[]).await;
    let other_server = app.second_server().await;
    let mut attempts = Vec::new();
    for n in 0..30 {
        // Half the guesses go to a second server on the same database.
        let mut browser = if n % 2 == 0 {
            app.fresh_browser()
        } else {
            other_server.fresh_browser()
        };
        let csrf = browser.csrf().await;
        attempts.push(tokio::spawn(async move {
            let body = format!("csrf={csrf}&email=ana%40example.org&password=wrong+guess+1234");
            let request = Request::post("/en/sign-in")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request");
            browser.send(request).await.status
        }));
    }
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.expect("joins"));
    }
    let wrong = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let throttled = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    let free = ateneu_domain::accounts::FREE_FAILURES as usize;
    assert_eq!((wrong, throttled), (free, 30 - free), "{statuses:?}");
    assert_eq!(checked_failures(&app, "ana@example.org").await, free as u64);
}

#[tokio::test]
async fn a_locked_out_owner_gets_back_in_with_a_reset_link() {
    let mut app = TestApp::new().await;
    app.user("ana@example.org", &[]).await;
    for _ in 0..ateneu_domain::accounts::FREE_FAILURES {
        let reply = sign_in_to(&mut app, "ana@example.org", "not the password", "").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let locked = sign_in_to(&mut app, "ana@example.org", PASSWORD, "").await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        locked.body.contains("password-reset link"),
        "the page says how to get in"
    );
    let reset = app
        .post_form("/en/password-reset", &[("email", "ana@example.org")])
        .await;
    assert_eq!(reset.status, StatusCode::OK);
    let link = reset_link(&app).await;
    let path = link.as_str();
    let form = app.get(path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let set = app
        .post_form(
            path,
            &[
                ("password", "a brand new password"),
                ("confirm", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let mut other = app.fresh_browser();
    let again = sign_in_to(&mut other, "ana@example.org", "a brand new password", "").await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "the lock is lifted");
}

/// The path of the one password link in the outbox.
async fn reset_link(app: &TestApp) -> String {
    let mails = app.state.mailer.list().await.expect("outbox");
    let links: Vec<String> = mails
        .iter()
        .filter_map(|mail| {
            let start = mail.body.find("http://127.0.0.1:8080/")?;
            let rest = &mail.body[start + "http://127.0.0.1:8080".len()..];
            rest.split_whitespace().next().map(str::to_owned)
        })
        .filter(|path| path.contains("/password/"))
        .collect();
    assert_eq!(links.len(), 1, "{links:?}");
    links[0].clone()
}

#[tokio::test]
async fn tokens_have_a_scope_an_expiry_and_end_with_a_password_reset() {
    let mut app = TestApp::new().await;
    let full = app.user("ana@example.org", &[]).await;
    // A token cannot make another token.
    let made = app
        .api(
            Method::POST,
            "/api/v1/account/tokens",
            Some(json!({"name": "more"})),
            Some(&full),
        )
        .await;
    assert_eq!(made.status, StatusCode::BAD_REQUEST, "{}", made.body);
    assert_eq!(made.json()["error"], "token_needs_session");
    // From a signed-in session, a read-only token that lives a week.
    app.sign_in("ana@example.org").await;
    let page = app.get("/en/account").await;
    let made = app
        .post_form(
            "/en/account/tokens",
            &[("name", "reports"), ("scope", "read"), ("days", "7")],
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert!(!page.body.is_empty());
    let start = made.body.find("atn_").expect("the new token is shown");
    let read_only: String = made.body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    let listed = app
        .api(
            Method::GET,
            "/api/v1/account/tokens",
            None,
            Some(&read_only),
        )
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
    let tokens = listed.json();
    let reports = tokens
        .as_array()
        .expect("list")
        .iter()
        .find(|t| t["name"] == "reports")
        .expect("listed")
        .clone();
    assert_eq!(reports["scope"], "read");
    assert!(reports["expires_at"].as_str().is_some());
    let writes = app
        .api(
            Method::POST,
            "/api/v1/cities",
            Some(crate::common::city_json("Nowhere", "FR", "europe")),
            Some(&read_only),
        )
        .await;
    assert_eq!(writes.status, StatusCode::FORBIDDEN, "{}", writes.body);
    assert_eq!(writes.json()["error"], "token_read_only");
    let bad = app
        .post_form(
            "/en/account/tokens",
            &[("name", "x"), ("scope", "admin"), ("days", "1000")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // An expired token opens nothing.
    {
        use ateneu_db::entities::api_token;
        use sea_orm::sea_query::Expr;
        api_token::Entity::update_many()
            .col_expr(
                api_token::Column::ExpiresAt,
                Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
            )
            .filter(api_token::Column::Name.eq("reports"))
            .exec(&app.state.db.conn)
            .await
            .expect("expires");
    }
    let expired = app
        .api(
            Method::GET,
            "/api/v1/account/tokens",
            None,
            Some(&read_only),
        )
        .await;
    assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
    // A password reset ends every token.
    let before = app
        .api(Method::GET, "/api/v1/account/tokens", None, Some(&full))
        .await;
    assert_eq!(before.status, StatusCode::OK);
    let mut visitor = app.fresh_browser();
    visitor
        .post_form("/en/password-reset", &[("email", "ana@example.org")])
        .await;
    let path = reset_link(&app).await;
    let set = visitor
        .post_form(
            &path,
            &[
                ("password", "a brand new password"),
                ("confirm", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let after = app
        .api(Method::GET, "/api/v1/account/tokens", None, Some(&full))
        .await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_anti_forgery_token_is_the_instance_s_and_the_session_s() {
    let mut app = TestApp::new().await;
    app.user("ana@example.org", &[]).await;
    app.sign_in("ana@example.org").await;
    // A cookie value that the client picks, echoed back, is refused (it used to pass).
    let picked = "a".repeat(43);
    let request = Request::post("/en/sign-out")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(
            header::COOKIE,
            format!(
                "ateneu_csrf={picked}; ateneu_session={}",
                app.session_cookie()
            ),
        )
        .body(Body::from(format!("csrf={picked}")))
        .expect("request");
    let forged = app.send_unsigned(request).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // The token a page gave this session serves; the one given before signing in does not.
    let mut anonymous = app.fresh_browser();
    let before = form_token(&anonymous.get("/en/sign-in").await.body);
    anonymous.sign_in("ana@example.org").await;
    let stale = Request::post("/en/account")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={before}&display_name=Ana")))
        .expect("request");
    assert_eq!(anonymous.send(stale).await.status, StatusCode::FORBIDDEN);
    let fresh = anonymous
        .post_form("/en/account", &[("display_name", "Ana")])
        .await;
    assert_eq!(fresh.status, StatusCode::SEE_OTHER, "{}", fresh.body);
}
