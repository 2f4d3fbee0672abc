//! A city's indicators in the JSON API: every series the caller may see, one series with its
//! values, its settings saved on their revision, values entered and removed, a tidy CSV file
//! imported (the body, `text/csv`) and exported.

use super::city::csv_name;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Path, Query};
use crate::registry_files::csv_response;
use crate::viewer::Viewer;
use ateneu_app::indicators::values as cases;
use ateneu_domain::indicators::values::{SeriesInput, ValueInput};
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::{Problem, ProblemKey};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

pub async fn list(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    Ok(Json(cases::of_city(&state, &v.acting(), &city).await?).into_response())
}

pub async fn one(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let (view, may_record) = cases::one(&state, &v.acting(), &city, &reference).await?;
    let mut body = serde_json::to_value(view).map_err(|e| AppError::Internal(e.to_string()))?;
    body["may_record"] = serde_json::Value::Bool(may_record);
    Ok(Json(body).into_response())
}

pub async fn save(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference)): Path<(String, String)>,
    ApiJson(input): ApiJson<SeriesInput>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    Ok(
        Json(cases::save_series(&state, &v.acting(), &city, &reference, &input).await?)
            .into_response(),
    )
}

pub async fn add_value(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference)): Path<(String, String)>,
    ApiJson(input): ApiJson<ValueInput>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    Ok(
        Json(cases::add_value(&state, &v.acting(), &city, &reference, &input).await?)
            .into_response(),
    )
}

pub async fn remove_value(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference, id)): Path<(String, String, i64)>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    cases::remove_value(&state, &v.acting(), &city, &reference, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `?indicator=framework:indicator` for a file without an `Indicator` column.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ImportQuery {
    indicator: Option<String>,
}

pub async fn import(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Query(query): Query<ImportQuery>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let networks = ateneu_app::cities::scope_networks(&state, city.id).await?;
    v.require(Action::RecordIndicatorValues(CityScope {
        id: city.id,
        networks: &networks,
    }))?;
    if bytes.is_empty() {
        return Err(AppError::BadRequest(Problem::new(ProblemKey::NotAFile)));
    }
    let indicator = query.indicator.filter(|i| !i.trim().is_empty());
    let done = cases::import(&state, &v.acting(), &city, indicator.as_deref(), &bytes).await?;
    Ok(Json(done).into_response())
}

pub async fn export_city(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let bytes = cases::export(&state, &v.acting(), &city, None).await?;
    Ok(csv_response(&csv_name(&city.slug, None), bytes))
}

pub async fn export_one(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let bytes = cases::export(&state, &v.acting(), &city, Some(&reference)).await?;
    Ok(csv_response(&csv_name(&city.slug, Some(&reference)), bytes))
}
