//! Uploaded media on pages: the upload form of the guided form's media step, the page its
//! answer comes back to when something is wrong, and a practice's media as readers see them
//! (images with their alt text, documents as downloads with their size, links).

use super::{Loaded, load_visible};
use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::viewer::Viewer;
use ateneu_domain::FieldErrors;
use ateneu_domain::permissions::Action;
use ateneu_domain::practices::media::{ContentType, MAX_LABEL};
use ateneu_domain::practices::{Media, MediaKind, PracticeRecord};
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

/// The upload fields inside the partners-and-media step's own form (one multipart form: what
/// is typed in the step is saved with the upload, never lost to it).
pub fn upload_fields(v: &Viewer, description: &str, errors: &FieldErrors) -> Markup {
    let accept = ContentType::ALL
        .iter()
        .map(|t| t.mime())
        .collect::<Vec<_>>()
        .join(",");
    html! {
        fieldset #media-upload {
            legend { (v.t("media-upload-title")) }
            p.muted { (v.tf("media-upload-hint", &[("max", MAX_LABEL.into())])) }
            div.field {
                label for="f-file" { (v.t("media-file")) }
                input #f-file type="file" name="file" accept=(accept) aria-describedby=[errors.get("file").map(|_| "f-file-error")];
                @if let Some(problem) = errors.get("file") { p.error #f-file-error { (v.problem(problem)) } }
            }
            (Field::new("upload_description", v.t("media-description"), description).hint(v.t("media-upload-alt")).render(v, errors))
        }
    }
}

/// The upload form on its own (the page an upload's problem comes back to).
pub fn upload_form(v: &Viewer, loaded: &Loaded, description: &str, errors: &FieldErrors) -> Markup {
    let p = &loaded.practice;
    let accept = ContentType::ALL
        .iter()
        .map(|t| t.mime())
        .collect::<Vec<_>>()
        .join(",");
    html! {
        section #media-upload {
            h2 { (v.t("media-upload-title")) }
            p.muted { (v.tf("media-upload-hint", &[("max", MAX_LABEL.into())])) }
            form.form method="post" action={ (v.href(&format!("/practices/{}/media", p.slug))) "?csrf=" (v.csrf) } enctype="multipart/form-data" novalidate {
                (csrf_field(v))
                input type="hidden" name="lang" value=(p.record.source_lang.code());
                div.field {
                    label for="f-file" { (v.t("media-file")) }
                    input #f-file type="file" name="file" accept=(accept) required;
                    @if let Some(problem) = errors.get("file") { p.error { (v.problem(problem)) } }
                }
                (Field::new("description", v.t("media-description"), description).hint(v.t("media-upload-alt")).render(v, errors))
                div.actions { button.button type="submit" { (v.t("media-upload")) } }
            }
        }
    }
}

/// `POST /{lang}/practices/{slug}/media`: back to the media step when stored; otherwise the
/// problem in the reader's language with the form again.
pub async fn upload_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &slug).await?;
    v.require(Action::EditPractice(loaded.scope()))?;
    let step = v.href(&format!(
        "/practices/{}/edit?step=partners",
        loaded.practice.slug
    ));
    let sent = super::media::read(multipart).await;
    let description = sent
        .as_ref()
        .map(|s| s.description.clone())
        .unwrap_or_default();
    let result = match sent {
        Ok(sent) => super::media::upload(&state, &v, &loaded, sent).await,
        Err(error) => Err(error),
    };
    let error = match result {
        Ok(_) => return Ok(crate::negotiate::redirect(&format!("{step}&saved=1"))),
        Err(
            error @ (AppError::Invalid(_)
            | AppError::TooLarge(_)
            | AppError::Unsupported(_)
            | AppError::BadRequest(_)),
        ) => error,
        Err(other) => return Err(other),
    };
    let empty = FieldErrors::new();
    let errors = match &error {
        AppError::Invalid(errors) => errors,
        _ => &empty,
    };
    let title = v.t("media-upload-title");
    let body = html! {
        p { a href=(step) { "← " (v.t("media-back-to-form")) } }
        div.flash.error role="alert" {
            p { strong { (v.t("media-upload-failed")) } " " (v.problem(&error.problem())) }
        }
        (form_errors(&v, errors))
        (upload_form(&v, &loaded, &description, errors))
    };
    Ok((error.status(), layout::page(&state, &v, &title, body)).into_response())
}

/// A size as people read it: kilobytes below a megabyte, megabytes with one decimal above.
pub fn size_label(v: &Viewer, bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        let kb = bytes.div_ceil(1024).max(1);
        return v.tf(
            "file-size-kb",
            &[("size", v.number(i64::try_from(kb).unwrap_or(0)).into())],
        );
    }
    v.tf(
        "file-size-mb",
        &[(
            "size",
            ateneu_app::i18n::decimal(v.lang, bytes as f64 / MB as f64, 1).into(),
        )],
    )
}

fn entry(v: &Viewer, m: &Media) -> Markup {
    let shown = m.description.show(v.lang);
    let lang = shown.is_fallback.then(|| shown.lang.code());
    let label = m
        .file
        .as_ref()
        .and_then(|f| ContentType::parse(&f.content_type))
        .map_or("", |t| t.label());
    html! {
        @match (m.kind, &m.file) {
            (MediaKind::Image, Some(_)) => {
                figure.media-image {
                    img src=(m.url) alt=(shown.text) lang=[lang] loading="lazy";
                }
            },
            (_, Some(file)) => {
                p.media-document {
                    span.badge { (v.t(&format!("media-kind-{}", m.kind.key()))) } " "
                    a href=(m.url) download { (layout::translated(v, &m.description)) }
                    " " span.muted { "(" (label) ", " (size_label(v, file.size)) ")" }
                }
            },
            _ => {
                p {
                    span.badge { (v.t(&format!("media-kind-{}", m.kind.key()))) } " "
                    a href=(m.url) rel="external noopener nofollow" { (layout::translated(v, &m.description)) }
                    @if m.kind == MediaKind::Image { " " span.muted { "(" (v.t("media-alt")) ")" } }
                }
            },
        }
    }
}

/// A practice's media on its page.
pub fn media_section(v: &Viewer, record: &PracticeRecord) -> Markup {
    html! {
        @if !record.media.is_empty() {
            section.media {
                h2 { (v.t("practice-media")) }
                ul.plain { @for m in &record.media { li { (entry(v, m)) } } }
            }
        }
    }
}
