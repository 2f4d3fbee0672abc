//! Sharing practices on social media through HTTP: the text to copy per language fits a post and
//! links to the practice in that language; a recorded post goes to the practice's
//! dissemination log and takes it off the list of Leading Cities' practices due for two months;
//! a post dated in the future is refused; only the secretariat sees any of it.

use crate::common::{TestApp, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::json;

fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset)).to_string()
}

async fn due(app: &TestApp, token: &str) -> Vec<(String, serde_json::Value)> {
    let reply = app
        .api(Method::GET, "/api/v1/sharing/due", None, Some(token))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["slug"].as_str().unwrap_or("").to_owned(),
                i["last_shared"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_recorded_post_takes_a_practice_off_the_due_list_for_two_months() {
    let app = TestApp::with_demo().await;
    let keeper = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let line = json!({
        "external_id": "quay", "cities": [{"name": "Buenos Aires", "country": "AR"}],
        "status": "completed", "sdgs": [11], "source_lang": "en",
        "text": {"en": {"title": "Libraries on the quay ".repeat(9), "summary": "A harbour library.", "context": "The district."}},
    });
    let done = app
        .upload_csv(
            "/api/v1/practices/import?stage=published",
            &line.to_string(),
            &keeper,
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let slug = ateneu_db::practices::by_external_id(&app.state.db.conn, "quay")
        .await
        .expect("reads")
        .expect("imported")
        .slug;
    assert!(
        due(&app, &keeper)
            .await
            .contains(&(slug.clone(), serde_json::Value::Null)),
        "never shared: due"
    );

    let kit = app
        .api(
            Method::GET,
            &format!("/api/v1/practices/{slug}/sharing"),
            None,
            Some(&keeper),
        )
        .await;
    assert_eq!(kit.status, StatusCode::OK, "{}", kit.body);
    let posts = kit.json()["posts"].as_array().expect("posts").clone();
    assert_eq!(posts.len(), 3);
    for post in &posts {
        let text = post["text"].as_str().expect("text");
        let lang = post["lang"].as_str().expect("lang");
        assert!(text.chars().count() <= 280, "{text}");
        assert!(
            text.ends_with(&format!("/{lang}/practices/{slug}")),
            "{text}"
        );
        assert!(
            text.contains("Buenos Aires") && text.contains('…'),
            "{text}"
        );
    }

    let future = app
        .api(
            Method::POST,
            &format!("/api/v1/practices/{slug}/sharing"),
            Some(json!({"channel": "instagram", "on": day(3)})),
            Some(&keeper),
        )
        .await;
    assert_eq!(
        future.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        future.body
    );
    let old = app
        .api(
            Method::POST,
            &format!("/api/v1/practices/{slug}/sharing"),
            Some(json!({"channel": "linkedin", "on": day(-70), "lang": "en"})),
            Some(&keeper),
        )
        .await;
    assert_eq!(old.status, StatusCode::CREATED, "{}", old.body);
    assert!(
        due(&app, &keeper)
            .await
            .iter()
            .any(|(s, last)| s == &slug && last == &json!(day(-70))),
        "shared 70 days ago: due again"
    );
    let recent = app
        .api(Method::POST, &format!("/api/v1/practices/{slug}/sharing"),
            Some(json!({"channel": "instagram", "on": day(0), "link": "https://instagram.example/p/1", "lang": "es"})), Some(&keeper))
        .await;
    assert_eq!(recent.status, StatusCode::CREATED, "{}", recent.body);
    assert_eq!(recent.json()["channel"], "instagram");
    assert!(
        !due(&app, &keeper).await.iter().any(|(s, _)| s == &slug),
        "shared today: not due"
    );

    // The practice's page links to its kit for the secretariat.
    let mut page = app.fresh_browser();
    page.sign_in("sec@example.org").await;
    assert!(
        page.get(&format!("/en/practices/{slug}"))
            .await
            .body
            .contains(&format!("href=\"/en/practices/{slug}/sharing\""))
    );

    // Only the secretariat sees the kit and the list.
    let ba = app
        .user(
            "ba@example.org",
            &[editor(app.city_id("buenos-aires").await)],
        )
        .await;
    let hidden = app
        .api(Method::GET, "/api/v1/sharing/due", None, Some(&ba))
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let hidden = app
        .api(
            Method::GET,
            &format!("/api/v1/practices/{slug}/sharing"),
            None,
            Some(&ba),
        )
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
}
