//! A city's cultural assets in storage (the inventory a Seven Keys workshop relates challenges
//! to): listed by kind and name, added within the inventory's limit under the city's row lock,
//! removed.

use crate::audit::{self, Who};
use crate::entities::cultural_asset;
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::CityId;
use ateneu_domain::seven_keys::{AssetDraft, AssetKind};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

/// A cultural asset of a city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Asset {
    pub id: i64,
    pub city_id: CityId,
    #[serde(flatten)]
    pub draft: AssetDraft,
}

fn to_asset(m: cultural_asset::Model) -> DbResult<Asset> {
    Ok(Asset {
        id: m.id,
        city_id: CityId::new(m.city_id),
        draft: AssetDraft {
            kind: AssetKind::parse(&m.kind).map_err(|p| DbError::Corrupt(p.key.to_string()))?,
            name: m.name,
            description: m.description,
        },
    })
}

/// A city's cultural assets, by kind and name.
pub async fn assets(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<Asset>> {
    cultural_asset::Entity::find()
        .filter(cultural_asset::Column::CityId.eq(city_id.get()))
        .order_by_asc(cultural_asset::Column::Kind)
        .order_by_asc(cultural_asset::Column::Name)
        .order_by_asc(cultural_asset::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_asset)
        .collect()
}

/// Adds an asset to a city's inventory (which holds at most `most`).
pub async fn add_asset(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    draft: &AssetDraft,
    most: u64,
) -> DbResult<Asset> {
    // The city's row, locked, keeps the count true until the write (on PostgreSQL).
    crate::entities::city::Entity::find_by_id(city_id.get())
        .lock_exclusive()
        .one(&**txn)
        .await?
        .ok_or(DbError::NotFound)?;
    let count = cultural_asset::Entity::find()
        .filter(cultural_asset::Column::CityId.eq(city_id.get()))
        .count(&**txn)
        .await?;
    if count >= most {
        return Err(DbError::Conflict(ProblemKey::TooManyItems));
    }
    let model = cultural_asset::ActiveModel {
        city_id: Set(city_id.get()),
        kind: Set(draft.kind.key().to_owned()),
        name: Set(draft.name.clone()),
        description: Set(draft.description.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "cultural_asset.add",
        "city",
        city_id,
        serde_json::json!({"asset": model.id, "draft": draft}),
    )
    .await?;
    to_asset(model)
}

/// Removes an asset of the city; false when there was none.
pub async fn remove_asset(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    asset_id: i64,
) -> DbResult<bool> {
    let removed = cultural_asset::Entity::delete_many()
        .filter(cultural_asset::Column::Id.eq(asset_id))
        .filter(cultural_asset::Column::CityId.eq(city_id.get()))
        .exec(&**txn)
        .await?
        .rows_affected;
    audit::record_removal(
        &**txn,
        who,
        removed,
        ("cultural_asset.remove", "city", city_id.get()),
        serde_json::json!({"asset": asset_id}),
    )
    .await
}
