//! Policy-design workshops in the JSON API: the workshop around a plan with its ideas by field
//! and cluster, opening it with participants' links, clusters, key ideas, closing, and a
//! participant's link (no account) to read and propose ideas.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, OpenJson, Path};
use crate::viewer::Viewer;
use ateneu_app::policy_design as cases;
use ateneu_domain::policy_design::{IdeaInput, LinksInput};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

#[utoipa::path(
    get,
    path = "/outputs/{id}/workshop",
    tag = "programmes",
    summary = "The policy-design workshop around an action plan, for whoever may see the plan (404 otherwise, and for an output of another kind): its fields, the ideas by field and cluster, its key ideas; `workshop` is null until opened; `suggested` holds the fields the plan starts from, for its keepers",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/PolicyDesignWorkshop"))),
)]
pub async fn read(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (_, view) = cases::read(&state, &v.acting(), id, Some(v.lang)).await?;
    Ok(Json(view).into_response())
}

#[utoipa::path(
    post,
    path = "/outputs/{id}/workshop/links",
    tag = "programmes",
    summary = "Open the workshop on the fields given (or set them again) and make participants' links (1 to 1000), each shown once (the plan's keepers)",
    request_body(content = ref("#/components/schemas/PolicyDesignLinksInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/SevenKeysLinks"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn open(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<LinksInput>,
) -> Result<Response, AppError> {
    let tokens = cases::open(&state, &v.acting(), id, &input).await?;
    let links: Vec<_> = tokens
        .iter()
        .map(|t| json!({"token": t, "url": super::join::link(&state, v.lang, t)}))
        .collect();
    Ok((StatusCode::CREATED, Json(json!({ "links": links }))).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusBody {
    status: String,
}

#[utoipa::path(
    put,
    path = "/outputs/{id}/workshop/status",
    tag = "programmes",
    summary = "Close the workshop (it takes no more ideas) or reopen it",
    request_body(content = ref("#/components/schemas/SevenKeysStatus"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysStatus"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn set_status(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<StatusBody>,
) -> Result<Response, AppError> {
    let status = cases::set_status(&state, &v.acting(), id, &body.status).await?;
    Ok(Json(json!({ "status": status })).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TextBody {
    text: String,
}

#[utoipa::path(
    put,
    path = "/outputs/{id}/workshop/key-ideas",
    tag = "programmes",
    summary = "Record the workshop's key ideas (they go into the plan's written report)",
    request_body(content = ref("#/components/schemas/PolicyDesignKeyIdeas"), content_type = "application/json"),
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn set_key_ideas(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<TextBody>,
) -> Result<Response, AppError> {
    cases::set_key_ideas(&state, &v.acting(), id, &body.text).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ClusterBody {
    cluster: Option<String>,
}

#[utoipa::path(
    put,
    path = "/outputs/{id}/workshop/ideas/{idea_id}/cluster",
    tag = "programmes",
    summary = "Group an idea into a cluster (an empty or null cluster takes it out)",
    request_body(content = ref("#/components/schemas/PolicyDesignCluster"), content_type = "application/json"),
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn set_cluster(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, idea)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ClusterBody>,
) -> Result<Response, AppError> {
    let cluster = body.cluster.unwrap_or_default();
    cases::set_cluster(&state, &v.acting(), id, idea, &cluster).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    get,
    path = "/ideas/{token}",
    tag = "programmes",
    summary = "What a participant's link opens (no account): the plan's title and city, the fields the room works on, each with up to three published practices of other cities tagged with it (in the request's language), whether it is open, and the ideas proposed through this link",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/PolicyDesignJoined"))),
)]
pub async fn join(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::join(&state, &token, v.lang).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/ideas/{token}",
    tag = "programmes",
    summary = "Propose an idea for one of the workshop's fields through a participant's link (no account; several each) while it is open (409 workshop_closed)",
    request_body(content = ref("#/components/schemas/PolicyDesignIdeaInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/PolicyDesignIdea"))),
)]
pub async fn propose(
    State(state): State<AppState>,
    Path(token): Path<String>,
    OpenJson(input): OpenJson<IdeaInput>,
) -> Result<Response, AppError> {
    let idea = cases::propose(&state, &token, &input).await?;
    Ok((StatusCode::CREATED, Json(idea)).into_response())
}
