//! The roster of experts and their engagements: the secretariat keeps the roster and engages
//! experts inside the programme's period for an exact fee, each change on its revision; role by
//! role, the roster and the engagements answer not found to whoever may not see them; an expert
//! engaged in an activity sees its confidential outputs, an unengaged one gets not found; the
//! pages in French and Spanish.

use crate::common::{TestApp, editor, expert, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

mod seen;

const FIELD: &str = "culture21-actions:cultural-rights";

/// Buenos Aires's programme (2026–2027) with a peer-learning seminar, a confidential output of
/// it, an expert of the roster linked to the account `ana@example.org`, and the secretariat's
/// token.
struct World {
    app: TestApp,
    programme: i64,
    activity: i64,
    output: i64,
    expert: i64,
    token: String,
    /// The token of Ana's account.
    ana: String,
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

    fn engagements(&self) -> String {
        format!(
            "/api/v1/programmes/{}/activities/{}/engagements",
            self.programme, self.activity
        )
    }
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let ana = app.user("ana@example.org", &[expert(None)]).await;
    let mut w = World {
        ana,
        app,
        programme: 0,
        activity: 0,
        output: 0,
        expert: 0,
        token,
    };
    w.programme = w
        .call(
            Method::POST,
            "/api/v1/programmes",
            Some(
                json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
            ),
        )
        .await["id"]
        .as_i64()
        .expect("a programme");
    w.activity = w
        .call(
            Method::POST,
            &format!("/api/v1/programmes/{}/activities", w.programme),
            Some(json!({"catalogue_key": "peer-learning-seminar", "starts_on": "2026-05-04", "ends_on": "2026-05-07"})),
        )
        .await["id"]
        .as_i64()
        .expect("an activity");
    let output = w
        .call(
            Method::POST,
            &format!("/api/v1/programmes/{}/outputs", w.programme),
            Some(json!({"activity": w.activity.to_string(), "kind": "internal_report", "title": "Notes kept between us"})),
        )
        .await;
    assert_eq!(output["visibility"], "confidential");
    w.output = output["id"].as_i64().expect("an output");
    let made = w
        .call(
            Method::POST,
            "/api/v1/experts",
            Some(json!({
                "name": "Ana Pérez", "organisation": "Universidad de Buenos Aires",
                "email": "ana.perez@example.org", "languages": "es, en, pt",
                "fields": [FIELD], "themes": ["libraries", "memory"],
                "biography": "Works on cultural rights.", "account": "ana@example.org"
            })),
        )
        .await;
    assert_eq!(made["languages"], json!(["es", "en", "pt"]));
    assert_eq!(made["fields"], json!([FIELD]));
    assert_eq!(made["revision"], 1);
    w.expert = made["id"].as_i64().expect("an expert");
    w
}

#[tokio::test]
async fn the_secretariat_keeps_the_roster_each_change_on_its_revision() {
    let w = world().await;
    let bad = w
        .app
        .api(
            Method::POST,
            "/api/v1/experts",
            Some(
                json!({"languages": ["english"], "fields": ["culture21-actions:nowhere"],
                        "email": "nope", "account": "nobody@example.org"}),
            ),
            Some(&w.token),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &bad.json()["fields"];
    for (field, key) in [
        ("name", "required"),
        ("languages", "invalid_language_code"),
        ("fields", "unknown_field"),
        ("email", "invalid_email"),
        ("account", "unknown_account"),
    ] {
        assert_eq!(fields[field]["error"], key, "{field}: {fields}");
    }
    let taken = w
        .app
        .api(
            Method::POST,
            "/api/v1/experts",
            Some(json!({"name": "Someone else", "account": "ana@example.org"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        taken.json()["fields"]["account"]["error"],
        "account_linked_elsewhere"
    );
    let roster = w.call(Method::GET, "/api/v1/experts", None).await;
    assert_eq!(roster.as_array().map(Vec::len), Some(1));
    let path = format!("/api/v1/experts/{}", w.expert);
    let shown = w.call(Method::GET, &path, None).await;
    assert_eq!(shown["account"], "ana@example.org");
    let changed = w
        .call(
            Method::PUT,
            &path,
            Some(json!({"revision": 1, "name": "Ana Pérez", "languages": ["es"], "account": "ana@example.org"})),
        )
        .await;
    assert_eq!(changed["revision"], 2);
    assert_eq!(changed["languages"], json!(["es"]));
    let stale = w
        .app
        .api(
            Method::PUT,
            &path,
            Some(json!({"revision": 1, "name": "Ana P."})),
            Some(&w.token),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.json()["error"], "changed_meanwhile");
}

#[tokio::test]
async fn an_expert_is_engaged_inside_the_period_for_an_exact_fee_changed_on_its_revision_and_removed()
 {
    let w = world().await;
    let engagements = w.engagements();
    let outside = w
        .app
        .api(
            Method::POST,
            &engagements,
            Some(json!({"expert": w.expert.to_string(), "starts_on": "2025-12-20", "ends_on": "2025-12-19",
                        "fee": "ten", "currency": "EUR"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &outside.json()["fields"];
    assert_eq!(fields["starts_on"]["error"], "outside_programme");
    assert_eq!(fields["ends_on"]["error"], "ends_before_start");
    assert_eq!(fields["fee"]["error"], "invalid_amount");
    let unknown = w
        .app
        .api(
            Method::POST,
            &engagements,
            Some(json!({"expert": "999999", "starts_on": "2026-05-01", "ends_on": "2026-05-07"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(
        unknown.json()["fields"]["expert"]["error"],
        "unknown_expert"
    );
    let made = w
        .call(
            Method::POST,
            &engagements,
            Some(json!({"expert": w.expert.to_string(), "role": "lead_expert", "starts_on": "2026-05-01",
                        "ends_on": "2026-05-07", "fee": "1 500,50", "currency": "eur", "note": "Leads the seminar"})),
        )
        .await;
    assert_eq!(made["fee"], json!({"currency": "EUR", "minor": 150_050}));
    assert_eq!(made["role"], "lead_expert");
    let id = made["id"].as_i64().expect("id");
    let listed = w.call(Method::GET, &engagements, None).await;
    assert_eq!(listed[0]["expert"]["name"], "Ana Pérez");
    assert_eq!(listed[0]["fee"]["minor"], 150_050);
    let one = format!("{engagements}/{id}");
    let changed = w
        .call(
            Method::PUT,
            &one,
            Some(
                json!({"revision": 1, "expert": w.expert.to_string(), "role": "speaker",
                        "starts_on": "2026-05-05", "ends_on": "2026-05-05"}),
            ),
        )
        .await;
    assert_eq!(changed["revision"], 2);
    assert_eq!(changed["fee"], Value::Null, "no fee given, none kept");
    let stale = w
        .app
        .api(
            Method::PUT,
            &one,
            Some(json!({"revision": 1, "expert": w.expert.to_string(), "starts_on": "2026-05-05", "ends_on": "2026-05-05"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.json()["error"], "changed_meanwhile");
    let page = w
        .call(Method::GET, &format!("/api/v1/experts/{}", w.expert), None)
        .await;
    assert_eq!(page["engagements"][0]["role"], "speaker");
    assert_eq!(page["engagements"][0]["city"]["slug"], "buenos-aires");
    let removed = w.app.api(Method::DELETE, &one, None, Some(&w.token)).await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    let listed = w.call(Method::GET, &engagements, None).await;
    assert_eq!(listed, json!([]));
    let again = w.app.api(Method::DELETE, &one, None, Some(&w.token)).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_roster_and_the_engagements_answer_not_found_role_by_role() {
    let w = world().await;
    w.call(
        Method::POST,
        &w.engagements(),
        Some(json!({"expert": w.expert.to_string(), "starts_on": "2026-05-01", "ends_on": "2026-05-07",
                    "fee": "800", "currency": "USD"})),
    )
    .await;
    let other = w
        .call(
            Method::POST,
            "/api/v1/experts",
            Some(json!({"name": "Bruno"})),
        )
        .await["id"]
        .as_i64()
        .expect("another expert");
    let buenos_aires = w.app.city_id("buenos-aires").await;
    let lyon = w.app.city_id("lyon").await;
    let own = w.app.user("ba@example.org", &[editor(buenos_aires)]).await;
    let far = w.app.user("lyon@example.org", &[editor(lyon)]).await;
    let uccn = w.app.user("uccn@example.org", &[secretariat("uccn")]).await;
    let loose = w
        .app
        .user("loose@example.org", &[expert(Some("uclg-culture"))])
        .await;
    let roster = "/api/v1/experts";
    let ana_page = format!("/api/v1/experts/{}", w.expert);
    let other_page = format!("/api/v1/experts/{other}");
    let engagements = w.engagements();
    // (who, roster, Ana's page, another expert's page, the activity's engagements)
    let people: [(&str, Option<&str>, [StatusCode; 4]); 6] = [
        (
            "anonymous",
            None,
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            "the city's editor",
            Some(&own),
            [
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
                StatusCode::OK,
            ],
        ),
        (
            "another city's editor",
            Some(&far),
            [StatusCode::NOT_FOUND; 4],
        ),
        (
            "another network's secretariat",
            Some(&uccn),
            [StatusCode::NOT_FOUND; 4],
        ),
        (
            "an expert not in the roster",
            Some(&loose),
            [StatusCode::NOT_FOUND; 4],
        ),
        ("the secretariat", Some(&w.token), [StatusCode::OK; 4]),
    ];
    for (who, token, expected) in people {
        for (path, status) in [roster, &ana_page, &other_page, &engagements]
            .into_iter()
            .zip(expected)
        {
            let reply = w.app.api(Method::GET, path, None, token).await;
            assert_eq!(reply.status, status, "{who} GET {path}: {}", reply.body);
            if reply.status == StatusCode::NOT_FOUND {
                assert!(!reply.body.contains("Ana"), "{who} learns nothing");
            }
        }
    }
    let shown = w.app.api(Method::GET, &engagements, None, Some(&own)).await;
    assert_eq!(
        shown.json()[0]["fee"]["minor"],
        80_000,
        "the city's editors see the fees of their own programme"
    );
    let engage =
        json!({"expert": other.to_string(), "starts_on": "2026-05-01", "ends_on": "2026-05-02"});
    for (who, token, status) in [
        ("the city's editor", &own, StatusCode::FORBIDDEN),
        ("another city's editor", &far, StatusCode::NOT_FOUND),
        (
            "another network's secretariat",
            &uccn,
            StatusCode::NOT_FOUND,
        ),
    ] {
        let reply = w
            .app
            .api(
                Method::POST,
                &engagements,
                Some(engage.clone()),
                Some(token),
            )
            .await;
        assert_eq!(reply.status, status, "{who} engages");
        let reply = w
            .app
            .api(
                Method::POST,
                roster,
                Some(json!({"name": "Intruder"})),
                Some(token),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{who} adds an expert");
    }
    let reply = w
        .app
        .api(
            Method::PUT,
            &ana_page,
            Some(json!({"revision": 1, "name": "Renamed"})),
            Some(&own),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}
