//! Policy-design workshops in storage: the workshop held around an action plan (its fields,
//! open or closed, its key ideas), its participants' links (hashes only) and the ideas they
//! propose with the clusters facilitators group them into. An idea is taken only while its
//! workshop is open, checked inside the saving transaction.

use crate::audit::{self, Who};
use crate::entities::{policy_design_idea, policy_design_link, policy_design_workshop};
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::ids::OutputId;
use ateneu_domain::policy_design::IdeaDraft;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

/// A workshop as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Workshop {
    /// The action plan it is held around.
    pub output_id: i64,
    /// `framework:field` of the fields the room works on.
    pub fields: Vec<String>,
    pub status: AssessmentStatus,
    pub key_ideas: String,
    pub updated_at: DateTime<Utc>,
}

/// An idea (whose link proposed it stays unsaid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Idea {
    pub id: i64,
    #[serde(skip)]
    pub link_id: Option<i64>,
    #[serde(flatten)]
    pub draft: IdeaDraft,
    pub cluster: Option<String>,
    pub created_at: DateTime<Utc>,
}

fn to_workshop(m: policy_design_workshop::Model) -> DbResult<Workshop> {
    Ok(Workshop {
        output_id: m.output_id,
        fields: from_json(&m.fields)?,
        status: AssessmentStatus::parse(&m.status)
            .map_err(|p| DbError::Corrupt(p.key.to_string()))?,
        key_ideas: m.key_ideas,
        updated_at: m.updated_at,
    })
}

fn to_idea(m: policy_design_idea::Model) -> Idea {
    Idea {
        id: m.id,
        link_id: m.link_id,
        draft: IdeaDraft {
            field: m.field,
            text: m.text,
        },
        cluster: m.cluster,
        created_at: m.created_at,
    }
}

/// The workshop held around a plan, if one was opened.
pub async fn workshop(
    conn: &impl ConnectionTrait,
    output_id: OutputId,
) -> DbResult<Option<Workshop>> {
    policy_design_workshop::Entity::find_by_id(output_id.get())
        .one(conn)
        .await?
        .map(to_workshop)
        .transpose()
}

/// Opens the workshop (or sets its fields again) and keeps the hashes of new links.
pub async fn open(
    txn: &WriteTxn<'_>,
    who: &Who,
    output_id: OutputId,
    fields: &[String],
    hashes: &[String],
) -> DbResult<Workshop> {
    let now = Utc::now();
    // Opened once: two first openings at the same moment leave one row, then both set the
    // fields on it.
    policy_design_workshop::Entity::insert(policy_design_workshop::ActiveModel {
        output_id: Set(output_id.get()),
        fields: Set(to_json(&fields)?),
        status: Set(AssessmentStatus::Open.key().to_owned()),
        key_ideas: Set(String::new()),
        updated_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec(&**txn)
    .await?;
    let mut active: policy_design_workshop::ActiveModel =
        policy_design_workshop::Entity::find_by_id(output_id.get())
            .lock_exclusive()
            .one(&**txn)
            .await?
            .ok_or(DbError::NotFound)?
            .into();
    active.fields = Set(to_json(&fields)?);
    active.updated_at = Set(now);
    let model = active.update(&**txn).await?;
    crate::links::insert::<policy_design_link::Entity>(txn, &LINKS, output_id.get(), hashes)
        .await?;
    audit::record(
        &**txn,
        who,
        "policy_design.open",
        "output",
        output_id,
        serde_json::json!({"fields": fields, "links": hashes.len()}),
    )
    .await?;
    to_workshop(model)
}

const LINKS: crate::links::LinkColumns<policy_design_link::Column> = crate::links::LinkColumns {
    id: policy_design_link::Column::Id,
    owner: policy_design_link::Column::OutputId,
    hash: policy_design_link::Column::TokenHash,
    created_at: policy_design_link::Column::CreatedAt,
};

/// Keeps the hashes of new links of a plan's workshop (opened already).
pub async fn add_links(txn: &WriteTxn<'_>, output_id: OutputId, hashes: &[String]) -> DbResult<()> {
    crate::links::insert::<policy_design_link::Entity>(txn, &LINKS, output_id.get(), hashes).await
}

/// A plan's workshop's links: each one's id and hash, oldest first.
pub async fn links(
    conn: &impl ConnectionTrait,
    output_id: OutputId,
) -> DbResult<Vec<(i64, String)>> {
    crate::links::all::<policy_design_link::Entity>(conn, &LINKS, output_id.get()).await
}

/// Takes the workshop's row until the transaction ends (on PostgreSQL).
pub async fn lock(txn: &WriteTxn<'_>, output_id: OutputId) -> DbResult<()> {
    policy_design_workshop::Entity::find_by_id(output_id.get())
        .lock_exclusive()
        .one(&**txn)
        .await?
        .ok_or(DbError::NotFound)?;
    Ok(())
}

/// How many links a plan's workshop has.
pub async fn link_count(conn: &impl ConnectionTrait, output_id: OutputId) -> DbResult<u64> {
    crate::links::count::<policy_design_link::Entity>(conn, &LINKS, output_id.get()).await
}

/// The link a hash opens, with its workshop.
pub async fn link_by_hash(
    conn: &impl ConnectionTrait,
    hash: &str,
) -> DbResult<Option<(i64, Workshop)>> {
    let Some((link, output)) =
        crate::links::by_hash::<policy_design_link::Entity>(conn, &LINKS, hash).await?
    else {
        return Ok(None);
    };
    Ok(workshop(conn, OutputId::new(output))
        .await?
        .map(|w| (link, w)))
}

/// Takes an idea while the workshop is open (checked in this transaction) and holds fewer than
/// `most`.
pub async fn add_idea(
    txn: &WriteTxn<'_>,
    output_id: OutputId,
    link_id: Option<i64>,
    draft: &IdeaDraft,
    most: u64,
) -> DbResult<Idea> {
    // The workshop's row, locked until the write (on PostgreSQL): it cannot close, nor another
    // idea pass the count, meanwhile.
    let open = policy_design_workshop::Entity::find_by_id(output_id.get())
        .lock_exclusive()
        .one(&**txn)
        .await?
        .map(to_workshop)
        .transpose()?
        .ok_or(DbError::NotFound)?;
    if open.status != AssessmentStatus::Open {
        return Err(DbError::Conflict(ProblemKey::WorkshopClosed));
    }
    let count = policy_design_idea::Entity::find()
        .filter(policy_design_idea::Column::OutputId.eq(output_id.get()))
        .count(&**txn)
        .await?;
    if count >= most {
        return Err(DbError::Conflict(ProblemKey::TooManyItems));
    }
    let model = policy_design_idea::ActiveModel {
        output_id: Set(output_id.get()),
        link_id: Set(link_id),
        field: Set(draft.field.clone()),
        text: Set(draft.text.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    Ok(to_idea(model))
}

/// A plan's ideas in the order they came (or those of one link).
pub async fn ideas(
    conn: &impl ConnectionTrait,
    output_id: OutputId,
    link_id: Option<i64>,
) -> DbResult<Vec<Idea>> {
    let mut query = policy_design_idea::Entity::find()
        .filter(policy_design_idea::Column::OutputId.eq(output_id.get()));
    if let Some(link) = link_id {
        query = query.filter(policy_design_idea::Column::LinkId.eq(link));
    }
    Ok(query
        .order_by_asc(policy_design_idea::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_idea)
        .collect())
}

/// Puts an idea of the plan's workshop in a cluster (or takes it out, with none).
pub async fn set_cluster(
    txn: &WriteTxn<'_>,
    who: &Who,
    output_id: OutputId,
    idea_id: i64,
    cluster: Option<&str>,
) -> DbResult<()> {
    let done = policy_design_idea::Entity::update_many()
        .col_expr(
            policy_design_idea::Column::Cluster,
            Expr::value(cluster.map(str::to_owned)),
        )
        .filter(policy_design_idea::Column::Id.eq(idea_id))
        .filter(policy_design_idea::Column::OutputId.eq(output_id.get()))
        .exec(&**txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(DbError::NotFound);
    }
    audit::record(
        &**txn,
        who,
        "policy_design.cluster",
        "output",
        output_id,
        serde_json::json!({"idea": idea_id, "cluster": cluster}),
    )
    .await
}

/// Changes what the workshop keeps: its key ideas, or whether it is open.
pub async fn save(
    txn: &WriteTxn<'_>,
    who: &Who,
    output_id: OutputId,
    key_ideas: Option<&str>,
    status: Option<AssessmentStatus>,
) -> DbResult<()> {
    let mut update = policy_design_workshop::Entity::update_many()
        .col_expr(
            policy_design_workshop::Column::UpdatedAt,
            Expr::value(Utc::now()),
        )
        .filter(policy_design_workshop::Column::OutputId.eq(output_id.get()));
    if let Some(text) = key_ideas {
        update = update.col_expr(
            policy_design_workshop::Column::KeyIdeas,
            Expr::value(text.to_owned()),
        );
    }
    if let Some(status) = status {
        update = update.col_expr(
            policy_design_workshop::Column::Status,
            Expr::value(status.key()),
        );
    }
    if update.exec(&**txn).await?.rows_affected == 0 {
        return Err(DbError::NotFound);
    }
    audit::record(
        &**txn,
        who,
        "policy_design.save",
        "output",
        output_id,
        serde_json::json!({"key_ideas": key_ideas.map(str::len), "status": status}),
    )
    .await
}
