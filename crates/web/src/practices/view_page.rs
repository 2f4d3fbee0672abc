//! A practice's page: its texts in the reader's language (or visibly in another), facts, cities,
//! partners, contact when it may be shown, media and tags; for the people working on it, the
//! stage, the checklist, the review steps, the comments and the promotion form.

use super::{Loaded, load_visible};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, csrf_field};
use crate::viewer::Viewer;
use ateneu_domain::FieldErrors;
use ateneu_domain::permissions::Action;
use ateneu_domain::practices::checklist::checklist;
use ateneu_domain::practices::markdown;
use ateneu_domain::practices::workflow::Step;
use ateneu_domain::practices::{Stage, TextField, parse_date};
use ateneu_domain::text::TranslatedText;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

/// A Markdown text in the reader's language, or in another one that is named.
pub fn markdown_text(v: &Viewer, text: &TranslatedText) -> Markup {
    let shown = text.show(v.lang);
    html! {
        @if shown.is_fallback {
            p.fallback.muted { small { (v.tf("shown-in", &[("language", v.language(shown.lang).into())])) } }
        }
        // `render` gives safe HTML: raw HTML in the text comes out escaped.
        div.prose lang=[shown.is_fallback.then(|| shown.lang.code())] { (PreEscaped(markdown::render(shown.text))) }
    }
}

/// The body of a practice as readers see it (also the preview of the guided form).
pub fn practice_body(state: &AppState, v: &Viewer, loaded: &Loaded) -> Markup {
    let p = &loaded.practice;
    let r = &p.record;
    let labels = state.search.labels();
    let sections = [
        TextField::Context,
        TextField::Objectives,
        TextField::Implementation,
        TextField::Results,
        TextField::Lessons,
        TextField::Budget,
    ];
    html! {
        @if let Some(summary) = r.text(TextField::Summary) { div.lead { (markdown_text(v, summary)) } }
        dl.facts {
            dt { (v.t("practice-cities")) }
            dd { @for (i, city) in p.cities.iter().enumerate() {
                @if i > 0 { ", " }
                a href=(v.href(&format!("/cities/{}", city.slug))) { (layout::translated(v, &city.name)) }
                " (" (city.country.code()) ")"
            } }
            dt { (v.t("practice-status")) } dd { (v.t(&format!("practice-status-{}", r.status.key()))) }
            @if let Some(d) = r.start_date { dt { (v.t("practice-start-date")) } dd { (d) } }
            @if let Some(d) = r.end_date { dt { (v.t("practice-end-date")) } dd { (d) } }
            @if let Some(d) = p.published_at { dt { (v.t("practice-published-at")) } dd { (d.date_naive()) } }
            dt { (v.t("practice-languages")) }
            dd { @for (i, lang) in r.languages().iter().enumerate() {
                @if i > 0 { ", " }
                span { (v.language(*lang)) }
            } }
        }
        @for field in sections {
            @if let Some(text) = r.text(field) {
                section {
                    h2 { (v.t(&format!("practice-field-{}", field.key()))) }
                    (markdown_text(v, text))
                }
            }
        }
        @if !r.partners.is_empty() {
            section {
                h2 { (v.t("practice-partners")) }
                ul { @for partner in &r.partners {
                    li { (partner.name) " " span.muted { "(" (v.t(&format!("partner-kind-{}", partner.kind.key()))) ")" } }
                } }
            }
        }
        @if !r.contact.is_empty() && super::shows_contact(v, loaded) {
            section {
                h2 { (v.t("practice-contact")) }
                @if !r.contact.public { p.muted { (v.t("practice-contact-private")) } }
                p {
                    (r.contact.name) @if !r.contact.position.is_empty() { ", " (r.contact.position) }
                    @if !r.contact.email.is_empty() { " · " a href={ "mailto:" (r.contact.email) } { (r.contact.email) } }
                    @if !r.contact.phone.is_empty() { " · " (r.contact.phone) }
                }
            }
        }
        (super::media_pages::media_section(v, r))
        section {
            h2 { (v.t("practice-tags")) }
            ul.tags {
                @for n in &r.tags.sdgs {
                    li { a.badge href={ (v.href("/practices")) "?sdg=" (n) } {
                        (state.reference.sdgs.iter().find(|s| s.number == i32::from(*n)).map_or_else(|| n.to_string(), |s| format!("{n}. {}", s.name.get(v.lang))))
                    } }
                }
                @for f in &r.tags.fields {
                    li { a.badge href={ (v.href("/practices")) "?field=" (f) } { (labels.fields.get(f).map_or(f.as_str(), |t| t.get(v.lang))) } }
                }
                @for k in &r.tags.keywords {
                    li { a.badge href={ (v.href("/practices")) "?keyword=" (k) } { (labels.keywords.get(k).map_or(k.as_str(), |t| t.get(v.lang))) } }
                }
                @if let Some(c) = &r.tags.creative_field {
                    li { a.badge href={ (v.href("/practices")) "?creative_field=" (c) } { (state.reference.creative_field(c).map_or(c.as_str(), |f| f.name.get(v.lang))) } }
                }
            }
        }
    }
}

/// The checklist, item by item.
pub fn checklist_list(v: &Viewer, loaded: &Loaded) -> Markup {
    let checks = checklist(&loaded.practice.record, loaded.practice.cities.len());
    html! {
        ul.checklist { @for c in &checks {
            li {
                @if c.done { "✓ " (v.t("checklist-done")) } @else { "✗ " (v.t("checklist-missing")) }
                ": " (v.t(&format!("checklist-{}", c.key)))
                @if !c.required { " " span.muted { "(" (v.t("checklist-optional")) ")" } }
            }
        } }
    }
}

/// The step buttons the viewer may take, each with a comment.
pub fn step_form(v: &Viewer, loaded: &Loaded, steps: &[Step]) -> Markup {
    html! {
        @if !steps.is_empty() {
            form.form method="post" action=(v.href(&format!("/practices/{}/steps", loaded.practice.slug))) {
                (csrf_field(v))
                div.field {
                    label for="f-step-comment" { (v.t("practice-step-comment")) }
                    textarea #f-step-comment name="comment" rows="3" {}
                }
                div.actions { @for step in steps {
                    button.button type="submit" name="step" value=(step.key()) { (v.t(&format!("step-{}", step.key()))) } " "
                } }
            }
        }
    }
}

async fn worker_panel(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let p = &loaded.practice;
    let scope = loaded.scope();
    let comments = ateneu_app::practices::editing::comments(state, &v.acting(), loaded).await?;
    let mut kinds = Vec::new();
    if v.allows(Action::AdvisePractice(scope)) {
        kinds.push(("advice".to_owned(), v.t("comment-kind-advice")));
    }
    if v.allows(Action::ReviewPractice(scope)) {
        kinds.push(("review".to_owned(), v.t("comment-kind-review")));
    }
    let may_edit = v.allows(Action::EditPractice(scope));
    let may_promote = v.allows(Action::PublishPractice(scope)) && p.stage.is_public();
    // Its share kit: the Committee's secretariat, for a published practice.
    let may_share =
        p.stage.is_public() && ateneu_app::newsletter::require_keeper(state, &v.acting()).is_ok();
    let base = format!("/practices/{}", p.slug);
    // The city is told who its practice waits for (or will, once submitted).
    let reviewers = if matches!(
        p.stage,
        Stage::Draft | Stage::ChangesRequested | Stage::Submitted | Stage::InReview
    ) {
        crate::notifications::practice_reviewers(state, v, loaded).await?
    } else {
        Vec::new()
    };
    Ok(html! {
        section.panel aria-labelledby="work" {
            h2 #work { (v.t("practice-work")) }
            p { (v.t("practice-stage")) ": " strong { (v.t(&format!("stage-{}", p.stage.key()))) } }
            @if !reviewers.is_empty() {
                p { (v.tf("practice-reviewed-by", &[("count", reviewers.len().into()), ("names", reviewers.join(", ").into())])) }
            }
            @if may_edit || v.allows(Action::TranslatePractice(scope)) {
                p { a.button href=(v.href(&format!("{base}/edit"))) { (v.t("practice-edit")) } }
            }
            h3 { (v.t("checklist-heading")) }
            (checklist_list(v, loaded))
            (step_form(v, loaded, &super::steps_for(v, loaded)))
            h3 { (v.t("comments-title")) }
            @if comments.is_empty() { p.muted { (v.t("comments-none")) } }
            ul.comments { @for c in &comments {
                li {
                    strong { (c.author) } " · " (c.created_at.format("%Y-%m-%d %H:%M")) " · "
                    @match &c.step { Some(step) => { (v.t(&format!("step-{step}"))) }, None => { (v.t(&format!("comment-kind-{}", c.kind))) } }
                    @if !c.body.is_empty() { p { (c.body) } }
                }
            } }
            @if !kinds.is_empty() {
                form.form method="post" action=(v.href(&format!("{base}/comments"))) novalidate {
                    (csrf_field(v))
                    (layout::select(v, "kind", &v.t("comment-kind"), &kinds, "", errors))
                    (layout::Field::new("body", v.t("comment-body"), "").kind("textarea").required().render(v, errors))
                    div.actions { button.button type="submit" { (v.t("comment-add")) } }
                }
            }
            @if may_promote {
                h3 { (v.t("promotion-title")) }
                form.form method="post" action=(v.href(&format!("{base}/promotion"))) novalidate {
                    (csrf_field(v))
                    div.field { label { input type="checkbox" name="featured" value="true" checked[p.featured]; " " (v.t("promotion-featured")) } }
                    (layout::Field::new("newsletter_on", v.t("promotion-newsletter"), &p.newsletter_on.map(|d| d.to_string()).unwrap_or_default()).kind("date").render(v, errors))
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            }
            @if may_share {
                p { a href=(v.href(&format!("{base}/sharing"))) { (v.t("sharing-link")) } }
            }
        }
    })
}

/// The page, with a problem from a form shown at its top.
async fn render(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    error: Option<&AppError>,
) -> Result<Response, AppError> {
    let p = &loaded.practice;
    let worker = super::is_worker(v, loaded);
    let title = p.record.title(v.lang).to_owned();
    let empty = FieldErrors::new();
    let errors = match error {
        Some(AppError::Invalid(errors)) => errors,
        _ => &empty,
    };
    let panel = if worker {
        Some(worker_panel(state, v, loaded, errors).await?)
    } else {
        None
    };
    let body = html! {
        p { a href=(v.href("/practices")) { "← " (v.t("practices-title")) } }
        @if let Some(error) = error {
            div.flash.error role="alert" { p { (v.problem(&error.problem())) } }
            (layout::form_errors(v, errors))
        }
        @if let Some(t) = p.record.text(TextField::Title) { h1 { (layout::translated(v, t)) } }
        @if !p.stage.is_public() { p { span.badge { (v.t(&format!("stage-{}", p.stage.key()))) } } }
        (practice_body(state, v, loaded))
        @if let Some(panel) = panel { (panel) }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

/// `GET /{lang}/practices/{slug}`: drafts are not found for those who may not see them.
pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &slug).await?;
    render(&state, &v, &loaded, None).await
}

/// What went wrong in a form of the page: shown on the page in the reader's language; any
/// other error is the error page.
async fn outcome(
    state: &AppState,
    v: &Viewer,
    slug: &str,
    result: Result<(), AppError>,
    anchor: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(crate::negotiate::redirect(
            &v.href(&format!("/practices/{slug}{anchor}")),
        )),
        Err(error @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            let loaded = load_visible(state, v, slug).await?;
            render(state, v, &loaded, Some(&error)).await
        }
        Err(other) => Err(other),
    }
}

#[derive(Debug, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    comment: String,
}

pub async fn take_step(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<StepForm>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &slug).await?;
    let result = match Step::parse(&form.step) {
        Ok(step) => ateneu_app::practices::editing::step(
            &state,
            &v.acting(),
            &loaded,
            step,
            &form.comment,
            v.lang,
        )
        .await
        .map_err(AppError::from)
        .map(|_| ()),
        Err(problem) => Err(AppError::BadRequest(problem)),
    };
    outcome(&state, &v, &slug, result, "#work").await
}

#[derive(Debug, Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    body: String,
}

pub async fn add_comment(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<CommentForm>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &slug).await?;
    let result = ateneu_app::practices::editing::comment(
        &state,
        &v.acting(),
        &loaded,
        &form.kind,
        &form.body,
    )
    .await
    .map_err(AppError::from);
    outcome(&state, &v, &slug, result, "#work").await
}

#[derive(Debug, Deserialize)]
pub struct PromotionForm {
    #[serde(default)]
    featured: Option<String>,
    #[serde(default)]
    newsletter_on: String,
}

pub async fn promote(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<PromotionForm>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &slug).await?;
    let result = match parse_date(&form.newsletter_on) {
        Ok(date) => ateneu_app::practices::editing::promote(
            &state,
            &v.acting(),
            &loaded,
            form.featured.is_some(),
            date,
        )
        .await
        .map_err(AppError::from),
        Err(problem) => {
            let mut errors = FieldErrors::new();
            errors.add("newsletter_on", problem);
            Err(AppError::Invalid(errors))
        }
    };
    outcome(&state, &v, &slug, result, "#work").await
}
