//! A Lab workshop run without internet, as its facilitator does it with the binary: the
//! package downloaded from the platform, `ateneu workshop open` on a laptop (a second
//! instance on its own SQLite file), a participant answering there with the link they already
//! had, `ateneu workshop results`, and the results merged back into the platform once.

mod common;

use common::{Instance, free_port, get, request};
use serde_json::{Value, json};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn api(port: u16, method: &str, path: &str, token: Option<&str>, body: &str) -> (u16, Value) {
    let bearer = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "application/json")];
    if let Some(bearer) = &bearer {
        headers.push(("Authorization", bearer.as_str()));
    }
    let (status, body) = request(port, method, path, &headers, body).expect("the server answers");
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_workshop_runs_on_a_laptop_and_comes_back_whole() {
    let (platform, token) = Instance::with_admin_token().await;
    let server = platform.serve(&[]);
    let port = server.port;
    let body = json!({"city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
        "title": "Radar offline", "starts_on": "2026-03-10", "ends_on": "2026-03-10",
        "visibility": "confidential", "languages": ["es", "en"]});
    let (status, created) = api(
        port,
        "POST",
        "/api/v1/assessments",
        Some(&token),
        &body.to_string(),
    );
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().expect("id");
    let (status, made) = api(
        port,
        "POST",
        &format!("/api/v1/assessments/{id}/invitations"),
        Some(&token),
        r#"{"count": 2}"#,
    );
    assert_eq!(status, 201, "{made}");
    let links: Vec<String> = made["invitations"]
        .as_array()
        .expect("links")
        .iter()
        .map(|i| i["token"].as_str().expect("token").to_owned())
        .collect();
    let answer = json!({"sector": "civil_society", "answers": {"cultural-rights": 3}}).to_string();
    let (status, _) = api(
        port,
        "PUT",
        &format!("/api/v1/participation/{}", links[0]),
        None,
        &answer,
    );
    assert_eq!(status, 200);
    let (status, package) = api(
        port,
        "POST",
        &format!("/api/v1/assessments/{id}/package"),
        Some(&token),
        "",
    );
    assert_eq!(status, 201, "{package}");

    // The laptop: its own folder and SQLite file, nothing else.
    let laptop = Instance {
        dir: tempfile::tempdir().expect("a folder"),
        url: None,
    };
    let file = laptop.file("workshop.json", &package.to_string());
    let laptop_port = free_port();
    let log_path = laptop.dir.path().join("open.log");
    let log = std::fs::File::create(&log_path).expect("a log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ateneu"))
        .arg("--data-dir")
        .arg(laptop.dir.path())
        .env_remove("ATENEU_DATABASE_URL")
        .args([
            "workshop",
            "open",
            &file,
            "--host",
            "127.0.0.1",
            "--port",
            &laptop_port.to_string(),
        ])
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("the log"))
        .stderr(log)
        .spawn()
        .expect("the laptop serves");
    let started = Instant::now();
    while get(laptop_port, "/healthz").is_none_or(|(status, _)| status != 200) {
        assert!(
            child.try_wait().expect("waits").is_none(),
            "{}",
            text(&std::fs::read(&log_path).unwrap_or_default())
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the laptop did not answer"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let printed = text(&std::fs::read(&log_path).expect("the log"));
    assert!(
        printed.contains("root@example.org facilitates it"),
        "{printed}"
    );
    // The one-time link that sets the facilitator's password is on the laptop's address.
    let link = printed
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("http"))
        .expect("a link");
    assert!(
        link.starts_with(&format!("http://127.0.0.1:{laptop_port}/")),
        "{printed}"
    );
    // The second participant answers on the laptop with the link they already had.
    let offline = json!({"sector": "academia", "answers": {"cultural-rights": 7}}).to_string();
    let (status, saved) = api(
        laptop_port,
        "PUT",
        &format!("/api/v1/participation/{}", links[1]),
        None,
        &offline,
    );
    assert_eq!(status, 200, "{saved}");
    let _ = child.kill();
    let _ = child.wait();

    let results_path = laptop.dir.path().join("results.json");
    let results = laptop.run(&[
        "workshop",
        "results",
        "--output",
        &results_path.display().to_string(),
    ]);
    assert!(results.status.success(), "{}", text(&results.stderr));
    assert!(text(&results.stdout).contains(&format!("/en/assessments/{id}/offline")));
    let results = std::fs::read_to_string(&results_path).expect("the results");

    let path = format!("/api/v1/assessments/{id}/package/results");
    let (status, merged) = api(port, "POST", &path, Some(&token), &results);
    assert_eq!(status, 200, "{merged}");
    assert_eq!(merged["responses_added"], 1, "{merged}");
    let (_, report) = api(
        port,
        "GET",
        &format!("/api/v1/assessments/{id}/results"),
        Some(&token),
        "",
    );
    assert_eq!(report["responses"], 2, "{report}");
    let (status, again) = api(port, "POST", &path, Some(&token), &results);
    assert_eq!(status, 200);
    assert_eq!(again["already_imported"], true, "{again}");
    let (_, report) = api(
        port,
        "GET",
        &format!("/api/v1/assessments/{id}/results"),
        Some(&token),
        "",
    );
    assert_eq!(report["responses"], 2, "nothing twice");
}

#[tokio::test]
async fn bad_packages_and_missing_workshops_exit_with_status_2() {
    let laptop = Instance {
        dir: tempfile::tempdir().expect("a folder"),
        url: None,
    };
    let out = laptop.run(&["workshop", "results", "--output", "/tmp/never-written.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no workshop package was opened"));
    let garbage = laptop.file(
        "garbage.json",
        "{\"format\": \"ateneu-workshop-package\", \"format_version\": 1, ",
    );
    let out = laptop.run(&["workshop", "open", &garbage]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("package:") && stderr.contains("line 1"),
        "{stderr}"
    );
    let missing = laptop.run(&["workshop", "open", "/no/such/package.json"]);
    assert_eq!(missing.status.code(), Some(2));
}
