//! Where each text of a practice stands in each language: the grid a translator works from and
//! the queue of what is missing or outdated.

use super::{PracticeRecord, TextField};
use crate::Lang;
use crate::ProblemKey;
use crate::text::TranslationStatus;
use serde::Serialize;

/// One language of one field, as the translation grid shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellStatus {
    /// The source language of that field.
    Source,
    Missing,
    Draft,
    Translated,
    NeedsUpdate,
    Reviewed,
}

impl CellStatus {
    pub fn key(self) -> &'static str {
        match self {
            CellStatus::Source => "source",
            CellStatus::Missing => "missing",
            CellStatus::Draft => "draft",
            CellStatus::Translated => "translated",
            CellStatus::NeedsUpdate => "needs_update",
            CellStatus::Reviewed => "reviewed",
        }
    }

    /// Whether a translator has work here.
    pub fn is_work(self) -> bool {
        matches!(
            self,
            CellStatus::Missing | CellStatus::Draft | CellStatus::NeedsUpdate
        )
    }

    pub fn parse(value: &str) -> Option<TranslationStatus> {
        match value.trim() {
            "draft" => Some(TranslationStatus::Draft),
            "translated" => Some(TranslationStatus::Translated),
            "needs_update" => Some(TranslationStatus::NeedsUpdate),
            "reviewed" => Some(TranslationStatus::Reviewed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub field: TextField,
    pub lang: Lang,
    pub status: CellStatus,
    pub translator: Option<i64>,
}

/// Every (field, language) of the fields that have a text.
pub fn grid(record: &PracticeRecord) -> Vec<Cell> {
    let mut cells = Vec::new();
    for (field, text) in &record.texts {
        for lang in Lang::ALL {
            let (status, translator) = if lang == text.source {
                (CellStatus::Source, None)
            } else {
                match text.values.get(&lang) {
                    None => (CellStatus::Missing, None),
                    Some(value) => (
                        match value.status {
                            TranslationStatus::Draft => CellStatus::Draft,
                            TranslationStatus::Translated => CellStatus::Translated,
                            TranslationStatus::NeedsUpdate => CellStatus::NeedsUpdate,
                            TranslationStatus::Reviewed => CellStatus::Reviewed,
                        },
                        value.translator,
                    ),
                }
            };
            cells.push(Cell {
                field: *field,
                lang,
                status,
                translator,
            });
        }
    }
    cells
}

/// What a translator has to do for a practice in a language: the number of fields missing,
/// in draft, or needing an update.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Work {
    pub missing: usize,
    pub draft: usize,
    pub needs_update: usize,
}

impl Work {
    pub fn total(&self) -> usize {
        self.missing + self.draft + self.needs_update
    }
}

pub fn work(record: &PracticeRecord, lang: Lang) -> Work {
    let mut work = Work::default();
    for cell in grid(record).into_iter().filter(|c| c.lang == lang) {
        match cell.status {
            CellStatus::Missing => work.missing += 1,
            CellStatus::Draft => work.draft += 1,
            CellStatus::NeedsUpdate => work.needs_update += 1,
            _ => {}
        }
    }
    work
}

/// The stages whose practices are in the translators' queue: on their way to publication
/// (past the city's own editing) and published.
pub const QUEUE_STAGES: [super::Stage; 4] = [
    super::Stage::Submitted,
    super::Stage::InReview,
    super::Stage::Approved,
    super::Stage::Published,
];

/// Where a page of the translators' queue ends and the next one starts: the queue is ordered
/// by work left (most first), then by practice id (newest first). Spelled `work.id` in
/// addresses (`after=4.1207`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueuePlace {
    pub work: u32,
    pub id: i64,
}

impl std::fmt::Display for QueuePlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.work, self.id)
    }
}

impl std::str::FromStr for QueuePlace {
    type Err = crate::Problem;

    fn from_str(text: &str) -> Result<QueuePlace, crate::Problem> {
        let bad = || crate::Problem::with_detail(ProblemKey::InvalidQueuePlace, text);
        let (work, id) = text.trim().split_once('.').ok_or_else(bad)?;
        Ok(QueuePlace {
            work: work.parse().map_err(|_| bad())?,
            id: id.parse().map_err(|_| bad())?,
        })
    }
}

impl QueuePlace {
    /// The `after=` of an address: none when absent or blank.
    pub fn parse_optional(text: Option<&str>) -> Result<Option<QueuePlace>, crate::Problem> {
        match text.map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => text.parse().map(Some),
        }
    }
}

/// The work left in each language, in [`Lang::ALL`] order: what the queue is ordered by.
pub fn work_per_language(record: &PracticeRecord) -> [u32; 3] {
    Lang::ALL.map(|lang| u32::try_from(work(record, lang).total()).unwrap_or(u32::MAX))
}
