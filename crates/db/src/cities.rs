//! Cities in the registry: list with filters and pages, read, create, edit, and the CSV
//! import/export of whole files in one transaction.

use crate::audit::{self, Who};
use crate::entities::{city, membership};
use crate::{Db, DbError, DbResult, WriteTxn, conflict_as, from_json, to_json};
use ateneu_domain::cities::{CityDraft, Coordinates, fold, free_slug, slugify};
use ateneu_domain::countries::Country;
use ateneu_domain::csv_format::CityRow;
use ateneu_domain::ids::CityId;
use ateneu_domain::memberships::MembershipRole;
use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Set,
};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

mod slugs;
pub use slugs::{by_pick, current_slug, for_pickers, refresh_slugs};

/// A city as read from the registry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct City {
    pub id: CityId,
    pub slug: String,
    #[serde(flatten)]
    pub draft: CityDraft,
    pub is_example: bool,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
}

/// A current membership as shown in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MembershipBadge {
    pub network: String,
    pub role: MembershipRole,
    pub creative_field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityListItem {
    #[serde(flatten)]
    pub city: City,
    pub memberships: Vec<MembershipBadge>,
}

/// The registry list's filters; every one is optional and they combine.
#[derive(Debug, Clone, Default)]
pub struct CityFilter {
    pub network: Option<String>,
    pub region: Option<String>,
    pub country: Option<Country>,
    pub creative_field: Option<String>,
    /// Folded terms that must all appear in a city's names (see `ateneu_search::query_terms`).
    pub terms: Vec<String>,
    /// Memberships count when current on this day (usually today).
    pub on: Option<NaiveDate>,
}

pub(crate) fn to_city(model: city::Model) -> DbResult<City> {
    let coordinates = match (model.latitude, model.longitude) {
        (Some(latitude), Some(longitude)) => Some(Coordinates {
            latitude,
            longitude,
        }),
        _ => None,
    };
    Ok(City {
        id: CityId::new(model.id),
        slug: model.slug,
        draft: CityDraft {
            name: from_json(&model.name)?,
            country: Country::parse(&model.country)
                .map_err(|_| DbError::Corrupt(model.country.clone()))?,
            region: model.region,
            population: model.population,
            coordinates,
            website: model.website,
            description: model.description.as_deref().map(from_json).transpose()?,
        },
        is_example: model.is_example,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

/// The folded text a city is found by: its names in every language, slug and country.
pub(crate) fn search_text(slug: &str, draft: &CityDraft) -> String {
    fold(&format!(
        "{} {} {}",
        draft.name.all_text(),
        slug,
        draft.country.code()
    ))
}

fn sort_name(draft: &CityDraft) -> String {
    fold(draft.name.source_text())
}

fn condition(filter: &CityFilter) -> Condition {
    let mut condition = Condition::all();
    if let Some(region) = &filter.region {
        condition = condition.add(city::Column::Region.eq(region.clone()));
    }
    if let Some(country) = &filter.country {
        condition = condition.add(city::Column::Country.eq(country.code()));
    }
    for term in &filter.terms {
        let escaped = term
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        condition = condition.add(
            Expr::col((city::Entity, city::Column::SearchText))
                .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')),
        );
    }
    if filter.network.is_some() || filter.creative_field.is_some() {
        let day = filter.on.unwrap_or_else(|| Utc::now().date_naive());
        let mut members = Query::select();
        members
            .expr(Expr::val(1))
            .from(membership::Entity)
            .and_where(
                Expr::col((membership::Entity, membership::Column::CityId))
                    .equals((city::Entity, city::Column::Id)),
            )
            .and_where(Expr::col((membership::Entity, membership::Column::StartedOn)).lte(day))
            .and_where(
                Expr::col((membership::Entity, membership::Column::EndedOn))
                    .is_null()
                    .or(Expr::col((membership::Entity, membership::Column::EndedOn)).gte(day)),
            );
        if let Some(network) = &filter.network {
            members.and_where(
                Expr::col((membership::Entity, membership::Column::Network)).eq(network.clone()),
            );
        }
        if let Some(field) = &filter.creative_field {
            members.and_where(
                Expr::col((membership::Entity, membership::Column::CreativeField))
                    .eq(field.clone()),
            );
        }
        condition = condition.add(Expr::exists(members));
    }
    condition
}

/// A page of cities matching the filter, by name, with their current memberships and the total.
pub async fn list(
    db: &Db,
    filter: &CityFilter,
    page: u64,
    per_page: u64,
) -> DbResult<(Vec<CityListItem>, u64)> {
    let total = count(db, filter).await?;
    let start = PageStart::skipping(page.saturating_sub(1) * per_page);
    Ok((page_of(db, filter, &start, per_page).await?.items, total))
}

/// Where a city stands in the registry's order: its folded name, then its id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ListKey {
    pub sort_name: String,
    pub id: i64,
}

/// Where a page of the registry starts: just after a city's place in the order (the last of an
/// earlier page, read from the index: keyset pagination), then past `skip` more matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageStart {
    pub after: Option<ListKey>,
    pub skip: u64,
}

impl PageStart {
    /// From the first match, past `skip` of them (an `OFFSET` walk: the deeper, the slower).
    pub fn skipping(skip: u64) -> PageStart {
        PageStart { after: None, skip }
    }
}

/// A page of the registry, the place of the city just before it (when the page was reached by
/// skipping: where this page starts next time) and of its last city (where the next one starts).
#[derive(Debug, Clone)]
pub struct CityPage {
    pub items: Vec<CityListItem>,
    pub before: Option<ListKey>,
    pub last: Option<ListKey>,
}

/// The query of a page's ids and places: the cities matching the filter, by name then id,
/// from `start`.
fn page_ids(
    filter: &CityFilter,
    start: &PageStart,
    per_page: u64,
) -> sea_orm::Select<city::Entity> {
    let mut condition = condition(filter);
    if let Some(after) = &start.after {
        // `name >= a AND (name > a OR id > b)`: the range on the name lets both databases start
        // the (filter, sort_name, id) index walk at the key instead of at the first match.
        condition = condition
            .add(city::Column::SortName.gte(after.sort_name.clone()))
            .add(
                Condition::any()
                    .add(city::Column::SortName.gt(after.sort_name.clone()))
                    .add(city::Column::Id.gt(after.id)),
            );
    }
    city::Entity::find()
        .filter(condition)
        .select_only()
        .column(city::Column::Id)
        .column(city::Column::SortName)
        .order_by_asc(city::Column::SortName)
        .order_by_asc(city::Column::Id)
        .offset(start.skip)
        .limit(per_page)
}

/// The statements a page of the registry reads on `backend` (the page's ids, then the count),
/// for a test to ask the database how it plans them.
pub fn listing_statements(
    backend: sea_orm::DbBackend,
    filter: &CityFilter,
    start: &PageStart,
    per_page: u64,
) -> [sea_orm::Statement; 2] {
    [
        page_ids(filter, start, per_page).build(backend),
        matching(filter).build(backend),
    ]
}

/// The query of how many cities match the filter.
fn matching(filter: &CityFilter) -> sea_orm::Select<city::Entity> {
    city::Entity::find()
        .filter(condition(filter))
        .select_only()
        .column_as(Expr::cust("COUNT(*)"), "n")
}

/// A page of cities matching the filter, by name, with their current memberships (without the
/// total: `count`), from `start`.
pub async fn page_of(
    db: &Db,
    filter: &CityFilter,
    start: &PageStart,
    per_page: u64,
) -> DbResult<CityPage> {
    let conn = &db.conn;
    // The page's ids first, from the (filter, name, id) indexes alone, then only their rows: a
    // deep page skips index entries instead of whole rows (a deferred join). Reached by
    // skipping, the page is read with the city before it, whose place is kept.
    let (read_from, read) = match start.skip {
        0 => (start.clone(), per_page),
        skip => (
            PageStart {
                after: start.after.clone(),
                skip: skip - 1,
            },
            per_page + 1,
        ),
    };
    let mut places: Vec<(i64, String)> = page_ids(filter, &read_from, read)
        .into_tuple::<(i64, String)>()
        .all(conn)
        .await?;
    let before = match start.skip {
        0 => None,
        _ if places.is_empty() => None,
        _ => {
            let (id, sort_name) = places.remove(0);
            Some(ListKey { sort_name, id })
        }
    };
    let last = places.last().map(|(id, sort_name)| ListKey {
        sort_name: sort_name.clone(),
        id: *id,
    });
    let ids: Vec<i64> = places.into_iter().map(|(id, _)| id).collect();
    let mut rows: HashMap<i64, city::Model> = city::Entity::find()
        .filter(city::Column::Id.is_in(ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let models: Vec<city::Model> = ids.iter().filter_map(|id| rows.remove(id)).collect();
    let day = filter.on.unwrap_or_else(|| Utc::now().date_naive());
    let mut badges: HashMap<i64, Vec<MembershipBadge>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows = membership::Entity::find()
            .filter(membership::Column::CityId.is_in(chunk.to_vec()))
            .filter(membership::Column::StartedOn.lte(day))
            .filter(
                Condition::any()
                    .add(membership::Column::EndedOn.is_null())
                    .add(membership::Column::EndedOn.gte(day)),
            )
            .order_by_asc(membership::Column::Id)
            .all(conn)
            .await?;
        for row in rows {
            let role =
                MembershipRole::parse(&row.role).map_err(|_| DbError::Corrupt(row.role.clone()))?;
            badges
                .entry(row.city_id)
                .or_default()
                .push(MembershipBadge {
                    network: row.network,
                    role,
                    creative_field: row.creative_field,
                });
        }
    }
    let items = models
        .into_iter()
        .map(|model| {
            let memberships = badges.remove(&model.id).unwrap_or_default();
            Ok(CityListItem {
                city: to_city(model)?,
                memberships,
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    Ok(CityPage {
        items,
        before,
        last,
    })
}

pub async fn by_slug(conn: &impl ConnectionTrait, slug: &str) -> DbResult<Option<City>> {
    city::Entity::find()
        .filter(city::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .map(to_city)
        .transpose()
}

pub async fn by_id(conn: &impl ConnectionTrait, id: CityId) -> DbResult<Option<City>> {
    city::Entity::find_by_id(id.get())
        .one(conn)
        .await?
        .map(to_city)
        .transpose()
}

/// The cities of these ids (those that exist), in no particular order.
pub async fn by_ids(conn: &impl ConnectionTrait, ids: &[CityId]) -> DbResult<Vec<City>> {
    city::Entity::find()
        .filter(city::Column::Id.is_in(ids.iter().map(|id| id.get())))
        .all(conn)
        .await?
        .into_iter()
        .map(to_city)
        .collect()
}

/// How many cities each region has (regions without cities are left out).
pub async fn count_by_region(db: &Db) -> DbResult<Vec<(String, i64)>> {
    Ok(city::Entity::find()
        .select_only()
        .column(city::Column::Region)
        .column_as(city::Column::Id.count(), "cities")
        .group_by(city::Column::Region)
        .into_tuple::<(String, i64)>()
        .all(&db.conn)
        .await?)
}

/// How many cities match a filter.
pub async fn count(db: &Db, filter: &CityFilter) -> DbResult<u64> {
    let n = matching(filter)
        .into_tuple::<i64>()
        .one(&db.conn)
        .await?
        .unwrap_or(0);
    Ok(u64::try_from(n).unwrap_or(0))
}

pub(crate) async fn slugs_like(
    conn: &impl ConnectionTrait,
    base: &str,
) -> DbResult<HashSet<String>> {
    let rows = city::Entity::find()
        .select_only()
        .column(city::Column::Slug)
        .filter(city::Column::Slug.starts_with(base))
        .into_tuple::<String>()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

fn active(slug: &str, draft: &CityDraft, is_example: bool) -> DbResult<city::ActiveModel> {
    let now = Utc::now();
    Ok(city::ActiveModel {
        slug: Set(slug.to_owned()),
        name: Set(to_json(&draft.name)?),
        sort_name: Set(sort_name(draft)),
        country: Set(draft.country.code().to_owned()),
        region: Set(draft.region.clone()),
        population: Set(draft.population),
        latitude: Set(draft.coordinates.map(|c| c.latitude)),
        longitude: Set(draft.coordinates.map(|c| c.longitude)),
        website: Set(draft.website.clone()),
        description: Set(draft.description.as_ref().map(to_json).transpose()?),
        search_text: Set(search_text(slug, draft)),
        is_example: Set(is_example),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
}

/// Adds a city; its slug comes from its name (made unique).
pub async fn create(
    txn: &WriteTxn<'_>,
    who: &Who,
    draft: &CityDraft,
    is_example: bool,
) -> DbResult<City> {
    let base = slugify(draft.name.source_text());
    let slug = free_slug(&base, &slugs_like(&**txn, &base).await?);
    let model = city::Entity::insert(active(&slug, draft, is_example)?)
        .exec_with_returning(&**txn)
        .await
        .map_err(conflict_as(ateneu_domain::ProblemKey::SlugTaken))?;
    audit::record(
        &**txn,
        who,
        "city.create",
        "city",
        &slug,
        serde_json::to_value(draft).unwrap_or_default(),
    )
    .await?;
    to_city(model)
}

/// Replaces a city's record.
pub async fn update(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &City,
    draft: &CityDraft,
) -> DbResult<City> {
    let mut model = active(&before.slug, draft, before.is_example)?;
    model.id = Set(before.id.get());
    model.created_at = Set(before.created_at);
    let model = city::Entity::update(model).exec(&**txn).await?;
    crate::practices::log_change(&**txn, "city", before.id.get()).await?;
    audit::record(
        &**txn,
        who,
        "city.update",
        "city",
        &before.slug,
        serde_json::json!({"before": before.draft, "after": draft}),
    )
    .await?;
    to_city(model)
}

pub use crate::ImportSummary;

/// Imports valid rows in one transaction: a row whose slug names an existing city updates it,
/// any other row adds a city. `progress` is told how many rows are done.
pub async fn import(
    db: &Db,
    who: &Who,
    rows: &[CityRow],
    progress: &(dyn Fn(u64) + Sync),
) -> DbResult<ImportSummary> {
    let txn = db.write().await?;
    let existing: Vec<city::Model> = city::Entity::find().all(&*txn).await?;
    let mut taken: HashSet<String> = existing.iter().map(|c| c.slug.clone()).collect();
    let by_slug: HashMap<String, city::Model> =
        existing.into_iter().map(|c| (c.slug.clone(), c)).collect();
    let mut summary = ImportSummary::default();
    let mut inserts = Vec::new();
    for (done, row) in rows.iter().enumerate() {
        match row.slug.as_ref().and_then(|s| by_slug.get(s)) {
            Some(model) => {
                let before = to_city(model.clone())?;
                if before.draft == row.city {
                    summary.unchanged += 1;
                } else {
                    let mut update = active(&before.slug, &row.city, before.is_example)?;
                    update.id = Set(before.id.get());
                    update.created_at = Set(before.created_at);
                    city::Entity::update(update).exec(&*txn).await?;
                    summary.updated += 1;
                }
            }
            None => {
                let base = row
                    .slug
                    .clone()
                    .unwrap_or_else(|| slugify(row.city.name.source_text()));
                let slug = free_slug(&base, &taken);
                taken.insert(slug.clone());
                inserts.push(active(&slug, &row.city, false)?);
                summary.created += 1;
                if inserts.len() == 500 {
                    city::Entity::insert_many(std::mem::take(&mut inserts))
                        .exec(&*txn)
                        .await?;
                }
            }
        }
        if done % 1000 == 999 {
            progress(done as u64 + 1);
        }
    }
    if !inserts.is_empty() {
        city::Entity::insert_many(inserts).exec(&*txn).await?;
    }
    progress(rows.len() as u64);
    audit::record(
        &*txn,
        who,
        "city.import",
        "city",
        "*",
        serde_json::to_value(&summary).unwrap_or_default(),
    )
    .await?;
    txn.commit().await?;
    // Fresh statistics, so that the query planner knows the registry's new size; on
    // PostgreSQL also the visibility map (VACUUM), without which a page's ids are read from
    // the table rather than from the index alone (a deep page: 146 ms → 7–11 ms at 240,000).
    let refresh = match db.conn.get_database_backend() {
        sea_orm::DbBackend::Postgres => "VACUUM (ANALYZE) cities",
        _ => "ANALYZE cities",
    };
    db.conn.execute_unprepared(refresh).await?;
    Ok(summary)
}

/// Every city, by name, read in batches (for exports).
pub async fn all(db: &Db) -> DbResult<Vec<City>> {
    let mut cities = Vec::new();
    let mut after = 0i64;
    loop {
        let batch = city::Entity::find()
            .filter(city::Column::Id.gt(after))
            .order_by_asc(city::Column::Id)
            .limit(5000)
            .all(&db.conn)
            .await?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        for model in batch {
            cities.push(to_city(model)?);
        }
    }
    cities.sort_by(|a, b| {
        sort_name(&a.draft)
            .cmp(&sort_name(&b.draft))
            .then(a.id.cmp(&b.id))
    });
    Ok(cities)
}
