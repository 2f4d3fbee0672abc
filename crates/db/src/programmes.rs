//! The Leading Cities programmes: a city's programmes, every programme (the secretariat's list),
//! creating one, saving a change against the revision it was made on (optimistic concurrency),
//! and the log of consultations. Each write leaves its audit row. A programme's activities are
//! `activities`, its budget lines `budget`.

pub mod activities;
pub mod budget;
pub mod catalogue;
pub mod dashboard;
pub mod experts;
pub mod inquiries;
pub mod mou;
pub mod plans;

use crate::audit::{self, Who};
use crate::entities::{city, programme, programme_consultation};
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::CityId;
use ateneu_domain::programmes::{ConsultationDraft, Period, ProgrammeDraft, ProgrammeStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use std::collections::HashMap;

/// A stored programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Programme {
    pub id: i64,
    pub city_id: CityId,
    #[serde(flatten)]
    pub draft: ProgrammeDraft,
    /// Send it back with a change: a save made on an older revision is refused.
    pub revision: i64,
    /// Send it back with a change to the budget: its lines have a revision of their own.
    pub budget_revision: i64,
    pub updated_at: DateTime<Utc>,
}

/// A programme with its city's slug and name, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgrammeListItem {
    #[serde(flatten)]
    pub programme: Programme,
    pub city_slug: String,
    /// The city's `TranslatedText` name.
    pub city_name: ateneu_domain::TranslatedText,
}

/// A recorded consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consultation {
    pub id: i64,
    pub programme_id: i64,
    #[serde(flatten)]
    pub draft: ConsultationDraft,
    pub created_at: DateTime<Utc>,
}

fn corrupt(error: impl ToString) -> DbError {
    DbError::Corrupt(error.to_string())
}

fn to_programme(model: programme::Model) -> DbResult<Programme> {
    Ok(Programme {
        id: model.id,
        city_id: CityId::new(model.city_id),
        draft: ProgrammeDraft {
            period: Period {
                starts_on: model.starts_on,
                ends_on: model.ends_on,
                short_reason: model.short_reason,
            },
            status: ProgrammeStatus::parse(&model.status).map_err(|p| corrupt(p.key))?,
            priorities: model.priorities,
        },
        revision: model.revision,
        budget_revision: model.budget_revision,
        updated_at: model.updated_at,
    })
}

fn to_consultation(model: programme_consultation::Model) -> Consultation {
    Consultation {
        id: model.id,
        programme_id: model.programme_id,
        draft: ConsultationDraft {
            held_on: model.held_on,
            city_people: model.city_people,
            secretariat_people: model.secretariat_people,
            notes: model.notes,
            decisions: model.decisions,
            follow_ups: model.follow_ups,
        },
        created_at: model.created_at,
    }
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Programme>> {
    programme::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_programme)
        .transpose()
}

/// A city's programmes, latest period first.
pub async fn of_city(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<Programme>> {
    programme::Entity::find()
        .filter(programme::Column::CityId.eq(city_id.get()))
        .order_by_desc(programme::Column::StartsOn)
        .order_by_desc(programme::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_programme)
        .collect()
}

/// Every programme with its city, by city name then latest period first (the use cases
/// narrow it to what the reader may see).
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<ProgrammeListItem>> {
    let programmes = programme::Entity::find()
        .order_by_desc(programme::Column::StartsOn)
        .order_by_asc(programme::Column::Id)
        .all(conn)
        .await?;
    let ids: Vec<i64> = programmes.iter().map(|p| p.city_id).collect();
    // Only what the list shows of each city: hundreds of programmes read in one query.
    let cities: HashMap<i64, (String, String, String)> = city::Entity::find()
        .select_only()
        .column(city::Column::Id)
        .column(city::Column::SortName)
        .column(city::Column::Slug)
        .column(city::Column::Name)
        .filter(city::Column::Id.is_in(ids))
        .into_tuple::<(i64, String, String, String)>()
        .all(conn)
        .await?
        .into_iter()
        .map(|(id, sort_name, slug, name)| (id, (sort_name, slug, name)))
        .collect();
    let mut items = Vec::with_capacity(programmes.len());
    for model in programmes {
        let (sort_name, slug, name) = cities
            .get(&model.city_id)
            .ok_or_else(|| corrupt("a programme without its city"))?;
        items.push((
            sort_name.clone(),
            ProgrammeListItem {
                programme: to_programme(model)?,
                city_slug: slug.clone(),
                city_name: serde_json::from_str(name).map_err(corrupt)?,
            },
        ));
    }
    // Stable: within a city, the latest period first as read.
    items.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(items.into_iter().map(|(_, item)| item).collect())
}

fn audit_body(draft: &ProgrammeDraft) -> serde_json::Value {
    serde_json::json!({
        "starts_on": draft.period.starts_on,
        "ends_on": draft.period.ends_on,
        "short_reason": draft.period.short_reason,
        "status": draft.status.key(),
        "priorities": draft.priorities,
    })
}

pub async fn create(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    draft: &ProgrammeDraft,
) -> DbResult<Programme> {
    let now = Utc::now();
    let model = programme::ActiveModel {
        city_id: Set(city_id.get()),
        starts_on: Set(draft.period.starts_on),
        ends_on: Set(draft.period.ends_on),
        short_reason: Set(draft.period.short_reason.clone()),
        status: Set(draft.status.key().to_owned()),
        priorities: Set(draft.priorities.clone()),
        revision: Set(1),
        budget_revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    let mut body = audit_body(draft);
    body["city_id"] = city_id.get().into();
    audit::record(&**txn, who, "programme.create", "programme", model.id, body).await?;
    to_programme(model)
}

/// Saves a change made on `revision`; `Conflict(changed_meanwhile)` when someone saved since.
pub async fn update(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Programme,
    revision: i64,
    draft: &ProgrammeDraft,
) -> DbResult<Programme> {
    let result = programme::Entity::update_many()
        .col_expr(
            programme::Column::StartsOn,
            Expr::value(draft.period.starts_on),
        )
        .col_expr(programme::Column::EndsOn, Expr::value(draft.period.ends_on))
        .col_expr(
            programme::Column::ShortReason,
            Expr::value(draft.period.short_reason.clone()),
        )
        .col_expr(programme::Column::Status, Expr::value(draft.status.key()))
        .col_expr(
            programme::Column::Priorities,
            Expr::value(draft.priorities.clone()),
        )
        .col_expr(
            programme::Column::Revision,
            Expr::col(programme::Column::Revision).add(1),
        )
        .col_expr(programme::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(programme::Column::Id.eq(before.id))
        .filter(programme::Column::Revision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    audit::record(
        &**txn,
        who,
        "programme.update",
        "programme",
        before.id,
        serde_json::json!({"before": audit_body(&before.draft), "after": audit_body(draft)}),
    )
    .await?;
    by_id(&**txn, before.id).await?.ok_or(DbError::NotFound)
}

/// A programme's consultations, latest first.
pub async fn consultations(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> DbResult<Vec<Consultation>> {
    Ok(programme_consultation::Entity::find()
        .filter(programme_consultation::Column::ProgrammeId.eq(programme_id))
        .order_by_desc(programme_consultation::Column::HeldOn)
        .order_by_desc(programme_consultation::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_consultation)
        .collect())
}

pub async fn add_consultation(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    draft: &ConsultationDraft,
) -> DbResult<Consultation> {
    let model = programme_consultation::ActiveModel {
        programme_id: Set(programme_id),
        held_on: Set(draft.held_on),
        city_people: Set(draft.city_people.clone()),
        secretariat_people: Set(draft.secretariat_people.clone()),
        notes: Set(draft.notes.clone()),
        decisions: Set(draft.decisions.clone()),
        follow_ups: Set(draft.follow_ups.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "programme.consultation",
        "programme",
        programme_id,
        serde_json::json!({"consultation": model.id, "held_on": draft.held_on}),
    )
    .await?;
    Ok(to_consultation(model))
}
