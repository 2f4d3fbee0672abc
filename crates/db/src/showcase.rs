//! A Leading City's showcase as stored: its entries in their order, each with its approval, and
//! its introduction per language with its approval. Each write leaves its audit row.

use crate::audit::{self, Who};
use crate::entities::{showcase_entry as entry, showcase_intro as intro};
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::Lang;
use ateneu_domain::ids::CityId;
use ateneu_domain::showcase::{Approval, EntryDraft, EntryKind};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

/// An entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: i64,
    pub city_id: CityId,
    #[serde(flatten)]
    pub draft: EntryDraft,
    pub approval: Approval,
    pub updated_at: DateTime<Utc>,
}

/// The introduction as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Intro {
    pub texts: BTreeMap<Lang, String>,
    pub approval: Approval,
    pub updated_at: DateTime<Utc>,
}

fn corrupt(what: &str) -> DbError {
    DbError::Corrupt(format!("showcase {what}"))
}

fn to_entry(m: entry::Model) -> DbResult<Entry> {
    Ok(Entry {
        id: m.id,
        city_id: CityId::new(m.city_id),
        draft: EntryDraft {
            kind: EntryKind::parse(&m.kind).map_err(|_| corrupt("kind"))?,
            title: m.title,
            description: m.description,
            url: m.url,
            languages: m
                .languages
                .split(',')
                .filter_map(|c| c.parse().ok())
                .collect(),
        },
        approval: Approval::parse(&m.approval).map_err(|_| corrupt("approval"))?,
        updated_at: m.updated_at,
    })
}

fn languages(draft: &EntryDraft) -> String {
    draft
        .languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// A city's entries in their order.
pub async fn entries(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<Entry>> {
    entry::Entity::find()
        .filter(entry::Column::CityId.eq(city_id.get()))
        .order_by_asc(entry::Column::Position)
        .order_by_asc(entry::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_entry)
        .collect()
}

pub async fn entry(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Entry>> {
    entry::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_entry)
        .transpose()
}

/// Adds an entry at the end of the city's list.
pub async fn add(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    draft: &EntryDraft,
    approval: Approval,
) -> DbResult<Entry> {
    let last: Option<i64> = entry::Entity::find()
        .select_only()
        .column_as(entry::Column::Position.max(), "last")
        .filter(entry::Column::CityId.eq(city_id.get()))
        .into_tuple()
        .one(&**txn)
        .await?
        .flatten();
    let now = Utc::now();
    let model = entry::ActiveModel {
        city_id: Set(city_id.get()),
        kind: Set(draft.kind.key().to_owned()),
        title: Set(draft.title.clone()),
        description: Set(draft.description.clone()),
        url: Set(draft.url.clone()),
        languages: Set(languages(draft)),
        position: Set(last.map_or(1, |p| p + 1)),
        approval: Set(approval.key().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "showcase.entry.add",
        "city",
        city_id,
        json!(draft),
    )
    .await?;
    to_entry(model)
}

/// Changes an entry (its approval with it).
pub async fn change(
    txn: &WriteTxn<'_>,
    who: &Who,
    id: i64,
    draft: &EntryDraft,
    approval: Approval,
) -> DbResult<()> {
    entry::Entity::update_many()
        .col_expr(entry::Column::Kind, Expr::value(draft.kind.key()))
        .col_expr(entry::Column::Title, Expr::value(draft.title.clone()))
        .col_expr(
            entry::Column::Description,
            Expr::value(draft.description.clone()),
        )
        .col_expr(entry::Column::Url, Expr::value(draft.url.clone()))
        .col_expr(entry::Column::Languages, Expr::value(languages(draft)))
        .col_expr(entry::Column::Approval, Expr::value(approval.key()))
        .col_expr(entry::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(entry::Column::Id.eq(id))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "showcase.entry.change",
        "showcase_entry",
        id,
        json!(draft),
    )
    .await?;
    Ok(())
}

pub async fn approve(txn: &WriteTxn<'_>, who: &Who, id: i64) -> DbResult<()> {
    entry::Entity::update_many()
        .col_expr(
            entry::Column::Approval,
            Expr::value(Approval::Approved.key()),
        )
        .filter(entry::Column::Id.eq(id))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "showcase.entry.approve",
        "showcase_entry",
        id,
        json!({}),
    )
    .await?;
    Ok(())
}

pub async fn remove(txn: &WriteTxn<'_>, who: &Who, id: i64) -> DbResult<()> {
    entry::Entity::delete_by_id(id).exec(&**txn).await?;
    audit::record(
        &**txn,
        who,
        "showcase.entry.remove",
        "showcase_entry",
        id,
        json!({}),
    )
    .await?;
    Ok(())
}

/// Puts a city's entries in this order (ids), numbering them from 1.
pub async fn reorder(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    order: &[i64],
) -> DbResult<()> {
    for (position, id) in order.iter().enumerate() {
        entry::Entity::update_many()
            .col_expr(entry::Column::Position, Expr::value(position as i64 + 1))
            .filter(entry::Column::Id.eq(*id))
            .filter(entry::Column::CityId.eq(city_id.get()))
            .exec(&**txn)
            .await?;
    }
    audit::record(
        &**txn,
        who,
        "showcase.reorder",
        "city",
        city_id,
        json!({"order": order}),
    )
    .await?;
    Ok(())
}

pub async fn intro(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Option<Intro>> {
    let Some(m) = intro::Entity::find_by_id(city_id.get()).one(conn).await? else {
        return Ok(None);
    };
    let mut texts = BTreeMap::new();
    for (lang, text) in [
        (Lang::En, m.intro_en),
        (Lang::Fr, m.intro_fr),
        (Lang::Es, m.intro_es),
    ] {
        if !text.is_empty() {
            texts.insert(lang, text);
        }
    }
    Ok(Some(Intro {
        texts,
        approval: Approval::parse(&m.approval).map_err(|_| corrupt("approval"))?,
        updated_at: m.updated_at,
    }))
}

/// Writes the introduction (its approval with it).
pub async fn set_intro(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    texts: &BTreeMap<Lang, String>,
    approval: Approval,
) -> DbResult<()> {
    intro::Entity::delete_by_id(city_id.get())
        .exec(&**txn)
        .await?;
    let text = |lang| texts.get(&lang).cloned().unwrap_or_default();
    intro::ActiveModel {
        city_id: Set(city_id.get()),
        intro_en: Set(text(Lang::En)),
        intro_fr: Set(text(Lang::Fr)),
        intro_es: Set(text(Lang::Es)),
        approval: Set(approval.key().to_owned()),
        updated_at: Set(Utc::now()),
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "showcase.intro",
        "city",
        city_id,
        json!({"approval": approval.key()}),
    )
    .await?;
    Ok(())
}

pub async fn approve_intro(txn: &WriteTxn<'_>, who: &Who, city_id: CityId) -> DbResult<bool> {
    let result = intro::Entity::update_many()
        .col_expr(
            intro::Column::Approval,
            Expr::value(Approval::Approved.key()),
        )
        .filter(intro::Column::CityId.eq(city_id.get()))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "showcase.intro.approve",
        "city",
        city_id,
        json!({}),
    )
    .await?;
    Ok(result.rows_affected > 0)
}
