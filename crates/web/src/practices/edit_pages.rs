//! The guided form of a practice, step by step (basics, description, results, partners, tags,
//! review), for its city's editors and, texts only beside the source, for translators; and the
//! form that starts a practice.

use super::edit_form::{FormState, Step as FormStep, edit_of, step_body};
use super::view_page::{checklist_list, practice_body, step_form};
use super::{Loaded, NewPractice, load_visible};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path, Query};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::viewer::Viewer;
use ateneu_domain::ProblemKey;
use ateneu_domain::permissions::Action;
use ateneu_domain::practices::checklist::checklist;
use ateneu_domain::{FieldErrors, Lang, Problem};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    step: Option<String>,
    #[serde(default, rename = "in")]
    lang: Option<String>,
    #[serde(default)]
    saved: Option<String>,
}

/// Which step, in which language; translators only get the steps with texts.
fn resolve(
    v: &Viewer,
    loaded: &Loaded,
    query: &EditQuery,
) -> Result<(FormStep, Lang, bool), AppError> {
    let source = loaded.practice.record.source_lang;
    let lang = match query.lang.as_deref().map(str::trim) {
        None | Some("") => source,
        Some(code) => code.parse::<Lang>().map_err(|()| {
            AppError::BadRequest(Problem::with_detail(ProblemKey::UnknownLanguage, code))
        })?,
    };
    let scope = loaded.scope();
    let translating = lang != source;
    if translating && !v.allows(Action::EditPractice(scope)) {
        v.require(Action::TranslatePractice(scope))?;
    } else if !translating {
        v.require(Action::EditPractice(scope))?;
    }
    let step = match query.step.as_deref() {
        None | Some("") => FormStep::Basics,
        Some(key) => FormStep::parse(key).ok_or_else(|| {
            AppError::BadRequest(Problem::with_detail(ProblemKey::UnknownValue, key))
        })?,
    };
    if !FormStep::shown(&loaded.practice.record, translating).contains(&step) {
        return Err(AppError::BadRequest(Problem::with_detail(
            ProblemKey::UnknownValue,
            step.key(),
        )));
    }
    Ok((step, lang, translating))
}

/// The practice's cities as the basics step shows them: name in the reader's language and
/// country.
fn city_labels(loaded: &Loaded, lang: Lang) -> Vec<String> {
    loaded
        .practice
        .cities
        .iter()
        .map(|c| format!("{} ({})", c.name.show(lang).text, c.country.code()))
        .collect()
}

fn edit_href(v: &Viewer, loaded: &Loaded, step: FormStep, lang: Lang) -> String {
    format!(
        "{}?step={}&in={}",
        v.href(&format!("/practices/{}/edit", loaded.practice.slug)),
        step.key(),
        lang.code()
    )
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    step: FormStep,
    lang: Lang,
    form: &FormState,
    errors: &FieldErrors,
    saved: bool,
) -> Result<Response, AppError> {
    let p = &loaded.practice;
    let translating = lang != p.record.source_lang;
    let checks = checklist(&p.record, p.cities.len());
    let steps = FormStep::shown(&p.record, translating);
    let title = v.tf(
        "practice-edit-title",
        &[("title", p.record.title(v.lang).to_owned().into())],
    );
    let fields = if step == FormStep::Review {
        html! {}
    } else {
        step_body(state, v, loaded, step, lang, form, errors).await?
    };
    let inner = if step == FormStep::Review {
        html! {
            h2 { (v.t("checklist-heading")) }
            (checklist_list(v, loaded))
            h2 { (v.t("practice-preview")) }
            div.preview { (practice_body(state, v, loaded)) }
            (step_form(v, loaded, &super::steps_for(v, loaded)))
        }
    } else {
        // The partners-and-media step uploads a file with what was typed: one multipart form
        // (its anti-forgery token in the address, as multipart bodies are not read for it).
        let uploads = step == FormStep::Partners && !translating;
        let action = if uploads {
            format!("{}&csrf={}", edit_href(v, loaded, step, lang), v.csrf)
        } else {
            edit_href(v, loaded, step, lang)
        };
        html! {
            (form_errors(v, errors))
            form.form method="post" action=(action) enctype=[uploads.then_some("multipart/form-data")] novalidate {
                (csrf_field(v))
                (fields)
                @if uploads { (super::media_pages::upload_fields(v, form.value("upload_description"), errors)) }
                div.actions {
                    button.button.secondary type="submit" name="then" value="stay" { (v.t("practice-save-draft")) } " "
                    button.button type="submit" name="then" value="next" { (v.t("practice-save-next")) }
                }
            }
        }
    };
    let body = html! {
        p { a href=(v.href(&format!("/practices/{}", p.slug))) { "← " (p.record.title(v.lang)) } }
        h1 { (title) }
        @if translating {
            p.lead { (v.tf("practice-translating", &[("language", v.language(lang).into()), ("source", v.language(p.record.source_lang).into())])) }
        }
        @if saved { div.flash.success role="status" { (v.t("practice-saved")) } }
        nav.steps aria-label=(v.t("practice-steps")) { ol {
            @for s in &steps {
                li {
                    a href=(edit_href(v, loaded, *s, lang)) aria-current=[(*s == step).then_some("step")] { (v.t(&format!("edit-step-{}", s.key()))) }
                    " " span.muted { "(" (v.t(if s.is_complete(&p.record, &checks, lang) { "edit-step-complete" } else { "edit-step-incomplete" })) ")" }
                }
            }
        } }
        h2 { (v.t(&format!("edit-step-{}", step.key()))) }
        (inner)
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

/// `GET /{lang}/practices/{slug}/edit?step=…&in=…`.
pub async fn edit_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Query(query): Query<EditQuery>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &slug).await?;
    let (step, lang, _) = resolve(&v, &loaded, &query)?;
    let form = FormState::from_record(&loaded.practice.record, lang)
        .with_cities(&city_labels(&loaded, v.lang));
    render(
        &state,
        &v,
        &loaded,
        step,
        lang,
        &form,
        &FieldErrors::new(),
        query.saved.is_some(),
    )
    .await
}

/// `POST /{lang}/practices/{slug}/edit?step=…&in=…`: saves the step's parts only; the
/// partners-and-media step's form is multipart and may carry a file, uploaded after the step
/// is saved (so that a refused file never loses what was typed).
pub async fn save_step(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Query(query): Query<EditQuery>,
    request: axum::extract::Request,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &slug).await?;
    let (step, lang, translating) = resolve(&v, &loaded, &query)?;
    let multipart = request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"multipart/form-data"));
    let (form, upload) = if multipart {
        use axum::extract::FromRequest;
        let parts = axum::extract::Multipart::from_request(request, &state).await;
        let (sent, fields) = super::media::read_with_fields(parts, "upload_description").await?;
        let description = sent.description.clone();
        let mut form = FormState::from_pairs(fields);
        form.set("upload_description".to_owned(), description);
        (form, sent.file.is_some().then_some(sent))
    } else {
        use axum::extract::FromRequest;
        let body = String::from_request(request, &state).await.map_err(|r| {
            AppError::BadRequest(Problem::with_detail(ProblemKey::BadRequest, r.body_text()))
        })?;
        (FormState::from_body(&body), None)
    };
    let change = edit_of(step, lang, translating, &form);
    // The basics step holds the cities: changed only when they differ from the practice's.
    let cities = if step == FormStep::Basics && !translating {
        form.cities()
            .filter(|typed| *typed != city_labels(&loaded, v.lang))
    } else {
        None
    };
    match ateneu_app::practices::editing::edit(
        &state,
        &v.acting(),
        &loaded,
        &change,
        cities.as_deref(),
    )
    .await
    .map_err(AppError::from)
    {
        Ok(_) if upload.is_some() => {
            // The step is saved; now the file, with the practice as it is after the save.
            let saved = load_visible(&state, &v, &loaded.practice.slug).await?;
            let mut sent = upload.unwrap_or_default();
            sent.lang = Some(saved.practice.record.source_lang.code().to_owned());
            match super::media::upload(&state, &v, &saved, sent).await {
                Ok(_) => Ok(crate::negotiate::redirect(&format!(
                    "{}&saved=1",
                    edit_href(&v, &saved, step, lang)
                ))),
                Err(error) => {
                    let mut errors = FieldErrors::new();
                    match error {
                        AppError::Invalid(fields) => {
                            for (field, problem) in fields.iter() {
                                let field = if field == "description" {
                                    "upload_description"
                                } else {
                                    field.as_str()
                                };
                                errors.add(field, problem.clone());
                            }
                        }
                        AppError::TooLarge(p)
                        | AppError::Unsupported(p)
                        | AppError::BadRequest(p) => errors.add("file", p),
                        other => return Err(other),
                    }
                    let form = FormState::from_record(&saved.practice.record, lang)
                        .with_cities(&city_labels(&saved, v.lang))
                        .with_value("upload_description", form.value("upload_description"));
                    render(&state, &v, &saved, step, lang, &form, &errors, false).await
                }
            }
        }
        Ok(_) => {
            let next = if form.value("then") == "next" {
                step.next(&FormStep::shown(&loaded.practice.record, translating))
            } else {
                step
            };
            let mut target = edit_href(&v, &loaded, next, lang);
            if next == step {
                target.push_str("&saved=1");
            }
            Ok(crate::negotiate::redirect(&target))
        }
        Err(AppError::Invalid(errors)) => {
            render(&state, &v, &loaded, step, lang, &form, &errors, false).await
        }
        Err(other) => Err(other),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct NewForm {
    /// The city chosen in the list (the field is named like the error it gets).
    #[serde(default)]
    cities: String,
    #[serde(default)]
    city_slug: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    title: String,
}

async fn new_page(
    state: &AppState,
    v: &Viewer,
    input: &NewForm,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    // The cities of the viewer's own grants come first; any other by its short name.
    let mut cities = vec![(String::new(), v.t("choose"))];
    if let Some(s) = &v.signed_in {
        for id in s.grants.iter().filter_map(|g| g.grant.city) {
            if let Some(city) = ateneu_app::cities::by_id(state, id).await? {
                cities.push((
                    city.slug.clone(),
                    city.draft.name.show(v.lang).text.to_owned(),
                ));
            }
        }
    }
    let suggested = crate::cities::picker::suggestions(state, v).await?;
    let langs: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), v.language(*l)))
        .collect();
    let lang = if input.lang.is_empty() {
        v.lang.code()
    } else {
        input.lang.as_str()
    };
    let body = html! {
        h1 { (v.t("practice-new")) }
        (form_errors(v, errors))
        form.form method="post" action=(v.href("/practices/new")) novalidate {
            (csrf_field(v))
            @if cities.len() > 1 { (layout::select(v, "cities", &v.t("practice-city"), &cities, &input.cities, errors)) }
            (crate::cities::picker::field(v, Field { required: false, ..Field::new("city_slug", v.t("practice-city-slug"), &input.city_slug).hint(v.t("practice-city-slug-hint")) }, (&suggested, false), errors))
            (layout::select(v, "lang", &v.t("practice-source-lang"), &langs, lang, errors))
            (Field::new("title", v.t("practice-field-title"), &input.title).required().render(v, errors))
            div.actions { button.button type="submit" { (v.t("practice-start")) } }
        }
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, layout::page(state, v, &v.t("practice-new"), body)).into_response())
}

/// `GET /{lang}/practices/new`.
pub async fn new_form(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require_signed_in()?;
    new_page(&state, &v, &NewForm::default(), &FieldErrors::new()).await
}

/// `POST /{lang}/practices/new` → the guided form.
pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Form(input): Form<NewForm>,
) -> Result<Response, AppError> {
    let slug = if input.city_slug.trim().is_empty() {
        input.cities.clone()
    } else {
        input.city_slug.clone()
    };
    let new = NewPractice {
        cities: vec![slug],
        lang: input.lang.clone(),
        title: input.title.clone(),
    };
    match ateneu_app::practices::editing::create(&state, &v.acting(), &new)
        .await
        .map_err(AppError::from)
    {
        Ok(practice) => Ok(crate::negotiate::redirect(
            &v.href(&format!("/practices/{}/edit?step=basics", practice.slug)),
        )),
        Err(AppError::Invalid(errors)) => {
            // A city typed in the second field is that field's problem.
            let typed = !input.city_slug.trim().is_empty();
            let mut shown = FieldErrors::new();
            for (field, problem) in errors.iter() {
                let field = if typed && field == "cities" {
                    "city_slug"
                } else {
                    field.as_str()
                };
                shown.add(field, problem.clone());
            }
            new_page(&state, &v, &input, &shown).await
        }
        Err(other) => Err(other),
    }
}
