//! The roster of experts' part of the API description: its schemas.

use super::schema_ref;
use ateneu_domain::programmes::MAX_TEXT;
use ateneu_domain::programmes::experts::{
    ExpertRole, MAX_BIOGRAPHY, MAX_ITEMS, MAX_NAME, MAX_ORGANISATION,
};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let id = json!({"type": "integer", "format": "int64"});
    let date = json!({"type": "string", "format": "date"});
    let text = |max: usize| json!({"type": "string", "maxLength": max});
    let roles: Vec<&str> = ExpertRole::ALL.iter().map(|r| r.key()).collect();
    let list = |description: &str| {
        json!({"oneOf": [
        {"type": "array", "maxItems": MAX_ITEMS, "items": {"type": "string"}},
        {"type": "string", "description": "separated by commas"}], "description": description})
    };
    let strings = json!({"type": "array", "items": {"type": "string"}});
    let expert_fields = json!({
        "name": text(MAX_NAME), "organisation": text(MAX_ORGANISATION),
        "email": {"type": "string", "format": "email"},
        "languages": list("ISO 639 codes: en, fr, es, pt…"),
        "fields": list("framework:field keys of an imported framework"),
        "themes": list("free themes"), "biography": text(MAX_BIOGRAPHY),
        "account": {"type": "string", "description": "the e-mail of the expert's account, or empty"}});
    let mut expert_form = expert_fields.clone();
    expert_form["revision"] = json!({"type": ["integer", "string"], "description": "the revision the change was made on"});
    let engagement_fields = json!({
        "expert": {"type": "string", "description": "the expert's id in the roster"},
        "role": {"type": "string", "enum": roles}, "starts_on": date,
        "ends_on": {"type": "string", "format": "date", "description": "the last day"},
        "fee": {"type": "string", "description": "an amount such as 1234.50 (no more decimals than the currency has); empty when there is no fee"},
        "currency": {"type": "string", "pattern": "^[A-Za-z]{3}$", "description": "required with a fee"},
        "note": text(MAX_TEXT)});
    let mut engagement_form = engagement_fields.clone();
    engagement_form["revision"] = json!({"type": ["integer", "string"], "description": "the revision the change was made on"});
    json!({
        "Expert": {"type": "object", "properties": {
            "id": id, "name": {"type": "string"}, "organisation": {"type": "string"},
            "email": {"type": ["string", "null"]}, "languages": strings, "fields": strings, "themes": strings,
            "biography": {"type": "string"}, "user_id": {"type": ["integer", "null"], "format": "int64"},
            "revision": {"type": "integer", "format": "int64", "description": "send it back with a change"},
            "updated_at": {"type": "string", "format": "date-time"}}},
        "ExpertList": {"type": "array", "items": schema_ref("Expert")},
        "ExpertInput": {"type": "object", "required": ["name"], "properties": expert_fields},
        "ExpertForm": {"type": "object", "required": ["revision", "name"], "properties": expert_form},
        "ExpertView": {"allOf": [schema_ref("Expert"), {"type": "object", "properties": {
            "account": {"type": ["string", "null"], "description": "the linked account's e-mail"},
            "engagements": {"type": "array", "items": {"allOf": [schema_ref("Engagement"), {"type": "object", "properties": {
                "activity": schema_ref("Activity"), "city": schema_ref("City")}}]}},
            "may_manage": {"type": "boolean"}}}]},
        "Engagement": {"type": "object", "properties": {
            "id": id, "programme_id": id, "activity_id": id, "expert_id": id,
            "role": {"type": "string", "enum": roles}, "starts_on": date, "ends_on": date,
            "fee": {"type": ["object", "null"], "properties": {
                "currency": {"type": "string"},
                "minor": {"type": "integer", "format": "int64", "description": "minor units of the currency (cents)"}}},
            "note": {"type": "string"}, "revision": {"type": "integer", "format": "int64"},
            "updated_at": {"type": "string", "format": "date-time"}}},
        "EngagementList": {"type": "array", "items": {"allOf": [schema_ref("Engagement"), {"type": "object", "properties": {
            "expert": schema_ref("Expert")}}]}},
        "EngagementInput": {"type": "object", "required": ["expert", "starts_on", "ends_on"], "properties": engagement_fields},
        "EngagementForm": {"type": "object", "required": ["revision", "expert", "starts_on", "ends_on"], "properties": engagement_form}
    })
}
