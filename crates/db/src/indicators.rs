//! A city's indicator values in storage: its series (one per indicator, with unit, baseline,
//! target and visibility, saved on the revision it was read at) and their values, kept with the
//! series as one JSON array since they are always read together (one per year and breakdown: a
//! new value for the same year and breakdown replaces the old one; a write on values that
//! changed meanwhile is refused). Each write leaves its audit row on the city.

pub mod goals;

use crate::audit::{self, Who};
use crate::entities::indicator_series;
use crate::{DbError, DbResult, ImportSummary, WriteTxn, from_json, to_json};
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::Visibility;
use ateneu_domain::ids::CityId;
use ateneu_domain::indicators::values::{Breakdown, MAX_VALUES, Point, SeriesDraft, ValueDraft};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A city's series of one indicator as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub id: i64,
    pub city_id: CityId,
    /// The indicator's `framework:indicator` reference.
    pub indicator: String,
    pub unit: String,
    pub baseline: Option<Point>,
    pub target: Option<Point>,
    pub visibility: Visibility,
    pub source: String,
    /// Changes with every save of the settings: a save made on an older one is refused.
    pub revision: i64,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// One value of a series as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    pub id: i64,
    #[serde(skip)]
    pub series_id: i64,
    #[serde(flatten)]
    pub draft: ValueDraft,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

fn point(year: Option<i32>, value: Option<f64>) -> Option<Point> {
    Some(Point {
        year: year?,
        value: value?,
    })
}

fn to_series(m: indicator_series::Model) -> DbResult<Series> {
    Ok(Series {
        visibility: Visibility::parse(&m.visibility)
            .map_err(|p| DbError::Corrupt(p.key.to_string()))?,
        baseline: point(m.baseline_year, m.baseline_value),
        target: point(m.target_year, m.target_value),
        id: m.id,
        city_id: CityId::new(m.city_id),
        indicator: m.indicator,
        unit: m.unit,
        source: m.source,
        revision: m.revision,
        updated_at: m.updated_at,
    })
}

/// A value as its series' JSON array keeps it.
#[derive(Serialize, Deserialize)]
struct Stored {
    id: i64,
    year: i32,
    breakdown: Breakdown,
    value: f64,
    #[serde(default)]
    source: String,
    #[serde(default)]
    note: String,
    #[serde(deserialize_with = "rfc3339")]
    updated_at: chrono::DateTime<chrono::Utc>,
}

/// A stored time read by chrono's RFC 3339 parser (as chrono writes it), several times faster
/// than its general one: a city's page reads thousands of values.
fn rfc3339<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<chrono::DateTime<chrono::Utc>, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = chrono::DateTime<chrono::Utc>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an RFC 3339 time")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            chrono::DateTime::parse_from_rfc3339(text)
                .map(|t| t.with_timezone(&chrono::Utc))
                .map_err(E::custom)
        }
    }
    deserializer.deserialize_str(Visitor)
}

fn decode(series_id: i64, observations: &str) -> DbResult<Vec<Value>> {
    let stored: Vec<Stored> = from_json(observations)?;
    Ok(stored
        .into_iter()
        .map(|v| Value {
            id: v.id,
            series_id,
            draft: ValueDraft {
                year: v.year,
                breakdown: v.breakdown,
                value: v.value,
                source: v.source,
                note: v.note,
            },
            updated_at: v.updated_at,
        })
        .collect())
}

fn encode(values: &[Value]) -> DbResult<String> {
    let stored: Vec<Stored> = values
        .iter()
        .map(|v| Stored {
            id: v.id,
            year: v.draft.year,
            breakdown: v.draft.breakdown.clone(),
            value: v.draft.value,
            source: v.draft.source.clone(),
            note: v.draft.note.clone(),
            updated_at: v.updated_at,
        })
        .collect();
    to_json(&stored)
}

/// A city's series, each with the revision of its values (the values themselves are read by
/// `stored_values`, for the series whose values the caller has not decoded at that revision),
/// by indicator reference.
pub async fn of_city(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<(Series, i64)>> {
    use indicator_series::Column as C;
    indicator_series::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::CityId,
            C::Indicator,
            C::Unit,
            C::BaselineYear,
            C::BaselineValue,
            C::TargetYear,
            C::TargetValue,
            C::Visibility,
            C::Source,
            C::Revision,
            C::ValuesRevision,
            C::UpdatedAt,
        ])
        // The values stay in the database: a page of 22 series would read 300 KB of them.
        .column_as(Expr::value(""), C::Observations)
        .filter(C::CityId.eq(city_id.get()))
        .order_by_asc(C::Indicator)
        .into_model::<indicator_series::Model>()
        .all(conn)
        .await?
        .into_iter()
        .map(|model| {
            let revision = model.values_revision;
            Ok((to_series(model)?, revision))
        })
        .collect()
}

/// The values of these series as stored, each with the revision it was read at.
pub async fn stored_values(
    conn: &impl ConnectionTrait,
    series_ids: &[i64],
) -> DbResult<Vec<StoredValues>> {
    let mut stored = Vec::with_capacity(series_ids.len());
    for chunk in series_ids.chunks(500) {
        let rows: Vec<(i64, i64, String)> = indicator_series::Entity::find()
            .select_only()
            .column(indicator_series::Column::Id)
            .column(indicator_series::Column::ValuesRevision)
            .column(indicator_series::Column::Observations)
            .filter(indicator_series::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(conn)
            .await?;
        stored.extend(
            rows.into_iter()
                .map(|(series_id, revision, text)| StoredValues {
                    series_id,
                    revision,
                    text,
                }),
        );
    }
    Ok(stored)
}

/// A series' values as read, not decoded yet: its revision changes with every write of them,
/// so a reader may keep what it decoded for a revision and decode only what changed.
#[derive(Debug, Clone)]
pub struct StoredValues {
    pub series_id: i64,
    pub revision: i64,
    text: String,
}

impl StoredValues {
    /// The values, by year then breakdown.
    pub fn decode(&self) -> DbResult<Vec<Value>> {
        decode(self.series_id, &self.text)
    }
}

/// A city's series of one indicator, if it keeps one.
pub async fn series(
    conn: &impl ConnectionTrait,
    city_id: CityId,
    indicator: &str,
) -> DbResult<Option<Series>> {
    indicator_series::Entity::find()
        .filter(indicator_series::Column::CityId.eq(city_id.get()))
        .filter(indicator_series::Column::Indicator.eq(indicator))
        .one(conn)
        .await?
        .map(to_series)
        .transpose()
}

/// The values of these series, by series, by year then breakdown.
pub async fn values(
    conn: &impl ConnectionTrait,
    series_ids: &[i64],
) -> DbResult<HashMap<i64, Vec<Value>>> {
    let mut by_series = HashMap::new();
    for stored in stored_values(conn, series_ids).await? {
        by_series.insert(stored.series_id, stored.decode()?);
    }
    Ok(by_series)
}

/// A series' values and their revision, as this transaction reads them.
async fn current(txn: &WriteTxn<'_>, series_id: i64) -> DbResult<(Vec<Value>, i64)> {
    let (observations, revision): (String, i64) = indicator_series::Entity::find_by_id(series_id)
        .select_only()
        .column(indicator_series::Column::Observations)
        .column(indicator_series::Column::ValuesRevision)
        .into_tuple()
        .one(&**txn)
        .await?
        .ok_or(DbError::NotFound)?;
    Ok((decode(series_id, &observations)?, revision))
}

/// Writes a series' values on the revision they were read at (`changed_meanwhile` otherwise).
async fn write_values(
    txn: &WriteTxn<'_>,
    series_id: i64,
    values: &[Value],
    revision: i64,
) -> DbResult<()> {
    let result = indicator_series::Entity::update_many()
        .col_expr(
            indicator_series::Column::Observations,
            Expr::value(encode(values)?),
        )
        .col_expr(
            indicator_series::Column::ValuesRevision,
            Expr::col(indicator_series::Column::ValuesRevision).add(1),
        )
        .filter(indicator_series::Column::Id.eq(series_id))
        .filter(indicator_series::Column::ValuesRevision.eq(revision))
        .exec(&**txn)
        .await?;
    if result.rows_affected == 1 {
        Ok(())
    } else {
        Err(DbError::Conflict(ProblemKey::ChangedMeanwhile))
    }
}

/// Saves a series' settings: a new series when `before` is none (a series made meanwhile is a
/// conflict), else on the revision `before` was read at (`changed_meanwhile` if it moved).
pub async fn save_series(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    indicator: &str,
    before: Option<&Series>,
    draft: &SeriesDraft,
) -> DbResult<Series> {
    let now = chrono::Utc::now();
    let (by, bv) = (
        draft.baseline.map(|p| p.year),
        draft.baseline.map(|p| p.value),
    );
    let (ty, tv) = (draft.target.map(|p| p.year), draft.target.map(|p| p.value));
    let id = match before {
        None => {
            indicator_series::ActiveModel {
                city_id: Set(city_id.get()),
                indicator: Set(indicator.to_owned()),
                unit: Set(draft.unit.clone()),
                baseline_year: Set(by),
                baseline_value: Set(bv),
                target_year: Set(ty),
                target_value: Set(tv),
                visibility: Set(draft.visibility.key().to_owned()),
                source: Set(draft.source.clone()),
                revision: Set(1),
                observations: Set("[]".to_owned()),
                values_revision: Set(1),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&**txn)
            .await
            .map_err(crate::conflict_as(ProblemKey::ChangedMeanwhile))?
            .id
        }
        Some(before) => {
            let result = indicator_series::Entity::update_many()
                .col_expr(indicator_series::Column::Unit, Expr::value(&draft.unit))
                .col_expr(indicator_series::Column::BaselineYear, Expr::value(by))
                .col_expr(indicator_series::Column::BaselineValue, Expr::value(bv))
                .col_expr(indicator_series::Column::TargetYear, Expr::value(ty))
                .col_expr(indicator_series::Column::TargetValue, Expr::value(tv))
                .col_expr(
                    indicator_series::Column::Visibility,
                    Expr::value(draft.visibility.key()),
                )
                .col_expr(indicator_series::Column::Source, Expr::value(&draft.source))
                .col_expr(
                    indicator_series::Column::Revision,
                    Expr::col(indicator_series::Column::Revision).add(1),
                )
                .col_expr(indicator_series::Column::UpdatedAt, Expr::value(now))
                .filter(indicator_series::Column::Id.eq(before.id))
                .filter(
                    indicator_series::Column::Revision
                        .eq(draft.revision.unwrap_or(before.revision)),
                )
                .exec(&**txn)
                .await?;
            if result.rows_affected != 1 {
                return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
            }
            before.id
        }
    };
    audit::record(
        &**txn,
        who,
        "indicator.series_save",
        "city",
        city_id,
        serde_json::json!({"indicator": indicator, "before": before, "after": draft}),
    )
    .await?;
    let saved = indicator_series::Entity::find_by_id(id)
        .one(&**txn)
        .await?
        .ok_or(DbError::NotFound)?;
    to_series(saved)
}

/// Puts values into a series: a value for a year and breakdown it has replaces the old one
/// (unchanged when it says the same). At most `MAX_VALUES` per series (`too_many_items`).
pub async fn put_values(
    txn: &WriteTxn<'_>,
    who: &Who,
    series: &Series,
    drafts: &[ValueDraft],
) -> DbResult<ImportSummary> {
    let (mut kept, revision) = current(txn, series.id).await?;
    let mut at: BTreeMap<(i32, String), usize> = kept
        .iter()
        .enumerate()
        .map(|(n, v)| ((v.draft.year, v.draft.breakdown.storage_key()), n))
        .collect();
    let mut next = kept.iter().map(|v| v.id).max().unwrap_or(0) + 1;
    let mut summary = ImportSummary::default();
    let now = chrono::Utc::now();
    for draft in drafts {
        let key = (draft.year, draft.breakdown.storage_key());
        match at.get(&key).map(|n| &mut kept[*n]) {
            Some(old) if old.draft.same_as(draft) => summary.unchanged += 1,
            Some(old) => {
                old.draft = draft.clone();
                old.updated_at = now;
                summary.updated += 1;
            }
            None => {
                at.insert(key, kept.len());
                kept.push(Value {
                    id: next,
                    series_id: series.id,
                    draft: draft.clone(),
                    updated_at: now,
                });
                next += 1;
                summary.created += 1;
            }
        }
    }
    if kept.len() > MAX_VALUES {
        return Err(DbError::Conflict(ProblemKey::TooManyItems));
    }
    if summary.created + summary.updated > 0 {
        kept.sort_by(|a, b| {
            (a.draft.year, &a.draft.breakdown).cmp(&(b.draft.year, &b.draft.breakdown))
        });
        write_values(txn, series.id, &kept, revision).await?;
    }
    if summary.created + summary.updated > 0 {
        audit::record(
            &**txn,
            who,
            "indicator.values_put",
            "city",
            series.city_id,
            serde_json::json!({"indicator": series.indicator, "created": summary.created, "updated": summary.updated}),
        )
        .await?;
    }
    Ok(summary)
}

/// Removes one value of a series (not found when the series has no such value).
pub async fn remove_value(
    txn: &WriteTxn<'_>,
    who: &Who,
    series: &Series,
    value_id: i64,
) -> DbResult<()> {
    let (mut kept, revision) = current(txn, series.id).await?;
    let at = kept
        .iter()
        .position(|v| v.id == value_id)
        .ok_or(DbError::NotFound)?;
    let value = kept.remove(at);
    write_values(txn, series.id, &kept, revision).await?;
    audit::record(
        &**txn,
        who,
        "indicator.value_remove",
        "city",
        series.city_id,
        serde_json::json!({"indicator": series.indicator, "before": value.draft}),
    )
    .await
}
