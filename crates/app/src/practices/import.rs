//! Importing a practices file of any size from disk (`ateneu import practices`): the file is
//! read twice as a stream, never held. The first reading checks every line and collects the
//! cities it names; only a file without a problem is written, in one transaction, by the
//! second reading, which checks every line again: a file whose bytes changed in between (a
//! digest of each reading tells) writes nothing.

use crate::Context;
use crate::error::Error;
use ateneu_db::audit::Who;
use ateneu_db::practices::{ImportSummary, ImportWriter};
use ateneu_domain::csv_format::LineError;
use ateneu_domain::practices::Stage;
use ateneu_domain::practices::import::{Checker, ImportedPractice, NamedCities, Vocabulary};
use ateneu_domain::{Problem, ProblemKey};
use sha2::{Digest, Sha256};
use std::io::BufRead;
use std::path::Path;

/// How many problems a refused file reports in full (all are counted).
pub const PROBLEMS_KEPT: usize = 50;

/// Why a file was not imported.
#[derive(Debug)]
pub enum FileError {
    /// The file could not be opened or read.
    Unreadable(String),
    /// Lines with problems: the first [`PROBLEMS_KEPT`] of them, and how many in all.
    Lines {
        kept: Vec<LineError>,
        count: u64,
    },
    Failed(Error),
}

impl From<Error> for FileError {
    fn from(error: Error) -> Self {
        FileError::Failed(error)
    }
}

impl From<ateneu_db::DbError> for FileError {
    fn from(error: ateneu_db::DbError) -> Self {
        FileError::Failed(error.into())
    }
}

/// Where an import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Lines checked so far, by bytes read of the file's size.
    Checked { bytes: u64, size: u64 },
    /// Practices written so far, of all the file holds.
    Written { practices: u64, of: u64 },
}

/// Checks then imports the file at `path` (JSON Lines, the format of the README). New
/// practices enter at `stage`; nothing is written unless every line is valid.
pub async fn import_file(
    state: &Context,
    who: &Who,
    path: &Path,
    stage: Stage,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<ImportSummary, FileError> {
    let vocabulary = super::vocabulary(state).await?;
    let size = std::fs::metadata(path)
        .map_err(|e| FileError::Unreadable(e.to_string()))?
        .len();
    // First reading: every line checked, the cities named collected.
    let mut checker = Checker::new(&vocabulary, PROBLEMS_KEPT);
    let mut cities = NamedCities::default();
    let mut checked = Sha256::new();
    each_line(path, |line, raw, bytes| {
        checked.update(raw);
        checked.update(b"\n");
        if let Some(practice) = checker.check_bytes(line, raw) {
            cities.add(&practice);
        }
        if line % 10_000 == 0 {
            progress(Progress::Checked { bytes, size });
        }
        Ok(())
    })?;
    let count = checker.problem_count();
    let practices = checker
        .finish()
        .map_err(|kept| FileError::Lines { kept, count })?;

    // Second reading: written chunk by chunk in one transaction.
    let mut writer = ImportWriter::begin(&state.db, who, stage).await?;
    writer.add_cities(cities.in_order.iter()).await?;
    drop(cities);
    let mut rereading = Rereading::new(&vocabulary);
    let mut reader = open(path)?;
    let mut written = 0u64;
    loop {
        let chunk = rereading.next_chunk(&mut reader, ImportWriter::CHUNK)?;
        if chunk.is_empty() {
            break;
        }
        writer.write(&chunk).await?;
        written += chunk.len() as u64;
        progress(Progress::Written {
            practices: written,
            of: practices,
        });
    }
    if rereading.checker.finish().ok() != Some(practices)
        || rereading.digest.finalize() != checked.finalize()
    {
        return Err(changed(rereading.line));
    }
    Ok(writer.commit().await?)
}

fn open(path: &Path) -> Result<std::io::BufReader<std::fs::File>, FileError> {
    let file = std::fs::File::open(path).map_err(|e| FileError::Unreadable(e.to_string()))?;
    Ok(std::io::BufReader::with_capacity(1 << 20, file))
}

/// Calls `each` with every line's number (from 1), bytes (without the end of line) and the
/// bytes read so far.
fn each_line(
    path: &Path,
    mut each: impl FnMut(u64, &[u8], u64) -> Result<(), FileError>,
) -> Result<(), FileError> {
    let mut reader = open(path)?;
    let mut buffer = Vec::new();
    let mut line = 0u64;
    let mut bytes = 0u64;
    loop {
        buffer.clear();
        let read = reader
            .read_until(b'\n', &mut buffer)
            .map_err(|e| FileError::Unreadable(e.to_string()))?;
        if read == 0 {
            return Ok(());
        }
        line += 1;
        bytes += read as u64;
        let raw = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        each(line, raw, bytes)?;
    }
}

/// The second reading: the file's practices in chunks, each line checked again.
struct Rereading<'v> {
    checker: Checker<'v>,
    buffer: Vec<u8>,
    line: u64,
    /// The digest of the lines read again, to compare with the first reading's.
    digest: Sha256,
}

impl<'v> Rereading<'v> {
    fn new(vocabulary: &'v Vocabulary) -> Self {
        Rereading {
            checker: Checker::new(vocabulary, 1),
            buffer: Vec::new(),
            line: 0,
            digest: Sha256::new(),
        }
    }

    /// Up to `size` practices; none at the end of the file. A line that has become invalid
    /// means the file changed since it was checked.
    fn next_chunk(
        &mut self,
        reader: &mut impl BufRead,
        size: usize,
    ) -> Result<Vec<ImportedPractice>, FileError> {
        let mut chunk = Vec::with_capacity(size);
        while chunk.len() < size {
            self.buffer.clear();
            let read = reader
                .read_until(b'\n', &mut self.buffer)
                .map_err(|e| FileError::Unreadable(e.to_string()))?;
            if read == 0 {
                break;
            }
            self.line += 1;
            let raw = self.buffer.strip_suffix(b"\n").unwrap_or(&self.buffer);
            self.digest.update(raw);
            self.digest.update(b"\n");
            if let Some(practice) = self.checker.check_bytes(self.line, raw) {
                chunk.push(practice);
            }
            if self.checker.problem_count() > 0 {
                return Err(changed(self.line));
            }
        }
        Ok(chunk)
    }
}

fn changed(line: u64) -> FileError {
    FileError::Lines {
        kept: vec![LineError {
            line: line.max(1),
            column: String::new(),
            problem: Problem::new(ProblemKey::FileChanged),
        }],
        count: 1,
    }
}
