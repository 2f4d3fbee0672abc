//! Frameworks' use cases: read a version (parsed once per checksum, `FrameworkCache`), find
//! one by id or `KEY@VERSION`, list them, import a file, compare two versions; benchmark sets
//! (`benchmarks`).

pub mod benchmarks;

pub use benchmarks::benchmarks;

use crate::{Acting, Context, Error};
use ateneu_db::frameworks as repo;
pub use ateneu_db::frameworks::{BenchmarkSet, Imported, StoredVersion};
use ateneu_domain::Problem;
use ateneu_domain::csv_format::LineError;
use ateneu_domain::frameworks::{FileProblem, Framework, FrameworkDiff, parse_toml};
use ateneu_domain::ids::FrameworkVersionId;
use ateneu_domain::permissions::Action;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Parsed versions by checksum: a version's file never changes under the same checksum.
#[derive(Default)]
pub struct FrameworkCache {
    parsed: Mutex<HashMap<String, Arc<Framework>>>,
}

impl FrameworkCache {
    fn cached(&self, version: &StoredVersion) -> Option<Arc<Framework>> {
        self.parsed.lock().ok()?.get(&version.checksum).cloned()
    }

    fn parse(&self, version: &StoredVersion, source: &str) -> Result<Arc<Framework>, Error> {
        let framework = Arc::new(repo::parse_stored(source)?);
        if let Ok(mut parsed) = self.parsed.lock() {
            if parsed.len() > 256 {
                parsed.clear();
            }
            parsed.insert(version.checksum.clone(), framework.clone());
        }
        Ok(framework)
    }
}

/// A stored version and its framework.
pub async fn load(
    state: &Context,
    id: FrameworkVersionId,
) -> Result<(StoredVersion, Arc<Framework>), Error> {
    let version = repo::version(&state.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    if let Some(framework) = state.frameworks.cached(&version) {
        return Ok((version, framework));
    }
    let (version, source) = repo::get(&state.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let framework = state.frameworks.parse(&version, &source)?;
    Ok((version, framework))
}

/// Every stored version, as the frameworks page lists them (the frameworks are public).
pub async fn list(state: &Context) -> Result<Vec<StoredVersion>, Error> {
    Ok(repo::list(&state.db.conn).await?)
}

/// The stored file of `KEY@VERSION`, written out as TOML (none: no such version).
pub async fn export_toml(
    state: &Context,
    key: &str,
    version: &str,
) -> Result<Option<String>, Error> {
    let Some((_, source)) = repo::find(&state.db.conn, key, version).await? else {
        return Ok(None);
    };
    let framework = repo::parse_stored(&source)?;
    Ok(Some(ateneu_domain::frameworks::to_toml(&framework)))
}

/// Finds a version by id or by `KEY@VERSION`.
pub async fn resolve(
    state: &Context,
    reference: &str,
) -> Result<(StoredVersion, Arc<Framework>), Error> {
    if let Ok(id) = reference.parse::<FrameworkVersionId>() {
        return load(state, id).await;
    }
    let (key, version) = reference.split_once('@').ok_or(Error::NotFound)?;
    let (stored, source) = repo::find(&state.db.conn, key, version)
        .await?
        .ok_or(Error::NotFound)?;
    let framework = match state.frameworks.cached(&stored) {
        Some(framework) => framework,
        None => state.frameworks.parse(&stored, &source)?,
    };
    Ok((stored, framework))
}

pub fn lines(problems: Vec<FileProblem>) -> Error {
    Error::Lines(
        problems
            .into_iter()
            .map(|p| LineError {
                line: p.line as u64,
                column: String::new(),
                problem: Problem::with_detail(p.key, p.detail),
            })
            .collect(),
    )
}

/// Checks a whole file and stores it as a version (the secretariat only).
pub async fn import(
    state: &Context,
    acting: &Acting,
    source: &str,
) -> Result<(Imported, Framework), Error> {
    acting.require(Action::ManageFrameworks)?;
    let framework = parse_toml(source).map_err(lines)?;
    let outcome = store(state, acting, &framework).await?;
    Ok((outcome, framework))
}

/// Stores a framework already checked (the command line parses the file itself, to name each
/// problem in its own words): a new version, a new revision of an unused one, or nothing when
/// the same file is there. A version an assessment uses cannot change (`version_frozen`).
pub async fn store(
    state: &Context,
    acting: &Acting,
    framework: &Framework,
) -> Result<Imported, Error> {
    acting.require(Action::ManageFrameworks)?;
    let txn = state.db.write().await?;
    let outcome = repo::import(&txn, &acting.who, framework).await?;
    txn.commit().await?;
    Ok(outcome)
}

/// What changed between two versions (the older one first).
pub async fn compare(
    state: &Context,
    old: FrameworkVersionId,
    new: FrameworkVersionId,
) -> Result<(StoredVersion, StoredVersion, FrameworkDiff), Error> {
    let (old_version, old_framework) = load(state, old).await?;
    let (new_version, new_framework) = load(state, new).await?;
    let diff = ateneu_domain::frameworks::diff(&old_framework, &new_framework);
    Ok((old_version, new_version, diff))
}
