//! Memberships of cities in networks: the history of a city, adding and ending periods, changing
//! a Creative City's field (which keeps history), and the CSV import/export.

use crate::audit::{self, Who};
use crate::entities::{city, membership};
use crate::{Db, DbError, DbResult, WriteTxn};
use ateneu_domain::csv_format::MembershipRow;
use ateneu_domain::ids::{CityId, MembershipId};
use ateneu_domain::memberships::{MembershipDraft, MembershipRole};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub id: MembershipId,
    pub city_id: CityId,
    #[serde(flatten)]
    pub draft: MembershipDraft,
}

fn to_membership(model: membership::Model) -> DbResult<Membership> {
    Ok(Membership {
        id: MembershipId::new(model.id),
        city_id: CityId::new(model.city_id),
        draft: MembershipDraft {
            role: MembershipRole::parse(&model.role)
                .map_err(|_| DbError::Corrupt(model.role.clone()))?,
            network: model.network,
            started_on: model.started_on,
            ended_on: model.ended_on,
            creative_field: model.creative_field,
            designation_year: model.designation_year,
        },
    })
}

fn active(city_id: CityId, draft: &MembershipDraft) -> membership::ActiveModel {
    membership::ActiveModel {
        city_id: Set(city_id.get()),
        network: Set(draft.network.clone()),
        role: Set(draft.role.key().to_owned()),
        started_on: Set(draft.started_on),
        ended_on: Set(draft.ended_on),
        creative_field: Set(draft.creative_field.clone()),
        designation_year: Set(draft.designation_year),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

/// A city's memberships, newest first (its whole history).
pub async fn of_city(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<Membership>> {
    membership::Entity::find()
        .filter(membership::Column::CityId.eq(city_id.get()))
        .order_by_desc(membership::Column::StartedOn)
        .order_by_desc(membership::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_membership)
        .collect()
}

/// The memberships of several cities (their whole history), by city.
pub async fn of_cities(
    conn: &impl ConnectionTrait,
    city_ids: &[CityId],
) -> DbResult<HashMap<CityId, Vec<Membership>>> {
    let mut by_city: HashMap<CityId, Vec<Membership>> = HashMap::new();
    if city_ids.is_empty() {
        return Ok(by_city);
    }
    for model in membership::Entity::find()
        .filter(membership::Column::CityId.is_in(city_ids.iter().map(|id| id.get())))
        .order_by_desc(membership::Column::StartedOn)
        .order_by_desc(membership::Column::Id)
        .all(conn)
        .await?
    {
        let membership = to_membership(model)?;
        by_city
            .entry(membership.city_id)
            .or_default()
            .push(membership);
    }
    Ok(by_city)
}

pub async fn by_id(conn: &impl ConnectionTrait, id: MembershipId) -> DbResult<Option<Membership>> {
    membership::Entity::find_by_id(id.get())
        .one(conn)
        .await?
        .map(to_membership)
        .transpose()
}

pub async fn add(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    draft: &MembershipDraft,
) -> DbResult<Membership> {
    let model = active(city_id, draft).insert(&**txn).await?;
    audit::record(
        &**txn,
        who,
        "membership.add",
        "membership",
        model.id,
        serde_json::json!({"city_id": city_id, "membership": draft}),
    )
    .await?;
    to_membership(model)
}

/// Replaces a membership period (ending it is setting its end date).
pub async fn update(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Membership,
    draft: &MembershipDraft,
) -> DbResult<Membership> {
    let mut model = active(before.city_id, draft);
    model.id = Set(before.id.get());
    model.created_at = sea_orm::ActiveValue::NotSet;
    let model = model.update(&**txn).await?;
    audit::record(
        &**txn,
        who,
        "membership.update",
        "membership",
        before.id,
        serde_json::json!({"before": before.draft, "after": draft}),
    )
    .await?;
    to_membership(model)
}

/// Writes the two periods of a creative-field change together.
pub async fn change_field(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Membership,
    ended: &MembershipDraft,
    next: &MembershipDraft,
) -> DbResult<Membership> {
    update(txn, who, before, ended).await?;
    add(txn, who, before.city_id, next).await
}

pub use crate::ImportSummary;

/// Imports valid rows in one transaction. A row matches an existing period by city, network,
/// role and start date (and updates it); other rows add periods. Unknown cities refuse the
/// whole file, with their lines.
pub async fn import(
    db: &Db,
    who: &Who,
    rows: &[MembershipRow],
) -> DbResult<Result<ImportSummary, Vec<(u64, String)>>> {
    let txn = db.write().await?;
    let slugs: HashMap<String, i64> = city::Entity::find()
        .all(&*txn)
        .await?
        .into_iter()
        .map(|c| (c.slug, c.id))
        .collect();
    let unknown: Vec<(u64, String)> = rows
        .iter()
        .filter(|r| !slugs.contains_key(&r.city))
        .map(|r| (r.line, r.city.clone()))
        .collect();
    if !unknown.is_empty() {
        return Ok(Err(unknown));
    }
    let mut existing: HashMap<(i64, String, String, chrono::NaiveDate), Membership> =
        HashMap::new();
    for model in membership::Entity::find().all(&*txn).await? {
        let m = to_membership(model)?;
        existing.insert(
            (
                m.city_id.get(),
                m.draft.network.clone(),
                m.draft.role.key().to_owned(),
                m.draft.started_on,
            ),
            m,
        );
    }
    let mut summary = ImportSummary::default();
    for row in rows {
        let city_id = slugs.get(&row.city).copied().ok_or(DbError::NotFound)?;
        let key = (
            city_id,
            row.membership.network.clone(),
            row.membership.role.key().to_owned(),
            row.membership.started_on,
        );
        match existing.get(&key) {
            Some(current) if current.draft == row.membership => summary.unchanged += 1,
            Some(current) => {
                let mut model = active(CityId::new(city_id), &row.membership);
                model.id = Set(current.id.get());
                model.created_at = sea_orm::ActiveValue::NotSet;
                model.update(&*txn).await?;
                summary.updated += 1;
            }
            None => {
                active(CityId::new(city_id), &row.membership)
                    .insert(&*txn)
                    .await?;
                summary.created += 1;
            }
        }
    }
    audit::record(
        &*txn,
        who,
        "membership.import",
        "membership",
        "*",
        serde_json::to_value(&summary).unwrap_or_default(),
    )
    .await?;
    txn.commit().await?;
    db.conn.execute_unprepared("ANALYZE memberships").await?;
    Ok(Ok(summary))
}

/// Every membership with its city's slug, by city and start (for exports).
pub async fn all_with_slugs(db: &Db) -> DbResult<Vec<(String, Membership)>> {
    let slugs: HashMap<CityId, String> = city::Entity::find()
        .all(&db.conn)
        .await?
        .into_iter()
        .map(|c| (CityId::new(c.id), c.slug))
        .collect();
    let mut rows = Vec::new();
    for model in membership::Entity::find()
        .order_by_asc(membership::Column::Id)
        .all(&db.conn)
        .await?
    {
        let m = to_membership(model)?;
        if let Some(slug) = slugs.get(&m.city_id) {
            rows.push((slug.clone(), m));
        }
    }
    rows.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.draft.started_on.cmp(&b.1.draft.started_on))
    });
    Ok(rows)
}

/// The networks each of these cities is a current member of on `day` (ancestors not included):
/// what makes a city's editors members of a network.
pub async fn current_networks(
    conn: &impl ConnectionTrait,
    city_ids: &[CityId],
    day: chrono::NaiveDate,
) -> DbResult<std::collections::BTreeMap<CityId, Vec<String>>> {
    let mut networks: std::collections::BTreeMap<CityId, Vec<String>> =
        city_ids.iter().map(|id| (*id, Vec::new())).collect();
    if city_ids.is_empty() {
        return Ok(networks);
    }
    for model in membership::Entity::find()
        .filter(membership::Column::CityId.is_in(city_ids.iter().map(|id| id.get())))
        .all(conn)
        .await?
    {
        let membership = to_membership(model)?;
        if membership.draft.is_current(day) {
            let list = networks.entry(membership.city_id).or_default();
            if !list.contains(&membership.draft.network) {
                list.push(membership.draft.network);
            }
        }
    }
    Ok(networks)
}

/// The networks a city belongs or belonged to (for permission scopes; ancestors not included).
pub async fn networks_of(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<String>> {
    let mut networks: Vec<String> = of_city(conn, city_id)
        .await?
        .into_iter()
        .map(|m| m.draft.network)
        .collect();
    networks.sort();
    networks.dedup();
    Ok(networks)
}

/// The cities that are current members of `network` on `day` (ancestors not included), by id.
pub async fn current_members(
    conn: &impl ConnectionTrait,
    network: &str,
    day: chrono::NaiveDate,
) -> DbResult<Vec<CityId>> {
    let mut members = Vec::new();
    for model in membership::Entity::find()
        .filter(membership::Column::Network.eq(network))
        .all(conn)
        .await?
    {
        let membership = to_membership(model)?;
        if membership.draft.is_current(day) && !members.contains(&membership.city_id) {
            members.push(membership.city_id);
        }
    }
    members.sort_unstable();
    Ok(members)
}
