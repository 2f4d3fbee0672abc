//! Seven Keys workshops on the web: a programme's workshops and the form that starts one, the
//! facilitators' page of a workshop (links for participants, challenges and their themes, the
//! keys, the draft plan, the article), the participant's page reached by a link without an
//! account (`join`), the public page of every city's articles and a city's cultural assets
//! (`public`), the internal report as a PDF (`report`), and the JSON API (`api`).

mod api;
mod join;
mod pages;
mod public;
mod report;

use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::seven_keys::Asset;
use ateneu_domain::seven_keys::{ChallengeInput, KeyInput};
use axum::routing::{get, post};
use maud::{Markup, html};
use std::collections::BTreeSet;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/seven-keys", get(public::articles_page))
        .route("/seven-keys/{id}", get(public::article_page))
        .route(
            "/programmes/{id}/seven-keys",
            get(pages::programme_page).post(pages::create),
        )
        .route("/seven-keys/workshops/{id}", get(pages::workshop_page))
        .route("/seven-keys/workshops/{id}/report.pdf", get(report::pdf))
        .route("/seven-keys/workshops/{id}/status", post(pages::set_status))
        .route(
            "/seven-keys/workshops/{id}/invitations",
            post(pages::invite),
        )
        .route(
            "/seven-keys/workshops/{id}/challenges",
            post(pages::record_challenge),
        )
        .route("/seven-keys/workshops/{id}/themes", post(pages::set_themes))
        .route("/seven-keys/workshops/{id}/keys", post(pages::add_key))
        .route(
            "/seven-keys/workshops/{id}/keys/{key_id}/remove",
            post(pages::remove_key),
        )
        .route("/seven-keys/workshops/{id}/plan", post(pages::draft_plan))
        .route(
            "/seven-keys/workshops/{id}/article",
            post(pages::save_article),
        )
        .route(
            "/seven-keys/join/{token}",
            get(join::page).post(join::name_challenge),
        )
        .route(
            "/cities/{slug}/assets",
            get(public::assets_page).post(public::add_asset),
        )
        .route(
            "/cities/{slug}/assets/{id}/remove",
            post(public::remove_asset),
        )
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(api::articles))
        .documented(routes!(api::article))
        .documented(routes!(api::of_programme, api::create))
        .documented(routes!(api::read))
        .documented(routes!(api::set_status))
        .documented(routes!(api::invite))
        .documented(routes!(api::record_challenge))
        .documented(routes!(api::set_theme))
        .documented(routes!(api::add_key))
        .documented(routes!(api::remove_key))
        .documented(routes!(api::draft_plan))
        .documented(routes!(api::save_article))
        .documented(routes!(api::join))
        .documented(routes!(api::name_challenge))
        .documented(routes!(api::assets, api::add_asset))
        .documented(routes!(api::remove_asset))
}

fn sdg_label(v: &Viewer, sdg: u8) -> String {
    v.tf("seven-keys-sdg-short", &[("n", sdg.into())])
}

/// A form's fields as sent: each ticked box is its own field (`sdg-4`, `asset-12`,
/// `challenge-7`), gathered here into the lists the domain parses.
pub(crate) struct Sent(Vec<(String, String)>);

impl Sent {
    fn text(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// The numbers ticked as `PREFIX-N`, with what a text field of that name gave.
    fn ticked(&self, prefix: &str, field: &str) -> String {
        let mut all: Vec<String> = self
            .0
            .iter()
            .filter_map(|(k, _)| k.strip_prefix(prefix).map(str::to_owned))
            .collect();
        let typed = self.text(field);
        if !typed.trim().is_empty() {
            all.push(typed);
        }
        all.join(", ")
    }

    fn challenge(&self) -> ChallengeInput {
        ChallengeInput {
            text: self.text("text"),
            sdgs: self.ticked("sdg-", "sdgs"),
            assets: self.ticked("asset-", "assets"),
        }
    }

    fn key(&self) -> KeyInput {
        KeyInput {
            title: self.text("title"),
            commitment: self.text("commitment"),
            actors: self.text("actors"),
            sdgs: self.ticked("sdg-", "sdgs"),
            challenges: self.ticked("challenge-", "challenges"),
        }
    }
}

/// Checkboxes of the SDGs, those given ticked.
fn sdg_boxes(v: &Viewer, scope: &str, ticked: &BTreeSet<u8>) -> Markup {
    html! {
        fieldset.field {
            legend { (v.t("seven-keys-sdgs")) }
            div.checkbox-grid {
                @for sdg in 1..=17u8 {
                    label for={ "f-" (scope) "-sdg-" (sdg) } {
                        input id={ "f-" (scope) "-sdg-" (sdg) } type="checkbox" name={ "sdg-" (sdg) } value="on" checked[ticked.contains(&sdg)];
                        " " (sdg_label(v, sdg))
                    }
                }
            }
        }
    }
}

/// Checkboxes of the city's cultural assets.
fn asset_boxes(v: &Viewer, scope: &str, assets: &[Asset]) -> Markup {
    html! {
        @if !assets.is_empty() {
            fieldset.field {
                legend { (v.t("seven-keys-assets")) }
                div.checkbox-grid {
                    @for asset in assets {
                        label for={ "f-" (scope) "-asset-" (asset.id) } {
                            input id={ "f-" (scope) "-asset-" (asset.id) } type="checkbox" name={ "asset-" (asset.id) } value="on";
                            " " (asset.draft.name) " "
                            span.muted { "(" (v.t(&format!("asset-kind-{}", asset.draft.kind.key()))) ")" }
                        }
                    }
                }
            }
        }
    }
}

/// The names of a challenge's SDGs and assets, as a short line.
fn links_line(v: &Viewer, sdgs: &BTreeSet<u8>, assets: &BTreeSet<i64>, known: &[Asset]) -> String {
    let mut parts: Vec<String> = sdgs
        .iter()
        .map(|s| v.tf("seven-keys-sdg-short", &[("n", (*s).into())]))
        .collect();
    parts.extend(
        known
            .iter()
            .filter(|a| assets.contains(&a.id))
            .map(|a| a.draft.name.clone()),
    );
    parts.join(" · ")
}
