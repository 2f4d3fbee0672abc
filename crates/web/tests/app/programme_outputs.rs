//! A programme's outputs: visibility by default from the catalogue, then role by role (public
//! to all, network to the network's members, confidential to the city's editors and the
//! Leading Cities' secretariat, not found for anyone else, in pages, the API, the city page and
//! the translation queue alike); language versions and the dissemination log.

use crate::common::{TestApp, editor, secretariat};
use ateneu_domain::ids::OutputId;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

/// Buenos Aires's programme with a peer-learning seminar, three outputs of it (an article left
/// to the catalogue's default, internal notes left to it, a report chosen network-only), and the
/// secretariat's token.
struct World {
    app: TestApp,
    programme: i64,
    article: i64,
    notes: i64,
    report: i64,
    token: String,
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let call = |method: Method, path: String, body: Value| {
        let app = &app;
        let token = token.clone();
        async move {
            let reply = app.api(method, &path, Some(body), Some(&token)).await;
            assert!(reply.status.is_success(), "{path}: {}", reply.body);
            reply.json()
        }
    };
    let programme = call(
        Method::POST,
        "/api/v1/programmes".into(),
        json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
    )
    .await["id"]
        .as_i64()
        .expect("a programme");
    let seminar = call(
        Method::POST,
        format!("/api/v1/programmes/{programme}/activities"),
        json!({"catalogue_key": "peer-learning-seminar", "starts_on": "2026-05-04", "ends_on": "2026-05-07"}),
    )
    .await["id"]
        .as_i64()
        .expect("an activity");
    let file = |kind: &str, title: &str, visibility: &str| {
        call(
            Method::POST,
            format!("/api/v1/programmes/{programme}/outputs"),
            json!({"activity": seminar.to_string(), "kind": kind, "title": title, "visibility": visibility}),
        )
    };
    let article = file("public_article", "What the peers learnt", "").await;
    assert_eq!(
        article["visibility"], "public",
        "the terms make a seminar's article public"
    );
    let notes = file("internal_report", "Notes of the seminar", "").await;
    assert_eq!(
        notes["visibility"], "confidential",
        "nothing is published by default"
    );
    let report = file("written_report", "The seminar's report", "network").await;
    World {
        programme,
        article: article["id"].as_i64().expect("id"),
        notes: notes["id"].as_i64().expect("id"),
        report: report["id"].as_i64().expect("id"),
        app,
        token,
    }
}

#[tokio::test]
async fn an_output_is_seen_as_its_visibility_says_and_a_confidential_one_shows_nowhere_else() {
    let mut w = world().await;
    let buenos_aires = w.app.city_id("buenos-aires").await;
    let lyon = w.app.city_id("lyon").await;
    let own = w.app.user("ba@example.org", &[editor(buenos_aires)]).await;
    let member = w.app.user("lyon@example.org", &[editor(lyon)]).await;
    let uccn = w.app.user("uccn@example.org", &[secretariat("uccn")]).await;
    let path = |id: i64| format!("/api/v1/outputs/{id}");
    // (who, article, notes, report): public to all, confidential to the city and the
    // secretariat, network-only to the network's signed-in members.
    let people: [(&str, Option<&str>, [StatusCode; 3]); 5] = [
        (
            "anonymous",
            None,
            [StatusCode::OK, StatusCode::NOT_FOUND, StatusCode::NOT_FOUND],
        ),
        ("the city's editor", Some(&own), [StatusCode::OK; 3]),
        ("the secretariat", Some(&w.token), [StatusCode::OK; 3]),
        (
            "another member city's editor",
            Some(&member),
            [StatusCode::OK, StatusCode::NOT_FOUND, StatusCode::OK],
        ),
        (
            "the Creative Cities' secretariat",
            Some(&uccn),
            [StatusCode::OK, StatusCode::NOT_FOUND, StatusCode::NOT_FOUND],
        ),
    ];
    for (who, token, expected) in people {
        for (id, status) in [w.article, w.notes, w.report].into_iter().zip(expected) {
            let reply = w.app.api(Method::GET, &path(id), None, token).await;
            assert_eq!(reply.status, status, "{who} on output {id}: {}", reply.body);
        }
    }
    // The city page lists what the reader may see, and not a word of the rest.
    let page = w.app.get("/en/cities/buenos-aires").await;
    assert!(page.body.contains("What the peers learnt"));
    assert!(!page.body.contains("Notes of the seminar"));
    assert!(
        !page.body.contains("The seminar&#39;s report") && !page.body.contains("seminar's report")
    );
    assert!(!page.body.contains(&format!("/outputs/{}", w.notes)));
    let hidden = w.app.get(&format!("/en/outputs/{}", w.notes)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    // Writes to a confidential output answer not found to whoever may not see it, and
    // forbidden to whoever sees a public one without keeping it.
    let version = json!({"lang": "fr", "status": "wanted"});
    for token in [&member, &uccn] {
        let reply = w
            .app
            .api(
                Method::POST,
                &format!("{}/versions", path(w.notes)),
                Some(version.clone()),
                Some(token),
            )
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        let reply = w
            .app
            .api(
                Method::POST,
                &format!("{}/versions", path(w.article)),
                Some(version.clone()),
                Some(token),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
    }
    // The translation queue: the secretariat and the city see their versions to translate;
    // another city sees none of them.
    for id in [w.article, w.notes] {
        let asked = w
            .app
            .api(
                Method::POST,
                &format!("{}/versions", path(id)),
                Some(version.clone()),
                Some(&own),
            )
            .await;
        assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    }
    let queue = |token: String| {
        let app = &w.app;
        async move {
            app.api(
                Method::GET,
                "/api/v1/outputs/translations",
                None,
                Some(&token),
            )
            .await
            .json()
        }
    };
    let all = queue(w.token.clone()).await;
    assert_eq!(all["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(all["total"], 2);
    assert!(all["next"].is_null(), "one page holds them");
    let own_queue = queue(own.clone()).await;
    assert_eq!(own_queue["items"].as_array().map(Vec::len), Some(2));
    let nothing = json!({"total": 0, "items": [], "next": null});
    assert_eq!(
        queue(member.clone()).await,
        nothing,
        "another city's queue is its own"
    );
    assert_eq!(queue(uccn.clone()).await, nothing);
    assert_eq!(
        w.app
            .api(Method::GET, "/api/v1/outputs/translations", None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_output_keeps_its_language_versions_and_where_it_was_disseminated() {
    let mut w = world().await;
    let base = format!("/api/v1/outputs/{}", w.article);
    let bad = w
        .app
        .api(
            Method::POST,
            &format!("{base}/versions?lang=fr"),
            Some(json!({"lang": "de", "status": "done", "link": "ftp://x"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &bad.json()["fields"];
    assert_eq!(fields["lang"]["error"], "unknown_language");
    assert_eq!(fields["status"]["error"], "unknown_value");
    assert_eq!(fields["link"]["error"], "invalid_url");
    for (lang, status) in [
        ("en", "original"),
        ("es", "in_translation"),
        ("es", "translated"),
    ] {
        let set = w
            .app
            .api(
                Method::POST,
                &format!("{base}/versions"),
                Some(json!({"lang": lang, "status": status, "translator": "Ana", "title": "Lo que aprendieron"})),
                Some(&w.token),
            )
            .await;
        assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    }
    let shared = w
        .app
        .api(
            Method::POST,
            &format!("{base}/disseminations"),
            Some(json!({"channel": "newsletter", "on": "2026-06-15", "lang": "es", "link": "https://example.org/n/12"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(shared.status, StatusCode::CREATED, "{}", shared.body);
    let view = w.app.api(Method::GET, &base, None, None).await.json();
    let versions = view["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2, "one version per language: {versions:?}");
    assert_eq!(versions[1]["status"], "translated");
    assert_eq!(view["disseminations"][0]["channel"], "newsletter");
    assert_eq!(view["may_file"], false, "the public sees, it does not keep");
    assert_eq!(view["may_see_programme"], false);
    let page = w.app.get(&format!("/es/outputs/{}", w.article)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("El boletín bimestral"));
    assert!(page.body.contains("Traducido"));
    assert!(
        !page.body.contains("/programmes/"),
        "the programme stays confidential"
    );
}

#[tokio::test]
async fn the_feed_holds_the_public_outputs_only_whoever_reads_it() {
    let mut w = world().await;
    let mut secretariat = w.app.fresh_browser();
    secretariat.sign_in("secretariat@example.org").await;
    for (who, reply) in [
        ("anonymous", w.app.get("/fr/outputs/feed.atom").await),
        (
            "the secretariat",
            secretariat.get("/fr/outputs/feed.atom").await,
        ),
    ] {
        assert_eq!(reply.status, StatusCode::OK, "{who}");
        assert!(reply.body.starts_with("<?xml"), "{who}: {}", reply.body);
        assert!(
            reply.body.contains("What the peers learnt")
                && reply.body.contains(&format!("/fr/outputs/{}", w.article))
                && reply.body.contains("Article public"),
            "{who}: {}",
            reply.body
        );
        assert!(
            !reply.body.contains("Notes of the seminar")
                && !reply.body.contains("seminar's report")
                && !reply.body.contains("seminar&#39;s report")
                && !reply.body.contains(&format!("/outputs/{}", w.report)),
            "{who}: only public outputs: {}",
            reply.body
        );
    }
}

#[tokio::test]
async fn the_translation_queue_comes_a_page_at_a_time_the_version_set_longest_ago_first() {
    let mut w = world().await;
    let mut asked = Vec::new();
    for n in 0..17 {
        let output = w
            .app
            .api(
                Method::POST,
                &format!("/api/v1/programmes/{}/outputs", w.programme),
                Some(json!({"kind": "public_article", "title": format!("Article {n}")})),
                Some(&w.token),
            )
            .await
            .json()["id"]
            .as_i64()
            .expect("an output");
        for lang in ["en", "fr", "es"] {
            let version = w
                .app
                .api(
                    Method::POST,
                    &format!("/api/v1/outputs/{output}/versions"),
                    Some(json!({"lang": lang, "status": "wanted"})),
                    Some(&w.token),
                )
                .await;
            assert_eq!(version.status, StatusCode::OK, "{}", version.body);
            asked.push((output, lang));
        }
    }
    let page = |after: Option<i64>| {
        let app = &w.app;
        let token = w.token.clone();
        let path = match after {
            Some(after) => format!("/api/v1/outputs/translations?after={after}"),
            None => "/api/v1/outputs/translations".to_owned(),
        };
        async move { app.api(Method::GET, &path, None, Some(&token)).await.json() }
    };
    let first = page(None).await;
    assert_eq!(first["total"], 51);
    let items = first["items"].as_array().expect("items");
    assert_eq!(items.len(), 50);
    let next = first["next"].as_i64().expect("a next page");
    assert_eq!(items[49]["version"]["id"], next);
    let second = page(Some(next)).await;
    assert_eq!(second["total"], 51);
    assert!(second["next"].is_null());
    let seen: Vec<(i64, String)> = items
        .iter()
        .chain(second["items"].as_array().expect("items"))
        .map(|i| {
            (
                i["output"]["id"].as_i64().expect("output"),
                i["version"]["lang"].as_str().expect("lang").to_owned(),
            )
        })
        .collect();
    let asked: Vec<(i64, String)> = asked.into_iter().map(|(o, l)| (o, l.to_owned())).collect();
    assert_eq!(
        seen, asked,
        "each version once, the one set longest ago first"
    );
    let bad = w
        .app
        .api(
            Method::GET,
            "/api/v1/outputs/translations?after=yesterday",
            None,
            Some(&w.token),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["error"], "invalid_queue_place");
    w.app.sign_in("secretariat@example.org").await;
    let html = w.app.get("/fr/outputs/translations").await;
    assert!(html.body.contains("51 versions attendent en tout."));
    assert!(html.body.contains(&format!(
        r#"rel="next" href="/fr/outputs/translations?after={next}""#
    )));
    // Past the last page: still how many wait, a way back to the first page, no next one.
    let past = w.app.get("/fr/outputs/translations?after=999999999").await;
    assert!(
        past.body.contains("51 versions attendent en tout."),
        "{}",
        past.body
    );
    assert!(!past.body.contains(r#"rel="next""#));
    assert!(past.body.contains(r#"href="/fr/outputs/translations""#));
}

#[tokio::test]
async fn a_city_s_editors_see_only_their_programmes_versions_even_when_they_keep_every_programme() {
    let w = world().await;
    // Mexico City's confidential Lab, closed: its report is an output outside any programme.
    let assessment = w
        .app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({"city": "mexico-city", "framework": "culture21-actions@2015", "module": "commitments",
                        "title": "A closed door", "starts_on": "2026-03-10", "ends_on": "2026-03-11",
                        "visibility": "confidential", "languages": ["es"]})),
            Some(&w.token),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("an assessment");
    let closed = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{assessment}/close"),
            None,
            Some(&w.token),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    // The API keeps language versions for the programmes' outputs only; a city's editors see
    // only their programmes' even should a Lab report have one (written here in storage).
    let report = w.report.max(w.article).max(w.notes) + 1;
    let refused = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/outputs/{report}/versions"),
            Some(json!({"lang": "en", "status": "wanted"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);
    let lab_report = ateneu_db::outputs::by_id(&w.app.state.db.conn, OutputId::new(report))
        .await
        .expect("read")
        .expect("the Lab's report");
    assert_eq!(lab_report.assessment_id, Some(assessment));
    assert_eq!(lab_report.programme_id, None);
    let txn = w.app.state.db.write().await.expect("a transaction");
    ateneu_db::outputs::set_version(
        &txn,
        &ateneu_db::audit::Who::system("test"),
        OutputId::new(report),
        &ateneu_domain::programmes::outputs::VersionDraft {
            lang: ateneu_domain::Lang::En,
            status: ateneu_domain::programmes::outputs::TranslationStatus::Wanted,
            translator: String::new(),
            title: "A closed door, translated".into(),
            link: None,
        },
    )
    .await
    .expect("a version");
    txn.commit().await.expect("commit");
    // Buenos Aires's editor keeps every programme there is (the only one): the queue is still
    // only its outputs, never another city's Lab report.
    let buenos_aires = w.app.city_id("buenos-aires").await;
    let city_editor = w
        .app
        .user("editor@example.org", &[editor(buenos_aires)])
        .await;
    let queue = w
        .app
        .api(
            Method::GET,
            "/api/v1/outputs/translations",
            None,
            Some(&city_editor),
        )
        .await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.body);
    assert!(
        !queue.body.contains("A closed door") && queue.json()["total"] == 0,
        "{}",
        queue.body
    );
}
