//! The registry's cities in the JSON API (`/api/v1/cities…`), on the same calls as the pages.

use super::{CityQuery, FocalPointInput};
use crate::AppState;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::extract::{Path, Query};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_domain::cities::CityInput;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use serde_json::json;

pub fn routes() -> Routes {
    Routes::new()
        .route("/cities", get(list).post(create))
        .route("/cities/{slug}", get(detail).put(update))
        .route("/cities/{slug}/focal-points", post(add_focal_point))
        .route(
            "/cities/{slug}/focal-points/{id}",
            delete(remove_focal_point),
        )
}

async fn list(
    State(state): State<AppState>,
    Query(query): Query<CityQuery>,
) -> Result<Response, AppError> {
    let (items, total) = super::list(&state, &query).await?;
    Ok(Json(
        json!({"total": total, "page": query.page(), "per_page": query.per_page(), "items": items}),
    )
    .into_response())
}

async fn create(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<CityInput>,
) -> Result<Response, AppError> {
    let city = ateneu_app::cities::create(&state, &v.acting(), &input).await?;
    Ok((StatusCode::CREATED, Json(city)).into_response())
}

async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(ateneu_app::cities::detail::read(&state, &v.acting(), &slug).await?).into_response())
}

async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<CityInput>,
) -> Result<Response, AppError> {
    Ok(Json(ateneu_app::cities::update(&state, &v.acting(), &slug, &input).await?).into_response())
}

async fn add_focal_point(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<FocalPointInput>,
) -> Result<Response, AppError> {
    let id = ateneu_app::cities::focal_points::add(&state, &v.acting(), &slug, &input).await?;
    Ok((StatusCode::CREATED, Json(json!({"id": id}))).into_response())
}

async fn remove_focal_point(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    ateneu_app::cities::focal_points::remove(&state, &v.acting(), &slug, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
