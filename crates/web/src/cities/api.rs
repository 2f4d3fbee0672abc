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
use serde_json::json;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .documented(routes!(list, create))
        .documented(routes!(detail, update))
        .documented(routes!(add_focal_point))
        .documented(routes!(remove_focal_point))
}

#[utoipa::path(
    get,
    path = "/cities",
    tag = "registry",
    summary = "List cities with filters (network, region, country, field, q) and pages",
    params(
        ("network" = Option<String>, Query),
        ("region" = Option<String>, Query),
        ("country" = Option<String>, Query),
        ("field" = Option<String>, Query),
        ("q" = Option<String>, Query),
        ("page" = Option<i64>, Query),
        ("per_page" = Option<i64>, Query),
        ("lang" = Option<String>, Query),
    ),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/CityPage"))),
)]
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

#[utoipa::path(
    post,
    path = "/cities",
    tag = "registry",
    summary = "Add a city (secretariat)",
    request_body(content = ref("#/components/schemas/CityInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/City"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn create(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<CityInput>,
) -> Result<Response, AppError> {
    let city = ateneu_app::cities::create(&state, &v.acting(), &input).await?;
    Ok((StatusCode::CREATED, Json(city)).into_response())
}

#[utoipa::path(
    get,
    path = "/cities/{slug}",
    tag = "registry",
    summary = "A city with its memberships and focal points (contacts only for those allowed)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/CityDetail"))),
)]
async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(ateneu_app::cities::detail::read(&state, &v.acting(), &slug).await?).into_response())
}

#[utoipa::path(
    put,
    path = "/cities/{slug}",
    tag = "registry",
    summary = "Edit a city (its editors, its networks' secretariat)",
    request_body(content = ref("#/components/schemas/CityInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/City"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<CityInput>,
) -> Result<Response, AppError> {
    Ok(Json(ateneu_app::cities::update(&state, &v.acting(), &slug, &input).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/focal-points",
    tag = "registry",
    summary = "Add a focal point",
    request_body(content = ref("#/components/schemas/FocalPointInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Created"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn add_focal_point(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<FocalPointInput>,
) -> Result<Response, AppError> {
    let id = ateneu_app::cities::focal_points::add(&state, &v.acting(), &slug, &input).await?;
    Ok((StatusCode::CREATED, Json(json!({"id": id}))).into_response())
}

#[utoipa::path(
    delete,
    path = "/cities/{slug}/focal-points/{id}",
    tag = "registry",
    summary = "Remove a focal point",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
async fn remove_focal_point(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    ateneu_app::cities::focal_points::remove(&state, &v.acting(), &slug, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
