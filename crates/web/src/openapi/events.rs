//! The events calendar's part of the API description: its operations and schemas.

use super::operations::Operation;
use super::schema_ref;
use ateneu_domain::events::{
    Availability, EventKind, MAX_LINK, MAX_NAME, MAX_PLACE, MAX_TEXT, MAX_TITLE,
};
use serde_json::{Value, json};

pub(crate) const OPERATIONS: &[Operation] = &[
    (
        "get",
        "/events",
        "events",
        "The events calendar: events to come (soonest first) and past ones (latest first); public",
        None,
        200,
        "Calendar",
        false,
    ),
    (
        "post",
        "/events",
        "events",
        "Add an event (the Leading Cities' secretariat): a title in one language or more, a kind, its days (ends_on not before starts_on)",
        Some("EventInput"),
        201,
        "Event",
        true,
    ),
    (
        "get",
        "/events.ics",
        "events",
        "Every event as an iCalendar file (the secretariat)",
        None,
        200,
        "Ics",
        true,
    ),
    (
        "get",
        "/cities/{slug}/events.ics",
        "events",
        "The events a city is asked about or represents the Commission at, as an iCalendar file (its editors and the secretariat; 404 to anyone else)",
        None,
        200,
        "Ics",
        true,
    ),
    (
        "get",
        "/events/waiting",
        "events",
        "The availability requests of the caller's cities still waiting for an answer, soonest deadline first",
        None,
        200,
        "RequestItems",
        true,
    ),
    (
        "get",
        "/events/unanswered",
        "events",
        "Every availability request without an answer, by deadline (the secretariat)",
        None,
        200,
        "RequestItems",
        true,
    ),
    (
        "post",
        "/events/reminders",
        "events",
        "Email the editors of each city whose unanswered request is due within three days (the secretariat); a request is reminded once a day at most",
        None,
        200,
        "Reminded",
        true,
    ),
    (
        "get",
        "/events/{id}",
        "events",
        "An event with the availability requests and answers the caller may see (the secretariat: all; a city's editors: their city's) and its confirmed representatives (public once past, before that to the network's members)",
        None,
        200,
        "EventView",
        false,
    ),
    (
        "put",
        "/events/{id}",
        "events",
        "Change an event (the secretariat) with the revision the change was made on (409 changed_meanwhile)",
        Some("EventForm"),
        200,
        "Event",
        true,
    ),
    (
        "post",
        "/events/{id}/requests",
        "events",
        "Ask current Leading Cities for their political leaders' availability, by a deadline between today and the event's first day (the secretariat); cities already asked are left as they were",
        Some("AskForm"),
        201,
        "Asked",
        true,
    ),
    (
        "put",
        "/events/{id}/requests/{request}/answer",
        "events",
        "A city's answer (its editors) until the deadline's day (409 deadline_passed after it), with the request's revision (409 changed_meanwhile); 404 to whoever may not see the request",
        Some("AnswerForm"),
        200,
        "Request",
        true,
    ),
    (
        "post",
        "/events/{id}/requests/{request}/reopen",
        "events",
        "Give a request a new deadline so that the city may answer again (the secretariat)",
        Some("ReopenForm"),
        200,
        "Request",
        true,
    ),
    (
        "post",
        "/events/{id}/representatives",
        "events",
        "Confirm who represents the Commission at the event for a city (the secretariat)",
        Some("RepresentationInput"),
        201,
        "Representative",
        true,
    ),
    (
        "delete",
        "/events/{id}/representatives/{representative}",
        "events",
        "Withdraw a confirmed representative (the secretariat)",
        None,
        204,
        "",
        true,
    ),
];

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
