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
    if name == "Csv" {
        json!({"text/csv": {"schema": {"type": "string"}}})
    } else {
        json!({"application/json": {"schema": schema_ref(name)}})
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
    json!({
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
    })
}
