//! The API description of an output's files and share links: their operations and schemas.

use super::operations::Operation;
use ateneu_domain::programmes::output_files::{LinkState, MAX_LINK_HOURS, MAX_LINK_NOTE};
use serde_json::{Value, json};

pub(crate) const OPERATIONS: &[Operation] = &[
    (
        "get",
        "/outputs/{id}/files",
        "programmes",
        "An output's files, and for those who keep it its share links (never their tokens); 404 to whoever may not see the output",
        None,
        200,
        "OutputFiles",
        true,
    ),
    (
        "post",
        "/outputs/{id}/files",
        "programmes",
        "Upload a file of an output (those who keep it): a PDF, ODT or DOCX document of at most 25 MiB or a PNG, JPEG, WebP or GIF image of at most 10 MiB, recognised by its content; a video goes in as the output's link",
        Some("OutputUpload"),
        201,
        "OutputFile",
        true,
    ),
    (
        "delete",
        "/outputs/{id}/files/{file}",
        "programmes",
        "Remove a file of an output; its share links stop working",
        None,
        204,
        "",
        true,
    ),
    (
        "post",
        "/outputs/{id}/files/{file}/links",
        "programmes",
        "Make a link that shares the file outside the platform until it expires (1 to 2160 hours, a week when not given); the answer's url and token are shown this once and never kept",
        Some("ShareLinkInput"),
        201,
        "NewShareLink",
        true,
    ),
    (
        "delete",
        "/outputs/{id}/links/{link}",
        "programmes",
        "Revoke a share link: it answers 404 from now on",
        None,
        200,
        "ShareLink",
        true,
    ),
    (
        "get",
        "/output-files/{id}/{name}",
        "programmes",
        "A file of an output, to whoever may see the output (404 to anyone else); documents as downloads, never kept by shared caches unless public",
        None,
        200,
        "OutputFileBytes",
        false,
    ),
    (
        "get",
        "/shared/{token}",
        "programmes",
        "The file a share link opens, without signing in, while the link works; 404 once it expired or was revoked, and for any other token. Every use is recorded",
        None,
        200,
        "OutputFileBytes",
        false,
    ),
];

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
