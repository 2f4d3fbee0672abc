//! A Seven Keys workshop in a package: made on the platform by those who run the workshop,
//! opened on a laptop (its city and assets, a programme to hold it, its facilitator, the links,
//! challenges, themes and keys so far), its results made on the laptop, and merged back:
//! challenges named in the room are added, themes set there replace the platform's, keys agreed
//! there are added while the keys have not become a plan. Each item is merged once, however
//! often results come back.

use super::{Opened, References, refused, signed};
use crate::security::new_token;
use crate::{Acting, Context, Error};
use ateneu_db::WriteTxn;
use ateneu_db::audit::Who;
use ateneu_db::seven_keys as sk_repo;
use ateneu_db::workshop_packages::{self as repo, SEVEN_KEYS, StoredPackage};
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::seven_keys::{
    ChallengeDraft, KeyDraft, MAX_ASSETS, MAX_CHALLENGES, MAX_KEYS, WorkshopDraft,
};
use ateneu_domain::workshop_packages::seven_keys::{
    CheckedSevenKeys, PackedAsset, PackedChallenge, PackedKey, Reference, SevenKeysState,
    SevenKeysWorkshop, check,
};
use ateneu_domain::workshop_packages::{Content, Package, Person};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What merging results did (or, for the same file again, what it did then).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merged {
    pub links_added: u32,
    pub challenges_added: u32,
    pub themes_updated: u32,
    pub keys_added: u32,
    #[serde(default)]
    pub already_imported: bool,
}

/// The workshop's state as a package carries it, its items named by `refs`.
async fn state_here(
    context: &Context,
    workshop_id: i64,
    refs: &References,
) -> Result<SevenKeysState, Error> {
    let conn = &context.db.conn;
    let challenge_refs = refs.names("challenge");
    let key_refs = refs.names("key");
    let asset_refs = refs.names("asset");
    let name = |names: &HashMap<i64, String>, here: i64| {
        names
            .get(&here)
            .cloned()
            .unwrap_or_else(|| refs.own(here).text())
    };
    let links = sk_repo::links(conn, workshop_id).await?;
    let hashes: HashMap<i64, String> = links.iter().cloned().collect();
    let challenges = sk_repo::challenges(conn, workshop_id, None)
        .await?
        .into_iter()
        .map(|c| PackedChallenge {
            reference: name(&challenge_refs, c.id),
            link: c.invitation_id.and_then(|i| hashes.get(&i).cloned()),
            text: c.draft.text,
            sdgs: c.draft.sdgs,
            assets: c
                .draft
                .assets
                .iter()
                .filter_map(|a| match Reference::parse(&name(&asset_refs, *a)) {
                    Some(Reference::Platform(there)) => Some(there),
                    _ => None,
                })
                .collect(),
            theme: c.theme,
        })
        .collect();
    let keys = sk_repo::keys(conn, workshop_id)
        .await?
        .into_iter()
        .map(|k| PackedKey {
            reference: name(&key_refs, k.id),
            title: k.draft.title,
            commitment: k.draft.commitment,
            actors: k.draft.actors,
            sdgs: k.draft.sdgs,
            challenges: k
                .draft
                .challenges
                .iter()
                .map(|c| name(&challenge_refs, *c))
                .collect(),
        })
        .collect();
    Ok(SevenKeysState {
        links: links.into_iter().map(|(_, hash)| hash).collect(),
        challenges,
        keys,
    })
}

/// Makes the package of an open workshop for `person` to run it offline (those who run the
/// workshop), and keeps its key.
pub async fn make(
    context: &Context,
    acting: &Acting,
    person: Person,
    workshop_id: i64,
) -> Result<Package, Error> {
    let workshop = crate::seven_keys::run(context, acting, workshop_id).await?;
    if workshop.status != AssessmentStatus::Open {
        return Err(Error::Conflict(ateneu_domain::Problem::new(
            ProblemKey::WorkshopClosed,
        )));
    }
    let conn = &context.db.conn;
    let city = ateneu_db::cities::by_id(conn, workshop.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let programme = ateneu_db::programmes::by_id(conn, workshop.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let assets = sk_repo::assets(conn, city.id)
        .await?
        .into_iter()
        .map(|a| PackedAsset {
            id: a.id,
            asset: a.draft,
        })
        .collect();
    let state = state_here(context, workshop_id, &References::default()).await?;
    let key = new_token();
    let content = Content::SevenKeysWorkshop(Box::new(SevenKeysWorkshop {
        key: key.clone(),
        city_slug: city.slug,
        city: city.draft,
        programme_starts_on: programme.draft.period.starts_on,
        programme_ends_on: programme.draft.period.ends_on,
        title: workshop.draft.title,
        held_on: workshop.draft.held_on,
        lang: workshop.draft.lang,
        facilitator: person,
        assets,
        state,
    }));
    let origin = context.config.base_url.clone();
    let package = signed(new_token(), origin, workshop_id, content, &key);
    let txn = context.db.write().await?;
    super::record_made(
        &txn,
        &acting.who,
        &package,
        SEVEN_KEYS,
        workshop_id,
        key,
        String::new(),
    )
    .await?;
    txn.commit().await?;
    Ok(package)
}

/// Opens a Seven Keys package on this instance (a laptop): its city and assets, a programme
/// to hold the workshop, its facilitator as this instance's administrator, and the workshop
/// with its links, challenges, themes and keys. Opening the same package again changes nothing.
pub async fn open(context: &Context, who: &Who, package: &Package) -> Result<Opened, Error> {
    let Content::SevenKeysWorkshop(workshop) = &package.content else {
        return Err(refused(ProblemKey::PackageWrongKind, None));
    };
    let facilitator =
        match super::to_open(context, package, &workshop.key, &workshop.facilitator).await? {
            Ok(facilitator) => facilitator,
            Err(opened) => return Ok(opened),
        };
    let asset_ids: Vec<i64> = workshop.assets.iter().map(|a| a.id).collect();
    let checked = check(&workshop.state, &asset_ids)?;
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
    let here = sk_repo::create(
        &txn,
        who,
        (programme, city_id),
        &WorkshopDraft {
            activity_id: None,
            title: workshop.title.clone(),
            held_on: workshop.held_on,
            lang: workshop.lang,
        },
    )
    .await?;
    // The package first: what its items become here is kept under it.
    super::record_opened(
        &txn,
        who,
        package,
        SEVEN_KEYS,
        here.id,
        workshop.key.clone(),
    )
    .await?;
    let mut refs = References {
        on_laptop: true,
        items: HashMap::new(),
    };
    for asset in &workshop.assets {
        let added = sk_repo::add_asset(&txn, who, city_id, &asset.asset, MAX_ASSETS).await?;
        let item = format!("asset:p{}", asset.id);
        repo::record_item(&txn, &package.id, &item, added.id).await?;
        refs.items.insert(item, added.id);
    }
    merge_into(&txn, who, &package.id, here.id, &checked, &mut refs).await?;
    txn.commit().await?;
    Ok(Opened {
        workshop_id: here.id,
        facilitator,
        fresh: true,
    })
}

/// The results of a Seven Keys package opened here, signed to go back to its platform.
pub(crate) async fn results(context: &Context, stored: &StoredPackage) -> Result<Package, Error> {
    let refs = References::of_laptop(context, stored).await?;
    let state = state_here(context, stored.workshop_id, &refs).await?;
    Ok(super::results_of(stored, Content::SevenKeysResults(state)))
}

/// Merges results brought back from a laptop into the workshop they were made for (those who
/// run it). Refused whole, writing nothing, as an assessment's are; and with `workshop_closed`
/// or `plan_already_drafted` when the workshop can no longer take what the room brings.
pub async fn import(
    context: &Context,
    acting: &Acting,
    workshop_id: i64,
    package: &Package,
) -> Result<Merged, Error> {
    let workshop = crate::seven_keys::run(context, acting, workshop_id).await?;
    let Content::SevenKeysResults(state) = &package.content else {
        return Err(refused(ProblemKey::PackageWrongKind, None));
    };
    let stored = match super::made_here(context, package, SEVEN_KEYS, workshop_id).await? {
        Ok(stored) => stored,
        Err(past) => return Ok(super::again(&past)),
    };
    let conn = &context.db.conn;
    let assets: Vec<i64> = sk_repo::assets(conn, workshop.city_id)
        .await?
        .iter()
        .map(|a| a.id)
        .collect();
    let checked = check(state, &assets)?;
    let txn = context.db.write().await?;
    sk_repo::lock(&txn, workshop_id).await?;
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
        workshop_id,
        &checked,
        &mut refs,
    )
    .await?;
    super::record_merge(&txn, &acting.who, &stored, &package.signature, &merged).await?;
    txn.commit().await?;
    Ok(merged)
}

/// Merges what a package brings into a workshop, inside the caller's transaction: new links,
/// new challenges (with their themes), themes changed on known ones, new keys. Each new item
/// is remembered with its reference, so that it is merged once.
async fn merge_into(
    txn: &WriteTxn<'_>,
    who: &Who,
    package_id: &str,
    workshop_id: i64,
    brought: &CheckedSevenKeys,
    refs: &mut References,
) -> Result<Merged, Error> {
    let mut merged = Merged::default();
    let links: HashMap<String, i64> = sk_repo::links(&**txn, workshop_id)
        .await?
        .into_iter()
        .map(|(id, hash)| (hash, id))
        .collect();
    let new_links: Vec<String> = brought
        .links
        .iter()
        .filter(|hash| !links.contains_key(*hash))
        .cloned()
        .collect();
    sk_repo::invite(txn, workshop_id, &new_links).await?;
    merged.links_added = u32::try_from(new_links.len()).unwrap_or(u32::MAX);
    let links: HashMap<String, i64> = sk_repo::links(&**txn, workshop_id)
        .await?
        .into_iter()
        .map(|(id, hash)| (hash, id))
        .collect();
    let kept: HashMap<i64, Option<String>> = sk_repo::challenges(&**txn, workshop_id, None)
        .await?
        .into_iter()
        .map(|c| (c.id, c.theme))
        .collect();
    let own: Vec<i64> = kept.keys().copied().collect();
    let mut challenge_ids: HashMap<_, i64> = HashMap::new();
    for (reference, link, draft, theme) in &brought.challenges {
        let id = match refs.here("challenge", *reference, &own) {
            Some(id) => {
                if kept.get(&id).is_some_and(|t| t != theme) {
                    sk_repo::set_theme(txn, who, workshop_id, id, theme.as_deref()).await?;
                    merged.themes_updated += 1;
                }
                id
            }
            None => {
                let draft = ChallengeDraft {
                    assets: draft
                        .assets
                        .iter()
                        .filter_map(|a| refs.asset_here(*a))
                        .collect(),
                    ..draft.clone()
                };
                let invitation = link.as_ref().and_then(|hash| links.get(hash)).copied();
                let added =
                    sk_repo::add_challenge(txn, workshop_id, invitation, &draft, MAX_CHALLENGES)
                        .await?;
                if theme.is_some() {
                    sk_repo::set_theme(txn, who, workshop_id, added.id, theme.as_deref()).await?;
                }
                let item = format!("challenge:{}", reference.text());
                repo::record_item(txn, package_id, &item, added.id).await?;
                refs.items.insert(item, added.id);
                merged.challenges_added += 1;
                added.id
            }
        };
        challenge_ids.insert(*reference, id);
    }
    let own_keys: Vec<i64> = sk_repo::keys(&**txn, workshop_id)
        .await?
        .iter()
        .map(|k| k.id)
        .collect();
    for (reference, draft, answered) in &brought.keys {
        if refs.here("key", *reference, &own_keys).is_some() {
            continue;
        }
        let draft = KeyDraft {
            challenges: answered
                .iter()
                .filter_map(|r| challenge_ids.get(r))
                .copied()
                .collect(),
            ..draft.clone()
        };
        let added = sk_repo::add_key(txn, who, workshop_id, &draft, MAX_KEYS).await?;
        let item = format!("key:{}", reference.text());
        repo::record_item(txn, package_id, &item, added.id).await?;
        refs.items.insert(item, added.id);
        merged.keys_added += 1;
    }
    Ok(merged)
}
