//! Stored payloads: the classic script-injection texts written into the fields people write
//! (a city's name and description, a practice's texts, a Lab's title and key ideas, and every
//! field of the Leading Cities programme: a consultation, an inquiry, an activity and what it
//! records of its own, a budget line, an expert, an event, an output, its language version and
//! its dissemination), then every page and feed that shows them read back as a browser would
//! read its tags: no script but the platform's own files, no event attribute, no `javascript:`
//! address.

use crate::common::{TestApp, admin, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

/// What people have been seen to write to run a script in someone else's page.
const PAYLOADS: [&str; 4] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "'><svg onload=alert(3)>",
    "javascript:alert(4)",
];

/// All the payloads in one text, so that every field carries each of them.
fn payload() -> String {
    PAYLOADS.join(" ")
}

/// One tag's name and attributes, as a browser reads them (quoted or bare values).
fn attributes(tag: &str) -> (String, Vec<(String, String)>) {
    let name: String = tag
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '/' && *c != '>')
        .collect();
    let mut attrs = Vec::new();
    let mut rest = &tag[name.len()..];
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        let key: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '/')
            .collect();
        rest = rest[key.len()..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let end = inner.find(quote).unwrap_or(inner.len());
                    value = inner[..end].to_owned();
                    rest = inner.get(end + 1..).unwrap_or("");
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    value = after[..end].to_owned();
                    rest = &after[end..];
                }
            }
        }
        if key.is_empty() {
            // Not an attribute a browser would read: skip one character.
            rest = rest.get(1..).unwrap_or("");
        } else {
            attrs.push((key.to_ascii_lowercase(), value));
        }
    }
    (name.to_ascii_lowercase(), attrs)
}

/// What in `html` would run: a script that is not one of the platform's files, an event
/// attribute, an address with the `javascript:` scheme (entities decoded, as a browser does).
fn live_code(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        // The tag ends at the first `>` outside quotes.
        let mut quote = None;
        let end = rest
            .char_indices()
            .find(|&(_, c)| match quote {
                Some(q) if c == q => {
                    quote = None;
                    false
                }
                Some(_) => false,
                None if c == '"' || c == '\'' => {
                    quote = Some(c);
                    false
                }
                None => c == '>',
            })
            .map_or(rest.len(), |(i, _)| i);
        let tag = &rest[..end];
        rest = &rest[end..];
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let (name, attrs) = attributes(tag);
        if name == "script"
            && !attrs
                .iter()
                .any(|(k, v)| k == "src" && v.starts_with("/static/"))
        {
            found.push(format!("a script of its own: <{tag}>"));
        }
        for (key, value) in &attrs {
            let address = value
                .replace("&#x3a;", ":")
                .replace("&colon;", ":")
                .replace("&#58;", ":")
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if key.starts_with("on") {
                found.push(format!("an event attribute: <{tag}>"));
            } else if matches!(key.as_str(), "href" | "src" | "action" | "formaction")
                && address.starts_with("javascript:")
            {
                found.push(format!("a javascript: address: <{tag}>"));
            }
        }
    }
    found
}

#[test]
fn the_reader_finds_what_would_run() {
    let page = r#"<html><head><script src="/static/htmx.min.js" defer></script></head><body>
        <p title="a > b">&lt;script&gt;alert(1)&lt;/script&gt;</p><!-- <script>x</script> -->
        <a href="/en/cities">ok</a></body></html>"#;
    assert!(live_code(page).is_empty(), "{:?}", live_code(page));
    for bad in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<SVG ONLOAD='alert(3)'>",
        r#"<a href=" JavaScript&#x3a;alert(4)">x</a>"#,
        r#"<form action="javascript:alert(5)"></form>"#,
    ] {
        assert_eq!(live_code(bad).len(), 1, "{bad}");
    }
}

/// Every page of `paths` answers, shows the payload as text, and holds nothing that would run.
async fn nothing_runs_in(app: &mut TestApp, paths: &[String]) {
    for path in paths {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        assert!(
            page.body.contains("alert(1)"),
            "{path} shows what was written (as text)"
        );
        let live = live_code(&page.body);
        assert!(live.is_empty(), "{path}: {live:#?}");
    }
}

#[tokio::test]
async fn script_written_into_a_city_a_practice_and_a_lab_never_runs_in_their_pages() {
    let mut app = TestApp::with_demo().await;
    let admin_token = app.user("admin@example.org", &[admin()]).await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let evil = payload();
    let city = app
        .api(
            Method::POST,
            "/api/v1/cities",
            Some(
                json!({"source_lang": "en", "name_en": format!("Evilton {evil}"), "country": "FR",
                        "region": "europe", "description_en": evil}),
            ),
            Some(&admin_token),
        )
        .await;
    assert_eq!(city.status, StatusCode::CREATED, "{}", city.body);
    let slug = city.json()["slug"].as_str().expect("a slug").to_owned();
    let practice = json!({
        "external_id": "evil-1", "cities": [{"name": "Lyon", "country": "FR"}],
        "status": "completed", "start_date": "2018-01-15",
        "text": {"en": {"title": format!("Evil {evil}"), "summary": evil,
                        "context": format!("{evil}\n\n[click](javascript:alert(7))")}},
    });
    let request = axum::http::Request::post("/api/v1/practices/import?stage=published")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/x-ndjson")
        .body(axum::body::Body::from(practice.to_string()))
        .expect("request");
    let imported = app.send_unsigned(request).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let found = app
        .api(Method::GET, "/api/v1/practices/search?q=evil", None, None)
        .await
        .json();
    let practice = found["hits"][0]["slug"]
        .as_str()
        .unwrap_or_else(|| panic!("the practice is found: {found}"))
        .to_owned();
    let assessment = app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({"city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
                        "title": format!("Lab {evil}"), "starts_on": "2026-03-10", "ends_on": "2026-03-11",
                        "visibility": "public", "languages": ["en"]})),
            Some(&token),
        )
        .await;
    assert_eq!(
        assessment.status,
        StatusCode::CREATED,
        "{}",
        assessment.body
    );
    let assessment = assessment.json()["id"].as_i64().expect("an assessment");
    let ideas = app
        .api(
            Method::PUT,
            &format!("/api/v1/assessments/{assessment}/key-ideas"),
            Some(json!({"text": format!("{evil}\n- {evil}")})),
            Some(&token),
        )
        .await;
    assert_eq!(ideas.status, StatusCode::NO_CONTENT, "{}", ideas.body);
    let closed = app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{assessment}/close"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    nothing_runs_in(
        &mut app,
        &[
            format!("/en/cities/{slug}"),
            "/fr/cities?q=evilton".to_owned(),
            format!("/en/practices/{practice}"),
            "/es/practices?q=evil".to_owned(),
            format!("/en/assessments/{assessment}"),
            format!("/fr/assessments/{assessment}/report"),
            "/en/cities/buenos-aires".to_owned(),
        ],
    )
    .await;
}

#[tokio::test]
async fn script_written_into_the_programme_s_fields_never_runs_in_its_pages() {
    let mut app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let evil = payload();
    let call = |method: Method, path: String, body: Value| {
        let app = &app;
        let token = token.clone();
        async move {
            let reply = app.api(method, &path, Some(body), Some(&token)).await;
            assert!(reply.status.is_success(), "{path}: {}", reply.body);
            reply.json()
        }
    };
    let programme = call(
        Method::POST,
        "/api/v1/programmes".into(),
        json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
    )
    .await["id"]
        .as_i64()
        .expect("a programme");
    let base = format!("/api/v1/programmes/{programme}");
    call(
        Method::POST,
        format!("{base}/consultations"),
        json!({"held_on": "2026-01-20", "city_people": evil, "secretariat_people": evil,
               "notes": evil, "decisions": evil, "follow_ups": evil}),
    )
    .await;
    call(
        Method::POST,
        format!("{base}/inquiries"),
        json!({"subject": evil, "message": evil}),
    )
    .await;
    let event = call(
        Method::POST,
        "/api/v1/events".into(),
        json!({"title_en": evil, "kind": "world_council", "starts_on": "2026-09-01",
               "place": evil, "description": evil}),
    )
    .await["id"]
        .as_i64()
        .expect("an event");
    let mut activities = Vec::new();
    for (key, days) in [
        ("peer-learning-seminar", ("2026-05-04", "2026-05-07")),
        ("local-challenge", ("2026-06-01", "2026-06-02")),
        ("public-event", ("2026-09-01", "2026-09-01")),
    ] {
        let activity = call(
            Method::POST,
            format!("{base}/activities"),
            json!({"catalogue_key": key, "starts_on": days.0, "ends_on": days.1,
                   "place": evil, "city_leads": evil, "secretariat_leads": evil, "focus": evil,
                   "visiting_peers": evil, "question": evil, "theme": evil, "people": evil,
                   "event": event, "expertise_requested": evil, "representatives": evil}),
        )
        .await["id"]
            .as_i64()
            .expect("an activity");
        activities.push(activity);
    }
    call(
        Method::POST,
        format!("{base}/activities"),
        json!({"title": evil, "starts_on": "2026-07-01", "ends_on": "2026-07-02"}),
    )
    .await;
    call(
        Method::POST,
        format!("{base}/budget"),
        json!({"budget_revision": 1, "year": "2026", "category": "travel",
               "description": evil, "funder": evil, "currency": "EUR", "planned": "100"}),
    )
    .await;
    call(
        Method::POST,
        "/api/v1/experts".into(),
        json!({"name": evil, "organisation": evil, "languages": ["en"], "themes": [evil],
               "biography": evil}),
    )
    .await;
    let article = json!({"activity": activities[0].to_string(), "kind": "public_article",
                         "title": evil, "summary": evil, "visibility": "public"});
    let mut with_script_link = article.clone();
    with_script_link["link"] = json!("javascript:alert(5)");
    let refused = app
        .api(
            Method::POST,
            &format!("{base}/outputs"),
            Some(with_script_link),
            Some(&token),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a javascript: link is refused, not stored: {}",
        refused.body
    );
    let output = call(Method::POST, format!("{base}/outputs"), article).await["id"]
        .as_i64()
        .expect("an output");
    call(
        Method::POST,
        format!("/api/v1/outputs/{output}/versions"),
        json!({"lang": "fr", "status": "wanted", "translator": evil, "title": evil}),
    )
    .await;
    call(
        Method::POST,
        format!("/api/v1/outputs/{output}/disseminations"),
        json!({"channel": "website", "on": "2026-06-01", "note": evil}),
    )
    .await;

    app.sign_in("secretariat@example.org").await;
    let mut pages = vec![
        format!("/en/programmes/{programme}"),
        format!("/fr/programmes/{programme}/budget"),
        format!("/es/programmes/{programme}/inquiries"),
        "/en/programmes/dashboard".to_owned(),
        "/en/outputs/translations".to_owned(),
        format!("/en/outputs/{output}"),
        "/en/outputs/feed.atom".to_owned(),
        "/en/experts".to_owned(),
        "/en/events".to_owned(),
        format!("/en/events/{event}"),
        "/en/cities/buenos-aires".to_owned(),
    ];
    pages.extend(
        activities
            .iter()
            .map(|a| format!("/en/programmes/{programme}/activities/{a}")),
    );
    nothing_runs_in(&mut app, &pages).await;
}
