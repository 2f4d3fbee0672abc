//! One instance of the platform as its operator runs it: the `ateneu` binary on a data folder
//! of its own (and a database of its own on PostgreSQL when ATENEU_TEST_POSTGRES is set), its
//! commands, and the server started on a free port and stopped (or killed) by the test.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub struct Instance {
    pub dir: tempfile::TempDir,
    pub url: Option<String>,
}

impl Instance {
    pub async fn new() -> Instance {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = match std::env::var("ATENEU_TEST_POSTGRES") {
            Ok(server) if !server.is_empty() => {
                let server = server.trim_end_matches('/');
                let admin = ateneu_db::Db::connect(&format!("{server}/postgres"))
                    .await
                    .expect("PostgreSQL answers");
                let name = format!("ateneu_t_cli_{}", std::process::id())
                    + &dir
                        .path()
                        .file_name()
                        .map(|n| {
                            n.to_string_lossy()
                                .to_lowercase()
                                .replace(|c: char| !c.is_ascii_alphanumeric(), "")
                        })
                        .unwrap_or_default();
                use sea_orm::ConnectionTrait;
                admin
                    .conn
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("creates a database");
                Some(format!("{server}/{name}"))
            }
            _ => None,
        };
        Instance { dir, url }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ateneu"));
        command
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(args)
            .env_remove("ATENEU_DATABASE_URL");
        if let Some(url) = &self.url {
            command.arg("--database-url").arg(url);
        }
        command.output().expect("ateneu runs")
    }

    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("writes");
        path.display().to_string()
    }
}

/// A running `ateneu serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    /// Where its output goes.
    pub log: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// "http://127.0.0.1:PORT".
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Kills the server as `kill -9` does: no shutdown, nothing flushed.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

impl Instance {
    /// Starts `ateneu serve` with `args` on a free port and waits until it answers.
    pub fn serve(&self, args: &[&str]) -> Server {
        self.serve_from(self.dir.path(), args)
    }

    /// A second server on the same database, with its own data folder `dir` (its own search
    /// index, outbox and files), as a second machine behind a load balancer.
    pub fn serve_beside(&self, dir: &std::path::Path, args: &[&str]) -> Server {
        let database = match &self.url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", self.dir.path().join("ateneu.db").display()),
        };
        let mut all = vec!["--database-url", database.as_str()];
        all.extend_from_slice(args);
        self.serve_from(dir, &all)
    }

    fn serve_from(&self, dir: &std::path::Path, args: &[&str]) -> Server {
        let port = free_port();
        // What the server prints goes to `server-PORT.log` in its folder.
        let log = std::fs::File::create(dir.join(format!("server-{port}.log"))).expect("a log");
        let mut command = Command::new(env!("CARGO_BIN_EXE_ateneu"));
        command
            .arg("--data-dir")
            .arg(dir)
            .env_remove("ATENEU_DATABASE_URL")
            .arg("serve")
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .args(args)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("the log"))
            .stderr(log);
        if let Some(url) = self
            .url
            .as_ref()
            .filter(|_| !args.contains(&"--database-url"))
        {
            command.arg("--database-url").arg(url);
        }
        let mut server = Server {
            child: command.spawn().expect("ateneu serves"),
            port,
            log: dir.join(format!("server-{port}.log")),
        };
        let started = Instant::now();
        loop {
            if get(port, "/healthz").is_some_and(|(status, _)| status == 200) {
                return server;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("the server stopped at start: {status}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server did not answer within a minute"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// One plain HTTP/1.1 request: the status and the body, or `None` when nothing answered.
pub fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Option<(u16, String)> {
    exchange(port, method, path, headers, body).map(|answer| (answer.status, answer.body))
}

/// What a server answered.
pub struct Answer {
    pub status: u16,
    /// The status line and header lines, as sent.
    pub head: String,
    pub body: String,
}

impl Answer {
    /// The value of the cookie `name` the answer sets.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (header, value) = line.split_once(':')?;
            if !header.eq_ignore_ascii_case("set-cookie") {
                return None;
            }
            let pair = value.trim().split(';').next()?;
            let (cookie, value) = pair.split_once('=')?;
            (cookie == name).then(|| value.to_owned())
        })
    }
}

/// One plain HTTP/1.1 request and the whole answer, or `None` when nothing answered.
pub fn exchange(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Option<Answer> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body.as_bytes()).ok()?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).ok()?;
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.split(' ').nth(1)?.parse().ok()?;
    let (head, body) = answer
        .split_once("\r\n\r\n")
        .unwrap_or((answer.as_str(), ""));
    Some(Answer {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    })
}

pub fn get(port: u16, path: &str) -> Option<(u16, String)> {
    request(port, "GET", path, &[], "")
}

impl Instance {
    /// SQLite's `PRAGMA integrity_check` on the instance's database (stopped): "ok" when
    /// sound; `None` on PostgreSQL.
    pub async fn sqlite_integrity(&self) -> Option<String> {
        use sea_orm::{ConnectionTrait, Statement};
        if self.url.is_some() {
            return None;
        }
        let url = format!("sqlite://{}", self.dir.path().join("ateneu.db").display());
        let db = ateneu_db::Db::connect(&url)
            .await
            .expect("the database opens");
        let row = db
            .conn
            .query_one_raw(Statement::from_string(
                db.conn.get_database_backend(),
                "PRAGMA integrity_check",
            ))
            .await
            .expect("the check runs")
            .expect("a row");
        Some(row.try_get_by_index::<String>(0).expect("a word"))
    }
}

impl Instance {
    /// A new instance holding the example network, with an administrator (root@example.org)
    /// and their API token (write scope).
    pub async fn with_admin_token() -> (Instance, String) {
        let instance = Instance::new().await;
        for args in [
            &["migrate"][..],
            &["demo"],
            &["user", "add", "--admin", "root@example.org"],
        ] {
            let out = instance.run(args);
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let token = instance.run(&["token", "create", "--user", "root@example.org"]);
        let token = String::from_utf8_lossy(&token.stdout).trim().to_owned();
        assert!(token.starts_with("atn_"), "a token: {token}");
        (instance, token)
    }
}

/// Whether a search through the server at `port` finds exactly one practice with `word`.
pub fn found(port: u16, word: &str) -> bool {
    get(port, &format!("/api/v1/practices/search?q={word}")).is_some_and(|(status, body)| {
        status == 200
            && serde_json::from_str::<serde_json::Value>(&body)
                .is_ok_and(|answer| answer["total"].as_u64() == Some(1))
    })
}

/// Waits until a search through the server at `port` finds each of `words` (20 s at most).
pub fn wait_until_found(port: u16, words: &[String]) {
    let started = Instant::now();
    for word in words {
        while !found(port, word) {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the practice with {word} was acknowledged but is not found"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}
