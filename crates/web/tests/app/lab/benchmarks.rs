//! Benchmark sets computed from a network's published assessments: what counts (closed, public,
//! on the version, by a current member), that confidential scores never move the values, that
//! recomputing replaces the set, refusals in the reader's language, who may compute, and the
//! framework page's form.

use super::{SYNTHETIC, scores};
use crate::common::{Reply, TestApp, admin, editor, expert, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const C21: &str = "culture21-actions@2015";

/// One workshop as the test wants it: its city, who sees the results, the participants'
/// answers, an agreed score for cultural rights, and whether it is closed.
struct Run<'a> {
    city: &'a str,
    visibility: &'a str,
    answers: Vec<Value>,
    agreed: Option<u8>,
    close: bool,
}

impl<'a> Run<'a> {
    fn closed(city: &'a str, visibility: &'a str, answers: Vec<Value>) -> Run<'a> {
        Run {
            city,
            visibility,
            answers,
            agreed: None,
            close: true,
        }
    }
}

/// Runs a workshop through the API (as the platform admin); returns its id.
async fn run(app: &TestApp, token: &str, workshop: Run<'_>) -> i64 {
    let created = app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({
                "city": workshop.city, "framework": C21, "module": "commitments",
                "starts_on": "2026-02-02", "visibility": workshop.visibility, "languages": ["en"],
            })),
            Some(token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("id");
    if !workshop.answers.is_empty() {
        let made = app
            .api(
                Method::POST,
                &format!("/api/v1/assessments/{id}/invitations"),
                Some(json!({"count": workshop.answers.len()})),
                Some(token),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let invitations = made.json()["invitations"].as_array().expect("list").clone();
        for (invitation, answers) in invitations.iter().zip(workshop.answers) {
            let link = format!(
                "/api/v1/participation/{}",
                invitation["token"].as_str().expect("token")
            );
            let body = json!({"sector": "civil_society", "answers": answers});
            let saved = app.api(Method::PUT, &link, Some(body), None).await;
            assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        }
    }
    if let Some(score) = workshop.agreed {
        let body = json!({"cultural-rights": {"score": score, "justification": "Agreed"}});
        let path = format!("/api/v1/assessments/{id}/consensus");
        let agreed = app.api(Method::PUT, &path, Some(body), Some(token)).await;
        assert_eq!(agreed.status, StatusCode::OK, "{}", agreed.body);
    }
    if workshop.close {
        let path = format!("/api/v1/assessments/{id}/close");
        let closed = app.api(Method::POST, &path, None, Some(token)).await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    }
    id
}

async fn compute(
    app: &TestApp,
    framework: &str,
    key: &str,
    network: &str,
    token: Option<&str>,
) -> Reply {
    app.api(
        Method::POST,
        &format!("/api/v1/frameworks/{framework}/benchmarks/{key}/compute"),
        Some(json!({"network": network})),
        token,
    )
    .await
}

fn value(set: &Value, field: &str) -> f64 {
    set["values"][field]
        .as_f64()
        .unwrap_or_else(|| panic!("no value for {field}: {set}"))
}

/// Buenos Aires (Leading City) and Montréal (UCLG member) publish; Bilbao's is still open,
/// Mexico City's is for the network only, Edinburgh is not in UCLG, and Chefchaouen's closed
/// workshop had no answer.
async fn published_network(app: &TestApp, token: &str) -> (i64, i64) {
    let mut first = scores(3);
    first["culture-environment"] = json!("na");
    let buenos_aires = Run {
        agreed: Some(8),
        ..Run::closed("buenos-aires", "public", vec![first, scores(5)])
    };
    let buenos_aires = run(app, token, buenos_aires).await;
    let montreal = run(
        app,
        token,
        Run::closed("montreal", "public", vec![scores(7)]),
    )
    .await;
    let open = Run {
        close: false,
        ..Run::closed("bilbao", "public", vec![scores(1)])
    };
    run(app, token, open).await;
    run(
        app,
        token,
        Run::closed("mexico-city", "network", vec![scores(1)]),
    )
    .await;
    run(
        app,
        token,
        Run::closed("edinburgh", "public", vec![scores(1)]),
    )
    .await;
    run(app, token, Run::closed("chefchaouen", "public", Vec::new())).await;
    (buenos_aires, montreal)
}

#[tokio::test]
async fn a_network_benchmark_averages_its_members_published_assessments() {
    let app = TestApp::with_demo().await;
    let root = app.user("admin@example.org", &[admin()]).await;
    let uclg = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let (buenos_aires, montreal) = published_network(&app, &root).await;

    let reply = compute(&app, C21, "network-average", "uclg-culture", Some(&uclg)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let set = reply.json();
    assert_eq!(set["n"], 2, "{set}");
    assert_eq!(set["assessments"], json!([buenos_aires, montreal]));
    assert_eq!(set["key"], "network-average");
    // The agreed 8 stands for Buenos Aires' participants' 4; Montréal gives 7.
    assert_eq!(value(&set, "cultural-rights"), 7.5);
    // The N/A is left out of Buenos Aires' mean (5), not counted as a zero.
    assert_eq!(value(&set, "culture-environment"), 6.0);
    assert_eq!(value(&set, "governance-of-culture"), 5.5);
    assert_eq!(set["values"].as_object().expect("values").len(), 9);
    assert_eq!(set["counts"]["cultural-rights"], 2);
    assert_eq!(
        set["name"]["en"],
        "Average of the published assessments, UCLG Culture Committee (n = 2)"
    );
    assert_eq!(
        set["name"]["fr"],
        "Moyenne des évaluations publiées, Commission culture de CGLU (n = 2)"
    );
    assert_eq!(
        set["name"]["es"],
        "Promedio de las evaluaciones publicadas, Comisión de cultura de CGLU (n = 2)"
    );

    // A confidential workshop of a member city, however extreme, moves nothing.
    let lyon = Run {
        agreed: Some(1),
        ..Run::closed("lyon", "confidential", vec![scores(1), scores(1)])
    };
    run(&app, &root, lyon).await;
    let again = compute(&app, C21, "network-average", "uclg-culture", Some(&uclg)).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    let again = again.json();
    assert_eq!(again["values"], set["values"]);
    assert_eq!(again["n"], 2);

    // A new published assessment: recomputing replaces the set of that key.
    run(&app, &root, Run::closed("jeju", "public", vec![scores(9)])).await;
    let third = compute(&app, C21, "network-average", "uclg-culture", Some(&uclg)).await;
    let third = third.json();
    assert_eq!(third["n"], 3, "{third}");
    assert_eq!(value(&third, "cultural-rights"), 8.0);
    assert_eq!(third["id"], set["id"], "the same set, replaced");
    let listed = app
        .api(
            Method::GET,
            &format!("/api/v1/frameworks/{C21}/benchmarks"),
            None,
            None,
        )
        .await
        .json();
    let listed = listed["items"].as_array().expect("items").clone();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(
        listed[0]["name"]["en"]
            .as_str()
            .expect("name")
            .ends_with("(n = 3)")
    );
    let (audit, _) = ateneu_db::audit::list(&app.state.db.conn, 1, 200)
        .await
        .expect("audit");
    let computed: Vec<_> = audit
        .iter()
        .filter(|row| row.action == "benchmark.compute")
        .collect();
    assert_eq!(computed.len(), 3, "each computation is audited");
    assert_eq!(computed[0].actor_label, "secretariat@example.org");
    let changes: Value = serde_json::from_str(&computed[0].changes).expect("json");
    assert_eq!(changes["network"], "uclg-culture");
    assert_eq!(changes["assessments"].as_array().expect("ids").len(), 3);

    // Other networks: Leading Cities counts its Leading Cities only (Buenos Aires and Jeju, not
    // Montréal); the UNESCO network counts Edinburgh (Bilbao's is open, Lyon's confidential).
    let leading = compute(&app, C21, "leading", "leading-cities", Some(&uclg)).await;
    assert_eq!(leading.status, StatusCode::OK, "{}", leading.body);
    let leading = leading.json();
    assert_eq!(leading["n"], 2);
    assert_eq!(value(&leading, "cultural-rights"), 8.5);
    let uccn = compute(&app, C21, "published-uccn", "uccn", Some(&root)).await;
    assert_eq!(uccn.json()["n"], 1, "{}", uccn.body);
    assert_eq!(value(&uccn.json(), "cultural-rights"), 1.0);
}

#[tokio::test]
async fn computing_is_refused_in_the_readers_language_when_nothing_qualifies() {
    let app = TestApp::with_demo().await;
    let uclg = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let imported = app.send_toml("/api/v1/frameworks", SYNTHETIC, &uclg).await;
    assert_eq!(imported.status, StatusCode::CREATED, "{}", imported.body);
    let path = "/api/v1/frameworks/synthetic-plus@1/benchmarks/average/compute?lang=fr";
    let body = Some(json!({"network": "uclg-culture"}));
    let refused = app.api(Method::POST, path, body, Some(&uclg)).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let refused = refused.json();
    assert_eq!(
        refused["fields"]["network"]["error"],
        "no_published_assessments"
    );
    let message = refused["fields"]["network"]["message"]
        .as_str()
        .expect("message");
    assert!(
        message.starts_with("Aucune évaluation ne convient"),
        "{message}"
    );
    let sets = app
        .api(
            Method::GET,
            "/api/v1/frameworks/synthetic-plus@1/benchmarks",
            None,
            None,
        )
        .await
        .json();
    assert_eq!(sets["items"], json!([]), "nothing written");

    let unknown = compute(&app, C21, "x", "uclg", Some(&uclg)).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        unknown.json()["fields"]["network"]["error"],
        "unknown_network"
    );
    let bad_key = compute(&app, C21, "bad!key", "uclg-culture", Some(&uclg)).await;
    assert_eq!(bad_key.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad_key.json()["fields"]["key"]["error"], "invalid_key");
    let missing = compute(&app, "nothing@1", "x", "uclg-culture", Some(&uclg)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_the_networks_secretariat_computes_its_benchmark() {
    let app = TestApp::with_demo().await;
    let root = app.user("admin@example.org", &[admin()]).await;
    let buenos_aires = app.city_id("buenos-aires").await;
    run(
        &app,
        &root,
        Run::closed("buenos-aires", "public", vec![scores(4)]),
    )
    .await;
    let refused = [
        (None, StatusCode::UNAUTHORIZED),
        (
            Some(
                app.user("editor@example.org", &[editor(buenos_aires)])
                    .await,
            ),
            StatusCode::FORBIDDEN,
        ),
        (
            Some(app.user("expert@example.org", &[expert(None)]).await),
            StatusCode::FORBIDDEN,
        ),
        (
            Some(
                app.user("uclg-expert@example.org", &[expert(Some("uclg-culture"))])
                    .await,
            ),
            StatusCode::FORBIDDEN,
        ),
        (
            Some(app.user("uccn@example.org", &[secretariat("uccn")]).await),
            StatusCode::FORBIDDEN,
        ),
        (
            Some(
                app.user("leading@example.org", &[secretariat("leading-cities")])
                    .await,
            ),
            StatusCode::FORBIDDEN,
        ),
    ];
    for (token, status) in &refused {
        let reply = compute(&app, C21, "average", "uclg-culture", token.as_deref()).await;
        assert_eq!(reply.status, *status, "{token:?}: {}", reply.body);
    }
    let sets = app
        .api(
            Method::GET,
            &format!("/api/v1/frameworks/{C21}/benchmarks"),
            None,
            None,
        )
        .await
        .json();
    assert_eq!(sets["items"], json!([]), "nothing written by those refused");
    let uclg = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    for token in [&uclg, &root] {
        let reply = compute(&app, C21, "average", "uclg-culture", Some(token)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.json()["n"], 1);
    }
}

#[tokio::test]
async fn the_framework_page_computes_a_benchmark_without_javascript() {
    let mut app = TestApp::with_demo().await;
    let root = app.user("admin@example.org", &[admin()]).await;
    let id = run(
        &app,
        &root,
        Run::closed("montreal", "public", vec![scores(6)]),
    )
    .await;
    app.user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let version = app
        .api(
            Method::GET,
            &format!("/api/v1/frameworks/{C21}"),
            None,
            None,
        )
        .await
        .json()["version"]["id"]
        .as_i64()
        .expect("version id");
    app.sign_in("secretariat@example.org").await;
    let page = app.get(&format!("/en/frameworks/{version}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("id=\"benchmark-compute\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("<option value=\"leading-cities\""));
    assert!(
        !page.body.contains("<option value=\"uccn\""),
        "not its network"
    );

    let done = app
        .post_form(
            &format!("/en/frameworks/{version}/benchmarks/compute"),
            &[("network", "uclg-culture"), ("key", "")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.headers["location"].to_str().expect("location");
    assert_eq!(
        location,
        format!("/en/frameworks/{version}#benchmark-published-uclg-culture")
    );
    let page = app.get(&format!("/en/frameworks/{version}")).await;
    assert!(
        page.body
            .contains("Average of the published assessments, UCLG Culture Committee (n = 1)")
    );
    let radar = app
        .get(&format!(
            "/en/assessments/{id}/radar.svg?benchmark=published-uclg-culture"
        ))
        .await;
    assert!(radar.body.contains("(n = 1)"), "{}", radar.body);

    // Nothing qualifies on the UNESCO network's side: the page again, the problem by the field.
    app.send_toml("/api/v1/frameworks", SYNTHETIC, &root).await;
    let synthetic = app
        .api(
            Method::GET,
            "/api/v1/frameworks/synthetic-plus@1",
            None,
            None,
        )
        .await
        .json()["version"]["id"]
        .as_i64()
        .expect("version id");
    let refused = app
        .post_form(
            &format!("/fr/frameworks/{synthetic}/benchmarks/compute"),
            &[("network", "uclg-culture"), ("key", "")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("id=\"f-network-error\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Aucune évaluation ne convient"));
    assert!(refused.body.contains("<html lang=\"fr\""));

    // An editor may not.
    let mut editor_browser = app.fresh_browser();
    let montreal = app.city_id("montreal").await;
    editor_browser
        .user("editor@example.org", &[editor(montreal)])
        .await;
    editor_browser.sign_in("editor@example.org").await;
    let forbidden = editor_browser
        .post_form(
            &format!("/en/frameworks/{version}/benchmarks/compute"),
            &[("network", "uclg-culture")],
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
}
