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
use axum::routing::{delete, get, post, put};

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
        .route("/events", get(calendar_api).post(create_api))
        .route("/events.ics", get(ical_api))
        .route("/events/waiting", get(waiting_api))
        .route("/events/unanswered", get(unanswered_api))
        .route("/events/reminders", post(remind_api))
        .route("/events/{id}", get(detail_api).put(update_api))
        .route("/events/{id}/requests", post(ask_api))
        .route("/events/{id}/requests/{request}/answer", put(answer_api))
        .route("/events/{id}/requests/{request}/reopen", post(reopen_api))
        .route("/events/{id}/representatives", post(confirm_api))
        .route(
            "/events/{id}/representatives/{representative}",
            delete(withdraw_api),
        )
        .route("/cities/{slug}/events.ics", get(city_ical_api))
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

async fn calendar_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::calendar(&state, &v.acting()).await?).into_response())
}

async fn create_api(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<EventInput>,
) -> Result<Response, AppError> {
    let event = cases::create(&state, &v.acting(), &input).await?;
    Ok((StatusCode::CREATED, Json(event)).into_response())
}

async fn ical_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let body = cases::ical::all(&state, &v.acting(), v.lang).await?;
    Ok(ics("events.ics", body))
}

async fn city_ical_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let body = cases::ical::of_city(&state, &v.acting(), &slug, v.lang).await?;
    Ok(ics(&format!("events-{slug}.ics"), body))
}

async fn waiting_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::waiting_for_answer(&state, &v.acting()).await?).into_response())
}

async fn unanswered_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::unanswered_requests(&state, &v.acting()).await?).into_response())
}

async fn remind_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let today = chrono::Utc::now().date_naive();
    Ok(Json(cases::reminders::send(&state, &v.acting(), today).await?).into_response())
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
    ApiJson(form): ApiJson<EventForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::update(&state, &v.acting(), id, &form).await?).into_response())
}

async fn ask_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<AskForm>,
) -> Result<Response, AppError> {
    let asked = cases::ask(&state, &v.acting(), id, &form).await?;
    Ok((StatusCode::CREATED, Json(asked)).into_response())
}

async fn answer_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, request)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<AnswerForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::answer(&state, &v.acting(), id, request, &form).await?).into_response())
}

async fn reopen_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, request)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<ReopenForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::reopen(&state, &v.acting(), id, request, &form).await?).into_response())
}

async fn confirm_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<RepresentationInput>,
) -> Result<Response, AppError> {
    let representative = cases::confirm(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(representative)).into_response())
}

async fn withdraw_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, representative)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    cases::withdraw(&state, &v.acting(), id, representative).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
