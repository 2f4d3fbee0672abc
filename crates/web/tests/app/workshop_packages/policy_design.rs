//! A policy-design workshop run without internet: its package made by the plan's keeper,
//! opened on a laptop, an idea proposed there through a link given before, clusters and key
//! ideas set there, and the results merged back once: the idea, the clusters and the key ideas
//! arrive, and results made again change nothing.

use super::{laptop_of, post_file};
use crate::programme_action_plans::world;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const RIGHTS: &str = "culture21-actions:cultural-rights";

#[tokio::test]
async fn a_policy_design_room_runs_on_a_laptop_and_comes_back_once() {
    let w = world().await;
    let editor = w.own_editor.clone();
    let base = format!("/api/v1/outputs/{}/workshop", w.plan);
    let call = |method: Method, path: String, body: Option<Value>, token: Option<&str>| {
        let app = &w.app;
        let token = token.map(str::to_owned);
        async move {
            let reply = app.api(method, &path, body, token.as_deref()).await;
            (
                reply.status,
                if reply.body.is_empty() {
                    Value::Null
                } else {
                    reply.json()
                },
            )
        }
    };
    let not_yet = w
        .app
        .api(
            Method::POST,
            &format!("{base}/package"),
            None,
            Some(&editor),
        )
        .await;
    assert_eq!(
        not_yet.status,
        StatusCode::NOT_FOUND,
        "no workshop opened yet"
    );
    let (status, opened) = call(
        Method::POST,
        format!("{base}/links"),
        Some(json!({"count": 2, "fields": [RIGHTS]})),
        Some(&editor),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    let token = |n: usize| {
        opened["links"][n]["token"]
            .as_str()
            .expect("a link")
            .to_owned()
    };
    let (status, online) = call(
        Method::POST,
        format!("/api/v1/ideas/{}", token(0)),
        Some(json!({"field": RIGHTS, "text": "Free entry on Sundays"})),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{online}");
    let made = w
        .app
        .api(
            Method::POST,
            &format!("{base}/package"),
            None,
            Some(&editor),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);

    // In the room: an idea through a link given before, a cluster on both, key ideas.
    let (laptop, here, facilitator) = laptop_of(&made.bytes, "ba@example.org").await;
    let here_base = format!("/api/v1/outputs/{here}/workshop");
    let proposed = laptop
        .api(
            Method::POST,
            &format!("/api/v1/ideas/{}", token(1)),
            Some(json!({"field": RIGHTS, "text": "Signs in Guaraní"})),
            None,
        )
        .await;
    assert_eq!(proposed.status, StatusCode::CREATED, "{}", proposed.body);
    let view = laptop
        .api(Method::GET, &here_base, None, Some(&facilitator))
        .await
        .json();
    let ids: Vec<i64> = view["ideas"]
        .as_array()
        .expect("ideas")
        .iter()
        .map(|i| i["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids.len(), 2, "{view}");
    for id in &ids {
        let clustered = laptop
            .api(
                Method::PUT,
                &format!("{here_base}/ideas/{id}/cluster"),
                Some(json!({"cluster": "Access"})),
                Some(&facilitator),
            )
            .await;
        assert!(clustered.status.is_success(), "{}", clustered.body);
    }
    let ideas = laptop
        .api(
            Method::PUT,
            &format!("{here_base}/key-ideas"),
            Some(json!({"text": "Every language spoken in the city"})),
            Some(&facilitator),
        )
        .await;
    assert!(ideas.status.is_success(), "{}", ideas.body);
    let results = ateneu_app::workshop_packages::results(&laptop.state, None)
        .await
        .expect("results");
    let file = ateneu_app::workshop_packages::to_file(&results).expect("file");

    // Back on the platform.
    let merge = format!("{base}/package/results");
    let merged = post_file(&w.app, &merge, &file, &editor).await;
    assert_eq!(merged.status, StatusCode::OK, "{}", merged.body);
    let summary = merged.json();
    assert_eq!(
        (
            summary["ideas_added"].as_i64(),
            summary["clusters_updated"].as_i64(),
            summary["key_ideas"].as_str()
        ),
        (Some(1), Some(1), Some("replaced")),
        "{summary}"
    );
    let (_, view) = call(Method::GET, base.clone(), None, Some(&editor)).await;
    assert_eq!(
        view["by_field"][0]["clusters"],
        json!([{"name": "Access", "ideas": ["Free entry on Sundays", "Signs in Guaraní"]}]),
        "{view}"
    );
    assert_eq!(
        view["workshop"]["key_ideas"],
        "Every language spoken in the city"
    );

    // Results made again change nothing; the same file is recognised.
    let remade = ateneu_app::workshop_packages::results(&laptop.state, None)
        .await
        .expect("results");
    let remade = ateneu_app::workshop_packages::to_file(&remade).expect("file");
    let quiet = post_file(&w.app, &merge, &remade, &editor).await;
    let summary = quiet.json();
    assert_eq!(
        (
            summary["ideas_added"].as_i64(),
            summary["clusters_updated"].as_i64(),
            summary["key_ideas"].as_str()
        ),
        (Some(0), Some(0), Some("unchanged")),
        "{summary}"
    );
    let again = post_file(&w.app, &merge, &file, &editor).await;
    assert_eq!(again.json()["already_imported"], true);
    let (_, after) = call(Method::GET, base.clone(), None, Some(&editor)).await;
    assert_eq!(after["ideas"], view["ideas"]);
}
