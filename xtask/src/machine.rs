//! What the test suite needs from the machine: Debian's chromium and chromium-driver (installed
//! when missing, saying so), schemathesis from PyPI (in a virtual environment of its own under
//! the target folder, installed when missing, saying so) and, for PostgreSQL runs, a server that answers (started when it is
//! a local Debian cluster that is down; a loud failure otherwise).

use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Installs chromium and chromium-driver from Debian's packages unless both are there.
pub fn ensure_browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    println!(
        "xtask: the browser tests drive Debian's Chromium through chromedriver, and they are \
         missing: installing the packages chromium and chromium-driver with apt-get"
    );
    apt_install(&["chromium", "chromium-driver"])?;
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        Ok(())
    } else {
        Err(format!(
            "chromium-driver was installed but {CHROMIUM} or {CHROMEDRIVER} is missing"
        ))
    }
}

/// The schemathesis release the API fuzzing test runs (`crates/ateneu/tests/api_fuzz.rs`).
const SCHEMATHESIS: &str = "4.32.5";

/// Installs schemathesis from PyPI into `<target>/tools/schemathesis-<version>` unless it is
/// there; returns the path of its command.
pub fn ensure_schemathesis(target: &Path) -> Result<std::path::PathBuf, String> {
    let venv = target
        .join("tools")
        .join(format!("schemathesis-{SCHEMATHESIS}"));
    let program = venv.join("bin").join("schemathesis");
    let works = |program: &Path| {
        Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if works(&program) {
        return Ok(program);
    }
    println!(
        "xtask: the API fuzzing test runs schemathesis {SCHEMATHESIS}, which is missing: \
         installing it from PyPI into {}",
        venv.display()
    );
    let step = |program: &Path, args: &[&str]| -> Result<(), String> {
        let status = Command::new(program)
            .args(args)
            .status()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!(
                "`{} {}` failed ({status})",
                program.display(),
                args.join(" ")
            ))
        }
    };
    let venv_arg = venv.display().to_string();
    if step(Path::new("python3"), &["-m", "venv", "--clear", &venv_arg]).is_err() {
        // Debian's python3 makes virtual environments with its python3-venv package.
        println!("xtask: python3 cannot make a virtual environment: installing python3-venv");
        apt_install(&["python3-venv"])?;
        step(Path::new("python3"), &["-m", "venv", "--clear", &venv_arg])?;
    }
    let pip = venv.join("bin").join("pip");
    step(
        &pip,
        &[
            "install",
            "--quiet",
            &format!("schemathesis=={SCHEMATHESIS}"),
        ],
    )?;
    if works(&program) {
        Ok(program)
    } else {
        Err(format!(
            "schemathesis was installed but {} does not run",
            program.display()
        ))
    }
}

/// `apt-get install` as root, or through `sudo -n` for another user.
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let run = |args: &[&str]| -> Result<(), String> {
        let mut command = if as_root {
            Command::new(args[0])
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("-n").arg(args[0]);
            sudo
        };
        // apt's progress is left out; its errors are shown.
        let status = command
            .args(&args[1..])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdout(std::process::Stdio::null())
            .status()
            .map_err(|e| format!("cannot run {}: {e}", args[0]))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!(
                "`{}` failed ({status}); install them by hand: apt-get install -y {}",
                args.join(" "),
                packages.join(" ")
            ))
        }
    };
    run(&["apt-get", "update", "-qq"])?;
    let mut install = vec!["apt-get", "install", "-y", "-qq"];
    install.extend_from_slice(packages);
    run(&install)
}

/// The `host:port` of a `postgres://user@host:port/…` URL (5432 when none is given).
pub fn server_address(url: &str) -> Result<String, String> {
    let rest = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
        .ok_or_else(|| format!("{url:?} is not a postgres:// URL"))?;
    let authority = rest.split('/').next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    if host_port.is_empty() {
        return Err(format!("{url:?} names no host"));
    }
    let has_port = host_port
        .rsplit_once(':')
        .is_some_and(|(_, port)| port.parse::<u16>().is_ok() && !host_port.ends_with(']'));
    Ok(if has_port {
        host_port.to_owned()
    } else {
        format!("{host_port}:5432")
    })
}

fn answers(address: &str) -> bool {
    address.to_socket_addrs().is_ok_and(|mut addresses| {
        addresses.any(|a| TcpStream::connect_timeout(&a, Duration::from_secs(2)).is_ok())
    })
}

/// Makes sure the server answers: starts the machine's Debian clusters when it is local and
/// down, and fails loudly when it still does not answer.
pub fn ensure_postgres(url: &str) -> Result<(), String> {
    let address = server_address(url)?;
    if answers(&address) {
        return Ok(());
    }
    let local = ["127.0.0.1:", "localhost:", "[::1]:"]
        .iter()
        .any(|p| address.starts_with(p));
    if !local {
        return Err(format!("PostgreSQL does not answer on {address}"));
    }
    println!("xtask: PostgreSQL does not answer on {address}: starting the machine's clusters");
    let versions = std::fs::read_dir("/etc/postgresql").map_err(|_| {
        format!(
            "PostgreSQL does not answer on {address} and is not installed \
             (apt-get install -y postgresql)"
        )
    })?;
    for version in versions.flatten() {
        let version = version.file_name().to_string_lossy().into_owned();
        let _ = Command::new("pg_ctlcluster")
            .args(["--skip-systemctl-redirect", &version, "main", "start"])
            .status();
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if answers(&address) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    Err(format!(
        "PostgreSQL cannot be reached on {address} after starting it"
    ))
}

/// Drops the databases the tests created (`ateneu_t_…`); a test that panicked leaves its own.
pub fn drop_test_databases(url: &str) {
    let admin = format!("{url}/postgres");
    let Ok(listed) = Command::new("psql")
        .args([
            admin.as_str(),
            "-tAc",
            "select datname from pg_database where datname like 'ateneu_t_%'",
        ])
        .output()
    else {
        println!("xtask: psql is missing, so the tests' databases (ateneu_t_…) are left");
        return;
    };
    for name in String::from_utf8_lossy(&listed.stdout).lines() {
        let name = name.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let _ = Command::new("psql")
            .args([
                admin.as_str(),
                "-qc",
                &format!("drop database if exists \"{name}\""),
            ])
            .status();
    }
}

#[cfg(test)]
mod tests {
    use super::server_address;

    #[test]
    fn a_server_address_is_read_from_its_url() {
        let cases = [
            ("postgres://postgres@127.0.0.1:5432", "127.0.0.1:5432"),
            ("postgres://postgres@127.0.0.1", "127.0.0.1:5432"),
            (
                "postgresql://u:p@db.example.org:6543/x",
                "db.example.org:6543",
            ),
            ("postgres://localhost", "localhost:5432"),
        ];
        for (url, address) in cases {
            assert_eq!(server_address(url).as_deref(), Ok(address), "{url}");
        }
        assert!(server_address("mysql://root@127.0.0.1").is_err());
        assert!(server_address("postgres:///x").is_err());
    }
}
