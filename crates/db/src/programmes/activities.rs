//! A programme's activities: listing them, adding one, saving a change on the revision it was
//! made on. Each write leaves its audit row. The records an activity produces are `links`.

pub mod links;

use crate::audit::{self, Who};
use crate::entities::programme_activity as activity;
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::ProblemKey;
use ateneu_domain::programmes::activities::{ActivityDraft, ActivityStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

/// A stored activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    pub id: i64,
    pub programme_id: i64,
    #[serde(flatten)]
    pub draft: ActivityDraft,
    /// Send it back with a change: a save made on an older revision is refused.
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

pub(crate) fn to_activity(model: activity::Model) -> DbResult<Activity> {
    Ok(Activity {
        id: model.id,
        programme_id: model.programme_id,
        draft: ActivityDraft {
            catalogue_key: model.catalogue_key,
            title: model.title,
            starts_on: model.starts_on,
            ends_on: model.ends_on,
            place: model.place,
            city_leads: model.city_leads,
            secretariat_leads: model.secretariat_leads,
            status: ActivityStatus::parse(&model.status)
                .map_err(|p| DbError::Corrupt(p.key.to_string()))?,
            focus: model.focus,
            specifics: from_json(&model.specifics)?,
        },
        revision: model.revision,
        updated_at: model.updated_at,
    })
}

/// A programme's activities, by their first day.
pub async fn of_programme(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> DbResult<Vec<Activity>> {
    activity::Entity::find()
        .filter(activity::Column::ProgrammeId.eq(programme_id))
        .order_by_asc(activity::Column::StartsOn)
        .order_by_asc(activity::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_activity)
        .collect()
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Activity>> {
    activity::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_activity)
        .transpose()
}

fn specifics_json(draft: &ActivityDraft) -> DbResult<String> {
    to_json(&draft.specifics)
}

fn audit_body(draft: &ActivityDraft) -> serde_json::Value {
    serde_json::to_value(draft).unwrap_or_default()
}

pub async fn create(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    draft: &ActivityDraft,
) -> DbResult<Activity> {
    let now = Utc::now();
    let model = activity::ActiveModel {
        programme_id: Set(programme_id),
        catalogue_key: Set(draft.catalogue_key.clone()),
        title: Set(draft.title.clone()),
        starts_on: Set(draft.starts_on),
        ends_on: Set(draft.ends_on),
        place: Set(draft.place.clone()),
        city_leads: Set(draft.city_leads.clone()),
        secretariat_leads: Set(draft.secretariat_leads.clone()),
        status: Set(draft.status.key().to_owned()),
        focus: Set(draft.focus.clone()),
        specifics: Set(specifics_json(draft)?),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    let mut body = audit_body(draft);
    body["programme_id"] = programme_id.into();
    audit::record(&**txn, who, "activity.create", "activity", model.id, body).await?;
    to_activity(model)
}

/// Saves a change made on `revision`; `Conflict(changed_meanwhile)` when someone saved since.
pub async fn update(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Activity,
    revision: i64,
    draft: &ActivityDraft,
) -> DbResult<Activity> {
    let result = activity::Entity::update_many()
        .col_expr(
            activity::Column::CatalogueKey,
            Expr::value(draft.catalogue_key.clone()),
        )
        .col_expr(activity::Column::Title, Expr::value(draft.title.clone()))
        .col_expr(activity::Column::StartsOn, Expr::value(draft.starts_on))
        .col_expr(activity::Column::EndsOn, Expr::value(draft.ends_on))
        .col_expr(activity::Column::Place, Expr::value(draft.place.clone()))
        .col_expr(
            activity::Column::CityLeads,
            Expr::value(draft.city_leads.clone()),
        )
        .col_expr(
            activity::Column::SecretariatLeads,
            Expr::value(draft.secretariat_leads.clone()),
        )
        .col_expr(activity::Column::Status, Expr::value(draft.status.key()))
        .col_expr(activity::Column::Focus, Expr::value(draft.focus.clone()))
        .col_expr(
            activity::Column::Specifics,
            Expr::value(specifics_json(draft)?),
        )
        .col_expr(
            activity::Column::Revision,
            Expr::col(activity::Column::Revision).add(1),
        )
        .col_expr(activity::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(activity::Column::Id.eq(before.id))
        .filter(activity::Column::Revision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    audit::record(
        &**txn,
        who,
        "activity.update",
        "activity",
        before.id,
        serde_json::json!({"before": audit_body(&before.draft), "after": audit_body(draft)}),
    )
    .await?;
    by_id(&**txn, before.id).await?.ok_or(DbError::NotFound)
}
