//! The pages of the people working on practices: their work at each stage with the translation
//! queue of a language, and the secretariat's JSON Lines import.

use crate::AppState;
use crate::error::AppError;
use crate::extract::Multipart;
use crate::extract::Query;
use crate::layout::{self, csrf_field};
use crate::viewer::Viewer;
use ateneu_domain::ProblemKey;
use ateneu_domain::permissions::Action;
use ateneu_domain::practices::Stage;
use ateneu_domain::practices::translation::{QueuePlace, work};
use ateneu_domain::{Lang, Problem};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct WorkQuery {
    #[serde(default)]
    lang: Option<String>,
    /// Where the queue's page starts (the previous page's "more" link).
    #[serde(default)]
    after: Option<String>,
}

/// `GET /{lang}/practices/work`.
pub async fn work_page(
    State(state): State<AppState>,
    v: Viewer,
    Query(query): Query<WorkQuery>,
) -> Result<Markup, AppError> {
    v.require_signed_in()?;
    let lang = match query.lang.as_deref().map(str::trim) {
        None | Some("") => v.lang,
        Some(code) => code.parse::<Lang>().map_err(|()| {
            AppError::BadRequest(Problem::with_detail(ProblemKey::UnknownLanguage, code))
        })?,
    };
    let mut stages = Vec::new();
    for stage in Stage::ALL.into_iter().filter(|s| !s.is_public()) {
        stages.push((
            stage,
            ateneu_app::practices::visible_list(&state, &v.acting(), stage, 1)
                .await
                .map_err(AppError::from)?
                .0,
        ));
    }
    let after = QueuePlace::parse_optional(query.after.as_deref()).map_err(AppError::BadRequest)?;
    let (queue, next) = ateneu_app::practices::translation_queue(&state, &v.acting(), lang, after)
        .await
        .map_err(AppError::from)?;
    let body = html! {
        h1 { (v.t("work-title")) }
        @for (stage, items) in &stages {
            section {
                h2 { (v.t(&format!("stage-{}", stage.key()))) " " span.muted { "(" (items.len()) ")" } }
                @if items.is_empty() { p.muted { (v.t("work-none")) } }
                ul { @for l in items {
                    li { a href=(v.href(&format!("/practices/{}", l.practice.slug))) { (l.practice.record.title(v.lang)) } }
                } }
            }
        }
        section.panel aria-labelledby="queue" {
            h2 #queue { (v.t("work-queue")) }
            form.filters method="get" action=(v.href("/practices/work")) {
                div.field {
                    label for="f-lang" { (v.t("work-queue-lang")) }
                    select #f-lang name="lang" { @for l in Lang::ALL {
                        option value=(l.code()) selected[l == lang] { (v.language(l)) }
                    } }
                }
                div.actions { button.button type="submit" { (v.t("work-show")) } }
            }
            @if queue.is_empty() { p.muted { (v.t("work-queue-none")) } }
            ul { @for (l, _) in &queue {
                @let w = work(&l.practice.record, lang);
                li {
                    a href={ (v.href(&format!("/practices/{}/edit", l.practice.slug))) "?in=" (lang.code()) } { (l.practice.record.title(v.lang)) }
                    " · " (w.missing) " " (v.t("work-missing"))
                    " · " (w.draft) " " (v.t("work-draft"))
                    " · " (w.needs_update) " " (v.t("work-outdated"))
                }
            } }
            @if let Some(next) = next {
                p { a.button href={ (v.href("/practices/work")) "?lang=" (lang.code()) "&after=" (next) "#queue" } { (v.t("work-queue-more")) } }
            }
        }
    };
    Ok(layout::page(&state, &v, &v.t("work-title"), body))
}

fn import_page(
    state: &AppState,
    v: &Viewer,
    outcome: Option<Result<ateneu_app::practices::ImportSummary, &AppError>>,
    status: StatusCode,
) -> Response {
    let body = html! {
        h1 { (v.t("practices-import-title")) }
        p.lead { (v.t("practices-import-lead")) }
        @match outcome {
            Some(Ok(done)) => div.flash.success role="status" {
                p { (v.tf("practices-import-done", &[("created", done.created.into()), ("updated", done.updated.into()), ("unchanged", done.unchanged.into())])) }
                @if !done.cities_created.is_empty() {
                    p { (v.t("practices-import-cities")) } ul { @for c in &done.cities_created { li { (c) } } }
                }
            },
            Some(Err(error)) => div.flash.error role="alert" {
                p { strong { (v.problem(&error.problem())) } }
                @if let AppError::Lines(lines) = error { (layout::line_errors(state, v.lang, lines)) }
            },
            None => {},
        }
        form.form method="post" action={ (v.href("/practices/import")) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
            (csrf_field(v))
            fieldset {
                legend { (v.t("practices-import-stage")) }
                label { input type="radio" name="stage" value="published" checked; " " (v.t("stage-published")) }
                label { input type="radio" name="stage" value="draft"; " " (v.t("stage-draft")) }
            }
            div.field {
                label for="f-file" { (v.t("import-file")) }
                input #f-file type="file" name="file" accept=".jsonl,application/jsonl,application/x-ndjson" required;
            }
            div.actions { button.button type="submit" { (v.t("import-submit")) } }
        }
    };
    (
        status,
        layout::page(state, v, &v.t("practices-import-title"), body),
    )
        .into_response()
}

/// `GET /{lang}/practices/import`.
pub async fn import_form(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require(Action::ManagePractices)?;
    Ok(import_page(&state, &v, None, StatusCode::OK))
}

fn unreadable(e: axum::extract::multipart::MultipartError) -> AppError {
    AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, e.body_text()))
}

/// `POST /{lang}/practices/import`: the summary, or the bad lines.
pub async fn import_upload(
    State(state): State<AppState>,
    v: Viewer,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not import is told so before the body is read.
    v.require(Action::ManagePractices)?;
    let mut multipart = multipart?;
    let mut stage = Stage::Published;
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("stage") => {
                let chosen = field.text().await.map_err(unreadable)?;
                stage = if chosen == "draft" {
                    Stage::Draft
                } else {
                    Stage::Published
                };
            }
            Some("file") => file = Some(field.text().await.map_err(unreadable)?),
            _ => {}
        }
    }
    let Some(text) = file.filter(|t| !t.trim().is_empty()) else {
        let error = AppError::BadRequest(Problem::new(ProblemKey::NotAFile));
        return Ok(import_page(&state, &v, Some(Err(&error)), error.status()));
    };
    match ateneu_app::practices::editing::import_text(&state, &v.acting(), &text, stage)
        .await
        .map_err(AppError::from)
    {
        Ok(done) => Ok(import_page(&state, &v, Some(Ok(done)), StatusCode::OK)),
        Err(error @ (AppError::Lines(_) | AppError::BadRequest(_))) => {
            Ok(import_page(&state, &v, Some(Err(&error)), error.status()))
        }
        Err(other) => Err(other),
    }
}
