//! What one search reads: a tantivy searcher and, per segment, the facet values and dates of
//! every document held in plain arrays (built once per segment, reused across reloads), plus
//! the answer for "everything" (no words, no filter), computed once per snapshot.

use super::collector::date_key;
use super::facets::FacetValues;
use super::schema::Fields;
use super::{FacetCount, FacetKind, IndexError};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};
use tantivy::index::SegmentId;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, Searcher, SegmentReader, TERMINATED};

/// Per segment: each document's facet value ids (ranges of `ids` given by `offsets`), id
/// and publication date. Deleted documents keep their entries; the collector never sees them.
#[derive(Debug)]
pub(crate) struct SegmentData {
    pub segment_id: SegmentId,
    offsets: Vec<u32>,
    ids: Vec<u32>,
    pub practice_ids: Vec<i64>,
    pub dates: Vec<i64>,
}

impl SegmentData {
    /// The facet value ids of a document (empty for an unknown document).
    #[inline]
    pub(crate) fn facet_ids(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match (self.offsets.get(doc), self.offsets.get(doc + 1)) {
            (Some(start), Some(end)) => self
                .ids
                .get(*start as usize..*end as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    #[inline]
    pub(crate) fn date(&self, doc: DocId) -> i64 {
        self.dates.get(doc as usize).copied().unwrap_or(0)
    }

    fn build(
        reader: &SegmentReader,
        fields: &Fields,
        values: &mut FacetValues,
    ) -> Result<SegmentData, IndexError> {
        let max_doc = reader.max_doc() as usize;
        let inverted = reader.inverted_index(fields.facet)?;
        let mut postings_of: Vec<(u32, Vec<DocId>)> = Vec::new();
        let mut per_doc = vec![0u32; max_doc];
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            let Ok(encoded) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let Some(id) = values.intern(encoded) else {
                continue;
            };
            let mut postings =
                inverted.read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)?;
            let mut docs = Vec::new();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if let Some(n) = per_doc.get_mut(doc as usize) {
                    *n += 1;
                    docs.push(doc);
                }
                doc = postings.advance();
            }
            postings_of.push((id, docs));
        }
        let mut offsets = Vec::with_capacity(max_doc + 1);
        let mut total = 0u32;
        offsets.push(0);
        for n in &per_doc {
            total += n;
            offsets.push(total);
        }
        let mut ids = vec![0u32; total as usize];
        let mut fill: Vec<u32> = offsets[..max_doc].to_vec();
        for (id, docs) in postings_of {
            for doc in docs {
                if let Some(slot) = fill.get_mut(doc as usize) {
                    if let Some(cell) = ids.get_mut(*slot as usize) {
                        *cell = id;
                    }
                    *slot += 1;
                }
            }
        }
        let fast = reader.fast_fields();
        let date_column = fast.i64("published_at")?;
        let id_column = fast.i64("id")?;
        let dates = (0..max_doc as DocId)
            .map(|doc| date_column.first(doc).unwrap_or(0))
            .collect();
        let practice_ids = (0..max_doc as DocId)
            .map(|doc| id_column.first(doc).unwrap_or(0))
            .collect();
        Ok(SegmentData {
            segment_id: reader.segment_id(),
            offsets,
            ids,
            practice_ids,
            dates,
        })
    }
}

/// The answer to "everything, newest first": every live document in order, and the counts.
#[derive(Debug)]
pub(crate) struct AllDocs {
    pub newest: Vec<DocAddress>,
    pub facets: BTreeMap<FacetKind, Vec<FacetCount>>,
}

/// A consistent view of the index for searches.
pub(crate) struct Snapshot {
    pub searcher: Searcher,
    /// By segment ordinal in `searcher`.
    pub segments: Vec<Arc<SegmentData>>,
    pub values: Arc<FacetValues>,
    all_docs: OnceLock<AllDocs>,
}

impl Snapshot {
    /// The view of `searcher`, reusing the per-segment arrays of `previous` for the segments
    /// it already had.
    pub(crate) fn build(
        searcher: Searcher,
        fields: &Fields,
        previous: Option<&Snapshot>,
    ) -> Result<Snapshot, IndexError> {
        let known: HashMap<SegmentId, &Arc<SegmentData>> = previous
            .map(|p| p.segments.iter().map(|s| (s.segment_id, s)).collect())
            .unwrap_or_default();
        let reused = searcher
            .segment_readers()
            .iter()
            .any(|r| known.contains_key(&r.segment_id()));
        // Without a reused segment, start the value numbering afresh (values of deleted
        // practices are forgotten).
        let mut values = match previous {
            Some(p) if reused => FacetValues::clone(&p.values),
            _ => FacetValues::default(),
        };
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        for reader in searcher.segment_readers() {
            let data = match known.get(&reader.segment_id()) {
                Some(data) => Arc::clone(data),
                None => Arc::new(SegmentData::build(reader, fields, &mut values)?),
            };
            segments.push(data);
        }
        values.finish();
        Ok(Snapshot {
            searcher,
            segments,
            values: Arc::new(values),
            all_docs: OnceLock::new(),
        })
    }

    /// Everything, newest first, with its facet counts: computed on first use.
    pub(crate) fn all_docs(&self) -> &AllDocs {
        self.all_docs.get_or_init(|| {
            let mut counts = vec![0u32; self.values.len()];
            let mut keyed: Vec<(u32, DocAddress)> = Vec::new();
            for (ord, (reader, data)) in self
                .searcher
                .segment_readers()
                .iter()
                .zip(&self.segments)
                .enumerate()
            {
                let alive = reader.alive_bitset();
                for doc in 0..reader.max_doc() {
                    if alive.is_some_and(|a| !a.is_alive(doc)) {
                        continue;
                    }
                    for id in data.facet_ids(doc) {
                        if let Some(count) = counts.get_mut(*id as usize) {
                            *count += 1;
                        }
                    }
                    keyed.push((date_key(data.date(doc)), DocAddress::new(ord as u32, doc)));
                }
            }
            keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            AllDocs {
                newest: keyed.into_iter().map(|(_, address)| address).collect(),
                facets: self.values.lists(&counts),
            }
        })
    }

    pub(crate) fn segment(&self, ord: u32) -> Option<&SegmentData> {
        self.segments.get(ord as usize).map(|s| s.as_ref())
    }
}
