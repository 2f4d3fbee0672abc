//! The written report of the activity that tests the Culture 2030 Goal's targets and indicators
//! in a city, drafted from its data, as a page and a PDF in the reader's language: where each
//! series stands (baseline, latest value, target, the pace observed and the pace still needed),
//! the count by status, and a recommendation per series by its status. Only the series the
//! reader may see are in it. Its keepers file it as an output of the city's Culture 2030 Goal
//! activity, with its PDF, carrying only the public series (`ateneu_app::indicators::report`).

use super::chart::{number, status_label};
use super::name_of;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, csrf_field, form_errors_in};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::cities::City;
use ateneu_app::indicators::report::{self as filing, FilingInput};
use ateneu_app::indicators::values::{self as cases, SeriesView};
use ateneu_app::programmes::activities::Activity;
use ateneu_app::reports::pdf::{Block, Document};
use ateneu_domain::FieldErrors;
use ateneu_domain::indicators::progress::ProgressStatus;
use ateneu_domain::indicators::values::{Point, totals};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

fn point(v: &Viewer, p: Option<Point>) -> String {
    p.map_or_else(
        || "—".to_owned(),
        |p| format!("{} ({})", number(v.lang, p.value), p.year),
    )
}

fn per_year(v: &Viewer, pace: Option<f64>) -> String {
    pace.map_or_else(
        || "—".to_owned(),
        |p| number(v.lang, (p * 100.0).round() / 100.0),
    )
}

/// A series' row: indicator, unit, baseline, latest, target, paces, status.
fn row(v: &Viewer, s: &SeriesView) -> Vec<String> {
    let whole = totals(s.values.iter().map(|x| &x.draft));
    vec![
        name_of(v, &s.indicator),
        s.series.as_ref().map_or(String::new(), |x| x.unit.clone()),
        point(v, s.baseline),
        point(v, whole.last().copied()),
        point(v, s.series.as_ref().and_then(|x| x.target)),
        per_year(v, s.pace.observed),
        per_year(v, s.pace.needed),
        status_label(v, s.status),
    ]
}

/// The recommendation for a series, by its status.
fn recommendation(v: &Viewer, s: &SeriesView) -> String {
    let target = s.series.as_ref().and_then(|x| x.target);
    let args = [
        ("indicator", name_of(v, &s.indicator).into()),
        ("observed", per_year(v, s.pace.observed).into()),
        ("needed", per_year(v, s.pace.needed).into()),
        (
            "target",
            target
                .map_or("—".to_owned(), |t| number(v.lang, t.value))
                .into(),
        ),
        (
            "year",
            target.map_or("—".to_owned(), |t| t.year.to_string()).into(),
        ),
    ];
    v.tf(
        &format!("goal-report-{}", s.status.key().replace('_', "-")),
        &args,
    )
}

fn header(v: &Viewer) -> Vec<String> {
    [
        "indicators-name",
        "indicator-unit",
        "indicator-baseline",
        "profile-latest",
        "indicator-target",
        "goal-report-observed",
        "goal-report-needed",
        "profile-status",
    ]
    .iter()
    .map(|k| v.t(k))
    .collect()
}

async fn gather(
    state: &AppState,
    v: &Viewer,
    slug: &str,
) -> Result<(City, Vec<SeriesView>), AppError> {
    let city = crate::cities::find(state, slug).await?;
    let shown = cases::of_city(state, &v.acting(), &city).await?;
    Ok((city, shown.series))
}

fn counts(v: &Viewer, series: &[SeriesView]) -> String {
    ProgressStatus::ALL
        .iter()
        .map(|status| {
            format!(
                "{}: {}",
                status_label(v, *status),
                series.iter().filter(|s| s.status == *status).count()
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    render(&state, &v, &slug, StatusCode::OK, None).await
}

/// The form that files the report under one of the city's Culture 2030 Goal activities.
fn filing_form(
    v: &Viewer,
    city: &City,
    activities: &[Activity],
    refused: Option<(&FilingInput, &FieldErrors)>,
) -> maud::Markup {
    let no_errors = FieldErrors::new();
    let errors = refused.map_or(&no_errors, |(_, e)| e);
    let chosen = refused.map_or("", |(i, _)| i.activity.as_str());
    let options: Vec<(String, String)> = activities
        .iter()
        .map(|a| {
            (
                a.id.to_string(),
                format!(
                    "{} · {}",
                    a.draft.starts_on,
                    v.t("goal-report-activity-name")
                ),
            )
        })
        .collect();
    let visibilities: Vec<(String, String)> = ateneu_domain::assessments::Visibility::ALL
        .iter()
        .map(|x| (x.key().to_owned(), v.t(&format!("visibility-{}", x.key()))))
        .collect();
    html! {
        section.card #file {
            h2 { (v.t("goal-report-file")) }
            p.hint { (v.t("goal-report-file-hint")) }
            (form_errors_in(v, Some("file"), errors))
            form.form method="post" action={ (v.href(&format!("/cities/{}/indicators/report/file", city.slug))) "?csrf=" (v.csrf) } {
                (csrf_field(v))
                (layout::select_in(v, Some("file"), "activity", &v.t("seven-keys-activity"), &options, chosen, errors))
                (layout::select_in(v, Some("file"), "visibility", &v.t("goal-report-visibility"), &visibilities, refused.map_or("public", |(i, _)| i.visibility.as_str()), errors))
                div.actions { button.button type="submit" { (v.t("goal-report-file")) } }
            }
        }
    }
}

async fn render(
    state: &AppState,
    v: &Viewer,
    slug: &str,
    status: StatusCode,
    refused: Option<(&FilingInput, &FieldErrors)>,
) -> Result<Response, AppError> {
    let (city, series) = gather(state, v, slug).await?;
    let activities = filing::activities(state, &v.acting(), &city).await?;
    let name = city.draft.name.show(v.lang).text.to_owned();
    let title = v.tf("goal-report-title", &[("city", name.clone().into())]);
    let body = html! {
        p { a href=(v.href(&format!("/cities/{}/indicators", city.slug))) { (v.tf("indicator-city-title", &[("city", name.into())])) } }
        h1 { (title) }
        p.lead { (v.t("goal-report-lead")) }
        p { a.button href=(v.href(&format!("/cities/{}/indicators/report.pdf", city.slug))) { (v.t("goal-report-pdf")) } }
        @if series.is_empty() { p.muted { (v.t("indicator-none")) } } @else {
            p { strong { (counts(v, &series)) } }
            div.table-wrap tabindex="0" { table.data {
                thead { tr { @for h in header(v) { th scope="col" { (h) } } } }
                tbody { @for s in &series { tr { @for (n, cell) in row(v, s).into_iter().enumerate() {
                    @if n == 0 { th scope="row" { (cell) } } @else { td { (cell) } }
                } } } }
            } }
            h2 { (v.t("goal-report-recommendations")) }
            ul { @for s in &series { li { (recommendation(v, s)) } } }
            p { (v.t("goal-report-general")) }
            p.hint { (v.t("indicator-status-rule")) }
        }
        @if !activities.is_empty() { (filing_form(v, &city, &activities, refused)) }
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

pub async fn pdf(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (city, series) = gather(&state, &v, &slug).await?;
    crate::pdf::attachment(document(&v, &city, &series), &file_name(&v, &city)).await
}

fn file_name(v: &Viewer, city: &City) -> String {
    format!("{}-indicators-report-{}.pdf", city.slug, v.lang.code())
}

/// The report as a PDF document, of `series`.
fn document(v: &Viewer, city: &City, series: &[SeriesView]) -> Document {
    let name = city.draft.name.show(v.lang).text.to_owned();
    let mut blocks = vec![Block::Paragraph(v.t("goal-report-lead"))];
    if series.is_empty() {
        blocks.push(Block::Paragraph(v.t("indicator-none")));
    } else {
        blocks.push(Block::Paragraph(counts(v, series)));
        blocks.push(Block::Table {
            header: header(v),
            rows: series.iter().map(|s| row(v, s)).collect(),
            widths: vec![3.0, 1.2, 1.6, 1.6, 1.6, 1.2, 1.2, 1.6],
        });
        blocks.push(Block::Heading {
            level: 2,
            text: v.t("goal-report-recommendations"),
        });
        blocks.push(Block::Bullets(
            series.iter().map(|s| recommendation(v, s)).collect(),
        ));
        blocks.push(Block::Paragraph(v.t("goal-report-general")));
        blocks.push(Block::Paragraph(v.t("indicator-status-rule")));
    }
    Document {
        title: v.tf("goal-report-title", &[("city", name.clone().into())]),
        lang: v.lang.code().to_owned(),
        blocks,
        footer: format!("{name} · {}", chrono::Utc::now().date_naive()),
    }
}

/// Files the report: the public series drawn in the request's language, the PDF kept as the
/// output's file.
async fn file_report(
    state: &AppState,
    v: &Viewer,
    slug: &str,
    input: &FilingInput,
) -> Result<ateneu_app::programmes::outputs::Output, AppError> {
    let city = crate::cities::find(state, slug).await?;
    let acting = v.acting();
    let prepared = filing::prepare(state, &acting, &city, input).await?;
    let shown = cases::of_city(state, &acting, &city).await?;
    let series = filing::for_filing(shown.series);
    let document = document(v, &city, &series);
    let title = document.title.clone();
    let pdf = crate::pdf::render(document).await?;
    Ok(filing::file(
        state,
        &acting,
        &prepared,
        &title,
        (&file_name(v, &city), &pdf),
    )
    .await?)
}

pub async fn file(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(input): Form<FilingInput>,
) -> Result<Response, AppError> {
    match file_report(&state, &v, &slug, &input).await {
        Ok(output) => Ok(redirect(&v.href(&format!("/outputs/{}", output.id)))),
        Err(AppError::Invalid(errors)) => {
            render(
                &state,
                &v,
                &slug,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((&input, &errors)),
            )
            .await
        }
        Err(other) => Err(other),
    }
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/indicators/report",
    tag = "indicators",
    summary = "File the written report of the Culture 2030 Goal activity as an output (the city's editors and the secretariat): a written report under one of the city's `culture-2030-goal` activities (`activity`), public unless `visibility` says otherwise, with the report's PDF in the request's language as its file; it carries only the public series, whatever the output's visibility (the output's readers are not those of a network or confidential series)",
    request_body(content = ref("#/components/schemas/GoalReportFiling"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Output"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn file_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<FilingInput>,
) -> Result<Response, AppError> {
    let output = file_report(&state, &v, &slug, &input).await?;
    Ok((StatusCode::CREATED, axum::Json(output)).into_response())
}
