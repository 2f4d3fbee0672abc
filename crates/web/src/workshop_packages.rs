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
use utoipa_axum::routes;

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
        .documented(routes!(api_make_assessment))
        .documented(routes!(api_merge_assessment))
        .documented(routes!(api_make_seven_keys))
        .documented(routes!(api_merge_seven_keys))
        .documented(routes!(api_make_policy_design))
        .documented(routes!(api_merge_policy_design))
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

#[utoipa::path(
    post,
    path = "/assessments/{id}/package",
    tag = "assessments",
    summary = "Make the workshop package of an open assessment, to run it on a laptop without internet (`ateneu workshop open FILE`): the workshop, its invitations by their links' hashes, what was answered so far and the key that signs its results (keep it as a participant's link). Facilitators and the secretariat; 409 assessment_closed when closed",
    responses((status = 201, description = "Success", body = ref("#/components/schemas/WorkshopPackage"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn api_make_assessment(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = assessment(&state, &v, id).await?;
    attachment(&make(&state, &v, &held).await?, StatusCode::CREATED)
}

#[utoipa::path(
    post,
    path = "/seven-keys/workshops/{id}/package",
    tag = "seven-keys",
    summary = "Make the workshop package of an open Seven Keys workshop, to run the day on a laptop without internet (`ateneu workshop open FILE`): the workshop, the city's cultural assets, the participants' links by their hashes, the challenges with their themes and the keys so far, and the key that signs its results. Those who run the workshop; 409 workshop_closed when closed",
    responses((status = 201, description = "Success", body = ref("#/components/schemas/WorkshopPackage"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn api_make_seven_keys(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = seven_keys(&state, &v, id).await?;
    attachment(&make(&state, &v, &held).await?, StatusCode::CREATED)
}

#[utoipa::path(
    post,
    path = "/assessments/{id}/package/results",
    tag = "assessments",
    summary = "Merge the results package a laptop made (`ateneu workshop results`) into the assessment: new invitations, responses (a submission wins over a draft; two drafts keep every answer, the later one's where both answered), newer agreed scores, key ideas. Refused whole with `fields.package` when unreadable, not results, made elsewhere, for another workshop or not matching its signature, or with the item (`responses[3].answers.KEY`) when one is not valid; the same file again writes nothing (`already_imported`)",
    request_body(content = ref("#/components/schemas/WorkshopPackage"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/WorkshopPackageMerged"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    post,
    path = "/seven-keys/workshops/{id}/package/results",
    tag = "seven-keys",
    summary = "Merge the results package a laptop made into the workshop: new links, challenges named in the room (with their themes), themes changed there, keys agreed there (409 plan_already_drafted once the keys became a plan). Refused whole as an assessment's results are; each item is merged once, and the same file again writes nothing (`already_imported`)",
    request_body(content = ref("#/components/schemas/WorkshopPackage"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysPackageMerged"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    post,
    path = "/outputs/{id}/workshop/package",
    tag = "programmes",
    summary = "Make the workshop package of the open policy-design workshop around an action plan, to run the room on a laptop without internet (`ateneu workshop open FILE`): the plan's title, the fields, the participants' links by their hashes, the ideas with their clusters, the key ideas, and the key that signs its results. The plan's keepers; 404 until the workshop is opened, 409 workshop_closed when closed",
    responses((status = 201, description = "Success", body = ref("#/components/schemas/WorkshopPackage"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn api_make_policy_design(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let held = policy_design(&state, &v, id).await?;
    attachment(&make(&state, &v, &held).await?, StatusCode::CREATED)
}

#[utoipa::path(
    post,
    path = "/outputs/{id}/workshop/package/results",
    tag = "programmes",
    summary = "Merge the results package a laptop made into the workshop: new links, ideas proposed in the room (with their clusters), clusters changed there, key ideas (replaced when changed only in the room, both kept when changed on both sides). Refused whole as an assessment's results are; each idea is merged once, and the same file again writes nothing (`already_imported`)",
    request_body(content = ref("#/components/schemas/WorkshopPackage"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/PolicyDesignPackageMerged"))),
    security(("bearer" = []), ("session" = [])),
)]
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
    multipart?.file("file").await
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
