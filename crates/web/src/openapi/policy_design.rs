//! The API description of policy-design workshops: the workshop around an action plan, its
//! participants' links, ideas, clusters and key ideas.

use super::operations::Operation;
use super::schema_ref;
use ateneu_domain::policy_design::{MAX_CLUSTER, MAX_FIELDS, MAX_IDEA, MAX_KEY_IDEAS};
use serde_json::{Value, json};

pub(crate) const OPERATIONS: &[Operation] = &[
    (
        "get",
        "/outputs/{id}/workshop",
        "programmes",
        "The policy-design workshop around an action plan, for whoever may see the plan (404 otherwise, and for an output of another kind): its fields, the ideas by field and cluster, its key ideas; `workshop` is null until opened; `suggested` holds the fields the plan starts from, for its keepers",
        None,
        200,
        "PolicyDesignWorkshop",
        false,
    ),
    (
        "post",
        "/outputs/{id}/workshop/links",
        "programmes",
        "Open the workshop on the fields given (or set them again) and make participants' links (1 to 1000), each shown once (the plan's keepers)",
        Some("PolicyDesignLinksInput"),
        201,
        "SevenKeysLinks",
        true,
    ),
    (
        "put",
        "/outputs/{id}/workshop/status",
        "programmes",
        "Close the workshop (it takes no more ideas) or reopen it",
        Some("SevenKeysStatus"),
        200,
        "SevenKeysStatus",
        true,
    ),
    (
        "put",
        "/outputs/{id}/workshop/key-ideas",
        "programmes",
        "Record the workshop's key ideas (they go into the plan's written report)",
        Some("PolicyDesignKeyIdeas"),
        204,
        "",
        true,
    ),
    (
        "put",
        "/outputs/{id}/workshop/ideas/{idea_id}/cluster",
        "programmes",
        "Group an idea into a cluster (an empty or null cluster takes it out)",
        Some("PolicyDesignCluster"),
        204,
        "",
        true,
    ),
    (
        "get",
        "/ideas/{token}",
        "programmes",
        "What a participant's link opens (no account): the plan's title and city, the fields the room works on, each with up to three published practices of other cities tagged with it (in the request's language), whether it is open, and the ideas proposed through this link",
        None,
        200,
        "PolicyDesignJoined",
        false,
    ),
    (
        "post",
        "/ideas/{token}",
        "programmes",
        "Propose an idea for one of the workshop's fields through a participant's link (no account; several each) while it is open (409 workshop_closed)",
        Some("PolicyDesignIdeaInput"),
        201,
        "PolicyDesignIdea",
        false,
    ),
];

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
