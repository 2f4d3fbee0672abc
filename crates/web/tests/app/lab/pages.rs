//! The participant's form without JavaScript, the facilitator's pages, and the dashboard's event stream.

use super::{scores, workshop};
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_participant_uses_the_form_without_javascript_in_each_language() {
    let w = workshop("confidential").await;
    let tokens = w.invite(1).await;
    let mut browser = w.app.fresh_browser();
    for lang in ["en", "fr", "es"] {
        let page = browser
            .get(&format!("/{lang}/participate/{}", tokens[0]))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("lang=\"{lang}\"")));
        assert!(page.body.contains("name=\"score.governance-of-culture\""));
    }
    let path = format!("/fr/participate/{}", tokens[0]);
    let bad = browser
        .post_form(
            &path,
            &[
                ("sector", "academia"),
                ("score.cultural-rights", "12"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("La note doit être comprise entre"),
        "{}",
        bad.body
    );
    let saved = browser
        .post_form(
            &path,
            &[
                ("sector", "academia"),
                ("score.cultural-rights", "8"),
                ("comment.cultural-rights", "Bien"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let back = browser.get(&path).await;
    assert!(
        back.body.contains("value=\"8\" checked"),
        "the saved score is shown again"
    );
    let submitted = browser
        .post_form(
            &path,
            &[
                ("sector", "academia"),
                ("score.cultural-rights", "8"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK);
    assert_eq!(w.results(Some(&w.secretariat)).await.json()["responses"], 1);
}

#[tokio::test]
async fn the_facilitator_pages_answer_in_three_languages() {
    let w = workshop("confidential").await;
    let tokens = w.invite(2).await;
    w.answer(
        &tokens[0],
        json!({"sector": "academia", "answers": scores(4)}),
    )
    .await;
    let mut browser = w.app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    for lang in ["en", "fr", "es"] {
        for page in ["", "/dashboard", "/consensus", "/invitations", "/report"] {
            let reply = browser
                .get(&format!("/{lang}/assessments/{}{page}", w.id))
                .await;
            assert_eq!(
                reply.status,
                StatusCode::OK,
                "/{lang}{page}: {}",
                reply.body
            );
        }
        let list = browser.get(&format!("/{lang}/assessments")).await;
        assert!(list.body.contains("Radar 1"));
    }
    let printed = browser
        .post_form(
            &format!("/en/assessments/{}/invitations", w.id),
            &[("count", "2")],
        )
        .await;
    assert_eq!(printed.status, StatusCode::OK);
    assert_eq!(
        printed.body.matches("<svg").count(),
        2,
        "one QR code per link"
    );
}

#[tokio::test]
async fn the_dashboard_stream_announces_a_new_submission() {
    use http_body_util::BodyExt;
    let w = workshop("confidential").await;
    let tokens = w.invite(1).await;
    let (status, mut body) = w
        .app
        .stream(&format!("/en/assessments/{}/events", w.id), &w.secretariat)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (refused, _) = w
        .app
        .stream(&format!("/en/assessments/{}/events", w.id), "not-a-token")
        .await;
    assert_eq!(refused, StatusCode::UNAUTHORIZED);
    let saved = w
        .answer(
            &tokens[0],
            json!({"sector": "academia", "answers": scores(5)}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let frame = tokio::time::timeout(std::time::Duration::from_secs(2), async {
        loop {
            let frame = body.frame().await.expect("a frame").expect("readable");
            if let Some(data) = frame.data_ref() {
                let text = String::from_utf8_lossy(data).into_owned();
                if text.contains("event: update") {
                    return text;
                }
            }
        }
    })
    .await
    .expect("an update within a second or so");
    assert!(frame.contains("data: "), "{frame}");
}

#[tokio::test]
async fn numbers_are_written_in_the_reader_s_language_on_pages_and_in_the_pdf() {
    let w = super::workshop("public").await;
    let tokens = w.invite(2).await;
    for (token, score) in tokens.iter().zip([4, 5]) {
        let saved = w
            .answer(
                token,
                json!({"sector": "academia", "answers": super::scores(score)}),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    }
    let mut reader = w.app.fresh_browser();
    let french = reader.get(&format!("/fr/assessments/{}", w.id)).await;
    assert!(french.body.contains(">4,5<"), "{}", french.body);
    assert!(!french.body.contains(">4.5<"));
    let english = reader.get(&format!("/en/assessments/{}", w.id)).await;
    assert!(english.body.contains(">4.5<"));
    let pdf = reader
        .get(&format!("/es/assessments/{}/report.pdf", w.id))
        .await;
    let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join("\n");
    assert!(text.contains("4,5"), "{text}");
    assert!(!text.contains("4.5"), "{text}");
}

#[tokio::test]
async fn key_ideas_keep_their_lists_and_the_pdf_cuts_no_header_word() {
    let w = super::workshop("public").await;
    let tokens = w.invite(1).await;
    w.answer(
        &tokens[0],
        json!({"sector": "academia", "answers": super::scores(6)}),
    )
    .await;
    let ideas = w
        .app
        .api(
            axum::http::Method::PUT,
            &format!("/api/v1/assessments/{}/key-ideas", w.id),
            Some(json!({"text": "Open the libraries:\n- on Sundays\n- at night\n\nThen ask.\nAnd listen."})),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(ideas.status, StatusCode::NO_CONTENT, "{}", ideas.body);
    let mut reader = w.app.fresh_browser();
    let report = reader
        .get(&format!("/fr/assessments/{}/report", w.id))
        .await;
    assert!(
        report
            .body
            .contains("<ul><li>on Sundays</li><li>at night</li></ul>"),
        "{}",
        report.body
    );
    assert!(report.body.contains("Then ask.<br>And listen."));
    let page = reader.get(&format!("/fr/assessments/{}", w.id)).await;
    assert!(page.body.contains("<li>on Sundays</li>"));
    for lang in ["fr", "es", "en"] {
        let pdf = reader
            .get(&format!("/{lang}/assessments/{}/report.pdf", w.id))
            .await;
        let lines: Vec<String> = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes)
            .join("\n")
            .lines()
            .map(str::to_owned)
            .collect();
        let header = match lang {
            "fr" => "Champ Moyenne Médiane Dispersion Nombre Notes de consensus",
            "es" => "Campo Media Mediana Dispersión Número Puntuaciones de consenso",
            _ => "Field Mean Median Spread Count Consensus",
        };
        for word in header.split_whitespace() {
            assert!(
                lines
                    .iter()
                    .any(|l| l.split_whitespace().any(|w| w == word)),
                "{lang}: the header word {word} is cut: {lines:?}"
            );
        }
        assert!(
            lines.iter().any(|l| l == "on Sundays"),
            "{lang}: a list item of its own"
        );
    }
}
