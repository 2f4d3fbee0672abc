//! A Leading City's showcase on the web: the public page (introduction, documents, videos as
//! titled cards linking to their hosting site, resources, practices, outputs), its Atom feed,
//! and the curators' forms on the same page (entries added, changed, moved, removed, approved;
//! the introduction written and approved). The use cases are `ateneu_app::showcase`; the JSON
//! API is `showcase_api`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field};
use crate::viewer::Viewer;
use ateneu_app::showcase::{self as cases, Entry, Showcase};
use ateneu_domain::newsletter::issues::in_lang;
use ateneu_domain::showcase::{Approval, EntryInput, EntryKind, IntroInput};
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, PreEscaped, html};

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn entry_input(pairs: &[(String, String)]) -> EntryInput {
    EntryInput {
        kind: value(pairs, "kind").to_owned(),
        title: value(pairs, "title").to_owned(),
        description: value(pairs, "description").to_owned(),
        url: value(pairs, "url").to_owned(),
        languages: pairs
            .iter()
            .filter(|(k, _)| k == "languages")
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(","),
    }
}

fn kind_label(v: &Viewer, kind: EntryKind) -> String {
    v.t(&format!("showcase-kind-{}", kind.key()))
}

fn entry_form(
    v: &Viewer,
    action: &str,
    input: &EntryInput,
    errors: &FieldErrors,
    scope: Option<&str>,
) -> Markup {
    let kinds: Vec<(String, String)> = EntryKind::ALL
        .iter()
        .map(|k| (k.key().to_owned(), kind_label(v, *k)))
        .collect();
    html! {
        form.form method="post" action=(v.href(action)) novalidate {
            (csrf_field(v))
            input type="hidden" name="do" value="save";
            (layout::select_in(v, scope, "kind", &v.t("showcase-kind"), &kinds, &input.kind, errors))
            (Field::new("title", v.t("showcase-entry-title"), &input.title).required().in_scope(scope).render(v, errors))
            (Field::new("url", v.t("showcase-entry-url"), &input.url).kind("url").required().in_scope(scope).render(v, errors))
            (Field::new("description", v.t("showcase-entry-description"), &input.description).kind("textarea").in_scope(scope).render(v, errors))
            fieldset {
                legend { (v.t("showcase-entry-languages")) }
                @if let Some(problem) = errors.get("languages") { p.error { (v.problem(problem)) } }
                @for lang in Lang::ALL {
                    label { input type="checkbox" name="languages" value=(lang.code()) checked[input.languages.split(',').any(|c| c.trim() == lang.code())]; " " (lang.native_name()) }
                }
            }
            div.actions { button.button type="submit" { (v.t("showcase-save")) } }
        }
    }
}

fn action_button(v: &Viewer, action: &str, what: &str, label: String) -> Markup {
    html! {
        form.inline method="post" action=(v.href(action)) {
            (csrf_field(v))
            input type="hidden" name="do" value=(what);
            button.button.secondary type="submit" { (label) }
        }
    }
}

fn entry_card(v: &Viewer, slug: &str, entry: &Entry, show: &Showcase) -> Markup {
    let action = format!("/cities/{slug}/showcase/entries/{}", entry.id);
    let scope = format!("e{}", entry.id);
    html! {
        article.card.showcase-entry {
            h3 { a href=(entry.draft.url) rel="external noopener" { (entry.draft.title) } }
            p.muted {
                (kind_label(v, entry.draft.kind))
                @if !entry.draft.languages.is_empty() {
                    " · " (entry.draft.languages.iter().map(|l| l.native_name()).collect::<Vec<_>>().join(", "))
                }
                @if show.may_curate && entry.approval == Approval::Proposed { " · " strong { (v.t("showcase-proposed")) } }
            }
            @if !entry.draft.description.is_empty() { p { (entry.draft.description) } }
            @if show.may_curate {
                div.actions {
                    (action_button(v, &action, "up", v.t("showcase-up")))
                    (action_button(v, &action, "down", v.t("showcase-down")))
                    @if show.may_approve && entry.approval == Approval::Proposed { (action_button(v, &action, "approve", v.t("showcase-approve"))) }
                    (action_button(v, &action, "remove", v.t("showcase-remove")))
                }
                details { summary { (v.t("showcase-change")) } (entry_form(v, &action, &entry.draft.input(), &FieldErrors::new(), Some(&scope))) }
            }
        }
    }
}

fn page_body(
    state: &AppState,
    v: &Viewer,
    show: &Showcase,
    new_entry: &EntryInput,
    errors: &FieldErrors,
) -> Markup {
    let slug = &show.city.slug;
    let name = show.city.draft.name.show(v.lang).text.to_owned();
    let title = v.tf("showcase-title", &[("city", name.clone().into())]);
    let intro = show
        .intro
        .as_ref()
        .and_then(|i| in_lang(&i.texts, v.lang).map(|t| (i, t)));
    let body = html! {
        h1 { (title) }
        @if let Some((_, text)) = &intro {
            div.lead-text lang=(text.lang.code()) {
                @for (n, paragraph) in text.text.split("\n\n").filter(|p| !p.trim().is_empty()).enumerate() {
                    @if n == 0 { p.lead { (paragraph.trim()) } } @else { p { (paragraph.trim()) } }
                }
            }
        }
        p {
            a href=(v.href(&format!("/cities/{slug}"))) { (name) }
            " · " a href=(v.href(&format!("/cities/{slug}/profile"))) { (v.t("showcase-profile")) }
            " · " a href=(v.href(&format!("/cities/{slug}/showcase.atom"))) type="application/atom+xml" { (v.t("showcase-feed")) }
        }
        @for kind in EntryKind::ALL {
            @let entries: Vec<&Entry> = show.entries.iter().filter(|e| e.draft.kind == kind).collect();
            @if !entries.is_empty() {
                section.panel {
                    h2 { (v.t(&format!("showcase-section-{}", kind.key()))) }
                    @for entry in entries { (entry_card(v, slug, entry, show)) }
                }
            }
        }
        @if !show.practices.is_empty() {
            section.panel {
                h2 { (v.t("showcase-practices")) }
                ul { @for p in &show.practices { li { a href=(v.href(&format!("/practices/{}", p.slug))) { (p.record.title(v.lang)) } } } }
            }
        }
        @if !show.outputs.is_empty() {
            section.panel {
                h2 { (v.t("showcase-outputs")) }
                ul { @for o in &show.outputs { li { a href=(v.href(&format!("/outputs/{}", o.id))) { (o.title) } } } }
            }
        }
        @if show.may_curate {
            section.panel {
                h2 { (v.t("showcase-curate")) }
                p.hint { (v.t(if show.may_approve { "showcase-curate-secretariat" } else { "showcase-curate-editor" })) }
                h3 { (v.t("showcase-intro")) }
                @if let Some(intro) = &show.intro {
                    @if intro.approval == Approval::Proposed {
                        p { strong { (v.t("showcase-proposed")) } }
                        @if show.may_approve { (action_button(v, &format!("/cities/{slug}/showcase/intro"), "approve", v.t("showcase-approve"))) }
                    }
                }
                @let intro_input = show.intro.as_ref().map(|i| IntroInput::of(&i.texts)).unwrap_or_default();
                form.form method="post" action=(v.href(&format!("/cities/{slug}/showcase/intro"))) {
                    (csrf_field(v))
                    input type="hidden" name="do" value="save";
                    @for (lang, text) in [(Lang::En, &intro_input.intro_en), (Lang::Fr, &intro_input.intro_fr), (Lang::Es, &intro_input.intro_es)] {
                        @let name = format!("intro_{lang}");
                        (Field::new(&name, v.tf("showcase-intro-lang", &[("lang", lang.native_name().into())]), text).kind("textarea").render(v, errors))
                    }
                    div.actions { button.button type="submit" { (v.t("showcase-save")) } }
                }
                h3 { (v.t("showcase-add")) }
                (entry_form(v, &format!("/cities/{slug}/showcase/entries"), new_entry, errors, None))
            }
        }
    };
    layout::page(state, v, &title, body)
}

pub(crate) async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let show = cases::read(&state, &v.acting(), &slug).await?;
    Ok(page_body(
        &state,
        &v,
        &show,
        &EntryInput::default(),
        &FieldErrors::new(),
    )
    .into_response())
}

async fn refused(
    state: &AppState,
    v: &Viewer,
    slug: &str,
    input: &EntryInput,
    error: ateneu_app::Error,
) -> Result<Response, AppError> {
    match error {
        ateneu_app::Error::Invalid(errors) => {
            let show = cases::read(state, &v.acting(), slug).await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page_body(state, v, &show, input, &errors),
            )
                .into_response())
        }
        other => Err(other.into()),
    }
}

fn back(v: &Viewer, slug: &str) -> Response {
    Redirect::to(&v.href(&format!("/cities/{slug}/showcase"))).into_response()
}

pub(crate) async fn add(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = entry_input(&pairs);
    match cases::add_entry(&state, &v.acting(), &slug, &input).await {
        Ok(_) => Ok(back(&v, &slug)),
        Err(error) => refused(&state, &v, &slug, &input, error).await,
    }
}

pub(crate) async fn entry(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let acting = v.acting();
    match value(&pairs, "do") {
        "approve" => cases::approve_entry(&state, &acting, &slug, id)
            .await
            .map(|_| ())?,
        "remove" => cases::remove_entry(&state, &acting, &slug, id).await?,
        "up" | "down" => {
            cases::move_entry(&state, &acting, &slug, id, value(&pairs, "do") == "up").await?
        }
        _ => {
            let input = entry_input(&pairs);
            if let Err(error) = cases::change_entry(&state, &acting, &slug, id, &input).await {
                return refused(&state, &v, &slug, &input, error).await;
            }
        }
    }
    Ok(back(&v, &slug))
}

pub(crate) async fn intro(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let acting = v.acting();
    if value(&pairs, "do") == "approve" {
        cases::approve_intro(&state, &acting, &slug).await?;
        return Ok(back(&v, &slug));
    }
    let input = IntroInput {
        intro_en: value(&pairs, "intro_en").to_owned(),
        intro_fr: value(&pairs, "intro_fr").to_owned(),
        intro_es: value(&pairs, "intro_es").to_owned(),
    };
    match cases::set_intro(&state, &acting, &slug, &input).await {
        Ok(_) => Ok(back(&v, &slug)),
        Err(error) => refused(&state, &v, &slug, &EntryInput::default(), error).await,
    }
}

/// `GET /{lang}/cities/{slug}/showcase.atom`: what the public sees of the showcase, newest
/// first (approved entries, published practices, public outputs).
pub(crate) async fn feed(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let slug = slug.strip_suffix(".atom").unwrap_or(&slug).to_owned();
    let show = cases::read(&state, &ateneu_app::Acting::anonymous(), &slug).await?;
    let lang = v.lang.code();
    let base = state.config.base_url.trim_end_matches('/').to_owned();
    let mut items: Vec<(chrono::DateTime<chrono::Utc>, String, String, String)> = Vec::new();
    for e in &show.entries {
        items.push((
            e.updated_at,
            e.draft.title.clone(),
            e.draft.url.clone(),
            format!("{base}/showcase-entries/{}", e.id),
        ));
    }
    for p in &show.practices {
        let url = format!("{base}/{lang}/practices/{}", p.slug);
        items.push((
            p.published_at.unwrap_or(p.updated_at),
            p.record.title(v.lang).to_owned(),
            url.clone(),
            url,
        ));
    }
    for o in &show.outputs {
        let url = format!("{base}/{lang}/outputs/{}", o.id);
        items.push((o.updated_at, o.title.clone(), url.clone(), url));
    }
    items.sort_by_key(|item| std::cmp::Reverse(item.0));
    let updated = items.first().map_or_else(chrono::Utc::now, |i| i.0);
    let name = show.city.draft.name.show(v.lang).text.to_owned();
    let self_url = format!("{base}/{lang}/cities/{slug}/showcase.atom");
    let feed = html! {
        (PreEscaped("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
        feed xmlns="http://www.w3.org/2005/Atom" xml:lang=(lang) {
            title { (v.tf("showcase-title", &[("city", name.clone().into())])) }
            id { (self_url) }
            link rel="self" href=(self_url) {}
            link rel="alternate" type="text/html" href=(format!("{base}/{lang}/cities/{slug}/showcase")) {}
            updated { (updated.to_rfc3339()) }
            author { name { (name) } }
            @for (at, title, url, id) in &items {
                entry {
                    title { (title) }
                    id { (id) }
                    link rel="alternate" href=(url) {}
                    updated { (at.to_rfc3339()) }
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
