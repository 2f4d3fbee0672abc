//! Aggregation of workshop answers into results per item, field and domain.
//!
//! The rules:
//! - Items (fields, or actions within fields) come in framework order, and every list of the
//!   results keeps that order (fields and domains in the order they first appear).
//! - Only scores on the scale count: a score outside `min..=max`, or an answer for an item that
//!   is not rated, is ignored (validation refuses them earlier; aggregation never yields a
//!   number outside the scale). An ignored score counts as unanswered; a "not applicable"
//!   answer is counted as such even where the scale does not offer it.
//! - "Not applicable / don't know" answers are counted apart and never enter a mean, median,
//!   spread or distribution.
//! - For each item, `count + not_applicable + unanswered` equals the number of responses.
//! - An item nobody scored has no mean, median, spread, minimum or maximum (`None`, shown as
//!   empty, never as 0). The median of an even count is the mean of the two middle scores; the
//!   spread is the population standard deviation.
//! - A field's mean is the mean of its rated items' means (for action-level rating, of its
//!   actions' means; each item counts once, whatever its number of scores); a domain's mean is
//!   the mean of its rated items' means. A group without a rated item has no mean.
//! - A field's consensus is the score the group agreed on (none when it agreed on "not
//!   applicable" or on a score outside the scale); a domain's consensus is the mean of its
//!   fields' consensus scores, where given.
//! - A sector's mean is the mean of all the scores its participants gave; every sector is
//!   listed, in `Sector::ALL` order, even with no response.
//! - A field's value (what the radar draws, and what benchmarks average) is its consensus
//!   score where there is one, its mean otherwise.
//! - Disagreements are the items with at least two scores and a spread above zero, highest
//!   spread first (ties in framework order), at most ten.
//!
//! Scores are small integers, so each item is summarised from its histogram: the work is one
//! pass over the answers plus one pass over each item's histogram.

mod benchmark;
mod stats;
#[cfg(test)]
mod tests;

use crate::assessments::{Answer, ScoreRange, Sector};
use serde::{Deserialize, Serialize};
use stats::{mean_of, summarize};
use std::collections::BTreeMap;

pub use benchmark::{
    Candidate, ComputedBenchmark, average_field_values, counts_for_benchmark, is_current_member,
};
pub use stats::{Deviation, StrengthsWeaknesses, strengths_and_weaknesses};

/// The most disagreements listed.
pub const MAX_DISAGREEMENTS: usize = 10;

/// One item being rated, with the field and domain it belongs to. For field-level rating,
/// `key == field`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatedItem {
    pub key: String,
    pub field: String,
    pub domain: String,
}

/// One participant's answers, by item key.
#[derive(Debug, Clone, Copy)]
pub struct ResponseAnswers<'a> {
    pub sector: Sector,
    pub answers: &'a BTreeMap<String, Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemStats {
    pub key: String,
    pub field: String,
    pub domain: String,
    /// How many scores on the scale.
    pub count: u32,
    pub not_applicable: u32,
    pub unanswered: u32,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// Population standard deviation.
    pub spread: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
    /// One count per scale value, from `min` to `max` of the scale.
    pub distribution: Vec<u32>,
}

/// A field or a domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupStats {
    pub key: String,
    pub items: u32,
    /// How many of its items have at least one score.
    pub rated_items: u32,
    /// The mean of its rated items' means.
    pub mean: Option<f64>,
    pub consensus: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorStats {
    pub sector: Sector,
    pub responses: u32,
    /// The mean of all the scores the sector's participants gave.
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    pub key: String,
    pub spread: f64,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub responses: u32,
    pub items: Vec<ItemStats>,
    pub fields: Vec<GroupStats>,
    pub domains: Vec<GroupStats>,
    pub sectors: Vec<SectorStats>,
    pub disagreements: Vec<Disagreement>,
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(Default, Clone, Copy)]
struct SectorTally {
    responses: u32,
    sum: u64,
    scores: u64,
}

/// Aggregates the responses to `items` on the scale `range`, with the consensus scores by field.
pub fn compute(
    range: &ScoreRange,
    items: &[RatedItem],
    responses: &[ResponseAnswers<'_>],
    consensus: &BTreeMap<String, Answer>,
) -> Results {
    let width = range.len();
    let mut histograms = vec![0u32; items.len() * width];
    let mut not_applicable = vec![0u32; items.len()];
    let mut sectors = [SectorTally::default(); Sector::ALL.len()];

    // Item keys sorted, to walk each response's (sorted) answers alongside them.
    let mut index: Vec<(&str, usize)> = items
        .iter()
        .enumerate()
        .map(|(position, item)| (item.key.as_str(), position))
        .collect();
    index.sort_unstable();

    for response in responses {
        let sector_position = Sector::ALL
            .iter()
            .position(|sector| *sector == response.sector)
            .unwrap_or(0);
        let mut tally = sectors.get(sector_position).copied().unwrap_or_default();
        tally.responses = tally.responses.saturating_add(1);
        let mut next = 0;
        for (key, answer) in response.answers {
            while index.get(next).is_some_and(|(k, _)| *k < key.as_str()) {
                next += 1;
            }
            let mut known = false;
            while let Some((_, position)) = index.get(next).filter(|(k, _)| *k == key.as_str()) {
                known = true;
                next += 1;
                match answer {
                    Answer::Score(score) if range.contains(*score) => {
                        let bin = position * width + usize::from(score - range.min);
                        if let Some(count) = histograms.get_mut(bin) {
                            *count = count.saturating_add(1);
                        }
                    }
                    Answer::NotApplicable => {
                        if let Some(count) = not_applicable.get_mut(*position) {
                            *count = count.saturating_add(1);
                        }
                    }
                    Answer::Score(_) => {}
                }
            }
            if let (true, Answer::Score(score)) = (known, answer)
                && range.contains(*score)
            {
                tally.sum += u64::from(*score);
                tally.scores += 1;
            }
        }
        if let Some(slot) = sectors.get_mut(sector_position) {
            *slot = tally;
        }
    }

    let total = count_u32(responses.len());
    let item_stats: Vec<ItemStats> = items
        .iter()
        .enumerate()
        .map(|(position, item)| {
            let distribution = histograms
                .get(position * width..(position + 1) * width)
                .unwrap_or_default()
                .to_vec();
            let summary = summarize(&distribution, range.min);
            let na = not_applicable.get(position).copied().unwrap_or(0);
            ItemStats {
                key: item.key.clone(),
                field: item.field.clone(),
                domain: item.domain.clone(),
                count: summary.count,
                not_applicable: na,
                unanswered: total.saturating_sub(summary.count).saturating_sub(na),
                mean: summary.mean,
                median: summary.median,
                spread: summary.spread,
                min: summary.min,
                max: summary.max,
                distribution,
            }
        })
        .collect();

    let fields = group(
        &item_stats,
        |item| &item.field,
        |field| match consensus.get(field) {
            Some(Answer::Score(score)) if range.contains(*score) => Some(f64::from(*score)),
            _ => None,
        },
    );
    // Each field belongs to the domain of its first item.
    let field_domains: Vec<(&str, Option<f64>)> = fields
        .iter()
        .filter_map(|field| {
            let item = item_stats.iter().find(|item| item.field == field.key)?;
            Some((item.domain.as_str(), field.consensus))
        })
        .collect();
    let domains = group(
        &item_stats,
        |item| &item.domain,
        |domain| {
            mean_of(
                field_domains
                    .iter()
                    .filter(|(key, _)| *key == domain)
                    .filter_map(|(_, agreed)| *agreed),
            )
        },
    );

    Results {
        responses: total,
        disagreements: disagreements(&item_stats),
        items: item_stats,
        fields,
        domains,
        sectors: Sector::ALL
            .iter()
            .zip(sectors)
            .map(|(sector, tally)| SectorStats {
                sector: *sector,
                responses: tally.responses,
                mean: (tally.scores > 0).then(|| tally.sum as f64 / tally.scores as f64),
            })
            .collect(),
    }
}

/// The value of each field, in order: the agreed score where there is one, the participants'
/// mean otherwise (`None` when neither).
pub fn field_values(results: &Results) -> Vec<(String, Option<f64>)> {
    results
        .fields
        .iter()
        .map(|f| (f.key.clone(), f.consensus.or(f.mean)))
        .collect()
}

/// Groups items by a key, in order of first appearance; `consensus` gives a group's agreed
/// score from its key.
fn group<'a>(
    items: &'a [ItemStats],
    key: impl Fn(&'a ItemStats) -> &'a String,
    consensus: impl Fn(&str) -> Option<f64>,
) -> Vec<GroupStats> {
    let mut groups: Vec<(&String, Vec<&ItemStats>)> = Vec::new();
    let mut positions: BTreeMap<&String, usize> = BTreeMap::new();
    for item in items {
        let group_key = key(item);
        match positions.get(group_key).and_then(|p| groups.get_mut(*p)) {
            Some((_, members)) => members.push(item),
            None => {
                positions.insert(group_key, groups.len());
                groups.push((group_key, vec![item]));
            }
        }
    }
    groups
        .into_iter()
        .map(|(group_key, members)| GroupStats {
            key: group_key.clone(),
            items: count_u32(members.len()),
            rated_items: count_u32(members.iter().filter(|m| m.mean.is_some()).count()),
            mean: mean_of(members.iter().filter_map(|m| m.mean)),
            consensus: consensus(group_key),
        })
        .collect()
}

fn disagreements(items: &[ItemStats]) -> Vec<Disagreement> {
    let mut found: Vec<Disagreement> = items
        .iter()
        .filter(|item| item.count >= 2)
        .filter_map(|item| {
            item.spread
                .filter(|spread| *spread > 0.0)
                .map(|spread| Disagreement {
                    key: item.key.clone(),
                    spread,
                    count: item.count,
                })
        })
        .collect();
    found.sort_by(|a, b| b.spread.total_cmp(&a.spread));
    found.truncate(MAX_DISAGREEMENTS);
    found
}
