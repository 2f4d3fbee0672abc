//! The member registry's cities on the web: the routes, the list's query string turned into a
//! filter, and the pages' and the API's shared names for `ateneu_app::cities`.

pub mod api;
mod forms;
mod pages;
pub mod picker;
mod profile;

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use ateneu_app::cities::{CityFilter, CityListItem};
use ateneu_domain::countries::Country;
use ateneu_domain::validation::{max_chars, non_empty};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};

pub fn routes() -> Routes {
    Routes::new()
        .route("/cities", get(pages::list))
        .route("/cities/new", get(forms::new_form).post(forms::create))
        .route("/cities/{slug}", get(pages::detail))
        .route(
            "/cities/{slug}/edit",
            get(forms::edit_form).post(forms::update),
        )
        .route("/cities/{slug}/focal-points", post(forms::add_focal_point))
        .route(
            "/cities/{slug}/focal-points/{id}/remove",
            post(forms::remove_focal_point),
        )
        .route("/cities/{slug}/profile", get(profile::page))
        .route("/cities/{slug}/profile.pdf", get(profile::pdf))
}

/// The registry list's query string.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CityQuery {
    pub network: String,
    pub region: String,
    pub country: String,
    pub field: String,
    pub q: String,
    pub page: Option<u64>,
    pub per_page: Option<u64>,
}

pub const PER_PAGE: u64 = 50;
pub const MAX_PER_PAGE: u64 = 1000;

impl CityQuery {
    /// Parses the filters; unknown values are refused field by field.
    pub fn filter(&self, state: &AppState) -> Result<CityFilter, AppError> {
        let mut errors = FieldErrors::new();
        let reference = &state.reference;
        let known =
            |value: &str, exists: bool, key: ProblemKey, field: &str, errors: &mut FieldErrors| {
                let value = non_empty(value)?;
                if exists {
                    Some(value)
                } else {
                    errors.add(field, Problem::with_detail(key, value));
                    None
                }
            };
        let network = known(
            &self.network,
            reference.network(self.network.trim()).is_some(),
            ProblemKey::UnknownNetwork,
            "network",
            &mut errors,
        );
        let region = known(
            &self.region,
            reference.region(self.region.trim()).is_some(),
            ProblemKey::UnknownRegion,
            "region",
            &mut errors,
        );
        let creative_field = known(
            &self.field,
            reference.creative_field(self.field.trim()).is_some(),
            ProblemKey::UnknownCreativeField,
            "field",
            &mut errors,
        );
        let country =
            non_empty(&self.country).and_then(|c| errors.take("country", Country::parse(&c)));
        let text = non_empty(&self.q);
        if let Some(text) = &text
            && let Err(p) = max_chars(text, 200)
        {
            errors.add("q", p);
        }
        let terms = text
            .as_deref()
            .map(ateneu_app::cities::query_terms)
            .unwrap_or_default();
        errors
            .into_result(|| CityFilter {
                network,
                region,
                country,
                creative_field,
                terms,
                on: None,
            })
            .map_err(AppError::Invalid)
    }

    pub fn page(&self) -> u64 {
        self.page.unwrap_or(1).clamp(1, 1_000_000)
    }

    pub fn per_page(&self) -> u64 {
        self.per_page.unwrap_or(PER_PAGE).clamp(1, MAX_PER_PAGE)
    }

    /// This query's string with another page number.
    pub fn with_page(&self, page: u64) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("network", &self.network),
            ("region", &self.region),
            ("country", &self.country),
            ("field", &self.field),
            ("q", &self.q),
        ] {
            if !v.trim().is_empty() {
                query.append_pair(k, v);
            }
        }
        if let Some(per_page) = self.per_page {
            query.append_pair("per_page", &per_page.to_string());
        }
        query.append_pair("page", &page.to_string());
        query.finish()
    }
}

/// A page of the registry.
pub async fn list(
    state: &AppState,
    query: &CityQuery,
) -> Result<(Vec<CityListItem>, u64), AppError> {
    let filter = query.filter(state)?;
    Ok(ateneu_app::cities::list(state, &filter, query.page(), query.per_page()).await?)
}

/// A city's networks with the networks above them, for permission checks.
pub use ateneu_app::cities::scope_networks;

/// A city by its slug; by an earlier slug, a redirect to the same page under the current one.
pub use ateneu_app::cities::find;

pub use ateneu_app::cities::focal_points::FocalPointInput;
pub use ateneu_app::cities::resolve;
