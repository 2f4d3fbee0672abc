//! A programme's budget lines: listing them, and the writes (adding a line, removing one,
//! replacing them all from a file), each taken on the budget's revision: a write made on an
//! older one is refused, and every write bumps it, sums the programme's lines again by funder
//! and currency (`budget_totals`, what the dashboards read) and leaves its audit row.

use crate::audit::{self, Who};
use crate::entities::{budget_line, budget_total, programme};
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::ProblemKey;
use ateneu_domain::programmes::budget::{Amounts, BudgetCategory, BudgetLineDraft, Currency};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

/// A stored budget line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetLine {
    pub id: i64,
    pub programme_id: i64,
    #[serde(flatten)]
    pub draft: BudgetLineDraft,
}

fn to_line(model: budget_line::Model) -> DbResult<BudgetLine> {
    let corrupt = |p: ateneu_domain::Problem| DbError::Corrupt(p.key.to_string());
    Ok(BudgetLine {
        id: model.id,
        programme_id: model.programme_id,
        draft: BudgetLineDraft {
            year: model.year,
            activity_id: model.activity_id,
            category: BudgetCategory::parse(&model.category).map_err(corrupt)?,
            description: model.description,
            funder: model.funder,
            currency: Currency::parse(&model.currency).map_err(corrupt)?,
            amounts: Amounts {
                planned: model.planned,
                committed: model.committed,
                spent: model.spent,
            },
        },
    })
}

/// A programme's budget lines, by year, activity and the order they were entered.
pub async fn of_programme(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> DbResult<Vec<BudgetLine>> {
    budget_line::Entity::find()
        .filter(budget_line::Column::ProgrammeId.eq(programme_id))
        .order_by_asc(budget_line::Column::Year)
        .order_by_asc(budget_line::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_line)
        .collect()
}

/// Takes the budget on `revision` for this write and bumps it; `Conflict(changed_meanwhile)`
/// when someone changed the budget since.
async fn take(txn: &WriteTxn<'_>, programme_id: i64, revision: i64) -> DbResult<()> {
    let result = programme::Entity::update_many()
        .col_expr(
            programme::Column::BudgetRevision,
            Expr::col(programme::Column::BudgetRevision).add(1),
        )
        .filter(programme::Column::Id.eq(programme_id))
        .filter(programme::Column::BudgetRevision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    Ok(())
}

/// Sums the programme's lines again by funder and currency, in the write's transaction.
async fn refresh_totals(txn: &WriteTxn<'_>, programme_id: i64) -> DbResult<()> {
    use budget_line::Column as C;
    budget_total::Entity::delete_many()
        .filter(budget_total::Column::ProgrammeId.eq(programme_id))
        .exec(&**txn)
        .await?;
    let sums = budget_line::Entity::find()
        .select_only()
        .column(C::Funder)
        .column(C::Currency)
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to keep exact integers.
        .column_as(Expr::cust("CAST(SUM(planned) AS BIGINT)"), "planned")
        .column_as(Expr::cust("CAST(SUM(committed) AS BIGINT)"), "committed")
        .column_as(Expr::cust("CAST(SUM(spent) AS BIGINT)"), "spent")
        .filter(C::ProgrammeId.eq(programme_id))
        .group_by(C::Funder)
        .group_by(C::Currency)
        .into_tuple::<(String, String, i64, i64, i64)>()
        .all(&**txn)
        .await?;
    if sums.is_empty() {
        return Ok(());
    }
    budget_total::Entity::insert_many(sums.into_iter().map(
        |(funder, currency, planned, committed, spent)| budget_total::ActiveModel {
            programme_id: Set(programme_id),
            funder: Set(funder),
            currency: Set(currency),
            planned: Set(planned),
            committed: Set(committed),
            spent: Set(spent),
            ..Default::default()
        },
    ))
    .exec(&**txn)
    .await?;
    Ok(())
}

fn active(programme_id: i64, draft: &BudgetLineDraft) -> budget_line::ActiveModel {
    budget_line::ActiveModel {
        programme_id: Set(programme_id),
        activity_id: Set(draft.activity_id),
        year: Set(draft.year),
        category: Set(draft.category.key().to_owned()),
        description: Set(draft.description.clone()),
        funder: Set(draft.funder.clone()),
        currency: Set(draft.currency.code().to_owned()),
        planned: Set(draft.amounts.planned),
        committed: Set(draft.amounts.committed),
        spent: Set(draft.amounts.spent),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

/// Adds a line to the budget taken on `revision`.
pub async fn add(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    revision: i64,
    draft: &BudgetLineDraft,
) -> DbResult<BudgetLine> {
    take(txn, programme_id, revision).await?;
    let model = active(programme_id, draft).insert(&**txn).await?;
    refresh_totals(txn, programme_id).await?;
    audit::record(
        &**txn,
        who,
        "budget.add",
        "programme",
        programme_id,
        serde_json::json!({"line": model.id, "draft": draft}),
    )
    .await?;
    to_line(model)
}

/// Removes a line of the budget taken on `revision`; not found when it is not this
/// programme's.
pub async fn remove(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    revision: i64,
    line_id: i64,
) -> DbResult<()> {
    let line = budget_line::Entity::find_by_id(line_id)
        .filter(budget_line::Column::ProgrammeId.eq(programme_id))
        .one(&**txn)
        .await?
        .ok_or(DbError::NotFound)?;
    take(txn, programme_id, revision).await?;
    let removed = to_line(line)?;
    budget_line::Entity::delete_by_id(line_id)
        .exec(&**txn)
        .await?;
    refresh_totals(txn, programme_id).await?;
    audit::record(
        &**txn,
        who,
        "budget.remove",
        "programme",
        programme_id,
        serde_json::json!({"line": line_id, "draft": removed.draft}),
    )
    .await?;
    Ok(())
}

/// Replaces every line of the budget taken on `revision` (a file imported whole).
pub async fn replace(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    revision: i64,
    drafts: &[BudgetLineDraft],
) -> DbResult<usize> {
    take(txn, programme_id, revision).await?;
    let removed = budget_line::Entity::delete_many()
        .filter(budget_line::Column::ProgrammeId.eq(programme_id))
        .exec(&**txn)
        .await?
        .rows_affected;
    for chunk in drafts.chunks(500) {
        budget_line::Entity::insert_many(chunk.iter().map(|d| active(programme_id, d)))
            .exec(&**txn)
            .await?;
    }
    refresh_totals(txn, programme_id).await?;
    audit::record(
        &**txn,
        who,
        "budget.import",
        "programme",
        programme_id,
        serde_json::json!({"removed": removed, "added": drafts.len()}),
    )
    .await?;
    Ok(drafts.len())
}
