//! The API description of an output's files and share links: their schemas.

use ateneu_domain::programmes::output_files::{LinkState, MAX_LINK_HOURS, MAX_LINK_NOTE};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let id = json!({"type": "integer", "format": "int64"});
    let at = json!({"type": "string", "format": "date-time"});
    let states: Vec<&str> = LinkState::ALL.iter().map(|s| s.key()).collect();
    let link = json!({"type": "object", "properties": {
        "id": id, "file_id": id, "note": {"type": "string"}, "created_at": at, "expires_at": at,
        "revoked_at": {"type": ["string", "null"], "format": "date-time"},
        "state": {"type": "string", "enum": states}, "uses": {"type": "integer"}}});
    let file = json!({"type": "object", "properties": {
        "id": id, "output_id": id, "sha256": {"type": "string"}, "content_type": {"type": "string"},
        "size": {"type": "integer"}, "file_name": {"type": "string", "description": "served at /output-files/{id}/{file_name}"},
        "uploaded_at": at}});
    json!({
        "OutputFile": file,
        "OutputFiles": {"type": "object", "properties": {
            "files": {"type": "array", "items": super::schema_ref("OutputFile")},
            "links": {"type": "array", "items": super::schema_ref("ShareLink")}}},
        "OutputUpload": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary"}}},
        "ShareLink": link,
        "ShareLinkInput": {"type": "object", "properties": {
            "hours": {"type": ["integer", "string"], "minimum": 1, "maximum": MAX_LINK_HOURS},
            "note": {"type": "string", "maxLength": MAX_LINK_NOTE, "description": "whom the link is for"}}},
        "NewShareLink": {"allOf": [super::schema_ref("ShareLink"), {"type": "object", "properties": {
            "token": {"type": "string"}, "url": {"type": "string", "format": "uri"}}}]}
    })
}
