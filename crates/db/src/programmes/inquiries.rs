//! The inquiries a city sends the secretariat about its programme, in storage: sent, answered
//! on the revision they were read on, listed by programme or still open across programmes.
//! Each write leaves its audit row.

use crate::audit::{self, Who};
use crate::entities::programme_inquiry as inquiry;
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::AccountId;
use ateneu_domain::programmes::inquiries::{InquiryDraft, InquiryStatus, ReplyDraft};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

/// An inquiry as stored, with its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inquiry {
    pub id: i64,
    pub programme_id: i64,
    pub subject: String,
    pub message: String,
    pub status: InquiryStatus,
    /// Who sent it (their address).
    pub asked_by: String,
    pub asked_at: DateTime<Utc>,
    pub answer: String,
    /// Who answered it (their address).
    pub answered_by: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Send it back with an answer: an answer made on an older revision is refused.
    pub revision: i64,
}

fn to_inquiry(m: inquiry::Model) -> DbResult<Inquiry> {
    Ok(Inquiry {
        id: m.id,
        programme_id: m.programme_id,
        subject: m.subject,
        message: m.message,
        status: InquiryStatus::parse(&m.status).map_err(|p| DbError::Corrupt(p.key.to_string()))?,
        asked_by: m.asked_by_label,
        asked_at: m.asked_at,
        answer: m.answer,
        answered_by: m.answered_by_label,
        answered_at: m.answered_at,
        revision: m.revision,
    })
}

/// A programme's inquiries, newest first.
pub async fn of_programme(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> DbResult<Vec<Inquiry>> {
    inquiry::Entity::find()
        .filter(inquiry::Column::ProgrammeId.eq(programme_id))
        .order_by_desc(inquiry::Column::AskedAt)
        .order_by_desc(inquiry::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_inquiry)
        .collect()
}

/// Every programme's open inquiries, oldest first (the caller keeps those the reader may see).
pub async fn open(conn: &impl ConnectionTrait) -> DbResult<Vec<Inquiry>> {
    inquiry::Entity::find()
        .filter(inquiry::Column::Status.eq(InquiryStatus::Open.key()))
        .order_by_asc(inquiry::Column::AskedAt)
        .order_by_asc(inquiry::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_inquiry)
        .collect()
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Inquiry>> {
    inquiry::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_inquiry)
        .transpose()
}

/// Records an inquiry, open.
pub async fn send(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    draft: &InquiryDraft,
) -> DbResult<Inquiry> {
    let model = inquiry::ActiveModel {
        programme_id: Set(programme_id),
        subject: Set(draft.subject.clone()),
        message: Set(draft.message.clone()),
        status: Set(InquiryStatus::Open.key().to_owned()),
        asked_by: Set(who.user_id.map(AccountId::get)),
        asked_by_label: Set(who.label.clone()),
        asked_at: Set(Utc::now()),
        answer: Set(String::new()),
        answered_by: Set(None),
        answered_by_label: Set(None),
        answered_at: Set(None),
        revision: Set(1),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "programme.inquiry.send",
        "programme",
        programme_id,
        serde_json::json!({"inquiry": model.id, "subject": draft.subject}),
    )
    .await?;
    to_inquiry(model)
}

/// Records the secretariat's reply made on `revision`; `Conflict(changed_meanwhile)` when
/// someone answered since. The answerer and the time are kept when there is an answer.
pub async fn reply(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Inquiry,
    revision: i64,
    draft: &ReplyDraft,
) -> DbResult<Inquiry> {
    let mut update = inquiry::Entity::update_many()
        .col_expr(inquiry::Column::Status, Expr::value(draft.status.key()))
        .col_expr(inquiry::Column::Answer, Expr::value(draft.answer.clone()))
        .col_expr(
            inquiry::Column::Revision,
            Expr::col(inquiry::Column::Revision).add(1),
        );
    if draft.answer != before.answer {
        update = update
            .col_expr(
                inquiry::Column::AnsweredBy,
                Expr::value(who.user_id.map(AccountId::get)),
            )
            .col_expr(
                inquiry::Column::AnsweredByLabel,
                Expr::value(Some(who.label.clone())),
            )
            .col_expr(inquiry::Column::AnsweredAt, Expr::value(Some(Utc::now())));
    }
    let result = update
        .filter(inquiry::Column::Id.eq(before.id))
        .filter(inquiry::Column::Revision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    audit::record(
        &**txn,
        who,
        "programme.inquiry.reply",
        "programme",
        before.programme_id,
        serde_json::json!({"inquiry": before.id, "status": draft.status.key(),
                           "before": before.status.key()}),
    )
    .await?;
    by_id(&**txn, before.id).await?.ok_or(DbError::NotFound)
}
