//! Accounts on the web: the sign-in, password, set-up and token pages (`pages`) and the token
//! API. The use cases they call are `ateneu_app::accounts` (a person's own account:
//! `ateneu_app::accounts::own`).

mod pages;

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use utoipa_axum::routes;

pub use ateneu_app::accounts::*;
pub use pages::routes;

pub fn api_routes() -> Routes {
    Routes::new().documented(routes!(list_tokens_api, create_token_api))
}

/// A signed-in person makes a token for themselves (with a session only).
pub async fn create_token(
    state: &AppState,
    v: &Viewer,
    name: &str,
    scope: &str,
    days: &str,
) -> Result<String, AppError> {
    let by_session = v.signed_in.as_ref().is_some_and(|s| s.session.is_some());
    Ok(own::create_token(state, &v.acting(), by_session, (name, scope, days)).await?)
}

#[utoipa::path(
    get,
    path = "/account/tokens",
    tag = "accounts",
    summary = "The signed-in person's API tokens",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/TokenList"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn list_tokens_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(own::tokens(&state, &v.acting()).await?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TokenInput {
    name: String,
    /// `read` or `write` (the default).
    scope: String,
    /// Days the token lives: 1–365, 90 by default.
    days: Option<i64>,
}

#[utoipa::path(
    post,
    path = "/account/tokens",
    tag = "accounts",
    summary = "Create a personal API token (shown once) from a signed-in session (a token cannot make tokens): its scope and its life in days",
    request_body(content = ref("#/components/schemas/TokenInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/NewToken"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn create_token_api(
    State(state): State<AppState>,
    v: Viewer,
    crate::extract::ApiJson(input): crate::extract::ApiJson<TokenInput>,
) -> Result<Response, AppError> {
    let days = input.days.map(|d| d.to_string()).unwrap_or_default();
    let token = create_token(&state, &v, &input.name, &input.scope, &days).await?;
    Ok((StatusCode::CREATED, Json(json!({"token": token}))).into_response())
}
