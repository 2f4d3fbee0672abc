//! Sending an issue: the queued copies are read in batches, each written to the outbox (and
//! handed to the SMTP server when one is configured) under a file named after its delivery
//! row, and their outcomes recorded batch by batch. A copy whose file exists was handled by a
//! run that stopped (a crash, a kill, a restart): it is never sent again, and what its file
//! says is recorded. Memory holds one batch, whatever the list's size. When the queue is empty
//! the issue is sent, and every practice and output it carried gets its dissemination-log entry.

use super::issues::{archive_url, sender};
use super::letter::{self, Links};
use crate::mail::{Delivered, Delivery, Letter};
use crate::{Context, Error};
use ateneu_db::newsletter::deliveries::{self, Queued};
use ateneu_db::newsletter::issues::{self as repo, Issue};
use ateneu_domain::newsletter::issues::{DeliveryStatus, IssueStatus, ItemKind};
use ateneu_domain::programmes::outputs::{Channel, DisseminationDraft};
use std::collections::HashSet;
use std::sync::Mutex;
use tokio::task::JoinSet;

/// How many copies are read, sent and recorded at a time.
pub const BATCH: u64 = 500;
/// How many copies are with the SMTP server at once.
const AT_ONCE: usize = 8;
/// How long a process's claim on sending an issue holds without being renewed (it is renewed
/// every `RENEW` while the process sends): another server on the same database leaves the issue
/// alone meanwhile, and takes it over once a stopped process's claim has lapsed.
const LEASE: std::time::Duration = std::time::Duration::from_secs(90);
const RENEW: std::time::Duration = std::time::Duration::from_secs(30);

/// The issues this process is sending now (one run per issue), and the name its leases carry.
#[derive(Debug)]
pub struct Running {
    issues: Mutex<HashSet<i64>>,
    process: String,
}

impl Default for Running {
    fn default() -> Running {
        Running {
            issues: Mutex::default(),
            process: crate::security::new_token(),
        }
    }
}

impl Running {
    fn claim(&self, issue: i64) -> bool {
        self.issues
            .lock()
            .map(|mut set| set.insert(issue))
            .unwrap_or(false)
    }

    fn release(&self, issue: i64) {
        if let Ok(mut set) = self.issues.lock() {
            set.remove(&issue);
        }
    }
}

/// What a run came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ran {
    /// The queue is empty and the issue sent; how many copies this run handled.
    Done(usize),
    /// Another process holds the issue's lease (it is sending it, or stopped less than a lease
    /// ago).
    Elsewhere,
}

/// Takes or renews this process's lease on sending the issue.
async fn lease(context: &Context, issue_id: i64) -> Result<bool, Error> {
    let now = chrono::Utc::now();
    let until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
    let txn = context.db.write().await?;
    let process = &context.newsletter_sending.process;
    let held = repo::take_lease(&txn, issue_id, process, now, until).await?;
    txn.commit().await?;
    Ok(held)
}

/// Sends an issue's queued copies in the background, unless this process is already at it.
pub fn spawn(context: &Context, issue_id: i64) {
    if !context.newsletter_sending.claim(issue_id) {
        return;
    }
    let context = context.clone();
    tokio::spawn(async move {
        let outcome = loop {
            match run(&context, issue_id).await {
                // The process holding the lease sends it; should it have stopped, its lease
                // lapses and this one takes over.
                Ok(Ran::Elsewhere) => tokio::time::sleep(RENEW).await,
                other => break other,
            }
        };
        context.newsletter_sending.release(issue_id);
        match outcome {
            Ok(ran) => tracing::info!(issue = issue_id, ?ran, "newsletter sending ended"),
            Err(error) => {
                tracing::error!(
                    issue = issue_id,
                    ?error,
                    "newsletter sending stopped; it resumes at the next start or when asked again"
                )
            }
        }
    });
}

/// Resumes every sending a stopped process left unfinished (at start-up).
pub async fn resume(context: &Context) -> Result<usize, Error> {
    let issues = repo::sending(&context.db.conn).await?;
    for id in &issues {
        spawn(context, *id);
    }
    Ok(issues.len())
}

/// The outbox file of one copy: named after its delivery row, so it is written once.
pub fn file_of(issue_id: i64, delivery_id: i64) -> String {
    format!("newsletter/issue-{issue_id}/{delivery_id}.eml")
}

fn letter_for(context: &Context, issue: &Issue, copy: &Queued) -> Result<Letter, Error> {
    let edition = issue.edition(copy.lang).ok_or_else(|| {
        Error::Internal(format!(
            "issue {} has no edition in {}",
            issue.id, copy.lang
        ))
    })?;
    let token = context.signing_key.newsletter_token(&copy.link_salt);
    let links = Links {
        archive: archive_url(context, copy.lang, issue.id),
        unsubscribe: context.page_url(copy.lang, &format!("/newsletter/unsubscribe/{token}")),
    };
    let rendered = letter::render(context, edition, &copy.interests, &links);
    let one_click = format!(
        "{}/api/v1/newsletter/unsubscribe/{token}",
        context.config.base_url.trim_end_matches('/')
    );
    Ok(Letter {
        file: file_of(issue.id, copy.id),
        to: copy.email.clone(),
        subject: rendered.subject,
        text: rendered.text,
        html: Some(rendered.html),
        headers: vec![
            ("List-Unsubscribe", format!("<{one_click}>")),
            (
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".to_owned(),
            ),
        ],
    })
}

/// What a copy's delivery becomes after the mailer dealt with it.
fn status_of(delivered: &Delivered) -> DeliveryStatus {
    match delivered.delivery {
        Delivery::Outbox => DeliveryStatus::Written,
        Delivery::Sent => DeliveryStatus::Sent,
        Delivery::Failed => DeliveryStatus::Failed,
        // Only a copy found from an earlier run is still "sending": the server had it when that
        // run stopped, and it may have arrived.
        Delivery::Sending => DeliveryStatus::Interrupted,
    }
}

type Outcome = (i64, DeliveryStatus, Option<String>);

fn outcome(
    joined: Result<(i64, std::io::Result<Delivered>), tokio::task::JoinError>,
) -> Result<Outcome, Error> {
    let (id, delivered) =
        joined.map_err(|e| Error::Internal(format!("a copy's task failed: {e}")))?;
    let delivered =
        delivered.map_err(|e| Error::Internal(format!("cannot write to the outbox: {e}")))?;
    Ok((id, status_of(&delivered), delivered.reason))
}

/// Sends one batch of queued copies; returns how many there were (0: the queue is empty).
pub async fn send_batch(context: &Context, issue: &Issue, n: u64) -> Result<usize, Error> {
    let batch = deliveries::next_queued(&context.db.conn, issue.id, n).await?;
    let count = batch.len();
    let mut outcomes: Vec<Outcome> = Vec::with_capacity(count);
    let mut tasks = JoinSet::new();
    let mut failure = None;
    for copy in batch {
        if !copy.status.may_receive() {
            outcomes.push((copy.id, DeliveryStatus::Skipped, None));
            continue;
        }
        let letter = letter_for(context, issue, &copy)?;
        let mailer = context.mailer.clone();
        tasks.spawn(async move { (copy.id, mailer.deliver(&letter).await) });
        while tasks.len() >= AT_ONCE {
            if let Some(joined) = tasks.join_next().await {
                match outcome(joined) {
                    Ok(done) => outcomes.push(done),
                    Err(error) => failure = Some(error),
                }
            }
        }
        if failure.is_some() {
            break;
        }
    }
    while let Some(joined) = tasks.join_next().await {
        match outcome(joined) {
            Ok(done) => outcomes.push(done),
            Err(error) => failure = Some(error),
        }
    }
    // What was handled is recorded even when a copy could not be written.
    let txn = context.db.write().await?;
    deliveries::record(&txn, &outcomes).await?;
    txn.commit().await?;
    match failure {
        Some(error) => Err(error),
        None => Ok(count),
    }
}

/// Sends every queued copy of an issue being sent, then marks it sent. A run holds a lease on
/// the issue, renewed while it sends; while another process holds it, the run leaves the issue
/// to it (`Ran::Elsewhere`).
pub async fn run(context: &Context, issue_id: i64) -> Result<Ran, Error> {
    let issue = repo::by_id(&context.db.conn, issue_id)
        .await?
        .ok_or(Error::NotFound)?;
    if issue.status != IssueStatus::Sending {
        return Ok(Ran::Done(0));
    }
    if !lease(context, issue_id).await? {
        return Ok(Ran::Elsewhere);
    }
    let renewing = {
        let context = context.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(RENEW).await;
                if let Err(error) = lease(&context, issue_id).await {
                    tracing::warn!(
                        issue = issue_id,
                        ?error,
                        "could not renew the sending's lease"
                    );
                }
            }
        })
    };
    let _stop_renewing = AbortOnDrop(renewing);
    let mut handled = 0;
    loop {
        let n = send_batch(context, &issue, BATCH).await?;
        if n == 0 {
            break;
        }
        handled += n;
    }
    finish(context, &issue).await?;
    Ok(Ran::Done(handled))
}

/// Stops a background task when the run that started it ends (or is dropped).
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Marks the issue sent and logs what it carried.
async fn finish(context: &Context, issue: &Issue) -> Result<(), Error> {
    let today = chrono::Utc::now().date_naive();
    let entry = |lang| DisseminationDraft {
        channel: Channel::Newsletter,
        on: today,
        link: Some(archive_url(context, lang, issue.id)),
        lang: None,
        note: format!("Newsletter issue {}", issue.id),
    };
    let en = ateneu_domain::Lang::En;
    let of = |kind| -> Vec<(i64, DisseminationDraft)> {
        issue
            .draft
            .items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| (i.id, entry(en)))
            .collect()
    };
    let txn = context.db.write().await?;
    repo::finish(
        &txn,
        &sender(),
        issue.id,
        &of(ItemKind::Practice),
        &of(ItemKind::Output),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
