//! Accounts on the web: the sign-in, password, set-up and token pages (`pages`) and the token
//! API. The use cases they call are `ateneu_app::accounts`; the two that need the viewer's
//! session (signing out everywhere, a token made from a session) are here.

mod pages;

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_db::accounts as repo;
use ateneu_db::sessions;
use ateneu_domain::accounts::TokenRequest;
use ateneu_domain::{Problem, ProblemKey};
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

/// Ends every session and every API token of the viewer.
pub async fn sign_out_everywhere(state: &AppState, v: &Viewer) -> Result<u64, AppError> {
    let s = v.require_signed_in()?;
    let txn = state.db.write().await?;
    let ended = sessions::end_all(&txn, &v.who(), s.user.id).await?
        + repo::revoke_all_api_tokens(&txn, &v.who(), s.user.id).await?;
    txn.commit().await?;
    Ok(ended)
}

/// A signed-in person makes a token for themselves. It needs a session: a token cannot make
/// more tokens (a leaked read-only token must not become a writing one).
pub async fn create_token(
    state: &AppState,
    v: &Viewer,
    name: &str,
    scope: &str,
    days: &str,
) -> Result<String, AppError> {
    let s = v.require_signed_in()?;
    if s.session.is_none() {
        return Err(AppError::BadRequest(Problem::new(
            ProblemKey::TokenNeedsSession,
        )));
    }
    let request = TokenRequest::parse(name, scope, days)?;
    Ok(create_api_token(state, &v.who(), s.user.id, &request).await?)
}

async fn list_tokens_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let s = v.require_signed_in()?;
    let tokens = repo::api_tokens_of(&state.db.conn, s.user.id).await?;
    Ok(Json(tokens).into_response())
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
