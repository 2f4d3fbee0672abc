//! Seven Keys workshops in storage: the workshop (open or closed, its draft plan and its
//! article), its participants' links (hashes only), the challenges they name and the themes
//! they are clustered into, the keys agreed on; a city's cultural assets are in `assets`. A
//! challenge is taken only while its workshop is open, checked inside the saving transaction.

mod assets;

pub use assets::{Asset, add_asset, assets, remove_asset};

use crate::audit::{self, Who};
use crate::entities::{
    seven_keys_challenge, seven_keys_invitation, seven_keys_key, seven_keys_workshop,
};
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::ids::OutputId;
use ateneu_domain::seven_keys::{ArticleDraft, ChallengeDraft, KeyDraft, WorkshopDraft};
use ateneu_domain::{Lang, ProblemKey};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

/// A workshop as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workshop {
    pub id: i64,
    pub programme_id: i64,
    pub city_id: CityId,
    #[serde(flatten)]
    pub draft: WorkshopDraft,
    pub status: AssessmentStatus,
    /// The draft action plan (an output) its keys became.
    pub plan_output_id: Option<i64>,
    pub article: Option<ArticleDraft>,
    pub published_at: Option<DateTime<Utc>>,
    /// The output the article was filed as when first published.
    pub article_output_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// A challenge a participant named (whose link named it stays unsaid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Challenge {
    pub id: i64,
    pub workshop_id: i64,
    #[serde(skip)]
    pub invitation_id: Option<i64>,
    #[serde(flatten)]
    pub draft: ChallengeDraft,
    pub theme: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A key of a workshop, in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Key {
    pub id: i64,
    pub workshop_id: i64,
    pub position: i32,
    #[serde(flatten)]
    pub draft: KeyDraft,
}

fn corrupt(problem: ateneu_domain::Problem) -> DbError {
    DbError::Corrupt(problem.key.to_string())
}

fn to_workshop(m: seven_keys_workshop::Model) -> DbResult<Workshop> {
    Ok(Workshop {
        id: m.id,
        programme_id: m.programme_id,
        city_id: CityId::new(m.city_id),
        draft: WorkshopDraft {
            activity_id: m.activity_id,
            title: m.title,
            held_on: m.held_on,
            lang: m
                .lang
                .parse::<Lang>()
                .map_err(|_| DbError::Corrupt(m.lang.clone()))?,
        },
        status: AssessmentStatus::parse(&m.status).map_err(corrupt)?,
        plan_output_id: m.plan_output_id,
        article: m.article.as_deref().map(from_json).transpose()?,
        published_at: m.published_at,
        article_output_id: m.article_output_id,
        created_at: m.created_at,
    })
}

fn to_challenge(m: seven_keys_challenge::Model) -> DbResult<Challenge> {
    Ok(Challenge {
        id: m.id,
        workshop_id: m.workshop_id,
        invitation_id: m.invitation_id,
        draft: ChallengeDraft {
            text: m.text,
            sdgs: from_json(&m.sdgs)?,
            assets: from_json(&m.assets)?,
        },
        theme: m.theme,
        created_at: m.created_at,
    })
}

fn to_key(m: seven_keys_key::Model) -> DbResult<Key> {
    Ok(Key {
        id: m.id,
        workshop_id: m.workshop_id,
        position: m.position,
        draft: from_json(&m.record)?,
    })
}

/// The workshop's row, locked until the transaction ends (on PostgreSQL; SQLite's writes are
/// one at a time already): a count or a status read under it stays true until the write.
async fn locked(txn: &WriteTxn<'_>, id: i64) -> DbResult<Workshop> {
    seven_keys_workshop::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&**txn)
        .await?
        .map(to_workshop)
        .transpose()?
        .ok_or(DbError::NotFound)
}

/// Creates an open workshop of a programme.
pub async fn create(
    txn: &WriteTxn<'_>,
    who: &Who,
    (programme_id, city_id): (i64, CityId),
    draft: &WorkshopDraft,
) -> DbResult<Workshop> {
    let model = seven_keys_workshop::ActiveModel {
        programme_id: Set(programme_id),
        activity_id: Set(draft.activity_id),
        city_id: Set(city_id.get()),
        title: Set(draft.title.clone()),
        held_on: Set(draft.held_on),
        lang: Set(draft.lang.code().to_owned()),
        status: Set(AssessmentStatus::Open.key().to_owned()),
        created_by: Set(who.user_id.map(AccountId::get)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "seven_keys.create",
        "seven_keys_workshop",
        model.id,
        serde_json::json!({"programme_id": programme_id, "draft": draft}),
    )
    .await?;
    to_workshop(model)
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<Workshop>> {
    seven_keys_workshop::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_workshop)
        .transpose()
}

/// A programme's workshops, by their day.
pub async fn of_programme(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> DbResult<Vec<Workshop>> {
    seven_keys_workshop::Entity::find()
        .filter(seven_keys_workshop::Column::ProgrammeId.eq(programme_id))
        .order_by_asc(seven_keys_workshop::Column::HeldOn)
        .order_by_asc(seven_keys_workshop::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_workshop)
        .collect()
}

/// The workshops whose article is published, newest first.
pub async fn published(conn: &impl ConnectionTrait, limit: u64) -> DbResult<Vec<Workshop>> {
    seven_keys_workshop::Entity::find()
        .filter(seven_keys_workshop::Column::PublishedAt.is_not_null())
        .order_by_desc(seven_keys_workshop::Column::PublishedAt)
        .order_by_desc(seven_keys_workshop::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(to_workshop)
        .collect()
}

/// Opens or closes a workshop.
pub async fn set_status(
    txn: &WriteTxn<'_>,
    who: &Who,
    id: i64,
    status: AssessmentStatus,
) -> DbResult<()> {
    seven_keys_workshop::Entity::update_many()
        .col_expr(
            seven_keys_workshop::Column::Status,
            Expr::value(status.key()),
        )
        .filter(seven_keys_workshop::Column::Id.eq(id))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "seven_keys.status",
        "seven_keys_workshop",
        id,
        serde_json::json!({"status": status}),
    )
    .await
}

const LINKS: crate::links::LinkColumns<seven_keys_invitation::Column> = crate::links::LinkColumns {
    id: seven_keys_invitation::Column::Id,
    owner: seven_keys_invitation::Column::WorkshopId,
    hash: seven_keys_invitation::Column::TokenHash,
    created_at: seven_keys_invitation::Column::CreatedAt,
};

/// Keeps the hashes of new participants' links.
pub async fn invite(txn: &WriteTxn<'_>, workshop_id: i64, hashes: &[String]) -> DbResult<()> {
    crate::links::insert::<seven_keys_invitation::Entity>(txn, &LINKS, workshop_id, hashes).await
}

/// A workshop's links: each one's id and hash, oldest first.
pub async fn links(conn: &impl ConnectionTrait, workshop_id: i64) -> DbResult<Vec<(i64, String)>> {
    crate::links::all::<seven_keys_invitation::Entity>(conn, &LINKS, workshop_id).await
}

/// Takes the workshop's row until the transaction ends (on PostgreSQL): what a merge reads
/// stays true until it writes.
pub async fn lock(txn: &WriteTxn<'_>, id: i64) -> DbResult<Workshop> {
    locked(txn, id).await
}

/// How many links a workshop has.
pub async fn invitation_count(conn: &impl ConnectionTrait, workshop_id: i64) -> DbResult<u64> {
    crate::links::count::<seven_keys_invitation::Entity>(conn, &LINKS, workshop_id).await
}

/// The link a hash opens, with its workshop.
pub async fn invitation_by_hash(
    conn: &impl ConnectionTrait,
    hash: &str,
) -> DbResult<Option<(i64, Workshop)>> {
    let Some((link, workshop)) =
        crate::links::by_hash::<seven_keys_invitation::Entity>(conn, &LINKS, hash).await?
    else {
        return Ok(None);
    };
    Ok(by_id(conn, workshop).await?.map(|w| (link, w)))
}

/// Takes a challenge while its workshop is open (checked in this transaction) and holds fewer
/// than `most`.
pub async fn add_challenge(
    txn: &WriteTxn<'_>,
    workshop_id: i64,
    invitation_id: Option<i64>,
    draft: &ChallengeDraft,
    most: u64,
) -> DbResult<Challenge> {
    let workshop = locked(txn, workshop_id).await?;
    if workshop.status != AssessmentStatus::Open {
        return Err(DbError::Conflict(ProblemKey::WorkshopClosed));
    }
    let count = seven_keys_challenge::Entity::find()
        .filter(seven_keys_challenge::Column::WorkshopId.eq(workshop_id))
        .count(&**txn)
        .await?;
    if count >= most {
        return Err(DbError::Conflict(ProblemKey::TooManyItems));
    }
    let model = seven_keys_challenge::ActiveModel {
        workshop_id: Set(workshop_id),
        invitation_id: Set(invitation_id),
        text: Set(draft.text.clone()),
        sdgs: Set(to_json(&draft.sdgs)?),
        assets: Set(to_json(&draft.assets)?),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    to_challenge(model)
}

/// A workshop's challenges in the order they came (or those of one link).
pub async fn challenges(
    conn: &impl ConnectionTrait,
    workshop_id: i64,
    invitation_id: Option<i64>,
) -> DbResult<Vec<Challenge>> {
    let mut query = seven_keys_challenge::Entity::find()
        .filter(seven_keys_challenge::Column::WorkshopId.eq(workshop_id));
    if let Some(invitation) = invitation_id {
        query = query.filter(seven_keys_challenge::Column::InvitationId.eq(invitation));
    }
    query
        .order_by_asc(seven_keys_challenge::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_challenge)
        .collect()
}

/// Puts a challenge of the workshop in a theme (or takes it out, with none).
pub async fn set_theme(
    txn: &WriteTxn<'_>,
    who: &Who,
    workshop_id: i64,
    challenge_id: i64,
    theme: Option<&str>,
) -> DbResult<()> {
    let done = seven_keys_challenge::Entity::update_many()
        .col_expr(
            seven_keys_challenge::Column::Theme,
            Expr::value(theme.map(str::to_owned)),
        )
        .filter(seven_keys_challenge::Column::Id.eq(challenge_id))
        .filter(seven_keys_challenge::Column::WorkshopId.eq(workshop_id))
        .exec(&**txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(DbError::NotFound);
    }
    audit::record(
        &**txn,
        who,
        "seven_keys.theme",
        "seven_keys_workshop",
        workshop_id,
        serde_json::json!({"challenge": challenge_id, "theme": theme}),
    )
    .await
}

/// A workshop's keys in their order.
pub async fn keys(conn: &impl ConnectionTrait, workshop_id: i64) -> DbResult<Vec<Key>> {
    seven_keys_key::Entity::find()
        .filter(seven_keys_key::Column::WorkshopId.eq(workshop_id))
        .order_by_asc(seven_keys_key::Column::Position)
        .order_by_asc(seven_keys_key::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_key)
        .collect()
}

/// Adds a key after the others (at most `most`), while the keys have not become a plan.
pub async fn add_key(
    txn: &WriteTxn<'_>,
    who: &Who,
    workshop_id: i64,
    draft: &KeyDraft,
    most: usize,
) -> DbResult<Key> {
    if locked(txn, workshop_id).await?.plan_output_id.is_some() {
        return Err(DbError::Conflict(ProblemKey::PlanAlreadyDrafted));
    }
    let existing = keys(&**txn, workshop_id).await?;
    if existing.len() >= most {
        return Err(DbError::Conflict(ProblemKey::TooManyItems));
    }
    let position = existing.last().map_or(1, |k| k.position + 1);
    let model = seven_keys_key::ActiveModel {
        workshop_id: Set(workshop_id),
        position: Set(position),
        record: Set(to_json(draft)?),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "seven_keys.key_add",
        "seven_keys_workshop",
        workshop_id,
        serde_json::json!({"key": model.id, "draft": draft}),
    )
    .await?;
    to_key(model)
}

/// Removes a key of the workshop, while the keys have not become a plan; false when there was
/// none.
pub async fn remove_key(
    txn: &WriteTxn<'_>,
    who: &Who,
    workshop_id: i64,
    key_id: i64,
) -> DbResult<bool> {
    if locked(txn, workshop_id).await?.plan_output_id.is_some() {
        return Err(DbError::Conflict(ProblemKey::PlanAlreadyDrafted));
    }
    let removed = seven_keys_key::Entity::delete_many()
        .filter(seven_keys_key::Column::Id.eq(key_id))
        .filter(seven_keys_key::Column::WorkshopId.eq(workshop_id))
        .exec(&**txn)
        .await?
        .rows_affected;
    audit::record_removal(
        &**txn,
        who,
        removed,
        ("seven_keys.key_remove", "seven_keys_workshop", workshop_id),
        serde_json::json!({"key": key_id}),
    )
    .await
}

/// Records the draft plan the keys became, once: a workshop whose plan was drafted meanwhile
/// is refused (`plan_already_drafted`).
pub async fn set_plan(txn: &WriteTxn<'_>, workshop_id: i64, output_id: OutputId) -> DbResult<()> {
    let done = seven_keys_workshop::Entity::update_many()
        .col_expr(
            seven_keys_workshop::Column::PlanOutputId,
            Expr::value(output_id.get()),
        )
        .filter(seven_keys_workshop::Column::Id.eq(workshop_id))
        .filter(seven_keys_workshop::Column::PlanOutputId.is_null())
        .exec(&**txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(DbError::Conflict(ProblemKey::PlanAlreadyDrafted));
    }
    Ok(())
}

/// Saves the article (read again under the row's lock): listed since it was published, or
/// not listed. Returns the workshop as saved.
pub async fn save_article(
    txn: &WriteTxn<'_>,
    who: &Who,
    workshop_id: i64,
    draft: &ArticleDraft,
) -> DbResult<Workshop> {
    let workshop = locked(txn, workshop_id).await?;
    let published_at = if draft.published {
        Some(workshop.published_at.unwrap_or_else(Utc::now))
    } else {
        None
    };
    seven_keys_workshop::Entity::update_many()
        .col_expr(
            seven_keys_workshop::Column::Article,
            Expr::value(Some(to_json(draft)?)),
        )
        .col_expr(
            seven_keys_workshop::Column::PublishedAt,
            Expr::value(published_at),
        )
        .filter(seven_keys_workshop::Column::Id.eq(workshop.id))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "seven_keys.article",
        "seven_keys_workshop",
        workshop.id,
        serde_json::json!({"published": draft.published}),
    )
    .await?;
    Ok(Workshop {
        article: Some(draft.clone()),
        published_at,
        ..workshop
    })
}

/// Records the output the article was filed as, once: a workshop whose article was filed
/// meanwhile is refused (`changed_meanwhile`).
pub async fn set_article_output(
    txn: &WriteTxn<'_>,
    workshop_id: i64,
    output_id: OutputId,
) -> DbResult<()> {
    let done = seven_keys_workshop::Entity::update_many()
        .col_expr(
            seven_keys_workshop::Column::ArticleOutputId,
            Expr::value(output_id.get()),
        )
        .filter(seven_keys_workshop::Column::Id.eq(workshop_id))
        .filter(seven_keys_workshop::Column::ArticleOutputId.is_null())
        .exec(&**txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(DbError::Conflict(ProblemKey::ChangedMeanwhile));
    }
    Ok(())
}
