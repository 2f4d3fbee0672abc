//! Uploaded images and documents of a practice in the web layer: reading a multipart upload,
//! adding it (the right to edit the practice at its stage), removing it, and serving a file to
//! exactly those who may see its practice — with its stored type, no sniffing, a disposition by
//! kind, and an ETag from its SHA-256.

use super::{Loaded, load_visible};
use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::practices::Practice;
use ateneu_app::practices::media::{self as use_case, Medium};
use ateneu_domain::Problem;
use ateneu_domain::ProblemKey;
use ateneu_domain::permissions::Action;
use ateneu_domain::practices::Media;
use ateneu_domain::practices::media::{self as rules, ContentType, FileName, MAX_BYTES};
use axum::Json;
use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use utoipa_axum::routes;

/// The body limit of upload routes: a file at the limit with its form fields.
pub const BODY_LIMIT: usize = MAX_BYTES + 1024 * 1024;
/// The longest description field read.
const MAX_TEXT: usize = 16 * 1024;

/// `POST /api/v1/practices/{id}/media` and `DELETE /api/v1/practices/{id}/media/{file_id}`.
pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(upload_api))
        .documented(routes!(remove_api))
        .body_limit(BODY_LIMIT)
}

/// `GET /media/{id}/{file_name}` (outside the language prefixes: one address per file).
pub fn root_routes() -> Routes {
    Routes::new().documented(routes!(serve))
}

/// `POST /{lang}/practices/{slug}/media`: the guided form's upload.
pub fn page_routes() -> Routes {
    Routes::new()
        .route(
            "/practices/{slug}/media",
            post(super::media_pages::upload_page),
        )
        .body_limit(BODY_LIMIT)
}

pub use ateneu_app::practices::media::Sent;

fn unreadable(error: &axum::extract::multipart::MultipartError) -> AppError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge(rules::too_large())
    } else {
        AppError::BadRequest(Problem::with_detail(
            ProblemKey::NotAFile,
            error.body_text(),
        ))
    }
}

/// Reads a multipart body: `file`, `description` (or `alt`) and `lang`; other fields (the
/// anti-forgery token) are skipped. A file over the limit stops the reading at once.
pub async fn read(multipart: Result<Multipart, MultipartRejection>) -> Result<Sent, AppError> {
    read_with_fields(multipart, "description")
        .await
        .map(|(sent, _)| sent)
}

/// Reads a multipart form that holds an upload among other fields (the guided form's step):
/// `file`, its description under `description_field`, `lang`, and every other text field as
/// (name, value) pairs. An empty file field is no file.
pub async fn read_with_fields(
    multipart: Result<Multipart, MultipartRejection>,
    description_field: &str,
) -> Result<(Sent, Vec<(String, String)>), AppError> {
    let mut multipart = multipart.map_err(|r| {
        AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, r.body_text()))
    })?;
    let mut sent = Sent::default();
    let mut fields = Vec::new();
    while let Some(mut field) = multipart.next_field().await.map_err(|e| unreadable(&e))? {
        match field.name() {
            Some("file") => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|e| unreadable(&e))? {
                    if bytes.len() + chunk.len() > MAX_BYTES {
                        return Err(AppError::TooLarge(rules::too_large()));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                if !(name.is_empty() && bytes.is_empty()) {
                    sent.file = Some((name, bytes));
                }
            }
            Some(name) if name == description_field || name == "alt" || name == "lang" => {
                let name = name.to_owned();
                let text = field.text().await.map_err(|e| unreadable(&e))?;
                if text.len() > MAX_TEXT {
                    return Err(AppError::field(
                        &name,
                        Problem::with_detail(
                            ProblemKey::TooLong,
                            rules::MAX_DESCRIPTION.to_string(),
                        ),
                    ));
                }
                if name == "lang" {
                    sent.lang = Some(text);
                } else {
                    sent.description = text;
                }
            }
            Some(name) => {
                let name = name.to_owned();
                let text = field.text().await.map_err(|e| unreadable(&e))?;
                if text.len() > MAX_TEXT_FIELD {
                    return Err(AppError::TooLarge(Problem::new(ProblemKey::TooLong)));
                }
                fields.push((name, text));
            }
            None => {}
        }
    }
    Ok((sent, fields))
}

/// The longest text field read from a multipart form (the longest practice text is well
/// under this).
const MAX_TEXT_FIELD: usize = 256 * 1024;

/// Adds an upload to a practice's media (those who may edit the practice at its stage).
pub async fn upload(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    sent: Sent,
) -> Result<(Medium, Practice), AppError> {
    Ok(use_case::upload(state, &v.acting(), loaded, sent).await?)
}

/// The media entry of a stored file.
fn entry_of(practice: &Practice, id: i64) -> Option<&Media> {
    practice
        .record
        .media
        .iter()
        .find(|m| m.file.as_ref().is_some_and(|f| f.id == id))
}

/// A stored file as the API shows it.
pub fn medium_json(medium: &Medium, practice: &Practice) -> Value {
    let entry = entry_of(practice, medium.id);
    json!({
        "id": medium.id, "url": entry.map(|m| m.url.as_str()), "kind": entry.map(|m| m.kind.key()),
        "description": entry.map(|m| &m.description), "content_type": medium.content_type,
        "size": medium.size, "file_name": medium.file_name, "sha256": medium.sha256,
        "uploaded_at": medium.uploaded_at,
    })
}

#[utoipa::path(
    post,
    path = "/practices/{id}/media",
    tag = "practices",
    summary = "Upload an image (PNG, JPEG, WebP, GIF) or a document (PDF, ODT, DOCX) of at most 10 MiB, recognised by its content, and add it to the practice's media with its description (alt text, required for an image); those who may edit the practice at its stage",
    request_body(content = ref("#/components/schemas/MediaUpload"), content_type = "multipart/form-data"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/StoredMedium"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn upload_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    // Who may not upload is told so before the body is read.
    v.require(Action::EditPractice(loaded.scope()))?;
    let sent = read(multipart).await?;
    let (medium, practice) = upload(&state, &v, &loaded, sent).await?;
    let mut response = (StatusCode::CREATED, Json(medium_json(&medium, &practice))).into_response();
    if let Some(Ok(location)) =
        entry_of(&practice, medium.id).map(|m| HeaderValue::from_str(&m.url))
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

#[utoipa::path(
    delete,
    path = "/practices/{id}/media/{file_id}",
    tag = "practices",
    summary = "Remove an uploaded file from the practice's media (and from the database); those who may edit the practice at its stage",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
async fn remove_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    let file = file.parse::<i64>().map_err(|_| AppError::NotFound)?;
    use_case::remove(&state, &v.acting(), &loaded, file).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Whether `If-None-Match` names this ETag (or any).
fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

/// `GET /media/{id}/{file_name}`: the file, when its practice is visible to the viewer;
/// otherwise (or under another name) not found.
#[utoipa::path(
    get,
    path = "/media/{id}/{file_name}",
    tag = "practices",
    summary = "An uploaded file with its stored type (images inline, documents as attachments), ETag from its SHA-256 (304 to If-None-Match); not found unless its practice is visible to the caller",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/MediaFile"), content_type = "application/octet-stream")),
)]
async fn serve(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, file_name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let (medium, loaded) = use_case::find(&state, &v.acting(), id, &file_name).await?;
    let content_type = ContentType::parse(&medium.content_type)
        .ok_or_else(|| AppError::Internal(format!("stored type {}", medium.content_type)))?;
    let name = FileName::stored(&medium.file_name)
        .ok_or_else(|| AppError::Internal(format!("stored name {}", medium.file_name)))?;
    let etag = format!("\"{}\"", medium.sha256);
    // The bytes never change; who may see them does: shared caches keep public ones only.
    let cache = if loaded.practice.stage.is_public() {
        "public, max-age=31536000, immutable"
    } else {
        "private, max-age=31536000, immutable"
    };
    let disposition = if content_type.kind().is_inline() {
        format!("inline; filename=\"{name}\"")
    } else {
        format!("attachment; filename=\"{name}\"")
    };
    let mut response = if not_modified(&headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let bytes = use_case::bytes(&state, &medium).await?;
        let mut response = Body::from(bytes).into_response();
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(content_type.mime()),
        );
        if let Ok(value) = HeaderValue::from_str(&disposition) {
            h.insert(header::CONTENT_DISPOSITION, value);
        }
        response
    };
    // `nosniff` comes with every answer (`security::headers`).
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, value);
    }
    Ok(response)
}
