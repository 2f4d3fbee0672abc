//! The API fuzzed from its own OpenAPI document: schemathesis (from PyPI; `cargo xtask test`
//! installs it and names it in ATENEU_SCHEMATHESIS) generates requests for every operation,
//! valid and not, against a real server holding the example network, with an administrator's
//! token. No answer may be a 5xx, and every answer must match the document (status, content
//! type, headers, body). A bounded number of examples per operation, with a fixed seed, so
//! that a run is repeatable; `ATENEU_API_FUZZ_EXAMPLES` and `ATENEU_API_FUZZ_SEED` change them.

mod common;

use common::Instance;
use std::process::Command;

const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
                      response_headers_conformance,response_schema_conformance";

fn schemathesis() -> String {
    match std::env::var("ATENEU_SCHEMATHESIS") {
        Ok(path) if !path.is_empty() => path,
        _ => panic!(
            "ATENEU_SCHEMATHESIS is not set: this test runs schemathesis, which `cargo xtask test` \
             installs (pip, into the target folder) and names there"
        ),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn no_generated_request_gets_a_server_error_or_an_answer_the_document_does_not_describe() {
    let program = schemathesis();
    let (instance, token) = Instance::with_admin_token().await;
    let server = instance.serve(&[]);
    let examples = std::env::var("ATENEU_API_FUZZ_EXAMPLES").unwrap_or_else(|_| "8".into());
    let seed = std::env::var("ATENEU_API_FUZZ_SEED").unwrap_or_else(|_| "20261206".into());
    let report = instance.dir.path().join("schemathesis.txt");
    let out = Command::new(&program)
        .arg("run")
        .arg(format!("{}/api/v1/openapi.json", server.base()))
        .args(["--checks", CHECKS])
        .args(["--max-examples", &examples])
        .args(["--seed", &seed])
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .args(["--request-timeout", "30"])
        .arg("--no-color")
        // Its caches and reports go in the instance's folder, not the repository.
        .current_dir(instance.dir.path())
        .env("SCHEMATHESIS_HOOKS", "api_fuzz_hooks")
        .env("PYTHONPATH", concat!(env!("CARGO_MANIFEST_DIR"), "/tests"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let said = format!("{}\n{}", text(&out.stdout), text(&out.stderr));
    let _ = std::fs::write(&report, &said);
    assert!(out.status.success(), "schemathesis found failures:\n{said}");
    let summary: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("passed") || l.contains("Test cases") || l.contains("Operations"))
        .collect();
    println!(
        "schemathesis, {examples} examples, seed {seed}:\n{}",
        summary.join("\n")
    );
}
