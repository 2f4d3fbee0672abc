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
use axum::routing::get;
use serde::Deserialize;
use serde_json::json;

pub use ateneu_app::accounts::*;
pub use pages::routes;

pub fn api_routes() -> Routes {
    Routes::new().route(
        "/account/tokens",
        get(list_tokens_api).post(create_token_api),
    )
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

async fn create_token_api(
    State(state): State<AppState>,
    v: Viewer,
    crate::extract::ApiJson(input): crate::extract::ApiJson<TokenInput>,
) -> Result<Response, AppError> {
    let days = input.days.map(|d| d.to_string()).unwrap_or_default();
    let token = create_token(&state, &v, &input.name, &input.scope, &days).await?;
    Ok((StatusCode::CREATED, Json(json!({"token": token}))).into_response())
}
