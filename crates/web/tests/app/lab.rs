//! The Culture 21 Lab end to end, through the API and the pages: frameworks as files, a
//! workshop with invitation links, bad input refused with nothing written, results, radar,
//! report, and who may see a confidential assessment, role by role.

use crate::common::{Reply, TestApp, editor, expert, secretariat};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const SYNTHETIC: &str = include_str!("../fixtures/synthetic-plus.toml");

/// A workshop on Culture 21 Actions for Buenos Aires, created by the UCLG secretariat.
struct Workshop {
    app: TestApp,
    secretariat: String,
    id: i64,
}

async fn workshop(visibility: &str) -> Workshop {
    let app = TestApp::with_demo().await;
    let secretariat = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let created = app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({
                "city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
                "title": "Radar 1", "starts_on": "2026-03-10", "ends_on": "2026-03-11",
                "visibility": visibility, "languages": ["es", "en"],
            })),
            Some(&secretariat),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("id");
    Workshop {
        app,
        secretariat,
        id,
    }
}

impl Workshop {
    async fn invite(&self, count: u32) -> Vec<String> {
        let made = self
            .app
            .api(
                Method::POST,
                &format!("/api/v1/assessments/{}/invitations", self.id),
                Some(json!({"count": count})),
                Some(&self.secretariat),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let invitations = made.json()["invitations"].as_array().expect("list").clone();
        assert_eq!(invitations.len(), count as usize);
        invitations
            .iter()
            .map(|i| {
                assert!(
                    i["url"]
                        .as_str()
                        .expect("url")
                        .ends_with(i["token"].as_str().expect("token"))
                );
                i["token"].as_str().expect("token").to_owned()
            })
            .collect()
    }

    async fn answer(&self, token: &str, body: Value) -> Reply {
        self.app
            .api(
                Method::PUT,
                &format!("/api/v1/participation/{token}"),
                Some(body),
                None,
            )
            .await
    }

    async fn results(&self, token: Option<&str>) -> Reply {
        self.app
            .api(
                Method::GET,
                &format!("/api/v1/assessments/{}/results", self.id),
                None,
                token,
            )
            .await
    }
}

fn scores(value: u8) -> Value {
    let keys = [
        "cultural-rights",
        "heritage-diversity-creativity",
        "culture-education",
        "culture-environment",
        "culture-economy",
        "culture-equity-inclusion",
        "culture-urban-planning",
        "culture-information-knowledge",
        "governance-of-culture",
    ];
    keys.iter()
        .map(|k| ((*k).to_owned(), json!(value)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

#[tokio::test]
async fn a_workshop_runs_from_invitations_to_results_radar_and_report() {
    let w = workshop("confidential").await;
    let tokens = w.invite(3).await;
    let mut first = scores(3);
    first["culture-environment"] = json!("na");
    for (token, answers, sector) in [
        (&tokens[0], first, "civil_society"),
        (&tokens[1], scores(7), "academia"),
    ] {
        let saved = w.answer(token, json!({"sector": sector, "answers": answers, "comments": {"cultural-rights": "Libraries matter"}})).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    }
    // A draft is kept but not counted until submitted.
    let draft = w
        .answer(
            &tokens[2],
            json!({"sector": "other", "answers": scores(9), "submit": false}),
        )
        .await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);

    let results = w.results(Some(&w.secretariat)).await;
    assert_eq!(results.status, StatusCode::OK, "{}", results.body);
    let body = results.json();
    assert_eq!(body["responses"], 2);
    assert_eq!(body["drafts"], 1);
    let fields = body["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 9);
    let field = |key: &str| {
        fields
            .iter()
            .find(|f| f["key"] == key)
            .expect("field")
            .clone()
    };
    assert_eq!(field("cultural-rights")["mean"], 5.0);
    // N/A is left out of the mean: only the 7 counts.
    assert_eq!(field("culture-environment")["mean"], 7.0);
    let sectors = body["sectors"].as_array().expect("sectors");
    assert_eq!(
        sectors
            .iter()
            .map(|s| s["responses"].as_u64().unwrap_or(0))
            .sum::<u64>(),
        2
    );

    // Consensus, then close: the report is filed and the workshop takes no more answers.
    let agreed = w
        .app
        .api(
            Method::PUT,
            &format!("/api/v1/assessments/{}/consensus", w.id),
            Some(json!({"cultural-rights": {"score": 6, "justification": "Agreed in the room"}})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(agreed.status, StatusCode::OK, "{}", agreed.body);
    let closed = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{}/close", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    let late = w
        .answer(&tokens[2], json!({"sector": "other", "answers": scores(9)}))
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(late.json()["error"], "assessment_closed");
    let again = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{}/close", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let after = w.results(Some(&w.secretariat)).await.json();
    assert_eq!(after["responses"], 2);
    let rights = after["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["key"] == "cultural-rights")
        .expect("field")
        .clone();
    assert_eq!(rights["consensus"], 6.0);

    let mut app = w.app.fresh_browser();
    let token = w.secretariat.clone();
    let radar = app
        .send(
            axum::http::Request::get(format!("/es/assessments/{}/radar.svg", w.id))
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(radar.status, StatusCode::OK);
    assert!(
        radar.body.starts_with("<svg"),
        "{}",
        &radar.body[..80.min(radar.body.len())]
    );
    assert!(
        radar.body.contains("Gobernanza"),
        "labels in the reader's language"
    );
    assert!(radar.body.contains("<title"));
    let pdf = app
        .send(
            axum::http::Request::get(format!("/fr/assessments/{}/report.pdf", w.id))
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));
    let csv = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/assessments/{}/responses.csv", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 3, "{}", csv.body);
    assert!(csv.body.contains(",na,"), "{}", csv.body);
}

#[tokio::test]
async fn bad_participations_are_refused_and_write_nothing() {
    let w = workshop("confidential").await;
    let tokens = w.invite(1).await;
    let token = &tokens[0];
    let cases = [
        (
            json!({"sector": "academia", "answers": {"cultural-rights": 10}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "answers.cultural-rights",
            "score_out_of_range",
        ),
        (
            json!({"sector": "academia", "answers": {"cultural-rights": 0}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "answers.cultural-rights",
            "score_out_of_range",
        ),
        (
            json!({"sector": "academia", "answers": {"not-an-item": 5}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "answers.not-an-item",
            "unknown_item",
        ),
        (
            json!({"sector": "astronauts", "answers": {"cultural-rights": 5}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "sector",
            "unknown_sector",
        ),
    ];
    for (body, status, field, key) in cases {
        let reply = w.answer(token, body).await;
        assert_eq!(reply.status, status, "{}", reply.body);
        assert_eq!(
            reply.json()["fields"][field]["error"],
            key,
            "{}",
            reply.body
        );
        assert!(
            !reply.json()["message"]
                .as_str()
                .unwrap_or_default()
                .is_empty()
        );
    }
    let nonsense = w
        .answer(
            token,
            json!({"sector": "academia", "answers": {"cultural-rights": "lots"}}),
        )
        .await;
    assert_eq!(
        nonsense.status,
        StatusCode::BAD_REQUEST,
        "{}",
        nonsense.body
    );
    let unknown = w
        .answer("no-such-token", json!({"sector": "academia"}))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    // Nothing was written by the refused calls.
    assert_eq!(w.results(Some(&w.secretariat)).await.json()["drafts"], 0);
    let ok = w
        .answer(
            token,
            json!({"sector": "academia", "answers": {"cultural-rights": 4}}),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let used = w
        .answer(
            token,
            json!({"sector": "academia", "answers": {"cultural-rights": 9}}),
        )
        .await;
    assert_eq!(used.status, StatusCode::CONFLICT);
    assert_eq!(used.json()["error"], "invitation_used");
    let results = w.results(Some(&w.secretariat)).await.json();
    assert_eq!(results["fields"][0]["mean"], 4.0);
}

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
            StatusCode::UNAUTHORIZED,
            "anonymous on {path}"
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
    assert_eq!(network.results(None).await.status, StatusCode::UNAUTHORIZED);
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
async fn frameworks_import_export_freeze_and_compare() {
    let w = workshop("confidential").await;
    let app = &w.app;
    let post = |body: String, token: Option<String>| {
        let request = axum::http::Request::post("/api/v1/frameworks")
            .header("content-type", "application/toml");
        let request = match token {
            Some(t) => request.header("authorization", format!("Bearer {t}")),
            None => request,
        };
        request.body(axum::body::Body::from(body)).expect("request")
    };
    let mut client = app.fresh_browser();
    let anonymous = client.send(post(SYNTHETIC.to_owned(), None)).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let created = client
        .send(post(SYNTHETIC.to_owned(), Some(w.secretariat.clone())))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let again = client
        .send(post(SYNTHETIC.to_owned(), Some(w.secretariat.clone())))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["outcome"]["outcome"], "unchanged");
    // A bad file: every problem with its line, nothing stored.
    let bad = SYNTHETIC.replacen("sdgs = [", "sdgs = [18, ", 1).replacen(
        "version = \"1\"",
        "version = \"bad\"",
        1,
    );
    let refused = client.send(post(bad, Some(w.secretariat.clone()))).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let lines = refused.json()["lines"].as_array().expect("lines").clone();
    assert_eq!(lines[0]["error"], "unknown_sdg");
    assert!(lines[0]["line"].as_u64().expect("line") > 10);
    let list = app
        .api(Method::GET, "/api/v1/frameworks", None, None)
        .await
        .json();
    assert_eq!(list["items"].as_array().expect("items").len(), 2);
    // Export reads back to the same framework.
    let exported = app
        .api(
            Method::GET,
            "/api/v1/frameworks/synthetic-plus@1/export",
            None,
            None,
        )
        .await;
    assert_eq!(exported.status, StatusCode::OK);
    let same = client
        .send(post(exported.body.clone(), Some(w.secretariat.clone())))
        .await;
    assert_eq!(
        same.json()["outcome"]["outcome"],
        "unchanged",
        "{}",
        same.body
    );
    // The bundled version is used by the workshop: frozen. A revision is a new version.
    let bundled = app
        .api(
            Method::GET,
            "/api/v1/frameworks/culture21-actions@2015/export",
            None,
            None,
        )
        .await
        .body;
    let reworded = bundled.replace("1. Cultural rights", "1. Cultural rights for all");
    let frozen = client
        .send(post(reworded.clone(), Some(w.secretariat.clone())))
        .await;
    assert_eq!(frozen.status, StatusCode::CONFLICT, "{}", frozen.body);
    assert_eq!(frozen.json()["error"], "version_frozen");
    let revised = client
        .send(post(
            reworded.replace("version = \"2015\"", "version = \"2015.1\""),
            Some(w.secretariat.clone()),
        ))
        .await;
    assert_eq!(revised.status, StatusCode::CREATED, "{}", revised.body);
    let diff = app
        .api(
            Method::GET,
            "/api/v1/frameworks/culture21-actions@2015/diff/culture21-actions@2015.1",
            None,
            None,
        )
        .await;
    assert_eq!(diff.status, StatusCode::OK, "{}", diff.body);
    let reworded = diff.json()["diff"]["reworded"]
        .as_array()
        .expect("reworded")
        .clone();
    assert_eq!(reworded.len(), 1);
    assert_eq!(reworded[0]["key"], "cultural-rights");
    // A benchmark set draws a third series on the radar.
    let set = app
        .api(Method::PUT, "/api/v1/frameworks/culture21-actions@2015/benchmarks/global-panel", Some(json!({"name": {"en": "Global Panel", "fr": "Panel mondial", "es": "Panel global"}, "values": {"cultural-rights": 5.5, "culture-environment": 3.1}})), Some(&w.secretariat))
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    let out_of_scale = app
        .api(Method::PUT, "/api/v1/frameworks/culture21-actions@2015/benchmarks/x", Some(json!({"name": {"en": "X", "fr": "X", "es": "X"}, "values": {"cultural-rights": 12}})), Some(&w.secretariat))
        .await;
    assert_eq!(out_of_scale.status, StatusCode::UNPROCESSABLE_ENTITY);
    let radar = app
        .api(
            Method::GET,
            &format!("/en/assessments/{}/radar.svg", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert!(radar.body.contains("Global Panel"), "{}", radar.body);
}

#[tokio::test]
async fn a_participant_uses_the_form_without_javascript_in_each_language() {
    let w = workshop("confidential").await;
    let tokens = w.invite(1).await;
    let mut browser = w.app.fresh_browser();
    for lang in ["en", "fr", "es"] {
        let page = browser
            .get(&format!("/{lang}/participate/{}", tokens[0]))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("lang=\"{lang}\"")));
        assert!(page.body.contains("name=\"score.governance-of-culture\""));
    }
    let path = format!("/fr/participate/{}", tokens[0]);
    let bad = browser
        .post_form(
            &path,
            &[
                ("sector", "academia"),
                ("score.cultural-rights", "12"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("La note doit être comprise entre"),
        "{}",
        bad.body
    );
    let saved = browser
        .post_form(
            &path,
            &[
                ("sector", "academia"),
                ("score.cultural-rights", "8"),
                ("comment.cultural-rights", "Bien"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let back = browser.get(&path).await;
    assert!(
        back.body.contains("value=\"8\" checked"),
        "the saved score is shown again"
    );
    let submitted = browser
        .post_form(
            &path,
            &[
                ("sector", "academia"),
                ("score.cultural-rights", "8"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK);
    assert_eq!(w.results(Some(&w.secretariat)).await.json()["responses"], 1);
}

#[tokio::test]
async fn the_facilitator_pages_answer_in_three_languages() {
    let w = workshop("confidential").await;
    let tokens = w.invite(2).await;
    w.answer(
        &tokens[0],
        json!({"sector": "academia", "answers": scores(4)}),
    )
    .await;
    let mut browser = w.app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    for lang in ["en", "fr", "es"] {
        for page in ["", "/dashboard", "/consensus", "/invitations", "/report"] {
            let reply = browser
                .get(&format!("/{lang}/assessments/{}{page}", w.id))
                .await;
            assert_eq!(
                reply.status,
                StatusCode::OK,
                "/{lang}{page}: {}",
                reply.body
            );
        }
        let list = browser.get(&format!("/{lang}/assessments")).await;
        assert!(list.body.contains("Radar 1"));
    }
    let printed = browser
        .post_form(
            &format!("/en/assessments/{}/invitations", w.id),
            &[("count", "2")],
        )
        .await;
    assert_eq!(printed.status, StatusCode::OK);
    assert_eq!(
        printed.body.matches("<svg").count(),
        2,
        "one QR code per link"
    );
}

#[tokio::test]
async fn the_dashboard_stream_announces_a_new_submission() {
    use http_body_util::BodyExt;
    let w = workshop("confidential").await;
    let tokens = w.invite(1).await;
    let (status, mut body) = w
        .app
        .stream(&format!("/en/assessments/{}/events", w.id), &w.secretariat)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (refused, _) = w
        .app
        .stream(&format!("/en/assessments/{}/events", w.id), "not-a-token")
        .await;
    assert_eq!(refused, StatusCode::UNAUTHORIZED);
    let saved = w
        .answer(
            &tokens[0],
            json!({"sector": "academia", "answers": scores(5)}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let frame = tokio::time::timeout(std::time::Duration::from_secs(2), async {
        loop {
            let frame = body.frame().await.expect("a frame").expect("readable");
            if let Some(data) = frame.data_ref() {
                let text = String::from_utf8_lossy(data).into_owned();
                if text.contains("event: update") {
                    return text;
                }
            }
        }
    })
    .await
    .expect("an update within a second or so");
    assert!(frame.contains("data: "), "{frame}");
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
