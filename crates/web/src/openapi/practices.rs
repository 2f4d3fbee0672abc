//! The good-practice database's part of the API description: the search's and the translation
//! queue's query parameters, and its schemas.

use super::{schema_ref, string_props};
use crate::practices::search::{FACET_LIMIT, MAX_FACET_LIMIT};
use serde_json::{Value, json};

/// The translation queue's query parameters, for its handler's `params(...)`.
pub(crate) struct QueueParameters;

impl utoipa::IntoParams for QueueParameters {
    fn into_params(
        _: impl Fn() -> Option<utoipa::openapi::path::ParameterIn>,
    ) -> Vec<utoipa::openapi::path::Parameter> {
        parameters(queue_parameters())
    }
}

/// The search's query parameters, for its handler's `params(...)`.
pub(crate) struct SearchParameters;

impl utoipa::IntoParams for SearchParameters {
    fn into_params(
        _: impl Fn() -> Option<utoipa::openapi::path::ParameterIn>,
    ) -> Vec<utoipa::openapi::path::Parameter> {
        parameters(search_parameters())
    }
}

/// Parameters written as JSON, read into the document's own type.
fn parameters(written: Vec<Value>) -> Vec<utoipa::openapi::path::Parameter> {
    written
        .into_iter()
        .filter_map(|p| serde_json::from_value(p).ok())
        .collect()
}

/// The translation queue's query parameters.
fn queue_parameters() -> Vec<Value> {
    vec![
        json!({"name": "lang", "in": "query", "required": false, "description": "the language to translate into (the reader's by default)", "schema": {"type": "string", "enum": ["en", "fr", "es"]}}),
        json!({"name": "after", "in": "query", "required": false, "description": "where the page starts: the previous page's next", "schema": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+$"}}),
    ]
}

/// The search's query parameters.
fn search_parameters() -> Vec<Value> {
    let mut params: Vec<Value> = ["q", "lang", "sort"]
        .iter()
        .map(|name| json!({"name": name, "in": "query", "required": false, "schema": {"type": "string"}}))
        .collect();
    params.push(json!({"name": "page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1}}));
    params.push(json!({"name": "facet_limit", "in": "query", "required": false,
        "description": "values listed per facet kind, the most frequent first; every value is counted, and the values filtered on are always listed",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_FACET_LIMIT, "default": FACET_LIMIT}}));
    for facet in [
        "sdg",
        "field",
        "keyword",
        "region",
        "country",
        "city",
        "creative_field",
        "year",
        "language",
        "status",
    ] {
        params.push(json!({"name": facet, "in": "query", "required": false, "explode": true, "schema": {"type": "array", "items": {"type": "string"}}}));
    }
    params
}

pub(crate) fn schemas() -> Value {
    let facet_counts = json!({"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}, "description": "per facet kind, value → count over the whole result"});
    let hit = json!({"type": "object", "properties": {"id": {"type": "integer"}, "slug": {"type": "string"}, "title": {"type": "string"},
        "snippet": {"type": "string", "description": "HTML: escaped text, matches in <mark>"}, "lang": {"type": "string"}, "languages": {"type": "array", "items": {"type": "string"}},
        "city": {"type": "string"}, "cities": {"type": "array", "items": string_props(&["slug", "name", "country"])},
        "matched_tags": {"type": "array", "description": "the tags (keyword, field, sdg, creative_field) whose names, in any language, hold the query's words: why it matched", "items": string_props(&["kind", "value", "label"])},
        "score": {"type": "number"}}});
    json!({
        "PracticeSearch": {"type": "object", "required": ["complete", "total", "hits", "facets"], "properties": {
            "complete": {"type": "boolean", "description": "false while the index is being built at a first start: the answer holds what is indexed so far (the answer then carries Retry-After)"},
            "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
            "hits": {"type": "array", "items": hit}, "facets": facet_counts,
            "facet_values": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer"}, "selected": {"type": "boolean"}}}}}}},
        "Practice": {"type": "object", "properties": {"id": {"type": "integer"}, "slug": {"type": "string"}, "external_id": {"type": ["string", "null"]},
            "stage": {"type": "string", "enum": ["draft", "submitted", "in_review", "changes_requested", "approved", "published", "archived"]},
            "languages": {"type": "array", "items": {"type": "string"}}, "record": {"type": "object"}, "cities": {"type": "array", "items": {"type": "object"}},
            "featured": {"type": "boolean"}, "newsletter_on": {"type": ["string", "null"], "format": "date"}, "published_at": {"type": ["string", "null"], "format": "date-time"},
            "checklist": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "done": {"type": "boolean"}, "required": {"type": "boolean"}}}},
            "complete": {"type": "boolean"}, "steps": {"type": "array", "items": {"type": "string"}}}},
        "PracticePage": {"type": "object", "properties": {"total": {"type": "integer"}, "page": {"type": "integer"}, "items": {"type": "array", "items": schema_ref("Practice")}}},
        "NewPractice": {"type": "object", "required": ["cities", "lang", "title"], "properties": {"cities": {"type": "array", "items": {"type": "string"}, "description": "city slugs"}, "lang": {"type": "string"}, "title": {"type": "string"}}},
        "PracticeEdit": {"type": "object", "properties": {"lang": {"type": "string"}, "texts": {"type": "object", "additionalProperties": {"type": "string"}, "description": "title, summary, context, objectives, implementation, results, lessons, budget"},
            "cities": {"type": "array", "items": {"type": "string"}}, "status": {"type": "string"}, "start_date": {"type": "string"}, "end_date": {"type": "string"},
            "partners": {"type": "array", "items": string_props(&["name", "kind"])}, "contact": {"type": "object"}, "media": {"type": "array", "items": string_props(&["kind", "url", "description"])},
            "media_descriptions": {"type": "array", "items": string_props(&["url", "description"]), "description": "descriptions (alt texts) of media already there, found by url, in lang: what a translator may change"},
            "sdgs": {"type": "array", "items": {"type": "string"}}, "fields": {"type": "array", "items": {"type": "string"}}, "keywords": {"type": "array", "items": {"type": "string"}},
            "creative_field": {"type": "string"}, "modules": {"type": "array", "items": {"type": "string"}}}},
        "StepInput": string_props(&["step", "comment"]),
        "CommentInput": string_props(&["kind", "body"]),
        "CommentList": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object"}}}},
        "PromotionInput": {"type": "object", "required": ["featured"], "properties": {"featured": {"type": "boolean"}, "newsletter_on": {"type": ["string", "null"], "format": "date"}}},
        "TranslationGrid": {"type": "object", "properties": {"source_lang": {"type": "string"}, "cells": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "lang": {"type": "string"}, "status": {"type": "string"}, "translator": {"type": ["integer", "null"]}}}}}},
        "TranslationQueue": {"type": "object", "properties": {"lang": {"type": "string"},
            "items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "slug": {"type": "string"}, "stage": {"type": "string"}, "title": {"type": "string"},
                "missing": {"type": "integer"}, "draft": {"type": "integer"}, "needs_update": {"type": "integer"}}}},
            "next": {"type": ["string", "null"], "description": "the after= of the next page; null on the last page"}}},
        "PracticeLines": {"type": "string", "description": "JSON Lines: one practice per line"},
        "PracticeImportResult": {"type": "object", "properties": {"created": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"}, "cities_created": {"type": "array", "items": {"type": "string"}}}},
        "Codebook": {"type": "object", "properties": {"columns": {"type": "array", "items": string_props(&["name", "kind", "description"])}}},
        "Keyword": {"type": "object", "properties": {"key": {"type": "string"}, "label": string_props(&["en", "fr", "es"])}},
        "KeywordList": {"type": "object", "properties": {"items": {"type": "array", "items": schema_ref("Keyword")}}},
        "KeywordInput": string_props(&["en", "fr", "es"]),
        "MediaUpload": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary", "description": "the file; its type is read from its content, never from its name or declared type"},
            "description": {"type": "string", "description": "alt text of an image (required), description of a document (its name when empty); at most 500 characters"},
            "lang": {"type": "string", "description": "language of the description (the practice's source language by default)"}}},
        "StoredMedium": {"type": "object", "properties": {"id": {"type": "integer"}, "url": {"type": "string", "description": "where it is served: /media/{id}/{file_name}"},
            "kind": {"type": "string", "enum": ["image", "document"]}, "description": {"type": "object"}, "content_type": {"type": "string"}, "size": {"type": "integer"},
            "file_name": {"type": "string"}, "sha256": {"type": "string"}, "uploaded_at": {"type": "string", "format": "date-time"}}},
        "PracticeSharing": {"type": "object", "required": ["slug", "title", "posts", "log"], "properties": {
            "slug": {"type": "string"}, "title": {"type": "string"},
            "posts": {"type": "array", "description": "the text of a post in each language", "items": {"type": "object", "required": ["lang", "text"], "properties": {
                "lang": {"type": "string", "enum": ["en", "fr", "es"]}, "text": {"type": "string", "maxLength": 280}}}},
            "log": {"type": "array", "items": {"$ref": "#/components/schemas/Dissemination"}}}},
        "SharingDue": {"type": "object", "required": ["items"], "properties": {
            "items": {"type": "array", "items": {"type": "object", "required": ["slug", "title", "cities"], "properties": {
                "slug": {"type": "string"}, "title": {"type": "string"}, "cities": {"type": "array", "items": {"type": "string"}},
                "last_shared": {"type": ["string", "null"], "format": "date"}}}}}},
    })
}
