//! The events calendar: an availability request answered, confirmed and shown on the city's
//! page; who sees requests and answers, role by role (the secretariat and the asked city's
//! editors; 404 for anyone else); the deadline, reopening, concurrent answers; reminders through
//! the outbox once a day; the iCalendar files.

use crate::common::{TestApp, editor, expert, secretariat};
use axum::http::{Method, StatusCode, header};
use chrono::{Days, NaiveDate, Utc};
use serde_json::{Value, json};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn days(n: u64) -> String {
    (today() + Days::new(n)).to_string()
}

struct World {
    app: TestApp,
    /// The Leading Cities' secretariat, Buenos Aires's editor, Lyon's editor.
    token: String,
    own: String,
    other: String,
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let own = app
        .user(
            "ba@example.org",
            &[editor(app.city_id("buenos-aires").await)],
        )
        .await;
    let other = app
        .user("lyon@example.org", &[editor(app.city_id("lyon").await)])
        .await;
    World {
        app,
        token,
        own,
        other,
    }
}

impl World {
    async fn call(&self, method: Method, path: &str, body: Value, token: &str) -> Value {
        let reply = self.app.api(method, path, Some(body), Some(token)).await;
        assert!(
            reply.status.is_success(),
            "{path}: {} {}",
            reply.status,
            reply.body
        );
        reply.json()
    }

    /// An event starting in `starts_in` days (negative: past) and lasting two days.
    async fn event(&self, title: &str, starts: &str, ends: &str) -> i64 {
        self.call(
            Method::POST,
            "/api/v1/events",
            json!({"title_en": title, "kind": "world_council", "place": "Barcelona", "starts_on": starts, "ends_on": ends}),
            &self.token,
        )
        .await["id"]
            .as_i64()
            .expect("an event")
    }

    /// Asks Buenos Aires about the event, to answer by `deadline`; the request's id.
    async fn ask(&self, event: i64, deadline: &str) -> i64 {
        let asked = self
            .call(
                Method::POST,
                &format!("/api/v1/events/{event}/requests"),
                json!({"cities": ["buenos-aires"], "deadline": deadline}),
                &self.token,
            )
            .await;
        asked["asked"][0]["id"].as_i64().expect("a request")
    }
}

#[tokio::test]
async fn a_request_is_answered_confirmed_and_shows_on_the_city_page() {
    let w = world().await;
    let event = w.event("UCLG World Council", &days(30), &days(32)).await;
    let request = w.ask(event, &days(10)).await;
    // Lyon is not a Leading City: refused by name; asking Buenos Aires again changes nothing.
    let refused = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/events/{event}/requests?lang=es"),
            Some(json!({"cities": "buenos-aires\nlyon", "deadline": days(10)})),
            Some(&w.token),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert_eq!(
        refused.json()["fields"]["cities"]["error"],
        "city_not_leading"
    );
    assert!(
        refused.body.contains("no es actualmente Ciudad Líder"),
        "{}",
        refused.body
    );
    let again = w
        .call(
            Method::POST,
            &format!("/api/v1/events/{event}/requests"),
            json!({"cities": ["buenos-aires"], "deadline": days(12)}),
            &w.token,
        )
        .await;
    assert_eq!(again["already_asked"], json!(["buenos-aires"]));
    // The city's editors see it waiting; the secretariat sees it without an answer.
    let waiting = w
        .call(Method::GET, "/api/v1/events/waiting", Value::Null, &w.own)
        .await;
    assert_eq!(waiting[0]["request"]["id"], request);
    let unanswered = w
        .call(
            Method::GET,
            "/api/v1/events/unanswered",
            Value::Null,
            &w.token,
        )
        .await;
    assert_eq!(unanswered.as_array().map(Vec::len), Some(1));
    // The answer, then a second one made on the same revision: refused, nothing overwritten.
    let answer = format!("/api/v1/events/{event}/requests/{request}/answer");
    let named = json!({"revision": 1, "availability": "representative", "representative_name": "Ana Pérez",
                       "representative_position": "Secretary of culture", "comment": "The mayor is abroad"});
    let answered = w.call(Method::PUT, &answer, named, &w.own).await;
    assert_eq!(answered["answer"]["availability"], "representative");
    assert_eq!(answered["revision"], 2);
    let late = w
        .app
        .api(
            Method::PUT,
            &answer,
            Some(json!({"revision": 1, "availability": "not_available"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert_eq!(late.json()["error"], "changed_meanwhile");
    let missing = w
        .app
        .api(
            Method::PUT,
            &answer,
            Some(json!({"revision": 2, "availability": "representative"})),
            Some(&w.own),
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.json()["fields"]["representative_name"].is_object());
    let unanswered = w
        .call(
            Method::GET,
            "/api/v1/events/unanswered",
            Value::Null,
            &w.token,
        )
        .await;
    assert_eq!(unanswered, json!([]));
    // The secretariat confirms; an event to come shows on the city page to the network's
    // members only, a past one to everyone.
    w.call(
        Method::POST,
        &format!("/api/v1/events/{event}/representatives"),
        json!({"city": "buenos-aires", "name": "Ana Pérez", "position": "Secretary of culture"}),
        &w.token,
    )
    .await;
    let past = w.event("UNESCO forum", "2025-05-05", "2025-05-06").await;
    w.call(
        Method::POST,
        &format!("/api/v1/events/{past}/representatives"),
        json!({"city": "buenos-aires", "name": "Jorge Macri", "position": "Mayor"}),
        &w.token,
    )
    .await;
    let mut anonymous = w.app.fresh_browser();
    let page = anonymous.get("/en/cities/buenos-aires").await;
    assert!(page.body.contains("Jorge Macri") && page.body.contains("UNESCO forum"));
    assert!(!page.body.contains("Ana Pérez"), "to come: members only");
    let member = w
        .app
        .api(Method::GET, "/en/cities/buenos-aires", None, Some(&w.other))
        .await;
    assert!(member.body.contains("Ana Pérez") && member.body.contains("Jorge Macri"));
    let event_page = anonymous.get(&format!("/en/events/{past}")).await;
    assert!(event_page.body.contains("Jorge Macri"));
    let event_page = anonymous.get(&format!("/en/events/{event}")).await;
    assert!(!event_page.body.contains("Ana Pérez"));
    let calendar = anonymous.get("/fr/events").await;
    assert_eq!(calendar.status, StatusCode::OK);
    assert!(calendar.body.contains("UCLG World Council") && calendar.body.contains("Passés"));
}

#[tokio::test]
async fn requests_and_answers_are_seen_by_the_secretariat_and_the_asked_city_alone() {
    let w = world().await;
    let event = w.event("World Congress", &days(40), &days(43)).await;
    let request = w.ask(event, &days(20)).await;
    w.call(
        Method::PUT,
        &format!("/api/v1/events/{event}/requests/{request}/answer"),
        json!({"revision": 1, "availability": "available", "comment": "Private remark of the city"}),
        &w.own,
    )
    .await;
    let uccn = w.app.user("uccn@example.org", &[secretariat("uccn")]).await;
    let an_expert = w
        .app
        .user("expert@example.org", &[expert(Some("uclg-culture"))])
        .await;
    let people: [(&str, Option<&str>, bool); 6] = [
        ("anonymous", None, false),
        ("the asked city's editor", Some(&w.own), true),
        ("another city's editor", Some(&w.other), false),
        ("an expert of the network", Some(&an_expert), false),
        ("the Creative Cities' secretariat", Some(&uccn), false),
        ("the Leading Cities' secretariat", Some(&w.token), true),
    ];
    let answer = format!("/api/v1/events/{event}/requests/{request}/answer");
    for (who, token, sees) in people {
        let view = w
            .app
            .api(Method::GET, &format!("/api/v1/events/{event}"), None, token)
            .await;
        assert_eq!(view.status, StatusCode::OK, "{who}: the event is public");
        let requests = view.json()["requests"].as_array().map_or(0, Vec::len);
        assert_eq!(requests, usize::from(sees), "{who}");
        assert_eq!(view.body.contains("Private remark"), sees, "{who}");
        let page = w
            .app
            .api(Method::GET, &format!("/en/events/{event}"), None, token)
            .await;
        assert_eq!(
            page.body.contains("Private remark"),
            sees,
            "{who}: the page"
        );
        let write = w
            .app
            .api(
                Method::PUT,
                &answer,
                Some(json!({"revision": 2, "availability": "not_available", "comment": "Private remark, changed"})),
                token,
            )
            .await;
        let expected = match (token, sees) {
            (None, _) => StatusCode::UNAUTHORIZED,
            (_, true) => StatusCode::CONFLICT,
            (_, false) => StatusCode::NOT_FOUND,
        };
        // Those who see it answer on an old revision once the first of them saved.
        if sees && who.contains("editor") {
            assert_eq!(write.status, StatusCode::OK, "{who}: {}", write.body);
        } else {
            assert_eq!(write.status, expected, "{who}: {}", write.body);
        }
        let ics = w
            .app
            .api(
                Method::GET,
                "/api/v1/cities/buenos-aires/events.ics",
                None,
                token,
            )
            .await;
        let expected = if sees {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        };
        assert_eq!(ics.status, expected, "{who}: the city's calendar");
        let waiting = w
            .app
            .api(Method::GET, "/api/v1/events/unanswered", None, token)
            .await;
        assert!(
            !waiting.status.is_success() || who.contains("Leading Cities"),
            "{who}: the unanswered list"
        );
    }
}

#[tokio::test]
async fn an_answer_after_the_deadline_is_refused_until_the_secretariat_reopens() {
    let w = world().await;
    let event = w.event("Regional section", &days(20), &days(20)).await;
    let request = w.ask(event, &days(5)).await;
    {
        use ateneu_db::entities::event_request;
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        event_request::Entity::update_many()
            .col_expr(
                event_request::Column::Deadline,
                Expr::value(today() - Days::new(1)),
            )
            .filter(event_request::Column::Id.eq(request))
            .exec(&w.app.state.db.conn)
            .await
            .expect("the deadline goes by");
    }
    let answer = format!("/api/v1/events/{event}/requests/{request}/answer");
    let late = w
        .app
        .api(
            Method::PUT,
            &answer,
            Some(json!({"revision": 1, "availability": "available"})),
            Some(&w.own),
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(late.json()["error"], "deadline_passed");
    // In the browser, in French: the page says why.
    let mut browser = w.app.fresh_browser();
    browser.sign_in("ba@example.org").await;
    let page = browser.get(&format!("/fr/events/{event}")).await;
    assert!(page.body.contains("Date limite dépassée"), "{}", page.body);
    let posted = browser
        .post_form(
            &format!("/fr/events/{event}/requests/{request}/answer"),
            &[("revision", "1"), ("availability", "available")],
        )
        .await;
    assert_eq!(posted.status, StatusCode::CONFLICT);
    assert!(
        posted.body.contains("les réponses sont closes"),
        "{}",
        posted.body
    );
    // Reopened (never into the past), the city answers.
    let reopen = format!("/api/v1/events/{event}/requests/{request}/reopen");
    let backwards = w
        .app
        .api(
            Method::POST,
            &reopen,
            Some(json!({"deadline": "2020-01-01"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(backwards.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        backwards.json()["fields"]["deadline"]["error"],
        "deadline_in_past"
    );
    let by_city = w
        .app
        .api(
            Method::POST,
            &reopen,
            Some(json!({"deadline": days(3)})),
            Some(&w.own),
        )
        .await;
    assert_eq!(by_city.status, StatusCode::FORBIDDEN);
    let reopened = w
        .call(
            Method::POST,
            &reopen,
            json!({"deadline": days(3)}),
            &w.token,
        )
        .await;
    let revision = reopened["revision"].as_i64().expect("a revision");
    let posted = browser
        .post_form(
            &format!("/fr/events/{event}/requests/{request}/answer"),
            &[
                ("revision", &revision.to_string()),
                ("availability", "not_available"),
                ("comment", "Conseil municipal ce jour-là"),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::SEE_OTHER, "{}", posted.body);
    let view = w
        .call(
            Method::GET,
            &format!("/api/v1/events/{event}"),
            Value::Null,
            &w.token,
        )
        .await;
    assert_eq!(
        view["requests"][0]["answer"]["availability"],
        "not_available"
    );
}

#[tokio::test]
async fn reminders_go_to_the_city_s_editors_once_a_day() {
    let w = world().await;
    let soon = w.event("Culture summit", &days(15), &days(16)).await;
    let later = w.event("Conference", &days(40), &days(40)).await;
    w.ask(soon, &days(2)).await;
    w.ask(later, &days(20)).await;
    let before = w.app.state.mailer.list().await.expect("outbox").len();
    let forbidden = w
        .app
        .api(Method::POST, "/api/v1/events/reminders", None, Some(&w.own))
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let first = w
        .call(
            Method::POST,
            "/api/v1/events/reminders",
            Value::Null,
            &w.token,
        )
        .await;
    assert_eq!(
        first,
        json!({"requests": 1, "emails": 1, "already_today": 0})
    );
    let mails = w.app.state.mailer.list().await.expect("outbox");
    assert_eq!(mails.len(), before + 1);
    let mail = mails
        .iter()
        .find(|m| m.to.contains("ba@example.org"))
        .expect("the city's editor is reminded");
    assert!(mail.subject.contains("Culture summit"), "{}", mail.subject);
    assert!(
        mail.body.contains(&format!("/en/events/{soon}")),
        "{}",
        mail.body
    );
    let second = w
        .call(
            Method::POST,
            "/api/v1/events/reminders",
            Value::Null,
            &w.token,
        )
        .await;
    assert_eq!(
        second,
        json!({"requests": 0, "emails": 0, "already_today": 1})
    );
    assert_eq!(
        w.app.state.mailer.list().await.expect("outbox").len(),
        before + 1,
        "nobody is reminded twice the same day"
    );
}

#[tokio::test]
async fn the_calendar_files_escape_what_they_are_given() {
    let w = world().await;
    let hostile = "Congress, Barcelona; 2026\r\nATTENDEE:mailto:evil@example.org\nEND:VEVENT";
    let event = w.event(hostile, "2026-10-05", "2026-10-08").await;
    let asked = w.event("World Council", &days(30), &days(30)).await;
    w.ask(asked, &days(10)).await;
    let file = w
        .app
        .api(Method::GET, "/api/v1/events.ics", None, Some(&w.token))
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(
        file.headers[header::CONTENT_TYPE]
            .to_str()
            .is_ok_and(|t| t.starts_with("text/calendar"))
    );
    let body = &file.body;
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.ends_with("END:VCALENDAR\r\n"));
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let lines: Vec<String> = body
        .replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_owned)
        .collect();
    assert!(lines.iter().all(|l| !l.starts_with("ATTENDEE")), "{body}");
    assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 2);
    assert!(lines.contains(
        &"SUMMARY:Congress\\, Barcelona\\; 2026\\nATTENDEE:mailto:evil@example.org\\nEND:VEVENT"
            .to_owned()
    ));
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20261005".to_owned()));
    assert!(
        lines.contains(&"DTEND;VALUE=DATE:20261009".to_owned()),
        "the day after"
    );
    let uid = |text: &str| {
        text.replace("\r\n ", "")
            .split("\r\n")
            .find(|l| l.starts_with(&format!("UID:event-{event}@")))
            .map(str::to_owned)
    };
    let again = w
        .app
        .api(Method::GET, "/api/v1/events.ics", None, Some(&w.token))
        .await;
    assert!(
        uid(body).is_some() && uid(body) == uid(&again.body),
        "a stable UID"
    );
    // The city's file holds what it is asked about, not the rest.
    let city = w
        .app
        .api(
            Method::GET,
            "/api/v1/cities/buenos-aires/events.ics",
            None,
            Some(&w.own),
        )
        .await;
    assert_eq!(city.status, StatusCode::OK);
    assert!(city.body.contains("SUMMARY:World Council"));
    assert!(!city.body.contains("Barcelona\\;"));
    let refused = w
        .app
        .api(Method::GET, "/api/v1/events.ics", None, Some(&w.own))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_event_s_bad_fields_are_named_in_the_reader_s_language() {
    let w = world().await;
    let reply = w
        .app
        .api(
            Method::POST,
            "/api/v1/events?lang=fr",
            Some(json!({"kind": "party", "starts_on": "2026-05-04", "ends_on": "2026-05-01", "link": "javascript:alert(1)"})),
            Some(&w.token),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &reply.json()["fields"];
    for (field, key) in [
        ("title_en", "required"),
        ("kind", "unknown_value"),
        ("ends_on", "ends_before_start"),
        ("link", "invalid_url"),
    ] {
        assert_eq!(fields[field]["error"], key, "{field}: {fields}");
    }
    let by_city = w
        .app
        .api(
            Method::POST,
            "/api/v1/events",
            Some(json!({"title_en": "Mine", "kind": "other", "starts_on": "2026-05-04"})),
            Some(&w.own),
        )
        .await;
    assert_eq!(
        by_city.status,
        StatusCode::FORBIDDEN,
        "the secretariat keeps the calendar"
    );
    // A change on an old revision is refused.
    let event = w.event("Forum", &days(30), &days(30)).await;
    let change = json!({"revision": 1, "title_fr": "Forum mondial", "lang": "fr", "kind": "conference", "starts_on": days(31)});
    let changed = w
        .call(
            Method::PUT,
            &format!("/api/v1/events/{event}"),
            change.clone(),
            &w.token,
        )
        .await;
    assert_eq!(changed["revision"], 2);
    let stale = w
        .app
        .api(
            Method::PUT,
            &format!("/api/v1/events/{event}"),
            Some(change),
            Some(&w.token),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
}
