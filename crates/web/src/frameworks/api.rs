//! Frameworks in the JSON API (`/api/v1/frameworks…`): list, read, import a TOML file, export,
//! compare two versions, and benchmark sets (entered, or computed from a network's published
//! assessments).

use super::{BenchmarkInput, ComputeInput, benchmarks, compare, import, resolve};
use crate::AppState;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::extract::Path;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::frameworks::Imported;
use ateneu_domain::Problem;
use ateneu_domain::ProblemKey;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .documented(routes!(list, create))
        .documented(routes!(detail))
        .documented(routes!(export))
        .documented(routes!(diff))
        .documented(routes!(list_benchmarks))
        .documented(routes!(save_benchmark))
        .documented(routes!(compute_benchmark))
        .body_limit(super::MAX_FILE)
}

#[utoipa::path(
    get,
    path = "/frameworks",
    tag = "frameworks",
    summary = "List framework versions",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/FrameworkList"))),
)]
async fn list(State(state): State<AppState>) -> Result<Response, AppError> {
    Ok(Json(json!({"items": ateneu_app::frameworks::list(&state).await?})).into_response())
}

/// The body is the TOML file itself.
#[utoipa::path(
    post,
    path = "/frameworks",
    tag = "frameworks",
    summary = "Import a framework file (the body is the TOML file; secretariat); every problem is reported with its line",
    request_body(content = String, content_type = "application/toml"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/FrameworkImported"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn create(
    State(state): State<AppState>,
    v: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let source = std::str::from_utf8(&body)
        .map_err(|_| AppError::BadRequest(Problem::new(ProblemKey::NotAFile)))?;
    if source.trim().is_empty() {
        return Err(AppError::BadRequest(Problem::new(ProblemKey::NotAFile)));
    }
    let (outcome, framework) = import(&state, &v.acting(), source).await?;
    let status = match outcome {
        Imported::Created(_) => StatusCode::CREATED,
        _ => StatusCode::OK,
    };
    Ok((
        status,
        Json(json!({"id": outcome.id(), "outcome": outcome, "reference": framework.reference()})),
    )
        .into_response())
}

#[utoipa::path(
    get,
    path = "/frameworks/{reference}",
    tag = "frameworks",
    summary = "A framework version (by id or KEY@VERSION) with its domains, fields, actions, modules and scale",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Framework"))),
)]
async fn detail(
    State(state): State<AppState>,
    Path(reference): Path<String>,
) -> Result<Response, AppError> {
    let (version, framework) = resolve(&state, &reference).await?;
    Ok(Json(json!({"version": version, "framework": *framework})).into_response())
}

#[utoipa::path(
    get,
    path = "/frameworks/{reference}/export",
    tag = "frameworks",
    summary = "A framework version as its TOML file",
    responses((status = 200, description = "Success", body = String, content_type = "application/toml")),
)]
async fn export(
    State(state): State<AppState>,
    Path(reference): Path<String>,
) -> Result<Response, AppError> {
    let (_, framework) = resolve(&state, &reference).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/toml; charset=utf-8")],
        ateneu_domain::frameworks::to_toml(&framework),
    )
        .into_response())
}

#[utoipa::path(
    get,
    path = "/frameworks/{reference}/diff/{other}",
    tag = "frameworks",
    summary = "What changed from one version to another: items added, removed, reworded, and modules",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/FrameworkDiff"))),
)]
async fn diff(
    State(state): State<AppState>,
    Path((reference, other)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (old, _) = resolve(&state, &reference).await?;
    let (new, _) = resolve(&state, &other).await?;
    let (old, new, diff) = compare(&state, old.id, new.id).await?;
    Ok(Json(json!({"from": old.reference(), "to": new.reference(), "diff": diff})).into_response())
}

#[utoipa::path(
    get,
    path = "/frameworks/{reference}/benchmarks",
    tag = "frameworks",
    summary = "The benchmark sets of a framework (values per field)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/BenchmarkList"))),
)]
async fn list_benchmarks(
    State(state): State<AppState>,
    Path(reference): Path<String>,
) -> Result<Response, AppError> {
    let (version, _) = resolve(&state, &reference).await?;
    Ok(Json(json!({"items": benchmarks(&state, &version.framework_key).await?})).into_response())
}

#[utoipa::path(
    put,
    path = "/frameworks/{reference}/benchmarks/{key}",
    tag = "frameworks",
    summary = "Enter or replace a benchmark set (secretariat)",
    request_body(content = ref("#/components/schemas/BenchmarkInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Created"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn save_benchmark(
    State(state): State<AppState>,
    v: Viewer,
    Path((reference, key)): Path<(String, String)>,
    ApiJson(input): ApiJson<BenchmarkInput>,
) -> Result<Response, AppError> {
    let (version, _) = resolve(&state, &reference).await?;
    let id = super::save_benchmark(&state, &v.acting(), version.id, &key, &input).await?;
    Ok(Json(json!({"id": id})).into_response())
}

/// `{"network": KEY}` → the saved set, with `n` (how many assessments went in).
#[utoipa::path(
    post,
    path = "/frameworks/{reference}/benchmarks/{key}/compute",
    tag = "frameworks",
    summary = "Compute or recompute a benchmark set: the per-field average of the closed, public assessments on this version by the network's current members (that network's secretariat); 422 on `network` when none qualifies",
    request_body(content = ref("#/components/schemas/BenchmarkComputeInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ComputedBenchmark"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn compute_benchmark(
    State(state): State<AppState>,
    v: Viewer,
    Path((reference, key)): Path<(String, String)>,
    ApiJson(input): ApiJson<ComputeInput>,
) -> Result<Response, AppError> {
    v.require(ateneu_domain::permissions::Action::ManageFrameworks)?;
    let (version, _) = resolve(&state, &reference).await?;
    let computed = super::compute_benchmark(&state, &v.acting(), version.id, &key, &input).await?;
    Ok(Json(computed).into_response())
}
