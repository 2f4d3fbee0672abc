//! The policy-design workshop around an action plan: its keepers open it on the fields the plan
//! starts from and make links; participants with no account propose ideas per field (through
//! the API and through the page, in French); facilitators cluster them and record the key
//! ideas, which the plan's written report carries; a closed workshop takes no more ideas; and
//! the workshop is hidden like its plan.

use super::world;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const RIGHTS: &str = "culture21-actions:cultural-rights";
const HERITAGE: &str = "culture21-actions:heritage-diversity-creativity";

#[tokio::test]
async fn ideas_per_field_become_clusters_and_key_ideas_in_the_plan_s_report() {
    let w = world().await;
    // Other cities' published practices, tagged with the fields (the examples).
    ateneu_app::demo::load_examples(&w.app.state)
        .await
        .expect("the examples load");
    ateneu_app::practices::reindex(&w.app.state).await;
    let base = format!("/api/v1/outputs/{}/workshop", w.plan);
    let call = |method: Method, path: String, body: Option<Value>, token: Option<String>| {
        let app = &w.app;
        async move {
            let reply = app.api(method, &path, body, token.as_deref()).await;
            let json = if reply.body.is_empty() {
                Value::Null
            } else {
                reply.json()
            };
            (reply.status, json)
        }
    };
    let editor = Some(w.own_editor.clone());
    let (status, view) = call(Method::GET, base.clone(), None, editor.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(view["workshop"].is_null(), "not opened yet: {view}");
    // Opening names known fields only.
    let (status, refused) = call(
        Method::POST,
        format!("{base}/links"),
        Some(json!({"count": 2, "fields": ["culture21-actions:nowhere"]})),
        editor.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused["fields"]["fields"]["error"], "unknown_field",
        "{refused}"
    );
    let (status, opened) = call(
        Method::POST,
        format!("{base}/links"),
        Some(json!({"count": 2, "fields": [RIGHTS, HERITAGE]})),
        editor.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    let token = |n: usize| {
        opened["links"][n]["token"]
            .as_str()
            .expect("a link")
            .to_owned()
    };

    // A participant through the API: an idea for a field outside the workshop is refused.
    let (status, refused) = call(
        Method::POST,
        format!("/api/v1/ideas/{}", token(0)),
        Some(json!({"field": "culture21-actions:culture-education", "text": "Schools"})),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["fields"]["field"]["error"], "unknown_field");
    for text in ["Free entry on Sundays", "Translate the signs into Guaraní"] {
        let (status, idea) = call(
            Method::POST,
            format!("/api/v1/ideas/{}", token(0)),
            Some(json!({"field": RIGHTS, "text": text})),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{idea}");
    }
    // Another through the page, in French.
    let mut phone = w.app.fresh_browser();
    let page = format!("/fr/ideas/{}", token(1));
    let form = phone.get(&page).await;
    // Beside the form, other cities' published practices on the fields, as inspiration.
    assert!(
        form.body.contains("Ce que font d’autres villes")
            && form
                .body
                .contains("Bibliothèques de quartier ouvertes le soir"),
        "{}",
        form.body
    );
    assert!(
        form.body.contains("Votre idée") && form.body.contains("Droits culturels"),
        "{}",
        form.body
    );
    let sent = phone
        .post_form(
            &page,
            &[("field", HERITAGE), ("text", "Un inventaire participatif")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let mine = phone.get(&format!("{page}?thanks=1")).await;
    assert!(
        mine.body.contains("Merci") && mine.body.contains("Un inventaire participatif"),
        "{}",
        mine.body
    );
    assert!(
        !mine.body.contains("Free entry"),
        "another participant's idea"
    );

    // Facilitators cluster and record the key ideas; the report carries them.
    let (_, view) = call(Method::GET, base.clone(), None, editor.clone()).await;
    let ids: Vec<i64> = view["ideas"]
        .as_array()
        .expect("ideas")
        .iter()
        .map(|i| i["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids.len(), 3);
    for id in &ids[..2] {
        let (status, _) = call(
            Method::PUT,
            format!("{base}/ideas/{id}/cluster"),
            Some(json!({"cluster": "Access"})),
            editor.clone(),
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
    }
    let (status, _) = call(
        Method::PUT,
        format!("{base}/key-ideas"),
        Some(json!({"text": "Open the institutions to every language spoken in the city."})),
        editor.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, view) = call(Method::GET, base.clone(), None, editor.clone()).await;
    assert_eq!(
        view["by_field"][0]["clusters"],
        json!([{"name": "Access", "ideas": ["Free entry on Sundays", "Translate the signs into Guaraní"]}])
    );
    assert_eq!(view["by_field"][1]["clusters"][0]["name"], Value::Null);
    let mut reader = w.app.fresh_browser();
    reader.sign_in("ba@example.org").await;
    let pdf = reader
        .get(&format!("/en/outputs/{}/plan.pdf", w.plan))
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join(" ");
    assert!(
        text.contains("every language spoken") && text.contains("Access: Free entry on Sundays"),
        "{text}"
    );

    // Closed, it takes no more ideas.
    let (status, _) = call(
        Method::PUT,
        format!("{base}/status"),
        Some(json!({"status": "closed"})),
        editor.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, closed) = call(
        Method::POST,
        format!("/api/v1/ideas/{}", token(0)),
        Some(json!({"field": RIGHTS, "text": "Late"})),
        None,
    )
    .await;
    assert_eq!(
        (status, closed["error"].as_str()),
        (StatusCode::CONFLICT, Some("workshop_closed"))
    );

    // Hidden like its plan: another city's editor gets not found, on the API and the page.
    let (status, _) = call(
        Method::GET,
        base.clone(),
        None,
        Some(w.other_editor.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let mut other = w.app.fresh_browser();
    assert_eq!(
        other
            .get(&format!("/en/outputs/{}/workshop", w.plan))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
