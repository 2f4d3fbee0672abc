//! The benchmark section of a framework version's page: the sets with their values, and for the
//! secretariat the two forms, computing a set from a network's published assessments and
//! entering one by hand (both work without JavaScript).

use super::{BenchmarkInput, ComputeInput, computable_networks, compute_benchmark};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field};
use crate::viewer::Viewer;
use ateneu_app::frameworks::BenchmarkSet;
use ateneu_domain::ProblemKey;
use ateneu_domain::frameworks::{Framework, Trilingual};
use ateneu_domain::ids::FrameworkVersionId;
use ateneu_domain::permissions::Action;
use ateneu_domain::{FieldErrors, Lang, Problem};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::collections::BTreeMap;

/// The compute form as sent back, with its problems.
#[derive(Debug, Default)]
pub struct ComputeForm {
    pub network: String,
    pub key: String,
    pub errors: FieldErrors,
}

/// The benchmark sets of a framework and, for the secretariat, the forms that make them.
pub fn section(
    state: &AppState,
    v: &Viewer,
    id: FrameworkVersionId,
    framework: &Framework,
    sets: &[BenchmarkSet],
    compute: &ComputeForm,
) -> Markup {
    html! {
        h2 #benchmarks { (v.t("benchmarks")) }
        @if sets.is_empty() { p.muted { (v.t("benchmarks-none")) } }
        @for set in sets {
            h3 id={ "benchmark-" (set.key) } { (set.name.get(v.lang)) " " code { (set.key) } }
            div.table-wrap tabindex="0" { table.data {
                thead { tr { th { (v.t("field")) } th.num { (v.t("value")) } } }
                tbody { @for (field, value) in &set.values {
                    tr { td { (framework.text_of(field).map_or(field.as_str(), |t| t.get(v.lang))) } td.num { (ateneu_app::i18n::decimal(v.lang, *value, 1)) } }
                } }
            } }
        }
        @if v.allows(Action::ManageFrameworks) {
            (compute_form(state, v, id, compute))
            (entry_form(v, id, framework))
        }
    }
}

fn compute_form(
    state: &AppState,
    v: &Viewer,
    id: FrameworkVersionId,
    form: &ComputeForm,
) -> Markup {
    let networks: Vec<(String, String)> = computable_networks(state, &v.acting())
        .into_iter()
        .map(|n| (n.key.clone(), n.name.get(v.lang).to_owned()))
        .collect();
    html! {
        @if !networks.is_empty() {
            section #benchmark-compute aria-labelledby="benchmark-compute-title" {
                h3 #benchmark-compute-title { (v.t("benchmark-compute")) }
                p.hint { (v.t("benchmark-compute-hint")) }
                (layout::form_errors(v, &form.errors))
                form.form method="post" action=(v.href(&format!("/frameworks/{id}/benchmarks/compute"))) {
                    (csrf_field(v))
                    (layout::select(v, "network", &v.t("membership-network"), &networks, &form.network, &form.errors))
                    (Field::new("key", v.t("benchmark-key"), &form.key).hint(v.t("benchmark-compute-key-hint")).render(v, &form.errors))
                    div.actions { button.button type="submit" { (v.t("benchmark-compute-submit")) } }
                }
            }
        }
    }
}

fn entry_form(v: &Viewer, id: FrameworkVersionId, framework: &Framework) -> Markup {
    let fields: Vec<_> = framework.domains.iter().flat_map(|d| &d.fields).collect();
    html! {
        details {
            summary { (v.t("benchmark-add")) }
            form.form method="post" action=(v.href(&format!("/frameworks/{id}/benchmarks"))) {
                (csrf_field(v))
                div.field { label for="b-key" { (v.t("benchmark-key")) } input #b-key name="key" required pattern="[A-Za-z0-9_-]{1,64}"; }
                @for lang in Lang::ALL {
                    div.field { label for={ "b-name-" (lang.code()) } { (v.t("benchmark-name")) " (" (v.language(lang)) ")" }
                        input id={ "b-name-" (lang.code()) } name={ "name_" (lang.code()) } required; }
                }
                @for field in &fields {
                    div.field { label for={ "b-" (field.key) } { (field.text.get(v.lang)) }
                        input id={ "b-" (field.key) } name={ "value_" (field.key) } inputmode="decimal"; }
                }
                div.actions { button.button type="submit" { (v.t("save")) } }
            }
        }
    }
}

/// Computes (or recomputes) a set from the published assessments of the chosen network; a
/// refusal shows the page again with the form's problems.
pub async fn compute(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<FrameworkVersionId>,
    Form(form): Form<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| {
        form.get(name)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let input = ComputeInput {
        network: field("network"),
    };
    let key = field("key");
    match compute_benchmark(&state, &v.acting(), id, &key, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(done) => Ok(crate::negotiate::redirect(
            &v.href(&format!("/frameworks/{id}#benchmark-{}", done.set.key)),
        )),
        Err(AppError::Invalid(errors)) => {
            let again = ComputeForm {
                network: input.network,
                key,
                errors,
            };
            let page = super::pages::detail_page(&state, &v, id, &again).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other),
    }
}

/// Saves a set entered by hand: a key, a name in each language and a value per field.
pub async fn save_benchmark(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<FrameworkVersionId>,
    Form(form): Form<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let get = |name: &str| {
        form.get(name)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let mut values = BTreeMap::new();
    let mut errors = FieldErrors::new();
    for (name, value) in &form {
        if let Some(field) = name.strip_prefix("value_") {
            if value.trim().is_empty() {
                continue;
            }
            match value.trim().replace(',', ".").parse::<f64>() {
                Ok(number) => {
                    values.insert(field.to_owned(), number);
                }
                Err(_) => errors.add(
                    &format!("values.{field}"),
                    Problem::new(ProblemKey::NotANumber),
                ),
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let input = BenchmarkInput {
        name: Trilingual {
            en: get("name_en"),
            fr: get("name_fr"),
            es: get("name_es"),
        },
        values,
    };
    super::save_benchmark(&state, &v.acting(), id, &get("key"), &input).await?;
    Ok(crate::negotiate::redirect(
        &v.href(&format!("/frameworks/{id}")),
    ))
}
