//! Workshop packages in storage: the packages made here for a laptop (with the key their
//! results must carry) or opened here from a platform, and the results already merged, by
//! their signature, so that the same file twice changes nothing. The storage of what a package
//! holds for each kind of workshop is in the submodules.

use crate::audit::{self, Who};
use crate::entities::{workshop_package, workshop_package_import, workshop_package_item};
use crate::{DbResult, WriteTxn};
use ateneu_domain::ids::AccountId;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub mod assessment;

/// A Seven Keys workshop.
pub const SEVEN_KEYS: &str = "seven_keys";
/// A policy-design workshop around an action plan (its id is the plan's).
pub const POLICY_DESIGN: &str = "policy_design";

/// The kinds of workshop a package can carry: a Culture 21 Lab assessment.
pub const ASSESSMENT: &str = "assessment";

/// A package as this instance keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPackage {
    pub id: String,
    pub kind: String,
    /// The workshop on this instance: the one exported, or the one the package became here.
    pub workshop_id: i64,
    pub key: String,
    /// Made elsewhere and opened here (a laptop), rather than made here (the platform).
    pub opened: bool,
    /// For a package opened here: the workshop's id on the platform.
    pub remote_workshop_id: Option<i64>,
    pub origin: String,
    /// For a package made here: the key ideas as they left.
    pub base: String,
    pub made_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

fn to_package(m: workshop_package::Model) -> StoredPackage {
    StoredPackage {
        id: m.id,
        kind: m.kind,
        workshop_id: m.workshop_id,
        key: m.signing_key,
        opened: m.opened,
        remote_workshop_id: m.remote_workshop_id,
        origin: m.origin,
        base: m.base,
        made_by: m.made_by,
        created_at: m.created_at,
    }
}

/// Keeps a package made here or opened here.
pub async fn record(txn: &WriteTxn<'_>, who: &Who, package: &StoredPackage) -> DbResult<()> {
    workshop_package::ActiveModel {
        id: Set(package.id.clone()),
        kind: Set(package.kind.clone()),
        workshop_id: Set(package.workshop_id),
        signing_key: Set(package.key.clone()),
        opened: Set(package.opened),
        remote_workshop_id: Set(package.remote_workshop_id),
        origin: Set(package.origin.clone()),
        base: Set(package.base.clone()),
        made_by: Set(package.made_by),
        created_at: Set(package.created_at),
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        if package.opened {
            "workshop_package.open"
        } else {
            "workshop_package.make"
        },
        &package.kind,
        package.workshop_id,
        serde_json::json!({"package": package.id, "remote_workshop": package.remote_workshop_id}),
    )
    .await
}

pub async fn get(conn: &impl ConnectionTrait, id: &str) -> DbResult<Option<StoredPackage>> {
    Ok(workshop_package::Entity::find_by_id(id.to_owned())
        .one(conn)
        .await?
        .map(to_package))
}

/// The packages opened here, newest first.
pub async fn opened(conn: &impl ConnectionTrait) -> DbResult<Vec<StoredPackage>> {
    Ok(workshop_package::Entity::find()
        .filter(workshop_package::Column::Opened.eq(true))
        .order_by_desc(workshop_package::Column::CreatedAt)
        .all(conn)
        .await?
        .into_iter()
        .map(to_package)
        .collect())
}

/// The packages made here for a workshop, newest first.
pub async fn made_for(
    conn: &impl ConnectionTrait,
    kind: &str,
    workshop_id: i64,
) -> DbResult<Vec<StoredPackage>> {
    Ok(workshop_package::Entity::find()
        .filter(workshop_package::Column::Kind.eq(kind))
        .filter(workshop_package::Column::WorkshopId.eq(workshop_id))
        .filter(workshop_package::Column::Opened.eq(false))
        .order_by_desc(workshop_package::Column::CreatedAt)
        .all(conn)
        .await?
        .into_iter()
        .map(to_package)
        .collect())
}

/// A results file merged already: what it did then (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastImport {
    pub summary: String,
    pub imported_at: DateTime<Utc>,
}

pub async fn import_of(
    conn: &impl ConnectionTrait,
    package_id: &str,
    signature: &str,
) -> DbResult<Option<PastImport>> {
    Ok(
        workshop_package_import::Entity::find_by_id((package_id.to_owned(), signature.to_owned()))
            .one(conn)
            .await?
            .map(|m| PastImport {
                summary: m.summary,
                imported_at: m.imported_at,
            }),
    )
}

/// How many results files were merged for each of `packages` (one query).
pub async fn import_counts(
    conn: &impl ConnectionTrait,
    packages: &[String],
) -> DbResult<std::collections::HashMap<String, usize>> {
    let mut counts = std::collections::HashMap::new();
    for m in workshop_package_import::Entity::find()
        .filter(workshop_package_import::Column::PackageId.is_in(packages.iter().cloned()))
        .all(conn)
        .await?
    {
        *counts.entry(m.package_id).or_default() += 1;
    }
    Ok(counts)
}

/// Remembers that results with this signature were merged, and what that did.
pub async fn record_import(
    txn: &WriteTxn<'_>,
    who: &Who,
    package: &StoredPackage,
    signature: &str,
    summary: &serde_json::Value,
) -> DbResult<()> {
    workshop_package_import::ActiveModel {
        package_id: Set(package.id.clone()),
        signature: Set(signature.to_owned()),
        summary: Set(summary.to_string()),
        imported_by: Set(who.user_id.map(AccountId::get)),
        imported_at: Set(Utc::now()),
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "workshop_package.import",
        &package.kind,
        package.workshop_id,
        serde_json::json!({"package": package.id, "summary": summary}),
    )
    .await
}

/// What the package's items became here: each item's reference (`challenge:l34`) and its id.
pub async fn items(
    conn: &impl ConnectionTrait,
    package_id: &str,
) -> DbResult<std::collections::HashMap<String, i64>> {
    Ok(workshop_package_item::Entity::find()
        .filter(workshop_package_item::Column::PackageId.eq(package_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| (m.item, m.here_id))
        .collect())
}

/// Remembers what an item of the package became here.
pub async fn record_item(
    txn: &WriteTxn<'_>,
    package_id: &str,
    item: &str,
    here_id: i64,
) -> DbResult<()> {
    workshop_package_item::ActiveModel {
        package_id: Set(package_id.to_owned()),
        item: Set(item.to_owned()),
        here_id: Set(here_id),
    }
    .insert(&**txn)
    .await?;
    Ok(())
}
