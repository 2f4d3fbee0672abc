//! Reference data in the database: loading the bundled file at start (idempotent: only what is
//! missing or changed is written) and reading it back.

use crate::entities::{creative_field, network, region, sdg};
use crate::{Db, DbResult, from_json, to_json};
use ateneu_domain::reference::{CreativeField, Names, Network, Reference, Region, Sdg};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QueryOrder, Set};

/// The reference data bundled with this build.
pub const BUNDLED: &str = include_str!("../../../data/reference.toml");

pub fn bundled() -> Result<Reference, String> {
    toml::from_str(BUNDLED).map_err(|e| format!("bundled reference data: {e}"))
}

/// Writes the reference data: inserts what is missing, updates what differs. Returns the number
/// of rows written.
pub async fn load(db: &Db, data: &Reference) -> DbResult<usize> {
    let current = read(db).await?;
    if current == *data {
        return Ok(0);
    }
    let txn = db.write().await?;
    let mut written = 0;
    for (position, n) in data.networks.iter().enumerate() {
        if current.network(&n.key) == Some(n) {
            continue;
        }
        let model = network::Model {
            key: n.key.clone(),
            parent: n.parent.clone(),
            website: n.website.clone(),
            creative_fields: n.creative_fields,
            name: to_json(&n.name)?,
            description: to_json(&n.description)?,
            position: position as i32,
        };
        upsert_network(&txn, model, current.network(&n.key).is_some()).await?;
        written += 1;
    }
    for (position, r) in data.regions.iter().enumerate() {
        if current.region(&r.key) == Some(r) {
            continue;
        }
        let model = region::Model {
            key: r.key.clone(),
            name: to_json(&r.name)?,
            position: position as i32,
        };
        let active = model.into_active_model().reset_all();
        if current.region(&r.key).is_some() {
            active.update(&*txn).await?;
        } else {
            active.insert(&*txn).await?;
        }
        written += 1;
    }
    for (position, f) in data.creative_fields.iter().enumerate() {
        if current.creative_field(&f.key) == Some(f) {
            continue;
        }
        let model = creative_field::Model {
            key: f.key.clone(),
            since: f.since,
            name: to_json(&f.name)?,
            position: position as i32,
        };
        let active = model.into_active_model().reset_all();
        if current.creative_field(&f.key).is_some() {
            active.update(&*txn).await?;
        } else {
            active.insert(&*txn).await?;
        }
        written += 1;
    }
    for s in &data.sdgs {
        let existing = current.sdgs.iter().find(|c| c.number == s.number);
        if existing == Some(s) {
            continue;
        }
        let active = sdg::ActiveModel {
            number: Set(s.number),
            name: Set(to_json(&s.name)?),
        };
        if existing.is_some() {
            active.update(&*txn).await?;
        } else {
            active.insert(&*txn).await?;
        }
        written += 1;
    }
    crate::audit::record(
        &*txn,
        &crate::audit::Who::system("system"),
        "reference.load",
        "reference",
        "bundled",
        serde_json::json!({"rows": written}),
    )
    .await?;
    txn.commit().await?;
    Ok(written)
}

async fn upsert_network(
    txn: &sea_orm::DatabaseTransaction,
    model: network::Model,
    exists: bool,
) -> DbResult<()> {
    let active = model.into_active_model().reset_all();
    if exists {
        active.update(txn).await?;
    } else {
        active.insert(txn).await?;
    }
    Ok(())
}

/// Reads every reference table, in the bundled order.
pub async fn read(db: &Db) -> DbResult<Reference> {
    let conn = &db.conn;
    let names = |text: &str| from_json::<Names>(text);
    let mut data = Reference::default();
    for n in network::Entity::find()
        .order_by_asc(network::Column::Position)
        .all(conn)
        .await?
    {
        data.networks.push(Network {
            name: names(&n.name)?,
            description: names(&n.description)?,
            key: n.key,
            parent: n.parent,
            website: n.website,
            creative_fields: n.creative_fields,
        });
    }
    for r in region::Entity::find()
        .order_by_asc(region::Column::Position)
        .all(conn)
        .await?
    {
        data.regions.push(Region {
            name: names(&r.name)?,
            key: r.key,
        });
    }
    for f in creative_field::Entity::find()
        .order_by_asc(creative_field::Column::Position)
        .all(conn)
        .await?
    {
        data.creative_fields.push(CreativeField {
            name: names(&f.name)?,
            key: f.key,
            since: f.since,
        });
    }
    for s in sdg::Entity::find()
        .order_by_asc(sdg::Column::Number)
        .all(conn)
        .await?
    {
        data.sdgs.push(Sdg {
            name: names(&s.name)?,
            number: s.number,
        });
    }
    Ok(data)
}
