//! The API description of thematic-module testing: a programme's seminars, a seminar with its
//! module's items, proposals and revision, links, closing, decisions, the revision, and a
//! participant's link.

use super::schema_ref;
use ateneu_domain::module_tests::{Decision, MAX_COMMENT, MAX_TEXT, ProposalKind};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let kinds: Vec<&str> = ProposalKind::ALL.iter().map(|k| k.key()).collect();
    let decisions: Vec<&str> = Decision::ALL.iter().map(|d| d.key()).collect();
    let trilingual = json!({"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}});
    let item =
        json!({"type": "object", "properties": {"key": {"type": "string"}, "text": trilingual}});
    json!({
        "ModuleTest": {"type": "object", "properties": {
            "id": {"type": "integer"}, "programme_id": {"type": "integer"}, "activity_id": {"type": ["integer", "null"]},
            "city_id": {"type": "integer"}, "framework_version_id": {"type": "integer"}, "module_key": {"type": "string"},
            "title": {"type": "string"}, "status": {"type": "string", "enum": ["open", "closed"]},
            "revised_version_id": {"type": ["integer", "null"]}, "created_at": {"type": "string", "format": "date-time"}}},
        "ModuleTestList": {"type": "object", "properties": {"items": {"type": "array", "items": schema_ref("ModuleTest")}}},
        "ModuleTestInput": {"type": "object", "required": ["title", "framework", "module"], "properties": {
            "title": {"type": "string", "minLength": 1}, "framework": {"type": "string", "description": "KEY@VERSION"},
            "module": {"type": "string"}, "activity": {"type": ["integer", "string", "null"]}}},
        "ModuleTestProposalInput": {"type": "object", "required": ["item"], "properties": {
            "item": {"type": "string"}, "kind": {"type": "string", "enum": kinds.clone()},
            "text_en": {"type": "string", "maxLength": MAX_TEXT}, "text_fr": {"type": "string", "maxLength": MAX_TEXT},
            "text_es": {"type": "string", "maxLength": MAX_TEXT}, "comment": {"type": "string", "maxLength": MAX_COMMENT}}},
        "ModuleTestProposal": {"type": "object", "properties": {
            "id": {"type": "integer"}, "item": {"type": "string"}, "kind": {"type": "string", "enum": kinds},
            "text_en": {"type": "string"}, "text_fr": {"type": "string"}, "text_es": {"type": "string"},
            "comment": {"type": "string"}, "decision": {"type": "string", "enum": decisions.clone()},
            "created_at": {"type": "string", "format": "date-time"}}},
        "ModuleTestDecision": {"type": "object", "required": ["decision"], "properties": {"decision": {"type": "string", "enum": decisions}}},
        "ModuleTestRevision": {"type": "object", "required": ["version"], "properties": {"version": {"type": "string", "maxLength": 40}}},
        "ModuleTestView": {"allOf": [schema_ref("ModuleTest"), {"type": "object", "properties": {
            "framework": {"type": "string"}, "revised": {"type": ["string", "null"]},
            "items": {"type": "array", "items": item.clone()},
            "proposals": {"type": "array", "items": schema_ref("ModuleTestProposal")},
            "links": {"type": "integer"}, "may_run": {"type": "boolean"}, "may_decide": {"type": "boolean"},
            "diff": {"type": ["object", "null"]}}}]},
        "ModuleTestJoined": {"type": "object", "properties": {
            "title": {"type": "string"}, "status": {"type": "string", "enum": ["open", "closed"]},
            "items": {"type": "array", "items": item},
            "parents": {"type": "array", "items": {"type": "string"}},
            "mine": {"type": "array", "items": schema_ref("ModuleTestProposal")}}}
    })
}
