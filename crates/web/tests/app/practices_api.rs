//! Good practices through the JSON API: the JSON Lines import (whole file or nothing, twice
//! the same), search across languages with facets, the review workflow role by role, the
//! translation statuses, open data and the feed, and a second process catching up.

use crate::common::{Reply, TestApp, editor, expert, secretariat};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

fn line(external: &str, city: (&str, &str), sdgs: &[u8], text: Value) -> String {
    json!({
        "external_id": external, "cities": [{"name": city.0, "country": city.1}],
        "status": "completed", "start_date": "2018-01-15", "end_date": "2019-12-31",
        "sdgs": sdgs, "fields": ["culture21-actions:cultural-rights"],
        "keywords": ["cultural-heritage"], "text": text,
    })
    .to_string()
}

fn corpus() -> String {
    [
        line(
            "obs-1",
            ("Lyon", "FR"),
            &[11],
            json!({"fr": {"title": "Bibliothèques ouvertes la nuit", "summary": "Les bibliothèques de quartier restent ouvertes le soir pour les étudiants."}}),
        ),
        line(
            "obs-2",
            ("Bilbao", "ES"),
            &[4, 11],
            json!({"en": {"title": "Night libraries", "summary": "Neighbourhood libraries open late <script>alert(1)</script> for students."},
                   "es": {"title": "Bibliotecas nocturnas", "summary": "Las bibliotecas abren por la noche."}}),
        ),
        line(
            "obs-3",
            ("Porto Alegre", "BR"),
            &[5],
            json!({"en": {"title": "Women in the city's festivals", "summary": "Gender equality in cultural festivals."}}),
        ),
    ]
    .join("\n")
}

async fn import(app: &TestApp, token: &str, body: &str) -> Reply {
    let request = axum::http::Request::post("/api/v1/practices/import")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/x-ndjson")
        .body(axum::body::Body::from(body.to_owned()))
        .expect("request");
    app.send_unsigned(request).await
}

async fn search(app: &TestApp, query: &str) -> Value {
    let reply = app
        .api(
            Method::GET,
            &format!("/api/v1/practices/search?{query}"),
            None,
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

fn ids(found: &Value) -> Vec<i64> {
    found["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn an_import_is_searchable_in_every_language_with_facets() {
    let app = TestApp::with_demo().await;
    let token = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let first = import(&app, &token, &corpus()).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let summary = first.json();
    assert_eq!(summary["created"], 3);
    assert_eq!(
        summary["cities_created"],
        json!(["Porto Alegre (BR)"]),
        "Lyon and Bilbao exist"
    );
    let again = import(&app, &token, &corpus()).await.json();
    assert_eq!(
        (again["created"].clone(), again["unchanged"].clone()),
        (json!(0), json!(3))
    );

    // Accents and case do not matter, and the French-only practice is found from English.
    let found = search(&app, "q=BIBLIOTHEQUES&lang=en").await;
    assert_eq!(found["total"], 1, "{found}");
    let hit = &found["hits"][0];
    assert_eq!(hit["title"], "Bibliothèques ouvertes la nuit");
    assert_eq!(hit["lang"], "fr", "shown in the language it exists in");
    assert_eq!(hit["city"], "Lyon");
    // The same request in another interface language finds the same practices in the same order.
    let libraries_en = search(&app, "q=libraries&lang=en").await;
    let libraries_es = search(&app, "q=libraries&lang=es").await;
    assert_eq!(ids(&libraries_en), ids(&libraries_es));
    assert_eq!(libraries_es["hits"][0]["title"], "Bibliotecas nocturnas");
    let snippet = libraries_en["hits"][0]["snippet"]
        .as_str()
        .expect("snippet");
    assert!(!snippet.contains("<script"), "{snippet}");

    // Facets count the whole result; filters of one kind OR, of different kinds AND.
    let all = search(&app, "").await;
    assert_eq!(all["total"], 3);
    assert_eq!(all["facets"]["sdg"]["11"], 2);
    assert_eq!(all["facets"]["country"]["BR"], 1);
    assert_eq!(all["facets"]["language"]["fr"], 1);
    assert_eq!(search(&app, "sdg=4&sdg=5").await["total"], 2);
    assert_eq!(search(&app, "sdg=11&country=FR").await["total"], 1);
    assert_eq!(
        search(&app, "sdg=11&region=latin-america").await["total"],
        0
    );
    // Bad parameters are refused, not guessed.
    let bad = app
        .api(Method::GET, "/api/v1/practices/search?page=0", None, None)
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_bad_file_writes_nothing_and_says_which_line() {
    let app = TestApp::with_demo().await;
    let token = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let file = format!("{}\n{{\"external_id\": \"x\"}}\nnot json", corpus());
    let reply = import(&app, &token, &file).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let lines = reply.json()["lines"].as_array().expect("lines").clone();
    assert!(
        lines
            .iter()
            .any(|l| l["line"] == 4 && l["column"] == "cities"),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l["line"] == 5), "{lines:?}");
    assert_eq!(search(&app, "").await["total"], 0);
    let editor_token = app
        .user("ed@example.org", &[editor(app.city_id("lyon").await)])
        .await;
    assert_eq!(
        import(&app, &editor_token, &corpus()).await.status,
        StatusCode::FORBIDDEN
    );
}

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Value,
    token: Option<&str>,
) -> Reply {
    app.api(method, path, Some(body), token).await
}

#[tokio::test]
async fn the_review_workflow_role_by_role() {
    let app = TestApp::with_demo().await;
    let lyon = app.city_id("lyon").await;
    let editor_token = app.user("lyon@example.org", &[editor(lyon)]).await;
    let other = app
        .user("bilbao@example.org", &[editor(app.city_id("bilbao").await)])
        .await;
    let reviewer = app
        .user(
            "rev@example.org",
            &[Grant::new(Role::Reviewer, None, None).expect("grant")],
        )
        .await;
    let advisor = app.user("exp@example.org", &[expert(None)]).await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;

    let created = call(
        &app,
        Method::POST,
        "/api/v1/practices",
        json!({"cities": ["lyon"], "lang": "en", "title": "Open libraries"}),
        Some(&editor_token),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("id");
    let path = format!("/api/v1/practices/{id}");
    let not_theirs = call(
        &app,
        Method::POST,
        "/api/v1/practices",
        json!({"cities": ["lyon"], "lang": "en", "title": "x"}),
        Some(&other),
    )
    .await;
    assert_eq!(not_theirs.status, StatusCode::FORBIDDEN);

    // A draft is unknown to the public and to another city's editor.
    for token in [None, Some(other.as_str())] {
        assert_eq!(
            app.api(Method::GET, &path, None, token).await.status,
            StatusCode::NOT_FOUND
        );
    }
    for token in [&editor_token, &reviewer, &advisor, &sec] {
        assert_eq!(
            app.api(Method::GET, &path, None, Some(token)).await.status,
            StatusCode::OK
        );
    }
    let step = |step: &str, comment: &str| json!({"step": step, "comment": comment});
    let steps = format!("{path}/steps");
    let early = call(
        &app,
        Method::POST,
        &steps,
        step("submit", ""),
        Some(&editor_token),
    )
    .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.json()["error"], "practice_incomplete");

    let too_long = call(
        &app,
        Method::PATCH,
        &path,
        json!({"texts": {"summary": "word ".repeat(301)}}),
        Some(&editor_token),
    )
    .await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        too_long.json()["fields"]["summary"]["error"],
        "too_many_words",
        "{}",
        too_long.body
    );
    let filled = call(&app, Method::PATCH, &path, json!({
        "texts": {"summary": "Libraries open late.", "context": "A city of students.",
                  "objectives": "Study space.", "implementation": "Staff rotas.", "results": "More readers."},
        "status": "in_progress", "start_date": "2024-01-01", "sdgs": ["4", "11"],
        "contact": {"name": "Ana", "email": "ana@example.org", "public": false}
    }), Some(&editor_token)).await;
    assert_eq!(filled.status, StatusCode::OK, "{}", filled.body);
    assert_eq!(filled.json()["complete"], true);
    let advice = call(
        &app,
        Method::POST,
        &format!("{path}/comments"),
        json!({"kind": "advice", "body": "Add figures on readers."}),
        Some(&advisor),
    )
    .await;
    assert_eq!(advice.status, StatusCode::CREATED);
    assert_eq!(
        call(
            &app,
            Method::POST,
            &format!("{path}/comments"),
            json!({"kind": "advice", "body": "Me too"}),
            Some(&editor_token)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );

    assert_eq!(
        call(
            &app,
            Method::POST,
            &steps,
            step("submit", ""),
            Some(&editor_token)
        )
        .await
        .status,
        StatusCode::OK
    );
    let locked = call(
        &app,
        Method::PATCH,
        &path,
        json!({"texts": {"title": "Changed"}}),
        Some(&editor_token),
    )
    .await;
    assert_eq!(
        locked.status,
        StatusCode::FORBIDDEN,
        "submitted: the reviewer's turn"
    );
    assert_eq!(
        call(
            &app,
            Method::POST,
            &steps,
            step("approve", ""),
            Some(&advisor)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let why = call(
        &app,
        Method::POST,
        &steps,
        step("request_changes", " "),
        Some(&reviewer),
    )
    .await;
    assert_eq!(why.json()["error"], "comment_required");
    assert_eq!(
        call(
            &app,
            Method::POST,
            &steps,
            step("approve", ""),
            Some(&reviewer)
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        call(
            &app,
            Method::POST,
            &steps,
            step("publish", ""),
            Some(&reviewer)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        search(&app, "q=libraries").await["total"],
        0,
        "not published yet"
    );
    assert_eq!(
        call(&app, Method::POST, &steps, step("publish", ""), Some(&sec))
            .await
            .status,
        StatusCode::OK
    );

    // Published: public, searchable, contact still private; the history is for workers.
    let public = app.api(Method::GET, &path, None, None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.json()["record"].get("contact").is_none(),
        "{}",
        public.body
    );
    assert!(!public.body.contains("ana@example.org"));
    assert_eq!(search(&app, "q=libraries").await["total"], 1);
    assert_eq!(
        app.api(Method::GET, &format!("{path}/comments"), None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let history = app
        .api(
            Method::GET,
            &format!("{path}/comments"),
            None,
            Some(&editor_token),
        )
        .await
        .json();
    let kinds: Vec<&str> = history["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["step"].as_str())
        .collect();
    assert_eq!(kinds, vec!["submit", "approve", "publish"]);
    let feature = call(
        &app,
        Method::PUT,
        &format!("{path}/promotion"),
        json!({"featured": true, "newsletter_on": "2026-12-01"}),
        Some(&reviewer),
    )
    .await;
    assert_eq!(feature.status, StatusCode::FORBIDDEN);
    let feature = call(
        &app,
        Method::PUT,
        &format!("{path}/promotion"),
        json!({"featured": true, "newsletter_on": "2026-12-01"}),
        Some(&sec),
    )
    .await;
    assert_eq!(feature.status, StatusCode::NO_CONTENT);

    // Archived: out of the search.
    assert_eq!(
        call(&app, Method::POST, &steps, step("archive", ""), Some(&sec))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(search(&app, "q=libraries").await["total"], 0);
    assert_eq!(
        app.api(Method::GET, &path, None, None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn translations_have_statuses_and_a_queue() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let translator = app
        .user(
            "tr@example.org",
            &[Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant")],
        )
        .await;
    assert_eq!(import(&app, &sec, &corpus()).await.status, StatusCode::OK);
    let id = search(&app, "q=night&lang=en").await["hits"][0]["id"]
        .as_i64()
        .expect("id");
    let path = format!("/api/v1/practices/{id}");
    let queue = app
        .api(
            Method::GET,
            "/api/v1/practices/translation-queue?lang=fr",
            None,
            Some(&translator),
        )
        .await
        .json();
    assert!(
        queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["id"] == id),
        "{queue}"
    );
    // A translator may add French but not touch the English or the tags.
    let fr = call(
        &app,
        Method::PATCH,
        &path,
        json!({"lang": "fr", "texts": {"title": "Bibliothèques de nuit"}}),
        Some(&translator),
    )
    .await;
    assert_eq!(fr.status, StatusCode::OK, "{}", fr.body);
    let en = call(
        &app,
        Method::PATCH,
        &path,
        json!({"texts": {"title": "Changed"}}),
        Some(&translator),
    )
    .await;
    assert_eq!(en.status, StatusCode::FORBIDDEN);
    let cell = |grid: &Value, field: &str, lang: &str| {
        grid["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .find(|c| c["field"] == field && c["lang"] == lang)
            .map(|c| c["status"].clone())
    };
    let grid = app
        .api(Method::GET, &format!("{path}/translations"), None, None)
        .await
        .json();
    assert_eq!(cell(&grid, "title", "fr"), Some(json!("translated")));
    assert_eq!(cell(&grid, "summary", "fr"), Some(json!("missing")));
    // The source changes: the translations are marked as needing an update.
    let changed = call(
        &app,
        Method::PATCH,
        &path,
        json!({"texts": {"title": "Libraries at night"}}),
        Some(&sec),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    let grid = app
        .api(Method::GET, &format!("{path}/translations"), None, None)
        .await
        .json();
    assert_eq!(cell(&grid, "title", "fr"), Some(json!("needs_update")));
    assert_eq!(cell(&grid, "title", "es"), Some(json!("needs_update")));
    // The French title is found, and the English one shows the change.
    assert_eq!(
        search(&app, "q=nuit&lang=fr").await["hits"][0]["title"],
        "Bibliothèques de nuit"
    );
    assert_eq!(
        search(&app, "q=night&lang=en").await["hits"][0]["title"],
        "Libraries at night"
    );
}

#[tokio::test]
async fn open_data_feed_and_a_second_process() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    // A second server process on the same database, with its own index.
    let config = app.state.config.as_ref().clone();
    let other = ateneu_web::AppState::new(app.state.db.clone(), config)
        .await
        .expect("state");
    assert_eq!(import(&app, &sec, &corpus()).await.status, StatusCode::OK);
    other.search.catch_up(&other.db).await.expect("catch up");
    assert_eq!(
        other.search.index.len(),
        3,
        "the other process caught up from the change log"
    );

    let csv = app
        .api(Method::GET, "/api/v1/practices/export.csv", None, None)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let codebook = app
        .api(Method::GET, "/api/v1/practices/codebook", None, None)
        .await
        .json();
    let columns: Vec<String> = codebook["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c["name"].as_str().expect("name").to_owned())
        .collect();
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, columns, "the codebook describes the CSV");
    assert_eq!(reader.records().count(), 3);
    let exported = app
        .api(Method::GET, "/api/v1/practices/export.jsonl", None, None)
        .await;
    // The JSON export imports back unchanged.
    let back = import(&app, &sec, &exported.body).await.json();
    assert_eq!(back["unchanged"], 3, "{back}");
    let json_export = app
        .api(Method::GET, "/api/v1/practices/export.json", None, None)
        .await;
    assert_eq!(
        serde_json::from_str::<Value>(&json_export.body)
            .expect("json")
            .as_array()
            .map(Vec::len),
        Some(3)
    );

    let mut browser = app.fresh_browser();
    let feed = browser.get("/fr/practices/feed.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.body
            .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
    );
    assert!(feed.body.contains("Bibliothèques ouvertes la nuit"));
    assert!(!feed.body.contains("<script>"), "escaped in the feed");
}
