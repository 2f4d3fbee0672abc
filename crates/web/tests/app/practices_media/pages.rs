//! Uploads in the guided form's media step (a multipart form with the anti-forgery token), the
//! problems it shows in the reader's language, and a practice's page: images with their alt
//! text in the reader's language where translated, documents as downloads with their size.

use super::{PDF, PNG, lyon_draft, multipart, stored};
use crate::common::TestApp;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

async fn post_upload(
    app: &mut TestApp,
    lang: &str,
    slug: &str,
    file: (&str, &[u8]),
    description: &str,
) -> crate::common::Reply {
    let csrf = app.csrf().await;
    let (content_type, body) = multipart(
        file.0,
        file.1,
        &[
            ("csrf", &csrf),
            ("description", description),
            ("lang", "en"),
        ],
    );
    let request = Request::post(format!("/{lang}/practices/{slug}/media?csrf={csrf}"))
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .expect("request");
    app.send(request).await
}

#[tokio::test]
async fn the_media_step_uploads_and_the_page_shows_images_and_documents() {
    let mut app = TestApp::with_demo().await;
    let (id, token) = lyon_draft(&app).await;
    let slug =
        ateneu_db::practices::get(&app.state.db.conn, ateneu_domain::ids::PracticeId::new(id))
            .await
            .expect("query")
            .expect("practice")
            .slug;
    assert_eq!(
        app.sign_in("lyon@example.org").await.status,
        StatusCode::SEE_OTHER
    );

    let step = app
        .get(&format!("/en/practices/{slug}/edit?step=partners"))
        .await;
    assert_eq!(step.status, StatusCode::OK);
    assert!(
        step.body.contains("enctype=\"multipart/form-data\""),
        "{}",
        step.body
    );
    assert!(
        step.body.contains(&format!(
            "/en/practices/{slug}/edit?step=partners&amp;in=en&amp;csrf="
        )),
        "the step's own form carries the upload"
    );

    // Without the anti-forgery token nothing is taken.
    let (content_type, body) = multipart("p.png", PNG, &[("description", "x")]);
    let forged = app
        .send(
            Request::post(format!("/en/practices/{slug}/media"))
                .header(header::CONTENT_TYPE, content_type)
                .body(Body::from(body))
                .expect("request"),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    let done = post_upload(
        &mut app,
        "en",
        &slug,
        ("reading room.png", PNG),
        "Readers at night",
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        done.headers[header::LOCATION],
        format!("/en/practices/{slug}/edit?step=partners&saved=1").as_str()
    );
    let done = post_upload(&mut app, "en", &slug, ("Rapport.pdf", PDF), "Annual report").await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);

    // Problems come back on a page in the reader's language, with the form again.
    let svg = post_upload(
        &mut app,
        "fr",
        &slug,
        ("x.png", b"<svg onload=alert(1)>"),
        "x",
    )
    .await;
    assert_eq!(svg.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        svg.body.contains("Le fichier n’a pas été téléversé."),
        "{}",
        svg.body
    );
    assert!(svg.body.contains("enctype=\"multipart/form-data\""));
    let no_alt = post_upload(&mut app, "es", &slug, ("p.png", PNG), "").await;
    assert_eq!(no_alt.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_alt.body.contains("Este campo es obligatorio."),
        "{}",
        no_alt.body
    );
    assert_eq!(stored(&app, id).await, 2);

    // The step lists the uploaded files by name; saving it keeps them.
    let step = app
        .get(&format!("/en/practices/{slug}/edit?step=partners"))
        .await;
    assert!(step.body.contains("reading-room.png"), "{}", step.body);

    // The alt text is translated through the API; each reader gets theirs.
    let record = app
        .api(
            Method::GET,
            &format!("/api/v1/practices/{id}"),
            None,
            Some(&token),
        )
        .await
        .json();
    let url = record["record"]["media"][0]["url"]
        .as_str()
        .expect("url")
        .to_owned();
    let pdf_url = record["record"]["media"][1]["url"]
        .as_str()
        .expect("url")
        .to_owned();
    let translated = app
        .api(
            Method::PATCH,
            &format!("/api/v1/practices/{id}"),
            Some(json!({"lang": "fr", "media": [
                {"kind": "image", "url": url, "description": "Des lecteurs la nuit"},
                {"kind": "document", "url": pdf_url, "description": "Rapport annuel"}]})),
            Some(&token),
        )
        .await;
    assert_eq!(translated.status, StatusCode::OK, "{}", translated.body);
    assert_eq!(stored(&app, id).await, 2);

    let fr = app.get(&format!("/fr/practices/{slug}")).await;
    assert!(
        fr.body
            .contains(&format!("<img src=\"{url}\" alt=\"Des lecteurs la nuit\"")),
        "{}",
        fr.body
    );
    assert!(fr.body.contains(&format!("href=\"{pdf_url}\" download")));
    assert!(fr.body.contains("(PDF, 1 Ko)"), "{}", fr.body);
    let es = app.get(&format!("/es/practices/{slug}")).await;
    assert!(
        es.body.contains(&format!(
            "<img src=\"{url}\" alt=\"Readers at night\" lang=\"en\""
        )),
        "{}",
        es.body
    );
    // A stranger does not see the draft's page, nor its files.
    let mut stranger = app.fresh_browser();
    assert_eq!(
        stranger.get(&format!("/en/practices/{slug}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(stranger.get(&url).await.status, StatusCode::NOT_FOUND);
}

/// Posts the partners-and-media step with a file, as the browser sends the one form.
async fn post_step(
    app: &mut TestApp,
    slug: &str,
    file: (&str, &[u8]),
    fields: &[(&str, &str)],
) -> crate::common::Reply {
    let csrf = app.csrf().await;
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    let (content_type, body) = multipart(file.0, file.1, &all);
    let request = Request::post(format!(
        "/fr/practices/{slug}/edit?step=partners&in=en&csrf={csrf}"
    ))
    .header(header::CONTENT_TYPE, content_type)
    .body(Body::from(body))
    .expect("request");
    app.send(request).await
}

#[tokio::test]
async fn uploading_a_file_keeps_the_partner_and_contact_typed_beside_it() {
    let mut app = TestApp::with_demo().await;
    let (id, _) = lyon_draft(&app).await;
    let slug =
        ateneu_db::practices::get(&app.state.db.conn, ateneu_domain::ids::PracticeId::new(id))
            .await
            .expect("query")
            .expect("practice")
            .slug;
    app.sign_in("lyon@example.org").await;
    let typed = [
        ("partners[0].name", "Maison de la danse"),
        ("partners[0].kind", "civil_society"),
        ("contact.name", "Camille Exemple"),
        ("contact.email", "camille@example.org"),
        ("upload_description", "Lecteurs la nuit"),
        ("then", "stay"),
    ];
    // A file of a type not taken: refused, but what was typed is saved and shown again.
    let refused = post_step(&mut app, &slug, ("notes.html", b"<html>x</html>"), &typed).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("value=\"Maison de la danse\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"Camille Exemple\""));
    assert!(
        refused.body.contains("Lecteurs la nuit"),
        "the description typed for the file stays"
    );
    assert!(refused.body.contains(r#"id="f-file-error""#));
    let record =
        ateneu_db::practices::get(&app.state.db.conn, ateneu_domain::ids::PracticeId::new(id))
            .await
            .expect("query")
            .expect("practice")
            .record;
    assert_eq!(record.partners[0].name, "Maison de la danse");
    assert_eq!(record.contact.name, "Camille Exemple");
    // A photo with the same form: saved with the step.
    let done = post_step(&mut app, &slug, ("salle.png", PNG), &typed).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let record =
        ateneu_db::practices::get(&app.state.db.conn, ateneu_domain::ids::PracticeId::new(id))
            .await
            .expect("query")
            .expect("practice")
            .record;
    assert_eq!(record.partners[0].name, "Maison de la danse");
    assert_eq!(record.media.len(), 1, "{:?}", record.media);
    // No file chosen: the step is saved as before.
    let none = post_step(&mut app, &slug, ("", b""), &typed).await;
    assert_eq!(none.status, StatusCode::SEE_OTHER, "{}", none.body);
}
