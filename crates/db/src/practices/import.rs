//! Importing practices from a checked file in one transaction: practices found by their
//! external id are updated (or left alone when nothing changed; files uploaded to them stay),
//! the others created; cities are found by name and country, or created.

use super::free_practice_slug_in;
use crate::audit::{self, Who};
use crate::entities::{city, practice, practice_city, search_change};
use crate::{Db, DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::TranslatedText;
use ateneu_domain::cities::{CityDraft, fold};
use ateneu_domain::countries::region_of;
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::practices::Stage;
use ateneu_domain::practices::import::{CityName, ImportedPractice};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What a practices import did: the counts of every import, and the cities it added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    #[serde(flatten)]
    pub counts: crate::ImportSummary,
    /// The cities the import added to the registry, as "Name (CC)".
    pub cities_created: Vec<String>,
}

impl std::ops::Deref for ImportSummary {
    type Target = crate::ImportSummary;

    fn deref(&self) -> &crate::ImportSummary {
        &self.counts
    }
}

impl std::ops::DerefMut for ImportSummary {
    fn deref_mut(&mut self) -> &mut crate::ImportSummary {
        &mut self.counts
    }
}

const CHUNK: usize = 400;

/// How a named city is looked up: its folded name and its country.
fn city_key(city: &CityName) -> (String, String) {
    (fold(&city.name), city.country.code().to_owned())
}

/// Imports checked practices held in memory, in one transaction; new ones enter at `stage`
/// (published for an archive of practices already reviewed, draft otherwise).
pub async fn import(
    db: &Db,
    who: &Who,
    practices: &[ImportedPractice],
    stage: Stage,
    progress: &(dyn Fn(u64) + Sync),
) -> DbResult<ImportSummary> {
    let mut writer = Writer::begin(db, who, stage).await?;
    writer
        .add_cities(practices.iter().flat_map(|p| p.cities.iter()))
        .await?;
    let mut done = 0u64;
    for chunk in practices.chunks(CHUNK) {
        writer.write(chunk).await?;
        done += chunk.len() as u64;
        progress(done);
    }
    writer.commit().await
}

/// An import under way, written chunk by chunk in one transaction, so that a file of any size
/// is imported without holding it: the cities first, then the practices in chunks of
/// [`Writer::CHUNK`]. Dropped without [`Writer::commit`], it writes nothing.
pub struct Writer<'a> {
    txn: WriteTxn<'a>,
    who: &'a Who,
    stage: Stage,
    /// Cities by folded name (in any language) and country.
    cities: HashMap<(String, String), i64>,
    slugs: HashSet<String>,
    summary: ImportSummary,
    now: chrono::DateTime<Utc>,
}

impl<'a> Writer<'a> {
    /// The number of practices a chunk should hold.
    pub const CHUNK: usize = CHUNK;

    pub async fn begin(db: &'a Db, who: &'a Who, stage: Stage) -> DbResult<Writer<'a>> {
        let txn = db.write().await?;
        let mut cities: HashMap<(String, String), i64> = HashMap::new();
        let rows: Vec<(i64, String, String)> = city::Entity::find()
            .select_only()
            .columns([city::Column::Id, city::Column::Name, city::Column::Country])
            .into_tuple()
            .all(&*txn)
            .await?;
        for (id, name, country) in rows {
            let name: TranslatedText = from_json(&name)?;
            for lang_name in name.values.values() {
                cities
                    .entry((fold(&lang_name.text), country.clone()))
                    .or_insert(id);
            }
        }
        let slugs: HashSet<String> = practice::Entity::find()
            .select_only()
            .column(practice::Column::Slug)
            .into_tuple::<String>()
            .all(&*txn)
            .await?
            .into_iter()
            .collect();
        Ok(Writer {
            txn,
            who,
            stage,
            cities,
            slugs,
            summary: ImportSummary::default(),
            now: Utc::now(),
        })
    }

    /// Adds the named cities that are not in the registry yet (each once, in this order).
    pub async fn add_cities(&mut self, names: impl Iterator<Item = &CityName>) -> DbResult<()> {
        for name in names {
            let key = city_key(name);
            if self.cities.contains_key(&key) {
                continue;
            }
            let draft = CityDraft {
                name: TranslatedText::new(ateneu_domain::Lang::En, &name.name)
                    .map_err(|_| DbError::Corrupt(name.name.clone()))?,
                country: name.country,
                region: region_of(name.country.code())
                    .unwrap_or("europe")
                    .to_owned(),
                population: None,
                coordinates: None,
                website: None,
                description: None,
            };
            let city = crate::cities::create(&self.txn, self.who, &draft, false).await?;
            self.summary
                .cities_created
                .push(format!("{} ({})", name.name, name.country.code()));
            self.cities.insert(key, city.id.get());
        }
        Ok(())
    }

    /// The ids of the named cities, every one added before (`add_cities`).
    fn resolve(&self, wanted: &[CityName]) -> DbResult<Vec<i64>> {
        wanted
            .iter()
            .map(|c| {
                self.cities
                    .get(&city_key(c))
                    .copied()
                    .ok_or_else(|| DbError::Corrupt(format!("{} was not added", c.name)))
            })
            .collect()
    }

    /// Writes a chunk of practices whose cities were added: those found by external id are
    /// updated (or left alone when nothing changed), the others created.
    pub async fn write(&mut self, chunk: &[ImportedPractice]) -> DbResult<()> {
        let (existing, links) = self.existing(chunk).await?;
        let txn = &self.txn;
        let who = self.who;
        let stage = self.stage;
        let now = self.now;
        let mut new_rows = Vec::new();
        let mut new_cities: Vec<(String, Vec<i64>)> = Vec::new();
        let mut changed_ids = Vec::new();
        for item in chunk {
            let city_list = self.resolve(&item.cities)?;
            match existing.get(&item.external_id) {
                Some(model) => {
                    let kept = super::media::keep_uploads(&item.record, &model.record)?;
                    let record = to_json(&kept)?;
                    let mut before = links.get(&model.id).cloned().unwrap_or_default();
                    let mut after = city_list.clone();
                    before.sort_unstable();
                    after.sort_unstable();
                    if model.record == record && before == after {
                        self.summary.unchanged += 1;
                        continue;
                    }
                    super::translation::with_work(practice::Entity::update_many(), &kept)
                        .col_expr(
                            practice::Column::Record,
                            sea_orm::sea_query::Expr::value(record),
                        )
                        .col_expr(
                            practice::Column::UpdatedAt,
                            sea_orm::sea_query::Expr::value(now),
                        )
                        .filter(practice::Column::Id.eq(model.id))
                        .exec(&**txn)
                        .await?;
                    if before != after {
                        let typed: Vec<CityId> =
                            city_list.iter().copied().map(CityId::new).collect();
                        super::link_cities(&**txn, model.id, &typed).await?;
                    }
                    changed_ids.push((model.id, model.slug.clone(), "practice.import_update"));
                    self.summary.updated += 1;
                }
                None => {
                    let record = to_json(&item.record)?;
                    let slug = free_practice_slug_in(
                        item.record.title(item.record.source_lang),
                        &mut self.slugs,
                    );
                    let mut row = practice::ActiveModel {
                        slug: Set(slug),
                        external_id: Set(Some(item.external_id.clone())),
                        stage: Set(stage.key().to_owned()),
                        record: Set(record),
                        featured: Set(false),
                        newsletter_on: Set(None),
                        published_at: Set((stage == Stage::Published).then_some(now)),
                        created_by: Set(who.user_id.map(AccountId::get)),
                        created_at: Set(now),
                        updated_at: Set(now),
                        ..Default::default()
                    };
                    super::translation::set_work(&mut row, &item.record);
                    new_rows.push(row);
                    new_cities.push((item.external_id.clone(), city_list));
                    self.summary.created += 1;
                }
            }
        }
        if !new_rows.is_empty() {
            practice::Entity::insert_many(new_rows)
                .exec_without_returning(&**txn)
                .await?;
            let ids: HashMap<String, (i64, String)> = practice::Entity::find()
                .select_only()
                .columns([
                    practice::Column::ExternalId,
                    practice::Column::Id,
                    practice::Column::Slug,
                ])
                .filter(
                    practice::Column::ExternalId
                        .is_in(new_cities.iter().map(|(external, _)| external.clone())),
                )
                .into_tuple::<(String, i64, String)>()
                .all(&**txn)
                .await?
                .into_iter()
                .map(|(external, id, slug)| (external, (id, slug)))
                .collect();
            let mut link_rows = Vec::new();
            for (external, city_list) in &new_cities {
                let (id, slug) = ids.get(external).cloned().ok_or(DbError::NotFound)?;
                for (position, city_id) in city_list.iter().enumerate() {
                    link_rows.push(practice_city::ActiveModel {
                        practice_id: Set(id),
                        city_id: Set(*city_id),
                        position: Set(position as i32),
                    });
                }
                changed_ids.push((id, slug, "practice.import_create"));
            }
            if !link_rows.is_empty() {
                practice_city::Entity::insert_many(link_rows)
                    .exec_without_returning(&**txn)
                    .await?;
            }
        }
        if !changed_ids.is_empty() {
            let changes = changed_ids
                .iter()
                .map(|(id, _, _)| search_change::ActiveModel {
                    entity: Set("practice".to_owned()),
                    entity_id: Set(*id),
                    created_at: Set(now),
                    ..Default::default()
                });
            search_change::Entity::insert_many(changes)
                .exec_without_returning(&**txn)
                .await?;
            audit::record_many(
                &**txn,
                who,
                "practice",
                changed_ids
                    .iter()
                    .map(|(_, slug, action)| (*action, slug.clone(), serde_json::json!({}))),
            )
            .await?;
        }
        Ok(())
    }

    /// The chunk's practices already imported, by external id, with their cities.
    async fn existing(
        &self,
        chunk: &[ImportedPractice],
    ) -> DbResult<(HashMap<String, practice::Model>, HashMap<i64, Vec<i64>>)> {
        let mut existing: HashMap<String, practice::Model> = HashMap::new();
        for model in practice::Entity::find()
            .filter(practice::Column::ExternalId.is_in(chunk.iter().map(|p| p.external_id.clone())))
            .all(&*self.txn)
            .await?
        {
            if let Some(id) = model.external_id.clone() {
                existing.insert(id, model);
            }
        }
        let mut links: HashMap<i64, Vec<i64>> = HashMap::new();
        if !existing.is_empty() {
            let rows: Vec<(i64, i64)> = practice_city::Entity::find()
                .select_only()
                .columns([
                    practice_city::Column::PracticeId,
                    practice_city::Column::CityId,
                ])
                .filter(practice_city::Column::PracticeId.is_in(existing.values().map(|m| m.id)))
                .into_tuple()
                .all(&*self.txn)
                .await?;
            for (practice_id, city_id) in rows {
                links.entry(practice_id).or_default().push(city_id);
            }
        }
        Ok((existing, links))
    }

    /// Records the import in the audit log and commits it.
    pub async fn commit(self) -> DbResult<ImportSummary> {
        audit::record(
            &*self.txn,
            self.who,
            "practice.import",
            "practice",
            "",
            serde_json::to_value(&self.summary).unwrap_or_default(),
        )
        .await?;
        self.txn.commit().await?;
        Ok(self.summary)
    }
}
