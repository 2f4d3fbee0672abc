//! Participants' links of the workshops that need no account (Seven Keys, policy design,
//! thematic-module seminars): each kind has its own table of one shape (the link's id, its
//! workshop, its token's hash, when it was made), and only the hash is kept. Links are added in
//! chunks, counted, and found by hash here, once for the three.

use crate::{DbResult, WriteTxn};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

/// The columns of a links table.
pub(crate) struct LinkColumns<C> {
    pub id: C,
    /// The workshop the link belongs to.
    pub owner: C,
    pub hash: C,
    pub created_at: C,
}

/// Keeps the hashes of new links of `owner`.
pub(crate) async fn insert<E>(
    txn: &WriteTxn<'_>,
    columns: &LinkColumns<E::Column>,
    owner: i64,
    hashes: &[String],
) -> DbResult<()>
where
    E: EntityTrait,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let now = Utc::now();
    for chunk in hashes.chunks(200) {
        let models = chunk.iter().map(|hash| {
            let mut model = <E::ActiveModel as ActiveModelTrait>::default();
            model.set(columns.owner, owner.into());
            model.set(columns.hash, hash.clone().into());
            model.set(columns.created_at, now.into());
            model
        });
        E::insert_many(models).exec(&**txn).await?;
    }
    Ok(())
}

/// How many links `owner` has.
pub(crate) async fn count<E: EntityTrait>(
    conn: &impl ConnectionTrait,
    columns: &LinkColumns<E::Column>,
    owner: i64,
) -> DbResult<u64>
where
    E::Model: Sync,
{
    Ok(E::find()
        .filter(columns.owner.eq(owner))
        .count(conn)
        .await?)
}

/// The link a hash opens: its id and its workshop's.
pub(crate) async fn by_hash<E: EntityTrait>(
    conn: &impl ConnectionTrait,
    columns: &LinkColumns<E::Column>,
    hash: &str,
) -> DbResult<Option<(i64, i64)>> {
    Ok(E::find()
        .select_only()
        .column(columns.id)
        .column(columns.owner)
        .filter(columns.hash.eq(hash))
        .into_tuple::<(i64, i64)>()
        .one(conn)
        .await?)
}

/// Every link of `owner`: its id and its hash, oldest first.
pub(crate) async fn all<E: EntityTrait>(
    conn: &impl ConnectionTrait,
    columns: &LinkColumns<E::Column>,
    owner: i64,
) -> DbResult<Vec<(i64, String)>> {
    Ok(E::find()
        .select_only()
        .column(columns.id)
        .column(columns.hash)
        .filter(columns.owner.eq(owner))
        .order_by_asc(columns.id)
        .into_tuple::<(i64, String)>()
        .all(conn)
        .await?)
}
