//! A city's values of an indicator: the series a city keeps for one indicator (its unit, its
//! baseline and target, who may see it, where its figures come from) and each observation in it
//! (a year, a breakdown such as sex or district, a value, its source and a note), parsed from a
//! form or a JSON body into types that are valid by construction.

use crate::assessments::Visibility;
use crate::{FieldErrors, Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The years a value may be given for.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// The largest magnitude a value may have (a finite number a person could type).
pub const MAX_MAGNITUDE: f64 = 1e15;
/// The most breakdown columns one observation has (sex, age group, district…).
pub const MAX_BREAKDOWNS: usize = 6;
/// The longest breakdown name and category.
pub const MAX_BREAKDOWN_TEXT: usize = 100;
/// The longest unit.
pub const MAX_UNIT: usize = 60;
/// The longest source.
pub const MAX_SOURCE: usize = 300;
/// The longest note.
pub const MAX_NOTE: usize = 1_000;
/// The most values one series holds.
pub const MAX_VALUES: usize = 5_000;

/// What an observation is broken down by: each breakdown's name and category (`sex` →
/// `female`), sorted by name; empty for the whole (the total).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Breakdown(BTreeMap<String, String>);

impl Breakdown {
    /// The whole, not broken down.
    pub fn total() -> Breakdown {
        Breakdown::default()
    }

    pub fn is_total(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// Builds one from (name, category) pairs; an empty category leaves that breakdown out.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Breakdown, Problem> {
        let mut map = BTreeMap::new();
        for (name, category) in pairs {
            let (name, category) = (name.trim(), category.trim());
            if category.is_empty() {
                continue;
            }
            if name.is_empty() {
                return Err(Problem::new(ProblemKey::Required));
            }
            for text in [name, category] {
                if text.chars().count() > MAX_BREAKDOWN_TEXT || text.chars().any(char::is_control) {
                    return Err(Problem::with_detail(
                        ProblemKey::TooLong,
                        MAX_BREAKDOWN_TEXT.to_string(),
                    ));
                }
            }
            if map.insert(name.to_owned(), category.to_owned()).is_some() {
                return Err(Problem::with_detail(ProblemKey::DuplicateKey, name));
            }
        }
        if map.len() > MAX_BREAKDOWNS {
            return Err(Problem::with_detail(
                ProblemKey::TooManyItems,
                MAX_BREAKDOWNS.to_string(),
            ));
        }
        Ok(Breakdown(map))
    }

    /// Reads `sex=female; age group=15-24` (empty: the total).
    pub fn parse(text: &str) -> Result<Breakdown, Problem> {
        let mut pairs = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, category) = part
                .split_once('=')
                .ok_or_else(|| Problem::with_detail(ProblemKey::InvalidBreakdown, part))?;
            if category.trim().is_empty() {
                return Err(Problem::with_detail(ProblemKey::InvalidBreakdown, part));
            }
            pairs.push((name, category));
        }
        Breakdown::from_pairs(pairs)
    }

    /// The form `parse` reads back (`age group=15-24; sex=female`).
    pub fn to_text(&self) -> String {
        self.iter()
            .map(|(name, category)| format!("{name}={category}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The key it is stored under: its JSON object, names sorted (`{}` for the total).
    pub fn storage_key(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Reads a stored key back (`None` for text that is not one).
    pub fn from_storage_key(key: &str) -> Option<Breakdown> {
        serde_json::from_str(key).ok().map(Breakdown)
    }
}

/// A year a value is given for.
pub fn parse_year(value: &str) -> Result<i32, Problem> {
    let value = value.trim();
    let year: i32 = value
        .parse()
        .map_err(|_| Problem::with_detail(ProblemKey::NotANumber, value))?;
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(Problem::with_detail(
            ProblemKey::OutOfRange,
            format!("{}–{}", YEARS.start(), YEARS.end()),
        ))
    }
}

/// A value as typed: a decimal number with a point or a comma (`12.5`, `12,5`, `-3`, `1e3`),
/// spaces between thousands allowed; finite and below `MAX_MAGNITUDE`.
pub fn parse_value(value: &str) -> Result<f64, Problem> {
    let trimmed = value.trim();
    let compact: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let normalised = if compact.contains(',') && !compact.contains('.') {
        compact.replacen(',', ".", 1)
    } else {
        compact
    };
    let number: f64 = normalised
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())
        .ok_or_else(|| Problem::with_detail(ProblemKey::NotANumber, trimmed))?;
    if number.abs() >= MAX_MAGNITUDE {
        return Err(Problem::with_detail(ProblemKey::OutOfRange, trimmed));
    }
    // `-0` is 0.
    Ok(number + 0.0)
}

fn bounded(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let value = value.trim();
    if value.chars().count() > max {
        errors.add(
            field,
            Problem::with_detail(ProblemKey::TooLong, max.to_string()),
        );
    }
    value.to_owned()
}

/// A year and a value: a baseline, a target, or an observation of the whole.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub year: i32,
    pub value: f64,
}

/// A number given as JSON or as text (a form's field), kept as text for its parser.
pub fn decimal_or_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Whole(i64),
        Decimal(f64),
        Text(String),
        Null(()),
    }
    Ok(match Given::deserialize(deserializer)? {
        Given::Whole(n) => n.to_string(),
        Given::Decimal(n) => n.to_string(),
        Given::Text(text) => text,
        Given::Null(()) => String::new(),
    })
}

/// A breakdown given as a JSON object (`{"sex": "female"}`) or as text (`sex=female`).
pub fn breakdown_or_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Map(BTreeMap<String, String>),
        Text(String),
        Null(()),
    }
    Ok(match Given::deserialize(deserializer)? {
        Given::Map(map) => map
            .iter()
            .map(|(name, category)| format!("{name}={category}"))
            .collect::<Vec<_>>()
            .join("; "),
        Given::Text(text) => text,
        Given::Null(()) => String::new(),
    })
}

/// The raw fields of a series' settings, from a form or a JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeriesInput {
    pub unit: String,
    #[serde(deserialize_with = "decimal_or_text")]
    pub baseline_year: String,
    #[serde(deserialize_with = "decimal_or_text")]
    pub baseline_value: String,
    #[serde(deserialize_with = "decimal_or_text")]
    pub target_year: String,
    #[serde(deserialize_with = "decimal_or_text")]
    pub target_value: String,
    /// `public`, `network` or `confidential`; empty: confidential.
    pub visibility: String,
    /// Where the figures come from, said once for the series.
    pub source: String,
    /// The revision the change was made on (empty for a series not kept yet).
    #[serde(deserialize_with = "decimal_or_text")]
    pub revision: String,
}

/// A series' settings, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesDraft {
    pub unit: String,
    pub baseline: Option<Point>,
    pub target: Option<Point>,
    pub visibility: Visibility,
    pub source: String,
    pub revision: Option<i64>,
}

impl SeriesDraft {
    /// The settings of a series a city has not set yet: confidential, nothing else.
    pub fn new_series(unit: &str) -> SeriesDraft {
        SeriesDraft {
            unit: unit.to_owned(),
            baseline: None,
            target: None,
            visibility: Visibility::Confidential,
            source: String::new(),
            revision: None,
        }
    }
}

fn point(errors: &mut FieldErrors, name: &str, year: &str, value: &str) -> Option<Point> {
    let (year_field, value_field) = (format!("{name}_year"), format!("{name}_value"));
    match (year.trim().is_empty(), value.trim().is_empty()) {
        (true, true) => None,
        (false, true) => {
            errors.add(&value_field, Problem::new(ProblemKey::Required));
            None
        }
        (true, false) => {
            errors.add(&year_field, Problem::new(ProblemKey::Required));
            None
        }
        (false, false) => {
            let year = errors.take(&year_field, parse_year(year));
            let value = errors.take(&value_field, parse_value(value));
            Some(Point {
                year: year?,
                value: value?,
            })
        }
    }
}

impl SeriesInput {
    pub fn parse(&self) -> Result<SeriesDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let unit = bounded(&mut errors, "unit", &self.unit, MAX_UNIT);
        let source = bounded(&mut errors, "source", &self.source, MAX_SOURCE);
        let baseline = point(
            &mut errors,
            "baseline",
            &self.baseline_year,
            &self.baseline_value,
        );
        let target = point(&mut errors, "target", &self.target_year, &self.target_value);
        if let (Some(baseline), Some(target)) = (baseline, target)
            && target.year <= baseline.year
        {
            errors.add(
                "target_year",
                Problem::new(ProblemKey::TargetBeforeBaseline),
            );
        }
        let visibility = match self.visibility.trim() {
            "" => Some(Visibility::Confidential),
            given => errors.take("visibility", Visibility::parse(given)),
        };
        let revision = match self.revision.trim() {
            "" => None,
            given => errors.take(
                "revision",
                given
                    .parse::<i64>()
                    .map_err(|_| Problem::with_detail(ProblemKey::NotANumber, given)),
            ),
        };
        match visibility {
            Some(visibility) if errors.is_empty() => Ok(SeriesDraft {
                unit,
                baseline,
                target,
                visibility,
                source,
                revision,
            }),
            _ => Err(errors),
        }
    }
}

/// The raw fields of one value, from a form or a JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ValueInput {
    #[serde(deserialize_with = "decimal_or_text")]
    pub year: String,
    /// `sex=female; age group=15-24`, or a JSON object; empty: the whole.
    #[serde(deserialize_with = "breakdown_or_text")]
    pub breakdown: String,
    #[serde(deserialize_with = "decimal_or_text")]
    pub value: String,
    pub source: String,
    pub note: String,
}

/// One observation, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueDraft {
    pub year: i32,
    pub breakdown: Breakdown,
    pub value: f64,
    pub source: String,
    pub note: String,
}

impl ValueInput {
    pub fn parse(&self) -> Result<ValueDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let year = if self.year.trim().is_empty() {
            errors.add("year", Problem::new(ProblemKey::Required));
            None
        } else {
            errors.take("year", parse_year(&self.year))
        };
        let breakdown = errors.take("breakdown", Breakdown::parse(&self.breakdown));
        let value = if self.value.trim().is_empty() {
            errors.add("value", Problem::new(ProblemKey::Required));
            None
        } else {
            errors.take("value", parse_value(&self.value))
        };
        let source = bounded(&mut errors, "source", &self.source, MAX_SOURCE);
        let note = bounded(&mut errors, "note", &self.note, MAX_NOTE);
        match (year, breakdown, value) {
            (Some(year), Some(breakdown), Some(value)) if errors.is_empty() => Ok(ValueDraft {
                year,
                breakdown,
                value,
                source,
                note,
            }),
            _ => Err(errors),
        }
    }
}

impl ValueDraft {
    /// Whether two values say the same (what a repeated import leaves unchanged).
    pub fn same_as(&self, other: &ValueDraft) -> bool {
        self.year == other.year
            && self.breakdown == other.breakdown
            && self.value.to_bits() == other.value.to_bits()
            && self.source == other.source
            && self.note == other.note
    }
}

/// The values of the whole (no breakdown), by year: what the progress status reads.
pub fn totals<'a>(values: impl IntoIterator<Item = &'a ValueDraft>) -> Vec<Point> {
    let mut points: Vec<Point> = values
        .into_iter()
        .filter(|v| v.breakdown.is_total())
        .map(|v| Point {
            year: v.year,
            value: v.value,
        })
        .collect();
    points.sort_by_key(|p| p.year);
    points
}

#[cfg(test)]
mod tests;
