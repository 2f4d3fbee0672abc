//! Instance settings kept in the database (so that every server process sees the same).

use crate::DbResult;
use crate::entities::setting;
use sea_orm::{ConnectionTrait, EntityTrait, Set, sea_query::OnConflict};

pub const DEMO: &str = "demo_content";
/// The instance's secret key for signing (anti-forgery tokens), made at first start.
pub const SIGNING_KEY: &str = "signing_key";

pub async fn get(conn: &impl ConnectionTrait, key: &str) -> DbResult<Option<String>> {
    Ok(setting::Entity::find_by_id(key.to_owned())
        .one(conn)
        .await?
        .map(|s| s.value))
}

pub async fn set(conn: &impl ConnectionTrait, key: &str, value: &str) -> DbResult<()> {
    setting::Entity::insert(setting::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(value.to_owned()),
    })
    .on_conflict(
        OnConflict::column(setting::Column::Key)
            .update_column(setting::Column::Value)
            .to_owned(),
    )
    .exec(conn)
    .await?;
    Ok(())
}

/// The setting's value, written with `value` by whichever process asks first (several servers
/// starting at once on one database agree on one value).
pub async fn get_or_insert(
    conn: &impl ConnectionTrait,
    key: &str,
    value: &str,
) -> DbResult<String> {
    setting::Entity::insert(setting::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(value.to_owned()),
    })
    .on_conflict_do_nothing()
    .exec(conn)
    .await?;
    Ok(get(conn, key).await?.unwrap_or_else(|| value.to_owned()))
}
