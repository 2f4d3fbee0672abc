//! The secretariat's pages for the newsletter's issues: the list with each sending's progress,
//! the composition form (titles and editorials per language, the items offered), the preview
//! of each language's copy (its HTML part and its plain-text part), and the sending. The use
//! cases are `ateneu_app::newsletter::issues`; the public archive is `archive`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path, Query};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::viewer::Viewer;
use ateneu_app::newsletter::issues::{self as cases, Candidate, IssueView};
use ateneu_domain::newsletter::issues::{DeliveryStatus, IssueInput, IssueStatus};
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

/// The form's fields as a browser sends them: a box per item offered, named `items`.
pub(super) fn input_of(pairs: &[(String, String)]) -> IssueInput {
    let mut input = IssueInput::default();
    for (name, value) in pairs {
        let value = value.clone();
        match name.as_str() {
            "title_en" => input.title_en = value,
            "title_fr" => input.title_fr = value,
            "title_es" => input.title_es = value,
            "editorial_en" => input.editorial_en = value,
            "editorial_fr" => input.editorial_fr = value,
            "editorial_es" => input.editorial_es = value,
            "items" => input.items.push(value),
            _ => {}
        }
    }
    input
}

fn status_label(v: &Viewer, status: IssueStatus) -> String {
    v.t(&format!("newsletter-issue-status-{}", status.key()))
}

fn progress(v: &Viewer, view: &IssueView) -> Markup {
    html! {
        p { (v.tf("newsletter-issue-progress", &[("done", view.done.into()), ("copies", view.copies.into())])) }
        @if view.copies > 0 {
            progress max=(view.copies) value=(view.done) {}
            ul {
                @for status in DeliveryStatus::ALL {
                    @if let Some(n) = view.progress.get(&status) {
                        li { (v.t(&format!("newsletter-delivery-{}", status.key()))) ": " (n) }
                    }
                }
            }
        }
    }
}

async fn list_page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let views = cases::list(&state, &v.acting()).await?;
    let title = v.t("newsletter-issues-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("newsletter-issues-lead")) }
        p { a.button href=(v.href("/newsletter/issues/new")) { (v.t("newsletter-issue-new")) } }
        @if views.is_empty() {
            p { (v.t("newsletter-issues-none")) }
        } @else {
            table {
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (v.t("newsletter-issues-col-title")) }
                    th scope="col" { (v.t("newsletter-issue-status")) }
                    th scope="col" { (v.t("newsletter-issues-col-copies")) }
                } }
                tbody {
                    @for view in &views {
                        @let issue = &view.issue;
                        tr {
                            td { (issue.id) }
                            td { a href=(v.href(&format!("/newsletter/issues/{}", issue.id))) {
                                (ateneu_domain::newsletter::issues::in_lang(&issue.draft.titles, v.lang).map(|t| t.text).unwrap_or_default())
                            } }
                            td { (status_label(&v, issue.status)) }
                            td { (view.done) " / " (view.copies) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

fn compose_form(
    v: &Viewer,
    action: &str,
    input: &IssueInput,
    candidates: &[Candidate],
    errors: &FieldErrors,
) -> Markup {
    html! {
        (form_errors(v, errors))
        form.form method="post" action=(v.href(action)) novalidate {
            (csrf_field(v))
            p.hint { (v.t("newsletter-issue-texts-hint")) }
            @for lang in Lang::ALL {
                @let (title, editorial) = match lang {
                    Lang::En => (&input.title_en, &input.editorial_en),
                    Lang::Fr => (&input.title_fr, &input.editorial_fr),
                    Lang::Es => (&input.title_es, &input.editorial_es),
                };
                @let title_name = format!("title_{lang}");
                @let editorial_name = format!("editorial_{lang}");
                @let lang_name = lang.native_name();
                (Field::new(&title_name, v.tf("newsletter-issue-title", &[("lang", lang_name.into())]), title).render(v, errors))
                (Field::new(&editorial_name, v.tf("newsletter-issue-editorial", &[("lang", lang_name.into())]), editorial).kind("textarea").render(v, errors))
            }
            fieldset #f-items aria-describedby=[errors.get("items").map(|_| "f-items-error")] {
                legend { (v.t("newsletter-issue-items")) }
                @if let Some(problem) = errors.get("items") {
                    p.error #f-items-error { (v.problem(problem)) }
                }
                @if candidates.is_empty() {
                    p { (v.t("newsletter-issue-items-none")) }
                }
                @for c in candidates {
                    label {
                        input type="checkbox" name="items" value=(c.item) checked[input.items.contains(&c.item)];
                        " " strong { (v.t(&format!("newsletter-kind-{}", c.kind.key()))) } " — " (c.title)
                        " " small { "(" (v.t(&format!("newsletter-reason-{}", c.reason.key())))
                            @if let Some(on) = c.on { ", " (on) } ")" }
                    }
                    br;
                }
            }
            div.actions { button.button type="submit" { (v.t("newsletter-issue-save")) } }
        }
    }
}

fn compose_page(
    state: &AppState,
    v: &Viewer,
    title: &str,
    action: &str,
    input: &IssueInput,
    candidates: &[Candidate],
    errors: &FieldErrors,
) -> Markup {
    let body = html! {
        h1 { (title) }
        (compose_form(v, action, input, candidates, errors))
    };
    layout::page(state, v, title, body)
}

async fn new_page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let candidates = cases::candidates(&state, &v.acting(), v.lang).await?;
    let input = IssueInput {
        items: candidates
            .iter()
            .filter(|c| c.reason == cases::Reason::Scheduled)
            .map(|c| c.item.clone())
            .collect(),
        ..Default::default()
    };
    let title = v.t("newsletter-issue-new");
    let page = compose_page(
        &state,
        &v,
        &title,
        "/newsletter/issues",
        &input,
        &candidates,
        &FieldErrors::new(),
    );
    Ok(page.into_response())
}

/// Answers a form refused field by field with the form again (422), other errors as such.
async fn refused(
    state: &AppState,
    v: &Viewer,
    title: &str,
    action: &str,
    input: &IssueInput,
    error: ateneu_app::Error,
) -> Result<Response, AppError> {
    match error {
        ateneu_app::Error::Invalid(errors) => {
            let candidates = cases::candidates(state, &v.acting(), v.lang).await?;
            let page = compose_page(state, v, title, action, input, &candidates, &errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        other => Err(other.into()),
    }
}

async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = input_of(&pairs);
    match cases::create(&state, &v.acting(), &input).await {
        Ok(issue) => {
            Ok(Redirect::to(&v.href(&format!("/newsletter/issues/{}", issue.id))).into_response())
        }
        Err(error) => {
            refused(
                &state,
                &v,
                &v.t("newsletter-issue-new"),
                "/newsletter/issues",
                &input,
                error,
            )
            .await
        }
    }
}

async fn issue_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = cases::read(&state, &v.acting(), id).await?;
    let issue = &view.issue;
    let title = v.tf("newsletter-issue-heading", &[("id", id.into())]);
    let candidates = if issue.status.is_editable() {
        cases::candidates(&state, &v.acting(), v.lang).await?
    } else {
        Vec::new()
    };
    let body = html! {
        h1 { (title) }
        p { strong { (v.t("newsletter-issue-status")) ": " } (status_label(&v, issue.status)) }
        @if issue.status != IssueStatus::Draft {
            @if issue.status == IssueStatus::Sending {
                meta http-equiv="refresh" content="5";
            }
            (progress(&v, &view))
        }
        h2 { (v.t("newsletter-preview")) }
        ul {
            @for lang in Lang::ALL {
                li { a href=(v.href(&format!("/newsletter/issues/{id}/preview?edition={lang}"))) { (lang.native_name()) } }
            }
        }
        @match issue.status {
            IssueStatus::Draft => {
                (compose_form(&v, &format!("/newsletter/issues/{id}"), &issue.draft.input(), &candidates, &FieldErrors::new()))
                h2 { (v.t("newsletter-issue-send")) }
                p.hint { (v.t("newsletter-issue-send-hint")) }
                form.form method="post" action=(v.href(&format!("/newsletter/issues/{id}/send"))) {
                    (csrf_field(&v))
                    div.actions { button.button type="submit" { (v.t("newsletter-issue-send")) } }
                }
                form.form method="post" action=(v.href(&format!("/newsletter/issues/{id}/delete"))) {
                    (csrf_field(&v))
                    div.actions { button.button.secondary type="submit" { (v.t("newsletter-issue-delete")) } }
                }
            },
            IssueStatus::Sending => {
                form.form method="post" action=(v.href(&format!("/newsletter/issues/{id}/send"))) {
                    (csrf_field(&v))
                    div.actions { button.button type="submit" { (v.t("newsletter-issue-resume")) } }
                }
            },
            IssueStatus::Sent => {
                p { a href=(v.href(&format!("/newsletter/archive/{id}"))) { (v.t("newsletter-mail-archive")) } }
            },
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = input_of(&pairs);
    match cases::update(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(Redirect::to(&v.href(&format!("/newsletter/issues/{id}"))).into_response()),
        Err(error) => {
            let title = v.tf("newsletter-issue-heading", &[("id", id.into())]);
            refused(
                &state,
                &v,
                &title,
                &format!("/newsletter/issues/{id}"),
                &input,
                error,
            )
            .await
        }
    }
}

async fn send(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(_): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    cases::send(&state, &v.acting(), id).await?;
    Ok(Redirect::to(&v.href(&format!("/newsletter/issues/{id}"))).into_response())
}

async fn delete(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(_): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    cases::delete(&state, &v.acting(), id).await?;
    Ok(Redirect::to(&v.href("/newsletter/issues")).into_response())
}

/// `?edition=es`: the language whose copy is shown (the page's own when missing).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct EditionQuery {
    pub edition: Option<String>,
}

impl EditionQuery {
    pub(super) fn lang(&self, otherwise: Lang) -> Result<Lang, AppError> {
        match self
            .edition
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            None => Ok(otherwise),
            Some(code) => code.parse().map_err(|_| {
                AppError::BadRequest(ateneu_domain::Problem::with_detail(
                    ateneu_domain::ProblemKey::UnknownLanguage,
                    code,
                ))
            }),
        }
    }
}

async fn preview_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
) -> Result<Response, AppError> {
    let lang = query.lang(v.lang)?;
    let copy = cases::preview(&state, &v.acting(), id, lang, &[]).await?;
    let title = v.tf(
        "newsletter-preview-title",
        &[("title", copy.subject.clone().into())],
    );
    let body = html! {
        h1 { (title) }
        p.lead { (v.tf("newsletter-preview-lead", &[("lang", lang.native_name().into())])) }
        p { a href=(v.href(&format!("/newsletter/issues/{id}"))) { (v.tf("newsletter-issue-heading", &[("id", id.into())])) } }
        h2 { (v.t("newsletter-preview-html")) }
        iframe.mail-preview title=(v.t("newsletter-preview-html")) sandbox="" srcdoc=(copy.html) width="100%" height="600" {}
        h2 { (v.t("newsletter-preview-text")) }
        pre.mail-text lang=(lang.code()) { (copy.text) }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

pub(super) fn routes(routes: crate::routing::Routes) -> crate::routing::Routes {
    use axum::routing::{get, post};
    routes
        .route("/newsletter/issues", get(list_page).post(create))
        .route("/newsletter/issues/new", get(new_page))
        .route("/newsletter/issues/{id}", get(issue_page).post(update))
        .route("/newsletter/issues/{id}/send", post(send))
        .route("/newsletter/issues/{id}/delete", post(delete))
        .route("/newsletter/issues/{id}/preview", get(preview_page))
}
