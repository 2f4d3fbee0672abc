//! The events calendar's part of the API description: its schemas.

use super::schema_ref;
use ateneu_domain::events::{
    Availability, EventKind, MAX_LINK, MAX_NAME, MAX_PLACE, MAX_TEXT, MAX_TITLE,
};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let kinds: Vec<&str> = EventKind::ALL.iter().map(|k| k.key()).collect();
    let answers: Vec<&str> = Availability::ALL.iter().map(|a| a.key()).collect();
    let date = json!({"type": "string", "format": "date"});
    let id = json!({"type": "integer", "format": "int64"});
    let text = |max: usize| json!({"type": "string", "maxLength": max});
    let revision = json!({"type": ["integer", "string"], "description": "the revision the change was made on"});
    let event_fields = json!({
        "lang": {"type": "string", "enum": ["", "en", "fr", "es"], "description": "the language the title was written in"},
        "title_en": text(MAX_TITLE), "title_fr": text(MAX_TITLE), "title_es": text(MAX_TITLE),
        "kind": {"type": "string", "enum": kinds}, "place": text(MAX_PLACE),
        "starts_on": date, "ends_on": {"type": "string", "format": "date", "description": "the last day (the first when empty)"},
        "link": {"type": "string", "format": "uri", "maxLength": MAX_LINK}, "description": text(MAX_TEXT)});
    let mut event_form = event_fields.clone();
    event_form["revision"] = revision.clone();
    let answer_fields = json!({
        "availability": {"type": "string", "enum": answers},
        "representative_name": text(MAX_NAME), "representative_position": text(MAX_NAME), "comment": text(MAX_TEXT)});
    let mut answer_form = answer_fields.clone();
    answer_form["revision"] = revision;
    json!({
        "Ics": {"type": "string", "description": "an RFC 5545 calendar"},
        "Event": {"type": "object", "properties": {
            "id": id, "title": {"type": "object", "description": "the title per language, with its source language"},
            "kind": {"type": "string", "enum": kinds}, "place": {"type": "string"}, "starts_on": date, "ends_on": date,
            "link": {"type": ["string", "null"]}, "description": {"type": "string"},
            "revision": {"type": "integer", "format": "int64", "description": "send it back with a change"},
            "updated_at": {"type": "string", "format": "date-time"}}},
        "EventInput": {"type": "object", "required": ["kind", "starts_on"], "properties": event_fields},
        "EventForm": {"type": "object", "required": ["revision", "kind", "starts_on"], "properties": event_form},
        "Calendar": {"type": "object", "properties": {
            "upcoming": {"type": "array", "items": schema_ref("Event")},
            "past": {"type": "array", "items": schema_ref("Event")}, "may_manage": {"type": "boolean"}}},
        "Request": {"type": "object", "properties": {
            "id": id, "event_id": id, "city_id": id, "deadline": date,
            "answer": {"type": ["object", "null"], "properties": answer_fields},
            "answered_at": {"type": ["string", "null"], "format": "date-time"},
            "revision": {"type": "integer", "format": "int64", "description": "send it back with an answer"}}},
        "RequestItems": {"type": "array", "items": {"type": "object", "properties": {
            "request": schema_ref("Request"), "event": schema_ref("Event"), "city": schema_ref("City"), "open": {"type": "boolean"}}}},
        "Representative": {"type": "object", "properties": {
            "id": id, "event_id": id, "city_id": id, "name": {"type": "string"}, "position": {"type": "string"}}},
        "EventView": {"allOf": [schema_ref("Event"), {"type": "object", "properties": {
            "past": {"type": "boolean"},
            "requests": {"type": "array", "items": {"allOf": [schema_ref("Request"), {"type": "object", "properties": {
                "city": schema_ref("City"), "open": {"type": "boolean"}, "may_answer": {"type": "boolean"}}}]}},
            "representatives": {"type": "array", "items": {"allOf": [schema_ref("Representative"), {"type": "object", "properties": {
                "city": schema_ref("City")}}]}},
            "may_manage": {"type": "boolean"}}}]},
        "AskForm": {"type": "object", "required": ["cities", "deadline"], "properties": {
            "cities": {"type": ["array", "string"], "items": {"type": "string"}, "description": "Leading Cities' slugs or names (a list, or one a line)"},
            "deadline": {"type": "string", "format": "date", "description": "the last day to answer"}}},
        "Asked": {"type": "object", "properties": {
            "asked": {"type": "array", "items": schema_ref("Request")},
            "already_asked": {"type": "array", "items": {"type": "string"}}}},
        "AnswerForm": {"type": "object", "required": ["revision", "availability"], "properties": answer_form},
        "ReopenForm": {"type": "object", "required": ["deadline"], "properties": {"deadline": date}},
        "RepresentationInput": {"type": "object", "required": ["city", "name"], "properties": {
            "city": {"type": "string", "description": "the city's slug or name"}, "name": text(MAX_NAME), "position": text(MAX_NAME)}},
        "Reminded": {"type": "object", "properties": {
            "requests": {"type": "integer"}, "emails": {"type": "integer"}, "already_today": {"type": "integer"}}}
    })
}
