//! `ateneu import framework FILE` and `ateneu export framework KEY@VERSION`: framework versions
//! as TOML files, checked whole (every problem with its line) before anything is stored; and
//! `ateneu import goal FILE`, a version of the Culture 2030 Goal, checked the same way.

use crate::cli::bad;
use ateneu_app::Acting;
use ateneu_app::Context as AppContext;
use ateneu_app::frameworks::Imported;
use ateneu_domain::ProblemKey;
use ateneu_domain::frameworks::parse_toml;
use std::path::Path;

pub async fn import(state: &AppContext, file: &Path) -> anyhow::Result<()> {
    let source = std::fs::read_to_string(file)
        .map_err(|e| bad(format!("cannot read {} as UTF-8 text: {e}", file.display())))?;
    let framework = parse_toml(&source).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{p}", file.display()))
            .collect();
        bad(format!(
            "{} is not a valid framework file ({} problems); nothing was imported:\n{}",
            file.display(),
            problems.len(),
            lines.join("\n")
        ))
    })?;
    let outcome = match ateneu_app::frameworks::store(state, &Acting::operator("cli"), &framework)
        .await
    {
        Err(ateneu_app::Error::Conflict(p)) if p.key == ProblemKey::VersionFrozen => {
            return Err(bad(format!(
                "{} is used by an assessment and cannot change: give the revision a new version",
                framework.reference()
            )));
        }
        other => other?,
    };
    let (domains, fields, actions) = framework.size();
    let what = match outcome {
        Imported::Created(_) => "imported",
        Imported::Replaced(_) => "replaced",
        Imported::Unchanged(_) => "unchanged (the same file is stored already)",
    };
    println!(
        "{} {what}: {domains} domains, {fields} fields, {actions} actions, {} modules.",
        framework.reference(),
        framework.modules.len()
    );
    Ok(())
}

pub async fn import_goal(state: &AppContext, file: &Path) -> anyhow::Result<()> {
    let source = std::fs::read_to_string(file)
        .map_err(|e| bad(format!("cannot read {} as UTF-8 text: {e}", file.display())))?;
    let known = |reference: &str| ateneu_app::indicators::find(reference).is_some();
    if let Err(problems) = ateneu_domain::indicators::goal::parse_toml(&source, &known) {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{p}", file.display()))
            .collect();
        return Err(bad(format!(
            "{} is not a valid goal file ({} problems); nothing was imported:\n{}",
            file.display(),
            problems.len(),
            lines.join("\n")
        )));
    }
    match ateneu_app::indicators::goals::import(state, &Acting::operator("cli"), &source).await {
        Ok(goal) => {
            println!(
                "{} imported: {} targets.",
                goal.reference(),
                goal.targets.len()
            );
            Ok(())
        }
        Err(ateneu_app::Error::Conflict(p)) if p.key == ProblemKey::GoalVersionExists => Err(bad(
            "this version of the goal is imported already: a new text needs a new version",
        )),
        Err(other) => Err(other.into()),
    }
}

pub async fn export(state: &AppContext, reference: &str) -> anyhow::Result<String> {
    let (key, version) = reference
        .split_once('@')
        .ok_or_else(|| bad(format!("“{reference}” is not KEY@VERSION")))?;
    ateneu_app::frameworks::export_toml(state, key, version)
        .await?
        .ok_or_else(|| {
            bad(format!(
                "no framework {reference}; see the list at /en/frameworks"
            ))
        })
}
