//! Backups of a SQLite database: `VACUUM INTO` writes a consistent copy while other
//! connections keep reading and writing.

use crate::{Db, DbError, DbResult};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::path::Path;

pub async fn sqlite_copy(db: &Db, target: &Path) -> DbResult<()> {
    if db.backend() != DbBackend::Sqlite {
        return Err(DbError::Corrupt(
            "backups by copy are for SQLite; use pg_dump on PostgreSQL".into(),
        ));
    }
    let path = target
        .to_str()
        .ok_or_else(|| DbError::Corrupt("the backup path is not valid UTF-8".into()))?;
    db.conn
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "VACUUM INTO ?",
            [path.into()],
        ))
        .await?;
    Ok(())
}
