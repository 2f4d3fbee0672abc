//! The roster of experts and an activity's engagements in the JSON API (the same use cases as
//! the pages, `ateneu_app::programmes::experts`).

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Path};
use crate::viewer::Viewer;
use ateneu_app::programmes::experts::{self as cases, EngagementForm, ExpertForm};
use ateneu_domain::programmes::experts::{EngagementInput, ExpertInput};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[utoipa::path(
    get,
    path = "/experts",
    tag = "experts",
    summary = "The roster of experts, by name (the Leading Cities' secretariat; 404 to anyone else)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ExpertList"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn roster_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::roster(&state, &v.acting()).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/experts",
    tag = "experts",
    summary = "Add an expert to the roster: languages as ISO 639 codes, fields as framework:field keys of an imported framework, free themes, and the e-mail of the account that is theirs (engaged in an activity, they see its confidential outputs)",
    request_body(content = ref("#/components/schemas/ExpertInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Expert"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn create_api(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<ExpertInput>,
) -> Result<Response, AppError> {
    let expert = cases::create(&state, &v.acting(), &input).await?;
    Ok((StatusCode::CREATED, Json(expert)).into_response())
}

#[utoipa::path(
    get,
    path = "/experts/{id}",
    tag = "experts",
    summary = "An expert with the engagements the caller may see (the roster's keepers, and the expert themself; 404 to anyone else)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ExpertView"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn detail_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    put,
    path = "/experts/{id}",
    tag = "experts",
    summary = "Change an expert, with the revision the change was made on (409 changed_meanwhile when someone saved since)",
    request_body(content = ref("#/components/schemas/ExpertForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Expert"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn update_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<ExpertForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::update(&state, &v.acting(), id, &form).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/activities/{activity}/engagements",
    tag = "experts",
    summary = "The experts engaged on an activity, with their fees (whoever may see the programme; 404 to anyone else)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/EngagementList"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn engagements_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    Ok(Json(cases::of_activity(&state, &v.acting(), id, activity).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/activities/{activity}/engagements",
    tag = "experts",
    summary = "Engage an expert of the roster on an activity (the programme's managers): days inside the programme's period (422 outside_programme), a fee in exact money with its currency",
    request_body(content = ref("#/components/schemas/EngagementInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Engagement"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn engage_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
    ApiJson(input): ApiJson<EngagementInput>,
) -> Result<Response, AppError> {
    let engagement = cases::engage(&state, &v.acting(), id, activity, &input).await?;
    Ok((StatusCode::CREATED, Json(engagement)).into_response())
}

#[utoipa::path(
    put,
    path = "/programmes/{id}/activities/{activity}/engagements/{engagement}",
    tag = "experts",
    summary = "Change an engagement, with the revision the change was made on (409 changed_meanwhile when someone saved since)",
    request_body(content = ref("#/components/schemas/EngagementForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Engagement"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn update_engagement_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity, engagement)): Path<(i64, i64, i64)>,
    ApiJson(form): ApiJson<EngagementForm>,
) -> Result<Response, AppError> {
    let saved =
        cases::update_engagement(&state, &v.acting(), (id, activity, engagement), &form).await?;
    Ok(Json(saved).into_response())
}

#[utoipa::path(
    delete,
    path = "/programmes/{id}/activities/{activity}/engagements/{engagement}",
    tag = "experts",
    summary = "Remove an engagement (204)",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn remove_engagement_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity, engagement)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    cases::remove_engagement(&state, &v.acting(), (id, activity, engagement)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
