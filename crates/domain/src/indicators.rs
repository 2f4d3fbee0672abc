//! Indicator frameworks as versioned data, like assessment frameworks: the UNESCO Culture|2030
//! Indicators are bundled; each framework has thematic dimensions and indicators (a number, a
//! name in three languages, a unit, a direction, optional breakdowns and the SDG targets it
//! measures). The file format (TOML) is read whole, every problem with its line.

use crate::assessments::keyed_enum;
use crate::frameworks::Trilingual;
use crate::frameworks::file::{FileProblem, RawText, Reader};
use crate::programmes::action_plans::SdgTarget;
use crate::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// The indicator frameworks that come with the platform.
pub const BUNDLED: &[&str] = &[include_str!(
    "../../../data/indicators/culture2030-indicators.toml"
)];

keyed_enum!(
    /// Which way an indicator improves.
    Direction, ProblemKey::UnknownValue, {
        HigherIsBetter => "higher_is_better",
        LowerIsBetter => "lower_is_better",
        Neither => "neither",
    }
);

/// A thematic dimension of a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub key: String,
    pub name: Trilingual,
}

/// An indicator of a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub key: String,
    pub number: u32,
    /// The dimension's key.
    pub dimension: String,
    pub name: Trilingual,
    /// The unit its values are given in, when the framework sets one.
    pub unit: String,
    pub direction: Direction,
    /// What its values may be broken down by (sex, age group, district…).
    pub breakdowns: Vec<String>,
    pub sdg_targets: Vec<SdgTarget>,
}

/// An indicator framework, as read from its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorFramework {
    pub key: String,
    pub version: String,
    pub name: Trilingual,
    /// Where it comes from.
    pub source: String,
    pub dimensions: Vec<Dimension>,
    pub indicators: Vec<Indicator>,
}

impl IndicatorFramework {
    /// `framework:indicator` of each indicator: how plans and values name them.
    pub fn references(&self) -> impl Iterator<Item = String> + '_ {
        self.indicators
            .iter()
            .map(|i| format!("{}:{}", self.key, i.key))
    }

    pub fn indicator(&self, key: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.key == key)
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
    dimensions: Vec<Spanned<RawDimension>>,
    #[serde(default)]
    indicators: Vec<Spanned<RawIndicator>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDimension {
    key: Spanned<String>,
    name: Spanned<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    key: Spanned<String>,
    number: Spanned<i64>,
    dimension: Spanned<String>,
    name: Spanned<RawText>,
    #[serde(default)]
    unit: String,
    direction: Option<Spanned<String>>,
    #[serde(default)]
    breakdowns: Vec<Spanned<String>>,
    #[serde(default)]
    sdg_targets: Vec<Spanned<String>>,
}

/// Reads an indicator framework file; the whole framework or every problem, by line.
pub fn parse_toml(source: &str) -> Result<IndicatorFramework, Vec<FileProblem>> {
    let raw: RawFile = crate::frameworks::file::read_toml(source)?;
    let mut reader = Reader::new(source);
    let key = reader.key(&raw.key);
    reader.keys.clear();
    let version = raw.version.get_ref().trim().to_owned();
    if !crate::frameworks::file::valid_key(&version) || version.len() > 32 {
        reader.problem(&raw.version, ProblemKey::InvalidKey, version.clone());
    }
    let name = reader.text(&raw.name);
    let dimensions: Vec<Dimension> = raw
        .dimensions
        .iter()
        .map(|d| Dimension {
            key: reader.key(&d.get_ref().key),
            name: reader.text(&d.get_ref().name),
        })
        .collect();
    let mut indicators: Vec<Indicator> = Vec::new();
    for raw_indicator in &raw.indicators {
        let i = raw_indicator.get_ref();
        let key = reader.key(&i.key);
        let number = match u32::try_from(*i.number.get_ref()) {
            Ok(n) if n > 0 && !indicators.iter().any(|other| other.number == n) => n,
            _ => {
                reader.problem(
                    &i.number,
                    ProblemKey::DuplicateKey,
                    i.number.get_ref().to_string(),
                );
                0
            }
        };
        let dimension = i.dimension.get_ref().trim().to_owned();
        if !dimensions.iter().any(|d| d.key == dimension) {
            reader.problem(&i.dimension, ProblemKey::UnknownItem, dimension.clone());
        }
        let direction = match &i.direction {
            None => Direction::HigherIsBetter,
            Some(given) => Direction::parse(given.get_ref()).unwrap_or_else(|_| {
                reader.problem(given, ProblemKey::UnknownValue, given.get_ref().clone());
                Direction::HigherIsBetter
            }),
        };
        let mut breakdowns = Vec::new();
        for b in &i.breakdowns {
            let value = b.get_ref().trim().to_owned();
            if !crate::frameworks::file::valid_key(&value) || breakdowns.contains(&value) {
                reader.problem(b, ProblemKey::InvalidKey, value.clone());
            }
            breakdowns.push(value);
        }
        let mut sdg_targets = Vec::new();
        for t in &i.sdg_targets {
            match SdgTarget::parse(t.get_ref()) {
                Ok(target) => sdg_targets.push(target),
                Err(problem) => reader.problem(t, problem.key, t.get_ref().clone()),
            }
        }
        indicators.push(Indicator {
            key,
            number,
            dimension,
            name: reader.text(&i.name),
            unit: i.unit.trim().to_owned(),
            direction,
            breakdowns,
            sdg_targets,
        });
    }
    if indicators.is_empty() {
        reader.problem(&raw.key, ProblemKey::NoDomains, "");
    }
    let mut problems = reader.problems;
    if problems.is_empty() {
        Ok(IndicatorFramework {
            key,
            version,
            name,
            source: raw.source.trim().to_owned(),
            dimensions,
            indicators,
        })
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}

/// The bundled frameworks, read.
pub fn bundled() -> Result<Vec<IndicatorFramework>, Vec<FileProblem>> {
    BUNDLED.iter().map(|source| parse_toml(source)).collect()
}

pub mod goal;
pub mod progress;
pub mod tidy;
pub mod values;

#[cfg(test)]
mod tests;
