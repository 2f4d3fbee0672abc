//! What the search index reads: the change log (written in each edit's transaction, so every
//! server process catches up from it), practices by id, and the cities hits are shown with.

use super::{Practice, PracticeCity, assemble, city_of};
use crate::DbResult;
use crate::entities::{city, practice, practice_city, search_change};
use ateneu_domain::ids::PracticeId;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// One row of the change log: something the index shows changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    /// `practice`, or `city` (its practices show its name, country and region).
    pub entity: String,
    pub entity_id: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Changes after `after`, oldest first.
pub async fn changes_since(
    conn: &impl ConnectionTrait,
    after: i64,
    limit: u64,
) -> DbResult<Vec<Change>> {
    Ok(search_change::Entity::find()
        .filter(search_change::Column::Id.gt(after))
        .order_by_asc(search_change::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| Change {
            id: m.id,
            entity: m.entity,
            entity_id: m.entity_id,
            created_at: m.created_at,
        })
        .collect())
}

/// The latest change's id (0 when none).
pub async fn last_change(conn: &impl ConnectionTrait) -> DbResult<i64> {
    Ok(search_change::Entity::find()
        .select_only()
        .column(search_change::Column::Id)
        .order_by_desc(search_change::Column::Id)
        .limit(1)
        .into_tuple::<i64>()
        .one(conn)
        .await?
        .unwrap_or(0))
}

/// The practices of these cities.
pub async fn practices_of_cities(
    conn: &impl ConnectionTrait,
    cities: &[i64],
) -> DbResult<Vec<i64>> {
    let mut ids = Vec::new();
    for chunk in cities.chunks(500) {
        ids.extend(
            practice_city::Entity::find()
                .select_only()
                .column(practice_city::Column::PracticeId)
                .filter(practice_city::Column::CityId.is_in(chunk.iter().copied()))
                .into_tuple::<i64>()
                .all(conn)
                .await?,
        );
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// These practices (whatever their stage; missing ids are left out).
pub async fn by_ids(conn: &impl ConnectionTrait, ids: &[PracticeId]) -> DbResult<Vec<Practice>> {
    let mut practices = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let models = practice::Entity::find()
            .filter(practice::Column::Id.is_in(chunk.iter().map(|id| id.get())))
            .order_by_asc(practice::Column::Id)
            .all(conn)
            .await?;
        practices.extend(assemble(conn, models).await?);
    }
    Ok(practices)
}

/// Cities of the registry in id order after `after`, a page at a time, as hits and facets
/// name them (the index stores only their slugs).
pub async fn cities_after(
    conn: &impl ConnectionTrait,
    after: i64,
    limit: u64,
) -> DbResult<Vec<PracticeCity>> {
    city::Entity::find()
        .filter(city::Column::Id.gt(after))
        .order_by_asc(city::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(city_of)
        .collect()
}

/// These cities (missing ids are left out).
pub async fn cities_by_ids(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> DbResult<Vec<PracticeCity>> {
    let mut cities = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let models = city::Entity::find()
            .filter(city::Column::Id.is_in(chunk.iter().copied()))
            .order_by_asc(city::Column::Id)
            .all(conn)
            .await?;
        for model in models {
            cities.push(city_of(model)?);
        }
    }
    Ok(cities)
}
