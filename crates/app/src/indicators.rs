//! Indicator frameworks as use cases: the bundled ones (the UNESCO Culture|2030 Indicators),
//! read once and listed for anyone; what an action plan's items may name as their indicators.

pub mod goals;
pub mod report;
pub mod values;

use crate::Error;
use ateneu_domain::indicators::{Indicator, IndicatorFramework, bundled};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Every indicator framework, in the order they are bundled.
pub fn frameworks() -> Result<&'static [IndicatorFramework], Error> {
    static READ: OnceLock<Result<Vec<IndicatorFramework>, String>> = OnceLock::new();
    READ.get_or_init(|| {
        bundled().map_err(|problems| {
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        })
    })
    .as_deref()
    .map_err(|problems| Error::Internal(format!("a bundled indicator framework: {problems}")))
}

/// `framework:indicator` of every indicator (read once).
pub fn references() -> Result<&'static HashSet<String>, Error> {
    static REFERENCES: OnceLock<HashSet<String>> = OnceLock::new();
    let frameworks = frameworks()?;
    Ok(REFERENCES.get_or_init(|| {
        frameworks
            .iter()
            .flat_map(IndicatorFramework::references)
            .collect()
    }))
}

/// The indicator a `framework:indicator` reference names, with its framework (the last listed
/// of that key).
pub fn find(reference: &str) -> Option<(&'static IndicatorFramework, &'static Indicator)> {
    let (key, indicator) = reference.split_once(':')?;
    let framework = frameworks().ok()?.iter().rev().find(|f| f.key == key)?;
    Some((framework, framework.indicator(indicator)?))
}
