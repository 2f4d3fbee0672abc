//! A Leading City's showcase in the JSON API: read as the reader may see it, entries added,
//! changed, removed and approved, the introduction written and approved. The use cases are
//! `ateneu_app::showcase`; the pages are `showcase`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Path};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::showcase as cases;
use ateneu_domain::showcase::{EntryInput, IntroInput};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    use axum::routing::{get, post};
    Routes::new()
        .route("/cities/{slug}/showcase", get(crate::showcase::page))
        .route("/cities/{slug}/showcase.atom", get(crate::showcase::feed))
        .route(
            "/cities/{slug}/showcase/entries",
            post(crate::showcase::add),
        )
        .route(
            "/cities/{slug}/showcase/entries/{id}",
            post(crate::showcase::entry),
        )
        .route(
            "/cities/{slug}/showcase/intro",
            post(crate::showcase::intro),
        )
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(read))
        .documented(routes!(add))
        .documented(routes!(change, remove))
        .documented(routes!(approve))
        .documented(routes!(set_intro))
        .documented(routes!(approve_intro))
}

#[utoipa::path(
    get,
    path = "/cities/{slug}/showcase",
    tag = "showcase",
    summary = "A Leading City's showcase: its approved introduction and entries, published practices and public outputs (anyone); its curators also see what waits for approval; not found for a city that is not a Leading City now",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Showcase"))),
)]
async fn read(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), &slug).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/showcase/entries",
    tag = "showcase",
    summary = "Add an entry at the end: a document, video or resource by its http(s) address, with the languages it exists in (the city's editors, proposed until approved; the secretariat, approved)",
    request_body(content = ref("#/components/schemas/ShowcaseEntryInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/ShowcaseEntry"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn add(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<EntryInput>,
) -> Result<Response, AppError> {
    let entry = cases::add_entry(&state, &v.acting(), &slug, &input).await?;
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}

#[utoipa::path(
    put,
    path = "/cities/{slug}/showcase/entries/{id}",
    tag = "showcase",
    summary = "Change an entry (an editor's change waits for approval again)",
    request_body(content = ref("#/components/schemas/ShowcaseEntryInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ShowcaseEntry"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn change(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
    ApiJson(input): ApiJson<EntryInput>,
) -> Result<Response, AppError> {
    Ok(Json(cases::change_entry(&state, &v.acting(), &slug, id, &input).await?).into_response())
}

#[utoipa::path(
    delete,
    path = "/cities/{slug}/showcase/entries/{id}",
    tag = "showcase",
    summary = "Remove an entry (the city's editors, the secretariat)",
    responses((status = 204, description = "Removed")),
    security(("bearer" = []), ("session" = [])),
)]
async fn remove(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    cases::remove_entry(&state, &v.acting(), &slug, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/showcase/entries/{id}/approve",
    tag = "showcase",
    summary = "Approve an entry: the public sees it (the secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ShowcaseEntry"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn approve(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    Ok(Json(cases::approve_entry(&state, &v.acting(), &slug, id).await?).into_response())
}

#[utoipa::path(
    put,
    path = "/cities/{slug}/showcase/intro",
    tag = "showcase",
    summary = "Write the introduction, a text per language (the city's editors, proposed until approved; the secretariat, approved)",
    request_body(content = ref("#/components/schemas/ShowcaseIntroInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ShowcaseIntro"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn set_intro(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<IntroInput>,
) -> Result<Response, AppError> {
    Ok(Json(cases::set_intro(&state, &v.acting(), &slug, &input).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/showcase/intro/approve",
    tag = "showcase",
    summary = "Approve the introduction (the secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ShowcaseIntro"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn approve_intro(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::approve_intro(&state, &v.acting(), &slug).await?).into_response())
}
