//! The newsletter's issues through HTTP and the sending itself: an issue composed from public
//! items, previewed per language, sent to confirmed subscribers only (each in their language,
//! with the sections they chose and the one-click headers), archived; and a sending interrupted
//! and resumed that gives every subscriber exactly one copy.

use crate::common::{TestApp, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeMap;

struct World {
    app: TestApp,
    keeper: String,
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let keeper = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    World { app, keeper }
}

impl World {
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let reply = self.app.api(method, path, body, Some(&self.keeper)).await;
        let value = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
        (reply.status, value)
    }

    /// A published practice with an English title only; its id.
    async fn practice(&self, title: &str) -> i64 {
        let line = json!({
            "external_id": title, "cities": [{"name": "Buenos Aires", "country": "AR"}],
            "status": "completed", "sdgs": [11], "source_lang": "en",
            "text": {"en": {"title": title, "summary": "A harbour library.", "context": "The district."}},
        });
        let done = self
            .app
            .upload_csv(
                "/api/v1/practices/import?stage=published",
                &line.to_string(),
                &self.keeper,
            )
            .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        let practice = ateneu_db::practices::by_external_id(&self.app.state.db.conn, title)
            .await
            .expect("reads")
            .expect("imported");
        practice.id.get()
    }

    async fn event(&self, title: &str) -> i64 {
        let (status, event) = self
            .call(
                Method::POST,
                "/api/v1/events",
                Some(json!({"title_en": title, "title_es": format!("{title} (es)"), "kind": "world_council",
                    "place": "Barcelona", "starts_on": "2099-05-01", "ends_on": "2099-05-03"})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{event}");
        event["id"].as_i64().expect("an event")
    }

    async fn subscribers(&self, csv: &str) {
        let done = self
            .app
            .upload_csv("/api/v1/newsletter/subscribers/import", csv, &self.keeper)
            .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    }

    /// The copies written for an issue: file name → text.
    fn copies(&self, issue: i64) -> BTreeMap<String, String> {
        let folder = self
            .app
            .state
            .config
            .outbox_dir()
            .join(format!("newsletter/issue-{issue}"));
        let Ok(entries) = std::fs::read_dir(folder) else {
            return BTreeMap::new();
        };
        entries
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .map(|p| {
                let name = p.file_name().expect("name").to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).expect("reads"))
            })
            .collect()
    }
}

fn header<'a>(mail: &'a str, name: &str) -> &'a str {
    mail.lines()
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix(": ")))
        .unwrap_or("")
}

#[tokio::test]
async fn an_issue_goes_to_confirmed_subscribers_only_in_their_language_and_is_archived() {
    let w = world().await;
    let practice = w.practice("Harbour Library").await;
    let event = w.event("World Council").await;
    w.subscribers(
        "email,lang,interests,consent\nana@example.org,es,practices,2025 list\nben@example.org,en,events,2025 list\nchloe@example.org,fr,,2025 list\n",
    )
    .await;
    // One waiting for its confirmation, one who left: neither gets the issue.
    let asked = w
        .app
        .api(
            Method::POST,
            "/api/v1/newsletter/subscriptions",
            Some(json!({"email": "dora@example.org", "lang": "en", "interests": ["events"]})),
            None,
        )
        .await;
    assert_eq!(asked.status, StatusCode::ACCEPTED);

    // Only what is public goes in an issue.
    let (status, refused) = w
        .call(
            Method::POST,
            "/api/v1/newsletter/issues",
            Some(json!({"title_en": "Issue 1", "items": ["practice:999999"]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (status, issue) = w
        .call(
            Method::POST,
            "/api/v1/newsletter/issues",
            Some(json!({
                "title_en": "Issue 1", "title_es": "Número 1",
                "editorial_en": "Hello, cities.", "editorial_es": "Hola, ciudades.",
                "items": [format!("practice:{practice}"), format!("event:{event}")]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{issue}");
    let id = issue["id"].as_i64().expect("id");

    // Nobody but the secretariat sees a draft, in the API or the archive.
    let anonymous = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/newsletter/issues/{id}"),
            None,
            None,
        )
        .await;
    assert!(matches!(
        anonymous.status,
        StatusCode::UNAUTHORIZED | StatusCode::NOT_FOUND
    ));
    let archived = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/newsletter/archive/{id}"),
            None,
            None,
        )
        .await;
    assert_eq!(archived.status, StatusCode::NOT_FOUND);

    // The preview in French: the title and editorial fall back to English, said so.
    let (status, preview) = w
        .call(
            Method::GET,
            &format!("/api/v1/newsletter/issues/{id}/preview?edition=fr"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    let text = preview["text"].as_str().expect("text");
    assert!(text.starts_with("Issue 1 (en English)"), "{text}");
    assert!(text.contains("== Bonnes pratiques =="), "{text}");
    assert!(
        preview["html"]
            .as_str()
            .expect("html")
            .contains("<span lang=\"en\">Harbour Library</span>")
    );

    let (status, sending) = w
        .call(
            Method::POST,
            &format!("/api/v1/newsletter/issues/{id}/send"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{sending}");
    let mut view = sending;
    for _ in 0..200 {
        if view["status"] == "sent" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        view = w
            .call(
                Method::GET,
                &format!("/api/v1/newsletter/issues/{id}"),
                None,
            )
            .await
            .1;
    }
    assert_eq!(view["status"], "sent", "{view}");
    assert_eq!(view["copies"], 3);
    assert_eq!(view["progress"], json!({"written": 3}));
    // A sent issue is not changed again.
    let (status, _) = w
        .call(
            Method::PUT,
            &format!("/api/v1/newsletter/issues/{id}"),
            Some(json!({"title_en": "Changed"})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let copies = w.copies(id);
    let by_address: BTreeMap<&str, &str> = copies
        .values()
        .map(|m| (header(m, "To"), m.as_str()))
        .collect();
    assert_eq!(
        by_address.keys().copied().collect::<Vec<_>>(),
        ["ana@example.org", "ben@example.org", "chloe@example.org"],
        "confirmed subscribers only, one copy each"
    );
    let ana = by_address["ana@example.org"];
    assert_eq!(header(ana, "Subject"), "Número 1");
    assert!(ana.contains("Hola, ciudades."));
    assert!(
        ana.contains("Buenas prácticas") && !ana.contains("Próximos eventos"),
        "her interests only"
    );
    assert!(
        ana.contains("Harbour Library (en English)"),
        "a text missing in Spanish says so"
    );
    assert_eq!(
        header(ana, "List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );
    let ben = by_address["ben@example.org"];
    assert!(ben.contains("World Council") && !ben.contains("Harbour Library"));

    // Ana leaves in one click, from the header her mail program offers.
    let one_click = header(ana, "List-Unsubscribe")
        .trim_matches(['<', '>'])
        .trim_start_matches("http://127.0.0.1:8080")
        .to_owned();
    let left = w.app.api(Method::POST, &one_click, None, None).await;
    assert_eq!(left.status, StatusCode::OK, "{}", left.body);
    assert_eq!(left.json()["status"], "unsubscribed");

    // The archive: the page in Spanish, the feed, and the practice's dissemination log.
    let mut app = w.app.fresh_browser();
    let page = app.get(&format!("/es/newsletter/archive/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Número 1") && page.body.contains("Hola, ciudades."));
    assert!(
        !page.body.contains("@example.org"),
        "no address in the archive"
    );
    let feed = app.get("/es/newsletter/archive.atom").await;
    assert!(feed.body.contains("Número 1"), "{}", feed.body);
    let log = ateneu_db::practices::disseminations::of_practice(&w.app.state.db.conn, practice)
        .await
        .expect("reads");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].draft.channel.key(), "newsletter");
}

#[tokio::test]
async fn a_sending_stopped_midway_and_resumed_sends_each_subscriber_one_copy() {
    use ateneu_app::newsletter::{issues, sending};
    let w = world().await;
    let event = w.event("World Council").await;
    let mut csv = String::from("email,lang,interests,consent\n");
    for n in 0..1_100 {
        let lang = ["en", "fr", "es"][n % 3];
        csv.push_str(&format!("person{n}@example.org,{lang},,2025 list\n"));
    }
    w.subscribers(&csv).await;
    let (_, issue) = w
        .call(
            Method::POST,
            "/api/v1/newsletter/issues",
            Some(json!({"title_en": "Issue 2", "items": [format!("event:{event}")]})),
        )
        .await;
    let id = issue["id"].as_i64().expect("id");
    let acting = ateneu_app::Acting::operator("test");
    issues::start(&w.app.state, &acting, id)
        .await
        .expect("starts");
    let frozen = ateneu_db::newsletter::issues::by_id(&w.app.state.db.conn, id)
        .await
        .expect("reads")
        .expect("issue");

    // A first batch goes out, then the process stops in the middle of the second: one copy was
    // written but not recorded, another was with the mail server.
    assert_eq!(
        sending::send_batch(&w.app.state, &frozen, 500)
            .await
            .expect("a batch"),
        500
    );
    let queued = ateneu_db::newsletter::deliveries::next_queued(&w.app.state.db.conn, id, 2)
        .await
        .expect("reads");
    let outbox = w.app.state.config.outbox_dir();
    let written = outbox.join(sending::file_of(id, queued[0].id));
    std::fs::write(
        &written,
        "To: someone\r\nX-Ateneu-Delivery: outbox\r\n\r\nwritten before the stop\r\n",
    )
    .expect("writes");
    std::fs::write(
        outbox.join(sending::file_of(id, queued[1].id)),
        "To: someone\r\nX-Ateneu-Delivery: sending\r\n\r\nwith the server at the stop\r\n",
    )
    .expect("writes");

    // A run killed at an await point (as by a restart) leaves the rest for the next.
    let context = w.app.state.clone();
    let killed = tokio::spawn(async move { sending::run(&context, id).await });
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    killed.abort();
    let _ = killed.await;

    // Another server on the same database leaves the issue to the process that holds it.
    let other = w.app.second_server().await;
    assert_eq!(
        sending::run(&other.state, id).await.expect("runs"),
        sending::Ran::Elsewhere
    );
    assert!(matches!(
        sending::run(&w.app.state, id).await.expect("resumes"),
        sending::Ran::Done(_)
    ));
    let copies = w.copies(id);
    assert_eq!(copies.len(), 1_100, "one file per subscriber");
    let mut addresses: Vec<&str> = copies.values().map(|m| header(m, "To")).collect();
    addresses.sort_unstable();
    addresses.dedup();
    assert_eq!(
        addresses.len(),
        1_100 - 1,
        "every address once (the two stand-ins name 'someone')"
    );
    assert!(
        std::fs::read_to_string(&written)
            .expect("reads")
            .contains("written before the stop"),
        "a copy handled before the stop is not sent again"
    );
    let view = issues::read(&w.app.state, &acting, id)
        .await
        .expect("reads");
    assert_eq!(view.issue.status.key(), "sent");
    let progress: BTreeMap<&str, u64> = view.progress.iter().map(|(s, n)| (s.key(), *n)).collect();
    assert_eq!(
        progress,
        BTreeMap::from([("written", 1_099), ("interrupted", 1)])
    );
}
