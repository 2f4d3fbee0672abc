//! Seven Keys workshops in the JSON API: the published articles (public), a programme's
//! workshops and a new one, a workshop with its challenges, themes and keys, the participants'
//! links, the challenges named through a link (no account) or recorded by facilitators, themes,
//! keys, the draft plan, the article, and a city's cultural assets.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, OpenJson, Path};
use crate::viewer::Viewer;
use ateneu_app::seven_keys as cases;
use ateneu_domain::seven_keys::{
    ArticleInput, AssetInput, ChallengeInput, KeyInput, WorkshopInput,
};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

fn created<T: serde::Serialize>(value: T) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}

pub async fn articles(State(state): State<AppState>) -> Result<Response, AppError> {
    Ok(Json(json!({"items": cases::articles(&state).await?})).into_response())
}

pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::article(&state, id).await?).into_response())
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
    ApiJson(input): ApiJson<WorkshopInput>,
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

pub async fn record_challenge(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ChallengeInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::record_challenge(&state, &v.acting(), id, &input).await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ThemeBody {
    theme: Option<String>,
}

pub async fn set_theme(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, challenge)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ThemeBody>,
) -> Result<Response, AppError> {
    let theme = body.theme.unwrap_or_default();
    cases::set_theme(&state, &v.acting(), id, challenge, &theme).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn add_key(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<KeyInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::add_key(&state, &v.acting(), id, &input).await?,
    ))
}

pub async fn remove_key(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, key)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    cases::remove_key(&state, &v.acting(), id, key).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The draft plan's visibility (empty: network).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlanBody {
    visibility: String,
}

pub async fn draft_plan(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PlanBody>,
) -> Result<Response, AppError> {
    let (name, pdf) = super::report::for_filing(&state, &v, id).await?;
    let report = Some((name.as_str(), pdf.as_slice()));
    Ok(created(
        cases::draft_plan(&state, &v.acting(), id, &body.visibility, report).await?,
    ))
}

pub async fn save_article(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ArticleInput>,
) -> Result<Response, AppError> {
    Ok(Json(cases::save_article(&state, &v.acting(), id, &input).await?).into_response())
}

pub async fn join(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::join(&state, &token).await?).into_response())
}

pub async fn name_challenge(
    State(state): State<AppState>,
    Path(token): Path<String>,
    OpenJson(input): OpenJson<ChallengeInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::name_challenge(&state, &token, &input).await?,
    ))
}

pub async fn assets(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let (items, may_keep) = cases::assets(&state, &v.acting(), &city).await?;
    Ok(Json(json!({ "items": items, "may_keep": may_keep })).into_response())
}

pub async fn add_asset(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<AssetInput>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    Ok(created(
        cases::add_asset(&state, &v.acting(), &city, &input).await?,
    ))
}

pub async fn remove_asset(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    cases::remove_asset(&state, &v.acting(), &city, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
