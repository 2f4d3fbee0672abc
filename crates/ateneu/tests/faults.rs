//! kill -9 under write load: writers add cities and publish practices through the API of a
//! real `ateneu serve` while it is killed without warning, several times in one run. Every
//! write the server acknowledged must be there after the restart, every acknowledged practice
//! must be found by search again without a reindex (the index catches up by itself), and on
//! SQLite the database must pass its integrity check. And a backup taken under the same load
//! restores to an instance with the same content. On PostgreSQL too when ATENEU_TEST_POSTGRES
//! is set. `ATENEU_KILL_ROUNDS` runs more rounds (the long version).

mod common;

use common::{Instance, Server, get, request, wait_until_found};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A word no language's analyser changes and no other practice has: "zkw" and letters.
fn word(n: usize) -> String {
    let mut word = String::from("zkw");
    let mut n = n + 26 * 26;
    while n > 0 {
        word.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
    }
    word
}

/// What the writers were told was done: city slugs, and the practices' words.
#[derive(Default, Clone)]
struct Acknowledged {
    cities: Vec<String>,
    practices: Vec<String>,
}

fn practice_line(n: usize) -> String {
    let word = word(n);
    serde_json::json!({
        "external_id": format!("kill-test-{n}"),
        "cities": [{"name": "Lyon", "country": "FR"}],
        "status": "completed",
        "source_lang": "en",
        "sdgs": [11],
        "text": {"en": {
            "title": format!("Evening libraries {word}"),
            "summary": format!("Libraries open late in every district ({word})."),
            "body": "Written while the server is killed.",
        }},
    })
    .to_string()
}

/// Writes until `stop`, recording each write the server acknowledged.
fn writer(
    port: u16,
    token: String,
    cities: bool,
    next: Arc<Mutex<usize>>,
    done: Arc<Mutex<Acknowledged>>,
    stop: Arc<AtomicBool>,
) {
    let auth = format!("Bearer {token}");
    let headers = [
        ("Authorization", auth.as_str()),
        ("Content-Type", "application/json"),
    ];
    while !stop.load(Ordering::SeqCst) {
        let n = {
            let mut next = next.lock().expect("the counter");
            *next += 1;
            *next
        };
        if cities {
            let body = serde_json::json!({
                "name_en": format!("Killtest {}", word(n)),
                "country": "FR",
                "region": "europe",
                "source_lang": "en",
            })
            .to_string();
            if let Some((201, answer)) = request(port, "POST", "/api/v1/cities", &headers, &body) {
                let city: serde_json::Value = serde_json::from_str(&answer).expect("a city");
                let slug = city["slug"].as_str().expect("a slug").to_owned();
                done.lock().expect("the record").cities.push(slug);
            }
        } else {
            let body = practice_line(n);
            let path = "/api/v1/practices/import?stage=published";
            if let Some((200, _)) = request(port, "POST", path, &headers, &body) {
                done.lock().expect("the record").practices.push(word(n));
            }
        }
    }
}

/// Checks that every acknowledged write is there, waiting up to 20 s for the search index.
fn every_write_is_there(server: &Server, done: &Acknowledged) {
    for slug in &done.cities {
        let answer = get(server.port, &format!("/api/v1/cities/{slug}"));
        assert_eq!(
            answer.map(|(status, _)| status),
            Some(200),
            "city {slug} is lost"
        );
    }
    wait_until_found(server.port, &done.practices);
}

/// Starts the four writers (two adding cities, two publishing practices) against `port`.
fn start_writers(
    port: u16,
    token: &str,
    next: &Arc<Mutex<usize>>,
    done: &Arc<Mutex<Acknowledged>>,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<()>> {
    [true, true, false, false]
        .into_iter()
        .map(|cities| {
            let (token, next, done, stop) =
                (token.to_owned(), next.clone(), done.clone(), stop.clone());
            std::thread::spawn(move || writer(port, token, cities, next, done, stop))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_acknowledged_write_survives_kill_9_and_the_index_catches_up() {
    let (instance, token) = Instance::with_admin_token().await;
    let rounds: usize = std::env::var("ATENEU_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let done = Arc::new(Mutex::new(Acknowledged::default()));
    let next = Arc::new(Mutex::new(0));
    for round in 0..rounds {
        let server = instance.serve(&[]);
        every_write_is_there(&server, &done.lock().expect("the record"));
        let stop = Arc::new(AtomicBool::new(false));
        let writers = start_writers(server.port, &token, &next, &done, &stop);
        // Let writes land, then kill the server in the middle of them.
        std::thread::sleep(Duration::from_millis(700 + 300 * (round as u64 % 3)));
        server.kill();
        stop.store(true, Ordering::SeqCst);
        for writer in writers {
            writer.join().expect("a writer");
        }
    }
    let server = instance.serve(&[]);
    let done = std::mem::take(&mut *done.lock().expect("the record"));
    assert!(
        done.cities.len() >= rounds && done.practices.len() >= rounds,
        "writes were acknowledged in every round: {} cities, {} practices",
        done.cities.len(),
        done.practices.len()
    );
    every_write_is_there(&server, &done);
    println!(
        "{rounds} kills: {} cities and {} practices acknowledged, all found after the restarts",
        done.cities.len(),
        done.practices.len()
    );
    drop(server);
    if let Some(check) = instance.sqlite_integrity().await {
        assert_eq!(check, "ok", "SQLite's integrity check");
    }
}

/// Cities' rows as `ateneu export cities` writes them (the header aside).
fn exported_cities(instance: &Instance) -> Vec<String> {
    let out = instance.run(&["export", "cities"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_taken_under_write_load_restores_to_the_same_content() {
    // SQLite: `ateneu backup FILE`; PostgreSQL: `pg_dump -Fc`, restored with `pg_restore`
    // into an empty database (the README's path).
    let (instance, token) = Instance::with_admin_token().await;
    let server = instance.serve(&[]);
    let done = Arc::new(Mutex::new(Acknowledged::default()));
    let (next, stop) = (Arc::new(Mutex::new(0)), Arc::new(AtomicBool::new(false)));
    let writers = start_writers(server.port, &token, &next, &done, &stop);
    std::thread::sleep(Duration::from_millis(800));
    let before = done.lock().expect("the record").clone();
    assert!(
        !before.cities.is_empty() && !before.practices.is_empty(),
        "writes were acknowledged before the backup began"
    );
    let restored = Instance::new().await;
    let file = instance.dir.path().join("backup.file");
    let path = file.to_str().expect("a UTF-8 path");
    let taken = match &instance.url {
        None => instance.run(&["backup", path]),
        Some(url) => std::process::Command::new("pg_dump")
            .args(["-Fc", "--no-owner", "-f", path, url])
            .output()
            .expect("pg_dump runs"),
    };
    assert!(
        taken.status.success(),
        "{}",
        String::from_utf8_lossy(&taken.stderr)
    );
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.join().expect("a writer");
    }
    drop(server);
    match &restored.url {
        None => {
            std::fs::copy(&file, restored.dir.path().join("ateneu.db")).expect("copies");
        }
        Some(url) => {
            let out = std::process::Command::new("pg_restore")
                .args(["--no-owner", "-d", url, path])
                .output()
                .expect("pg_restore runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    assert!(
        restored.run(&["migrate"]).status.success(),
        "the copy opens"
    );
    let original = exported_cities(&instance);
    let copy = exported_cities(&restored);
    for slug in &before.cities {
        assert!(
            copy.iter().any(|row| row.starts_with(&format!("{slug},"))),
            "{slug} was written before the backup began and is missing from it"
        );
    }
    for row in &copy {
        assert!(
            original.contains(row),
            "the copy's row is not the original's: {row}"
        );
    }
    // The copy serves: its search index is built from the database on first start.
    let server = restored.serve(&[]);
    wait_until_found(server.port, &before.practices);
    if let Some(check) = restored.sqlite_integrity().await {
        drop(server);
        assert_eq!(check, "ok", "the copy passes SQLite's integrity check");
    }
    println!(
        "backup under load: {} of {} cities in the copy ({} acknowledged before it began)",
        copy.len(),
        original.len(),
        before.cities.len()
    );
}
