//! The API description of the newsletter (its subscriptions' and its issues' schemas) and of
//! the home page's banners, the programme's other way of making cities visible.

use ateneu_domain::Lang;
use ateneu_domain::banners::MAX_TEXT as BANNER_TEXT;
use ateneu_domain::newsletter::issues::{
    DeliveryStatus, IssueStatus, ItemKind, MAX_EDITORIAL, MAX_ITEMS, MAX_TITLE,
};
use ateneu_domain::newsletter::{Interest, Status};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let interests: Vec<&str> = Interest::ALL.iter().map(|i| i.key()).collect();
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
    let kinds: Vec<&str> = ItemKind::ALL.iter().map(|k| k.key()).collect();
    let issue = issue_schema(&langs);
    let deliveries: serde_json::Map<String, Value> = DeliveryStatus::ALL
        .iter()
        .map(|s| {
            (
                s.key().to_owned(),
                json!({"type": "integer", "format": "int64", "minimum": 1}),
            )
        })
        .collect();
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
                    "count": {"type": "integer", "format": "int64", "minimum": 1}}}}}},
        "NewsletterCandidates": {"type": "object", "required": ["items"], "properties": {
            "items": {"type": "array", "items": {"type": "object", "required": ["item", "kind", "reason", "title"], "properties": {
                "item": {"type": "string", "description": "what an issue's `items` names it by"},
                "kind": {"type": "string", "enum": kinds},
                "reason": {"type": "string", "enum": ["scheduled", "featured", "public_output", "upcoming"]},
                "title": {"type": "string"},
                "on": {"type": ["string", "null"], "format": "date"}}}}}},
        "NewsletterIssueInput": {"type": "object", "properties": {
            "title_en": {"type": "string", "maxLength": MAX_TITLE}, "title_fr": {"type": "string", "maxLength": MAX_TITLE}, "title_es": {"type": "string", "maxLength": MAX_TITLE},
            "editorial_en": {"type": "string", "maxLength": MAX_EDITORIAL}, "editorial_fr": {"type": "string", "maxLength": MAX_EDITORIAL}, "editorial_es": {"type": "string", "maxLength": MAX_EDITORIAL},
            "items": {"type": "array", "maxItems": MAX_ITEMS, "items": {"type": "string", "pattern": "^(practice|output|event):[1-9][0-9]*$"}}},
            "description": "a title in one language at least; a language left empty gets another's text, said so"},
        "NewsletterIssueRecord": issue.clone(),
        "NewsletterIssue": {"allOf": [issue, {"type": "object", "required": ["progress", "copies", "done"], "properties": {
            "progress": {"type": "object", "description": "how many copies are in each state", "properties": deliveries, "additionalProperties": false},
            "copies": {"type": "integer", "format": "int64", "minimum": 0},
            "done": {"type": "integer", "format": "int64", "minimum": 0}}}]},
        "NewsletterIssueList": {"type": "object", "required": ["items"], "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/NewsletterIssue"}}}},
        "NewsletterArchive": {"type": "object", "required": ["items"], "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/NewsletterIssueRecord"}}}},
        "BannerInput": {"type": "object", "required": ["practice", "starts_on", "ends_on"], "properties": {
            "practice": {"type": "string", "description": "the published practice's slug"},
            "image": {"type": "string", "description": "the address of one of the practice's uploaded images; its first when empty"},
            "text_en": {"type": "string", "maxLength": BANNER_TEXT}, "text_fr": {"type": "string", "maxLength": BANNER_TEXT}, "text_es": {"type": "string", "maxLength": BANNER_TEXT},
            "starts_on": {"type": "string", "format": "date"}, "ends_on": {"type": "string", "format": "date"}},
            "description": "a text in one language at least; at most a year between the days"},
        "Banner": {"type": "object", "required": ["id", "practice_id", "texts", "starts_on", "ends_on", "practice", "practice_title", "live"], "properties": {
            "id": {"type": "integer", "format": "int64"}, "practice_id": {"type": "integer", "format": "int64"},
            "image": {"type": ["string", "null"]},
            "texts": {"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}, "additionalProperties": false},
            "starts_on": {"type": "string", "format": "date"}, "ends_on": {"type": "string", "format": "date"},
            "practice": {"type": "string"}, "practice_title": {"type": "string"}, "live": {"type": "boolean"}}},
        "BannerList": {"type": "object", "required": ["items"], "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Banner"}}}},
        "NewsletterPreview": {"type": "object", "required": ["lang", "subject", "text", "html"], "properties": {
            "lang": {"type": "string", "enum": langs}, "subject": {"type": "string"},
            "text": {"type": "string", "description": "the plain-text part"}, "html": {"type": "string", "description": "the HTML part"}}}
    })
}

fn issue_schema(langs: &[&str]) -> Value {
    let kinds: Vec<&str> = ItemKind::ALL.iter().map(|k| k.key()).collect();
    let statuses: Vec<&str> = IssueStatus::ALL.iter().map(|s| s.key()).collect();
    let texts = json!({"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}, "additionalProperties": false});
    let text = json!({"type": "object", "required": ["text", "lang"], "properties": {
        "text": {"type": "string"}, "lang": {"type": "string", "enum": langs}}});
    json!({"type": "object", "required": ["id", "status", "draft", "editions", "created_at", "updated_at"], "properties": {
        "id": {"type": "integer", "format": "int64"},
        "status": {"type": "string", "enum": statuses},
        "draft": {"type": "object", "required": ["titles", "editorials", "items"], "properties": {
            "titles": texts, "editorials": texts,
            "items": {"type": "array", "items": {"type": "object", "required": ["kind", "id"], "properties": {
                "kind": {"type": "string", "enum": kinds}, "id": {"type": "integer", "format": "int64"}}}}}},
        "editions": {"type": "array", "description": "one per language, frozen when sending started (empty for a draft)", "items": {
            "type": "object", "required": ["lang", "title", "items"], "properties": {
                "lang": {"type": "string", "enum": langs},
                "title": text,
                "editorial": {"oneOf": [{"type": "null"}, text]},
                "items": {"type": "array", "items": {"type": "object", "required": ["kind", "id", "title", "url", "place"], "properties": {
                    "kind": {"type": "string", "enum": kinds}, "id": {"type": "integer", "format": "int64"},
                    "title": text, "summary": {"oneOf": [{"type": "null"}, text]},
                    "url": {"type": "string"}, "place": {"type": "string"},
                    "when": {"type": ["string", "null"]}}}}}}},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "sending_started_at": {"type": ["string", "null"], "format": "date-time"},
        "sent_at": {"type": ["string", "null"], "format": "date-time"}}})
}
