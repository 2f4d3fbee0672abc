//! The schemas of the API's bodies: the registry and accounts, and the Culture 21 Lab.

use super::{schema_ref, string_props};
use serde_json::{Value, json};
pub(crate) fn all() -> Value {
    let translated = json!({"type": "object", "properties": {"source": {"type": "string", "enum": ["en", "fr", "es"]}, "values": {"type": "object", "additionalProperties": {"type": "object", "properties": {"text": {"type": "string"}, "status": {"type": "string", "enum": ["draft", "translated", "needs_update", "reviewed"]}}}}}});
    let city = json!({"type": "object", "required": ["id", "slug", "name", "country", "region"], "properties": {
        "id": {"type": "integer"}, "slug": {"type": "string"}, "name": translated, "country": {"type": "string", "description": "ISO 3166-1 alpha-2"},
        "region": {"type": "string"}, "population": {"type": ["integer", "null"]},
        "coordinates": {"type": ["object", "null"], "properties": {"latitude": {"type": "number"}, "longitude": {"type": "number"}}},
        "website": {"type": ["string", "null"]}, "description": {"oneOf": [translated, {"type": "null"}]}, "is_example": {"type": "boolean"},
        "created_at": {"type": "string", "format": "date-time"}, "updated_at": {"type": "string", "format": "date-time"}}});
    let membership = json!({"type": "object", "properties": {"id": {"type": "integer"}, "city_id": {"type": "integer"}, "network": {"type": "string"},
        "role": {"type": "string", "enum": ["member", "leading-city"]}, "started_on": {"type": "string", "format": "date"},
        "ended_on": {"type": ["string", "null"], "format": "date"}, "creative_field": {"type": ["string", "null"]}, "designation_year": {"type": ["integer", "null"]}}});
    let mut schemas = json!({
        "Error": {"type": "object", "required": ["error", "message"], "properties": {"error": {"type": "string"}, "message": {"type": "string"},
            "fields": {"type": "object", "additionalProperties": {"type": "object", "properties": {"error": {"type": "string"}, "message": {"type": "string"}}}},
            "lines": {"type": "array", "items": {"type": "object", "properties": {"line": {"type": "integer"}, "column": {"type": "string"}, "error": {"type": "string"}, "message": {"type": "string"}}}}}},
        "City": city,
        "CityPage": {"type": "object", "properties": {"total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"}, "items": {"type": "array", "items": {"allOf": [schema_ref("City"), {"type": "object", "properties": {"memberships": {"type": "array", "items": {"type": "object"}}}}]}}}},
        "CityDetail": {"type": "object", "properties": {"city": schema_ref("City"), "memberships": {"type": "array", "items": schema_ref("Membership")}, "focal_points": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "position": {"type": "string"}, "email": {"type": "string"}, "phone": {"type": "string"}}}}}},
        "CityInput": string_props(&["source_lang", "name_en", "name_fr", "name_es", "country", "region", "population", "latitude", "longitude", "website", "description_en", "description_fr", "description_es"]),
        "FocalPointInput": string_props(&["name", "position", "email", "phone"]),
        "Membership": membership,
        "MembershipList": {"type": "array", "items": schema_ref("Membership")},
        "MembershipInput": string_props(&["network", "role", "started_on", "ended_on", "creative_field", "designation_year"]),
        "EndInput": string_props(&["ended_on"]),
        "FieldChangeInput": string_props(&["creative_field", "on"]),
        "ImportResult": {"type": "object", "properties": {"rows": {"type": "integer"}, "created": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"}}},
        "Reference": {"type": "object", "properties": {"network": {"type": "array"}, "region": {"type": "array"}, "creative_field": {"type": "array"}, "sdg": {"type": "array"}}},
        "Me": {"type": "object", "properties": {"id": {"type": "integer"}, "email": {"type": "string"}, "display_name": {"type": "string"}, "locale": {"type": ["string", "null"]}, "grants": {"type": "array"}}},
        "TokenList": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "scope": {"type": "string", "enum": ["read", "write"]}, "created_at": {"type": "string", "format": "date-time"}, "expires_at": {"type": "string", "format": "date-time"}, "last_used_at": {"type": ["string", "null"], "format": "date-time"}}}},
        "TokenInput": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 80}, "scope": {"type": "string", "enum": ["read", "write"], "description": "read: GET only; write (default): everything the person's roles allow"}, "days": {"type": "integer", "minimum": 1, "maximum": 365, "description": "days until the token expires (90 by default)"}}},
        "NewToken": string_props(&["token"]),
        "UserList": {"type": "array", "items": {"type": "object"}},
        "NoticeList": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "kind": {"type": "string", "enum": ["practice_submitted", "practice_sent_back", "practice_approved", "practice_published", "translation_needed", "assessment_to_facilitate"]}, "entity": {"type": "string", "enum": ["practice", "assessment"]}, "entity_id": {"type": "integer"}, "title": {"type": "string"}, "path": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}, "read_at": {"type": ["string", "null"], "format": "date-time"}}}}}},
        "NoticesRead": {"type": "object", "properties": {"read": {"type": "integer"}}},
        "NoticeSettings": {"type": "object", "properties": {"email": {"type": "array", "items": {"type": "string", "enum": ["practice_submitted", "practice_sent_back", "practice_approved", "practice_published", "translation_needed", "assessment_to_facilitate"]}}}},
        "InviteInput": string_props(&["email", "display_name", "role", "network", "city"]),
        "Invitation": string_props(&["link"]),
        "AuditPage": {"type": "object", "properties": {"total": {"type": "integer"}, "page": {"type": "integer"}, "items": {"type": "array", "items": {"type": "object"}}}},
        "OutboxList": {"type": "array", "items": {"type": "object", "properties": {"file": {"type": "string"}, "to": {"type": "string"}, "subject": {"type": "string"}, "date": {"type": "string"}, "body": {"type": "string"}, "delivery": {"type": "string", "enum": ["outbox", "sending", "sent", "failed"]}, "delivery_error": {"type": "string", "description": "why delivery failed"}}}},
        "Created": {"type": "object", "properties": {"id": {"type": "integer"}}},
        "Object": {"type": "object"},
        "Binary": {"type": "string", "format": "binary"}
    });
    if let (Value::Object(all), Value::Object(lab)) = (&mut schemas, lab_schemas()) {
        all.extend(lab);
    }
    schemas
}

/// The schemas of the Culture 21 Lab (frameworks and assessments).
fn lab_schemas() -> Value {
    let trilingual = json!({"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}});
    let answer = json!({"oneOf": [{"type": "integer"}, {"type": "string", "enum": ["na"]}]});
    let invitation_list = json!({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "assessment_id": {"type": "integer"}, "email": {"type": ["string", "null"]}, "lang": {"type": ["string", "null"], "enum": ["en", "fr", "es", null]}, "created_at": {"type": "string", "format": "date-time"}, "revoked_at": {"type": ["string", "null"], "format": "date-time"}, "state": {"type": "string", "enum": ["not_opened", "draft", "submitted", "revoked"]}, "url": {"type": ["string", "null"]}, "token": {"type": ["string", "null"]}}}}}});
    json!({
        "FrameworkList": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "framework_key": {"type": "string"}, "version": {"type": "string"}, "frozen": {"type": "boolean"}, "name": trilingual}}}}},
        "FrameworkImported": {"type": "object", "properties": {"id": {"type": "integer"}, "reference": {"type": "string"}, "outcome": {"type": "object", "properties": {"outcome": {"type": "string", "enum": ["created", "replaced", "unchanged"]}, "id": {"type": "integer"}}}}},
        "Framework": {"type": "object", "properties": {"version": {"type": "object"}, "framework": {"type": "object", "properties": {"key": {"type": "string"}, "version": {"type": "string"}, "name": trilingual, "scale": {"type": "object"}, "domains": {"type": "array"}, "modules": {"type": "array"}}}}},
        "FrameworkDiff": {"type": "object", "properties": {"from": {"type": "string"}, "to": {"type": "string"}, "diff": {"type": "object", "properties": {"added": {"type": "array"}, "removed": {"type": "array"}, "reworded": {"type": "array"}, "modules": {"type": "array"}, "scale_changed": {"type": "boolean"}}}}},
        "BenchmarkList": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "name": trilingual, "values": {"type": "object", "additionalProperties": {"type": "number"}}}}}}},
        "BenchmarkInput": {"type": "object", "required": ["name", "values"], "properties": {"name": trilingual, "values": {"type": "object", "additionalProperties": {"type": "number"}}}},
        "BenchmarkComputeInput": {"type": "object", "required": ["network"], "properties": {"network": {"type": "string", "description": "a network's key: uclg-culture, leading-cities, uccn…"}}},
        "ComputedBenchmark": {"type": "object", "required": ["id", "key", "name", "values", "n"], "properties": {"id": {"type": "integer"}, "framework_key": {"type": "string"}, "key": {"type": "string"}, "name": trilingual, "values": {"type": "object", "additionalProperties": {"type": "number"}}, "network": {"type": "string"}, "n": {"type": "integer", "description": "how many assessments went in"}, "counts": {"type": "object", "description": "how many assessments gave a value, per field", "additionalProperties": {"type": "integer"}}, "assessments": {"type": "array", "description": "the ids of the assessments that went in", "items": {"type": "integer"}}}},
        "AssessmentInput": {"type": "object", "required": ["city", "framework", "module", "starts_on"], "properties": {"city": {"type": "string", "description": "slug or id"}, "framework": {"type": "string", "description": "id or KEY@VERSION"}, "module": {"type": "string"}, "title": {"type": "string"}, "starts_on": {"type": "string", "format": "date"}, "ends_on": {"type": "string", "format": "date"}, "languages": {"type": "array", "items": {"type": "string", "enum": ["en", "fr", "es"]}}, "visibility": {"type": "string", "enum": ["public", "network", "confidential"]}, "facilitators": {"type": "array", "items": {"type": "string", "format": "email"}}}},
        "Assessment": {"type": "object", "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "city": {"type": "string"}, "framework": {"type": "string"}, "module": {"type": "string"}, "level": {"type": "string"}, "starts_on": {"type": "string", "format": "date"}, "ends_on": {"type": "string", "format": "date"}, "visibility": {"type": "string"}, "status": {"type": "string", "enum": ["open", "closed"]}, "facilitators": {"type": "array", "items": {"type": "integer"}}, "key_ideas": {"type": "string"}}},
        "AssessmentList": {"type": "object", "properties": {"items": {"type": "array", "items": schema_ref("Assessment")}}},
        "InvitationsInput": {"type": "object", "properties": {"count": {"type": "integer", "minimum": 1, "maximum": 1000}, "emails": {"type": "array", "items": {"type": "string", "format": "email"}}, "lang": {"type": "string", "enum": ["en", "fr", "es"], "description": "one of the workshop's languages; by default the page's when the workshop has it, else its first"}}},
        "Invitations": {"type": "object", "properties": {"invitations": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "token": {"type": "string"}, "url": {"type": "string"}, "lang": {"type": "string", "enum": ["en", "fr", "es"]}}}}}},
        "InvitationList": invitation_list,
        "InvitationResent": {"type": "object", "properties": {"invitation": {"type": "object", "properties": {"id": {"type": "integer"}, "token": {"type": "string"}, "url": {"type": "string"}, "lang": {"type": "string"}}}}},
        "ParticipationInput": {"type": "object", "required": ["sector"], "properties": {"sector": {"type": "string", "enum": ["local_government", "civil_society", "private_sector", "academia", "other"]}, "name": {"type": ["string", "null"]}, "name_consent": {"type": "boolean"}, "answers": {"type": "object", "additionalProperties": answer.clone()}, "comments": {"type": "object", "additionalProperties": {"type": "string"}}, "submit": {"type": "boolean", "default": true}}},
        "ParticipationSaved": {"type": "object", "properties": {"saved": {"type": "boolean"}, "submitted": {"type": "boolean"}, "answers": {"type": "integer"}}},
        "Participation": {"type": "object", "properties": {"assessment": {"type": "object"}, "scale": {"type": "object"}, "items": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "field": {"type": "string"}, "text": {"type": "string"}}}}, "response": {"type": ["object", "null"]}, "submitted": {"type": "boolean"}}},
        "ConsensusInput": {"type": "object", "additionalProperties": {"type": "object", "properties": {"score": {"oneOf": [answer, {"type": "null"}]}, "justification": {"type": "string"}}}},
        "KeyIdeasInput": string_props(&["text"]),
        "Results": {"type": "object", "properties": {"id": {"type": "integer"}, "status": {"type": "string"}, "framework": {"type": "string"}, "module": {"type": "string"}, "level": {"type": "string"}, "scale": {"type": "array", "items": {"type": "integer"}}, "responses": {"type": "integer"}, "drafts": {"type": "integer"}, "invitations": {"type": "integer"}, "items": {"type": "array"}, "fields": {"type": "array"}, "domains": {"type": "array"}, "sectors": {"type": "array"}, "disagreements": {"type": "array"}, "consensus": {"type": "object"}, "strengths_and_weaknesses": {"type": "object"}, "benchmark": {"type": ["string", "null"]}}}
    })
}
