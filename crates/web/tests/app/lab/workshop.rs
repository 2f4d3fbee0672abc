//! A workshop from invitations to results, radar, report and exports; bad participations refused.

use super::{scores, workshop};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_workshop_runs_from_invitations_to_results_radar_and_report() {
    let w = workshop("confidential").await;
    let tokens = w.invite(3).await;
    let mut first = scores(3);
    first["culture-environment"] = json!("na");
    for (token, answers, sector) in [
        (&tokens[0], first, "civil_society"),
        (&tokens[1], scores(7), "academia"),
    ] {
        let saved = w.answer(token, json!({"sector": sector, "answers": answers, "comments": {"cultural-rights": "Libraries matter"}})).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    }
    // A draft is kept but not counted until submitted.
    let draft = w
        .answer(
            &tokens[2],
            json!({"sector": "other", "answers": scores(9), "submit": false}),
        )
        .await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);

    let results = w.results(Some(&w.secretariat)).await;
    assert_eq!(results.status, StatusCode::OK, "{}", results.body);
    let body = results.json();
    assert_eq!(body["responses"], 2);
    assert_eq!(body["drafts"], 1);
    let fields = body["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 9);
    let field = |key: &str| {
        fields
            .iter()
            .find(|f| f["key"] == key)
            .expect("field")
            .clone()
    };
    assert_eq!(field("cultural-rights")["mean"], 5.0);
    // N/A is left out of the mean: only the 7 counts.
    assert_eq!(field("culture-environment")["mean"], 7.0);
    let sectors = body["sectors"].as_array().expect("sectors");
    assert_eq!(
        sectors
            .iter()
            .map(|s| s["responses"].as_u64().unwrap_or(0))
            .sum::<u64>(),
        2
    );

    // Consensus, then close: the report is filed and the workshop takes no more answers.
    let agreed = w
        .app
        .api(
            Method::PUT,
            &format!("/api/v1/assessments/{}/consensus", w.id),
            Some(json!({"cultural-rights": {"score": 6, "justification": "Agreed in the room"}})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(agreed.status, StatusCode::OK, "{}", agreed.body);
    let closed = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{}/close", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    let late = w
        .answer(&tokens[2], json!({"sector": "other", "answers": scores(9)}))
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(late.json()["error"], "assessment_closed");
    let again = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/assessments/{}/close", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let after = w.results(Some(&w.secretariat)).await.json();
    assert_eq!(after["responses"], 2);
    let rights = after["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["key"] == "cultural-rights")
        .expect("field")
        .clone();
    assert_eq!(rights["consensus"], 6.0);

    let mut app = w.app.fresh_browser();
    let token = w.secretariat.clone();
    let radar = app
        .send(
            axum::http::Request::get(format!("/es/assessments/{}/radar.svg", w.id))
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(radar.status, StatusCode::OK);
    assert!(
        radar.body.starts_with("<svg"),
        "{}",
        &radar.body[..80.min(radar.body.len())]
    );
    assert!(
        radar.body.contains("Gobernanza"),
        "labels in the reader's language"
    );
    assert!(radar.body.contains("<title"));
    let pdf = app
        .send(
            axum::http::Request::get(format!("/fr/assessments/{}/report.pdf", w.id))
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));
    let csv = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/assessments/{}/responses.csv", w.id),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 3, "{}", csv.body);
    assert!(csv.body.contains(",na,"), "{}", csv.body);
}

#[tokio::test]
async fn bad_participations_are_refused_and_write_nothing() {
    let w = workshop("confidential").await;
    let tokens = w.invite(1).await;
    let token = &tokens[0];
    let cases = [
        (
            json!({"sector": "academia", "answers": {"cultural-rights": 10}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "answers.cultural-rights",
            "score_out_of_range",
        ),
        (
            json!({"sector": "academia", "answers": {"cultural-rights": 0}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "answers.cultural-rights",
            "score_out_of_range",
        ),
        (
            json!({"sector": "academia", "answers": {"not-an-item": 5}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "answers.not-an-item",
            "unknown_item",
        ),
        (
            json!({"sector": "astronauts", "answers": {"cultural-rights": 5}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "sector",
            "unknown_sector",
        ),
    ];
    for (body, status, field, key) in cases {
        let reply = w.answer(token, body).await;
        assert_eq!(reply.status, status, "{}", reply.body);
        assert_eq!(
            reply.json()["fields"][field]["error"],
            key,
            "{}",
            reply.body
        );
        assert!(
            !reply.json()["message"]
                .as_str()
                .unwrap_or_default()
                .is_empty()
        );
    }
    let nonsense = w
        .answer(
            token,
            json!({"sector": "academia", "answers": {"cultural-rights": "lots"}}),
        )
        .await;
    assert_eq!(
        nonsense.status,
        StatusCode::BAD_REQUEST,
        "{}",
        nonsense.body
    );
    let unknown = w
        .answer("no-such-token", json!({"sector": "academia"}))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    // Nothing was written by the refused calls.
    assert_eq!(w.results(Some(&w.secretariat)).await.json()["drafts"], 0);
    let ok = w
        .answer(
            token,
            json!({"sector": "academia", "answers": {"cultural-rights": 4}}),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let used = w
        .answer(
            token,
            json!({"sector": "academia", "answers": {"cultural-rights": 9}}),
        )
        .await;
    assert_eq!(used.status, StatusCode::CONFLICT);
    assert_eq!(used.json()["error"], "invitation_used");
    let results = w.results(Some(&w.secretariat)).await.json();
    assert_eq!(results["fields"][0]["mean"], 4.0);
}
