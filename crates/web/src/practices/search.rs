//! Searching practices on the web: the search page and `GET /api/v1/practices/search` share
//! `ateneu_app::practices::search` (the query string parsed, the index asked, the answer
//! labelled); this is the API's answer, written straight from the results.

use crate::error::AppError;
pub use ateneu_app::practices::labels::refresh_labels;
pub use ateneu_app::practices::search::*;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::collections::BTreeMap;

/// The API's answer: the shape, facets as `{kind: {value: count}}`, with the labelled,
/// ordered lists beside them (`facet_values`). Written straight from the results, in one
/// buffer sized for a page of hits and facet lists.
#[derive(Serialize)]
struct Answer<'a> {
    complete: bool,
    total: usize,
    page: usize,
    per_page: usize,
    hits: &'a [ShownHit],
    facets: Counts<'a>,
    facet_values: &'a BTreeMap<&'static str, Vec<ShownFacet>>,
}

/// `{kind: {value: count}}`, read off the labelled lists.
struct Counts<'a>(&'a BTreeMap<&'static str, Vec<ShownFacet>>);

/// `{value: count}` of one kind.
struct KindCounts<'a>(&'a [ShownFacet]);

impl Serialize for Counts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (kind, values) in self.0 {
            map.serialize_entry(kind, &KindCounts(values))?;
        }
        map.end()
    }
}

impl Serialize for KindCounts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for facet in self.0 {
            map.serialize_entry(&facet.value, &facet.count)?;
        }
        map.end()
    }
}

pub fn json_answer(results: &Results) -> Response {
    let answer = Answer {
        complete: results.complete,
        total: results.total,
        page: results.page,
        per_page: results.per_page,
        hits: &results.hits,
        facets: Counts(&results.facets),
        facet_values: &results.facets,
    };
    let mut body = Vec::with_capacity(32 * 1024);
    match serde_json::to_writer(&mut body, &answer) {
        Ok(()) if results.complete => {
            ([(header::CONTENT_TYPE, "application/json")], body).into_response()
        }
        Ok(()) => (
            [
                (header::CONTENT_TYPE, "application/json".to_owned()),
                (header::RETRY_AFTER, RETRY_AFTER.to_string()),
            ],
            body,
        )
            .into_response(),
        Err(error) => AppError::Internal(error.to_string()).into_response(),
    }
}
