//! A programme's yearly plans in storage: read, saved on the revision they were made on (the
//! first save on revision 0). Each save leaves its audit row.

use crate::audit::{self, Who};
use crate::entities::programme_plan as plan;
use crate::{DbError, DbResult, WriteTxn, conflict_as};
use ateneu_domain::ProblemKey;
use ateneu_domain::programmes::plans::{PlanDraft, PlanStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

/// A year's plan as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub programme_id: i64,
    pub year: i32,
    #[serde(flatten)]
    pub draft: PlanDraft,
    /// Send it back with a change: a save made on an older revision is refused.
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

fn to_plan(m: plan::Model) -> DbResult<Plan> {
    Ok(Plan {
        programme_id: m.programme_id,
        year: m.year,
        draft: PlanDraft {
            objectives: m.objectives,
            activities: m.activities,
            status: PlanStatus::parse(&m.status)
                .map_err(|p| DbError::Corrupt(p.key.to_string()))?,
        },
        revision: m.revision,
        updated_at: m.updated_at,
    })
}

/// A programme's plans, by year.
pub async fn of_programme(conn: &impl ConnectionTrait, programme_id: i64) -> DbResult<Vec<Plan>> {
    plan::Entity::find()
        .filter(plan::Column::ProgrammeId.eq(programme_id))
        .order_by_asc(plan::Column::Year)
        .all(conn)
        .await?
        .into_iter()
        .map(to_plan)
        .collect()
}

/// The programme's plan for a year, if one was recorded.
pub async fn of_year(
    conn: &impl ConnectionTrait,
    programme_id: i64,
    year: i32,
) -> DbResult<Option<Plan>> {
    plan::Entity::find()
        .filter(plan::Column::ProgrammeId.eq(programme_id))
        .filter(plan::Column::Year.eq(year))
        .one(conn)
        .await?
        .map(to_plan)
        .transpose()
}

/// Saves a year's plan made on `revision` (0: none was recorded yet);
/// `Conflict(changed_meanwhile)` when someone saved since.
pub async fn save(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    year: i32,
    before: Option<&Plan>,
    revision: i64,
    draft: &PlanDraft,
) -> DbResult<Plan> {
    let now = Utc::now();
    if revision == 0 {
        plan::ActiveModel {
            programme_id: Set(programme_id),
            year: Set(year),
            objectives: Set(draft.objectives.clone()),
            activities: Set(draft.activities.clone()),
            status: Set(draft.status.key().to_owned()),
            revision: Set(1),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&**txn)
        .await
        .map_err(conflict_as(ProblemKey::ChangedMeanwhile))?;
    } else {
        let result = plan::Entity::update_many()
            .col_expr(
                plan::Column::Objectives,
                Expr::value(draft.objectives.clone()),
            )
            .col_expr(
                plan::Column::Activities,
                Expr::value(draft.activities.clone()),
            )
            .col_expr(plan::Column::Status, Expr::value(draft.status.key()))
            .col_expr(
                plan::Column::Revision,
                Expr::col(plan::Column::Revision).add(1),
            )
            .col_expr(plan::Column::UpdatedAt, Expr::value(now))
            .filter(plan::Column::ProgrammeId.eq(programme_id))
            .filter(plan::Column::Year.eq(year))
            .filter(plan::Column::Revision.eq(revision))
            .exec(&**txn)
            .await?;
        if result.rows_affected != 1 {
            return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
        }
    }
    audit::record(
        &**txn,
        who,
        "programme.plan.save",
        "programme",
        programme_id,
        serde_json::json!({"year": year, "before": before.map(|p| &p.draft), "after": draft}),
    )
    .await?;
    of_year(&**txn, programme_id, year)
        .await?
        .ok_or(DbError::NotFound)
}
