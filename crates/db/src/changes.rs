//! The data's version: every write leaves an audit row in its own transaction, so the highest
//! audit id changes whenever anything changed, in any process sharing the database. On
//! PostgreSQL ids are handed out at insert and seen at commit, in any order (a transaction that
//! took id 100 may commit after one that took 101): there the version also holds which
//! transactions are in flight, which changes when any of them ends.

use crate::entities::audit_entry;
use crate::{Db, DbResult};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, QueryOrder, QuerySelect, Statement};
use std::hash::{Hash, Hasher};

/// A value that changes whenever the data may have changed; compare it for equality only.
/// Never negative (callers keep -1 for "not read").
pub async fn version(db: &Db) -> DbResult<i64> {
    if db.backend() == DbBackend::Postgres {
        let row = db
            .conn
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                // The writing transactions in flight in this database (not the cluster's
                // snapshot, which every other database's work moves too).
                "SELECT COALESCE(MAX(id), 0) AS id, COALESCE((SELECT string_agg(backend_xid::text, \
                 ',' ORDER BY backend_xid::text) FROM pg_stat_activity WHERE datname = \
                 current_database() AND backend_xid IS NOT NULL), '') AS snapshot FROM audit_log",
            ))
            .await?;
        let (id, snapshot) = match row {
            Some(row) => (
                row.try_get::<i64>("", "id")?,
                row.try_get::<String>("", "snapshot")?,
            ),
            None => (0, String::new()),
        };
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (id, snapshot).hash(&mut hasher);
        return Ok(i64::try_from(hasher.finish() >> 1).unwrap_or(0));
    }
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
