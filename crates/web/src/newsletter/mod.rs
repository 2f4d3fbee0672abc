//! The newsletter's subscriptions on the web and in the JSON API: the public form, the pages a
//! subscriber's link opens (confirm, unsubscribe), the one-click unsubscription mail programs
//! post to (RFC 8058), and the secretariat's page with the counts, the export and the import.
//! The use cases are `ateneu_app::newsletter`. Its issues are in `issues` (the secretariat's
//! pages), `issues_api` and `archive` (public).

mod archive;
mod issues;
mod issues_api;

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Multipart, OpenForm, OpenJson, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::registry_files::csv_response;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::newsletter::{self as cases, Counts, LinkState};
use ateneu_domain::newsletter::{COLUMNS, Interest, Status, SubscriptionInput};
use ateneu_domain::{FieldErrors, Lang, Problem, ProblemKey};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::json;
use utoipa_axum::routes;

/// The largest list imported at once (50,000 subscribers is about 4 MB).
const MAX_LIST: usize = 32 * 1024 * 1024;

pub fn routes() -> Routes {
    issues::routes(Routes::new())
        .route("/newsletter/archive", get(archive::list_page))
        .route("/newsletter/archive.atom", get(archive::feed))
        .route("/newsletter/archive/{id}", get(archive::issue_page))
        .route("/newsletter", get(form_page).post(subscribe_page))
        .route(
            "/newsletter/confirm/{token}",
            get(confirm_page).post(confirm_link),
        )
        .route(
            "/newsletter/unsubscribe/{token}",
            get(unsubscribe_page).post(unsubscribe_link),
        )
        .route("/newsletter/subscribers", get(subscribers_page))
        .route(
            "/newsletter/subscribers/import",
            post(import_upload).layer(axum::extract::DefaultBodyLimit::max(MAX_LIST)),
        )
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(subscribe_api))
        .documented(routes!(one_click_unsubscribe))
        .documented(routes!(counts_api))
        .documented(routes!(export_api))
        .documented_with_limit(routes!(import_api), MAX_LIST)
        .documented(routes!(issues_api::candidates))
        .documented(routes!(issues_api::list, issues_api::create))
        .documented(routes!(
            issues_api::read,
            issues_api::update,
            issues_api::delete
        ))
        .documented(routes!(issues_api::preview))
        .documented(routes!(issues_api::send))
        .documented(routes!(issues_api::archive))
        .documented(routes!(issues_api::archived))
}

/// The form as a browser sends it: one checkbox per interest.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SubscribeForm {
    email: String,
    lang: String,
    interest_programmes: Option<String>,
    interest_practices: Option<String>,
    interest_events: Option<String>,
}

impl SubscribeForm {
    fn input(&self) -> SubscriptionInput {
        let ticked = [
            (Interest::Programmes, &self.interest_programmes),
            (Interest::Practices, &self.interest_practices),
            (Interest::Events, &self.interest_events),
        ];
        SubscriptionInput {
            email: self.email.clone(),
            lang: self.lang.clone(),
            interests: ticked
                .iter()
                .filter(|(_, given)| given.is_some())
                .map(|(interest, _)| interest.key().to_owned())
                .collect(),
        }
    }
}

fn interest_label(v: &Viewer, interest: Interest) -> String {
    v.t(&format!("newsletter-interest-{}", interest.key()))
}

fn form(v: &Viewer, input: &SubscriptionInput, errors: &FieldErrors) -> Markup {
    let langs: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect();
    html! {
        (form_errors(v, errors))
        form.form method="post" action=(v.href("/newsletter")) novalidate {
            (csrf_field(v))
            (Field::new("email", v.t("newsletter-email"), &input.email).kind("email").required().render(v, errors))
            (layout::select(v, "lang", &v.t("newsletter-lang"), &langs, &input.lang, errors))
            fieldset #f-interests aria-describedby=[errors.0.contains_key("interests").then_some("f-interests-error")] {
                legend { (v.t("newsletter-interests")) }
                @if let Some(problem) = errors.0.get("interests") {
                    p.error #f-interests-error { (v.problem(problem)) }
                }
                @for interest in Interest::ALL {
                    label {
                        input type="checkbox" name={ "interest_" (interest.key()) } value="on"
                            checked[input.interests.iter().any(|i| i == interest.key())];
                        " " (interest_label(v, interest))
                    }
                }
            }
            p.hint { (v.t("newsletter-privacy")) }
            div.actions { button.button type="submit" { (v.t("newsletter-subscribe")) } }
        }
    }
}

fn form_response(
    state: &AppState,
    v: &Viewer,
    input: &SubscriptionInput,
    errors: &FieldErrors,
) -> Markup {
    let title = v.t("newsletter-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("newsletter-lead")) }
        p { a href=(v.href("/newsletter/archive")) { (v.t("newsletter-archive-title")) } }
        (form(v, input, errors))
    };
    layout::page(state, v, &title, body)
}

async fn form_page(State(state): State<AppState>, v: Viewer) -> Response {
    let input = SubscriptionInput::blank(v.lang);
    form_response(&state, &v, &input, &FieldErrors::new()).into_response()
}

/// What every request answers, whether the address was new, waiting or already subscribed.
fn requested_page(state: &AppState, v: &Viewer) -> Markup {
    let title = v.t("newsletter-requested-title");
    let body = html! {
        h1 { (title) }
        div.flash.success role="status" { p { (v.t("newsletter-requested")) } }
    };
    layout::page(state, v, &title, body)
}

async fn subscribe_page(
    State(state): State<AppState>,
    v: Viewer,
    OpenForm(given): OpenForm<SubscribeForm>,
) -> Result<Response, AppError> {
    let input = given.input();
    match cases::subscribe(&state, &input).await {
        Ok(()) => Ok(requested_page(&state, &v).into_response()),
        Err(ateneu_app::Error::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            form_response(&state, &v, &input, &errors),
        )
            .into_response()),
        Err(other) => Err(other.into()),
    }
}

/// A page a subscriber's link opens: where the subscription stands, and the button that acts
/// (a page, not the link itself, so that a mail scanner following links changes nothing).
fn link_page(state: &AppState, v: &Viewer, token: &str, action: &str, link: &LinkState) -> Markup {
    let (title, lead, button, done) = if action == "confirm" {
        (
            v.t("newsletter-confirm-title"),
            v.t("newsletter-confirm-lead"),
            v.t("newsletter-confirm-button"),
            link.status == Status::Confirmed,
        )
    } else {
        (
            v.t("newsletter-unsubscribe-title"),
            v.t("newsletter-unsubscribe-lead"),
            v.t("newsletter-unsubscribe-button"),
            link.status == Status::Unsubscribed,
        )
    };
    let body = html! {
        h1 { (title) }
        @if done {
            div.flash.success role="status" { p { (v.t(&format!("newsletter-now-{}", link.status.key()))) } }
        } @else {
            p.lead { (lead) }
            form.form method="post" action=(v.href(&format!("/newsletter/{action}/{token}"))) {
                (csrf_field(v))
                div.actions { button.button type="submit" { (button) } }
            }
        }
    };
    layout::page(state, v, &title, body)
}

async fn confirm_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let link = cases::link_state(&state, &token).await?;
    Ok(link_page(&state, &v, &token, "confirm", &link).into_response())
}

async fn confirm_link(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let link = cases::confirm(&state, &token).await?;
    Ok(link_page(&state, &v, &token, "confirm", &link).into_response())
}

async fn unsubscribe_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let link = cases::link_state(&state, &token).await?;
    Ok(link_page(&state, &v, &token, "unsubscribe", &link).into_response())
}

async fn unsubscribe_link(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let link = cases::unsubscribe(&state, &token).await?;
    Ok(link_page(&state, &v, &token, "unsubscribe", &link).into_response())
}

fn subscribers_body(v: &Viewer, counts: &Counts) -> Markup {
    html! {
        p.lead { (v.tf("newsletter-subscribers-lead", &[("total", counts.total.into())])) }
        table {
            caption { (v.t("newsletter-counts")) }
            thead { tr {
                th scope="col" { (v.t("newsletter-status")) }
                @for lang in Lang::ALL { th scope="col" { (lang.native_name()) } }
                th scope="col" { (v.t("newsletter-all-languages")) }
            } }
            tbody {
                @for status in Status::ALL {
                    tr {
                        th scope="row" { (v.t(&format!("newsletter-status-{}", status.key()))) }
                        @for lang in Lang::ALL { td { (counts.of(status, lang)) } }
                        td { (counts.of_status(status)) }
                    }
                }
            }
        }
        p { a href="/api/v1/newsletter/subscribers.csv" download="subscribers.csv" { (v.t("newsletter-export")) } }
    }
}

fn subscribers_response(
    state: &AppState,
    v: &Viewer,
    counts: &Counts,
    outcome: Option<Result<ateneu_app::ImportSummary, &AppError>>,
) -> Markup {
    let title = v.t("newsletter-subscribers-title");
    let body = html! {
        h1 { (title) }
        @match outcome {
            Some(Ok(done)) => div.flash.success role="status" {
                (v.tf("newsletter-import-done", &[("created", done.created.into()), ("updated", done.updated.into()), ("unchanged", done.unchanged.into())]))
            },
            Some(Err(error)) => div.flash.error role="alert" {
                p { strong { (v.problem(&error.problem())) } }
                @if let AppError::Lines(lines) = error { (layout::line_errors(state, v.lang, lines)) }
            },
            None => {},
        }
        p {
            a.button href=(v.href("/newsletter/issues")) { (v.t("newsletter-issues-title")) }
            " " a.button href=(v.href("/banners")) { (v.t("banners-title")) }
            " " a.button href=(v.href("/sharing")) { (v.t("sharing-due-title")) }
        }
        (subscribers_body(v, counts))
        h2 { (v.t("newsletter-import")) }
        form.form method="post" action={ (v.href("/newsletter/subscribers/import")) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
            (csrf_field(v))
            (layout::csv_file_field(&v.t("newsletter-import-file"), html! { (v.t("newsletter-import-hint")) " " code { (COLUMNS.join(",")) } }))
            div.actions { button.button type="submit" { (v.t("import-submit")) } }
        }
    };
    layout::page(state, v, &title, body)
}

async fn subscribers_page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let counts = cases::counts(&state, &v.acting()).await?;
    Ok(subscribers_response(&state, &v, &counts, None).into_response())
}

async fn import_upload(
    State(state): State<AppState>,
    v: Viewer,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not import is told so before the file is read.
    cases::require_keeper(&state, &v.acting())?;
    let file = multipart?.file("file").await?;
    let outcome = match Some(file).filter(|b| !b.is_empty()) {
        None => Err(AppError::BadRequest(Problem::new(ProblemKey::NotAFile))),
        Some(bytes) => cases::import(&state, &v.acting(), &bytes)
            .await
            .map_err(AppError::from),
    };
    let counts = cases::counts(&state, &v.acting()).await?;
    match outcome {
        Ok(done) => Ok(subscribers_response(&state, &v, &counts, Some(Ok(done))).into_response()),
        Err(error @ (AppError::Lines(_) | AppError::BadRequest(_))) => Ok((
            error.status(),
            subscribers_response(&state, &v, &counts, Some(Err(&error))),
        )
            .into_response()),
        Err(other) => Err(other),
    }
}

#[utoipa::path(
    post,
    path = "/newsletter/subscriptions",
    tag = "newsletter",
    summary = "Ask to receive the newsletter (anyone): a confirmation link is emailed, and nothing else is sent before it is followed; the answer is the same whether the address was new, waiting or already subscribed",
    request_body(content = ref("#/components/schemas/SubscriptionInput"), content_type = "application/json"),
    responses((status = 202, description = "Success", body = ref("#/components/schemas/SubscriptionRequested"))),
)]
async fn subscribe_api(
    State(state): State<AppState>,
    OpenJson(input): OpenJson<SubscriptionInput>,
) -> Result<Response, AppError> {
    cases::subscribe(&state, &input).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({"status": "confirmation_sent"})),
    )
        .into_response())
}

/// RFC 8058: a mail program posts `List-Unsubscribe=One-Click` here, without cookies.
#[utoipa::path(
    post,
    path = "/newsletter/unsubscribe/{token}",
    tag = "newsletter",
    summary = "Unsubscribe in one click (RFC 8058: what mail programs post to the List-Unsubscribe address of every issue); the body is not read",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterLinkState"))),
)]
async fn one_click_unsubscribe(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::unsubscribe(&state, &token).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/newsletter/subscribers",
    tag = "newsletter",
    summary = "How many subscribers there are, per state and language (the secretariat); no address",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NewsletterCounts"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn counts_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::counts(&state, &v.acting()).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/newsletter/subscribers.csv",
    tag = "newsletter",
    summary = "Every subscriber as CSV (the secretariat): the import's columns, then the state and its dates",
    responses((status = 200, description = "Success", body = String, content_type = "text/csv")),
    security(("bearer" = []), ("session" = [])),
)]
async fn export_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let bytes = cases::export(&state, &v.acting()).await?;
    Ok(csv_response("subscribers.csv", bytes))
}

#[utoipa::path(
    post,
    path = "/newsletter/subscribers/import",
    tag = "newsletter",
    summary = "Import a list of subscribers who consented elsewhere (text/csv body: email, lang, interests, consent), the whole file or nothing; an address that left is never subscribed again (the secretariat)",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ImportResult"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn import_api(
    State(state): State<AppState>,
    v: Viewer,
    bytes: Bytes,
) -> Result<Response, AppError> {
    Ok(Json(cases::import(&state, &v.acting(), &bytes).await?).into_response())
}
