//! The practices' search page: a GET form (text, sort, facet checkboxes) that works without
//! JavaScript, the hits with their highlighted snippets, paging, and the feed and open-data links.

use super::search::{self, Results, ShownFacet};
use crate::AppState;
use crate::error::AppError;
use crate::layout;
use crate::viewer::Viewer;
use axum::extract::{RawQuery, State};
use maud::{Markup, PreEscaped, html};

/// How many values of a facet are shown unless the visitor asked for more (the selected ones
/// always are).
const FACET_TOP: usize = 10;
/// How many when they asked for more.
const FACET_MORE: usize = 100;

/// The query string's pairs, as given (repeated facets kept).
fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
}

/// The same search on another page.
fn with_page(pairs: &[(String, String)], page: u64) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(k, _)| k != "page") {
        out.append_pair(k, v);
    }
    if page > 1 {
        out.append_pair("page", &page.to_string());
    }
    out.finish()
}

fn facet_block(v: &Viewer, kind: &str, values: &[ShownFacet], top: usize) -> Markup {
    let shown: Vec<&ShownFacet> = values
        .iter()
        .enumerate()
        .filter(|(i, f)| *i < top || f.selected)
        .map(|(_, f)| f)
        .collect();
    html! {
        @if !shown.is_empty() {
            fieldset.facet {
                legend { (v.t(&format!("facet-{kind}"))) }
                ul.plain { @for f in shown {
                    li { label {
                        input type="checkbox" name=(kind) value=(f.value) checked[f.selected];
                        " " (f.label) " " span.muted { "(" (f.count) ")" }
                    } }
                } }
            }
        }
    }
}

fn hits(v: &Viewer, results: &Results) -> Markup {
    html! {
        ol.results start=((results.page - 1) * results.per_page + 1) {
            @for hit in &results.hits {
                li.hit {
                    h2.hit-title { a href=(v.href(&format!("/practices/{}", hit.slug))) lang=[(hit.lang != v.lang).then(|| hit.lang.code())] { (hit.title) } }
                    // The index gives the snippet escaped, with the matches in <mark>.
                    p.snippet lang=[(hit.lang != v.lang).then(|| hit.lang.code())] { (PreEscaped(&hit.snippet)) }
                    @if !hit.matched_tags.is_empty() {
                        p.matched { (v.t("search-matched-tags")) " "
                            @for (i, tag) in hit.matched_tags.iter().enumerate() {
                                @if i > 0 { ", " }
                                mark { (tag.label) }
                            }
                        }
                    }
                    p.muted {
                        @for (i, city) in hit.cities.iter().enumerate() {
                            @if i > 0 { ", " }
                            a href=(v.href(&format!("/cities/{}", city.slug))) { (city.name) }
                        }
                        " · " (v.t("practice-languages")) " "
                        @for (i, lang) in hit.languages.iter().enumerate() {
                            @if i > 0 { ", " }
                            span { (v.language(*lang)) }
                        }
                    }
                }
            }
        }
    }
}

/// `GET /{lang}/practices`.
pub async fn search_page(
    State(state): State<AppState>,
    v: Viewer,
    RawQuery(query): RawQuery,
) -> Result<Markup, AppError> {
    let mut parsed = search::parse(query.as_deref(), v.lang)?;
    let pairs = pairs(query.as_deref());
    // The visitor's own `facet_limit`, else the first few values (and one more, to know
    // whether to link to more).
    let asked = pairs.iter().any(|(k, _)| k == "facet_limit");
    let top = if asked { parsed.facet_limit } else { FACET_TOP };
    if !asked {
        parsed.facet_limit = FACET_TOP + 1;
    }
    let results = search::run(&state, &parsed)?;
    let more = (!asked && results.facets.values().any(|list| list.len() > FACET_TOP)).then(|| {
        let mut rest: Vec<(String, String)> = pairs.clone();
        rest.push(("facet_limit".to_owned(), FACET_MORE.to_string()));
        format!("{}?{}", v.href("/practices"), with_page(&rest, 1))
    });
    let text = parsed.request.text.clone();
    let newest = matches!(parsed.request.sort, search::Sort::Newest);
    let pages = (results.total as u64).div_ceil(results.per_page as u64);
    let base = v.href("/practices");
    let feed = v.href("/practices/feed.atom");
    let body = html! {
        link rel="alternate" type="application/atom+xml" href=(feed) title=(v.t("practices-feed-title"));
        h1 { (v.t("practices-title")) }
        p.lead { (v.t("practices-lead")) }
        @if !results.complete { div.flash.info role="status" { p { (v.t("practices-search-partial")) } } }
        // One form: the words on top, the filters beside the results, one button each.
        form.practice-search method="get" action=(base) role="search" {
            div.search-row {
                div.field {
                    label for="f-q" { (v.t("practices-search-text")) }
                    input id="f-q" type="search" name="q" value=(text);
                }
                div.field {
                    label for="f-sort" { (v.t("practices-sort")) }
                    select id="f-sort" name="sort" {
                        option value="relevance" selected[!newest] { (v.t("practices-sort-relevance")) }
                        option value="newest" selected[newest] { (v.t("practices-sort-newest")) }
                    }
                }
                div.actions { button.button type="submit" { (v.t("practices-search")) } }
            }
            @if parsed.request.lang != v.lang { input type="hidden" name="lang" value=(parsed.request.lang.code()); }
            @if asked { input type="hidden" name="facet_limit" value=(parsed.facet_limit); }
            div.search-columns {
                @if !results.facets.is_empty() {
                    aside.facets aria-label=(v.t("practices-filters")) {
                        @for (kind, values) in &results.facets { (facet_block(&v, kind, values, top)) }
                        @if let Some(more) = &more { p { a href=(more) { (v.t("practices-facets-more")) } } }
                        div.actions { button.button.secondary type="submit" { (v.t("filter-apply")) } " " a href=(base) { (v.t("practices-clear")) } }
                    }
                }
                section.results {
                    p.muted aria-live="polite" { (v.tf("practices-count", &[("count", (results.total as i64).into())])) }
                    @if results.hits.is_empty() { p { (v.t("practices-none")) } } @else { (hits(&v, &results)) }
                }
            }
        }
        (layout::pagination(&v, results.page as u64, pages, |n| format!("{base}?{}", with_page(&pairs, n))))
        p {
            a href=(feed) { (v.t("practices-feed")) } " · "
            a href="/api/v1/practices/export.csv" { (v.t("practices-export-csv")) } " · "
            a href="/api/v1/practices/export.json" { (v.t("practices-export-json")) } " · "
            a href="/api/v1/practices/codebook" { (v.t("practices-codebook")) }
            @if v.signed_in.is_some() {
                " · " a href=(v.href("/practices/work")) { (v.t("practices-work")) }
                " · " a.button href=(v.href("/practices/new")) { (v.t("practice-new")) }
            }
            @if v.allows(ateneu_domain::permissions::Action::ManagePractices) {
                " · " a href=(v.href("/keywords")) { (v.t("keywords-manage")) }
            }
        }
    };
    Ok(layout::page(&state, &v, &v.t("practices-title"), body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_keeps_every_parameter_but_the_page() {
        let p = pairs(Some("q=music&sdg=4&sdg=11&page=3"));
        assert_eq!(with_page(&p, 2), "q=music&sdg=4&sdg=11&page=2");
        assert_eq!(with_page(&p, 1), "q=music&sdg=4&sdg=11");
    }
}
