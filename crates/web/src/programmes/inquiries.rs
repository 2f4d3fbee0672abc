//! A programme's inquiries on the web: their page (each with its status and answer; the
//! sending form for the city's editors; the answering form, with its revision, for the
//! secretariat), and the same in the JSON API. The use cases are
//! `ateneu_app::programmes::inquiries`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::programmes::inquiries::{self as cases, InquiriesView, ReplyForm};
use ateneu_domain::FieldErrors;
use ateneu_domain::programmes::inquiries::{InquiryInput, InquiryStatus};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/programmes/{id}/inquiries", get(list).post(send))
        .route("/programmes/{id}/inquiries/{inquiry}", post(reply))
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(list_api, send_api))
        .documented(routes!(reply_api))
}

/// An inquiry's status in the reader's words.
pub fn status_label(v: &Viewer, status: InquiryStatus) -> String {
    v.t(&format!("inquiry-status-{}", status.key()))
}

/// What the page shows besides the inquiries: a refused inquiry or answer.
#[derive(Default)]
struct Shown {
    sent: Option<(InquiryInput, FieldErrors)>,
    reply: Option<(i64, ReplyForm, FieldErrors)>,
}

fn page(state: &AppState, v: &Viewer, view: &InquiriesView, shown: &Shown) -> Markup {
    let base = format!("/programmes/{}", view.programme_id);
    let empty = FieldErrors::new();
    let (input, errors) = match &shown.sent {
        Some((input, errors)) => (input.clone(), errors),
        None => (InquiryInput::default(), &empty),
    };
    let statuses: Vec<(String, String)> = InquiryStatus::ALL
        .iter()
        .map(|s| (s.key().to_owned(), status_label(v, *s)))
        .collect();
    let title = v.t("inquiries-title");
    let body = html! {
        p { a href=(v.href(&base)) { "← " (v.t("programme-back")) } " · " span.badge { (v.t("visibility-confidential")) } }
        h1 { (title) }
        p.lead { (v.t("inquiries-lead")) }
        @if view.may_ask {
            details open[shown.sent.is_some()] {
                summary { (v.t("inquiry-send")) }
                (form_errors(v, errors))
                form.form method="post" action=(v.href(&format!("{base}/inquiries"))) novalidate {
                    (csrf_field(v))
                    (Field::new("subject", v.t("inquiry-subject"), &input.subject).required().render(v, errors))
                    (Field::new("message", v.t("inquiry-message"), &input.message).kind("textarea").required().render(v, errors))
                    div.actions { button.button type="submit" { (v.t("inquiry-send")) } }
                }
            }
        }
        @if view.inquiries.is_empty() { p.muted { (v.t("inquiries-none")) } }
        @for inquiry in &view.inquiries {
            article.card id={ "inquiry-" (inquiry.id) } {
                h2 { (inquiry.subject) " " span.badge { (status_label(v, inquiry.status)) } }
                p.muted { (inquiry.asked_by) " · " (inquiry.asked_at.format("%Y-%m-%d %H:%M UTC")) }
                p { (inquiry.message) }
                @if !inquiry.answer.is_empty() {
                    h3 { (v.t("inquiry-answer")) }
                    p { (inquiry.answer) }
                    @if let (Some(by), Some(at)) = (&inquiry.answered_by, inquiry.answered_at) {
                        p.muted { (by) " · " (at.format("%Y-%m-%d %H:%M UTC")) }
                    }
                }
                @if view.may_answer {
                    @let refused = shown.reply.as_ref().filter(|(id, _, _)| *id == inquiry.id);
                    @let (form, reply_errors) = match refused {
                        Some((_, form, errors)) => (form.clone(), errors),
                        None => (ReplyForm { revision: inquiry.revision.to_string(), status: InquiryStatus::Answered.key().to_owned(), answer: inquiry.answer.clone() }, &empty),
                    };
                    @let scope = format!("inquiry-{}", inquiry.id);
                    details open[refused.is_some()] {
                        summary { (v.t("inquiry-reply")) }
                        (layout::form_errors_in(v, Some(&scope), reply_errors))
                        form.form method="post" action=(v.href(&format!("{base}/inquiries/{}", inquiry.id))) novalidate {
                            (csrf_field(v))
                            input type="hidden" name="revision" value=(if reply_errors.get("revision").is_some() { inquiry.revision.to_string() } else { form.revision.clone() });
                            (Field::new("answer", v.t("inquiry-answer"), &form.answer).kind("textarea").scope(&scope).render(v, reply_errors))
                            (layout::select_in(v, Some(&scope), "status", &v.t("programme-status"), &statuses, &form.status, reply_errors))
                            div.actions { button.button type="submit" { (v.t("save")) } }
                        }
                    }
                }
            }
        }
    };
    layout::page(state, v, &title, body)
}

async fn render(
    state: &AppState,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    shown: &Shown,
) -> Result<Response, AppError> {
    let view = cases::of_programme(state, &v.acting(), id).await?;
    Ok((status, page(state, v, &view, shown)).into_response())
}

async fn list(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&state, &v, id, StatusCode::OK, &Shown::default()).await
}

async fn send(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<InquiryInput>,
) -> Result<Response, AppError> {
    match cases::send(&state, &v.acting(), id, &input).await {
        Ok(inquiry) => Ok(redirect(&v.href(&format!(
            "/programmes/{id}/inquiries#inquiry-{}",
            inquiry.id
        )))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let shown = Shown {
                sent: Some((input, errors)),
                ..Shown::default()
            };
            render(&state, &v, id, StatusCode::UNPROCESSABLE_ENTITY, &shown).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn reply(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, inquiry)): Path<(i64, i64)>,
    Form(form): Form<ReplyForm>,
) -> Result<Response, AppError> {
    let (status, errors) = match cases::reply(&state, &v.acting(), id, inquiry, &form).await {
        Ok(_) => {
            return Ok(redirect(
                &v.href(&format!("/programmes/{id}/inquiries#inquiry-{inquiry}")),
            ));
        }
        Err(ateneu_app::Error::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        Err(ateneu_app::Error::Conflict(problem)) => {
            let mut errors = FieldErrors::new();
            errors.add("revision", problem);
            (StatusCode::CONFLICT, errors)
        }
        Err(other) => return Err(other.into()),
    };
    let shown = Shown {
        reply: Some((inquiry, form, errors)),
        ..Shown::default()
    };
    render(&state, &v, id, status, &shown).await
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/inquiries",
    tag = "programmes",
    summary = "The city's inquiries to the secretariat about the programme, newest first, with their answers",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/InquiriesView"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn list_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::of_programme(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/inquiries",
    tag = "programmes",
    summary = "Send the secretariat an inquiry (the city's editors, or the secretariat recording one): it starts open",
    request_body(content = ref("#/components/schemas/InquiryInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Inquiry"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn send_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<InquiryInput>,
) -> Result<Response, AppError> {
    let inquiry = cases::send(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(inquiry)).into_response())
}

#[utoipa::path(
    put,
    path = "/programmes/{id}/inquiries/{inquiry}",
    tag = "programmes",
    summary = "Answer, reopen or close an inquiry (the secretariat) on the revision it was read on (409 changed_meanwhile otherwise); an answered inquiry has its answer",
    request_body(content = ref("#/components/schemas/ReplyForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Inquiry"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn reply_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, inquiry)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<ReplyForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::reply(&state, &v.acting(), id, inquiry, &form).await?).into_response())
}
