//! Notices between a Leading City and the secretariat: asking a city for its availability tells
//! its editors, its answer tells the secretariat; an inquiry tells the secretariat, its answer
//! the city's editors. Each in the platform and by e-mail through the outbox, in the person's
//! language; nobody else (another city, another network's secretariat, the administrators while
//! the secretariat has people) is told, and a notice stops naming what its reader may no longer
//! see.

use crate::common::{TestApp, admin, editor, expert, secretariat};
use ateneu_app::mail::OutboxMail;
use ateneu_db::audit::Who;
use axum::http::{Method, StatusCode};
use chrono::{Days, Utc};
use serde_json::{Value, json};

fn days(n: u64) -> String {
    (Utc::now().date_naive() + Days::new(n)).to_string()
}

/// The people of a demo network: the Leading Cities' secretariat (reads French), Buenos
/// Aires's two editors (one reads Spanish, one chose no language), and people who must never
/// be told: Lyon's editor, the Creative Cities' secretariat, an administrator, an expert of the
/// Leading Cities.
struct World {
    app: TestApp,
    sec: String,
    ba_es: String,
    ba_en: String,
    bystanders: Vec<(&'static str, String)>,
}

const BYSTANDERS: [&str; 4] = [
    "lyon@example.org",
    "uccn@example.org",
    "admin@example.org",
    "expert@example.org",
];

async fn set_locale(app: &TestApp, email: &str, locale: &str) {
    let user = ateneu_db::accounts::user_by_email(
        &app.state.db.conn,
        &ateneu_domain::accounts::Email::parse(email).expect("email"),
    )
    .await
    .expect("query")
    .expect("user");
    let txn = app.state.db.write().await.expect("txn");
    ateneu_db::accounts::update_profile(&txn, &Who::system("test"), user.id, "", Some(locale))
        .await
        .expect("locale");
    txn.commit().await.expect("commit");
}

async fn world(with_secretariat: bool) -> World {
    let app = TestApp::with_demo().await;
    let ba = app.city_id("buenos-aires").await;
    let lyon = app.city_id("lyon").await;
    let sec = if with_secretariat {
        app.user("sec@example.org", &[secretariat("uclg-culture")])
            .await
    } else {
        String::new()
    };
    let ba_es = app.user("ba-es@example.org", &[editor(ba)]).await;
    let ba_en = app.user("ba-en@example.org", &[editor(ba)]).await;
    let bystanders = vec![
        (
            BYSTANDERS[0],
            app.user(BYSTANDERS[0], &[editor(lyon)]).await,
        ),
        (
            BYSTANDERS[1],
            app.user(BYSTANDERS[1], &[secretariat("uccn")]).await,
        ),
        (BYSTANDERS[2], app.user(BYSTANDERS[2], &[admin()]).await),
        (
            BYSTANDERS[3],
            app.user(BYSTANDERS[3], &[expert(Some("leading-cities"))])
                .await,
        ),
    ];
    if with_secretariat {
        set_locale(&app, "sec@example.org", "fr").await;
    }
    set_locale(&app, "ba-es@example.org", "es").await;
    World {
        app,
        sec,
        ba_es,
        ba_en,
        bystanders,
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

    async fn notices(&self, token: &str) -> Vec<Value> {
        let listed = self
            .app
            .api(
                Method::GET,
                "/api/v1/account/notifications",
                None,
                Some(token),
            )
            .await;
        assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
        listed.json()["items"].as_array().expect("items").clone()
    }

    async fn kinds(&self, token: &str) -> Vec<String> {
        self.notices(token)
            .await
            .iter()
            .map(|n| n["kind"].as_str().expect("kind").to_owned())
            .collect()
    }

    async fn mails(&self) -> Vec<OutboxMail> {
        self.app.state.mailer.list().await.expect("outbox")
    }

    /// Nobody but the people concerned was told anything, in the platform or by e-mail.
    async fn bystanders_untold(&self) {
        let mails = self.mails().await;
        for (email, token) in &self.bystanders {
            assert!(self.notices(token).await.is_empty(), "{email} was told");
            assert!(
                !mails.iter().any(|m| m.to.contains(email)),
                "{email} got a mail"
            );
        }
    }

    async fn programme(&self) -> i64 {
        self.call(
            Method::POST,
            "/api/v1/programmes",
            json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
            &self.sec,
        )
        .await["id"]
            .as_i64()
            .expect("a programme")
    }
}

/// The one mail in the outbox to `to`.
fn mail_to<'a>(mails: &'a [OutboxMail], to: &str) -> &'a OutboxMail {
    let found: Vec<&OutboxMail> = mails.iter().filter(|m| m.to.contains(to)).collect();
    assert_eq!(found.len(), 1, "one mail to {to}: {found:?}");
    found[0]
}

#[tokio::test]
async fn an_availability_request_tells_the_city_s_editors_and_its_answer_the_secretariat() {
    let w = world(true).await;
    // The English-reading editor wants no e-mail for requests: told in the platform only.
    let off = w
        .app
        .api(
            Method::PUT,
            "/api/v1/account/notifications/settings",
            Some(json!({"email": ["inquiry_answered"]})),
            Some(&w.ba_en),
        )
        .await;
    assert_eq!(off.status, StatusCode::NO_CONTENT, "{}", off.body);
    let event = w
        .call(
            Method::POST,
            "/api/v1/events",
            json!({"title_en": "World Council", "title_es": "Consejo Mundial", "lang": "en",
                   "kind": "world_council", "place": "Barcelona", "starts_on": days(30)}),
            &w.sec,
        )
        .await["id"]
        .as_i64()
        .expect("an event");
    let deadline = days(10);
    let asked = w
        .call(
            Method::POST,
            &format!("/api/v1/events/{event}/requests"),
            json!({"cities": ["buenos-aires", "izmir"], "deadline": deadline}),
            &w.sec,
        )
        .await;
    let request = asked["asked"][0]["id"].as_i64().expect("a request");
    for token in [&w.ba_es, &w.ba_en] {
        let got = w.notices(token).await;
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0]["kind"], "availability_requested");
        assert_eq!(got[0]["path"], format!("/events/{event}"));
        assert_eq!(got[0]["city"], "Buenos Aires");
    }
    // The event's title in each reader's language.
    assert_eq!(w.notices(&w.ba_es).await[0]["title"], "Consejo Mundial");
    assert_eq!(w.notices(&w.ba_en).await[0]["title"], "World Council");
    assert!(w.notices(&w.sec).await.is_empty(), "who asked is not told");
    let mails = w.mails().await;
    let spanish = mail_to(&mails, "ba-es@example.org");
    assert_eq!(
        spanish.subject,
        "La secretaría pide a Buenos Aires la disponibilidad de sus responsables políticos para «Consejo Mundial»."
    );
    assert!(
        spanish
            .body
            .contains(&format!("Responda antes del {deadline}"))
            && spanish
                .body
                .contains(&format!("http://127.0.0.1:8080/es/events/{event}")),
        "{}",
        spanish.body
    );
    assert!(
        !mails.iter().any(|m| m.to.contains("ba-en@example.org")),
        "turned off"
    );
    assert!(!mails.iter().any(|m| m.to.contains("sec@example.org")));
    w.bystanders_untold().await;
    // The Spanish page of notices says it in Spanish.
    let mut browser = w.app.fresh_browser();
    browser.sign_in("ba-es@example.org").await;
    let page = browser.get("/es/account/notifications").await;
    assert!(
        page.body
            .contains("La secretaría pide a Buenos Aires la disponibilidad"),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("href=\"/es/events/{event}\"")));

    // The English-reading editor answers: the secretariat is told, in French; the city's other
    // editor is not (the answer is their city's own).
    w.call(
        Method::PUT,
        &format!("/api/v1/events/{event}/requests/{request}/answer"),
        json!({"revision": 1, "availability": "available", "comment": "The mayor will come."}),
        &w.ba_en,
    )
    .await;
    let told = w.notices(&w.sec).await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["kind"], "availability_answered");
    let mails = w.mails().await;
    let french = mail_to(&mails, "sec@example.org");
    assert_eq!(
        french.subject,
        "Buenos Aires a répondu à la demande de disponibilité pour « World Council »."
    );
    assert!(
        french.body.contains(&format!("/fr/events/{event}")),
        "{}",
        french.body
    );
    assert_eq!(w.kinds(&w.ba_es).await, ["availability_requested"]);
    assert_eq!(w.kinds(&w.ba_en).await, ["availability_requested"]);
    w.bystanders_untold().await;
}

#[tokio::test]
async fn an_inquiry_tells_the_secretariat_and_its_answer_the_city_s_editors() {
    let w = world(true).await;
    let programme = w.programme().await;
    let path = format!("/api/v1/programmes/{programme}/inquiries");
    let inquiry = w
        .call(
            Method::POST,
            &path,
            json!({"subject": "Seminar dates", "message": "Can the seminar move to June?"}),
            &w.ba_es,
        )
        .await;
    let one = format!("{path}/{}", inquiry["id"]);
    let told = w.notices(&w.sec).await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["kind"], "inquiry_sent");
    assert_eq!(told[0]["title"], "Seminar dates");
    assert_eq!(
        told[0]["path"],
        format!("/programmes/{programme}/inquiries")
    );
    let mails = w.mails().await;
    assert_eq!(
        mail_to(&mails, "sec@example.org").subject,
        "Buenos Aires a envoyé une demande au secrétariat : « Seminar dates »."
    );
    assert!(
        w.notices(&w.ba_en).await.is_empty(),
        "the city's own inquiry is not news to its editors"
    );
    assert!(w.notices(&w.ba_es).await.is_empty());
    w.bystanders_untold().await;

    // Answered: both of the city's editors are told, each in their language.
    w.call(
        Method::PUT,
        &one,
        json!({"revision": 1, "answer": "Yes, in June."}),
        &w.sec,
    )
    .await;
    for token in [&w.ba_es, &w.ba_en] {
        assert_eq!(w.kinds(token).await, ["inquiry_answered"]);
    }
    let mails = w.mails().await;
    assert_eq!(
        mail_to(&mails, "ba-es@example.org").subject,
        "La secretaría respondió a la consulta de Buenos Aires: «Seminar dates»."
    );
    let english = mail_to(&mails, "ba-en@example.org");
    assert_eq!(
        english.subject,
        "The secretariat answered the inquiry of Buenos Aires: “Seminar dates”."
    );
    assert!(
        english
            .body
            .contains(&format!("/en/programmes/{programme}/inquiries")),
        "{}",
        english.body
    );
    assert_eq!(
        w.kinds(&w.sec).await,
        ["inquiry_sent"],
        "not told of its own answer"
    );
    // Closing it tells nobody.
    w.call(
        Method::PUT,
        &one,
        json!({"revision": 2, "status": "closed"}),
        &w.sec,
    )
    .await;
    assert_eq!(w.kinds(&w.ba_en).await, ["inquiry_answered"]);
    assert_eq!(w.mails().await.len(), mails.len());
    w.bystanders_untold().await;

    // An editor who no longer edits the city is no longer shown what the notice named.
    {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let user = ateneu_db::accounts::user_by_email(
            &w.app.state.db.conn,
            &ateneu_domain::accounts::Email::parse("ba-es@example.org").expect("email"),
        )
        .await
        .expect("query")
        .expect("user");
        ateneu_db::entities::grant::Entity::delete_many()
            .filter(ateneu_db::entities::grant::Column::UserId.eq(user.id.get()))
            .exec(&w.app.state.db.conn)
            .await
            .expect("removed");
    }
    let listed = w
        .app
        .api(
            Method::GET,
            "/api/v1/account/notifications",
            None,
            Some(&w.ba_es),
        )
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(!listed.body.contains("Seminar dates"), "{}", listed.body);
}

#[tokio::test]
async fn without_a_secretariat_the_administrators_take_a_city_s_inquiry() {
    let w = world(false).await;
    let admin_token = w.bystanders[2].1.clone();
    let programme = w
        .call(
            Method::POST,
            "/api/v1/programmes",
            json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
            &admin_token,
        )
        .await["id"]
        .as_i64()
        .expect("a programme");
    w.call(
        Method::POST,
        &format!("/api/v1/programmes/{programme}/inquiries"),
        json!({"subject": "Budget", "message": "Which currency?"}),
        &w.ba_en,
    )
    .await;
    assert_eq!(w.kinds(&admin_token).await, ["inquiry_sent"]);
    let mails = w.mails().await;
    assert_eq!(
        mail_to(&mails, "admin@example.org").subject,
        "Buenos Aires sent the secretariat an inquiry: “Budget”."
    );
    for (email, token) in w.bystanders.iter().filter(|(e, _)| *e != BYSTANDERS[2]) {
        assert!(w.notices(token).await.is_empty(), "{email} was told");
    }
    assert!(w.notices(&w.ba_es).await.is_empty());
}
