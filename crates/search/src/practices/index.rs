//! [`PracticeIndex`]: opening (or wiping and creating) the index in its directory, applying
//! changes and rebuilds through its one writer, and handing searches a consistent snapshot.

use super::facets::{self, FacetKind};
use super::parallel::{balanced, search_parts};
use super::query::Analyzers;
use super::schema::{self, Fields, SCHEMA_VERSION, SUMMARY_COPIES, lang_bit};
use super::snapshot::Snapshot;
use super::tags::{TagName, TagTerms};
use super::{IndexError, Opened, PracticeDoc, SearchRequest, SearchResponse};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tantivy::directory::MmapDirectory;
use tantivy::index::SegmentId;
use tantivy::indexer::{LogMergePolicy, NoMergePolicy};
use tantivy::store::Compressor;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError,
    Term,
};

/// The writer's memory budget (one indexing thread).
const WRITER_MEMORY: usize = 50_000_000;
/// Decompressed blocks of stored text kept for hits.
const DOC_STORE_CACHE_BLOCKS: usize = 100;
/// `rebuild` reports progress every so many practices.
const PROGRESS_EVERY: u64 = 1_000;

/// What the commit payload holds.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    applied: i64,
}

fn payload(applied: i64) -> String {
    serde_json::to_string(&Payload {
        schema: SCHEMA_VERSION,
        applied,
    })
    .unwrap_or_default()
}

/// The full-text index of good practices. Shared by the web server in an `Arc`: searches run
/// concurrently on the latest snapshot; changes go through one writer.
pub struct PracticeIndex {
    index: Index,
    fields: Fields,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
    snapshot: RwLock<Arc<Snapshot>>,
    applied: AtomicI64,
    dir: Option<PathBuf>,
    analyzers: Analyzers,
    tags: RwLock<Arc<TagTerms>>,
}

impl std::fmt::Debug for PracticeIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PracticeIndex")
            .field("dir", &self.dir)
            .field("applied", &self.applied())
            .field("len", &self.len())
            .finish()
    }
}

/// Bytes of stored text compressed together. A page of hits reads one block per hit, spread
/// over the whole index: small blocks decompress fast (tantivy's default, 16 KiB, took
/// several microseconds per hit) for a slightly larger index.
const DOC_STORE_BLOCK: usize = 4 * 1024;

fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Lz4,
        docstore_blocksize: DOC_STORE_BLOCK,
        ..IndexSettings::default()
    }
}

fn is_lock_failure(error: &IndexError) -> bool {
    matches!(error, IndexError::Tantivy(TantivyError::LockFailure(..)))
}

impl PracticeIndex {
    /// Opens the index in `dir`, the server's way: a missing or unreadable index, or one of
    /// another schema version, is wiped and created empty ([`Opened::Created`]: rebuild it).
    /// The directory belongs to the index: its files are deleted then. Fails when another
    /// process holds the index's writer.
    pub fn open(dir: &Path) -> Result<(PracticeIndex, Opened), IndexError> {
        std::fs::create_dir_all(dir)?;
        match Self::open_dir(dir, true) {
            Ok(index) => {
                let applied = index.applied();
                Ok((index, Opened::Existing { applied }))
            }
            Err(error) if is_lock_failure(&error) => Err(error),
            Err(_) => {
                wipe(dir)?;
                let directory = MmapDirectory::open(dir)?;
                let index = Index::create(directory, schema::schema().0, settings())?;
                let created = Self::from_index(index, Some(dir.to_owned()), true)?;
                created.commit_payload(0)?;
                Ok((created, Opened::Created))
            }
        }
    }

    /// Opens an existing index without ever wiping it (tools, benchmarks); fails with
    /// [`IndexError::Incompatible`] when there is none of this schema version. The writer
    /// is only taken on the first change.
    pub fn open_existing(dir: &Path) -> Result<PracticeIndex, IndexError> {
        Self::open_dir(dir, false)
    }

    /// An empty index in memory (tests).
    pub fn in_memory() -> Result<PracticeIndex, IndexError> {
        let index = Index::builder()
            .schema(schema::schema().0)
            .settings(settings())
            .create_in_ram()?;
        let created = Self::from_index(index, None, true)?;
        created.commit_payload(0)?;
        Ok(created)
    }

    fn open_dir(dir: &Path, with_writer: bool) -> Result<PracticeIndex, IndexError> {
        let incompatible = || IndexError::Incompatible(dir.display().to_string());
        let directory = MmapDirectory::open(dir)?;
        if !Index::exists(&directory).map_err(TantivyError::from)? {
            return Err(incompatible());
        }
        let index = Index::open(directory)?;
        let metas = index.load_metas()?;
        let stored: Option<Payload> = metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok());
        if stored.is_none_or(|p| p.schema != SCHEMA_VERSION) || index.schema() != schema::schema().0
        {
            return Err(incompatible());
        }
        Self::from_index(index, Some(dir.to_owned()), with_writer)
    }

    fn from_index(
        index: Index,
        dir: Option<PathBuf>,
        with_writer: bool,
    ) -> Result<PracticeIndex, IndexError> {
        schema::register_tokenizers(index.tokenizers());
        let (_, fields) = schema::schema();
        let writer = if with_writer {
            Some(new_writer(&index)?)
        } else {
            None
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(DOC_STORE_CACHE_BLOCKS)
            .try_into()?;
        let snapshot = Snapshot::build(reader.searcher(), &fields, None)?;
        let applied = index
            .load_metas()?
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str::<Payload>(p).ok())
            .map_or(0, |p| p.applied);
        Ok(PracticeIndex {
            index,
            fields,
            reader,
            writer: Mutex::new(writer),
            snapshot: RwLock::new(Arc::new(snapshot)),
            applied: AtomicI64::new(applied),
            dir,
            analyzers: Analyzers::new(),
            tags: RwLock::new(Arc::new(TagTerms::default())),
        })
    }

    /// The last change-log id applied (0 for a new index).
    pub fn applied(&self) -> i64 {
        self.applied.load(Ordering::SeqCst)
    }

    /// Replaces the given practices (by id: never a duplicate), deletes others (after the
    /// replacements), records `applied`, commits, and makes searches see it all.
    pub fn apply(
        &self,
        upserts: Vec<PracticeDoc>,
        deletes: &[i64],
        applied: i64,
    ) -> Result<(), IndexError> {
        self.with_writer(|writer| {
            for doc in &upserts {
                writer.delete_term(self.id_term(doc.id));
                writer.add_document(self.document(doc))?;
            }
            for id in deletes {
                writer.delete_term(self.id_term(*id));
            }
            commit(writer, applied)
        })?;
        self.applied.store(applied, Ordering::SeqCst);
        Ok(())
    }

    /// Replaces everything with `docs` in one commit (searches see the old index until
    /// then), merged into as many segments of about equal size as searches can run side by
    /// side; `progress` hears the count of practices added.
    pub fn rebuild(
        &self,
        docs: impl Iterator<Item = PracticeDoc>,
        applied: i64,
        mut progress: impl FnMut(u64),
    ) -> Result<(), IndexError> {
        self.with_writer(|writer| {
            writer.set_merge_policy(Box::new(NoMergePolicy));
            writer.delete_all_documents()?;
            let mut added = 0u64;
            for doc in docs {
                writer.add_document(self.document(&doc))?;
                added += 1;
                if added.is_multiple_of(PROGRESS_EVERY) {
                    progress(added);
                }
            }
            progress(added);
            commit(writer, applied)?;
            let segments: Vec<(SegmentId, u32)> = self
                .index
                .searchable_segment_metas()?
                .iter()
                .map(|meta| (meta.id(), meta.num_docs()))
                .collect();
            let merges: Vec<_> = balanced(&segments, search_parts(added))
                .into_iter()
                .filter(|group| group.len() > 1)
                .map(|group| writer.merge(&group))
                .collect();
            for merge in merges {
                merge.wait()?;
            }
            writer.set_merge_policy(Box::<LogMergePolicy>::default());
            Ok(())
        })?;
        self.applied.store(applied, Ordering::SeqCst);
        Ok(())
    }

    /// The names of the tags (keywords, framework fields, SDGs, creative fields) in each
    /// language, through which words reach the practices carrying them: replaces those known.
    pub fn set_tag_names(&self, names: &[TagName]) -> Result<(), IndexError> {
        let mut analyzers = self.analyzers.clone();
        let terms = TagTerms::build(names, &mut analyzers);
        *self.tags.write().map_err(|_| IndexError::Poisoned)? = Arc::new(terms);
        Ok(())
    }

    /// Runs a search; the user's text never makes it fail.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, IndexError> {
        self.search_top_facets(request, usize::MAX)
    }

    /// [`PracticeIndex::search`], with each facet list cut to its first `per_kind` values
    /// (the most frequent): the same answer otherwise, without building lists nobody shows
    /// (a kind such as cities can have thousands of values).
    pub fn search_top_facets(
        &self,
        request: &SearchRequest,
        per_kind: usize,
    ) -> Result<SearchResponse, IndexError> {
        let snapshot = self.snapshot()?;
        let tags = self
            .tags
            .read()
            .map(|t| Arc::clone(&t))
            .map_err(|_| IndexError::Poisoned)?;
        super::search::search(
            &snapshot,
            &self.fields,
            &self.analyzers,
            &tags,
            request,
            per_kind,
        )
    }

    /// The number of practices.
    pub fn len(&self) -> u64 {
        self.snapshot().map_or(0, |s| s.searcher.num_docs())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes of the index's files (0 in memory).
    pub fn size_on_disk(&self) -> u64 {
        let Some(dir) = &self.dir else {
            return 0;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return 0;
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    }

    pub(crate) fn snapshot(&self) -> Result<Arc<Snapshot>, IndexError> {
        self.snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .map_err(|_| IndexError::Poisoned)
    }

    /// Runs `change` with the writer (taken now if not yet), rolls back what it left
    /// uncommitted if it failed, then reloads the searches' snapshot.
    fn with_writer(
        &self,
        change: impl FnOnce(&mut IndexWriter) -> Result<(), IndexError>,
    ) -> Result<(), IndexError> {
        let mut guard = self.writer.lock().map_err(|_| IndexError::Poisoned)?;
        if guard.is_none() {
            *guard = Some(new_writer(&self.index)?);
        }
        let Some(writer) = guard.as_mut() else {
            return Err(IndexError::Poisoned);
        };
        if let Err(error) = change(writer) {
            let _ = writer.rollback();
            return Err(error);
        }
        self.reader.reload()?;
        let previous = self.snapshot()?;
        let next = Snapshot::build(self.reader.searcher(), &self.fields, Some(&previous))?;
        *self.snapshot.write().map_err(|_| IndexError::Poisoned)? = Arc::new(next);
        Ok(())
    }

    fn commit_payload(&self, applied: i64) -> Result<(), IndexError> {
        self.with_writer(|writer| commit(writer, applied))
    }

    fn id_term(&self, id: i64) -> Term {
        Term::from_field_i64(self.fields.id, id)
    }

    /// A practice as a tantivy document.
    fn document(&self, practice: &PracticeDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_i64(f.id, practice.id);
        doc.add_i64(f.published, practice.published_at);
        doc.add_u64(f.source, lang_bit(practice.source_lang));
        doc.add_text(f.slug, &practice.slug);
        for city in &practice.cities {
            doc.add_text(f.city, city);
        }
        let mut bits = 0;
        for (lang, text) in &practice.texts {
            bits |= lang_bit(*lang);
            let lf = f.lang(*lang);
            doc.add_text(lf.title, &text.title);
            doc.add_text(lf.summary, &text.summary);
            doc.add_text(lf.text, &text.title);
            for _ in 0..SUMMARY_COPIES {
                doc.add_text(lf.text, &text.summary);
            }
            doc.add_text(lf.text, &text.body);
            if let Some(encoded) = facets::encode(FacetKind::Language, lang.code()) {
                doc.add_text(f.facet, encoded);
            }
        }
        doc.add_u64(f.langs, bits);
        for (kind, value) in &practice.facets {
            if *kind == FacetKind::Language {
                continue;
            }
            if let Some(encoded) = facets::encode(*kind, value) {
                doc.add_text(f.facet, encoded);
            }
        }
        doc
    }
}

fn new_writer(index: &Index) -> Result<IndexWriter, IndexError> {
    Ok(index.writer_with_num_threads(1, WRITER_MEMORY)?)
}

fn commit(writer: &mut IndexWriter, applied: i64) -> Result<(), IndexError> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload(applied));
    prepared.commit()?;
    Ok(())
}

/// Deletes the files of `dir` (not its subdirectories, not tantivy's lock files).
fn wipe(dir: &Path) -> Result<(), IndexError> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if entry.file_type()?.is_file()
            && !(name.starts_with(".tantivy-") && name.ends_with(".lock"))
        {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}
