//! What the access table's world is made of, one request at a time: the fixtures made for it
//! (an output's file, the memorandum's document and an inquiry, an event with its request, the
//! example photo's address) and the bodies each JSON or form route can read.

use crate::common::TestApp;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

/// A PDF filed under the output by the administrator, made for one request (the routes that
/// remove one use it up): its JSON, with its `url`.
pub(super) async fn output_file(app: &TestApp, output: i64, admin: &str) -> Value {
    let (content_type, body) =
        crate::practices_media::multipart("notes.pdf", crate::practices_media::PDF, &[]);
    let request = Request::post(format!("/api/v1/outputs/{output}/files"))
        .header(header::CONTENT_TYPE, content_type)
        .header(header::AUTHORIZATION, format!("Bearer {admin}"))
        .body(Body::from(body))
        .expect("request");
    let made = app.send_unsigned(request).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let mut file = made.json();
    file["url"] = format!(
        "/output-files/{}/{}",
        file["id"],
        file["file_name"].as_str().expect("name")
    )
    .into();
    file
}

/// A confidential action plan of the programme's activity and an item of it, made by the
/// secretariat: their ids.
pub(super) async fn plan_fixtures(
    app: &TestApp,
    programme: i64,
    activity: i64,
    token: &str,
) -> (i64, i64) {
    let post = |path: String, body: Value| async move {
        let reply = app.api(Method::POST, &path, Some(body), Some(token)).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{path}: {}", reply.body);
        reply.json()["id"].as_i64().expect("an id")
    };
    let plan = post(
        format!("/api/v1/programmes/{programme}/outputs"),
        json!({"activity": activity.to_string(), "kind": "action_plan",
               "title": "Evening libraries plan", "visibility": "confidential"}),
    )
    .await;
    let item = post(
        format!("/api/v1/outputs/{plan}/items"),
        json!({"title_en": "Open four libraries until 10 pm", "sdg_targets": ["11.4"]}),
    )
    .await;
    (plan, item)
}

/// The indicator the access table asks for: city A keeps a confidential series of it.
pub(super) const INDICATOR: &str = "culture2030-indicators:cultural-participation";

/// A value of city A's confidential series of `INDICATOR` (made, or made again after a route
/// removed it, by the administrator): its id.
pub(super) async fn indicator_value(app: &TestApp, admin: &str) -> i64 {
    let path = format!("/api/v1/cities/buenos-aires/indicators/{INDICATOR}");
    let put = app
        .api(
            Method::POST,
            &format!("{path}/values"),
            Some(json!({"year": 2020, "value": 12.5})),
            Some(admin),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let series = app.api(Method::GET, &path, None, Some(admin)).await.json();
    assert_eq!(series["series"]["visibility"], "confidential");
    series["values"]
        .as_array()
        .and_then(|values| values.iter().find(|v| v["year"] == 2020))
        .and_then(|v| v["id"].as_i64())
        .expect("the value")
}

/// A route of a city's indicator with the indicator filled in, and a fresh value for a route
/// that removes one.
pub(super) async fn fill_indicator(
    app: &TestApp,
    template: &str,
    path: String,
    admin: &str,
) -> String {
    if !template.contains("{indicator}") {
        return path;
    }
    let value = match template.contains("/values/{id}") {
        true => indicator_value(app, admin).await,
        false => 0,
    };
    path.replace("{indicator}", INDICATOR)
        .replace("values/{id}", &format!("values/{value}"))
}

/// A signed document of the programme's memorandum (its address) and an inquiry of the
/// programme, both made by the secretariat.
pub(super) async fn mou_fixtures(app: &TestApp, programme: i64, token: &str) -> (String, i64) {
    let (content_type, body) = crate::practices_media::multipart(
        "mou.pdf",
        crate::practices_media::PDF,
        &[("lang", "en")],
    );
    let request = Request::post(format!("/api/v1/programmes/{programme}/mou/files"))
        .header(header::CONTENT_TYPE, content_type)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(body))
        .expect("request");
    let made = app.send_unsigned(request).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let file = made.json();
    let url = format!(
        "/mou-files/{}/{}",
        file["id"],
        file["file_name"].as_str().expect("name")
    );
    let asked = app
        .api(
            Method::POST,
            &format!("/api/v1/programmes/{programme}/inquiries"),
            Some(json!({"subject": "Dates", "message": "When is the seminar?"})),
            Some(token),
        )
        .await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.body);
    (url, asked.json()["id"].as_i64().expect("an inquiry"))
}

/// An event a month away, and its availability request to city A (answer within ten days).
pub(super) async fn event_of_city_a(app: &TestApp, secretariat: &str) -> (i64, i64) {
    let today = chrono::Utc::now().date_naive();
    let starts = today + chrono::Days::new(30);
    let made = app
        .api(
            Method::POST,
            "/api/v1/events",
            Some(json!({"title_en": "World Council", "kind": "world_council", "starts_on": starts.to_string()})),
            Some(secretariat),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let event = made.json()["id"].as_i64().expect("id");
    let asked = app
        .api(
            Method::POST,
            &format!("/api/v1/events/{event}/requests"),
            Some(json!({"cities": ["buenos-aires"], "deadline": (today + chrono::Days::new(10)).to_string()})),
            Some(secretariat),
        )
        .await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.body);
    let request = asked.json()["asked"][0]["id"].as_i64().expect("id");
    (event, request)
}

/// The address of the example photo (`/media/{id}/{file_name}`), read from its practice's page.
pub(super) async fn media_path(app: &TestApp) -> String {
    let practice =
        ateneu_db::practices::by_external_id(&app.state.db.conn, "example-lyon-libraries")
            .await
            .expect("query")
            .expect("the example practice");
    let page = app
        .api(
            Method::GET,
            &format!("/en/practices/{}", practice.slug),
            None,
            None,
        )
        .await;
    let at = page.body.find("/media/").expect("the photo is on the page");
    let rest = &page.body[at..];
    let end = rest.find(['"', '?', ' ']).unwrap_or(rest.len());
    rest[..end].to_owned()
}

/// A body each JSON route can read (so that what is asked is who may, not whether `{}` parses);
/// `{}` for the routes whose fields all have defaults.
pub(super) fn json_body(template: &str) -> Value {
    let ends = |suffix: &str| template.ends_with(suffix);
    if ends("/key-ideas") {
        json!({"text": "An idea"})
    } else if ends("/promotion") {
        json!({"featured": false})
    } else if ends("/comments") {
        json!({"kind": "comment", "body": "A remark"})
    } else if ends("/steps") {
        json!({"step": "submit", "comment": ""})
    } else if template.starts_with("/api/v1/keywords/") {
        json!({"en": "Access", "fr": "Accès", "es": "Acceso"})
    } else if ends("/benchmarks/{key}") {
        json!({"name": {"en": "B", "fr": "B", "es": "B"}, "values": {}})
    } else if ends("/compute") {
        json!({"network": "uclg-culture"})
    } else if ends("/{slug}/memberships") {
        json!({"network": "uclg-culture", "role": "", "started_on": "2020-01-01",
               "ended_on": "", "creative_field": "", "designation_year": ""})
    } else if template == "/api/v1/experts" {
        json!({"name": "Asked by the access table"})
    } else if template == "/api/v1/programmes" {
        json!({"city": "buenos-aires"})
    } else if template == "/api/v1/practices" {
        json!({"cities": ["buenos-aires"], "lang": "en", "title": "Asked by the access table"})
    } else if template == "/api/v1/assessments" {
        json!({"city": "buenos-aires", "framework": "culture21-actions@2015",
               "module": "commitments", "title": "Access", "starts_on": "2026-03-10",
               "ends_on": "2026-03-11", "visibility": "confidential", "languages": ["en"]})
    } else {
        json!({})
    }
}

/// A form each page route can read (its required fields present, their values not always
/// valid).
pub(super) fn form_body(template: &str) -> &'static str {
    if template.ends_with("/{slug}/memberships") {
        "network=uclg-culture&started_on=2020-01-01"
    } else {
        ""
    }
}

/// The id of the first item of `list` in `value`.
pub(super) fn first_id(value: &Value, list: &str) -> i64 {
    value[list]
        .as_array()
        .and_then(|items| items.first())
        .and_then(|item| item["id"].as_i64())
        .unwrap_or_else(|| panic!("no {list}[0].id in {value}"))
}

/// A newsletter issue's route with an issue of its own: a fresh draft for the secretariat's
/// routes (sending or deleting uses one up), a sent issue for the archive's.
pub(super) async fn fill_newsletter(
    app: &TestApp,
    template: &str,
    path: String,
    admin: &str,
) -> String {
    let sent = template.contains("/newsletter/archive/{id}");
    if !sent && !template.contains("/newsletter/issues/{id}") {
        return path;
    }
    let made = app
        .api(
            Method::POST,
            "/api/v1/newsletter/issues",
            Some(serde_json::json!({"title_en": "An issue"})),
            Some(admin),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let id = made.json()["id"].as_i64().expect("an issue");
    if sent {
        let acting = ateneu_app::Acting::operator("access table");
        ateneu_app::newsletter::issues::start(&app.state, &acting, id)
            .await
            .expect("starts");
        ateneu_app::newsletter::sending::run(&app.state, id)
            .await
            .expect("sends");
    }
    path.replace("{id}", &id.to_string())
}

/// The slug of the first published practice (what banners and posts are about).
async fn published_practice(app: &TestApp) -> String {
    let filter = ateneu_db::practices::PracticeFilter {
        stages: vec![ateneu_domain::practices::Stage::Published],
        ..Default::default()
    };
    let (published, _) = ateneu_db::practices::list(&app.state.db.conn, &filter, 0, 1)
        .await
        .expect("reads");
    published
        .first()
        .expect("a published practice")
        .slug
        .clone()
}

/// A banner's route with a fresh banner of the first published practice (removing one uses it
/// up).
pub(super) async fn fill_banner(
    app: &TestApp,
    template: &str,
    path: String,
    admin: &str,
) -> String {
    if !template.contains("/banners/{id}") {
        return path;
    }
    let slug = published_practice(app).await;
    let today = chrono::Utc::now().date_naive().to_string();
    let made = app
        .api(
            Method::POST,
            "/api/v1/banners",
            Some(serde_json::json!({"practice": slug, "text_en": "A banner", "starts_on": today, "ends_on": today})),
            Some(admin),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    path.replace("{id}", &made.json()["id"].to_string())
}

/// A showcase entry's route with a fresh entry of Buenos Aires's showcase (removing one uses it
/// up).
pub(super) async fn fill_showcase(
    app: &TestApp,
    template: &str,
    path: String,
    admin: &str,
) -> String {
    if !template.contains("/showcase/entries/{id}") {
        return path;
    }
    let made = app
        .api(
            Method::POST,
            "/api/v1/cities/buenos-aires/showcase/entries",
            Some(serde_json::json!({"kind": "video", "title": "A video", "url": "https://video.example.org/1"})),
            Some(admin),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    path.replace("{id}", &made.json()["id"].to_string())
}

/// A route of a newsletter issue, a banner or a showcase entry with a record of its own.
pub(super) async fn fill_records(
    app: &TestApp,
    template: &str,
    path: String,
    admin: &str,
) -> String {
    let path = fill_newsletter(app, template, path, admin).await;
    let path = fill_banner(app, template, path, admin).await;
    let path = fill_showcase(app, template, path, admin).await;
    // A practice's share kit is a published practice's.
    if template.contains("/practices/{") && template.ends_with("/sharing") {
        let slug = published_practice(app).await;
        return path.replace("{slug}", &slug).replace("{id}", &slug);
    }
    path
}
