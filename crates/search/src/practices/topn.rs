//! Ranking keys (score then date, or date alone, in one `u64`) and the bounded selection of
//! the best `offset + limit` documents.

use std::cmp::Ordering;
use tantivy::{DocAddress, Score};

/// A date as the high or low half of a ranking key: unix seconds clamped to `u32` (1970 to
/// 2106).
pub(crate) fn date_key(date: i64) -> u32 {
    u32::try_from(date.max(0)).unwrap_or(u32::MAX)
}

/// A score as the high half of a ranking key: non-negative finite floats order like their
/// bits.
pub(crate) fn score_key(score: Score) -> u32 {
    if score.is_finite() && score > 0.0 {
        score.to_bits()
    } else {
        0
    }
}

/// The key of a document ranked by relevance: score, then date.
pub(crate) fn relevance_key(score: Score, date: i64) -> u64 {
    (u64::from(score_key(score)) << 32) | u64::from(date_key(date))
}

/// The key of a document ranked by date.
pub(crate) fn date_only_key(date: i64) -> u64 {
    u64::from(date_key(date)) << 32
}

/// One kept result.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub key: u64,
    pub address: DocAddress,
    pub score: Score,
}

pub(crate) fn better(a: &Ranked, b: &Ranked) -> Ordering {
    b.key.cmp(&a.key).then(a.address.cmp(&b.address))
}

/// The best `n` of a stream of documents arriving in address order (ties go to the first).
pub(crate) struct TopN {
    n: usize,
    buffer: Vec<Ranked>,
    threshold: Option<u64>,
}

impl TopN {
    pub(crate) fn new(n: usize) -> TopN {
        TopN {
            n,
            buffer: Vec::with_capacity(n.saturating_mul(2).min(4096)),
            threshold: None,
        }
    }

    /// Whether a document whose key is at most `bound` could be kept.
    #[inline]
    pub(crate) fn may_take(&self, bound: u64) -> bool {
        self.n != 0 && self.threshold.is_none_or(|t| bound > t)
    }

    #[inline]
    pub(crate) fn push(&mut self, ranked: Ranked) {
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

    pub(crate) fn into_sorted(mut self) -> Vec<Ranked> {
        self.truncate();
        self.buffer.sort_by(better);
        self.buffer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::DocId;

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
        let mut none = TopN::new(0);
        none.push(Ranked {
            key: 1,
            address: DocAddress::new(0, 0),
            score: 0.0,
        });
        assert!(none.into_sorted().is_empty());
    }

    #[test]
    fn keys_order_like_their_values() {
        assert!(score_key(2.5) > score_key(0.5));
        assert_eq!(score_key(f32::NAN), 0);
        assert_eq!(score_key(-1.0), 0);
        assert_eq!(date_key(-5), 0);
        assert_eq!(date_key(i64::MAX), u32::MAX);
        assert!(date_key(1_700_000_000) > date_key(1_600_000_000));
        assert!(relevance_key(1.0, 0) > relevance_key(0.5, 2_000_000_000));
        assert!(relevance_key(1.0, 2) > relevance_key(1.0, 1));
        assert!(date_only_key(2) > date_only_key(1));
    }
}
