//! Thematic-module testing in the JSON API: a programme's seminars and a new one, a seminar
//! with its items, proposals and revision, links, closing, decisions, the revision, and a
//! participant's link (no account) to read the module and propose.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, OpenJson, Path};
use crate::viewer::Viewer;
use ateneu_app::module_tests::{self as cases, ModuleTestInput};
use ateneu_domain::module_tests::ProposalInput;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

fn created<T: serde::Serialize>(value: T) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}

pub async fn of_programme(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let items = cases::of_programme(&state, &v.acting(), id).await?;
    Ok(Json(json!({ "items": items })).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ModuleTestInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::create(&state, &v.acting(), id, &input).await?,
    ))
}

pub async fn read(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CountBody {
    count: u32,
}

pub async fn invite(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CountBody>,
) -> Result<Response, AppError> {
    let tokens = cases::invite(&state, &v.acting(), id, body.count).await?;
    let links: Vec<_> = tokens
        .iter()
        .map(|t| json!({"token": t, "url": super::join::link(&state, v.lang, t)}))
        .collect();
    Ok(created(json!({ "links": links })))
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
pub struct DecisionBody {
    decision: String,
}

pub async fn decide(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, proposal)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Response, AppError> {
    let decision = cases::decide(&state, &v.acting(), id, proposal, &body.decision).await?;
    Ok(Json(json!({ "decision": decision })).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VersionBody {
    version: String,
}

pub async fn revise(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<VersionBody>,
) -> Result<Response, AppError> {
    let (name, pdf) = super::report::for_filing(&state, &v, id, &body.version).await?;
    let report = Some((name.as_str(), pdf.as_slice()));
    Ok(created(
        cases::revise(&state, &v.acting(), id, &body.version, report).await?,
    ))
}

pub async fn join(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::join(&state, &token).await?).into_response())
}

pub async fn propose(
    State(state): State<AppState>,
    Path(token): Path<String>,
    OpenJson(input): OpenJson<ProposalInput>,
) -> Result<Response, AppError> {
    Ok(created(cases::propose(&state, &token, &input).await?))
}
