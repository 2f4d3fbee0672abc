//! The API description of workshop packages: an assessment, a Seven Keys or a policy-design
//! workshop taken offline as a signed package, and the results a laptop brings back, merged.

use super::operations::Operation;
use ateneu_domain::workshop_packages::{FORMAT, FORMAT_VERSION};
use serde_json::{Value, json};

pub(crate) const OPERATIONS: &[Operation] = &[
    (
        "post",
        "/assessments/{id}/package",
        "assessments",
        "Make the workshop package of an open assessment, to run it on a laptop without internet (`ateneu workshop open FILE`): the workshop, its invitations by their links' hashes, what was answered so far and the key that signs its results (keep it as a participant's link). Facilitators and the secretariat; 409 assessment_closed when closed",
        None,
        201,
        "WorkshopPackage",
        true,
    ),
    (
        "post",
        "/assessments/{id}/package/results",
        "assessments",
        "Merge the results package a laptop made (`ateneu workshop results`) into the assessment: new invitations, responses (a submission wins over a draft; two drafts keep every answer, the later one's where both answered), newer agreed scores, key ideas. Refused whole with `fields.package` when unreadable, not results, made elsewhere, for another workshop or not matching its signature, or with the item (`responses[3].answers.KEY`) when one is not valid; the same file again writes nothing (`already_imported`)",
        Some("WorkshopPackage"),
        200,
        "WorkshopPackageMerged",
        true,
    ),
    (
        "post",
        "/seven-keys/workshops/{id}/package",
        "seven-keys",
        "Make the workshop package of an open Seven Keys workshop, to run the day on a laptop without internet (`ateneu workshop open FILE`): the workshop, the city's cultural assets, the participants' links by their hashes, the challenges with their themes and the keys so far, and the key that signs its results. Those who run the workshop; 409 workshop_closed when closed",
        None,
        201,
        "WorkshopPackage",
        true,
    ),
    (
        "post",
        "/seven-keys/workshops/{id}/package/results",
        "seven-keys",
        "Merge the results package a laptop made into the workshop: new links, challenges named in the room (with their themes), themes changed there, keys agreed there (409 plan_already_drafted once the keys became a plan). Refused whole as an assessment's results are; each item is merged once, and the same file again writes nothing (`already_imported`)",
        Some("WorkshopPackage"),
        200,
        "SevenKeysPackageMerged",
        true,
    ),
    (
        "post",
        "/outputs/{id}/workshop/package",
        "programmes",
        "Make the workshop package of the open policy-design workshop around an action plan, to run the room on a laptop without internet (`ateneu workshop open FILE`): the plan's title, the fields, the participants' links by their hashes, the ideas with their clusters, the key ideas, and the key that signs its results. The plan's keepers; 404 until the workshop is opened, 409 workshop_closed when closed",
        None,
        201,
        "WorkshopPackage",
        true,
    ),
    (
        "post",
        "/outputs/{id}/workshop/package/results",
        "programmes",
        "Merge the results package a laptop made into the workshop: new links, ideas proposed in the room (with their clusters), clusters changed there, key ideas (replaced when changed only in the room, both kept when changed on both sides). Refused whole as an assessment's results are; each idea is merged once, and the same file again writes nothing (`already_imported`)",
        Some("WorkshopPackage"),
        200,
        "PolicyDesignPackageMerged",
        true,
    ),
];

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
