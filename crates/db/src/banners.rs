//! The home page's banners as stored: written, changed and removed by the secretariat (each
//! write audited), all of them for its page, those of a day for the home page.

use crate::audit::{self, Who};
use crate::entities::banner;
use crate::{DbResult, WriteTxn};
use ateneu_domain::Lang;
use ateneu_domain::banners::BannerDraft;
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use serde_json::json;

/// A banner as stored, with its practice's id (the draft names the practice by slug as it was
/// given; the id is what holds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Banner {
    pub id: i64,
    pub practice_id: i64,
    pub image: Option<String>,
    pub texts: std::collections::BTreeMap<Lang, String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

fn to_banner(m: banner::Model) -> Banner {
    let mut texts = std::collections::BTreeMap::new();
    for (lang, text) in [
        (Lang::En, m.text_en),
        (Lang::Fr, m.text_fr),
        (Lang::Es, m.text_es),
    ] {
        if !text.is_empty() {
            texts.insert(lang, text);
        }
    }
    Banner {
        id: m.id,
        practice_id: m.practice_id,
        image: m.image,
        texts,
        starts_on: m.starts_on,
        ends_on: m.ends_on,
    }
}

fn text(draft: &BannerDraft, lang: Lang) -> String {
    draft.texts.get(&lang).cloned().unwrap_or_default()
}

pub async fn create(
    txn: &WriteTxn<'_>,
    who: &Who,
    practice_id: i64,
    draft: &BannerDraft,
) -> DbResult<Banner> {
    let now = Utc::now();
    let model = banner::ActiveModel {
        practice_id: Set(practice_id),
        image: Set(draft.image.clone()),
        text_en: Set(text(draft, Lang::En)),
        text_fr: Set(text(draft, Lang::Fr)),
        text_es: Set(text(draft, Lang::Es)),
        starts_on: Set(draft.starts_on),
        ends_on: Set(draft.ends_on),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "banner.create",
        "banner",
        model.id,
        json!(draft),
    )
    .await?;
    Ok(to_banner(model))
}

/// Changes a banner; false when there is none with this id.
pub async fn update(
    txn: &WriteTxn<'_>,
    who: &Who,
    id: i64,
    practice_id: i64,
    draft: &BannerDraft,
) -> DbResult<bool> {
    let Some(model) = banner::Entity::find_by_id(id).one(&**txn).await? else {
        return Ok(false);
    };
    let mut active: banner::ActiveModel = model.into();
    active.practice_id = Set(practice_id);
    active.image = Set(draft.image.clone());
    active.text_en = Set(text(draft, Lang::En));
    active.text_fr = Set(text(draft, Lang::Fr));
    active.text_es = Set(text(draft, Lang::Es));
    active.starts_on = Set(draft.starts_on);
    active.ends_on = Set(draft.ends_on);
    active.updated_at = Set(Utc::now());
    active.update(&**txn).await?;
    audit::record(&**txn, who, "banner.update", "banner", id, json!(draft)).await?;
    Ok(true)
}

/// Removes a banner; false when there is none with this id.
pub async fn delete(txn: &WriteTxn<'_>, who: &Who, id: i64) -> DbResult<bool> {
    let result = banner::Entity::delete_by_id(id).exec(&**txn).await?;
    if result.rows_affected > 0 {
        audit::record(&**txn, who, "banner.delete", "banner", id, json!({})).await?;
    }
    Ok(result.rows_affected > 0)
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Banner>> {
    Ok(banner::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_banner))
}

/// Every banner, the latest to end first.
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<Banner>> {
    Ok(banner::Entity::find()
        .order_by_desc(banner::Column::EndsOn)
        .order_by_desc(banner::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_banner)
        .collect())
}

/// The banners shown on `day`, in the order they were made.
pub async fn live(conn: &impl ConnectionTrait, day: NaiveDate) -> DbResult<Vec<Banner>> {
    Ok(banner::Entity::find()
        .filter(banner::Column::StartsOn.lte(day))
        .filter(banner::Column::EndsOn.gte(day))
        .order_by_asc(banner::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_banner)
        .collect())
}
