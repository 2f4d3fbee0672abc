//! The programme dashboard: the secretariat sees every programme, those ending within six months,
//! this quarter's activities, outputs to translate or disseminate and budget sums per city and
//! funder that never mix currencies; a city's editors see the same for their city only, and
//! nothing of another city's programme.

use crate::common::{TestApp, editor, expert, secretariat};
use ateneu_domain::programmes::dashboard::quarter;
use axum::http::{Method, StatusCode};
use chrono::{Datelike, Duration, Utc};
use serde_json::{Value, json};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let reply = app.api(Method::POST, path, Some(body), Some(token)).await;
    assert!(reply.status.is_success(), "{path}: {}", reply.body);
    reply.json()
}

/// A programme of `city` from a year ago to `ends_on`, with an activity this quarter and budget
/// lines: (funder, currency, planned).
async fn programme(
    app: &TestApp,
    token: &str,
    city: &str,
    ends_on: &str,
    lines: &[(&str, &str, &str)],
) -> i64 {
    let today = Utc::now().date_naive();
    let started = (today - Duration::days(365)).to_string();
    let made = post(app, token, "/api/v1/programmes", json!({"city": city, "starts_on": started, "ends_on": ends_on, "short_reason": "The mandate ends"})).await;
    let id = made["id"].as_i64().expect("id");
    let (from, _) = quarter(today);
    let day = from.max(today - Duration::days(365)).to_string();
    post(
        app,
        token,
        &format!("/api/v1/programmes/{id}/activities"),
        json!({"catalogue_key": "local-challenge", "starts_on": day, "ends_on": day, "question": "How can the libraries reach every district?", "scope": "governance"}),
    )
    .await;
    for (revision, (funder, currency, planned)) in lines.iter().enumerate() {
        post(app, token, &format!("/api/v1/programmes/{id}/budget"), json!({"budget_revision": revision + 1, "year": today.year().to_string(), "category": "travel", "funder": funder, "currency": currency, "planned": planned})).await;
    }
    id
}

#[tokio::test]
async fn the_secretariat_sees_every_programme_and_a_city_its_own() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    post(
        &app,
        &sec,
        "/api/v1/cities/lyon/memberships",
        json!({"network": "leading-cities", "role": "leading-city", "started_on": "2020-01-01"}),
    )
    .await;
    let today = Utc::now().date_naive();
    let soon = (today + Duration::days(100)).to_string();
    let later = (today + Duration::days(800)).to_string();
    let ba = programme(
        &app,
        &sec,
        "buenos-aires",
        &soon,
        &[
            ("UCLG", "EUR", "1000.50"),
            ("City", "ARS", "250000"),
            ("UCLG", "EUR", "99.50"),
        ],
    )
    .await;
    let lyon = programme(
        &app,
        &sec,
        "lyon",
        &later,
        &[("UCLG", "EUR", "500"), ("Métropole", "EUR", "300")],
    )
    .await;
    let article = post(
        &app,
        &sec,
        &format!("/api/v1/programmes/{lyon}/outputs"),
        json!({"kind": "public_article", "title": "Lyon's article", "visibility": "public"}),
    )
    .await;
    post(
        &app,
        &sec,
        &format!("/api/v1/outputs/{}/versions", article["id"]),
        json!({"lang": "fr", "status": "wanted"}),
    )
    .await;

    // Lyon is asked for its availability and has not answered; Buenos Aires sends an inquiry.
    let event = post(&app, &sec, "/api/v1/events", json!({"title_en": "World Council", "kind": "world_council", "starts_on": (today + Duration::days(60)).to_string()})).await;
    post(
        &app,
        &sec,
        &format!("/api/v1/events/{}/requests", event["id"]),
        json!({"cities": ["lyon"], "deadline": (today + Duration::days(20)).to_string()}),
    )
    .await;
    let city = app.city_id("buenos-aires").await;
    let own = app.user("editor@example.org", &[editor(city)]).await;
    post(
        &app,
        &own,
        &format!("/api/v1/programmes/{ba}/inquiries"),
        json!({"subject": "Seminar dates", "message": "When?"}),
    )
    .await;
    let board = app
        .api(
            Method::GET,
            "/api/v1/programmes/dashboard",
            None,
            Some(&sec),
        )
        .await;
    assert_eq!(board.status, StatusCode::OK, "{}", board.body);
    let board = board.json();
    let ending: Vec<(i64, bool)> = board["programmes"]
        .as_array()
        .expect("list")
        .iter()
        .map(|p| {
            (
                p["id"].as_i64().expect("id"),
                p["ends_soon"].as_bool().expect("flag"),
            )
        })
        .collect();
    assert!(
        ending.contains(&(ba, true)) && ending.contains(&(lyon, false)),
        "{ending:?}"
    );
    assert_eq!(
        board["activities"]["items"].as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(board["activities"]["total"], 2);
    assert_eq!(board["to_disseminate"]["total"], 1);
    assert_eq!(board["translations"]["total"], 1);
    assert_eq!(board["total"], 2);
    assert_eq!(
        (board["page"].clone(), board["pages"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(board["by_status"]["in_consultation"], 2);
    assert_eq!(board["ending"]["items"][0]["programme_id"], ba);
    assert_eq!(board["ending"]["total"], 1);
    let mut by_city: Vec<(String, String, i64)> = Vec::new();
    for line in board["programmes"].as_array().expect("list") {
        assert_eq!(line["activities_this_quarter"], 1, "{line}");
        for b in line["budget"].as_array().expect("budget") {
            by_city.push((
                line["city_slug"].as_str().expect("slug").into(),
                b["currency"].as_str().expect("code").into(),
                b["planned"].as_i64().expect("minor units"),
            ));
        }
    }
    by_city.sort();
    assert_eq!(
        by_city,
        [
            ("buenos-aires".into(), "ARS".into(), 25_000_000),
            ("buenos-aires".into(), "EUR".into(), 110_000),
            ("lyon".into(), "EUR".into(), 80_000),
        ]
    );
    let uclg_eur = board["by_funder"]
        .as_array()
        .expect("list")
        .iter()
        .find(|b| b["funder"] == "UCLG" && b["currency"] == "EUR")
        .expect("UCLG in EUR");
    assert_eq!(
        uclg_eur["planned"], 160_000,
        "1000.50 + 99.50 + 500 in cents"
    );
    let currencies: Vec<(String, i64)> = board["by_currency"]
        .as_array()
        .expect("list")
        .iter()
        .map(|b| {
            (
                b["currency"].as_str().expect("code").into(),
                b["planned"].as_i64().expect("minor units"),
            )
        })
        .collect();
    assert_eq!(
        currencies,
        [("ARS".into(), 25_000_000), ("EUR".into(), 190_000)],
        "never summed across currencies"
    );
    assert_eq!(
        board["unanswered_requests"]["items"][0]["city"]["slug"],
        "lyon"
    );
    assert_eq!(
        board["open_inquiries"]["items"][0]["subject"],
        "Seminar dates"
    );

    // The sums follow every budget write: a line removed, a budget replaced by a file.
    let lines = app
        .api(
            Method::GET,
            &format!("/api/v1/programmes/{ba}/budget"),
            None,
            Some(&sec),
        )
        .await
        .json();
    let small = lines["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["planned"] == 9_950)
        .and_then(|l| l["id"].as_i64())
        .expect("the line of 99.50");
    let removed = app
        .api(
            Method::DELETE,
            &format!("/api/v1/programmes/{ba}/budget/{small}?budget_revision=4"),
            None,
            Some(&sec),
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
    let file = format!(
        "year,activity,category,description,funder,currency,planned,committed,spent\n{},,travel,Flights,UCLG,EUR,700,0,0\n",
        today.year()
    );
    let imported = app
        .upload_csv(
            &format!("/api/v1/programmes/{lyon}/budget/import?budget_revision=3"),
            &file,
            &sec,
        )
        .await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let after = app
        .api(
            Method::GET,
            "/api/v1/programmes/dashboard",
            None,
            Some(&sec),
        )
        .await
        .json();
    let funders: Vec<(String, String, i64)> = after["by_funder"]
        .as_array()
        .expect("list")
        .iter()
        .map(|b| {
            (
                b["funder"].as_str().expect("funder").into(),
                b["currency"].as_str().expect("code").into(),
                b["planned"].as_i64().expect("minor units"),
            )
        })
        .collect();
    assert_eq!(
        funders,
        [
            ("City".into(), "ARS".into(), 25_000_000),
            ("UCLG".into(), "EUR".into(), 170_050)
        ],
        "1000.50 + 700, Métropole's line gone with Lyon's old budget"
    );

    // A page past the last shows the last; a page that is not a number is refused.
    let past = app
        .api(
            Method::GET,
            "/api/v1/programmes/dashboard?page=9",
            None,
            Some(&sec),
        )
        .await
        .json();
    assert_eq!(
        (
            past["page"].clone(),
            past["programmes"].as_array().map(Vec::len)
        ),
        (json!(1), Some(2))
    );
    let bad = app
        .api(
            Method::GET,
            "/api/v1/programmes/dashboard?page=last",
            None,
            Some(&sec),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);

    // A city's editors see their city's programme only: none of Lyon's lines, outputs, activities.
    let view = app
        .api(
            Method::GET,
            "/api/v1/programmes/dashboard",
            None,
            Some(&own),
        )
        .await
        .json();
    assert_eq!(view["programmes"].as_array().map(Vec::len), Some(1));
    assert_eq!(view["total"], 1);
    assert_eq!(view["activities"]["total"], 1);
    assert_eq!(view["to_disseminate"]["total"], 0);
    assert_eq!(view["translations"]["total"], 0);
    assert_eq!(
        view["unanswered_requests"]["total"], 0,
        "Lyon's request is Lyon's"
    );
    assert_eq!(
        view["open_inquiries"]["items"][0]["subject"],
        "Seminar dates"
    );
    let funders: Vec<&str> = view["by_funder"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|b| b["funder"].as_str())
        .collect();
    assert_eq!(funders, ["City", "UCLG"], "Buenos Aires' funders only");
    assert!(
        !view.to_string().contains("Métropole") && !view.to_string().contains("lyon"),
        "{view}"
    );

    // The page in French, and who sees nothing.
    let mut browser = app.fresh_browser();
    browser.sign_in("secretariat@example.org").await;
    let page = browser.get("/fr/programmes/dashboard").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Budget par financeur")
            && page.body.contains("1700.50 EUR")
            && page.body.contains("Budget par devise"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Demandes de disponibilité sans réponse")
            && page.body.contains("Seminar dates")
    );
    let outsider = app
        .user("expert@example.org", &[expert(Some("uclg-culture"))])
        .await;
    let empty = app
        .api(
            Method::GET,
            "/api/v1/programmes/dashboard",
            None,
            Some(&outsider),
        )
        .await
        .json();
    assert_eq!(
        (
            empty["programmes"].as_array().map(Vec::len),
            empty["by_funder"].as_array().map(Vec::len)
        ),
        (Some(0), Some(0))
    );
    assert_eq!(
        app.api(Method::GET, "/api/v1/programmes/dashboard", None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}
