//! A programme's memorandum of understanding in storage: read, saved on the revision it was
//! made on (the first save on revision 0), and the signed documents of its language versions
//! (stored with their audit row, read without their bytes for lists, then their bytes).

use crate::audit::{self, Who};
use crate::entities::{programme_mou as mou, programme_mou_file as mou_file};
use crate::{DbError, DbResult, WriteTxn, conflict_as, sha256_hex};
use ateneu_domain::ids::AccountId;
use ateneu_domain::programmes::mou::{MouDraft, MouKind, Signatory};
use ateneu_domain::{Lang, ProblemKey};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

/// A programme's memorandum as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mou {
    pub programme_id: i64,
    #[serde(flatten)]
    pub draft: MouDraft,
    /// Send it back with a change: a save made on an older revision is refused.
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

fn to_mou(m: mou::Model) -> DbResult<Mou> {
    let signatories: Vec<Signatory> = serde_json::from_str(&m.signatories)
        .map_err(|e| DbError::Corrupt(format!("signatories: {e}")))?;
    Ok(Mou {
        programme_id: m.programme_id,
        draft: MouDraft {
            kind: MouKind::parse(&m.kind).map_err(|p| DbError::Corrupt(p.key.to_string()))?,
            signatories,
            signed_on: m.signed_on,
            summary: m.summary,
            title_en: m.title_en,
            title_fr: m.title_fr,
            title_es: m.title_es,
        },
        revision: m.revision,
        updated_at: m.updated_at,
    })
}

/// The programme's memorandum, if one was recorded.
pub async fn of_programme(conn: &impl ConnectionTrait, programme_id: i64) -> DbResult<Option<Mou>> {
    mou::Entity::find()
        .filter(mou::Column::ProgrammeId.eq(programme_id))
        .one(conn)
        .await?
        .map(to_mou)
        .transpose()
}

fn signatories_text(draft: &MouDraft) -> DbResult<String> {
    serde_json::to_string(&draft.signatories).map_err(|e| DbError::Corrupt(e.to_string()))
}

/// Saves the memorandum made on `revision` (0: none was recorded yet);
/// `Conflict(changed_meanwhile)` when someone saved since.
pub async fn save(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    before: Option<&Mou>,
    revision: i64,
    draft: &MouDraft,
) -> DbResult<Mou> {
    let now = Utc::now();
    let signatories = signatories_text(draft)?;
    if revision == 0 {
        mou::ActiveModel {
            programme_id: Set(programme_id),
            kind: Set(draft.kind.key().to_owned()),
            signatories: Set(signatories),
            signed_on: Set(draft.signed_on),
            summary: Set(draft.summary.clone()),
            title_en: Set(draft.title_en.clone()),
            title_fr: Set(draft.title_fr.clone()),
            title_es: Set(draft.title_es.clone()),
            revision: Set(1),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&**txn)
        .await
        .map_err(conflict_as(ProblemKey::ChangedMeanwhile))?;
    } else {
        let result = mou::Entity::update_many()
            .col_expr(mou::Column::Kind, Expr::value(draft.kind.key()))
            .col_expr(mou::Column::Signatories, Expr::value(signatories))
            .col_expr(mou::Column::SignedOn, Expr::value(draft.signed_on))
            .col_expr(mou::Column::Summary, Expr::value(draft.summary.clone()))
            .col_expr(mou::Column::TitleEn, Expr::value(draft.title_en.clone()))
            .col_expr(mou::Column::TitleFr, Expr::value(draft.title_fr.clone()))
            .col_expr(mou::Column::TitleEs, Expr::value(draft.title_es.clone()))
            .col_expr(
                mou::Column::Revision,
                Expr::col(mou::Column::Revision).add(1),
            )
            .col_expr(mou::Column::UpdatedAt, Expr::value(now))
            .filter(mou::Column::ProgrammeId.eq(programme_id))
            .filter(mou::Column::Revision.eq(revision))
            .exec(&**txn)
            .await?;
        if result.rows_affected != 1 {
            return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
        }
    }
    audit::record(
        &**txn,
        who,
        "programme.mou.save",
        "programme",
        programme_id,
        serde_json::json!({"before": before.map(|m| &m.draft), "after": draft}),
    )
    .await?;
    of_programme(&**txn, programme_id)
        .await?
        .ok_or(DbError::NotFound)
}

/// A signed document of a language version, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MouFile {
    pub id: i64,
    pub programme_id: i64,
    pub lang: Lang,
    /// Lower-case hex of the SHA-256 of the bytes.
    pub sha256: String,
    pub content_type: String,
    pub size: i64,
    pub file_name: String,
    /// Who uploaded it (their address).
    pub uploaded_by: String,
    pub uploaded_at: DateTime<Utc>,
}

type FileRow = (
    i64,
    i64,
    String,
    String,
    String,
    i64,
    String,
    String,
    DateTime<Utc>,
);

fn to_file(row: FileRow) -> DbResult<MouFile> {
    let (id, programme_id, lang, sha256, content_type, size, file_name, uploaded_by, uploaded_at) =
        row;
    Ok(MouFile {
        id,
        programme_id,
        lang: lang
            .parse()
            .map_err(|_| DbError::Corrupt(format!("language {lang}")))?,
        sha256,
        content_type,
        size,
        file_name,
        uploaded_by,
        uploaded_at,
    })
}

fn without_bytes() -> sea_orm::Select<mou_file::Entity> {
    use mou_file::Column as C;
    mou_file::Entity::find().select_only().columns([
        C::Id,
        C::ProgrammeId,
        C::Lang,
        C::Sha256,
        C::ContentType,
        C::Size,
        C::FileName,
        C::UploadedByLabel,
        C::UploadedAt,
    ])
}

/// What an uploaded document is: its type, name and language.
pub struct NewFile<'a> {
    pub lang: Lang,
    pub content_type: &'a str,
    pub file_name: &'a str,
    pub bytes: &'a [u8],
}

/// Stores a signed document of the memorandum's version in one language.
pub async fn add_file(
    txn: &WriteTxn<'_>,
    who: &Who,
    programme_id: i64,
    file: &NewFile<'_>,
) -> DbResult<MouFile> {
    let model = mou_file::ActiveModel {
        programme_id: Set(programme_id),
        lang: Set(file.lang.code().to_owned()),
        sha256: Set(sha256_hex(file.bytes)),
        content_type: Set(file.content_type.to_owned()),
        size: Set(i64::try_from(file.bytes.len()).map_err(|e| DbError::Corrupt(e.to_string()))?),
        file_name: Set(file.file_name.to_owned()),
        uploaded_by: Set(who.user_id.map(AccountId::get)),
        uploaded_by_label: Set(who.label.clone()),
        uploaded_at: Set(Utc::now()),
        bytes: Set(file.bytes.to_vec()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    let stored = to_file((
        model.id,
        model.programme_id,
        model.lang,
        model.sha256,
        model.content_type,
        model.size,
        model.file_name,
        model.uploaded_by_label,
        model.uploaded_at,
    ))?;
    audit::record(
        &**txn,
        who,
        "programme.mou.file.upload",
        "programme",
        programme_id,
        serde_json::json!({"file": stored.id, "lang": stored.lang.code(), "sha256": stored.sha256,
                           "content_type": stored.content_type, "size": stored.size,
                           "file_name": stored.file_name}),
    )
    .await?;
    Ok(stored)
}

/// The memorandum's signed documents, newest first.
pub async fn files(conn: &impl ConnectionTrait, programme_id: i64) -> DbResult<Vec<MouFile>> {
    without_bytes()
        .filter(mou_file::Column::ProgrammeId.eq(programme_id))
        .order_by_desc(mou_file::Column::Id)
        .into_tuple::<FileRow>()
        .all(conn)
        .await?
        .into_iter()
        .map(to_file)
        .collect()
}

/// A stored document (its bytes are not read).
pub async fn file_by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<MouFile>> {
    without_bytes()
        .filter(mou_file::Column::Id.eq(id))
        .into_tuple::<FileRow>()
        .one(conn)
        .await?
        .map(to_file)
        .transpose()
}

/// The bytes of a stored document.
pub async fn file_bytes(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Vec<u8>>> {
    Ok(mou_file::Entity::find_by_id(id)
        .select_only()
        .column(mou_file::Column::Bytes)
        .into_tuple::<Vec<u8>>()
        .one(conn)
        .await?)
}
