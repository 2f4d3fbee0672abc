//! What one search reads: a tantivy searcher and, per segment, the facet values, ids and
//! dates of every document in plain arrays (built once per segment, reused across reloads);
//! per reload, the live documents, the answer for "everything" (counts, newest order) and the
//! per-language statistics of the score.

use super::bits::Bits;
use super::facets::{self, FacetValues};
use super::schema::{Fields, lang_index};
use super::segment::SegmentData;
use super::topn::date_key;
use super::{FacetCount, FacetKind, IndexError};
use ateneu_domain::Lang;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use tantivy::index::SegmentId;
use tantivy::query::Bm25StatisticsProvider;
use tantivy::{DocAddress, Searcher, Term};

/// Per language, what BM25 needs: how many practices have the language (deleted ones
/// included, like tantivy's term counts), and the average token counts of its fields.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LangStats {
    pub docs: u64,
    pub average_text: f32,
    pub average_title: f32,
}

/// A consistent view of the index for searches.
pub(crate) struct Snapshot {
    pub searcher: Searcher,
    /// By segment ordinal in `searcher`.
    pub segments: Vec<Arc<SegmentData>>,
    /// Live documents, by segment ordinal.
    pub alive: Vec<Bits>,
    pub alive_total: u64,
    pub values: Arc<FacetValues>,
    /// Per segment, its live documents' facet value counts and how many they are (a search
    /// that matches most of a segment counts what it does not match, and subtracts).
    pub segment_counts: Vec<(u64, Vec<u32>)>,
    pub all_facets: BTreeMap<FacetKind, Vec<FacetCount>>,
    /// Every live document, newest first (ties by address).
    pub newest: Vec<DocAddress>,
    pub lang_stats: [LangStats; 3],
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
        let mut alive = Vec::with_capacity(searcher.segment_readers().len());
        for reader in searcher.segment_readers() {
            let data = match known.get(&reader.segment_id()) {
                Some(data) => Arc::clone(data),
                None => Arc::new(SegmentData::build(reader, fields, &mut values)?),
            };
            segments.push(data);
            let mut bits = Bits::full(reader.max_doc());
            if let Some(alive_bitset) = reader.alive_bitset() {
                bits = Bits::empty(reader.max_doc());
                for doc in alive_bitset.iter_alive() {
                    bits.insert(doc);
                }
            }
            alive.push(bits);
        }
        values.finish();
        let mut all_counts = vec![0u32; values.len()];
        let mut segment_counts = Vec::with_capacity(segments.len());
        let mut keyed: Vec<(u32, DocAddress)> = Vec::new();
        for (ord, (data, bits)) in segments.iter().zip(&alive).enumerate() {
            let mut counts = vec![0u32; values.len()];
            data.count(bits, false, &mut counts);
            for (all, count) in all_counts.iter_mut().zip(&counts) {
                *all += count;
            }
            segment_counts.push((bits.count(), counts));
            for doc in bits.iter() {
                keyed.push((date_key(data.date(doc)), DocAddress::new(ord as u32, doc)));
            }
        }
        keyed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut lang_stats = [LangStats::default(); 3];
        for lang in Lang::ALL {
            let lf = fields.lang(lang);
            let docs = match facets::encode(FacetKind::Language, lang.code()) {
                Some(encoded) => {
                    searcher.doc_freq(&Term::from_field_text(fields.facet, &encoded))?
                }
                None => 0,
            };
            let per_doc = |tokens: u64| {
                if docs == 0 {
                    0.0
                } else {
                    tokens as f32 / docs as f32
                }
            };
            lang_stats[lang_index(lang)] = LangStats {
                docs,
                average_text: per_doc(searcher.total_num_tokens(lf.text)?),
                average_title: per_doc(searcher.total_num_tokens(lf.title)?),
            };
        }
        Ok(Snapshot {
            alive_total: keyed.len() as u64,
            newest: keyed.into_iter().map(|(_, address)| address).collect(),
            all_facets: values.lists(&all_counts, usize::MAX, &[]),
            segment_counts,
            searcher,
            segments,
            alive,
            values: Arc::new(values),
            lang_stats,
        })
    }

    /// How many live documents hold a facet value.
    pub(crate) fn docs_with(&self, id: u32) -> u64 {
        self.segment_counts
            .iter()
            .filter_map(|(_, counts)| counts.get(id as usize))
            .map(|count| u64::from(*count))
            .sum()
    }

    pub(crate) fn segment(&self, ord: u32) -> Option<&SegmentData> {
        self.segments.get(ord as usize).map(|s| s.as_ref())
    }
}
