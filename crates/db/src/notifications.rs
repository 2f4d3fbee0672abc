//! Notices of work arriving for people: the people who may receive them (enabled accounts with
//! a role), the notices written in the transaction of the change they follow, a person's list
//! (newest first, read or not), and whether each kind is also emailed.

use crate::accounts::{User, to_grant};
use crate::entities::{grant, notification, notification_setting, user};
use crate::{DbResult, WriteTxn};
use ateneu_domain::accounts::Grant;
use ateneu_domain::ids::AccountId;
use ateneu_domain::notifications::NoticeKind;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// A notice as its recipient reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub id: i64,
    pub kind: NoticeKind,
    /// `practice` or `assessment`.
    pub entity: String,
    pub entity_id: i64,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// Every enabled account with at least one role, with its roles: who may receive notices.
pub async fn people(conn: &impl ConnectionTrait) -> DbResult<Vec<(User, Vec<Grant>)>> {
    let mut grants: BTreeMap<i64, Vec<Grant>> = BTreeMap::new();
    for model in grant::Entity::find()
        .order_by_asc(grant::Column::Id)
        .all(conn)
        .await?
    {
        let user_id = model.user_id;
        grants
            .entry(user_id)
            .or_default()
            .push(to_grant(model)?.grant);
    }
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(grants.keys().copied()))
        .filter(user::Column::Disabled.eq(false))
        .all(conn)
        .await?;
    Ok(users
        .into_iter()
        .map(|u| {
            let roles = grants.remove(&u.id).unwrap_or_default();
            (User::from(u), roles)
        })
        .collect())
}

/// Writes a notice for each recipient, in the transaction of the change it follows.
pub async fn notify(
    txn: &WriteTxn<'_>,
    kind: NoticeKind,
    (entity, entity_id): (&str, i64),
    recipients: &[AccountId],
) -> DbResult<()> {
    if recipients.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    notification::Entity::insert_many(recipients.iter().map(|user_id| notification::ActiveModel {
        user_id: Set(user_id.get()),
        kind: Set(kind.key().to_owned()),
        entity: Set(entity.to_owned()),
        entity_id: Set(entity_id),
        created_at: Set(now),
        read_at: Set(None),
        ..Default::default()
    }))
    .exec_without_returning(&**txn)
    .await?;
    Ok(())
}

/// A person's newest notices (at most `limit`).
pub async fn of_user(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    limit: u64,
) -> DbResult<Vec<Notice>> {
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id.get()))
        .order_by_desc(notification::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|m| {
            Some(Notice {
                id: m.id,
                kind: NoticeKind::parse(&m.kind).ok()?,
                entity: m.entity,
                entity_id: m.entity_id,
                created_at: m.created_at,
                read_at: m.read_at,
            })
        })
        .collect())
}

/// How many of a person's notices are unread.
pub async fn unread(conn: &impl ConnectionTrait, user_id: AccountId) -> DbResult<u64> {
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id.get()))
        .filter(notification::Column::ReadAt.is_null())
        .count(conn)
        .await?)
}

/// Marks all of a person's notices read.
pub async fn mark_read(txn: &WriteTxn<'_>, user_id: AccountId) -> DbResult<u64> {
    let result = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notification::Column::UserId.eq(user_id.get()))
        .filter(notification::Column::ReadAt.is_null())
        .exec(&**txn)
        .await?;
    Ok(result.rows_affected)
}

/// The kinds a person does not want emailed (every other kind is).
pub async fn emails_off(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
) -> DbResult<Vec<NoticeKind>> {
    Ok(notification_setting::Entity::find()
        .filter(notification_setting::Column::UserId.eq(user_id.get()))
        .filter(notification_setting::Column::Email.eq(false))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|m| NoticeKind::parse(&m.kind).ok())
        .collect())
}

/// Sets which kinds a person wants emailed (the others are not); with its audit row.
pub async fn set_emails(
    txn: &WriteTxn<'_>,
    who: &crate::audit::Who,
    user_id: AccountId,
    wanted: &[NoticeKind],
) -> DbResult<()> {
    notification_setting::Entity::delete_many()
        .filter(notification_setting::Column::UserId.eq(user_id.get()))
        .exec(&**txn)
        .await?;
    notification_setting::Entity::insert_many(NoticeKind::ALL.iter().map(|kind| {
        notification_setting::ActiveModel {
            user_id: Set(user_id.get()),
            kind: Set(kind.key().to_owned()),
            email: Set(wanted.contains(kind)),
        }
    }))
    .exec_without_returning(&**txn)
    .await?;
    crate::audit::record(
        &**txn,
        who,
        "notifications.settings",
        "user",
        user_id,
        serde_json::json!({"email": wanted.iter().map(|k| k.key()).collect::<Vec<_>>()}),
    )
    .await
}
