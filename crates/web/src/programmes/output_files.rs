//! An output's files on the web: the files section of the output's page (upload, removal, share
//! links made once and revoked, for its keepers), serving a file to those who may see its output,
//! the share link's own address for anyone holding it while it works, and the same in the API.
//! The use cases are `ateneu_app::programmes::output_files`.

use super::outputs::{Forms, render};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Multipart, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::programmes::output_files::OutputFile;
use ateneu_app::programmes::output_files::{self as cases, Files, NewLink};
use ateneu_app::programmes::outputs::OutputView;
use ateneu_domain::ids::OutputId;
use ateneu_domain::practices::media::UploadKind;
use ateneu_domain::practices::media::{ContentType, FileName};
use ateneu_domain::programmes::output_files::{
    DEFAULT_LINK_HOURS, DOCUMENT_MAX_BYTES, LinkState, MAX_LINK_HOURS, ShareLinkInput, too_large,
};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use maud::{Markup, html};
use utoipa_axum::routes;

/// The body limit of an upload: a document at the limit with the form's other fields.
const BODY_LIMIT: usize = DOCUMENT_MAX_BYTES + 1024 * 1024;

/// What the files section shows besides the files: a refused upload, a refused or new link.
#[derive(Default)]
pub(super) struct Shown {
    upload: Option<FieldErrors>,
    share: Option<(i64, ShareLinkInput, FieldErrors)>,
    made: Option<NewLink>,
}

pub fn routes() -> Routes {
    Routes::new()
        .route("/outputs/{id}/files", post(upload))
        .body_limit(BODY_LIMIT)
        .route("/outputs/{id}/files/{file}/remove", post(remove))
        .route("/outputs/{id}/files/{file}/links", post(share))
        .route("/outputs/{id}/links/{link}/revoke", post(revoke))
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(of_output_api, upload_api))
        .body_limit(BODY_LIMIT)
        .documented(routes!(remove_api))
        .documented(routes!(share_api))
        .documented(routes!(revoke_api))
}

/// Outside the language prefixes: one address per file, and the share links.
pub fn root_routes() -> Routes {
    Routes::new()
        .documented(routes!(serve))
        .documented(routes!(open_shared))
}

/// Where a file is served to those who may see its output.
pub fn file_url(file: &OutputFile) -> String {
    format!("/output-files/{}/{}", file.id, file.file_name)
}

fn size(bytes: i64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{} KiB", b / 1024),
        b => format!("{b} B"),
    }
}

fn share_url(state: &AppState, token: &str) -> String {
    format!(
        "{}/shared/{token}",
        state.config.base_url.trim_end_matches('/')
    )
}

/// The files section of an output's page.
pub(super) fn section(
    state: &AppState,
    v: &Viewer,
    view: &OutputView,
    files: &Files,
    shown: &Shown,
) -> Markup {
    let base = format!("/outputs/{}", view.output.id);
    let empty = FieldErrors::new();
    html! {
        section #files {
            h2 { (v.t("output-files")) }
            @if let Some(made) = &shown.made {
                div.notice role="status" {
                    p { (v.t("output-link-made")) }
                    p { code { (share_url(state, &made.token)) } }
                    p.muted { (v.t("output-link-expires")) " " (made.link.expires_at.format("%Y-%m-%d %H:%M UTC")) }
                }
            }
            @if files.files.is_empty() { p.muted { (v.t("output-files-none")) } } @else {
                ul { @for file in &files.files {
                    li {
                        a href=(file_url(file)) { (file.file_name) } " · " (size(file.size))
                        @if view.may_file {
                            form.inline method="post" action=(v.href(&format!("{base}/files/{}/remove", file.id))) {
                                (csrf_field(v))
                                button.link type="submit" { (v.t("output-file-remove")) }
                            }
                            details open[shown.share.as_ref().is_some_and(|(id, _, _)| *id == file.id)] {
                                summary { (v.t("output-share")) }
                                @let (input, errors) = match &shown.share {
                                    Some((id, input, errors)) if *id == file.id => (input.clone(), errors),
                                    _ => (ShareLinkInput { hours: DEFAULT_LINK_HOURS.to_string(), note: String::new() }, &empty),
                                };
                                @let scope = format!("share-{}", file.id);
                                p.hint { (v.t("output-share-lead")) }
                                (layout::form_errors_in(v, Some(&scope), errors))
                                form.form method="post" action=(v.href(&format!("{base}/files/{}/links", file.id))) novalidate {
                                    (csrf_field(v))
                                    (Field::new("hours", v.t("output-share-hours"), &input.hours).kind("number").hint(format!("1–{MAX_LINK_HOURS}")).scope(&scope).render(v, errors))
                                    (Field::new("note", v.t("output-share-note"), &input.note).scope(&scope).render(v, errors))
                                    div.actions { button.button type="submit" { (v.t("output-share")) } }
                                }
                            }
                        }
                    }
                } }
            }
            @if view.may_file {
                details open[shown.upload.is_some()] {
                    summary { (v.t("output-file-upload")) }
                    (form_errors(v, shown.upload.as_ref().unwrap_or(&empty)))
                    form.form method="post" action={ (v.href(&format!("{base}/files"))) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
                        (csrf_field(v))
                        div.field {
                            label for="f-output-file" { (v.t("import-file")) }
                            input #f-output-file type="file" name="file" required aria-describedby="f-output-file-hint";
                            p.hint #f-output-file-hint { (v.t("output-file-hint")) }
                        }
                        div.actions { button.button type="submit" { (v.t("output-file-upload")) } }
                    }
                }
                @if !files.links.is_empty() {
                    h3 { (v.t("output-links")) }
                    div.table-wrap tabindex="0" { table.data {
                        thead { tr { th { (v.t("output-share-note")) } th { (v.t("output-link-expires")) } th { (v.t("programme-status")) } th { (v.t("output-link-uses")) } th {} } }
                        tbody { @for link in &files.links { tr {
                            td { (link.note) }
                            td { (link.expires_at.format("%Y-%m-%d %H:%M UTC")) }
                            td { (v.t(&format!("link-state-{}", link.state.key()))) }
                            td { (link.uses) }
                            td { @if link.state == LinkState::Usable {
                                form.inline method="post" action=(v.href(&format!("{base}/links/{}/revoke", link.id))) {
                                    (csrf_field(v))
                                    button.link type="submit" { (v.t("output-link-revoke")) }
                                }
                            } }
                        } } }
                    } }
                }
            }
        }
    }
}

fn not_a_file(detail: String) -> AppError {
    AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, detail))
}

/// Reads the `file` field of a multipart body (other fields, such as the anti-forgery token,
/// are skipped), stopping at once past the document limit.
async fn read_file(multipart: Result<Multipart, AppError>) -> Result<(String, Vec<u8>), AppError> {
    let mut multipart = multipart?;
    let mut sent = (String::new(), Vec::new());
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|e| not_a_file(e.body_text()))?
    {
        if field.name() != Some("file") {
            continue;
        }
        sent.0 = field.file_name().unwrap_or_default().to_owned();
        while let Some(chunk) = field.chunk().await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge(too_large(UploadKind::Document))
            } else {
                not_a_file(e.body_text())
            }
        })? {
            if sent.1.len() + chunk.len() > DOCUMENT_MAX_BYTES {
                return Err(AppError::TooLarge(too_large(UploadKind::Document)));
            }
            sent.1.extend_from_slice(&chunk);
        }
    }
    Ok(sent)
}

/// The problems of a refused upload, to show on the form; `None` for other refusals.
fn file_errors(error: &ateneu_app::Error) -> Option<FieldErrors> {
    match error {
        ateneu_app::Error::Invalid(errors) => Some(errors.clone()),
        ateneu_app::Error::TooLarge(problem) | ateneu_app::Error::Unsupported(problem) => {
            let mut errors = FieldErrors::new();
            errors.add("file", problem.clone());
            Some(errors)
        }
        _ => None,
    }
}

fn upload_refused(errors: FieldErrors) -> Forms {
    Forms {
        files: Shown {
            upload: Some(errors),
            ..Shown::default()
        },
        ..Forms::default()
    }
}

async fn upload(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not see the output is told not found, and who may not keep it forbidden, before
    // the body is read.
    cases::may_upload(&state, &v.acting(), OutputId::new(id)).await?;
    let (name, bytes) = match read_file(multipart).await {
        Ok(sent) => sent,
        Err(AppError::TooLarge(problem)) => {
            let mut errors = FieldErrors::new();
            errors.add("file", problem);
            let forms = upload_refused(errors);
            return render(&state, &v, id, StatusCode::PAYLOAD_TOO_LARGE, &forms).await;
        }
        Err(other) => return Err(other),
    };
    match cases::upload(&state, &v.acting(), OutputId::new(id), &name, &bytes).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/outputs/{id}#files")))),
        Err(error) => match file_errors(&error) {
            Some(errors) => {
                let status = AppError::from(error).status();
                render(&state, &v, id, status, &upload_refused(errors)).await
            }
            None => Err(error.into()),
        },
    }
}

async fn remove(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    cases::remove(&state, &v.acting(), OutputId::new(id), file).await?;
    Ok(redirect(&v.href(&format!("/outputs/{id}#files"))))
}

async fn share(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, file)): Path<(i64, i64)>,
    Form(input): Form<ShareLinkInput>,
) -> Result<Response, AppError> {
    // The new link's address is shown on this answer only: it is not kept.
    let (shown, status) =
        match cases::share(&state, &v.acting(), OutputId::new(id), file, &input).await {
            Ok(made) => (
                Shown {
                    made: Some(made),
                    ..Shown::default()
                },
                StatusCode::CREATED,
            ),
            Err(ateneu_app::Error::Invalid(errors)) => (
                Shown {
                    share: Some((file, input, errors)),
                    ..Shown::default()
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            Err(other) => return Err(other.into()),
        };
    let forms = Forms {
        files: shown,
        ..Forms::default()
    };
    render(&state, &v, id, status, &forms).await
}

async fn revoke(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, link)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    cases::revoke(&state, &v.acting(), OutputId::new(id), link).await?;
    Ok(redirect(&v.href(&format!("/outputs/{id}#files"))))
}

#[utoipa::path(
    get,
    path = "/outputs/{id}/files",
    tag = "programmes",
    summary = "An output's files, and for those who keep it its share links (never their tokens); 404 to whoever may not see the output",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/OutputFiles"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn of_output_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::of_output(&state, &v.acting(), OutputId::new(id)).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/outputs/{id}/files",
    tag = "programmes",
    summary = "Upload a file of an output (those who keep it): a PDF, ODT or DOCX document of at most 25 MiB or a PNG, JPEG, WebP or GIF image of at most 10 MiB, recognised by its content; a video goes in as the output's link",
    request_body(content = ref("#/components/schemas/OutputUpload"), content_type = "multipart/form-data"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/OutputFile"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn upload_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    cases::may_upload(&state, &v.acting(), OutputId::new(id)).await?;
    let (name, bytes) = read_file(multipart).await?;
    let file = cases::upload(&state, &v.acting(), OutputId::new(id), &name, &bytes).await?;
    let mut response = (StatusCode::CREATED, Json(&file)).into_response();
    if let Ok(location) = HeaderValue::from_str(&file_url(&file)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

#[utoipa::path(
    delete,
    path = "/outputs/{id}/files/{file}",
    tag = "programmes",
    summary = "Remove a file of an output; its share links stop working",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
async fn remove_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    cases::remove(&state, &v.acting(), OutputId::new(id), file).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    post,
    path = "/outputs/{id}/files/{file}/links",
    tag = "programmes",
    summary = "Make a link that shares the file outside the platform until it expires (1 to 2160 hours, a week when not given); the answer's url and token are shown this once and never kept",
    request_body(content = ref("#/components/schemas/ShareLinkInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/NewShareLink"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn share_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, file)): Path<(i64, i64)>,
    ApiJson(input): ApiJson<ShareLinkInput>,
) -> Result<Response, AppError> {
    let made = cases::share(&state, &v.acting(), OutputId::new(id), file, &input).await?;
    let mut body = serde_json::to_value(&made).map_err(|e| AppError::Internal(e.to_string()))?;
    body["url"] = share_url(&state, &made.token).into();
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(
    delete,
    path = "/outputs/{id}/links/{link}",
    tag = "programmes",
    summary = "Revoke a share link: it answers 404 from now on",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ShareLink"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn revoke_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, link)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    Ok(Json(cases::revoke(&state, &v.acting(), OutputId::new(id), link).await?).into_response())
}

/// A stored file as an answer: its stored type (never sniffed by the browser: `nosniff` comes
/// with every answer), inline for images and as a download for documents, never kept by a
/// shared cache unless `public`.
fn file_response(file: &OutputFile, bytes: Vec<u8>, public: bool) -> Result<Response, AppError> {
    let content_type = ContentType::parse(&file.content_type)
        .ok_or_else(|| AppError::Internal(format!("stored type {}", file.content_type)))?;
    let name = FileName::stored(&file.file_name)
        .ok_or_else(|| AppError::Internal(format!("stored name {}", file.file_name)))?;
    let disposition = if content_type.kind().is_inline() {
        format!("inline; filename=\"{name}\"")
    } else {
        format!("attachment; filename=\"{name}\"")
    };
    let mut response = Body::from(bytes).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type.mime()),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if public {
            // Revalidated each time: an output made confidential later is not kept in caches.
            "public, no-cache"
        } else {
            "private, no-store"
        }),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("\"{}\"", file.sha256)) {
        h.insert(header::ETAG, value);
    }
    Ok(response)
}

/// `GET /output-files/{id}/{name}`: the file, to whoever may see its output; not found
/// otherwise.
#[utoipa::path(
    get,
    path = "/output-files/{id}/{name}",
    tag = "programmes",
    summary = "A file of an output, to whoever may see the output (404 to anyone else); documents as downloads, never kept by shared caches unless public",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/OutputFileBytes"), content_type = "application/octet-stream")),
)]
async fn serve(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, name)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let served = cases::serve(&state, &v.acting(), id, &name).await?;
    file_response(&served.file, served.bytes, served.public)
}

/// `GET /shared/{token}`: the file a share link opens while it works; not found once it
/// expired or was revoked, and for any other token. Never cached, never indexed.
#[utoipa::path(
    get,
    path = "/shared/{token}",
    tag = "programmes",
    summary = "The file a share link opens, without signing in, while the link works; 404 once it expired or was revoked, and for any other token. Every use is recorded",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/OutputFileBytes"), content_type = "application/octet-stream")),
)]
async fn open_shared(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let (file, bytes) =
        ateneu_app::programmes::output_files::open_shared(&state, &token, agent).await?;
    let mut response = file_response(&file, bytes, false)?;
    response.headers_mut().insert(
        header::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(response)
}
