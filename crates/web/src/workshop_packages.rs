//! Workshop packages on the web, for a Lab assessment, a Seven Keys workshop and a
//! policy-design workshop around an action plan: the page
//! that takes the workshop offline step by step, the package's download, and the upload that
//! merges a laptop's results back; the same two calls in the JSON API. Only those who may run
//! the workshop reach any of them (others: not found, or asked to sign in).

use crate::AppState;
use crate::assessments::{Need, load_for};
use crate::error::AppError;
use crate::extract::{Multipart, Path};
use crate::layout::{self, csrf_field};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::workshop_packages::{self as cases, policy_design as pd, seven_keys as sk};
use ateneu_app::workshop_packages::{ASSESSMENT, POLICY_DESIGN, SEVEN_KEYS};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::ids::OutputId;
use ateneu_domain::workshop_packages::{MAX_BYTES, Package, Person};
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
        .route("/assessments/{id}/offline", get(page_assessment))
        .route(
            "/assessments/{id}/offline/package",
            post(download_assessment),
        )
        .route("/assessments/{id}/offline/results", post(upload_assessment))
        .route("/seven-keys/workshops/{id}/offline", get(page_seven_keys))
        .route(
            "/seven-keys/workshops/{id}/offline/package",
            post(download_seven_keys),
        )
        .route(
            "/seven-keys/workshops/{id}/offline/results",
            post(upload_seven_keys),
        )
        .route("/outputs/{id}/workshop/offline", get(page_policy_design))
        .route(
            "/outputs/{id}/workshop/offline/package",
            post(download_policy_design),
        )
        .route(
            "/outputs/{id}/workshop/offline/results",
            post(upload_policy_design),
        )
        .body_limit(MAX_BYTES)
}

pub fn api_routes() -> Routes {
    Routes::new()
        .route("/assessments/{id}/package", post(api_make_assessment))
        .route(
            "/assessments/{id}/package/results",
            post(api_merge_assessment),
        )
        .route(
            "/seven-keys/workshops/{id}/package",
            post(api_make_seven_keys),
        )
        .route(
            "/seven-keys/workshops/{id}/package/results",
            post(api_merge_seven_keys),
        )
        .route(
            "/outputs/{id}/workshop/package",
            post(api_make_policy_design),
        )
        .route(
            "/outputs/{id}/workshop/package/results",
            post(api_merge_policy_design),
        )
        .body_limit(MAX_BYTES)
}

/// The workshop a page is about.
struct Held {
    kind: &'static str,
    id: i64,
    title: String,
    /// Its own page, under the language's prefix.
    path: String,
    /// How its files are named (`assessment`, `seven-keys`).
    file_kind: &'static str,
}

/// An assessment the viewer may run.
async fn assessment(state: &AppState, v: &Viewer, id: i64) -> Result<Held, AppError> {
    let loaded = load_for(state, v, AssessmentId::new(id), Need::Run).await?;
    Ok(Held {
        kind: ASSESSMENT,
        id,
        title: loaded.assessment.title,
        path: format!("/assessments/{id}"),
        file_kind: "assessment",
    })
}

/// A Seven Keys workshop the viewer may run.
async fn seven_keys(state: &AppState, v: &Viewer, id: i64) -> Result<Held, AppError> {
    let view = ateneu_app::seven_keys::read(state, &v.acting(), id).await?;
    if !view.may_run {
        v.require_signed_in()?;
        return Err(AppError::Forbidden);
    }
    Ok(Held {
        kind: SEVEN_KEYS,
        id,
        title: view.workshop.draft.title,
        path: format!("/seven-keys/workshops/{id}"),
        file_kind: "seven-keys",
    })
}

/// A policy-design workshop (opened) around an action plan whose keepers include the viewer.
async fn policy_design(state: &AppState, v: &Viewer, id: i64) -> Result<Held, AppError> {
    let (plan, view) = ateneu_app::policy_design::read(state, &v.acting(), id, None).await?;
    if view.workshop.is_none() {
        return Err(AppError::NotFound);
    }
    if !view.may_run {
        v.require_signed_in()?;
        return Err(AppError::Forbidden);
    }
    Ok(Held {
        kind: POLICY_DESIGN,
        id,
        title: plan.output.output.title,
        path: format!("/outputs/{id}/workshop"),
        file_kind: "policy-design",
    })
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
fn attachment(package: &Package, status: StatusCode) -> Result<Response, AppError> {
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

async fn make(state: &AppState, v: &Viewer, held: &Held) -> Result<Package, AppError> {
    let person = person(v)?;
    Ok(match held.kind {
        SEVEN_KEYS => sk::make(state, &v.acting(), person, held.id).await?,
        POLICY_DESIGN => pd::make(state, &v.acting(), person, OutputId::new(held.id)).await?,
        _ => cases::assessment::make(state, &v.who(), person, AssessmentId::new(held.id)).await?,
    })
}

/// The uploaded package, read whole.
fn read(bytes: &[u8]) -> Result<Package, AppError> {
    if bytes.is_empty() {
        return Err(AppError::field(
            "package",
            Problem::new(ProblemKey::NotAFile),
        ));
    }
    Ok(cases::read(bytes)?)
}

async fn api_make_assessment(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = assessment(&state, &v, id).await?;
    attachment(&make(&state, &v, &held).await?, StatusCode::CREATED)
}

async fn api_make_seven_keys(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = seven_keys(&state, &v, id).await?;
    attachment(&make(&state, &v, &held).await?, StatusCode::CREATED)
}

async fn api_merge_assessment(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    assessment(&state, &v, id).await?;
    let package = read(&bytes)?;
    let merged =
        cases::assessment::import(&state, &v.who(), AssessmentId::new(id), &package).await?;
    Ok(Json(merged).into_response())
}

async fn api_merge_seven_keys(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    seven_keys(&state, &v, id).await?;
    let package = read(&bytes)?;
    let merged = sk::import(&state, &v.acting(), id, &package).await?;
    Ok(Json(merged).into_response())
}

async fn api_make_policy_design(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = policy_design(&state, &v, id).await?;
    attachment(&make(&state, &v, &held).await?, StatusCode::CREATED)
}

async fn api_merge_policy_design(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    policy_design(&state, &v, id).await?;
    let package = read(&bytes)?;
    let merged = pd::import(&state, &v.acting(), OutputId::new(id), &package).await?;
    Ok(Json(merged).into_response())
}

async fn page_policy_design(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = policy_design(&state, &v, id).await?;
    render(&state, &v, &held, StatusCode::OK, None).await
}

async fn download_policy_design(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = policy_design(&state, &v, id).await?;
    download(&state, &v, &held).await
}

async fn upload_policy_design(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    let held = policy_design(&state, &v, id).await?;
    let file = uploaded(multipart).await?;
    let merged = match read(&file) {
        Ok(package) => pd::import(&state, &v.acting(), OutputId::new(id), &package)
            .await
            .map(|m| policy_design_summary(&v, &m))
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    answer(&state, &v, &held, merged).await
}

async fn page_assessment(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = assessment(&state, &v, id).await?;
    render(&state, &v, &held, StatusCode::OK, None).await
}

async fn page_seven_keys(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = seven_keys(&state, &v, id).await?;
    render(&state, &v, &held, StatusCode::OK, None).await
}

async fn download(state: &AppState, v: &Viewer, held: &Held) -> Result<Response, AppError> {
    attachment(&make(state, v, held).await?, StatusCode::OK)
}

async fn download_assessment(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = assessment(&state, &v, id).await?;
    download(&state, &v, &held).await
}

async fn download_seven_keys(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = seven_keys(&state, &v, id).await?;
    download(&state, &v, &held).await
}

/// What the results' upload gave: what was merged (said in the reader's language), or why the
/// file was refused.
enum Outcome {
    Merged(Markup),
    Refused(FieldErrors),
}

async fn upload_assessment(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not merge is told so before the body is read.
    let held = assessment(&state, &v, id).await?;
    let file = uploaded(multipart).await?;
    let merged = match read(&file) {
        Ok(package) => cases::assessment::import(&state, &v.who(), AssessmentId::new(id), &package)
            .await
            .map(|m| assessment_summary(&v, &m))
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    answer(&state, &v, &held, merged).await
}

async fn upload_seven_keys(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    let held = seven_keys(&state, &v, id).await?;
    let file = uploaded(multipart).await?;
    let merged = match read(&file) {
        Ok(package) => sk::import(&state, &v.acting(), id, &package)
            .await
            .map(|m| seven_keys_summary(&v, &m))
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    answer(&state, &v, &held, merged).await
}

/// The file sent in the form's field `file`.
async fn uploaded(multipart: Result<Multipart, AppError>) -> Result<Vec<u8>, AppError> {
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
    Ok(file)
}

/// The page again, with what the merge did or why the file was refused (on its field).
async fn answer(
    state: &AppState,
    v: &Viewer,
    held: &Held,
    merged: Result<Markup, AppError>,
) -> Result<Response, AppError> {
    let (status, outcome) = match merged {
        Ok(summary) => (StatusCode::OK, Outcome::Merged(summary)),
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
    render(state, v, held, status, Some(&outcome)).await
}

fn count(n: u32) -> fluent_bundle::FluentValue<'static> {
    i64::from(n).into()
}

fn assessment_summary(v: &Viewer, merged: &cases::Merged) -> Markup {
    summary(
        v,
        merged.already_imported,
        html! {
            (v.tf("offline-summary", &[
                ("invitations", count(merged.invitations_added)),
                ("revoked", count(merged.invitations_revoked)),
                ("added", count(merged.responses_added)),
                ("updated", count(merged.responses_updated)),
                ("consensus", count(merged.consensus_updated)),
            ])) " " (v.t(&format!("offline-key-ideas-{}", merged.key_ideas)))
        },
    )
}

fn seven_keys_summary(v: &Viewer, merged: &sk::Merged) -> Markup {
    summary(
        v,
        merged.already_imported,
        html! {
            (v.tf("offline-seven-keys-summary", &[
                ("links", count(merged.links_added)),
                ("challenges", count(merged.challenges_added)),
                ("themes", count(merged.themes_updated)),
                ("keys", count(merged.keys_added)),
            ]))
        },
    )
}

fn policy_design_summary(v: &Viewer, merged: &pd::Merged) -> Markup {
    summary(
        v,
        merged.already_imported,
        html! {
            (v.tf("offline-policy-design-summary", &[
                ("links", count(merged.links_added)),
                ("ideas", count(merged.ideas_added)),
                ("clusters", count(merged.clusters_updated)),
            ])) " " (v.t(&format!("offline-key-ideas-{}", merged.key_ideas)))
        },
    )
}

fn summary(v: &Viewer, already: bool, counts: Markup) -> Markup {
    html! {
        div.notice role="status" {
            p { strong { (v.t(if already { "offline-already" } else { "offline-merged" })) } }
            p { (counts) }
        }
    }
}

async fn render(
    state: &AppState,
    v: &Viewer,
    held: &Held,
    status: StatusCode,
    outcome: Option<&Outcome>,
) -> Result<Response, AppError> {
    let made = ateneu_app::workshop_packages::made_for(state, held.kind, held.id).await?;
    let no_errors = FieldErrors::new();
    let errors = match outcome {
        Some(Outcome::Refused(errors)) => errors,
        _ => &no_errors,
    };
    let (path, id, kind) = (&held.path, held.id, held.file_kind);
    let title = v.t("offline-title");
    let body = html! {
        p.breadcrumb { a href=(v.href(path)) { (held.title) } }
        h1 { (title) }
        p.lead { (v.t("offline-intro")) }
        ol.steps {
            li { (v.t("offline-step-download")) }
            li { (v.t("offline-step-open")) pre { code { "ateneu workshop open " (format!("ateneu-{kind}-{id}-workshop.json")) " --host 0.0.0.0 --base-url http://192.168.1.10:8080" } } }
            li { (v.t("offline-step-room")) }
            li { (v.t("offline-step-results")) pre { code { "ateneu workshop results --output " (format!("ateneu-{kind}-{id}-results.json")) } } }
        }
        form method="post" action=(v.href(&format!("{path}/offline/package"))) {
            (csrf_field(v))
            button type="submit" { (v.t("offline-download")) }
        }
        @if !made.is_empty() {
            h2 { (v.t("offline-packages")) }
            ul { @for (package, merged) in &made {
                li { (v.tf("offline-package-made", &[("date", package.created_at.format("%Y-%m-%d %H:%M UTC").to_string().into()), ("merged", i64::try_from(*merged).unwrap_or(i64::MAX).into())])) }
            } }
        }
        h2 id="results" { (v.t("offline-results-title")) }
        @if let Some(Outcome::Merged(summary)) = outcome { (summary) }
        (layout::form_errors(v, errors))
        form method="post" enctype="multipart/form-data" action={ (v.href(&format!("{path}/offline/results"))) "?csrf=" (v.csrf) } {
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
