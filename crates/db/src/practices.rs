//! Good practices: create, read, edit, the review's steps and comments, featuring, and the
//! lists the pages need. Every write is audited and leaves a row in the search change log in
//! the same transaction.

use ateneu_domain::ProblemKey;
use ateneu_domain::ids::PracticeId;
mod change_log;
pub mod disseminations;
mod import;
pub mod media;
mod search;
mod thesaurus;
mod translation;

pub use ateneu_domain::practices::keywords::Keyword;
pub use change_log::{Pruned, prune_changes, pruned_through};
pub use import::{ImportSummary, Writer as ImportWriter, import};
pub use search::{
    Change, by_ids, changes_since, cities_after, cities_by_ids, last_change, practices_of_cities,
};
pub use thesaurus::{keywords, load_bundled_thesaurus, save_keyword};
pub use translation::{count_translation_work, translation_work};

use crate::audit::{self, Who};
use crate::entities::{city, practice, practice_city, practice_comment, search_change};
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::TranslatedText;
use ateneu_domain::cities::slugify;
use ateneu_domain::countries::Country;
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::practices::{PracticeRecord, Stage, TextField, workflow::Step};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A city a practice belongs to, as pages show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeCity {
    pub id: CityId,
    pub slug: String,
    pub name: TranslatedText,
    pub country: Country,
    pub region: String,
}

/// A practice as read from the database.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Practice {
    pub id: PracticeId,
    pub slug: String,
    pub external_id: Option<String>,
    pub stage: Stage,
    pub record: PracticeRecord,
    pub cities: Vec<PracticeCity>,
    pub featured: bool,
    pub newsletter_on: Option<NaiveDate>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Practice {
    pub fn city_ids(&self) -> Vec<CityId> {
        self.cities.iter().map(|c| c.id).collect()
    }
}

/// A comment on a practice: an expert's advice, a reviewer's note, or a workflow step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub id: i64,
    pub author: String,
    pub kind: String,
    pub step: Option<String>,
    pub from_stage: Option<String>,
    pub to_stage: Option<String>,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

pub(crate) fn stage_of(model: &practice::Model) -> DbResult<Stage> {
    Stage::parse(&model.stage).map_err(|_| DbError::Corrupt(model.stage.clone()))
}

pub(crate) fn city_of(model: city::Model) -> DbResult<PracticeCity> {
    Ok(PracticeCity {
        id: CityId::new(model.id),
        name: from_json(&model.name)?,
        country: Country::parse(&model.country).map_err(|_| DbError::Corrupt(model.country))?,
        slug: model.slug,
        region: model.region,
    })
}

/// The cities of these practices, in their order.
pub(crate) async fn cities_of(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> DbResult<HashMap<i64, Vec<PracticeCity>>> {
    let mut by_practice: HashMap<i64, Vec<PracticeCity>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let links = practice_city::Entity::find()
            .filter(practice_city::Column::PracticeId.is_in(chunk.iter().copied()))
            .order_by_asc(practice_city::Column::Position)
            .all(conn)
            .await?;
        let city_ids: HashSet<i64> = links.iter().map(|l| l.city_id).collect();
        let cities: HashMap<i64, city::Model> = city::Entity::find()
            .filter(city::Column::Id.is_in(city_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        for link in links {
            if let Some(model) = cities.get(&link.city_id) {
                by_practice
                    .entry(link.practice_id)
                    .or_default()
                    .push(city_of(model.clone())?);
            }
        }
    }
    Ok(by_practice)
}

async fn assemble(
    conn: &impl ConnectionTrait,
    models: Vec<practice::Model>,
) -> DbResult<Vec<Practice>> {
    let ids: Vec<i64> = models.iter().map(|m| m.id).collect();
    let mut cities = cities_of(conn, &ids).await?;
    models
        .into_iter()
        .map(|model| {
            Ok(Practice {
                stage: stage_of(&model)?,
                record: from_json(&model.record)?,
                cities: cities.remove(&model.id).unwrap_or_default(),
                id: PracticeId::new(model.id),
                slug: model.slug,
                external_id: model.external_id,
                featured: model.featured,
                newsletter_on: model.newsletter_on,
                published_at: model.published_at,
                created_by: model.created_by,
                created_at: model.created_at,
                updated_at: model.updated_at,
            })
        })
        .collect()
}

pub async fn get(conn: &impl ConnectionTrait, id: PracticeId) -> DbResult<Option<Practice>> {
    let Some(model) = practice::Entity::find_by_id(id.get()).one(conn).await? else {
        return Ok(None);
    };
    Ok(assemble(conn, vec![model]).await?.pop())
}

/// The practice an import gave this identifier.
pub async fn by_external_id(
    conn: &impl ConnectionTrait,
    external_id: &str,
) -> DbResult<Option<Practice>> {
    let Some(model) = practice::Entity::find()
        .filter(practice::Column::ExternalId.eq(external_id))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(assemble(conn, vec![model]).await?.pop())
}

pub async fn by_slug(conn: &impl ConnectionTrait, slug: &str) -> DbResult<Option<Practice>> {
    let Some(model) = practice::Entity::find()
        .filter(practice::Column::Slug.eq(slug))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(assemble(conn, vec![model]).await?.pop())
}

/// Logs that the index must look at a practice again.
pub(crate) async fn log_change(conn: &impl ConnectionTrait, entity: &str, id: i64) -> DbResult<()> {
    search_change::Entity::insert(search_change::ActiveModel {
        entity: Set(entity.to_owned()),
        entity_id: Set(id),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

fn slug_base(title: &str) -> String {
    let mut base = slugify(title);
    base.truncate(80);
    let base = base.trim_end_matches('-').to_owned();
    if base.is_empty() {
        "practice".to_owned()
    } else {
        base
    }
}

/// A free slug from a title, among slugs already taken (which it joins).
pub(crate) fn free_practice_slug_in(title: &str, taken: &mut HashSet<String>) -> String {
    let slug = ateneu_domain::cities::free_slug(&slug_base(title), taken);
    taken.insert(slug.clone());
    slug
}

async fn free_practice_slug(conn: &impl ConnectionTrait, title: &str) -> DbResult<String> {
    let base = slug_base(title);
    let taken: HashSet<String> = practice::Entity::find()
        .select_only()
        .column(practice::Column::Slug)
        .filter(practice::Column::Slug.starts_with(&base))
        .into_tuple::<String>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok(ateneu_domain::cities::free_slug(&base, &taken))
}

async fn link_cities(conn: &impl ConnectionTrait, id: i64, cities: &[CityId]) -> DbResult<()> {
    practice_city::Entity::delete_many()
        .filter(practice_city::Column::PracticeId.eq(id))
        .exec(conn)
        .await?;
    let mut seen = HashSet::new();
    let links: Vec<practice_city::ActiveModel> = cities
        .iter()
        .filter(|c| seen.insert(**c))
        .enumerate()
        .map(|(position, city)| practice_city::ActiveModel {
            practice_id: Set(id),
            city_id: Set(city.get()),
            position: Set(position as i32),
        })
        .collect();
    if !links.is_empty() {
        practice_city::Entity::insert_many(links)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// Starts a practice as a draft of these cities.
pub async fn create(
    txn: &WriteTxn<'_>,
    who: &Who,
    cities: &[CityId],
    record: &PracticeRecord,
) -> DbResult<Practice> {
    let slug = free_practice_slug(&**txn, record.title(record.source_lang)).await?;
    let now = Utc::now();
    let mut row = practice::ActiveModel {
        slug: Set(slug.clone()),
        external_id: Set(None),
        stage: Set(Stage::Draft.key().to_owned()),
        record: Set(to_json(record)?),
        featured: Set(false),
        newsletter_on: Set(None),
        published_at: Set(None),
        created_by: Set(who.user_id.map(AccountId::get)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    translation::set_work(&mut row, record);
    let model = practice::Entity::insert(row)
        .exec_with_returning(&**txn)
        .await?;
    link_cities(&**txn, model.id, cities).await?;
    log_change(&**txn, "practice", model.id).await?;
    audit::record(
        &**txn,
        who,
        "practice.create",
        "practice",
        &slug,
        serde_json::json!({"cities": cities, "record": record}),
    )
    .await?;
    get(&**txn, PracticeId::new(model.id))
        .await?
        .ok_or(DbError::NotFound)
}

/// Replaces a practice's content and cities; uploaded files whose entries left the media list
/// are deleted.
pub async fn update(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Practice,
    cities: &[CityId],
    record: &PracticeRecord,
) -> DbResult<Practice> {
    translation::with_work(practice::Entity::update_many(), record)
        .col_expr(
            practice::Column::Record,
            sea_orm::sea_query::Expr::value(to_json(record)?),
        )
        .col_expr(
            practice::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(practice::Column::Id.eq(before.id.get()))
        .exec(&**txn)
        .await?;
    if before.city_ids() != cities {
        link_cities(&**txn, before.id.get(), cities).await?;
    }
    media::remove_dropped(txn, who, before, record).await?;
    log_change(&**txn, "practice", before.id.get()).await?;
    let changed: Vec<&str> = TextField::ALL
        .into_iter()
        .filter(|f| before.record.text(*f) != record.text(*f))
        .map(TextField::key)
        .collect();
    audit::record(
        &**txn,
        who,
        "practice.update",
        "practice",
        &before.slug,
        serde_json::json!({"texts_changed": changed, "before": before.record, "after": record}),
    )
    .await?;
    get(&**txn, before.id).await?.ok_or(DbError::NotFound)
}

/// Moves a practice to the stage a step leads to (checked by the domain), recording the step
/// and its comment. Refused with `stage_changed` when someone moved it meanwhile.
pub async fn take_step(
    txn: &WriteTxn<'_>,
    who: &Who,
    before: &Practice,
    step: Step,
    to: Stage,
    comment: &str,
) -> DbResult<Practice> {
    let now = Utc::now();
    let mut update = practice::Entity::update_many()
        .col_expr(
            practice::Column::Stage,
            sea_orm::sea_query::Expr::value(to.key()),
        )
        .col_expr(
            practice::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        );
    if to == Stage::Published && before.published_at.is_none() {
        update = update.col_expr(
            practice::Column::PublishedAt,
            sea_orm::sea_query::Expr::value(now),
        );
    }
    if to != Stage::Published {
        update = update.col_expr(
            practice::Column::Featured,
            sea_orm::sea_query::Expr::value(false),
        );
    }
    let result = update
        .filter(practice::Column::Id.eq(before.id.get()))
        .filter(practice::Column::Stage.eq(before.stage.key()))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::StageChanged));
    }
    add_comment_row(
        txn,
        who,
        before.id.get(),
        "step",
        Some((step, before.stage, to)),
        comment,
    )
    .await?;
    log_change(&**txn, "practice", before.id.get()).await?;
    audit::record(
        &**txn,
        who,
        &format!("practice.{}", step.key()),
        "practice",
        &before.slug,
        serde_json::json!({"from": before.stage.key(), "to": to.key(), "comment": comment}),
    )
    .await?;
    get(&**txn, before.id).await?.ok_or(DbError::NotFound)
}

async fn add_comment_row(
    txn: &WriteTxn<'_>,
    who: &Who,
    practice_id: i64,
    kind: &str,
    step: Option<(Step, Stage, Stage)>,
    body: &str,
) -> DbResult<()> {
    practice_comment::Entity::insert(practice_comment::ActiveModel {
        practice_id: Set(practice_id),
        author_id: Set(who.user_id.map(AccountId::get)),
        author: Set(who.label.clone()),
        kind: Set(kind.to_owned()),
        step: Set(step.map(|s| s.0.key().to_owned())),
        from_stage: Set(step.map(|s| s.1.key().to_owned())),
        to_stage: Set(step.map(|s| s.2.key().to_owned())),
        body: Set(body.trim().to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec_without_returning(&**txn)
    .await?;
    Ok(())
}

/// An expert's advice or a reviewer's note.
pub async fn comment(
    txn: &WriteTxn<'_>,
    who: &Who,
    practice: &Practice,
    kind: &str,
    body: &str,
) -> DbResult<()> {
    add_comment_row(txn, who, practice.id.get(), kind, None, body).await?;
    audit::record(
        &**txn,
        who,
        "practice.comment",
        "practice",
        &practice.slug,
        serde_json::json!({"kind": kind, "body": body}),
    )
    .await
}

pub async fn comments(
    conn: &impl ConnectionTrait,
    practice_id: PracticeId,
) -> DbResult<Vec<Comment>> {
    Ok(practice_comment::Entity::find()
        .filter(practice_comment::Column::PracticeId.eq(practice_id.get()))
        .order_by_asc(practice_comment::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| Comment {
            id: m.id,
            author: m.author,
            kind: m.kind,
            step: m.step,
            from_stage: m.from_stage,
            to_stage: m.to_stage,
            body: m.body,
            created_at: m.created_at,
        })
        .collect())
}

/// Features a published practice on the home page (or stops), and schedules it for a
/// newsletter (or not).
pub async fn promote(
    txn: &WriteTxn<'_>,
    who: &Who,
    practice: &Practice,
    featured: bool,
    newsletter_on: Option<NaiveDate>,
) -> DbResult<()> {
    practice::Entity::update_many()
        .col_expr(
            practice::Column::Featured,
            sea_orm::sea_query::Expr::value(featured),
        )
        .col_expr(
            practice::Column::NewsletterOn,
            sea_orm::sea_query::Expr::value(newsletter_on),
        )
        .filter(practice::Column::Id.eq(practice.id.get()))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "practice.promote",
        "practice",
        &practice.slug,
        serde_json::json!({"featured": featured, "newsletter_on": newsletter_on}),
    )
    .await
}

/// Which practices a list shows.
#[derive(Debug, Clone, Default)]
pub struct PracticeFilter {
    pub stages: Vec<Stage>,
    /// Only practices of these cities (None: all).
    pub cities: Option<Vec<CityId>>,
    pub featured: Option<bool>,
    pub scheduled: bool,
}

fn filtered(filter: &PracticeFilter) -> sea_orm::Select<practice::Entity> {
    let mut query = practice::Entity::find();
    if !filter.stages.is_empty() {
        query = query.filter(
            practice::Column::Stage.is_in(filter.stages.iter().map(|s| s.key().to_owned())),
        );
    }
    if let Some(cities) = &filter.cities {
        let mut sub = sea_orm::sea_query::Query::select();
        sub.column(practice_city::Column::PracticeId)
            .from(practice_city::Entity)
            .and_where(practice_city::Column::CityId.is_in(cities.iter().map(|c| c.get())));
        query = query.filter(practice::Column::Id.in_subquery(sub));
    }
    if let Some(featured) = filter.featured {
        query = query.filter(practice::Column::Featured.eq(featured));
    }
    if filter.scheduled {
        query = query.filter(practice::Column::NewsletterOn.is_not_null());
    }
    query
}

/// A page of practices, most recently changed first (published ones by publication date when
/// only published ones are asked for).
pub async fn list(
    conn: &impl ConnectionTrait,
    filter: &PracticeFilter,
    offset: u64,
    limit: u64,
) -> DbResult<(Vec<Practice>, u64)> {
    let total = filtered(filter).count(conn).await?;
    let order = if filter.stages == [Stage::Published] {
        practice::Column::PublishedAt
    } else {
        practice::Column::UpdatedAt
    };
    let models = filtered(filter)
        .order_by_desc(order)
        .order_by_desc(practice::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(conn)
        .await?;
    Ok((assemble(conn, models).await?, total))
}

/// Published practices in id order after `after`, for exports and the index, a page at a time.
pub async fn published_after(
    conn: &impl ConnectionTrait,
    after: i64,
    limit: u64,
) -> DbResult<Vec<Practice>> {
    let models = practice::Entity::find()
        .filter(practice::Column::Stage.eq(Stage::Published.key()))
        .filter(practice::Column::Id.gt(after))
        .order_by_asc(practice::Column::Id)
        .limit(limit)
        .all(conn)
        .await?;
    assemble(conn, models).await
}
