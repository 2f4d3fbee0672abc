//! A Seven Keys workshop from start to article: participants with links and no account name
//! challenges related to SDGs and to the city's cultural assets (through the API and through
//! the page, in Spanish), facilitators cluster them into themes and agree on keys, the keys
//! become a draft action plan in one step keeping their links, a closed workshop takes no more
//! challenges, and the published article is on the public page in every language. The workshop
//! stays hidden from whoever may not see its programme.

use crate::common::{TestApp, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

pub(crate) struct World {
    pub app: TestApp,
    pub programme: i64,
    pub activity: i64,
    pub own_editor: String,
    other_editor: String,
}

/// Buenos Aires's programme with a Seven Keys activity, its editor and Lyon's.
pub(crate) async fn world() -> World {
    let app = TestApp::with_demo().await;
    let secretariat = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let own_editor = app
        .user(
            "ba@example.org",
            &[editor(app.city_id("buenos-aires").await)],
        )
        .await;
    let other_editor = app
        .user("lyon@example.org", &[editor(app.city_id("lyon").await)])
        .await;
    let post = |path: &str, body: Value| {
        let (app, token, path) = (&app, secretariat.clone(), path.to_owned());
        async move {
            let reply = app.api(Method::POST, &path, Some(body), Some(&token)).await;
            assert!(reply.status.is_success(), "{path}: {}", reply.body);
            reply.json()["id"].as_i64().expect("an id")
        }
    };
    let programme = post(
        "/api/v1/programmes",
        json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
    )
    .await;
    let activity = post(
        &format!("/api/v1/programmes/{programme}/activities"),
        json!({"catalogue_key": "seven-keys", "starts_on": "2026-05-04", "ends_on": "2026-05-04"}),
    )
    .await;
    World {
        app,
        programme,
        activity,
        own_editor,
        other_editor,
    }
}

impl World {
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> (StatusCode, Value) {
        let reply = self.app.api(method, path, body, token).await;
        let json = if reply.body.is_empty() {
            Value::Null
        } else {
            reply.json()
        };
        (reply.status, json)
    }
}

#[tokio::test]
async fn a_workshop_goes_from_challenges_to_keys_to_a_draft_plan_and_a_public_article() {
    let w = world().await;
    let editor = Some(w.own_editor.as_str());
    let (status, asset) = w
        .call(
            Method::POST,
            "/api/v1/cities/buenos-aires/assets",
            Some(json!({"kind": "institution", "name": "Teatro Colón"})),
            editor,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{asset}");
    let (status, workshop) = w
        .call(Method::POST, &format!("/api/v1/programmes/{}/seven-keys", w.programme),
            Some(json!({"title": "Siete claves para Buenos Aires", "held_on": "2026-05-04", "lang": "es", "activity": w.activity})), editor)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{workshop}");
    let base = format!("/api/v1/seven-keys/workshops/{}", workshop["id"]);
    let (_, links) = w
        .call(
            Method::POST,
            &format!("{base}/invitations"),
            Some(json!({"count": 2})),
            editor,
        )
        .await;
    let token = |n: usize| {
        links["links"][n]["token"]
            .as_str()
            .expect("a link")
            .to_owned()
    };
    assert!(
        links["links"][0]["url"]
            .as_str()
            .is_some_and(|u| u.ends_with(&format!("/seven-keys/join/{}", token(0))))
    );

    // A participant through the API, without an account: a bad challenge is named field by field.
    let join = format!("/api/v1/seven-keys/join/{}/challenges", token(0));
    let (status, refused) = w
        .call(
            Method::POST,
            &join,
            Some(json!({"text": " ", "sdgs": [18]})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["fields"]["text"]["error"], "required", "{refused}");
    assert_eq!(
        refused["fields"]["sdgs"]["error"], "unknown_sdg",
        "{refused}"
    );
    let (status, first) = w
        .call(Method::POST, &join, Some(json!({"text": "El casco histórico se vacía", "sdgs": [11], "assets": [asset["id"]]})), None)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    // Another through the page, in Spanish, ticking SDG 4.
    let mut phone = w.app.fresh_browser();
    let page = format!("/es/seven-keys/join/{}", token(1));
    let form = phone.get(&page).await;
    assert!(form.body.contains("Un desafío local"), "{}", form.body);
    let sent = phone
        .post_form(
            &page,
            &[
                ("text", "Pocos jóvenes en las bibliotecas"),
                ("sdg-4", "on"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let thanked = phone.get(&format!("{page}?thanks=1")).await;
    assert!(
        thanked.body.contains("Gracias") && thanked.body.contains("Pocos jóvenes"),
        "{}",
        thanked.body
    );
    assert!(
        !thanked.body.contains("El casco histórico"),
        "another participant's challenge"
    );

    // Facilitators cluster the challenges and agree on a key answering both.
    let (_, view) = w.call(Method::GET, &base, None, editor).await;
    let ids: Vec<i64> = view["challenges"]
        .as_array()
        .expect("challenges")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids.len(), 2);
    for id in &ids {
        let (status, _) = w
            .call(
                Method::PUT,
                &format!("{base}/challenges/{id}/theme"),
                Some(json!({"theme": "Juventud"})),
                editor,
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
    }
    let (_, view) = w.call(Method::GET, &base, None, editor).await;
    assert_eq!(
        view["themes"],
        json!([{"name": "Juventud", "challenges": 2}])
    );
    let (status, _) = w
        .call(
            Method::POST,
            &format!("{base}/plan"),
            Some(json!({})),
            editor,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "no keys yet");
    let (status, key) = w
        .call(Method::POST, &format!("{base}/keys"), Some(json!({"title": "Bibliotecas abiertas de noche",
            "actors": "Red de bibliotecas municipales", "commitment": "Hasta las 22 h los jueves", "sdgs": "16", "challenges": ids})), editor)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{key}");

    // The keys become a draft plan, once, its item keeping the SDGs of the challenges.
    let (status, plan) = w
        .call(
            Method::POST,
            &format!("{base}/plan"),
            Some(json!({})),
            editor,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");
    assert_eq!(
        (plan["kind"].as_str(), plan["visibility"].as_str()),
        (Some("action_plan"), Some("network"))
    );
    let (_, items) = w
        .call(
            Method::GET,
            &format!("/api/v1/outputs/{}/items", plan["id"]),
            None,
            editor,
        )
        .await;
    let item = &items["items"][0];
    assert_eq!(
        item["title"]["values"]["es"]["text"], "Bibliotecas abiertas de noche",
        "{item}"
    );
    assert_eq!(item["responsible"], "Red de bibliotecas municipales");
    assert_eq!(item["sdgs"], json!([4, 11, 16]));
    // The internal report is filed beside the plan, seen alike, its PDF in the request's language.
    let outputs = ateneu_db::outputs::of_programme(&w.app.state.db.conn, w.programme)
        .await
        .expect("outputs");
    let internal = outputs
        .iter()
        .find(|o| o.kind == "internal_report")
        .expect("the internal report is an output");
    assert_eq!(internal.visibility.key(), "network");
    let files = ateneu_db::outputs::files::of_output(&w.app.state.db.conn, internal.id)
        .await
        .expect("files");
    assert_eq!(files.len(), 1);
    let pdf = ateneu_db::outputs::files::bytes(&w.app.state.db.conn, files[0].id)
        .await
        .expect("bytes")
        .expect("a file");
    let filed = ateneu_app::reports::pdf::text::page_texts(&pdf).join(" ");
    assert!(filed.contains("Bibliotecas abiertas de noche"), "{filed}");
    let (status, again) = w
        .call(
            Method::POST,
            &format!("{base}/plan"),
            Some(json!({})),
            editor,
        )
        .await;
    assert_eq!(
        (status, again["error"].as_str()),
        (StatusCode::CONFLICT, Some("plan_already_drafted"))
    );
    // The internal report: the challenges by theme, and the keys with who commits to them.
    let report = w
        .app
        .api(
            Method::GET,
            &format!("/es/seven-keys/workshops/{}/report.pdf", workshop["id"]),
            None,
            editor,
        )
        .await;
    assert_eq!(report.status, StatusCode::OK);
    let text = ateneu_app::reports::pdf::text::page_texts(&report.bytes).join(" ");
    assert!(
        text.contains("Juventud")
            && text.contains("Bibliotecas abiertas de noche")
            && text.contains("Red de bibliotecas municipales"),
        "{text}"
    );
    // Its keys are the plan's now: neither added nor removed.
    let more = json!({"title": "Otra", "actors": "Alguien"});
    let (status, _) = w
        .call(Method::POST, &format!("{base}/keys"), Some(more), editor)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Closed, it takes no more challenges.
    let (status, _) = w
        .call(
            Method::PUT,
            &format!("{base}/status"),
            Some(json!({"status": "closed"})),
            editor,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, closed) = w
        .call(Method::POST, &join, Some(json!({"text": "Tarde"})), None)
        .await;
    assert_eq!(
        (status, closed["error"].as_str()),
        (StatusCode::CONFLICT, Some("workshop_closed"))
    );

    // The article: not public until published, then listed and read in every language.
    let article = format!("/api/v1/seven-keys/{}", workshop["id"]);
    assert_eq!(
        w.call(Method::GET, &article, None, None).await.0,
        StatusCode::NOT_FOUND
    );
    let body = json!({"source_lang": "es", "title_es": "Siete claves para Buenos Aires", "body_es": "El 4 de mayo, cuarenta personas…", "published": true});
    let (status, saved) = w
        .call(Method::PUT, &format!("{base}/article"), Some(body), editor)
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, listed) = w.call(Method::GET, "/api/v1/seven-keys", None, None).await;
    assert_eq!(
        listed["items"][0]["city"]["slug"], "buenos-aires",
        "{listed}"
    );
    let mut reader = w.app.fresh_browser();
    let english = reader
        .get(&format!("/en/seven-keys/{}", workshop["id"]))
        .await;
    assert!(
        english.body.contains("El 4 de mayo") && english.body.contains("Written in Spanish"),
        "{}",
        english.body
    );
    let (_, outputs) = w
        .call(
            Method::GET,
            &format!("/api/v1/programmes/{}/outputs", w.programme),
            None,
            editor,
        )
        .await;
    let kinds = |outputs: &Value| -> Vec<String> {
        outputs
            .as_array()
            .or_else(|| outputs["items"].as_array())
            .expect("outputs")
            .iter()
            .filter_map(|o| o["kind"].as_str().map(str::to_owned))
            .collect()
    };
    let filed = kinds(&outputs);
    assert!(
        filed.contains(&"public_article".to_owned()) && filed.contains(&"action_plan".to_owned()),
        "{filed:?}"
    );
    // Unpublished, it leaves the page; published again, it is listed again, filed once.
    for published in [false, true] {
        let body = json!({"source_lang": "es", "title_es": "Siete claves", "body_es": "El 4 de mayo…", "published": published});
        let (status, _) = w
            .call(Method::PUT, &format!("{base}/article"), Some(body), editor)
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = w.call(Method::GET, &article, None, None).await;
        assert_eq!(status == StatusCode::OK, published);
    }
    let (_, outputs) = w
        .call(
            Method::GET,
            &format!("/api/v1/programmes/{}/outputs", w.programme),
            None,
            editor,
        )
        .await;
    let articles = kinds(&outputs)
        .iter()
        .filter(|k| *k == "public_article")
        .count();
    assert_eq!(articles, 1, "filed once");
    // A participant's link shows the room, not the draft article nor the programme's records.
    let (_, joined) = w
        .call(
            Method::GET,
            &format!("/api/v1/seven-keys/join/{}", token(0)),
            None,
            None,
        )
        .await;
    assert_eq!(
        joined["workshop"]["title"],
        "Siete claves para Buenos Aires"
    );
    assert!(
        joined["workshop"].get("article").is_none()
            && joined["workshop"].get("programme_id").is_none(),
        "{joined}"
    );
}

#[tokio::test]
async fn a_workshop_is_hidden_from_whoever_may_not_see_its_programme() {
    let w = world().await;
    let (_, workshop) = w
        .call(
            Method::POST,
            &format!("/api/v1/programmes/{}/seven-keys", w.programme),
            Some(json!({"title": "Keys", "held_on": "2026-05-04", "lang": "en"})),
            Some(&w.own_editor),
        )
        .await;
    let path = format!("/api/v1/seven-keys/workshops/{}", workshop["id"]);
    assert_eq!(
        w.call(Method::GET, &path, None, Some(&w.own_editor))
            .await
            .0,
        StatusCode::OK
    );
    for token in [None, Some(w.other_editor.as_str())] {
        assert_eq!(
            w.call(Method::GET, &path, None, token).await.0,
            StatusCode::NOT_FOUND
        );
        let mut browser = w.app.fresh_browser();
        let page = browser
            .get(&format!("/en/seven-keys/workshops/{}", workshop["id"]))
            .await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let report = browser
            .get(&format!(
                "/en/seven-keys/workshops/{}/report.pdf",
                workshop["id"]
            ))
            .await;
        assert_eq!(report.status, StatusCode::NOT_FOUND);
    }
    let (status, _) = w
        .call(
            Method::POST,
            &format!("{path}/keys"),
            Some(json!({"title": "x", "actors": "y"})),
            Some(&w.other_editor),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // An activity of another kind is not one a workshop is held for.
    let (status, refused) = w
        .call(Method::POST, &format!("/api/v1/programmes/{}/seven-keys", w.programme),
            Some(json!({"title": "Keys", "held_on": "2026-05-04", "lang": "en", "activity": 999_999})), Some(&w.own_editor))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused["fields"]["activity"].is_object(), "{refused}");
}

#[tokio::test]
async fn the_facilitators_page_shows_a_refused_key_field_by_field_in_french() {
    let w = world().await;
    let (_, workshop) = w
        .call(
            Method::POST,
            &format!("/api/v1/programmes/{}/seven-keys", w.programme),
            Some(json!({"title": "Sept clefs", "held_on": "2026-05-04", "lang": "fr"})),
            Some(&w.own_editor),
        )
        .await;
    let mut browser = w.app.fresh_browser();
    browser.sign_in("ba@example.org").await;
    let page = format!("/fr/seven-keys/workshops/{}", workshop["id"]);
    let shown = browser.get(&page).await;
    assert!(shown.body.contains("Ajouter une clef"), "{}", shown.body);
    let refused = browser
        .post_form(
            &format!("{page}/keys"),
            &[("title", "Bibliothèques ouvertes")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("f-key-actors-error"),
        "{}",
        refused.body
    );
    let added = browser
        .post_form(
            &format!("{page}/keys"),
            &[
                ("title", "Bibliothèques ouvertes"),
                ("actors", "Les bibliothèques"),
                ("sdg-11", "on"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let after = browser.get(&page).await;
    assert!(
        after.body.contains("Bibliothèques ouvertes") && after.body.contains("ODD 11"),
        "{}",
        after.body
    );
    // The table of challenges is sent whole, a theme per challenge; one too long refuses all.
    let mut ids = Vec::new();
    for text in ["Les jeunes partent", "Les bibliothèques ferment tôt"] {
        let (_, made) = w
            .call(
                Method::POST,
                &format!("/api/v1/seven-keys/workshops/{}/challenges", workshop["id"]),
                Some(json!({"text": text})),
                Some(&w.own_editor),
            )
            .await;
        ids.push(format!("theme-{}", made["id"]));
    }
    let long = "x".repeat(121);
    let refused = browser
        .post_form(
            &format!("{page}/themes"),
            &[
                (ids[0].as_str(), "Jeunesse"),
                (ids[1].as_str(), long.as_str()),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, view) = w
        .call(
            Method::GET,
            &format!("/api/v1/seven-keys/workshops/{}", workshop["id"]),
            None,
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(view["themes"], json!([]), "nothing written");
    let sent = browser
        .post_form(
            &format!("{page}/themes"),
            &[(ids[0].as_str(), "Jeunesse"), (ids[1].as_str(), "Jeunesse")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let (_, view) = w
        .call(
            Method::GET,
            &format!("/api/v1/seven-keys/workshops/{}", workshop["id"]),
            None,
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(
        view["themes"],
        json!([{"name": "Jeunesse", "challenges": 2}])
    );
}
