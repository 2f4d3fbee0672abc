//! The Culture 2030 Goal as versioned data: a goal (its key, the version of its text — the zero
//! draft of 2022, the revised draft of 2025 — its name in three languages and where it comes
//! from) and its targets (a number, a name in three languages, the indicators that measure it
//! and the SDG targets it serves). The secretariat imports each version as a TOML file; an
//! action plan's item names a target as `goal@version:target`. `diff` says what a revision
//! changed.

use crate::frameworks::Trilingual;
use crate::frameworks::file::{FileProblem, RawText, Reader};
use crate::programmes::action_plans::SdgTarget;
use crate::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// The most targets one version holds.
pub const MAX_TARGETS: usize = 50;

/// A target of the goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalTarget {
    pub key: String,
    pub number: u32,
    pub name: Trilingual,
    /// `framework:indicator` of the indicators that measure it.
    pub indicators: Vec<String>,
    pub sdg_targets: Vec<SdgTarget>,
}

/// One version of the goal, as read from its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub key: String,
    pub version: String,
    pub name: Trilingual,
    pub source: String,
    pub targets: Vec<GoalTarget>,
}

impl Goal {
    /// `goal@version`.
    pub fn reference(&self) -> String {
        format!("{}@{}", self.key, self.version)
    }

    /// `goal@version:target` of each target: how an item names one.
    pub fn target_references(&self) -> impl Iterator<Item = String> + '_ {
        let reference = self.reference();
        self.targets
            .iter()
            .map(move |t| format!("{reference}:{}", t.key))
    }

    pub fn target(&self, key: &str) -> Option<&GoalTarget> {
        self.targets.iter().find(|t| t.key == key)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    key: Spanned<String>,
    version: Spanned<String>,
    name: Spanned<RawText>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    targets: Vec<Spanned<RawTarget>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    key: Spanned<String>,
    number: Spanned<i64>,
    name: Spanned<RawText>,
    #[serde(default)]
    indicators: Vec<Spanned<String>>,
    #[serde(default)]
    sdg_targets: Vec<Spanned<String>>,
}

/// Reads a version of the goal; `known` says whether a `framework:indicator` reference names
/// an indicator. The whole version or every problem, by line.
pub fn parse_toml(source: &str, known: &dyn Fn(&str) -> bool) -> Result<Goal, Vec<FileProblem>> {
    let raw: RawFile = crate::frameworks::file::read_toml(source)?;
    let mut reader = Reader::new(source);
    let key = reader.key(&raw.key);
    reader.keys.clear();
    let version = raw.version.get_ref().trim().to_owned();
    if !crate::frameworks::file::valid_key(&version) || version.len() > 32 {
        reader.problem(&raw.version, ProblemKey::InvalidKey, version.clone());
    }
    let name = reader.text(&raw.name);
    let mut targets: Vec<GoalTarget> = Vec::new();
    for raw_target in &raw.targets {
        let t = raw_target.get_ref();
        let key = reader.key(&t.key);
        let number = match u32::try_from(*t.number.get_ref()) {
            Ok(n) if n > 0 && !targets.iter().any(|other| other.number == n) => n,
            _ => {
                reader.problem(
                    &t.number,
                    ProblemKey::DuplicateKey,
                    t.number.get_ref().to_string(),
                );
                0
            }
        };
        let mut indicators = Vec::new();
        for i in &t.indicators {
            let reference = i.get_ref().trim().to_lowercase();
            if known(&reference) {
                indicators.push(reference);
            } else {
                reader.problem(i, ProblemKey::UnknownIndicator, reference);
            }
        }
        let mut sdg_targets = Vec::new();
        for s in &t.sdg_targets {
            match SdgTarget::parse(s.get_ref()) {
                Ok(target) => sdg_targets.push(target),
                Err(problem) => reader.problem(s, problem.key, s.get_ref().clone()),
            }
        }
        targets.push(GoalTarget {
            key,
            number,
            name: reader.text(&t.name),
            indicators,
            sdg_targets,
        });
    }
    if targets.is_empty() || targets.len() > MAX_TARGETS {
        reader.problem(
            &raw.key,
            ProblemKey::TooManyItems,
            format!("1–{MAX_TARGETS}"),
        );
    }
    let mut problems = reader.problems;
    if problems.is_empty() {
        Ok(Goal {
            key,
            version,
            name,
            source: raw.source.trim().to_owned(),
            targets,
        })
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}

/// What a revision changed, target by target key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GoalDiff {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// Kept, with another name, number, indicators or SDG targets.
    pub changed: Vec<String>,
}

impl GoalDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// What `new` changed from `old`.
pub fn diff(old: &Goal, new: &Goal) -> GoalDiff {
    let mut out = GoalDiff::default();
    for target in &new.targets {
        match old.target(&target.key) {
            None => out.added.push(target.key.clone()),
            Some(before) if before != target => out.changed.push(target.key.clone()),
            Some(_) => {}
        }
    }
    out.removed = old
        .targets
        .iter()
        .filter(|t| new.target(&t.key).is_none())
        .map(|t| t.key.clone())
        .collect();
    out
}

/// A target reference as an item gives it: `goal@version:target`, lower case.
pub fn parse_target_reference(value: &str) -> Result<String, Problem> {
    let value = value.trim().to_lowercase();
    match value
        .split_once('@')
        .and_then(|(_, rest)| rest.split_once(':'))
    {
        Some((version, target)) if !version.is_empty() && !target.is_empty() => Ok(value),
        _ => Err(Problem::with_detail(ProblemKey::UnknownGoalTarget, value)),
    }
}

#[cfg(test)]
mod tests;
