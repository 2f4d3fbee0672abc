//! A plain bit set over a segment's documents: the matching set of a search is built, combined
//! and walked as one, and postings are poured into it a block at a time.

use tantivy::DocId;
use tantivy::postings::BlockSegmentPostings;

/// One bit per document of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bits {
    words: Vec<u64>,
    len: u32,
}

impl Bits {
    pub(crate) fn empty(len: u32) -> Bits {
        Bits {
            words: vec![0; (len as usize).div_ceil(64)],
            len,
        }
    }

    pub(crate) fn full(len: u32) -> Bits {
        let mut bits = Bits {
            words: vec![u64::MAX; (len as usize).div_ceil(64)],
            len,
        };
        bits.clear_tail();
        bits
    }

    /// Drops the bits past `len` in the last word.
    fn clear_tail(&mut self) {
        let used = self.len % 64;
        if used != 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << used) - 1;
        }
    }

    #[inline]
    pub(crate) fn insert(&mut self, doc: DocId) {
        if let Some(word) = self.words.get_mut((doc / 64) as usize) {
            *word |= 1 << (doc % 64);
        }
    }

    #[inline]
    pub(crate) fn contains(&self, doc: DocId) -> bool {
        self.words
            .get((doc / 64) as usize)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    pub(crate) fn count(&self) -> u64 {
        self.words.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// How many documents are in both.
    pub(crate) fn and_count(&self, other: &Bits) -> u64 {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(w, o)| u64::from((w & o).count_ones()))
            .sum()
    }

    /// Adds the documents of `other`.
    pub(crate) fn or(&mut self, other: &Bits) {
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w |= o;
        }
    }

    /// Keeps the documents also in `other`.
    pub(crate) fn and(&mut self, other: &Bits) {
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w &= o;
        }
    }

    /// The documents of `self` not in `other`.
    pub(crate) fn minus(&self, other: &Bits) -> Bits {
        Bits {
            words: self
                .words
                .iter()
                .zip(&other.words)
                .map(|(w, o)| w & !o)
                .collect(),
            len: self.len,
        }
    }

    /// Adds every document of a posting list.
    pub(crate) fn insert_postings(&mut self, mut postings: BlockSegmentPostings) {
        loop {
            let docs = postings.docs();
            if docs.is_empty() {
                break;
            }
            for doc in docs {
                self.insert(*doc);
            }
            postings.advance();
        }
    }

    /// The documents, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = DocId> + '_ {
        self.words.iter().enumerate().flat_map(|(i, word)| {
            let base = (i as u32) * 64;
            let mut word = *word;
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let bit = word.trailing_zeros();
                word &= word - 1;
                Some(base + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        #[test]
        fn behaves_like_a_set(
            len in 0u32..300,
            a in proptest::collection::btree_set(0u32..320, 0..80),
            b in proptest::collection::btree_set(0u32..320, 0..80),
        ) {
            let a: BTreeSet<u32> = a.into_iter().filter(|d| *d < len).collect();
            let b: BTreeSet<u32> = b.into_iter().filter(|d| *d < len).collect();
            let of = |set: &BTreeSet<u32>| {
                let mut bits = Bits::empty(len);
                set.iter().for_each(|d| bits.insert(*d));
                bits
            };
            let (bits_a, bits_b) = (of(&a), of(&b));
            prop_assert_eq!(bits_a.iter().collect::<BTreeSet<_>>(), a.clone());
            prop_assert_eq!(bits_a.count(), a.len() as u64);
            prop_assert_eq!(bits_a.is_empty(), a.is_empty());
            let mut and = bits_a.clone();
            and.and(&bits_b);
            prop_assert_eq!(and.iter().collect::<BTreeSet<_>>(), a.intersection(&b).copied().collect());
            prop_assert_eq!(bits_a.and_count(&bits_b), and.count());
            let mut or = bits_a.clone();
            or.or(&bits_b);
            prop_assert_eq!(or.iter().collect::<BTreeSet<_>>(), a.union(&b).copied().collect());
            prop_assert_eq!(bits_a.minus(&bits_b).iter().collect::<BTreeSet<_>>(), a.difference(&b).copied().collect());
            let full = Bits::full(len);
            prop_assert_eq!(full.count(), u64::from(len));
            prop_assert_eq!(full.minus(&bits_a).count(), u64::from(len) - a.len() as u64);
            prop_assert!(!bits_a.contains(len + 5));
        }
    }
}
