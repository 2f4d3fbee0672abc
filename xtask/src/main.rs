//! `cargo xtask`: the project's own commands. `test` installs what the tests need on a fresh
//! machine (Debian's chromium and chromium-driver, schemathesis from PyPI, saying so), checks the layers, and runs the
//! whole suite on SQLite or, with `--postgres URL`, on PostgreSQL; `layers` checks alone.

mod layers;
mod machine;

use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

  test [--postgres URL] [-- ARGS]   the whole test suite (browser tests included) on SQLite, or on
                                    the PostgreSQL server at URL (a fresh database per test);
                                    installs chromium and chromium-driver from Debian's packages
                                    and schemathesis from PyPI when they are missing;
                                    ARGS go to `cargo test`
  layers                            checks that no crate imports a layer ARCHITECTURE.md forbids
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(&args[1..]),
        Some("layers") => check_layers(),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// What `cargo xtask test` was asked.
#[derive(Debug, Default, PartialEq)]
struct TestArgs {
    postgres: Option<String>,
    cargo_args: Vec<String>,
}

fn parse_test_args(args: &[String]) -> Result<TestArgs, String> {
    let mut parsed = TestArgs::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--postgres" => {
                let url = rest
                    .next()
                    .ok_or("--postgres needs a URL (postgres://user@host:port)")?;
                parsed.postgres = Some(url.trim_end_matches('/').to_owned());
            }
            "--" => {
                parsed.cargo_args = rest.cloned().collect();
                break;
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(parsed)
}

fn check_layers() -> Result<(), String> {
    let root = workspace_root()?;
    let found = layers::violations(&root)?;
    if found.is_empty() {
        println!("xtask: layers are as ARCHITECTURE.md draws them");
        return Ok(());
    }
    for violation in &found {
        eprintln!("  {violation}");
    }
    Err(format!(
        "{} import(s) that ARCHITECTURE.md forbids",
        found.len()
    ))
}

fn test(args: &[String]) -> Result<(), String> {
    let args = parse_test_args(args)?;
    check_layers()?;
    machine::ensure_browser()?;
    let root = workspace_root()?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root.join(t) })
        .unwrap_or_else(|| root.join("target"));
    let schemathesis = machine::ensure_schemathesis(&target)?;
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // Every test binary runs, so one failure does not hide the others.
    cargo
        .arg("test")
        .arg("--workspace")
        .arg("--no-fail-fast")
        .args(&args.cargo_args)
        .env("ATENEU_SCHEMATHESIS", &schemathesis);
    match &args.postgres {
        Some(url) => {
            machine::ensure_postgres(url)?;
            println!("xtask: the tests on PostgreSQL ({url}), a fresh database per test");
            cargo.env("ATENEU_TEST_POSTGRES", url);
        }
        None => {
            println!("xtask: the tests on SQLite, a fresh database per test");
            cargo.env_remove("ATENEU_TEST_POSTGRES");
        }
    }
    let status = cargo
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if let Some(url) = &args.postgres {
        machine::drop_test_databases(url);
    }
    if status.success() {
        Ok(())
    } else {
        Err("the tests failed".into())
    }
}

fn workspace_root() -> Result<std::path::PathBuf, String> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").map_err(|_| "run me with `cargo xtask`")?;
    std::path::Path::new(&manifest)
        .parent()
        .map(std::path::Path::to_path_buf)
        .ok_or_else(|| "xtask has no parent folder".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_test_command_reads_a_server_and_passes_the_rest_to_cargo() {
        let parsed = parse_test_args(&strings(&[
            "--postgres",
            "postgres://postgres@127.0.0.1:5432/",
            "--",
            "-p",
            "ateneu-db",
        ]))
        .expect("parses");
        assert_eq!(
            parsed.postgres.as_deref(),
            Some("postgres://postgres@127.0.0.1:5432")
        );
        assert_eq!(parsed.cargo_args, strings(&["-p", "ateneu-db"]));
        assert_eq!(parse_test_args(&[]).expect("parses"), TestArgs::default());
    }

    #[test]
    fn the_test_command_refuses_what_it_does_not_know() {
        assert!(parse_test_args(&strings(&["--postgres"])).is_err());
        assert!(parse_test_args(&strings(&["--sqlite"])).is_err());
    }
}
