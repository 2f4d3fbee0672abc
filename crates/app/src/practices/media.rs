//! A practice's uploaded images and documents: adding one (the right to edit the practice at
//! its stage; the file checked by the domain and stored with its entry in one transaction),
//! removing one, and reading a stored file for those who may see its practice.

use super::{Loaded, load_visible, reindex};
use crate::{Acting, Context, Error};
use ateneu_db::practices::Practice;
use ateneu_db::practices::media as repo;
pub use ateneu_db::practices::media::Medium;
use ateneu_domain::permissions::Action;
use ateneu_domain::practices::media as rules;
use ateneu_domain::{Lang, Problem, ProblemKey};

/// An upload as sent: the file with its original name, the description and its language.
#[derive(Debug, Default)]
pub struct Sent {
    pub file: Option<(String, Vec<u8>)>,
    pub description: String,
    /// The description's language; by default the practice's source language.
    pub lang: Option<String>,
}

/// A file problem as its error: too large, of a type not taken, or missing.
fn file_error(problem: Problem) -> Error {
    match problem.key {
        ProblemKey::FileTooLarge => Error::TooLarge(problem),
        ProblemKey::UnsupportedFile => Error::Unsupported(problem),
        _ => Error::field("file", problem),
    }
}

/// Adds an upload to a practice's media.
pub async fn upload(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    sent: Sent,
) -> Result<(Medium, Practice), Error> {
    acting.require(Action::EditPractice(loaded.scope()))?;
    let record = &loaded.practice.record;
    let (name, bytes) = sent
        .file
        .ok_or_else(|| Error::field("file", Problem::new(ProblemKey::NotAFile)))?;
    let upload = rules::recognise(&bytes, &name).map_err(file_error)?;
    let lang = match sent.lang.as_deref().map(str::trim) {
        None | Some("") => record.source_lang,
        Some(code) => code.parse::<Lang>().map_err(|()| {
            Error::field(
                "lang",
                Problem::with_detail(ProblemKey::UnknownLanguage, code),
            )
        })?,
    };
    let description = rules::describe(&upload, lang, &sent.description)
        .map_err(|p| Error::field("description", p))?;
    let txn = context.db.write().await?;
    let added = repo::add(
        &txn,
        &acting.who,
        &loaded.practice,
        &upload,
        &bytes,
        description,
    )
    .await?;
    txn.commit().await?;
    reindex(context).await;
    Ok(added)
}

/// Removes an uploaded file from a practice (and from the database).
pub async fn remove(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    file: i64,
) -> Result<Practice, Error> {
    acting.require(Action::EditPractice(loaded.scope()))?;
    let txn = context.db.write().await?;
    let practice = repo::remove(&txn, &acting.who, &loaded.practice, file).await?;
    txn.commit().await?;
    reindex(context).await;
    Ok(practice)
}

/// A stored file's entry under the name asked for, with its practice, when this person may
/// see the practice; otherwise (or under another name) not found.
pub async fn find(
    context: &Context,
    acting: &Acting,
    id: i64,
    file_name: &str,
) -> Result<(Medium, Loaded), Error> {
    let medium = repo::meta(&context.db.conn, id)
        .await?
        .filter(|m| m.file_name == file_name)
        .ok_or(Error::NotFound)?;
    let loaded = load_visible(context, acting, &medium.practice_id.to_string()).await?;
    Ok((medium, loaded))
}

/// A stored file's bytes (after `find`).
pub async fn bytes(context: &Context, medium: &Medium) -> Result<Vec<u8>, Error> {
    repo::bytes(&context.db.conn, medium.id)
        .await?
        .ok_or(Error::NotFound)
}
