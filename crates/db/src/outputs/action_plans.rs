//! An action plan's items and progress updates: adding an item at the end of its plan, saving
//! one on the revision it was read at (a concurrent change is refused, never overwritten), and
//! recording an update that moves the item's status and progress in the same transaction. Each
//! write leaves its audit row on the plan's output.

use crate::audit::{self, Who};
use crate::entities::{action_plan_item, action_plan_update};
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::OutputId;
use ateneu_domain::ids::PracticeId;
use ateneu_domain::programmes::action_plans::{ItemDraft, ItemStatus, UpdateDraft, after_update};
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use std::collections::HashMap;

/// An item of a plan as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: i64,
    pub output_id: i64,
    /// Its place in the plan, from 1.
    pub position: i32,
    #[serde(flatten)]
    pub draft: ItemDraft,
    /// Changes with every save: a save made on an older revision is refused.
    pub revision: i64,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A progress update as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Update {
    pub id: i64,
    pub item_id: i64,
    pub on: NaiveDate,
    pub note: String,
    pub link: Option<String>,
    /// The practice given as evidence (shown only to those who may see it).
    #[serde(skip)]
    pub practice_id: Option<PracticeId>,
    /// The plan's file given as evidence.
    #[serde(skip)]
    pub file_id: Option<i64>,
    pub status: Option<ItemStatus>,
    pub progress: Option<u8>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

fn corrupt(problem: ateneu_domain::Problem) -> DbError {
    DbError::Corrupt(problem.key.to_string())
}

fn to_item(m: action_plan_item::Model) -> DbResult<Item> {
    let mut draft: ItemDraft = from_json(&m.record)?;
    // The columns are the truth for what updates move.
    draft.status = ItemStatus::parse(&m.status).map_err(corrupt)?;
    draft.progress =
        u8::try_from(m.progress).map_err(|_| DbError::Corrupt(m.progress.to_string()))?;
    Ok(Item {
        id: m.id,
        output_id: m.output_id,
        position: m.position,
        draft,
        revision: m.revision,
        updated_at: m.updated_at,
    })
}

fn to_update(m: action_plan_update::Model) -> DbResult<Update> {
    Ok(Update {
        id: m.id,
        item_id: m.item_id,
        on: m.on_day,
        note: m.note,
        link: m.link,
        practice_id: m.practice_id.map(PracticeId::new),
        file_id: m.file_id,
        status: m
            .status
            .as_deref()
            .map(ItemStatus::parse)
            .transpose()
            .map_err(corrupt)?,
        progress: m
            .progress
            .map(|p| u8::try_from(p).map_err(|_| DbError::Corrupt(p.to_string())))
            .transpose()?,
        created_at: m.created_at,
    })
}

/// A plan's items in their order.
pub async fn items(conn: &impl ConnectionTrait, output_id: OutputId) -> DbResult<Vec<Item>> {
    action_plan_item::Entity::find()
        .filter(action_plan_item::Column::OutputId.eq(output_id.get()))
        .order_by_asc(action_plan_item::Column::Position)
        .order_by_asc(action_plan_item::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_item)
        .collect()
}

/// One item of a plan.
pub async fn item(conn: &impl ConnectionTrait, output_id: OutputId, id: i64) -> DbResult<Item> {
    action_plan_item::Entity::find_by_id(id)
        .filter(action_plan_item::Column::OutputId.eq(output_id.get()))
        .one(conn)
        .await?
        .map(to_item)
        .transpose()?
        .ok_or(DbError::NotFound)
}

/// The updates of a plan's items, newest first, by item.
pub async fn updates(
    conn: &impl ConnectionTrait,
    item_ids: &[i64],
) -> DbResult<HashMap<i64, Vec<Update>>> {
    let mut by_item: HashMap<i64, Vec<Update>> = HashMap::new();
    for chunk in item_ids.chunks(500) {
        let rows = action_plan_update::Entity::find()
            .filter(action_plan_update::Column::ItemId.is_in(chunk.iter().copied()))
            .order_by_desc(action_plan_update::Column::OnDay)
            .order_by_desc(action_plan_update::Column::Id)
            .all(conn)
            .await?;
        for row in rows {
            let update = to_update(row)?;
            by_item.entry(update.item_id).or_default().push(update);
        }
    }
    Ok(by_item)
}

/// Adds an item at the end of its plan (at most `most`); another item added at once to the same
/// place is refused (`changed_meanwhile`) rather than given the same place.
pub async fn add_item(
    txn: &WriteTxn<'_>,
    who: &Who,
    output_id: OutputId,
    draft: &ItemDraft,
    most: usize,
) -> DbResult<Item> {
    let count = action_plan_item::Entity::find()
        .filter(action_plan_item::Column::OutputId.eq(output_id.get()))
        .count(&**txn)
        .await?;
    if count >= most as u64 {
        return Err(DbError::Conflict(ProblemKey::TooManyItems));
    }
    let last: Option<i32> = action_plan_item::Entity::find()
        .select_only()
        .column_as(action_plan_item::Column::Position.max(), "last")
        .filter(action_plan_item::Column::OutputId.eq(output_id.get()))
        .into_tuple::<Option<i32>>()
        .one(&**txn)
        .await?
        .flatten();
    let model = action_plan_item::ActiveModel {
        output_id: Set(output_id.get()),
        position: Set(last.unwrap_or(0) + 1),
        record: Set(to_json(draft)?),
        status: Set(draft.status.key().to_owned()),
        progress: Set(i32::from(draft.progress)),
        revision: Set(1),
        updated_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await
    .map_err(crate::conflict_as(ProblemKey::ChangedMeanwhile))?;
    let item = to_item(model)?;
    audit::record(
        &**txn,
        who,
        "action_plan.item_add",
        "output",
        output_id,
        serde_json::json!({"item": item.id, "after": draft}),
    )
    .await?;
    Ok(item)
}

/// Saves an item read at `revision`; a change made meanwhile is refused (`changed_meanwhile`).
pub async fn save_item(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Item,
    revision: i64,
    draft: &ItemDraft,
) -> DbResult<Item> {
    let now = chrono::Utc::now();
    let result = action_plan_item::Entity::update_many()
        .col_expr(
            action_plan_item::Column::Record,
            Expr::value(to_json(draft)?),
        )
        .col_expr(
            action_plan_item::Column::Status,
            Expr::value(draft.status.key()),
        )
        .col_expr(
            action_plan_item::Column::Progress,
            Expr::value(i32::from(draft.progress)),
        )
        .col_expr(
            action_plan_item::Column::Revision,
            Expr::col(action_plan_item::Column::Revision).add(1),
        )
        .col_expr(action_plan_item::Column::UpdatedAt, Expr::value(now))
        .filter(action_plan_item::Column::Id.eq(before.id))
        .filter(action_plan_item::Column::Revision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    audit::record(
        &**txn,
        who,
        "action_plan.item_save",
        "output",
        before.output_id,
        serde_json::json!({"item": before.id, "before": before.draft, "after": draft}),
    )
    .await?;
    item(&**txn, OutputId::new(before.output_id), before.id).await
}

/// Records a progress update and moves the item's status and progress with it (the item as
/// read in this transaction: a change made meanwhile is refused, `changed_meanwhile`).
pub async fn add_update(
    txn: &WriteTxn<'_>,
    who: &Who,
    item: &Item,
    draft: &UpdateDraft,
    practice_id: Option<PracticeId>,
) -> DbResult<Update> {
    if draft.status.is_some() || draft.progress.is_some() {
        // Only what an update moves, on the revision the update was checked against: a
        // concurrent change is refused rather than mixed with this one.
        let after = after_update(&item.draft, draft);
        let result = action_plan_item::Entity::update_many()
            .col_expr(
                action_plan_item::Column::Status,
                Expr::value(after.status.key()),
            )
            .col_expr(
                action_plan_item::Column::Progress,
                Expr::value(i32::from(after.progress)),
            )
            .col_expr(
                action_plan_item::Column::Revision,
                Expr::col(action_plan_item::Column::Revision).add(1),
            )
            .col_expr(
                action_plan_item::Column::UpdatedAt,
                Expr::value(chrono::Utc::now()),
            )
            .filter(action_plan_item::Column::Id.eq(item.id))
            .filter(action_plan_item::Column::Revision.eq(item.revision))
            .exec(&**txn)
            .await?;
        if result.rows_affected != 1 {
            return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
        }
    }
    let model = action_plan_update::ActiveModel {
        item_id: Set(item.id),
        on_day: Set(draft.on),
        note: Set(draft.note.clone()),
        link: Set(draft.link.clone()),
        practice_id: Set(practice_id.map(PracticeId::get)),
        file_id: Set(draft.file),
        status: Set(draft.status.map(|s| s.key().to_owned())),
        progress: Set(draft.progress.map(i32::from)),
        created_by: Set(who.user_id.map(AccountId::get)),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "action_plan.update",
        "output",
        item.output_id,
        serde_json::json!({"item": item.id, "update": draft}),
    )
    .await?;
    to_update(model)
}
