//! The layer rules of ARCHITECTURE.md, checked: which workspace crates each crate may depend on,
//! and that the database library is named only inside `crates/db` (no SQL outside `db`).

use std::path::{Path, PathBuf};

/// Each crate (its folder under `crates/`) and the workspace crates it may import.
/// Keep in step with ARCHITECTURE.md's code map.
pub const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("db", &["domain"]),
    ("search", &["domain"]),
    ("reports", &["domain"]),
    ("app", &["domain", "db", "search", "reports"]),
    ("web", &["domain", "app"]),
    ("ateneu", &["domain", "app", "web"]),
];

/// Crates that know nothing of HTTP or pages: they may not name the web libraries.
const HTTP_FREE: &[&str] = &["domain", "db", "search", "reports", "app"];

/// The only file of the binary that may name the web layer: the command line goes through
/// the use cases (`ateneu_app`), and only `serve` needs the router.
const WEB_IN_BINARY: &str = "src/serve.rs";

/// Crates whose sources may name the database library.
const SQL_CRATES: &[&str] = &["db"];

/// The `ateneu-*` crates named in the `[dependencies]` table of a manifest (not the
/// dev-dependencies: tests may reach past the layers to set up their fixtures).
pub fn workspace_dependencies(manifest: &str) -> Vec<String> {
    let mut in_dependencies = false;
    let mut found = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]";
            continue;
        }
        if !in_dependencies {
            continue;
        }
        let name = line.split(['=', '.', ' ']).next().unwrap_or_default();
        if let Some(layer) = name.strip_prefix("ateneu-") {
            found.push(layer.to_owned());
        }
    }
    found
}

/// Whether a Rust source names the database library in code (not in a string such as a log
/// filter).
fn names_sql_library(source: &str) -> bool {
    source.lines().any(|line| {
        let code = line.split("//").next().unwrap_or_default();
        ["sea_orm::", "sqlx::", "use sea_orm", "use sqlx"]
            .iter()
            .any(|needle| code.contains(needle) && !inside_string(code, needle))
    })
}

/// Whether a Rust source names one of the libraries in code.
fn names_any(source: &str, needles: &[&str]) -> bool {
    source.lines().any(|line| {
        let code = line.split("//").next().unwrap_or_default();
        needles
            .iter()
            .any(|needle| code.contains(needle) && !inside_string(code, needle))
    })
}

fn inside_string(code: &str, needle: &str) -> bool {
    code.find(needle)
        .is_some_and(|at| code[..at].matches('"').count() % 2 == 1)
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// Every import the map forbids, in words.
pub fn violations(root: &Path) -> Result<Vec<String>, String> {
    let crates = root.join("crates");
    let mut found = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&crates)
        .map_err(|e| format!("cannot read {}: {e}", crates.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Cargo.toml").exists())
        .collect();
    folders.sort();
    for folder in folders {
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((_, allowed)) = ALLOWED.iter().find(|(layer, _)| *layer == name) else {
            found.push(format!(
                "crates/{name} is not on the map: add it to ARCHITECTURE.md and xtask/src/layers.rs"
            ));
            continue;
        };
        let manifest = std::fs::read_to_string(folder.join("Cargo.toml"))
            .map_err(|e| format!("cannot read crates/{name}/Cargo.toml: {e}"))?;
        for dependency in workspace_dependencies(&manifest) {
            if !allowed.contains(&dependency.as_str()) {
                found.push(format!("crates/{name} depends on ateneu-{dependency}"));
            }
        }
        let mut files = Vec::new();
        rust_files(&folder.join("src"), &mut files);
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap_or_default();
            let shown = file.strip_prefix(root).unwrap_or(&file).display();
            if !SQL_CRATES.contains(&name.as_str()) && names_sql_library(&source) {
                found.push(format!(
                    "{shown} names the database library outside crates/db"
                ));
            }
            if HTTP_FREE.contains(&name.as_str())
                && names_any(&source, &["axum::", "use axum", "maud::", "use maud"])
            {
                found.push(format!(
                    "{shown} names the web libraries in a crate without HTTP"
                ));
            }
            if name == "ateneu"
                && file
                    .strip_prefix(&folder)
                    .is_ok_and(|f| f != Path::new(WEB_IN_BINARY))
                && names_any(&source, &["ateneu_web"])
            {
                found.push(format!(
                    "{shown} calls the web layer: the command line goes through ateneu_app"
                ));
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_dependencies_table_counts() {
        let manifest = r#"
[package]
name = "ateneu-web"

[dependencies]
ateneu-domain.workspace = true
ateneu-db = { path = "../db" }
axum.workspace = true

[dev-dependencies]
ateneu-search.workspace = true
"#;
        assert_eq!(workspace_dependencies(manifest), vec!["domain", "db"]);
    }

    #[test]
    fn the_database_library_is_found_in_code_not_in_strings_or_comments() {
        assert!(names_sql_library("use sea_orm::ConnectionTrait;"));
        assert!(names_sql_library("let x = sea_orm::Value::from(1);"));
        assert!(!names_sql_library(
            r#"EnvFilter::new("info,sqlx=warn,sea_orm=warn")"#
        ));
        assert!(!names_sql_library("// see sea_orm::Statement"));
    }

    #[test]
    fn a_forbidden_import_in_a_workspace_is_named() {
        let root = std::env::temp_dir().join(format!("ateneu-layers-{}", std::process::id()));
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
            std::fs::write(path, text).expect("file");
        };
        write(
            "crates/app/Cargo.toml",
            "[dependencies]\nateneu-web.workspace = true\n",
        );
        write("crates/app/src/lib.rs", "use axum::Router;\n");
        write(
            "crates/ateneu/Cargo.toml",
            "[dependencies]\nateneu-app.workspace = true\n",
        );
        write(
            "crates/ateneu/src/cli.rs",
            "fn f() { ateneu_web::router(); }\n",
        );
        write(
            "crates/ateneu/src/serve.rs",
            "fn f() { ateneu_web::serve(); }\n",
        );
        let found = violations(&root).expect("reads");
        std::fs::remove_dir_all(&root).ok();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("crates/app depends on ateneu-web"));
        assert!(found[1].contains("without HTTP"));
        assert!(found[2].contains("cli.rs calls the web layer"));
    }

    #[test]
    fn this_workspace_keeps_its_layers() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("the workspace")
            .to_path_buf();
        assert_eq!(violations(&root), Ok(Vec::new()));
    }
}
