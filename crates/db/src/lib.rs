//! Ateneu's database layer: one code path and one migration set for SQLite and PostgreSQL,
//! with a repository module per feature. No SQL lives outside this crate.

pub mod accounts;
pub mod assessments;
pub mod audit;
pub mod backup;
pub mod changes;
pub mod cities;
pub mod demo;
pub mod entities;
pub mod events;
pub mod focal_points;
pub mod frameworks;
pub mod memberships;
pub mod migrations;
pub mod notifications;
pub mod outputs;
pub mod practices;
pub mod programmes;
pub mod reference;
pub mod sessions;
pub mod settings;

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
    Database(#[from] DbErr),
    #[error("not found")]
    NotFound,
    /// A unique value is taken (the key names what).
    #[error("conflict: {0}")]
    Conflict(ateneu_domain::ProblemKey),
    #[error("invalid stored data: {0}")]
    Corrupt(String),
}

pub type DbResult<T> = Result<T, DbError>;

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
            .connect_timeout(Duration::from_secs(10))
            .acquire_timeout(Duration::from_secs(30));
        let sqlite = url.starts_with("sqlite:");
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
        let conn = sea_orm::Database::connect(options).await?;
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
            DbError::Database(error)
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
