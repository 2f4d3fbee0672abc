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

pub async fn read(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (_, view) = cases::read(&state, &v.acting(), id, Some(v.lang)).await?;
    Ok(Json(view).into_response())
}

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

pub async fn join(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::join(&state, &token, v.lang).await?).into_response())
}

pub async fn propose(
    State(state): State<AppState>,
    Path(token): Path<String>,
    OpenJson(input): OpenJson<IdeaInput>,
) -> Result<Response, AppError> {
    let idea = cases::propose(&state, &token, &input).await?;
    Ok((StatusCode::CREATED, Json(idea)).into_response())
}
