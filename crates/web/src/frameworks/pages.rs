//! Framework pages: the versions, one version's domains, fields, actions, modules and scale,
//! the upload page for the secretariat, the TOML download, and the difference between versions.

use super::benchmark_pages::{self, ComputeForm};
use super::{benchmarks, compare, import, load};
use crate::AppState;
use crate::error::AppError;
use crate::extract::Multipart;
use crate::extract::{Path, Query};
use crate::layout::{self, csrf_field};
use crate::viewer::Viewer;
use ateneu_app::frameworks::Imported;
use ateneu_domain::Problem;
use ateneu_domain::ProblemKey;
use ateneu_domain::frameworks::{Change, Framework, Trilingual, to_toml};
use ateneu_domain::ids::FrameworkVersionId;
use ateneu_domain::permissions::Action;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

pub async fn list(State(state): State<AppState>, v: Viewer) -> Result<Markup, AppError> {
    let versions = ateneu_app::frameworks::list(&state).await?;
    let body = html! {
        h1 { (v.t("frameworks-title")) }
        p.lead { (v.t("frameworks-lead")) }
        @if v.allows(Action::ManageFrameworks) {
            p { a.button href=(v.href("/frameworks/import")) { (v.t("frameworks-import")) } }
        }
        div.table-wrap tabindex="0" { table.data {
            thead { tr { th { (v.t("framework")) } th { (v.t("framework-version")) } th { (v.t("framework-status")) } } }
            tbody { @for version in &versions {
                tr {
                    td { a href=(v.href(&format!("/frameworks/{}", version.id))) { (version.name.get(v.lang)) } }
                    td { code { (version.reference()) } }
                    td { (if version.frozen { v.t("framework-frozen") } else { v.t("framework-editable") }) }
                }
            } }
        } }
    };
    Ok(layout::page(&state, &v, &v.t("frameworks-title"), body))
}

fn text<'a>(v: &Viewer, text: &'a Trilingual) -> &'a str {
    text.get(v.lang)
}

pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<FrameworkVersionId>,
) -> Result<Markup, AppError> {
    detail_page(&state, &v, id, &ComputeForm::default()).await
}

/// A version's page, with the benchmark section's compute form as given (its errors shown).
pub(super) async fn detail_page(
    state: &AppState,
    v: &Viewer,
    id: FrameworkVersionId,
    compute: &ComputeForm,
) -> Result<Markup, AppError> {
    let (version, framework) = load(state, id).await?;
    let others: Vec<_> = ateneu_app::frameworks::list(state)
        .await?
        .into_iter()
        .filter(|other| other.framework_key == version.framework_key && other.id != id)
        .collect();
    let sets = benchmarks(state, &version.framework_key).await?;
    let (domains, fields, actions) = framework.size();
    let body = html! {
        h1 { (text(v, &framework.name)) " " small.muted { (version.version) } }
        @if let Some(description) = &framework.description { p.lead { (text(v, description)) } }
        p {
            (v.tf("framework-size", &[("domains", domains.into()), ("fields", fields.into()), ("actions", actions.into())]))
            " · " a href=(v.href(&format!("/frameworks/{id}/export"))) download { (v.t("framework-export")) }
        }
        @if !others.is_empty() {
            form.inline method="get" action=(v.href(&format!("/frameworks/{id}/diff"))) {
                label for="with" { (v.t("framework-compare-with")) " " }
                select #with name="with" { @for other in &others { option value=(other.id) { (other.reference()) } } }
                " " button.button.secondary type="submit" { (v.t("framework-compare")) }
            }
        }
        h2 { (v.t("framework-scale")) }
        (scale(v, &framework))
        h2 { (v.t("framework-modules")) }
        ul { @for module in &framework.modules {
            li { strong { (text(v, &module.name)) } " (" code { (module.key) } ") — "
                (v.tf("framework-module-items", &[("count", framework.rated_items(module).len().into()), ("level", v.t(&format!("level-{}", module.level.key())).into())])) }
        } }
        h2 { (v.t("framework-content")) }
        @for domain in &framework.domains {
            section.framework-domain {
                h3 { code { (domain.key) } " " (text(v, &domain.text)) }
                ol.fields { @for field in &domain.fields {
                    li { code { (field.key) } " " (text(v, &field.text))
                        @if !field.sdgs.is_empty() { " " span.muted { (v.t("sdgs")) " " (field.sdgs.iter().map(u8::to_string).collect::<Vec<_>>().join(", ")) } }
                        @if !field.actions.is_empty() {
                            ol.actions { @for action in &field.actions { li { code { (action.key) } " " (text(v, &action.text)) } } }
                        }
                    }
                } }
            }
        }
        (benchmark_pages::section(state, v, id, &framework, &sets, compute))
    };
    Ok(layout::page(state, v, text(v, &framework.name), body))
}

fn scale(v: &Viewer, framework: &Framework) -> Markup {
    let scale = &framework.scale;
    html! {
        p { (v.tf("framework-scale-range", &[("min", scale.min.into()), ("max", scale.max.into())]))
            @if scale.not_applicable { " · " (v.t("framework-scale-na")) } }
        @if !scale.stages.is_empty() {
            ul { @for stage in &scale.stages { li { (stage.name.get(v.lang)) " (" (stage.from) "–" (stage.to) ")" } } }
        }
        @if !scale.labels.is_empty() {
            dl { @for label in &scale.labels { dt { (label.value) } dd { (label.text.get(v.lang)) } } }
        }
    }
}

pub async fn export(
    State(state): State<AppState>,
    Path(id): Path<FrameworkVersionId>,
) -> Result<Response, AppError> {
    let (version, framework) = load(&state, id).await?;
    let name = format!(
        "attachment; filename=\"{}-{}.toml\"",
        version.framework_key, version.version
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/toml; charset=utf-8".to_owned(),
            ),
            (header::CONTENT_DISPOSITION, name),
        ],
        to_toml(&framework),
    )
        .into_response())
}

#[derive(Debug, Deserialize)]
pub struct DiffQuery {
    with: FrameworkVersionId,
}

fn change_row(v: &Viewer, change: &Change) -> Markup {
    html! {
        tr {
            td { code { (change.key) } } td { (v.t(&format!("item-kind-{}", change.kind.key()))) }
            td { (change.before.as_ref().map_or("", |t| t.get(v.lang))) }
            td { (change.after.as_ref().map_or("", |t| t.get(v.lang))) }
        }
    }
}

pub async fn diff_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<FrameworkVersionId>,
    Query(query): Query<DiffQuery>,
) -> Result<Markup, AppError> {
    let (old, new, diff) = compare(&state, query.with, id).await?;
    let sections = [
        ("diff-added", &diff.added),
        ("diff-removed", &diff.removed),
        ("diff-reworded", &diff.reworded),
    ];
    let body = html! {
        h1 { (v.t("diff-title")) }
        p.lead { code { (old.reference()) } " → " code { (new.reference()) } }
        @if diff.is_empty() { p { (v.t("diff-none")) } }
        @if diff.scale_changed { p.flash { (v.t("diff-scale-changed")) } }
        @for (title, changes) in sections {
            @if !changes.is_empty() {
                h2 { (v.t(title)) " (" (changes.len()) ")" }
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th { (v.t("key")) } th { (v.t("kind")) } th { (v.t("diff-before")) } th { (v.t("diff-after")) } } }
                    tbody { @for change in changes.iter() { (change_row(&v, change)) } }
                } }
            }
        }
        @if !diff.modules.is_empty() {
            h2 { (v.t("diff-modules")) }
            ul { @for module in &diff.modules {
                li { code { (module.key) } ": "
                    (v.tf("diff-module-counts", &[("added", module.added.len().into()), ("removed", module.removed.len().into())])) }
            } }
        }
    };
    Ok(layout::page(&state, &v, &v.t("diff-title"), body))
}

pub async fn import_page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require(Action::ManageFrameworks)?;
    Ok(import_form(&state, &v, None, StatusCode::OK))
}

fn import_form(
    state: &AppState,
    v: &Viewer,
    outcome: Option<Result<(Imported, &Framework), &AppError>>,
    status: StatusCode,
) -> Response {
    let body = html! {
        h1 { (v.t("frameworks-import")) }
        p.lead { (v.t("frameworks-import-lead")) }
        @match outcome {
            Some(Ok((done, framework))) => div.flash.success role="status" {
                (v.tf(&format!("framework-imported-{}", match done { Imported::Created(_) => "created", Imported::Replaced(_) => "replaced", Imported::Unchanged(_) => "unchanged" }), &[("framework", framework.reference().into())]))
                " " a href=(v.href(&format!("/frameworks/{}", done.id()))) { (v.t("framework-open")) }
            },
            Some(Err(error)) => div.flash.error role="alert" {
                p { strong { (v.problem(&error.problem())) } }
                @if let AppError::Lines(lines) = error { (layout::line_errors(state, v.lang, lines)) }
            },
            None => {},
        }
        form.form method="post" action={ (v.href("/frameworks/import")) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
            (csrf_field(v))
            div.field {
                label for="f-file" { (v.t("framework-file")) }
                input #f-file type="file" name="file" accept=".toml,application/toml,text/plain" required;
            }
            div.actions { button.button type="submit" { (v.t("import-submit")) } }
        }
    };
    (
        status,
        layout::page(state, v, &v.t("frameworks-import"), body),
    )
        .into_response()
}

pub async fn import_upload(
    State(state): State<AppState>,
    v: Viewer,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not import is told so before the body is read.
    v.require(Action::ManageFrameworks)?;
    let mut multipart = multipart?;
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, e.body_text()))
    };
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            file = Some(field.bytes().await.map_err(unreadable)?);
        }
    }
    let source = file
        .filter(|bytes| !bytes.is_empty())
        .and_then(|bytes| String::from_utf8(bytes.to_vec()).ok());
    let Some(source) = source else {
        let error = AppError::BadRequest(Problem::new(ProblemKey::NotAFile));
        return Ok(import_form(
            &state,
            &v,
            Some(Err(&error)),
            StatusCode::BAD_REQUEST,
        ));
    };
    match import(&state, &v.acting(), &source)
        .await
        .map_err(AppError::from)
    {
        Ok((done, framework)) => Ok(import_form(
            &state,
            &v,
            Some(Ok((done, &framework))),
            StatusCode::OK,
        )),
        Err(error @ (AppError::Lines(_) | AppError::Conflict(_))) => {
            Ok(import_form(&state, &v, Some(Err(&error)), error.status()))
        }
        Err(other) => Err(other),
    }
}
