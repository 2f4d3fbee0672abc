//! The registry as files: the cities and memberships CSV that the import pages, the API and
//! the command line read (every line checked first; nothing written unless the whole file is
//! valid), and that the export pages and the command line write (every cell safe to open in a
//! spreadsheet).

use crate::{Acting, Context, Error};
use ateneu_db::{cities, memberships};
use ateneu_domain::csv_format::{self, CITY_COLUMNS, LineError, MEMBERSHIP_COLUMNS};
use ateneu_domain::permissions::Action;
use ateneu_domain::{Problem, ProblemKey};
use serde::Serialize;

/// Which registry file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Cities,
    Memberships,
}

/// What an import did, whichever the file.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Checks a whole file, then writes it in one transaction; a bad line (or, for memberships, a
/// city the registry does not know) refuses the whole file with every line's problem.
/// `progress` hears how many cities are written so far.
pub async fn import(
    context: &Context,
    acting: &Acting,
    kind: FileKind,
    bytes: impl AsRef<[u8]> + Send + 'static,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Imported, Error> {
    acting.require(Action::ImportRegistry)?;
    if bytes.as_ref().is_empty() {
        return Err(Error::BadRequest(Problem::new(ProblemKey::NotAFile)));
    }
    let reference = context.reference.clone();
    let blocking = |e: tokio::task::JoinError| Error::Internal(e.to_string());
    let (rows, summary) = match kind {
        FileKind::Cities => {
            let rows = tokio::task::spawn_blocking(move || {
                csv_format::parse_cities(bytes.as_ref(), &reference)
            })
            .await
            .map_err(blocking)?
            .map_err(Error::Lines)?;
            let summary = cities::import(&context.db, &acting.who, &rows, progress).await?;
            (rows.len(), summary)
        }
        FileKind::Memberships => {
            let rows = tokio::task::spawn_blocking(move || {
                csv_format::parse_memberships(bytes.as_ref(), &reference)
            })
            .await
            .map_err(blocking)?
            .map_err(Error::Lines)?;
            match memberships::import(&context.db, &acting.who, &rows).await? {
                Ok(summary) => (rows.len(), summary),
                Err(unknown) => {
                    return Err(Error::Lines(
                        unknown
                            .into_iter()
                            .map(|(line, city)| LineError {
                                line,
                                column: "city".into(),
                                problem: Problem::with_detail(ProblemKey::UnknownCity, city),
                            })
                            .collect(),
                    ));
                }
            }
        }
    };
    Ok(Imported {
        rows: rows as u64,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
    })
}

pub async fn cities_csv(state: &Context) -> Result<Vec<u8>, Error> {
    let all = cities::all(&state.db).await?;
    csv_format::write(
        &CITY_COLUMNS,
        all.iter()
            .map(|c| csv_format::city_record(&c.slug, &c.draft)),
    )
    .map_err(Error::BadRequest)
}

pub async fn memberships_csv(state: &Context) -> Result<Vec<u8>, Error> {
    let all = memberships::all_with_slugs(&state.db).await?;
    csv_format::write(
        &MEMBERSHIP_COLUMNS,
        all.iter()
            .map(|(slug, m)| csv_format::membership_record(slug, &m.draft)),
    )
    .map_err(Error::BadRequest)
}
