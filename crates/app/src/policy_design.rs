//! A policy-design workshop's use cases, held around an action plan: whoever keeps the plan (the
//! city's editors and the secretariat) opens it to participants on the fields the room works on
//! (by default those the plan starts from: the weakest and strongest of the city's latest
//! assessment they may see) and makes their links; participants, with no account, propose ideas
//! per field while it is open and see their own; whoever may see the plan sees the ideas, their
//! clusters and the key ideas, which its keepers record.

use crate::programmes::action_plans::starting::{Inspiration, inspiration};
use crate::programmes::action_plans::{self as plans, ActionPlanView};
use crate::security::{link_hash, new_links};
use crate::{Acting, Context, Error};
use ateneu_db::policy_design::{self as repo, Idea, Workshop};
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::frameworks::Trilingual;
use ateneu_domain::ids::OutputId;
use ateneu_domain::policy_design::{self as rules, IdeaInput, LinksInput};
use serde::Serialize;

/// A field the room works on, with its name.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// `framework:field`.
    pub key: String,
    pub name: Trilingual,
}

/// A cluster of a field's ideas (`name` none for the ideas in no cluster yet).
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub name: Option<String>,
    pub ideas: Vec<String>,
}

/// A field with its ideas' clusters.
#[derive(Debug, Clone, Serialize)]
pub struct FieldIdeas {
    #[serde(flatten)]
    pub field: Field,
    pub clusters: Vec<Cluster>,
}

/// The workshop around a plan as its readers see it.
#[derive(Debug, Clone, Serialize)]
pub struct WorkshopView {
    /// None until its keepers open it.
    pub workshop: Option<Workshop>,
    pub fields: Vec<Field>,
    pub ideas: Vec<Idea>,
    pub by_field: Vec<FieldIdeas>,
    /// How many participants' links were made.
    pub links: u64,
    /// The reader keeps the plan (and so runs its workshop).
    pub may_run: bool,
    /// The fields suggested to open it on: those the plan starts from, as the reader sees it.
    pub suggested: Vec<String>,
}

async fn named(context: &Context, keys: &[String]) -> Result<Vec<Field>, Error> {
    let names = crate::practices::framework_fields(context).await?;
    Ok(keys
        .iter()
        .map(|key| Field {
            name: names.get(key).cloned().unwrap_or_else(|| Trilingual {
                en: key.clone(),
                fr: key.clone(),
                es: key.clone(),
            }),
            key: key.clone(),
        })
        .collect())
}

/// The workshop around the plan of output `id`, for whoever may see the plan (not found for
/// anyone else, and for an output of another kind); with `suggest`, the fields suggested to its
/// keepers (which costs the plan's starting points).
pub async fn read(
    context: &Context,
    acting: &Acting,
    id: i64,
    suggest: Option<ateneu_domain::Lang>,
) -> Result<(ActionPlanView, WorkshopView), Error> {
    let plan = plans::read(context, acting, id).await?;
    let workshop = repo::workshop(&context.db.conn, OutputId::new(id)).await?;
    let ideas = repo::ideas(&context.db.conn, OutputId::new(id), None).await?;
    // The workshop's fields, then any field an idea was given for before the fields changed.
    let mut keys = workshop
        .as_ref()
        .map(|w| w.fields.clone())
        .unwrap_or_default();
    for idea in &ideas {
        if !keys.contains(&idea.draft.field) {
            keys.push(idea.draft.field.clone());
        }
    }
    let fields = named(context, &keys).await?;
    let by_field = fields
        .iter()
        .map(|field| FieldIdeas {
            clusters: rules::clustered(
                ideas
                    .iter()
                    .filter(|i| i.draft.field == field.key)
                    .map(|i| (i.cluster.as_deref(), i.draft.text.as_str())),
            )
            .into_iter()
            .map(|(name, ideas)| Cluster { name, ideas })
            .collect(),
            field: field.clone(),
        })
        .collect();
    let may_run = plan.output.may_file;
    let suggested = if let (true, Some(lang)) = (may_run, suggest) {
        let starting = plans::starting::starting_points(context, acting, &plan, lang).await?;
        starting
            .weaknesses
            .iter()
            .chain(&starting.strengths)
            .map(|f| f.field.clone())
            .collect()
    } else {
        Vec::new()
    };
    let view = WorkshopView {
        links: repo::link_count(&context.db.conn, OutputId::new(id)).await?,
        workshop,
        fields,
        ideas,
        by_field,
        may_run,
        suggested,
    };
    Ok((plan, view))
}

/// The plan, when the person keeps it.
async fn kept(context: &Context, acting: &Acting, id: i64) -> Result<ActionPlanView, Error> {
    let plan = plans::read(context, acting, id).await?;
    if plan.output.may_file {
        Ok(plan)
    } else {
        Err(Error::Forbidden)
    }
}

/// Opens the workshop on the fields given (or sets them again) and makes `count` links, shown
/// once; only their hashes are kept.
pub async fn open(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &LinksInput,
) -> Result<Vec<String>, Error> {
    kept(context, acting, id).await?;
    let known = crate::practices::vocabulary(context).await?.fields;
    let fields = rules::fields(&input.fields, &known)?;
    let count = input.count.trim().parse::<u32>().unwrap_or(0);
    let (tokens, hashes) = new_links(count)?;
    let txn = context.db.write().await?;
    repo::open(&txn, &acting.who, OutputId::new(id), &fields, &hashes).await?;
    txn.commit().await?;
    Ok(tokens)
}

/// A field the room works on, with published practices of other cities tagged with it.
#[derive(Debug, Clone, Serialize)]
pub struct InspiredField {
    #[serde(flatten)]
    pub field: Field,
    pub inspiration: Vec<Inspiration>,
}

/// What a participant's link opens: the plan's title and city, the fields with their names and
/// other cities' published practices on each, whether it is open, and their own ideas.
#[derive(Debug, Clone, Serialize)]
pub struct Joined {
    pub title: String,
    pub city: ateneu_db::cities::City,
    pub status: AssessmentStatus,
    pub fields: Vec<InspiredField>,
    pub mine: Vec<Idea>,
}

async fn link(context: &Context, token: &str) -> Result<(i64, Workshop), Error> {
    repo::link_by_hash(&context.db.conn, &link_hash(token)?)
        .await?
        .ok_or(Error::NotFound)
}

/// The workshop a participant's link opens (unknown links: not found), with the practices in
/// `lang`'s search.
pub async fn join(
    context: &Context,
    token: &str,
    lang: ateneu_domain::Lang,
) -> Result<Joined, Error> {
    let (link_id, workshop) = link(context, token).await?;
    let conn = &context.db.conn;
    let output = ateneu_db::outputs::by_id(conn, OutputId::new(workshop.output_id))
        .await?
        .ok_or(Error::NotFound)?;
    let city = ateneu_db::cities::by_id(conn, output.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let fields = named(context, &workshop.fields)
        .await?
        .into_iter()
        .map(|field| {
            Ok(InspiredField {
                inspiration: inspiration(context, &field.key, &city.slug, lang)?,
                field,
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(Joined {
        title: output.title,
        status: workshop.status,
        fields,
        mine: repo::ideas(conn, OutputId::new(workshop.output_id), Some(link_id)).await?,
        city,
    })
}

/// A participant proposes an idea for one of the workshop's fields, while it is open.
pub async fn propose(context: &Context, token: &str, input: &IdeaInput) -> Result<Idea, Error> {
    let (link_id, workshop) = link(context, token).await?;
    rules::accepts_ideas(workshop.status).map_err(Error::Conflict)?;
    let draft = input.parse(&workshop.fields)?;
    let txn = context.db.write().await?;
    let idea = repo::add_idea(
        &txn,
        OutputId::new(workshop.output_id),
        Some(link_id),
        &draft,
        rules::MAX_IDEAS,
    )
    .await?;
    txn.commit().await?;
    Ok(idea)
}

/// The workshop of a kept plan, once opened.
pub(crate) async fn opened(context: &Context, acting: &Acting, id: i64) -> Result<Workshop, Error> {
    kept(context, acting, id).await?;
    repo::workshop(&context.db.conn, OutputId::new(id))
        .await?
        .ok_or(Error::NotFound)
}

/// Groups an idea into a cluster (empty takes it out).
pub async fn set_cluster(
    context: &Context,
    acting: &Acting,
    id: i64,
    idea: i64,
    cluster: &str,
) -> Result<(), Error> {
    opened(context, acting, id).await?;
    let cluster = rules::cluster(cluster).map_err(|p| Error::field("cluster", p))?;
    let txn = context.db.write().await?;
    repo::set_cluster(
        &txn,
        &acting.who,
        OutputId::new(id),
        idea,
        cluster.as_deref(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Records the key ideas.
pub async fn set_key_ideas(
    context: &Context,
    acting: &Acting,
    id: i64,
    text: &str,
) -> Result<(), Error> {
    opened(context, acting, id).await?;
    let text = rules::key_ideas(text).map_err(|p| Error::field("text", p))?;
    let txn = context.db.write().await?;
    repo::save(&txn, &acting.who, OutputId::new(id), Some(&text), None).await?;
    txn.commit().await?;
    Ok(())
}

/// Closes the workshop (it takes no more ideas) or reopens it.
pub async fn set_status(
    context: &Context,
    acting: &Acting,
    id: i64,
    status: &str,
) -> Result<AssessmentStatus, Error> {
    opened(context, acting, id).await?;
    let status = AssessmentStatus::parse(status).map_err(|p| Error::field("status", p))?;
    let txn = context.db.write().await?;
    repo::save(&txn, &acting.who, OutputId::new(id), None, Some(status)).await?;
    txn.commit().await?;
    Ok(status)
}
