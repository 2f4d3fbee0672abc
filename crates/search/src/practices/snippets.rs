//! Snippets: a window of a summary around its matches, HTML-escaped, the matched words
//! wrapped in `<mark>`; or the summary's start when nothing in it matches.
//!
//! A word matches when the language's analysis turns it into one of the query's terms. Only
//! words whose first letter some term starts with are analysed (stemming keeps the first
//! letter), and their analyses are remembered per thread: a page of snippets costs little
//! more than reading the summaries.

use ateneu_domain::Lang;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use tantivy::tokenizer::TextAnalyzer;

/// The longest snippet, in bytes of source text (about 200 characters).
pub(crate) const SNIPPET_LEN: usize = 200;
/// How much text may precede the first match shown.
const LEAD: usize = 40;
const ELLIPSIS: &str = "…";

/// Words analysed and remembered per thread, per language, at most (then forgotten).
const REMEMBERED: usize = 20_000;

thread_local! {
    static ANALYSED: RefCell<[HashMap<String, Option<String>>; 3]> = RefCell::default();
}

/// The term `analyzer` makes of one word (`None`: a stop word, or too long).
fn analysed(lang: Lang, analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    let analyse = |analyzer: &mut TextAnalyzer| {
        let mut term = None;
        analyzer
            .token_stream(word)
            .process(&mut |token| term = Some(token.text.clone()));
        term
    };
    ANALYSED.with(|cell| {
        let Ok(mut caches) = cell.try_borrow_mut() else {
            return analyse(analyzer);
        };
        let cache = &mut caches[super::schema::lang_index(lang)];
        if let Some(term) = cache.get(word) {
            return term.clone();
        }
        if cache.len() >= REMEMBERED {
            cache.clear();
        }
        let term = analyse(analyzer);
        cache.insert(word.to_owned(), term.clone());
        term
    })
}

/// The byte ranges of the words of `text` whose terms (by `analyzer`, of `lang`) are in
/// `terms`. Words are what the analysers' tokenizer splits: runs of letters and digits.
fn matches(
    text: &str,
    lang: Lang,
    analyzer: &mut TextAnalyzer,
    terms: &HashSet<String>,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if terms.is_empty() {
        return found;
    }
    let firsts: Vec<char> = terms.iter().filter_map(|t| t.chars().next()).collect();
    let mut start: Option<usize> = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                start = None;
                let word = text.get(from..at).unwrap_or_default();
                let candidate = match word.chars().next() {
                    // An ASCII first letter stays itself, lower-cased; others may fold.
                    Some(first) if first.is_ascii() => firsts.contains(&first.to_ascii_lowercase()),
                    _ => true,
                };
                if candidate
                    && analysed(lang, analyzer, word).is_some_and(|term| terms.contains(&term))
                {
                    found.push((from, at));
                }
            }
            _ => {}
        }
    }
    found
}

/// The snippet of `summary`, in `lang`: its words whose terms (by `analyzer`) are in `terms`
/// marked.
pub(crate) fn snippet(
    summary: &str,
    lang: Lang,
    analyzer: &mut TextAnalyzer,
    terms: &HashSet<String>,
) -> String {
    let matches = matches(summary, lang, analyzer, terms);
    let (start, end) = window(summary, &matches);
    let mut out = String::with_capacity(end - start + 64);
    if start > 0 {
        out.push_str(ELLIPSIS);
    }
    let mut at = start;
    for (from, to) in matches {
        if from < at || to > end {
            continue;
        }
        escape_into(&mut out, summary.get(at..from).unwrap_or_default());
        out.push_str("<mark>");
        escape_into(&mut out, summary.get(from..to).unwrap_or_default());
        out.push_str("</mark>");
        at = to;
    }
    escape_into(&mut out, summary.get(at..end).unwrap_or_default());
    if end < summary.len() {
        out.push_str(ELLIPSIS);
    }
    out
}

/// The byte range shown: the whole of a short summary; else the [`SNIPPET_LEN`] stretch
/// holding the most matches, starting a little before its first one at a word; else the
/// start.
fn window(text: &str, matches: &[(usize, usize)]) -> (usize, usize) {
    if text.len() <= SNIPPET_LEN {
        return (0, text.len());
    }
    let mut best: Option<(usize, usize)> = None; // (matches in reach, first match start)
    for (i, (from, _)) in matches.iter().enumerate() {
        let reach = from + SNIPPET_LEN - LEAD;
        let count = matches[i..]
            .iter()
            .take_while(|(_, to)| *to <= reach)
            .count();
        if best.is_none_or(|(c, _)| count > c) {
            best = Some((count, *from));
        }
    }
    let start = match best {
        Some((_, first)) if first > LEAD => word_start(text, first - LEAD),
        _ => 0,
    };
    let end = word_end(text, start + SNIPPET_LEN);
    (start, end.max(start))
}

/// The start of the first word at or after `at`.
fn word_start(text: &str, at: usize) -> usize {
    let mut at = at;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..].find(char::is_whitespace) {
        // Already at a word start?
        _ if at == 0 || text[..at].ends_with(char::is_whitespace) => at,
        Some(space) => {
            let after = at + space;
            after
                + text[after..]
                    .find(|c: char| !c.is_whitespace())
                    .unwrap_or(text.len() - after)
        }
        None => at,
    }
}

/// The end of the last whole word before `limit` (or `limit` itself, on a character
/// boundary, inside one long word).
fn word_end(text: &str, limit: usize) -> usize {
    if limit >= text.len() {
        return text.len();
    }
    let mut limit = limit;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    match text[..limit].rfind(char::is_whitespace) {
        Some(space) if space > 0 => text[..space].trim_end().len(),
        _ => limit,
    }
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practices::schema::analyzer;
    use proptest::prelude::*;

    fn terms(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn matches_are_marked_and_html_escaped() {
        let mut en = analyzer(Lang::En);
        let out = snippet(
            "<script>alert('x')</script> Street Festivals & music",
            Lang::En,
            &mut en,
            &terms(&["festiv"]),
        );
        assert_eq!(
            out,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Street <mark>Festivals</mark> &amp; music"
        );
    }

    #[test]
    fn a_long_summary_is_cut_at_words_around_the_matches() {
        let mut fr = analyzer(Lang::Fr);
        let filler = "une longue phrase sans rien ".repeat(20);
        let text = format!("{filler}les musées de la ville {filler}");
        let out = snippet(&text, Lang::Fr, &mut fr, &terms(&["muse"]));
        assert!(out.starts_with('…') && out.ends_with('…'), "{out}");
        assert!(out.contains("<mark>musées</mark>"), "{out}");
        let plain = out.trim_matches('…');
        assert!(plain.len() <= SNIPPET_LEN + "<mark></mark>".len());
        assert!(!plain.starts_with(' ') && !plain.ends_with(' '));
        // Whole words only.
        for word in plain
            .replace("<mark>", "")
            .replace("</mark>", "")
            .split(' ')
        {
            assert!(
                [
                    "une", "longue", "phrase", "sans", "rien", "les", "musées", "de", "la", "ville"
                ]
                .contains(&word),
                "{word:?} in {out}"
            );
        }
    }

    #[test]
    fn without_a_match_the_start_is_shown() {
        let mut es = analyzer(Lang::Es);
        let text = "palabra ".repeat(60);
        let out = snippet(&text, Lang::Es, &mut es, &terms(&["nada"]));
        assert!(
            out.starts_with("palabra palabra") && out.ends_with("palabra…"),
            "{out}"
        );
        assert!(!out.contains("<mark>"));
        let long_word = "é".repeat(300);
        let out = snippet(&long_word, Lang::Es, &mut es, &HashSet::new());
        assert!(out.ends_with('…') && out.len() <= SNIPPET_LEN + ELLIPSIS.len());
    }

    proptest! {
        /// The word scan marks exactly the tokens the full analysis would.
        #[test]
        fn marks_what_the_analyser_matches(
            text in "[a-zA-Zéèàçñ' ,.½²İ-]{0,120}",
            picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..4),
            lang in proptest::sample::select(Lang::ALL.to_vec()),
        ) {
            let mut analyzer = analyzer(lang);
            let mut tokens: Vec<(usize, usize, String)> = Vec::new();
            analyzer.token_stream(&text).process(&mut |t| tokens.push((t.offset_from, t.offset_to, t.text.clone())));
            let mut wanted: HashSet<String> = HashSet::new();
            if !tokens.is_empty() {
                for pick in &picks {
                    wanted.insert(pick.get(&tokens).2.clone());
                }
            }
            wanted.insert("zzz".to_owned());
            let expected: Vec<(usize, usize)> = tokens
                .iter()
                .filter(|(_, _, t)| wanted.contains(t))
                .map(|(from, to, _)| (*from, *to))
                .collect();
            prop_assert_eq!(matches(&text, lang, &mut analyzer, &wanted), expected);
        }
    }
}
