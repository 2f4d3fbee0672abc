//! The OpenAPI 3.1 document of `/api/v1`, written out by hand from one table of operations so
//! that it stays readable; a snapshot test keeps it in step with the routes.

use serde_json::{Map, Value, json};

/// (method, path, tag, summary, request schema, success status, response schema, needs sign-in)
type Operation = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    u16,
    &'static str,
    bool,
);

const OPERATIONS: &[Operation] = &[
    (
        "get",
        "/cities",
        "registry",
        "List cities with filters (network, region, country, field, q) and pages",
        None,
        200,
        "CityPage",
        false,
    ),
    (
        "post",
        "/cities",
        "registry",
        "Add a city (secretariat)",
        Some("CityInput"),
        201,
        "City",
        true,
    ),
    (
        "get",
        "/cities/{slug}",
        "registry",
        "A city with its memberships and focal points (contacts only for those allowed)",
        None,
        200,
        "CityDetail",
        false,
    ),
    (
        "put",
        "/cities/{slug}",
        "registry",
        "Edit a city (its editors, its networks' secretariat)",
        Some("CityInput"),
        200,
        "City",
        true,
    ),
    (
        "post",
        "/cities/{slug}/focal-points",
        "registry",
        "Add a focal point",
        Some("FocalPointInput"),
        201,
        "Created",
        true,
    ),
    (
        "delete",
        "/cities/{slug}/focal-points/{id}",
        "registry",
        "Remove a focal point",
        None,
        204,
        "",
        true,
    ),
    (
        "get",
        "/cities/{slug}/memberships",
        "registry",
        "A city's memberships, with history",
        None,
        200,
        "MembershipList",
        false,
    ),
    (
        "post",
        "/cities/{slug}/memberships",
        "registry",
        "Add a membership period (the network's secretariat)",
        Some("MembershipInput"),
        201,
        "Membership",
        true,
    ),
    (
        "post",
        "/cities/{slug}/memberships/{id}/end",
        "registry",
        "End a membership on a date",
        Some("EndInput"),
        200,
        "Membership",
        true,
    ),
    (
        "post",
        "/cities/{slug}/memberships/{id}/field",
        "registry",
        "Change a Creative City's field from a date (history kept)",
        Some("FieldChangeInput"),
        201,
        "Membership",
        true,
    ),
    (
        "post",
        "/import/cities",
        "files",
        "Import a cities CSV (text/csv body); the whole file or nothing",
        Some("Csv"),
        200,
        "ImportResult",
        true,
    ),
    (
        "post",
        "/import/memberships",
        "files",
        "Import a memberships CSV (text/csv body); the whole file or nothing",
        Some("Csv"),
        200,
        "ImportResult",
        true,
    ),
    (
        "get",
        "/export/cities.csv",
        "files",
        "Every city as CSV (no contact details)",
        None,
        200,
        "Csv",
        false,
    ),
    (
        "get",
        "/export/memberships.csv",
        "files",
        "Every membership as CSV",
        None,
        200,
        "Csv",
        false,
    ),
    (
        "get",
        "/reference",
        "reference",
        "Networks, regions, creative fields and SDGs in three languages",
        None,
        200,
        "Reference",
        false,
    ),
    (
        "get",
        "/me",
        "accounts",
        "The signed-in person and their roles",
        None,
        200,
        "Me",
        true,
    ),
    (
        "get",
        "/account/tokens",
        "accounts",
        "The signed-in person's API tokens",
        None,
        200,
        "TokenList",
        true,
    ),
    (
        "post",
        "/account/tokens",
        "accounts",
        "Create a personal API token (shown once)",
        Some("TokenInput"),
        201,
        "NewToken",
        true,
    ),
    (
        "get",
        "/admin/users",
        "admin",
        "Every account with its roles (platform admin)",
        None,
        200,
        "UserList",
        true,
    ),
    (
        "post",
        "/admin/invitations",
        "admin",
        "Invite a person with a role; emails a link to set a password",
        Some("InviteInput"),
        201,
        "Invitation",
        true,
    ),
    (
        "get",
        "/admin/audit",
        "admin",
        "The audit log, newest first (platform admin)",
        None,
        200,
        "AuditPage",
        true,
    ),
    (
        "get",
        "/admin/outbox",
        "admin",
        "Every email written to the outbox, with its delivery status (platform admin)",
        None,
        200,
        "OutboxList",
        true,
    ),
    (
        "get",
        "/frameworks",
        "frameworks",
        "List framework versions",
        None,
        200,
        "FrameworkList",
        false,
    ),
    (
        "post",
        "/frameworks",
        "frameworks",
        "Import a framework file (the body is the TOML file; secretariat); every problem is reported with its line",
        Some("Toml"),
        201,
        "FrameworkImported",
        true,
    ),
    (
        "get",
        "/frameworks/{reference}",
        "frameworks",
        "A framework version (by id or KEY@VERSION) with its domains, fields, actions, modules and scale",
        None,
        200,
        "Framework",
        false,
    ),
    (
        "get",
        "/frameworks/{reference}/export",
        "frameworks",
        "A framework version as its TOML file",
        None,
        200,
        "Toml",
        false,
    ),
    (
        "get",
        "/frameworks/{reference}/diff/{other}",
        "frameworks",
        "What changed from one version to another: items added, removed, reworded, and modules",
        None,
        200,
        "FrameworkDiff",
        false,
    ),
    (
        "get",
        "/frameworks/{reference}/benchmarks",
        "frameworks",
        "The benchmark sets of a framework (values per field)",
        None,
        200,
        "BenchmarkList",
        false,
    ),
    (
        "put",
        "/frameworks/{reference}/benchmarks/{key}",
        "frameworks",
        "Enter or replace a benchmark set (secretariat)",
        Some("BenchmarkInput"),
        200,
        "Created",
        true,
    ),
    (
        "get",
        "/assessments",
        "assessments",
        "Assessments the caller may see or run",
        None,
        200,
        "AssessmentList",
        false,
    ),
    (
        "post",
        "/assessments",
        "assessments",
        "Create an assessment for a city (its networks' secretariat or experts); freezes the framework version",
        Some("AssessmentInput"),
        201,
        "Created",
        true,
    ),
    (
        "get",
        "/assessments/{id}",
        "assessments",
        "An assessment's settings (as its results' visibility allows)",
        None,
        200,
        "Assessment",
        false,
    ),
    (
        "post",
        "/assessments/{id}/invitations",
        "assessments",
        "Make single-person invitation links (count, or one per email, each emailed); the tokens are shown once",
        Some("InvitationsInput"),
        201,
        "Invitations",
        true,
    ),
    (
        "put",
        "/participation/{token}",
        "assessments",
        "Save a participant's sector, scores and comments; submits unless \"submit\": false (no account: the token is the key)",
        Some("ParticipationInput"),
        200,
        "ParticipationSaved",
        false,
    ),
    (
        "get",
        "/participation/{token}",
        "assessments",
        "What an invitation opens: the items to score, the scale and what was saved",
        None,
        200,
        "Participation",
        false,
    ),
    (
        "put",
        "/assessments/{id}/consensus",
        "assessments",
        "Record agreed scores per field with a justification (facilitators, secretariat)",
        Some("ConsensusInput"),
        200,
        "Object",
        true,
    ),
    (
        "put",
        "/assessments/{id}/key-ideas",
        "assessments",
        "Write the report's key ideas (facilitators, secretariat)",
        Some("KeyIdeasInput"),
        204,
        "",
        true,
    ),
    (
        "post",
        "/assessments/{id}/close",
        "assessments",
        "Close the assessment (final; files the report as an output of the city)",
        None,
        200,
        "Object",
        true,
    ),
    (
        "post",
        "/assessments/{id}/reopen",
        "assessments",
        "Reopen a closed assessment (secretariat)",
        None,
        200,
        "Object",
        true,
    ),
    (
        "get",
        "/assessments/{id}/results",
        "assessments",
        "Results per item, field, domain and sector, disagreements, consensus, strengths and weaknesses",
        None,
        200,
        "Results",
        false,
    ),
    (
        "get",
        "/assessments/{id}/responses.json",
        "assessments",
        "The submitted responses, anonymised",
        None,
        200,
        "Object",
        false,
    ),
    (
        "get",
        "/assessments/{id}/responses.csv",
        "assessments",
        "The submitted responses, anonymised, one row per response",
        None,
        200,
        "Csv",
        false,
    ),
    (
        "get",
        "/{lang}/assessments/{id}/radar.svg",
        "assessments",
        "The radar (SVG) in a language: this assessment, the previous one and a benchmark set (?benchmark=KEY or none)",
        None,
        200,
        "Svg",
        false,
    ),
    (
        "get",
        "/{lang}/assessments/{id}/report.pdf",
        "assessments",
        "The written report (PDF, embedded fonts) in a language",
        None,
        200,
        "Pdf",
        false,
    ),
    (
        "get",
        "/openapi.json",
        "reference",
        "This document",
        None,
        200,
        "Object",
        false,
    ),
];

fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn content(name: &str) -> Value {
    match name {
        "Csv" => json!({"text/csv": {"schema": {"type": "string"}}}),
        "Toml" => json!({"application/toml": {"schema": {"type": "string"}}}),
        "Svg" => json!({"image/svg+xml": {"schema": {"type": "string"}}}),
        "Pdf" => json!({"application/pdf": {"schema": {"type": "string", "format": "binary"}}}),
        _ => json!({"application/json": {"schema": schema_ref(name)}}),
    }
}

fn string_props(names: &[&str]) -> Value {
    let props: Map<String, Value> = names
        .iter()
        .map(|n| ((*n).to_owned(), json!({"type": "string"})))
        .collect();
    json!({"type": "object", "properties": props})
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema_ref("Error")}}})
}

/// The whole document.
pub fn document() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for (method, path, tag, summary, request, status, response, auth) in OPERATIONS {
        let mut op = json!({"tags": [tag], "summary": summary, "responses": {}});
        let params: Vec<Value> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": if name == "id" { "integer" } else { "string" }}}))
            .collect();
        let mut params = params;
        if *path == "/cities" && *method == "get" {
            for name in [
                "network", "region", "country", "field", "q", "page", "per_page", "lang",
            ] {
                params.push(json!({"name": name, "in": "query", "required": false, "schema": {"type": if name.starts_with("page") || name == "per_page" { "integer" } else { "string" }}}));
            }
        }
        if !params.is_empty() {
            op["parameters"] = Value::Array(params);
        }
        if let Some(request) = request {
            op["requestBody"] = json!({"required": true, "content": content(request)});
        }
        let mut responses = Map::new();
        let ok = if response.is_empty() {
            json!({"description": "Done"})
        } else {
            json!({"description": "Success", "content": content(response)})
        };
        responses.insert(status.to_string(), ok);
        if request.is_some() {
            responses.insert("400".into(), error_response("Malformed body"));
            responses.insert(
                "422".into(),
                error_response("Invalid fields (`fields`) or file lines (`lines`)"),
            );
        }
        if *auth {
            responses.insert("401".into(), error_response("Sign-in required"));
            responses.insert("403".into(), error_response("Not allowed"));
            op["security"] = json!([{"bearer": []}, {"session": []}]);
        }
        if path.contains('{') {
            responses.insert("404".into(), error_response("Not found"));
        }
        op["responses"] = Value::Object(responses);
        let entry = paths.entry((*path).to_owned()).or_insert_with(|| json!({}));
        if path.starts_with("/{lang}") {
            // Pages in a language live outside the API's base path.
            entry["servers"] = json!([{"url": "/"}]);
        }
        entry[*method] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Ateneu API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The JSON API of Ateneu, the platform of city networks for culture and sustainable development. Errors are {\"error\": stable_key, \"message\": localised text, \"fields\": {...}}; the language comes from ?lang=, the account's setting or Accept-Language. Write requests authenticate with a Bearer personal API token, or with the session cookie plus the X-CSRF-Token header."
        },
        "servers": [{"url": "/api/v1"}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "A personal API token (`ateneu token create` or the account page)"},
                "session": {"type": "apiKey", "in": "cookie", "name": "ateneu_session"}
            },
            "schemas": schemas()
        }
    })
}

fn schemas() -> Value {
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
        "TokenList": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}},
        "TokenInput": string_props(&["name"]),
        "NewToken": string_props(&["token"]),
        "UserList": {"type": "array", "items": {"type": "object"}},
        "InviteInput": string_props(&["email", "display_name", "role", "network", "city"]),
        "Invitation": string_props(&["link"]),
        "AuditPage": {"type": "object", "properties": {"total": {"type": "integer"}, "page": {"type": "integer"}, "items": {"type": "array", "items": {"type": "object"}}}},
        "OutboxList": {"type": "array", "items": {"type": "object", "properties": {"file": {"type": "string"}, "to": {"type": "string"}, "subject": {"type": "string"}, "date": {"type": "string"}, "body": {"type": "string"}, "delivery": {"type": "string", "enum": ["outbox", "sending", "sent", "failed"]}, "delivery_error": {"type": "string", "description": "why delivery failed"}}}},
        "Created": {"type": "object", "properties": {"id": {"type": "integer"}}},
        "Object": {"type": "object"}
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
    json!({
        "FrameworkList": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "framework_key": {"type": "string"}, "version": {"type": "string"}, "frozen": {"type": "boolean"}, "name": trilingual}}}}},
        "FrameworkImported": {"type": "object", "properties": {"id": {"type": "integer"}, "reference": {"type": "string"}, "outcome": {"type": "object", "properties": {"outcome": {"type": "string", "enum": ["created", "replaced", "unchanged"]}, "id": {"type": "integer"}}}}},
        "Framework": {"type": "object", "properties": {"version": {"type": "object"}, "framework": {"type": "object", "properties": {"key": {"type": "string"}, "version": {"type": "string"}, "name": trilingual, "scale": {"type": "object"}, "domains": {"type": "array"}, "modules": {"type": "array"}}}}},
        "FrameworkDiff": {"type": "object", "properties": {"from": {"type": "string"}, "to": {"type": "string"}, "diff": {"type": "object", "properties": {"added": {"type": "array"}, "removed": {"type": "array"}, "reworded": {"type": "array"}, "modules": {"type": "array"}, "scale_changed": {"type": "boolean"}}}}},
        "BenchmarkList": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "name": trilingual, "values": {"type": "object", "additionalProperties": {"type": "number"}}}}}}},
        "BenchmarkInput": {"type": "object", "required": ["name", "values"], "properties": {"name": trilingual, "values": {"type": "object", "additionalProperties": {"type": "number"}}}},
        "AssessmentInput": {"type": "object", "required": ["city", "framework", "module", "starts_on"], "properties": {"city": {"type": "string", "description": "slug or id"}, "framework": {"type": "string", "description": "id or KEY@VERSION"}, "module": {"type": "string"}, "title": {"type": "string"}, "starts_on": {"type": "string", "format": "date"}, "ends_on": {"type": "string", "format": "date"}, "languages": {"type": "array", "items": {"type": "string", "enum": ["en", "fr", "es"]}}, "visibility": {"type": "string", "enum": ["public", "network", "confidential"]}, "facilitators": {"type": "array", "items": {"type": "string", "format": "email"}}}},
        "Assessment": {"type": "object", "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "city": {"type": "string"}, "framework": {"type": "string"}, "module": {"type": "string"}, "level": {"type": "string"}, "starts_on": {"type": "string", "format": "date"}, "ends_on": {"type": "string", "format": "date"}, "visibility": {"type": "string"}, "status": {"type": "string", "enum": ["open", "closed"]}, "facilitators": {"type": "array", "items": {"type": "integer"}}, "key_ideas": {"type": "string"}}},
        "AssessmentList": {"type": "object", "properties": {"items": {"type": "array", "items": schema_ref("Assessment")}}},
        "InvitationsInput": {"type": "object", "properties": {"count": {"type": "integer", "minimum": 1, "maximum": 1000}, "emails": {"type": "array", "items": {"type": "string", "format": "email"}}}},
        "Invitations": {"type": "object", "properties": {"invitations": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "token": {"type": "string"}, "url": {"type": "string"}}}}}},
        "ParticipationInput": {"type": "object", "required": ["sector"], "properties": {"sector": {"type": "string", "enum": ["local_government", "civil_society", "private_sector", "academia", "other"]}, "name": {"type": ["string", "null"]}, "name_consent": {"type": "boolean"}, "answers": {"type": "object", "additionalProperties": answer.clone()}, "comments": {"type": "object", "additionalProperties": {"type": "string"}}, "submit": {"type": "boolean", "default": true}}},
        "ParticipationSaved": {"type": "object", "properties": {"saved": {"type": "boolean"}, "submitted": {"type": "boolean"}, "answers": {"type": "integer"}}},
        "Participation": {"type": "object", "properties": {"assessment": {"type": "object"}, "scale": {"type": "object"}, "items": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "field": {"type": "string"}, "text": {"type": "string"}}}}, "response": {"type": ["object", "null"]}, "submitted": {"type": "boolean"}}},
        "ConsensusInput": {"type": "object", "additionalProperties": {"type": "object", "properties": {"score": {"oneOf": [answer, {"type": "null"}]}, "justification": {"type": "string"}}}},
        "KeyIdeasInput": string_props(&["text"]),
        "Results": {"type": "object", "properties": {"id": {"type": "integer"}, "status": {"type": "string"}, "framework": {"type": "string"}, "module": {"type": "string"}, "level": {"type": "string"}, "scale": {"type": "array", "items": {"type": "integer"}}, "responses": {"type": "integer"}, "drafts": {"type": "integer"}, "invitations": {"type": "integer"}, "items": {"type": "array"}, "fields": {"type": "array"}, "domains": {"type": "array"}, "sectors": {"type": "array"}, "disagreements": {"type": "array"}, "consensus": {"type": "object"}, "strengths_and_weaknesses": {"type": "object"}, "benchmark": {"type": ["string", "null"]}}}
    })
}
