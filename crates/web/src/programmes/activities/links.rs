//! The records an activity produces, on the web: the section of its page listing the linked
//! assessments (with their report once closed) and practices the reader may see, with the
//! form to link one of the city's records and to remove a link for the programme's managers;
//! and the same in the JSON API.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, csrf_field};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::programmes::activities::ActivityView;
use ateneu_app::programmes::activities::links::{self as cases, Record};
use ateneu_domain::programmes::activities::links::{LinkInput, RecordKind};
use ateneu_domain::{FieldErrors, TranslatedText};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

/// A record kind in the reader's words.
fn kind_label(v: &Viewer, kind: RecordKind) -> String {
    v.t(&format!("link-kind-{}", kind.key()))
}

/// A practice's title in the reader's language (its slug if it has none).
fn practice_title(v: &Viewer, title: &Option<TranslatedText>, slug: &str) -> String {
    title
        .as_ref()
        .map_or_else(|| slug.to_owned(), |t| t.show(v.lang).text.to_owned())
}

/// A linked record's title and link, as the reader is shown it.
fn record(v: &Viewer, record: &Record) -> Markup {
    match record {
        Record::Assessment {
            id,
            title,
            has_report,
            ..
        } => html! {
            (kind_label(v, RecordKind::Assessment)) ": "
            a href=(v.href(&format!("/assessments/{id}"))) { (title) }
            @if *has_report { " · " a href=(v.href(&format!("/assessments/{id}/report"))) { (v.t("link-report")) } }
        },
        Record::Practice { slug, title, .. } => html! {
            (kind_label(v, RecordKind::Practice)) ": "
            a href=(v.href(&format!("/practices/{slug}"))) { (practice_title(v, title, slug)) }
        },
    }
}

/// The option a record is in the link form.
fn choice(v: &Viewer, record: &Record) -> (String, String) {
    let (kind, id) = record.key();
    let title = match record {
        Record::Assessment { title, .. } => title.clone(),
        Record::Practice { title, slug, .. } => practice_title(v, title, slug),
    };
    (
        format!("{}:{id}", kind.key()),
        format!("{}: {title}", kind_label(v, kind)),
    )
}

/// The records section of an activity's page, with the records its managers may link
/// (`cases::choices`) and, when the link form was refused, the record chosen and its problems;
/// none for an activity that links nothing.
pub fn section(
    v: &Viewer,
    view: &ActivityView,
    link_choices: &[Record],
    adding: Option<(&str, &FieldErrors)>,
) -> Markup {
    if view.linkable.is_empty() {
        return html! {};
    }
    let base = format!(
        "/programmes/{}/activities/{}/links",
        view.programme.id, view.activity.id
    );
    let empty = FieldErrors::new();
    let (chosen, errors) = adding.unwrap_or(("", &empty));
    let mut options = vec![(String::new(), v.t("link-choose"))];
    options.extend(link_choices.iter().map(|r| choice(v, r)));
    html! {
        section #records {
            h2 { (v.t("links-title")) }
            p.muted { (v.t("links-hint")) }
            @if view.links.is_empty() { p.muted { (v.t("links-none")) } }
            @else { ul { @for linked in &view.links { li {
                (record(v, &linked.record))
                @if view.rights.may_manage {
                    form.inline method="post" action=(v.href(&format!("{base}/{}/remove", linked.link_id))) {
                        (csrf_field(v))
                        button.button.secondary type="submit" { (v.t("link-remove")) }
                    }
                }
            } } } }
            @if view.rights.may_manage {
                details open[adding.is_some()] {
                    summary { (v.t("link-add")) }
                    (layout::form_errors_in(v, Some("link"), errors))
                    @if link_choices.is_empty() { p.muted { (v.t("link-nothing-to-add")) } }
                    // A refused form keeps its field (the problems' summary points to it).
                    @if !link_choices.is_empty() || adding.is_some() {
                        form.form method="post" action=(v.href(&base)) novalidate {
                            (csrf_field(v))
                            (layout::select_in(v, Some("link"), "record", &v.t("link-record"), &options, chosen, errors))
                            div.actions { button.button type="submit" { (v.t("add")) } }
                        }
                    }
                }
            }
        }
    }
}

/// The link form's one field: `kind:id`, as the select sends it.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct LinkChoice {
    record: String,
}

impl LinkChoice {
    fn input(&self) -> LinkInput {
        let (kind, record) = self.record.split_once(':').unwrap_or(("", ""));
        LinkInput {
            kind: kind.to_owned(),
            record: record.to_owned(),
        }
    }
}

fn records_href(v: &Viewer, id: i64, activity: i64) -> String {
    v.href(&format!("/programmes/{id}/activities/{activity}#records"))
}

pub async fn add(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
    Form(choice): Form<LinkChoice>,
) -> Result<Response, AppError> {
    match cases::add(&state, &v.acting(), id, activity, &choice.input()).await {
        Ok(_) => Ok(redirect(&records_href(&v, id, activity))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            // One field on the page: whatever was wrong is said on it.
            let mut on_record = FieldErrors::new();
            for (_, problem) in errors.iter() {
                on_record.add("record", problem.clone());
            }
            super::answer(
                &state,
                &v,
                (id, activity),
                StatusCode::UNPROCESSABLE_ENTITY,
                super::Shown {
                    linking: Some((&choice.record, &on_record)),
                    ..Default::default()
                },
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity, link)): Path<(i64, i64, i64)>,
    Form(_): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    cases::remove(&state, &v.acting(), id, activity, link).await?;
    Ok(redirect(&records_href(&v, id, activity)))
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/activities/{activity}/links",
    tag = "programmes",
    summary = "Link one of the city's records to an activity (the programme's managers): an assessment or a practice of the programme's city that the caller may see, of a kind the activity links (422 not_linkable, not_of_the_city, already_linked; at most 100)",
    request_body(content = ref("#/components/schemas/LinkInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/LinkedRecord"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn add_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
    ApiJson(input): ApiJson<LinkInput>,
) -> Result<Response, AppError> {
    let linked = cases::add(&state, &v.acting(), id, activity, &input).await?;
    Ok((StatusCode::CREATED, Json(linked)).into_response())
}

#[utoipa::path(
    delete,
    path = "/programmes/{id}/activities/{activity}/links/{record_link}",
    tag = "programmes",
    summary = "Remove a link from an activity (204; the record stays)",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn remove_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity, link)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    cases::remove(&state, &v.acting(), id, activity, link).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
