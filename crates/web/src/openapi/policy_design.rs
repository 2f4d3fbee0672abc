//! The API description of policy-design workshops: the workshop around an action plan, its
//! participants' links, ideas, clusters and key ideas.

use super::schema_ref;
use ateneu_domain::policy_design::{MAX_CLUSTER, MAX_FIELDS, MAX_IDEA, MAX_KEY_IDEAS};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let trilingual = json!({"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}});
    let field = json!({"type": "object", "properties": {"key": {"type": "string", "description": "framework:field"}, "name": trilingual}});
    json!({
        "PolicyDesignIdea": {"type": "object", "properties": {
            "id": {"type": "integer"}, "field": {"type": "string"}, "text": {"type": "string"},
            "cluster": {"type": ["string", "null"]}, "created_at": {"type": "string", "format": "date-time"}}},
        "PolicyDesignWorkshop": {"type": "object", "properties": {
            "workshop": {"oneOf": [{"type": "null"}, {"type": "object", "properties": {
                "output_id": {"type": "integer"}, "fields": {"type": "array", "items": {"type": "string"}},
                "status": {"type": "string", "enum": ["open", "closed"]}, "key_ideas": {"type": "string"},
                "updated_at": {"type": "string", "format": "date-time"}}}]},
            "fields": {"type": "array", "items": field.clone()},
            "ideas": {"type": "array", "items": schema_ref("PolicyDesignIdea")},
            "by_field": {"type": "array", "items": {"type": "object", "properties": {
                "key": {"type": "string"}, "name": trilingual,
                "clusters": {"type": "array", "items": {"type": "object", "properties": {
                    "name": {"type": ["string", "null"]}, "ideas": {"type": "array", "items": {"type": "string"}}}}}}}},
            "links": {"type": "integer"}, "may_run": {"type": "boolean"},
            "suggested": {"type": "array", "items": {"type": "string"}}}},
        "PolicyDesignLinksInput": {"type": "object", "required": ["fields", "count"], "properties": {
            "fields": {"oneOf": [{"type": "array", "items": {"type": "string"}, "maxItems": MAX_FIELDS}, {"type": "string"}], "description": "framework:field of each field the room works on"},
            "count": {"type": ["integer", "string"], "description": "1 to 1000"}}},
        "PolicyDesignKeyIdeas": {"type": "object", "properties": {"text": {"type": "string", "maxLength": MAX_KEY_IDEAS}}},
        "PolicyDesignCluster": {"type": "object", "properties": {"cluster": {"type": ["string", "null"], "maxLength": MAX_CLUSTER}}},
        "PolicyDesignIdeaInput": {"type": "object", "required": ["field", "text"], "properties": {
            "field": {"type": "string", "description": "framework:field, one of the workshop's"},
            "text": {"type": "string", "minLength": 1, "maxLength": MAX_IDEA}}},
        "PolicyDesignJoined": {"type": "object", "properties": {
            "title": {"type": "string"}, "city": schema_ref("City"),
            "status": {"type": "string", "enum": ["open", "closed"]},
            "fields": {"type": "array", "items": {"allOf": [field, {"type": "object", "properties": {
                "inspiration": {"type": "array", "items": {"type": "object", "properties": {
                    "slug": {"type": "string"}, "title": {"type": "string"}, "lang": {"type": "string"},
                    "cities": {"type": "array", "items": {"type": "string"}}}}}}}]}},
            "mine": {"type": "array", "items": schema_ref("PolicyDesignIdea")}}}
    })
}
