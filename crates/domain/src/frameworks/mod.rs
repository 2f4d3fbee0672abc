//! Self-assessment frameworks as data: a version holds domains → fields → actions, modules
//! (selections of items rated at field or action level) and a rating scale.
//!
//! A framework is parsed from its TOML file (`file`), compared with another version (`diff`),
//! and asked which items a module rates (`rated_items`).

use crate::ProblemKey;
mod diff;
pub(crate) mod file;

pub use diff::{Change, FrameworkDiff, ItemKind, ModuleChange, diff};
pub use file::{FileProblem, parse_toml, to_toml};

use crate::assessments::{RatingLevel, ScoreRange};
use crate::lang::Lang;
use crate::results::RatedItem;
use serde::{Deserialize, Serialize};

/// A text in the three official languages (all required in a framework file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trilingual {
    pub en: String,
    pub fr: String,
    pub es: String,
}

impl Trilingual {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Es => &self.es,
        }
    }
}

/// One version of a framework, as imported and then frozen once an assessment uses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    pub key: String,
    pub version: String,
    pub name: Trilingual,
    pub description: Option<Trilingual>,
    pub scale: Scale,
    pub domains: Vec<Domain>,
    pub modules: Vec<Module>,
}

/// The rating scale: a range of whole numbers, optional labels and stages, and whether
/// "not applicable / don't know" may be answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
    pub not_applicable: bool,
    pub stages: Vec<Stage>,
    pub labels: Vec<ScaleLabel>,
}

impl Scale {
    pub fn range(&self) -> ScoreRange {
        ScoreRange {
            min: self.min,
            max: self.max,
            not_applicable: self.not_applicable,
        }
    }

    /// The stage a (possibly fractional) score falls in.
    pub fn stage_of(&self, score: f64) -> Option<&Stage> {
        let rounded = score.round();
        self.stages
            .iter()
            .find(|stage| rounded >= f64::from(stage.from) && rounded <= f64::from(stage.to))
    }

    pub fn label_of(&self, value: u8) -> Option<&Trilingual> {
        self.labels
            .iter()
            .find(|label| label.value == value)
            .map(|label| &label.text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub key: String,
    pub from: u8,
    pub to: u8,
    pub name: Trilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleLabel {
    pub value: u8,
    pub text: Trilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    pub key: String,
    pub text: Trilingual,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub key: String,
    pub text: Trilingual,
    /// What the field is about, for participants (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Trilingual>,
    pub sdgs: Vec<u8>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub key: String,
    pub text: Trilingual,
    /// What the action asks, for participants (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Trilingual>,
    pub sdgs: Vec<u8>,
}

/// A selection of items (Essentials, Extended, a thematic module…), rated at one level, with
/// items of its own attached to a field (action level) or a domain (field level).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub key: String,
    pub name: Trilingual,
    pub level: RatingLevel,
    /// Keys of domains, fields or actions; a domain or a field stands for everything under it
    /// at the module's level.
    pub items: Vec<String>,
    pub extra: Vec<ExtraItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraItem {
    pub key: String,
    /// A field key (action-level module) or a domain key (field-level module).
    pub parent: String,
    pub text: Trilingual,
}

/// Where a key sits in a framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Located<'a> {
    Domain(&'a Domain),
    Field(&'a Domain, &'a Field),
    Action(&'a Domain, &'a Field, &'a Action),
}

impl Framework {
    /// `KEY@VERSION`, the name used by the CLI and the pages.
    pub fn reference(&self) -> String {
        format!("{}@{}", self.key, self.version)
    }

    pub fn module(&self, key: &str) -> Option<&Module> {
        self.modules.iter().find(|module| module.key == key)
    }

    pub fn locate(&self, key: &str) -> Option<Located<'_>> {
        for domain in &self.domains {
            if domain.key == key {
                return Some(Located::Domain(domain));
            }
            for field in &domain.fields {
                if field.key == key {
                    return Some(Located::Field(domain, field));
                }
                if let Some(action) = field.actions.iter().find(|action| action.key == key) {
                    return Some(Located::Action(domain, field, action));
                }
            }
        }
        None
    }

    /// The text of any domain, field, action or module's own item.
    pub fn text_of(&self, key: &str) -> Option<&Trilingual> {
        match self.locate(key) {
            Some(Located::Domain(domain)) => Some(&domain.text),
            Some(Located::Field(_, field)) => Some(&field.text),
            Some(Located::Action(_, _, action)) => Some(&action.text),
            None => self
                .modules
                .iter()
                .flat_map(|module| &module.extra)
                .find(|extra| extra.key == key)
                .map(|extra| &extra.text),
        }
    }

    /// The description of a field or an action, when the framework gives one.
    pub fn description_of(&self, key: &str) -> Option<&Trilingual> {
        match self.locate(key) {
            Some(Located::Field(_, field)) => field.description.as_ref(),
            Some(Located::Action(_, _, action)) => action.description.as_ref(),
            _ => None,
        }
    }

    /// The items a module rates, in framework order, each with its field and domain.
    pub fn rated_items(&self, module: &Module) -> Vec<RatedItem> {
        let selected = |keys: &[&str]| keys.iter().any(|key| module.items.iter().any(|k| k == key));
        let mut items = Vec::new();
        for domain in &self.domains {
            for field in &domain.fields {
                match module.level {
                    RatingLevel::Field => {
                        if selected(&[&domain.key, &field.key]) {
                            items.push(item(&field.key, &field.key, &domain.key));
                        }
                    }
                    RatingLevel::Action => {
                        for action in &field.actions {
                            if selected(&[&domain.key, &field.key, &action.key]) {
                                items.push(item(&action.key, &field.key, &domain.key));
                            }
                        }
                    }
                }
                if module.level == RatingLevel::Action {
                    for extra in module.extra.iter().filter(|e| e.parent == field.key) {
                        items.push(item(&extra.key, &field.key, &domain.key));
                    }
                }
            }
            if module.level == RatingLevel::Field {
                for extra in module.extra.iter().filter(|e| e.parent == domain.key) {
                    items.push(item(&extra.key, &extra.key, &domain.key));
                }
            }
        }
        items
    }

    /// The fields a module touches (the radar's axes and the consensus rows), in order.
    pub fn rated_fields(&self, module: &Module) -> Vec<(String, String)> {
        let mut fields: Vec<(String, String)> = Vec::new();
        for item in self.rated_items(module) {
            if !fields.iter().any(|(field, _)| *field == item.field) {
                fields.push((item.field, item.domain));
            }
        }
        fields
    }

    /// Checks a benchmark set for this framework: a key of letters, digits, '-' or '_', a name
    /// in the three languages, and values for fields of this framework that lie on its scale.
    pub fn check_benchmark(
        &self,
        key: &str,
        name: &Trilingual,
        values: &std::collections::BTreeMap<String, f64>,
    ) -> Result<(), crate::FieldErrors> {
        use crate::Problem;
        let mut errors = crate::FieldErrors::new();
        if !is_benchmark_key(key) {
            errors.add("key", Problem::with_detail(ProblemKey::InvalidKey, key));
        }
        for lang in Lang::ALL {
            if name.get(lang).trim().is_empty() {
                errors.add(
                    &format!("name.{}", lang.code()),
                    Problem::new(ProblemKey::Required),
                );
            }
        }
        let (min, max) = (f64::from(self.scale.min), f64::from(self.scale.max));
        for (field, value) in values {
            let name = format!("values.{field}");
            if !matches!(self.locate(field), Some(Located::Field(..))) {
                errors.add(&name, Problem::with_detail(ProblemKey::UnknownItem, field));
            } else if !value.is_finite() || *value < min || *value > max {
                errors.add(
                    &name,
                    Problem::with_detail(ProblemKey::ScoreOutOfRange, format!("{min}–{max}")),
                );
            }
        }
        errors.into_result(|| ())
    }

    /// The keys of every field, in framework order (the keys a benchmark set may hold).
    pub fn field_keys(&self) -> Vec<String> {
        self.domains
            .iter()
            .flat_map(|d| &d.fields)
            .map(|f| f.key.clone())
            .collect()
    }

    /// Counts of domains, fields and actions.
    pub fn size(&self) -> (usize, usize, usize) {
        let fields = self.domains.iter().map(|d| d.fields.len()).sum();
        let actions = self
            .domains
            .iter()
            .flat_map(|d| &d.fields)
            .map(|f| f.actions.len())
            .sum();
        (self.domains.len(), fields, actions)
    }
}

/// Whether a benchmark set's key is valid: 1 to 64 letters, digits, '-' or '_'.
pub fn is_benchmark_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The key of a benchmark set computed from a network's published assessments when none is
/// given: `published-NETWORK` (so that recomputing replaces it).
pub fn computed_benchmark_key(network: &str) -> String {
    format!("published-{network}")
}

fn item(key: &str, field: &str, domain: &str) -> RatedItem {
    RatedItem {
        key: key.to_owned(),
        field: field.to_owned(),
        domain: domain.to_owned(),
    }
}

#[cfg(test)]
mod tests;
