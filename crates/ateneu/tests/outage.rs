//! The database out of reach: `ateneu serve` reaches PostgreSQL through a TCP relay that the
//! test cuts and mends. While it is cut the server answers 503 with a `Retry-After` and a clear
//! message in the reader's language (a page, or the API's JSON error), logs the cause once per
//! interval rather than per request, goes on serving the public pages it keeps; once mended it
//! answers again by itself. PostgreSQL only (ATENEU_TEST_POSTGRES): an embedded SQLite file
//! has no server to lose.

mod common;

use common::{Instance, exchange};
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A TCP relay to the PostgreSQL server; `cut` drops every connection and refuses new ones
/// (they are closed at once) until `mend`.
struct Relay {
    port: u16,
    open: Arc<AtomicBool>,
    streams: Arc<Mutex<Vec<TcpStream>>>,
}

impl Relay {
    fn start(upstream: String) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
        let port = listener.local_addr().expect("an address").port();
        let open = Arc::new(AtomicBool::new(true));
        let streams: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let (accepting, kept) = (open.clone(), streams.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !accepting.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(&upstream) else {
                    continue;
                };
                let mut kept = kept.lock().expect("the streams");
                for stream in [&client, &server] {
                    if let Ok(copy) = stream.try_clone() {
                        kept.push(copy);
                    }
                }
                pipe(
                    client.try_clone().expect("a copy"),
                    server.try_clone().expect("a copy"),
                );
                pipe(server, client);
            }
        });
        Relay {
            port,
            open,
            streams,
        }
    }

    fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        for stream in self.streams.lock().expect("the streams").drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    fn mend(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 16 * 1024];
        while let Ok(n) = from.read(&mut buffer) {
            if n == 0 || to.write_all(&buffer[..n]).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Both);
    });
}

fn status_of(port: u16, path: &str, headers: &[(&str, &str)]) -> u16 {
    exchange(port, "GET", path, headers, "").map_or(0, |answer| answer.status)
}

#[tokio::test(flavor = "multi_thread")]
async fn without_its_database_the_server_says_so_keeps_its_pages_and_recovers() {
    let instance = Instance::new().await;
    let Some(url) = instance.url.clone() else {
        println!("the database out of reach is a PostgreSQL fault: set ATENEU_TEST_POSTGRES");
        return;
    };
    for args in [&["migrate"][..], &["demo"]] {
        assert!(instance.run(args).status.success(), "{args:?}");
    }
    // postgres://user@host:port/name → the same through the relay.
    let rest = url.split_once("://").expect("a URL").1;
    let (authority, name) = rest.split_once('/').expect("a database name");
    let (user, address) = authority
        .rsplit_once('@')
        .map_or(("", authority), |(u, a)| (u, a));
    let address = if address.contains(':') {
        address.to_owned()
    } else {
        format!("{address}:5432")
    };
    let relay = Relay::start(address);
    let at = if user.is_empty() {
        String::new()
    } else {
        format!("{user}@")
    };
    let relayed = format!("postgres://{at}127.0.0.1:{}/{name}", relay.port);
    let server = instance.serve(&["--database-url", &relayed]);

    assert_eq!(
        status_of(server.port, "/en", &[]),
        200,
        "the home page, kept"
    );
    assert_eq!(status_of(server.port, "/api/v1/cities", &[]), 200);

    relay.cut();
    let page = exchange(server.port, "GET", "/fr/cities/lyon", &[], "").expect("an answer");
    assert_eq!(page.status, 503, "{}", page.body);
    assert!(
        page.head.to_ascii_lowercase().contains("retry-after: 30"),
        "{}",
        page.head
    );
    assert!(
        page.body.contains("Momentanément indisponible"),
        "{}",
        page.body
    );
    assert!(page.body.contains("base de données"), "in French");
    let api =
        exchange(server.port, "GET", "/api/v1/frameworks?lang=es", &[], "").expect("an answer");
    assert_eq!(api.status, 503, "{}", api.body);
    let error: serde_json::Value = serde_json::from_str(&api.body).expect("the API's error");
    assert_eq!(error["error"], "unavailable");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("base de datos")),
        "{error}"
    );
    for _ in 0..5 {
        assert_eq!(status_of(server.port, "/api/v1/frameworks", &[]), 503);
    }
    let started = Instant::now();
    assert_eq!(
        status_of(server.port, "/en", &[]),
        200,
        "the kept home page is still served"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "and at once: {:?}",
        started.elapsed()
    );
    // The search answers from its own index.
    assert_eq!(
        status_of(server.port, "/fr/practices?q=bibliotheque", &[]),
        200
    );
    let log = std::fs::read_to_string(&server.log).expect("the log");
    let lines = log.matches("the database is unavailable").count();
    assert_eq!(lines, 1, "one line for 7 requests in a minute:\n{log}");

    relay.mend();
    let started = Instant::now();
    while status_of(server.port, "/api/v1/frameworks", &[]) != 200 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the server did not recover by itself"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    println!(
        "answering again {:?} after the database came back",
        started.elapsed()
    );
}
