//! The programme's catalogue of activities on the web: the public page of the 15 activities in
//! their three areas, the secretariat's form to change an activity's texts in the three
//! languages and its expected outputs (on the activity's revision), and the same in the JSON
//! API. The use cases are `ateneu_app::programmes::catalogue`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::programmes::catalogue::{self as cases, CurrentCatalogue};
use ateneu_domain::assessments::Visibility;
use ateneu_domain::programmes::catalogue::edit::{
    CatalogueActivityInput, MAX_OUTPUTS, OutputInput, TextInput,
};
use ateneu_domain::programmes::catalogue::{CatalogueActivity, OutputKind};
use ateneu_domain::{FieldErrors, Lang, Problem, ProblemKey};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/programmes/catalogue", get(page))
        .route("/programmes/catalogue/{key}", get(edit_page).post(save))
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(catalogue_api))
        .documented(routes!(save_api))
}

/// The blank rows the form offers for outputs to add.
const BLANK_ROWS: usize = 2;

/// `GET /{lang}/programmes/catalogue`: the catalogue, with a link to change each activity for
/// the secretariat.
async fn page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let current = cases::current(&state);
    let catalogue = &current.catalogue;
    let may_edit = cases::may_edit(&state, &v.acting());
    let title = v.t("catalogue-title");
    let body = html! {
        h1 { (title) }
        p { (v.t("catalogue-intro")) }
        @for area in &catalogue.areas {
            section {
                h2 { (area.name.get(v.lang)) }
                @for activity in catalogue.in_area(&area.key) {
                    article.card id=(activity.key) {
                        h3 { (activity.number) ". " (activity.name.get(v.lang)) }
                        p { (activity.description.get(v.lang)) }
                        dl {
                            dt { (v.t("catalogue-duration")) } dd { (activity.duration.get(v.lang)) }
                            dt { (v.t("catalogue-experts")) } dd { (activity.experts.get(v.lang)) }
                            @if !activity.outputs.is_empty() {
                                dt { (v.t("catalogue-outputs")) }
                                dd { ul { @for output in &activity.outputs {
                                    li {
                                        (output.name.get(v.lang)) " "
                                        span.muted { "(" (v.t(&format!("visibility-{}", output.visibility.key())))
                                            @if output.chosen { " · " (v.t("catalogue-chosen")) } ")" }
                                    }
                                } } }
                            }
                        }
                        @if may_edit {
                            p { a href=(v.href(&format!("/programmes/catalogue/{}", activity.key))) { (v.t("catalogue-change")) } }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

fn text_fields(
    v: &Viewer,
    field: &str,
    label: &str,
    text: &TextInput,
    errors: &FieldErrors,
    long: bool,
) -> Markup {
    html! {
        fieldset {
            legend { (label) }
            @for lang in Lang::ALL {
                @let name = format!("{field}_{}", lang.code());
                (Field::new(&name, v.language(lang), text.get(lang)).kind(if long { "textarea" } else { "text" }).required().render(v, errors))
            }
        }
    }
}

fn form(
    v: &Viewer,
    activity: &CatalogueActivity,
    revision: i64,
    input: &CatalogueActivityInput,
    errors: &FieldErrors,
) -> Markup {
    let kinds: Vec<(String, String)> =
        std::iter::once((String::new(), v.t("catalogue-output-none")))
            .chain(OutputKind::ALL.iter().map(|k| {
                (
                    k.key().to_owned(),
                    v.t(&format!("output-kind-{}", k.key().replace('_', "-"))),
                )
            }))
            .collect();
    let visibilities: Vec<(String, String)> = Visibility::ALL
        .iter()
        .map(|s| (s.key().to_owned(), v.t(&format!("visibility-{}", s.key()))))
        .collect();
    let rows = input.outputs.len() + BLANK_ROWS;
    html! {
        (form_errors(v, errors))
        form.form method="post" action=(v.href(&format!("/programmes/catalogue/{}", activity.key))) novalidate {
            (csrf_field(v))
            input type="hidden" name="revision" value=(revision);
            (text_fields(v, "name", &v.t("catalogue-name"), &input.name, errors, false))
            (text_fields(v, "description", &v.t("catalogue-description"), &input.description, errors, true))
            (text_fields(v, "duration", &v.t("catalogue-duration"), &input.duration, errors, false))
            (text_fields(v, "experts", &v.t("catalogue-experts"), &input.experts, errors, true))
            h2 { (v.t("catalogue-outputs")) }
            p.hint { (v.t("catalogue-outputs-hint")) }
            @if let Some(problem) = errors.get("outputs") { p.error { (v.problem(problem)) } }
            @for at in 0..rows {
                @let blank = OutputInput::default();
                @let row = input.outputs.get(at).unwrap_or(&blank);
                @let scope = format!("outputs_{at}");
                fieldset {
                    legend { (v.tf("catalogue-output-n", &[("n", (at + 1).into())])) }
                    (layout::select(v, &format!("{scope}_kind"), &v.t("catalogue-output-kind"), &kinds, &row.kind, errors))
                    (layout::select(v, &format!("{scope}_visibility"), &v.t("catalogue-output-visibility"), &visibilities, if row.visibility.is_empty() { "public" } else { &row.visibility }, errors))
                    div.field { label for=(format!("f-{scope}_chosen")) { input id=(format!("f-{scope}_chosen")) type="checkbox" name=(format!("{scope}_chosen")) value="on" checked[row.chosen]; " " (v.t("catalogue-chosen")) } }
                    @for lang in Lang::ALL {
                        @let name = format!("{scope}_name_{}", lang.code());
                        (Field::new(&name, format!("{} ({})", v.t("catalogue-output-name"), v.language(lang)), row.name.get(lang)).render(v, errors))
                    }
                }
            }
            div.actions { button.button type="submit" { (v.t("save")) } }
        }
    }
}

fn edit(
    state: &AppState,
    v: &Viewer,
    current: &CurrentCatalogue,
    key: &str,
    refused: Option<(&CatalogueActivityInput, &FieldErrors)>,
) -> Result<Markup, AppError> {
    let activity = current.catalogue.activity(key).ok_or(AppError::NotFound)?;
    let revision = current.revisions.get(key).copied().unwrap_or(0);
    let shown = CatalogueActivityInput::of(activity);
    let empty = FieldErrors::new();
    let (input, errors) = refused.unwrap_or((&shown, &empty));
    let title = v.tf(
        "catalogue-change-title",
        &[(
            "name",
            format!("{}. {}", activity.number, activity.name.get(v.lang)).into(),
        )],
    );
    let body = html! {
        p { a href=(v.href(&format!("/programmes/catalogue#{}", activity.key))) { (v.t("catalogue-title")) } }
        h1 { (title) }
        p.lead { (v.t("catalogue-change-lead")) }
        (form(v, activity, revision, input, errors))
    };
    Ok(layout::page(state, v, &title, body))
}

/// `GET /{lang}/programmes/catalogue/{key}`: the form to change an activity (the secretariat).
async fn edit_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    let acting = v.acting();
    if !cases::may_edit(&state, &acting) {
        v.require_signed_in()?;
        return Err(AppError::Forbidden);
    }
    cases::refresh(&state).await?;
    Ok(edit(&state, &v, &cases::current(&state), &key, None)?.into_response())
}

/// The form's fields read into an activity's input and the revision it was made on.
fn read_form(fields: &HashMap<String, String>) -> (CatalogueActivityInput, String) {
    let text = |field: &str| {
        let mut text = TextInput::default();
        for lang in Lang::ALL {
            let value = fields
                .get(&format!("{field}_{}", lang.code()))
                .cloned()
                .unwrap_or_default();
            text.set(lang, value);
        }
        text
    };
    let rows = fields
        .keys()
        .filter_map(|k| {
            k.strip_prefix("outputs_")?
                .split('_')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .filter(|at| *at < MAX_OUTPUTS + BLANK_ROWS + 8)
        .max()
        .map_or(0, |at| at + 1);
    let outputs = (0..rows)
        .map(|at| OutputInput {
            kind: fields
                .get(&format!("outputs_{at}_kind"))
                .cloned()
                .unwrap_or_default(),
            visibility: fields
                .get(&format!("outputs_{at}_visibility"))
                .cloned()
                .unwrap_or_default(),
            chosen: fields.contains_key(&format!("outputs_{at}_chosen")),
            name: text(&format!("outputs_{at}_name")),
        })
        .collect();
    let input = CatalogueActivityInput {
        name: text("name"),
        description: text("description"),
        duration: text("duration"),
        experts: text("experts"),
        outputs,
    };
    (input, fields.get("revision").cloned().unwrap_or_default())
}

fn revision(text: &str) -> Result<i64, ateneu_app::Error> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|r| *r >= 0)
        .ok_or_else(|| {
            let mut errors = FieldErrors::new();
            errors.add(
                "revision",
                Problem::with_detail(ProblemKey::BadRequest, text),
            );
            ateneu_app::Error::Invalid(errors)
        })
}

/// `POST /{lang}/programmes/catalogue/{key}`: saves the change, or the form again with its
/// problems (422) or with the saved text when someone changed it meanwhile (409).
async fn save(
    State(state): State<AppState>,
    v: Viewer,
    Path(key): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    if !cases::may_edit(&state, &v.acting()) {
        v.require_signed_in()?;
        return Err(AppError::Forbidden);
    }
    let (input, revision_text) = read_form(&fields);
    let saved = match revision(&revision_text) {
        Ok(revision) => cases::change_activity(&state, &v.acting(), &key, revision, &input).await,
        Err(error) => Err(error),
    };
    let (status, errors, shown) = match saved {
        Ok(_) => return Ok(redirect(&v.href(&format!("/programmes/catalogue#{key}")))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, errors, input)
        }
        Err(ateneu_app::Error::Conflict(problem)) => {
            let mut errors = FieldErrors::new();
            errors.add("revision", problem);
            let current = cases::current(&state);
            let saved = current.catalogue.activity(&key).ok_or(AppError::NotFound)?;
            (
                StatusCode::CONFLICT,
                errors,
                CatalogueActivityInput::of(saved),
            )
        }
        Err(other) => return Err(other.into()),
    };
    let page = edit(
        &state,
        &v,
        &cases::current(&state),
        &key,
        Some((&shown, &errors)),
    )?;
    Ok((status, page).into_response())
}

/// `GET /api/v1/programmes/catalogue`.
#[utoipa::path(
    get,
    path = "/programmes/catalogue",
    tag = "programmes",
    summary = "The standard catalogue: the 15 activities of the terms of reference in their three areas, with durations, who takes part and expected outputs (default visibility), as the secretariat changed them, with each activity's revision",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Catalogue"))),
)]
async fn catalogue_api(State(state): State<AppState>) -> Result<Response, AppError> {
    cases::refresh(&state).await?;
    Ok(Json(&*cases::current(&state)).into_response())
}

/// A change to a catalogue activity through the API: its fields and the revision it was made on.
#[derive(Debug, Deserialize)]
struct Change {
    /// 0 (the default): the bundled text, never changed yet.
    #[serde(default)]
    revision: i64,
    #[serde(flatten)]
    activity: CatalogueActivityInput,
}

/// `PUT /api/v1/programmes/catalogue/{key}`.
#[utoipa::path(
    put,
    path = "/programmes/catalogue/{key}",
    tag = "programmes",
    summary = "Change a catalogue activity's name, description, usual duration and experts (each in en, fr and es) and its expected outputs (the programme's secretariat), on its revision (0: never changed; 409 changed_meanwhile on an older one); its number, key and area stay",
    request_body(content = ref("#/components/schemas/CatalogueChange"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/CatalogueChanged"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn save_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(key): Path<String>,
    ApiJson(change): ApiJson<Change>,
) -> Result<Response, AppError> {
    let saved =
        cases::change_activity(&state, &v.acting(), &key, change.revision, &change.activity)
            .await?;
    let revision = cases::current(&state)
        .revisions
        .get(&key)
        .copied()
        .unwrap_or(0);
    Ok(Json(serde_json::json!({"activity": saved, "revision": revision})).into_response())
}
