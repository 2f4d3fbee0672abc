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
use axum::routing::{delete, get, post, put};

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
        .route("/outputs/{id}/plan.pdf", get(action_plan_pdf::plan_pdf))
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
        .route("/programmes", get(list_api).post(create_api))
        .route("/programmes/visits/hosts", get(visits::hosts_api))
        .route("/programmes/dashboard", get(dashboard::detail_api))
        .route("/programmes/{id}", get(detail_api).put(update_api))
        .route("/programmes/{id}/consultations", post(add_consultation_api))
        .route("/programmes/{id}/activities", post(activities::add_api))
        .route(
            "/programmes/{id}/activities/{activity}",
            get(activities::detail_api).put(activities::update_api),
        )
        .route(
            "/programmes/{id}/activities/{activity}/links",
            post(activities::links::add_api),
        )
        .route(
            "/programmes/{id}/activities/{activity}/links/{record_link}",
            delete(activities::links::remove_api),
        )
        .route(
            "/programmes/{id}/budget",
            get(budget::detail_api).post(budget::add_api),
        )
        .route("/programmes/{id}/budget.csv", get(budget::export_api))
        .route("/programmes/{id}/budget/import", post(budget::import_api))
        .route("/programmes/{id}/budget/{line}", delete(budget::remove_api))
        .route(
            "/programmes/{id}/outputs",
            get(outputs::of_programme_api).post(outputs::file_api),
        )
        .route("/outputs/translations", get(outputs::translations_api))
        .route("/outputs/{id}", get(outputs::detail_api))
        .route("/outputs/{id}/versions", post(outputs::set_version_api))
        .route(
            "/outputs/{id}/items",
            get(action_plans::plan_api).post(action_plans::add_item_api),
        )
        .route(
            "/outputs/{id}/starting-points",
            get(action_plans::starting_points_api),
        )
        .route(
            "/outputs/{id}/items/{item}",
            get(action_plans::item_api).put(action_plans::save_item_api),
        )
        .route(
            "/outputs/{id}/items/{item}/updates",
            post(action_plans::add_update_api),
        )
        .route(
            "/outputs/{id}/disseminations",
            post(outputs::add_dissemination_api),
        )
        // The roster of experts and their engagements.
        .route(
            "/experts",
            get(experts::roster_api).post(experts::create_api),
        )
        .route(
            "/experts/{id}",
            get(experts::detail_api).put(experts::update_api),
        )
        .route(
            "/programmes/{id}/activities/{activity}/engagements",
            get(experts::engagements_api).post(experts::engage_api),
        )
        .route(
            "/programmes/{id}/activities/{activity}/engagements/{engagement}",
            put(experts::update_engagement_api).delete(experts::remove_engagement_api),
        )
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

async fn list_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::list(&state, &v.acting()).await?).into_response())
}

async fn create_api(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(form): ApiJson<ProgrammeForm>,
) -> Result<Response, AppError> {
    let programme = cases::create(&state, &v.acting(), &form).await?;
    Ok((StatusCode::CREATED, Json(programme)).into_response())
}

async fn detail_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

async fn update_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<ProgrammeForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::update(&state, &v.acting(), id, &form).await?).into_response())
}

async fn add_consultation_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ConsultationInput>,
) -> Result<Response, AppError> {
    let consultation = cases::add_consultation(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(consultation)).into_response())
}
