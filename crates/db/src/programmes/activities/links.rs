//! The records an activity produces, linked to it: listing an activity's links, adding one (once
//! per record) and removing one, each write with its audit row. The records themselves stay in
//! their own tables: a link to a record deleted since is skipped by whoever shows it.

use crate::audit::{self, Who};
use crate::entities::programme_activity_link as link;
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::ProblemKey;
use ateneu_domain::programmes::activities::links::{LinkDraft, RecordKind};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

/// A stored link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub id: i64,
    pub activity_id: i64,
    #[serde(flatten)]
    pub draft: LinkDraft,
    pub created_at: DateTime<Utc>,
}

fn to_link(model: link::Model) -> DbResult<Link> {
    Ok(Link {
        id: model.id,
        activity_id: model.activity_id,
        draft: LinkDraft {
            kind: RecordKind::parse(&model.record_kind)
                .map_err(|p| DbError::Corrupt(p.key.to_string()))?,
            record_id: model.record_id,
        },
        created_at: model.created_at,
    })
}

/// An activity's links, oldest first.
pub async fn of_activity(conn: &impl ConnectionTrait, activity_id: i64) -> DbResult<Vec<Link>> {
    link::Entity::find()
        .filter(link::Column::ActivityId.eq(activity_id))
        .order_by_asc(link::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_link)
        .collect()
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Link>> {
    link::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_link)
        .transpose()
}

/// How many records an activity links.
pub async fn count(conn: &impl ConnectionTrait, activity_id: i64) -> DbResult<u64> {
    Ok(link::Entity::find()
        .filter(link::Column::ActivityId.eq(activity_id))
        .count(conn)
        .await?)
}

/// Links a record to an activity; `Conflict(already_linked)` when it is linked already.
pub async fn create(
    txn: &WriteTxn<'_>,
    who: &Who,
    activity_id: i64,
    draft: &LinkDraft,
) -> DbResult<Link> {
    let existing = link::Entity::find()
        .filter(link::Column::ActivityId.eq(activity_id))
        .filter(link::Column::RecordKind.eq(draft.kind.key()))
        .filter(link::Column::RecordId.eq(draft.record_id))
        .count(&**txn)
        .await?;
    if existing > 0 {
        return Err(DbError::Conflict(ProblemKey::AlreadyLinked));
    }
    let model = link::ActiveModel {
        activity_id: Set(activity_id),
        record_kind: Set(draft.kind.key().to_owned()),
        record_id: Set(draft.record_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await
    // Two people linking the same record at once: the second meets the unique index.
    .map_err(crate::conflict_as(ProblemKey::AlreadyLinked))?;
    audit::record(
        &**txn,
        who,
        "activity.link",
        "activity",
        activity_id,
        serde_json::json!({"link": model.id, "kind": draft.kind.key(), "record_id": draft.record_id}),
    )
    .await?;
    to_link(model)
}

/// Removes a link (the record itself stays).
pub async fn delete(txn: &WriteTxn<'_>, who: &Who, before: &Link) -> DbResult<()> {
    let result = link::Entity::delete_by_id(before.id).exec(&**txn).await?;
    if result.rows_affected != 1 {
        return Err(DbError::NotFound);
    }
    audit::record(
        &**txn,
        who,
        "activity.unlink",
        "activity",
        before.activity_id,
        serde_json::json!({"link": before.id, "kind": before.draft.kind.key(), "record_id": before.draft.record_id}),
    )
    .await?;
    Ok(())
}
