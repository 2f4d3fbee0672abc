//! The participant's form, reached by a single-person invitation link without an account:
//! pick a sector, score every item or mark it not applicable, comment, save and come back,
//! then submit. Works on a phone and without JavaScript.

use super::Loaded;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{OpenForm, Path};
use crate::layout::{self, csrf_field};
use crate::viewer::Viewer;
use ateneu_domain::FieldErrors;
use ateneu_domain::assessments::{
    Answer, AssessmentStatus, Participation, ParticipationInput, Sector,
};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use std::collections::BTreeMap;

pub use ateneu_app::assessments::participation::{open, save as save_participation};

pub async fn form(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (loaded, _, response) = open(&state, &token).await?;
    let saved = response.as_ref().map(|r| shown(&r.participation));
    let done = response.as_ref().is_some_and(|r| r.submitted);
    Ok(render(
        &state,
        &v,
        &loaded,
        &token,
        saved.as_ref(),
        done,
        &FieldErrors::new(),
        None,
        StatusCode::OK,
    ))
}

/// A saved participation as the form shows it.
fn shown(p: &Participation) -> ParticipationInput {
    ParticipationInput {
        sector: p.sector.key().to_owned(),
        name: p.name.clone(),
        name_consent: p.name_consent,
        answers: p.answers.clone(),
        comments: p.comments.clone(),
    }
}

#[allow(clippy::too_many_arguments)]
fn render(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    token: &str,
    saved: Option<&ParticipationInput>,
    done: bool,
    errors: &FieldErrors,
    flash: Option<String>,
    status: StatusCode,
) -> Response {
    let closed = loaded.assessment.status == AssessmentStatus::Closed;
    let scale = &loaded.framework.scale;
    let items = loaded.items().unwrap_or_default();
    let answer = |key: &str| saved.and_then(|p| p.answers.get(key).copied());
    let comment = |key: &str| {
        saved
            .and_then(|p| p.comments.get(key).cloned())
            .unwrap_or_default()
    };
    let sector = saved.and_then(|p| Sector::parse(&p.sector).ok());
    let title = v.tf(
        "participate-title",
        &[(
            "city",
            loaded.city.draft.name.show(v.lang).text.to_owned().into(),
        )],
    );
    let body = html! {
        h1 { (title) }
        p.lead { (loaded.assessment.title) " · " (loaded.framework.name.get(v.lang)) }
        @if let Some(flash) = flash { div.flash.success role="status" { (flash) } }
        @if done { div.flash.success role="status" { (v.t("participate-done")) } }
        @else if closed { div.flash role="status" { (v.t("problem-assessment-closed")) } }
        @if !done && !closed {
            p { (v.tf("participate-lead", &[("min", scale.min.into()), ("max", scale.max.into())])) }
            @if !scale.stages.is_empty() {
                dl.stages {
                    @for stage in &scale.stages {
                        dt { (stage.from) "–" (stage.to) } dd { (stage.name.get(v.lang)) }
                    }
                }
            }
            (layout::form_errors(v, errors))
            form.form.participation method="post" action=(v.href(&format!("/participate/{token}"))) {
                (csrf_field(v))
                fieldset {
                    legend { (v.t("participate-about-you")) }
                    div.field {
                        label for="p-sector" { (v.t("sector")) }
                        select #p-sector name="sector" required {
                            option value="" { "—" }
                            @for s in Sector::ALL {
                                option value=(s.key()) selected[sector == Some(s)] { (v.t(&format!("sector-{}", s.key()))) }
                            }
                        }
                        @if let Some(p) = errors.get("sector") { p.error { (v.problem(p)) } }
                    }
                    div.field {
                        label for="p-name" { (v.t("participate-name")) }
                        input #p-name name="name" value=(saved.and_then(|p| p.name.clone()).unwrap_or_default()) maxlength="120" autocomplete="name";
                    }
                    div.field.check { label { input type="checkbox" name="name_consent" value="true" checked[saved.is_some_and(|p| p.name_consent)]; " " (v.t("participate-consent")) } }
                }
                @for (index, item) in items.iter().enumerate() {
                    fieldset.item {
                        @let text = loaded.item_text(&item.key, v.lang);
                        // Items are numbered once: by the framework when its texts carry a number.
                        legend { @if !text.starts_with(|c: char| c.is_ascii_digit()) { span.muted { (index + 1) ". " } } (text) }
                        @if item.key != item.field { p.muted.small { (loaded.item_text(&item.field, v.lang)) } }
                        @if let Some(description) = loaded.framework.description_of(&item.key) { p.item-description { (description.get(v.lang)) } }
                        div.scale role="radiogroup" {
                            @for value in scale.min..=scale.max {
                                label.score {
                                    input type="radio" name={ "score." (item.key) } value=(value) checked[answer(&item.key) == Some(Answer::Score(value))];
                                    span { (value) }
                                    @if let Some(label) = scale.label_of(value) { span.stage-name { " " (label.get(v.lang)) } }
                                    @else if let Some(stage) = scale.stage_of(f64::from(value)) { span.visually-hidden { " " (stage.name.get(v.lang)) } }
                                }
                            }
                            @if scale.not_applicable {
                                label.score.na {
                                    input type="radio" name={ "score." (item.key) } value="na" checked[answer(&item.key) == Some(Answer::NotApplicable)];
                                    span { (v.t("not-applicable")) }
                                }
                            }
                        }
                        @if let Some(p) = errors.get(&format!("answers.{}", item.key)) { p.error { (v.problem(p)) } }
                        details open[!comment(&item.key).is_empty()] {
                            summary { (v.t("participate-comment")) }
                            label.visually-hidden for={ "c-" (index) } { (v.t("participate-comment")) }
                            textarea id={ "c-" (index) } name={ "comment." (item.key) } rows="2" maxlength="2000" { (comment(&item.key)) }
                        }
                    }
                }
                div.actions {
                    button.button.secondary type="submit" name="action" value="save" { (v.t("participate-save")) }
                    " "
                    button.button type="submit" name="action" value="submit" { (v.t("participate-submit")) }
                }
            }
        }
    };
    (status, layout::page(state, v, &title, body)).into_response()
}

/// Reads the form: `sector`, `name`, `name_consent`, `score.<item>`, `comment.<item>`, `action`.
fn from_form(form: &[(String, String)]) -> (ParticipationInput, bool, FieldErrors) {
    let mut input = ParticipationInput {
        sector: String::new(),
        name: None,
        name_consent: false,
        answers: BTreeMap::new(),
        comments: BTreeMap::new(),
    };
    let mut errors = FieldErrors::new();
    let mut submit = false;
    for (name, value) in form {
        match name.as_str() {
            "sector" => input.sector = value.clone(),
            "name" => input.name = Some(value.clone()),
            "name_consent" => input.name_consent = value == "true",
            "action" => submit = value == "submit",
            _ => {
                if let Some(item) = name.strip_prefix("score.") {
                    match Answer::parse_form(value) {
                        Ok(Some(answer)) => {
                            input.answers.insert(item.to_owned(), answer);
                        }
                        Ok(None) => {}
                        Err(problem) => errors.add(&format!("answers.{item}"), problem),
                    }
                } else if let Some(item) = name.strip_prefix("comment.") {
                    input.comments.insert(item.to_owned(), value.clone());
                }
            }
        }
    }
    (input, submit, errors)
}

pub async fn save(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    OpenForm(form): OpenForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (input, submit, form_errors) = from_form(&form);
    let opened = open(&state, &token).await?;
    let loaded = &opened.0;
    if !form_errors.is_empty() {
        return Ok(render(
            &state,
            &v,
            loaded,
            &token,
            Some(&input),
            false,
            &form_errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    match save_participation(&state, &opened, input.clone(), submit)
        .await
        .map_err(AppError::from)
    {
        Ok(participation) => {
            let flash = (!submit).then(|| v.t("participate-saved"));
            Ok(render(
                &state,
                &v,
                loaded,
                &token,
                Some(&shown(&participation)),
                submit,
                &FieldErrors::new(),
                flash,
                StatusCode::OK,
            ))
        }
        Err(AppError::Invalid(errors)) => Ok(render(
            &state,
            &v,
            loaded,
            &token,
            Some(&input),
            false,
            &errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(other) => Err(other),
    }
}
