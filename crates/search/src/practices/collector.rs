//! The one pass over the matching documents: it counts them, counts every facet value they
//! carry, and keeps the best `offset + limit` of them by relevance or date.

use super::snapshot::{SegmentData, Snapshot};
use std::cmp::Ordering;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, TantivyError};

/// A date as the high or low half of a ranking key: unix seconds clamped to `u32` (1970 to
/// 2106).
pub(crate) fn date_key(date: i64) -> u32 {
    u32::try_from(date.max(0)).unwrap_or(u32::MAX)
}

/// A score as the high or low half of a ranking key: non-negative finite floats order like
/// their bits.
fn score_key(score: Score) -> u32 {
    if score.is_finite() && score > 0.0 {
        score.to_bits()
    } else {
        0
    }
}

/// What decides the order of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ranking {
    /// Score, then date.
    Relevance,
    /// Date, then score.
    Newest,
}

/// One kept result.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub key: u64,
    pub address: DocAddress,
    pub score: Score,
}

fn better(a: &Ranked, b: &Ranked) -> Ordering {
    b.key.cmp(&a.key).then(a.address.cmp(&b.address))
}

/// The best `n` of a stream of documents arriving in address order (ties go to the first).
struct TopN {
    n: usize,
    buffer: Vec<Ranked>,
    threshold: Option<u64>,
}

impl TopN {
    fn new(n: usize) -> TopN {
        TopN {
            n,
            buffer: Vec::with_capacity(n.saturating_mul(2).min(4096)),
            threshold: None,
        }
    }

    #[inline]
    fn push(&mut self, ranked: Ranked) {
        if self.n == 0 || self.threshold.is_some_and(|t| ranked.key <= t) {
            return;
        }
        if self.buffer.len() >= self.n.saturating_mul(2) {
            self.truncate();
        }
        self.buffer.push(ranked);
    }

    /// Keeps the best `n`; later documents must beat the best one dropped.
    fn truncate(&mut self) {
        if self.buffer.len() <= self.n {
            return;
        }
        self.buffer.select_nth_unstable_by(self.n, better);
        self.threshold = self.buffer.get(self.n).map(|r| r.key);
        self.buffer.truncate(self.n);
    }

    fn into_sorted(mut self) -> Vec<Ranked> {
        self.truncate();
        self.buffer.sort_by(better);
        self.buffer
    }
}

/// What one segment (or all of them) yields.
pub(crate) struct Gathered {
    pub total: u64,
    /// By facet value id.
    pub counts: Vec<u32>,
    /// The best `offset + limit`, best first.
    pub top: Vec<Ranked>,
}

/// Counts, facet counts and top documents in one pass.
pub(crate) struct PracticeCollector {
    segments: Vec<Arc<SegmentData>>,
    num_values: usize,
    top_n: usize,
    ranking: Ranking,
    scoring: bool,
}

impl PracticeCollector {
    /// `scoring`: whether the query's scores mean anything (it has words).
    pub(crate) fn new(
        snapshot: &Snapshot,
        top_n: usize,
        ranking: Ranking,
        scoring: bool,
    ) -> PracticeCollector {
        PracticeCollector {
            segments: snapshot.segments.clone(),
            num_values: snapshot.values.len(),
            top_n,
            ranking,
            scoring,
        }
    }
}

pub(crate) struct PracticeSegmentCollector {
    data: Arc<SegmentData>,
    segment_ord: SegmentOrdinal,
    counts: Vec<u32>,
    total: u64,
    top: TopN,
    ranking: Ranking,
    scoring: bool,
}

impl Collector for PracticeCollector {
    type Fruit = Gathered;
    type Child = PracticeSegmentCollector;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<PracticeSegmentCollector> {
        let data = self
            .segments
            .get(segment_ord as usize)
            .filter(|d| d.segment_id == reader.segment_id())
            .cloned()
            .ok_or_else(|| {
                TantivyError::InternalError("search snapshot out of step with its searcher".into())
            })?;
        Ok(PracticeSegmentCollector {
            data,
            segment_ord,
            counts: vec![0; self.num_values],
            total: 0,
            top: TopN::new(self.top_n),
            ranking: self.ranking,
            scoring: self.scoring,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<Gathered>) -> tantivy::Result<Gathered> {
        let mut merged = Gathered {
            total: 0,
            counts: vec![0; self.num_values],
            top: Vec::new(),
        };
        for fruit in fruits {
            merged.total += fruit.total;
            for (sum, count) in merged.counts.iter_mut().zip(&fruit.counts) {
                *sum += count;
            }
            merged.top.extend(fruit.top);
        }
        merged.top.sort_by(better);
        merged.top.truncate(self.top_n);
        Ok(merged)
    }
}

impl SegmentCollector for PracticeSegmentCollector {
    type Fruit = Gathered;

    #[inline]
    fn collect(&mut self, doc: DocId, score: Score) {
        self.total += 1;
        for id in self.data.facet_ids(doc) {
            if let Some(count) = self.counts.get_mut(*id as usize) {
                *count += 1;
            }
        }
        let date = u64::from(date_key(self.data.date(doc)));
        let score = if self.scoring { score } else { 0.0 };
        let key = match self.ranking {
            Ranking::Relevance => (u64::from(score_key(score)) << 32) | date,
            Ranking::Newest => (date << 32) | u64::from(score_key(score)),
        };
        self.top.push(Ranked {
            key,
            address: DocAddress::new(self.segment_ord, doc),
            score,
        });
    }

    fn harvest(self) -> Gathered {
        Gathered {
            total: self.total,
            counts: self.counts,
            top: self.top.into_sorted(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_n_keeps_the_best_and_breaks_ties_by_address() {
        let mut top = TopN::new(3);
        let keys = [5u64, 1, 9, 5, 7, 5, 2, 9, 0, 5];
        for (doc, key) in keys.iter().enumerate() {
            top.push(Ranked {
                key: *key,
                address: DocAddress::new(0, doc as DocId),
                score: 0.0,
            });
        }
        let kept: Vec<(u64, DocId)> = top
            .into_sorted()
            .iter()
            .map(|r| (r.key, r.address.doc_id))
            .collect();
        assert_eq!(kept, vec![(9, 2), (9, 7), (7, 4)]);
    }

    #[test]
    fn keys_order_like_their_values() {
        assert!(score_key(2.5) > score_key(0.5));
        assert_eq!(score_key(f32::NAN), 0);
        assert_eq!(score_key(-1.0), 0);
        assert_eq!(date_key(-5), 0);
        assert_eq!(date_key(i64::MAX), u32::MAX);
        assert!(date_key(1_700_000_000) > date_key(1_600_000_000));
    }
}
