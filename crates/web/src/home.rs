//! The home page (what the platform is, the networks and their current members) and the bare
//! addresses: `/` sends people to their language, `/healthz` tells whether the database answers.

use crate::AppState;
use crate::error::AppError;
use crate::layout;
use crate::negotiate;
use crate::routing::Routes;
use crate::viewer::Viewer;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{PreEscaped, html};

pub fn routes() -> Routes {
    Routes::new().route("/", get(home))
}

pub fn root_routes() -> Routes {
    Routes::new()
        .route("/", get(root))
        .route("/healthz", get(health))
}

/// Sends `/` to the language of the person's browser.
async fn root(headers: HeaderMap) -> Response {
    let lang = negotiate::header_lang(&headers).unwrap_or(ateneu_domain::Lang::En);
    crate::negotiate::redirect(&format!("/{}", lang.code()))
}

async fn health(State(state): State<AppState>) -> Response {
    match state.ping().await {
        Ok(()) => (
            StatusCode::OK,
            axum::Json(serde_json::json!({"status": "ok", "database": "ok"})),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({"status": "error", "database": "unreachable"})),
            )
                .into_response()
        }
    }
}

async fn home(State(state): State<AppState>, v: Viewer) -> Result<maud::Markup, AppError> {
    let overview = ateneu_app::cities::overview(&state).await?;
    let total = overview.cities;
    let networks: Vec<_> = state
        .reference
        .networks
        .iter()
        .map(|network| {
            let members = overview
                .per_network
                .iter()
                .find(|(key, _)| *key == network.key)
                .map_or(0, |(_, n)| *n);
            (network, members)
        })
        .collect();
    let bars: Vec<(String, u64)> = state
        .reference
        .regions
        .iter()
        .filter_map(|r| {
            overview
                .per_region
                .iter()
                .find(|(k, _)| *k == r.key)
                .map(|(_, n)| (r.name.get(v.lang).to_owned(), *n))
        })
        .collect();
    let chart_title = v.t("chart-cities-by-region");
    let featured = ateneu_app::practices::published(&state, None, true, 6).await?;
    let banners = ateneu_app::banners::of_today(&state, v.lang).await?;
    let body = html! {
        h1 { (v.t("home-title")) }
        p.lead { (v.t("home-lead")) }
        div.stats {
            div.stat { strong { (total) } span { (v.t("stat-cities")) } }
            div.stat { strong { (state.reference.networks.len()) } span { (v.t("stat-networks")) } }
            div.stat { strong { (state.reference.regions.len()) } span { (v.t("stat-regions")) } }
        }
        (crate::banners::home_section(&v, &banners))
        @if !featured.is_empty() {
            section.panel.featured aria-labelledby="featured" {
                h2 #featured { (v.t("home-featured")) }
                ul { @for p in &featured {
                    li {
                        a href=(v.href(&format!("/practices/{}", p.slug))) {
                            @if let Some(t) = p.record.text(ateneu_domain::practices::TextField::Title) { (layout::translated(&v, t)) }
                        }
                        @for c in &p.cities { " · " (c.name.show(v.lang).text) }
                    }
                } }
                p { a href=(v.href("/practices")) { (v.t("practices-title")) } }
            }
        }
        h2 { (v.t("home-networks")) }
        div.card-grid {
            @for (network, members) in &networks {
                article.card {
                    h3 { a href={ (v.href("/cities")) "?network=" (network.key) } { (network.name.get(v.lang)) } }
                    p { (network.description.get(v.lang)) }
                    p.muted { (v.tf("current-members", &[("count", (*members).into())])) }
                }
            }
        }
        p { a.button href=(v.href("/cities")) { (v.t("browse-registry")) } }
        @if !bars.is_empty() {
            section.panel aria-labelledby="by-region" {
                h2 #by-region { (chart_title) }
                div.chart { (PreEscaped(ateneu_app::reports::bar_chart(&chart_title, &v.t("chart-cities-by-region-desc"), &bars))) }
                div.table-wrap tabindex="0" { table.data {
                    caption { (chart_title) }
                    thead { tr { th scope="col" { (v.t("city-region")) } th scope="col" .num { (v.t("stat-cities")) } } }
                    tbody { @for (label, n) in &bars { tr { td { (label) } td.num { (n) } } } }
                } }
            }
        }
    };
    Ok(layout::page(&state, &v, &v.t("home-title"), body))
}
