//! The Leading Cities programme's part of the API description: its operations and schemas.

use super::operations::Operation;
use super::schema_ref;
use ateneu_domain::programmes::{MAX_PEOPLE, MAX_REASON, MAX_TEXT, ProgrammeStatus};
use serde_json::{Value, json};

pub(crate) const OPERATIONS: &[Operation] = &[
    (
        "get",
        "/programmes/catalogue",
        "programmes",
        "The standard catalogue: the 15 activities of the terms of reference in their three areas, with durations, who takes part and expected outputs (default visibility)",
        None,
        200,
        "Catalogue",
        false,
    ),
    (
        "get",
        "/programmes",
        "programmes",
        "The programmes the caller may see (the city's editors, the network's secretariat)",
        None,
        200,
        "ProgrammeList",
        true,
    ),
    (
        "post",
        "/programmes",
        "programmes",
        "Start a programme for a current Leading City (its network's secretariat); a period under two years needs short_reason",
        Some("ProgrammeForm"),
        201,
        "Programme",
        true,
    ),
    (
        "get",
        "/programmes/{id}",
        "programmes",
        "A programme with its city and consultations (404 to whoever may not see it)",
        None,
        200,
        "ProgrammeView",
        true,
    ),
    (
        "put",
        "/programmes/{id}",
        "programmes",
        "Change a programme's period, status (one step at a time) or priorities, with the revision the change was made on (409 changed_meanwhile when someone saved since)",
        Some("ProgrammeForm"),
        200,
        "Programme",
        true,
    ),
    (
        "post",
        "/programmes/{id}/consultations",
        "programmes",
        "Record a consultation between the city and the secretariat",
        Some("ConsultationInput"),
        201,
        "Consultation",
        true,
    ),
];

pub(crate) fn schemas() -> Value {
    let trilingual = json!({"type": "object", "required": ["en", "fr", "es"], "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}});
    let statuses: Vec<&str> = ProgrammeStatus::ALL.iter().map(|s| s.key()).collect();
    let date = json!({"type": "string", "format": "date"});
    let text = |max: usize| json!({"type": "string", "maxLength": max});
    let programme = json!({"type": "object", "required": ["id", "city_id", "starts_on", "ends_on", "status", "priorities", "revision"], "properties": {
        "id": {"type": "integer", "format": "int64"}, "city_id": {"type": "integer", "format": "int64"},
        "starts_on": date, "ends_on": date, "short_reason": {"type": ["string", "null"]},
        "status": {"type": "string", "enum": statuses}, "priorities": {"type": "string"},
        "revision": {"type": "integer", "format": "int64", "description": "send it back with a change"},
        "updated_at": {"type": "string", "format": "date-time"}}});
    let consultation = json!({"type": "object", "properties": {
        "id": {"type": "integer", "format": "int64"}, "programme_id": {"type": "integer", "format": "int64"}, "held_on": date,
        "city_people": {"type": "string"}, "secretariat_people": {"type": "string"}, "notes": {"type": "string"},
        "decisions": {"type": "string"}, "follow_ups": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}}});
    json!({
        "Catalogue": {"type": "object", "properties": {
            "areas": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "name": trilingual}}},
            "activities": {"type": "array", "items": {"type": "object", "properties": {
                "number": {"type": "integer", "minimum": 1}, "key": {"type": "string"}, "area": {"type": "string"},
                "name": trilingual, "description": trilingual, "duration": trilingual, "experts": trilingual,
                "outputs": {"type": "array", "items": {"type": "object", "properties": {
                    "kind": {"type": "string"}, "visibility": {"type": "string", "enum": ["public", "network", "confidential"]},
                    "chosen": {"type": "boolean", "description": "public or confidential by choice"}, "name": trilingual}}}}}}}},
        "Programme": programme,
        "ProgrammeList": {"type": "array", "items": {"allOf": [schema_ref("Programme"), {"type": "object", "properties": {"city_slug": {"type": "string"}, "city_name": {"type": "object"}}}]}},
        "ProgrammeView": {"allOf": [schema_ref("Programme"), {"type": "object", "properties": {
            "city": schema_ref("City"), "consultations": {"type": "array", "items": schema_ref("Consultation")},
            "may_manage": {"type": "boolean"}, "may_consult": {"type": "boolean"}}}]},
        "ProgrammeForm": {"type": "object", "required": ["starts_on", "ends_on"], "properties": {
            "city": {"type": "string", "description": "when starting: the city's slug or name"},
            "revision": {"type": ["integer", "string"], "description": "when changing: the revision the change was made on"},
            "starts_on": date, "ends_on": {"type": "string", "format": "date", "description": "the last day"},
            "short_reason": text(MAX_REASON), "status": {"type": "string", "enum": statuses}, "priorities": text(MAX_TEXT)}},
        "Consultation": consultation,
        "ConsultationInput": {"type": "object", "required": ["held_on"], "properties": {
            "held_on": date, "city_people": text(MAX_PEOPLE), "secretariat_people": text(MAX_PEOPLE),
            "notes": text(MAX_TEXT), "decisions": text(MAX_TEXT), "follow_ups": text(MAX_TEXT)}}
    })
}
