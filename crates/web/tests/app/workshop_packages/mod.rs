//! A Culture 21 Lab workshop run without internet: its package made on the platform, opened
//! on a second instance (the laptop, its own database), answered there through the same API,
//! and its results merged back with nothing lost; the same results twice change nothing, and a
//! changed file, another workshop's results or a workshop package are refused whole.

mod policy_design;
mod seven_keys;

use crate::common::{Reply, TestApp};
use crate::lab::{Workshop, scores, workshop};
use ateneu_db::audit::Who;
use ateneu_domain::accounts::Email;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

async fn make_package(w: &Workshop) -> Vec<u8> {
    let made = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{}/package", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert!(
        made.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("text")
            .contains(&format!("ateneu-assessment-{}-workshop.json", w.id))
    );
    made.bytes
}

async fn bring_back(app: &TestApp, id: i64, bytes: &[u8], token: &str) -> Reply {
    post_file(
        app,
        &format!("/api/v1/assessments/{id}/package/results"),
        bytes,
        token,
    )
    .await
}

/// A file sent as the body of a request to the API.
async fn post_file(app: &TestApp, path: &str, bytes: &[u8], token: &str) -> Reply {
    let request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(bytes.to_vec()))
        .expect("request");
    app.send_unsigned(request).await
}

/// A laptop: a fresh instance with the package opened, and an API token for its facilitator.
async fn laptop(package: &[u8]) -> (TestApp, i64, String) {
    laptop_of(package, "secretariat@example.org").await
}

/// A laptop with the package opened, and an API token for `facilitator` there.
async fn laptop_of(package: &[u8], facilitator: &str) -> (TestApp, i64, String) {
    let laptop = TestApp::new().await;
    let read = ateneu_app::workshop_packages::read(package).expect("reads");
    let opened = ateneu_app::workshop_packages::open(&laptop.state, &Who::system("t"), &read)
        .await
        .expect("opens");
    assert!(opened.fresh);
    let again = ateneu_app::workshop_packages::open(&laptop.state, &Who::system("t"), &read)
        .await
        .expect("opens again");
    assert_eq!(again.workshop_id, opened.workshop_id);
    assert!(!again.fresh, "opening twice changes nothing");
    let email = Email::parse(facilitator).expect("email");
    let user = ateneu_db::accounts::user_by_email(&laptop.state.db.conn, &email)
        .await
        .expect("reads")
        .expect("the facilitator has an account on the laptop");
    let request =
        ateneu_domain::accounts::TokenRequest::parse("laptop", "write", "").expect("request");
    let token =
        ateneu_web::accounts::create_api_token(&laptop.state, &Who::system("t"), user.id, &request)
            .await
            .expect("token");
    (laptop, opened.workshop_id, token)
}

async fn results_of(app: &mut TestApp, id: i64, token: &str) -> Value {
    let reply = app
        .api(
            Method::GET,
            &format!("/api/v1/assessments/{id}/responses.json"),
            None,
            Some(token),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // The same responses, whatever order each instance keeps them in.
    let mut rows: Vec<String> = reply.json()["responses"]
        .as_array()
        .expect("responses")
        .iter()
        .map(Value::to_string)
        .collect();
    rows.sort();
    json!(rows)
}

#[tokio::test]
async fn a_workshop_runs_on_a_laptop_and_its_results_come_back_whole_once() {
    let mut w = workshop("confidential").await;
    let tokens = w.invite(3).await;
    let online = w
        .answer(
            &tokens[0],
            json!({"sector": "civil_society", "answers": scores(3)}),
        )
        .await;
    assert_eq!(online.status, StatusCode::OK, "{}", online.body);
    let draft = w
        .answer(
            &tokens[1],
            json!({"sector": "academia", "answers": {"cultural-rights": 2}, "submit": false}),
        )
        .await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    let package = make_package(&w).await;

    // In the room: the link already given works on the laptop, the draft is finished there, a
    // new link is made there, and the group agrees on a score and key ideas.
    let (mut laptop, local, facilitator) = laptop(&package).await;
    let finished = laptop
        .api(
            Method::PUT,
            &format!("/api/v1/participation/{}", tokens[1]),
            Some(json!({"sector": "academia", "answers": {"culture-education": 4}})),
            None,
        )
        .await;
    assert_eq!(finished.status, StatusCode::OK, "{}", finished.body);
    let made = laptop
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{local}/invitations"),
            Some(json!({"count": 1})),
            Some(&facilitator),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let room_token = made.json()["invitations"][0]["token"]
        .as_str()
        .expect("token")
        .to_owned();
    let answered = laptop
        .api(
            Method::PUT,
            &format!("/api/v1/participation/{room_token}"),
            Some(json!({"sector": "other", "answers": scores(5)})),
            None,
        )
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
    let agreed = laptop
        .api(
            Method::PUT,
            &format!("/api/v1/assessments/{local}/consensus"),
            Some(json!({"cultural-rights": {"score": 6, "justification": "Agreed in the room"}})),
            Some(&facilitator),
        )
        .await;
    assert_eq!(agreed.status, StatusCode::OK, "{}", agreed.body);
    let ideas = laptop
        .api(
            Method::PUT,
            &format!("/api/v1/assessments/{local}/key-ideas"),
            Some(json!({"text": "Libraries as commons"})),
            Some(&facilitator),
        )
        .await;
    assert!(ideas.status.is_success(), "{}", ideas.body);
    let on_laptop = results_of(&mut laptop, local, &facilitator).await;
    let results = ateneu_app::workshop_packages::results(&laptop.state, None)
        .await
        .expect("results");
    let results = ateneu_app::workshop_packages::to_file(&results).expect("file");

    // Back on the platform: everything answered in the room is there, nothing answered
    // online is lost.
    let merged = bring_back(&w.app, w.id, &results, &w.secretariat).await;
    assert_eq!(merged.status, StatusCode::OK, "{}", merged.body);
    let summary = merged.json();
    assert_eq!(summary["invitations_added"], 1, "{summary}");
    assert_eq!(summary["responses_added"], 1, "{summary}");
    assert_eq!(summary["responses_updated"], 1, "{summary}");
    assert_eq!(summary["consensus_updated"], 1, "{summary}");
    assert_eq!(summary["key_ideas"], "replaced", "{summary}");
    assert_eq!(summary["already_imported"], false);
    let secretariat = w.secretariat.clone();
    let on_platform = results_of(&mut w.app, w.id, &secretariat).await;
    assert_eq!(
        on_platform, on_laptop,
        "the platform holds what the room did"
    );
    let report = w.results(Some(&secretariat)).await.json();
    assert_eq!(report["responses"], 3, "{report}");
    let detail = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/assessments/{}", w.id),
            None,
            Some(&secretariat),
        )
        .await
        .json();
    assert_eq!(detail["key_ideas"], "Libraries as commons");

    // The same file again: told so, and nothing changes.
    let again = bring_back(&w.app, w.id, &results, &w.secretariat).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(again.json()["already_imported"], true);
    assert_eq!(
        results_of(&mut w.app, w.id, &secretariat).await,
        on_platform
    );
    // Results made again on the laptop (a new signature, the same content) change nothing either.
    let remade = ateneu_app::workshop_packages::results(&laptop.state, None)
        .await
        .expect("results");
    let remade = ateneu_app::workshop_packages::to_file(&remade).expect("file");
    let merged_again = bring_back(&w.app, w.id, &remade, &w.secretariat).await;
    assert_eq!(merged_again.status, StatusCode::OK, "{}", merged_again.body);
    let summary = merged_again.json();
    for counted in [
        "invitations_added",
        "responses_added",
        "responses_updated",
        "consensus_updated",
    ] {
        assert_eq!(summary[counted], 0, "{counted}: {summary}");
    }
    assert_eq!(summary["key_ideas"], "unchanged");
    assert_eq!(
        results_of(&mut w.app, w.id, &secretariat).await,
        on_platform
    );
}

#[tokio::test]
async fn changed_foreign_or_wrong_packages_are_refused_whole() {
    let w = workshop("network").await;
    let tokens = w.invite(1).await;
    let package = make_package(&w).await;
    let (laptop, _, _) = laptop(&package).await;
    let room = w.answer(&tokens[0], json!({"sector": "other"})).await;
    assert_eq!(room.status, StatusCode::OK, "{}", room.body);
    let results = ateneu_app::workshop_packages::results(&laptop.state, None)
        .await
        .expect("results");
    let file = ateneu_app::workshop_packages::to_file(&results).expect("file");
    let refused = |reply: &Reply, key: &str| {
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            reply.body
        );
        assert_eq!(
            reply.json()["fields"]["package"]["error"],
            key,
            "{}",
            reply.body
        );
    };

    // A score changed in the file after it was signed.
    let text = String::from_utf8(file.clone()).expect("text");
    let mut value: Value = serde_json::from_str(&text).expect("json");
    value["content"]["key_ideas"] = json!("Written in by hand");
    let tampered = serde_json::to_vec(&value).expect("bytes");
    refused(
        &bring_back(&w.app, w.id, &tampered, &w.secretariat).await,
        "package_tampered",
    );

    // Another workshop's address.
    let other = w
        .app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({"city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
                "title": "Radar 2", "starts_on": "2026-05-10", "ends_on": "2026-05-10", "visibility": "network", "languages": ["en"]})),
            Some(&w.secretariat),
        )
        .await;
    let other = other.json()["id"].as_i64().expect("id");
    refused(
        &bring_back(&w.app, other, &file, &w.secretariat).await,
        "package_other_workshop",
    );

    // The workshop package itself, and a file that is not a package.
    refused(
        &bring_back(&w.app, w.id, &package, &w.secretariat).await,
        "package_wrong_kind",
    );
    refused(
        &bring_back(&w.app, w.id, b"{\"format\": ", &w.secretariat).await,
        "package_unreadable",
    );

    // Nothing was written by any of them: the online answer stands alone.
    assert_eq!(w.results(Some(&w.secretariat)).await.json()["responses"], 1);
    let good = bring_back(&w.app, w.id, &file, &w.secretariat).await;
    assert_eq!(good.status, StatusCode::OK, "{}", good.body);
    assert_eq!(good.json()["responses_updated"], 0, "{}", good.body);
}

#[tokio::test]
async fn the_offline_page_makes_the_package_and_merges_an_upload() {
    let mut w = workshop("public").await;
    let signed_in = w.app.sign_in("secretariat@example.org").await;
    assert!(signed_in.status.is_redirection() || signed_in.status.is_success());
    for lang in ["en", "fr", "es"] {
        let page = w
            .app
            .get(&format!("/{lang}/assessments/{}/offline", w.id))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("ateneu workshop open"), "{lang}");
    }
    let download = w
        .app
        .post_form(&format!("/en/assessments/{}/offline/package", w.id), &[])
        .await;
    assert_eq!(download.status, StatusCode::OK, "{}", download.body);
    assert!(download.body.contains("assessment_workshop"));
    let page = w
        .app
        .get(&format!("/en/assessments/{}/offline", w.id))
        .await;
    assert!(page.body.contains("Packages made"), "{}", page.body);
}
