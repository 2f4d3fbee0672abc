//! A city's addresses and names as people type them: earlier slugs that still lead to the city,
//! the one-time remaking of the slugs made by the old rule (kept as earlier slugs), and finding
//! cities by a name typed in any language.

use super::{City, search_text, slugs_like, to_city};
use crate::audit::{self, Who};
use crate::entities::{city, city_slug};
use crate::{Db, DbResult, settings};
use ateneu_domain::cities::{CityPick, legacy_slug, slugify};
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

/// The setting that a migration leaves when slugs and search text are to be made again.
const TO_REFRESH: &str = "city_slugs_to_refresh";
/// Cities read and written per transaction.
const BATCH: u64 = 500;
/// The most cities a name can find (more means the name is not a name).
const MAX_NAMED: u64 = 50;

/// The slug a city has now, when `slug` is one it had before.
pub async fn current_slug(conn: &impl ConnectionTrait, slug: &str) -> DbResult<Option<String>> {
    let Some(old) = city_slug::Entity::find_by_id(slug.to_owned())
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(city::Entity::find_by_id(old.city_id)
        .one(conn)
        .await?
        .map(|c| c.slug))
}

/// The cities a typed pick names: a name in any language, with the country when given
/// (several when the name is shared and no country says which).
pub async fn by_pick(conn: &impl ConnectionTrait, pick: &CityPick) -> DbResult<Vec<City>> {
    let mut query = city::Entity::find()
        .filter(Expr::col(city::Column::SearchText).like(format!("%{}%", pick.name)));
    if let Some(country) = &pick.country {
        query = query.filter(city::Column::Country.eq(country.as_str()));
    }
    let mut found = Vec::new();
    for model in query
        .order_by_asc(city::Column::SortName)
        .limit(MAX_NAMED)
        .all(conn)
        .await?
    {
        let city = to_city(model)?;
        if pick.matches(&city.draft) {
            found.push(city);
        }
    }
    Ok(found)
}

/// Once after the migration that asks for it: remakes by transliteration the slugs the old rule
/// made (the old one then leads to the new), folds every city's search text again, and tells
/// the search index which cities changed. In batches, each one transaction.
pub async fn refresh_slugs(db: &Db) -> DbResult<u64> {
    if settings::get(&db.conn, TO_REFRESH).await?.is_none() {
        return Ok(0);
    }
    let who = Who::system("migration");
    let mut after = 0i64;
    let mut changed = 0u64;
    loop {
        let page = city::Entity::find()
            .filter(city::Column::Id.gt(after))
            .order_by_asc(city::Column::Id)
            .limit(BATCH)
            .all(&db.conn)
            .await?;
        let Some(last) = page.last().map(|c| c.id) else {
            break;
        };
        after = last;
        let txn = db.write().await?;
        for model in page {
            let city = to_city(model.clone())?;
            let source = city.draft.name.source_text();
            let made_by_old_rule = city.slug == legacy_slug(source);
            let base = slugify(source);
            let slug = if made_by_old_rule && base != city.slug {
                let taken = slugs_like(&*txn, &base).await?;
                ateneu_domain::cities::free_slug(&base, &taken)
            } else {
                city.slug.clone()
            };
            let text = search_text(&slug, &city.draft);
            if slug == city.slug && text == model.search_text {
                continue;
            }
            if slug != city.slug {
                city_slug::Entity::insert(city_slug::ActiveModel {
                    slug: Set(city.slug.clone()),
                    city_id: Set(city.id.get()),
                    created_at: Set(Utc::now()),
                })
                .on_conflict_do_nothing()
                .exec(&*txn)
                .await?;
                audit::record(
                    &*txn,
                    &who,
                    "city.slug",
                    "city",
                    city.id,
                    serde_json::json!({"from": city.slug, "to": slug}),
                )
                .await?;
                crate::practices::log_change(&*txn, "city", city.id.get()).await?;
                changed += 1;
            }
            city::Entity::update_many()
                .col_expr(city::Column::Slug, Expr::value(slug))
                .col_expr(city::Column::SearchText, Expr::value(text))
                .filter(city::Column::Id.eq(city.id.get()))
                .exec(&*txn)
                .await?;
        }
        txn.commit().await?;
    }
    let txn = db.write().await?;
    crate::entities::setting::Entity::delete_by_id(TO_REFRESH.to_owned())
        .exec(&*txn)
        .await?;
    txn.commit().await?;
    if changed > 0 {
        tracing::info!(changed, "city slugs made again by transliteration");
    }
    Ok(changed)
}

/// The first `limit` cities by name, for the pickers of forms.
pub async fn for_pickers(conn: &impl ConnectionTrait, limit: u64) -> DbResult<Vec<City>> {
    city::Entity::find()
        .order_by_asc(city::Column::SortName)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(to_city)
        .collect()
}
