//! What a programme's activities add to the API description beyond their basic fields: the
//! specific fields of a seminar, a local challenge and a public event, and the records an
//! activity links (schemas).

use super::schema_ref;
use ateneu_domain::programmes::activities::links::{MAX_LINKS, RecordKind};
use ateneu_domain::programmes::activities::specifics::{ChallengeScope, MAX_QUESTION, MAX_THEME};
use ateneu_domain::programmes::{MAX_PEOPLE, MAX_TEXT};
use serde_json::{Value, json};

/// The specific fields an activity's input takes, read only for the kind they belong to.
pub(crate) fn specific_fields() -> Value {
    let text = |max: usize| json!({"type": "string", "maxLength": max});
    let scopes: Vec<&str> = ChallengeScope::ALL.iter().map(|s| s.key()).collect();
    // The input also takes an empty scope (a theme).
    let given_scopes: Vec<&str> = std::iter::once("").chain(scopes.iter().copied()).collect();
    json!({
        "host_city": {"type": ["integer", "string", "null"], "description": "a peer-learning seminar's host: the id of a city with a programme; empty or null until chosen"},
        "visiting_peers": {"type": "string", "maxLength": MAX_PEOPLE, "description": "a seminar's visiting peers, one per line"},
        "question": {"type": "string", "maxLength": MAX_QUESTION, "description": "a local challenge's question (required for one)"},
        "scope": {"type": "string", "enum": given_scopes, "description": "a local challenge's scope; empty is theme"},
        "theme": {"type": "string", "maxLength": MAX_THEME, "description": "required when a local challenge's scope is theme"},
        "people": {"type": "string", "maxLength": MAX_PEOPLE, "description": "a local challenge's members and experts involved"},
        "event": {"type": ["integer", "string", "null"], "description": "a public event's event of the calendar, by id; empty or null when it is not in it"},
        "expertise_requested": text(MAX_TEXT),
        "representatives": {"type": "string", "maxLength": MAX_PEOPLE, "description": "the Committee's representatives mobilised for a public event"}})
}

pub(crate) fn schemas() -> Value {
    let id = json!({"type": "integer", "format": "int64"});
    let kinds: Vec<&str> = RecordKind::ALL.iter().map(|k| k.key()).collect();
    let scopes: Vec<&str> = ChallengeScope::ALL.iter().map(|s| s.key()).collect();
    json!({
        "Specifics": {"type": "object", "required": ["kind"], "properties": {
            "kind": {"type": "string", "enum": ["none", "seminar", "local_challenge", "public_event"]},
            "host_city_id": {"type": ["integer", "null"], "format": "int64"}, "visiting_peers": {"type": "string"},
            "question": {"type": "string"}, "scope": {"type": "string", "enum": scopes}, "theme": {"type": "string"},
            "people": {"type": "string"}, "event_id": {"type": ["integer", "null"], "format": "int64"},
            "expertise_requested": {"type": "string"}, "representatives": {"type": "string"}}},
        "LinkInput": {"type": "object", "required": ["kind", "record"], "properties": {
            "kind": {"type": "string", "enum": kinds.clone()},
            "record": {"type": ["integer", "string"], "description": "the record's id"}}},
        "LinkedRecord": {"type": "object", "properties": {
            "link_id": id.clone(),
            "record": {"type": "object", "required": ["kind", "id"], "properties": {
                "kind": {"type": "string", "enum": kinds}, "id": id,
                "title": {"description": "an assessment's title, or a practice's title in each language"},
                "slug": {"type": "string"}, "status": {"type": "string"}, "stage": {"type": "string"},
                "has_report": {"type": "boolean", "description": "a closed assessment: its report is the activity's output"}}}}},
        "LinkedRecords": {"type": "array", "maxItems": MAX_LINKS, "items": schema_ref("LinkedRecord")}
    })
}
