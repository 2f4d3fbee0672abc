//! The roster's experts as others see them: an engaged expert sees the activity's confidential
//! output and an unengaged one does not; the secretariat engages experts on French pages and the
//! city sees them.

use super::{FIELD, world};
use crate::common::{editor, expert};
use axum::http::{Method, StatusCode, header};
use serde_json::json;

#[tokio::test]
async fn an_engaged_expert_sees_the_activity_s_confidential_output_and_an_unengaged_one_does_not() {
    let w = world().await;
    let ana = w.ana.clone();
    let bruno = w.app.user("bruno@example.org", &[expert(None)]).await;
    w.call(
        Method::POST,
        "/api/v1/experts",
        Some(json!({"name": "Bruno", "account": "bruno@example.org"})),
    )
    .await;
    let output = format!("/api/v1/outputs/{}", w.output);
    let page = format!("/en/outputs/{}", w.output);
    for token in [&ana, &bruno] {
        let reply = w.app.api(Method::GET, &output, None, Some(token)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "not engaged yet");
    }
    let engaged = w
        .call(
            Method::POST,
            &w.engagements(),
            Some(json!({"expert": w.expert.to_string(), "starts_on": "2026-05-01", "ends_on": "2026-05-07",
                        "fee": "800", "currency": "EUR"})),
        )
        .await;
    let reply = w.app.api(Method::GET, &output, None, Some(&ana)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.json()["title"], "Notes kept between us");
    let html = w.app.api(Method::GET, &page, None, Some(&ana)).await;
    assert_eq!(html.status, StatusCode::OK);
    let city = w
        .app
        .api(Method::GET, "/en/cities/buenos-aires", None, Some(&ana))
        .await;
    assert!(
        city.body.contains("Notes kept between us"),
        "listed on the city page for the engaged expert"
    );
    // The expert sees their own page and engagement, never the programme itself.
    let own = w
        .app
        .api(
            Method::GET,
            &format!("/api/v1/experts/{}", w.expert),
            None,
            Some(&ana),
        )
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.json()["engagements"][0]["fee"]["minor"], 80_000);
    assert_eq!(own.json()["may_manage"], false);
    for path in [
        format!("/api/v1/programmes/{}", w.programme),
        w.engagements(),
        "/api/v1/experts".to_owned(),
    ] {
        let reply = w.app.api(Method::GET, &path, None, Some(&ana)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    let renamed = w
        .app
        .api(
            Method::PUT,
            &format!("/api/v1/experts/{}", w.expert),
            Some(json!({"revision": 1, "name": "Ana the Great"})),
            Some(&ana),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::FORBIDDEN, "seen, not kept");
    for (path, what) in [(&output, "the API"), (&page, "the page")] {
        let reply = w.app.api(Method::GET, path, None, Some(&bruno)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{what}");
    }
    let city = w
        .app
        .api(Method::GET, "/en/cities/buenos-aires", None, Some(&bruno))
        .await;
    assert!(!city.body.contains("Notes kept between us"));
    // Once the engagement is removed, the output is out of sight again.
    let id = engaged["id"].as_i64().expect("id");
    w.call(Method::DELETE, &format!("{}/{id}", w.engagements()), None)
        .await;
    let reply = w.app.api(Method::GET, &output, None, Some(&ana)).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_secretariat_engages_experts_on_french_pages_and_the_city_sees_them() {
    let mut w = world().await;
    w.app.sign_in("secretariat@example.org").await;
    let roster = w.app.get("/fr/experts").await;
    assert_eq!(roster.status, StatusCode::OK);
    assert!(roster.body.contains("Ana Pérez") && roster.body.contains("Ajouter un expert"));
    let refused = w
        .app
        .post_form(
            "/fr/experts",
            &[
                ("name", ""),
                ("languages", "fr, français"),
                ("fields", FIELD),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("n'est pas un code de langue"),
        "the refusal is in French, field by field"
    );
    let added = w
        .app
        .post_form(
            "/fr/experts",
            &[
                ("name", "Claire Martin"),
                ("organisation", "Agence culturelle"),
                ("languages", "fr, en"),
                ("fields", FIELD),
                ("fields", "culture21-actions:heritage-diversity-creativity"),
                ("themes", "patrimoine, musées"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let location = added.headers[header::LOCATION]
        .to_str()
        .expect("a location")
        .to_owned();
    let claire = w.app.get(&location).await;
    assert!(claire.body.contains("Claire Martin") && claire.body.contains("musées"));
    let claire_id = location.rsplit('/').next().expect("an id").to_owned();
    let activity = format!("/fr/programmes/{}/activities/{}", w.programme, w.activity);
    let page = w.app.get(&activity).await;
    assert!(page.body.contains("Engager un expert"));
    let outside = w
        .app
        .post_form(
            &format!("{activity}/engagements"),
            &[
                ("expert", &claire_id),
                ("role", "facilitator"),
                ("starts_on", "2028-01-10"),
                ("ends_on", "2028-01-12"),
            ],
        )
        .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        outside.body.contains("value=\"2028-01-10\""),
        "what was typed is kept"
    );
    let engaged = w
        .app
        .post_form(
            &format!("{activity}/engagements"),
            &[
                ("expert", &claire_id),
                ("role", "facilitator"),
                ("starts_on", "2026-05-04"),
                ("ends_on", "2026-05-06"),
                ("fee", "2 000"),
                ("currency", "EUR"),
            ],
        )
        .await;
    assert_eq!(engaged.status, StatusCode::SEE_OTHER, "{}", engaged.body);
    let page = w.app.get(&activity).await;
    assert!(page.body.contains("Claire Martin") && page.body.contains("Animateur"));
    assert!(page.body.contains("2000.00 EUR"));
    let listed = w
        .app
        .api(Method::GET, &w.engagements(), None, Some(&w.token))
        .await
        .json();
    let engagement = listed[0]["id"].as_i64().expect("the engagement");
    let one = format!("{activity}/engagements/{engagement}");
    let stale = w
        .app
        .post_form(
            &one,
            &[
                ("revision", "0"),
                ("expert", &claire_id),
                ("starts_on", "2026-05-04"),
                ("ends_on", "2026-05-04"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale.body.contains("2000.00 EUR"),
        "the saved version is shown"
    );
    let buenos_aires = w.app.city_id("buenos-aires").await;
    w.app.user("ba@example.org", &[editor(buenos_aires)]).await;
    let mut city = w.app.fresh_browser();
    city.sign_in("ba@example.org").await;
    let seen = city
        .get(&format!(
            "/es/programmes/{}/activities/{}",
            w.programme, w.activity
        ))
        .await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(seen.body.contains("Claire Martin") && seen.body.contains("Facilitador/a"));
    assert!(
        !seen.body.contains("Contratar a una persona experta"),
        "the city sees who is engaged, the secretariat engages"
    );
    let roster = city.get("/es/experts").await;
    assert_eq!(roster.status, StatusCode::NOT_FOUND);
    let removed = w.app.post_form(&format!("{one}/remove"), &[]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let page = w.app.get(&activity).await;
    assert!(
        !page
            .body
            .contains(&format!("engagements/{engagement}/remove")),
        "no longer engaged"
    );
    assert!(page.body.contains("Aucun expert engagé"));
}
