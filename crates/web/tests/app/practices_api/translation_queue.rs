//! The translators' queue a page at a time: every practice with work left comes once, most
//! work first, whatever the number of practices; role by role; bad places are 400.

use super::{import, line};
use crate::common::{TestApp, editor, secretariat};
use ateneu_domain::accounts::{Grant, Role};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

/// `n` published practices in English; every third also in French; the others have from
/// zero to four long fields, so that their French work differs.
fn corpus(n: usize) -> String {
    const LONG: [&str; 4] = ["context", "objectives", "results", "lessons"];
    (0..n)
        .map(|i| {
            let mut en = json!({"title": format!("Practice {i}"), "summary": "Libraries open at night."});
            for field in LONG.iter().take(i % 5) {
                en[*field] = json!("Some text.");
            }
            let mut text = json!({ "en": en });
            if i % 3 == 0 {
                text["fr"] = json!({"title": format!("Pratique {i}"), "summary": "Des bibliothèques ouvertes la nuit."});
            }
            line(&format!("q-{i}"), ("Lyon", "FR"), &[11], text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every page of the queue in `lang`: its items and how many pages it took.
async fn walk(app: &TestApp, token: &str, lang: &str) -> (Vec<Value>, usize) {
    let mut items = Vec::new();
    let mut after: Option<String> = None;
    for pages in 1..100 {
        let path = match &after {
            Some(place) => format!("/api/v1/practices/translation-queue?lang={lang}&after={place}"),
            None => format!("/api/v1/practices/translation-queue?lang={lang}"),
        };
        let reply = app.api(Method::GET, &path, None, Some(token)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let page = reply.json();
        let got = page["items"].as_array().expect("items");
        assert!(got.len() <= 50, "a page holds at most 50");
        items.extend(got.iter().cloned());
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => return (items, pages),
        }
    }
    panic!("the queue never ends");
}

fn work(item: &Value) -> i64 {
    ["missing", "draft", "needs_update"]
        .iter()
        .map(|k| item[*k].as_i64().expect("a count"))
        .sum()
}

#[tokio::test]
async fn the_queue_pages_through_every_practice_with_work_most_first() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let n = 130;
    assert_eq!(import(&app, &sec, &corpus(n)).await.status, StatusCode::OK);
    let (items, pages) = walk(&app, &sec, "fr").await;
    // Two thirds lack French; the demo's own practices may add some.
    let ours: Vec<&Value> = items
        .iter()
        .filter(|i| {
            i["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Practice "))
        })
        .collect();
    assert_eq!(ours.len(), (0..n).filter(|i| i % 3 != 0).count());
    assert!(pages >= 2, "{} items in {pages} page(s)", items.len());
    let mut ids: Vec<i64> = items
        .iter()
        .map(|i| i["id"].as_i64().expect("id"))
        .collect();
    let listed = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), listed, "a practice came twice");
    assert!(items.iter().all(|i| work(i) > 0));
    let works: Vec<i64> = items.iter().map(work).collect();
    assert!(works.windows(2).all(|w| w[0] >= w[1]), "{works:?}");
    // More long fields, more to translate: the top of the queue has the most.
    assert!(works[0] > *works.last().expect("some"), "{works:?}");

    // Translating a practice's last missing texts takes it out of the queue.
    let first = &items[0];
    let id = first["id"].as_i64().expect("id");
    let full = app
        .api(
            Method::GET,
            &format!("/api/v1/practices/{id}"),
            None,
            Some(&sec),
        )
        .await
        .json();
    let mut texts = serde_json::Map::new();
    for (field, value) in full["record"]["texts"].as_object().expect("texts") {
        if value["values"].get("en").is_some() {
            texts.insert(field.clone(), json!(format!("Texte {field}")));
        }
    }
    let patched = app
        .api(
            Method::PATCH,
            &format!("/api/v1/practices/{id}"),
            Some(json!({"lang": "fr", "texts": texts})),
            Some(&sec),
        )
        .await;
    assert_eq!(patched.status, StatusCode::OK, "{}", patched.body);
    let (after, _) = walk(&app, &sec, "fr").await;
    assert!(after.iter().all(|i| i["id"] != id));
    assert_eq!(after.len(), items.len() - 1);
    // In English, nothing is left to translate in our practices.
    let (english, _) = walk(&app, &sec, "en").await;
    assert!(english.iter().all(|i| {
        !i["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Practice "))
    }));
}

#[tokio::test]
async fn the_queue_role_by_role_and_bad_places() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    assert_eq!(import(&app, &sec, &corpus(6)).await.status, StatusCode::OK);
    let lyon = app.city_id("lyon").await;
    let city_editor = app.user("lyon@example.org", &[editor(lyon)]).await;
    let reviewer = app
        .user(
            "rev@example.org",
            &[Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant")],
        )
        .await;
    let path = "/api/v1/practices/translation-queue?lang=fr";
    assert_eq!(
        app.api(Method::GET, path, None, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Published practices are past their city's editing: not in its editor's queue.
    let (mine, _) = walk(&app, &city_editor, "fr").await;
    assert!(mine.is_empty(), "{mine:?}");
    let (reviewed, _) = walk(&app, &reviewer, "fr").await;
    let (all, _) = walk(&app, &sec, "fr").await;
    assert_eq!(reviewed.len(), all.len());
    assert!(all.len() >= 4);
    for bad in ["x", "1", "1.x", "-1.2", "1.2.3"] {
        let reply = app
            .api(
                Method::GET,
                &format!("{path}&after={bad}"),
                None,
                Some(&sec),
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(reply.json()["error"], "invalid_queue_place", "{bad}");
    }
    let said = app
        .api(Method::GET, &format!("{path}&after=zz"), None, Some(&sec))
        .await
        .json();
    let message = said["message"].as_str().expect("a message");
    // In the signed-in reader's language, naming the bad value.
    assert!(message.contains("zz"), "{message}");
    assert!(
        [
            "translation queue",
            "file de traduction",
            "cola de traducción"
        ]
        .iter()
        .any(|words| message.contains(words)),
        "{message}"
    );
}

#[tokio::test]
async fn practices_written_before_the_count_are_counted_at_start() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    assert_eq!(import(&app, &sec, &corpus(12)).await.status, StatusCode::OK);
    let (counted, _) = walk(&app, &sec, "fr").await;
    assert!(counted.len() >= 8);
    // As a database migrated from before the count holds them.
    app.state
        .db
        .conn
        .execute_unprepared("UPDATE practices SET work_en = -1, work_fr = -1, work_es = -1")
        .await
        .expect("update");
    let (uncounted, _) = walk(&app, &sec, "fr").await;
    assert!(uncounted.is_empty());
    let recounted = ateneu_db::practices::count_translation_work(&app.state.db)
        .await
        .expect("counted");
    assert!(recounted >= 12);
    assert_eq!(walk(&app, &sec, "fr").await.0, counted);
    assert_eq!(
        ateneu_db::practices::count_translation_work(&app.state.db)
            .await
            .expect("counted"),
        0
    );
}
