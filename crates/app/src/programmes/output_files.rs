//! An output's files as use cases: uploading and removing one (whoever keeps the output),
//! serving one to exactly those who may see its output (not found for anyone else), and sharing
//! one outside the platform through a link that expires — made and revoked by the output's
//! keepers, kept only as the hash of its random token, every use recorded, and not found once
//! expired or revoked.

use super::outputs::{kept, read};
use crate::{Acting, Context, Error, security};
use ateneu_db::outputs::files as repo;
pub use ateneu_db::outputs::files::{OutputFile, ShareLink};
use ateneu_domain::assessments::Visibility;
use ateneu_domain::ids::OutputId;
use ateneu_domain::programmes::output_files::{
    LinkState, ShareLinkInput, is_token_shaped, recognise,
};
use ateneu_domain::{Problem, ProblemKey};
use serde::Serialize;

/// The files and, for its keepers, the share links of an output the person may see.
#[derive(Debug, Clone, Serialize)]
pub struct Files {
    pub files: Vec<OutputFile>,
    /// Empty for whoever does not keep the output.
    pub links: Vec<ShareLink>,
}

/// An output's files (and links for its keepers); not found for whoever may not see it.
pub async fn of_output(
    context: &Context,
    acting: &Acting,
    output_id: OutputId,
) -> Result<Files, Error> {
    let view = read(context, acting, output_id.get()).await?;
    let files = repo::of_output(&context.db.conn, output_id).await?;
    let links = if view.may_file {
        repo::links_of_output(&context.db.conn, output_id).await?
    } else {
        Vec::new()
    };
    Ok(Files { files, links })
}

/// Whether the person may upload to the output: checked before a body is read.
pub async fn may_upload(
    context: &Context,
    acting: &Acting,
    output_id: OutputId,
) -> Result<(), Error> {
    kept(context, acting, output_id.get()).await.map(|_| ())
}

/// Stores a file of an output, recognised by its bytes (the name only names it).
pub async fn upload(
    context: &Context,
    acting: &Acting,
    output_id: OutputId,
    name: &str,
    bytes: &[u8],
) -> Result<OutputFile, Error> {
    kept(context, acting, output_id.get()).await?;
    let upload = recognise(bytes, name).map_err(file_problem)?;
    let txn = context.db.write().await?;
    let file = repo::add(&txn, &acting.who, output_id, &upload, bytes).await?;
    txn.commit().await?;
    Ok(file)
}

/// A file's problem under the form's field `file`.
fn file_problem(problem: Problem) -> Error {
    match problem.key {
        ProblemKey::FileTooLarge => Error::TooLarge(problem),
        ProblemKey::UnsupportedFile => Error::Unsupported(problem),
        _ => Error::field("file", problem),
    }
}

/// Removes a file of an output (its share links stop working with it).
pub async fn remove(
    context: &Context,
    acting: &Acting,
    output_id: OutputId,
    file_id: i64,
) -> Result<(), Error> {
    kept(context, acting, output_id.get()).await?;
    let txn = context.db.write().await?;
    repo::remove(&txn, &acting.who, output_id, file_id).await?;
    txn.commit().await?;
    Ok(())
}

/// A file to serve: what it is, its bytes, and whether its output is public (shared caches
/// may keep public files only).
#[derive(Debug, Clone)]
pub struct Served {
    pub file: OutputFile,
    pub bytes: Vec<u8>,
    pub public: bool,
}

/// A file by its id and name, to whoever may see its output; not found otherwise (and under
/// another name).
pub async fn serve(
    context: &Context,
    acting: &Acting,
    file_id: i64,
    name: &str,
) -> Result<Served, Error> {
    let file = repo::by_id(&context.db.conn, file_id)
        .await?
        .filter(|f| f.file_name == name)
        .ok_or(Error::NotFound)?;
    let view = read(context, acting, file.output_id.get()).await?;
    let bytes = repo::bytes(&context.db.conn, file_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Served {
        file,
        bytes,
        public: view.output.visibility == Visibility::Public,
    })
}

/// A share link just made: its address's token is shown this once and never kept.
#[derive(Debug, Clone, Serialize)]
pub struct NewLink {
    #[serde(flatten)]
    pub link: ShareLink,
    pub token: String,
}

/// Makes a link that shares one of the output's files until it expires.
pub async fn share(
    context: &Context,
    acting: &Acting,
    output_id: OutputId,
    file_id: i64,
    input: &ShareLinkInput,
) -> Result<NewLink, Error> {
    kept(context, acting, output_id.get()).await?;
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let file = repo::by_id(&*txn, file_id)
        .await?
        .filter(|f| f.output_id == output_id)
        .ok_or(Error::NotFound)?;
    let token = security::new_token();
    let link = repo::add_link(&txn, &acting.who, &file, &token, &draft).await?;
    txn.commit().await?;
    Ok(NewLink { link, token })
}

/// Revokes a share link of the output: it answers not found from now on.
pub async fn revoke(
    context: &Context,
    acting: &Acting,
    output_id: OutputId,
    link_id: i64,
) -> Result<ShareLink, Error> {
    kept(context, acting, output_id.get()).await?;
    let txn = context.db.write().await?;
    let link = repo::revoke_link(&txn, &acting.who, output_id, link_id).await?;
    txn.commit().await?;
    Ok(link)
}

/// The file a share link opens, for anyone holding it while it works; every use is recorded
/// (served or refused), and an unknown, expired or revoked link is not found.
pub async fn open_shared(
    context: &Context,
    token: &str,
    user_agent: &str,
) -> Result<(OutputFile, Vec<u8>), Error> {
    // Tokens of another shape, and unknown ones, never take the writer.
    if !is_token_shaped(token) || !repo::has_link(&context.db.conn, token).await? {
        return Err(Error::NotFound);
    }
    let txn = context.db.write().await?;
    let opened = repo::open_link(&txn, token, user_agent).await?;
    txn.commit().await?;
    let (link, file) = opened.ok_or(Error::NotFound)?;
    if link.state != LinkState::Usable {
        return Err(Error::NotFound);
    }
    let bytes = repo::bytes(&context.db.conn, file.id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((file, bytes))
}
