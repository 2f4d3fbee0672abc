//! The roster of experts and their engagements on a programme's activities: listing, adding,
//! saving a change on the revision it was made on, removing an engagement. Each write leaves
//! its audit row.

use crate::audit::{self, Who};
use crate::entities::{expert, expert_engagement as engagement};
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::AccountId;
use ateneu_domain::programmes::budget::Currency;
use ateneu_domain::programmes::experts::{EngagementDraft, ExpertDraft, ExpertRole, Fee};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

/// An expert of the roster as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expert {
    pub id: i64,
    #[serde(flatten)]
    pub draft: ExpertDraft,
    /// Send it back with a change: a save made on an older revision is refused.
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

/// An engagement as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Engagement {
    pub id: i64,
    pub programme_id: i64,
    pub activity_id: i64,
    #[serde(flatten)]
    pub draft: EngagementDraft,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

fn to_expert(model: expert::Model) -> DbResult<Expert> {
    Ok(Expert {
        id: model.id,
        draft: ExpertDraft {
            name: model.name,
            organisation: model.organisation,
            email: model.email,
            languages: from_json(&model.languages)?,
            fields: from_json(&model.fields)?,
            themes: from_json(&model.themes)?,
            biography: model.biography,
            user_id: model.user_id,
        },
        revision: model.revision,
        updated_at: model.updated_at,
    })
}

fn to_engagement(model: engagement::Model) -> DbResult<Engagement> {
    let corrupt = |p: ateneu_domain::Problem| DbError::Corrupt(p.key.to_string());
    let fee = match (model.fee_currency, model.fee_minor) {
        (Some(code), Some(minor)) => Some(Fee {
            currency: Currency::parse(&code).map_err(corrupt)?,
            minor,
        }),
        _ => None,
    };
    Ok(Engagement {
        id: model.id,
        programme_id: model.programme_id,
        activity_id: model.activity_id,
        draft: EngagementDraft {
            expert_id: model.expert_id,
            role: ExpertRole::parse(&model.role).map_err(corrupt)?,
            starts_on: model.starts_on,
            ends_on: model.ends_on,
            fee,
            note: model.note,
        },
        revision: model.revision,
        updated_at: model.updated_at,
    })
}

/// The whole roster, by name.
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<Expert>> {
    expert::Entity::find()
        .order_by_asc(expert::Column::Name)
        .order_by_asc(expert::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_expert)
        .collect()
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Expert>> {
    expert::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_expert)
        .transpose()
}

/// The expert whose account this is, if any.
pub async fn by_user(conn: &impl ConnectionTrait, user_id: AccountId) -> DbResult<Option<Expert>> {
    expert::Entity::find()
        .filter(expert::Column::UserId.eq(user_id.get()))
        .one(conn)
        .await?
        .map(to_expert)
        .transpose()
}

fn audit_body<T: Serialize>(draft: &T) -> serde_json::Value {
    serde_json::to_value(draft).unwrap_or_default()
}

pub async fn create(txn: &WriteTxn<'_>, who: &Who, draft: &ExpertDraft) -> DbResult<Expert> {
    let now = Utc::now();
    let model = expert::ActiveModel {
        name: Set(draft.name.clone()),
        organisation: Set(draft.organisation.clone()),
        email: Set(draft.email.clone()),
        languages: Set(to_json(&draft.languages)?),
        fields: Set(to_json(&draft.fields)?),
        themes: Set(to_json(&draft.themes)?),
        biography: Set(draft.biography.clone()),
        user_id: Set(draft.user_id),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&**txn)
    .await
    .map_err(crate::conflict_as(ProblemKey::AccountLinkedElsewhere))?;
    audit::record(
        &**txn,
        who,
        "expert.create",
        "expert",
        model.id,
        audit_body(draft),
    )
    .await?;
    to_expert(model)
}

/// Saves a change made on `revision`; `Conflict(changed_meanwhile)` when someone saved since.
pub async fn update(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Expert,
    revision: i64,
    draft: &ExpertDraft,
) -> DbResult<Expert> {
    let result = expert::Entity::update_many()
        .col_expr(expert::Column::Name, Expr::value(draft.name.clone()))
        .col_expr(
            expert::Column::Organisation,
            Expr::value(draft.organisation.clone()),
        )
        .col_expr(expert::Column::Email, Expr::value(draft.email.clone()))
        .col_expr(
            expert::Column::Languages,
            Expr::value(to_json(&draft.languages)?),
        )
        .col_expr(expert::Column::Fields, Expr::value(to_json(&draft.fields)?))
        .col_expr(expert::Column::Themes, Expr::value(to_json(&draft.themes)?))
        .col_expr(
            expert::Column::Biography,
            Expr::value(draft.biography.clone()),
        )
        .col_expr(expert::Column::UserId, Expr::value(draft.user_id))
        .col_expr(
            expert::Column::Revision,
            Expr::col(expert::Column::Revision).add(1),
        )
        .col_expr(expert::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(expert::Column::Id.eq(before.id))
        .filter(expert::Column::Revision.eq(revision))
        .exec(&**txn)
        .await
        .map_err(crate::conflict_as(ProblemKey::AccountLinkedElsewhere))?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    audit::record(
        &**txn,
        who,
        "expert.update",
        "expert",
        before.id,
        serde_json::json!({"before": audit_body(&before.draft), "after": audit_body(draft)}),
    )
    .await?;
    by_id(&**txn, before.id).await?.ok_or(DbError::NotFound)
}

/// An activity's engagements, by their first day.
pub async fn of_activity(
    conn: &impl ConnectionTrait,
    activity_id: i64,
) -> DbResult<Vec<Engagement>> {
    engagement::Entity::find()
        .filter(engagement::Column::ActivityId.eq(activity_id))
        .order_by_asc(engagement::Column::StartsOn)
        .order_by_asc(engagement::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_engagement)
        .collect()
}

/// An expert's engagements, latest first.
pub async fn of_expert(conn: &impl ConnectionTrait, expert_id: i64) -> DbResult<Vec<Engagement>> {
    engagement::Entity::find()
        .filter(engagement::Column::ExpertId.eq(expert_id))
        .order_by_desc(engagement::Column::StartsOn)
        .order_by_desc(engagement::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_engagement)
        .collect()
}

pub async fn engagement_by_id(
    conn: &impl ConnectionTrait,
    id: i64,
) -> DbResult<Option<Engagement>> {
    engagement::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_engagement)
        .transpose()
}

pub async fn engage(
    txn: &WriteTxn<'_>,
    who: &Who,
    (programme_id, activity_id): (i64, i64),
    draft: &EngagementDraft,
) -> DbResult<Engagement> {
    let now = Utc::now();
    let model = engagement::ActiveModel {
        programme_id: Set(programme_id),
        activity_id: Set(activity_id),
        expert_id: Set(draft.expert_id),
        role: Set(draft.role.key().to_owned()),
        starts_on: Set(draft.starts_on),
        ends_on: Set(draft.ends_on),
        fee_currency: Set(draft.fee.as_ref().map(|f| f.currency.code().to_owned())),
        fee_minor: Set(draft.fee.as_ref().map(|f| f.minor)),
        note: Set(draft.note.clone()),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    let mut body = audit_body(draft);
    body["activity_id"] = activity_id.into();
    audit::record(
        &**txn,
        who,
        "engagement.create",
        "engagement",
        model.id,
        body,
    )
    .await?;
    to_engagement(model)
}

/// Saves a change made on `revision`; `Conflict(changed_meanwhile)` when someone saved since.
pub async fn update_engagement(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Engagement,
    revision: i64,
    draft: &EngagementDraft,
) -> DbResult<Engagement> {
    let result = engagement::Entity::update_many()
        .col_expr(engagement::Column::ExpertId, Expr::value(draft.expert_id))
        .col_expr(engagement::Column::Role, Expr::value(draft.role.key()))
        .col_expr(engagement::Column::StartsOn, Expr::value(draft.starts_on))
        .col_expr(engagement::Column::EndsOn, Expr::value(draft.ends_on))
        .col_expr(
            engagement::Column::FeeCurrency,
            Expr::value(draft.fee.as_ref().map(|f| f.currency.code().to_owned())),
        )
        .col_expr(
            engagement::Column::FeeMinor,
            Expr::value(draft.fee.as_ref().map(|f| f.minor)),
        )
        .col_expr(engagement::Column::Note, Expr::value(draft.note.clone()))
        .col_expr(
            engagement::Column::Revision,
            Expr::col(engagement::Column::Revision).add(1),
        )
        .col_expr(engagement::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(engagement::Column::Id.eq(before.id))
        .filter(engagement::Column::Revision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    audit::record(
        &**txn,
        who,
        "engagement.update",
        "engagement",
        before.id,
        serde_json::json!({"before": audit_body(&before.draft), "after": audit_body(draft)}),
    )
    .await?;
    engagement_by_id(&**txn, before.id)
        .await?
        .ok_or(DbError::NotFound)
}

/// Removes an engagement (its audit row names what went; nothing when nothing went).
pub async fn remove_engagement(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Engagement,
) -> DbResult<bool> {
    let removed = engagement::Entity::delete_by_id(before.id)
        .exec(&**txn)
        .await?
        .rows_affected;
    audit::record_removal(
        &**txn,
        who,
        removed,
        ("engagement.remove", "engagement", before.id),
        serde_json::json!({"activity_id": before.activity_id, "draft": audit_body(&before.draft)}),
    )
    .await
}
