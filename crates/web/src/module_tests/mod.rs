//! Thematic-module testing on the web: a programme's seminars with the form that starts one,
//! a seminar's page (the module's items with the proposals on each; links and closing for its
//! runners; decisions and the revision for the secretariat; what the revision changed), the
//! participant's page reached by a link without an account (`join`), and the JSON API (`api`).

mod api;
mod join;
mod report;

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors_in};
use crate::negotiate::redirect;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::module_tests::{self as cases, ModuleTestInput, ModuleTestView};
use ateneu_domain::FieldErrors;
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::frameworks::Change;
use ateneu_domain::module_tests::Decision;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route(
            "/programmes/{id}/module-tests",
            get(programme_page).post(create),
        )
        .route("/module-tests/{id}", get(page))
        .route("/module-tests/{id}/links", post(invite))
        .route("/module-tests/{id}/status", post(set_status))
        .route(
            "/module-tests/{id}/proposals/{proposal_id}/decision",
            post(decide),
        )
        .route("/module-tests/{id}/revise", post(revise))
        .route("/module-tests/{id}/report.pdf", get(report::pdf))
        .route(
            "/module-tests/join/{token}",
            get(join::page).post(join::propose),
        )
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(api::of_programme, api::create))
        .documented(routes!(api::read))
        .documented(routes!(api::invite))
        .documented(routes!(api::set_status))
        .documented(routes!(api::decide))
        .documented(routes!(api::revise))
        .documented(routes!(api::join, api::propose))
}

fn href(v: &Viewer, id: i64) -> String {
    v.href(&format!("/module-tests/{id}"))
}

fn action(v: &Viewer, id: i64, part: &str) -> String {
    format!("{}/{part}?csrf={}", href(v, id), v.csrf)
}

async fn programme_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render_programme(&state, &v, id, StatusCode::OK, None).await
}

async fn render_programme(
    state: &AppState,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    refused: Option<(&ModuleTestInput, &FieldErrors)>,
) -> Result<Response, AppError> {
    let programme = ateneu_app::programmes::read(state, &v.acting(), id).await?;
    let tests = cases::of_programme(state, &v.acting(), id).await?;
    let no_errors = FieldErrors::new();
    let (title_value, framework, module, errors) = match refused {
        Some((i, e)) => (i.title.as_str(), i.framework.as_str(), i.module.as_str(), e),
        None => ("", "culture21-actions@2015", "", &no_errors),
    };
    let title = v.t("module-tests-title");
    let body = html! {
        p { a href=(v.href(&format!("/programmes/{id}"))) { (layout::translated(v, &programme.city.draft.name)) } }
        h1 { (title) }
        p.lead { (v.t("module-tests-lead")) }
        @if tests.is_empty() { p.muted { (v.t("module-tests-none")) } }
        ul { @for t in &tests { li {
            a href=(href(v, t.id)) { (t.title) } " · " (t.module_key)
            " · " (v.t(&format!("seven-keys-status-{}", t.status.key())))
        } } }
        @if programme.rights.may_consult {
            section.card {
                h2 { (v.t("module-tests-start")) }
                (form_errors_in(v, None, errors))
                form.form method="post" action={ (v.href(&format!("/programmes/{id}/module-tests"))) "?csrf=" (v.csrf) } {
                    (csrf_field(v))
                    (Field::new("title", v.t("seven-keys-title"), title_value).required().render(v, errors))
                    (Field::new("framework", v.t("module-tests-framework"), framework).required().hint(v.t("module-tests-framework-hint")).render(v, errors))
                    (Field::new("module", v.t("module-tests-module"), module).required().render(v, errors))
                    div.actions { button.button type="submit" { (v.t("module-tests-create")) } }
                }
            }
        }
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<ModuleTestInput>,
) -> Result<Response, AppError> {
    match cases::create(&state, &v.acting(), id, &input).await {
        Ok(test) => Ok(redirect(&href(&v, test.id))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            render_programme(
                &state,
                &v,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((&input, &errors)),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&state, &v, id, StatusCode::OK, Vec::new(), None).await
}

fn change_list(v: &Viewer, heading: &str, changes: &[Change]) -> Markup {
    html! {
        @if !changes.is_empty() {
            h3 { (v.t(heading)) }
            ul { @for c in changes { li {
                code { (c.key) } " "
                @if let Some(before) = &c.before { del { (before.get(v.lang)) } " " }
                @if let Some(after) = &c.after { ins { (after.get(v.lang)) } }
            } } }
        }
    }
}

fn decision_label(v: &Viewer, decision: Decision) -> String {
    v.t(&format!("module-tests-decision-{}", decision.key()))
}

fn items_section(v: &Viewer, view: &ModuleTestView) -> Markup {
    let id = view.test.id;
    let choices: Vec<(String, String)> = Decision::ALL
        .iter()
        .map(|d| (d.key().to_owned(), decision_label(v, *d)))
        .collect();
    html! {
        section #items {
            h2 { (v.tf("module-tests-proposals", &[("count", view.proposals.len().into())])) }
            @for item in &view.items {
                @let on: Vec<_> = view.proposals.iter().filter(|p| p.draft.item == item.key).collect();
                h3 { (item.text.get(v.lang)) " " span.muted { code { (item.key) } } }
                @if on.is_empty() { p.muted { (v.t("module-tests-no-proposal")) } }
                ul { @for p in on { li {
                    strong { (v.t(&format!("module-tests-kind-{}", p.draft.kind.key()))) } " · "
                    (decision_label(v, p.decision))
                    @for (lang, text) in p.draft.texts() { @if !text.is_empty() { br; span lang=(lang.code()) { (lang.code().to_uppercase()) ": " (text) } } }
                    @if !p.draft.comment.is_empty() { br; em { (p.draft.comment) } }
                    @if view.may_decide && view.test.revised_version_id.is_none() {
                        form.inline method="post" action=(action(v, id, &format!("proposals/{}/decision", p.id))) {
                            (csrf_field(v))
                            (layout::select_in(v, Some(&format!("decision-{}", p.id)), "decision", &v.t("module-tests-decision"), &choices, p.decision.key(), &FieldErrors::new()))
                            button.button.secondary type="submit" { (v.t("save")) }
                        }
                    }
                } } }
            }
        }
    }
}

async fn render(
    state: &AppState,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    links: Vec<String>,
    refused: Option<&FieldErrors>,
) -> Result<Response, AppError> {
    let view = cases::read(state, &v.acting(), id).await?;
    let t = &view.test;
    let open = t.status == AssessmentStatus::Open;
    let no_errors = FieldErrors::new();
    let errors = refused.unwrap_or(&no_errors);
    let body = html! {
        p { a href=(v.href(&format!("/programmes/{}/module-tests", t.programme_id))) { (v.t("module-tests-title")) } }
        h1 { (t.title) }
        p.lead { code { (view.framework) } " · " (t.module_key) " · " strong { (v.t(&format!("seven-keys-status-{}", t.status.key()))) } }
        @if view.may_run {
            section.card {
                h2 { (v.tf("seven-keys-participants", &[("count", view.links.into())])) }
                @if !links.is_empty() {
                    div.flash.success role="status" { p { (v.t("seven-keys-links-once")) }
                        ol { @for link in &links { li { code { (link) } } } } }
                }
                @if open {
                    form.form method="post" action=(action(v, id, "links")) {
                        (csrf_field(v))
                        (Field::new("count", v.t("seven-keys-link-count"), "20").kind("number").scope("links").render(v, &FieldErrors::new()))
                        div.actions { button.button type="submit" { (v.t("seven-keys-make-links")) } }
                    }
                }
                form method="post" action=(action(v, id, "status")) {
                    (csrf_field(v))
                    input type="hidden" name="status" value=(if open { "closed" } else { "open" });
                    button.button.secondary type="submit" { (v.t(if open { "seven-keys-close" } else { "seven-keys-reopen" })) }
                }
            }
        }
        (items_section(v, &view))
        p { a href=(v.href(&format!("/module-tests/{id}/report.pdf"))) { (v.t("module-tests-report-pdf")) } }
        section #revision {
            h2 { (v.t("module-tests-revision")) }
            @match (&view.revised, &view.diff) {
                (Some(revised), Some(diff)) => {
                    p { (v.tf("module-tests-revised-as", &[("version", revised.clone().into())])) }
                    (change_list(v, "module-tests-reworded", &diff.reworded))
                    (change_list(v, "module-tests-added", &diff.added))
                    (change_list(v, "module-tests-removed", &diff.removed))
                },
                _ => @if view.may_decide {
                    (form_errors_in(v, Some("revise"), errors))
                    form.form method="post" action=(action(v, id, "revise")) {
                        (csrf_field(v))
                        p.hint { (v.t("module-tests-revise-hint")) }
                        (Field::new("version", v.t("module-tests-version"), "").required().scope("revise").render(v, errors))
                        div.actions { button.button type="submit" { (v.t("module-tests-revise")) } }
                    }
                } @else { p.muted { (v.t("module-tests-not-revised")) } },
            }
        }
    };
    Ok((status, layout::page(state, v, &t.title, body)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CountForm {
    count: String,
}

async fn invite(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<CountForm>,
) -> Result<Response, AppError> {
    let count = form.count.trim().parse::<u32>().unwrap_or(0);
    let tokens = cases::invite(&state, &v.acting(), id, count).await?;
    let links = tokens
        .iter()
        .map(|t| join::link(&state, v.lang, t))
        .collect();
    render(&state, &v, id, StatusCode::OK, links, None).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StatusForm {
    status: String,
}

async fn set_status(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    cases::set_status(&state, &v.acting(), id, &form.status).await?;
    Ok(redirect(&href(&v, id)))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DecisionForm {
    decision: String,
}

async fn decide(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, proposal)): Path<(i64, i64)>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    cases::decide(&state, &v.acting(), id, proposal, &form.decision).await?;
    Ok(redirect(&format!("{}#items", href(&v, id))))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct VersionForm {
    version: String,
}

async fn revise(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<VersionForm>,
) -> Result<Response, AppError> {
    let (name, pdf) = report::for_filing(&state, &v, id, &form.version).await?;
    let report = Some((name.as_str(), pdf.as_slice()));
    match cases::revise(&state, &v.acting(), id, &form.version, report).await {
        Ok(_) => Ok(redirect(&format!("{}#revision", href(&v, id)))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            render(
                &state,
                &v,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Vec::new(),
                Some(&errors),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}
