//! Testing a thematic module in a seminar: participants with a link and no account comment and
//! propose new wordings and new items (through the API and the page, in Spanish); the
//! secretariat, and only it, accepts or rejects each; the accepted ones become a new framework
//! version whose difference is exactly theirs, filed as the activity's revised module, once; a
//! closed seminar takes no more proposals; the seminar is hidden from whoever may not see its
//! programme.

use crate::common::{TestApp, editor, secretariat};
use ateneu_domain::ids::OutputId;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

struct World {
    app: TestApp,
    programme: i64,
    activity: i64,
    office: String,
    own_editor: String,
    other_editor: String,
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let office = app
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
        let (app, token, path) = (&app, office.clone(), path.to_owned());
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
        json!({"catalogue_key": "thematic-modules", "starts_on": "2026-06-01", "ends_on": "2026-06-02"}),
    )
    .await;
    World {
        app,
        programme,
        activity,
        office,
        own_editor,
        other_editor,
    }
}

impl World {
    async fn call(
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
async fn accepted_proposals_become_a_revised_module_with_exactly_their_difference() {
    let w = world().await;
    let editor = Some(w.own_editor.as_str());
    let office = Some(w.office.as_str());
    let start = format!("/api/v1/programmes/{}/module-tests", w.programme);
    let (status, refused) = w
        .call(Method::POST, &start, Some(json!({"title": "Test", "framework": "culture21-actions@2015", "module": "nowhere"})), editor)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused["fields"]["module"].is_object(), "{refused}");
    let (status, seminar) = w
        .call(Method::POST, &start, Some(json!({"title": "The nine commitments in Buenos Aires", "framework": "culture21-actions@2015", "module": "commitments", "activity": w.activity})), editor)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{seminar}");
    let base = format!("/api/v1/module-tests/{}", seminar["id"]);
    let (_, links) = w
        .call(
            Method::POST,
            &format!("{base}/links"),
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

    // Participants, without an account: through the API, then the page in Spanish.
    let join = format!("/api/v1/module-tests/join/{}", token(0));
    for body in [
        json!({"item": "cultural-rights", "kind": "reword", "text_es": "1. Derechos culturales de todas las personas"}),
        json!({"item": "commitments", "kind": "add", "text_en": "10. Culture and climate", "text_fr": "10. Culture et climat", "text_es": "10. Cultura y clima"}),
        json!({"item": "cultural-rights", "kind": "comment", "comment": "Say who guarantees them"}),
    ] {
        let (status, made) = w.call(Method::POST, &join, Some(body), None).await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
    }
    let (status, half) = w
        .call(
            Method::POST,
            &join,
            Some(json!({"item": "commitments", "kind": "add", "text_en": "Climate"})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        half["fields"]["text_fr"]["error"], "missing_translation",
        "{half}"
    );
    let mut phone = w.app.fresh_browser();
    let page = format!("/es/module-tests/join/{}", token(1));
    let form = phone.get(&page).await;
    assert!(
        form.body.contains("Derechos culturales") && form.body.contains("Enviar la propuesta"),
        "{}",
        form.body
    );
    let sent = phone
        .post_form(
            &page,
            &[
                ("item", "culture-education"),
                ("kind", "comment"),
                ("comment", "Falta la educación no formal"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);

    // The secretariat decides, not the city's editor.
    let (_, view) = w.call(Method::GET, &base, None, editor).await;
    assert_eq!(view["may_decide"], false);
    let proposals = view["proposals"].as_array().expect("proposals").clone();
    assert_eq!(proposals.len(), 4);
    let decide = |n: usize| format!("{base}/proposals/{}/decision", proposals[n]["id"]);
    let (status, _) = w
        .call(
            Method::PUT,
            &decide(0),
            Some(json!({"decision": "accepted"})),
            editor,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for (n, decision) in [
        (0, "accepted"),
        (1, "accepted"),
        (2, "rejected"),
        (3, "rejected"),
    ] {
        let (status, body) = w
            .call(
                Method::PUT,
                &decide(n),
                Some(json!({ "decision": decision })),
                office,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    // The revision: a new version, never an existing one's name, once.
    let (status, taken) = w
        .call(
            Method::POST,
            &format!("{base}/revise"),
            Some(json!({"version": "2015"})),
            office,
        )
        .await;
    assert_eq!(
        (status, taken["fields"]["version"]["error"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("duplicate_key"))
    );
    let (status, revised) = w
        .call(
            Method::POST,
            &format!("{base}/revise"),
            Some(json!({"version": "2015-ba"})),
            office,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{revised}");
    assert_eq!(revised["revised"], "culture21-actions@2015-ba");
    let reworded = revised["diff"]["reworded"].as_array().expect("reworded");
    assert_eq!(reworded.len(), 1, "{revised}");
    assert_eq!(
        reworded[0]["after"]["es"],
        "1. Derechos culturales de todas las personas"
    );
    assert_eq!(
        revised["diff"]["added"][0]["after"]["fr"],
        "10. Culture et climat"
    );
    let (status, _) = w
        .call(
            Method::GET,
            "/api/v1/frameworks/culture21-actions@2015-ba",
            None,
            None,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the new version is a framework like the others"
    );
    let (status, again) = w
        .call(
            Method::POST,
            &format!("{base}/revise"),
            Some(json!({"version": "2015-ba2"})),
            office,
        )
        .await;
    assert_eq!(
        (status, again["error"].as_str()),
        (StatusCode::CONFLICT, Some("already_revised"))
    );
    let (status, _) = w
        .call(
            Method::PUT,
            &decide(2),
            Some(json!({"decision": "accepted"})),
            office,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "decided for good");
    let (_, outputs) = w
        .call(
            Method::GET,
            &format!("/api/v1/programmes/{}/outputs", w.programme),
            None,
            editor,
        )
        .await;
    let list = outputs
        .as_array()
        .or_else(|| outputs["items"].as_array())
        .expect("outputs")
        .clone();
    assert!(
        list.iter()
            .any(|o| o["kind"] == "revised_module" && o["visibility"] == "public"),
        "{outputs}"
    );
    // The seminar's written report is filed with the revision: the proposals and decisions.
    let report = list
        .iter()
        .find(|o| o["kind"] == "written_report")
        .unwrap_or_else(|| panic!("a written report: {outputs}"));
    let files = ateneu_db::outputs::files::of_output(
        &w.app.state.db.conn,
        OutputId::new(report["id"].as_i64().expect("id")),
    )
    .await
    .expect("files");
    let pdf = ateneu_db::outputs::files::bytes(&w.app.state.db.conn, files[0].id)
        .await
        .expect("bytes")
        .expect("a file");
    let text = ateneu_app::reports::pdf::text::page_texts(&pdf).join(" ");
    assert!(
        text.contains("culture21-actions@2015-ba")
            && text.contains("Derechos culturales de todas las personas"),
        "{text}"
    );
    let shown = w
        .app
        .api(
            Method::GET,
            &format!("/fr/module-tests/{}/report.pdf", seminar["id"]),
            None,
            editor,
        )
        .await;
    assert_eq!(shown.status, StatusCode::OK);

    // Closed, it takes no more proposals; hidden from another city's editor.
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
        .call(
            Method::POST,
            &join,
            Some(json!({"item": "cultural-rights", "comment": "Late"})),
            None,
        )
        .await;
    assert_eq!(
        (status, closed["error"].as_str()),
        (StatusCode::CONFLICT, Some("workshop_closed"))
    );
    assert_eq!(
        w.call(Method::GET, &base, None, Some(&w.other_editor))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let mut other = w.app.fresh_browser();
    let hidden = other
        .get(&format!("/en/module-tests/{}", seminar["id"]))
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_secretariat_s_page_shows_the_revision_in_french() {
    let w = world().await;
    let (_, seminar) = w
        .call(Method::POST, &format!("/api/v1/programmes/{}/module-tests", w.programme),
            Some(json!({"title": "Neuf engagements", "framework": "culture21-actions@2015", "module": "commitments"})), Some(&w.office))
        .await;
    let mut browser = w.app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    let page = format!("/fr/module-tests/{}", seminar["id"]);
    let shown = browser.get(&page).await;
    assert!(
        shown.body.contains("Créer le module révisé"),
        "{}",
        shown.body
    );
    let refused = browser
        .post_form(&format!("{page}/revise"), &[("version", "une version")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("f-revise-version-error"),
        "{}",
        refused.body
    );
    let done = browser
        .post_form(&format!("{page}/revise"), &[("version", "2015-fr")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let after = browser.get(&page).await;
    assert!(
        after
            .body
            .contains("Révisé sous la version culture21-actions@2015-fr"),
        "{}",
        after.body
    );
}
