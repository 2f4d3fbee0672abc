//! Files uploaded for a practice: stored with their entry in the practice's media list in one
//! transaction, with audit rows; read for serving (first what is served with them, then the
//! bytes); and deleted when their entry leaves the list.

use super::{Practice, update};
use crate::audit::{self, Who};
use crate::entities::practice_medium;
use crate::{DbError, DbResult, WriteTxn, sha256_hex};
use ateneu_domain::TranslatedText;
use ateneu_domain::ids::AccountId;
use ateneu_domain::practices::media::{StoredFile, Upload, served_url};
use ateneu_domain::practices::{Media, PracticeRecord};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashSet;

/// A stored file, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Medium {
    pub id: i64,
    pub practice_id: i64,
    /// Lower-case hex of the SHA-256 of the bytes.
    pub sha256: String,
    pub content_type: String,
    pub size: i64,
    pub file_name: String,
    pub uploaded_by: Option<i64>,
    pub uploaded_at: DateTime<Utc>,
}

/// Stores an upload and adds it at the end of the practice's media list, described in one
/// language; the practice's edit is audited and logged for the index like any other.
pub async fn add(
    txn: &WriteTxn<'_>,
    who: &Who,
    practice: &Practice,
    upload: &Upload,
    bytes: &[u8],
    description: TranslatedText,
) -> DbResult<(Medium, Practice)> {
    let mut medium = Medium {
        id: 0,
        practice_id: practice.id.get(),
        sha256: sha256_hex(bytes),
        content_type: upload.content_type.mime().to_owned(),
        size: i64::try_from(bytes.len()).map_err(|e| DbError::Corrupt(e.to_string()))?,
        file_name: upload.file_name.to_string(),
        uploaded_by: who.user_id.map(AccountId::get),
        uploaded_at: Utc::now(),
    };
    let inserted = practice_medium::Entity::insert(practice_medium::ActiveModel {
        practice_id: Set(medium.practice_id),
        sha256: Set(medium.sha256.clone()),
        content_type: Set(medium.content_type.clone()),
        size: Set(medium.size),
        file_name: Set(medium.file_name.clone()),
        uploaded_by: Set(medium.uploaded_by),
        uploaded_at: Set(medium.uploaded_at),
        bytes: Set(bytes.to_vec()),
        ..Default::default()
    })
    .exec(&**txn)
    .await?;
    medium.id = inserted.last_insert_id;
    audit::record(
        &**txn,
        who,
        "practice.media.upload",
        "practice",
        &practice.slug,
        serde_json::json!({"id": medium.id, "sha256": medium.sha256, "content_type": medium.content_type,
                           "size": medium.size, "file_name": medium.file_name}),
    )
    .await?;
    let mut record = practice.record.clone();
    record.media.push(Media {
        kind: upload.content_type.kind().media_kind(),
        url: served_url(medium.id, &upload.file_name),
        description,
        file: Some(StoredFile {
            id: medium.id,
            content_type: medium.content_type.clone(),
            size: bytes.len() as u64,
        }),
    });
    let after = update(txn, who, practice, &practice.city_ids(), &record).await?;
    Ok((medium, after))
}

/// Removes an uploaded file from the practice's media list (and so from the database).
pub async fn remove(
    txn: &WriteTxn<'_>,
    who: &Who,
    practice: &Practice,
    id: i64,
) -> DbResult<Practice> {
    let mut record = practice.record.clone();
    let before = record.media.len();
    record
        .media
        .retain(|m| m.file.as_ref().is_none_or(|f| f.id != id));
    if record.media.len() == before {
        return Err(DbError::NotFound);
    }
    update(txn, who, practice, &practice.city_ids(), &record).await
}

/// Deletes the files whose entries an edit removed from the media list (part of the edit's
/// transaction).
pub(crate) async fn remove_dropped(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Practice,
    after: &PracticeRecord,
) -> DbResult<()> {
    let files = |record: &PracticeRecord| -> Vec<i64> {
        record
            .media
            .iter()
            .filter_map(|m| m.file.as_ref().map(|f| f.id))
            .collect()
    };
    let kept: HashSet<i64> = files(after).into_iter().collect();
    let dropped: Vec<i64> = files(&before.record)
        .into_iter()
        .filter(|id| !kept.contains(id))
        .collect();
    if dropped.is_empty() {
        return Ok(());
    }
    practice_medium::Entity::delete_many()
        .filter(practice_medium::Column::PracticeId.eq(before.id.get()))
        .filter(practice_medium::Column::Id.is_in(dropped.iter().copied()))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "practice.media.delete",
        "practice",
        &before.slug,
        serde_json::json!({"ids": dropped}),
    )
    .await
}

/// A record an import brings for a stored practice, with the files uploaded to the stored one
/// kept at the end of its media (a file leaves the list by an edit only).
pub(crate) fn keep_uploads<'a>(
    imported: &'a PracticeRecord,
    stored: &str,
) -> DbResult<Cow<'a, PracticeRecord>> {
    // Most stored records have no upload: no need to read them.
    if !stored.contains("\"file\":") {
        return Ok(Cow::Borrowed(imported));
    }
    let stored: PracticeRecord = crate::from_json(stored)?;
    let mut record = imported.clone();
    record
        .media
        .extend(stored.media.into_iter().filter(|m| m.file.is_some()));
    Ok(Cow::Owned(record))
}

type MetaRow = (
    i64,
    i64,
    String,
    String,
    i64,
    String,
    Option<i64>,
    DateTime<Utc>,
);

/// What a stored file is served with (its bytes are not read).
pub async fn meta(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Medium>> {
    use practice_medium::Column as C;
    let row = practice_medium::Entity::find_by_id(id)
        .select_only()
        .columns([
            C::Id,
            C::PracticeId,
            C::Sha256,
            C::ContentType,
            C::Size,
            C::FileName,
            C::UploadedBy,
            C::UploadedAt,
        ])
        .into_tuple::<MetaRow>()
        .one(conn)
        .await?;
    Ok(row.map(
        |(id, practice_id, sha256, content_type, size, file_name, uploaded_by, uploaded_at)| {
            Medium {
                id,
                practice_id,
                sha256,
                content_type,
                size,
                file_name,
                uploaded_by,
                uploaded_at,
            }
        },
    ))
}

/// The bytes of a stored file.
pub async fn bytes(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Vec<u8>>> {
    Ok(practice_medium::Entity::find_by_id(id)
        .select_only()
        .column(practice_medium::Column::Bytes)
        .into_tuple::<Vec<u8>>()
        .one(conn)
        .await?)
}

/// How many files a practice has stored (tests and checks).
pub async fn count(conn: &impl ConnectionTrait, practice_id: i64) -> DbResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(practice_medium::Entity::find()
        .filter(practice_medium::Column::PracticeId.eq(practice_id))
        .count(conn)
        .await?)
}
