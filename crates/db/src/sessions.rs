//! Sessions of signed-in people, kept in the database so that every server process shares them.
//! Only a hash of the cookie's token is stored.

use crate::audit::{self, Who};
use crate::entities::session;
use crate::{Db, DbResult, WriteTxn};
use ateneu_domain::ids::AccountId;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

pub async fn create(
    txn: &WriteTxn<'_>,
    who: &Who,
    token_hash: &str,
    user_id: AccountId,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(token_hash.to_owned()),
        user_id: Set(user_id.get()),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
    })
    .exec(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "session.create",
        "user",
        user_id,
        serde_json::json!({}),
    )
    .await
}

/// The user of a live session.
pub async fn user_of(db: &Db, token_hash: &str) -> DbResult<Option<AccountId>> {
    let now = Utc::now();
    Ok(session::Entity::find_by_id(token_hash.to_owned())
        .one(&db.conn)
        .await?
        .filter(|s| s.expires_at > now)
        .map(|s| AccountId::new(s.user_id)))
}

pub async fn end(txn: &WriteTxn<'_>, who: &Who, token_hash: &str) -> DbResult<()> {
    session::Entity::delete_by_id(token_hash.to_owned())
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "session.end",
        "session",
        "current",
        serde_json::json!({}),
    )
    .await
}

/// Ends every session of a user ("sign out everywhere", password change). Returns how many.
pub async fn end_all(txn: &WriteTxn<'_>, who: &Who, user_id: AccountId) -> DbResult<u64> {
    let result = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id.get()))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "session.end_all",
        "user",
        user_id,
        serde_json::json!({"ended": result.rows_affected}),
    )
    .await?;
    Ok(result.rows_affected)
}

/// Removes expired sessions.
pub async fn purge_expired(db: &Db) -> DbResult<u64> {
    let txn = db.write().await?;
    let result = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(Utc::now()))
        .exec(&*txn)
        .await?;
    txn.commit().await?;
    Ok(result.rows_affected)
}
