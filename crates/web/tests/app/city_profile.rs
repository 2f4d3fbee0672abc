//! A city's profile, page and PDF: its action plans, indicator series and outputs each shown
//! only to whoever may see them on their own, in the reader's language.

use crate::programme_action_plans::world;
use axum::http::{Method, StatusCode};
use serde_json::json;

const PARTICIPATION: &str = "culture2030-indicators:cultural-participation";
const HERITAGE: &str = "culture2030-indicators:heritage-expenditure";

#[tokio::test]
async fn the_profile_tells_the_city_s_story_with_only_what_its_reader_may_see() {
    let mut w = world().await;
    let items = format!("/api/v1/outputs/{}/items", w.plan);
    let (status, _) = w
        .post(
            &items,
            json!({"title_en": "Open four libraries until 10 pm", "progress": 40}),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let series = |indicator: &str| format!("/api/v1/cities/buenos-aires/indicators/{indicator}");
    for (indicator, value) in [(PARTICIPATION, 31.5), (HERITAGE, 4.0)] {
        let put = w
            .app
            .api(
                Method::POST,
                &format!("{}/values", series(indicator)),
                Some(json!({"year": 2025, "value": value})),
                Some(&w.own_editor),
            )
            .await;
        assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    }
    let public = w
        .app
        .api(
            Method::PUT,
            &series(PARTICIPATION),
            Some(json!({"visibility": "public", "revision": 1, "unit": "%"})),
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);

    let mut stranger = w.app.fresh_browser();
    let page = stranger.get("/en/cities/buenos-aires/profile").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Profile of Buenos Aires"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Cultural participation"),
        "a public series"
    );
    for hidden in [
        "Expenditure on heritage",
        "Plan for the evening city",
        "Open four libraries",
        "Notes of the workshop",
    ] {
        assert!(!page.body.contains(hidden), "{hidden} is confidential");
    }
    let pdf = stranger.get("/fr/cities/buenos-aires/profile.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join("\n");
    assert!(
        text.contains("Profil de Buenos Aires") && text.contains("Participation culturelle"),
        "{text}"
    );
    assert!(
        !text.contains("Dépenses consacrées au patrimoine")
            && !text.contains("Plan for the evening city"),
        "{text}"
    );

    w.app.sign_in("ba@example.org").await;
    let own = w.app.get("/en/cities/buenos-aires/profile").await;
    for shown in [
        "Expenditure on heritage",
        "Plan for the evening city",
        "Open four libraries until 10 pm",
        "Notes of the workshop",
        "Mean progress: <strong>40%",
    ] {
        assert!(own.body.contains(shown), "{shown} for the city's editor");
    }
    let pdf = w.app.get("/es/cities/buenos-aires/profile.pdf").await;
    let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join("\n");
    for shown in [
        "Perfil de Buenos Aires",
        "Gasto en patrimonio",
        "Plan for the evening city",
        "Open four libraries until 10 pm",
        "Avance medio: 40\u{a0}%",
    ] {
        assert!(text.contains(shown), "{shown} in:\n{text}");
    }
}
