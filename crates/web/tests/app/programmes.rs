//! The Leading Cities programme through the API and the pages: the catalogue in three
//! languages; a programme started by the secretariat for a current Leading City (two years, or
//! a stated reason); confidentiality role by role; one status step at a time; a stale save
//! refused; consultations recorded by both sides.

use crate::common::{TestApp, admin, editor, expert, secretariat};
use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};

fn two_years(city: &str) -> Value {
    json!({"city": city, "starts_on": "2026-01-01", "ends_on": "2027-12-31", "priorities": "Cultural rights in the neighbourhoods"})
}

/// Buenos Aires (a Leading City in the example network) with a programme started by the UCLG
/// Culture Committee's secretariat; returns the app, the programme's id and the secretariat's
/// token.
async fn with_programme() -> (TestApp, i64, String) {
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let created = app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(two_years("buenos-aires")),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("an id");
    (app, id, token)
}

#[tokio::test]
async fn the_catalogue_lists_the_fifteen_activities_in_each_language() {
    let mut app = TestApp::new().await;
    let api = app
        .api(Method::GET, "/api/v1/programmes/catalogue", None, None)
        .await;
    assert_eq!(api.status, StatusCode::OK);
    let catalogue = api.json();
    assert_eq!(catalogue["activities"].as_array().map(Vec::len), Some(15));
    assert_eq!(catalogue["areas"].as_array().map(Vec::len), Some(3));
    for (lang, word) in [
        ("en", "Usual duration"),
        ("fr", "Durée habituelle"),
        ("es", "Duración habitual"),
    ] {
        let page = app.get(&format!("/{lang}/programmes/catalogue")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            page.body.matches("<article class=\"card\"").count(),
            15,
            "{lang}"
        );
        assert!(page.body.contains(word), "{lang}");
        let activity = catalogue["activities"][4]["name"][lang]
            .as_str()
            .expect("a name");
        assert!(
            page.body
                .contains(&maud::html! { (activity) }.into_string()),
            "{lang}: {activity}"
        );
    }
}

#[tokio::test]
async fn a_programme_is_two_years_or_says_why_and_only_for_a_current_leading_city() {
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let one_year =
        json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2026-12-31"});
    let refused = app
        .api(
            Method::POST,
            "/api/v1/programmes?lang=fr",
            Some(one_year.clone()),
            Some(&token),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let field = &refused.json()["fields"]["short_reason"];
    assert_eq!(field["error"], "programme_too_short");
    assert!(
        field["message"]
            .as_str()
            .unwrap_or_default()
            .contains("24 mois"),
        "{field}"
    );
    let mut with_reason = one_year.clone();
    with_reason["short_reason"] = json!("The mayor's term ends in December 2026.");
    let created = app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(with_reason),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.json()["status"], "in_consultation");
    assert_eq!(created.json()["revision"], 1);

    let overlapping = app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(two_years("buenos-aires")),
            Some(&token),
        )
        .await;
    assert_eq!(overlapping.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        overlapping.json()["fields"]["starts_on"]["error"],
        "programmes_overlap"
    );
    let mut later = two_years("buenos-aires");
    later["starts_on"] = json!("2027-01-01");
    later["ends_on"] = json!("2028-12-31");
    let next = app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(later),
            Some(&token),
        )
        .await;
    assert_eq!(
        next.status,
        StatusCode::CREATED,
        "the next period, after the first"
    );

    let lyon = app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(two_years("lyon")),
            Some(&token),
        )
        .await;
    assert_eq!(lyon.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(lyon.json()["fields"]["city"]["error"], "not_a_leading_city");
    let nowhere = app
        .api(
            Method::POST,
            "/api/v1/programmes",
            Some(two_years("atlantis")),
            Some(&token),
        )
        .await;
    assert_eq!(nowhere.json()["fields"]["city"]["error"], "unknown_city");
}

#[tokio::test]
async fn a_programme_is_seen_by_its_city_and_its_secretariat_and_not_found_by_anyone_else() {
    let (app, id, _) = with_programme().await;
    let buenos_aires = app.city_id("buenos-aires").await;
    let lyon = app.city_id("lyon").await;
    let path = format!("/api/v1/programmes/{id}");
    let own = app.user("ba@example.org", &[editor(buenos_aires)]).await;
    let seen = app.api(Method::GET, &path, None, Some(&own)).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
    assert_eq!(seen.json()["may_manage"], false);
    assert_eq!(seen.json()["may_consult"], true);
    let admin = app.user("admin@example.org", &[admin()]).await;
    assert_eq!(
        app.api(Method::GET, &path, None, Some(&admin)).await.status,
        StatusCode::OK
    );
    // Buenos Aires is made a Creative City too: the Creative Cities' secretariat may manage
    // its membership, and still gets no view of the Leading Cities programme.
    let uccn = app.user("uccn@example.org", &[secretariat("uccn")]).await;
    let designated = app
        .api(
            Method::POST,
            "/api/v1/cities/buenos-aires/memberships",
            Some(json!({"network": "uccn", "started_on": "2005-08-01", "creative_field": "design", "designation_year": "2005"})),
            Some(&uccn),
        )
        .await;
    assert_eq!(
        designated.status,
        StatusCode::CREATED,
        "{}",
        designated.body
    );
    let outsiders = [
        app.user("lyon@example.org", &[editor(lyon)]).await,
        uccn,
        app.user("expert@example.org", &[expert(Some("uclg-culture"))])
            .await,
    ];
    for token in &outsiders {
        let hidden = app.api(Method::GET, &path, None, Some(token)).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND, "{}", hidden.body);
        let list = app
            .api(Method::GET, "/api/v1/programmes", None, Some(token))
            .await;
        assert_eq!(list.json(), json!([]), "nor in a list");
        let change = app
            .api(
                Method::PUT,
                &path,
                Some(json!({"revision": 1})),
                Some(token),
            )
            .await;
        assert_eq!(change.status, StatusCode::NOT_FOUND, "nor on a write");
    }
    assert_eq!(
        app.api(Method::GET, &path, None, None).await.status,
        StatusCode::NOT_FOUND
    );
    let listed = app
        .api(Method::GET, "/api/v1/programmes", None, Some(&own))
        .await;
    assert_eq!(listed.json().as_array().map(Vec::len), Some(1));
    assert_eq!(listed.json()[0]["city_slug"], "buenos-aires");
    let anonymous = app.api(Method::GET, "/api/v1/programmes", None, None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    // The city's editors see it and keep its log, but do not manage it.
    let changed = app
        .api(Method::PUT, &path, Some(json!({"revision": 1, "starts_on": "2026-01-01", "ends_on": "2027-12-31", "status": "proposed"})), Some(&own))
        .await;
    assert_eq!(changed.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_programme_moves_one_step_at_a_time_and_a_stale_save_is_refused() {
    let (app, id, token) = with_programme().await;
    let path = format!("/api/v1/programmes/{id}");
    let change = |revision: Value, status: &str| json!({"revision": revision, "starts_on": "2026-01-01", "ends_on": "2027-12-31", "status": status, "priorities": "Cultural rights"});
    let proposed = app
        .api(
            Method::PUT,
            &path,
            Some(change(json!(1), "proposed")),
            Some(&token),
        )
        .await;
    assert_eq!(proposed.status, StatusCode::OK, "{}", proposed.body);
    assert_eq!(proposed.json()["revision"], 2);
    let stale = app
        .api(
            Method::PUT,
            &format!("{path}?lang=es"),
            Some(change(json!("1"), "mou_signed")),
            Some(&token),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(stale.json()["error"], "changed_meanwhile");
    assert_eq!(
        stale.json()["detail"],
        "status",
        "the saved version differs from the one sent in its status"
    );
    assert!(
        stale.json()["message"]
            .as_str()
            .unwrap_or_default()
            .contains("guardó")
    );
    let skipped = app
        .api(
            Method::PUT,
            &path,
            Some(change(json!(2), "active")),
            Some(&token),
        )
        .await;
    assert_eq!(skipped.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        skipped.json()["fields"]["status"]["error"],
        "status_step_not_allowed"
    );
    let read = app.api(Method::GET, &path, None, Some(&token)).await;
    assert_eq!(
        read.json()["status"],
        "proposed",
        "nothing was lost or half-saved"
    );
    assert_eq!(read.json()["revision"], 2);
    let no_revision = app
        .api(
            Method::PUT,
            &path,
            Some(json!({"starts_on": "2026-01-01", "ends_on": "2027-12-31"})),
            Some(&token),
        )
        .await;
    assert_eq!(
        no_revision.json()["fields"]["revision"]["error"],
        "required"
    );
    let keeps_status = app
        .api(
            Method::PUT,
            &path,
            Some(json!({"revision": 2, "starts_on": "2026-01-01", "ends_on": "2028-06-30"})),
            Some(&token),
        )
        .await;
    assert_eq!(keeps_status.status, StatusCode::OK, "{}", keeps_status.body);
    assert_eq!(
        keeps_status.json()["status"],
        "proposed",
        "an empty status keeps the current one"
    );
}

#[tokio::test]
async fn both_sides_record_consultations_and_an_empty_one_is_refused() {
    let (app, id, token) = with_programme().await;
    let buenos_aires = app.city_id("buenos-aires").await;
    let own = app.user("ba@example.org", &[editor(buenos_aires)]).await;
    let path = format!("/api/v1/programmes/{id}/consultations");
    let empty = app
        .api(Method::POST, &path, Some(json!({})), Some(&own))
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.json()["fields"]["held_on"]["error"], "required");
    assert_eq!(empty.json()["fields"]["notes"]["error"], "required");
    let first = json!({"held_on": "2026-01-20", "city_people": "Lucía Ejemplo", "secretariat_people": "The Committee's secretariat", "decisions": "A Culture 21 Lab in May"});
    let recorded = app.api(Method::POST, &path, Some(first), Some(&own)).await;
    assert_eq!(recorded.status, StatusCode::CREATED, "{}", recorded.body);
    let second = json!({"held_on": "2026-03-02", "notes": "Budget lines discussed"});
    let recorded = app
        .api(Method::POST, &path, Some(second), Some(&token))
        .await;
    assert_eq!(recorded.status, StatusCode::CREATED);
    let view = app
        .api(
            Method::GET,
            &format!("/api/v1/programmes/{id}"),
            None,
            Some(&own),
        )
        .await
        .json();
    let log = view["consultations"].as_array().expect("a log");
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["held_on"], "2026-03-02", "latest first");
    let lyon = app.city_id("lyon").await;
    let other = app.user("lyon@example.org", &[editor(lyon)]).await;
    let hidden = app
        .api(
            Method::POST,
            &path,
            Some(json!({"held_on": "2026-01-01", "notes": "x"})),
            Some(&other),
        )
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_secretariat_starts_and_changes_a_programme_on_french_pages() {
    let mut app = TestApp::with_demo().await;
    app.user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    app.sign_in("secretariat@example.org").await;
    let form = app.get("/fr/programmes/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Lancer un programme"));
    let short = app
        .post_form(
            "/fr/programmes/new",
            &[
                ("city", "Buenos Aires"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "2026-06-30"),
                ("status", "in_consultation"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        short.body.contains("24 mois"),
        "the reason is asked for in French"
    );
    assert!(
        short.body.contains("value=\"2026-06-30\""),
        "what was typed is kept"
    );
    let created = app
        .post_form(
            "/fr/programmes/new",
            &[
                ("city", "Buenos Aires"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "2027-12-31"),
                ("status", "in_consultation"),
                ("priorities", "Droits culturels"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let location = created.headers[header::LOCATION]
        .to_str()
        .expect("a location")
        .to_owned();
    assert!(location.starts_with("/fr/programmes/"), "{location}");
    let page = app.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Programme de Buenos Aires"));
    assert!(page.body.contains("En consultation"));
    assert!(page.body.contains("Droits culturels"));
    let moved = app
        .post_form(
            &location,
            &[
                ("revision", "1"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "2027-12-31"),
                ("status", "proposed"),
                ("priorities", "Droits culturels"),
            ],
        )
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    let stale = app
        .post_form(
            &location,
            &[
                ("revision", "1"),
                ("starts_on", "2026-01-01"),
                ("ends_on", "2027-12-31"),
                ("status", "in_consultation"),
                ("priorities", "Autre chose"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("entre-temps"));
    assert!(
        stale.body.contains("diffère de la vôtre"),
        "the fields saved since are named"
    );
    assert!(stale.body.contains("Proposé"), "the saved version is shown");
    let consulted = app
        .post_form(
            &format!("{location}/consultations"),
            &[
                ("held_on", "2026-02-01"),
                ("decisions", "Un Culture 21 Lab en mai"),
            ],
        )
        .await;
    assert_eq!(consulted.status, StatusCode::SEE_OTHER);
    let list = app.get("/fr/programmes").await;
    assert!(list.body.contains("Buenos Aires") && list.body.contains("Proposé"));
    let again = app.get(&location).await;
    assert!(again.body.contains("Un Culture 21 Lab en mai"));
}
