//! The evaluation of a search, straight on the postings: the matching set as one bit set per
//! segment (filters and required clauses intersected), facet counts from it (or from its
//! complement when it holds most practices), scores accumulated term by term over it, then the
//! best `offset + limit` by score or date. The query is evaluated once; counts and top
//! documents come from the same matching set.
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
use super::topn::{Ranked, TopN, better, date_only_key};
use ateneu_domain::Lang;
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

/// A clause's lookups, one per language (by index) where it has terms.
pub(crate) struct ClausePlan(pub Vec<(usize, Lookup)>);

/// What a search found.
pub(crate) struct Outcome {
    pub total: u64,
    /// By facet value id.
    pub counts: Vec<u32>,
    /// The best `top_n`, best first.
    pub top: Vec<Ranked>,
}

/// A search resolved against a snapshot: terms, weights and filter terms.
pub(crate) struct Plan<'a> {
    snapshot: &'a Snapshot,
    facet: Field,
    pub required: Vec<ClausePlan>,
    pub optional: Vec<ClausePlan>,
    /// Per filtered kind, its values: their terms and ids (none: nothing matches).
    filters: Vec<Vec<(Term, Option<u32>)>>,
    scoring: bool,
}

impl<'a> Plan<'a> {
    /// `scoring`: whether to rank by score (else by date).
    pub(crate) fn new(
        snapshot: &'a Snapshot,
        fields: &Fields,
        parsed: &ParsedText,
        filters: &[(FacetKind, String)],
        scoring: bool,
    ) -> Result<Plan<'a>, IndexError> {
        let plan_all = |clauses: &[Clause]| -> Result<Vec<ClausePlan>, IndexError> {
            clauses
                .iter()
                .map(|c| clause_plan(snapshot, fields, c))
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
        Ok(Plan {
            snapshot,
            facet: fields.facet,
            required: plan_all(&parsed.required)?,
            optional: if scoring {
                plan_all(&parsed.optional)?
            } else {
                Vec::new()
            },
            filters: by_kind,
            scoring,
        })
    }

    /// The ids of the facet values filtered on (those the index has).
    pub(crate) fn filter_ids(&self) -> Vec<u32> {
        self.filters
            .iter()
            .flatten()
            .filter_map(|(_, id)| *id)
            .collect()
    }

    /// Runs the search: the total, the facet counts and the best `top_n`.
    pub(crate) fn run(&self, top_n: usize) -> Result<Outcome, IndexError> {
        let snapshot = self.snapshot;
        let readers = snapshot.searcher.segment_readers();
        let mut matches = Vec::with_capacity(readers.len());
        let mut top = Vec::new();
        for (ord, reader) in readers.iter().enumerate() {
            let (Some(alive), Some(data)) = (snapshot.alive.get(ord), snapshot.segment(ord as u32))
            else {
                return Err(out_of_step());
            };
            let mut m = self.filtered(reader, data, alive)?;
            if self.scoring {
                top.extend(with_scratch(|scratch| {
                    scratch.run(self, reader, data, &mut m, ord as u32, top_n)
                })?);
            } else {
                self.match_clauses(reader, &mut m)?;
            }
            matches.push(m);
        }
        let total: u64 = matches.iter().map(Bits::count).sum();
        let counts = self.count(&matches, total);
        if !self.scoring {
            top = self.newest(&matches, total, top_n);
        }
        top.sort_by(better);
        top.truncate(top_n);
        Ok(Outcome { total, counts, top })
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
    fn match_clauses(&self, reader: &SegmentReader, m: &mut Bits) -> Result<(), IndexError> {
        for clause in &self.required {
            if m.is_empty() {
                break;
            }
            let mut found = Bits::empty(reader.max_doc());
            for (_, lookup) in &clause.0 {
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
            m.and(&found);
        }
        Ok(())
    }

    /// Facet value counts over the matching documents; from the counts over everything,
    /// less the live documents that do not match, when those are fewer.
    fn count(&self, matches: &[Bits], total: u64) -> Vec<u32> {
        let snapshot = self.snapshot;
        let complement = total.saturating_mul(2) > snapshot.alive_total;
        let mut counts = if complement {
            snapshot.all_counts.clone()
        } else {
            vec![0; snapshot.values.len()]
        };
        for (ord, (m, alive)) in matches.iter().zip(&snapshot.alive).enumerate() {
            let Some(data) = snapshot.segment(ord as u32) else {
                continue;
            };
            if complement {
                data.count(&alive.minus(m), true, &mut counts);
            } else {
                data.count(m, false, &mut counts);
            }
        }
        counts
    }

    /// The newest `top_n` matching documents: read off the snapshot's newest-first list when
    /// matches are dense enough for that to be short, else selected from the matches.
    fn newest(&self, matches: &[Bits], total: u64, top_n: usize) -> Vec<Ranked> {
        let snapshot = self.snapshot;
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

/// A term's BM25 weight in one language, from the whole index's statistics.
fn weight(
    snapshot: &Snapshot,
    term: &Term,
    docs: u64,
    average: f32,
) -> Result<Bm25Weight, IndexError> {
    let docs = docs.max(1);
    let doc_freq = snapshot.searcher.doc_freq(term)?.min(docs);
    Ok(Bm25Weight::for_one_term_without_explain(
        doc_freq,
        docs,
        average.max(1.0),
    ))
}

fn clause_plan(
    snapshot: &Snapshot,
    fields: &Fields,
    clause: &Clause,
) -> Result<ClausePlan, IndexError> {
    let mut lookups = Vec::new();
    for lang in Lang::ALL {
        let terms = clause.terms(lang);
        let lf = fields.lang(lang);
        let stats = snapshot.lang_stats[lang_index(lang)];
        match terms.as_slice() {
            [] => {}
            [(_, term)] => {
                let text = Term::from_field_text(lf.text, term);
                let title = Term::from_field_text(lf.title, term);
                lookups.push((
                    lang_index(lang),
                    Lookup::Term(Box::new(TermLookup {
                        text_weight: weight(snapshot, &text, stats.docs, stats.average_text)?,
                        title_weight: weight(snapshot, &title, stats.docs, stats.average_title)?,
                        text,
                        title,
                    })),
                ));
            }
            [(first, _), ..] => {
                let terms = terms
                    .iter()
                    .map(|(p, t)| (p - first, Term::from_field_text(lf.text, t)))
                    .collect();
                let query = PhraseQuery::new_with_offset(terms);
                let weight =
                    query.weight(EnableScoring::enabled_from_searcher(&snapshot.searcher))?;
                lookups.push((lang_index(lang), Lookup::Phrase(weight)));
            }
        }
    }
    Ok(ClausePlan(lookups))
}
