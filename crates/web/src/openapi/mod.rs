//! The OpenAPI 3.1 document of `/api/v1`, written out by hand from one table of operations so
//! that it stays readable; a snapshot test keeps it in step with the routes.

mod action_plans;
mod activities;
mod events;
mod experts;
mod indicators;
mod module_tests;
mod mou;
mod operations;
mod output_files;
mod policy_design;
mod practices;
mod programmes;
mod schemas;
mod seven_keys;
mod workshop_packages;

use operations::OPERATIONS;
use serde_json::{Map, Value, json};
pub(crate) fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn content(name: &str) -> Value {
    match name {
        "Csv" => json!({"text/csv": {"schema": {"type": "string"}}}),
        "Ics" => json!({"text/calendar": {"schema": schema_ref(name)}}),
        "Toml" => json!({"application/toml": {"schema": {"type": "string"}}}),
        "Svg" => json!({"image/svg+xml": {"schema": {"type": "string"}}}),
        "Pdf" => json!({"application/pdf": {"schema": {"type": "string", "format": "binary"}}}),
        "MediaUpload" | "OutputUpload" | "MouUpload" => {
            json!({"multipart/form-data": {"schema": schema_ref(name)}})
        }
        "MediaFile" | "OutputFileBytes" => {
            let binary = json!({"schema": {"type": "string", "format": "binary"}});
            let types = ateneu_domain::practices::media::ContentType::ALL;
            Value::Object(
                types
                    .iter()
                    .map(|t| (t.mime().to_owned(), binary.clone()))
                    .collect(),
            )
        }
        _ => json!({"application/json": {"schema": schema_ref(name)}}),
    }
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

/// The whole document.
pub fn document() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for (method, path, tag, summary, request, status, response, auth) in OPERATIONS
        .iter()
        .chain(practices::OPERATIONS)
        .chain(programmes::OPERATIONS)
        .chain(output_files::OPERATIONS)
        .chain(experts::OPERATIONS)
        .chain(mou::OPERATIONS)
        .chain(events::OPERATIONS)
        .chain(activities::OPERATIONS)
        .chain(action_plans::OPERATIONS)
        .chain(indicators::OPERATIONS)
        .chain(seven_keys::OPERATIONS)
        .chain(policy_design::OPERATIONS)
        .chain(module_tests::OPERATIONS)
        .chain(workshop_packages::OPERATIONS)
    {
        let mut op = json!({"tags": [tag], "summary": summary, "responses": {}});
        let params: Vec<Value> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": if name == "id" || name.ends_with("_id") { "integer" } else { "string" }}}))
            .collect();
        let mut params = params;
        if *path == "/cities" && *method == "get" {
            for name in [
                "network", "region", "country", "field", "q", "page", "per_page", "lang",
            ] {
                params.push(json!({"name": name, "in": "query", "required": false, "schema": {"type": if name.starts_with("page") || name == "per_page" { "integer" } else { "string" }}}));
            }
        }
        if *path == "/programmes/dashboard" {
            params.push(json!({"name": "page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1}}));
        }
        if *path == "/outputs/translations" {
            params.push(json!({"name": "after", "in": "query", "required": false, "schema": {"type": "integer"}, "description": "the `next` of the page before"}));
        }
        if *path == "/practices/search" {
            params.extend(practices::search_parameters());
        }
        if *path == "/practices/translation-queue" {
            params.extend(practices::queue_parameters());
        }
        if *path == "/programmes/visits/hosts" {
            params.push(json!({"name": "field", "in": "query", "required": true, "schema": {"type": "string"}, "description": "framework:field"}));
            params.push(json!({"name": "city", "in": "query", "required": false, "schema": {"type": "string"}, "description": "the asking city's slug"}));
        }
        if *path == "/cities/{slug}/indicators/import" {
            params.push(json!({"name": "indicator", "in": "query", "required": false, "schema": {"type": "string"}, "description": "framework:indicator of a file without an Indicator column"}));
        }
        if *path == "/practices/import" {
            params.push(json!({"name": "stage", "in": "query", "required": false, "schema": {"type": "string"}, "description": "the stage of the practices the file adds: published (the default) or draft"}));
        }
        if *path == "/programmes/{id}/budget/{line}" && *method == "delete" {
            params.push(json!({"name": "budget_revision", "in": "query", "required": true, "schema": {"type": "integer"}, "description": "the budget's revision the removal was decided on"}));
        }
        if !params.is_empty() {
            op["parameters"] = Value::Array(params);
        }
        if let Some(request) = request {
            op["requestBody"] = json!({"required": true, "content": content(request)});
        }
        // Pages in a language, and served files, live outside the API's base path: their
        // errors are pages too.
        let outside_api = [
            "/{lang}",
            "/media/",
            "/output-files/",
            "/shared/",
            "/mou-files/",
        ]
        .iter()
        .any(|root| path.starts_with(root));
        let error = |description: &str| {
            if outside_api {
                json!({"description": description, "content": {"text/html": {"schema": {"type": "string"}}}})
            } else {
                error_response(description)
            }
        };
        let mut responses = Map::new();
        let ok = if response.is_empty() || *status == 204 {
            json!({"description": "Done"})
        } else {
            json!({"description": "Success", "content": content(response)})
        };
        responses.insert(status.to_string(), ok);
        let writes = *method != "get";
        // Any request can be malformed (a path segment or a query value of the wrong type,
        // a body that does not parse), and any with something to check can be refused.
        responses.insert(
            "400".into(),
            error(if request.is_some() {
                "Malformed body or parameters"
            } else {
                "Malformed parameters"
            }),
        );
        if request.is_some() || writes || op.get("parameters").is_some() {
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
        if *response == "MediaFile" {
            responses.insert(
                "304".into(),
                json!({"description": "Not modified (If-None-Match names its ETag)"}),
            );
        }
        if matches!(*request, Some("MediaUpload" | "OutputUpload" | "MouUpload")) {
            let limit = if *request == Some("MediaUpload") {
                "File over 10 MiB"
            } else {
                "Image over 10 MiB or document over 25 MiB"
            };
            responses.insert("413".into(), error(limit));
            responses.insert("415".into(), error("File of a type that is not taken"));
        }
        if *auth {
            responses.insert("401".into(), error("Sign-in required"));
            responses.insert("403".into(), error("Not allowed"));
            op["security"] = json!([{"bearer": []}, {"session": []}]);
        }
        if path.contains('{') {
            responses.insert("404".into(), error("Not found"));
        }
        responses.insert(
            "503".into(),
            error("The database is out of reach just now: try again after `Retry-After` seconds (a write under way when it went may or may not have been saved)"),
        );
        op["responses"] = Value::Object(responses);
        let entry = paths.entry((*path).to_owned()).or_insert_with(|| json!({}));
        if outside_api {
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
                            merged(module_tests::schemas(), workshop_packages::schemas())
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
