//! The copies of an issue being sent: the queue of deliveries read in batches with what each
//! copy needs of its subscriber, their outcomes recorded batch by batch (a delivery is recorded
//! once), and the progress counted per state.

use crate::entities::{newsletter_delivery as delivery, newsletter_subscriber as subscriber};
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::Lang;
use ateneu_domain::newsletter::Status;
use ateneu_domain::newsletter::issues::DeliveryStatus;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::BTreeMap;

/// A delivery waiting in the queue, with what its copy needs of its subscriber.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub id: i64,
    pub subscriber_id: i64,
    pub email: String,
    pub lang: Lang,
    pub interests: Vec<ateneu_domain::newsletter::Interest>,
    pub status: Status,
    pub link_salt: String,
}

/// The next `n` queued deliveries of an issue, in the order they were made. A subscriber
/// forgotten meanwhile takes their deliveries with them.
pub async fn next_queued(
    conn: &impl ConnectionTrait,
    issue_id: i64,
    n: u64,
) -> DbResult<Vec<Queued>> {
    let rows = delivery::Entity::find()
        .filter(delivery::Column::IssueId.eq(issue_id))
        .filter(delivery::Column::Status.eq(DeliveryStatus::Queued.key()))
        .order_by_asc(delivery::Column::Id)
        .limit(n)
        .all(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.subscriber_id).collect();
    let subscribers: BTreeMap<i64, subscriber::Model> = subscriber::Entity::find()
        .filter(subscriber::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut queued = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(s) = subscribers.get(&row.subscriber_id) else {
            continue;
        };
        let subscriber = super::to_subscriber(s.clone())?;
        queued.push(Queued {
            id: row.id,
            subscriber_id: row.subscriber_id,
            email: subscriber.email,
            lang: subscriber.lang,
            interests: subscriber.interests,
            status: subscriber.status,
            link_salt: subscriber.link_salt,
        });
    }
    Ok(queued)
}

/// Records what became of queued deliveries (a delivery already recorded is left as it is).
pub async fn record(
    txn: &WriteTxn<'_>,
    outcomes: &[(i64, DeliveryStatus, Option<String>)],
) -> DbResult<()> {
    let now = Utc::now();
    for status in DeliveryStatus::ALL {
        let ids: Vec<i64> = outcomes
            .iter()
            .filter(|(_, s, error)| *s == status && error.is_none())
            .map(|(id, _, _)| *id)
            .collect();
        for chunk in ids.chunks(500) {
            delivery::Entity::update_many()
                .col_expr(delivery::Column::Status, Expr::value(status.key()))
                .col_expr(delivery::Column::UpdatedAt, Expr::value(now))
                .filter(delivery::Column::Id.is_in(chunk.iter().copied()))
                .filter(delivery::Column::Status.eq(DeliveryStatus::Queued.key()))
                .exec(&**txn)
                .await?;
        }
    }
    for (id, status, error) in outcomes.iter().filter(|(_, _, e)| e.is_some()) {
        delivery::Entity::update_many()
            .col_expr(delivery::Column::Status, Expr::value(status.key()))
            .col_expr(delivery::Column::Error, Expr::value(error.clone()))
            .col_expr(delivery::Column::UpdatedAt, Expr::value(now))
            .filter(delivery::Column::Id.eq(*id))
            .filter(delivery::Column::Status.eq(DeliveryStatus::Queued.key()))
            .exec(&**txn)
            .await?;
    }
    Ok(())
}

/// How many of an issue's deliveries are in each state.
pub async fn progress(
    conn: &impl ConnectionTrait,
    issue_id: i64,
) -> DbResult<Vec<(DeliveryStatus, u64)>> {
    let rows: Vec<(String, i64)> = delivery::Entity::find()
        .select_only()
        .column(delivery::Column::Status)
        .column_as(delivery::Column::Id.count(), "n")
        .filter(delivery::Column::IssueId.eq(issue_id))
        .group_by(delivery::Column::Status)
        .into_tuple()
        .all(conn)
        .await?;
    rows.into_iter()
        .map(|(status, n)| {
            let status = DeliveryStatus::parse(&status)
                .map_err(|_| DbError::Corrupt(format!("newsletter delivery status {status}")))?;
            Ok((status, u64::try_from(n).unwrap_or_default()))
        })
        .collect()
}
