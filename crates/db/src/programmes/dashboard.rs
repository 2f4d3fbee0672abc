//! What the programme dashboards read, in few queries and a bounded answer whatever the number
//! of programmes: the activities of a span of days (a count and the earliest few, and a count
//! per programme), budget sums by programme and currency and by funder and currency (summed by
//! the database, in minor units), the public outputs not disseminated yet and the language
//! versions waiting for translation (a count and the oldest few).

use super::activities::{Activity, to_activity};
use crate::entities::{
    budget_total, output, output_dissemination, output_version, programme_activity,
};
use crate::outputs::{Output, Version, to_output, to_version};
use crate::{DbError, DbResult};
use ateneu_domain::programmes::budget::Amounts;
use ateneu_domain::programmes::outputs::TranslationStatus;
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

/// Only these programmes (`None`: every programme).
pub type Among<'a> = Option<&'a [i64]>;

fn activities_meeting(among: Among<'_>, from: NaiveDate, to: NaiveDate) -> Condition {
    use programme_activity::Column as C;
    let mut condition = Condition::all()
        .add(C::StartsOn.lte(to))
        .add(C::EndsOn.gte(from));
    if let Some(ids) = among {
        condition = condition.add(C::ProgrammeId.is_in(ids.iter().copied()));
    }
    condition
}

/// How many activities of the programmes meet the days from `from` to `to`, and the earliest
/// `limit` of them.
pub async fn activities_between(
    conn: &impl ConnectionTrait,
    among: Among<'_>,
    from: NaiveDate,
    to: NaiveDate,
    limit: u64,
) -> DbResult<(u64, Vec<Activity>)> {
    use programme_activity::Column as C;
    let condition = activities_meeting(among, from, to);
    let count = programme_activity::Entity::find()
        .filter(condition.clone())
        .count(conn)
        .await?;
    let activities = programme_activity::Entity::find()
        .filter(condition)
        .order_by_asc(C::StartsOn)
        .order_by_asc(C::Id)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(to_activity)
        .collect::<DbResult<_>>()?;
    Ok((count, activities))
}

/// How many activities of each of these programmes meet the days from `from` to `to`.
pub async fn activity_counts(
    conn: &impl ConnectionTrait,
    programmes: &[i64],
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<HashMap<i64, u64>> {
    use programme_activity::Column as C;
    let rows = programme_activity::Entity::find()
        .select_only()
        .column(C::ProgrammeId)
        .column_as(Expr::cust("COUNT(*)"), "n")
        .filter(activities_meeting(Some(programmes), from, to))
        .group_by(C::ProgrammeId)
        .into_tuple::<(i64, i64)>()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// A sum of budget lines in one currency, grouped by a programme or by a funder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetSum<K> {
    pub by: K,
    pub currency: String,
    pub amounts: Amounts,
}

// SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to keep exact integers.
const SUMS: [(&str, &str); 3] = [
    ("CAST(SUM(planned) AS BIGINT)", "planned"),
    ("CAST(SUM(committed) AS BIGINT)", "committed"),
    ("CAST(SUM(spent) AS BIGINT)", "spent"),
];

fn sums<K>(rows: Vec<(K, String, i64, i64, i64)>) -> Vec<BudgetSum<K>> {
    rows.into_iter()
        .map(|(by, currency, planned, committed, spent)| BudgetSum {
            by,
            currency,
            amounts: Amounts {
                planned,
                committed,
                spent,
            },
        })
        .collect()
}

/// The budget lines of these programmes summed by programme and currency (from the totals each
/// budget write keeps).
pub async fn budget_by_programme(
    conn: &impl ConnectionTrait,
    programmes: &[i64],
) -> DbResult<Vec<BudgetSum<i64>>> {
    use budget_total::Column as C;
    let mut query = budget_total::Entity::find()
        .select_only()
        .column(C::ProgrammeId)
        .column(C::Currency);
    for (sum, name) in SUMS {
        query = query.column_as(Expr::cust(sum), name);
    }
    let rows = query
        .filter(C::ProgrammeId.is_in(programmes.iter().copied()))
        .group_by(C::ProgrammeId)
        .group_by(C::Currency)
        .order_by_asc(C::ProgrammeId)
        .order_by_asc(C::Currency)
        .into_tuple::<(i64, String, i64, i64, i64)>()
        .all(conn)
        .await?;
    Ok(sums(rows))
}

/// The budget lines of the programmes summed by funder and currency (from the totals each
/// budget write keeps).
pub async fn budget_by_funder(
    conn: &impl ConnectionTrait,
    among: Among<'_>,
) -> DbResult<Vec<BudgetSum<String>>> {
    use budget_total::Column as C;
    let mut query = budget_total::Entity::find()
        .select_only()
        .column(C::Funder)
        .column(C::Currency);
    for (sum, name) in SUMS {
        query = query.column_as(Expr::cust(sum), name);
    }
    if let Some(ids) = among {
        query = query.filter(C::ProgrammeId.is_in(ids.iter().copied()));
    }
    let rows = query
        .group_by(C::Funder)
        .group_by(C::Currency)
        .order_by_asc(C::Funder)
        .order_by_asc(C::Currency)
        .into_tuple::<(String, String, i64, i64, i64)>()
        .all(conn)
        .await?;
    Ok(sums(rows))
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
        .add(C::Visibility.eq("public"))
        .add(C::ProgrammeId.is_not_null())
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

/// The language versions waiting for translation (wanted or in translation) of every
/// programme's outputs, or of these programmes', the version set longest ago first
/// (`set_version` replaces a version with a new row, so a version set again goes to the back),
/// at most `limit` after the version `after`, each with its output, and how many in all.
pub async fn waiting_for_translation(
    conn: &impl ConnectionTrait,
    among: Among<'_>,
    after: Option<i64>,
    limit: u64,
) -> DbResult<(u64, Vec<(Output, Version)>)> {
    use output_version::Column as V;
    let mut condition = Condition::all().add(V::Status.is_in([
        TranslationStatus::Wanted.key(),
        TranslationStatus::InTranslation.key(),
    ]));
    // Every version is of a programme's output (the use cases keep versions for those only),
    // so the secretariat's queue is read from the status index alone: a join to the outputs
    // to say so again cost 6–12 ms at 50,000 outputs. A city's editors: their programmes'.
    if let Some(ids) = among {
        let outputs = Query::select()
            .column(output::Column::Id)
            .from(output::Entity)
            .and_where(output::Column::ProgrammeId.is_in(ids.iter().copied()))
            .to_owned();
        condition = condition.add(V::OutputId.in_subquery(outputs));
    }
    let count = output_version::Entity::find()
        .filter(condition.clone())
        .count(conn)
        .await?;
    let mut page = condition;
    if let Some(after) = after {
        page = page.add(V::Id.gt(after));
    }
    let versions = output_version::Entity::find()
        .filter(page)
        .order_by_asc(V::Id)
        .limit(limit)
        .all(conn)
        .await?;
    let ids: Vec<i64> = versions.iter().map(|v| v.output_id).collect();
    let outputs: HashMap<i64, Output> = output::Entity::find()
        .filter(output::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| to_output(m).map(|o| (o.id.get(), o)))
        .collect::<DbResult<_>>()?;
    let waiting = versions
        .into_iter()
        .filter_map(|v| {
            let output = outputs.get(&v.output_id)?.clone();
            Some(to_version(v).map(|version| (output, version)))
        })
        .collect::<DbResult<_>>()?;
    Ok((count, waiting))
}
