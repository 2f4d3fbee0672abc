//! The newsletter's public archive: the list of sent issues, each issue's page as its readers
//! in the page's language got it (every section; a text in another language says so), and the
//! Atom feed of the issues. Drafts and issues being sent are not found here.

use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::layout;
use crate::viewer::Viewer;
use ateneu_app::newsletter::issues::{self as cases, Issue};
use ateneu_domain::Lang;
use ateneu_domain::newsletter::issues::{Edition, Text};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};

fn edition(issue: &Issue, lang: Lang) -> Option<&Edition> {
    issue.edition(lang).or_else(|| issue.editions.first())
}

fn title_of(issue: &Issue, lang: Lang) -> String {
    edition(issue, lang)
        .map(|e| e.title.text.clone())
        .unwrap_or_else(|| format!("#{}", issue.id))
}

/// A text, marked with its language and said to be in it when it is not the page's.
fn text(v: &Viewer, edition: &Edition, text: &Text) -> Markup {
    html! {
        @if edition.is_fallback(text) {
            span lang=(text.lang.code()) { (text.text) }
            " " em.fallback { (v.tf("newsletter-in-lang", &[("lang", text.lang.native_name().into())])) }
        } @else {
            (text.text)
        }
    }
}

fn sent_on(v: &Viewer, issue: &Issue) -> String {
    let date = issue
        .sent_at
        .map(|d| d.date_naive().to_string())
        .unwrap_or_default();
    v.tf("newsletter-issue-sent-on", &[("date", date.into())])
}

pub(super) async fn list_page(
    State(state): State<AppState>,
    v: Viewer,
) -> Result<Response, AppError> {
    let issues = cases::archive(&state).await?;
    let title = v.t("newsletter-archive-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("newsletter-archive-lead")) }
        p {
            a href=(v.href("/newsletter/archive.atom")) type="application/atom+xml" { (v.t("newsletter-archive-feed")) }
            " · " a href=(v.href("/newsletter")) { (v.t("newsletter-subscribe-link")) }
        }
        @if issues.is_empty() {
            p { (v.t("newsletter-archive-none")) }
        } @else {
            ul.archive {
                @for issue in &issues {
                    li {
                        a href=(v.href(&format!("/newsletter/archive/{}", issue.id))) { (title_of(issue, v.lang)) }
                        " — " (sent_on(&v, issue))
                    }
                }
            }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

pub(super) async fn issue_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let issue = cases::archived(&state, id).await?;
    let edition = edition(&issue, v.lang).ok_or(AppError::NotFound)?;
    let title = edition.title.text.clone();
    let body = html! {
        h1 { (text(&v, edition, &edition.title)) }
        p.meta { (sent_on(&v, &issue)) " · " a href=(v.href("/newsletter/archive")) { (v.t("newsletter-archive-title")) } }
        @if let Some(editorial) = &edition.editorial {
            @if edition.is_fallback(editorial) {
                p { em.fallback { (v.tf("newsletter-in-lang", &[("lang", editorial.lang.native_name().into())])) } }
            }
            div.editorial lang=(editorial.lang.code()) {
                @for paragraph in editorial.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
                    p { (paragraph.trim()) }
                }
            }
        }
        @for (kind, items) in edition.sections(&[]) {
            section {
                h2 { (v.t(&format!("newsletter-section-{}", kind.key()))) }
                ul {
                    @for item in items {
                        li {
                            a href=(item.url) { (text(&v, edition, &item.title)) }
                            @let meta = item.meta();
                            @if !meta.is_empty() { br; small { (meta) } }
                            @if let Some(summary) = &item.summary { br; (text(&v, edition, summary)) }
                        }
                    }
                }
            }
        }
        p { a href=(v.href("/newsletter")) { (v.t("newsletter-subscribe-link")) } }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

/// `GET /{lang}/newsletter/archive.atom`: the sent issues, titled in the feed's language.
pub(super) async fn feed(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let issues = cases::archive(&state).await?;
    let lang = v.lang.code();
    let base = state.config.base_url.trim_end_matches('/').to_owned();
    let updated = issues
        .iter()
        .filter_map(|i| i.sent_at)
        .max()
        .unwrap_or_else(chrono::Utc::now);
    let feed = html! {
        (PreEscaped("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
        feed xmlns="http://www.w3.org/2005/Atom" xml:lang=(lang) {
            title { (v.t("newsletter-archive-title")) }
            id { (format!("{base}/{lang}/newsletter/archive.atom")) }
            link rel="self" href=(format!("{base}/{lang}/newsletter/archive.atom")) {}
            link rel="alternate" type="text/html" href=(format!("{base}/{lang}/newsletter/archive")) {}
            updated { (updated.to_rfc3339()) }
            author { name { "UCLG Culture Committee" } }
            @for issue in &issues {
                entry {
                    title { (title_of(issue, v.lang)) }
                    id { (format!("{base}/newsletter/archive/{}", issue.id)) }
                    link rel="alternate" type="text/html" href=(format!("{base}/{lang}/newsletter/archive/{}", issue.id)) {}
                    updated { (issue.sent_at.unwrap_or(issue.updated_at).to_rfc3339()) }
                    @if let Some(editorial) = edition(issue, v.lang).and_then(|e| e.editorial.as_ref()) {
                        summary type="text" { (editorial.text.chars().take(500).collect::<String>()) }
                    }
                }
            }
        }
    };
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.into_string(),
    )
        .into_response())
}
