//! The API description of thematic-module testing: a programme's seminars, a seminar with its
//! module's items, proposals and revision, links, closing, decisions, the revision, and a
//! participant's link.

use super::operations::Operation;
use super::schema_ref;
use ateneu_domain::module_tests::{Decision, MAX_COMMENT, MAX_TEXT, ProposalKind};
use serde_json::{Value, json};

pub(crate) const OPERATIONS: &[Operation] = &[
    (
        "get",
        "/programmes/{id}/module-tests",
        "module-tests",
        "A programme's thematic-module seminars (who sees the programme; 404 to anyone else)",
        None,
        200,
        "ModuleTestList",
        false,
    ),
    (
        "post",
        "/programmes/{id}/module-tests",
        "module-tests",
        "Start a seminar testing a module of an imported framework version (`framework` as KEY@VERSION, `module`), held for one of the programme's thematic-module activities or none (the city's editors and the secretariat)",
        Some("ModuleTestInput"),
        201,
        "ModuleTest",
        true,
    ),
    (
        "get",
        "/module-tests/{id}",
        "module-tests",
        "A seminar: the module's items with their texts, every proposal with its decision, the links made, what the caller may do, and once revised the new version and what it changed",
        None,
        200,
        "ModuleTestView",
        false,
    ),
    (
        "post",
        "/module-tests/{id}/links",
        "module-tests",
        "Make participants' links (1 to 1000), each shown once",
        Some("SevenKeysCount"),
        201,
        "SevenKeysLinks",
        true,
    ),
    (
        "put",
        "/module-tests/{id}/status",
        "module-tests",
        "Close the seminar (it takes no more proposals) or reopen it",
        Some("SevenKeysStatus"),
        200,
        "SevenKeysStatus",
        true,
    ),
    (
        "put",
        "/module-tests/{id}/proposals/{proposal_id}/decision",
        "module-tests",
        "Accept or reject a proposal (the Leading Cities' secretariat, keeper of the frameworks); 409 already_revised once the module is revised",
        Some("ModuleTestDecision"),
        200,
        "ModuleTestDecision",
        true,
    ),
    (
        "post",
        "/module-tests/{id}/revise",
        "module-tests",
        "Turn the accepted proposals into the revised module: a new version of the framework named `version` (checked whole as any imported file; an existing version's name is refused), filed as the activity's public revised module; once (409 already_revised). The seminar with what the revision changed",
        Some("ModuleTestRevision"),
        201,
        "ModuleTestView",
        true,
    ),
    (
        "get",
        "/module-tests/join/{token}",
        "module-tests",
        "What a participant's link opens (no account): the seminar's title, the module's items, whether it is open, the keys a new item may go under, and the proposals made through this link",
        None,
        200,
        "ModuleTestJoined",
        false,
    ),
    (
        "post",
        "/module-tests/join/{token}",
        "module-tests",
        "Comment on an item, propose its new wording (one to three languages), or a new item under a field or domain (all three languages), through a participant's link while the seminar is open (409 workshop_closed)",
        Some("ModuleTestProposalInput"),
        201,
        "ModuleTestProposal",
        false,
    ),
];

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
