//! Outgoing email. By default every message is written to the outbox folder of the data
//! directory (listed in the admin pages), so a new instance needs no mail server.

use chrono::Utc;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Mailer {
    outbox: PathBuf,
}

/// A message found in the outbox.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxMail {
    pub file: String,
    pub to: String,
    pub subject: String,
    pub date: String,
    pub body: String,
}

impl Mailer {
    pub fn new(outbox: PathBuf) -> Mailer {
        Mailer { outbox }
    }

    /// Writes a message to the outbox; returns its file name.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> std::io::Result<String> {
        tokio::fs::create_dir_all(&self.outbox).await?;
        let now = Utc::now();
        let name = format!(
            "{}-{}.eml",
            now.format("%Y%m%dT%H%M%S%.6fZ"),
            &crate::security::new_token()[..8]
        );
        let clean = |s: &str| s.replace(['\r', '\n'], " ");
        let text = format!(
            "Date: {}\r\nFrom: Ateneu <noreply@ateneu.invalid>\r\nTo: {}\r\nSubject: {}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
            now.to_rfc2822(),
            clean(to),
            clean(subject),
            body
        );
        tokio::fs::write(self.outbox.join(&name), text).await?;
        tracing::info!(to, subject, file = %name, "email written to the outbox");
        Ok(name)
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
            let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
            let header = |name: &str| {
                head.lines()
                    .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
                    .unwrap_or_default()
            };
            mails.push(OutboxMail {
                to: header("To:"),
                subject: header("Subject:"),
                date: header("Date:"),
                body: body.trim_end().to_owned(),
                file,
            });
        }
        mails.sort_by(|a, b| b.file.cmp(&a.file));
        Ok(mails)
    }
}
