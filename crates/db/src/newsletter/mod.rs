//! The newsletter's subscribers: a request waiting for its confirmation, the confirmation, the
//! unsubscription, an imported list, the counts the secretariat sees. Each write leaves its
//! audit row, which names the subscriber by id, never by address. A change of state is guarded
//! by the state it leaves, so two clicks on one link change it once.

pub mod deliveries;
pub mod issues;

use crate::audit::{self, Who};
use crate::entities::newsletter_subscriber as subscriber;
use crate::{DbError, DbResult, ImportSummary, WriteTxn, conflict_as};
use ateneu_domain::newsletter::{Interest, Status, Subscription};
use ateneu_domain::{Lang, ProblemKey};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use serde_json::json;

/// A subscriber as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subscriber {
    pub id: i64,
    pub email: String,
    pub lang: Lang,
    pub interests: Vec<Interest>,
    pub status: Status,
    /// How consent was given: `form`, or the note that came with an imported list.
    pub consent: String,
    pub created_at: DateTime<Utc>,
    pub confirmation_sent_at: Option<DateTime<Utc>>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub unsubscribed_at: Option<DateTime<Utc>>,
    /// What the subscriber's link token is derived from (never shown).
    #[serde(skip)]
    pub link_salt: String,
}

/// How consent is recorded for a subscription made through the public form.
pub const FORM_CONSENT: &str = "form";

fn to_subscriber(m: subscriber::Model) -> DbResult<Subscriber> {
    Ok(Subscriber {
        id: m.id,
        lang: m
            .lang
            .parse()
            .map_err(|_| DbError::Corrupt(format!("newsletter language {}", m.lang)))?,
        interests: Interest::read_list(&m.interests),
        status: Status::parse(&m.status)
            .ok_or_else(|| DbError::Corrupt(format!("newsletter status {}", m.status)))?,
        email: m.email,
        consent: m.consent,
        created_at: m.created_at,
        confirmation_sent_at: m.confirmation_sent_at,
        confirmed_at: m.confirmed_at,
        unsubscribed_at: m.unsubscribed_at,
        link_salt: m.link_salt,
    })
}

async fn find_by(
    conn: &impl ConnectionTrait,
    column: subscriber::Column,
    value: &str,
) -> DbResult<Option<Subscriber>> {
    subscriber::Entity::find()
        .filter(column.eq(value))
        .one(conn)
        .await?
        .map(to_subscriber)
        .transpose()
}

pub async fn by_email(conn: &impl ConnectionTrait, email: &str) -> DbResult<Option<Subscriber>> {
    find_by(conn, subscriber::Column::Email, email).await
}

/// The subscriber whose link token hashes to `hash`.
pub async fn by_link(conn: &impl ConnectionTrait, hash: &str) -> DbResult<Option<Subscriber>> {
    find_by(conn, subscriber::Column::LinkHash, hash).await
}

/// A new subscriber's row: waiting for its confirmation (sent `now`), or confirmed by the
/// consent that came with a list.
fn new_row(
    subscription: &Subscription,
    (salt, hash): (&str, &str),
    consent: &str,
    status: Status,
    now: DateTime<Utc>,
) -> subscriber::ActiveModel {
    let confirmed = status == Status::Confirmed;
    subscriber::ActiveModel {
        email: Set(subscription.email.as_str().to_owned()),
        lang: Set(subscription.lang.code().to_owned()),
        interests: Set(Interest::write_list(&subscription.interests)),
        status: Set(status.key().to_owned()),
        link_salt: Set(salt.to_owned()),
        link_hash: Set(hash.to_owned()),
        consent: Set(consent.to_owned()),
        created_at: Set(now),
        confirmation_sent_at: Set((!confirmed).then_some(now)),
        confirmed_at: Set(confirmed.then_some(now)),
        unsubscribed_at: Set(None),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// The link a subscription asked for, new: its salt and its token's hash.
pub struct NewLink<'a> {
    pub salt: &'a str,
    pub hash: &'a str,
}

/// Records a subscription asked for through the form, waiting for its confirmation.
pub async fn request(
    txn: &WriteTxn<'_>,
    who: &Who,
    subscription: &Subscription,
    link: NewLink<'_>,
    now: DateTime<Utc>,
) -> DbResult<Subscriber> {
    let model = new_row(
        subscription,
        (link.salt, link.hash),
        FORM_CONSENT,
        Status::Pending,
        now,
    )
    .insert(&**txn)
    .await
    .map_err(conflict_as(ProblemKey::EmailTaken))?;
    audit::record(
        &**txn,
        who,
        "newsletter.request",
        "newsletter_subscriber",
        model.id,
        json!({"lang": model.lang, "interests": model.interests}),
    )
    .await?;
    to_subscriber(model)
}

/// A subscriber who had left asks again: waiting for a confirmation under a new link, with the
/// language and interests asked for now.
pub async fn request_again(
    txn: &WriteTxn<'_>,
    who: &Who,
    id: i64,
    subscription: &Subscription,
    link: NewLink<'_>,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let result = subscriber::Entity::update_many()
        .col_expr(
            subscriber::Column::Status,
            Expr::value(Status::Pending.key()),
        )
        .col_expr(
            subscriber::Column::Lang,
            Expr::value(subscription.lang.code()),
        )
        .col_expr(
            subscriber::Column::Interests,
            Expr::value(Interest::write_list(&subscription.interests)),
        )
        .col_expr(subscriber::Column::LinkSalt, Expr::value(link.salt))
        .col_expr(subscriber::Column::LinkHash, Expr::value(link.hash))
        .col_expr(subscriber::Column::Consent, Expr::value(FORM_CONSENT))
        .col_expr(subscriber::Column::ConfirmationSentAt, Expr::value(now))
        .col_expr(subscriber::Column::UpdatedAt, Expr::value(now))
        .filter(subscriber::Column::Id.eq(id))
        .filter(subscriber::Column::Status.eq(Status::Unsubscribed.key()))
        .exec(&**txn)
        .await?;
    let changed = result.rows_affected == 1;
    if changed {
        audit::record(
            &**txn,
            who,
            "newsletter.request",
            "newsletter_subscriber",
            id,
            json!({"lang": subscription.lang.code(), "again": true}),
        )
        .await?;
    }
    Ok(changed)
}

/// Notes that the confirmation link was sent again to a subscription still waiting.
pub async fn confirmation_resent(txn: &WriteTxn<'_>, id: i64, now: DateTime<Utc>) -> DbResult<()> {
    subscriber::Entity::update_many()
        .col_expr(subscriber::Column::ConfirmationSentAt, Expr::value(now))
        .filter(subscriber::Column::Id.eq(id))
        .filter(subscriber::Column::Status.eq(Status::Pending.key()))
        .exec(&**txn)
        .await?;
    Ok(())
}

/// Moves a subscriber from `from` to `to` (`confirmed_at` or `unsubscribed_at` set to `now`):
/// false when they were no longer in `from`, so the second of two clicks changes nothing.
pub async fn change_status(
    txn: &WriteTxn<'_>,
    who: &Who,
    id: i64,
    from: &[Status],
    to: Status,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let mut update = subscriber::Entity::update_many()
        .col_expr(subscriber::Column::Status, Expr::value(to.key()))
        .col_expr(subscriber::Column::UpdatedAt, Expr::value(now));
    update = match to {
        Status::Confirmed => update.col_expr(subscriber::Column::ConfirmedAt, Expr::value(now)),
        Status::Unsubscribed => {
            update.col_expr(subscriber::Column::UnsubscribedAt, Expr::value(now))
        }
        Status::Pending => update,
    };
    let result = update
        .filter(subscriber::Column::Id.eq(id))
        .filter(subscriber::Column::Status.is_in(from.iter().map(|s| s.key())))
        .exec(&**txn)
        .await?;
    let changed = result.rows_affected == 1;
    if changed {
        audit::record(
            &**txn,
            who,
            &format!("newsletter.{}", to.key()),
            "newsletter_subscriber",
            id,
            json!({"status": to.key()}),
        )
        .await?;
    }
    Ok(changed)
}

/// One line of an imported list: an address whose owner consented elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSubscriber {
    pub subscription: Subscription,
    /// Where and when consent was given.
    pub consent: String,
    pub salt: String,
    pub hash: String,
}

/// Adds an imported list as confirmed subscribers. An address already here keeps its record:
/// one that left stays unsubscribed (an old list never brings back someone who left), one
/// waiting for its confirmation is confirmed by the consent given with the list.
pub async fn import(
    txn: &WriteTxn<'_>,
    who: &Who,
    rows: &[ImportedSubscriber],
    now: DateTime<Utc>,
) -> DbResult<ImportSummary> {
    let mut summary = ImportSummary::default();
    for row in rows {
        let email = row.subscription.email.as_str();
        match by_email(&**txn, email).await? {
            Some(existing) if existing.status == Status::Pending => {
                subscriber::Entity::update_many()
                    .col_expr(
                        subscriber::Column::Status,
                        Expr::value(Status::Confirmed.key()),
                    )
                    .col_expr(
                        subscriber::Column::Consent,
                        Expr::value(row.consent.clone()),
                    )
                    .col_expr(subscriber::Column::ConfirmedAt, Expr::value(now))
                    .col_expr(subscriber::Column::UpdatedAt, Expr::value(now))
                    .filter(subscriber::Column::Id.eq(existing.id))
                    .exec(&**txn)
                    .await?;
                audit::record(
                    &**txn,
                    who,
                    "newsletter.import",
                    "newsletter_subscriber",
                    existing.id,
                    json!({"status": "confirmed"}),
                )
                .await?;
                summary.updated += 1;
            }
            Some(_) => summary.unchanged += 1,
            None => {
                let model = new_row(
                    &row.subscription,
                    (&row.salt, &row.hash),
                    &row.consent,
                    Status::Confirmed,
                    now,
                )
                .insert(&**txn)
                .await?;
                audit::record(
                    &**txn,
                    who,
                    "newsletter.import",
                    "newsletter_subscriber",
                    model.id,
                    json!({"lang": model.lang, "interests": model.interests}),
                )
                .await?;
                summary.created += 1;
            }
        }
    }
    Ok(summary)
}

/// Every subscriber, oldest first (the secretariat's export).
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<Subscriber>> {
    subscriber::Entity::find()
        .order_by_asc(subscriber::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_subscriber)
        .collect()
}

/// How many subscribers there are per state and language.
pub async fn counts(conn: &impl ConnectionTrait) -> DbResult<Vec<(Status, Lang, u64)>> {
    let rows: Vec<(String, String, i64)> = subscriber::Entity::find()
        .select_only()
        .column(subscriber::Column::Status)
        .column(subscriber::Column::Lang)
        .column_as(subscriber::Column::Id.count(), "n")
        .group_by(subscriber::Column::Status)
        .group_by(subscriber::Column::Lang)
        .into_tuple()
        .all(conn)
        .await?;
    let mut counts = Vec::new();
    for (status, lang, n) in rows {
        let status = Status::parse(&status)
            .ok_or_else(|| DbError::Corrupt(format!("newsletter status {status}")))?;
        let lang = lang
            .parse()
            .map_err(|_| DbError::Corrupt(format!("newsletter language {lang}")))?;
        counts.push((status, lang, u64::try_from(n).unwrap_or_default()));
    }
    Ok(counts)
}

/// Forgets the requests still waiting whose confirmation link was sent before `before` (it can
/// no longer be followed): an address whose owner never confirmed is not kept. One audit row
/// counts them.
pub async fn forget_unconfirmed(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: DateTime<Utc>,
) -> DbResult<u64> {
    let result = subscriber::Entity::delete_many()
        .filter(subscriber::Column::Status.eq(Status::Pending.key()))
        .filter(subscriber::Column::ConfirmationSentAt.lt(before))
        .exec(&**txn)
        .await?;
    if result.rows_affected > 0 {
        audit::record(
            &**txn,
            who,
            "newsletter.forget_unconfirmed",
            "newsletter_subscriber",
            0,
            json!({"removed": result.rows_affected}),
        )
        .await?;
    }
    Ok(result.rows_affected)
}

/// How many subscribers there are in all.
pub async fn total(conn: &impl ConnectionTrait) -> DbResult<u64> {
    Ok(subscriber::Entity::find().count(conn).await?)
}
