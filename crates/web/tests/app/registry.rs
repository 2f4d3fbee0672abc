//! The member registry through the API, the pages and CSV files.

use crate::common::{TestApp, admin, city_json, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::json;

const HEADER: &str = "slug,source_lang,name_en,name_fr,name_es,country,region,population,latitude,longitude,website,description_en,description_fr,description_es\n";

#[tokio::test]
async fn the_registry_round_trips_through_the_api_and_csv() {
    let app = TestApp::new().await;
    let token = app.user("admin@example.org", &[admin()]).await;
    let body = json!({"source_lang": "fr", "name_en": "Lyon", "name_fr": "Lyon", "name_es": "Lyon", "country": "fr", "region": "europe",
        "population": "522 000", "latitude": "45.76", "longitude": "4.84", "website": "https://www.lyon.fr",
        "description_fr": "Ville de lumières, \"fête\" et cinéma", "description_en": "City of lights,\nfestivals and film"});
    let created = app
        .api(Method::POST, "/api/v1/cities", Some(body), Some(&token))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.json()["slug"], "lyon");
    let second = app
        .api(
            Method::POST,
            "/api/v1/cities",
            Some(city_json("Dakar", "SN", "africa")),
            Some(&token),
        )
        .await;
    assert_eq!(second.status, StatusCode::CREATED);
    let membership = json!({"network": "uccn", "started_on": "2014-12-01", "creative_field": "media-arts", "designation_year": "2014"});
    let added = app
        .api(
            Method::POST,
            "/api/v1/cities/dakar/memberships",
            Some(membership),
            Some(&token),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let id = added.json()["id"].as_i64().expect("id");
    let changed = app
        .api(
            Method::POST,
            &format!("/api/v1/cities/dakar/memberships/{id}/field"),
            Some(json!({"creative_field": "music", "on": "2020-01-01"})),
            Some(&token),
        )
        .await;
    assert_eq!(changed.status, StatusCode::CREATED, "{}", changed.body);

    let cities_csv = app
        .api(Method::GET, "/api/v1/export/cities.csv", None, None)
        .await;
    let memberships_csv = app
        .api(Method::GET, "/api/v1/export/memberships.csv", None, None)
        .await;
    assert!(
        cities_csv.headers["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/csv")
    );

    let other = TestApp::new().await;
    let other_token = other.user("admin@example.org", &[admin()]).await;
    let imported = other
        .upload_csv("/api/v1/import/cities", &cities_csv.body, &other_token)
        .await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    assert_eq!(imported.json()["created"], 2);
    let imported = other
        .upload_csv(
            "/api/v1/import/memberships",
            &memberships_csv.body,
            &other_token,
        )
        .await;
    assert_eq!(imported.json()["created"], 2, "{}", imported.body);

    let strip = |mut v: serde_json::Value| {
        for item in v["items"].as_array_mut().expect("items") {
            for key in ["id", "created_at", "updated_at"] {
                item.as_object_mut().expect("object").remove(key);
            }
        }
        v
    };
    let before = strip(
        app.api(Method::GET, "/api/v1/cities", None, None)
            .await
            .json(),
    );
    let after = strip(
        other
            .api(Method::GET, "/api/v1/cities", None, None)
            .await
            .json(),
    );
    assert_eq!(before, after);
    assert_eq!(
        before["items"][0]["memberships"],
        json!([{"network": "uccn", "role": "member", "creative_field": "music"}])
    );
    assert_eq!(
        app.api(Method::GET, "/api/v1/export/memberships.csv", None, None)
            .await
            .body,
        other
            .api(Method::GET, "/api/v1/export/memberships.csv", None, None)
            .await
            .body
    );

    // Importing the same file again changes nothing.
    let again = other
        .upload_csv("/api/v1/import/cities", &cities_csv.body, &other_token)
        .await;
    assert_eq!(
        again.json(),
        json!({"rows": 2, "created": 0, "updated": 0, "unchanged": 2})
    );
}

#[tokio::test]
async fn a_file_with_one_bad_row_is_refused_whole_with_its_line() {
    let app = TestApp::new().await;
    let token = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let csv = format!(
        "{HEADER},en,Lyon,,,FR,europe,,,,,,,\n,en,Porto,,,PT,europe,,,,,,,\n,en,Nowhere,,,XX,europe,,,,,,,\n,en,Quito,,,EC,latin-america,,,,,,,\n"
    );
    let reply = app
        .upload_csv("/api/v1/import/cities?lang=fr", &csv, &token)
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = reply.json();
    assert_eq!(body["error"], "invalid_file");
    assert_eq!(
        body["lines"],
        json!([{"line": 4, "column": "country", "error": "unknown_country", "message": body["lines"][0]["message"]}])
    );
    assert!(
        body["lines"][0]["message"]
            .as_str()
            .expect("message")
            .contains("XX")
    );
    let list = app
        .api(Method::GET, "/api/v1/cities", None, None)
        .await
        .json();
    assert_eq!(list["total"], 0, "nothing was written");

    // Memberships naming an unknown city are refused the same way.
    let csv = "city,network,role,started_on,ended_on,creative_field,designation_year\natlantis,uclg-culture,member,2020-01-01,,,\n";
    let reply = app
        .upload_csv("/api/v1/import/memberships", csv, &token)
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["lines"][0]["error"], "unknown_city");
}

#[tokio::test]
async fn bad_city_fields_get_a_localised_message_field_by_field() {
    let mut app = TestApp::new().await;
    let token = app.user("admin@example.org", &[admin()]).await;
    let body = json!({"name_en": "", "country": "ZZ", "region": "mars", "latitude": "91", "longitude": "0"});
    let reply = app
        .api(
            Method::POST,
            "/api/v1/cities?lang=es",
            Some(body),
            Some(&token),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let json = reply.json();
    for field in ["name_en", "country", "region", "latitude"] {
        assert!(
            json["fields"][field]["message"].is_string(),
            "{field}: {json}"
        );
    }
    assert_ne!(
        json["fields"]["country"]["message"],
        json["fields"]["country"]["error"]
    );
    let malformed = app
        .api(Method::POST, "/api/v1/cities", None, Some(&token))
        .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);

    // The form shows the same problems beside each field, and keeps what was typed.
    app.sign_in("admin@example.org").await;
    let page = app
        .post_form(
            "/fr/cities/new",
            &[
                ("name_en", "Ville"),
                ("country", "ZZ"),
                ("region", "europe"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("aria-invalid=\"true\""));
    assert!(page.body.contains("value=\"Ville\""));
    assert!(page.body.contains("ZZ"));
}

#[tokio::test]
async fn the_list_filters_by_network_region_country_field_and_text() {
    let app = TestApp::with_demo().await;
    let get = |q: &'static str| {
        let app = &app;
        async move {
            app.api(Method::GET, &format!("/api/v1/cities?{q}"), None, None)
                .await
                .json()["total"]
                .as_u64()
                .expect("total")
        }
    };
    let all = get("").await;
    assert_eq!(all, 12);
    assert!(get("network=uccn").await >= 5);
    assert_eq!(
        get("region=africa&field=media-arts").await,
        1,
        "Dakar's current field"
    );
    assert_eq!(
        get("field=crafts-folk-art").await,
        0,
        "a past field does not count as current"
    );
    assert_eq!(get("country=es").await, 1);
    assert_eq!(
        get("q=MONTREAL").await,
        1,
        "text matches without accents or case"
    );
    assert_eq!(
        get("q=ciudad%20mexico").await,
        1,
        "text matches names in every language"
    );
    let bad = app
        .api(Method::GET, "/api/v1/cities?network=nope", None, None)
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = app
        .api(Method::GET, "/api/v1/cities?per_page=5&page=3", None, None)
        .await
        .json();
    assert_eq!(page["items"].as_array().expect("items").len(), 2);
    // The pages, one after another, hold every city once, in the order of the whole list.
    let whole = app
        .api(Method::GET, "/api/v1/cities?per_page=100", None, None)
        .await
        .json();
    let slugs = |list: &serde_json::Value| -> Vec<String> {
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|c| c["slug"].as_str().expect("slug").to_owned())
            .collect()
    };
    let mut paged = Vec::new();
    for n in 1..=3 {
        let page = app
            .api(
                Method::GET,
                &format!("/api/v1/cities?per_page=5&page={n}"),
                None,
                None,
            )
            .await
            .json();
        paged.extend(slugs(&page));
    }
    assert_eq!(paged, slugs(&whole));
    assert_eq!(paged.len(), 12);
}

#[tokio::test]
async fn a_field_change_keeps_the_history_on_the_city_page() {
    let mut app = TestApp::with_demo().await;
    let page = app.get("/en/cities/dakar").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Crafts and Folk Art") && page.body.contains("Media Arts"),
        "both periods shown"
    );
    assert!(page.body.contains("badge ended"));
    assert!(
        page.body.contains("example-banner"),
        "example content is labelled"
    );
}

#[tokio::test]
async fn every_write_leaves_an_audit_row() {
    let app = TestApp::new().await;
    let token = app.user("admin@example.org", &[admin()]).await;
    app.api(
        Method::POST,
        "/api/v1/cities",
        Some(city_json("Porto", "PT", "europe")),
        Some(&token),
    )
    .await;
    app.api(
        Method::PUT,
        "/api/v1/cities/porto",
        Some(city_json("Porto City", "PT", "europe")),
        Some(&token),
    )
    .await;
    let log = app
        .api(Method::GET, "/api/v1/admin/audit", None, Some(&token))
        .await
        .json();
    let actions: Vec<&str> = log["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["action"].as_str().expect("action"))
        .collect();
    assert!(
        actions.starts_with(&["city.update", "city.create"]),
        "{actions:?}"
    );
    assert_eq!(log["items"][0]["actor"], "admin@example.org");
    assert_eq!(
        log["items"][0]["changes"]["before"]["name"]["values"]["en"]["text"],
        "Porto"
    );
}

#[tokio::test]
async fn public_pages_show_a_write_at_once_and_never_what_a_signed_in_person_sees() {
    let mut app = TestApp::with_demo().await;
    let token = app.user("admin@example.org", &[admin()]).await;
    let before = app.get("/en/cities").await;
    assert!(!before.body.contains("Porto"));
    assert_eq!(
        app.get("/en/cities").await.body,
        before.body,
        "served again the same"
    );
    let list = app
        .api(Method::GET, "/api/v1/cities", None, None)
        .await
        .json();
    app.api(
        Method::POST,
        "/api/v1/cities",
        Some(city_json("Porto", "PT", "europe")),
        Some(&token),
    )
    .await;
    assert!(
        app.get("/en/cities").await.body.contains("Porto"),
        "the write shows at once"
    );
    let after = app
        .api(Method::GET, "/api/v1/cities", None, None)
        .await
        .json();
    assert_eq!(
        after["total"].as_u64(),
        list["total"].as_u64().map(|n| n + 1)
    );
    app.sign_in("admin@example.org").await;
    let signed_in = app.get("/en/cities/lyon").await;
    assert!(
        signed_in.body.contains("lyon.international@example.org"),
        "the signed-in page is not the cached public one"
    );
    let anonymous = app.fresh_browser().get("/en/cities/lyon").await;
    assert!(!anonymous.body.contains("lyon.international@example.org"));
}

/// How many database statements an answer's `Server-Timing` header says it ran.
fn statements(reply: &crate::common::Reply) -> u32 {
    let timing = reply
        .headers
        .get("server-timing")
        .and_then(|v| v.to_str().ok())
        .expect("a Server-Timing header");
    let (_, after) = timing.split_once("db;desc=\"").expect("a db part");
    let (count, _) = after.split_once(' ').expect("a count");
    count.parse().expect("a number")
}

#[tokio::test]
async fn a_public_page_says_how_it_was_answered_and_the_cache_can_be_switched_off() {
    let mut cached = TestApp::configured(|config| config.server_timing = true).await;
    ateneu_db::demo::load(&cached.state.db, &cached.state.reference)
        .await
        .expect("demo loads");
    let statuses = |reply: &crate::common::Reply| {
        reply
            .headers
            .get("x-page-cache")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("none")
            .to_owned()
    };
    for path in ["/en/cities", "/fr/cities?page=1", "/en/cities/lyon"] {
        let first = cached.get(path).await;
        let second = cached.get(path).await;
        assert_eq!(
            (statuses(&first), statuses(&second)),
            ("miss".to_owned(), "hit".to_owned()),
            "{path}"
        );
        assert_eq!(first.body, second.body);
        // The answer says where its time went: the rendered page read the database, the
        // kept one at most the data's version (checked again after 200 ms).
        assert!(statements(&first) > 1, "{path}: {:?}", first.headers);
        assert!(statements(&second) <= 1, "{path}: {:?}", second.headers);
    }
    // An unknown parameter is left out of the key: the cache answers.
    let junk = cached.get("/en/cities?_bench=1-1").await;
    assert_eq!(statuses(&junk), "hit");
    // Switched off, every request is rendered, and the page is the same.
    let mut rendered = TestApp::configured(|config| {
        config.page_cache = false;
        config.server_timing = true;
    })
    .await;
    ateneu_db::demo::load(&rendered.state.db, &rendered.state.reference)
        .await
        .expect("demo loads");
    for _ in 0..3 {
        let page = rendered.get("/en/cities/lyon").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(statuses(&page), "off");
        assert!(statements(&page) > 0, "every time rendered");
        assert!(page.body.contains("Lyon"), "{}", page.body);
    }
    // Signed-in requests are never the cache's.
    cached.user("admin@example.org", &[admin()]).await;
    cached.sign_in("admin@example.org").await;
    assert_eq!(statuses(&cached.get("/en/cities").await), "none");
    // A server not asked to say where its time goes says nothing: a count of statements would
    // tell whether a hidden record exists.
    let quiet = TestApp::with_demo().await.get("/en/cities/lyon").await;
    assert_eq!(quiet.status, StatusCode::OK);
    assert!(quiet.headers.get("server-timing").is_none());
}
