//! Two servers on one database, as two machines behind a load balancer (each with its own data
//! folder: its own search index, outbox and files): a practice published through one is found
//! by search through the other within 2 seconds, and a session opened on one is valid on the
//! other. On SQLite (one database file) and, with ATENEU_TEST_POSTGRES, on PostgreSQL.

mod common;

use common::{Instance, exchange, found, request};
use std::time::{Duration, Instant};

const PASSWORD: &str = "Correct-Horse-Battery-9";

#[tokio::test(flavor = "multi_thread")]
async fn what_is_written_through_one_server_is_seen_through_the_other() {
    let (instance, token) = Instance::with_admin_token().await;
    let added = instance.run(&["user", "add", "person@example.org"]);
    let said = String::from_utf8_lossy(&added.stdout).into_owned();
    let link = said
        .split_whitespace()
        .find_map(|word| word.find("/en/password/").map(|at| word[at..].to_owned()))
        .unwrap_or_else(|| panic!("a link to set the password: {said}"));

    let one = instance.serve(&[]);
    let folder = tempfile::tempdir().expect("the other server's folder");
    let other = instance.serve_beside(folder.path(), &[]);

    // A practice published through one server, searched through the other.
    let line = serde_json::json!({
        "external_id": "twin-servers",
        "cities": [{"name": "Lyon", "country": "FR"}],
        "status": "completed",
        "source_lang": "en",
        "text": {"en": {"title": "Twin servers zqtwinb", "summary": "Found through the other server."}},
    });
    let auth = format!("Bearer {token}");
    let published = request(
        one.port,
        "POST",
        "/api/v1/practices/import?stage=published",
        &[("Authorization", auth.as_str())],
        &line.to_string(),
    );
    assert_eq!(published.map(|(status, _)| status), Some(200));
    let started = Instant::now();
    while !found(other.port, "zqtwinb") {
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "not found through the other server within 2 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    println!(
        "found through the other server after {:?}",
        started.elapsed()
    );

    // A session opened on one server (setting the password signs in), used on the other.
    let form = exchange(one.port, "GET", &link, &[], "").expect("the form");
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf_cookie = form.cookie("ateneu_csrf").expect("the anti-forgery cookie");
    let csrf = form
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form's anti-forgery field");
    let origin = one.base();
    let cookie = format!("ateneu_csrf={csrf_cookie}");
    let signed_in = exchange(
        one.port,
        "POST",
        &link,
        &[
            ("Cookie", cookie.as_str()),
            ("Origin", origin.as_str()),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        &format!("csrf={csrf}&password={PASSWORD}&confirm={PASSWORD}"),
    )
    .expect("an answer");
    assert_eq!(signed_in.status, 303, "{}", signed_in.body);
    let session = signed_in.cookie("ateneu_session").expect("a session");
    let cookie = format!("ateneu_session={session}");
    let account = exchange(
        other.port,
        "GET",
        "/en/account",
        &[("Cookie", cookie.as_str())],
        "",
    )
    .expect("an answer");
    assert_eq!(account.status, 200, "the session holds on the other server");
    assert!(account.body.contains("person@example.org"));
    let stranger = exchange(other.port, "GET", "/en/account", &[], "").expect("an answer");
    assert_ne!(stranger.status, 200, "without the session, no account page");
}
