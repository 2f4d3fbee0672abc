//! Ateneu's database layer: one code path and one migration set for SQLite and PostgreSQL,
//! with a repository module per feature. No SQL lives outside this crate.

pub mod accounts;
pub mod assessments;
pub mod audit;
pub mod backup;
pub mod banners;
pub mod changes;
pub mod cities;
pub mod demo;
pub mod entities;
pub mod events;
pub mod focal_points;
pub mod frameworks;
pub mod indicators;
mod links;
pub mod memberships;
pub mod migrations;
pub mod module_tests;
pub mod newsletter;
pub mod notifications;
pub mod outputs;
pub mod policy_design;
pub mod practices;
pub mod programmes;
pub mod reference;
pub mod sessions;
pub mod settings;
pub mod seven_keys;
pub mod showcase;
pub mod timing;
pub mod workshop_packages;

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, TransactionTrait,
};
use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, MutexGuard};

pub use sea_orm::DbErr as SeaError;

/// What can go wrong in a repository call.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Database(DbErr),
    /// The database cannot be reached or cannot write (the server is down or unreachable, no
    /// connection came within the wait, the disk is full): the request may succeed later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("not found")]
    NotFound,
    /// A unique value is taken (the key names what).
    #[error("conflict: {0}")]
    Conflict(ateneu_domain::ProblemKey),
    #[error("invalid stored data: {0}")]
    Corrupt(String),
}

pub type DbResult<T> = Result<T, DbError>;

impl From<DbErr> for DbError {
    fn from(error: DbErr) -> Self {
        if is_unavailable(&error) {
            DbError::Unavailable(error.to_string())
        } else {
            DbError::Database(error)
        }
    }
}

/// Whether an error says the database is out of reach or out of room, rather than that this
/// statement failed: no connection (refused, reset, timed out, the pool closed), SQLite's
/// "database or disk is full" (SQLITE_FULL) or a disk I/O error, PostgreSQL's classes 08
/// (connection exception), 53 (insufficient resources: disk full, out of memory, too many
/// connections) and 57P (the server shutting down or starting).
fn is_unavailable(error: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error as Sqlx;
    let runtime = match error {
        DbErr::ConnectionAcquire(_) => return true,
        DbErr::Conn(runtime) | DbErr::Exec(runtime) | DbErr::Query(runtime) => runtime,
        _ => return false,
    };
    let RuntimeErr::SqlxError(sqlx) = runtime else {
        return matches!(error, DbErr::Conn(_));
    };
    match sqlx.as_ref() {
        Sqlx::Io(_) | Sqlx::PoolTimedOut | Sqlx::PoolClosed | Sqlx::WorkerCrashed => true,
        Sqlx::Tls(_) => true,
        Sqlx::Database(database) => {
            let code = database.code().unwrap_or_default();
            if database
                .try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>()
                .is_some()
            {
                // SQLite's primary codes (the low byte of an extended one): 10 I/O error,
                // 13 database or disk full, 14 cannot open.
                code.parse::<i64>()
                    .is_ok_and(|n| matches!(n & 0xff, 10 | 13 | 14))
            } else {
                // PostgreSQL's SQLSTATE classes.
                code.starts_with("08") || code.starts_with("53") || code.starts_with("57P")
            }
        }
        _ => matches!(error, DbErr::Conn(_)),
    }
}

/// The database: a connection pool, and for SQLite a lock that lets one writer in at a time
/// (SQLite has a single writer; queuing here avoids busy errors under load).
#[derive(Clone)]
pub struct Db {
    pub conn: DatabaseConnection,
    write_lock: Option<Arc<Mutex<()>>>,
}

/// A write transaction; dropping it without `commit` rolls everything back.
pub struct WriteTxn<'a> {
    txn: DatabaseTransaction,
    _guard: Option<MutexGuard<'a, ()>>,
}

impl WriteTxn<'_> {
    pub async fn commit(self) -> DbResult<()> {
        self.txn.commit().await?;
        Ok(())
    }
}

impl Deref for WriteTxn<'_> {
    type Target = DatabaseTransaction;
    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

impl Db {
    /// Connects to `sqlite://path` or `postgres://…`; a SQLite file is created if missing.
    pub async fn connect(url: &str) -> DbResult<Db> {
        let mut options = ConnectOptions::new(url.to_owned());
        options
            .sqlx_logging(false)
            .connect_timeout(Duration::from_secs(10));
        let sqlite = url.starts_with("sqlite:");
        // A PostgreSQL server out of reach answers 503 after 5 s rather than holding the
        // request for half a minute; SQLite's waits are its writers' turns.
        options.acquire_timeout(Duration::from_secs(if sqlite { 30 } else { 5 }));
        // A connection is pinged before use only once it has been idle for a while (one that
        // went stale behind a restarted server or a firewall): pinging on every checkout cost a
        // round trip per statement, up to a third of a rendered page's time.
        options.test_before_acquire_if_idle_for(Duration::from_secs(10));
        if sqlite {
            options
                .max_connections(8)
                .min_connections(1)
                .map_sqlx_sqlite_opts(|o: SqliteConnectOptions| {
                    o.create_if_missing(true)
                        .journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                        .foreign_keys(true)
                        .busy_timeout(Duration::from_secs(10))
                });
        } else {
            options.max_connections(16).min_connections(1);
        }
        let mut conn = sea_orm::Database::connect(options).await?;
        conn.set_metric_callback(|info| timing::record(info.elapsed));
        Ok(Db {
            conn,
            write_lock: sqlite.then(|| Arc::new(Mutex::new(()))),
        })
    }

    pub fn backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    pub fn is_sqlite(&self) -> bool {
        self.backend() == DbBackend::Sqlite
    }

    /// Starts a write transaction (waiting for the SQLite writer's turn).
    pub async fn write(&self) -> DbResult<WriteTxn<'_>> {
        let guard = match &self.write_lock {
            Some(lock) => Some(lock.lock().await),
            None => None,
        };
        let txn = self.conn.begin().await?;
        Ok(WriteTxn { txn, _guard: guard })
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> DbResult<()> {
        self.conn.ping().await?;
        Ok(())
    }

    pub async fn close(self) -> DbResult<()> {
        self.conn.close().await?;
        Ok(())
    }
}

/// What an import did, row by row (the registry's cities and memberships, the practices).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Maps a unique-constraint violation to `Conflict(key)`, other errors unchanged.
pub(crate) fn conflict_as(key: ateneu_domain::ProblemKey) -> impl FnOnce(DbErr) -> DbError {
    move |error| {
        let text = error.to_string().to_lowercase();
        if text.contains("unique") || text.contains("duplicate key") {
            DbError::Conflict(key)
        } else {
            DbError::from(error)
        }
    }
}

/// Lower-case hex of the SHA-256 of `bytes`: what the database keeps of a token, a framework
/// file's checksum, an uploaded file's ETag.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads a JSON text column into a value.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> DbResult<T> {
    serde_json::from_str(text).map_err(|e| DbError::Corrupt(e.to_string()))
}

/// Writes a value as JSON text for a column.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> DbResult<String> {
    serde_json::to_string(value).map_err(|e| DbError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sqlx::Error as Sqlx;
    use sea_orm::{ConnAcquireErr, RuntimeErr};

    fn sqlx(error: Sqlx) -> DbErr {
        DbErr::Query(RuntimeErr::SqlxError(Arc::new(error)))
    }

    #[test]
    fn a_database_out_of_reach_is_told_from_a_failing_statement() {
        let out_of_reach = [
            DbErr::ConnectionAcquire(ConnAcquireErr::Timeout),
            sqlx(Sqlx::PoolTimedOut),
            sqlx(Sqlx::Io(std::io::Error::from(
                std::io::ErrorKind::ConnectionRefused,
            ))),
        ];
        for error in out_of_reach {
            let text = error.to_string();
            assert!(
                matches!(DbError::from(error), DbError::Unavailable(_)),
                "{text}"
            );
        }
        let statements = [
            DbErr::RecordNotFound("city".into()),
            sqlx(Sqlx::RowNotFound),
            DbErr::Custom("bad".into()),
        ];
        for error in statements {
            let text = error.to_string();
            assert!(
                matches!(DbError::from(error), DbError::Database(_)),
                "{text}"
            );
        }
    }
}
