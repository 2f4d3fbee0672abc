//! The events calendar on the web and in the JSON API: the calendar (public), an event's page
//! with the availability requests and answers the reader may see and the secretariat's forms,
//! the lists of requests waiting for an answer, reminders, and the iCalendar files. The use
//! cases are `ateneu_app::events`.

mod pages;

pub use pages::representation_section;

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Path};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::events::{self as cases, AnswerForm, AskForm, EventForm, ReopenForm};
use ateneu_domain::events::{EventInput, RepresentationInput};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/events", get(pages::calendar).post(pages::create))
        .route("/events/waiting", get(pages::waiting))
        .route("/events/reminders", post(pages::remind))
        .route("/events/{id}", get(pages::detail).post(pages::update))
        .route("/events/{id}/requests", post(pages::ask))
        .route(
            "/events/{id}/requests/{request}/answer",
            post(pages::answer),
        )
        .route(
            "/events/{id}/requests/{request}/reopen",
            post(pages::reopen),
        )
        .route("/events/{id}/representatives", post(pages::confirm))
        .route(
            "/events/{id}/representatives/{representative}/remove",
            post(pages::withdraw),
        )
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(calendar_api, create_api))
        .documented(routes!(ical_api))
        .documented(routes!(waiting_api))
        .documented(routes!(unanswered_api))
        .documented(routes!(remind_api))
        .documented(routes!(detail_api, update_api))
        .documented(routes!(ask_api))
        .documented(routes!(answer_api))
        .documented(routes!(reopen_api))
        .documented(routes!(confirm_api))
        .documented(routes!(withdraw_api))
        .documented(routes!(city_ical_api))
}

fn ics(name: &str, body: String) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

#[utoipa::path(
    get,
    path = "/events",
    tag = "events",
    summary = "The events calendar: events to come (soonest first) and past ones (latest first); public",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Calendar"))),
)]
async fn calendar_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::calendar(&state, &v.acting()).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/events",
    tag = "events",
    summary = "Add an event (the Leading Cities' secretariat): a title in one language or more, a kind, its days (ends_on not before starts_on)",
    request_body(content = ref("#/components/schemas/EventInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Event"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn create_api(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<EventInput>,
) -> Result<Response, AppError> {
    let event = cases::create(&state, &v.acting(), &input).await?;
    Ok((StatusCode::CREATED, Json(event)).into_response())
}

#[utoipa::path(
    get,
    path = "/events.ics",
    tag = "events",
    summary = "Every event as an iCalendar file (the secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Ics"), content_type = "text/calendar")),
    security(("bearer" = []), ("session" = [])),
)]
async fn ical_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let body = cases::ical::all(&state, &v.acting(), v.lang).await?;
    Ok(ics("events.ics", body))
}

#[utoipa::path(
    get,
    path = "/cities/{slug}/events.ics",
    tag = "events",
    summary = "The events a city is asked about or represents the Commission at, as an iCalendar file (its editors and the secretariat; 404 to anyone else)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Ics"), content_type = "text/calendar")),
    security(("bearer" = []), ("session" = [])),
)]
async fn city_ical_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let body = cases::ical::of_city(&state, &v.acting(), &slug, v.lang).await?;
    Ok(ics(&format!("events-{slug}.ics"), body))
}

#[utoipa::path(
    get,
    path = "/events/waiting",
    tag = "events",
    summary = "The availability requests of the caller's cities still waiting for an answer, soonest deadline first",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/RequestItems"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn waiting_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::waiting_for_answer(&state, &v.acting()).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/events/unanswered",
    tag = "events",
    summary = "Every availability request without an answer, by deadline (the secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/RequestItems"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn unanswered_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::unanswered_requests(&state, &v.acting()).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/events/reminders",
    tag = "events",
    summary = "Email the editors of each city whose unanswered request is due within three days (the secretariat); a request is reminded once a day at most",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Reminded"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn remind_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let today = chrono::Utc::now().date_naive();
    Ok(Json(cases::reminders::send(&state, &v.acting(), today).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/events/{id}",
    tag = "events",
    summary = "An event with the availability requests and answers the caller may see (the secretariat: all; a city's editors: their city's) and its confirmed representatives (public once past, before that to the network's members)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/EventView"))),
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
    path = "/events/{id}",
    tag = "events",
    summary = "Change an event (the secretariat) with the revision the change was made on (409 changed_meanwhile)",
    request_body(content = ref("#/components/schemas/EventForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Event"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn update_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<EventForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::update(&state, &v.acting(), id, &form).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/events/{id}/requests",
    tag = "events",
    summary = "Ask current Leading Cities for their political leaders' availability, by a deadline between today and the event's first day (the secretariat); cities already asked are left as they were",
    request_body(content = ref("#/components/schemas/AskForm"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Asked"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn ask_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<AskForm>,
) -> Result<Response, AppError> {
    let asked = cases::ask(&state, &v.acting(), id, &form).await?;
    Ok((StatusCode::CREATED, Json(asked)).into_response())
}

#[utoipa::path(
    put,
    path = "/events/{id}/requests/{request}/answer",
    tag = "events",
    summary = "A city's answer (its editors) until the deadline's day (409 deadline_passed after it), with the request's revision (409 changed_meanwhile); 404 to whoever may not see the request",
    request_body(content = ref("#/components/schemas/AnswerForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Request"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn answer_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, request)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<AnswerForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::answer(&state, &v.acting(), id, request, &form).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/events/{id}/requests/{request}/reopen",
    tag = "events",
    summary = "Give a request a new deadline so that the city may answer again (the secretariat)",
    request_body(content = ref("#/components/schemas/ReopenForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Request"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn reopen_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, request)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<ReopenForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::reopen(&state, &v.acting(), id, request, &form).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/events/{id}/representatives",
    tag = "events",
    summary = "Confirm who represents the Commission at the event for a city (the secretariat)",
    request_body(content = ref("#/components/schemas/RepresentationInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Representative"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn confirm_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<RepresentationInput>,
) -> Result<Response, AppError> {
    let representative = cases::confirm(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(representative)).into_response())
}

#[utoipa::path(
    delete,
    path = "/events/{id}/representatives/{representative}",
    tag = "events",
    summary = "Withdraw a confirmed representative (the secretariat)",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
async fn withdraw_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, representative)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    cases::withdraw(&state, &v.acting(), id, representative).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
