//! The practices' HTML pages: search, a practice's page, the guided form (with its cities and
//! its framework groups by name), the city page and the import page.

use super::{line, setup};
use crate::common::{PASSWORD, editor, secretariat};
use ateneu_domain::Lang;
use ateneu_domain::practices::TextField;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

#[tokio::test]
async fn practices_search_page_finds_by_word_and_filters_by_facet() {
    let s = setup().await;
    s.publish(&[
        line(
            "t-1",
            "Murals of memory",
            "Neighbours paint <script>alert(1)</script> murals about the harbour.",
            11,
        ),
        line(
            "t-2",
            "Libraries for reading",
            "Reading clubs in every library of the city.",
            4,
        ),
    ])
    .await;
    let mut app = s.app.fresh_browser();
    let found = app.get("/en/practices?q=murals").await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    assert!(found.body.contains("Murals of memory"), "{}", found.body);
    assert!(!found.body.contains("Libraries for reading"));
    assert!(
        !found.body.contains("<script>alert(1)"),
        "a snippet is escaped"
    );
    assert!(found.body.contains("application/atom+xml"));
    assert!(found.body.contains("/api/v1/practices/export.csv"));
    let filtered = app.get("/en/practices?sdg=4").await;
    assert_eq!(filtered.status, StatusCode::OK);
    assert!(filtered.body.contains("Libraries for reading"));
    assert!(!filtered.body.contains("Murals of memory"));
    assert!(
        filtered.body.contains(r#"name="sdg" value="4" checked"#),
        "{}",
        filtered.body
    );
}

#[tokio::test]
async fn practices_search_page_shows_ten_values_of_a_facet_and_more_on_request() {
    let s = setup().await;
    let lines: Vec<String> = (1..=12u8)
        .map(|n| {
            let (id, title) = (format!("m-{n}"), format!("Practice number {n}"));
            line(&id, &title, "Music in the squares.", n)
        })
        .collect();
    s.publish(&lines).await;
    let mut app = s.app.fresh_browser();
    let first = app.get("/en/practices").await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.body.matches(r#"name="sdg""#).count(), 10);
    assert!(first.body.contains("Show more values"), "{}", first.body);
    let more = app.get("/en/practices?facet_limit=100").await;
    assert_eq!(more.status, StatusCode::OK);
    assert_eq!(more.body.matches(r#"name="sdg""#).count(), 12);
    assert!(!more.body.contains("Show more values"));
    assert!(
        more.body.contains(r#"name="facet_limit" value="100""#),
        "the form keeps the visitor's choice"
    );
}

#[tokio::test]
async fn practices_draft_page_is_only_for_those_who_work_on_it() {
    let s = setup().await;
    let slug = s.draft("Secret draft").await;
    let path = format!("/en/practices/{slug}");
    let mut anonymous = s.app.fresh_browser();
    assert_eq!(anonymous.get(&path).await.status, StatusCode::NOT_FOUND);

    let lyon = s.app.city_id("lyon").await;
    s.app.user("lyon@example.org", &[editor(lyon)]).await;
    let mut other = s.app.fresh_browser();
    other.sign_in("lyon@example.org").await;
    assert_eq!(other.get(&path).await.status, StatusCode::NOT_FOUND);

    let mut own = s.app.fresh_browser();
    own.sign_in("editor@example.org").await;
    let page = own.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Secret draft"));
    assert!(
        page.body.contains(r#"value="submit""#),
        "the editor may submit"
    );

    let mut sec = s.app.fresh_browser();
    sec.sign_in("secretariat@example.org").await;
    let page = sec.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let _ = secretariat;
}

#[tokio::test]
async fn practices_page_escapes_a_script_in_the_summary() {
    let s = setup().await;
    s.publish(&[line(
        "t-1",
        "Murals of memory",
        "Neighbours paint <script>alert(1)</script> murals.",
        11,
    )])
    .await;
    let slug = s.slug_of("Murals of memory").await;
    let mut app = s.app.fresh_browser();
    let page = app.get(&format!("/fr/practices/{slug}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(!page.body.contains("<script>alert(1)"), "{}", page.body);
    assert!(page.body.contains("&lt;script&gt;"));
    assert!(
        page.body.contains(r#"lang="en""#),
        "the English text is marked as such"
    );
    assert!(
        page.body.contains("en anglais"),
        "the fallback is named: {}",
        page.body
    );
}

#[tokio::test]
async fn practices_guided_form_refuses_a_summary_too_long_in_french() {
    let s = setup().await;
    let slug = s.draft("Long summary").await;
    let mut own = s.app.fresh_browser();
    own.sign_in("editor@example.org").await;
    let form = own
        .get(&format!("/fr/practices/{slug}/edit?step=basics"))
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let summary = vec!["mot"; 301].join(" ");
    let saved = own
        .post_form(
            &format!("/fr/practices/{slug}/edit?step=basics&in=en"),
            &[
                ("title", "Long summary"),
                ("summary", &summary),
                ("status", "in_progress"),
                ("start_date", ""),
                ("end_date", ""),
                ("then", "stay"),
            ],
        )
        .await;
    assert_eq!(
        saved.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        saved.body
    );
    assert!(saved.body.contains("300 mots au plus"), "{}", saved.body);
    assert!(
        saved.body.contains("301 mots sur 300"),
        "the count is shown"
    );
}

#[tokio::test]
async fn practices_translator_saves_french_texts_without_touching_the_english() {
    let s = setup().await;
    let slug = s.draft("Street theatre").await;
    let reviewer =
        ateneu_domain::accounts::Grant::new(ateneu_domain::accounts::Role::Reviewer, None, None)
            .expect("grant");
    s.app.user("translator@example.org", &[reviewer]).await;
    let mut translator = s.app.fresh_browser();
    translator.sign_in("translator@example.org").await;
    let form = translator
        .get(&format!("/en/practices/{slug}/edit?step=basics&in=fr"))
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains("Street theatre"),
        "the source text is shown beside"
    );
    let saved = translator
        .post_form(
            &format!("/en/practices/{slug}/edit?step=basics&in=fr"),
            &[
                ("title", "Théâtre de rue"),
                ("summary", ""),
                ("then", "stay"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let practice = ateneu_db::practices::by_slug(&s.app.state.db.conn, &slug)
        .await
        .expect("query")
        .expect("practice");
    let title = practice.record.text(TextField::Title).expect("title");
    assert_eq!(title.get(Lang::Fr), Some("Théâtre de rue"));
    assert_eq!(
        title.status(Lang::Fr),
        Some(ateneu_domain::TranslationStatus::Translated)
    );
    assert_eq!(title.get(Lang::En), Some("Street theatre"));
    assert_eq!(title.source, Lang::En);
}

#[tokio::test]
async fn practices_city_page_lists_published_practices_only() {
    let s = setup().await;
    s.publish(&[line(
        "t-1",
        "Murals of memory",
        "Neighbours paint murals.",
        11,
    )])
    .await;
    s.draft("Secret draft").await;
    let mut app = s.app.fresh_browser();
    let page = app.get("/en/cities/buenos-aires").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Murals of memory"), "{}", page.body);
    assert!(!page.body.contains("Secret draft"));
}

#[tokio::test]
async fn practices_import_page_lists_bad_lines() {
    let s = setup().await;
    let mut sec = s.app.fresh_browser();
    sec.sign_in("secretariat@example.org").await;
    let page = sec.get("/en/practices/import").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let file = format!(
        "{}\n{{\"external_id\": \"bad\"}}\n",
        line("t-1", "Fine", "Fine.", 4)
    );
    let boundary = "XBOUNDARYX";
    let csrf = sec.csrf().await;
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"stage\"\r\n\r\npublished\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jsonl\"\r\nContent-Type: application/jsonl\r\n\r\n{file}\r\n--{boundary}--\r\n",
    );
    let request = Request::post(format!("/en/practices/import?csrf={csrf}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("request");
    let refused = sec.send(request).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains(r#"<td class="num">2</td>"#),
        "line 2 is named: {}",
        refused.body
    );
    let _ = PASSWORD;
}

#[tokio::test]
async fn practices_guided_form_names_framework_groups_in_the_readers_language() {
    let s = setup().await;
    let slug = s.draft("Tagged").await;
    let mut own = s.app.fresh_browser();
    own.sign_in("editor@example.org").await;
    let tags = own
        .get(&format!("/fr/practices/{slug}/edit?step=tags"))
        .await;
    assert_eq!(tags.status, StatusCode::OK, "{}", tags.body);
    assert!(
        tags.body.contains("<legend>Culture 21 Actions</legend>"),
        "the framework by its name: {}",
        tags.body
    );
    assert!(!tags.body.contains("<legend>culture21-actions</legend>"));
    assert!(tags.body.contains("Engagements"), "its domain, in French");
    assert!(tags.body.contains("1. Droits culturels"));
}

#[tokio::test]
async fn practices_guided_form_changes_the_cities_within_the_editors_rights() {
    let s = setup().await;
    let slug = s.draft("Shared").await;
    let path = format!("/en/practices/{slug}/edit?step=basics&in=en");
    let basics = |cities: &'static str| {
        [
            ("cities", cities),
            ("title", "Shared"),
            ("summary", ""),
            ("status", "in_progress"),
            ("start_date", ""),
            ("end_date", ""),
            ("then", "stay"),
        ]
    };
    let mut own = s.app.fresh_browser();
    own.sign_in("editor@example.org").await;
    let form = own.get(&path).await;
    assert!(
        form.body
            .contains(r#"name="cities" value="Buenos Aires (AR)""#),
        "{}",
        form.body
    );
    // Lyon is not the editor's city; no city at all is refused field by field.
    let refused = own.post_form(&path, &basics("buenos-aires, lyon")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    let empty = own.post_form(&path, &basics(" ")).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty.body.contains(r#"id="f-cities-error""#),
        "{}",
        empty.body
    );
    assert_eq!(cities_of(&s.app, &slug).await, ["buenos-aires"]);
    // The network's secretariat adds Lyon; the editor's next save keeps it.
    let mut sec = s.app.fresh_browser();
    sec.sign_in("secretariat@example.org").await;
    let added = sec.post_form(&path, &basics("buenos-aires, lyon")).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(cities_of(&s.app, &slug).await, ["buenos-aires", "lyon"]);
    let kept = own.post_form(&path, &basics("buenos-aires, lyon")).await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER, "{}", kept.body);
    assert_eq!(cities_of(&s.app, &slug).await, ["buenos-aires", "lyon"]);
}

async fn cities_of(app: &crate::common::TestApp, slug: &str) -> Vec<String> {
    ateneu_db::practices::by_slug(&app.state.db.conn, slug)
        .await
        .expect("query")
        .expect("practice")
        .cities
        .iter()
        .map(|c| c.slug.clone())
        .collect()
}
