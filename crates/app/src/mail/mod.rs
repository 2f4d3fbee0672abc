//! Outgoing email. Every message is written to the outbox folder of the data directory (listed
//! on the admin page Outbox), so a new instance needs no mail server. With an SMTP server
//! configured, the message is also sent from a background task (the request does not wait),
//! and its outbox copy records whether the server took it.

pub mod smtp;

use crate::Config;
use chrono::Utc;
use serde::Serialize;
use smtp::{Draft, Smtp};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::watch;
use tracing::Instrument;

/// The sender when none is configured (only ever seen in the outbox).
const DEFAULT_FROM: &str = "Ateneu <noreply@ateneu.invalid>";
const DELIVERY_HEADER: &str = "X-Ateneu-Delivery:";

#[derive(Debug, Clone)]
pub struct Mailer {
    outbox: PathBuf,
    from: String,
    smtp: Option<Arc<Smtp>>,
    /// How many messages are being sent right now.
    sending: Arc<watch::Sender<usize>>,
}

/// What became of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Written to the outbox only (no mail server configured).
    Outbox,
    /// Handed to the background task; no answer from the server yet.
    Sending,
    /// The SMTP server accepted it.
    Sent,
    /// The SMTP server refused it, or could not be reached in time.
    Failed,
}

impl Delivery {
    fn parse(text: &str) -> (Delivery, Option<String>) {
        let (status, reason) = text.split_once(':').unwrap_or((text, ""));
        let delivery = match status.trim() {
            "sending" => Delivery::Sending,
            "sent" => Delivery::Sent,
            "failed" => Delivery::Failed,
            _ => Delivery::Outbox,
        };
        let reason = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
        (delivery, reason)
    }

    /// The status's word, as serialised and as written in the outbox file.
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Outbox => "outbox",
            Delivery::Sending => "sending",
            Delivery::Sent => "sent",
            Delivery::Failed => "failed",
        }
    }

    fn header(self, reason: Option<&str>) -> String {
        let status = self.as_str();
        match reason {
            Some(reason) => format!("{status}: {}", clean(reason)),
            None => status.to_owned(),
        }
    }
}

/// A message found in the outbox.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxMail {
    pub file: String,
    pub to: String,
    pub subject: String,
    pub date: String,
    pub body: String,
    pub delivery: Delivery,
    /// Why delivery failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_error: Option<String>,
}

/// One copy of a list's message, named after what it is a copy of.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The outbox file, under the outbox folder (`newsletter/issue-3/delivery-41.eml`).
    pub file: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub headers: Vec<(&'static str, String)>,
}

/// What became of a letter: `before` when its copy had been handled by an earlier run (then
/// `delivery` is what that run recorded, `Sending` if it stopped while the server had it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    pub delivery: Delivery,
    pub reason: Option<String>,
    pub before: bool,
}

/// A header's value in a message's text (empty when missing).
fn header_of(text: &str, name: &str) -> String {
    let head = text.split_once("\r\n\r\n").map_or(text, |(head, _)| head);
    head.lines()
        .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
        .unwrap_or_default()
}

fn clean(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// Writes a whole file under a temporary name first, so a reader never sees half of it.
async fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let partial = path.with_extension("partial");
    tokio::fs::write(&partial, text).await?;
    tokio::fs::rename(&partial, path).await
}

/// Counts a message as being sent until dropped (even if its task panics).
struct InFlight(Arc<watch::Sender<usize>>);

impl InFlight {
    fn start(sending: &Arc<watch::Sender<usize>>) -> InFlight {
        sending.send_modify(|n| *n += 1);
        InFlight(sending.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.send_modify(|n| *n = n.saturating_sub(1));
    }
}

impl Mailer {
    /// A mailer that only writes to the outbox.
    pub fn new(outbox: PathBuf) -> Mailer {
        Mailer {
            outbox,
            from: DEFAULT_FROM.to_owned(),
            smtp: None,
            sending: Arc::new(watch::Sender::new(0)),
        }
    }

    /// The mailer the configuration asks for; says clearly what is wrong with its settings.
    pub fn from_config(config: &Config) -> Result<Mailer, String> {
        let mut mailer = Mailer::new(config.outbox_dir());
        let from = config
            .mail_from
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty());
        if let Some(from) = from {
            mailer.from = smtp::parse_from(from)?.to_string();
        }
        if let Some(url) = config.smtp_url.as_deref().filter(|u| !u.trim().is_empty()) {
            let from = from.ok_or(
                "an SMTP server is configured (ATENEU_SMTP_URL) but no sender: set ATENEU_MAIL_FROM (or --mail-from), e.g. \"Ateneu <noreply@example.org>\"",
            )?;
            let smtp = Smtp::new(
                url.trim(),
                smtp::parse_from(from)?,
                smtp::hello_name(&config.base_url),
            )?;
            tracing::info!(server = smtp.server(), "email is sent through SMTP");
            mailer.smtp = Some(Arc::new(smtp));
        }
        Ok(mailer)
    }

    /// Whether messages go out through an SMTP server (otherwise they stay in the outbox).
    pub fn sends_smtp(&self) -> bool {
        self.smtp.is_some()
    }

    /// The sender's domain, for message ids.
    fn domain(&self) -> &str {
        self.from
            .rsplit_once('@')
            .map(|(_, d)| d.trim_end_matches('>'))
            .unwrap_or("ateneu.invalid")
    }

    fn render(&self, draft: &Draft, delivery: Delivery, reason: Option<&str>) -> String {
        let mut head = format!(
            "Date: {}\r\nFrom: {}\r\nTo: {}\r\nSubject: {}\r\nMessage-ID: {}\r\n{DELIVERY_HEADER} {}\r\n",
            draft.date.to_rfc2822(),
            clean(&self.from),
            draft.to,
            draft.subject,
            draft.message_id,
            delivery.header(reason),
        );
        for (name, value) in &draft.headers {
            head.push_str(&format!("{name}: {}\r\n", clean(value)));
        }
        match &draft.html {
            None => format!(
                "{head}Content-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
                draft.body
            ),
            Some(html) => {
                let boundary = format!("ateneu-{}", &draft.message_id.trim_matches(['<', '>']));
                format!(
                    "{head}MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n--{boundary}--\r\n",
                    draft.body
                )
            }
        }
    }

    /// Delivers one copy of a list's message (a newsletter issue) and waits for the outcome. The
    /// outbox file is named by the caller after the copy (`letter.file`, under the outbox): a
    /// copy whose file already exists was handled before (by a process since stopped) and is
    /// never sent again; what its file recorded is returned instead. Addresses are not logged.
    pub async fn deliver(&self, letter: &Letter) -> std::io::Result<Delivered> {
        let path = self.outbox.join(&letter.file);
        if let Ok(text) = tokio::fs::read_to_string(&path).await {
            let (delivery, reason) = Delivery::parse(&header_of(&text, DELIVERY_HEADER));
            return Ok(Delivered {
                delivery,
                reason,
                before: true,
            });
        }
        if let Some(folder) = path.parent() {
            tokio::fs::create_dir_all(folder).await?;
        }
        let token = crate::security::new_token();
        let draft = Draft {
            to: clean(&letter.to),
            subject: clean(&letter.subject),
            body: letter.text.clone(),
            html: letter.html.clone(),
            headers: letter.headers.clone(),
            date: Utc::now(),
            message_id: format!("<{}@{}>", &token[..24], self.domain()),
        };
        let Some(smtp) = self.smtp.as_ref() else {
            write_whole(&path, &self.render(&draft, Delivery::Outbox, None)).await?;
            return Ok(Delivered {
                delivery: Delivery::Outbox,
                reason: None,
                before: false,
            });
        };
        write_whole(&path, &self.render(&draft, Delivery::Sending, None)).await?;
        let _in_flight = InFlight::start(&self.sending);
        let (delivery, reason) = match smtp.send(&draft).await {
            Ok(()) => (Delivery::Sent, None),
            Err(reason) => (Delivery::Failed, Some(reason)),
        };
        write_whole(&path, &self.render(&draft, delivery, reason.as_deref())).await?;
        Ok(Delivered {
            delivery,
            reason,
            before: false,
        })
    }

    /// Writes a message to the outbox and, with an SMTP server, starts sending it (in the
    /// background, in the current request's log span). Returns the outbox file's name.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> std::io::Result<String> {
        tokio::fs::create_dir_all(&self.outbox).await?;
        let date = Utc::now();
        let token = crate::security::new_token();
        let name = format!("{}-{}.eml", date.format("%Y%m%dT%H%M%S%.6fZ"), &token[..8]);
        let domain = self.domain();
        let draft = Draft {
            to: clean(to),
            subject: clean(subject),
            body: body.to_owned(),
            html: None,
            headers: Vec::new(),
            date,
            message_id: format!("<{}@{domain}>", &token[8..32]),
        };
        let path = self.outbox.join(&name);
        let Some(smtp) = self.smtp.clone() else {
            write_whole(&path, &self.render(&draft, Delivery::Outbox, None)).await?;
            tracing::info!(to, subject, file = %name, "email written to the outbox");
            return Ok(name);
        };
        write_whole(&path, &self.render(&draft, Delivery::Sending, None)).await?;
        let in_flight = InFlight::start(&self.sending);
        let mailer = self.clone();
        let file = name.clone();
        let task = async move {
            let (delivery, reason) = match smtp.send(&draft).await {
                Ok(()) => {
                    tracing::info!(to = %draft.to, file, server = smtp.server(), "email sent");
                    (Delivery::Sent, None)
                }
                Err(reason) => {
                    tracing::error!(to = %draft.to, file, server = smtp.server(), %reason, "email could not be sent");
                    (Delivery::Failed, Some(reason))
                }
            };
            let text = mailer.render(&draft, delivery, reason.as_deref());
            if let Err(error) = write_whole(&path, &text).await {
                tracing::error!(file, %error, "could not record the delivery in the outbox");
            }
            drop(in_flight);
        };
        tokio::spawn(task.instrument(tracing::Span::current()));
        Ok(name)
    }

    /// How many messages are being sent right now.
    pub fn sending(&self) -> usize {
        *self.sending.borrow()
    }

    /// Waits until every message handed to SMTP has been sent or has failed (each is bounded by
    /// its time limit). Used at shutdown, by one-shot commands, and by tests.
    pub async fn wait_sent(&self) {
        let mut sending = self.sending.subscribe();
        // The sender lives in `self`, so the channel cannot close while waiting.
        let _ = sending.wait_for(|n| *n == 0).await;
    }

    /// The outbox's messages, newest first.
    pub async fn list(&self) -> std::io::Result<Vec<OutboxMail>> {
        let mut mails = Vec::new();
        let mut entries = match tokio::fs::read_dir(&self.outbox).await {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(mails),
            Err(e) => return Err(e),
        };
        while let Some(entry) = entries.next_entry().await? {
            let file = entry.file_name().to_string_lossy().into_owned();
            if !file.ends_with(".eml") {
                continue;
            }
            let text = tokio::fs::read_to_string(entry.path()).await?;
            let body = text.split_once("\r\n\r\n").map_or("", |(_, body)| body);
            let header = |name: &str| header_of(&text, name);
            let (delivery, delivery_error) = Delivery::parse(&header(DELIVERY_HEADER));
            mails.push(OutboxMail {
                to: header("To:"),
                subject: header("Subject:"),
                date: header("Date:"),
                body: body.trim_end().to_owned(),
                delivery,
                delivery_error,
                file,
            });
        }
        mails.sort_by(|a, b| b.file.cmp(&a.file));
        Ok(mails)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(smtp_url: Option<&str>, mail_from: Option<&str>) -> Config {
        Config {
            data_dir: PathBuf::from("/nonexistent"),
            base_url: "https://ateneu.example.org".into(),
            smtp_url: smtp_url.map(str::to_owned),
            mail_from: mail_from.map(str::to_owned),
            search_index: crate::IndexPlace::Off,
            page_cache: true,
            server_timing: false,
        }
    }

    #[test]
    fn smtp_needs_a_sender() {
        let error = Mailer::from_config(&config(Some("smtp://mail.example.org"), None))
            .err()
            .unwrap_or_default();
        assert!(error.contains("ATENEU_MAIL_FROM"), "{error}");
        let mailer = Mailer::from_config(&config(
            Some("smtp://mail.example.org"),
            Some("Ateneu <noreply@example.org>"),
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(mailer.sends_smtp());
        let outbox_only =
            Mailer::from_config(&config(Some(" "), None)).unwrap_or_else(|e| panic!("{e}"));
        assert!(!outbox_only.sends_smtp());
    }

    #[test]
    fn the_delivery_header_round_trips() {
        for (delivery, reason) in [
            (Delivery::Outbox, None),
            (Delivery::Sending, None),
            (Delivery::Sent, None),
            (Delivery::Failed, Some("550 5.1.1: no such mailbox")),
        ] {
            let header = delivery.header(reason);
            assert_eq!(
                Delivery::parse(&header),
                (delivery, reason.map(str::to_owned))
            );
        }
        assert_eq!(
            Delivery::parse(""),
            (Delivery::Outbox, None),
            "files written before SMTP"
        );
    }
}
