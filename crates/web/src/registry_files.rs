//! The registry's CSV files: import of cities and memberships (every line checked first; nothing
//! written unless the whole file is valid) and export, as pages and in the JSON API.

use crate::AppState;
use crate::error::AppError;
use crate::extract::Multipart;
use crate::layout::{self, csrf_field};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::registry_files::{FileKind, Imported, import};
pub use ateneu_app::registry_files::{cities_csv, memberships_csv};
use ateneu_domain::Problem;
use ateneu_domain::ProblemKey;
use ateneu_domain::csv_format::{CITY_COLUMNS, MEMBERSHIP_COLUMNS};
use ateneu_domain::permissions::Action;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::html;
use utoipa_axum::routes;

/// The largest file accepted (the registry of every local government fits well within it).
pub const MAX_FILE: usize = 256 * 1024 * 1024;

pub fn routes() -> Routes {
    Routes::new()
        .route("/registry/import", get(import_page).post(import_upload))
        .route("/registry/export", get(export_page))
        .body_limit(MAX_FILE)
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(import_cities_api))
        .documented(routes!(import_memberships_api))
        .documented(routes!(export_cities))
        .documented(routes!(export_memberships))
        .body_limit(MAX_FILE)
}

async fn import_page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require(Action::ImportRegistry)?;
    Ok(page(&state, &v, None, StatusCode::OK))
}

fn page(
    state: &AppState,
    v: &Viewer,
    outcome: Option<Result<Imported, &AppError>>,
    status: StatusCode,
) -> Response {
    let body = html! {
        h1 { (v.t("import-title")) }
        p.lead { (v.t("import-lead")) }
        @match outcome {
            Some(Ok(done)) => div.flash.success role="status" {
                (v.tf("import-done", &[("rows", done.rows.into()), ("created", done.created.into()), ("updated", done.updated.into()), ("unchanged", done.unchanged.into())]))
            },
            Some(Err(error)) => div.flash.error role="alert" {
                p { strong { (v.problem(&error.problem())) } }
                @if let AppError::Lines(lines) = error { (layout::line_errors(state, v.lang, lines)) }
            },
            None => {},
        }
        form.form method="post" action={ (v.href("/registry/import")) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
            (csrf_field(v))
            fieldset {
                legend { (v.t("import-kind")) }
                label { input type="radio" name="kind" value="cities" checked; " " (v.t("import-kind-cities")) }
                label { input type="radio" name="kind" value="memberships"; " " (v.t("import-kind-memberships")) }
            }
            (layout::csv_file_field(&v.t("import-file"), html! { (v.t("import-columns")) " " code { (CITY_COLUMNS.join(",")) } " / " code { (MEMBERSHIP_COLUMNS.join(",")) } }))
            div.actions { button.button type="submit" { (v.t("import-submit")) } }
        }
    };
    (status, layout::page(state, v, &v.t("import-title"), body)).into_response()
}

async fn import_upload(
    State(state): State<AppState>,
    v: Viewer,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not import is told so before the body is read.
    v.require(Action::ImportRegistry)?;
    let mut multipart = multipart?;
    let mut kind = FileKind::Cities;
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|e| {
        AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, e.body_text()))
    })? {
        match field.name() {
            Some("kind") => {
                let text = field.text().await.map_err(|e| {
                    AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, e.body_text()))
                })?;
                kind = if text == "memberships" {
                    FileKind::Memberships
                } else {
                    FileKind::Cities
                };
            }
            Some("file") => {
                file = Some(field.bytes().await.map_err(|e| {
                    AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, e.body_text()))
                })?);
            }
            _ => {}
        }
    }
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        let error = AppError::BadRequest(Problem::new(ProblemKey::NotAFile));
        return Ok(page(&state, &v, Some(Err(&error)), StatusCode::BAD_REQUEST));
    };
    match import(&state, &v.acting(), kind, bytes, &|_| {})
        .await
        .map_err(AppError::from)
    {
        Ok(done) => Ok(page(&state, &v, Some(Ok(done)), StatusCode::OK)),
        Err(error @ (AppError::Lines(_) | AppError::BadRequest(_))) => {
            Ok(page(&state, &v, Some(Err(&error)), error.status()))
        }
        Err(other) => Err(other),
    }
}

async fn export_page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let body = html! {
        h1 { (v.t("export-title")) }
        p.lead { (v.t("export-lead")) }
        ul {
            li { a href="/api/v1/export/cities.csv" { (v.t("export-cities")) } " — " code { (CITY_COLUMNS.join(",")) } }
            li { a href="/api/v1/export/memberships.csv" { (v.t("export-memberships")) } " — " code { (MEMBERSHIP_COLUMNS.join(",")) } }
            li { a href="/api/v1/reference" { (v.t("export-reference")) } }
        }
    };
    Ok(layout::page(&state, &v, &v.t("export-title"), body).into_response())
}

async fn import_api(
    state: &AppState,
    v: &Viewer,
    kind: FileKind,
    bytes: Bytes,
) -> Result<Response, AppError> {
    Ok(Json(import(state, &v.acting(), kind, bytes, &|_| {}).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/import/cities",
    tag = "files",
    summary = "Import a cities CSV (text/csv body); the whole file or nothing",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ImportResult"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn import_cities_api(
    State(state): State<AppState>,
    v: Viewer,
    bytes: Bytes,
) -> Result<Response, AppError> {
    import_api(&state, &v, FileKind::Cities, bytes).await
}

#[utoipa::path(
    post,
    path = "/import/memberships",
    tag = "files",
    summary = "Import a memberships CSV (text/csv body); the whole file or nothing",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ImportResult"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn import_memberships_api(
    State(state): State<AppState>,
    v: Viewer,
    bytes: Bytes,
) -> Result<Response, AppError> {
    import_api(&state, &v, FileKind::Memberships, bytes).await
}

pub(crate) fn csv_response(name: &str, bytes: Vec<u8>) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// The cities file (public data: no contact details).
#[utoipa::path(
    get,
    path = "/export/cities.csv",
    tag = "files",
    summary = "Every city as CSV (no contact details)",
    responses((status = 200, description = "Success", body = String, content_type = "text/csv")),
)]
async fn export_cities(State(state): State<AppState>) -> Result<Response, AppError> {
    Ok(csv_response("cities.csv", cities_csv(&state).await?))
}

#[utoipa::path(
    get,
    path = "/export/memberships.csv",
    tag = "files",
    summary = "Every membership as CSV",
    responses((status = 200, description = "Success", body = String, content_type = "text/csv")),
)]
async fn export_memberships(State(state): State<AppState>) -> Result<Response, AppError> {
    Ok(csv_response(
        "memberships.csv",
        memberships_csv(&state).await?,
    ))
}
