//! A city's indicators through the pages: the chart, its table twin and the status in the
//! reader's language, forms refused field by field in that language, the import form naming its
//! bad rows, and a confidential series not found for whoever may not see it.

use super::{PARTICIPATION, series_path, world};
use axum::http::{Method, StatusCode};

#[tokio::test]
async fn the_pages_draw_the_chart_with_its_table_and_status_in_the_reader_s_language() {
    let mut w = world().await;
    let page = format!("/fr/cities/buenos-aires/indicators/{PARTICIPATION}");
    assert_eq!(
        w.app.get(&page).await.status,
        StatusCode::NOT_FOUND,
        "no series yet, no keeper"
    );
    w.app.sign_in("ba@example.org").await;
    let empty = w.app.get(&page).await;
    assert_eq!(
        empty.status,
        StatusCode::OK,
        "a keeper may start the series"
    );
    assert!(
        empty.body.contains("Aucune valeur pour l’instant."),
        "{}",
        empty.body
    );
    let refused = w
        .app
        .post_form(
            &format!("{page}/values"),
            &[("year", "20x0"), ("value", "")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("aria-invalid=\"true\""),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("Ce champ est obligatoire."),
        "{}",
        refused.body
    );
    for (year, value, breakdown) in [
        ("2020", "10", ""),
        ("2024", "11", ""),
        ("2024", "9,5", "sexe=femmes"),
    ] {
        let done = w
            .app
            .post_form(
                &format!("{page}/values"),
                &[("year", year), ("value", value), ("breakdown", breakdown)],
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    }
    let saved = w
        .app
        .post_form(
            &page,
            &[
                ("unit", "%"),
                ("baseline_year", "2020"),
                ("baseline_value", "10"),
                ("target_year", "2030"),
                ("target_value", "20"),
                ("visibility", "public"),
                ("revision", "1"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let shown = w.app.get(&page).await;
    assert!(shown.body.contains("<svg") && shown.body.contains("class=\"line-chart\""));
    assert!(
        shown.body.contains("Quelques progrès"),
        "4 years of 10: 1 of the 4 wanted"
    );
    assert!(shown.body.contains("sexe: femmes"));
    assert!(shown.body.contains("9,5"), "the reader's decimal mark");
    assert!(shown.body.contains("<caption>"), "the table twin");
    // An old revision is refused and the form comes back on the new one.
    let stale = w
        .app
        .post_form(
            &page,
            &[("unit", "pts"), ("visibility", "public"), ("revision", "1")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale.body.contains("name=\"revision\" value=\"2\""),
        "{}",
        stale.body
    );
    // Public now: an anonymous reader sees it on the city's page, in Spanish.
    let mut anonymous = w.app.fresh_browser();
    let city = anonymous.get("/es/cities/buenos-aires/indicators").await;
    assert_eq!(city.status, StatusCode::OK);
    assert!(city.body.contains("Algún progreso"), "{}", city.body);
    assert!(
        city.body.contains("Participación cultural"),
        "the indicator's Spanish name"
    );
    assert!(
        !city.body.contains("indicators/import"),
        "no import form for a reader"
    );
}

#[tokio::test]
async fn the_import_form_names_the_bad_rows_and_a_good_file_is_counted() {
    let mut w = world().await;
    w.app.sign_in("ba@example.org").await;
    let csrf = w.app.csrf().await;
    let send = |csv: &'static str| {
        let (content_type, body) = crate::practices_media::multipart(
            "values.csv",
            csv.as_bytes(),
            &[("indicator", PARTICIPATION)],
        );
        axum::http::Request::post(format!(
            "/en/cities/buenos-aires/indicators/import?csrf={csrf}"
        ))
        .header(axum::http::header::CONTENT_TYPE, content_type)
        .body(axum::body::Body::from(body))
        .expect("request")
    };
    let refused = w.app.send(send("Year,Value\n2020,1\n2020,2\n")).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("already given on line 2"),
        "{}",
        refused.body
    );
    let done = w.app.send(send("Year,Value\n2020,1\n2021,2\n")).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(
        done.body.contains("Imported: 2 new values"),
        "{}",
        done.body
    );
    let (_, series) = w
        .call(
            Method::GET,
            &series_path(PARTICIPATION),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(series["values"].as_array().map(Vec::len), Some(2));
    assert_eq!(series["series"]["visibility"], "confidential");
}

#[tokio::test]
async fn the_written_report_drafts_a_recommendation_per_series_from_the_data() {
    let w = world().await;
    for (indicator, rows) in [
        (PARTICIPATION, "Year,Units,Value\n2020,%,10\n2025,%,11\n"),
        (super::HERITAGE, "Year,Units,Value\n2024,USD,3\n"),
    ] {
        let (status, done) = w
            .import(rows, &format!("?indicator={indicator}"), &w.own_editor)
            .await;
        assert_eq!(status, StatusCode::OK, "{done}");
    }
    let settings = serde_json::json!({"unit": "%", "baseline_year": 2020, "baseline_value": 10,
        "target_year": 2030, "target_value": 20, "revision": 1, "visibility": "public"});
    let (status, _) = w
        .call(
            Method::PUT,
            &series_path(PARTICIPATION),
            Some(settings),
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, series) = w
        .call(Method::GET, &series_path(PARTICIPATION), None, None)
        .await;
    assert_eq!(
        series["pace"],
        serde_json::json!({"observed": 0.2, "needed": 1.8})
    );
    // A reader who may see one series gets a report of that one only.
    let mut reader = w.app.fresh_browser();
    let page = reader
        .get("/en/cities/buenos-aires/indicators/report")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Cultural participation: some progress. Reaching 20 by 2030 needs 1.8 a year, against 0.2 so far"), "{}", page.body);
    assert!(
        !page.body.contains("Expenditure on heritage"),
        "a confidential series"
    );
    let pdf = reader
        .get("/fr/cities/buenos-aires/indicators/report.pdf")
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    let text = ateneu_app::reports::pdf::text::page_texts(&pdf.bytes).join(" ");
    assert!(
        text.contains("Faisabilité locale des cibles") && text.contains("quelques progrès"),
        "{text}"
    );
    assert!(!text.contains("patrimoine"), "{text}");
}
