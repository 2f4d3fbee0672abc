//! What the search index reads: the change log (written in each edit's transaction, so every
//! server process catches up from it) and practices by id.

use super::{Practice, PracticeCity, assemble, cities_of};
use crate::DbResult;
use crate::entities::{practice, practice_city, search_change};
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
pub async fn by_ids(conn: &impl ConnectionTrait, ids: &[i64]) -> DbResult<Vec<Practice>> {
    let mut practices = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let models = practice::Entity::find()
            .filter(practice::Column::Id.is_in(chunk.iter().copied()))
            .order_by_asc(practice::Column::Id)
            .all(conn)
            .await?;
        practices.extend(assemble(conn, models).await?);
    }
    Ok(practices)
}

/// A published practice's address and cities, without its content: what search hits are
/// shown with.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: i64,
    pub slug: String,
    pub cities: Vec<PracticeCity>,
}

/// Cards of published practices in id order after `after`, a page at a time.
pub async fn published_cards_after(
    conn: &impl ConnectionTrait,
    after: i64,
    limit: u64,
) -> DbResult<Vec<Card>> {
    let rows: Vec<(i64, String)> = practice::Entity::find()
        .select_only()
        .columns([practice::Column::Id, practice::Column::Slug])
        .filter(practice::Column::Stage.eq(ateneu_domain::practices::Stage::Published.key()))
        .filter(practice::Column::Id.gt(after))
        .order_by_asc(practice::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
    let mut cities = cities_of(conn, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|(id, slug)| Card {
            id,
            slug,
            cities: cities.remove(&id).unwrap_or_default(),
        })
        .collect())
}
