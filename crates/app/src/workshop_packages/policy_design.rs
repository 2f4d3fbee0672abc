//! A policy-design workshop in a package: made on the platform by the plan's keepers, opened
//! on a laptop (its city, a programme and an action plan to hold it, its facilitator, the
//! links, ideas, clusters and key ideas so far), its results made on the laptop, and merged
//! back: ideas proposed in the room are added, clusters set there replace the platform's, key
//! ideas as an assessment's do. Each idea is merged once, however often results come back.

use super::{Opened, References, refused, signed};
use crate::security::new_token;
use crate::{Acting, Context, Error};
use ateneu_db::WriteTxn;
use ateneu_db::audit::Who;
use ateneu_db::policy_design as pd_repo;
use ateneu_db::workshop_packages::{self as repo, POLICY_DESIGN, StoredPackage};
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::{AssessmentStatus, Visibility};
use ateneu_domain::ids::OutputId;
use ateneu_domain::policy_design::MAX_IDEAS;
use ateneu_domain::programmes::catalogue::OutputKind;
use ateneu_domain::programmes::outputs::OutputDraft;
use ateneu_domain::workshop_packages::policy_design::{
    CheckedPolicyDesign, PackedIdea, PolicyDesignState, PolicyDesignWorkshop, check,
};
use ateneu_domain::workshop_packages::{Content, KeyIdeas, Package, Person, merge_key_ideas};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What merging results did (or, for the same file again, what it did then).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merged {
    pub links_added: u32,
    pub ideas_added: u32,
    pub clusters_updated: u32,
    /// `unchanged`, `replaced` or `appended`.
    pub key_ideas: String,
    #[serde(default)]
    pub already_imported: bool,
}

/// The workshop's state as a package carries it, its ideas named by `refs`.
async fn state_here(
    context: &Context,
    output_id: OutputId,
    refs: &References,
) -> Result<PolicyDesignState, Error> {
    let conn = &context.db.conn;
    let workshop = pd_repo::workshop(conn, output_id)
        .await?
        .ok_or(Error::NotFound)?;
    let names = refs.names("idea");
    let links = pd_repo::links(conn, output_id).await?;
    let hashes: HashMap<i64, String> = links.iter().cloned().collect();
    let ideas = pd_repo::ideas(conn, output_id, None)
        .await?
        .into_iter()
        .map(|idea| PackedIdea {
            reference: names
                .get(&idea.id)
                .cloned()
                .unwrap_or_else(|| refs.own(idea.id).text()),
            link: idea.link_id.and_then(|l| hashes.get(&l).cloned()),
            field: idea.draft.field,
            text: idea.draft.text,
            cluster: idea.cluster,
        })
        .collect();
    Ok(PolicyDesignState {
        links: links.into_iter().map(|(_, hash)| hash).collect(),
        ideas,
        key_ideas: workshop.key_ideas,
    })
}

/// Makes the package of an open workshop around plan `output_id` for `person` to run it
/// offline (the plan's keepers), and keeps its key and the key ideas as they leave.
pub async fn make(
    context: &Context,
    acting: &Acting,
    person: Person,
    output_id: OutputId,
) -> Result<Package, Error> {
    let workshop = crate::policy_design::opened(context, acting, output_id.get()).await?;
    if workshop.status != AssessmentStatus::Open {
        return Err(Error::Conflict(ateneu_domain::Problem::new(
            ProblemKey::WorkshopClosed,
        )));
    }
    let conn = &context.db.conn;
    let plan = ateneu_db::outputs::by_id(conn, output_id)
        .await?
        .ok_or(Error::NotFound)?;
    let programme = ateneu_db::programmes::by_id(conn, plan.programme_id.unwrap_or_default())
        .await?
        .ok_or(Error::NotFound)?;
    let city = ateneu_db::cities::by_id(conn, plan.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let state = state_here(context, output_id, &References::default()).await?;
    let base = state.key_ideas.clone();
    let key = new_token();
    let content = Content::PolicyDesignWorkshop(Box::new(PolicyDesignWorkshop {
        key: key.clone(),
        city_slug: city.slug,
        city: city.draft,
        programme_starts_on: programme.draft.period.starts_on,
        programme_ends_on: programme.draft.period.ends_on,
        plan: plan.title,
        fields: workshop.fields,
        facilitator: person,
        state,
    }));
    let origin = context.config.base_url.clone();
    let package = signed(new_token(), origin, output_id.get(), content, &key);
    let txn = context.db.write().await?;
    super::record_made(
        &txn,
        &acting.who,
        &package,
        POLICY_DESIGN,
        output_id.get(),
        key,
        base,
    )
    .await?;
    txn.commit().await?;
    Ok(package)
}

/// Opens a policy-design package on this instance (a laptop): its city, a programme and an
/// action plan to hold the workshop, its facilitator as this instance's administrator, and the
/// workshop with its links, ideas, clusters and key ideas. Opening it again changes nothing.
pub async fn open(context: &Context, who: &Who, package: &Package) -> Result<Opened, Error> {
    let Content::PolicyDesignWorkshop(workshop) = &package.content else {
        return Err(refused(ProblemKey::PackageWrongKind, None));
    };
    let facilitator =
        match super::to_open(context, package, &workshop.key, &workshop.facilitator).await? {
            Ok(facilitator) => facilitator,
            Err(opened) => return Ok(opened),
        };
    let checked = check(&workshop.state, &workshop.fields)?;
    let txn = context.db.write().await?;
    let city_id = super::city_here(&txn, who, &workshop.city_slug, &workshop.city).await?;
    super::facilitator_here(&txn, who, &facilitator, &workshop.facilitator).await?;
    let programme = super::programme_here(
        &txn,
        who,
        city_id,
        (workshop.programme_starts_on, workshop.programme_ends_on),
    )
    .await?;
    let plan = ateneu_db::outputs::file(
        &txn,
        who,
        city_id,
        programme,
        &OutputDraft {
            activity_id: None,
            kind: OutputKind::ActionPlan,
            title: workshop.plan.clone(),
            summary: String::new(),
            link: None,
            visibility: Visibility::Network,
        },
    )
    .await?;
    pd_repo::open(&txn, who, plan.id, &workshop.fields, &[]).await?;
    super::record_opened(
        &txn,
        who,
        package,
        POLICY_DESIGN,
        plan.id.get(),
        workshop.key.clone(),
    )
    .await?;
    let mut refs = References {
        on_laptop: true,
        items: HashMap::new(),
    };
    merge_into(&txn, who, &package.id, plan.id, "", &checked, &mut refs).await?;
    txn.commit().await?;
    Ok(Opened {
        workshop_id: plan.id.get(),
        facilitator,
        fresh: true,
    })
}

/// The results of a policy-design package opened here, signed to go back to its platform.
pub(crate) async fn results(context: &Context, stored: &StoredPackage) -> Result<Package, Error> {
    let refs = References::of_laptop(context, stored).await?;
    let state = state_here(context, OutputId::new(stored.workshop_id), &refs).await?;
    Ok(super::results_of(
        stored,
        Content::PolicyDesignResults(state),
    ))
}

/// Merges results brought back from a laptop into the workshop around plan `output_id` (its
/// keepers). Refused whole, writing nothing, as an assessment's are; `workshop_closed` when the
/// workshop was closed meanwhile and the room brings new ideas.
pub async fn import(
    context: &Context,
    acting: &Acting,
    output_id: OutputId,
    package: &Package,
) -> Result<Merged, Error> {
    let workshop = crate::policy_design::opened(context, acting, output_id.get()).await?;
    let Content::PolicyDesignResults(state) = &package.content else {
        return Err(refused(ProblemKey::PackageWrongKind, None));
    };
    let stored = match super::made_here(context, package, POLICY_DESIGN, output_id.get()).await? {
        Ok(stored) => stored,
        Err(past) => return Ok(super::again(&past)),
    };
    let checked = check(state, &workshop.fields)?;
    let txn = context.db.write().await?;
    pd_repo::lock(&txn, output_id).await?;
    if let Some(past) = repo::import_of(&*txn, &stored.id, &package.signature).await? {
        return Ok(super::again(&past.summary));
    }
    let mut refs = References {
        on_laptop: false,
        items: repo::items(&*txn, &stored.id).await?,
    };
    let merged = merge_into(
        &txn,
        &acting.who,
        &stored.id,
        output_id,
        &stored.base,
        &checked,
        &mut refs,
    )
    .await?;
    super::record_merge(&txn, &acting.who, &stored, &package.signature, &merged).await?;
    txn.commit().await?;
    Ok(merged)
}

/// Merges what a package brings into a workshop, inside the caller's transaction: new links,
/// new ideas (with their clusters), clusters changed on known ones, key ideas against `base`
/// (what left for the room). Each new idea is remembered with its reference.
async fn merge_into(
    txn: &WriteTxn<'_>,
    who: &Who,
    package_id: &str,
    output_id: OutputId,
    base: &str,
    brought: &CheckedPolicyDesign,
    refs: &mut References,
) -> Result<Merged, Error> {
    let mut merged = Merged::default();
    let known: Vec<String> = pd_repo::links(&**txn, output_id)
        .await?
        .into_iter()
        .map(|(_, hash)| hash)
        .collect();
    let new_links: Vec<String> = brought
        .links
        .iter()
        .filter(|hash| !known.contains(hash))
        .cloned()
        .collect();
    pd_repo::add_links(txn, output_id, &new_links).await?;
    merged.links_added = u32::try_from(new_links.len()).unwrap_or(u32::MAX);
    let links: HashMap<String, i64> = pd_repo::links(&**txn, output_id)
        .await?
        .into_iter()
        .map(|(id, hash)| (hash, id))
        .collect();
    let kept: HashMap<i64, Option<String>> = pd_repo::ideas(&**txn, output_id, None)
        .await?
        .into_iter()
        .map(|idea| (idea.id, idea.cluster))
        .collect();
    let own: Vec<i64> = kept.keys().copied().collect();
    for (reference, link, draft, cluster) in &brought.ideas {
        match refs.here("idea", *reference, &own) {
            Some(id) => {
                if kept.get(&id).is_some_and(|c| c != cluster) {
                    pd_repo::set_cluster(txn, who, output_id, id, cluster.as_deref()).await?;
                    merged.clusters_updated += 1;
                }
            }
            None => {
                let link = link.as_ref().and_then(|hash| links.get(hash)).copied();
                let added = pd_repo::add_idea(txn, output_id, link, draft, MAX_IDEAS).await?;
                if cluster.is_some() {
                    pd_repo::set_cluster(txn, who, output_id, added.id, cluster.as_deref()).await?;
                }
                let item = format!("idea:{}", reference.text());
                repo::record_item(txn, package_id, &item, added.id).await?;
                refs.items.insert(item, added.id);
                merged.ideas_added += 1;
            }
        }
    }
    let here = pd_repo::workshop(&**txn, output_id)
        .await?
        .ok_or(Error::NotFound)?
        .key_ideas;
    merged.key_ideas = match merge_key_ideas(&here, base, &brought.key_ideas) {
        KeyIdeas::Unchanged => "unchanged",
        KeyIdeas::Replaced(text) => {
            pd_repo::save(txn, who, output_id, Some(&text), None).await?;
            "replaced"
        }
        KeyIdeas::Appended(text) => {
            pd_repo::save(txn, who, output_id, Some(&text), None).await?;
            "appended"
        }
    }
    .to_owned();
    Ok(merged)
}
