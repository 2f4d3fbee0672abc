//! What the programme dashboards read, in few queries whatever the number of programmes: the
//! activities of a span of days, budget sums by programme, funder and currency (summed by the
//! database, in minor units), and the public outputs not disseminated yet.

use super::activities::{Activity, to_activity};
use crate::entities::{budget_line, output, output_dissemination, programme_activity};
use crate::outputs::{Output, to_output};
use crate::{DbError, DbResult};
use ateneu_domain::programmes::budget::Amounts;
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

/// Only these programmes (`None`: every programme).
pub type Among<'a> = Option<&'a [i64]>;

/// The activities of the programmes that meet the days from `from` to `to`, earliest first.
pub async fn activities_between(
    conn: &impl ConnectionTrait,
    among: Among<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<Vec<Activity>> {
    use programme_activity::Column as C;
    let mut query = programme_activity::Entity::find()
        .filter(C::StartsOn.lte(to))
        .filter(C::EndsOn.gte(from));
    if let Some(ids) = among {
        query = query.filter(C::ProgrammeId.is_in(ids.iter().copied()));
    }
    query
        .order_by_asc(C::StartsOn)
        .order_by_asc(C::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_activity)
        .collect()
}

/// One sum of budget lines: a programme's lines of one funder in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetSum {
    pub programme_id: i64,
    pub funder: String,
    pub currency: String,
    pub amounts: Amounts,
}

/// The budget lines summed by programme, funder and currency.
pub async fn budget_sums(
    conn: &impl ConnectionTrait,
    among: Among<'_>,
) -> DbResult<Vec<BudgetSum>> {
    use budget_line::Column as C;
    let mut query = budget_line::Entity::find()
        .select_only()
        .column(C::ProgrammeId)
        .column(C::Funder)
        .column(C::Currency)
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to keep exact integers.
        .column_as(Expr::cust("CAST(SUM(planned) AS BIGINT)"), "planned")
        .column_as(Expr::cust("CAST(SUM(committed) AS BIGINT)"), "committed")
        .column_as(Expr::cust("CAST(SUM(spent) AS BIGINT)"), "spent")
        .group_by(C::ProgrammeId)
        .group_by(C::Funder)
        .group_by(C::Currency);
    if let Some(ids) = among {
        query = query.filter(C::ProgrammeId.is_in(ids.iter().copied()));
    }
    let rows = query
        .order_by_asc(C::ProgrammeId)
        .order_by_asc(C::Funder)
        .order_by_asc(C::Currency)
        .into_tuple::<(i64, String, String, i64, i64, i64)>()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(programme_id, funder, currency, planned, committed, spent)| BudgetSum {
                programme_id,
                funder,
                currency,
                amounts: Amounts {
                    planned,
                    committed,
                    spent,
                },
            },
        )
        .collect())
}

/// The public outputs of the programmes not disseminated anywhere yet, oldest first (at most
/// `limit`), with how many there are in all.
pub async fn undisseminated(
    conn: &impl ConnectionTrait,
    among: Among<'_>,
    limit: u64,
) -> DbResult<(u64, Vec<Output>)> {
    use output::Column as C;
    let disseminated = Query::select()
        .column(output_dissemination::Column::OutputId)
        .from(output_dissemination::Entity)
        .to_owned();
    let mut condition = Condition::all()
        .add(C::ProgrammeId.is_not_null())
        .add(C::Visibility.eq("public"))
        .add(C::Id.not_in_subquery(disseminated));
    if let Some(ids) = among {
        condition = condition.add(C::ProgrammeId.is_in(ids.iter().copied()));
    }
    let count = output::Entity::find()
        .filter(condition.clone())
        .count(conn)
        .await?;
    let outputs = output::Entity::find()
        .filter(condition)
        .order_by_asc(C::UpdatedAt)
        .order_by_asc(C::Id)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(to_output)
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok((count, outputs))
}
