//! A city's indicators on the web: the page of every series its reader may see (chart, table
//! twin and progress status each), one indicator's page with its values, sources and notes,
//! and, for the city's keepers, the forms that set a series' unit, baseline, target and
//! visibility, enter or remove a value, and import a tidy CSV file.

use super::chart::{breakdown_label, chart, number, status_badge};
use super::name_of;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Multipart, Path};
use crate::layout::{self, Field, csrf_field, form_errors_in, select_in};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::ImportSummary;
use ateneu_app::cities::City;
use ateneu_app::indicators::values::{self as cases, SeriesView};
use ateneu_domain::assessments::Visibility;
use ateneu_domain::indicators::values::{SeriesInput, ValueInput};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

fn series_href(v: &Viewer, city: &City, reference: &str) -> String {
    v.href(&format!("/cities/{}/indicators/{reference}", city.slug))
}

fn visibility_label(v: &Viewer, visibility: Visibility) -> String {
    v.t(&format!("visibility-{}", visibility.key()))
}

/// The import form (a file of several indicators, or of the one given).
fn import_form(v: &Viewer, city: &City, reference: Option<&str>) -> Markup {
    html! {
        form.form method="post" action={ (v.href(&format!("/cities/{}/indicators/import", city.slug))) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
            (csrf_field(v))
            @if let Some(reference) = reference { input type="hidden" name="indicator" value=(reference); }
            (layout::csv_file_field(&v.t("indicator-import-file"), html! { (v.t("indicator-import-hint")) " " code { "Year, …, Units, GeoCode, Value" } }))
            div.actions { button.button type="submit" { (v.t("indicator-import-submit")) } }
        }
    }
}

/// What an import did, or why it wrote nothing.
pub enum Outcome {
    Done(ImportSummary),
    Refused(AppError),
}

fn outcome_box(state: &AppState, v: &Viewer, outcome: Option<&Outcome>) -> Markup {
    html! {
        @match outcome {
            Some(Outcome::Done(done)) => div.flash.success role="status" {
                (v.tf("indicator-import-done", &[("created", done.created.into()), ("updated", done.updated.into()), ("unchanged", done.unchanged.into())]))
            },
            Some(Outcome::Refused(error)) => div.flash.error role="alert" {
                p { strong { (v.problem(&error.problem())) } }
                @if let AppError::Lines(lines) = error { (layout::line_errors(state, v.lang, lines)) }
            },
            None => {},
        }
    }
}

fn city_name(v: &Viewer, city: &City) -> String {
    city.draft.name.show(v.lang).text.to_owned()
}

async fn render_city(
    state: &AppState,
    v: &Viewer,
    city: &City,
    status: StatusCode,
    outcome: Option<&Outcome>,
) -> Result<Response, AppError> {
    let shown = cases::of_city(state, &v.acting(), city).await?;
    let name = city_name(v, city);
    let title = v.tf("indicator-city-title", &[("city", name.clone().into())]);
    let kept: Vec<&str> = shown.series.iter().map(|s| s.indicator.as_str()).collect();
    let frameworks = ateneu_app::indicators::frameworks()?;
    let body = html! {
        p { a href=(v.href(&format!("/cities/{}", city.slug))) { (name) } }
        h1 { (title) }
        p.lead { (v.t("indicator-city-lead")) " " a href=(v.href("/indicators")) { (v.t("indicators-title")) } }
        (outcome_box(state, v, outcome))
        @if shown.series.is_empty() { p.muted { (v.t("indicator-none")) } }
        @for series in &shown.series {
            @let heading = name_of(v, &series.indicator);
            section.card.indicator id=(series.indicator) {
                h2 { a href=(series_href(v, city, &series.indicator)) { (heading) } " " (status_badge(v, series.status)) }
                @if let Some(s) = &series.series { p.muted { (visibility_label(v, s.visibility)) @if !s.unit.is_empty() { " · " (s.unit) } } }
                (chart(v, &heading, series, false))
            }
        }
        @if !shown.series.is_empty() {
            p { a href={ "/api/v1/cities/" (city.slug) "/indicators.csv" } download { (v.t("indicator-export")) } }
            p { a href=(v.href(&format!("/cities/{}/indicators/report", city.slug))) { (v.t("goal-report-link")) } }
        }
        @if shown.may_record {
            section.card {
                h2 { (v.t("indicator-record")) }
                ul.columns { @for framework in frameworks { @for i in &framework.indicators {
                    @let reference = format!("{}:{}", framework.key, i.key);
                    li { a href=(series_href(v, city, &reference)) { (i.number) ". " (i.name.get(v.lang)) }
                        @if !kept.contains(&reference.as_str()) { " " span.muted { (v.t("indicator-not-kept")) } } }
                } } }
                h3 { (v.t("indicator-import")) }
                (import_form(v, city, None))
            }
        }
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

pub async fn city_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    render_city(&state, &v, &city, StatusCode::OK, None).await
}

/// The forms of an indicator's page as sent back with their problems.
#[derive(Default)]
pub struct Forms {
    pub series: Option<(SeriesInput, FieldErrors)>,
    pub value: Option<(ValueInput, FieldErrors)>,
    pub conflict: bool,
    pub outcome: Option<Outcome>,
}

fn point_text(point: Option<ateneu_domain::indicators::values::Point>) -> (String, String) {
    point.map_or_else(Default::default, |p| {
        (p.year.to_string(), p.value.to_string())
    })
}

fn series_form(v: &Viewer, city: &City, view: &SeriesView, forms: &Forms) -> Markup {
    let (by, bv) = point_text(view.series.as_ref().and_then(|s| s.baseline));
    let (ty, tv) = point_text(view.series.as_ref().and_then(|s| s.target));
    let current = SeriesInput {
        unit: view.series.as_ref().map_or_else(
            || {
                view.indicator()
                    .map_or(String::new(), |(_, i)| i.unit.clone())
            },
            |s| s.unit.clone(),
        ),
        baseline_year: by,
        baseline_value: bv,
        target_year: ty,
        target_value: tv,
        visibility: view
            .series
            .as_ref()
            .map_or(Visibility::Confidential, |s| s.visibility)
            .key()
            .to_owned(),
        source: view
            .series
            .as_ref()
            .map_or(String::new(), |s| s.source.clone()),
        revision: view
            .series
            .as_ref()
            .map_or(String::new(), |s| s.revision.to_string()),
    };
    let (mut input, errors) = forms
        .series
        .clone()
        .unwrap_or_else(|| (current.clone(), FieldErrors::new()));
    // A form refused because the series moved meanwhile is sent again on its new revision.
    input.revision = current.revision;
    let visibilities: Vec<(String, String)> = Visibility::ALL
        .iter()
        .map(|vis| (vis.key().to_owned(), visibility_label(v, *vis)))
        .collect();
    html! {
        form.form method="post" action=(series_href(v, city, &view.indicator)) novalidate {
            (csrf_field(v))
            input type="hidden" name="revision" value=(input.revision);
            @if forms.conflict { div.flash.error role="alert" { (v.problem(&Problem::new(ProblemKey::ChangedMeanwhile))) } }
            (form_errors_in(v, Some("series"), &errors))
            (Field::new("unit", v.t("indicator-unit"), &input.unit).scope("series").render(v, &errors))
            div.row {
                (Field::new("baseline_year", v.t("indicator-baseline-year"), &input.baseline_year).kind("number").scope("series").render(v, &errors))
                (Field::new("baseline_value", v.t("indicator-baseline-value"), &input.baseline_value).scope("series").render(v, &errors))
            }
            div.row {
                (Field::new("target_year", v.t("indicator-target-year"), &input.target_year).kind("number").scope("series").render(v, &errors))
                (Field::new("target_value", v.t("indicator-target-value"), &input.target_value).scope("series").render(v, &errors))
            }
            (select_in(v, Some("series"), "visibility", &v.t("indicator-visibility"), &visibilities, &input.visibility, &errors))
            (Field::new("source", v.t("indicator-source"), &input.source).scope("series").render(v, &errors))
            div.actions { button.button type="submit" { (v.t("indicator-save")) } }
        }
    }
}

fn value_form(v: &Viewer, city: &City, view: &SeriesView, forms: &Forms) -> Markup {
    let (input, errors) = forms
        .value
        .clone()
        .unwrap_or_else(|| (ValueInput::default(), FieldErrors::new()));
    let breakdowns = view
        .indicator()
        .map(|(_, i)| i.breakdowns.join(", "))
        .unwrap_or_default();
    html! {
        form.form method="post" action={ (series_href(v, city, &view.indicator)) "/values" } novalidate {
            (csrf_field(v))
            (form_errors_in(v, Some("value"), &errors))
            div.row {
                (Field::new("year", v.t("indicator-year"), &input.year).kind("number").required().scope("value").render(v, &errors))
                (Field::new("value", v.t("indicator-value"), &input.value).required().scope("value").render(v, &errors))
            }
            (Field::new("breakdown", v.t("indicator-breakdown"), &input.breakdown)
                .hint(if breakdowns.is_empty() { v.t("indicator-breakdown-hint") } else { format!("{} ({breakdowns})", v.t("indicator-breakdown-hint")) })
                .scope("value").render(v, &errors))
            (Field::new("source", v.t("indicator-source"), &input.source).scope("value").render(v, &errors))
            (Field::new("note", v.t("indicator-note"), &input.note).scope("value").render(v, &errors))
            div.actions { button.button type="submit" { (v.t("indicator-add-value")) } }
        }
    }
}

async fn render_series(
    state: &AppState,
    v: &Viewer,
    city: &City,
    reference: &str,
    status: StatusCode,
    forms: &Forms,
) -> Result<Response, AppError> {
    let (view, may_record) = cases::one(state, &v.acting(), city, reference).await?;
    let heading = name_of(v, reference);
    let name = city_name(v, city);
    let body = html! {
        p { a href=(v.href(&format!("/cities/{}/indicators", city.slug))) { (v.tf("indicator-city-title", &[("city", name.into())])) } }
        h1 { (heading) " " (status_badge(v, view.status)) }
        @if let Some((framework, _)) = view.indicator() { p.muted { (framework.name.get(v.lang)) " · " code { (reference) } } }
        @if let Some(s) = &view.series {
            p { (visibility_label(v, s.visibility)) @if !s.unit.is_empty() { " · " (s.unit) } @if !s.source.is_empty() { " · " (v.t("indicator-source")) ": " (s.source) } }
        }
        (outcome_box(state, v, forms.outcome.as_ref()))
        (chart(v, &heading, &view, true))
        p.hint { (v.t("indicator-status-rule")) }
        h2 { (v.t("indicator-values")) }
        @if view.values.is_empty() { p.muted { (v.t("indicator-no-values")) } } @else {
            div.table-wrap tabindex="0" { table.data {
                thead { tr {
                    th scope="col" { (v.t("indicator-year")) } th scope="col" { (v.t("indicator-breakdown")) }
                    th.num scope="col" { (v.t("indicator-value")) } th scope="col" { (v.t("indicator-source")) } th scope="col" { (v.t("indicator-note")) }
                    @if may_record { th scope="col" { span.visually-hidden { (v.t("indicator-remove")) } } }
                } }
                tbody { @for value in view.values.iter() { tr {
                    td { (value.draft.year) } td { (breakdown_label(v, &value.draft.breakdown)) }
                    td.num { (number(v.lang, value.draft.value)) } td { (value.draft.source) } td { (value.draft.note) }
                    @if may_record { td {
                        form.inline method="post" action={ (series_href(v, city, reference)) "/values/" (value.id) "/remove" } {
                            (csrf_field(v))
                            button.link type="submit" { (v.t("indicator-remove")) }
                        }
                    } }
                } } }
            } }
            p { a href={ "/api/v1/cities/" (city.slug) "/indicators/" (reference) "/values.csv" } download { (v.t("indicator-export-one")) } }
        }
        @if may_record {
            section.card { h2 { (v.t("indicator-add-value")) } (value_form(v, city, &view, forms)) }
            section.card { h2 { (v.t("indicator-settings")) } (series_form(v, city, &view, forms)) }
            section.card { h2 { (v.t("indicator-import")) } (import_form(v, city, Some(reference))) }
        }
    };
    Ok((status, layout::page(state, v, &heading, body)).into_response())
}

pub async fn series_page(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    render_series(
        &state,
        &v,
        &city,
        &reference,
        StatusCode::OK,
        &Forms::default(),
    )
    .await
}

pub async fn save_series(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference)): Path<(String, String)>,
    Form(input): Form<SeriesInput>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let (status, forms) =
        match cases::save_series(&state, &v.acting(), &city, &reference, &input).await {
            Ok(_) => return Ok(redirect(&series_href(&v, &city, &reference))),
            Err(ateneu_app::Error::Invalid(errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Forms {
                    series: Some((input, errors)),
                    ..Forms::default()
                },
            ),
            Err(ateneu_app::Error::Conflict(p)) if p.key == ProblemKey::ChangedMeanwhile => (
                StatusCode::CONFLICT,
                Forms {
                    series: Some((input, FieldErrors::new())),
                    conflict: true,
                    ..Forms::default()
                },
            ),
            Err(other) => return Err(other.into()),
        };
    render_series(&state, &v, &city, &reference, status, &forms).await
}

pub async fn add_value(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference)): Path<(String, String)>,
    Form(input): Form<ValueInput>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    match cases::add_value(&state, &v.acting(), &city, &reference, &input).await {
        Ok(_) => Ok(redirect(&series_href(&v, &city, &reference))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let forms = Forms {
                value: Some((input, errors)),
                ..Forms::default()
            };
            render_series(
                &state,
                &v,
                &city,
                &reference,
                StatusCode::UNPROCESSABLE_ENTITY,
                &forms,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove_value(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, reference, id)): Path<(String, String, i64)>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    cases::remove_value(&state, &v.acting(), &city, &reference, id).await?;
    Ok(redirect(&series_href(&v, &city, &reference)))
}

/// The uploaded file and the indicator it was sent for, read from the form.
async fn read_upload(
    multipart: Result<Multipart, AppError>,
) -> Result<(Option<String>, Vec<u8>), AppError> {
    let mut multipart = multipart?;
    let bad = |e: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, e.body_text()))
    };
    let (mut indicator, mut file) = (None, Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name() {
            Some("indicator") => {
                indicator = Some(field.text().await.map_err(bad)?).filter(|t| !t.trim().is_empty())
            }
            Some("file") => file = field.bytes().await.map_err(bad)?.to_vec(),
            _ => {}
        }
    }
    Ok((indicator, file))
}

pub async fn import(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    // Who may not import is told so before the body is read.
    let networks = ateneu_app::cities::scope_networks(&state, city.id).await?;
    v.require(ateneu_domain::permissions::Action::RecordIndicatorValues(
        ateneu_domain::permissions::CityScope {
            id: city.id,
            networks: &networks,
        },
    ))?;
    let (indicator, file) = read_upload(multipart).await?;
    let outcome = if file.is_empty() {
        Outcome::Refused(AppError::BadRequest(Problem::new(ProblemKey::NotAFile)))
    } else {
        match cases::import(&state, &v.acting(), &city, indicator.as_deref(), &file).await {
            Ok(done) => Outcome::Done(done),
            Err(
                error @ (ateneu_app::Error::Lines(_)
                | ateneu_app::Error::BadRequest(_)
                | ateneu_app::Error::Conflict(_)),
            ) => Outcome::Refused(error.into()),
            Err(other) => return Err(other.into()),
        }
    };
    let status = match &outcome {
        Outcome::Done(_) => StatusCode::OK,
        Outcome::Refused(error) => error.status(),
    };
    match indicator {
        Some(reference) => {
            let forms = Forms {
                outcome: Some(outcome),
                ..Forms::default()
            };
            render_series(&state, &v, &city, &reference, status, &forms).await
        }
        None => render_city(&state, &v, &city, status, Some(&outcome)).await,
    }
}

/// The name of an exported file: `lyon-indicators.csv`, `lyon-culture2030-indicators-heritage-expenditure.csv`.
pub fn csv_name(slug: &str, reference: Option<&str>) -> String {
    match reference {
        Some(reference) => format!(
            "{slug}-{}.csv",
            reference
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                })
                .collect::<String>()
        ),
        None => format!("{slug}-indicators.csv"),
    }
}
