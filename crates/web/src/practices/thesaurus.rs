//! The keyword thesaurus in the web layer: the call that the page and the API share to add a
//! keyword or rename one (the secretariat), and the page `/{lang}/keywords` listing every
//! keyword with its names in the three languages, with the form for those who keep it.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Query};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::viewer::Viewer;
use ateneu_app::practices::Keyword;
use ateneu_app::practices::thesaurus as use_case;
use ateneu_domain::permissions::Action;
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

/// A keyword as a form or the API gives it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct KeywordForm {
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub es: String,
}

/// Adds a keyword, or renames it (new names for an existing key): the secretariat's.
pub async fn save(state: &AppState, v: &Viewer, input: &KeywordForm) -> Result<Keyword, AppError> {
    Ok(use_case::save(
        state,
        &v.acting(),
        (&input.key, &input.en, &input.fr, &input.es),
    )
    .await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    /// The keyword whose names the form starts from.
    #[serde(default)]
    edit: Option<String>,
    #[serde(default)]
    saved: Option<String>,
}

async fn render(
    state: &AppState,
    v: &Viewer,
    form: &KeywordForm,
    errors: &FieldErrors,
    saved: bool,
) -> Result<Response, AppError> {
    let keywords = use_case::keywords(state).await?;
    let manages = v.allows(Action::ManagePractices);
    let title = v.t("keywords-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("keywords-lead")) }
        @if saved { div.flash.success role="status" { (v.t("keywords-saved")) } }
        @if manages {
            section.panel aria-labelledby="keyword-form" {
                h2 #keyword-form { (v.t("keywords-edit")) }
                (form_errors(v, errors))
                form.form method="post" action=(v.href("/keywords")) novalidate {
                    (csrf_field(v))
                    (Field::new("key", v.t("keywords-key"), &form.key).hint(v.t("keywords-key-hint")).required().render(v, errors))
                    @for (lang, value) in [(Lang::En, &form.en), (Lang::Fr, &form.fr), (Lang::Es, &form.es)] {
                        (Field::new(lang.code(), v.t(&format!("keywords-name-{}", lang.code())), value).required().render(v, errors))
                    }
                    div.actions { button.button type="submit" { (v.t("keywords-save")) } }
                }
            }
        }
        div.table-wrap tabindex="0" { table.data {
            thead { tr {
                th scope="col" { (v.t("keywords-key")) }
                @for lang in Lang::ALL { th scope="col" { (v.t(&format!("keywords-name-{}", lang.code()))) } }
                @if manages { th scope="col" { span.visually-hidden { (v.t("keywords-change")) } } }
            } }
            tbody { @for k in &keywords {
                tr id={ "k-" (k.key) } {
                    td { code { (k.key) } }
                    td lang="en" { (k.label.en) }
                    td lang="fr" { (k.label.fr) }
                    td lang="es" { (k.label.es) }
                    @if manages {
                        td { a href={ (v.href("/keywords")) "?edit=" (k.key) "#keyword-form" } { (v.t("keywords-change")) } }
                    }
                }
            } }
        } }
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

/// `GET /{lang}/keywords`: for everyone, as the API's list is.
pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    let mut form = KeywordForm::default();
    if let Some(key) = query.edit.as_deref().map(str::trim)
        && v.allows(Action::ManagePractices)
        && let Some(k) = use_case::keywords(&state)
            .await?
            .into_iter()
            .find(|k| k.key == key)
    {
        form = KeywordForm {
            key: k.key,
            en: k.label.en,
            fr: k.label.fr,
            es: k.label.es,
        };
    }
    render(
        &state,
        &v,
        &form,
        &FieldErrors::new(),
        query.saved.is_some(),
    )
    .await
}

/// `POST /{lang}/keywords`: saves, or shows the form again with each field's problem.
pub async fn save_form(
    State(state): State<AppState>,
    v: Viewer,
    Form(input): Form<KeywordForm>,
) -> Result<Response, AppError> {
    match save(&state, &v, &input).await {
        Ok(keyword) => Ok(crate::negotiate::redirect(&format!(
            "{}?saved={}#k-{}",
            v.href("/keywords"),
            keyword.key,
            keyword.key
        ))),
        Err(AppError::Invalid(errors)) => render(&state, &v, &input, &errors, false).await,
        Err(other) => Err(other),
    }
}
