//! `ateneu import practices FILE.jsonl` and `ateneu reindex`, and the server's tasks that keep
//! its search index current from the change log and prune that log.

use crate::cli::bad;
use anyhow::anyhow;
use ateneu_app::Context as AppContext;
use ateneu_app::Who;
use ateneu_app::practices::import::{FileError, Progress, import_file};
use ateneu_domain::Lang;
use ateneu_domain::practices::Stage;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where a server keeps its search index.
pub fn index_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("index").join("practices")
}

pub async fn import(state: &AppContext, file: &Path, stage: &str) -> anyhow::Result<()> {
    let stage = Stage::parse(stage)
        .ok()
        .filter(|s| matches!(s, Stage::Published | Stage::Draft))
        .ok_or_else(|| bad(format!("--stage must be published or draft, not {stage}")))?;
    let checking = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{bar:40} {percent}% of the file checked")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let writing = ProgressBar::hidden().with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} practices written")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let (shown_checking, shown_writing) = (checking.clone(), writing.clone());
    let outcome =
        import_file(
            state,
            &Who::system("cli"),
            file,
            stage,
            &move |progress| match progress {
                Progress::Checked { bytes, size } => {
                    shown_checking.set_length(size);
                    shown_checking.set_position(bytes);
                }
                Progress::Written { practices, of } => {
                    if !shown_checking.is_finished() {
                        shown_checking.finish_and_clear();
                        shown_writing.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    }
                    shown_writing.set_length(of);
                    shown_writing.set_position(practices);
                }
            },
        )
        .await;
    checking.finish_and_clear();
    writing.finish_and_clear();
    let summary = match outcome {
        Ok(summary) => summary,
        Err(FileError::Unreadable(cause)) => {
            return Err(bad(format!("cannot read {}: {cause}", file.display())));
        }
        Err(FileError::Lines { kept, count }) => {
            let mut message = format!(
                "{} was not imported: {count} problem(s); nothing was written.",
                file.display()
            );
            for e in &kept {
                let at = if e.column.is_empty() {
                    String::new()
                } else {
                    format!(", {}", e.column)
                };
                message.push_str(&format!(
                    "\n  line {}{at}: {}",
                    e.line,
                    state.i18n.problem(Lang::En, &e.problem)
                ));
            }
            if count > kept.len() as u64 {
                message.push_str(&format!("\n  … and {} more", count - kept.len() as u64));
            }
            return Err(bad(message));
        }
        Err(FileError::Failed(error)) => return Err(anyhow::anyhow!("{error}")),
    };
    println!(
        "{}: {} created, {} updated, {} unchanged.",
        file.display(),
        summary.created,
        summary.updated,
        summary.unchanged
    );
    if !summary.cities_created.is_empty() {
        println!(
            "Cities added to the registry ({}): {}",
            summary.cities_created.len(),
            summary.cities_created.join(", ")
        );
    }
    println!("Running servers index the changes within seconds.");
    Ok(())
}

pub async fn reindex(state: &AppContext, log_days: u32) -> anyhow::Result<()> {
    let total = ateneu_app::practices::published_count(state)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let bar = ProgressBar::new(total).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} practices indexed ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let shown = bar.clone();
    let started = std::time::Instant::now();
    let count = state
        .search
        .rebuild(&state.db, move |done| shown.set_position(done))
        .await?;
    bar.finish_and_clear();
    println!(
        "Search index rebuilt: {count} published practices in {:.1} s ({} MB on disk).",
        started.elapsed().as_secs_f64(),
        state.search.index.size_on_disk() / 1_000_000
    );
    let pruned = prune(state, log_days).await?;
    println!(
        "Search change log: {} change(s) older than {log_days} day(s) removed.",
        pruned.removed
    );
    Ok(())
}

/// Removes the change log's rows older than `days` (a server whose index is older rebuilds).
async fn prune(state: &AppContext, days: u32) -> anyhow::Result<ateneu_app::practices::Pruned> {
    ateneu_app::practices::prune_change_log(state, days)
        .await
        .map_err(|e| anyhow!("{e}"))
}

/// Prunes the search change log at start and every hour after. Safe with several servers on
/// one database: the pruning mark makes a server behind it rebuild rather than skip changes.
pub fn keep_change_log_pruned(state: &AppContext, days: u32) {
    let state = state.clone();
    tokio::spawn(async move {
        let mut hourly = tokio::time::interval(Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            match prune(&state, days).await {
                Ok(pruned) => tracing::debug!(
                    removed = pruned.removed,
                    pruned_through = pruned.pruned_through,
                    "search change log pruned"
                ),
                Err(error) => tracing::warn!(%error, "could not prune the search change log"),
            }
        }
    });
}

/// Builds the index at start when it is missing, then applies the change log every 250 ms,
/// so that edits made through any server process sharing the database show up here.
pub fn keep_index_current(state: &AppContext) {
    let state = state.clone();
    tokio::spawn(async move {
        if state.search.needs_build() {
            let started = std::time::Instant::now();
            match state.search.rebuild(&state.db, |_| {}).await {
                Ok(count) => tracing::info!(
                    count,
                    seconds = started.elapsed().as_secs_f64(),
                    "search index built"
                ),
                Err(error) => tracing::error!(%error, "search index build failed"),
            }
        }
        // A quarter of a second: a practice published through another server sharing the
        // database is found here well within the 2 s the platform promises (one indexed
        // read of the change log when nothing changed).
        let mut tick = tokio::time::interval(Duration::from_millis(250));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut labels_refreshed = std::time::Instant::now();
        // A failing catch-up (the database out of reach) is logged once a minute, not on
        // every tick.
        let mut warned: Option<std::time::Instant> = None;
        loop {
            tick.tick().await;
            match state.search.catch_up(&state.db).await {
                Ok(_) => warned = None,
                Err(error) => {
                    if warned.is_none_or(|at| at.elapsed() > Duration::from_secs(60)) {
                        warned = Some(std::time::Instant::now());
                        tracing::warn!(%error, "search index catch-up failed (logged once a minute)");
                    }
                }
            }
            if labels_refreshed.elapsed() > Duration::from_secs(30) {
                labels_refreshed = std::time::Instant::now();
                if let Err(error) = ateneu_app::practices::labels::refresh_labels(&state).await {
                    tracing::warn!(?error, "search labels refresh failed");
                }
                if let Err(error) = ateneu_app::programmes::catalogue::refresh(&state).await {
                    tracing::warn!(?error, "programme catalogue refresh failed");
                }
            }
        }
    });
}
