//! Scores, accumulated term by term over a segment's matching documents, in the same pass over
//! the required clauses' postings that narrows the matching set. BM25 per language: a
//! practice's score is that of its best-matching language plus a tenth of the others' (so that
//! translations do not multiply it); in a language, a title match adds to the match in the
//! whole text (where the summary counts twice).

use super::IndexError;
use super::bits::Bits;
use super::engine::{Lookup, Plan, postings};
use super::segment::SegmentData;
use super::topn::{Ranked, TopN, relevance_key};
use std::cell::RefCell;
use tantivy::query::Bm25Weight;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// A title match adds this much of its own BM25 score (the title is also in `text`).
const TITLE_BOOST: Score = 2.0;
/// The score of a practice: its best language's score, plus this share of the others'.
const LANGUAGE_TIE_BREAKER: Score = 0.1;
/// What a word adds when it reaches the practice only through a tag's name: far below any
/// match in the text (a BM25 term score is a fair fraction of its IDF, itself above 0.1 for
/// any word that is not in nearly every practice), so that a practice that says the word
/// ranks above one that is only tagged with it, and tagged ones still rank among themselves
/// by the words their text has.
const TAG_SCORE: Score = 0.01;

/// Per-language score accumulators over a segment's documents, kept per thread between
/// searches (zero between uses), and the documents written to, while they are few.
#[derive(Default)]
pub(crate) struct Scratch {
    per_lang: [Vec<Score>; 3],
    written: Vec<DocId>,
    /// Too many documents written to list: zero everything.
    overflow: bool,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

pub(crate) fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

impl Scratch {
    /// Narrows `m` (the filtered live documents of a segment) to the documents matching every
    /// required clause, scores them, and returns the best `top_n`.
    pub(crate) fn run(
        &mut self,
        plan: &Plan,
        reader: &SegmentReader,
        data: &SegmentData,
        m: &mut Bits,
        ord: u32,
        top_n: usize,
    ) -> Result<Vec<Ranked>, IndexError> {
        self.prepare(reader.max_doc() as usize);
        let result = self.score(plan, reader, data, m, ord, top_n);
        self.clear();
        result
    }

    fn score(
        &mut self,
        plan: &Plan,
        reader: &SegmentReader,
        data: &SegmentData,
        m: &mut Bits,
        ord: u32,
        top_n: usize,
    ) -> Result<Vec<Ranked>, IndexError> {
        // Required clauses: their text postings narrow `m` and score in one pass.
        for clause in &plan.required {
            if m.is_empty() {
                return Ok(Vec::new());
            }
            let mut found = Bits::empty(reader.max_doc());
            for (l, lookup) in &clause.lookups {
                match lookup {
                    Lookup::Term(term) => self.add_term(
                        *l,
                        reader,
                        &term.text,
                        &term.text_weight,
                        1.0,
                        m,
                        Some(&mut found),
                    )?,
                    Lookup::Phrase(weight) => {
                        let mut scorer = weight.scorer(reader, 1.0)?;
                        let mut doc = scorer.doc();
                        while doc != TERMINATED {
                            if m.contains(doc) {
                                found.insert(doc);
                                self.add(*l, doc, scorer.score());
                            }
                            doc = scorer.advance();
                        }
                    }
                }
            }
            for (l, term, id) in &clause.tags {
                let tagged = plan.tag_docs(reader, data, term, *id)?;
                for doc in tagged.iter() {
                    if m.contains(doc) {
                        found.insert(doc);
                        self.add(*l, doc, TAG_SCORE);
                    }
                }
            }
            m.and(&found);
        }
        if m.is_empty() || top_n == 0 {
            return Ok(Vec::new());
        }
        // Then what only adds to the score: titles, and the optional clauses.
        for (clause, required) in plan
            .required
            .iter()
            .map(|c| (c, true))
            .chain(plan.optional.iter().map(|c| (c, false)))
        {
            for (l, lookup) in &clause.lookups {
                match lookup {
                    Lookup::Term(term) => {
                        if !required {
                            self.add_term(*l, reader, &term.text, &term.text_weight, 1.0, m, None)?;
                        }
                        let (title, weight) = (&term.title, &term.title_weight);
                        self.add_term(*l, reader, title, weight, TITLE_BOOST, m, None)?;
                    }
                    Lookup::Phrase(weight) if !required => {
                        let mut scorer = weight.scorer(reader, 1.0)?;
                        let mut doc = scorer.doc();
                        while doc != TERMINATED {
                            if m.contains(doc) {
                                self.add(*l, doc, scorer.score());
                            }
                            doc = scorer.advance();
                        }
                    }
                    Lookup::Phrase(_) => {}
                }
            }
            if !required {
                for (l, term, id) in &clause.tags {
                    for doc in plan.tag_docs(reader, data, term, *id)?.iter() {
                        if m.contains(doc) {
                            self.add(*l, doc, TAG_SCORE);
                        }
                    }
                }
            }
        }
        let mut best = TopN::new(top_n);
        for doc in m.iter() {
            let score = self.total(doc);
            // The date only breaks ties: not read for a score that cannot make the page.
            if !best.may_take(relevance_key(score, i64::from(u32::MAX))) {
                continue;
            }
            best.push(Ranked {
                key: relevance_key(score, data.date(doc)),
                address: DocAddress::new(ord, doc),
                score,
            });
        }
        Ok(best.into_sorted())
    }

    /// Adds a term's BM25 scores (times `boost`) to language `l` for the documents of `m`,
    /// and marks them in `found`.
    #[allow(clippy::too_many_arguments)]
    fn add_term(
        &mut self,
        l: usize,
        reader: &SegmentReader,
        term: &Term,
        weight: &Bm25Weight,
        boost: Score,
        m: &Bits,
        mut found: Option<&mut Bits>,
    ) -> Result<(), IndexError> {
        let Some(mut postings) = postings(reader, term, IndexRecordOption::WithFreqs)? else {
            return Ok(());
        };
        let norms = reader.get_fieldnorms_reader(term.field())?;
        let table = (postings.doc_freq() >= TABLE_MIN_DOCS).then(|| ScoreTable::new(weight, boost));
        // A long list writes past the limit anyway: zero everything after, list nothing.
        if postings.doc_freq() as usize > slot_limit(self.per_lang[0].len()) {
            self.overflow = true;
        }
        loop {
            let docs = postings.docs();
            if docs.is_empty() {
                return Ok(());
            }
            for (doc, freq) in docs.iter().zip(postings.freqs()) {
                if m.contains(*doc) {
                    if let Some(found) = found.as_deref_mut() {
                        found.insert(*doc);
                    }
                    let norm = norms.fieldnorm_id(*doc);
                    let score = match &table {
                        Some(table) => table.score(weight, boost, norm, *freq),
                        None => boost * weight.score(norm, *freq),
                    };
                    self.add(l, *doc, score);
                }
            }
            postings.advance();
        }
    }

    fn prepare(&mut self, max_doc: usize) {
        for scores in &mut self.per_lang {
            if scores.len() < max_doc {
                scores.resize(max_doc, 0.0);
            }
        }
        self.written.clear();
        self.overflow = false;
    }

    #[inline]
    fn add(&mut self, l: usize, doc: DocId, score: Score) {
        let Some(slot) = self
            .per_lang
            .get_mut(l)
            .and_then(|scores| scores.get_mut(doc as usize))
        else {
            return;
        };
        *slot += score;
        if !self.overflow {
            self.written.push(doc);
            self.overflow = self.written.len() > slot_limit(self.per_lang[0].len());
        }
    }

    /// A practice's score: its best language's, plus a share of the others'.
    #[inline]
    fn total(&self, doc: DocId) -> Score {
        let d = doc as usize;
        let [en, fr, es] = &self.per_lang;
        let (en, fr, es) = (
            en.get(d).copied().unwrap_or(0.0),
            fr.get(d).copied().unwrap_or(0.0),
            es.get(d).copied().unwrap_or(0.0),
        );
        let best = en.max(fr).max(es);
        best + LANGUAGE_TIE_BREAKER * (en + fr + es - best)
    }

    /// Zeroes what was written.
    fn clear(&mut self) {
        for scores in &mut self.per_lang {
            if self.overflow {
                scores.fill(0.0);
            } else {
                for doc in &self.written {
                    if let Some(score) = scores.get_mut(*doc as usize) {
                        *score = 0.0;
                    }
                }
            }
        }
        self.written.clear();
        self.overflow = false;
    }
}

/// Long posting lists read their scores for small term frequencies from a table rather
/// than divide for each document.
const TABLE_MIN_DOCS: u32 = 2_048;
const TABLE_FREQS: usize = 4;

/// A term's (boosted) BM25 score for term frequencies 1 to [`TABLE_FREQS`] and every field
/// length.
struct ScoreTable(Vec<Score>);

impl ScoreTable {
    fn new(weight: &Bm25Weight, boost: Score) -> ScoreTable {
        let mut table = Vec::with_capacity(TABLE_FREQS * 256);
        for freq in 1..=TABLE_FREQS as u32 {
            for norm in 0..=255u8 {
                table.push(boost * weight.score(norm, freq));
            }
        }
        ScoreTable(table)
    }

    #[inline]
    fn score(&self, weight: &Bm25Weight, boost: Score, norm: u8, freq: u32) -> Score {
        let index = (freq as usize).wrapping_sub(1) * 256 + norm as usize;
        match self.0.get(index) {
            Some(score) if freq >= 1 => *score,
            _ => boost * weight.score(norm, freq),
        }
    }
}

/// Past this many writes, zeroing the whole accumulators is cheaper than listing them.
fn slot_limit(len: usize) -> usize {
    len / 8
}
