//! Indicator frameworks on the web: the public page that lists each framework's dimensions and
//! indicators in the reader's language, with the reference an action plan's item uses to name
//! one, and the same list in the JSON API; the routes of a city's indicator values (`city`,
//! `api`), drawn by `chart`.

mod api;
pub(crate) mod chart;
mod city;
mod goals;
mod report;

use crate::AppState;
use crate::error::AppError;
use crate::layout;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::indicators::goals::GoalVersion;
use ateneu_domain::indicators::IndicatorFramework;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/indicators", get(page))
        .route("/indicators/goals", post(goals::import_page))
        .route("/cities/{slug}/indicators", get(city::city_page))
        .route("/cities/{slug}/indicators/import", post(city::import))
        .route("/cities/{slug}/indicators/report", get(report::page))
        .route("/cities/{slug}/indicators/report.pdf", get(report::pdf))
        .route("/cities/{slug}/indicators/report/file", post(report::file))
        .route(
            "/cities/{slug}/indicators/{indicator}",
            get(city::series_page).post(city::save_series),
        )
        .route(
            "/cities/{slug}/indicators/{indicator}/values",
            post(city::add_value),
        )
        .route(
            "/cities/{slug}/indicators/{indicator}/values/{id}/remove",
            post(city::remove_value),
        )
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(list_api))
        .documented(routes!(goals::list_api, goals::import_api))
        .documented(routes!(api::list))
        .documented(routes!(api::export_city))
        .documented(routes!(api::import))
        .documented(routes!(report::file_api))
        .documented(routes!(api::one, api::save))
        .documented(routes!(api::add_value))
        .documented(routes!(api::export_one))
        .documented(routes!(api::remove_value))
}

/// An indicator's name in the reader's language, from its `framework:indicator` reference
/// (the reference itself when no framework has it).
pub fn name_of(v: &Viewer, reference: &str) -> String {
    ateneu_app::indicators::find(reference).map_or_else(
        || reference.to_owned(),
        |(_, indicator)| format!("{}. {}", indicator.number, indicator.name.get(v.lang)),
    )
}

/// A target of the Culture 2030 Goal in the reader's language (`3. name (version)`), from its
/// `goal@version:target` reference (the reference itself when no imported version has it).
pub fn goal_target_of(v: &Viewer, versions: &[GoalVersion], reference: &str) -> String {
    ateneu_app::indicators::goals::find_target(versions, reference).map_or_else(
        || reference.to_owned(),
        |(goal, target)| {
            format!(
                "{}. {} ({})",
                target.number,
                target.name.get(v.lang),
                goal.version
            )
        },
    )
}

fn framework_section(v: &Viewer, framework: &IndicatorFramework) -> Markup {
    html! {
        section id=(framework.key) {
            h2 { (framework.name.get(v.lang)) }
            @if !framework.source.is_empty() { p.muted { (framework.source) } }
            @for dimension in &framework.dimensions {
                h3 { (dimension.name.get(v.lang)) }
                div.table-wrap tabindex="0" { table.data {
                    thead { tr {
                        th scope="col" { "#" } th scope="col" { (v.t("indicators-name")) }
                        th scope="col" { (v.t("indicators-targets")) } th scope="col" { (v.t("indicators-reference")) }
                    } }
                    tbody { @for i in framework.indicators.iter().filter(|i| i.dimension == dimension.key) { tr {
                        td { (i.number) }
                        td { (i.name.get(v.lang)) }
                        td { @for (n, t) in i.sdg_targets.iter().enumerate() { @if n > 0 { ", " } (t.as_str()) } }
                        td { code { (framework.key) ":" (i.key) } }
                    } } }
                } }
            }
        }
    }
}

async fn page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    render(&state, &v, StatusCode::OK, None).await
}

/// The Indicators page: the bundled frameworks, then the Culture 2030 Goal's versions (with a
/// refused import's problems for the secretariat).
async fn render(
    state: &AppState,
    v: &Viewer,
    status: StatusCode,
    refused: Option<&AppError>,
) -> Result<Response, AppError> {
    let frameworks = ateneu_app::indicators::frameworks()?;
    let goal = goals::section(state, v, refused).await?;
    let title = v.t("indicators-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("indicators-lead")) }
        @for framework in frameworks { (framework_section(v, framework)) }
        (goal)
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

#[utoipa::path(
    get,
    path = "/indicator-frameworks",
    tag = "reference",
    summary = "The indicator frameworks (the UNESCO Culture|2030 Indicators): dimensions and indicators with their names in three languages, direction, breakdowns and SDG targets; an action plan's item names an indicator as `framework:indicator`",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/IndicatorFrameworkList"))),
)]
async fn list_api() -> Result<Response, AppError> {
    Ok(Json(ateneu_app::indicators::frameworks()?).into_response())
}
