//! The outbox: every email the platform wrote, newest first, with what became of it (kept in the
//! outbox only, being sent, sent, or failed and why).

use crate::AppState;
use crate::error::AppError;
use crate::layout;
use crate::viewer::Viewer;
use ateneu_domain::permissions::Action;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

pub async fn page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require(Action::ViewOutbox)?;
    let mails = state
        .mailer
        .list()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let lead = if state.mailer.sends_smtp() {
        "outbox-lead-smtp"
    } else {
        "outbox-lead"
    };
    let body = html! {
        h1 { (v.t("outbox-title")) }
        p.lead { (v.t(lead)) }
        @if mails.is_empty() { p.muted { (v.t("outbox-empty")) } }
        @for m in &mails {
            section.panel {
                h2 { (m.subject) }
                p.muted {
                    (v.t("mail-to")) " " (m.to) " · " (m.date) " · "
                    @let status = m.delivery.as_str();
                    span class={ "delivery delivery-" (status) } { (v.t(&format!("delivery-{status}"))) }
                }
                @if let Some(error) = &m.delivery_error { p.error { (error) } }
                pre.mail { (m.body) }
            }
        }
    };
    Ok(layout::page(&state, &v, &v.t("outbox-title"), body).into_response())
}

#[utoipa::path(
    get,
    path = "/admin/outbox",
    tag = "admin",
    summary = "Every email written to the outbox, with its delivery status (platform admin)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/OutboxList"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require(Action::ViewOutbox)?;
    Ok(Json(
        state
            .mailer
            .list()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?,
    )
    .into_response())
}
