//! The JSON API under `/api/v1`: each feature's routes, the reference data, the signed-in
//! person, and the OpenAPI document.

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .documented(routes!(openapi))
        .documented(routes!(reference))
        .documented(routes!(me))
        .merge(crate::cities::api::routes())
        .merge(crate::memberships::api_routes())
        .merge(crate::registry_files::api_routes())
        .merge(crate::accounts::api_routes())
        .merge(crate::notifications::api_routes())
        .merge(crate::admin::api_routes())
        .merge(crate::frameworks::api::routes())
        .merge(crate::indicators::api_routes())
        .merge(crate::seven_keys::api_routes())
        .merge(crate::policy_design::api_routes())
        .merge(crate::module_tests::api_routes())
        .merge(crate::assessments::api::routes())
        .merge(crate::workshop_packages::api_routes())
        .merge(crate::practices::api::routes())
        .merge(crate::practices::media::api_routes())
        .merge(crate::programmes::api_routes())
        .merge(crate::events::api_routes())
        .merge(crate::newsletter::api_routes())
        .merge(crate::banners::api_routes())
        .merge(crate::showcase_api::api_routes())
        .fallback(|| async { AppError::NotFound })
}

#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "reference",
    summary = "This document",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Object"))),
)]
async fn openapi() -> Response {
    // The document is the same for the process's life: built from every route once, on the
    // first request, and sent as those bytes after.
    static DOCUMENT: std::sync::OnceLock<axum::body::Bytes> = std::sync::OnceLock::new();
    let bytes = DOCUMENT.get_or_init(|| {
        serde_json::to_vec(&crate::openapi::document())
            .unwrap_or_default()
            .into()
    });
    (
        [(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/json"),
        )],
        bytes.clone(),
    )
        .into_response()
}

#[utoipa::path(
    get,
    path = "/reference",
    tag = "reference",
    summary = "Networks, regions, creative fields and SDGs in three languages",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Reference"))),
)]
async fn reference(State(state): State<AppState>) -> Response {
    Json(state.reference.as_ref().clone()).into_response()
}

#[utoipa::path(
    get,
    path = "/me",
    tag = "accounts",
    summary = "The signed-in person and their roles",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Me"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn me(v: Viewer) -> Result<Response, AppError> {
    let s = v.require_signed_in()?;
    Ok(Json(json!({
        "id": s.user.id,
        "email": s.user.email,
        "display_name": s.user.display_name,
        "locale": s.user.locale,
        "grants": s.grants,
    }))
    .into_response())
}
