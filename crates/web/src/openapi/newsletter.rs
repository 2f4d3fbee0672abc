//! The API description of the newsletter's subscriptions: their schemas.

use ateneu_domain::Lang;
use ateneu_domain::newsletter::{Interest, Status};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let interests: Vec<&str> = Interest::ALL.iter().map(|i| i.key()).collect();
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
    json!({
        "SubscriptionInput": {"type": "object", "required": ["email", "lang", "interests"], "properties": {
            "email": {"type": "string", "format": "email"},
            "lang": {"type": "string", "enum": langs, "description": "the language the issues come in"},
            "interests": {"oneOf": [
                {"type": "array", "minItems": 1, "items": {"type": "string", "enum": interests}},
                {"type": "string", "description": "the interests' keys separated by commas"}]}}},
        "SubscriptionRequested": {"type": "object", "required": ["status"], "properties": {
            "status": {"type": "string", "enum": ["confirmation_sent"]}}},
        "NewsletterLinkState": {"type": "object", "required": ["status", "lang"], "properties": {
            "status": {"type": "string", "enum": statuses}, "lang": {"type": "string", "enum": langs}}},
        "NewsletterCounts": {"type": "object", "required": ["total", "by_status_and_lang"], "properties": {
            "total": {"type": "integer", "format": "int64", "minimum": 0},
            "by_status_and_lang": {"type": "array", "description": "states and languages in their order; a pair without subscribers is left out", "items": {
                "type": "object", "required": ["status", "lang", "count"], "properties": {
                    "status": {"type": "string", "enum": statuses},
                    "lang": {"type": "string", "enum": langs},
                    "count": {"type": "integer", "format": "int64", "minimum": 1}}}}}}
    })
}
