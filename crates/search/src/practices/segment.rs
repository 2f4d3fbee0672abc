//! What a search needs of one segment, read once when the segment first appears and kept
//! while it lives: every document's facet values (as ids); every value's documents, as a bit
//! set for the values many documents share, else as a list; every document's practice id and
//! date. Facet counting over a set of documents lives here.

use super::IndexError;
use super::bits::Bits;
use super::facets::FacetValues;
use super::schema::Fields;
use std::collections::HashMap;
use tantivy::index::SegmentId;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, SegmentReader};

/// A value held by at least this share of a segment's documents (1 in …) keeps its documents
/// as a bit set (counting it over a set of documents: a few thousand word operations), other
/// values as a list (counting: a bit test per document holding it).
const DENSE_SHARE: u32 = 64;
/// Segments smaller than this keep no bit sets (small in tests, so that they have some).
const DENSE_MIN_DOCS: u32 = if cfg!(test) { 16 } else { 4_096 };
/// Relative costs, in word operations: reading the values of a document at random, per
/// value (a likely cache miss), and testing a bit of the set counted over.
const RANDOM_READ_COST: u64 = 30;
const BIT_TEST_COST: u64 = 2;

/// Per-document lists of value ids: the ids of document `d` are `ids[offsets[d]..offsets[d + 1]]`.
#[derive(Debug, Default)]
struct Lists {
    offsets: Vec<u32>,
    ids: Vec<u32>,
}

impl Lists {
    /// Lists from the documents of each value (`docs` in increasing order per value).
    fn build(max_doc: usize, values: &[(u32, &[DocId])]) -> Lists {
        let mut per_doc = vec![0u32; max_doc];
        for (_, docs) in values {
            for doc in *docs {
                if let Some(n) = per_doc.get_mut(*doc as usize) {
                    *n += 1;
                }
            }
        }
        let mut offsets = Vec::with_capacity(max_doc + 1);
        let mut total = 0u32;
        offsets.push(0);
        for n in &per_doc {
            total += n;
            offsets.push(total);
        }
        let mut fill: Vec<u32> = offsets.iter().take(max_doc).copied().collect();
        let mut ids = vec![0u32; total as usize];
        for (id, docs) in values {
            for doc in *docs {
                if let Some(slot) = fill.get_mut(*doc as usize) {
                    if let Some(cell) = ids.get_mut(*slot as usize) {
                        *cell = *id;
                    }
                    *slot += 1;
                }
            }
        }
        Lists { offsets, ids }
    }

    #[inline]
    fn of(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match (self.offsets.get(doc), self.offsets.get(doc + 1)) {
            (Some(start), Some(end)) => self
                .ids
                .get(*start as usize..*end as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// Average ids per document, in thousandths.
    fn per_doc_milli(&self) -> u64 {
        let docs = self.offsets.len().saturating_sub(1).max(1) as u64;
        self.ids.len() as u64 * 1000 / docs
    }
}

/// One segment's facet values, ids and dates. Deleted documents keep their entries: searches
/// only ever visit live ones.
#[derive(Debug)]
pub(crate) struct SegmentData {
    pub segment_id: SegmentId,
    max_doc: u32,
    /// Every value of every document.
    all: Lists,
    /// Values many documents hold, with their documents.
    dense: Vec<(u32, Bits)>,
    dense_of: HashMap<u32, usize>,
    /// The other values, with their documents.
    sparse: Vec<(u32, Vec<DocId>)>,
    sparse_docs: u64,
    pub practice_ids: Vec<i64>,
    pub dates: Vec<i64>,
}

impl SegmentData {
    pub(crate) fn build(
        reader: &SegmentReader,
        fields: &Fields,
        values: &mut FacetValues,
    ) -> Result<SegmentData, IndexError> {
        let max_doc = reader.max_doc();
        let inverted = reader.inverted_index(fields.facet)?;
        let mut docs_of: Vec<(u32, Vec<DocId>)> = Vec::new();
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            let Ok(encoded) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let Some(id) = values.intern(encoded) else {
                continue;
            };
            let mut postings = inverted
                .read_block_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)?;
            let mut docs = Vec::new();
            loop {
                let block = postings.docs();
                if block.is_empty() {
                    break;
                }
                docs.extend(block.iter().filter(|d| **d < max_doc));
                postings.advance();
            }
            docs_of.push((id, docs));
        }
        let is_dense = |docs: &[DocId]| {
            max_doc >= DENSE_MIN_DOCS
                && docs.len() as u64 * u64::from(DENSE_SHARE) >= u64::from(max_doc)
        };
        let all: Vec<(u32, &[DocId])> = docs_of.iter().map(|(id, d)| (*id, d.as_slice())).collect();
        let all = Lists::build(max_doc as usize, &all);
        let mut dense = Vec::new();
        let mut dense_of = HashMap::new();
        let mut sparse = Vec::new();
        for (id, docs) in docs_of {
            if is_dense(&docs) {
                let mut bits = Bits::empty(max_doc);
                docs.iter().for_each(|d| bits.insert(*d));
                dense_of.insert(id, dense.len());
                dense.push((id, bits));
            } else {
                sparse.push((id, docs));
            }
        }
        let sparse_docs = sparse.iter().map(|(_, d)| d.len() as u64).sum();
        let fast = reader.fast_fields();
        let date_column = fast.i64("published_at")?;
        let id_column = fast.i64("id")?;
        Ok(SegmentData {
            segment_id: reader.segment_id(),
            max_doc,
            all,
            dense,
            dense_of,
            sparse,
            sparse_docs,
            practice_ids: (0..max_doc)
                .map(|doc| id_column.first(doc).unwrap_or(0))
                .collect(),
            dates: (0..max_doc)
                .map(|doc| date_column.first(doc).unwrap_or(0))
                .collect(),
        })
    }

    /// The facet value ids of a document (empty for an unknown document).
    pub(crate) fn facet_ids(&self, doc: DocId) -> &[u32] {
        self.all.of(doc)
    }

    #[inline]
    pub(crate) fn date(&self, doc: DocId) -> i64 {
        self.dates.get(doc as usize).copied().unwrap_or(0)
    }

    /// The documents holding a value, when it is kept as a bit set.
    pub(crate) fn dense(&self, id: u32) -> Option<&Bits> {
        self.dense_of
            .get(&id)
            .and_then(|i| self.dense.get(*i))
            .map(|(_, bits)| bits)
    }

    /// Adds (or, with `subtract`, removes) the facet values of the documents of `docs` to
    /// `counts`, by whichever is cheaper: each document's list, or each value's documents.
    /// Counts wrap: subtracting what was added before gives exact results.
    pub(crate) fn count(&self, docs: &Bits, subtract: bool, counts: &mut [u32]) {
        let by_documents = docs.count() * self.all.per_doc_milli() * RANDOM_READ_COST / 1000;
        let by_values = self.dense.len() as u64 * u64::from(self.max_doc).div_ceil(64)
            + self.sparse_docs * BIT_TEST_COST;
        self.count_with(docs, subtract, counts, by_values < by_documents);
    }

    fn count_with(&self, docs: &Bits, subtract: bool, counts: &mut [u32], by_values: bool) {
        let apply = |counts: &mut [u32], id: u32, by: u32| {
            if let Some(count) = counts.get_mut(id as usize) {
                *count = if subtract {
                    count.wrapping_sub(by)
                } else {
                    count.wrapping_add(by)
                };
            }
        };
        if by_values {
            for (id, bits) in &self.dense {
                apply(counts, *id, docs.and_count(bits) as u32);
            }
            for (id, holders) in &self.sparse {
                let n = holders.iter().filter(|d| docs.contains(**d)).count();
                apply(counts, *id, n as u32);
            }
        } else {
            for doc in docs.iter() {
                for id in self.all.of(doc) {
                    apply(counts, *id, 1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practices::tests::practice;
    use crate::practices::{FacetKind, PracticeIndex};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn both_ways_of_counting_agree_with_the_lists(
            facets in proptest::collection::vec(
                proptest::collection::vec((0usize..3, 0usize..6), 0..6),
                16..120,
            ),
            picks in proptest::collection::vec(any::<bool>(), 120),
        ) {
            let kinds = [FacetKind::Sdg, FacetKind::City, FacetKind::Keyword];
            let docs = facets
                .iter()
                .enumerate()
                .map(|(id, values)| {
                    let values: Vec<(FacetKind, String)> =
                        values.iter().map(|(k, v)| (kinds[*k], v.to_string())).collect();
                    practice(id as i64, values)
                })
                .collect();
            let index = PracticeIndex::in_memory().expect("an index");
            index.apply(docs, &[], 1).expect("applied");
            let snapshot = index.snapshot().expect("a snapshot");
            let data = snapshot.segment(0).expect("one segment");
            prop_assert!(!data.dense.is_empty(), "some values are common");
            let mut docs = Bits::empty(data.max_doc);
            for (doc, pick) in picks.iter().enumerate().take(data.max_doc as usize) {
                if *pick {
                    docs.insert(doc as DocId);
                }
            }
            let mut expected = vec![0u32; snapshot.values.len()];
            for doc in docs.iter() {
                for id in data.facet_ids(doc) {
                    expected[*id as usize] += 1;
                }
            }
            for with_bits in [false, true] {
                let mut counts = vec![0u32; snapshot.values.len()];
                data.count_with(&docs, false, &mut counts, with_bits);
                prop_assert_eq!(&counts, &expected);
                data.count_with(&docs, true, &mut counts, !with_bits);
                prop_assert!(counts.iter().all(|c| *c == 0));
            }
        }
    }
}
