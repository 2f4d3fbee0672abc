//! The Culture 2030 Goal's versions in storage: each imported file as given, in the order they
//! came; a version is added once (`goal_version_exists` for the same key and version again),
//! with its audit row.

use crate::audit::{self, Who};
use crate::entities::goal_version;
use crate::{DbResult, WriteTxn};
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::AccountId;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, Set};

/// A stored version: its key, version and file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredGoal {
    pub id: i64,
    pub key: String,
    pub version: String,
    pub source: String,
    pub imported_at: chrono::DateTime<chrono::Utc>,
}

/// Every imported version, oldest first.
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<StoredGoal>> {
    Ok(goal_version::Entity::find()
        .order_by_asc(goal_version::Column::ImportedAt)
        .order_by_asc(goal_version::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| StoredGoal {
            id: m.id,
            key: m.goal_key,
            version: m.version,
            source: m.source,
            imported_at: m.imported_at,
        })
        .collect())
}

/// Adds a version's file (checked by the caller).
pub async fn add(
    txn: &WriteTxn<'_>,
    who: &Who,
    key: &str,
    version: &str,
    source: &str,
) -> DbResult<i64> {
    let id = goal_version::ActiveModel {
        goal_key: Set(key.to_owned()),
        version: Set(version.to_owned()),
        source: Set(source.to_owned()),
        imported_by: Set(who.user_id.map(AccountId::get)),
        imported_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await
    .map_err(crate::conflict_as(ProblemKey::GoalVersionExists))?
    .id;
    audit::record(
        &**txn,
        who,
        "goal.import",
        "goal_version",
        id,
        serde_json::json!({"goal": key, "version": version}),
    )
    .await?;
    Ok(id)
}
