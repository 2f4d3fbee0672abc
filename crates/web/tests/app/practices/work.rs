//! The pages of the people working on practices: who may open the work page, an editor's
//! practices by stage, a translator's queue in one language, and the form that starts a
//! practice (a draft of the editor's city; bad input refused field by field; another city's
//! practice forbidden).

use super::setup;
use crate::common::{TestApp, editor};
use ateneu_domain::accounts::{Grant, Role};
use ateneu_domain::practices::Stage;
use axum::http::{Method, StatusCode, header};
use serde_json::json;

/// The part of a page from a heading (its opening, such as `<h2>Draft`) to the end of its
/// section.
fn section<'a>(body: &'a str, heading: &str) -> &'a str {
    let start = body
        .find(heading)
        .unwrap_or_else(|| panic!("no section {heading} in {body}"));
    let rest = &body[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

async fn practice_count(app: &TestApp) -> u64 {
    ateneu_db::practices::list(
        &app.state.db.conn,
        &ateneu_db::practices::PracticeFilter {
            stages: Stage::ALL.to_vec(),
            ..Default::default()
        },
        0,
        1,
    )
    .await
    .expect("list")
    .1
}

#[tokio::test]
async fn practices_work_and_new_pages_need_a_signed_in_user() {
    let s = setup().await;
    let mut anonymous = s.app.fresh_browser();
    for path in ["/en/practices/work", "/en/practices/new"] {
        let page = anonymous.get(path).await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{path}");
        assert!(page.body.contains("Please sign in"), "{}", page.body);
    }
    let before = practice_count(&s.app).await;
    let posted = anonymous
        .post_form(
            "/en/practices/new",
            &[
                ("cities", "buenos-aires"),
                ("lang", "en"),
                ("title", "Sneaky"),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::UNAUTHORIZED);
    assert_eq!(practice_count(&s.app).await, before, "nothing written");
}

#[tokio::test]
async fn practices_work_page_shows_an_editor_their_own_practices_by_stage() {
    let s = setup().await;
    s.draft("Tango in the squares").await;
    let lyon = s.app.city_id("lyon").await;
    let lyon_editor = s.app.user("lyon@example.org", &[editor(lyon)]).await;
    let made = s
        .app
        .api(
            Method::POST,
            "/api/v1/practices",
            Some(json!({"cities": ["lyon"], "lang": "fr", "title": "Murs peints"})),
            Some(&lyon_editor),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);

    let mut own = s.app.fresh_browser();
    own.sign_in("editor@example.org").await;
    let page = own.get("/en/practices/work").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let drafts = section(&page.body, "<h2>Draft");
    assert!(drafts.contains("Tango in the squares"), "{drafts}");
    assert!(
        !page.body.contains("Murs peints"),
        "another city's draft is not listed"
    );
    assert!(
        section(&page.body, "<h2>Submitted").contains("Nothing at this stage."),
        "{}",
        page.body
    );

    let mut other = s.app.fresh_browser();
    other.sign_in("lyon@example.org").await;
    let page = other.get("/fr/practices/work").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(section(&page.body, "<h2>Brouillon").contains("Murs peints"));
    assert!(!page.body.contains("Tango in the squares"));
}

#[tokio::test]
async fn practices_translator_queue_lists_what_is_missing_or_outdated_in_french() {
    let s = setup().await;
    let line = |id: &str, texts: serde_json::Value| {
        json!({
            "external_id": id, "cities": [{"name": "Buenos Aires", "country": "AR"}],
            "status": "in_progress", "start_date": "2021-01-01", "sdgs": [11],
            "source_lang": "en", "text": texts,
        })
        .to_string()
    };
    s.publish(&[
        line(
            "q-missing",
            json!({"en": {"title": "Only in English", "summary": "Nothing in French yet."}}),
        ),
        line(
            "q-done",
            json!({"en": {"title": "Already translated", "summary": "Done."},
                   "fr": {"title": "Déjà traduite", "summary": "Fait."}}),
        ),
        line(
            "q-outdated",
            json!({"en": {"title": "Changed since", "summary": "The English moved on."},
                   "fr": {"title": "Changée depuis", "summary": "L’anglais a changé."}}),
        ),
    ])
    .await;
    // The source of the third changes after its translation: the French needs an update.
    let slug = s.slug_of("Changed since").await;
    let changed = s
        .app
        .api(
            Method::PATCH,
            &format!("/api/v1/practices/{slug}"),
            Some(json!({"texts": {"summary": "The English moved on again."}})),
            Some(&s.secretariat),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);

    let reviewer = Grant::new(Role::Reviewer, None, None).expect("grant");
    s.app.user("translator@example.org", &[reviewer]).await;
    let mut translator = s.app.fresh_browser();
    translator.sign_in("translator@example.org").await;
    let page = translator.get("/en/practices/work?lang=fr").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let queue = section(&page.body, r#"<h2 id="queue">"#);
    assert!(queue.contains("Only in English"), "{queue}");
    assert!(queue.contains("Changed since"), "{queue}");
    assert!(
        !queue.contains("Already translated"),
        "a practice translated already is not in the queue: {queue}"
    );
    assert!(
        queue.contains(&format!("/en/practices/{slug}/edit?in=fr")),
        "each entry leads to the French form: {queue}"
    );
    assert!(queue.contains(r#"<option value="fr" selected>"#), "{queue}");
    // In English, the source language of all three, there is nothing to translate.
    let english = translator.get("/en/practices/work?lang=en").await;
    assert!(
        section(&english.body, r#"<h2 id="queue">"#)
            .contains("No translation work in this language.")
    );
    let bad = translator.get("/en/practices/work?lang=xx").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn practices_new_form_starts_a_draft_for_the_editors_city() {
    let s = setup().await;
    let mut own = s.app.fresh_browser();
    own.sign_in("editor@example.org").await;
    let form = own.get("/fr/practices/new").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains(r#"<option value="buenos-aires">"#),
        "the editor's city is offered: {}",
        form.body
    );
    let made = own
        .post_form(
            "/fr/practices/new",
            &[
                ("cities", "buenos-aires"),
                ("city_slug", ""),
                ("lang", "es"),
                ("title", "Tango en las plazas"),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let location = made.headers[header::LOCATION].to_str().expect("location");
    let slug = location
        .strip_prefix("/fr/practices/")
        .and_then(|rest| rest.strip_suffix("/edit?step=basics"))
        .unwrap_or_else(|| panic!("leads to the guided form: {location}"));
    let practice = ateneu_db::practices::by_slug(&s.app.state.db.conn, slug)
        .await
        .expect("query")
        .expect("created");
    assert_eq!(practice.stage, Stage::Draft);
    assert_eq!(practice.record.source_lang, ateneu_domain::Lang::Es);
    assert_eq!(
        practice.record.title(ateneu_domain::Lang::Es),
        "Tango en las plazas"
    );
    let cities: Vec<&str> = practice.cities.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(cities, ["buenos-aires"]);
}

#[tokio::test]
async fn practices_new_form_refuses_bad_input_field_by_field_and_writes_nothing() {
    let s = setup().await;
    let mut own = s.app.fresh_browser();
    own.sign_in("editor@example.org").await;
    let before = practice_count(&s.app).await;
    let refused = own
        .post_form(
            "/fr/practices/new",
            &[
                ("cities", ""),
                ("city_slug", ""),
                ("lang", "xx"),
                ("title", "   "),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    // Each field says what is wrong with it, in French.
    let under = |field: &str| {
        let start = refused
            .body
            .find(&format!(r#"id="f-{field}-error""#))
            .unwrap_or_else(|| panic!("no problem under {field}: {}", refused.body));
        let rest = &refused.body[start..];
        rest[..rest.find("</p>").unwrap_or(rest.len())].to_owned()
    };
    assert!(under("cities").contains("Ce champ est obligatoire."));
    assert!(
        under("lang").contains("Langue inconnue « xx » (utilisez en, fr ou es)."),
        "{}",
        under("lang")
    );
    assert!(under("title").contains("Ce champ est obligatoire."));
    assert_eq!(practice_count(&s.app).await, before, "nothing written");

    // An unknown city by its short name, with a good title: still nothing.
    let unknown = own
        .post_form(
            "/fr/practices/new",
            &[("city_slug", "atlantis"), ("lang", "en"), ("title", "Lost")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unknown
            .body
            .contains("Aucune ville ne s’appelle « atlantis »"),
        "{}",
        unknown.body
    );
    assert_eq!(practice_count(&s.app).await, before);
}

#[tokio::test]
async fn practices_new_form_forbids_a_city_that_is_not_the_editors() {
    let s = setup().await;
    let mut own = s.app.fresh_browser();
    own.sign_in("editor@example.org").await;
    let before = practice_count(&s.app).await;
    for fields in [
        [("cities", "lyon"), ("city_slug", "")],
        [("cities", ""), ("city_slug", "lyon")],
    ] {
        let mut form = fields.to_vec();
        form.extend([("lang", "en"), ("title", "Not mine")]);
        let refused = own.post_form("/en/practices/new", &form).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{fields:?}");
        assert!(
            refused
                .body
                .contains("Your account is not allowed to do this.")
        );
    }
    assert_eq!(practice_count(&s.app).await, before, "nothing written");
}
