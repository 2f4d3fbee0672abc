//! The newsletter's subscriptions as use cases. Anyone may ask to subscribe: the address gets a
//! confirmation link, and nothing else is sent to it until the link is followed (double
//! opt-in). The answer to a request is the same whether the address was new, waiting or
//! already subscribed, so the form tells no one who subscribes. The link also unsubscribes, in
//! one click. The secretariat sees the counts, and the addresses only in its export; it may
//! import a list whose consent was given elsewhere. Its issues are in `issues`, their sending in
//! `sending`, the message each subscriber gets in `letter`.

pub mod issues;
pub mod letter;
pub mod sending;

use crate::security::{new_token, token_hash};
use crate::{Acting, Context, Error, ImportSummary, Who};
pub use ateneu_db::newsletter::Subscriber;
use ateneu_db::newsletter::{self as repo, ImportedSubscriber, NewLink};
use ateneu_domain::Lang;
use ateneu_domain::csv_format::CsvWriter;
use ateneu_domain::newsletter::{
    COLUMNS, Interest, Status, SubscriptionInput, confirmation_is_live, parse_list,
};
use ateneu_domain::permissions::Action;
use chrono::{Duration, Utc};
use serde::Serialize;

/// A waiting subscription is sent its link again only after this long, so the form cannot be
/// used to flood someone's inbox.
const RESEND_AFTER_MINUTES: i64 = 10;

pub(crate) fn keepers(context: &Context) -> Vec<String> {
    crate::programmes::programme_networks(context)
}

/// Refuses whoever does not keep the newsletter's subscribers (before a file is read): sign in
/// for anonymous people, not found for the others (the list is nothing of theirs to know of).
pub fn require_keeper(context: &Context, acting: &Acting) -> Result<(), Error> {
    match acting.require(Action::ManageNewsletter(&keepers(context))) {
        Err(Error::Forbidden) => Err(Error::NotFound),
        other => other,
    }
}

/// Asks for a subscription through the public form. A new address, or one that had left, is
/// sent a confirmation link in the language it chose; one still waiting is sent the same link
/// again (at most every ten minutes); one already subscribed is left as it is.
pub async fn subscribe(context: &Context, input: &SubscriptionInput) -> Result<(), Error> {
    let subscription = input.parse()?;
    let now = Utc::now();
    let who = Who::system("newsletter form");
    let txn = context.db.write().await?;
    let send = match repo::by_email(&*txn, subscription.email.as_str()).await? {
        None => {
            let salt = new_token();
            let token = context.signing_key.newsletter_token(&salt);
            let hash = token_hash(&token);
            let link = NewLink {
                salt: &salt,
                hash: &hash,
            };
            match repo::request(&txn, &who, &subscription, link, now).await {
                Ok(_) => Some((token, subscription.lang)),
                // Asked for twice at once: the first request stands (and this transaction,
                // refused by the database, is rolled back).
                Err(ateneu_db::DbError::Conflict(_)) => {
                    drop(txn);
                    return Ok(());
                }
                Err(error) => return Err(error.into()),
            }
        }
        Some(existing) => match existing.status {
            Status::Confirmed => None,
            Status::Pending => {
                let recent = existing
                    .confirmation_sent_at
                    .is_some_and(|at| now - at < Duration::minutes(RESEND_AFTER_MINUTES));
                if recent {
                    None
                } else {
                    repo::confirmation_resent(&txn, existing.id, now).await?;
                    let token = context.signing_key.newsletter_token(&existing.link_salt);
                    Some((token, existing.lang))
                }
            }
            Status::Unsubscribed => {
                let salt = new_token();
                let token = context.signing_key.newsletter_token(&salt);
                let hash = token_hash(&token);
                let link = NewLink {
                    salt: &salt,
                    hash: &hash,
                };
                repo::request_again(&txn, &who, existing.id, &subscription, link, now).await?;
                Some((token, subscription.lang))
            }
        },
    };
    txn.commit().await?;
    if let Some((token, lang)) = send {
        send_confirmation(context, subscription.email.as_str(), lang, &token).await?;
    }
    Ok(())
}

async fn send_confirmation(
    context: &Context,
    email: &str,
    lang: Lang,
    token: &str,
) -> Result<(), Error> {
    let subject = context.i18n.t(lang, "newsletter-confirm-mail-subject");
    let body = context.i18n.format(
        lang,
        "newsletter-confirm-mail-body",
        &[
            ("confirm", confirm_url(context, lang, token).into()),
            ("days", ateneu_domain::newsletter::CONFIRMATION_DAYS.into()),
        ],
    );
    context
        .mailer
        .send(email, &subject, &body)
        .await
        .map_err(|e| Error::Internal(format!("cannot write the confirmation email: {e}")))?;
    Ok(())
}

/// The page that confirms a subscription.
pub fn confirm_url(context: &Context, lang: Lang, token: &str) -> String {
    context.page_url(lang, &format!("/newsletter/confirm/{token}"))
}

/// The subscriber a link names, or not found (a token no link has, or too long to be one).
async fn by_token(context: &Context, token: &str) -> Result<Subscriber, Error> {
    let hash = crate::security::link_hash(token)?;
    repo::by_link(&context.db.conn, &hash)
        .await?
        .ok_or(Error::NotFound)
}

/// What a link's page shows: where the subscription stands, in its language.
#[derive(Debug, Clone, Serialize)]
pub struct LinkState {
    pub status: Status,
    pub lang: Lang,
}

/// Forgets the requests whose confirmation link has expired unfollowed (run hourly by the
/// server): an address whose owner never confirmed is not kept.
pub async fn forget_unconfirmed(context: &Context) -> Result<u64, Error> {
    let before = Utc::now() - Duration::days(ateneu_domain::newsletter::CONFIRMATION_DAYS);
    let txn = context.db.write().await?;
    let removed = repo::forget_unconfirmed(&txn, &Who::system("newsletter"), before).await?;
    txn.commit().await?;
    Ok(removed)
}

/// Where the subscription a link names stands.
pub async fn link_state(context: &Context, token: &str) -> Result<LinkState, Error> {
    Ok(state_of(&by_token(context, token).await?))
}

/// Follows a confirmation link: the subscription is confirmed (again: nothing changes). A
/// link older than a week no longer confirms (not found): the form sends a new one.
pub async fn confirm(context: &Context, token: &str) -> Result<LinkState, Error> {
    let subscriber = by_token(context, token).await?;
    if subscriber.status != Status::Pending {
        return Ok(state_of(&subscriber));
    }
    let live = subscriber
        .confirmation_sent_at
        .is_some_and(|sent| confirmation_is_live(sent, Utc::now()));
    if !live {
        return Err(Error::NotFound);
    }
    change(
        context,
        token,
        &subscriber,
        &[Status::Pending],
        Status::Confirmed,
    )
    .await
}

/// Unsubscribes the subscription a link names (again: nothing changes).
pub async fn unsubscribe(context: &Context, token: &str) -> Result<LinkState, Error> {
    let subscriber = by_token(context, token).await?;
    if subscriber.status == Status::Unsubscribed {
        return Ok(state_of(&subscriber));
    }
    let from = [Status::Pending, Status::Confirmed];
    change(context, token, &subscriber, &from, Status::Unsubscribed).await
}

fn state_of(subscriber: &Subscriber) -> LinkState {
    LinkState {
        status: subscriber.status,
        lang: subscriber.lang,
    }
}

/// Moves the subscriber from `from` to `to`; where another click changed them meanwhile, the
/// state they are in now.
async fn change(
    context: &Context,
    token: &str,
    subscriber: &Subscriber,
    from: &[Status],
    to: Status,
) -> Result<LinkState, Error> {
    let txn = context.db.write().await?;
    let who = Who::system("newsletter link");
    let changed = repo::change_status(&txn, &who, subscriber.id, from, to, Utc::now()).await?;
    txn.commit().await?;
    if changed {
        Ok(LinkState {
            status: to,
            lang: subscriber.lang,
        })
    } else {
        link_state(context, token).await
    }
}

/// How many subscribers are in one state with one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Count {
    pub status: Status,
    pub lang: Lang,
    pub count: u64,
}

/// The subscribers counted per state and language: what the secretariat's page shows.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub total: u64,
    /// States and languages in their order; a pair without subscribers is left out.
    pub by_status_and_lang: Vec<Count>,
}

impl Counts {
    pub fn of(&self, status: Status, lang: Lang) -> u64 {
        self.by_status_and_lang
            .iter()
            .find(|c| c.status == status && c.lang == lang)
            .map_or(0, |c| c.count)
    }

    pub fn of_status(&self, status: Status) -> u64 {
        Lang::ALL.iter().map(|lang| self.of(status, *lang)).sum()
    }
}

/// The counts (the newsletter's keepers).
pub async fn counts(context: &Context, acting: &Acting) -> Result<Counts, Error> {
    require_keeper(context, acting)?;
    let mut by_status_and_lang: Vec<Count> = repo::counts(&context.db.conn)
        .await?
        .into_iter()
        .map(|(status, lang, count)| Count {
            status,
            lang,
            count,
        })
        .collect();
    by_status_and_lang.sort_by_key(|c| {
        (
            Status::ALL.iter().position(|s| *s == c.status),
            Lang::ALL.iter().position(|l| *l == c.lang),
        )
    });
    Ok(Counts {
        total: by_status_and_lang.iter().map(|c| c.count).sum(),
        by_status_and_lang,
    })
}

/// The subscribers as CSV (the newsletter's keepers): the columns of an import, then the state
/// and its dates; no cell can start a formula in a spreadsheet.
pub async fn export(context: &Context, acting: &Acting) -> Result<Vec<u8>, Error> {
    require_keeper(context, acting)?;
    let subscribers = repo::all(&context.db.conn).await?;
    let mut csv = CsvWriter::new();
    let mut header: Vec<&str> = COLUMNS.to_vec();
    header.extend(["status", "created_at", "confirmed_at", "unsubscribed_at"]);
    csv.row(&header)
        .map_err(|p| Error::Internal(p.key.to_string()))?;
    let date = |at: Option<chrono::DateTime<Utc>>| at.map(|a| a.to_rfc3339()).unwrap_or_default();
    for s in subscribers {
        csv.row(&[
            s.email.clone(),
            s.lang.code().to_owned(),
            Interest::write_list(&s.interests),
            s.consent.clone(),
            s.status.key().to_owned(),
            s.created_at.to_rfc3339(),
            date(s.confirmed_at),
            date(s.unsubscribed_at),
        ])
        .map_err(|p| Error::Internal(p.key.to_string()))?;
    }
    csv.finish().map_err(|p| Error::Internal(p.key.to_string()))
}

/// Imports a list whose consent was given elsewhere (the newsletter's keepers): checked whole,
/// then written in one transaction. Addresses already here keep their record; one that left is
/// never subscribed again by a list.
pub async fn import(
    context: &Context,
    acting: &Acting,
    bytes: &[u8],
) -> Result<ImportSummary, Error> {
    require_keeper(context, acting)?;
    let rows = parse_list(bytes).map_err(Error::Lines)?;
    let imported: Vec<ImportedSubscriber> = rows
        .into_iter()
        .map(|row| {
            let salt = new_token();
            let hash = token_hash(&context.signing_key.newsletter_token(&salt));
            ImportedSubscriber {
                subscription: row.subscription,
                consent: row.consent,
                salt,
                hash,
            }
        })
        .collect();
    let txn = context.db.write().await?;
    let summary = repo::import(&txn, &acting.who, &imported, Utc::now()).await?;
    txn.commit().await?;
    Ok(summary)
}
