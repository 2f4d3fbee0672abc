//! The newsletter's issues in the JSON API: what may go in an issue, the issues with their
//! progress, a draft written and changed, its preview per language, its sending; and the public
//! archive of sent issues. The use cases are `ateneu_app::newsletter::issues`.

use super::issues::EditionQuery;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Path, Query};
use crate::viewer::Viewer;
use ateneu_app::newsletter::issues as cases;
use ateneu_domain::newsletter::issues::IssueInput;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[utoipa::path(
    get,
    path = "/newsletter/candidates",
    tag = "newsletter",
    summary = "What may go in an issue: published practices scheduled for the newsletter, featured Leading Cities' practices, public outputs, coming events (the secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterCandidates"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn candidates(
    State(state): State<AppState>,
    v: Viewer,
) -> Result<Response, AppError> {
    let items = cases::candidates(&state, &v.acting(), v.lang).await?;
    Ok(Json(json!({ "items": items })).into_response())
}

#[utoipa::path(
    get,
    path = "/newsletter/issues",
    tag = "newsletter",
    summary = "Every issue, newest first, with where its sending stands (the secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterIssueList"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn list(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let items = cases::list(&state, &v.acting()).await?;
    Ok(Json(json!({ "items": items })).into_response())
}

#[utoipa::path(
    post,
    path = "/newsletter/issues",
    tag = "newsletter",
    summary = "Compose an issue: a title (one language at least) and an editorial per language, and its items as `practice:ID`, `output:ID`, `event:ID`, each public (the secretariat)",
    request_body(content = ref("#/components/schemas/NewsletterIssueInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/NewsletterIssueRecord"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn create(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<IssueInput>,
) -> Result<Response, AppError> {
    let issue = cases::create(&state, &v.acting(), &input).await?;
    Ok((StatusCode::CREATED, Json(issue)).into_response())
}

#[utoipa::path(
    get,
    path = "/newsletter/issues/{id}",
    tag = "newsletter",
    summary = "An issue with where its sending stands (the secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterIssue"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn read(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    put,
    path = "/newsletter/issues/{id}",
    tag = "newsletter",
    summary = "Change a draft (the secretariat); an issue being sent or sent is not changed (409)",
    request_body(content = ref("#/components/schemas/NewsletterIssueInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterIssueRecord"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<IssueInput>,
) -> Result<Response, AppError> {
    Ok(Json(cases::update(&state, &v.acting(), id, &input).await?).into_response())
}

#[utoipa::path(
    delete,
    path = "/newsletter/issues/{id}",
    tag = "newsletter",
    summary = "Delete a draft (the secretariat); a sent issue stays in the archive (409)",
    responses((status = 204, description = "Deleted")),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn delete(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    cases::delete(&state, &v.acting(), id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    get,
    path = "/newsletter/issues/{id}/preview",
    tag = "newsletter",
    summary = "One language's copy of an issue, every section, as its subscribers get it: subject, plain text and HTML (the secretariat)",
    params(("edition" = Option<String>, Query, description = "the copy's language: en, fr or es (the reader's when missing)")),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterPreview"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn preview(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
) -> Result<Response, AppError> {
    let lang = query.lang(v.lang)?;
    let copy = cases::preview(&state, &v.acting(), id, lang, &[]).await?;
    Ok(
        Json(json!({"lang": lang, "subject": copy.subject, "text": copy.text, "html": copy.html}))
            .into_response(),
    )
}

#[utoipa::path(
    post,
    path = "/newsletter/issues/{id}/send",
    tag = "newsletter",
    summary = "Send a draft to every subscriber confirmed now, in the background, one copy each (or resume a sending that stopped); the answer shows the progress (the secretariat)",
    responses((status = 202, description = "Accepted", body = ref("#/components/schemas/NewsletterIssue"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn send(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = cases::send(&state, &v.acting(), id).await?;
    Ok((StatusCode::ACCEPTED, Json(view)).into_response())
}

#[utoipa::path(
    get,
    path = "/newsletter/archive",
    tag = "newsletter",
    summary = "The sent issues, last first, with their editions as they went out (anyone)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterArchive"))),
)]
pub(super) async fn archive(State(state): State<AppState>) -> Result<Response, AppError> {
    let items = cases::archive(&state).await?;
    Ok(Json(json!({ "items": items })).into_response())
}

#[utoipa::path(
    get,
    path = "/newsletter/archive/{id}",
    tag = "newsletter",
    summary = "A sent issue with its editions (anyone); a draft or an issue being sent is not found",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterIssueRecord"))),
)]
pub(super) async fn archived(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::archived(&state, id).await?).into_response())
}
