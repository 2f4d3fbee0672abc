//! Searching practices: the query string (`q`, `lang`, one parameter per facet, repeatable,
//! `sort`, `page`) parsed into a request, this process's index asked, and the answer labelled
//! in the reader's language — shared by the search page and `GET /api/v1/practices/search`.

use super::labels::Labels;
use crate::{Context, Error};
use ateneu_domain::ProblemKey;
use ateneu_domain::{Lang, Problem};
pub use ateneu_search::Sort;
use ateneu_search::{FacetKind, SearchRequest, SearchResponse};
use serde::Serialize;
use std::collections::BTreeMap;

pub const PER_PAGE: usize = 20;
const MAX_PAGE: usize = 500;
const MAX_QUERY: usize = 500;
const MAX_FILTERS: usize = 40;
/// Values listed per facet kind unless the request asks for more (`facet_limit`), as a
/// terms aggregation lists 10 by default: a kind such as cities can have thousands; every
/// value is counted, and the values filtered on are always listed.
pub const FACET_LIMIT: usize = 10;
/// The most values a request may ask for per kind.
pub const MAX_FACET_LIMIT: usize = 1_000;

/// A parsed search.
#[derive(Debug, Clone)]
pub struct Search {
    pub request: SearchRequest,
    pub page: usize,
    /// Values listed per facet kind (besides those filtered on).
    pub facet_limit: usize,
}

/// Parses a query string; repeated parameters are kept (`sdg=4&sdg=11`).
pub fn parse(query: Option<&str>, reader: Lang) -> Result<Search, Error> {
    let mut text = String::new();
    let mut lang = reader;
    let mut sort = Sort::Relevance;
    let mut page = 1usize;
    let mut facet_limit = FACET_LIMIT;
    let mut filters = Vec::new();
    for (key, value) in url::form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        let value = value.trim();
        match key.as_ref() {
            "q" => text = value.chars().take(MAX_QUERY).collect(),
            "lang" if !value.is_empty() => {
                lang = value.parse().map_err(|()| {
                    Error::BadRequest(Problem::with_detail(ProblemKey::UnknownLanguage, value))
                })?;
            }
            "sort" => {
                sort = match value {
                    "" | "relevance" => Sort::Relevance,
                    "newest" | "date" => Sort::Newest,
                    other => {
                        return Err(Error::BadRequest(Problem::with_detail(
                            ProblemKey::UnknownValue,
                            other,
                        )));
                    }
                }
            }
            "page" => {
                page = value
                    .parse::<usize>()
                    .ok()
                    .filter(|p| (1..=MAX_PAGE).contains(p))
                    .ok_or_else(|| {
                        Error::BadRequest(Problem::with_detail(ProblemKey::InvalidPage, value))
                    })?;
            }
            "facet_limit" => {
                facet_limit = value
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_FACET_LIMIT).contains(n))
                    .ok_or_else(|| {
                        Error::BadRequest(Problem::with_detail(
                            ProblemKey::InvalidFacetLimit,
                            value,
                        ))
                    })?;
            }
            other => {
                if let Some(kind) = FacetKind::parse(other)
                    && !value.is_empty()
                    && filters.len() < MAX_FILTERS
                {
                    filters.push((kind, value.chars().take(100).collect::<String>()));
                }
            }
        }
    }
    Ok(Search {
        request: SearchRequest {
            text,
            lang,
            filters,
            sort,
            offset: (page - 1) * PER_PAGE,
            limit: PER_PAGE,
        },
        page,
        facet_limit,
    })
}

/// A city of a hit.
#[derive(Debug, Clone, Serialize)]
pub struct HitCity {
    pub slug: String,
    pub name: String,
    pub country: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShownHit {
    pub id: i64,
    pub slug: String,
    pub title: String,
    /// HTML: escaped text with the matches in `<mark>`.
    pub snippet: String,
    pub lang: Lang,
    pub languages: Vec<Lang>,
    /// The first city's name (the API's `city`), and every city.
    pub city: String,
    pub cities: Vec<HitCity>,
    /// The tags whose names hold the query's words, in the reader's language: why the
    /// practice matched when its own text may not say so.
    pub matched_tags: Vec<MatchedTag>,
    pub score: f32,
}

/// A tag through whose name a search reached a practice.
#[derive(Debug, Clone, Serialize)]
pub struct MatchedTag {
    pub kind: &'static str,
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShownFacet {
    pub value: String,
    pub label: String,
    pub count: u64,
    pub selected: bool,
}

/// A search's answer in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<ShownHit>,
    pub facets: BTreeMap<&'static str, Vec<ShownFacet>>,
    /// False while the index is being built at a first start: the answer holds only what is
    /// indexed so far.
    pub complete: bool,
}

/// How long to wait before asking again while the index is being built, in seconds.
pub const RETRY_AFTER: u64 = 10;

/// Asks this process's index and labels the answer in the request's language.
pub fn run(context: &Context, search: &Search) -> Result<Results, Error> {
    let response = context
        .search
        .index
        .search_top_facets(&search.request, search.facet_limit)
        .map_err(|e| Error::Internal(e.to_string()))?;
    let labels = context.search.labels();
    Ok(show(context, &labels, search, response))
}

fn label(kind: FacetKind, value: &str, lang: Lang, context: &Context, labels: &Labels) -> String {
    let (index, reference) = (&context.search, &context.reference);
    let found = match kind {
        FacetKind::Sdg => value.parse::<i32>().ok().and_then(|n| {
            reference
                .sdgs
                .iter()
                .find(|s| s.number == n)
                .map(|s| format!("{n}. {}", s.name.get(lang)))
        }),
        FacetKind::Field => labels.fields.get(value).map(|t| t.get(lang).to_owned()),
        FacetKind::Keyword => labels.keywords.get(value).map(|t| t.get(lang).to_owned()),
        FacetKind::Region => reference.region(value).map(|r| r.name.get(lang).to_owned()),
        FacetKind::Country => ateneu_domain::countries::Country::parse(value)
            .ok()
            .map(|c| c.name(lang).to_owned()),
        FacetKind::City => index.city(value).map(|c| c.name.show(lang).text.to_owned()),
        FacetKind::CreativeField => reference
            .creative_field(value)
            .map(|f| f.name.get(lang).to_owned()),
        FacetKind::Language => value
            .parse::<Lang>()
            .ok()
            .map(|l| context.i18n.t(lang, &format!("lang-{}", l.code()))),
        // A status is a word of the interface, in the reader's language.
        FacetKind::Status => ateneu_domain::practices::PracticeStatus::parse(value)
            .ok()
            .map(|s| {
                context
                    .i18n
                    .t(lang, &format!("practice-status-{}", s.key()))
            }),
        FacetKind::Year => None,
    };
    found.unwrap_or_else(|| value.to_owned())
}

fn show(context: &Context, labels: &Labels, search: &Search, response: SearchResponse) -> Results {
    let lang = search.request.lang;
    let index = &context.search;
    let hits = response
        .hits
        .into_iter()
        .map(|hit| {
            let cities: Vec<HitCity> = hit
                .cities
                .iter()
                .map(|slug| match index.city(slug) {
                    Some(city) => HitCity {
                        slug: city.slug.clone(),
                        name: city.name.show(lang).text.to_owned(),
                        country: city.country.clone(),
                    },
                    // Not read yet (a city created since the registry was read): its slug.
                    None => HitCity {
                        slug: slug.clone(),
                        name: slug.clone(),
                        country: String::new(),
                    },
                })
                .collect();
            ShownHit {
                id: hit.id,
                slug: hit.slug,
                title: hit.title,
                snippet: hit.snippet,
                lang: hit.lang,
                languages: hit.languages,
                city: cities.first().map(|c| c.name.clone()).unwrap_or_default(),
                cities,
                matched_tags: hit
                    .tags
                    .iter()
                    .map(|(kind, value)| MatchedTag {
                        kind: kind.key(),
                        label: label(*kind, value, lang, context, labels),
                        value: value.clone(),
                    })
                    .collect(),
                score: hit.score,
            }
        })
        .collect();
    let facets = response
        .facets
        .into_iter()
        .map(|(kind, counts)| {
            let shown = counts
                .into_iter()
                .map(|count| ShownFacet {
                    selected: search
                        .request
                        .filters
                        .iter()
                        .any(|(k, v)| *k == kind && *v == count.value),
                    label: label(kind, &count.value, lang, context, labels),
                    value: count.value,
                    count: count.count,
                })
                .collect();
            (kind.key(), shown)
        })
        .collect();
    Results {
        total: response.total,
        page: search.page,
        per_page: PER_PAGE,
        hits,
        facets,
        complete: !index.is_building(),
    }
}
