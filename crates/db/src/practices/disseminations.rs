//! A practice's dissemination log as stored: where and when it was shared (a newsletter issue
//! writes its entries itself; the secretariat records posts on social media), and the day each
//! practice was last shared.

use crate::audit::{self, Who};
use crate::entities::practice_dissemination;
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::programmes::outputs::DisseminationDraft;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use serde_json::json;
use std::collections::HashMap;

/// An entry of a practice's dissemination log as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PracticeDissemination {
    pub id: i64,
    pub practice_id: i64,
    #[serde(flatten)]
    pub draft: DisseminationDraft,
    pub created_at: DateTime<Utc>,
}

pub async fn add(
    txn: &WriteTxn<'_>,
    who: &Who,
    practice_id: i64,
    draft: &DisseminationDraft,
) -> DbResult<()> {
    practice_dissemination::ActiveModel {
        practice_id: Set(practice_id),
        channel: Set(draft.channel.key().to_owned()),
        on_day: Set(draft.on),
        link: Set(draft.link.clone()),
        lang: Set(draft.lang.map(|l| l.code().to_owned())),
        note: Set(draft.note.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "practice.disseminate",
        "practice",
        practice_id,
        json!(draft),
    )
    .await?;
    Ok(())
}

/// A practice's dissemination log, latest first.
pub async fn of_practice(
    conn: &impl ConnectionTrait,
    practice_id: i64,
) -> DbResult<Vec<PracticeDissemination>> {
    use ateneu_domain::programmes::outputs::Channel;
    practice_dissemination::Entity::find()
        .filter(practice_dissemination::Column::PracticeId.eq(practice_id))
        .order_by_desc(practice_dissemination::Column::OnDay)
        .order_by_desc(practice_dissemination::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| {
            Ok(PracticeDissemination {
                id: m.id,
                practice_id: m.practice_id,
                draft: DisseminationDraft {
                    channel: Channel::parse(&m.channel)
                        .map_err(|p| DbError::Corrupt(p.key.to_string()))?,
                    on: m.on_day,
                    link: m.link,
                    lang: m.lang.and_then(|code| code.parse().ok()),
                    note: m.note,
                },
                created_at: m.created_at,
            })
        })
        .collect()
}

/// The day each practice was last shared (practices never shared are not in it).
pub async fn last_shared(conn: &impl ConnectionTrait) -> DbResult<HashMap<i64, NaiveDate>> {
    let rows: Vec<(i64, Option<NaiveDate>)> = practice_dissemination::Entity::find()
        .select_only()
        .column(practice_dissemination::Column::PracticeId)
        .column_as(practice_dissemination::Column::OnDay.max(), "last")
        .group_by(practice_dissemination::Column::PracticeId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, day)| day.map(|d| (id, d)))
        .collect())
}
