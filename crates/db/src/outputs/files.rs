//! An output's files and their share links in storage: a file stored with its audit row, read
//! without its bytes for lists and headers, then its bytes for serving; share links kept by the
//! SHA-256 of their token, revoked with who did it, and each use recorded.

use crate::audit::{self, Who};
use crate::entities::{output_file, output_share_link, output_share_link_use};
use crate::{DbError, DbResult, WriteTxn, sha256_hex};
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::OutputId;
use ateneu_domain::programmes::output_files::{LinkState, ShareLinkDraft, Upload};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

/// A stored file of an output, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutputFile {
    pub id: i64,
    pub output_id: OutputId,
    /// Lower-case hex of the SHA-256 of the bytes.
    pub sha256: String,
    pub content_type: String,
    pub size: i64,
    pub file_name: String,
    pub uploaded_at: DateTime<Utc>,
}

type FileRow = (i64, i64, String, String, i64, String, DateTime<Utc>);

fn to_file(
    (id, output_id, sha256, content_type, size, file_name, uploaded_at): FileRow,
) -> OutputFile {
    OutputFile {
        id,
        output_id: OutputId::new(output_id),
        sha256,
        content_type,
        size,
        file_name,
        uploaded_at,
    }
}

fn without_bytes() -> sea_orm::Select<output_file::Entity> {
    use output_file::Column as C;
    output_file::Entity::find().select_only().columns([
        C::Id,
        C::OutputId,
        C::Sha256,
        C::ContentType,
        C::Size,
        C::FileName,
        C::UploadedAt,
    ])
}

/// Stores a file of an output.
pub async fn add(
    txn: &WriteTxn<'_>,
    who: &Who,
    output_id: OutputId,
    upload: &Upload,
    bytes: &[u8],
) -> DbResult<OutputFile> {
    let now = Utc::now();
    let model = output_file::ActiveModel {
        output_id: Set(output_id.get()),
        sha256: Set(sha256_hex(bytes)),
        content_type: Set(upload.content_type.mime().to_owned()),
        size: Set(i64::try_from(bytes.len()).map_err(|e| DbError::Corrupt(e.to_string()))?),
        file_name: Set(upload.file_name.to_string()),
        uploaded_by: Set(who.user_id.map(AccountId::get)),
        uploaded_at: Set(now),
        bytes: Set(bytes.to_vec()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    let file = to_file((
        model.id,
        model.output_id,
        model.sha256,
        model.content_type,
        model.size,
        model.file_name,
        model.uploaded_at,
    ));
    audit::record(
        &**txn,
        who,
        "output.file.upload",
        "output",
        output_id,
        serde_json::json!({"file": file.id, "sha256": file.sha256, "content_type": file.content_type,
                           "size": file.size, "file_name": file.file_name}),
    )
    .await?;
    Ok(file)
}

/// Deletes a file of an output (and its share links with it).
pub async fn remove(txn: &WriteTxn<'_>, who: &Who, output_id: OutputId, id: i64) -> DbResult<()> {
    let deleted = output_file::Entity::delete_many()
        .filter(output_file::Column::Id.eq(id))
        .filter(output_file::Column::OutputId.eq(output_id.get()))
        .exec(&**txn)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(DbError::NotFound);
    }
    audit::record(
        &**txn,
        who,
        "output.file.remove",
        "output",
        output_id,
        serde_json::json!({"file": id}),
    )
    .await
}

/// An output's files, oldest first.
pub async fn of_output(
    conn: &impl ConnectionTrait,
    output_id: OutputId,
) -> DbResult<Vec<OutputFile>> {
    Ok(without_bytes()
        .filter(output_file::Column::OutputId.eq(output_id.get()))
        .order_by_asc(output_file::Column::Id)
        .into_tuple::<FileRow>()
        .all(conn)
        .await?
        .into_iter()
        .map(to_file)
        .collect())
}

/// A stored file (its bytes are not read).
pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<OutputFile>> {
    Ok(without_bytes()
        .filter(output_file::Column::Id.eq(id))
        .into_tuple::<FileRow>()
        .one(conn)
        .await?
        .map(to_file))
}

/// The bytes of a stored file.
pub async fn bytes(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Vec<u8>>> {
    Ok(output_file::Entity::find_by_id(id)
        .select_only()
        .column(output_file::Column::Bytes)
        .into_tuple::<Vec<u8>>()
        .one(conn)
        .await?)
}

/// A share link as its file's keepers see it (never its token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShareLink {
    pub id: i64,
    pub file_id: i64,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub state: LinkState,
    /// How many times it was opened (served or refused).
    pub uses: u64,
}

fn to_link(m: output_share_link::Model, uses: u64, now: DateTime<Utc>) -> ShareLink {
    ShareLink {
        state: LinkState::at(m.expires_at, m.revoked_at, now),
        id: m.id,
        file_id: m.file_id,
        note: m.note,
        created_at: m.created_at,
        expires_at: m.expires_at,
        revoked_at: m.revoked_at,
        uses,
    }
}

async fn uses(conn: &impl ConnectionTrait, link_id: i64) -> DbResult<u64> {
    Ok(output_share_link_use::Entity::find()
        .filter(output_share_link_use::Column::LinkId.eq(link_id))
        .count(conn)
        .await?)
}

/// Makes a share link of a file, kept by the SHA-256 of `token`.
pub async fn add_link(
    txn: &WriteTxn<'_>,
    who: &Who,
    file: &OutputFile,
    token: &str,
    draft: &ShareLinkDraft,
) -> DbResult<ShareLink> {
    let now = Utc::now();
    let model = output_share_link::ActiveModel {
        file_id: Set(file.id),
        token_sha256: Set(sha256_hex(token.as_bytes())),
        note: Set(draft.note.clone()),
        created_by: Set(who.user_id.map(AccountId::get)),
        created_at: Set(now),
        expires_at: Set(draft.expires_at(now)),
        revoked_at: Set(None),
        revoked_by: Set(None),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "output.share_link.create",
        "output",
        file.output_id,
        serde_json::json!({"file": file.id, "link": model.id, "expires_at": model.expires_at,
                           "note": model.note}),
    )
    .await?;
    Ok(to_link(model, 0, now))
}

/// The share links of an output's files, newest first.
pub async fn links_of_output(
    conn: &impl ConnectionTrait,
    output_id: OutputId,
) -> DbResult<Vec<ShareLink>> {
    let files: Vec<i64> = of_output(conn, output_id)
        .await?
        .into_iter()
        .map(|f| f.id)
        .collect();
    let models = output_share_link::Entity::find()
        .filter(output_share_link::Column::FileId.is_in(files))
        .order_by_desc(output_share_link::Column::Id)
        .all(conn)
        .await?;
    let counted: std::collections::HashMap<i64, i64> = output_share_link_use::Entity::find()
        .select_only()
        .column(output_share_link_use::Column::LinkId)
        .column_as(output_share_link_use::Column::Id.count(), "uses")
        .filter(output_share_link_use::Column::LinkId.is_in(models.iter().map(|m| m.id)))
        .group_by(output_share_link_use::Column::LinkId)
        .into_tuple::<(i64, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let now = Utc::now();
    Ok(models
        .into_iter()
        .map(|m| {
            let used = counted.get(&m.id).copied().unwrap_or_default();
            to_link(m, u64::try_from(used).unwrap_or_default(), now)
        })
        .collect())
}

/// Revokes a share link of one of the output's files; a link already revoked stays as it was.
pub async fn revoke_link(
    txn: &WriteTxn<'_>,
    who: &Who,
    output_id: OutputId,
    link_id: i64,
) -> DbResult<ShareLink> {
    let model = output_share_link::Entity::find_by_id(link_id)
        .one(&**txn)
        .await?
        .ok_or(DbError::NotFound)?;
    let file = by_id(&**txn, model.file_id)
        .await?
        .ok_or(DbError::NotFound)?;
    if file.output_id != output_id {
        return Err(DbError::NotFound);
    }
    let now = Utc::now();
    let model = if model.revoked_at.is_none() {
        let mut active: output_share_link::ActiveModel = model.into();
        active.revoked_at = Set(Some(now));
        active.revoked_by = Set(who.user_id.map(AccountId::get));
        let model = active.update(&**txn).await?;
        audit::record(
            &**txn,
            who,
            "output.share_link.revoke",
            "output",
            output_id,
            serde_json::json!({"file": file.id, "link": link_id}),
        )
        .await?;
        model
    } else {
        model
    };
    let used = uses(&**txn, link_id).await?;
    Ok(to_link(model, used, now))
}

/// Whether a link has this token (read without taking the writer).
pub async fn has_link(conn: &impl ConnectionTrait, token: &str) -> DbResult<bool> {
    Ok(output_share_link::Entity::find()
        .filter(output_share_link::Column::TokenSha256.eq(sha256_hex(token.as_bytes())))
        .count(conn)
        .await?
        > 0)
}

/// The link a token opens and its file, with what the use was answered, recorded in the same
/// transaction: `None` when no link has this token.
pub async fn open_link(
    txn: &WriteTxn<'_>,
    token: &str,
    user_agent: &str,
) -> DbResult<Option<(ShareLink, OutputFile)>> {
    let Some(model) = output_share_link::Entity::find()
        .filter(output_share_link::Column::TokenSha256.eq(sha256_hex(token.as_bytes())))
        .one(&**txn)
        .await?
    else {
        return Ok(None);
    };
    let Some(file) = by_id(&**txn, model.file_id).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    let state = LinkState::at(model.expires_at, model.revoked_at, now);
    output_share_link_use::ActiveModel {
        link_id: Set(model.id),
        used_at: Set(now),
        answered: Set(match state {
            LinkState::Usable => "served".to_owned(),
            other => other.key().to_owned(),
        }),
        user_agent: Set(user_agent.chars().take(300).collect()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    let used = uses(&**txn, model.id).await?;
    Ok(Some((to_link(model, used, now), file)))
}

/// Moves a link's expiry (tests of expiry, and an operator's correction).
pub async fn set_link_expiry(
    txn: &WriteTxn<'_>,
    link_id: i64,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    let model = output_share_link::Entity::find_by_id(link_id)
        .one(&**txn)
        .await?
        .ok_or(DbError::NotFound)?;
    let mut active: output_share_link::ActiveModel = model.into();
    active.expires_at = Set(expires_at);
    active.update(&**txn).await?;
    Ok(())
}
