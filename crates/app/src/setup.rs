//! What a process does to its database before and beside the use cases: opening it (connect,
//! migrate, load the bundled reference data, frameworks and keyword thesaurus, all idempotent),
//! the SQLite backup, the expired sessions' purge, and whether an administrator exists yet.

use crate::{Context, Error};
use anyhow::{Context as _, anyhow};
use ateneu_db::{Db, migrations};
use std::path::Path;

/// Opens the database at `url` (`sqlite://…` or `postgres://…`), brings its schema up to date
/// and loads what ships with the platform when missing.
pub async fn open_database(url: &str) -> anyhow::Result<Db> {
    let db = Db::connect(url)
        .await
        .with_context(|| "cannot open the database")?;
    migrations::migrate(&db)
        .await
        .context("cannot migrate the database")?;
    let reference = ateneu_db::reference::bundled().map_err(|e| anyhow!(e))?;
    ateneu_db::reference::load(&db, &reference)
        .await
        .context("cannot load the reference data")?;
    ateneu_db::frameworks::load_bundled(&db)
        .await
        .context("cannot load the bundled frameworks")?;
    ateneu_db::practices::load_bundled_thesaurus(&db)
        .await
        .context("cannot load the bundled keyword thesaurus")?;
    Ok(db)
}

/// Copies a SQLite database, consistent while it is in use, to a new file.
pub async fn backup_sqlite(db: &Db, file: &Path) -> Result<(), Error> {
    Ok(ateneu_db::backup::sqlite_copy(db, file).await?)
}

/// Removes the expired sessions; how many.
pub async fn purge_expired_sessions(context: &Context) -> Result<u64, Error> {
    Ok(ateneu_db::sessions::purge_expired(&context.db).await?)
}

/// Whether any account is a platform administrator.
pub async fn has_admin(context: &Context) -> Result<bool, Error> {
    Ok(ateneu_db::accounts::has_admin(&context.db).await?)
}
