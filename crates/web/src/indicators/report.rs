//! The written report of the activity that tests the Culture 2030 Goal's targets and indicators
//! in a city, drafted from its data, as a page and a PDF in the reader's language: where each
//! series stands (baseline, latest value, target, the pace observed and the pace still needed),
//! the count by status, and a recommendation per series by its status. Only the series the
//! reader may see are in it.

use super::chart::{number, status_label};
use super::name_of;
use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::layout;
use crate::viewer::Viewer;
use ateneu_app::indicators::values::{self as cases, SeriesView};
use ateneu_db::cities::City;
use ateneu_domain::indicators::progress::ProgressStatus;
use ateneu_domain::indicators::values::{Point, totals};
use ateneu_reports::pdf::{Block, Document};
use axum::extract::State;
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
    let (city, series) = gather(&state, &v, &slug).await?;
    let name = city.draft.name.show(v.lang).text.to_owned();
    let title = v.tf("goal-report-title", &[("city", name.clone().into())]);
    let body = html! {
        p { a href=(v.href(&format!("/cities/{}/indicators", city.slug))) { (v.tf("indicator-city-title", &[("city", name.into())])) } }
        h1 { (title) }
        p.lead { (v.t("goal-report-lead")) }
        p { a.button href=(v.href(&format!("/cities/{}/indicators/report.pdf", city.slug))) { (v.t("goal-report-pdf")) } }
        @if series.is_empty() { p.muted { (v.t("indicator-none")) } } @else {
            p { strong { (counts(&v, &series)) } }
            div.table-wrap tabindex="0" { table.data {
                thead { tr { @for h in header(&v) { th scope="col" { (h) } } } }
                tbody { @for s in &series { tr { @for (n, cell) in row(&v, s).into_iter().enumerate() {
                    @if n == 0 { th scope="row" { (cell) } } @else { td { (cell) } }
                } } } }
            } }
            h2 { (v.t("goal-report-recommendations")) }
            ul { @for s in &series { li { (recommendation(&v, s)) } } }
            p { (v.t("goal-report-general")) }
            p.hint { (v.t("indicator-status-rule")) }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

pub async fn pdf(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (city, series) = gather(&state, &v, &slug).await?;
    let name = city.draft.name.show(v.lang).text.to_owned();
    let mut blocks = vec![Block::Paragraph(v.t("goal-report-lead"))];
    if series.is_empty() {
        blocks.push(Block::Paragraph(v.t("indicator-none")));
    } else {
        blocks.push(Block::Paragraph(counts(&v, &series)));
        blocks.push(Block::Table {
            header: header(&v),
            rows: series.iter().map(|s| row(&v, s)).collect(),
            widths: vec![3.0, 1.2, 1.6, 1.6, 1.6, 1.2, 1.2, 1.6],
        });
        blocks.push(Block::Heading {
            level: 2,
            text: v.t("goal-report-recommendations"),
        });
        blocks.push(Block::Bullets(
            series.iter().map(|s| recommendation(&v, s)).collect(),
        ));
        blocks.push(Block::Paragraph(v.t("goal-report-general")));
        blocks.push(Block::Paragraph(v.t("indicator-status-rule")));
    }
    let document = Document {
        title: v.tf("goal-report-title", &[("city", name.clone().into())]),
        lang: v.lang.code().to_owned(),
        blocks,
        footer: format!("{name} · {}", chrono::Utc::now().date_naive()),
    };
    crate::pdf::attachment(
        document,
        &format!("{}-indicators-report-{}.pdf", city.slug, v.lang.code()),
    )
    .await
}
