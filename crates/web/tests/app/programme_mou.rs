//! A programme's memorandum of understanding, yearly plans and inquiries: the MoU recorded as
//! signed only while the programme is proposed, on a sensible day, on the revision it was read
//! on; its signed documents served only to who may see the programme; a plan per year of the
//! period (another year refused), with the year's activities listed; inquiries sent by the
//! city and answered by the secretariat; role by role, not found for everyone else.

use crate::common::{Reply, TestApp, editor, secretariat};
use crate::practices_media::{PDF, PNG, multipart};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

/// Buenos Aires's two-year programme (in consultation) with a seminar in 2026; the
/// secretariat's token, Buenos Aires's editor's, Lyon's editor's and the Creative Cities'
/// secretariat's.
struct World {
    app: TestApp,
    programme: i64,
    secretariat: String,
    own: String,
    lyon: String,
    uccn: String,
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let secretariat = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let buenos_aires = app.city_id("buenos-aires").await;
    let lyon = app.city_id("lyon").await;
    let own = app.user("ba@example.org", &[editor(buenos_aires)]).await;
    let lyon = app.user("lyon@example.org", &[editor(lyon)]).await;
    let uccn = app
        .user("uccn@example.org", &[crate::common::secretariat("uccn")])
        .await;
    let started = app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(
                json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
            ),
            Some(&secretariat),
        )
        .await;
    assert_eq!(started.status, StatusCode::CREATED, "{}", started.body);
    let programme = started.json()["id"].as_i64().expect("id");
    let seminar = app
        .api(
            Method::POST,
            &format!("/api/v1/programmes/{programme}/activities"),
            Some(json!({"catalogue_key": "peer-learning-seminar", "starts_on": "2026-05-04", "ends_on": "2026-05-07"})),
            Some(&secretariat),
        )
        .await;
    assert_eq!(seminar.status, StatusCode::CREATED, "{}", seminar.body);
    World {
        app,
        programme,
        secretariat,
        own,
        lyon,
        uccn,
    }
}

impl World {
    async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> Reply {
        self.app.api(method, path, body, token).await
    }

    /// The programme moves to `status` (one step).
    async fn move_to(&self, status: &str) {
        let path = format!("/api/v1/programmes/{}", self.programme);
        let now = self
            .call(Method::GET, &path, None, Some(&self.secretariat))
            .await
            .json();
        let moved = self
            .call(
                Method::PUT,
                &path,
                Some(
                    json!({"revision": now["revision"], "starts_on": "2026-01-01",
                            "ends_on": "2027-12-31", "status": status}),
                ),
                Some(&self.secretariat),
            )
            .await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    }
}

async fn upload(
    app: &TestApp,
    programme: i64,
    token: Option<&str>,
    lang: &str,
    file: (&str, &[u8]),
) -> Reply {
    let (content_type, body) = multipart(file.0, file.1, &[("lang", lang)]);
    let mut request = Request::post(format!("/api/v1/programmes/{programme}/mou/files"))
        .header(header::CONTENT_TYPE, content_type);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    app.send_unsigned(request.body(Body::from(body)).expect("request"))
        .await
}

fn signed(revision: i64, on: &str) -> Value {
    json!({"revision": revision, "kind": "mou", "signed_on": on, "summary": "Two years of peer learning",
           "title_en": "Memorandum", "title_fr": "Protocole", "title_es": "Memorando",
           "signatories": [
               {"name": "Ana Pérez", "position": "Secretary of Culture", "side": "city", "organisation": "Buenos Aires"},
               {"name": "Jordi Pascual", "position": "Coordinator", "side": "uclg", "organisation": "UCLG Culture Committee"}]})
}

#[tokio::test]
async fn the_memorandum_is_signed_once_proposed_and_its_documents_stay_confidential() {
    let mut w = world().await;
    let path = format!("/api/v1/programmes/{}/mou", w.programme);
    let empty = w.call(Method::GET, &path, None, Some(&w.own)).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    assert_eq!(empty.json()["mou"], Value::Null);
    assert_eq!(empty.json()["revision"], 0);
    // In consultation, nothing is signed yet; nor on a day to come, nor before UCLG.
    let early = w
        .call(
            Method::PUT,
            &path,
            Some(signed(0, "2026-01-15")),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(
        early.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        early.body
    );
    assert_eq!(
        early.json()["fields"]["signed_on"]["error"],
        "signing_not_allowed"
    );
    w.move_to("proposed").await;
    let tomorrow = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    for day in [tomorrow.as_str(), "1990-01-01"] {
        let refused = w
            .call(
                Method::PUT,
                &format!("{path}?lang=fr"),
                Some(signed(0, day)),
                Some(&w.secretariat),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        assert_eq!(
            refused.json()["fields"]["signed_on"]["error"],
            "signing_date_out_of_bounds"
        );
        assert!(
            refused.body.contains("La date de signature"),
            "{}",
            refused.body
        );
    }
    let mut bad = signed(0, "2026-01-15");
    bad["signatories"][1]["side"] = json!("mars");
    let refused = w
        .call(Method::PUT, &path, Some(bad), Some(&w.secretariat))
        .await;
    assert_eq!(
        refused.json()["fields"]["signatories"]["error"],
        "invalid_signatory"
    );
    // The city's editors see it and may not change it.
    let theirs = w
        .call(
            Method::PUT,
            &path,
            Some(signed(0, "2026-01-15")),
            Some(&w.own),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN);
    let saved = w
        .call(
            Method::PUT,
            &path,
            Some(signed(0, "2026-01-15")),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.json()["revision"], 1);
    assert_eq!(saved.json()["signatories"][1]["side"], "uclg");
    let stale = w
        .call(
            Method::PUT,
            &path,
            Some(signed(0, "2026-01-16")),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.json()["error"], "changed_meanwhile");
    // The city files its signed copy in French; an image is not a signed document.
    let image = upload(&w.app, w.programme, Some(&w.own), "fr", ("scan.png", PNG)).await;
    assert_eq!(
        image.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "{}",
        image.body
    );
    let bad_lang = upload(&w.app, w.programme, Some(&w.own), "de", ("mou.pdf", PDF)).await;
    assert_eq!(
        bad_lang.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        bad_lang.body
    );
    let filed = upload(
        &w.app,
        w.programme,
        Some(&w.own),
        "fr",
        ("protocole signé.pdf", PDF),
    )
    .await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let url = filed.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    let outsider = upload(&w.app, w.programme, Some(&w.lyon), "fr", ("mou.pdf", PDF)).await;
    assert_eq!(outsider.status, StatusCode::NOT_FOUND);
    let request = |token: Option<&str>| {
        let mut r = Request::get(&url);
        if let Some(token) = token {
            r = r.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        r.body(Body::empty()).expect("request")
    };
    let served = w.app.send_unsigned(request(Some(&w.secretariat))).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.bytes, PDF);
    assert_eq!(served.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(served.headers[header::CACHE_CONTROL], "private, no-store");
    assert!(
        served.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("text")
            .starts_with("attachment")
    );
    for token in [None, Some(w.lyon.as_str()), Some(w.uccn.as_str())] {
        assert_eq!(
            w.app.send_unsigned(request(token)).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            w.call(Method::GET, &path, None, token).await.status,
            StatusCode::NOT_FOUND
        );
    }
    // Once active, the signing day recorded stays but does not move.
    w.move_to("mou_signed").await;
    w.move_to("active").await;
    let kept = w
        .call(
            Method::PUT,
            &path,
            Some(signed(1, "2026-01-15")),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.body);
    let moved = w
        .call(
            Method::PUT,
            &path,
            Some(signed(2, "2026-01-10")),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(
        moved.json()["fields"]["signed_on"]["error"],
        "signing_not_allowed"
    );
    let page = w
        .app
        .get(&format!("/es/programmes/{}/mou", w.programme))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND, "not signed in");
}

#[tokio::test]
async fn a_plan_per_year_of_the_period_lists_that_year_s_activities() {
    let w = world().await;
    let path = |year: i32| format!("/api/v1/programmes/{}/plans/{year}", w.programme);
    let year = w.call(Method::GET, &path(2026), None, Some(&w.own)).await;
    assert_eq!(year.status, StatusCode::OK, "{}", year.body);
    let year = year.json();
    assert_eq!(year["years"], json!([2026, 2027]));
    assert_eq!(year["activities"].as_array().map(Vec::len), Some(1));
    let next = w
        .call(Method::GET, &path(2027), None, Some(&w.own))
        .await
        .json();
    assert_eq!(next["activities"].as_array().map(Vec::len), Some(0));
    let outside = w
        .call(
            Method::GET,
            &format!("{}?lang=es", path(2030)),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        outside.json()["fields"]["year"]["error"],
        "year_outside_period"
    );
    assert!(outside.body.contains("2026–2027"), "{}", outside.body);
    let plan = json!({"revision": 0, "objectives": "Peer learning on libraries", "activities": "A seminar in May", "status": "agreed"});
    assert_eq!(
        w.call(Method::PUT, &path(2026), Some(plan.clone()), Some(&w.own))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let saved = w
        .call(
            Method::PUT,
            &path(2026),
            Some(plan.clone()),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.json()["status"], "agreed");
    let stale = w
        .call(Method::PUT, &path(2026), Some(plan), Some(&w.secretariat))
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let empty = w
        .call(
            Method::PUT,
            &path(2027),
            Some(json!({"revision": 0, "status": "agreed"})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(empty.json()["fields"]["objectives"]["error"], "required");
    for token in [None, Some(w.lyon.as_str()), Some(w.uccn.as_str())] {
        assert_eq!(
            w.call(Method::GET, &path(2026), None, token).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn a_city_s_inquiry_is_answered_by_the_secretariat_on_french_pages() {
    let mut w = world().await;
    let path = format!("/api/v1/programmes/{}/inquiries", w.programme);
    let sent = w
        .call(
            Method::POST,
            &path,
            Some(json!({"subject": "The seminar", "message": "Can it move to June?"})),
            Some(&w.own),
        )
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);
    let inquiry = sent.json();
    assert_eq!(inquiry["status"], "open");
    let acting = ateneu_app::Acting::operator("test");
    let open = ateneu_app::programmes::inquiries::open_inquiries(&w.app.state, &acting)
        .await
        .expect("open");
    assert_eq!(open.len(), 1);
    for token in [None, Some(w.lyon.as_str()), Some(w.uccn.as_str())] {
        assert_eq!(
            w.call(Method::GET, &path, None, token).await.status,
            StatusCode::NOT_FOUND
        );
        let asked = w
            .call(
                Method::POST,
                &path,
                Some(json!({"subject": "s", "message": "m"})),
                token,
            )
            .await;
        assert!(
            matches!(
                asked.status,
                StatusCode::NOT_FOUND | StatusCode::UNAUTHORIZED
            ),
            "{}",
            asked.status
        );
    }
    let one = format!("{path}/{}", inquiry["id"]);
    let theirs = w
        .call(
            Method::PUT,
            &one,
            Some(json!({"revision": 1, "answer": "Yes"})),
            Some(&w.own),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN);
    let answered = w
        .call(
            Method::PUT,
            &one,
            Some(json!({"revision": 1, "answer": "Yes, in June."})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
    let answered = answered.json();
    assert_eq!(answered["status"], "answered");
    assert_eq!(answered["answered_by"], "secretariat@example.org");
    assert!(answered["answered_at"].is_string());
    let stale = w
        .call(
            Method::PUT,
            &one,
            Some(json!({"revision": 1, "status": "closed"})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let open = ateneu_app::programmes::inquiries::open_inquiries(&w.app.state, &acting)
        .await
        .expect("open");
    assert!(open.is_empty());
    // The city's editor asks on the French page; an empty form is refused field by field.
    w.app.sign_in("ba@example.org").await;
    let page = format!("/fr/programmes/{}/inquiries", w.programme);
    let shown = w.app.get(&page).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("Envoyer une demande") && shown.body.contains("Yes, in June."));
    let refused = w
        .app
        .post_form(&page, &[("subject", ""), ("message", "")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("f-subject") && refused.body.contains("f-message"));
    let asked = w
        .app
        .post_form(
            &page,
            &[("subject", "Budget"), ("message", "Which currency?")],
        )
        .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let programme = w.app.get(&format!("/fr/programmes/{}", w.programme)).await;
    assert!(
        programme.body.contains("Protocole, plans et demandes")
            && programme.body.contains("Plan 2027")
    );
}
