//! The facilitators' pages of Seven Keys workshops: a programme's workshops with the form that
//! starts one, and a workshop's page (open or close it, make participants' links, record a
//! challenge named in the room, cluster challenges into themes, agree on keys, turn them into a
//! draft action plan, write and publish the article). A refused form is shown again with its
//! problems field by field.

use super::{Sent, asset_boxes, links_line, sdg_boxes};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors_in};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::seven_keys::{self as cases, WorkshopView};
use ateneu_domain::FieldErrors;
use ateneu_domain::assessments::{AssessmentStatus, Visibility};
use ateneu_domain::seven_keys::{ArticleInput, SUGGESTED_KEYS, WorkshopInput};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::BTreeSet;

fn workshop_href(v: &Viewer, id: i64) -> String {
    v.href(&format!("/seven-keys/workshops/{id}"))
}

fn action(v: &Viewer, id: i64, part: &str) -> String {
    format!(
        "{}/{part}?csrf={}",
        v.href(&format!("/seven-keys/workshops/{id}")),
        v.csrf
    )
}

/// A programme's workshops, and the form that starts one for whoever may.
pub async fn programme_page(
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
    refused: Option<(&WorkshopInput, &FieldErrors)>,
) -> Result<Response, AppError> {
    let programme = ateneu_app::programmes::read(state, &v.acting(), id).await?;
    let workshops = cases::of_programme(state, &v.acting(), id).await?;
    let empty = (WorkshopInput::default(), FieldErrors::new());
    let (input, errors) = refused.unwrap_or((&empty.0, &empty.1));
    let activities: Vec<_> = programme
        .activities
        .iter()
        .filter(|a| a.draft.catalogue_key.as_deref() == Some(cases::ACTIVITY))
        .collect();
    let title = v.t("seven-keys-workshops");
    let body = html! {
        p { a href=(v.href(&format!("/programmes/{id}"))) { (layout::translated(v, &programme.city.draft.name)) } }
        h1 { (title) }
        p.lead { (v.t("seven-keys-lead")) }
        @if workshops.is_empty() { p.muted { (v.t("seven-keys-none")) } }
        ul { @for w in &workshops { li {
            a href=(workshop_href(v, w.id)) { (w.draft.title) } " · " (w.draft.held_on)
            " · " (v.t(&format!("seven-keys-status-{}", w.status.key())))
        } } }
        @if programme.rights.may_consult {
            section.card {
                h2 { (v.t("seven-keys-start")) }
                (form_errors_in(v, None, errors))
                form.form method="post" action={ (v.href(&format!("/programmes/{id}/seven-keys"))) "?csrf=" (v.csrf) } {
                    (csrf_field(v))
                    (Field::new("title", v.t("seven-keys-title"), &input.title).required().render(v, errors))
                    (Field::new("held_on", v.t("seven-keys-held-on"), &input.held_on).kind("date").required().render(v, errors))
                    (layout::select(v, "lang", &v.t("seven-keys-lang"),
                        &ateneu_domain::Lang::ALL.iter().map(|l| (l.code().to_owned(), v.language(*l))).collect::<Vec<_>>(),
                        if input.lang.is_empty() { v.lang.code() } else { &input.lang }, errors))
                    @if !activities.is_empty() {
                        (layout::select(v, "activity", &v.t("seven-keys-activity"),
                            &std::iter::once((String::new(), "—".to_owned())).chain(activities.iter().map(|a| (a.id.to_string(), format!("{} · {}", a.draft.starts_on, v.t("seven-keys-activity-name"))))).collect::<Vec<_>>(),
                            &input.activity, errors))
                    }
                    div.actions { button.button type="submit" { (v.t("seven-keys-create")) } }
                }
            }
        }
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<WorkshopInput>,
) -> Result<Response, AppError> {
    match cases::create(&state, &v.acting(), id, &input).await {
        Ok(workshop) => Ok(redirect(&workshop_href(&v, workshop.id))),
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

/// What a refused form, or a step just taken, shows on the workshop's page.
#[derive(Default)]
struct Shown {
    challenge: Option<FieldErrors>,
    key: Option<FieldErrors>,
    article: Option<(ArticleInput, FieldErrors)>,
    /// The links just made (shown once).
    links: Vec<String>,
    /// A step refused for a reason (closed, no keys yet…).
    refused: Option<String>,
}

pub async fn workshop_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&state, &v, id, StatusCode::OK, Shown::default()).await
}

fn challenges_section(v: &Viewer, view: &WorkshopView, shown: &Shown) -> Markup {
    let id = view.workshop.id;
    let themes: Vec<&str> = view.themes.iter().map(|t| t.name.as_str()).collect();
    html! {
        section #challenges {
            h2 { (v.tf("seven-keys-challenges", &[("count", view.challenges.len().into())])) }
            @if !view.themes.is_empty() {
                h3 { (v.t("seven-keys-themes")) }
                ul { @for t in &view.themes { li { strong { (t.name) } " · " (v.tf("seven-keys-theme-count", &[("count", t.challenges.into())])) } } }
            }
            datalist #theme-names { @for t in &themes { option value=(t); } }
            @if view.challenges.is_empty() { p.muted { (v.t("seven-keys-no-challenges")) } } @else {
                form #themes method="post" action=(action(v, id, "themes")) { (csrf_field(v)) }
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th scope="col" { "#" } th scope="col" { (v.t("seven-keys-challenge")) } th scope="col" { (v.t("seven-keys-links")) } th scope="col" { (v.t("seven-keys-theme")) } } }
                    tbody { @for c in &view.challenges { tr {
                        td { (c.id) }
                        th scope="row" { (c.draft.text) }
                        td { (links_line(v, &c.draft.sdgs, &c.draft.assets, &view.assets)) }
                        td { @if view.may_run {
                            label.visually-hidden for={ "f-theme-" (c.id) } { (v.tf("seven-keys-theme-of", &[("n", c.id.into())])) }
                            input id={ "f-theme-" (c.id) } form="themes" name={ "theme-" (c.id) } value=(c.theme.as_deref().unwrap_or("")) list="theme-names" maxlength="120";
                        } @else { (c.theme.as_deref().unwrap_or("—")) } }
                    } } }
                } }
                @if view.may_run { p { button.button form="themes" type="submit" { (v.t("seven-keys-themes-save")) } } }
            }
            @if view.may_run && view.workshop.status == AssessmentStatus::Open {
                details.card open[shown.challenge.is_some()] {
                    summary { (v.t("seven-keys-record-challenge")) }
                    @if let Some(errors) = &shown.challenge { (form_errors_in(v, Some("challenge"), errors)) }
                    form.form method="post" action=(action(v, id, "challenges")) {
                        (csrf_field(v))
                        (Field::new("text", v.t("seven-keys-challenge"), "").kind("textarea").required().scope("challenge").render(v, shown.challenge.as_ref().unwrap_or(&FieldErrors::new())))
                        (sdg_boxes(v, "challenge", &BTreeSet::new()))
                        (asset_boxes(v, "challenge", &view.assets))
                        div.actions { button.button type="submit" { (v.t("seven-keys-add-challenge")) } }
                    }
                }
            }
        }
    }
}

fn keys_section(v: &Viewer, view: &WorkshopView, shown: &Shown) -> Markup {
    let id = view.workshop.id;
    let no_errors = FieldErrors::new();
    let errors = shown.key.as_ref().unwrap_or(&no_errors);
    html! {
        section #keys {
            h2 { (v.tf("seven-keys-keys", &[("count", view.keys.len().into())])) }
            p.hint { (v.tf("seven-keys-keys-hint", &[("suggested", SUGGESTED_KEYS.into())])) }
            ol { @for k in &view.keys { li {
                strong { (k.draft.title) } " — " (k.draft.actors)
                @if !k.draft.commitment.is_empty() { p { (k.draft.commitment) } }
                p.muted { (links_line(v, &k.draft.sdgs, &BTreeSet::new(), &[]))
                    @if !k.draft.challenges.is_empty() { " · " (v.tf("seven-keys-answers", &[("ids", k.draft.challenges.iter().map(|c| format!("#{c}")).collect::<Vec<_>>().join(", ").into())])) } }
                @if view.may_run && view.workshop.plan_output_id.is_none() {
                    form.inline method="post" action=(action(v, id, &format!("keys/{}/remove", k.id))) {
                        (csrf_field(v)) button.button.secondary type="submit" { (v.t("seven-keys-remove-key")) }
                    }
                }
            } } }
            @if view.may_run && view.workshop.plan_output_id.is_none() {
                details.card open[shown.key.is_some()] {
                    summary { (v.t("seven-keys-add-key")) }
                    (form_errors_in(v, Some("key"), errors))
                    form.form method="post" action=(action(v, id, "keys")) {
                        (csrf_field(v))
                        (Field::new("title", v.t("seven-keys-key-title"), "").required().scope("key").render(v, errors))
                        (Field::new("actors", v.t("seven-keys-actors"), "").required().hint(v.t("seven-keys-actors-hint")).scope("key").render(v, errors))
                        (Field::new("commitment", v.t("seven-keys-commitment"), "").kind("textarea").scope("key").render(v, errors))
                        (sdg_boxes(v, "key", &BTreeSet::new()))
                        @if !view.challenges.is_empty() {
                            fieldset.field { legend { (v.t("seven-keys-answers-legend")) }
                                div.checkbox-grid { @for c in &view.challenges {
                                    label for={ "f-key-challenge-" (c.id) } {
                                        input id={ "f-key-challenge-" (c.id) } type="checkbox" name={ "challenge-" (c.id) } value="on";
                                        " #" (c.id) " " (c.draft.text.chars().take(80).collect::<String>())
                                    }
                                } }
                            }
                        }
                        div.actions { button.button type="submit" { (v.t("seven-keys-add-key")) } }
                    }
                }
            }
            @match view.workshop.plan_output_id {
                Some(plan) => p { a.button href=(v.href(&format!("/outputs/{plan}"))) { (v.t("seven-keys-open-plan")) } },
                None => @if view.may_run && !view.keys.is_empty() {
                    form.form method="post" action=(action(v, id, "plan")) {
                        (csrf_field(v))
                        p.hint { (v.t("seven-keys-plan-hint")) }
                        (layout::select_in(v, Some("plan"), "visibility", &v.t("goal-report-visibility"),
                            &Visibility::ALL.iter().map(|x| (x.key().to_owned(), v.t(&format!("visibility-{}", x.key())))).collect::<Vec<_>>(),
                            "network", &FieldErrors::new()))
                        div.actions { button.button type="submit" { (v.t("seven-keys-draft-plan")) } }
                    }
                },
            }
        }
    }
}

fn article_section(v: &Viewer, view: &WorkshopView, shown: &Shown) -> Markup {
    let id = view.workshop.id;
    let saved = view.workshop.article.as_ref();
    let value = |field: &str, lang: ateneu_domain::Lang| -> String {
        if let Some((input, _)) = &shown.article {
            return match (field, lang.code()) {
                ("title", "en") => input.title_en.clone(),
                ("title", "fr") => input.title_fr.clone(),
                ("title", _) => input.title_es.clone(),
                (_, "en") => input.body_en.clone(),
                (_, "fr") => input.body_fr.clone(),
                _ => input.body_es.clone(),
            };
        }
        saved
            .and_then(|a| {
                if field == "title" { &a.title } else { &a.body }
                    .get(lang)
                    .map(str::to_owned)
            })
            .unwrap_or_default()
    };
    let no_errors = FieldErrors::new();
    let errors = shown.article.as_ref().map_or(&no_errors, |(_, e)| e);
    html! {
        section #article {
            h2 { (v.t("seven-keys-article")) }
            @if view.workshop.published_at.is_some() {
                p { a href=(v.href(&format!("/seven-keys/{id}"))) { (v.t("seven-keys-article-public")) } }
            }
            @if view.may_run {
                (form_errors_in(v, Some("article"), errors))
                form.form method="post" action=(action(v, id, "article")) {
                    (csrf_field(v))
                    input type="hidden" name="source_lang" value=(view.workshop.draft.lang.code());
                    @for lang in ateneu_domain::Lang::ALL {
                        fieldset.field { legend { (v.language(lang)) }
                            (Field::new(&format!("title_{}", lang.code()), v.t("seven-keys-article-title"), &value("title", lang)).scope("article").render(v, errors))
                            (Field::new(&format!("body_{}", lang.code()), v.t("seven-keys-article-body"), &value("body", lang)).kind("textarea").scope("article").render(v, errors))
                        }
                    }
                    div.field { label for="f-article-published" {
                        input #f-article-published type="checkbox" name="published" value="on" checked[view.workshop.published_at.is_some()];
                        " " (v.t("seven-keys-publish"))
                    } }
                    div.actions { button.button type="submit" { (v.t("seven-keys-save-article")) } }
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
    let view = cases::read(state, &v.acting(), id).await?;
    let w = &view.workshop;
    let city = layout::translated(v, &view.city.draft.name);
    let open = w.status == AssessmentStatus::Open;
    let body = html! {
        p { a href=(v.href(&format!("/programmes/{}/seven-keys", w.programme_id))) { (v.t("seven-keys-workshops")) } }
        h1 { (w.draft.title) }
        p.lead { (city) " · " (w.draft.held_on) " · " (v.language(w.draft.lang)) " · "
            strong { (v.t(&format!("seven-keys-status-{}", w.status.key()))) } }
        @if let Some(reason) = &shown.refused { div.flash.error role="alert" { (reason) } }
        p { a href=(v.href(&format!("/seven-keys/workshops/{id}/report.pdf"))) { (v.t("seven-keys-report-pdf")) } }
        @if view.may_run && view.workshop.status == AssessmentStatus::Open {
            p { a href=(v.href(&format!("/seven-keys/workshops/{id}/offline"))) { (v.t("offline-link")) } }
        }
        @if view.may_run {
            section.card {
                h2 { (v.tf("seven-keys-participants", &[("count", view.invitations.into())])) }
                @if !shown.links.is_empty() {
                    div.flash.success role="status" { p { (v.t("seven-keys-links-once")) }
                        ol { @for link in &shown.links { li { code { (link) } } } } }
                }
                @if open {
                    form.form method="post" action=(action(v, id, "invitations")) {
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
        (challenges_section(v, &view, &shown))
        (keys_section(v, &view, &shown))
        (article_section(v, &view, &shown))
    };
    Ok((status, layout::page(state, v, &w.draft.title, body)).into_response())
}

/// A step refused for a reason (conflict) is shown on the page; anything else is the error.
async fn refused_or(
    state: &AppState,
    v: &Viewer,
    id: i64,
    error: ateneu_app::Error,
) -> Result<Response, AppError> {
    match error {
        ateneu_app::Error::Conflict(problem) => {
            let shown = Shown {
                refused: Some(v.problem(&problem)),
                ..Shown::default()
            };
            render(state, v, id, StatusCode::CONFLICT, shown).await
        }
        other => Err(other.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    status: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    cases::set_status(&state, &v.acting(), id, &form.status).await?;
    Ok(redirect(&workshop_href(&v, id)))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CountForm {
    count: String,
}

pub async fn invite(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<CountForm>,
) -> Result<Response, AppError> {
    let count = form.count.trim().parse::<u32>().unwrap_or(0);
    let tokens = cases::invite(&state, &v.acting(), id, count).await?;
    let links = tokens
        .iter()
        .map(|t| super::join::link(&state, v.lang, t))
        .collect();
    let shown = Shown {
        links,
        ..Shown::default()
    };
    render(&state, &v, id, StatusCode::OK, shown).await
}

pub async fn record_challenge(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = Sent(sent).challenge();
    match cases::record_challenge(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(redirect(&format!("{}#challenges", workshop_href(&v, id)))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let shown = Shown {
                challenge: Some(errors),
                ..Shown::default()
            };
            render(&state, &v, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(other) => refused_or(&state, &v, id, other).await,
    }
}

/// The table of challenges sent whole: a `theme-ID` field per challenge.
pub async fn set_themes(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let themes: Vec<(i64, String)> = sent
        .into_iter()
        .filter_map(|(k, value)| {
            let challenge = k.strip_prefix("theme-")?.parse::<i64>().ok()?;
            Some((challenge, value))
        })
        .collect();
    cases::set_themes(&state, &v.acting(), id, &themes).await?;
    Ok(redirect(&format!("{}#challenges", workshop_href(&v, id))))
}

pub async fn add_key(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = Sent(sent).key();
    match cases::add_key(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(redirect(&format!("{}#keys", workshop_href(&v, id)))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let shown = Shown {
                key: Some(errors),
                ..Shown::default()
            };
            render(&state, &v, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(other) => refused_or(&state, &v, id, other).await,
    }
}

pub async fn remove_key(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, key)): Path<(i64, i64)>,
    Form(_): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    cases::remove_key(&state, &v.acting(), id, key).await?;
    Ok(redirect(&format!("{}#keys", workshop_href(&v, id))))
}

pub async fn draft_plan(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<VisibilityForm>,
) -> Result<Response, AppError> {
    let (name, pdf) = super::report::for_filing(&state, &v, id).await?;
    let report = Some((name.as_str(), pdf.as_slice()));
    match cases::draft_plan(&state, &v.acting(), id, &form.visibility, report).await {
        Ok(output) => Ok(redirect(&v.href(&format!("/outputs/{}", output.id)))),
        Err(other) => refused_or(&state, &v, id, other).await,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VisibilityForm {
    visibility: String,
}

pub async fn save_article(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<ArticleInput>,
) -> Result<Response, AppError> {
    match cases::save_article(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(redirect(&format!("{}#article", workshop_href(&v, id)))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let shown = Shown {
                article: Some((input, errors)),
                ..Shown::default()
            };
            render(&state, &v, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(other) => Err(other.into()),
    }
}
