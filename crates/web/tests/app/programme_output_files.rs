//! An output's files and share links: a file is served to exactly those who may see its output
//! (404 to anyone else, cached privately unless public); what a browser could run is refused
//! and nothing is kept; a share link opens the file without signing in until it expires or is
//! revoked (then 404), every use recorded; removing a file ends its links.

use crate::common::{Reply, TestApp, editor, expert, secretariat};
use crate::practices_media::{PDF, PNG, multipart};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

struct World {
    app: TestApp,
    /// The secretariat's and city A's editor's tokens.
    secretariat: String,
    editor: String,
    /// A confidential output (internal notes) and a public one (an article).
    notes: i64,
    article: i64,
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let secretariat = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let city = app.city_id("buenos-aires").await;
    let editor = app.user("editor@example.org", &[editor(city)]).await;
    let call = |path: String, body: Value| {
        let (app, token) = (&app, secretariat.clone());
        async move {
            let reply = app.api(Method::POST, &path, Some(body), Some(&token)).await;
            assert!(reply.status.is_success(), "{path}: {}", reply.body);
            reply.json()["id"].as_i64().expect("an id")
        }
    };
    let programme = call(
        "/api/v1/programmes".into(),
        json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
    )
    .await;
    let seminar = call(
        format!("/api/v1/programmes/{programme}/activities"),
        json!({"catalogue_key": "peer-learning-seminar", "starts_on": "2026-05-04", "ends_on": "2026-05-07"}),
    )
    .await;
    let outputs = format!("/api/v1/programmes/{programme}/outputs");
    let notes = call(
        outputs.clone(),
        json!({"activity": seminar.to_string(), "kind": "internal_report", "title": "Notes"}),
    )
    .await;
    let article = call(
        outputs,
        json!({"activity": seminar.to_string(), "kind": "public_article", "title": "Article"}),
    )
    .await;
    World {
        app,
        secretariat,
        editor,
        notes,
        article,
    }
}

async fn upload(app: &TestApp, output: i64, token: Option<&str>, file: (&str, &[u8])) -> Reply {
    let (content_type, body) = multipart(file.0, file.1, &[]);
    let mut request = Request::post(format!("/api/v1/outputs/{output}/files?lang=fr"))
        .header(header::CONTENT_TYPE, content_type);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    app.send_unsigned(request.body(Body::from(body)).expect("request"))
        .await
}

async fn get(app: &TestApp, url: &str, token: Option<&str>) -> Reply {
    let mut request = Request::get(url).header(header::USER_AGENT, "the jury's browser");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    app.send_unsigned(request.body(Body::empty()).expect("request"))
        .await
}

fn location(reply: &Reply) -> String {
    reply
        .headers
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .expect("a Location")
        .to_owned()
}

#[tokio::test]
async fn a_file_is_served_to_exactly_those_who_may_see_its_output() {
    let w = world().await;
    let made = upload(&w.app, w.notes, Some(&w.editor), ("Seminar notes.PDF", PDF)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let url = location(&made);
    assert!(url.ends_with("/seminar-notes.pdf"), "{url}");
    assert_eq!(made.json()["size"], PDF.len());

    let seen = get(&w.app, &url, Some(&w.secretariat)).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert_eq!(seen.bytes, PDF);
    let header = |name| {
        seen.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header(header::CONTENT_TYPE), "application/pdf");
    assert!(header(header::CONTENT_DISPOSITION).starts_with("attachment;"));
    assert_eq!(header(header::CACHE_CONTROL), "private, no-store");

    let other_city = w.app.city_id("lyon").await;
    let lyon = w.app.user("lyon@example.org", &[editor(other_city)]).await;
    let network_expert = w
        .app
        .user("expert@example.org", &[expert(Some("uclg-culture"))])
        .await;
    for token in [None, Some(lyon.as_str()), Some(network_expert.as_str())] {
        assert_eq!(
            get(&w.app, &url, token).await.status,
            StatusCode::NOT_FOUND,
            "{token:?}"
        );
        let listed = w
            .app
            .api(
                Method::GET,
                &format!("/api/v1/outputs/{}/files", w.notes),
                None,
                token,
            )
            .await;
        assert_eq!(listed.status, StatusCode::NOT_FOUND, "{token:?}");
    }
    // Under another name, nobody finds it.
    let renamed = url.replace("seminar-notes.pdf", "other.pdf");
    assert_eq!(
        get(&w.app, &renamed, Some(&w.secretariat)).await.status,
        StatusCode::NOT_FOUND
    );

    // A public output's file is public, and shared caches may keep it.
    let image = upload(&w.app, w.article, Some(&w.secretariat), ("photo.png", PNG)).await;
    assert_eq!(image.status, StatusCode::CREATED, "{}", image.body);
    let public = get(&w.app, &location(&image), None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.headers[header::CACHE_CONTROL]
            .to_str()
            .expect("ascii")
            .starts_with("public")
    );
    assert!(
        public.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .starts_with("inline;")
    );

    // The output's page lists its file to its keepers with the forms, and to nobody else.
    let mut keeper = w.app.fresh_browser();
    keeper.sign_in("editor@example.org").await;
    let page = keeper.get(&format!("/en/outputs/{}", w.notes)).await;
    assert!(
        page.body.contains(&url) && page.body.contains("Share through a link that expires"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn what_a_browser_could_run_or_an_oversized_file_is_refused_and_nothing_is_kept() {
    let w = world().await;
    let html = upload(
        &w.app,
        w.notes,
        Some(&w.editor),
        ("page.pdf", b"<html><script>alert(1)</script>"),
    )
    .await;
    assert_eq!(
        html.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "{}",
        html.body
    );
    assert_eq!(html.json()["error"], "unsupported_file");
    let mut big = PNG.to_vec();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let over = upload(&w.app, w.notes, Some(&w.editor), ("big.png", &big)).await;
    assert_eq!(over.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", over.body);
    assert!(
        over.json()["message"]
            .as_str()
            .expect("a message")
            .contains("10 MiB")
    );
    let files = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/outputs/{}/files", w.notes),
            None,
            Some(&w.editor),
        )
        .await;
    assert_eq!(files.json()["files"], json!([]));

    // Who may see the output but not keep it is forbidden; who may not see it, not told of it.
    let network_member = w
        .app
        .user("member@example.org", &[expert(Some("uclg-culture"))])
        .await;
    let article = upload(&w.app, w.article, Some(&network_member), ("x.pdf", PDF)).await;
    assert_eq!(article.status, StatusCode::FORBIDDEN);
    let notes = upload(&w.app, w.notes, Some(&network_member), ("x.pdf", PDF)).await;
    assert_eq!(notes.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_share_link_opens_the_file_until_it_expires_or_is_revoked_and_every_use_is_kept() {
    let w = world().await;
    let made = upload(&w.app, w.notes, Some(&w.editor), ("notes.pdf", PDF)).await;
    let file = made.json()["id"].as_i64().expect("id");
    let links = format!("/api/v1/outputs/{}/files/{file}/links", w.notes);

    let refused = w
        .app
        .api(
            Method::POST,
            &format!("{links}?lang=fr"),
            Some(json!({"hours": 0})),
            Some(&w.editor),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.json()["fields"]["hours"]["message"]
            .as_str()
            .expect("the field's message")
            .contains("heures"),
        "{}",
        refused.body
    );

    let shared = w
        .app
        .api(
            Method::POST,
            &links,
            Some(json!({"hours": 48, "note": "the jury"})),
            Some(&w.editor),
        )
        .await;
    assert_eq!(shared.status, StatusCode::CREATED, "{}", shared.body);
    let link = shared.json();
    let url = link["url"].as_str().expect("url").to_owned();
    let path = &url[url.find("/shared/").expect("a share address")..];
    let opened = get(&w.app, path, None).await;
    assert_eq!(opened.status, StatusCode::OK);
    assert_eq!(opened.bytes, PDF);
    assert_eq!(opened.headers[header::CACHE_CONTROL], "private, no-store");
    assert_eq!(opened.headers["x-robots-tag"], "noindex");

    // The list shows the link and its use, never its token.
    let listed = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/outputs/{}/files", w.notes),
            None,
            Some(&w.secretariat),
        )
        .await;
    let kept = &listed.json()["links"][0];
    assert_eq!(
        (kept["uses"].as_i64(), kept["state"].as_str()),
        (Some(1), Some("usable"))
    );
    assert!(!listed.body.contains(link["token"].as_str().expect("token")));

    // Another token, or one cut short, is not found.
    let forged = format!("/shared/{}", "A".repeat(43));
    assert_eq!(
        get(&w.app, &forged, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&w.app, &path[..path.len() - 1], None).await.status,
        StatusCode::NOT_FOUND
    );

    // Revoked: not found, and the refused use is kept too.
    let link_id = link["id"].as_i64().expect("id");
    let revoked = w
        .app
        .api(
            Method::DELETE,
            &format!("/api/v1/outputs/{}/links/{link_id}", w.notes),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(revoked.json()["state"], "revoked");
    assert_eq!(get(&w.app, path, None).await.status, StatusCode::NOT_FOUND);
    let listed = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/outputs/{}/files", w.notes),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(listed.json()["links"][0]["uses"], 2);

    // Expired: not found.
    let second = w
        .app
        .api(Method::POST, &links, Some(json!({})), Some(&w.editor))
        .await
        .json();
    let second_path = format!("/shared/{}", second["token"].as_str().expect("token"));
    assert_eq!(get(&w.app, &second_path, None).await.status, StatusCode::OK);
    let txn = w.app.state.db.write().await.expect("a transaction");
    ateneu_db::outputs::files::set_link_expiry(
        &txn,
        second["id"].as_i64().expect("id"),
        chrono::Utc::now() - chrono::Duration::seconds(1),
    )
    .await
    .expect("moved");
    txn.commit().await.expect("commit");
    assert_eq!(
        get(&w.app, &second_path, None).await.status,
        StatusCode::NOT_FOUND
    );

    // Made and revoked in the audit log.
    let audit = w
        .app
        .api(
            Method::GET,
            "/api/v1/admin/audit",
            None,
            Some(
                &w.app
                    .user("admin@example.org", &[crate::common::admin()])
                    .await,
            ),
        )
        .await;
    assert!(
        audit.body.contains("output.share_link.create")
            && audit.body.contains("output.share_link.revoke"),
        "{}",
        audit.body
    );

    // A third link, then the file removed: the link goes with it.
    let third = w
        .app
        .api(Method::POST, &links, Some(json!({})), Some(&w.editor))
        .await
        .json();
    let removed = w
        .app
        .api(
            Method::DELETE,
            &format!("/api/v1/outputs/{}/files/{file}", w.notes),
            None,
            Some(&w.editor),
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    let third_path = format!("/shared/{}", third["token"].as_str().expect("token"));
    assert_eq!(
        get(&w.app, &third_path, None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_page_shows_a_new_link_once_and_answers_a_bad_duration_field_by_field() {
    let w = world().await;
    let file = upload(&w.app, w.notes, Some(&w.editor), ("notes.pdf", PDF))
        .await
        .json()["id"]
        .as_i64()
        .expect("id");
    let mut browser = w.app.fresh_browser();
    browser.sign_in("editor@example.org").await;
    let action = format!("/fr/outputs/{}/files/{file}/links", w.notes);
    let bad = browser
        .post_form(&action, &[("hours", "9999"), ("note", "")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Un lien est valable entre 1–2160 heures"),
        "{}",
        bad.body
    );
    let made = browser
        .post_form(&action, &[("hours", "24"), ("note", "le jury")])
        .await;
    assert_eq!(made.status, StatusCode::CREATED);
    assert!(
        made.body.contains("/shared/") && made.body.contains("il n’est affiché qu’une seule fois"),
        "{}",
        made.body
    );
    let again = browser.get(&format!("/fr/outputs/{}", w.notes)).await;
    assert!(
        !again.body.contains("/shared/"),
        "the token is shown once only"
    );
    assert!(again.body.contains("le jury"));
}
