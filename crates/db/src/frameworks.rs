//! Framework versions (stored as their canonical TOML file, frozen once an assessment uses
//! them) and the benchmark sets that radars compare with.

use crate::audit::{self, Who};
use crate::entities::{benchmark_set, framework_version};
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::ProblemKey;
use ateneu_domain::frameworks::{Framework, Trilingual, parse_toml, to_toml};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::ids::FrameworkVersionId;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// A stored version, without its file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredVersion {
    pub id: FrameworkVersionId,
    pub framework_key: String,
    pub version: String,
    pub name: Trilingual,
    pub frozen: bool,
    /// Changes whenever the file changes (a version that is not frozen may be replaced).
    pub checksum: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl StoredVersion {
    pub fn reference(&self) -> String {
        format!("{}@{}", self.framework_key, self.version)
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome", content = "id")]
pub enum Imported {
    Created(FrameworkVersionId),
    Replaced(FrameworkVersionId),
    Unchanged(FrameworkVersionId),
}

impl Imported {
    pub fn id(self) -> FrameworkVersionId {
        match self {
            Imported::Created(id) | Imported::Replaced(id) | Imported::Unchanged(id) => id,
        }
    }
}

fn stored(model: &framework_version::Model) -> DbResult<StoredVersion> {
    Ok(StoredVersion {
        id: FrameworkVersionId::new(model.id),
        framework_key: model.framework_key.clone(),
        version: model.version.clone(),
        name: serde_json::from_str(&model.name).map_err(|e| DbError::Corrupt(e.to_string()))?,
        frozen: model.frozen,
        checksum: model.checksum.clone(),
        created_at: model.created_at,
    })
}

fn checksum(source: &str) -> String {
    crate::sha256_hex(source.as_bytes())
}

/// Stores a version. The same file again changes nothing; a changed file replaces a version
/// that no assessment uses yet, and is refused (`version_frozen`) once one does.
pub async fn import(txn: &WriteTxn<'_>, who: &Who, framework: &Framework) -> DbResult<Imported> {
    let source = to_toml(framework);
    let sum = checksum(&source);
    let name =
        serde_json::to_string(&framework.name).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let now = chrono::Utc::now();
    let existing = framework_version::Entity::find()
        .filter(framework_version::Column::FrameworkKey.eq(&framework.key))
        .filter(framework_version::Column::Version.eq(&framework.version))
        .one(&**txn)
        .await?;
    let outcome = match existing {
        Some(model) if model.checksum == sum => {
            return Ok(Imported::Unchanged(FrameworkVersionId::new(model.id)));
        }
        Some(model) if model.frozen => return Err(DbError::Conflict(ProblemKey::VersionFrozen)),
        Some(model) => {
            let id = model.id;
            let mut active: framework_version::ActiveModel = model.into();
            active.name = Set(name);
            active.source = Set(source);
            active.checksum = Set(sum.clone());
            active.updated_at = Set(now);
            active.update(&**txn).await?;
            Imported::Replaced(FrameworkVersionId::new(id))
        }
        None => {
            let model = framework_version::ActiveModel {
                framework_key: Set(framework.key.clone()),
                version: Set(framework.version.clone()),
                name: Set(name),
                source: Set(source),
                checksum: Set(sum.clone()),
                frozen: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&**txn)
            .await?;
            Imported::Created(FrameworkVersionId::new(model.id))
        }
    };
    let (domains, fields, actions) = framework.size();
    audit::record(
        &**txn,
        who,
        "framework.import",
        "framework_version",
        outcome.id(),
        serde_json::json!({
            "framework": framework.reference(), "checksum": sum, "outcome": outcome,
            "domains": domains, "fields": fields, "actions": actions,
        }),
    )
    .await?;
    Ok(outcome)
}

/// Every stored version, by framework and then oldest first.
pub async fn list(conn: &impl ConnectionTrait) -> DbResult<Vec<StoredVersion>> {
    framework_version::Entity::find()
        .order_by_asc(framework_version::Column::FrameworkKey)
        .order_by_asc(framework_version::Column::Id)
        .all(conn)
        .await?
        .iter()
        .map(stored)
        .collect()
}

/// The columns of a version but its file: id, key, version, name (JSON), frozen, checksum,
/// created at.
type VersionRow = (
    i64,
    String,
    String,
    String,
    bool,
    String,
    chrono::DateTime<chrono::Utc>,
);

/// A version without its file (a page reads this, then the file only when its parse is not
/// cached already).
pub async fn version(
    conn: &impl ConnectionTrait,
    id: FrameworkVersionId,
) -> DbResult<Option<StoredVersion>> {
    use framework_version::Column as C;
    let row: Option<VersionRow> = framework_version::Entity::find_by_id(id.get())
        .select_only()
        .columns([
            C::Id,
            C::FrameworkKey,
            C::Version,
            C::Name,
            C::Frozen,
            C::Checksum,
            C::CreatedAt,
        ])
        .into_tuple()
        .one(conn)
        .await?;
    row.map(
        |(id, framework_key, version, name, frozen, checksum, created_at)| {
            Ok(StoredVersion {
                id: FrameworkVersionId::new(id),
                framework_key,
                version,
                name: serde_json::from_str(&name).map_err(|e| DbError::Corrupt(e.to_string()))?,
                frozen,
                checksum,
                created_at,
            })
        },
    )
    .transpose()
}

/// A version and its file.
pub async fn get(
    conn: &impl ConnectionTrait,
    id: FrameworkVersionId,
) -> DbResult<Option<(StoredVersion, String)>> {
    framework_version::Entity::find_by_id(id.get())
        .one(conn)
        .await?
        .map(|model| Ok((stored(&model)?, model.source)))
        .transpose()
}

/// Finds `KEY@VERSION`.
pub async fn find(
    conn: &impl ConnectionTrait,
    key: &str,
    version: &str,
) -> DbResult<Option<(StoredVersion, String)>> {
    framework_version::Entity::find()
        .filter(framework_version::Column::FrameworkKey.eq(key))
        .filter(framework_version::Column::Version.eq(version))
        .one(conn)
        .await?
        .map(|model| Ok((stored(&model)?, model.source)))
        .transpose()
}

/// Reads a stored file back into a framework.
pub fn parse_stored(source: &str) -> DbResult<Framework> {
    parse_toml(source).map_err(|problems| {
        DbError::Corrupt(
            problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default(),
        )
    })
}

/// Marks a version as used by an assessment: it can no longer be replaced.
pub async fn freeze(txn: &WriteTxn<'_>, id: FrameworkVersionId) -> DbResult<()> {
    framework_version::Entity::update_many()
        .col_expr(framework_version::Column::Frozen, true.into())
        .filter(framework_version::Column::Id.eq(id.get()))
        .exec(&**txn)
        .await?;
    Ok(())
}

/// Loads the bundled frameworks; idempotent (an unchanged file writes nothing).
pub async fn load_bundled(db: &crate::Db) -> DbResult<()> {
    const BUNDLED: &[&str] = &[include_str!(
        "../../../data/frameworks/culture21-actions.toml"
    )];
    for source in BUNDLED {
        let framework = parse_stored(source)?;
        if let Some((version, _)) = find(&db.conn, &framework.key, &framework.version).await?
            && (version.frozen || version.checksum == checksum(&to_toml(&framework)))
        {
            continue;
        }
        let txn = db.write().await?;
        import(&txn, &Who::system("bundled data"), &framework).await?;
        txn.commit().await?;
    }
    Ok(())
}

/// Reference values per field that a radar compares with (Global Panel average, the network's
/// published assessments…).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkSet {
    pub id: i64,
    pub framework_key: String,
    pub key: String,
    pub name: Trilingual,
    pub values: BTreeMap<String, f64>,
}

/// Creates or replaces a benchmark set (by framework and key).
pub async fn save_benchmark(
    txn: &WriteTxn<'_>,
    who: &Who,
    framework_key: &str,
    key: &str,
    name: &Trilingual,
    values: &BTreeMap<String, f64>,
) -> DbResult<i64> {
    let id = upsert_benchmark(txn, framework_key, key, name, values).await?;
    audit::record(
        &**txn,
        who,
        "benchmark.save",
        "benchmark_set",
        id,
        serde_json::json!({"framework": framework_key, "key": key, "values": values}),
    )
    .await?;
    Ok(id)
}

/// Where a computed benchmark set's values come from: the network, the framework version, and
/// the assessments averaged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComputedFrom<'a> {
    pub network: &'a str,
    pub framework_version_id: FrameworkVersionId,
    pub assessments: &'a [AssessmentId],
}

/// Creates or replaces a benchmark set computed from published assessments; the audit row
/// says which ones.
pub async fn save_computed_benchmark(
    txn: &WriteTxn<'_>,
    who: &Who,
    framework_key: &str,
    key: &str,
    name: &Trilingual,
    values: &BTreeMap<String, f64>,
    from: &ComputedFrom<'_>,
) -> DbResult<i64> {
    let id = upsert_benchmark(txn, framework_key, key, name, values).await?;
    audit::record(
        &**txn,
        who,
        "benchmark.compute",
        "benchmark_set",
        id,
        serde_json::json!({
            "framework": framework_key, "key": key, "values": values, "network": from.network,
            "framework_version_id": from.framework_version_id, "assessments": from.assessments,
        }),
    )
    .await?;
    Ok(id)
}

async fn upsert_benchmark(
    txn: &WriteTxn<'_>,
    framework_key: &str,
    key: &str,
    name: &Trilingual,
    values: &BTreeMap<String, f64>,
) -> DbResult<i64> {
    let corrupt = |e: serde_json::Error| DbError::Corrupt(e.to_string());
    let now = chrono::Utc::now();
    let name_json = serde_json::to_string(name).map_err(corrupt)?;
    let values_json = serde_json::to_string(values).map_err(corrupt)?;
    let existing = benchmark_set::Entity::find()
        .filter(benchmark_set::Column::FrameworkKey.eq(framework_key))
        .filter(benchmark_set::Column::Key.eq(key))
        .one(&**txn)
        .await?;
    Ok(match existing {
        Some(model) => {
            let id = model.id;
            let mut active: benchmark_set::ActiveModel = model.into();
            active.name = Set(name_json);
            active.field_values = Set(values_json);
            active.updated_at = Set(now);
            active.update(&**txn).await?;
            id
        }
        None => {
            benchmark_set::ActiveModel {
                framework_key: Set(framework_key.to_owned()),
                key: Set(key.to_owned()),
                name: Set(name_json),
                field_values: Set(values_json),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&**txn)
            .await?
            .id
        }
    })
}

pub async fn benchmarks(
    conn: &impl ConnectionTrait,
    framework_key: &str,
) -> DbResult<Vec<BenchmarkSet>> {
    let corrupt = |e: serde_json::Error| DbError::Corrupt(e.to_string());
    benchmark_set::Entity::find()
        .filter(benchmark_set::Column::FrameworkKey.eq(framework_key))
        .order_by_asc(benchmark_set::Column::Key)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| {
            Ok(BenchmarkSet {
                id: m.id,
                framework_key: m.framework_key,
                key: m.key,
                name: serde_json::from_str(&m.name).map_err(corrupt)?,
                values: serde_json::from_str(&m.field_values).map_err(corrupt)?,
            })
        })
        .collect()
}
