//! Frameworks in the web layer: the calls that pages and the JSON API share (list, read a
//! version, import a file, compare two versions) and a cache of parsed versions. Benchmark
//! sets, entered or computed, live in `benchmarks` (calls) and `benchmark_pages` (pages).

pub mod api;
mod benchmark_pages;
mod benchmarks;
mod pages;

pub use benchmarks::{
    BenchmarkInput, ComputeInput, ComputedSet, benchmarks, computable_networks, compute_benchmark,
    save_benchmark,
};

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_db::frameworks::{self as repo, Imported, StoredVersion};
use ateneu_domain::Problem;
use ateneu_domain::csv_format::LineError;
use ateneu_domain::frameworks::{FileProblem, Framework, FrameworkDiff, parse_toml};
use ateneu_domain::permissions::Action;
use axum::routing::{get, post};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The largest framework file accepted.
pub const MAX_FILE: usize = 4 * 1024 * 1024;

pub fn routes() -> Routes {
    Routes::new()
        .route("/frameworks", get(pages::list))
        .route(
            "/frameworks/import",
            get(pages::import_page).post(pages::import_upload),
        )
        .route("/frameworks/{id}", get(pages::detail))
        .route("/frameworks/{id}/export", get(pages::export))
        .route("/frameworks/{id}/diff", get(pages::diff_page))
        .route(
            "/frameworks/{id}/benchmarks",
            post(benchmark_pages::save_benchmark),
        )
        .route(
            "/frameworks/{id}/benchmarks/compute",
            post(benchmark_pages::compute),
        )
        .body_limit(MAX_FILE)
}

/// Parsed versions by checksum: a version's file never changes under the same checksum.
#[derive(Default)]
pub struct FrameworkCache {
    parsed: Mutex<HashMap<String, Arc<Framework>>>,
}

impl FrameworkCache {
    fn cached(&self, version: &StoredVersion) -> Option<Arc<Framework>> {
        self.parsed.lock().ok()?.get(&version.checksum).cloned()
    }

    fn parse(&self, version: &StoredVersion, source: &str) -> Result<Arc<Framework>, AppError> {
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
pub async fn load(state: &AppState, id: i64) -> Result<(StoredVersion, Arc<Framework>), AppError> {
    let version = repo::version(&state.db.conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(framework) = state.frameworks.cached(&version) {
        return Ok((version, framework));
    }
    let (version, source) = repo::get(&state.db.conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let framework = state.frameworks.parse(&version, &source)?;
    Ok((version, framework))
}

/// Finds a version by id or by `KEY@VERSION`.
pub async fn resolve(
    state: &AppState,
    reference: &str,
) -> Result<(StoredVersion, Arc<Framework>), AppError> {
    if let Ok(id) = reference.parse::<i64>() {
        return load(state, id).await;
    }
    let (key, version) = reference.split_once('@').ok_or(AppError::NotFound)?;
    let (stored, source) = repo::find(&state.db.conn, key, version)
        .await?
        .ok_or(AppError::NotFound)?;
    let framework = match state.frameworks.cached(&stored) {
        Some(framework) => framework,
        None => state.frameworks.parse(&stored, &source)?,
    };
    Ok((stored, framework))
}

pub fn lines(problems: Vec<FileProblem>) -> AppError {
    AppError::Lines(
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
    state: &AppState,
    v: &Viewer,
    source: &str,
) -> Result<(Imported, Framework), AppError> {
    v.require(Action::ManageFrameworks)?;
    let framework = parse_toml(source).map_err(lines)?;
    let txn = state.db.write().await?;
    let outcome = repo::import(&txn, &v.who(), &framework).await?;
    txn.commit().await?;
    Ok((outcome, framework))
}

/// What changed between two versions (the older one first).
pub async fn compare(
    state: &AppState,
    old: i64,
    new: i64,
) -> Result<(StoredVersion, StoredVersion, FrameworkDiff), AppError> {
    let (old_version, old_framework) = load(state, old).await?;
    let (new_version, new_framework) = load(state, new).await?;
    let diff = ateneu_domain::frameworks::diff(&old_framework, &new_framework);
    Ok((old_version, new_version, diff))
}
