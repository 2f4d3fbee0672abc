//! The member registry's cities: the calls that pages and the JSON API share (list with
//! filters, read a city with what the viewer may see, create, edit, focal points).

use ateneu_domain::ProblemKey;
pub mod api;
mod forms;
mod pages;
pub mod picker;
mod profile;

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_db::cities::{self as repo, City, CityFilter, CityListItem};
use ateneu_db::focal_points::{self, FocalPoint, NewFocalPoint};
use ateneu_db::memberships::{self, Membership};
use ateneu_domain::accounts::Email;
use ateneu_domain::cities::CityInput;
use ateneu_domain::countries::Country;
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::validation::{max_chars, non_empty};
use ateneu_domain::{FieldErrors, Problem};
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
            .map(ateneu_search::query_terms)
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
pub async fn scope_networks(state: &AppState, city_id: i64) -> Result<Vec<String>, AppError> {
    Ok(ateneu_app::cities::scope_networks(state, city_id).await?)
}

/// A city by its slug; by an earlier slug, a redirect to the same page under the current one.
pub async fn find(state: &AppState, slug: &str) -> Result<City, AppError> {
    if let Some(city) = repo::by_slug(&state.db.conn, slug).await? {
        return Ok(city);
    }
    match repo::current_slug(&state.db.conn, slug).await? {
        Some(current) => Err(AppError::Moved {
            from: slug.to_owned(),
            to: current,
        }),
        None => Err(AppError::NotFound),
    }
}

pub use ateneu_app::cities::resolve;

/// A focal point as the viewer may see it: contact details only for those allowed.
#[derive(Debug, Clone, Serialize)]
pub struct ShownFocalPoint {
    pub id: i64,
    pub name: String,
    pub position: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A city with everything the viewer may see of it.
#[derive(Debug, Clone, Serialize)]
pub struct CityDetail {
    pub city: City,
    pub memberships: Vec<Membership>,
    pub focal_points: Vec<ShownFocalPoint>,
    /// The city's outputs (assessment reports…) that the viewer may see.
    pub outputs: Vec<ateneu_db::outputs::Output>,
    #[serde(skip)]
    pub can_edit: bool,
    #[serde(skip)]
    pub can_manage: Vec<String>,
    #[serde(skip)]
    pub can_view_contacts: bool,
}

pub async fn detail(state: &AppState, v: &Viewer, slug: &str) -> Result<CityDetail, AppError> {
    let city = find(state, slug).await?;
    let memberships = memberships::of_city(&state.db.conn, city.id).await?;
    let networks = state
        .reference
        .scope_of(memberships.iter().map(|m| m.draft.network.as_str()));
    let scope = CityScope {
        id: city.id,
        networks: &networks,
    };
    let contacts = v.allows(Action::ViewContacts(scope));
    let focal_points = focal_points::of_city(&state.db.conn, city.id)
        .await?
        .into_iter()
        .map(|p: FocalPoint| ShownFocalPoint {
            id: p.id,
            name: p.name,
            position: p.position,
            email: contacts.then_some(p.email).filter(|e| !e.is_empty()),
            phone: contacts.then_some(p.phone).filter(|e| !e.is_empty()),
        })
        .collect();
    let can_manage = state
        .reference
        .networks
        .iter()
        .filter(|n| {
            v.allows(Action::ManageMemberships(
                &state.reference.with_ancestors(&n.key),
            ))
        })
        .map(|n| n.key.clone())
        .collect();
    let engaged = ateneu_app::programmes::experts::engaged_activities(state, &v.acting()).await?;
    let outputs = ateneu_db::outputs::of_city(&state.db.conn, city.id)
        .await?
        .into_iter()
        .filter(|output| {
            ateneu_app::programmes::outputs::may_see(state, &v.acting(), output, scope, &engaged)
        })
        .collect();
    Ok(CityDetail {
        outputs,
        memberships,
        can_edit: v.allows(Action::EditCity(scope)),
        can_manage,
        can_view_contacts: contacts,
        focal_points,
        city,
    })
}

pub async fn create(state: &AppState, v: &Viewer, input: &CityInput) -> Result<City, AppError> {
    v.require(Action::CreateCity)?;
    let draft = input.parse(&state.reference.region_keys())?;
    let txn = state.db.write().await?;
    let city = repo::create(&txn, &v.who(), &draft, false).await?;
    txn.commit().await?;
    Ok(city)
}

/// Checks that the viewer may edit this city.
pub async fn require_edit(state: &AppState, v: &Viewer, city: &City) -> Result<(), AppError> {
    let networks = scope_networks(state, city.id).await?;
    v.require(Action::EditCity(CityScope {
        id: city.id,
        networks: &networks,
    }))
}

pub async fn update(
    state: &AppState,
    v: &Viewer,
    slug: &str,
    input: &CityInput,
) -> Result<City, AppError> {
    let before = find(state, slug).await?;
    require_edit(state, v, &before).await?;
    let draft = input.parse(&state.reference.region_keys())?;
    let txn = state.db.write().await?;
    let city = repo::update(&txn, &v.who(), &before, &draft).await?;
    txn.commit().await?;
    Ok(city)
}

/// A focal point form's text.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct FocalPointInput {
    pub name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
}

impl FocalPointInput {
    pub fn parse(&self) -> Result<NewFocalPoint, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = non_empty(&self.name);
        if name.is_none() {
            errors.add("name", Problem::new(ProblemKey::Required));
        }
        for (field, value, max) in [
            ("name", &self.name, 120),
            ("position", &self.position, 200),
            ("phone", &self.phone, 40),
        ] {
            if let Err(p) = max_chars(value, max) {
                errors.add(field, p);
            }
        }
        let email = non_empty(&self.email).and_then(|e| errors.take("email", Email::parse(&e)));
        errors.into_result(|| NewFocalPoint {
            name: name.unwrap_or_default(),
            position: self.position.trim().to_owned(),
            email: email.map(|e| e.to_string()).unwrap_or_default(),
            phone: self.phone.trim().to_owned(),
        })
    }
}

pub async fn add_focal_point(
    state: &AppState,
    v: &Viewer,
    slug: &str,
    input: &FocalPointInput,
) -> Result<i64, AppError> {
    let city = find(state, slug).await?;
    require_edit(state, v, &city).await?;
    let person = input.parse()?;
    let txn = state.db.write().await?;
    let id = focal_points::add(&txn, &v.who(), city.id, &person).await?;
    txn.commit().await?;
    Ok(id)
}

pub async fn remove_focal_point(
    state: &AppState,
    v: &Viewer,
    slug: &str,
    id: i64,
) -> Result<(), AppError> {
    let city = find(state, slug).await?;
    require_edit(state, v, &city).await?;
    let txn = state.db.write().await?;
    let removed = focal_points::remove(&txn, &v.who(), city.id, id).await?;
    txn.commit().await?;
    if removed {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
