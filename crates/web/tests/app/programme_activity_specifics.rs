//! What each catalogue activity records of its own and the records it produces: a seminar's
//! host (a Leading City) and visiting peers, with a note when it is not 3–4 days; a local
//! challenge's question and scope, refused field by field in the reader's language without
//! them; a public event's event of the calendar; the city's assessments and practices linked
//! to the activities that produce them, once each, of the programme's city only, shown only to
//! whoever may see them on their own.

use crate::common::{TestApp, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

/// Buenos Aires's and Jeju's programmes, and the secretariat's token.
struct World {
    app: TestApp,
    token: String,
    programme: i64,
    jeju: i64,
}

impl World {
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let reply = self.app.api(method, path, body, Some(&self.token)).await;
        assert!(reply.status.is_success(), "{path}: {}", reply.body);
        if reply.status == StatusCode::NO_CONTENT {
            Value::Null
        } else {
            reply.json()
        }
    }

    /// Adds an activity to Buenos Aires's programme: its reply, whatever it is.
    async fn add(&self, body: Value) -> crate::common::Reply {
        self.app
            .api(
                Method::POST,
                &format!("/api/v1/programmes/{}/activities", self.programme),
                Some(body),
                Some(&self.token),
            )
            .await
    }

    fn activity(&self, id: i64) -> String {
        format!("/api/v1/programmes/{}/activities/{id}", self.programme)
    }
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let mut w = World {
        app,
        token,
        programme: 0,
        jeju: 0,
    };
    for city in ["buenos-aires", "jeju"] {
        let made = w
            .call(
                Method::POST,
                "/api/v1/programmes",
                Some(json!({"city": city, "starts_on": "2026-01-01", "ends_on": "2027-12-31"})),
            )
            .await;
        if city == "buenos-aires" {
            w.programme = made["id"].as_i64().expect("a programme");
        }
    }
    w.jeju = w.app.city_id("jeju").await.get();
    w
}

fn field_problem(reply: &crate::common::Reply, field: &str) -> String {
    reply.json()["fields"][field]["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no problem on {field}: {}", reply.body))
        .to_owned()
}

#[tokio::test]
async fn a_seminar_is_hosted_by_a_leading_city_and_says_when_it_is_not_three_or_four_days() {
    let w = world().await;
    let refused = w
        .add(json!({"catalogue_key": "peer-learning-seminar", "starts_on": "2026-05-04", "ends_on": "2026-05-05", "host_city": 999_999}))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_problem(&refused, "host_city"), "unknown_value");
    let made = w
        .add(json!({"catalogue_key": "peer-learning-seminar", "starts_on": "2026-05-04", "ends_on": "2026-05-05",
                    "host_city": w.jeju, "visiting_peers": "Ana Ruiz, Bilbao\nJon Smith, Lyon", "question": "not a seminar's"}))
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let made = made.json();
    assert_eq!(made["specifics"]["kind"], "seminar");
    assert_eq!(made["specifics"]["host_city_id"], w.jeju);
    assert!(made["specifics"].get("question").is_none());
    let id = made["id"].as_i64().expect("id");
    let view = w.call(Method::GET, &w.activity(id), None).await;
    assert_eq!(view["host_city"]["slug"], "jeju");
    assert_eq!(view["unusual_days"], 2);
    let mut browser = w.app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    let page = browser
        .get(&format!("/fr/programmes/{}/activities/{id}", w.programme))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Ville hôte"), "{}", page.body);
    assert!(page.body.contains(r#"href="/fr/cities/jeju""#));
    assert!(page.body.contains("<li>Jon Smith, Lyon</li>"));
    assert!(page.body.contains(
        "2 jours : un séminaire d’apprentissage entre pairs dure habituellement de 3 à 4 jours."
    ));
    // Four days is the usual length: nothing to say.
    let form = w.call(Method::GET, &w.activity(id), None).await;
    let changed = w
        .call(
            Method::PUT,
            &w.activity(id),
            Some(json!({"revision": form["revision"], "catalogue_key": "peer-learning-seminar",
                        "starts_on": "2026-05-04", "ends_on": "2026-05-07", "host_city": w.jeju.to_string()})),
        )
        .await;
    assert_eq!(changed["specifics"]["visiting_peers"], "");
    let view = w.call(Method::GET, &w.activity(id), None).await;
    assert!(view["unusual_days"].is_null());
}

#[tokio::test]
async fn a_local_challenge_asks_its_question_in_a_scope_field_by_field_in_the_reader_s_language() {
    let w = world().await;
    let refused = w
        .add(json!({"catalogue_key": "local-challenge", "starts_on": "2026-09-01", "ends_on": "2026-09-02"}))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_problem(&refused, "question"), "required");
    assert_eq!(field_problem(&refused, "theme"), "required");
    let mut browser = w.app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    let page = browser
        .post_form(
            &format!("/es/programmes/{}/activities", w.programme),
            &[
                ("catalogue_key", "local-challenge"),
                ("starts_on", "2026-09-01"),
                ("ends_on", "2026-09-02"),
                ("scope", "theme"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("La pregunta del reto"), "{}", page.body);
    assert!(
        page.body.contains(r##"href="#f-activity-question""##),
        "{}",
        page.body
    );
    assert!(page.body.contains("Este campo es obligatorio."));
    let made = w
        .add(json!({"catalogue_key": "local-challenge", "starts_on": "2026-09-01", "ends_on": "2026-09-02",
                    "question": "How can the libraries reach every district?", "scope": "participatory_policy_making",
                    "theme": "dropped", "people": "Two members of the Committee"}))
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let made = made.json();
    assert_eq!(made["specifics"]["scope"], "participatory_policy_making");
    assert_eq!(made["specifics"]["theme"], "");
    let page = browser
        .get(&format!(
            "/en/programmes/{}/activities/{}",
            w.programme, made["id"]
        ))
        .await;
    assert!(
        page.body
            .contains("How can the libraries reach every district?")
    );
    assert!(page.body.contains("Participatory policy-making"));
}

#[tokio::test]
async fn a_public_event_points_to_an_event_of_the_calendar() {
    let w = world().await;
    let event = w
        .call(
            Method::POST,
            "/api/v1/events",
            Some(json!({"title_en": "World Council", "kind": "world_council", "place": "Barcelona", "starts_on": "2026-11-10", "ends_on": "2026-11-12"})),
        )
        .await["id"]
        .as_i64()
        .expect("an event");
    let refused = w
        .add(json!({"catalogue_key": "public-event", "starts_on": "2026-11-10", "ends_on": "2026-11-10", "event": "999999"}))
        .await;
    assert_eq!(field_problem(&refused, "event"), "unknown_value");
    let made = w
        .add(json!({"catalogue_key": "public-event", "starts_on": "2026-11-10", "ends_on": "2026-11-10", "event": event,
                    "expertise_requested": "Advice on a cultural rights charter", "representatives": "The co-chair"}))
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let id = made.json()["id"].as_i64().expect("id");
    let view = w.call(Method::GET, &w.activity(id), None).await;
    assert_eq!(view["event"]["id"], event);
    assert_eq!(view["specifics"]["representatives"], "The co-chair");
    assert!(view["linkable"].as_array().expect("kinds").is_empty());
}

#[tokio::test]
async fn an_activity_links_the_city_s_records_once_each_and_shows_them_to_whoever_may_see_them() {
    let w = world().await;
    let lab = w
        .add(json!({"catalogue_key": "self-assessment", "starts_on": "2026-03-10", "ends_on": "2026-03-11"}))
        .await
        .json()["id"]
        .as_i64()
        .expect("an activity");
    let assessment = w
        .call(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({"city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
                        "title": "Our own radar", "starts_on": "2026-03-10", "ends_on": "2026-03-11",
                        "visibility": "confidential", "languages": ["es", "en"]})),
        )
        .await["id"]
        .as_i64()
        .expect("an assessment");
    let elsewhere = w
        .call(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({"city": "mexico-city", "framework": "culture21-actions@2015", "module": "commitments",
                        "title": "Another city's radar", "starts_on": "2026-03-10", "ends_on": "2026-03-11",
                        "languages": ["es"]})),
        )
        .await["id"]
        .as_i64()
        .expect("an assessment");
    let view = w.call(Method::GET, &w.activity(lab), None).await;
    assert_eq!(view["linkable"], json!(["assessment"]));
    let mut browser = w.app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    let page_path = format!("/en/programmes/{}/activities/{lab}", w.programme);
    let offered = browser.get(&page_path).await.body;
    assert!(
        offered.contains(&format!(r#"value="assessment:{assessment}""#)),
        "{offered}"
    );
    assert!(
        !offered.contains(&format!(r#"value="assessment:{elsewhere}""#)),
        "another city's record is not offered"
    );
    let links = format!("{}/links", w.activity(lab));
    let link = |body: Value| {
        let links = links.clone();
        let app = &w.app;
        let token = w.token.clone();
        async move {
            app.api(Method::POST, &links, Some(body), Some(&token))
                .await
        }
    };
    let practice = link(json!({"kind": "practice", "record": 1})).await;
    assert_eq!(field_problem(&practice, "kind"), "not_linkable");
    let other_city = link(json!({"kind": "assessment", "record": elsewhere})).await;
    assert_eq!(field_problem(&other_city, "record"), "not_of_the_city");
    let missing = link(json!({"kind": "assessment", "record": 999_999})).await;
    assert_eq!(
        field_problem(&missing, "record"),
        "not_of_the_city",
        "a record that does not exist answers as one of another city"
    );
    let made = link(json!({"kind": "assessment", "record": assessment.to_string()})).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let link_id = made.json()["link_id"].as_i64().expect("a link");
    let again = link(json!({"kind": "assessment", "record": assessment})).await;
    assert_eq!(field_problem(&again, "record"), "already_linked");
    let view = w.call(Method::GET, &w.activity(lab), None).await;
    assert_eq!(view["links"][0]["record"]["title"], "Our own radar");
    assert_eq!(view["links"][0]["record"]["has_report"], false);
    assert!(
        !browser
            .get(&page_path)
            .await
            .body
            .contains(&format!(r#"value="assessment:{assessment}""#)),
        "a linked record is not offered again"
    );
    // The city's editor sees the activity and its confidential assessment; the page links both
    // the assessment and (once closed) its report.
    let buenos_aires = w.app.city_id("buenos-aires").await;
    let city_editor = w
        .app
        .user("editor@example.org", &[editor(buenos_aires)])
        .await;
    let seen = w
        .app
        .api(Method::GET, &w.activity(lab), None, Some(&city_editor))
        .await
        .json();
    assert_eq!(seen["links"].as_array().map(Vec::len), Some(1));
    let forbidden = w
        .app
        .api(
            Method::POST,
            &links,
            Some(json!({"kind": "assessment", "record": assessment})),
            Some(&city_editor),
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let page = browser.get(&page_path).await;
    assert!(page.body.contains("Records it produced"));
    assert!(
        page.body
            .contains(&format!(r#"href="/en/assessments/{assessment}""#))
    );
    // Removed by the secretariat's form, the link goes and the record stays.
    let removed = browser
        .post_form(
            &format!(
                "/en/programmes/{}/activities/{lab}/links/{link_id}/remove",
                w.programme
            ),
            &[],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let view = w.call(Method::GET, &w.activity(lab), None).await;
    assert!(view["links"].as_array().expect("links").is_empty());
    w.call(
        Method::GET,
        &format!("/api/v1/assessments/{assessment}"),
        None,
    )
    .await;
    // Linked again through the page's form, by its `kind:id` choice.
    let linked = browser
        .post_form(
            &format!("/en/programmes/{}/activities/{lab}/links", w.programme),
            &[("record", &format!("assessment:{assessment}"))],
        )
        .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER, "{}", linked.body);
    let refused = browser
        .post_form(
            &format!("/fr/programmes/{}/activities/{lab}/links", w.programme),
            &[("record", &format!("assessment:{assessment}"))],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Cette fiche est déjà reliée à l’activité.")
    );
    assert!(
        refused.body.contains(r##"href="#f-link-record""##)
            && refused.body.contains(r#"id="f-link-record""#),
        "the problems' summary points to the field, kept on the page: {}",
        refused.body
    );
    // Made a good practice (7), the activity no longer links assessments: the link goes with
    // the change, the assessment stays.
    let view = w.call(Method::GET, &w.activity(lab), None).await;
    assert_eq!(view["links"].as_array().map(Vec::len), Some(1));
    w.call(
        Method::PUT,
        &w.activity(lab),
        Some(
            json!({"revision": view["revision"], "catalogue_key": "good-practice",
                    "starts_on": "2026-03-10", "ends_on": "2026-03-11"}),
        ),
    )
    .await;
    let view = w.call(Method::GET, &w.activity(lab), None).await;
    assert_eq!(view["linkable"], json!(["practice"]));
    assert!(
        view["links"].as_array().expect("links").is_empty(),
        "{view}"
    );
    w.call(
        Method::GET,
        &format!("/api/v1/assessments/{assessment}"),
        None,
    )
    .await;
}
