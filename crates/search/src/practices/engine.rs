//! The evaluation of a search, straight on the postings: the matching set as one bit set per
//! segment (filters and required clauses intersected), facet counts from it (or from its
//! complement when it holds most practices), scores accumulated term by term over it, then the
//! best `offset + limit` by score or date. The query is evaluated once; counts and top
//! documents come from the same matching set. Segments are searched side by side and their
//! counts and best documents merged.
//!
//! Scores: see [`super::scoring`].

use super::IndexError;
use super::bits::Bits;
use super::facets::{self, FacetKind};
use super::query::{Clause, ParsedText};
use super::schema::{Fields, lang_index};
use super::scoring::with_scratch;
use super::segment::SegmentData;
use super::snapshot::Snapshot;
use super::tags::TagTerms;
use super::topn::{Ranked, TopN, date_only_key};
use ateneu_domain::Lang;
use std::sync::Arc;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{Bm25Weight, EnableScoring, PhraseQuery, Query, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, SegmentReader, TERMINATED, Term};

/// How a clause is looked up in one language.
pub(crate) enum Lookup {
    /// One term, in the language's `text` field and (for the score) its `title` field.
    Term(Box<TermLookup>),
    /// Terms at given distances, in the `text` field.
    Phrase(Box<dyn Weight>),
}

/// A term of one language, in its fields, with their BM25 weights.
pub(crate) struct TermLookup {
    pub text: Term,
    pub title: Term,
    pub text_weight: Bm25Weight,
    pub title_weight: Bm25Weight,
}

/// A clause's lookups, one per language (by index) where it has terms, the tags whose names
/// it matches (see [`super::tags`]: the language, the facet term and its id), and how many
/// postings and tagged documents they hold.
pub(crate) struct ClausePlan {
    pub lookups: Vec<(usize, Lookup)>,
    pub tags: Vec<(usize, Term, Option<u32>)>,
    pub postings: u64,
}

/// What a search found.
pub(crate) struct Outcome {
    pub total: u64,
    /// By facet value id.
    pub counts: Vec<u32>,
}

/// What one segment matched.
pub(crate) struct Matched {
    pub matches: Arc<Bits>,
    /// Its best documents, when ranking by score.
    pub top: Vec<Ranked>,
}

/// A search resolved against a snapshot: terms, weights and filter terms.
pub(crate) struct Plan {
    pub snapshot: Arc<Snapshot>,
    facet: Field,
    pub required: Vec<ClausePlan>,
    pub optional: Vec<ClausePlan>,
    /// Per filtered kind, its values: their terms and ids (none: nothing matches).
    filters: Vec<Vec<(Term, Option<u32>)>>,
    pub scoring: bool,
    /// About how many postings and filtered documents the search reads: cheap searches are
    /// not split over threads.
    pub work: u64,
    /// The ids of the tags that the words reach through their names (for a hit's reasons).
    pub reached: Vec<u32>,
}

impl Plan {
    /// `scoring`: whether to rank by score (else by date).
    pub(crate) fn new(
        snapshot: &Arc<Snapshot>,
        fields: &Fields,
        tags: &TagTerms,
        parsed: &ParsedText,
        filters: &[(FacetKind, String)],
        scoring: bool,
    ) -> Result<Plan, IndexError> {
        let plan_all = |clauses: &[Clause]| -> Result<Vec<ClausePlan>, IndexError> {
            clauses
                .iter()
                .map(|c| clause_plan(snapshot, fields, tags, c))
                .collect()
        };
        let mut by_kind: Vec<Vec<(Term, Option<u32>)>> = Vec::new();
        for kind in FacetKind::ALL {
            let mut values: Vec<&str> = filters
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, v)| v.as_str())
                .collect();
            if values.is_empty() {
                continue;
            }
            values.sort_unstable();
            values.dedup();
            by_kind.push(
                values
                    .into_iter()
                    .filter_map(|v| facets::encode(kind, v))
                    .map(|encoded| {
                        let id = snapshot.values.id(&encoded);
                        (Term::from_field_text(fields.facet, &encoded), id)
                    })
                    .collect(),
            );
        }
        let required = plan_all(&parsed.required)?;
        let optional = if scoring {
            plan_all(&parsed.optional)?
        } else {
            Vec::new()
        };
        let filtered: u64 = by_kind
            .iter()
            .flatten()
            .filter_map(|(_, id)| *id)
            .map(|id| snapshot.docs_with(id))
            .sum();
        let work = required
            .iter()
            .chain(&optional)
            .map(|c| c.postings)
            .sum::<u64>()
            + filtered;
        let mut reached: Vec<u32> = required
            .iter()
            .chain(&optional)
            .flat_map(|c| c.tags.iter().filter_map(|(_, _, id)| *id))
            .collect();
        reached.sort_unstable();
        reached.dedup();
        Ok(Plan {
            snapshot: Arc::clone(snapshot),
            facet: fields.facet,
            required,
            optional,
            filters: by_kind,
            scoring,
            work,
            reached,
        })
    }

    /// The documents of a segment that carry a tag (by its bit set when the segment keeps
    /// one, else by its postings).
    pub(crate) fn tag_docs(
        &self,
        reader: &SegmentReader,
        data: &SegmentData,
        term: &Term,
        id: Option<u32>,
    ) -> Result<Bits, IndexError> {
        if let Some(bits) = id.and_then(|id| data.dense(id)) {
            return Ok(bits.clone());
        }
        let mut docs = Bits::empty(reader.max_doc());
        if let Some(postings) = postings(reader, term, IndexRecordOption::Basic)? {
            docs.insert_postings(postings);
        }
        Ok(docs)
    }

    /// The ids of the facet values filtered on (those the index has).
    pub(crate) fn filter_ids(&self) -> Vec<u32> {
        self.filters
            .iter()
            .flatten()
            .filter_map(|(_, id)| *id)
            .collect()
    }

    /// One segment's matching documents and, ranking by score, its best `top_n`.
    pub(crate) fn match_segment(&self, ord: usize, top_n: usize) -> Result<Matched, IndexError> {
        let snapshot = &self.snapshot;
        let (Some(reader), Some(alive), Some(data)) = (
            snapshot.searcher.segment_readers().get(ord),
            snapshot.alive.get(ord),
            snapshot.segment(ord as u32),
        ) else {
            return Err(out_of_step());
        };
        let mut m = self.filtered(reader, data, alive)?;
        let top = if self.scoring {
            with_scratch(|scratch| scratch.run(self, reader, data, &mut m, ord as u32, top_n))?
        } else {
            self.match_clauses(reader, data, &mut m)?;
            Vec::new()
        };
        Ok(Matched {
            matches: Arc::new(m),
            top,
        })
    }

    /// The facet counts of a segment's matching documents `m` (by value id; wrapping: added
    /// up over segments, they are exact). When most of the segment matches, what does not
    /// match is counted and subtracted from the counts of every live document.
    pub(crate) fn count_segment(&self, ord: usize, m: &Bits) -> Vec<u32> {
        let snapshot = &self.snapshot;
        let (Some(alive), Some(data), Some((live_docs, live_counts))) = (
            snapshot.alive.get(ord),
            snapshot.segment(ord as u32),
            snapshot.segment_counts.get(ord),
        ) else {
            return Vec::new();
        };
        if m.count().saturating_mul(2) > *live_docs {
            let mut counts = live_counts.clone();
            data.count(&alive.minus(m), true, &mut counts);
            counts
        } else {
            let mut counts = vec![0; live_counts.len()];
            data.count(m, false, &mut counts);
            counts
        }
    }

    /// The live documents of a segment that pass the filters.
    fn filtered(
        &self,
        reader: &SegmentReader,
        data: &SegmentData,
        alive: &Bits,
    ) -> Result<Bits, IndexError> {
        let max_doc = reader.max_doc();
        let mut m = alive.clone();
        for alternatives in &self.filters {
            if m.is_empty() {
                break;
            }
            let mut kind = Bits::empty(max_doc);
            let inverted = reader.inverted_index(self.facet)?;
            for (term, id) in alternatives {
                if let Some(bits) = id.and_then(|id| data.dense(id)) {
                    kind.or(bits);
                } else if let Some(postings) =
                    inverted.read_block_postings(term, IndexRecordOption::Basic)?
                {
                    kind.insert_postings(postings);
                }
            }
            m.and(&kind);
        }
        Ok(m)
    }

    /// Keeps in `m` the documents matching every required clause (no scores).
    fn match_clauses(
        &self,
        reader: &SegmentReader,
        data: &SegmentData,
        m: &mut Bits,
    ) -> Result<(), IndexError> {
        for clause in &self.required {
            if m.is_empty() {
                break;
            }
            let mut found = Bits::empty(reader.max_doc());
            for (_, lookup) in &clause.lookups {
                match lookup {
                    Lookup::Term(term) => {
                        if let Some(postings) =
                            postings(reader, &term.text, IndexRecordOption::Basic)?
                        {
                            found.insert_postings(postings);
                        }
                    }
                    Lookup::Phrase(weight) => {
                        let mut scorer = weight.scorer(reader, 1.0)?;
                        let mut doc = scorer.doc();
                        while doc != TERMINATED {
                            found.insert(doc);
                            doc = scorer.advance();
                        }
                    }
                }
            }
            for (_, term, id) in &clause.tags {
                found.or(&self.tag_docs(reader, data, term, *id)?);
            }
            m.and(&found);
        }
        Ok(())
    }

    /// The newest `top_n` matching documents: read off the snapshot's newest-first list when
    /// matches are dense enough for that to be short, else selected from the matches.
    pub(crate) fn newest(&self, matches: &[Arc<Bits>], total: u64, top_n: usize) -> Vec<Ranked> {
        let snapshot = &self.snapshot;
        if top_n == 0 || total == 0 {
            return Vec::new();
        }
        let expected_walk = (top_n as u64).saturating_mul(snapshot.alive_total) / total;
        let date = |address: DocAddress| {
            snapshot
                .segment(address.segment_ord)
                .map_or(0, |s| s.date(address.doc_id))
        };
        let ranked = |address: DocAddress| Ranked {
            key: date_only_key(date(address)),
            address,
            score: 0.0,
        };
        if expected_walk < total {
            return snapshot
                .newest
                .iter()
                .filter(|a| {
                    matches
                        .get(a.segment_ord as usize)
                        .is_some_and(|m| m.contains(a.doc_id))
                })
                .take(top_n)
                .map(|a| ranked(*a))
                .collect();
        }
        let mut best = TopN::new(top_n);
        for (ord, m) in matches.iter().enumerate() {
            for doc in m.iter() {
                best.push(ranked(DocAddress::new(ord as u32, doc)));
            }
        }
        best.into_sorted()
    }
}

fn out_of_step() -> IndexError {
    IndexError::Tantivy(tantivy::TantivyError::InternalError(
        "search snapshot out of step with its searcher".into(),
    ))
}

pub(crate) fn postings(
    reader: &SegmentReader,
    term: &Term,
    option: IndexRecordOption,
) -> Result<Option<BlockSegmentPostings>, IndexError> {
    Ok(reader
        .inverted_index(term.field())?
        .read_block_postings(term, option)?)
}

/// A term's BM25 weight in one language, from the whole index's statistics, and how many
/// documents hold it.
fn weight(
    snapshot: &Snapshot,
    term: &Term,
    docs: u64,
    average: f32,
) -> Result<(Bm25Weight, u64), IndexError> {
    let docs = docs.max(1);
    let doc_freq = snapshot.searcher.doc_freq(term)?;
    let weight =
        Bm25Weight::for_one_term_without_explain(doc_freq.min(docs), docs, average.max(1.0));
    Ok((weight, doc_freq))
}

fn clause_plan(
    snapshot: &Snapshot,
    fields: &Fields,
    tag_terms: &TagTerms,
    clause: &Clause,
) -> Result<ClausePlan, IndexError> {
    let mut lookups = Vec::new();
    let mut postings = 0;
    let mut tags = Vec::new();
    for (l, encoded) in tag_terms.reached(clause) {
        let id = snapshot.values.id(&encoded);
        postings += id.map_or(0, |id| snapshot.docs_with(id));
        tags.push((l, Term::from_field_text(fields.facet, &encoded), id));
    }
    for lang in Lang::ALL {
        let terms = clause.terms(lang);
        let lf = fields.lang(lang);
        let stats = snapshot.lang_stats[lang_index(lang)];
        match terms.as_slice() {
            [] => {}
            [(_, term)] => {
                let text = Term::from_field_text(lf.text, term);
                let title = Term::from_field_text(lf.title, term);
                let (text_weight, in_text) =
                    weight(snapshot, &text, stats.docs, stats.average_text)?;
                let (title_weight, in_title) =
                    weight(snapshot, &title, stats.docs, stats.average_title)?;
                postings += in_text + in_title;
                lookups.push((
                    lang_index(lang),
                    Lookup::Term(Box::new(TermLookup {
                        text_weight,
                        title_weight,
                        text,
                        title,
                    })),
                ));
            }
            [(first, _), ..] => {
                let terms: Vec<(usize, Term)> = terms
                    .iter()
                    .map(|(p, t)| (p - first, Term::from_field_text(lf.text, t)))
                    .collect();
                for (_, term) in &terms {
                    postings += snapshot.searcher.doc_freq(term)?;
                }
                let query = PhraseQuery::new_with_offset(terms);
                let weight =
                    query.weight(EnableScoring::enabled_from_searcher(&snapshot.searcher))?;
                lookups.push((lang_index(lang), Lookup::Phrase(weight)));
            }
        }
    }
    Ok(ClausePlan {
        lookups,
        tags,
        postings,
    })
}
