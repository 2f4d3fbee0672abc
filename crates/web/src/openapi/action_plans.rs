//! The API description of an action plan (its items and their progress updates, where it
//! starts from, its PDF) and of the indicator frameworks its items name.

use super::schema_ref;
use ateneu_domain::indicators::Direction;
use ateneu_domain::programmes::MAX_TEXT;
use ateneu_domain::programmes::action_plans::{ItemStatus, MAX_LINKS};
use ateneu_domain::programmes::outputs::MAX_TITLE;
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let statuses: Vec<&str> = ItemStatus::ALL.iter().map(|s| s.key()).collect();
    let directions: Vec<&str> = Direction::ALL.iter().map(|d| d.key()).collect();
    let trilingual = json!({"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}});
    let date = json!({"type": "string", "format": "date"});
    let optional_date = json!({"type": ["string", "null"], "format": "date"});
    let text = |max: usize| json!({"type": "string", "maxLength": max});
    let list = |description: &str| {
        json!({"oneOf": [{"type": "array", "maxItems": MAX_LINKS, "items": {"type": ["string", "integer"]}}, {"type": "string"}],
               "description": description})
    };
    let translated = json!({"type": "object", "properties": {"source": {"type": "string", "enum": ["en", "fr", "es"]}, "values": {"type": "object"}}});
    let update = json!({"type": "object", "properties": {
        "id": {"type": "integer"}, "item_id": {"type": "integer"}, "on": date, "note": {"type": "string"},
        "link": {"type": ["string", "null"]}, "status": {"type": ["string", "null"], "enum": statuses.iter().map(|s| json!(s)).chain([Value::Null]).collect::<Vec<_>>()},
        "progress": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
        "created_at": {"type": "string", "format": "date-time"}}});
    json!({
        "ActionPlanItemInput": {"type": "object", "properties": {
            "source_lang": {"type": "string", "enum": ["", "en", "fr", "es"]},
            "title_en": text(MAX_TITLE), "title_fr": text(MAX_TITLE), "title_es": text(MAX_TITLE),
            "description_en": text(MAX_TEXT), "description_fr": text(MAX_TEXT), "description_es": text(MAX_TEXT),
            "responsible": {"type": "string"}, "partners": {"type": "string"},
            "starts_on": {"type": "string", "description": "YYYY-MM-DD, or empty"}, "ends_on": {"type": "string", "description": "YYYY-MM-DD, or empty"},
            "budget": {"type": ["string", "integer"], "description": "in the currency's units (12500.50), or empty"},
            "currency": {"type": "string", "description": "ISO 4217 (EUR), needed with a budget"},
            "status": {"type": "string", "enum": statuses.iter().map(|s| json!(s)).chain([json!("")]).collect::<Vec<_>>()},
            "progress": {"type": ["string", "integer"], "description": "0 to 100; empty: 0, or 100 for a done item"},
            "fields": list("framework:field of each field addressed"),
            "sdgs": list("SDG numbers, 1 to 17"),
            "sdg_targets": list("SDG targets as 11.4 or 12.b"),
            "indicators": list("framework:indicator of each indicator that measures it (`/indicator-frameworks`)"),
            "goal_targets": list("goal@version:target of each Culture 2030 Goal target it serves (`/goals`)"),
            "revision": {"type": ["string", "integer"], "description": "the item's revision, when saving"}}},
        "ActionPlanItem": {"type": "object", "properties": {
            "id": {"type": "integer"}, "output_id": {"type": "integer"}, "position": {"type": "integer"},
            "title": translated, "description": {"oneOf": [translated, {"type": "null"}]},
            "responsible": {"type": "string"}, "partners": {"type": "string"},
            "starts_on": optional_date, "ends_on": optional_date,
            "budget": {"type": ["object", "null"], "properties": {"currency": {"type": "string"}, "amount": {"type": "integer", "description": "minor units"}}},
            "status": {"type": "string", "enum": statuses}, "progress": {"type": "integer", "minimum": 0, "maximum": 100},
            "fields": {"type": "array", "items": {"type": "string"}}, "sdgs": {"type": "array", "items": {"type": "integer"}},
            "sdg_targets": {"type": "array", "items": {"type": "string"}},
            "indicators": {"type": "array", "items": {"type": "string"}},
            "goal_targets": {"type": "array", "items": {"type": "string"}},
            "revision": {"type": "integer"}, "updated_at": {"type": "string", "format": "date-time"}}},
        "ActionPlanUpdate": update,
        "ActionPlanUpdateInput": {"type": "object", "required": ["on"], "properties": {
            "on": date, "note": text(MAX_TEXT), "link": {"type": "string"},
            "practice": {"type": "string", "description": "a good practice's slug or address"},
            "file": {"type": ["string", "integer"], "description": "the id of one of the plan's files (`/outputs/{id}/files`)"},
            "status": {"type": "string", "enum": statuses.iter().map(|s| json!(s)).chain([json!("")]).collect::<Vec<_>>()},
            "progress": {"type": ["string", "integer"], "description": "0 to 100, or empty: unchanged"}}},
        "ActionPlanItemView": {"allOf": [schema_ref("ActionPlanItem"), {"type": "object", "properties": {
            "updates": {"type": "array", "items": {"allOf": [schema_ref("ActionPlanUpdate"), {"type": "object", "properties": {
                "practice": {"type": ["object", "null"], "properties": {"slug": {"type": "string"}, "title": {"oneOf": [translated.clone(), {"type": "null"}]}}},
                "file": {"type": ["object", "null"], "properties": {"id": {"type": "integer"}, "file_name": {"type": "string"}, "content_type": {"type": "string"}, "size": {"type": "integer"}}}}}]}}}}]},
        "IndicatorFrameworkList": {"type": "array", "items": {"type": "object", "properties": {
            "key": {"type": "string"}, "version": {"type": "string"}, "name": trilingual.clone(), "source": {"type": "string"},
            "dimensions": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "name": trilingual.clone()}}},
            "indicators": {"type": "array", "items": {"type": "object", "properties": {
                "key": {"type": "string"}, "number": {"type": "integer"}, "dimension": {"type": "string"}, "name": trilingual,
                "unit": {"type": "string"}, "direction": {"type": "string", "enum": directions},
                "breakdowns": {"type": "array", "items": {"type": "string"}},
                "sdg_targets": {"type": "array", "items": {"type": "string"}}}}}}}},
        "StartingPoints": {"type": "object", "properties": {
            "assessment": {"type": ["object", "null"], "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "starts_on": date}},
            "weaknesses": {"type": "array", "items": schema_ref("FieldPoint")},
            "strengths": {"type": "array", "items": schema_ref("FieldPoint")}}},
        "FieldPoint": {"type": "object", "properties": {
            "field": {"type": "string", "description": "framework:field"},
            "name": {"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}},
            "value": {"type": "number"}, "from_own_mean": {"type": "number"},
            "inspiration": {"type": "array", "items": {"type": "object", "properties": {
                "slug": {"type": "string"}, "title": {"type": "string"}, "lang": {"type": "string", "enum": ["en", "fr", "es"]},
                "cities": {"type": "array", "items": {"type": "string"}}}}}}},
        "ActionPlan": {"type": "object", "properties": {
            "output": schema_ref("OutputView"),
            "items": {"type": "array", "items": schema_ref("ActionPlanItemView")},
            "by_status": {"type": "object", "additionalProperties": {"type": "integer"}},
            "progress": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
            "files": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "file_name": {"type": "string"}}}}}}
    })
}
