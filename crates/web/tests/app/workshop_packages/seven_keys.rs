//! A Seven Keys workshop run without internet: its package made by the city's editor, opened
//! on a laptop, a challenge named there through a link given before, themes and a key agreed
//! there, and the results merged back once: the challenge, the themes and the key (answering
//! the platform's challenges by their ids there) arrive, and results made again change nothing.

use super::{laptop_of, post_file};
use crate::seven_keys::world;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

#[tokio::test]
async fn a_seven_keys_day_runs_on_a_laptop_and_comes_back_once() {
    let w = world().await;
    let editor = w.own_editor.clone();
    let (status, asset) = w
        .call(
            Method::POST,
            "/api/v1/cities/buenos-aires/assets",
            Some(json!({"kind": "place", "name": "Plaza de Mayo"})),
            Some(&editor),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{asset}");
    let (status, workshop) = w
        .call(Method::POST, &format!("/api/v1/programmes/{}/seven-keys", w.programme),
            Some(json!({"title": "Siete claves", "held_on": "2026-05-04", "lang": "es", "activity": w.activity})), Some(&editor))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{workshop}");
    let id = workshop["id"].as_i64().expect("id");
    let base = format!("/api/v1/seven-keys/workshops/{id}");
    let (_, links) = w
        .call(
            Method::POST,
            &format!("{base}/invitations"),
            Some(json!({"count": 2})),
            Some(&editor),
        )
        .await;
    let token = |n: usize| {
        links["links"][n]["token"]
            .as_str()
            .expect("a link")
            .to_owned()
    };
    let (status, online) = w
        .call(
            Method::POST,
            &format!("/api/v1/seven-keys/join/{}/challenges", token(0)),
            Some(json!({"text": "La plaza se vacía de noche", "sdgs": [11]})),
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

    // In the room: the second participant's link works on the laptop; the facilitators set a
    // theme on both challenges and agree on a key answering both.
    let (laptop, here, facilitator) = laptop_of(&made.bytes, "ba@example.org").await;
    let here_base = format!("/api/v1/seven-keys/workshops/{here}");
    let view = laptop
        .api(Method::GET, &here_base, None, Some(&facilitator))
        .await
        .json();
    let laptop_asset = view["assets"][0]["id"]
        .as_i64()
        .expect("the city's asset is there");
    let named = laptop
        .api(
            Method::POST,
            &format!("/api/v1/seven-keys/join/{}/challenges", token(1)),
            Some(
                json!({"text": "Pocos jóvenes en la plaza", "sdgs": [4], "assets": [laptop_asset]}),
            ),
            None,
        )
        .await;
    assert_eq!(named.status, StatusCode::CREATED, "{}", named.body);
    let view = laptop
        .api(Method::GET, &here_base, None, Some(&facilitator))
        .await
        .json();
    let ids: Vec<i64> = view["challenges"]
        .as_array()
        .expect("challenges")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids.len(), 2, "{view}");
    for challenge in &ids {
        let themed = laptop
            .api(
                Method::PUT,
                &format!("{here_base}/challenges/{challenge}/theme"),
                Some(json!({"theme": "Espacio público"})),
                Some(&facilitator),
            )
            .await;
        assert!(themed.status.is_success(), "{}", themed.body);
    }
    let key = laptop
        .api(
            Method::POST,
            &format!("{here_base}/keys"),
            Some(json!({"title": "Noches en la plaza",
            "actors": "Dirección de Cultura", "sdgs": "11", "challenges": ids})),
            Some(&facilitator),
        )
        .await;
    assert_eq!(key.status, StatusCode::CREATED, "{}", key.body);
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
            summary["links_added"].as_i64(),
            summary["challenges_added"].as_i64(),
            summary["themes_updated"].as_i64(),
            summary["keys_added"].as_i64()
        ),
        (Some(0), Some(1), Some(1), Some(1)),
        "{summary}"
    );
    let (_, view) = w.call(Method::GET, &base, None, Some(&editor)).await;
    let challenges = view["challenges"].as_array().expect("challenges").clone();
    assert_eq!(challenges.len(), 2, "{view}");
    assert!(
        challenges.iter().all(|c| c["theme"] == "Espacio público"),
        "{view}"
    );
    let room = challenges
        .iter()
        .find(|c| c["text"] == "Pocos jóvenes en la plaza")
        .expect("the room's challenge");
    assert_eq!(room["assets"], json!([asset["id"]]), "the platform's asset");
    let platform_ids: Vec<Value> = challenges.iter().map(|c| c["id"].clone()).collect();
    let keys = view["keys"].as_array().expect("keys").clone();
    assert_eq!(keys.len(), 1, "{view}");
    assert_eq!(
        keys[0]["challenges"],
        json!(platform_ids),
        "the key answers both, by their ids here"
    );

    // The same file again, and results made again: nothing more.
    let again = post_file(&w.app, &merge, &file, &editor).await;
    assert_eq!(again.json()["already_imported"], true, "{}", again.body);
    let remade = ateneu_app::workshop_packages::results(&laptop.state, None)
        .await
        .expect("results");
    let remade = ateneu_app::workshop_packages::to_file(&remade).expect("file");
    let quiet = post_file(&w.app, &merge, &remade, &editor).await;
    assert_eq!(quiet.status, StatusCode::OK, "{}", quiet.body);
    let summary = quiet.json();
    for counted in [
        "links_added",
        "challenges_added",
        "themes_updated",
        "keys_added",
    ] {
        assert_eq!(summary[counted], 0, "{counted}: {summary}");
    }
    let (_, after) = w.call(Method::GET, &base, None, Some(&editor)).await;
    assert_eq!(after["challenges"], view["challenges"]);
    assert_eq!(after["keys"], view["keys"]);

    // A changed file is refused whole; another city's editor may not merge at all.
    let mut value: Value = serde_json::from_slice(&remade).expect("json");
    value["content"]["challenges"][0]["text"] = json!("Escrito a mano");
    let tampered = post_file(
        &w.app,
        &merge,
        &serde_json::to_vec(&value).expect("bytes"),
        &editor,
    )
    .await;
    assert_eq!(
        tampered.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        tampered.body
    );
    assert_eq!(
        tampered.json()["fields"]["package"]["error"],
        "package_tampered"
    );
    let page = laptop
        .api(
            Method::GET,
            &format!("/es/seven-keys/workshops/{here}"),
            None,
            Some(&facilitator),
        )
        .await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "the laptop shows the workshop to its facilitator"
    );
}
