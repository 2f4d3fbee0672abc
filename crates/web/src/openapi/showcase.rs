//! The API description of a Leading City's showcase: its schemas.

use ateneu_domain::Lang;
use ateneu_domain::showcase::{Approval, EntryKind, MAX_DESCRIPTION, MAX_INTRO, MAX_TITLE};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let kinds: Vec<&str> = EntryKind::ALL.iter().map(|k| k.key()).collect();
    let approvals: Vec<&str> = Approval::ALL.iter().map(|a| a.key()).collect();
    let texts = json!({"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}, "additionalProperties": false});
    json!({
        "ShowcaseEntryInput": {"type": "object", "required": ["kind", "title", "url"], "properties": {
            "kind": {"type": "string", "enum": kinds},
            "title": {"type": "string", "minLength": 1, "maxLength": MAX_TITLE},
            "description": {"type": "string", "maxLength": MAX_DESCRIPTION},
            "url": {"type": "string", "description": "an http(s) address: the document, the video's page on its hosting site"},
            "languages": {"type": "string", "description": "the languages it exists in, separated by commas (en,fr,es)"}}},
        "ShowcaseEntry": {"type": "object", "required": ["id", "city_id", "kind", "title", "description", "url", "languages", "approval", "updated_at"], "properties": {
            "id": {"type": "integer", "format": "int64"}, "city_id": {"type": "integer", "format": "int64"},
            "kind": {"type": "string", "enum": kinds}, "title": {"type": "string"}, "description": {"type": "string"},
            "url": {"type": "string"}, "languages": {"type": "array", "items": {"type": "string", "enum": langs}},
            "approval": {"type": "string", "enum": approvals}, "updated_at": {"type": "string", "format": "date-time"}}},
        "ShowcaseIntroInput": {"type": "object", "properties": {
            "intro_en": {"type": "string", "maxLength": MAX_INTRO}, "intro_fr": {"type": "string", "maxLength": MAX_INTRO}, "intro_es": {"type": "string", "maxLength": MAX_INTRO}}},
        "ShowcaseIntro": {"type": "object", "required": ["texts", "approval", "updated_at"], "properties": {
            "texts": texts, "approval": {"type": "string", "enum": approvals}, "updated_at": {"type": "string", "format": "date-time"}}},
        "Showcase": {"type": "object", "required": ["city", "entries", "practices", "outputs", "may_curate", "may_approve"], "properties": {
            "city": {"type": "object"},
            "intro": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/ShowcaseIntro"}]},
            "entries": {"type": "array", "items": {"$ref": "#/components/schemas/ShowcaseEntry"}},
            "practices": {"type": "array", "items": {"type": "object"}, "description": "the city's published practices"},
            "outputs": {"type": "array", "items": {"type": "object"}, "description": "the city's public outputs"},
            "may_curate": {"type": "boolean"}, "may_approve": {"type": "boolean"}}}
    })
}
