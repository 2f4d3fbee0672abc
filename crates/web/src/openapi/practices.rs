//! The good-practice database's part of the API description: its operations, the search's
//! query parameters and its schemas.

use super::operations::Operation;
use super::{schema_ref, string_props};
use serde_json::{Value, json};

pub(crate) const OPERATIONS: &[Operation] = &[
    ("get", "/practices/search", "practices", "Search published practices in every language, with facet counts (q, lang, sort, page, and sdg, field, keyword, region, country, city, creative_field, year, language, status, each repeatable)", None, 200, "PracticeSearch", false),
    ("get", "/practices", "practices", "Published practices, newest first; with stage=…, the practices at that stage the caller may see", None, 200, "PracticePage", false),
    ("post", "/practices", "practices", "Start a practice as a draft (a city's editors, its networks' secretariat)", Some("NewPractice"), 201, "Created", true),
    ("get", "/practices/{id}", "practices", "A practice (id or slug): published ones for everyone, others for the people working on them; the contact only when public or for them", None, 200, "Practice", false),
    ("patch", "/practices/{id}", "practices", "Change a practice: the parts given only; texts in `lang` (a translator may change texts in other languages than the source)", Some("PracticeEdit"), 200, "Practice", true),
    ("post", "/practices/{id}/steps", "practices", "Take a review step: submit, withdraw, start_review, request_changes (with a comment), approve, publish, archive, restore", Some("StepInput"), 200, "Created", true),
    ("get", "/practices/{id}/comments", "practices", "Advice, review notes and steps (the people working on the practice)", None, 200, "CommentList", true),
    ("post", "/practices/{id}/comments", "practices", "Leave advice (kind advice: experts) or a review note (kind review: reviewers)", Some("CommentInput"), 201, "", true),
    ("put", "/practices/{id}/promotion", "practices", "Feature a published practice on the home page and schedule it for a newsletter (secretariat)", Some("PromotionInput"), 204, "", true),
    ("get", "/practices/{id}/translations", "practices", "Each text's status in each language: source, missing, draft, translated, needs_update, reviewed", None, 200, "TranslationGrid", false),
    ("get", "/practices/translation-queue", "practices", "Practices with translation work in a language (lang=fr), most work first", None, 200, "TranslationQueue", true),
    ("post", "/practices/import", "practices", "Import practices: a JSON Lines body (format in the README), checked whole; stage=published|draft for new ones (secretariat)", Some("PracticeLines"), 200, "PracticeImportResult", true),
    ("get", "/practices/export.csv", "practices", "Every published practice as CSV (columns in the codebook)", None, 200, "", false),
    ("get", "/practices/export.json", "practices", "Every published practice as a JSON array in the import format", None, 200, "", false),
    ("get", "/practices/export.jsonl", "practices", "Every published practice as JSON Lines in the import format (imports back)", None, 200, "", false),
    ("get", "/practices/codebook", "practices", "The codebook of the CSV export: each column's name, type and meaning", None, 200, "Codebook", false),
    ("get", "/keywords", "practices", "The keyword thesaurus", None, 200, "KeywordList", false),
    ("put", "/keywords/{key}", "practices", "Add or relabel a keyword (secretariat)", Some("KeywordInput"), 200, "Keyword", true),
    ("get", "/{lang}/practices/feed.atom", "practices", "Atom feed of the newest published practices, in the reader's language where it exists", None, 200, "", false),
];

/// The search's query parameters.
pub(crate) fn search_parameters() -> Vec<Value> {
    let mut params: Vec<Value> = ["q", "lang", "sort"]
        .iter()
        .map(|name| json!({"name": name, "in": "query", "required": false, "schema": {"type": "string"}}))
        .collect();
    params.push(json!({"name": "page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1}}));
    for facet in ["sdg", "field", "keyword", "region", "country", "city", "creative_field", "year", "language", "status"] {
        params.push(json!({"name": facet, "in": "query", "required": false, "explode": true, "schema": {"type": "array", "items": {"type": "string"}}}));
    }
    params
}

pub(crate) fn schemas() -> Value {
    let facet_counts = json!({"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}, "description": "per facet kind, value → count over the whole result"});
    let hit = json!({"type": "object", "properties": {"id": {"type": "integer"}, "slug": {"type": "string"}, "title": {"type": "string"},
        "snippet": {"type": "string", "description": "HTML: escaped text, matches in <mark>"}, "lang": {"type": "string"}, "languages": {"type": "array", "items": {"type": "string"}},
        "city": {"type": "string"}, "cities": {"type": "array", "items": string_props(&["slug", "name", "country"])}, "score": {"type": "number"}}});
    json!({
        "PracticeSearch": {"type": "object", "required": ["total", "hits", "facets"], "properties": {"total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
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
            "sdgs": {"type": "array", "items": {"type": "string"}}, "fields": {"type": "array", "items": {"type": "string"}}, "keywords": {"type": "array", "items": {"type": "string"}},
            "creative_field": {"type": "string"}, "modules": {"type": "array", "items": {"type": "string"}}}},
        "StepInput": string_props(&["step", "comment"]),
        "CommentInput": string_props(&["kind", "body"]),
        "CommentList": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object"}}}},
        "PromotionInput": {"type": "object", "required": ["featured"], "properties": {"featured": {"type": "boolean"}, "newsletter_on": {"type": ["string", "null"], "format": "date"}}},
        "TranslationGrid": {"type": "object", "properties": {"source_lang": {"type": "string"}, "cells": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "lang": {"type": "string"}, "status": {"type": "string"}, "translator": {"type": ["integer", "null"]}}}}}},
        "TranslationQueue": {"type": "object", "properties": {"lang": {"type": "string"}, "items": {"type": "array", "items": {"type": "object"}}}},
        "PracticeLines": {"type": "string", "description": "JSON Lines: one practice per line"},
        "PracticeImportResult": {"type": "object", "properties": {"created": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"}, "cities_created": {"type": "array", "items": {"type": "string"}}}},
        "Codebook": {"type": "object", "properties": {"columns": {"type": "array", "items": string_props(&["name", "kind", "description"])}}},
        "Keyword": {"type": "object", "properties": {"key": {"type": "string"}, "label": string_props(&["en", "fr", "es"])}},
        "KeywordList": {"type": "object", "properties": {"items": {"type": "array", "items": schema_ref("Keyword")}}},
        "KeywordInput": string_props(&["en", "fr", "es"]),
    })
}
