//! Small statistics for results: summaries of a score histogram, bounded means, and the
//! strengths and weaknesses of a set of values against their own mean and a benchmark.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The statistics of one histogram of scores (one count per scale value from `min`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Summary {
    pub count: u32,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub spread: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
}

fn value_at(min: u8, offset: usize) -> u8 {
    u8::try_from(offset).map_or(u8::MAX, |offset| min.saturating_add(offset))
}

/// The value at a 0-based position of the sorted scores the histogram stands for.
fn nth(histogram: &[u32], min: u8, position: u64) -> Option<u8> {
    let mut seen = 0u64;
    for (offset, count) in histogram.iter().enumerate() {
        seen += u64::from(*count);
        if seen > position {
            return Some(value_at(min, offset));
        }
    }
    None
}

/// Summarises a histogram: `histogram[i]` counts the scores equal to `min + i`.
pub(crate) fn summarize(histogram: &[u32], min: u8) -> Summary {
    let mut count = 0u64;
    let mut sum = 0u64;
    for (offset, n) in histogram.iter().enumerate() {
        count += u64::from(*n);
        sum += u64::from(*n) * u64::from(value_at(min, offset));
    }
    if count == 0 {
        return Summary::default();
    }
    let lowest = histogram
        .iter()
        .position(|n| *n > 0)
        .map(|offset| value_at(min, offset));
    let highest = histogram
        .iter()
        .rposition(|n| *n > 0)
        .map(|offset| value_at(min, offset));
    // Exact integer sums divided once: the mean can never leave [lowest, highest].
    let total = count as f64;
    let mean = sum as f64 / total;
    let median = match (
        nth(histogram, min, (count - 1) / 2),
        nth(histogram, min, count / 2),
    ) {
        (Some(low), Some(high)) => Some((f64::from(low) + f64::from(high)) / 2.0),
        _ => None,
    };
    let squares: f64 = histogram
        .iter()
        .enumerate()
        .map(|(offset, n)| {
            let distance = f64::from(value_at(min, offset)) - mean;
            f64::from(*n) * distance * distance
        })
        .sum();
    Summary {
        count: u32::try_from(count).unwrap_or(u32::MAX),
        mean: Some(mean),
        median,
        spread: Some((squares / total).sqrt()),
        min: lowest,
        max: highest,
    }
}

/// The mean of the finite values, kept within their own lowest and highest value so that
/// rounding never takes it outside them; `None` when there is none.
pub(crate) fn mean_of(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut sum = 0.0;
    let mut count = 0u32;
    let mut lowest = f64::INFINITY;
    let mut highest = f64::NEG_INFINITY;
    for value in values.into_iter().filter(|value| value.is_finite()) {
        sum += value;
        count = count.saturating_add(1);
        lowest = lowest.min(value);
        highest = highest.max(value);
    }
    (count > 0).then(|| (sum / f64::from(count)).max(lowest).min(highest))
}

/// How far one value stands from the set's own mean and from a benchmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deviation {
    pub key: String,
    pub value: f64,
    pub from_own_mean: f64,
    pub from_benchmark: Option<f64>,
}

/// The values furthest above (strengths) and below (weaknesses) the set's own mean.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StrengthsWeaknesses {
    pub strengths: Vec<Deviation>,
    pub weaknesses: Vec<Deviation>,
}

/// Picks the `n` values furthest above the own mean (the mean of the present values) as
/// strengths, furthest first, and the `n` furthest below as weaknesses; values equal to the
/// mean are neither. Ties keep the input order. Missing and non-finite values are skipped, and
/// `from_benchmark` is given where the benchmark has a finite value for the key.
pub fn strengths_and_weaknesses(
    values: &[(String, Option<f64>)],
    benchmark: Option<&BTreeMap<String, f64>>,
    n: usize,
) -> StrengthsWeaknesses {
    let present: Vec<(&String, f64)> = values
        .iter()
        .filter_map(|(key, value)| value.filter(|v| v.is_finite()).map(|v| (key, v)))
        .collect();
    let Some(own_mean) = mean_of(present.iter().map(|(_, value)| *value)) else {
        return StrengthsWeaknesses::default();
    };
    let deviations: Vec<Deviation> = present
        .into_iter()
        .map(|(key, value)| Deviation {
            key: key.clone(),
            value,
            from_own_mean: value - own_mean,
            from_benchmark: benchmark
                .and_then(|benchmark| benchmark.get(key))
                .filter(|b| b.is_finite())
                .map(|b| value - b),
        })
        .collect();
    let mut strengths: Vec<Deviation> = deviations
        .iter()
        .filter(|d| d.from_own_mean > 0.0)
        .cloned()
        .collect();
    strengths.sort_by(|a, b| b.from_own_mean.total_cmp(&a.from_own_mean));
    strengths.truncate(n);
    let mut weaknesses: Vec<Deviation> = deviations
        .into_iter()
        .filter(|d| d.from_own_mean < 0.0)
        .collect();
    weaknesses.sort_by(|a, b| a.from_own_mean.total_cmp(&b.from_own_mean));
    weaknesses.truncate(n);
    StrengthsWeaknesses {
        strengths,
        weaknesses,
    }
}
