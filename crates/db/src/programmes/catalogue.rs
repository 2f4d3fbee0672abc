//! The secretariat's changes to the programme catalogue in storage: each changed activity kept
//! whole (as JSON) under its key, saved on the revision it was made on (0: the bundled text,
//! never changed yet); every save leaves its audit row with the text before and after.

use crate::audit::{self, Who};
use crate::entities::catalogue_change as change;
use crate::{DbError, DbResult, WriteTxn, conflict_as};
use ateneu_domain::ProblemKey;
use ateneu_domain::programmes::catalogue::CatalogueActivity;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, Set,
};

/// A changed activity as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub activity: CatalogueActivity,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

fn to_change(m: change::Model) -> DbResult<Change> {
    Ok(Change {
        activity: serde_json::from_str(&m.body)
            .map_err(|e| DbError::Corrupt(format!("catalogue change {}: {e}", m.activity_key)))?,
        revision: m.revision,
        updated_at: m.updated_at,
    })
}

/// Every changed activity.
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<Change>> {
    change::Entity::find()
        .order_by_asc(change::Column::ActivityKey)
        .all(conn)
        .await?
        .into_iter()
        .map(to_change)
        .collect()
}

/// Saves a changed activity made on `revision` (0: the bundled text); `Conflict
/// (changed_meanwhile)` when someone saved since. `before` is the text it replaces.
pub async fn save(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &CatalogueActivity,
    revision: i64,
    after: &CatalogueActivity,
) -> DbResult<i64> {
    let now = Utc::now();
    let body = serde_json::to_string(after).map_err(|e| DbError::Corrupt(e.to_string()))?;
    if revision == 0 {
        change::ActiveModel {
            activity_key: Set(after.key.clone()),
            body: Set(body),
            revision: Set(1),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&**txn)
        .await
        .map_err(conflict_as(ProblemKey::ChangedMeanwhile))?;
    } else {
        let result = change::Entity::update_many()
            .col_expr(change::Column::Body, Expr::value(body))
            .col_expr(
                change::Column::Revision,
                Expr::col(change::Column::Revision).add(1),
            )
            .col_expr(change::Column::UpdatedAt, Expr::value(now))
            .filter(change::Column::ActivityKey.eq(after.key.as_str()))
            .filter(change::Column::Revision.eq(revision))
            .exec(&**txn)
            .await?;
        if result.rows_affected != 1 {
            return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
        }
    }
    audit::record(
        &**txn,
        who,
        "programme.catalogue.change",
        "catalogue_activity",
        after.number,
        serde_json::json!({"key": after.key, "before": before, "after": after}),
    )
    .await?;
    Ok(revision + 1)
}
