//! Cities are picked by their names: forms and the API take a city's name in any language (or
//! with its country when shared), slugs are made by transliteration, and an earlier slug
//! leads to the city's page.

use crate::common::{TestApp, admin, city_json, secretariat};
use axum::http::{Method, StatusCode, header};
use serde_json::json;

#[tokio::test]
async fn a_city_is_picked_by_its_name_in_any_language_or_with_its_country() {
    let mut app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    for typed in ["izmir", "İzmir", "IZMİR", "Esmirna", "Izmir (TR)"] {
        let created = app
            .api(
                Method::POST,
                "/api/v1/assessments",
                Some(json!({
                    "city": typed, "framework": "culture21-actions@2015", "module": "commitments",
                    "starts_on": "2026-05-01", "visibility": "public",
                })),
                Some(&token),
            )
            .await;
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "{typed}: {}",
            created.body
        );
    }
    // Two cities of one name: the country says which.
    let admin_token = app.user("admin@example.org", &[admin()]).await;
    for country in ["AR", "ES"] {
        let made = app
            .api(
                Method::POST,
                "/api/v1/cities",
                Some(city_json(
                    "Córdoba",
                    country,
                    if country == "AR" {
                        "latin-america"
                    } else {
                        "europe"
                    },
                )),
                Some(&admin_token),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    }
    let mut browser = app.fresh_browser();
    browser.sign_in("admin@example.org").await;
    let page = browser.get("/es/admin").await;
    assert!(
        page.body.contains(r#"<option value="Córdoba (AR)">"#),
        "a list to pick from"
    );
    assert!(page.body.contains("list=\"role-city-choices\""));
    assert_eq!(
        page.body.matches("<datalist").count(),
        1,
        "one list for every role form"
    );
    let ambiguous = browser
        .post_form(
            "/es/admin/invite",
            &[
                ("email", "ed@example.org"),
                ("role", "editor"),
                ("city", "Córdoba"),
            ],
        )
        .await;
    assert_eq!(ambiguous.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        ambiguous
            .body
            .contains("Varias ciudades tienen este nombre"),
        "{}",
        ambiguous.body
    );
    let picked = browser
        .post_form(
            "/es/admin/invite",
            &[
                ("email", "ed@example.org"),
                ("role", "editor"),
                ("city", "Córdoba (AR)"),
            ],
        )
        .await;
    assert_eq!(picked.status, StatusCode::OK, "{}", picked.body);
    // Roles are shown with the city's name, never its number; ids are unique per form.
    let page = browser.get("/fr/admin").await;
    assert!(page.body.contains("· Córdoba<"), "{}", page.body);
    assert_eq!(page.body.matches(r#"id="f-role""#).count(), 0);
    assert_eq!(page.body.matches(r#"id="f-invite-role""#).count(), 1);
    app.sign_in("admin@example.org").await;
}

#[tokio::test]
async fn slugs_are_transliterated_and_an_earlier_slug_redirects() {
    let app = TestApp::new().await;
    let token = app.user("admin@example.org", &[admin()]).await;
    for (name, country, region, slug) in [
        ("İzmir", "TR", "middle-east-west-asia", "izmir"),
        ("Xi'an", "CN", "asia-pacific", "xian"),
        ("Bogotá", "CO", "latin-america", "bogota"),
        ("Москва", "RU", "eurasia", "moskva"),
    ] {
        let made = app
            .api(
                Method::POST,
                "/api/v1/cities",
                Some(city_json(name, country, region)),
                Some(&token),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        assert_eq!(made.json()["slug"], slug, "{name}");
    }
    // A city whose slug the old rule made (`i-zmir`) gets the new one at the next migration;
    // the old address leads there.
    {
        use ateneu_db::entities::city;
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        city::Entity::update_many()
            .col_expr(city::Column::Slug, Expr::value("i-zmir"))
            .filter(city::Column::Slug.eq("izmir"))
            .exec(&app.state.db.conn)
            .await
            .expect("the old slug");
        ateneu_db::settings::set(&app.state.db.conn, "city_slugs_to_refresh", "1")
            .await
            .expect("asks for the refresh");
    }
    assert_eq!(
        ateneu_db::cities::refresh_slugs(&app.state.db)
            .await
            .expect("refreshes"),
        1
    );
    let moved = app
        .api(Method::GET, "/fr/cities/i-zmir?x=1", None, None)
        .await;
    assert_eq!(moved.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(moved.headers[header::LOCATION], "/fr/cities/izmir?x=1");
    let api = app
        .api(Method::GET, "/api/v1/cities/i-zmir", None, None)
        .await;
    assert_eq!(api.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(api.headers[header::LOCATION], "/api/v1/cities/izmir");
    let page = app.api(Method::GET, "/fr/cities/izmir", None, None).await;
    assert_eq!(page.status, StatusCode::OK);
    // The registry's name filter finds it with or without the dot.
    let found = app
        .api(Method::GET, "/api/v1/cities?q=izmir", None, None)
        .await;
    assert_eq!(found.json()["total"], 1, "{}", found.body);
}
