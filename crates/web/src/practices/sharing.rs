//! Sharing published practices on social media, for the secretariat: a practice's share kit
//! (the text to copy in each language, its dissemination log, the form that records a post) and
//! the list of Leading Cities' practices not shared for two months; their JSON API. The use cases
//! are `ateneu_app::practices::sharing`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, Field, csrf_field};
use crate::viewer::Viewer;
use ateneu_app::practices::sharing::{self as cases, Kit};
use ateneu_domain::programmes::outputs::{Channel, DisseminationInput};
use ateneu_domain::{FieldErrors, Lang};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde_json::json;

/// How many due practices the list shows.
const DUE_SHOWN: usize = 200;

fn kit_page(
    state: &AppState,
    v: &Viewer,
    kit: &Kit,
    input: &DisseminationInput,
    errors: &FieldErrors,
) -> Markup {
    let title = v.tf("sharing-title", &[("title", kit.title.clone().into())]);
    let channels: Vec<(String, String)> = Channel::ALL
        .iter()
        .map(|c| (c.key().to_owned(), v.t(&format!("channel-{}", c.key()))))
        .collect();
    let mut langs = vec![(String::new(), String::new())];
    langs.extend(
        Lang::ALL
            .iter()
            .map(|l| (l.code().to_owned(), l.native_name().to_owned())),
    );
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("sharing-lead")) }
        p { a href=(v.href(&format!("/practices/{}", kit.slug))) { (kit.title) } " · " a href=(v.href("/sharing")) { (v.t("sharing-due-title")) } }
        @for post in &kit.posts {
            @let (lang, text) = (post.lang, &post.text);
            div.field {
                label for={ "post-" (lang.code()) } { (v.tf("sharing-post", &[("lang", lang.native_name().into())])) }
                textarea id={ "post-" (lang.code()) } lang=(lang.code()) readonly rows="3" { (text) }
            }
        }
        h2 { (v.t("sharing-log")) }
        @if kit.log.is_empty() { p.muted { (v.t("sharing-never")) } }
        ul { @for d in &kit.log {
            li { (d.draft.on) " · " (v.t(&format!("channel-{}", d.draft.channel.key())))
                @if let Some(lang) = d.draft.lang { " · " (lang.native_name()) }
                @if let Some(link) = &d.draft.link { " · " a href=(link) rel="external noopener" { (link) } }
                @if !d.draft.note.is_empty() { " — " (d.draft.note) } }
        } }
        h2 { (v.t("sharing-record")) }
        (layout::form_errors(v, errors))
        form.form method="post" action=(v.href(&format!("/practices/{}/sharing", kit.slug))) novalidate {
            (csrf_field(v))
            (layout::select(v, "channel", &v.t("output-channel"), &channels, &input.channel, errors))
            (Field::new("on", v.t("output-on"), &input.on).kind("date").required().render(v, errors))
            (Field::new("link", v.t("output-link"), &input.link).kind("url").render(v, errors))
            (layout::select(v, "lang", &v.t("output-lang"), &langs, &input.lang, errors))
            (Field::new("note", v.t("output-note"), &input.note).render(v, errors))
            div.actions { button.button type="submit" { (v.t("sharing-record")) } }
        }
    };
    layout::page(state, v, &title, body)
}

pub(super) async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let kit = cases::kit(&state, &v.acting(), &slug, v.lang).await?;
    let input = DisseminationInput {
        on: chrono::Utc::now().date_naive().to_string(),
        ..Default::default()
    };
    Ok(kit_page(&state, &v, &kit, &input, &FieldErrors::new()).into_response())
}

pub(super) async fn record_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(input): Form<DisseminationInput>,
) -> Result<Response, AppError> {
    match cases::record(&state, &v.acting(), &slug, &input).await {
        Ok(_) => Ok(Redirect::to(&v.href(&format!("/practices/{slug}/sharing"))).into_response()),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let kit = cases::kit(&state, &v.acting(), &slug, v.lang).await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                kit_page(&state, &v, &kit, &input, &errors),
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn due_page(
    State(state): State<AppState>,
    v: Viewer,
) -> Result<Response, AppError> {
    let due = cases::due(&state, &v.acting(), v.lang, DUE_SHOWN).await?;
    let title = v.t("sharing-due-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("sharing-due-lead")) }
        @if due.is_empty() { p { (v.t("sharing-due-none")) } } @else {
            table {
                thead { tr { th scope="col" { (v.t("sharing-practice")) } th scope="col" { (v.t("sharing-cities")) } th scope="col" { (v.t("sharing-last")) } } }
                tbody { @for d in &due {
                    tr {
                        td { a href=(v.href(&format!("/practices/{}/sharing", d.slug))) { (d.title) } }
                        td { (d.cities.join(", ")) }
                        td { @match d.last_shared { Some(day) => (day), None => (v.t("sharing-never")) } }
                    }
                } }
            }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

#[utoipa::path(
    get,
    path = "/practices/{id}/sharing",
    tag = "practices",
    summary = "A published practice's share kit: the text of a post in each language, and its dissemination log (the Committee's secretariat); `id` is the practice's slug",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/PracticeSharing"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn kit_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::kit(&state, &v.acting(), &slug, v.lang).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/practices/{id}/sharing",
    tag = "practices",
    summary = "Record a post of a published practice in its dissemination log: channel, day (not in the future), link, language (the Committee's secretariat); `id` is the practice's slug",
    request_body(content = ref("#/components/schemas/DisseminationInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Dissemination"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn record_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<DisseminationInput>,
) -> Result<Response, AppError> {
    let entry = cases::record(&state, &v.acting(), &slug, &input).await?;
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}

#[utoipa::path(
    get,
    path = "/sharing/due",
    tag = "practices",
    summary = "The published practices of today's Leading Cities not shared for two months, never shared first (the Committee's secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SharingDue"))),
    security(("bearer" = []), ("session" = [])),
)]
pub(super) async fn due_api(
    State(state): State<AppState>,
    v: Viewer,
) -> Result<Response, AppError> {
    let items = cases::due(&state, &v.acting(), v.lang, DUE_SHOWN).await?;
    Ok(Json(json!({ "items": items })).into_response())
}
