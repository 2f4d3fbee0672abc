//! The OpenAPI 3.1 document of `/api/v1`: its operations are declared by the handlers
//! themselves (`#[utoipa::path]`, routed from that one declaration by `Routes::documented`);
//! this module completes each with what every operation of its shape answers (path
//! parameters, the error responses) and adds the schemas of the bodies.

mod action_plans;
mod activities;
mod events;
mod experts;
mod indicators;
mod module_tests;
mod mou;
mod newsletter;
mod output_files;
mod policy_design;
pub(crate) mod practices;
mod programmes;
mod schemas;
mod seven_keys;
mod showcase;
mod workshop_packages;

use serde_json::{Map, Value, json};
pub(crate) fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

pub(crate) fn string_props(names: &[&str]) -> Value {
    let props: Map<String, Value> = names
        .iter()
        .map(|n| ((*n).to_owned(), json!({"type": "string"})))
        .collect();
    json!({"type": "object", "properties": props})
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema_ref("Error")}}})
}

/// The base path of the API; operations outside it (feeds, files, pages in a language) are
/// served from the root.
const API_BASE: &str = "/api/v1";

/// Request bodies that are files, with the size over which they are refused.
const UPLOADS: [(&str, &str); 3] = [
    ("MediaUpload", "File over 10 MiB"),
    ("OutputUpload", "Image over 10 MiB or document over 25 MiB"),
    ("MouUpload", "Image over 10 MiB or document over 25 MiB"),
];

/// Responses that are a stored file, served in its own type.
const FILES: [&str; 2] = ["MediaFile", "OutputFileBytes"];

/// The name of the schema a request or response body refers to.
fn body_schema(body: &Value) -> Option<&str> {
    body["content"]
        .as_object()?
        .values()
        .find_map(|c| c["schema"]["$ref"].as_str())
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
}

/// Completes an operation as its handler declared it with what every operation of its shape
/// answers: its path parameters, a stable `operationId`, the error responses.
fn complete(op: &mut Value, method: &str, path: &str, outside_api: bool) {
    op["operationId"] = Value::String(operation_id(method, path));
    // A handler's doc comment is written for the code's readers; its summary is the operation's
    // documentation.
    if let Some(o) = op.as_object_mut() {
        o.remove("description");
    }
    let mut params: Vec<Value> = path
        .split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(|name| {
            let schema = if name == "id" || name.ends_with("_id") {
                json!({"type": "integer", "format": "int64"})
            } else {
                json!({"type": "string"})
            };
            json!({"name": name, "in": "path", "required": true, "schema": schema})
        })
        .collect();
    if let Some(Value::Array(declared)) = op.get("parameters") {
        params.extend(declared.iter().cloned());
    }
    let has_params = !params.is_empty();
    if params.is_empty() {
        if let Some(o) = op.as_object_mut() {
            o.remove("parameters");
        }
    } else {
        op["parameters"] = Value::Array(params);
    }
    let has_body = op.get("requestBody").is_some();
    let request = op
        .get("requestBody")
        .and_then(body_schema)
        .map(str::to_owned);
    if has_body {
        op["requestBody"]["required"] = Value::Bool(true);
    }
    let error = |description: &str| {
        if outside_api {
            json!({"description": description, "content": {"text/html": {"schema": {"type": "string"}}}})
        } else {
            error_response(description)
        }
    };
    let signed_in = op.get("security").is_some();
    let Some(responses) = op["responses"].as_object_mut() else {
        return;
    };
    let file = responses
        .values()
        .filter_map(body_schema)
        .find(|name| FILES.contains(name))
        .map(str::to_owned);
    if let Some(file) = file {
        let binary = json!({"schema": {"type": "string", "format": "binary"}});
        let types: Map<String, Value> = ateneu_domain::practices::media::ContentType::ALL
            .iter()
            .map(|t| (t.mime().to_owned(), binary.clone()))
            .collect();
        for response in responses.values_mut() {
            if response.get("content").is_some() {
                response["content"] = Value::Object(types.clone());
            }
        }
        // A practice's media answer If-None-Match (an output's files are not cached so).
        if file == "MediaFile" {
            responses.insert(
                "304".into(),
                json!({"description": "Not modified (If-None-Match names its ETag)"}),
            );
        }
    }
    let writes = method != "get";
    // Any request can be malformed (a path segment or a query value of the wrong type, a body
    // that does not parse), and any with something to check can be refused.
    responses.insert(
        "400".into(),
        error(if has_body {
            "Malformed body or parameters"
        } else {
            "Malformed parameters"
        }),
    );
    if has_body || writes || has_params {
        responses.insert(
            "422".into(),
            error("Invalid fields (`fields`), parameters or file lines (`lines`)"),
        );
    }
    if writes {
        responses.insert(
            "409".into(),
            error("Changed by someone else meanwhile (send the current revision), or not possible in its present state"),
        );
    }
    if let Some((_, limit)) = UPLOADS
        .iter()
        .find(|(name, _)| request.as_deref() == Some(*name))
    {
        responses.insert("413".into(), error(limit));
        responses.insert("415".into(), error("File of a type that is not taken"));
    }
    if signed_in {
        responses.insert("401".into(), error("Sign-in required"));
        responses.insert("403".into(), error("Not allowed"));
    }
    if path.contains('{') {
        responses.insert("404".into(), error("Not found"));
    }
    responses.insert(
        "503".into(),
        error("The database is out of reach just now: try again after `Retry-After` seconds (a write under way when it went may or may not have been saved)"),
    );
}

/// `get_cities_slug_memberships` for `GET /cities/{slug}/memberships`: unique, as a method and
/// a path are.
fn operation_id(method: &str, path: &str) -> String {
    let mut id = method.to_owned();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        id.push('_');
        id.extend(segment.chars().map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => c,
            _ => '_',
        }));
    }
    id.replace("__", "_").trim_end_matches('_').to_owned()
}

/// The whole document.
pub fn document() -> Value {
    let declared =
        serde_json::to_value(&crate::documented_operations().paths).unwrap_or_else(|_| json!({}));
    let mut paths: Map<String, Value> = Map::new();
    for (full, item) in declared.as_object().into_iter().flatten() {
        let (path, outside_api) = match full.strip_prefix(API_BASE) {
            Some(path) => (path, false),
            None => (full.as_str(), true),
        };
        let entry = paths.entry(path.to_owned()).or_insert_with(|| json!({}));
        for (method, operation) in item.as_object().into_iter().flatten() {
            let mut op = operation.clone();
            complete(&mut op, method, path, outside_api);
            entry[method.as_str()] = op;
        }
        if outside_api {
            entry["servers"] = json!([{"url": "/"}]);
        }
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
            "schemas": merged(
                merged(
                    merged(merged(schemas::all(), practices::schemas()), programmes::schemas()),
                    merged(output_files::schemas(), mou::schemas())
                ),
                merged(
                    merged(merged(experts::schemas(), events::schemas()), activities::schemas()),
                    merged(
                        merged(action_plans::schemas(), indicators::schemas()),
                        merged(
                            merged(seven_keys::schemas(), policy_design::schemas()),
                            merged(
                                merged(module_tests::schemas(), workshop_packages::schemas()),
                                merged(newsletter::schemas(), showcase::schemas())
                            )
                        )
                    )
                )
            )
        }
    })
}

fn merged(mut a: Value, b: Value) -> Value {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        a.extend(b);
    }
    a
}
