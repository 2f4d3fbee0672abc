//! The difference between two versions of a framework: items added, removed and reworded,
//! and what each module now selects (the "revised version of the module").

use super::{Framework, Trilingual};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Domain,
    Field,
    Action,
    ModuleItem,
}

impl ItemKind {
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Domain => "domain",
            ItemKind::Field => "field",
            ItemKind::Action => "action",
            ItemKind::ModuleItem => "module_item",
        }
    }
}

/// One item that appears, disappears or changes its wording between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub key: String,
    pub kind: ItemKind,
    pub before: Option<Trilingual>,
    pub after: Option<Trilingual>,
}

/// How one module's selection changed (items by key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleChange {
    pub key: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct FrameworkDiff {
    pub added: Vec<Change>,
    pub removed: Vec<Change>,
    pub reworded: Vec<Change>,
    pub modules: Vec<ModuleChange>,
    pub scale_changed: bool,
}

impl FrameworkDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.reworded.is_empty()
            && self.modules.is_empty()
            && !self.scale_changed
    }
}

/// Every item of a version, by key, in framework order.
fn items(framework: &Framework) -> Vec<(String, ItemKind, &Trilingual)> {
    let mut items = Vec::new();
    for domain in &framework.domains {
        items.push((domain.key.clone(), ItemKind::Domain, &domain.text));
        for field in &domain.fields {
            items.push((field.key.clone(), ItemKind::Field, &field.text));
            for action in &field.actions {
                items.push((action.key.clone(), ItemKind::Action, &action.text));
            }
        }
    }
    for module in &framework.modules {
        for extra in &module.extra {
            if !items.iter().any(|(key, _, _)| *key == extra.key) {
                items.push((extra.key.clone(), ItemKind::ModuleItem, &extra.text));
            }
        }
    }
    items
}

/// What changed from `old` to `new`.
pub fn diff(old: &Framework, new: &Framework) -> FrameworkDiff {
    let before = items(old);
    let after = items(new);
    let old_by_key: BTreeMap<&str, &Trilingual> = before
        .iter()
        .map(|(key, _, text)| (key.as_str(), *text))
        .collect();
    let new_by_key: BTreeMap<&str, &Trilingual> = after
        .iter()
        .map(|(key, _, text)| (key.as_str(), *text))
        .collect();
    let mut result = FrameworkDiff::default();
    for (key, kind, text) in &after {
        match old_by_key.get(key.as_str()) {
            None => result.added.push(change(key, *kind, None, Some(text))),
            Some(old_text) if *old_text != *text => {
                result
                    .reworded
                    .push(change(key, *kind, Some(old_text), Some(text)))
            }
            Some(_) => {}
        }
    }
    for (key, kind, text) in &before {
        if !new_by_key.contains_key(key.as_str()) {
            result.removed.push(change(key, *kind, Some(text), None));
        }
    }
    for module in &new.modules {
        let now: Vec<String> = new.rated_items(module).into_iter().map(|i| i.key).collect();
        let was: Vec<String> = old
            .module(&module.key)
            .map(|m| old.rated_items(m).into_iter().map(|i| i.key).collect())
            .unwrap_or_default();
        let added: Vec<String> = now.iter().filter(|k| !was.contains(k)).cloned().collect();
        let removed: Vec<String> = was.iter().filter(|k| !now.contains(k)).cloned().collect();
        if !added.is_empty() || !removed.is_empty() {
            result.modules.push(ModuleChange {
                key: module.key.clone(),
                added,
                removed,
            });
        }
    }
    for module in &old.modules {
        if new.module(&module.key).is_none() {
            result.modules.push(ModuleChange {
                key: module.key.clone(),
                added: Vec::new(),
                removed: old.rated_items(module).into_iter().map(|i| i.key).collect(),
            });
        }
    }
    result.scale_changed = old.scale != new.scale;
    result
}

fn change(
    key: &str,
    kind: ItemKind,
    before: Option<&Trilingual>,
    after: Option<&Trilingual>,
) -> Change {
    Change {
        key: key.to_owned(),
        kind,
        before: before.cloned(),
        after: after.cloned(),
    }
}
