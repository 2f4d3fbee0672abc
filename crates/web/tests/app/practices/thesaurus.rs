//! The keyword thesaurus page, role by role: everyone reads it (as the API's list), only the
//! secretariat adds or renames a keyword (others are refused and nothing is written), and bad
//! input is refused field by field in the reader's language.

use super::setup;
use crate::common::TestApp;
use axum::http::{StatusCode, header};

async fn keyword_count(app: &TestApp) -> usize {
    ateneu_db::practices::keywords(&app.state.db.conn)
        .await
        .expect("keywords")
        .len()
}

/// The problem shown under a field of a page.
fn problem_under(body: &str, field: &str) -> String {
    let start = body
        .find(&format!(r#"id="f-{field}-error""#))
        .unwrap_or_else(|| panic!("no problem under {field}: {body}"));
    let rest = &body[start..];
    rest[..rest.find("</p>").unwrap_or(rest.len())].to_owned()
}

#[tokio::test]
async fn keywords_page_lists_every_keyword_in_three_languages_for_everyone() {
    let s = setup().await;
    let count = keyword_count(&s.app).await;
    let mut anonymous = s.app.fresh_browser();
    let page = anonymous.get("/en/keywords").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.body.matches("<tr id=\"k-").count(), count);
    for name in ["Cultural rights", "Droits culturels", "Derechos culturales"] {
        assert!(page.body.contains(name), "{name}");
    }
    assert!(
        !page.body.contains(r#"name="key""#),
        "no form for the public"
    );
    let spanish = anonymous.get("/es/keywords").await;
    assert!(spanish.body.contains("Tesauro de palabras clave"));
    assert!(spanish.body.contains("Nombre en francés"));
}

#[tokio::test]
async fn keywords_only_the_secretariat_adds_or_renames_one() {
    let s = setup().await;
    let count = keyword_count(&s.app).await;
    let fields = [
        ("key", "circus-arts"),
        ("en", "Circus arts"),
        ("fr", "Arts du cirque"),
        ("es", "Artes circenses"),
    ];

    // Anonymous: asked to sign in; a city's editor: refused. Neither sees the form or the link.
    let mut anonymous = s.app.fresh_browser();
    let refused = anonymous.post_form("/en/keywords", &fields).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    let mut editor = s.app.fresh_browser();
    editor.sign_in("editor@example.org").await;
    let page = editor.get("/en/keywords").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(r#"name="key""#));
    let practices = editor.get("/en/practices").await;
    assert!(!practices.body.contains(r#"href="/en/keywords""#));
    let refused = editor.post_form("/en/keywords", &fields).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        refused
            .body
            .contains("Your account is not allowed to do this.")
    );
    assert_eq!(keyword_count(&s.app).await, count, "nothing written");

    // The secretariat: the link from the practices page, the form, a new keyword.
    let mut sec = s.app.fresh_browser();
    sec.sign_in("secretariat@example.org").await;
    let practices = sec.get("/en/practices").await;
    assert!(
        practices.body.contains(r#"href="/en/keywords""#),
        "{}",
        practices.body
    );
    let page = sec.get("/en/keywords").await;
    assert!(page.body.contains(r#"name="key""#), "{}", page.body);
    let saved = sec.post_form("/en/keywords", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let location = saved.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    assert_eq!(location, "/en/keywords?saved=circus-arts#k-circus-arts");
    let page = sec.get("/en/keywords?saved=circus-arts").await;
    assert!(page.body.contains("Keyword saved."));
    assert!(page.body.contains("Arts du cirque"));
    assert_eq!(keyword_count(&s.app).await, count + 1);

    // Renaming: the same key with new names; the form starts from the current ones.
    let form = sec.get("/en/keywords?edit=circus-arts").await;
    assert!(
        form.body.contains(r#"name="fr" value="Arts du cirque""#),
        "{}",
        form.body
    );
    let renamed = sec
        .post_form(
            "/fr/keywords",
            &[
                ("key", "circus-arts"),
                ("en", "Circus"),
                ("fr", "Cirque"),
                ("es", "Circo"),
            ],
        )
        .await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER, "{}", renamed.body);
    assert_eq!(keyword_count(&s.app).await, count + 1, "renamed, not added");
    let keyword = ateneu_db::practices::keywords(&s.app.state.db.conn)
        .await
        .expect("keywords")
        .into_iter()
        .find(|k| k.key == "circus-arts")
        .expect("kept");
    assert_eq!(
        (
            keyword.label.en.as_str(),
            keyword.label.fr.as_str(),
            keyword.label.es.as_str()
        ),
        ("Circus", "Cirque", "Circo")
    );
}

#[tokio::test]
async fn keywords_form_refuses_bad_input_field_by_field_in_french() {
    let s = setup().await;
    let count = keyword_count(&s.app).await;
    let mut sec = s.app.fresh_browser();
    sec.sign_in("secretariat@example.org").await;
    let long = "x".repeat(101);
    let refused = sec
        .post_form(
            "/fr/keywords",
            &[
                ("key", "Art Urbain"),
                ("en", " "),
                ("fr", "Art urbain"),
                ("es", long.as_str()),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        problem_under(&refused.body, "key")
            .contains("« Art Urbain » n’est pas une clé de mot-clé valide"),
        "{}",
        problem_under(&refused.body, "key")
    );
    assert!(problem_under(&refused.body, "en").contains("Ce champ est obligatoire."));
    assert!(problem_under(&refused.body, "es").contains("Trop long : 100 caractères au maximum."));
    assert!(!refused.body.contains(r#"id="f-fr-error""#));
    assert!(
        refused.body.contains(r#"value="Art urbain""#),
        "what was typed is kept"
    );
    assert_eq!(keyword_count(&s.app).await, count, "nothing written");
}
