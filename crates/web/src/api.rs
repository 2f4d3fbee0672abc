//! The JSON API under `/api/v1`: each feature's routes, the reference data, the signed-in
//! person, and the OpenAPI document. Bodies that are not valid JSON get a clear 400.

use crate::AppState;
use crate::error::AppError;
use crate::viewer::Viewer;
use ateneu_domain::Problem;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde_json::json;

/// A JSON body; a malformed one is refused with `bad_request` and the parser's reason.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(AppError::BadRequest(Problem::new("unsupported_media_type")))
            }
            Err(rejection) => Err(AppError::BadRequest(Problem::with_detail(
                "bad_request",
                rejection.body_text(),
            ))),
        }
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/reference", get(reference))
        .route("/me", get(me))
        .merge(crate::cities::api::routes())
        .merge(crate::memberships::api_routes())
        .merge(crate::registry_files::api_routes())
        .merge(crate::accounts::api_routes())
        .merge(crate::notifications::api_routes())
        .merge(crate::admin::api_routes())
        .merge(crate::frameworks::api::routes())
        .merge(crate::assessments::api::routes())
        .merge(crate::practices::api::routes())
        .merge(crate::practices::media::api_routes())
        .fallback(|| async { AppError::NotFound })
}

async fn openapi() -> Response {
    Json(crate::openapi::document()).into_response()
}

async fn reference(State(state): State<AppState>) -> Response {
    Json(state.reference.as_ref().clone()).into_response()
}

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
