//! The data's version: every write leaves an audit row in its own transaction, so the highest
//! audit id changes whenever anything changed, in any process sharing the database.

use crate::entities::audit_entry;
use crate::{Db, DbResult};
use sea_orm::{EntityTrait, QueryOrder, QuerySelect};

pub async fn version(db: &Db) -> DbResult<i64> {
    Ok(audit_entry::Entity::find()
        .select_only()
        .column(audit_entry::Column::Id)
        .order_by_desc(audit_entry::Column::Id)
        .limit(1)
        .into_tuple::<i64>()
        .one(&db.conn)
        .await?
        .unwrap_or(0))
}
