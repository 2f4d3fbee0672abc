//! From the user's text to a tantivy query, built by hand from tokens so that no input can
//! fail: words and quoted phrases, each analysed by every language's chain; each must match
//! in some field (title > summary > body) of some language.

use super::facets::{self, FacetKind};
use super::schema::{Fields, analyzer, lang_index};
use ateneu_domain::Lang;
use std::collections::HashSet;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery, Occur,
    PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

/// Only the start of a longer text is read (bytes).
pub(crate) const MAX_TEXT_BYTES: usize = 1_000;
/// The most words (in phrases or not) a query keeps.
pub(crate) const MAX_WORDS: usize = 16;

const TITLE_BOOST: f32 = 3.0;
const SUMMARY_BOOST: f32 = 1.5;
/// A match in a second or third language adds a little to the best one.
const LANGUAGE_TIE_BREAKER: f32 = 0.1;

/// The characters that open or close a phrase.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// A word's term in each language, `None` where it is a stop word.
type WordTerms = [Option<String>; 3];
/// A phrase's terms in each language, with their positions in the phrase.
type PhraseTerms = [Vec<(usize, String)>; 3];

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Clause {
    Word(WordTerms),
    Phrase(PhraseTerms),
}

/// The user's text, analysed.
#[derive(Debug, Default)]
pub(crate) struct ParsedText {
    /// Every one must match.
    required: Vec<Clause>,
    /// Words that are stop words in some language only ("AI", "sea", "son"): they rank
    /// higher the practices that have them but exclude none.
    optional: Vec<Clause>,
    /// Per language, the terms to mark in snippets.
    pub marks: [HashSet<String>; 3],
}

impl ParsedText {
    /// Whether the text has nothing to match (empty, punctuation, stop words): then every
    /// practice matches.
    pub(crate) fn is_empty(&self) -> bool {
        self.required.is_empty() && self.optional.is_empty()
    }
}

/// The per-language analysers, built once.
#[derive(Clone)]
pub(crate) struct Analyzers(pub [TextAnalyzer; 3]);

impl Analyzers {
    pub(crate) fn new() -> Analyzers {
        Analyzers(Lang::ALL.map(analyzer))
    }

    pub(crate) fn get(&mut self, lang: Lang) -> &mut TextAnalyzer {
        &mut self.0[lang_index(lang)]
    }
}

/// The head of `text` at most `max` bytes long, cut on a character boundary.
pub(crate) fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Each word of `text` (by position) and its term in each language.
fn analyse(analyzers: &mut Analyzers, text: &str) -> Vec<WordTerms> {
    let mut words: Vec<WordTerms> = Vec::new();
    for lang in Lang::ALL {
        let l = lang_index(lang);
        analyzers
            .get(lang)
            .token_stream(text)
            .process(&mut |token| {
                if words.len() <= token.position {
                    words.resize(token.position + 1, Default::default());
                }
                if let Some(word) = words.get_mut(token.position) {
                    word[l] = Some(token.text.clone());
                }
            });
    }
    words
}

/// Splits the text into words and phrases and analyses them.
pub(crate) fn parse(analyzers: &mut Analyzers, text: &str) -> ParsedText {
    let text = head(text, MAX_TEXT_BYTES);
    let mut parsed = ParsedText::default();
    let mut budget = MAX_WORDS;
    let quotes = text.chars().filter(|c| is_quote(*c)).count();
    // An unmatched last quote opens no phrase.
    let closed = quotes - quotes % 2;
    let mut seen_quotes = 0;
    let mut segments: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if is_quote(c) && seen_quotes < closed {
            segments.push((seen_quotes % 2 == 1, &text[start..at]));
            seen_quotes += 1;
            start = at + c.len_utf8();
        }
    }
    segments.push((false, &text[start..]));
    let mut seen: HashSet<Clause> = HashSet::new();
    for (phrase, segment) in segments {
        if budget == 0 {
            break;
        }
        let mut words = analyse(analyzers, segment);
        // Positions without any term (stop words everywhere, dropped tokens) still count
        // in a phrase's gaps, but not against the budget.
        let kept_positions: Vec<usize> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.iter().any(Option::is_some))
            .map(|(p, _)| p)
            .take(budget)
            .collect();
        let Some(last) = kept_positions.last().copied() else {
            continue;
        };
        words.truncate(last + 1);
        if phrase {
            budget -= kept_positions.len();
            let mut terms: PhraseTerms = Default::default();
            for (position, word) in words.iter().enumerate() {
                for (l, term) in word.iter().enumerate() {
                    if let Some(term) = term {
                        terms[l].push((position, term.clone()));
                    }
                }
            }
            push_clause(&mut parsed, &mut seen, Clause::Phrase(terms), true);
        } else {
            for word in words {
                if word.iter().all(Option::is_none) {
                    continue;
                }
                budget -= 1;
                let required = word.iter().all(Option::is_some);
                push_clause(&mut parsed, &mut seen, Clause::Word(word), required);
            }
        }
    }
    parsed
}

fn push_clause(
    parsed: &mut ParsedText,
    seen: &mut HashSet<Clause>,
    clause: Clause,
    required: bool,
) {
    if !seen.insert(clause.clone()) {
        return;
    }
    match &clause {
        Clause::Word(terms) => {
            for (l, term) in terms.iter().enumerate() {
                if let Some(term) = term {
                    parsed.marks[l].insert(term.clone());
                }
            }
        }
        Clause::Phrase(terms) => {
            for (l, terms) in terms.iter().enumerate() {
                parsed.marks[l].extend(terms.iter().map(|(_, t)| t.clone()));
            }
        }
    }
    if required {
        parsed.required.push(clause);
    } else {
        parsed.optional.push(clause);
    }
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if boost == 1.0 {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

/// A clause's query in one field, if it has terms in the field's language.
fn field_query(field: Field, terms: &[(usize, String)]) -> Option<Box<dyn Query>> {
    match terms {
        [] => None,
        [(_, term)] => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, term),
            IndexRecordOption::WithFreqs,
        ))),
        _ => {
            let first = terms[0].0;
            let terms = terms
                .iter()
                .map(|(p, t)| (p - first, Term::from_field_text(field, t)))
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset(terms)))
        }
    }
}

/// A clause's query: in each language, title or summary or body; the best language counts.
fn clause_query(fields: &Fields, clause: &Clause) -> Box<dyn Query> {
    let mut per_lang: Vec<Box<dyn Query>> = Vec::new();
    for lang in Lang::ALL {
        let l = lang_index(lang);
        let terms: Vec<(usize, String)> = match clause {
            Clause::Word(word) => word[l].iter().map(|t| (0, t.clone())).collect(),
            Clause::Phrase(phrase) => phrase[l].clone(),
        };
        let f = fields.lang(lang);
        let mut in_fields: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in [
            (f.title, TITLE_BOOST),
            (f.summary, SUMMARY_BOOST),
            (f.body, 1.0),
        ] {
            if let Some(q) = field_query(field, &terms) {
                in_fields.push((Occur::Should, boosted(q, boost)));
            }
        }
        if !in_fields.is_empty() {
            per_lang.push(Box::new(BooleanQuery::new(in_fields)));
        }
    }
    match per_lang.len() {
        0 => Box::new(EmptyQuery),
        1 => per_lang.remove(0),
        _ => Box::new(DisjunctionMaxQuery::with_tie_breaker(
            per_lang,
            LANGUAGE_TIE_BREAKER,
        )),
    }
}

/// The filters: values of a kind are alternatives, kinds must all hold. `None` without
/// filters.
fn filter_query(fields: &Fields, filters: &[(FacetKind, String)]) -> Option<Box<dyn Query>> {
    if filters.is_empty() {
        return None;
    }
    let mut kinds: Vec<(Occur, Box<dyn Query>)> = Vec::new();
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
        let alternatives: Vec<(Occur, Box<dyn Query>)> = values
            .into_iter()
            .filter_map(|v| facets::encode(kind, v))
            .map(|encoded| {
                let term = Term::from_field_text(fields.facet, &encoded);
                let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, q)
            })
            .collect();
        let query: Box<dyn Query> = if alternatives.is_empty() {
            Box::new(EmptyQuery)
        } else {
            Box::new(BooleanQuery::new(alternatives))
        };
        kinds.push((Occur::Must, query));
    }
    Some(Box::new(BooleanQuery::new(kinds)))
}

/// The whole query, and whether its scores mean anything; `None` for "everything".
pub(crate) fn build(
    fields: &Fields,
    parsed: &ParsedText,
    filters: &[(FacetKind, String)],
) -> Option<(Box<dyn Query>, bool)> {
    let filter = filter_query(fields, filters);
    if parsed.is_empty() {
        return filter.map(|f| (f, false));
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for clause in &parsed.required {
        clauses.push((Occur::Must, clause_query(fields, clause)));
    }
    if parsed.required.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    for clause in &parsed.optional {
        clauses.push((Occur::Should, clause_query(fields, clause)));
    }
    if let Some(filter) = filter {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
    }
    Some((Box::new(BooleanQuery::new(clauses)), true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> (Vec<Clause>, Vec<Clause>) {
        let parsed = parse(&mut Analyzers::new(), text);
        (parsed.required, parsed.optional)
    }

    fn word(en: &str, fr: &str, es: &str) -> Clause {
        let some = |t: &str| (!t.is_empty()).then(|| t.to_owned());
        Clause::Word([some(en), some(fr), some(es)])
    }

    #[test]
    fn words_are_analysed_in_every_language() {
        let (required, optional) = words("Musées FESTIVALS");
        assert_eq!(
            required,
            vec![
                word("muse", "muse", "mus"),
                word("festiv", "festival", "festivals")
            ]
        );
        assert!(optional.is_empty());
    }

    #[test]
    fn stop_words_somewhere_are_optional_everywhere_dropped() {
        let (required, optional) = words("the a AI heritage");
        assert_eq!(required, vec![word("heritag", "heritag", "heritag")]);
        assert_eq!(optional, vec![word("", "the", "the"), word("ai", "", "ai")]);
    }

    #[test]
    fn phrases_keep_positions_and_an_unmatched_quote_opens_none() {
        let (required, _) = words("\"politique de la ville\" \"jazz");
        let Some(Clause::Phrase(phrase)) = required.first() else {
            panic!("no phrase in {required:?}");
        };
        assert_eq!(
            phrase[1],
            vec![(0, "polit".to_owned()), (3, "vill".to_owned())]
        );
        assert_eq!(phrase[0].len(), 4);
        assert_eq!(required.get(1), Some(&word("jazz", "jazz", "jazz")));
        assert_eq!(required.len(), 2);
    }

    #[test]
    fn duplicates_go_and_the_word_budget_holds() {
        let (required, _) = words("jazz Jazz JAZZ");
        assert_eq!(required.len(), 1);
        let many: String = (0..100).map(|i| format!("w{i} ")).collect();
        let (required, _) = words(&many);
        assert_eq!(required.len(), MAX_WORDS);
    }

    #[test]
    fn head_cuts_on_a_character_boundary() {
        assert_eq!(head("ééé", 3), "é");
        assert_eq!(head("abc", 10), "abc");
    }
}
