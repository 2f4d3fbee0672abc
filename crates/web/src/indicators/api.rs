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

#[utoipa::path(
    get,
    path = "/cities/{slug}/indicators",
    tag = "indicators",
    summary = "A city's series of indicators that the caller may see (a confidential series only to the city's editors and its networks' secretariat, a network one to the network's members), each with its values, the baseline it is read from and its progress status; `may_record` says whether the caller may enter values",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/CityIndicators"))),
)]
pub async fn list(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    Ok(Json(cases::of_city(&state, &v.acting(), &city).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/cities/{slug}/indicators/{indicator}",
    tag = "indicators",
    summary = "A city's series of one indicator (`framework:indicator`) with its values and status; 404 to whoever may not see it, and for an indicator no framework has",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/IndicatorSeriesView"))),
)]
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

#[utoipa::path(
    put,
    path = "/cities/{slug}/indicators/{indicator}",
    tag = "indicators",
    summary = "Set a series' unit, baseline, target, visibility and source (the city's editors and its networks' secretariat); an existing series on the revision it was read at (409 changed_meanwhile on an older one)",
    request_body(content = ref("#/components/schemas/IndicatorSeriesInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/IndicatorSeries"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    post,
    path = "/cities/{slug}/indicators/{indicator}/values",
    tag = "indicators",
    summary = "Enter one value (replacing the one of the same year and breakdown); the series is made, confidential, if the city keeps none",
    request_body(content = ref("#/components/schemas/IndicatorValueInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ImportResult"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    delete,
    path = "/cities/{slug}/indicators/{indicator}/values/{id}",
    tag = "indicators",
    summary = "Remove one value of a series",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    post,
    path = "/cities/{slug}/indicators/import",
    tag = "indicators",
    summary = "Import values from a tidy CSV file (text/csv body: Year, any breakdown columns, Units, GeoCode, Value; an Indicator column or `?indicator=`; Source and Note optional). Every row good or nothing written, the bad rows named (422, `lines`); a value of a year and breakdown already kept is replaced; a new series is confidential",
    request_body(content = String, content_type = "text/csv"),
    params(
        ("indicator" = Option<String>, Query, description = "framework:indicator of a file without an Indicator column"),
    ),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ImportResult"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    get,
    path = "/cities/{slug}/indicators.csv",
    tag = "indicators",
    summary = "A city's values that the caller may see, as a tidy CSV file (Indicator, Year, breakdown columns, Units, GeoCode, Value, Source, Note; cells guarded against formulas)",
    responses((status = 200, description = "Success", body = String, content_type = "text/csv")),
)]
pub async fn export_city(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let bytes = cases::export(&state, &v.acting(), &city, None).await?;
    Ok(csv_response(&csv_name(&city.slug, None), bytes))
}

#[utoipa::path(
    get,
    path = "/cities/{slug}/indicators/{indicator}/values.csv",
    tag = "indicators",
    summary = "A city's values of one indicator as a tidy CSV file (404 to whoever may not see the series)",
    responses((status = 200, description = "Success", body = String, content_type = "text/csv")),
)]
pub async fn export_one(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let bytes = cases::export(&state, &v.acting(), &city, Some(&reference)).await?;
    Ok(csv_response(&csv_name(&city.slug, Some(&reference)), bytes))
}
