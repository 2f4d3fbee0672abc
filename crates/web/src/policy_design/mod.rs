//! Policy-design workshops on the web: the workshop's page beside its action plan (open it on
//! the fields the room works on and make participants' links, the ideas by field and cluster,
//! the clusters and key ideas its keepers record, closing and reopening), the participant's
//! page reached by a link without an account (`join`), and the JSON API (`api`).

mod api;
mod join;

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors_in};
use crate::negotiate::redirect;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::policy_design::{self as cases, WorkshopView};
use ateneu_app::programmes::action_plans::ActionPlanView;
use ateneu_domain::FieldErrors;
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::policy_design::LinksInput;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/outputs/{id}/workshop", get(page))
        .route("/outputs/{id}/workshop/links", post(open))
        .route("/outputs/{id}/workshop/status", post(set_status))
        .route("/outputs/{id}/workshop/key-ideas", post(set_key_ideas))
        .route(
            "/outputs/{id}/workshop/ideas/{idea_id}/cluster",
            post(set_cluster),
        )
        .route("/ideas/{token}", get(join::page).post(join::propose))
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(api::read))
        .documented(routes!(api::open))
        .documented(routes!(api::set_status))
        .documented(routes!(api::set_key_ideas))
        .documented(routes!(api::set_cluster))
        .documented(routes!(api::join, api::propose))
}

fn base(v: &Viewer, id: i64) -> String {
    v.href(&format!("/outputs/{id}/workshop"))
}

fn action(v: &Viewer, id: i64, part: &str) -> String {
    format!("{}/{part}?csrf={}", base(v, id), v.csrf)
}

/// What a step just taken, or a refused form, shows on the page.
#[derive(Default)]
struct Shown {
    links: Vec<String>,
    opening: Option<(LinksInput, FieldErrors)>,
}

async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&state, &v, id, StatusCode::OK, Shown::default()).await
}

fn opening_form(v: &Viewer, id: i64, view: &WorkshopView, shown: &Shown) -> Markup {
    let current = view
        .workshop
        .as_ref()
        .map_or_else(|| view.suggested.join(", "), |w| w.fields.join(", "));
    let no_errors = FieldErrors::new();
    let (fields, count, errors) = match &shown.opening {
        Some((input, errors)) => (input.fields.clone(), input.count.clone(), errors),
        None => (current, "20".to_owned(), &no_errors),
    };
    html! {
        section.card {
            h2 { (v.tf("policy-design-participants", &[("count", view.links.into())])) }
            @if !shown.links.is_empty() {
                div.flash.success role="status" { p { (v.t("seven-keys-links-once")) }
                    ol { @for link in &shown.links { li { code { (link) } } } } }
            }
            (form_errors_in(v, Some("links"), errors))
            form.form method="post" action=(action(v, id, "links")) {
                (csrf_field(v))
                (Field::new("fields", v.t("policy-design-fields"), &fields).kind("textarea").hint(v.t("policy-design-fields-hint")).scope("links").required().render(v, errors))
                (Field::new("count", v.t("seven-keys-link-count"), &count).kind("number").scope("links").render(v, errors))
                div.actions { button.button type="submit" { (v.t("seven-keys-make-links")) } }
            }
            @if let Some(w) = &view.workshop {
                @let open = w.status == AssessmentStatus::Open;
                form method="post" action=(action(v, id, "status")) {
                    (csrf_field(v))
                    input type="hidden" name="status" value=(if open { "closed" } else { "open" });
                    button.button.secondary type="submit" { (v.t(if open { "seven-keys-close" } else { "seven-keys-reopen" })) }
                }
                @if open { p { a href=(v.href(&format!("/outputs/{id}/workshop/offline"))) { (v.t("offline-link")) } } }
            }
        }
    }
}

fn ideas_section(v: &Viewer, id: i64, view: &WorkshopView) -> Markup {
    html! {
        section #ideas {
            h2 { (v.tf("policy-design-ideas", &[("count", view.ideas.len().into())])) }
            @for f in &view.by_field {
                h3 { (f.field.name.get(v.lang)) }
                @if f.clusters.is_empty() { p.muted { (v.t("policy-design-no-ideas")) } }
                @for c in &f.clusters {
                    h4 { (c.name.as_deref().map_or_else(|| v.t("policy-design-unclustered"), str::to_owned)) }
                    ul { @for idea in &c.ideas { li { (idea) } } }
                }
            }
            @if view.may_run && !view.ideas.is_empty() {
                details {
                    summary { (v.t("policy-design-cluster-ideas")) }
                    datalist #cluster-names { @for f in &view.by_field { @for c in &f.clusters { @if let Some(name) = &c.name { option value=(name); } } } }
                    div.table-wrap tabindex="0" { table.data {
                        thead { tr { th scope="col" { (v.t("policy-design-idea")) } th scope="col" { (v.t("policy-design-cluster")) } } }
                        tbody { @for idea in &view.ideas { tr {
                            th scope="row" { (idea.draft.text) }
                            td { form.inline method="post" action=(action(v, id, &format!("ideas/{}/cluster", idea.id))) {
                                (csrf_field(v))
                                label.visually-hidden for={ "f-cluster-" (idea.id) } { (v.t("policy-design-cluster")) }
                                input id={ "f-cluster-" (idea.id) } name="cluster" value=(idea.cluster.as_deref().unwrap_or("")) list="cluster-names" maxlength="120";
                                " " button.button.secondary type="submit" { (v.t("seven-keys-theme-save")) }
                            } }
                        } } }
                    } }
                }
            }
        }
    }
}

async fn render(
    state: &AppState,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    shown: Shown,
) -> Result<Response, AppError> {
    let (plan, view): (ActionPlanView, WorkshopView) =
        cases::read(state, &v.acting(), id, Some(v.lang)).await?;
    let title = v.tf(
        "policy-design-title",
        &[("plan", plan.output.output.title.clone().into())],
    );
    let key_ideas = view
        .workshop
        .as_ref()
        .map_or(String::new(), |w| w.key_ideas.clone());
    let body = html! {
        p { a href=(v.href(&format!("/outputs/{id}"))) { (plan.output.output.title) } }
        h1 { (title) }
        p.lead { (v.t("policy-design-lead")) }
        @if let Some(w) = &view.workshop {
            p { strong { (v.t(&format!("seven-keys-status-{}", w.status.key()))) } }
        }
        @if view.may_run { (opening_form(v, id, &view, &shown)) }
        @else if view.workshop.is_none() { p.muted { (v.t("policy-design-not-open")) } }
        (ideas_section(v, id, &view))
        section #key-ideas {
            h2 { (v.t("key-ideas")) }
            @if view.may_run && view.workshop.is_some() {
                form.form method="post" action=(action(v, id, "key-ideas")) {
                    (csrf_field(v))
                    (Field::new("text", v.t("key-ideas"), &key_ideas).kind("textarea").scope("key-ideas").render(v, &FieldErrors::new()))
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            } @else if key_ideas.is_empty() { p.muted { "—" } } @else {
                @for paragraph in key_ideas.split("\n\n") { p { (paragraph) } }
            }
            p { a href=(v.href(&format!("/outputs/{id}/plan.pdf"))) { (v.t("action-plan-pdf")) } }
        }
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

async fn open(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<LinksInput>,
) -> Result<Response, AppError> {
    match cases::open(&state, &v.acting(), id, &input).await {
        Ok(tokens) => {
            let links = tokens
                .iter()
                .map(|t| join::link(&state, v.lang, t))
                .collect();
            let shown = Shown {
                links,
                ..Shown::default()
            };
            render(&state, &v, id, StatusCode::OK, shown).await
        }
        Err(ateneu_app::Error::Invalid(errors)) => {
            let shown = Shown {
                opening: Some((input, errors)),
                ..Shown::default()
            };
            render(&state, &v, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(other) => Err(other.into()),
    }
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
    Ok(redirect(&base(&v, id)))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TextForm {
    text: String,
}

async fn set_key_ideas(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<TextForm>,
) -> Result<Response, AppError> {
    cases::set_key_ideas(&state, &v.acting(), id, &form.text).await?;
    Ok(redirect(&format!("{}#key-ideas", base(&v, id))))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ClusterForm {
    cluster: String,
}

async fn set_cluster(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, idea)): Path<(i64, i64)>,
    Form(form): Form<ClusterForm>,
) -> Result<Response, AppError> {
    cases::set_cluster(&state, &v.acting(), id, idea, &form.cluster).await?;
    Ok(redirect(&format!("{}#ideas", base(&v, id))))
}
