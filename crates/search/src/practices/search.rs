//! One search against a snapshot: the query, the counting pass, then the page of hits with
//! their titles and snippets in the reader's language.

use super::engine::Plan;
use super::parallel;
use super::query::{self, Analyzers};
use super::schema::{Fields, lang_bit, lang_index, langs_of_bits};
use super::snapshot::Snapshot;
use super::snippets::snippet;
use super::tags::TagTerms;
use super::topn::Ranked;
use super::{Hit, IndexError, MAX_DEPTH, MAX_LIMIT, SearchRequest, SearchResponse, Sort};
use ateneu_domain::Lang;
use std::sync::Arc;
use tantivy::schema::Value;
use tantivy::{DocAddress, TantivyDocument};

/// The page's range of ranks, within the reachable depth.
fn page(request: &SearchRequest) -> (usize, usize) {
    let limit = request.limit.min(MAX_LIMIT);
    let end = request.offset.saturating_add(limit).min(MAX_DEPTH);
    (request.offset.min(end), end)
}

/// Runs `request`; each facet list holds its first `per_kind` values.
pub(crate) fn search(
    snapshot: &Arc<Snapshot>,
    fields: &Fields,
    analyzers: &Analyzers,
    tags: &TagTerms,
    request: &SearchRequest,
    per_kind: usize,
) -> Result<SearchResponse, IndexError> {
    let mut analyzers = analyzers.clone();
    let parsed = query::parse(&mut analyzers, &request.text);
    let (start, end) = page(request);
    if parsed.is_empty() && request.filters.is_empty() {
        let ranked: Vec<Ranked> = snapshot
            .newest
            .get(start..end.min(snapshot.newest.len()))
            .unwrap_or_default()
            .iter()
            .map(|address| Ranked {
                key: 0,
                address: *address,
                score: 0.0,
            })
            .collect();
        return Ok(SearchResponse {
            total: snapshot.newest.len(),
            hits: hits(
                snapshot,
                fields,
                &mut analyzers,
                (&parsed.marks, &[]),
                request.lang,
                &ranked,
            )?,
            facets: snapshot
                .all_facets
                .iter()
                .map(|(kind, list)| (*kind, list.iter().take(per_kind).cloned().collect()))
                .collect(),
        });
    }
    let scoring = request.sort == Sort::Relevance && !parsed.is_empty();
    let plan = Plan::new(snapshot, fields, tags, &parsed, &request.filters, scoring)?;
    let keep = plan.filter_ids();
    let reached = plan.reached.clone();
    // The page's titles and snippets are read while the facets are counted.
    let (outcome, hits) = parallel::run(plan, end, |top| {
        let page = top.get(start..).unwrap_or_default();
        hits(
            snapshot,
            fields,
            &mut analyzers,
            (&parsed.marks, &reached),
            request.lang,
            page,
        )
    })?;
    Ok(SearchResponse {
        total: usize::try_from(outcome.total).unwrap_or(usize::MAX),
        hits,
        facets: snapshot.values.lists(&outcome.counts, per_kind, &keep),
    })
}

/// What a hit shows of why it matched: per language, the terms its snippet marks, and the ids
/// of the tags that the words reached through their names.
type Reasons<'a> = (&'a [std::collections::HashSet<String>; 3], &'a [u32]);

fn hits(
    snapshot: &Snapshot,
    fields: &Fields,
    analyzers: &mut Analyzers,
    reasons: Reasons<'_>,
    reader_lang: Lang,
    ranked: &[Ranked],
) -> Result<Vec<Hit>, IndexError> {
    let mut hits = Vec::with_capacity(ranked.len());
    for r in ranked {
        hits.push(hit(snapshot, fields, analyzers, reasons, reader_lang, r)?);
    }
    Ok(hits)
}

fn stored_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> &str {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
}

fn hit(
    snapshot: &Snapshot,
    fields: &Fields,
    analyzers: &mut Analyzers,
    (marks, reached): Reasons<'_>,
    reader_lang: Lang,
    ranked: &Ranked,
) -> Result<Hit, IndexError> {
    let address: DocAddress = ranked.address;
    let doc: TantivyDocument = snapshot.searcher.doc(address)?;
    let bits = doc
        .get_first(fields.langs)
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    let languages = langs_of_bits(bits);
    let source = doc
        .get_first(fields.source)
        .and_then(|v| v.as_u64())
        .and_then(|b| langs_of_bits(b).first().copied());
    let lang = if bits & lang_bit(reader_lang) != 0 {
        reader_lang
    } else {
        source
            .filter(|s| bits & lang_bit(*s) != 0)
            .or_else(|| languages.first().copied())
            .or(source)
            .unwrap_or(reader_lang)
    };
    let texts = fields.lang(lang);
    let summary = stored_text(&doc, texts.summary);
    let segment = snapshot.segment(address.segment_ord);
    let id = segment
        .and_then(|s| s.practice_ids.get(address.doc_id as usize).copied())
        .unwrap_or(0);
    let tags = segment
        .map(|s| s.facet_ids(address.doc_id))
        .unwrap_or_default()
        .iter()
        .filter(|id| reached.binary_search(id).is_ok())
        .filter_map(|id| snapshot.values.value(*id))
        .map(|(kind, value)| (kind, value.to_owned()))
        .collect();
    Ok(Hit {
        id,
        slug: stored_text(&doc, fields.slug).to_owned(),
        cities: doc
            .get_all(fields.city)
            .filter_map(|v| v.as_str())
            .map(str::to_owned)
            .collect(),
        lang,
        title: stored_text(&doc, texts.title).to_owned(),
        snippet: snippet(summary, lang, analyzers.get(lang), &marks[lang_index(lang)]),
        languages,
        tags,
        score: ranked.score,
    })
}
