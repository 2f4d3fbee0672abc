//! The newsletter's issues as stored: drafts written and changed while they are drafts, the
//! editions frozen and one delivery row per confirmed subscriber made in the transaction that
//! starts the sending, the lease of the process sending it, the end of the sending with the
//! dissemination-log entries of what it carried, and the archive of sent issues. Each write
//! leaves its audit row. The queue of copies is `deliveries`.

use crate::audit::{self, Who};
use crate::entities::newsletter_subscriber as subscriber;
use crate::entities::{newsletter_delivery as delivery, newsletter_issue as issue};
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::Lang;
use ateneu_domain::newsletter::Status;
use ateneu_domain::newsletter::issues::{
    DeliveryStatus, Edition, IssueDraft, IssueStatus, ItemRef,
};
use ateneu_domain::programmes::outputs::DisseminationDraft;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

/// An issue as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub id: i64,
    pub status: IssueStatus,
    pub draft: IssueDraft,
    /// The editions frozen when sending started, one per language.
    pub editions: Vec<Edition>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub sending_started_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl Issue {
    /// The edition of one language (every sent issue has all three).
    pub fn edition(&self, lang: Lang) -> Option<&Edition> {
        self.editions.iter().find(|e| e.lang == lang)
    }
}

fn corrupt(what: &str) -> impl Fn(serde_json::Error) -> DbError + '_ {
    move |e| DbError::Corrupt(format!("newsletter issue {what}: {e}"))
}

fn to_issue(m: issue::Model) -> DbResult<Issue> {
    let mut draft = IssueDraft::default();
    for (lang, title, editorial) in [
        (Lang::En, &m.title_en, &m.editorial_en),
        (Lang::Fr, &m.title_fr, &m.editorial_fr),
        (Lang::Es, &m.title_es, &m.editorial_es),
    ] {
        if !title.is_empty() {
            draft.titles.insert(lang, title.clone());
        }
        if !editorial.is_empty() {
            draft.editorials.insert(lang, editorial.clone());
        }
    }
    draft.items = serde_json::from_str(&m.items).map_err(corrupt("items"))?;
    let editions = match &m.editions {
        Some(text) => serde_json::from_str(text).map_err(corrupt("editions"))?,
        None => Vec::new(),
    };
    Ok(Issue {
        id: m.id,
        status: IssueStatus::parse(&m.status)
            .map_err(|_| DbError::Corrupt(format!("newsletter issue status {}", m.status)))?,
        draft,
        editions,
        created_at: m.created_at,
        updated_at: m.updated_at,
        sending_started_at: m.sending_started_at,
        sent_at: m.sent_at,
    })
}

fn texts(map: &BTreeMap<Lang, String>, lang: Lang) -> String {
    map.get(&lang).cloned().unwrap_or_default()
}

fn items_json(items: &[ItemRef]) -> DbResult<String> {
    serde_json::to_string(items).map_err(|e| DbError::Corrupt(e.to_string()))
}

pub async fn create(txn: &WriteTxn<'_>, who: &Who, draft: &IssueDraft) -> DbResult<Issue> {
    let now = Utc::now();
    let model = issue::ActiveModel {
        status: Set(IssueStatus::Draft.key().to_owned()),
        title_en: Set(texts(&draft.titles, Lang::En)),
        title_fr: Set(texts(&draft.titles, Lang::Fr)),
        title_es: Set(texts(&draft.titles, Lang::Es)),
        editorial_en: Set(texts(&draft.editorials, Lang::En)),
        editorial_fr: Set(texts(&draft.editorials, Lang::Fr)),
        editorial_es: Set(texts(&draft.editorials, Lang::Es)),
        items: Set(items_json(&draft.items)?),
        editions: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        sending_started_at: Set(None),
        sent_at: Set(None),
        lease_by: Set(None),
        lease_until: Set(None),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "newsletter.issue.create",
        "newsletter_issue",
        model.id,
        json!(draft),
    )
    .await?;
    to_issue(model)
}

/// Changes a draft; false when the issue is no longer a draft (its sending has started).
pub async fn update(txn: &WriteTxn<'_>, who: &Who, id: i64, draft: &IssueDraft) -> DbResult<bool> {
    let mut update = issue::Entity::update_many();
    for (column, texts_of, lang) in [
        (issue::Column::TitleEn, &draft.titles, Lang::En),
        (issue::Column::TitleFr, &draft.titles, Lang::Fr),
        (issue::Column::TitleEs, &draft.titles, Lang::Es),
        (issue::Column::EditorialEn, &draft.editorials, Lang::En),
        (issue::Column::EditorialFr, &draft.editorials, Lang::Fr),
        (issue::Column::EditorialEs, &draft.editorials, Lang::Es),
    ] {
        update = update.col_expr(column, Expr::value(texts(texts_of, lang)));
    }
    let result = update
        .col_expr(issue::Column::Items, Expr::value(items_json(&draft.items)?))
        .col_expr(issue::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(issue::Column::Id.eq(id))
        .filter(issue::Column::Status.eq(IssueStatus::Draft.key()))
        .exec(&**txn)
        .await?;
    if result.rows_affected == 0 {
        return Ok(false);
    }
    audit::record(
        &**txn,
        who,
        "newsletter.issue.update",
        "newsletter_issue",
        id,
        json!(draft),
    )
    .await?;
    Ok(true)
}

/// Deletes a draft; false when the issue is not a draft.
pub async fn delete_draft(txn: &WriteTxn<'_>, who: &Who, id: i64) -> DbResult<bool> {
    let result = issue::Entity::delete_many()
        .filter(issue::Column::Id.eq(id))
        .filter(issue::Column::Status.eq(IssueStatus::Draft.key()))
        .exec(&**txn)
        .await?;
    if result.rows_affected > 0 {
        audit::record(
            &**txn,
            who,
            "newsletter.issue.delete",
            "newsletter_issue",
            id,
            json!({}),
        )
        .await?;
    }
    Ok(result.rows_affected > 0)
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Issue>> {
    issue::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_issue)
        .transpose()
}

/// Every issue, newest first (the secretariat's list).
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<Issue>> {
    issue::Entity::find()
        .order_by_desc(issue::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_issue)
        .collect()
}

/// The sent issues, last sent first (the public archive), at most `limit`.
pub async fn sent(conn: &impl ConnectionTrait, limit: u64) -> DbResult<Vec<Issue>> {
    issue::Entity::find()
        .filter(issue::Column::Status.eq(IssueStatus::Sent.key()))
        .order_by_desc(issue::Column::SentAt)
        .order_by_desc(issue::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(to_issue)
        .collect()
}

/// The ids of the issues whose sending started and has not finished (resumed at start-up).
pub async fn sending(conn: &impl ConnectionTrait) -> DbResult<Vec<i64>> {
    Ok(issue::Entity::find()
        .select_only()
        .column(issue::Column::Id)
        .filter(issue::Column::Status.eq(IssueStatus::Sending.key()))
        .order_by_asc(issue::Column::Id)
        .into_tuple()
        .all(conn)
        .await?)
}

/// Starts sending a draft: its editions are frozen, and one queued delivery is made for every
/// subscriber confirmed now, in one statement (the list is never held in memory). Returns how
/// many deliveries were made, or None when the issue was not a draft.
pub async fn start_sending(
    txn: &WriteTxn<'_>,
    who: &Who,
    id: i64,
    editions: &[Edition],
) -> DbResult<Option<u64>> {
    let now = Utc::now();
    let frozen = serde_json::to_string(editions).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let result = issue::Entity::update_many()
        .col_expr(
            issue::Column::Status,
            Expr::value(IssueStatus::Sending.key()),
        )
        .col_expr(issue::Column::Editions, Expr::value(frozen))
        .col_expr(issue::Column::SendingStartedAt, Expr::value(now))
        .col_expr(issue::Column::UpdatedAt, Expr::value(now))
        .filter(issue::Column::Id.eq(id))
        .filter(issue::Column::Status.eq(IssueStatus::Draft.key()))
        .exec(&**txn)
        .await?;
    if result.rows_affected == 0 {
        return Ok(None);
    }
    let mut confirmed = Query::select();
    confirmed
        .expr(Expr::val(id))
        .column(subscriber::Column::Id)
        .expr(Expr::val(DeliveryStatus::Queued.key()))
        .expr(Expr::val(now))
        .from(subscriber::Entity)
        .and_where(subscriber::Column::Status.eq(Status::Confirmed.key()));
    let mut insert = Query::insert();
    insert
        .into_table(delivery::Entity)
        .columns([
            delivery::Column::IssueId,
            delivery::Column::SubscriberId,
            delivery::Column::Status,
            delivery::Column::UpdatedAt,
        ])
        .select_from(confirmed)
        .map_err(|e| DbError::Corrupt(e.to_string()))?;
    let backend = txn.get_database_backend();
    let made = txn
        .execute_raw(backend.build(&insert))
        .await?
        .rows_affected();
    audit::record(
        &**txn,
        who,
        "newsletter.issue.send",
        "newsletter_issue",
        id,
        json!({"deliveries": made}),
    )
    .await?;
    Ok(Some(made))
}

/// Takes (or renews) the lease of the process `by` on sending an issue until `until`: false
/// while another process holds an unexpired lease (it is sending the issue).
pub async fn take_lease(
    txn: &WriteTxn<'_>,
    id: i64,
    by: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> DbResult<bool> {
    use sea_orm::Condition;
    let free = Condition::any()
        .add(issue::Column::LeaseUntil.is_null())
        .add(issue::Column::LeaseUntil.lt(now))
        .add(issue::Column::LeaseBy.eq(by));
    let result = issue::Entity::update_many()
        .col_expr(issue::Column::LeaseBy, Expr::value(by))
        .col_expr(issue::Column::LeaseUntil, Expr::value(until))
        .filter(issue::Column::Id.eq(id))
        .filter(free)
        .exec(&**txn)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Marks a sending issue sent, and logs every practice and output it carried in their
/// dissemination logs (once: false when the issue was not sending).
pub async fn finish(
    txn: &WriteTxn<'_>,
    who: &Who,
    id: i64,
    practices: &[(i64, DisseminationDraft)],
    outputs: &[(i64, DisseminationDraft)],
) -> DbResult<bool> {
    let now = Utc::now();
    let result = issue::Entity::update_many()
        .col_expr(issue::Column::Status, Expr::value(IssueStatus::Sent.key()))
        .col_expr(issue::Column::SentAt, Expr::value(now))
        .col_expr(issue::Column::UpdatedAt, Expr::value(now))
        .filter(issue::Column::Id.eq(id))
        .filter(issue::Column::Status.eq(IssueStatus::Sending.key()))
        .exec(&**txn)
        .await?;
    if result.rows_affected == 0 {
        return Ok(false);
    }
    // A practice or output deleted since the issue went out has no log to write to.
    for (practice_id, entry) in practices {
        let id = ateneu_domain::ids::PracticeId::new(*practice_id);
        if crate::practices::get(&**txn, id).await?.is_some() {
            crate::practices::disseminations::add(txn, who, *practice_id, entry).await?;
        }
    }
    for (output_id, entry) in outputs {
        let id = ateneu_domain::ids::OutputId::new(*output_id);
        if crate::outputs::by_id(&**txn, id).await?.is_some() {
            crate::outputs::add_dissemination(txn, who, id, entry).await?;
        }
    }
    audit::record(
        &**txn,
        who,
        "newsletter.issue.sent",
        "newsletter_issue",
        id,
        json!({}),
    )
    .await?;
    Ok(true)
}
