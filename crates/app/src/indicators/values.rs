//! A city's indicator values as use cases: reading its series (each seen as its visibility
//! says: a confidential series is not found for whoever may not see it, and is left out of
//! every list, count and file), entering, removing and importing values and setting a series'
//! unit, baseline, target and visibility (the city's editors and its networks' secretariat),
//! and the tidy CSV written back with only what the reader may see.

use super::find;
use crate::{Acting, Context, Error};
use ateneu_db::ImportSummary;
use ateneu_db::cities::City;
use ateneu_db::indicators::{self as repo, Series, Value};
use ateneu_domain::csv_format::LineError;
use ateneu_domain::indicators::progress::{Pace, ProgressStatus, pace, status};
use ateneu_domain::indicators::tidy::{self, TidyOut};
use ateneu_domain::indicators::values::{
    Point, SeriesDraft, SeriesInput, ValueDraft, ValueInput, totals,
};
use ateneu_domain::indicators::{Direction, Indicator, IndicatorFramework};
use ateneu_domain::permissions::{Action, CityScope, IndicatorScope};
use ateneu_domain::{Problem, ProblemKey};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// Series' values as decoded, by series, valid for one values revision (every write of a
/// series' values bumps it, in whichever process it happens; ids are never reused).
#[derive(Default)]
pub struct ValuesCache {
    entries: Mutex<HashMap<i64, Decoded>>,
}

/// A series' values revision and its values decoded at it.
type Decoded = (i64, Arc<Vec<Value>>);

impl ValuesCache {
    /// How many series are kept before the cache starts again (22 indicators of 40 cities).
    const CAPACITY: usize = 880;

    /// The series' values decoded at this revision, if kept.
    fn get(&self, series_id: i64, revision: i64) -> Option<Arc<Vec<Value>>> {
        let entries = self.entries.lock().ok()?;
        let (kept, values) = entries.get(&series_id)?;
        (*kept == revision).then(|| values.clone())
    }

    /// Decodes the values read and keeps them for their revision.
    fn put(&self, stored: &repo::StoredValues) -> Result<Arc<Vec<Value>>, Error> {
        let values = Arc::new(stored.decode()?);
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= Self::CAPACITY {
                entries.clear();
            }
            entries.insert(stored.series_id, (stored.revision, values.clone()));
        }
        Ok(values)
    }

    /// The values of these series (with the revision each was listed at): the kept ones, and
    /// the others read and decoded once.
    async fn of(
        &self,
        context: &Context,
        series: &[(Series, i64)],
    ) -> Result<HashMap<i64, Arc<Vec<Value>>>, Error> {
        let mut found = HashMap::with_capacity(series.len());
        let mut missing = Vec::new();
        for (s, revision) in series {
            match self.get(s.id, *revision) {
                Some(values) => {
                    found.insert(s.id, values);
                }
                None => missing.push(s.id),
            }
        }
        if !missing.is_empty() {
            for stored in repo::stored_values(&context.db.conn, &missing).await? {
                found.insert(stored.series_id, self.put(&stored)?);
            }
        }
        Ok(found)
    }
}

/// A city's series of one indicator as its reader sees it.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesView {
    /// The indicator's `framework:indicator` reference.
    pub indicator: String,
    /// The series' settings; none while the city has kept nothing for this indicator.
    pub series: Option<Series>,
    /// By year, then breakdown (shared with the cache of decoded values).
    pub values: Arc<Vec<Value>>,
    /// The baseline the status reads: the one set, or the first value of the whole.
    pub baseline: Option<Point>,
    pub status: ProgressStatus,
    /// The pace per year observed so far, and the one still needed to reach the target.
    pub pace: Pace,
}

impl SeriesView {
    /// The indicator of the bundled frameworks it records, with its framework.
    pub fn indicator(&self) -> Option<(&'static IndicatorFramework, &'static Indicator)> {
        find(&self.indicator)
    }
}

/// A city's indicators as its reader sees them.
#[derive(Debug, Clone, Serialize)]
pub struct CityIndicators {
    /// The reader may enter values and set the series.
    pub may_record: bool,
    pub series: Vec<SeriesView>,
}

async fn networks(context: &Context, city: &City) -> Result<Vec<String>, Error> {
    crate::cities::scope_networks(context, city.id).await
}

fn may_see(acting: &Acting, city: &City, networks: &[String], series: &Series) -> bool {
    acting
        .require(Action::ViewIndicatorValues(IndicatorScope {
            city: CityScope {
                id: city.id,
                networks,
            },
            visibility: series.visibility,
        }))
        .is_ok()
}

fn may_record(acting: &Acting, city: &City, networks: &[String]) -> bool {
    acting
        .require(Action::RecordIndicatorValues(CityScope {
            id: city.id,
            networks,
        }))
        .is_ok()
}

fn require_record(acting: &Acting, city: &City, networks: &[String]) -> Result<(), Error> {
    acting.require(Action::RecordIndicatorValues(CityScope {
        id: city.id,
        networks,
    }))
}

/// The indicator a reference names, or the field's problem.
fn known(reference: &str) -> Result<&'static Indicator, Error> {
    find(reference).map(|(_, i)| i).ok_or_else(|| {
        Error::field(
            "indicator",
            Problem::with_detail(ProblemKey::UnknownIndicator, reference),
        )
    })
}

fn view(indicator: &str, series: Option<Series>, values: Arc<Vec<Value>>) -> SeriesView {
    let direction = find(indicator).map_or(Direction::Neither, |(_, i)| i.direction);
    let whole = totals(values.iter().map(|v| &v.draft));
    let baseline = series
        .as_ref()
        .and_then(|s| s.baseline)
        .or_else(|| whole.first().copied());
    let target = series.as_ref().and_then(|s| s.target);
    SeriesView {
        indicator: indicator.to_owned(),
        status: status(direction, baseline, target, &whole),
        pace: pace(baseline, target, &whole),
        baseline,
        series,
        values,
    }
}

/// Every series of the city the reader may see, in the frameworks' order of indicators.
pub async fn of_city(
    context: &Context,
    acting: &Acting,
    city: &City,
) -> Result<CityIndicators, Error> {
    let networks = networks(context, city).await?;
    let seen: Vec<(Series, i64)> = repo::of_city(&context.db.conn, city.id)
        .await?
        .into_iter()
        .filter(|(s, _)| may_see(acting, city, &networks, s))
        .collect();
    let mut values = context.indicator_values.of(context, &seen).await?;
    let order: BTreeMap<String, usize> = super::frameworks()?
        .iter()
        .flat_map(IndicatorFramework::references)
        .enumerate()
        .map(|(n, r)| (r, n))
        .collect();
    let mut series = Vec::with_capacity(seen.len());
    for (s, _) in seen {
        let kept = values.remove(&s.id).unwrap_or_default();
        series.push(view(&s.indicator.clone(), Some(s), kept));
    }
    series.sort_by_key(|s| order.get(&s.indicator).copied().unwrap_or(usize::MAX));
    Ok(CityIndicators {
        may_record: may_record(acting, city, &networks),
        series,
    })
}

/// The city's series of one indicator: not found for an unknown indicator, and for whoever may
/// not see the series; a series not kept yet is shown empty to those who may keep it.
pub async fn one(
    context: &Context,
    acting: &Acting,
    city: &City,
    reference: &str,
) -> Result<(SeriesView, bool), Error> {
    find(reference).ok_or(Error::NotFound)?;
    let networks = networks(context, city).await?;
    let may_record = may_record(acting, city, &networks);
    match repo::series(&context.db.conn, city.id, reference).await? {
        Some(series) if may_see(acting, city, &networks, &series) => {
            let values = repo::values(&context.db.conn, &[series.id])
                .await?
                .remove(&series.id)
                .unwrap_or_default();
            Ok((view(reference, Some(series), Arc::new(values)), may_record))
        }
        None if may_record => Ok((view(reference, None, Arc::default()), true)),
        _ => Err(Error::NotFound),
    }
}

/// Sets a series' unit, baseline, target, visibility and source (made when new); an existing
/// series is saved on the revision it was read at.
pub async fn save_series(
    context: &Context,
    acting: &Acting,
    city: &City,
    reference: &str,
    input: &SeriesInput,
) -> Result<Series, Error> {
    let networks = networks(context, city).await?;
    require_record(acting, city, &networks)?;
    find(reference).ok_or(Error::NotFound)?;
    let draft = input.parse().map_err(Error::Invalid)?;
    let txn = context.db.write().await?;
    let before = repo::series(&*txn, city.id, reference).await?;
    if before.is_some() && draft.revision.is_none() {
        return Err(Error::field("revision", Problem::new(ProblemKey::Required)));
    }
    let saved = repo::save_series(
        &txn,
        &acting.who,
        city.id,
        reference,
        before.as_ref(),
        &draft,
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// The series of `reference` in this transaction, made (confidential) when the city keeps none.
async fn series_for_values(
    txn: &ateneu_db::WriteTxn<'_>,
    acting: &Acting,
    city: &City,
    reference: &str,
    unit: &str,
) -> Result<Series, Error> {
    match repo::series(&**txn, city.id, reference).await? {
        Some(series) => Ok(series),
        None => {
            let indicator = known(reference)?;
            let unit = if unit.is_empty() {
                &indicator.unit
            } else {
                unit
            };
            Ok(repo::save_series(
                txn,
                &acting.who,
                city.id,
                reference,
                None,
                &SeriesDraft::new_series(unit),
            )
            .await?)
        }
    }
}

/// Enters one value (replacing the one of the same year and breakdown).
pub async fn add_value(
    context: &Context,
    acting: &Acting,
    city: &City,
    reference: &str,
    input: &ValueInput,
) -> Result<ImportSummary, Error> {
    let networks = networks(context, city).await?;
    require_record(acting, city, &networks)?;
    find(reference).ok_or(Error::NotFound)?;
    let draft = input.parse().map_err(Error::Invalid)?;
    let txn = context.db.write().await?;
    let series = series_for_values(&txn, acting, city, reference, "").await?;
    let summary = repo::put_values(&txn, &acting.who, &series, &[draft]).await?;
    txn.commit().await?;
    Ok(summary)
}

/// Removes one value of the city's series of `reference`.
pub async fn remove_value(
    context: &Context,
    acting: &Acting,
    city: &City,
    reference: &str,
    value_id: i64,
) -> Result<(), Error> {
    let networks = networks(context, city).await?;
    require_record(acting, city, &networks)?;
    let txn = context.db.write().await?;
    let series = repo::series(&*txn, city.id, reference)
        .await?
        .ok_or(Error::NotFound)?;
    repo::remove_value(&txn, &acting.who, &series, value_id).await?;
    txn.commit().await?;
    Ok(())
}

/// Imports a tidy CSV file of values for the city: every row good, or nothing written and every
/// bad row named. `given` is the indicator of a file without an `Indicator` column. A file's
/// `Units` must be the unit of a series the city keeps already (or set it, for a new series or
/// one without a unit).
pub async fn import(
    context: &Context,
    acting: &Acting,
    city: &City,
    given: Option<&str>,
    bytes: &[u8],
) -> Result<ImportSummary, Error> {
    let networks = networks(context, city).await?;
    require_record(acting, city, &networks)?;
    let rows = tidy::parse(bytes, given, &|r| find(r).is_some()).map_err(Error::Lines)?;
    let mut by_indicator: BTreeMap<&str, (u64, &str, Vec<ValueDraft>)> = BTreeMap::new();
    for row in &rows {
        let entry = by_indicator.entry(row.indicator.as_str()).or_insert((
            row.line,
            row.units.as_str(),
            Vec::new(),
        ));
        entry.2.push(row.value.clone());
    }
    let txn = context.db.write().await?;
    let mut summary = ImportSummary::default();
    let mut mismatches = Vec::new();
    for (reference, (line, units, values)) in &by_indicator {
        let mut series = series_for_values(&txn, acting, city, reference, units).await?;
        if !units.is_empty() && *units != series.unit {
            if series.unit.is_empty() {
                let mut draft = settings_of(&series);
                draft.unit = (*units).to_owned();
                series =
                    repo::save_series(&txn, &acting.who, city.id, reference, Some(&series), &draft)
                        .await?;
            } else {
                mismatches.push(LineError {
                    line: *line,
                    column: tidy::UNITS.to_owned(),
                    problem: Problem::with_detail(ProblemKey::UnitMismatch, series.unit.clone()),
                });
                continue;
            }
        }
        let done = repo::put_values(&txn, &acting.who, &series, values).await?;
        summary.created += done.created;
        summary.updated += done.updated;
        summary.unchanged += done.unchanged;
    }
    if !mismatches.is_empty() {
        // Dropping the transaction writes nothing.
        return Err(Error::Lines(mismatches));
    }
    txn.commit().await?;
    Ok(summary)
}

/// A series' settings as a draft on its own revision.
fn settings_of(series: &Series) -> SeriesDraft {
    SeriesDraft {
        unit: series.unit.clone(),
        baseline: series.baseline,
        target: series.target,
        visibility: series.visibility,
        source: series.source.clone(),
        revision: Some(series.revision),
    }
}

/// The city's values the reader may see as a tidy CSV file, of one indicator or of all.
pub async fn export(
    context: &Context,
    acting: &Acting,
    city: &City,
    reference: Option<&str>,
) -> Result<Vec<u8>, Error> {
    let shown = match reference {
        Some(reference) => vec![one(context, acting, city, reference).await?.0],
        None => of_city(context, acting, city).await?.series,
    };
    let units: Vec<&str> = shown
        .iter()
        .map(|s| s.series.as_ref().map_or("", |s| s.unit.as_str()))
        .collect();
    let rows: Vec<TidyOut<'_>> = shown
        .iter()
        .zip(&units)
        .flat_map(|(s, units)| {
            s.values.iter().map(move |v| TidyOut {
                indicator: &s.indicator,
                units,
                value: &v.draft,
            })
        })
        .collect();
    tidy::write(&rows).map_err(|p| Error::Internal(format!("{:?}", p.key)))
}
