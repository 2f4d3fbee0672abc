//! The keyword thesaurus: the bundled default loaded into an empty table, then kept by the
//! secretariat.

use crate::audit::{self, Who};
use crate::entities::keyword;
use crate::{Db, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::practices::keywords::{Keyword, parse_thesaurus};
use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait, QueryOrder, Set};

/// The bundled default thesaurus.
pub const BUNDLED: &str = include_str!("../../../../data/thesaurus.toml");

pub async fn keywords(conn: &impl ConnectionTrait) -> DbResult<Vec<Keyword>> {
    keyword::Entity::find()
        .order_by_asc(keyword::Column::Position)
        .order_by_asc(keyword::Column::Key)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| {
            Ok(Keyword {
                label: from_json(&m.labels)?,
                key: m.key,
            })
        })
        .collect()
}

/// Adds a keyword or changes its labels.
pub async fn save_keyword(txn: &WriteTxn<'_>, who: &Who, keyword: &Keyword) -> DbResult<()> {
    let position = keyword::Entity::find().count(&**txn).await? as i32;
    keyword::Entity::insert(keyword::ActiveModel {
        key: Set(keyword.key.clone()),
        labels: Set(to_json(&keyword.label)?),
        position: Set(position),
        created_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(keyword::Column::Key)
            .update_column(keyword::Column::Labels)
            .to_owned(),
    )
    .exec_without_returning(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "keyword.save",
        "keyword",
        &keyword.key,
        serde_json::to_value(keyword).unwrap_or_default(),
    )
    .await
}

/// Fills an empty thesaurus with the bundled default (a kept thesaurus is left alone).
pub async fn load_bundled_thesaurus(db: &Db) -> DbResult<usize> {
    let txn = db.write().await?;
    if keyword::Entity::find().count(&*txn).await? > 0 {
        return Ok(0);
    }
    let keywords =
        parse_thesaurus(BUNDLED).map_err(|p| crate::DbError::Corrupt(format!("{p:?}")))?;
    let now = Utc::now();
    let rows = keywords
        .iter()
        .enumerate()
        .map(|(position, k)| {
            Ok(keyword::ActiveModel {
                key: Set(k.key.clone()),
                labels: Set(to_json(&k.label)?),
                position: Set(position as i32),
                created_at: Set(now),
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    let count = rows.len();
    keyword::Entity::insert_many(rows)
        .exec_without_returning(&*txn)
        .await?;
    txn.commit().await?;
    Ok(count)
}
