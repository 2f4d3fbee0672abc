//! The Culture 2030 Goal on the web: each imported version with its targets (and what it changed
//! from the version before it) on the Indicators page, the secretariat's form that imports a
//! version's file, and the same in the JSON API (`GET`, and `POST` of the TOML file).

use crate::AppState;
use crate::error::AppError;
use crate::extract::Multipart;
use crate::layout::{self, csrf_field};
use crate::viewer::Viewer;
use ateneu_app::indicators::goals::{self as cases, GoalVersion};
use ateneu_domain::permissions::Action;
use ateneu_domain::{Problem, ProblemKey};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

fn version_section(v: &Viewer, version: &GoalVersion) -> Markup {
    let goal = &version.goal;
    html! {
        section id=(goal.reference()) {
            h3 { (goal.name.get(v.lang)) " · " (goal.version) }
            @if !goal.source.is_empty() { p.muted { (goal.source) } }
            @if let Some((before, changes)) = &version.changes {
                p { (v.tf("goal-changes", &[("version", before.clone().into())])) " "
                    @if changes.is_empty() { (v.t("goal-no-change")) }
                    @for (key, list) in [("goal-added", &changes.added), ("goal-removed", &changes.removed), ("goal-changed", &changes.changed)] {
                        @if !list.is_empty() { (v.t(key)) " " code { (list.join(", ")) } ". " }
                    }
                }
            }
            div.table-wrap tabindex="0" { table.data {
                thead { tr {
                    th scope="col" { "#" } th scope="col" { (v.t("goal-target")) }
                    th scope="col" { (v.t("action-plan-indicators")) } th scope="col" { (v.t("indicators-targets")) }
                    th scope="col" { (v.t("indicators-reference")) }
                } }
                tbody { @for t in &goal.targets { tr {
                    td { (t.number) } td { (t.name.get(v.lang)) }
                    td { @for (n, i) in t.indicators.iter().enumerate() { @if n > 0 { ", " } (super::name_of(v, i)) } }
                    td { @for (n, s) in t.sdg_targets.iter().enumerate() { @if n > 0 { ", " } (s.as_str()) } }
                    td { code { (goal.reference()) ":" (t.key) } }
                } } }
            } }
        }
    }
}

/// The Goal's part of the Indicators page: its versions, and the import form for those who
/// may import one; `outcome` is a refused import's error.
pub async fn section(
    state: &AppState,
    v: &Viewer,
    outcome: Option<&AppError>,
) -> Result<Markup, AppError> {
    let versions = cases::versions(state).await?;
    Ok(html! {
        section #culture-2030-goal {
            h2 { (v.t("goal-title")) }
            p { (v.t("goal-lead")) }
            @if versions.is_empty() { p.muted { (v.t("goal-none")) } }
            @for version in versions.iter().rev() { (version_section(v, version)) }
            @if v.allows(Action::ManageFrameworks) {
                h3 { (v.t("goal-import")) }
                @if let Some(error) = outcome {
                    div.flash.error role="alert" {
                        p { strong { (v.problem(&error.problem())) } }
                        @if let AppError::Lines(lines) = error { (layout::line_errors(state, v.lang, lines)) }
                    }
                }
                form.form method="post" action={ (v.href("/indicators/goals")) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
                    (csrf_field(v))
                    div.field {
                        label for="f-goal-file" { (v.t("goal-file")) }
                        input #f-goal-file type="file" name="file" accept=".toml" required aria-describedby="f-goal-file-hint";
                        p.hint #f-goal-file-hint { (v.t("goal-file-hint")) }
                    }
                    div.actions { button.button type="submit" { (v.t("goal-import-submit")) } }
                }
            }
        }
    })
}

fn utf8(bytes: &[u8]) -> Result<&str, AppError> {
    std::str::from_utf8(bytes).map_err(|_| AppError::BadRequest(Problem::new(ProblemKey::NotText)))
}

/// `POST /{lang}/indicators/goals`: a version's file from the form.
pub async fn import_page(
    State(state): State<AppState>,
    v: Viewer,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not import is told so before the body is read.
    v.require(Action::ManageFrameworks)?;
    let mut multipart = multipart?;
    let bad = |e: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, e.body_text()))
    };
    let mut file = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        if field.name() == Some("file") {
            file = field.bytes().await.map_err(bad)?.to_vec();
        }
    }
    let result = match utf8(&file) {
        Ok("") => Err(AppError::BadRequest(Problem::new(ProblemKey::NotAFile))),
        Ok(source) => cases::import(&state, &v.acting(), source)
            .await
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    match result {
        Ok(goal) => Ok(crate::negotiate::redirect(&format!(
            "{}#{}",
            v.href("/indicators"),
            goal.reference()
        ))),
        Err(error @ (AppError::Lines(_) | AppError::BadRequest(_) | AppError::Conflict(_))) => {
            super::render(&state, &v, error.status(), Some(&error)).await
        }
        Err(other) => Err(other),
    }
}

#[utoipa::path(
    get,
    path = "/goals",
    tag = "indicators",
    summary = "The imported versions of the Culture 2030 Goal, oldest first: each with its targets (number, name in three languages, indicators, SDG targets) and what it changed from the version of the same goal before it; an action plan's item names a target as `goal@version:target`",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/GoalVersionList"))),
)]
pub async fn list_api(State(state): State<AppState>) -> Result<Response, AppError> {
    Ok(Json(cases::versions(&state).await?).into_response())
}

/// `POST /api/v1/goals`: a version's TOML file as the body.
#[utoipa::path(
    post,
    path = "/goals",
    tag = "indicators",
    summary = "Import a version of the Culture 2030 Goal (a secretariat): its TOML file as the body (format in data/indicators/README.md), checked whole (422 with every problem and its line); a version once (409 goal_version_exists)",
    request_body(content = String, content_type = "application/toml"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Goal"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn import_api(
    State(state): State<AppState>,
    v: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    v.require(Action::ManageFrameworks)?;
    let source = utf8(&body)?;
    if source.trim().is_empty() {
        return Err(AppError::BadRequest(Problem::new(ProblemKey::NotAFile)));
    }
    let goal = cases::import(&state, &v.acting(), source).await?;
    Ok((StatusCode::CREATED, Json(goal)).into_response())
}
