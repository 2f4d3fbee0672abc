//! The Culture 2030 Goal: versions imported by the secretariat as files (every problem with its
//! line, a version once), what a revision changed, and an action plan's items naming its
//! targets, shown by name in the reader's language on the item's page and in the plan's PDF.

use crate::programme_action_plans::world;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

const ZERO_DRAFT: &str = r#"key = "culture-2030-goal"
version = "2022-zero-draft"
name = { en = "Culture 2030 Goal", fr = "Objectif Culture 2030", es = "Objetivo Cultura 2030" }
source = "Zero draft, Mexico City, September 2022"

[[targets]]
key = "t1"
number = 1
name = { en = "Target one", fr = "Cible un", es = "Meta uno" }
indicators = ["culture2030-indicators:cultural-participation"]

[[targets]]
key = "t2"
number = 2
name = { en = "Target two", fr = "Cible deux", es = "Meta dos" }
sdg_targets = ["11.4"]
"#;

fn revised() -> String {
    format!(
        "{}\n[[targets]]\nkey = \"t3\"\nnumber = 3\nname = {{ en = \"Target three\", fr = \"Cible trois\", es = \"Meta tres\" }}\n",
        ZERO_DRAFT
            .replace("2022-zero-draft", "2025-revised")
            .replace("Target two", "Target two, revised")
    )
}

async fn send_goal(
    app: &crate::common::TestApp,
    toml: &str,
    token: Option<&str>,
) -> (StatusCode, Value) {
    let mut request =
        Request::post("/api/v1/goals").header(header::CONTENT_TYPE, "application/toml");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let reply = app
        .send_unsigned(request.body(Body::from(toml.to_owned())).expect("request"))
        .await;
    (
        reply.status,
        serde_json::from_str(&reply.body).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn the_secretariat_imports_each_version_once_and_items_name_its_targets() {
    let mut w = world().await;
    let (status, none) = w.send(Method::GET, "/api/v1/goals", None, None).await;
    assert_eq!((status, none), (StatusCode::OK, json!([])));
    assert_eq!(
        send_goal(&w.app, ZERO_DRAFT, None).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send_goal(&w.app, ZERO_DRAFT, Some(&w.own_editor)).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, bad) = send_goal(
        &w.app,
        &ZERO_DRAFT.replace("cultural-participation", "nowhere"),
        Some(&w.secretariat),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    assert_eq!(bad["lines"][0]["line"], 10, "{bad}");
    assert_eq!(bad["lines"][0]["error"], "unknown_indicator");
    let (status, goal) = send_goal(&w.app, ZERO_DRAFT, Some(&w.secretariat)).await;
    assert_eq!(status, StatusCode::CREATED, "{goal}");
    let (status, again) = send_goal(&w.app, ZERO_DRAFT, Some(&w.secretariat)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(again["error"], "goal_version_exists");
    assert_eq!(
        send_goal(&w.app, &revised(), Some(&w.secretariat)).await.0,
        StatusCode::CREATED
    );
    let (_, versions) = w.send(Method::GET, "/api/v1/goals", None, None).await;
    assert_eq!(versions.as_array().map(Vec::len), Some(2));
    assert_eq!(
        versions[1]["changes"],
        json!(["2022-zero-draft", {"added": ["t3"], "removed": [], "changed": ["t2"]}])
    );
    let page = w.app.get("/fr/indicators").await;
    assert!(
        page.body.contains("Objectif Culture 2030")
            && page.body.contains("Changements depuis 2022-zero-draft"),
        "{}",
        page.body
    );
    assert!(page.body.contains("culture-2030-goal@2025-revised:t3"));

    let items = format!("/api/v1/outputs/{}/items", w.plan);
    let (status, refused) = w
        .post(&items, json!({"title_en": "Evening libraries", "goal_targets": "culture-2030-goal@2025-revised:t9"}), &w.own_editor)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused["fields"]["goal_targets"]["error"],
        "unknown_goal_target"
    );
    let (status, item) = w
        .post(
            &items,
            json!({"title_en": "Evening libraries", "goal_targets": ["Culture-2030-Goal@2025-revised:T3", "culture-2030-goal@2022-zero-draft:t1"]}),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{item}");
    assert_eq!(
        item["goal_targets"],
        json!([
            "culture-2030-goal@2022-zero-draft:t1",
            "culture-2030-goal@2025-revised:t3"
        ])
    );
    w.app.sign_in("ba@example.org").await;
    let shown = w
        .app
        .get(&format!("/fr/outputs/{}/items/{}", w.plan, item["id"]))
        .await;
    assert!(
        shown.body.contains("3. Cible trois (2025-revised)"),
        "{}",
        shown.body
    );
    let pdf = w.app.get(&format!("/es/outputs/{}/plan.pdf", w.plan)).await;
    let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join("\n");
    assert!(text.contains("3. Meta tres"), "{text}");
}

#[tokio::test]
async fn the_import_form_names_a_bad_file_s_lines_in_the_reader_s_language() {
    let mut w = world().await;
    let secretariat = w.app.fresh_browser();
    let mut secretariat = secretariat;
    secretariat.sign_in("secretariat@example.org").await;
    let csrf = secretariat.csrf().await;
    let upload = |toml: String| {
        let (content_type, body) =
            crate::practices_media::multipart("goal.toml", toml.as_bytes(), &[]);
        Request::post(format!("/es/indicators/goals?csrf={csrf}"))
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .expect("request")
    };
    let refused = secretariat
        .send(upload(ZERO_DRAFT.replace("number = 2", "number = 1")))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("<td class=\"num\">14</td>"),
        "{}",
        refused.body
    );
    let done = secretariat.send(upload(ZERO_DRAFT.to_owned())).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let (_, versions) = w.send(Method::GET, "/api/v1/goals", None, None).await;
    assert_eq!(versions[0]["version"], "2022-zero-draft");
    // An editor's browser gets no form.
    w.app.sign_in("ba@example.org").await;
    assert!(
        !w.app
            .get("/en/indicators")
            .await
            .body
            .contains("indicators/goals")
    );
}
