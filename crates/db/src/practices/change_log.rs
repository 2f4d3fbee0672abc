//! Pruning the search change log: old rows are removed and the highest id removed is kept as a
//! mark, so that an index that has applied less than the mark knows it cannot catch up from
//! the log and rebuilds from the database instead.

use crate::audit::{self, Who};
use crate::entities::{search_change, search_log};
use crate::{Db, DbResult};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// The mark's row.
const LOG: i64 = 1;

/// What a pruning did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pruned {
    /// Rows removed.
    pub removed: u64,
    /// Changes up to this id may be gone from the log (0: none ever was).
    pub pruned_through: i64,
}

/// The id up to which the log may have been pruned (0 when it never was). An index that has
/// applied less than this must rebuild: ids are not contiguous on PostgreSQL, so a gap says
/// nothing about pruning — only this mark does.
pub async fn pruned_through(conn: &impl ConnectionTrait) -> DbResult<i64> {
    Ok(search_log::Entity::find_by_id(LOG)
        .one(conn)
        .await?
        .map_or(0, |row| row.pruned_through))
}

/// Removes the changes logged before `before`, in one transaction that also raises the mark
/// (never lowers it) and writes an audit row. Nothing old: nothing written.
pub async fn prune_changes(db: &Db, who: &Who, before: DateTime<Utc>) -> DbResult<Pruned> {
    let txn = db.write().await?;
    // Take the mark's row first: servers pruning at the same time on PostgreSQL wait for each
    // other here, and each then reads what the other committed.
    search_log::Entity::update_many()
        .col_expr(
            search_log::Column::PrunedThrough,
            Expr::col(search_log::Column::PrunedThrough),
        )
        .filter(search_log::Column::Id.eq(LOG))
        .exec(&*txn)
        .await?;
    let mark = pruned_through(&*txn).await?;
    let newest_old = search_change::Entity::find()
        .select_only()
        .column(search_change::Column::Id)
        .filter(search_change::Column::CreatedAt.lt(before))
        .order_by_desc(search_change::Column::Id)
        .limit(1)
        .into_tuple::<i64>()
        .one(&*txn)
        .await?;
    let Some(newest_old) = newest_old else {
        return Ok(Pruned {
            removed: 0,
            pruned_through: mark,
        });
    };
    // Only ids up to the one read: whatever is removed is covered by the mark.
    let removed = search_change::Entity::delete_many()
        .filter(search_change::Column::CreatedAt.lt(before))
        .filter(search_change::Column::Id.lte(newest_old))
        .exec(&*txn)
        .await?
        .rows_affected;
    let through = mark.max(newest_old);
    search_log::Entity::update_many()
        .col_expr(search_log::Column::PrunedThrough, Expr::value(through))
        .col_expr(search_log::Column::PrunedAt, Expr::value(Utc::now()))
        .filter(search_log::Column::Id.eq(LOG))
        .exec(&*txn)
        .await?;
    audit::record(
        &*txn,
        who,
        "search_log.prune",
        "search_log",
        LOG,
        serde_json::json!({"removed": removed, "before": before, "pruned_through": through}),
    )
    .await?;
    txn.commit().await?;
    Ok(Pruned {
        removed,
        pruned_through: through,
    })
}
