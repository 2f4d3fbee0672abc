//! The framework file (TOML): parsed whole, every problem reported with its line, and written
//! back in a canonical form. The format is documented in `data/frameworks/README.md`.

use super::{
    Action, Domain, ExtraItem, Field, Framework, Module, Scale, ScaleLabel, Stage, Trilingual,
};
use crate::ProblemKey;
use crate::assessments::RatingLevel;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use toml::Spanned;

/// One problem of a framework file: where, a stable key, and what exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileProblem {
    pub line: usize,
    pub key: ProblemKey,
    pub detail: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = match self.key {
            ProblemKey::Syntax => "not valid TOML",
            ProblemKey::DuplicateKey => "this key is used twice",
            ProblemKey::MissingTranslation => "a required language is missing",
            ProblemKey::UnknownLanguage => "only en, fr and es are allowed",
            ProblemKey::EmptyText => "the text is empty",
            ProblemKey::InvalidKey => "keys are 1–64 letters, digits, '.', '_' or '-'",
            ProblemKey::UnknownSdg => "SDGs are numbered 1 to 17",
            ProblemKey::ScaleOutOfRange => {
                "the scale must run from a lower to a higher whole number within 0–100, at most 20 steps"
            }
            ProblemKey::ValueOutOfScale => "this value lies outside the scale",
            ProblemKey::StagesOverlap => "two stages share a value",
            ProblemKey::UnknownLevel => "the level must be \"field\" or \"action\"",
            ProblemKey::UnknownItem => "no domain, field or action has this key",
            ProblemKey::ItemBelowLevel => "an action cannot be rated in a field-level module",
            ProblemKey::UnknownParent => {
                "the parent must be a field (action level) or a domain (field level)"
            }
            ProblemKey::EmptyModule => "the module selects no item",
            ProblemKey::NoDomains => "a framework needs at least one domain with one field",
            _ => "invalid",
        };
        write!(f, "line {}: {reason}", self.line)?;
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}

pub(crate) type RawText = BTreeMap<String, String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    key: Spanned<String>,
    version: Spanned<String>,
    name: Spanned<RawText>,
    description: Option<Spanned<RawText>>,
    scale: Spanned<RawScale>,
    #[serde(default)]
    domains: Vec<Spanned<RawDomain>>,
    #[serde(default)]
    modules: Vec<Spanned<RawModule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    min: Spanned<i64>,
    max: Spanned<i64>,
    #[serde(default)]
    not_applicable: bool,
    #[serde(default)]
    stages: Vec<Spanned<RawStage>>,
    #[serde(default)]
    labels: Vec<Spanned<RawLabel>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    key: Spanned<String>,
    from: Spanned<i64>,
    to: Spanned<i64>,
    name: Spanned<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    value: Spanned<i64>,
    text: Spanned<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDomain {
    key: Spanned<String>,
    text: Spanned<RawText>,
    #[serde(default)]
    fields: Vec<Spanned<RawField>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    key: Spanned<String>,
    text: Spanned<RawText>,
    description: Option<Spanned<RawText>>,
    #[serde(default)]
    sdgs: Vec<Spanned<i64>>,
    #[serde(default)]
    actions: Vec<Spanned<RawAction>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAction {
    key: Spanned<String>,
    text: Spanned<RawText>,
    description: Option<Spanned<RawText>>,
    #[serde(default)]
    sdgs: Vec<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    key: Spanned<String>,
    name: Spanned<RawText>,
    level: Spanned<String>,
    #[serde(default)]
    items: Vec<Spanned<String>>,
    #[serde(default)]
    extra: Vec<Spanned<RawExtra>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExtra {
    key: Spanned<String>,
    parent: Spanned<String>,
    text: Spanned<RawText>,
}

/// Gathers problems while a file is read.
/// Reads the parts of a TOML file (this one, and the indicator frameworks'), keeping every
/// problem with its line.
pub(crate) struct Reader<'a> {
    pub(crate) source: &'a str,
    pub(crate) problems: Vec<FileProblem>,
    pub(crate) keys: BTreeSet<String>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        Reader {
            source,
            problems: Vec::new(),
            keys: BTreeSet::new(),
        }
    }
}

impl Reader<'_> {
    fn line<T>(&self, spanned: &Spanned<T>) -> usize {
        line_of(self.source, spanned.span().start)
    }

    pub(crate) fn problem<T>(
        &mut self,
        at: &Spanned<T>,
        key: ProblemKey,
        detail: impl Into<String>,
    ) {
        let line = self.line(at);
        self.problems.push(FileProblem {
            line,
            key,
            detail: detail.into(),
        });
    }

    pub(crate) fn text(&mut self, raw: &Spanned<RawText>) -> Trilingual {
        for (lang, value) in raw.get_ref() {
            if !matches!(lang.as_str(), "en" | "fr" | "es") {
                self.problem(raw, ProblemKey::UnknownLanguage, lang.clone());
            } else if value.trim().is_empty() {
                self.problem(raw, ProblemKey::EmptyText, lang.clone());
            }
        }
        let mut get = |lang: &str| match raw.get_ref().get(lang) {
            Some(value) => value.trim().to_owned(),
            None => {
                self.problem(raw, ProblemKey::MissingTranslation, lang);
                String::new()
            }
        };
        Trilingual {
            en: get("en"),
            fr: get("fr"),
            es: get("es"),
        }
    }

    /// Checks a key's spelling and that no other item of the file uses it.
    pub(crate) fn key(&mut self, raw: &Spanned<String>) -> String {
        let key = raw.get_ref().trim().to_owned();
        if !valid_key(&key) {
            self.problem(raw, ProblemKey::InvalidKey, key.clone());
        } else if !self.keys.insert(key.clone()) {
            self.problem(raw, ProblemKey::DuplicateKey, key.clone());
        }
        key
    }

    fn sdgs(&mut self, raw: &[Spanned<i64>]) -> Vec<u8> {
        let mut sdgs = Vec::new();
        for sdg in raw {
            match u8::try_from(*sdg.get_ref()) {
                Ok(number @ 1..=17) if !sdgs.contains(&number) => sdgs.push(number),
                Ok(1..=17) => {}
                _ => self.problem(sdg, ProblemKey::UnknownSdg, sdg.get_ref().to_string()),
            }
        }
        sdgs
    }

    fn scale_value(&mut self, raw: &Spanned<i64>, min: u8, max: u8) -> u8 {
        match u8::try_from(*raw.get_ref()) {
            Ok(value) if (min..=max).contains(&value) => value,
            _ => {
                self.problem(raw, ProblemKey::ValueOutOfScale, format!("{min}–{max}"));
                min
            }
        }
    }
}

pub(crate) fn valid_key(key: &str) -> bool {
    let mut chars = key.chars();
    key.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

pub(crate) fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Reads a TOML file into its raw form; a syntax error is a problem with its line.
pub(crate) fn read_toml<T: serde::de::DeserializeOwned>(
    source: &str,
) -> Result<T, Vec<FileProblem>> {
    toml::from_str(source).map_err(|error| {
        let line = error.span().map_or(1, |span| line_of(source, span.start));
        vec![FileProblem {
            line,
            key: ProblemKey::Syntax,
            detail: error.message().trim().to_owned(),
        }]
    })
}

/// Reads a framework file; either the whole framework or every problem found, by line.
pub fn parse_toml(source: &str) -> Result<Framework, Vec<FileProblem>> {
    let raw: RawFile = read_toml(source)?;
    let mut reader = Reader::new(source);
    let key = reader.key(&raw.key);
    reader.keys.clear();
    let version = raw.version.get_ref().trim().to_owned();
    if !valid_key(&version) || version.len() > 32 {
        reader.problem(&raw.version, ProblemKey::InvalidKey, version.clone());
    }
    let name = reader.text(&raw.name);
    let description = raw.description.as_ref().map(|text| reader.text(text));
    let scale = read_scale(&mut reader, &raw.scale);
    let domains = read_domains(&mut reader, &raw.domains);
    if domains.iter().all(|domain| domain.fields.is_empty()) {
        reader.problem(&raw.key, ProblemKey::NoDomains, "");
    }
    let mut framework = Framework {
        key,
        version,
        name,
        description,
        scale,
        domains,
        modules: Vec::new(),
    };
    for module in &raw.modules {
        let module = read_module(&mut reader, &framework, module);
        framework.modules.push(module);
    }
    if reader.problems.is_empty() {
        Ok(framework)
    } else {
        reader.problems.sort_by_key(|problem| problem.line);
        Err(reader.problems)
    }
}

fn read_scale(reader: &mut Reader<'_>, raw: &Spanned<RawScale>) -> Scale {
    let scale = raw.get_ref();
    let (min, max) = match (
        u8::try_from(*scale.min.get_ref()),
        u8::try_from(*scale.max.get_ref()),
    ) {
        (Ok(min), Ok(max)) if min < max && max <= 100 && max - min <= 20 => (min, max),
        _ => {
            let detail = format!("{}–{}", scale.min.get_ref(), scale.max.get_ref());
            reader.problem(raw, ProblemKey::ScaleOutOfRange, detail);
            (0, 1)
        }
    };
    let mut stages: Vec<Stage> = Vec::new();
    let mut stage_keys = BTreeSet::new();
    for raw_stage in &scale.stages {
        let stage = raw_stage.get_ref();
        let key = stage.key.get_ref().trim().to_owned();
        if !valid_key(&key) {
            reader.problem(&stage.key, ProblemKey::InvalidKey, key.clone());
        } else if !stage_keys.insert(key.clone()) {
            reader.problem(&stage.key, ProblemKey::DuplicateKey, key.clone());
        }
        let from = reader.scale_value(&stage.from, min, max);
        let to = reader.scale_value(&stage.to, min, max);
        if from > to {
            reader.problem(
                &stage.to,
                ProblemKey::ValueOutOfScale,
                format!("{from}–{max}"),
            );
        }
        if stages
            .iter()
            .any(|other| from <= other.to && other.from <= to)
        {
            reader.problem(raw_stage, ProblemKey::StagesOverlap, key.clone());
        }
        let name = reader.text(&stage.name);
        stages.push(Stage {
            key,
            from,
            to,
            name,
        });
    }
    let mut labels: Vec<ScaleLabel> = Vec::new();
    for raw_label in &scale.labels {
        let label = raw_label.get_ref();
        let value = reader.scale_value(&label.value, min, max);
        if labels.iter().any(|other| other.value == value) {
            reader.problem(&label.value, ProblemKey::DuplicateKey, value.to_string());
        }
        let text = reader.text(&label.text);
        labels.push(ScaleLabel { value, text });
    }
    Scale {
        min,
        max,
        not_applicable: scale.not_applicable,
        stages,
        labels,
    }
}

fn read_domains(reader: &mut Reader<'_>, raw: &[Spanned<RawDomain>]) -> Vec<Domain> {
    let mut domains = Vec::new();
    for raw_domain in raw {
        let domain = raw_domain.get_ref();
        let key = reader.key(&domain.key);
        let text = reader.text(&domain.text);
        let mut fields = Vec::new();
        for raw_field in &domain.fields {
            let field = raw_field.get_ref();
            let key = reader.key(&field.key);
            let text = reader.text(&field.text);
            let description = field.description.as_ref().map(|d| reader.text(d));
            let sdgs = reader.sdgs(&field.sdgs);
            let mut actions = Vec::new();
            for raw_action in &field.actions {
                let action = raw_action.get_ref();
                actions.push(Action {
                    key: reader.key(&action.key),
                    text: reader.text(&action.text),
                    description: action.description.as_ref().map(|d| reader.text(d)),
                    sdgs: reader.sdgs(&action.sdgs),
                });
            }
            fields.push(Field {
                key,
                text,
                description,
                sdgs,
                actions,
            });
        }
        domains.push(Domain { key, text, fields });
    }
    domains
}

fn read_module(reader: &mut Reader<'_>, framework: &Framework, raw: &Spanned<RawModule>) -> Module {
    use super::Located;
    let module = raw.get_ref();
    // Modules have their own namespace: a module may share a domain's key.
    let key = module.key.get_ref().trim().to_owned();
    if !valid_key(&key) {
        reader.problem(&module.key, ProblemKey::InvalidKey, key.clone());
    } else if framework.modules.iter().any(|other| other.key == key) {
        reader.problem(&module.key, ProblemKey::DuplicateKey, key.clone());
    }
    let name = reader.text(&module.name);
    let level = match RatingLevel::parse(module.level.get_ref()) {
        Ok(level) => level,
        Err(_) => {
            reader.problem(
                &module.level,
                ProblemKey::UnknownLevel,
                module.level.get_ref().clone(),
            );
            RatingLevel::Field
        }
    };
    let mut items = Vec::new();
    for raw_item in &module.items {
        let item = raw_item.get_ref().trim().to_owned();
        match framework.locate(&item) {
            None => reader.problem(raw_item, ProblemKey::UnknownItem, item.clone()),
            Some(Located::Action(..)) if level == RatingLevel::Field => {
                reader.problem(raw_item, ProblemKey::ItemBelowLevel, item.clone())
            }
            Some(_) if items.contains(&item) => {
                reader.problem(raw_item, ProblemKey::DuplicateKey, item.clone())
            }
            Some(_) => items.push(item),
        }
    }
    let mut extra = Vec::new();
    for raw_extra in &module.extra {
        let item = raw_extra.get_ref();
        let key = reader.key(&item.key);
        let parent = item.parent.get_ref().trim().to_owned();
        let fits = matches!(
            (level, framework.locate(&parent)),
            (RatingLevel::Field, Some(Located::Domain(_)))
                | (RatingLevel::Action, Some(Located::Field(..)))
        );
        if !fits {
            reader.problem(&item.parent, ProblemKey::UnknownParent, parent.clone());
        }
        let text = reader.text(&item.text);
        extra.push(ExtraItem { key, parent, text });
    }
    let built = Module {
        key,
        name,
        level,
        items,
        extra,
    };
    if reader.problems.is_empty() && framework.rated_items(&built).is_empty() {
        reader.problem(&module.key, ProblemKey::EmptyModule, built.key.clone());
    }
    built
}

#[derive(Serialize)]
struct OutFile<'a> {
    key: &'a str,
    version: &'a str,
    name: &'a Trilingual,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a Trilingual>,
    scale: &'a Scale,
    domains: &'a [Domain],
    modules: Vec<OutModule<'a>>,
}

#[derive(Serialize)]
struct OutModule<'a> {
    key: &'a str,
    name: &'a Trilingual,
    level: &'static str,
    items: &'a [String],
    extra: &'a [ExtraItem],
}

/// Writes a framework as a file that `parse_toml` reads back to the same framework.
pub fn to_toml(framework: &Framework) -> String {
    let file = OutFile {
        key: &framework.key,
        version: &framework.version,
        name: &framework.name,
        description: framework.description.as_ref(),
        scale: &framework.scale,
        domains: &framework.domains,
        modules: framework
            .modules
            .iter()
            .map(|module| OutModule {
                key: &module.key,
                name: &module.name,
                level: module.level.key(),
                items: &module.items,
                extra: &module.extra,
            })
            .collect(),
    };
    // Serialising plain strings, numbers and tables cannot fail.
    toml::to_string_pretty(&file).unwrap_or_default()
}
