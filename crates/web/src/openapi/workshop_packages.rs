//! The API description of workshop packages: an assessment, a Seven Keys or a policy-design
//! workshop taken offline as a signed package, and the results a laptop brings back, merged.

use ateneu_domain::workshop_packages::{FORMAT, FORMAT_VERSION};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let time = json!({"type": "string", "format": "date-time"});
    let count = json!({"type": "integer", "minimum": 0});
    json!({
        "WorkshopPackage": {"type": "object", "required": ["format", "format_version", "id", "origin", "workshop", "made_at", "content", "signature"], "properties": {
            "format": {"type": "string", "enum": [FORMAT]},
            "format_version": {"type": "integer", "enum": [FORMAT_VERSION]},
            "id": {"type": "string"}, "origin": {"type": "string"},
            "workshop": {"type": "integer", "format": "int64", "description": "the assessment's id on the platform"},
            "made_at": time,
            "content": {"type": "object", "required": ["type"], "properties": {
                "type": {"type": "string", "enum": ["assessment_workshop", "assessment_results", "seven_keys_workshop", "seven_keys_results", "policy_design_workshop", "policy_design_results"]}},
                "description": "assessment_workshop: the city, the framework file, the assessment's settings, the facilitator, `key` and `state`; assessment_results: `invitations`, `responses`, `consensus`, `key_ideas`"},
            "signature": {"type": "string", "description": "HMAC-SHA-256 (URL-safe base64) of the package without its signature, under the package's key"}}},
        "PolicyDesignPackageMerged": {"type": "object", "properties": {
            "links_added": count, "ideas_added": count, "clusters_updated": count,
            "key_ideas": {"type": "string", "enum": ["unchanged", "replaced", "appended"]},
            "already_imported": {"type": "boolean"}}},
        "SevenKeysPackageMerged": {"type": "object", "properties": {
            "links_added": count, "challenges_added": count, "themes_updated": count,
            "keys_added": count, "already_imported": {"type": "boolean"}}},
        "WorkshopPackageMerged": {"type": "object", "properties": {
            "invitations_added": count, "invitations_revoked": count, "responses_added": count,
            "responses_updated": count, "consensus_updated": count,
            "key_ideas": {"type": "string", "enum": ["unchanged", "replaced", "appended"]},
            "already_imported": {"type": "boolean"}}}
    })
}
