//! Focal points: the people a city names as contacts. Their contact details are never public;
//! the web layer asks the permission policy before reading them.

use crate::audit::{self, Who};
use crate::entities::focal_point;
use crate::{DbResult, WriteTxn};
use ateneu_domain::ids::CityId;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocalPoint {
    pub id: i64,
    pub city_id: CityId,
    pub name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
}

/// A new focal point, validated by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFocalPoint {
    pub name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
}

pub async fn of_city(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<FocalPoint>> {
    Ok(focal_point::Entity::find()
        .filter(focal_point::Column::CityId.eq(city_id.get()))
        .order_by_asc(focal_point::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| FocalPoint {
            id: m.id,
            city_id: CityId::new(m.city_id),
            name: m.name,
            position: m.position,
            email: m.email,
            phone: m.phone,
        })
        .collect())
}

pub async fn add(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    person: &NewFocalPoint,
) -> DbResult<i64> {
    let model = focal_point::ActiveModel {
        city_id: Set(city_id.get()),
        name: Set(person.name.clone()),
        position: Set(person.position.clone()),
        email: Set(person.email.clone()),
        phone: Set(person.phone.clone()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "focal_point.add",
        "focal_point",
        model.id,
        serde_json::json!({"city_id": city_id, "name": person.name}),
    )
    .await?;
    Ok(model.id)
}

/// Removes a focal point of the given city; false if there was none.
pub async fn remove(txn: &WriteTxn<'_>, who: &Who, city_id: CityId, id: i64) -> DbResult<bool> {
    let result = focal_point::Entity::delete_many()
        .filter(focal_point::Column::Id.eq(id))
        .filter(focal_point::Column::CityId.eq(city_id.get()))
        .exec(&**txn)
        .await?;
    audit::record_removal(
        &**txn,
        who,
        result.rows_affected,
        ("focal_point.remove", "focal_point", id),
        serde_json::json!({"city_id": city_id}),
    )
    .await
}
