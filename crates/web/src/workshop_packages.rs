//! Workshop packages on the web: the page that takes an assessment offline step by step, the
//! package's download, and the upload that merges a laptop's results back; the same two calls
//! in the JSON API. Only those who may run the assessment reach any of them (others: not found,
//! or asked to sign in).

use crate::AppState;
use crate::assessments::{Loaded, Need, load_for};
use crate::error::AppError;
use crate::extract::{Multipart, Path};
use crate::layout::{self, csrf_field};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::workshop_packages::{self as cases, Merged};
use ateneu_db::workshop_packages as repo;
use ateneu_domain::workshop_packages::{MAX_BYTES, Person};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};

pub fn routes() -> Routes {
    Routes::new()
        .route("/assessments/{id}/offline", get(page))
        .route("/assessments/{id}/offline/package", post(download))
        .route("/assessments/{id}/offline/results", post(upload))
        .body_limit(MAX_BYTES)
}

pub fn api_routes() -> Routes {
    Routes::new()
        .route("/assessments/{id}/package", post(api_make))
        .route("/assessments/{id}/package/results", post(api_import))
        .body_limit(MAX_BYTES)
}

/// The person taking the workshop offline: the laptop's administrator and facilitator.
fn person(v: &Viewer) -> Result<Person, AppError> {
    let signed_in = v.require_signed_in()?;
    Ok(Person {
        email: signed_in.user.email.clone(),
        name: signed_in.user.display_name.clone(),
    })
}

/// The package as a file to save.
fn attachment(
    package: &ateneu_domain::workshop_packages::Package,
    status: StatusCode,
) -> Result<Response, AppError> {
    let bytes = cases::to_file(package)?;
    let disposition = format!("attachment; filename=\"{}\"", cases::file_name(package));
    Ok((
        status,
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

async fn make(state: &AppState, v: &Viewer, id: i64) -> Result<Response, AppError> {
    load_for(state, v, id, Need::Run).await?;
    let package = cases::assessment::make(state, &v.who(), person(v)?, id).await?;
    attachment(&package, StatusCode::CREATED)
}

async fn download(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let mut response = make(&state, &v, id).await?;
    *response.status_mut() = StatusCode::OK;
    Ok(response)
}

async fn api_make(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    make(&state, &v, id).await
}

async fn merge(state: &AppState, v: &Viewer, id: i64, bytes: &[u8]) -> Result<Merged, AppError> {
    if bytes.is_empty() {
        return Err(AppError::field(
            "package",
            Problem::new(ProblemKey::NotAFile),
        ));
    }
    let package = cases::read(bytes)?;
    Ok(cases::assessment::import(state, &v.who(), id, &package).await?)
}

async fn api_import(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    load_for(&state, &v, id, Need::Run).await?;
    Ok(Json(merge(&state, &v, id, &bytes).await?).into_response())
}

async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    render(&state, &v, &loaded, StatusCode::OK, None).await
}

/// What the results' upload gave: what was merged, or why the file was refused.
enum Outcome {
    Merged(Merged),
    Refused(FieldErrors),
}

async fn upload(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not merge is told so before the body is read.
    let loaded = load_for(&state, &v, id, Need::Run).await?;
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
    let (status, outcome) = match merge(&state, &v, id, &file).await {
        Ok(merged) => (StatusCode::OK, Outcome::Merged(merged)),
        Err(AppError::Invalid(errors)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, Outcome::Refused(errors))
        }
        Err(error @ AppError::Conflict(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("package", error.problem());
            (StatusCode::CONFLICT, Outcome::Refused(errors))
        }
        Err(other) => return Err(other),
    };
    // The page shows the assessment as it is now.
    let loaded = crate::assessments::load(&state, loaded.assessment.id).await?;
    render(&state, &v, &loaded, status, Some(&outcome)).await
}

fn summary(v: &Viewer, merged: &Merged) -> Markup {
    let n = |count: u32| i64::from(count).into();
    html! {
        div.notice role="status" {
            p { strong { (v.t(if merged.already_imported { "offline-already" } else { "offline-merged" })) } }
            p { (v.tf("offline-summary", &[
                ("invitations", n(merged.invitations_added)),
                ("revoked", n(merged.invitations_revoked)),
                ("added", n(merged.responses_added)),
                ("updated", n(merged.responses_updated)),
                ("consensus", n(merged.consensus_updated)),
            ])) " " (v.t(&format!("offline-key-ideas-{}", merged.key_ideas))) }
        }
    }
}

async fn render(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    status: StatusCode,
    outcome: Option<&Outcome>,
) -> Result<Response, AppError> {
    let id = loaded.assessment.id;
    let made = repo::made_for(&state.db.conn, repo::ASSESSMENT, id).await?;
    let mut imports = Vec::new();
    for package in &made {
        imports.push(repo::imports_of(&state.db.conn, &package.id).await?.len());
    }
    let no_errors = FieldErrors::new();
    let errors = match outcome {
        Some(Outcome::Refused(errors)) => errors,
        _ => &no_errors,
    };
    let title = v.t("offline-title");
    let body = html! {
        p.breadcrumb { a href=(v.href(&format!("/assessments/{id}"))) { (loaded.assessment.title) } }
        h1 { (title) }
        p.lead { (v.t("offline-intro")) }
        ol.steps {
            li { (v.t("offline-step-download")) }
            li { (v.t("offline-step-open")) pre { code { "ateneu workshop open " (format!("ateneu-assessment-{id}-workshop.json")) " --host 0.0.0.0 --base-url http://192.168.1.10:8080" } } }
            li { (v.t("offline-step-room")) }
            li { (v.t("offline-step-results")) pre { code { "ateneu workshop results --output " (format!("ateneu-assessment-{id}-results.json")) } } }
        }
        form method="post" action=(v.href(&format!("/assessments/{id}/offline/package"))) {
            (csrf_field(v))
            button type="submit" { (v.t("offline-download")) }
        }
        @if !made.is_empty() {
            h2 { (v.t("offline-packages")) }
            ul { @for (package, merged) in made.iter().zip(&imports) {
                li { (v.tf("offline-package-made", &[("date", package.created_at.format("%Y-%m-%d %H:%M UTC").to_string().into()), ("merged", i64::try_from(*merged).unwrap_or(i64::MAX).into())])) }
            } }
        }
        h2 id="results" { (v.t("offline-results-title")) }
        @if let Some(Outcome::Merged(merged)) = outcome { (summary(v, merged)) }
        (layout::form_errors(v, errors))
        form method="post" enctype="multipart/form-data" action={ (v.href(&format!("/assessments/{id}/offline/results"))) "?csrf=" (v.csrf) } {
            div.field {
                label for="package" { (v.t("offline-results-file")) }
                input type="file" id="package" name="file" accept="application/json,.json" required;
                @if let Some(problem) = errors.get("package") { p.error id="package-error" { (v.problem(problem)) } }
            }
            button type="submit" { (v.t("offline-merge")) }
        }
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}
