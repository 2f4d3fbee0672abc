//! The Leading Cities programme on the web: the catalogue of activities (public; `catalogue`,
//! with the secretariat's changes), the
//! programmes a person may see, a programme's page with its consultations, and the same in the
//! JSON API; a programme's activities are `activities`, its budget `budget`, the roster of
//! experts and their engagements `experts`. The use cases are
//! `ateneu_app::programmes`.

mod action_plan_pdf;
mod action_plans;
mod activities;
mod budget;
mod catalogue;
mod dashboard;
mod experts;
mod inquiries;
mod mou;
mod output_feed;
mod output_files;
mod outputs;
mod pages;
mod plans;
mod visits;

pub use outputs::kind_label;
pub use pages::status_label;

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Path};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::programmes::{self as cases, ProgrammeForm};
use ateneu_domain::programmes::ConsultationInput;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/programmes", get(pages::list))
        .route("/programmes/visits/hosts", get(visits::hosts))
        .route("/programmes/dashboard", get(dashboard::detail))
        .route("/programmes/new", get(pages::new_form).post(pages::create))
        .route("/programmes/{id}", get(pages::detail).post(pages::update))
        .route(
            "/programmes/{id}/consultations",
            post(pages::add_consultation),
        )
        .route("/programmes/{id}/activities", post(activities::add))
        .route(
            "/programmes/{id}/activities/{activity}",
            get(activities::detail).post(activities::update),
        )
        .route(
            "/programmes/{id}/activities/{activity}/links",
            post(activities::links::add),
        )
        .route(
            "/programmes/{id}/activities/{activity}/links/{record_link}/remove",
            post(activities::links::remove),
        )
        .route(
            "/programmes/{id}/budget",
            get(budget::detail).post(budget::add),
        )
        .route("/programmes/{id}/budget/import", post(budget::import))
        .route(
            "/programmes/{id}/budget/{line}/remove",
            post(budget::remove),
        )
        .route("/programmes/{id}/outputs", post(outputs::file))
        .route("/outputs/translations", get(outputs::translations))
        .route("/outputs/feed.atom", get(output_feed::atom))
        .route("/outputs/{id}", get(outputs::detail))
        .route("/outputs/{id}/versions", post(outputs::set_version))
        .route("/outputs/{id}/items", post(action_plans::add_item))
        .documented(routes!(action_plan_pdf::plan_pdf))
        .route(
            "/outputs/{id}/items/{item}",
            get(action_plans::item).post(action_plans::save_item),
        )
        .route(
            "/outputs/{id}/items/{item}/updates",
            post(action_plans::add_update),
        )
        .route(
            "/outputs/{id}/disseminations",
            post(outputs::add_dissemination),
        )
        // The roster of experts and their engagements.
        .route("/experts", get(experts::roster).post(experts::create))
        .route("/experts/{id}", get(experts::detail).post(experts::update))
        .route(
            "/programmes/{id}/activities/{activity}/engagements",
            post(experts::engage),
        )
        .route(
            "/programmes/{id}/activities/{activity}/engagements/{engagement}",
            post(experts::update_engagement),
        )
        .route(
            "/programmes/{id}/activities/{activity}/engagements/{engagement}/remove",
            post(experts::remove_engagement),
        )
        .merge(output_files::routes())
        // The memorandum of understanding, the yearly plans and the inquiries.
        .merge(catalogue::routes())
        .merge(mou::routes())
        .merge(plans::routes())
        .merge(inquiries::routes())
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(list_api, create_api))
        .documented(routes!(visits::hosts_api))
        .documented(routes!(dashboard::detail_api))
        .documented(routes!(detail_api, update_api))
        .documented(routes!(add_consultation_api))
        .documented(routes!(activities::add_api))
        .documented(routes!(activities::detail_api, activities::update_api))
        .documented(routes!(activities::links::add_api))
        .documented(routes!(activities::links::remove_api))
        .documented(routes!(budget::detail_api, budget::add_api))
        .documented(routes!(budget::export_api))
        .documented(routes!(budget::import_api))
        .documented(routes!(budget::remove_api))
        .documented(routes!(outputs::of_programme_api, outputs::file_api))
        .documented(routes!(outputs::translations_api))
        .documented(routes!(outputs::detail_api))
        .documented(routes!(outputs::set_version_api))
        .documented(routes!(action_plans::plan_api, action_plans::add_item_api))
        .documented(routes!(action_plans::starting_points_api))
        .documented(routes!(action_plans::item_api, action_plans::save_item_api))
        .documented(routes!(action_plans::add_update_api))
        .documented(routes!(outputs::add_dissemination_api))
        // The roster of experts and their engagements.
        .documented(routes!(experts::api::roster_api, experts::api::create_api))
        .documented(routes!(experts::api::detail_api, experts::api::update_api))
        .documented(routes!(
            experts::api::engagements_api,
            experts::api::engage_api
        ))
        .documented(routes!(
            experts::api::update_engagement_api,
            experts::api::remove_engagement_api
        ))
        .merge(output_files::api_routes())
        .merge(catalogue::api_routes())
        // The memorandum of understanding, the yearly plans and the inquiries.
        .merge(mou::api_routes())
        .merge(plans::api_routes())
        .merge(inquiries::api_routes())
}

/// Outside the language prefixes: the output files, their share links, the memorandum's
/// signed documents.
pub fn root_routes() -> Routes {
    output_files::root_routes().merge(mou::root_routes())
}

#[utoipa::path(
    get,
    path = "/programmes",
    tag = "programmes",
    summary = "The programmes the caller may see (the city's editors, the network's secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ProgrammeList"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn list_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::list(&state, &v.acting()).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/programmes",
    tag = "programmes",
    summary = "Start a programme for a current Leading City (its network's secretariat); a period under two years needs short_reason",
    request_body(content = ref("#/components/schemas/ProgrammeForm"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Programme"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn create_api(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(form): ApiJson<ProgrammeForm>,
) -> Result<Response, AppError> {
    let programme = cases::create(&state, &v.acting(), &form).await?;
    Ok((StatusCode::CREATED, Json(programme)).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}",
    tag = "programmes",
    summary = "A programme with its city and consultations (404 to whoever may not see it)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ProgrammeView"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn detail_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    put,
    path = "/programmes/{id}",
    tag = "programmes",
    summary = "Change a programme's period, status (one step at a time) or priorities, with the revision the change was made on (409 changed_meanwhile when someone saved since)",
    request_body(content = ref("#/components/schemas/ProgrammeForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Programme"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn update_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<ProgrammeForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::update(&state, &v.acting(), id, &form).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/consultations",
    tag = "programmes",
    summary = "Record a consultation between the city and the secretariat",
    request_body(content = ref("#/components/schemas/ConsultationInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Consultation"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn add_consultation_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ConsultationInput>,
) -> Result<Response, AppError> {
    let consultation = cases::add_consultation(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(consultation)).into_response())
}
