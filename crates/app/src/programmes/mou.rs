//! A programme's memorandum of understanding as use cases: reading it with its signed
//! documents (whoever may see the programme; not found for anyone else), saving it on the
//! revision it was made on (the secretariat; signing recorded only while the programme is
//! proposed or its MoU signed), uploading a signed document of a language version (the
//! secretariat and the city's editors, who may file their signed copy), and serving one.

use super::{load, number_or_text, parse_revision};
use crate::{Acting, Context, Error};
use ateneu_db::programmes::mou as repo;
pub use ateneu_db::programmes::mou::{Mou, MouFile, NewFile};
use ateneu_domain::practices::media::UploadKind;
use ateneu_domain::programmes::ProgrammeStatus;
use ateneu_domain::programmes::mou::{MouInput, SignatoryInput};
use ateneu_domain::programmes::output_files::recognise;
use ateneu_domain::{Lang, Problem, ProblemKey};
use serde::{Deserialize, Serialize};

/// The memorandum as its page and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct MouView {
    pub programme_id: i64,
    /// The programme's status (signing is recorded while it is proposed or its MoU signed).
    pub programme_status: ProgrammeStatus,
    /// None until the secretariat records it.
    pub mou: Option<Mou>,
    /// Send this back with a change (0 while none is recorded).
    pub revision: i64,
    /// The signed documents of its language versions, newest first.
    pub files: Vec<MouFile>,
    /// The person may change the memorandum.
    pub may_manage: bool,
    /// The person may upload a signed document.
    pub may_upload: bool,
}

/// The memorandum of a programme, or not found for whoever may not see the programme.
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<MouView, Error> {
    let (programme, rights) = load(context, acting, id).await?;
    let mou = repo::of_programme(&context.db.conn, id).await?;
    Ok(MouView {
        programme_id: id,
        programme_status: programme.draft.status,
        revision: mou.as_ref().map_or(0, |m| m.revision),
        mou,
        files: repo::files(&context.db.conn, id).await?,
        may_manage: rights.may_manage,
        may_upload: rights.may_consult,
    })
}

/// What saving the memorandum takes: the revision it was made on and its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MouForm {
    /// The revision the change was made on (0 for the first save).
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    /// `mou` or `convention`.
    pub kind: String,
    pub signatories: Vec<SignatoryInput>,
    /// `YYYY-MM-DD`, or empty while unsigned.
    pub signed_on: String,
    pub summary: String,
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
}

impl MouForm {
    fn input(&self) -> MouInput {
        MouInput {
            kind: self.kind.clone(),
            signatories: self.signatories.clone(),
            signed_on: self.signed_on.clone(),
            summary: self.summary.clone(),
            title_en: self.title_en.clone(),
            title_fr: self.title_fr.clone(),
            title_es: self.title_es.clone(),
        }
    }
}

/// Saves the memorandum (the secretariat) made on `form.revision`: a save on an older revision
/// is refused (someone saved in between).
pub async fn save(
    context: &Context,
    acting: &Acting,
    id: i64,
    form: &MouForm,
) -> Result<Mou, Error> {
    let (programme, rights) = load(context, acting, id).await?;
    if !rights.may_manage {
        return Err(Error::Forbidden);
    }
    let before = repo::of_programme(&context.db.conn, id).await?;
    let today = chrono::Utc::now().date_naive();
    let parsed = form.input().parse(
        programme.draft.status,
        before.as_ref().and_then(|m| m.draft.signed_on),
        today,
    );
    let revision = match parse_revision(&form.revision) {
        Ok(revision) => revision,
        Err(problem) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.add("revision", problem);
            return Err(Error::Invalid(errors));
        }
    };
    if revision != before.as_ref().map_or(0, |m| m.revision) {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let draft = parsed?;
    let txn = context.db.write().await?;
    let mou = repo::save(&txn, &acting.who, id, before.as_ref(), revision, &draft).await?;
    txn.commit().await?;
    Ok(mou)
}

/// Not found for whoever may not see the programme, forbidden for who may see it but not
/// upload (asked before a body is read).
pub async fn may_upload(context: &Context, acting: &Acting, id: i64) -> Result<(), Error> {
    let (_, rights) = load(context, acting, id).await?;
    if !rights.may_consult {
        return Err(Error::Forbidden);
    }
    Ok(())
}

/// Stores the signed document of the memorandum's version in `lang`: a PDF, ODT or DOCX,
/// recognised by its bytes (the name only names it), within the documents' limit.
pub async fn upload(
    context: &Context,
    acting: &Acting,
    id: i64,
    lang: &str,
    name: &str,
    bytes: &[u8],
) -> Result<MouFile, Error> {
    may_upload(context, acting, id).await?;
    let lang = lang.trim().parse::<Lang>().map_err(|_| {
        Error::field(
            "lang",
            Problem::with_detail(ProblemKey::UnknownLanguage, lang.trim()),
        )
    })?;
    let upload = recognise(bytes, name).map_err(|problem| match problem.key {
        ProblemKey::FileTooLarge => Error::TooLarge(problem),
        ProblemKey::UnsupportedFile => Error::Unsupported(problem),
        _ => Error::field("file", problem),
    })?;
    if upload.content_type.kind() != UploadKind::Document {
        return Err(Error::Unsupported(Problem::new(
            ProblemKey::UnsupportedFile,
        )));
    }
    let file_name = upload.file_name.to_string();
    let new = NewFile {
        lang,
        content_type: upload.content_type.mime(),
        file_name: &file_name,
        bytes,
    };
    let txn = context.db.write().await?;
    let file = repo::add_file(&txn, &acting.who, id, &new).await?;
    txn.commit().await?;
    Ok(file)
}

/// A signed document with its bytes, to serve.
pub struct Served {
    pub file: MouFile,
    pub bytes: Vec<u8>,
}

/// A signed document, to whoever may see its programme; not found otherwise (and for a name
/// that is not the file's).
pub async fn serve(
    context: &Context,
    acting: &Acting,
    file_id: i64,
    name: &str,
) -> Result<Served, Error> {
    let file = repo::file_by_id(&context.db.conn, file_id)
        .await?
        .filter(|f| f.file_name == name)
        .ok_or(Error::NotFound)?;
    load(context, acting, file.programme_id).await?;
    let bytes = repo::file_bytes(&context.db.conn, file_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Served { file, bytes })
}
