//! The user's text, read leniently so that no input can fail: words and quoted phrases, each
//! analysed by every language's chain, into the clauses the engine matches (each must match
//! in some language) and the terms snippets mark.

use super::schema::{analyzer, lang_index};
use ateneu_domain::Lang;
use std::collections::HashSet;
use tantivy::tokenizer::TextAnalyzer;

/// Only the start of a longer text is read (bytes).
pub(crate) const MAX_TEXT_BYTES: usize = 1_000;
/// The most words (in phrases or not) a query keeps.
pub(crate) const MAX_WORDS: usize = 16;

/// The characters that open or close a phrase.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// A word's term in each language, `None` where it is a stop word.
pub(crate) type WordTerms = [Option<String>; 3];
/// A phrase's terms in each language, with their positions in the phrase.
pub(crate) type PhraseTerms = [Vec<(usize, String)>; 3];

/// What must (or may) match: a word, or a phrase (its words in order).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Clause {
    Word(WordTerms),
    Phrase(PhraseTerms),
}

impl Clause {
    /// The clause's terms in one language, with their positions (one term for a word).
    pub(crate) fn terms(&self, lang: Lang) -> Vec<(usize, String)> {
        let l = lang_index(lang);
        match self {
            Clause::Word(word) => word[l].iter().map(|t| (0, t.clone())).collect(),
            Clause::Phrase(phrase) => phrase[l].clone(),
        }
    }
}

/// The user's text, analysed.
#[derive(Debug, Default)]
pub(crate) struct ParsedText {
    /// Every one must match.
    pub required: Vec<Clause>,
    /// Words that are stop words in some language only ("AI", "sea", "son"): they rank
    /// higher the practices that have them but exclude none.
    pub optional: Vec<Clause>,
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
