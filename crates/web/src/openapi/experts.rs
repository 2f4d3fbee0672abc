//! The roster of experts' part of the API description: its operations and schemas.

use super::operations::Operation;
use super::schema_ref;
use ateneu_domain::programmes::MAX_TEXT;
use ateneu_domain::programmes::experts::{
    ExpertRole, MAX_BIOGRAPHY, MAX_ITEMS, MAX_NAME, MAX_ORGANISATION,
};
use serde_json::{Value, json};

pub(crate) const OPERATIONS: &[Operation] = &[
    (
        "get",
        "/experts",
        "experts",
        "The roster of experts, by name (the Leading Cities' secretariat; 404 to anyone else)",
        None,
        200,
        "ExpertList",
        true,
    ),
    (
        "post",
        "/experts",
        "experts",
        "Add an expert to the roster: languages as ISO 639 codes, fields as framework:field keys of an imported framework, free themes, and the e-mail of the account that is theirs (engaged in an activity, they see its confidential outputs)",
        Some("ExpertInput"),
        201,
        "Expert",
        true,
    ),
    (
        "get",
        "/experts/{id}",
        "experts",
        "An expert with the engagements the caller may see (the roster's keepers, and the expert themself; 404 to anyone else)",
        None,
        200,
        "ExpertView",
        true,
    ),
    (
        "put",
        "/experts/{id}",
        "experts",
        "Change an expert, with the revision the change was made on (409 changed_meanwhile when someone saved since)",
        Some("ExpertForm"),
        200,
        "Expert",
        true,
    ),
    (
        "get",
        "/programmes/{id}/activities/{activity}/engagements",
        "experts",
        "The experts engaged on an activity, with their fees (whoever may see the programme; 404 to anyone else)",
        None,
        200,
        "EngagementList",
        true,
    ),
    (
        "post",
        "/programmes/{id}/activities/{activity}/engagements",
        "experts",
        "Engage an expert of the roster on an activity (the programme's managers): days inside the programme's period (422 outside_programme), a fee in exact money with its currency",
        Some("EngagementInput"),
        201,
        "Engagement",
        true,
    ),
    (
        "put",
        "/programmes/{id}/activities/{activity}/engagements/{engagement}",
        "experts",
        "Change an engagement, with the revision the change was made on (409 changed_meanwhile when someone saved since)",
        Some("EngagementForm"),
        200,
        "Engagement",
        true,
    ),
    (
        "delete",
        "/programmes/{id}/activities/{activity}/engagements/{engagement}",
        "experts",
        "Remove an engagement (204)",
        None,
        204,
        "",
        true,
    ),
];

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
