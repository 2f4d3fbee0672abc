//! The practices' search index in a running server: a cache of the database, built at start
//! when missing, kept current from the change log (every process catches up on its own), and
//! rebuilt on demand; plus the names of the cities that hits and facets show (the index
//! stores each practice's slug and its cities' slugs).

use crate::IndexPlace;
use ateneu_db::practices::{self as repo, Practice, PracticeCity};
use ateneu_db::{Db, DbError};
use ateneu_domain::Lang;
use ateneu_domain::ids::PracticeId;
use ateneu_domain::practices::TextField;
use ateneu_search::{DocText, FacetKind, Opened, PracticeDoc, PracticeIndex};
use chrono::Utc;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock};
use tokio::sync::Mutex;

/// A city as a hit or a facet shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityLabel {
    pub slug: String,
    pub name: ateneu_domain::TranslatedText,
    pub country: String,
}

/// The index with the names of the registry's cities, by slug.
pub struct SearchIndex {
    pub index: Arc<PracticeIndex>,
    cities: RwLock<HashMap<String, Arc<CityLabel>>>,
    /// One catch-up at a time in this process.
    sync: Mutex<()>,
    labels: RwLock<Arc<super::labels::Labels>>,
    /// Whether the registry's cities were read (once per process).
    cities_loaded: std::sync::atomic::AtomicBool,
    /// Off for commands that only write.
    enabled: bool,
    fresh: std::sync::atomic::AtomicBool,
}

/// Why the index could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum IndexingError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Index(#[from] ateneu_search::IndexError),
    #[error("indexing task failed: {0}")]
    Task(String),
}

/// Changes newer than this may still have gaps before them (a transaction not committed yet
/// on PostgreSQL); the catch-up waits for them until they are this old.
const GAP_WAIT_SECONDS: i64 = 10;
const BATCH: u64 = 1000;

impl SearchIndex {
    /// Opens the index kept in a folder (wiped and marked for a build when missing or
    /// unreadable), or one in memory.
    pub fn open(place: &IndexPlace) -> Result<SearchIndex, IndexingError> {
        let (index, fresh) = match place {
            IndexPlace::Dir(dir) => {
                let (index, opened) = PracticeIndex::open(dir)?;
                (index, matches!(opened, Opened::Created))
            }
            // In memory, every write reaches the index as it is made: nothing to build.
            IndexPlace::Memory => (PracticeIndex::in_memory()?, false),
            IndexPlace::Off => (PracticeIndex::in_memory()?, true),
        };
        Ok(SearchIndex {
            index: Arc::new(index),
            cities: RwLock::default(),
            labels: RwLock::default(),
            sync: Mutex::new(()),
            cities_loaded: std::sync::atomic::AtomicBool::new(false),
            enabled: *place != IndexPlace::Off,
            fresh: std::sync::atomic::AtomicBool::new(fresh),
        })
    }

    /// Whether the index was created empty at start (then it needs a rebuild).
    pub fn needs_build(&self) -> bool {
        self.enabled && self.fresh.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Whether searches answer from an index still being built (a first start): until the
    /// build ends, they hold only what is indexed so far.
    pub fn is_building(&self) -> bool {
        self.needs_build()
    }

    pub fn labels(&self) -> Arc<super::labels::Labels> {
        self.labels
            .read()
            .map(|labels| labels.clone())
            .unwrap_or_default()
    }

    pub fn set_labels(&self, labels: super::labels::Labels) {
        if let Ok(mut shared) = self.labels.write() {
            *shared = Arc::new(labels);
        }
    }

    pub fn city(&self, slug: &str) -> Option<Arc<CityLabel>> {
        self.cities.read().ok()?.get(slug).cloned()
    }

    /// Keeps the names of these cities.
    fn remember<'a>(&self, practice_cities: impl IntoIterator<Item = &'a PracticeCity>) {
        let Ok(mut cities) = self.cities.write() else {
            return;
        };
        for c in practice_cities {
            cities.insert(
                c.slug.clone(),
                Arc::new(CityLabel {
                    slug: c.slug.clone(),
                    name: c.name.clone(),
                    country: c.country.code().to_owned(),
                }),
            );
        }
    }

    /// Reads the registry's cities, the first time this process needs them.
    async fn load_cities(&self, db: &Db) -> Result<(), IndexingError> {
        if self
            .cities_loaded
            .swap(true, std::sync::atomic::Ordering::SeqCst)
        {
            return Ok(());
        }
        let mut after = 0;
        loop {
            let page = match repo::cities_after(&db.conn, after, BATCH).await {
                Ok(page) => page,
                Err(error) => {
                    // Tried again at the next catch-up.
                    self.cities_loaded
                        .store(false, std::sync::atomic::Ordering::SeqCst);
                    return Err(error.into());
                }
            };
            let Some(last) = page.last() else {
                return Ok(());
            };
            after = last.id.get();
            self.remember(&page);
        }
    }

    /// Applies the change log since the index's last applied change; returns how many
    /// practices were looked at again.
    pub async fn catch_up(&self, db: &Db) -> Result<usize, IndexingError> {
        if !self.enabled {
            return Ok(0);
        }
        let _turn = self.sync.lock().await;
        self.load_cities(db).await?;
        let mut touched = 0;
        loop {
            let applied = self.index.applied();
            let changes = repo::changes_since(&db.conn, applied, BATCH).await?;
            // Read after the changes: a pruning committed before they were read shows here.
            let pruned = repo::pruned_through(&db.conn).await?;
            if pruned > applied {
                tracing::warn!(
                    applied,
                    pruned,
                    "search index behind the pruned change log: rebuilding from the database"
                );
                return Ok(touched + self.rebuild_now(db, |_| {}).await? as usize);
            }
            let Some(upto) = usable_prefix(applied, &changes) else {
                return Ok(touched);
            };
            let changes = &changes[..upto];
            let mut ids: Vec<i64> = Vec::new();
            let mut cities: Vec<i64> = Vec::new();
            for change in changes {
                match change.entity.as_str() {
                    "city" => cities.push(change.entity_id),
                    _ => ids.push(change.entity_id),
                }
            }
            if !cities.is_empty() {
                self.remember(&repo::cities_by_ids(&db.conn, &cities).await?);
                ids.extend(repo::practices_of_cities(&db.conn, &cities).await?);
            }
            ids.sort_unstable();
            ids.dedup();
            let practices = repo::by_ids(
                &db.conn,
                &ids.iter().copied().map(PracticeId::new).collect::<Vec<_>>(),
            )
            .await?;
            let published: Vec<Practice> = practices
                .into_iter()
                .filter(|p| p.stage.is_public())
                .collect();
            let deleted: Vec<i64> = ids
                .iter()
                .copied()
                .filter(|id| !published.iter().any(|p| p.id.get() == *id))
                .collect();
            let docs: Vec<PracticeDoc> = published.iter().map(document).collect();
            let last = changes.last().map_or(applied, |c| c.id);
            touched += ids.len();
            self.remember(published.iter().flat_map(|p| &p.cities));
            let index = self.index.clone();
            tokio::task::spawn_blocking(move || index.apply(docs, &deleted, last))
                .await
                .map_err(|e| IndexingError::Task(e.to_string()))??;
        }
    }

    /// Rebuilds the whole index from the database; `progress` is told how many practices
    /// are done out of how many.
    pub async fn rebuild(
        &self,
        db: &Db,
        progress: impl Fn(u64) + Send + 'static,
    ) -> Result<u64, IndexingError> {
        let _turn = self.sync.lock().await;
        self.rebuild_now(db, progress).await
    }

    /// The rebuild, in this process's turn.
    async fn rebuild_now(
        &self,
        db: &Db,
        progress: impl Fn(u64) + Send + 'static,
    ) -> Result<u64, IndexingError> {
        // Everything up to the last change (or to the pruning mark, when the log was pruned
        // empty) is in what is read next.
        let applied = repo::last_change(&db.conn)
            .await?
            .max(repo::pruned_through(&db.conn).await?);
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<PracticeDoc>>(2);
        let index = self.index.clone();
        let writer = tokio::task::spawn_blocking(move || {
            index.rebuild(receiver.into_iter().flatten(), applied, progress)
        });
        // The registry's cities, read again: every city of the practices read below is there.
        self.cities_loaded
            .store(false, std::sync::atomic::Ordering::SeqCst);
        self.load_cities(db).await?;
        let mut after = 0;
        let mut count = 0u64;
        loop {
            let page = repo::published_after(&db.conn, after, BATCH).await?;
            let Some(last) = page.last() else { break };
            after = last.id.get();
            count += page.len() as u64;
            let docs: Vec<PracticeDoc> = page.iter().map(document).collect();
            let sender = sender.clone();
            // The channel is bounded: wait off the runtime while the writer catches up.
            let sent = tokio::task::spawn_blocking(move || sender.send(docs).is_ok())
                .await
                .unwrap_or(false);
            if !sent {
                break;
            }
        }
        drop(sender);
        writer
            .await
            .map_err(|e| IndexingError::Task(e.to_string()))??;
        self.fresh.store(false, std::sync::atomic::Ordering::SeqCst);
        Ok(count)
    }
}

/// How many of these changes (read after `applied`) can be applied now: all of them, unless
/// an id is missing before a recent one, in which case those before the gap (None: nothing).
fn usable_prefix(applied: i64, changes: &[repo::Change]) -> Option<usize> {
    if changes.is_empty() {
        return None;
    }
    let recent = Utc::now().timestamp() - GAP_WAIT_SECONDS;
    let mut expected = applied + 1;
    for (position, change) in changes.iter().enumerate() {
        if change.id != expected && change.created_at.timestamp() > recent && applied > 0 {
            return (position > 0).then_some(position);
        }
        expected = change.id + 1;
    }
    Some(changes.len())
}

/// A published practice as the index reads it.
pub fn document(practice: &Practice) -> PracticeDoc {
    let record = &practice.record;
    let long: Vec<TextField> = TextField::ALL
        .into_iter()
        .filter(|f| !matches!(f, TextField::Title | TextField::Summary))
        .collect();
    let mut texts = BTreeMap::new();
    for lang in record.languages() {
        let title = record
            .text(TextField::Title)
            .and_then(|t| t.get(lang))
            .unwrap_or_default()
            .to_owned();
        texts.insert(
            lang,
            DocText {
                title,
                summary: record.plain_text(lang, &[TextField::Summary]),
                body: record.plain_text(lang, &long),
            },
        );
    }
    let mut facets = Vec::new();
    let tags = &record.tags;
    facets.extend(tags.sdgs.iter().map(|n| (FacetKind::Sdg, n.to_string())));
    facets.extend(tags.fields.iter().map(|f| (FacetKind::Field, f.clone())));
    facets.extend(
        tags.keywords
            .iter()
            .map(|k| (FacetKind::Keyword, k.clone())),
    );
    if let Some(field) = &tags.creative_field {
        facets.push((FacetKind::CreativeField, field.clone()));
    }
    for city in &practice.cities {
        facets.push((FacetKind::City, city.slug.clone()));
        facets.push((FacetKind::Country, city.country.code().to_owned()));
        facets.push((FacetKind::Region, city.region.clone()));
    }
    facets.sort();
    facets.dedup();
    if let Some(start) = record.start_date {
        facets.push((FacetKind::Year, chrono::Datelike::year(&start).to_string()));
    }
    facets.push((FacetKind::Status, record.status.key().to_owned()));
    PracticeDoc {
        id: practice.id.get(),
        slug: practice.slug.clone(),
        cities: practice.cities.iter().map(|c| c.slug.clone()).collect(),
        source_lang: record.source_lang,
        texts: if texts.is_empty() {
            BTreeMap::from([(
                Lang::En,
                DocText {
                    title: practice.slug.clone(),
                    summary: String::new(),
                    body: String::new(),
                },
            )])
        } else {
            texts
        },
        published_at: practice
            .published_at
            .unwrap_or(practice.updated_at)
            .timestamp(),
        facets,
    }
}
