//! A programme's activities and budget through the API and the pages: activities inside the
//! period (and a period that would leave one out refused); a stale change refused; budget lines
//! in exact money with totals that never mix currencies; a budget file refused whole with its
//! bad lines named, imported, exported without live formulas and read back; confidentiality.

use crate::common::{TestApp, editor, secretariat};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

/// Buenos Aires's two-year programme (2026–2027), started by the UCLG Culture Committee's
/// secretariat: the app, the programme's id and the secretariat's token.
async fn with_programme() -> (TestApp, i64, String) {
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let created = app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(
                json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
            ),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("an id");
    (app, id, token)
}

fn seminar(starts: &str, ends: &str) -> Value {
    json!({"catalogue_key": "peer-learning-seminar", "starts_on": starts, "ends_on": ends,
           "place": "Buenos Aires", "city_leads": "Secretaría de Cultura", "focus": "Cultural rights"})
}

#[tokio::test]
async fn activities_fall_inside_the_period_and_a_stale_change_is_refused() {
    let (app, id, token) = with_programme().await;
    let base = format!("/api/v1/programmes/{id}/activities");
    let late = app
        .api(
            Method::POST,
            &format!("{base}?lang=fr"),
            Some(seminar("2027-12-30", "2028-01-02")),
            Some(&token),
        )
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problem = &late.json()["fields"]["ends_on"];
    assert_eq!(problem["error"], "outside_programme");
    assert!(
        problem["message"]
            .as_str()
            .is_some_and(|m| m.contains("2026-01-01 – 2027-12-31") && m.contains("période")),
        "{problem}"
    );
    let added = app
        .api(
            Method::POST,
            &base,
            Some(seminar("2026-05-04", "2026-05-07")),
            Some(&token),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let activity = added.json()["id"].as_i64().expect("an id");
    let path = format!("{base}/{activity}");
    let read = app.api(Method::GET, &path, None, Some(&token)).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json()["catalogue"]["number"], 5);
    assert_eq!(read.json()["status"], "planned");
    let mut change = seminar("2026-05-05", "2026-05-08");
    change["revision"] = json!(1);
    change["status"] = json!("under_way");
    let changed = app
        .api(Method::PUT, &path, Some(change.clone()), Some(&token))
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert_eq!(changed.json()["revision"], 2);
    assert_eq!(changed.json()["status"], "under_way");
    let stale = app
        .api(Method::PUT, &path, Some(change), Some(&token))
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.json()["error"], "changed_meanwhile");
    // The city's editors see the activity; they do not change it. Other cities get not found.
    let buenos_aires = app.city_id("buenos-aires").await;
    let own = app.user("ba@example.org", &[editor(buenos_aires)]).await;
    assert_eq!(
        app.api(Method::GET, &path, None, Some(&own)).await.status,
        StatusCode::OK
    );
    let mut by_city = seminar("2026-05-05", "2026-05-08");
    by_city["revision"] = json!(2);
    assert_eq!(
        app.api(Method::PUT, &path, Some(by_city), Some(&own))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let lyon = app.city_id("lyon").await;
    let other = app.user("lyon@example.org", &[editor(lyon)]).await;
    assert_eq!(
        app.api(Method::GET, &path, None, Some(&other)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.api(
            Method::GET,
            &format!("/api/v1/programmes/{}/activities/{activity}", id + 1000),
            None,
            Some(&token)
        )
        .await
        .status,
        StatusCode::NOT_FOUND,
        "an activity is found only under its own programme"
    );
    // The programme's period cannot be shortened so as to leave the seminar out.
    let shortened = app
        .api(
            Method::PUT,
            &format!("/api/v1/programmes/{id}"),
            Some(json!({"revision": 1, "starts_on": "2026-06-01", "ends_on": "2028-05-31"})),
            Some(&token),
        )
        .await;
    assert_eq!(shortened.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        shortened.json()["fields"]["ends_on"]["error"],
        "activities_outside_period"
    );
    let programme = app
        .api(
            Method::GET,
            &format!("/api/v1/programmes/{id}"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(programme.json()["activities"][0]["id"], activity);
    assert_eq!(
        programme.json()["starts_on"],
        "2026-01-01",
        "nothing changed"
    );
}

fn line(revision: i64, currency: &str, planned: &str, funder: &str) -> Value {
    json!({"budget_revision": revision, "year": "2026", "category": "travel",
           "funder": funder, "currency": currency, "planned": planned, "committed": "", "spent": ""})
}

#[tokio::test]
async fn budget_lines_are_exact_money_and_totals_never_mix_currencies() {
    let (app, id, token) = with_programme().await;
    let base = format!("/api/v1/programmes/{id}/budget");
    let first = app
        .api(
            Method::POST,
            &base,
            Some(line(1, "EUR", "1 200,50", "UCLG")),
            Some(&token),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert_eq!(first.json()["planned"], 120_050);
    for (revision, currency, planned, funder) in
        [(2, "EUR", "0.10", "UCLG"), (3, "ars", "2500000", "City")]
    {
        let added = app
            .api(
                Method::POST,
                &base,
                Some(line(revision, currency, planned, funder)),
                Some(&token),
            )
            .await;
        assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    }
    let stale = app
        .api(
            Method::POST,
            &base,
            Some(line(2, "EUR", "1", "UCLG")),
            Some(&token),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    let bad = app
        .api(
            Method::POST,
            &format!("{base}?lang=es"),
            Some(line(4, "EURO", "12", "")),
            Some(&token),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bad.json()["fields"]["currency"]["error"],
        "invalid_currency"
    );
    assert_eq!(bad.json()["fields"]["funder"]["error"], "required");
    let budget = app.api(Method::GET, &base, None, Some(&token)).await.json();
    assert_eq!(budget["budget_revision"], 4);
    assert_eq!(budget["lines"].as_array().map(Vec::len), Some(3));
    let by_currency = &budget["totals"]["by_currency"];
    assert_eq!(
        by_currency.as_array().map(Vec::len),
        Some(2),
        "{by_currency}"
    );
    assert_eq!(by_currency[0]["currency"], "ARS");
    assert_eq!(by_currency[0]["planned"], 250_000_000);
    assert_eq!(by_currency[1]["currency"], "EUR");
    assert_eq!(
        by_currency[1]["planned"], 120_060,
        "1200.50 + 0.10, exactly"
    );
    let by_funder = &budget["totals"]["by_funder"];
    assert_eq!(by_funder.as_array().map(Vec::len), Some(2));
    // Removing a line takes the budget's revision too.
    let line_id = budget["lines"][1]["id"].as_i64().expect("an id");
    let removed = app
        .api(
            Method::DELETE,
            &format!("{base}/{line_id}?budget_revision=4"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
    let again = app
        .api(
            Method::DELETE,
            &format!("{base}/{line_id}?budget_revision=5"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    // Another city's editors: not found, in the budget and its file alike.
    let lyon = app.city_id("lyon").await;
    let other = app.user("lyon@example.org", &[editor(lyon)]).await;
    for path in [base.clone(), format!("{base}.csv")] {
        assert_eq!(
            app.api(Method::GET, &path, None, Some(&other)).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_budget_file_is_refused_whole_with_its_bad_lines_then_imported_and_exported() {
    let (app, id, token) = with_programme().await;
    let base = format!("/api/v1/programmes/{id}/budget");
    app.api(
        Method::POST,
        &base,
        Some(line(1, "EUR", "10", "UCLG")),
        Some(&token),
    )
    .await;
    let bad = "year,activity,category,description,funder,currency,planned,committed,spent\n\
               2026,,travel,Flights,UCLG,EUR,1200,600,0\n\
               2029,,travel,After the programme,UCLG,EUR,1,,\n\
               2027,42,venue,No such activity,City,ARS,abc,,\n";
    let refused = app
        .upload_csv(&format!("{base}/import?budget_revision=2"), bad, &token)
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let named: Vec<(i64, String)> = refused.json()["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| {
            (
                l["line"].as_i64().unwrap_or_default(),
                l["error"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        named,
        vec![
            (3, "outside_programme".to_owned()),
            (4, "unknown_activity".to_owned()),
            (4, "invalid_amount".to_owned()),
        ]
    );
    let kept = app.api(Method::GET, &base, None, Some(&token)).await.json();
    assert_eq!(
        kept["lines"].as_array().map(Vec::len),
        Some(1),
        "nothing changed"
    );
    let good = "category,year,activity,description,funder,currency,planned,committed,spent\n\
                travel,2026,,Flights,UCLG,EUR,\"1,200.00\",600,0\n\
                venue,2027,,\"=HYPERLINK(\"\"http://x\"\")\",City,ARS,2500000,,\n";
    let imported = app
        .upload_csv(&format!("{base}/import?budget_revision=2"), good, &token)
        .await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    assert_eq!(imported.json()["lines"], 2);
    let stale = app
        .upload_csv(&format!("{base}/import?budget_revision=2"), good, &token)
        .await;
    assert_eq!(
        stale.status,
        StatusCode::CONFLICT,
        "the budget changed since revision 2"
    );
    let exported = app
        .api(Method::GET, &format!("{base}.csv"), None, Some(&token))
        .await;
    assert_eq!(exported.status, StatusCode::OK);
    assert!(
        exported.body.starts_with(
            "year,activity,category,description,funder,currency,planned,committed,spent"
        ),
        "{}",
        exported.body
    );
    assert!(
        exported
            .body
            .contains("2026,,travel,Flights,UCLG,EUR,1200.00,600.00,0.00")
    );
    assert!(
        exported.body.contains("'=HYPERLINK"),
        "no live formula leaves the platform: {}",
        exported.body
    );
    // The exported file reads back to the same budget.
    let before = app.api(Method::GET, &base, None, Some(&token)).await.json();
    let again = app
        .upload_csv(
            &format!("{base}/import?budget_revision=3"),
            &exported.body,
            &token,
        )
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    let after = app.api(Method::GET, &base, None, Some(&token)).await.json();
    assert_eq!(after["totals"], before["totals"]);
    assert_eq!(after["lines"][1]["description"], "=HYPERLINK(\"http://x\")");
}

#[tokio::test]
async fn the_secretariat_plans_activities_and_the_budget_on_spanish_pages() {
    let (mut app, id, _) = with_programme().await;
    app.sign_in("secretariat@example.org").await;
    let programme = format!("/es/programmes/{id}");
    let page = app.get(&programme).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Actividades") && page.body.contains("Añadir una actividad"));
    let outside = app
        .post_form(
            &format!("{programme}/activities"),
            &[
                ("catalogue_key", "visit"),
                ("starts_on", "2025-11-01"),
                ("ends_on", "2025-11-03"),
            ],
        )
        .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        outside.body.contains("fuera del período del programa"),
        "the refusal is in Spanish, field by field"
    );
    assert!(
        outside.body.contains("value=\"2025-11-01\""),
        "what was typed is kept"
    );
    let added = app
        .post_form(
            &format!("{programme}/activities"),
            &[
                ("catalogue_key", ""),
                ("title", "Festival de los barrios"),
                ("starts_on", "2026-09-01"),
                ("ends_on", "2026-09-03"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let location = added.headers[header::LOCATION]
        .to_str()
        .expect("a location")
        .to_owned();
    let activity = app.get(&location).await;
    assert!(activity.body.contains("Festival de los barrios"));
    assert!(activity.body.contains("Prevista"));
    let budget = format!("{programme}/budget");
    let saved = app
        .post_form(
            &budget,
            &[
                ("budget_revision", "1"),
                ("year", "2026"),
                ("category", "venue"),
                ("funder", "Ciudad"),
                ("currency", "ARS"),
                ("planned", "1.500.000"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let shown = app.get(&budget).await;
    assert!(shown.body.contains("Por moneda"));
    assert!(shown.body.contains("1500000.00 ARS"), "{}", shown.body);
    // A file sent from the page: refused with its bad line named, in Spanish.
    let boundary = "XBOUNDARYX";
    let csrf = app.csrf().await;
    let file = "year,activity,category,description,funder,currency,planned,committed,spent\n2026,,travel,,UCLG,EUR,-3,,\n";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"budget_revision\"\r\n\r\n2\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.csv\"\r\nContent-Type: text/csv\r\n\r\n{file}\r\n--{boundary}--\r\n",
    );
    let request = Request::post(format!("{budget}/import?csrf={csrf}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("request");
    let refused = app.send(request).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("no es un importe"),
        "{}",
        refused.body
    );
    let unchanged = app.get(&budget).await;
    assert!(
        unchanged.body.contains("1500000.00 ARS"),
        "nothing was lost"
    );
}
