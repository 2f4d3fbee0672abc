//! The Culture 2030 Goal as use cases: its imported versions (read by anyone, each with what it
//! changed from the version before it), a version imported from its file by the secretariat
//! (every problem with its line; a version once), and the targets an action plan's item may
//! name (`goal@version:target`).

use crate::frameworks::lines;
use crate::{Acting, Context, Error};
use ateneu_db::indicators::goals as repo;
use ateneu_domain::indicators::goal::{Goal, GoalDiff, GoalTarget, diff, parse_toml};
use ateneu_domain::permissions::Action;
use serde::Serialize;
use std::collections::HashSet;

/// An imported version, with what it changed from the one of the same goal before it.
#[derive(Debug, Clone, Serialize)]
pub struct GoalVersion {
    #[serde(flatten)]
    pub goal: Goal,
    pub imported_at: chrono::DateTime<chrono::Utc>,
    /// The version before it and the changes; none for the first.
    pub changes: Option<(String, GoalDiff)>,
}

fn known_indicator(reference: &str) -> bool {
    super::find(reference).is_some()
}

/// Every imported version, oldest first.
pub async fn versions(context: &Context) -> Result<Vec<GoalVersion>, Error> {
    let mut out: Vec<GoalVersion> = Vec::new();
    for stored in repo::all(&context.db.conn).await? {
        let goal = parse_toml(&stored.source, &|_| true).map_err(|problems| {
            Error::Internal(format!(
                "stored goal {}@{}: {} problems",
                stored.key,
                stored.version,
                problems.len()
            ))
        })?;
        let changes = out
            .iter()
            .rev()
            .find(|earlier| earlier.goal.key == goal.key)
            .map(|earlier| (earlier.goal.version.clone(), diff(&earlier.goal, &goal)));
        out.push(GoalVersion {
            goal,
            imported_at: stored.imported_at,
            changes,
        });
    }
    Ok(out)
}

/// `goal@version:target` of every imported target.
pub async fn target_references(context: &Context) -> Result<HashSet<String>, Error> {
    Ok(versions(context)
        .await?
        .iter()
        .flat_map(|v| v.goal.target_references())
        .collect())
}

/// The target a reference names, with its version.
pub fn find_target<'a>(
    versions: &'a [GoalVersion],
    reference: &str,
) -> Option<(&'a Goal, &'a GoalTarget)> {
    let (goal, target) = reference.rsplit_once(':')?;
    let version = versions.iter().find(|v| v.goal.reference() == goal)?;
    Some((&version.goal, version.goal.target(target)?))
}

/// Checks a version's whole file and keeps it (the secretariat only).
pub async fn import(context: &Context, acting: &Acting, source: &str) -> Result<Goal, Error> {
    acting.require(Action::ManageFrameworks)?;
    let goal = parse_toml(source, &known_indicator).map_err(lines)?;
    let txn = context.db.write().await?;
    repo::add(&txn, &acting.who, &goal.key, &goal.version, source).await?;
    txn.commit().await?;
    Ok(goal)
}
