//! The events calendar's storage: events, the availability requests sent to cities with their
//! answers, the reminders sent (one per request and day, kept by a unique key), and the
//! representatives confirmed. Writes that two people could make at once take the revision
//! they were made on; each write leaves its audit row.

use crate::audit::{self, Who};
use crate::entities::{event, event_reminder, event_representative, event_request};
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::ProblemKey;
use ateneu_domain::events::{
    AnswerDraft, Availability, EventDraft, EventKind, RepresentationDraft,
};
use ateneu_domain::ids::CityId;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, Set, TryInsertResult,
};
use serde::Serialize;

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: i64,
    #[serde(flatten)]
    pub draft: EventDraft,
    /// Send it back with a change: a save made on an older revision is refused.
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

/// An availability request sent to a city, with its answer once given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    pub id: i64,
    pub event_id: i64,
    pub city_id: CityId,
    /// The last day the city may answer.
    pub deadline: NaiveDate,
    pub answer: Option<AnswerDraft>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Send it back with an answer: an answer made on an older revision is refused.
    pub revision: i64,
}

/// A representative the secretariat confirmed for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Representative {
    pub id: i64,
    pub event_id: i64,
    pub city_id: CityId,
    #[serde(flatten)]
    pub draft: RepresentationDraft,
}

fn corrupt(problem: ateneu_domain::Problem) -> DbError {
    DbError::Corrupt(problem.key.to_string())
}

fn to_event(m: event::Model) -> DbResult<Event> {
    Ok(Event {
        id: m.id,
        draft: EventDraft {
            title: from_json(&m.title)?,
            kind: EventKind::parse(&m.kind).map_err(corrupt)?,
            place: m.place,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            link: m.link,
            description: m.description,
        },
        revision: m.revision,
        updated_at: m.updated_at,
    })
}

fn to_request(m: event_request::Model) -> DbResult<Request> {
    let answer = match m.availability.as_deref() {
        Some(key) => Some(AnswerDraft {
            availability: Availability::parse(key).map_err(corrupt)?,
            representative_name: m.representative_name,
            representative_position: m.representative_position,
            comment: m.comment,
        }),
        None => None,
    };
    Ok(Request {
        id: m.id,
        event_id: m.event_id,
        city_id: CityId::new(m.city_id),
        deadline: m.deadline,
        answer,
        answered_at: m.answered_at,
        revision: m.revision,
    })
}

fn to_representative(m: event_representative::Model) -> Representative {
    Representative {
        id: m.id,
        event_id: m.event_id,
        city_id: CityId::new(m.city_id),
        draft: RepresentationDraft {
            name: m.name,
            position: m.position,
        },
    }
}

/// Every event, by its first day.
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<Event>> {
    event::Entity::find()
        .order_by_asc(event::Column::StartsOn)
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_event)
        .collect()
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Event>> {
    event::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_event)
        .transpose()
}

/// These events, by their first day.
pub async fn by_ids(conn: &impl ConnectionTrait, ids: &[i64]) -> DbResult<Vec<Event>> {
    event::Entity::find()
        .filter(event::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(event::Column::StartsOn)
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_event)
        .collect()
}

fn audit_body<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

pub async fn create(txn: &WriteTxn<'_>, who: &Who, draft: &EventDraft) -> DbResult<Event> {
    let now = Utc::now();
    let model = event::ActiveModel {
        title: Set(to_json(&draft.title)?),
        kind: Set(draft.kind.key().to_owned()),
        place: Set(draft.place.clone()),
        starts_on: Set(draft.starts_on),
        ends_on: Set(draft.ends_on),
        link: Set(draft.link.clone()),
        description: Set(draft.description.clone()),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "event.create",
        "event",
        model.id,
        audit_body(draft),
    )
    .await?;
    to_event(model)
}

/// Saves a change made on `revision`; `Conflict(changed_meanwhile)` when someone saved since.
pub async fn update(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Event,
    revision: i64,
    draft: &EventDraft,
) -> DbResult<Event> {
    let result = event::Entity::update_many()
        .col_expr(event::Column::Title, Expr::value(to_json(&draft.title)?))
        .col_expr(event::Column::Kind, Expr::value(draft.kind.key()))
        .col_expr(event::Column::Place, Expr::value(draft.place.clone()))
        .col_expr(event::Column::StartsOn, Expr::value(draft.starts_on))
        .col_expr(event::Column::EndsOn, Expr::value(draft.ends_on))
        .col_expr(event::Column::Link, Expr::value(draft.link.clone()))
        .col_expr(
            event::Column::Description,
            Expr::value(draft.description.clone()),
        )
        .col_expr(
            event::Column::Revision,
            Expr::col(event::Column::Revision).add(1),
        )
        .col_expr(event::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(event::Column::Id.eq(before.id))
        .filter(event::Column::Revision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    audit::record(
        &**txn,
        who,
        "event.update",
        "event",
        before.id,
        serde_json::json!({"before": audit_body(&before.draft), "after": audit_body(draft)}),
    )
    .await?;
    by_id(&**txn, before.id).await?.ok_or(DbError::NotFound)
}

/// An event's requests, by city id.
pub async fn requests_of_event(
    conn: &impl ConnectionTrait,
    event_id: i64,
) -> DbResult<Vec<Request>> {
    event_request::Entity::find()
        .filter(event_request::Column::EventId.eq(event_id))
        .order_by_asc(event_request::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_request)
        .collect()
}

/// A city's requests, by deadline.
pub async fn requests_of_city(
    conn: &impl ConnectionTrait,
    city_id: CityId,
) -> DbResult<Vec<Request>> {
    event_request::Entity::find()
        .filter(event_request::Column::CityId.eq(city_id.get()))
        .order_by_asc(event_request::Column::Deadline)
        .order_by_asc(event_request::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_request)
        .collect()
}

/// Every request without an answer, by deadline.
pub async fn unanswered(conn: &impl ConnectionTrait) -> DbResult<Vec<Request>> {
    event_request::Entity::find()
        .filter(event_request::Column::Availability.is_null())
        .order_by_asc(event_request::Column::Deadline)
        .order_by_asc(event_request::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_request)
        .collect()
}

pub async fn request_by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Request>> {
    event_request::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_request)
        .transpose()
}

/// Asks a city for its availability by `deadline`; a city already asked keeps its request
/// (returned as it is, with `false`).
pub async fn ask(
    txn: &WriteTxn<'_>,
    who: &Who,
    event_id: i64,
    city_id: CityId,
    deadline: NaiveDate,
) -> DbResult<(Request, bool)> {
    let now = Utc::now();
    // The unique key (event, city) keeps a city's request as it is when asked again.
    let inserted = event_request::Entity::insert(event_request::ActiveModel {
        event_id: Set(event_id),
        city_id: Set(city_id.get()),
        deadline: Set(deadline),
        availability: Set(None),
        representative_name: Set(String::new()),
        representative_position: Set(String::new()),
        comment: Set(String::new()),
        answered_at: Set(None),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        event_request::Column::EventId,
        event_request::Column::CityId,
    ])
    .exec(&**txn)
    .await?;
    let new = matches!(inserted, TryInsertResult::Inserted(_));
    let model = event_request::Entity::find()
        .filter(event_request::Column::EventId.eq(event_id))
        .filter(event_request::Column::CityId.eq(city_id.get()))
        .one(&**txn)
        .await?
        .ok_or(DbError::NotFound)?;
    if !new {
        return Ok((to_request(model)?, false));
    }
    audit::record(
        &**txn,
        who,
        "event.ask",
        "event_request",
        model.id,
        serde_json::json!({"event_id": event_id, "city_id": city_id, "deadline": deadline}),
    )
    .await?;
    Ok((to_request(model)?, true))
}

/// Records a city's answer made on `revision`; `Conflict(changed_meanwhile)` when someone
/// answered or the deadline moved since.
pub async fn answer(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Request,
    revision: i64,
    draft: &AnswerDraft,
) -> DbResult<Request> {
    let now = Utc::now();
    let result = event_request::Entity::update_many()
        .col_expr(
            event_request::Column::Availability,
            Expr::value(Some(draft.availability.key().to_owned())),
        )
        .col_expr(
            event_request::Column::RepresentativeName,
            Expr::value(draft.representative_name.clone()),
        )
        .col_expr(
            event_request::Column::RepresentativePosition,
            Expr::value(draft.representative_position.clone()),
        )
        .col_expr(
            event_request::Column::Comment,
            Expr::value(draft.comment.clone()),
        )
        .col_expr(event_request::Column::AnsweredAt, Expr::value(Some(now)))
        .col_expr(
            event_request::Column::Revision,
            Expr::col(event_request::Column::Revision).add(1),
        )
        .col_expr(event_request::Column::UpdatedAt, Expr::value(now))
        .filter(event_request::Column::Id.eq(before.id))
        .filter(event_request::Column::Revision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    audit::record(
        &**txn,
        who,
        "event.answer",
        "event_request",
        before.id,
        serde_json::json!({"before": before.answer, "after": draft}),
    )
    .await?;
    request_by_id(&**txn, before.id)
        .await?
        .ok_or(DbError::NotFound)
}

/// Gives a request a new deadline (the secretariat reopens it).
pub async fn reopen(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Request,
    deadline: NaiveDate,
) -> DbResult<Request> {
    event_request::Entity::update_many()
        .col_expr(event_request::Column::Deadline, Expr::value(deadline))
        .col_expr(
            event_request::Column::Revision,
            Expr::col(event_request::Column::Revision).add(1),
        )
        .col_expr(event_request::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(event_request::Column::Id.eq(before.id))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "event.reopen",
        "event_request",
        before.id,
        serde_json::json!({"before": before.deadline, "after": deadline}),
    )
    .await?;
    request_by_id(&**txn, before.id)
        .await?
        .ok_or(DbError::NotFound)
}

/// Whether a reminder of this request went out on `day`.
pub async fn reminded_on(
    conn: &impl ConnectionTrait,
    request_id: i64,
    day: NaiveDate,
) -> DbResult<bool> {
    Ok(event_reminder::Entity::find()
        .filter(event_reminder::Column::RequestId.eq(request_id))
        .filter(event_reminder::Column::OnDay.eq(day))
        .one(conn)
        .await?
        .is_some())
}

/// Records that a request was reminded on `day` to this many people; `false` when it already
/// was that day (nothing written).
pub async fn record_reminder(
    txn: &WriteTxn<'_>,
    who: &Who,
    request_id: i64,
    day: NaiveDate,
    recipients: usize,
) -> DbResult<bool> {
    // The unique key (request, day) decides between two runs at once: the second adds nothing.
    let inserted = event_reminder::Entity::insert(event_reminder::ActiveModel {
        request_id: Set(request_id),
        on_day: Set(day),
        recipients: Set(i64::try_from(recipients).unwrap_or(i64::MAX)),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        event_reminder::Column::RequestId,
        event_reminder::Column::OnDay,
    ])
    .exec(&**txn)
    .await?;
    if !matches!(inserted, TryInsertResult::Inserted(_)) {
        return Ok(false);
    }
    audit::record(
        &**txn,
        who,
        "event.remind",
        "event_request",
        request_id,
        serde_json::json!({"on": day, "recipients": recipients}),
    )
    .await?;
    Ok(true)
}

/// An event's confirmed representatives, in the order confirmed.
pub async fn representatives_of_event(
    conn: &impl ConnectionTrait,
    event_id: i64,
) -> DbResult<Vec<Representative>> {
    Ok(event_representative::Entity::find()
        .filter(event_representative::Column::EventId.eq(event_id))
        .order_by_asc(event_representative::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_representative)
        .collect())
}

/// A city's confirmed representatives, at every event.
pub async fn representatives_of_city(
    conn: &impl ConnectionTrait,
    city_id: CityId,
) -> DbResult<Vec<Representative>> {
    Ok(event_representative::Entity::find()
        .filter(event_representative::Column::CityId.eq(city_id.get()))
        .order_by_asc(event_representative::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_representative)
        .collect())
}

/// Confirms who represents the Commission at an event for a city.
pub async fn confirm(
    txn: &WriteTxn<'_>,
    who: &Who,
    event_id: i64,
    city_id: CityId,
    draft: &RepresentationDraft,
) -> DbResult<Representative> {
    let model = event_representative::ActiveModel {
        event_id: Set(event_id),
        city_id: Set(city_id.get()),
        name: Set(draft.name.clone()),
        position: Set(draft.position.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "event.confirm",
        "event",
        event_id,
        serde_json::json!({"city_id": city_id, "representative": draft}),
    )
    .await?;
    Ok(to_representative(model))
}

/// Withdraws a confirmation; nothing (and no audit row) when it is not this event's.
pub async fn withdraw(
    txn: &WriteTxn<'_>,
    who: &Who,
    event_id: i64,
    representative_id: i64,
) -> DbResult<bool> {
    let Some(found) = event_representative::Entity::find_by_id(representative_id)
        .filter(event_representative::Column::EventId.eq(event_id))
        .one(&**txn)
        .await?
    else {
        return Ok(false);
    };
    event_representative::Entity::delete_by_id(found.id)
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "event.withdraw",
        "event",
        event_id,
        serde_json::json!({"city_id": found.city_id, "name": found.name}),
    )
    .await?;
    Ok(true)
}
