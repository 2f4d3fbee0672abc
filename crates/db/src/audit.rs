//! The audit log: one row for every write (who, what, when, what changed), written in the same
//! transaction as the write itself, and read by admins.

use crate::DbResult;
use crate::entities::audit_entry;
use ateneu_domain::ids::AccountId;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryOrder, QuerySelect, Set,
};
use serde_json::Value;

/// Who acts: a signed-in user, or the system / command line (no user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub user_id: Option<AccountId>,
    pub label: String,
}

impl Who {
    pub fn user(id: AccountId, email: &str) -> Who {
        Who {
            user_id: Some(id),
            label: email.to_owned(),
        }
    }

    pub fn system(label: &str) -> Who {
        Who {
            user_id: None,
            label: label.to_owned(),
        }
    }
}

/// Records one write; `changes` says what changed (before/after or the new values).
pub async fn record(
    conn: &impl ConnectionTrait,
    who: &Who,
    action: &str,
    entity: &str,
    entity_id: impl ToString,
    changes: Value,
) -> DbResult<()> {
    audit_entry::ActiveModel {
        at: Set(chrono::Utc::now()),
        actor_id: Set(who.user_id.map(AccountId::get)),
        actor_label: Set(who.label.clone()),
        action: Set(action.to_owned()),
        entity: Set(entity.to_owned()),
        entity_id: Set(entity_id.to_string()),
        changes: Set(changes.to_string()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Records a removal when the delete before it took something away (`removed` rows), and
/// nothing otherwise; returns whether something was removed. Every repository's "delete
/// where it belongs to X, then audit" goes through here.
pub async fn record_removal(
    conn: &impl ConnectionTrait,
    who: &Who,
    removed: u64,
    (action, entity, entity_id): (&str, &str, i64),
    changes: Value,
) -> DbResult<bool> {
    if removed > 0 {
        record(conn, who, action, entity, entity_id, changes).await?;
    }
    Ok(removed > 0)
}

/// Records many changes by the same person at once (a bulk import): one row each, one insert.
pub async fn record_many(
    conn: &impl ConnectionTrait,
    who: &Who,
    entity: &str,
    rows: impl IntoIterator<Item = (&str, String, Value)>,
) -> DbResult<()> {
    let at = chrono::Utc::now();
    let models: Vec<audit_entry::ActiveModel> = rows
        .into_iter()
        .map(|(action, entity_id, changes)| audit_entry::ActiveModel {
            at: Set(at),
            actor_id: Set(who.user_id.map(AccountId::get)),
            actor_label: Set(who.label.clone()),
            action: Set(action.to_owned()),
            entity: Set(entity.to_owned()),
            entity_id: Set(entity_id),
            changes: Set(changes.to_string()),
            ..Default::default()
        })
        .collect();
    if !models.is_empty() {
        audit_entry::Entity::insert_many(models)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// A page of the log, newest first, with the total count.
pub async fn list(
    conn: &impl ConnectionTrait,
    page: u64,
    per_page: u64,
) -> DbResult<(Vec<audit_entry::Model>, u64)> {
    let total = audit_entry::Entity::find().count(conn).await?;
    let rows = audit_entry::Entity::find()
        .order_by_desc(audit_entry::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(conn)
        .await?;
    Ok((rows, total))
}
