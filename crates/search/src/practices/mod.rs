//! The full-text index of good practices: the types the web layer exchanges with it, and the
//! wiring of its parts (schema and analysers, query building, facet counting, snippets).
//!
//! The index is a cache of the database. Each server process keeps its own copy in a directory
//! of its own, built at start when missing or unreadable, and kept current by [`PracticeIndex::apply`]
//! from the change log (the last change-log id applied lives in tantivy's commit payload).

mod bits;
mod engine;
mod facets;
mod index;
mod parallel;
mod query;
mod schema;
mod scoring;
mod search;
mod segment;
mod snapshot;
mod snippets;
mod tags;
#[cfg(test)]
mod tests;
mod topn;

use ateneu_domain::Lang;
use std::collections::BTreeMap;

pub use facets::FacetKind;
pub use index::PracticeIndex;
pub use tags::{NAMED_KINDS, TagName};

/// The text of a practice in one language (plain text, no markup).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocText {
    pub title: String,
    pub summary: String,
    /// All the long fields, joined.
    pub body: String,
}

/// A practice as the index sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeDoc {
    pub id: i64,
    /// Where the practice's page lives; stored, for hits.
    pub slug: String,
    /// Its cities' slugs, in the practice's order; stored, for hits.
    pub cities: Vec<String>,
    pub source_lang: Lang,
    /// The languages the practice exists in (at least one).
    pub texts: BTreeMap<Lang, DocText>,
    /// Unix seconds: the "newest" order.
    pub published_at: i64,
    /// Facet values, e.g. `(Sdg, "11")`, `(Country, "ES")`. The index adds `(Language, code)`
    /// for each language of `texts` itself (a `Language` value given here is ignored).
    pub facets: Vec<(FacetKind, String)>,
}

/// The order of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first; with no words to match, newest first.
    #[default]
    Relevance,
    /// Latest `published_at` first.
    Newest,
}

/// One search: the user's text, the reader's language (only the language of titles and
/// snippets depends on it), facet filters, order and page.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub text: String,
    pub lang: Lang,
    /// Values of one kind are alternatives (OR); different kinds must all hold (AND).
    pub filters: Vec<(FacetKind, String)>,
    pub sort: Sort,
    pub offset: usize,
    /// At most [`MAX_LIMIT`] hits are returned.
    pub limit: usize,
}

/// The most hits one page returns.
pub const MAX_LIMIT: usize = 100;
/// The deepest result reachable by paging: `offset + limit` beyond it returns no hits (the
/// total and the facet counts stay right).
pub const MAX_DEPTH: usize = 10_000;

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: i64,
    pub slug: String,
    /// The practice's cities' slugs, in its order.
    pub cities: Vec<String>,
    /// The language of `title` and `snippet`: the reader's when the practice has it, else
    /// the practice's source language.
    pub lang: Lang,
    pub title: String,
    /// HTML: escaped text of the summary, matches wrapped in `<mark>…</mark>`.
    pub snippet: String,
    /// The languages the practice is available in.
    pub languages: Vec<Lang>,
    /// The practice's tags (keywords, fields, SDGs, creative fields) whose names hold the
    /// query's words: why it matched, when its text may not say so.
    pub tags: Vec<(FacetKind, String)>,
    /// Relevance (0 when sorted by date, or with no words to match).
    pub score: f32,
}

/// How many matching practices carry one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResponse {
    /// Matching practices (all pages).
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Every kind; for each, every value with a count over the whole matching set, by count
    /// (descending) then value.
    pub facets: BTreeMap<FacetKind, Vec<FacetCount>>,
}

/// What [`PracticeIndex::open`] found in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// Nothing usable was there: the index was created empty and needs a rebuild.
    Created,
    /// An index of this schema version, up to date with the change log up to `applied`.
    Existing { applied: i64 },
}

/// What can go wrong with the index (never the user's query text).
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("search index file: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("search index in {0} is missing or of another version")]
    Incompatible(String),
    #[error("search index lock poisoned by a panic in another thread")]
    Poisoned,
}
