//! Email through a real SMTP peer: a minimal SMTP server inside the test (plain text, as a local
//! relay with `?tls=none`) receives what the platform sends, and the outbox copy says what became
//! of each message.

use crate::common::{TestApp, admin};
use ateneu_app::mail::Delivery;
use axum::http::StatusCode;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// One message as the SMTP server received it.
#[derive(Debug, Default)]
struct Received {
    mail_from: String,
    rcpt_to: Vec<String>,
    data: String,
}

/// Starts an SMTP server on a free port; it refuses every recipient when `refuse` is set.
async fn smtp_server(refuse: bool) -> (u16, mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let port = listener.local_addr().expect("address").port();
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                if let Err(error) = smtp_session(stream, refuse, tx).await {
                    eprintln!("test SMTP server: {error}");
                }
            });
        }
    });
    (port, rx)
}

/// Speaks EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP and QUIT (RFC 5321, without extensions).
async fn smtp_session(
    stream: TcpStream,
    refuse: bool,
    out: mpsc::UnboundedSender<Received>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    write.write_all(b"220 test.invalid ESMTP ready\r\n").await?;
    let mut mail = Received::default();
    let mut line = String::new();
    loop {
        line.clear();
        if read.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let verb = command.split(' ').next().unwrap_or("").to_ascii_uppercase();
        let argument = |prefix: &str| command[prefix.len().min(command.len())..].trim().to_owned();
        let reply: &str = match verb.as_str() {
            "EHLO" | "HELO" => "250 test.invalid\r\n",
            "MAIL" => {
                mail = Received {
                    mail_from: argument("MAIL FROM:"),
                    ..Received::default()
                };
                "250 2.1.0 OK\r\n"
            }
            "RCPT" if refuse => "550 5.1.1 No such mailbox here\r\n",
            "RCPT" => {
                mail.rcpt_to.push(argument("RCPT TO:"));
                "250 2.1.5 OK\r\n"
            }
            "DATA" => {
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                loop {
                    line.clear();
                    if read.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    let unstuffed = line.strip_prefix('.').unwrap_or(&line);
                    mail.data.push_str(unstuffed);
                }
                let _ = out.send(std::mem::take(&mut mail));
                "250 2.0.0 Queued\r\n"
            }
            "RSET" => {
                mail = Received::default();
                "250 2.0.0 OK\r\n"
            }
            "NOOP" => "250 2.0.0 OK\r\n",
            "QUIT" => {
                write.write_all(b"221 2.0.0 Bye\r\n").await?;
                return Ok(());
            }
            _ => "502 5.5.2 Command not recognised\r\n",
        };
        write.write_all(reply.as_bytes()).await?;
    }
}

/// The text of a quoted-printable body (RFC 2045 §6.7).
fn quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("UTF-8 text")
}

async fn app_sending_to(port: u16) -> TestApp {
    TestApp::configured(|config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}?tls=none"));
        config.mail_from = Some("Ateneu <noreply@ateneu.example.org>".into());
    })
    .await
}

async fn all_sent(app: &TestApp) {
    tokio::time::timeout(Duration::from_secs(40), app.state.mailer.wait_sent())
        .await
        .expect("every email is sent or failed within its time limit");
}

#[tokio::test]
async fn a_password_reset_is_delivered_by_smtp_with_its_link() {
    let (port, mut inbox) = smtp_server(false).await;
    let mut app = app_sending_to(port).await;
    app.user("ana@example.org", &[]).await;
    let asked = app
        .post_form("/fr/password-reset", &[("email", "ana@example.org")])
        .await;
    assert_eq!(asked.status, StatusCode::OK);

    let received = tokio::time::timeout(Duration::from_secs(40), inbox.recv())
        .await
        .expect("the SMTP server receives a message in time")
        .expect("a message");
    assert_eq!(received.mail_from, "<noreply@ateneu.example.org>");
    assert_eq!(received.rcpt_to, ["<ana@example.org>"]);
    let (head, body) = received.data.split_once("\r\n\r\n").expect("head and body");
    assert!(head.contains("To: ana@example.org"), "{head}");
    assert!(
        head.contains("Content-Transfer-Encoding: quoted-printable"),
        "{head}"
    );
    assert!(
        head.contains("Message-ID: <") && head.contains("@ateneu.example.org>"),
        "{head}"
    );
    let body = quoted_printable(body);
    let start = body
        .find("http://127.0.0.1:8080/fr/password/")
        .unwrap_or_else(|| panic!("the reset link is in the message: {body}"));
    let path = body[start + "http://127.0.0.1:8080".len()..]
        .split_whitespace()
        .next()
        .expect("the link's path")
        .to_owned();

    // The emailed link is the live one: it sets a new password.
    let set = app
        .post_form(
            &path,
            &[
                ("password", "a new long password"),
                ("confirm", "a new long password"),
            ],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);

    // The outbox keeps a copy, marked as sent.
    all_sent(&app).await;
    let mails = app.state.mailer.list().await.expect("outbox");
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].delivery, Delivery::Sent);
    assert!(mails[0].body.contains(&path));
    assert!(inbox.try_recv().is_err(), "one message, sent once");
}

#[tokio::test]
async fn a_refused_message_is_marked_failed_in_the_outbox() {
    let (port, _inbox) = smtp_server(true).await;
    let mut app = app_sending_to(port).await;
    app.user("ana@example.org", &[]).await;
    let asked = app
        .post_form("/en/password-reset", &[("email", "ana@example.org")])
        .await;
    assert_eq!(asked.status, StatusCode::OK, "the visitor is not told");
    all_sent(&app).await;

    let mails = app.state.mailer.list().await.expect("outbox");
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].delivery, Delivery::Failed);
    let reason = mails[0].delivery_error.clone().unwrap_or_default();
    assert!(
        reason.contains("550"),
        "the server's answer is kept: {reason}"
    );

    app.user("admin@example.org", &[admin()]).await;
    app.sign_in("admin@example.org").await;
    let page = app.get("/en/admin/outbox").await;
    assert!(page.body.contains("not sent"), "{}", page.body);
    assert!(page.body.contains("No such mailbox here"));
}

#[tokio::test]
async fn a_silent_server_does_not_hold_the_request() {
    // A server that accepts connections and never says a word.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let port = listener.local_addr().expect("address").port();
    tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            open.push(stream);
        }
    });
    let mut app = app_sending_to(port).await;
    app.user("ana@example.org", &[]).await;
    let started = std::time::Instant::now();
    let asked = app
        .post_form("/en/password-reset", &[("email", "ana@example.org")])
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the page answers while the email waits: {:?}",
        started.elapsed()
    );
    assert_eq!(app.state.mailer.sending(), 1);
    let mails = app.state.mailer.list().await.expect("outbox");
    assert_eq!(mails[0].delivery, Delivery::Sending);
}
