//! A Culture 21 Lab assessment in a package: made on the platform for a facilitator, opened on
//! a laptop (its city, framework version, facilitator and everything answered so far), its
//! results made on the laptop, and merged back into the platform's assessment.

use super::{Merged, Opened, refused};
use crate::security::new_token;
use crate::{Context, Error};
use ateneu_db::assessments::{self as assessments_repo, NewAssessment};
use ateneu_db::audit::Who;
use ateneu_db::workshop_packages::assessment as state_repo;
use ateneu_db::workshop_packages::{self as repo, ASSESSMENT, StoredPackage};
use ateneu_db::{WriteTxn, cities, frameworks};
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::frameworks::Framework;
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::workshop_packages::{
    self as rules, AssessmentState, AssessmentWorkshop, CheckedState, Content, KeyIdeas, Package,
    Person,
};
use chrono::SubsecRound;
use std::collections::{BTreeMap, BTreeSet};

/// Makes the package of an open assessment for `person` to run it offline, and keeps its key.
pub async fn make(
    context: &Context,
    who: &Who,
    person: Person,
    assessment_id: AssessmentId,
) -> Result<Package, Error> {
    let conn = &context.db.conn;
    let assessment = assessments_repo::get(conn, assessment_id)
        .await?
        .ok_or(Error::NotFound)?;
    if assessment.status != AssessmentStatus::Open {
        return Err(Error::Conflict(ateneu_domain::Problem::new(
            ProblemKey::AssessmentClosed,
        )));
    }
    let city = cities::by_id(conn, assessment.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let (_, source) = frameworks::get(conn, assessment.framework_version_id)
        .await?
        .ok_or(Error::NotFound)?;
    let state = packed(state_repo::state(conn, assessment_id).await?);
    let key = new_token();
    let base = state.key_ideas.clone();
    let content = Content::AssessmentWorkshop(Box::new(AssessmentWorkshop {
        key: key.clone(),
        city_slug: city.slug,
        city: city.draft,
        framework: source,
        module: assessment.module,
        title: assessment.title,
        starts_on: assessment.starts_on,
        ends_on: assessment.ends_on,
        languages: assessment.languages,
        visibility: assessment.visibility,
        facilitator: person,
        state,
    }));
    let origin = context.config.base_url.clone();
    let package = super::signed(new_token(), origin, assessment_id.get(), content, &key);
    let txn = context.db.write().await?;
    super::record_made(
        &txn,
        who,
        &package,
        ASSESSMENT,
        assessment_id.get(),
        key,
        base,
    )
    .await?;
    txn.commit().await?;
    Ok(package)
}

/// Times to the microsecond, as every database keeps them, so that a time read back compares
/// equal to the one written and merging the same results again changes nothing.
fn packed(mut state: AssessmentState) -> AssessmentState {
    for response in &mut state.responses {
        response.updated_at = response.updated_at.trunc_subsecs(6);
    }
    for agreed in &mut state.consensus {
        agreed.updated_at = agreed.updated_at.trunc_subsecs(6);
    }
    state
}

/// Opens a workshop package on this instance (a laptop): its city, its framework version, its
/// facilitator as this instance's administrator, and the assessment with everything answered
/// so far. Opening the same package again changes nothing.
pub async fn open(context: &Context, who: &Who, package: &Package) -> Result<Opened, Error> {
    let Content::AssessmentWorkshop(workshop) = &package.content else {
        return Err(refused(ProblemKey::PackageWrongKind, None));
    };
    let facilitator =
        match super::to_open(context, package, &workshop.key, &workshop.facilitator).await? {
            Ok(facilitator) => facilitator,
            Err(opened) => return Ok(opened),
        };
    let framework =
        ateneu_domain::frameworks::parse_toml(&workshop.framework).map_err(|problems| {
            let detail = problems.first().map(ToString::to_string);
            refused(ProblemKey::PackageUnreadable, detail)
        })?;
    let checked = check(&framework, &workshop.module, &workshop.state)?;
    let txn = context.db.write().await?;
    let city_id = super::city_here(&txn, who, &workshop.city_slug, &workshop.city).await?;
    let version_id = frameworks::import(&txn, who, &framework).await?.id();
    let user_id = super::facilitator_here(&txn, who, &facilitator, &workshop.facilitator).await?;
    let assessment_id = assessments_repo::create(
        &txn,
        who,
        &NewAssessment {
            city_id,
            framework_version_id: version_id,
            module: workshop.module.clone(),
            title: workshop.title.clone(),
            starts_on: workshop.starts_on,
            ends_on: workshop.ends_on,
            languages: workshop.languages.clone(),
            visibility: workshop.visibility,
            facilitators: vec![user_id],
        },
    )
    .await?;
    merge_into(&txn, assessment_id, "", &checked).await?;
    super::record_opened(
        &txn,
        who,
        package,
        ASSESSMENT,
        assessment_id.get(),
        workshop.key.clone(),
    )
    .await?;
    txn.commit().await?;
    Ok(Opened {
        workshop_id: assessment_id.get(),
        facilitator,
        fresh: true,
    })
}

/// The results of an assessment's package opened here, signed to go back to its platform.
pub(crate) async fn results(context: &Context, stored: &StoredPackage) -> Result<Package, Error> {
    let state =
        packed(state_repo::state(&context.db.conn, AssessmentId::new(stored.workshop_id)).await?);
    Ok(super::results_of(stored, Content::AssessmentResults(state)))
}

/// Merges results brought back from a laptop into the assessment they were made for.
/// Refused whole (nothing written) when the package is not results, was not made here, belongs
/// to another workshop, does not match its signature, or holds an item that is not valid; the
/// same file again answers what it did the first time and writes nothing.
pub async fn import(
    context: &Context,
    who: &Who,
    assessment_id: AssessmentId,
    package: &Package,
) -> Result<Merged, Error> {
    let Content::AssessmentResults(state) = &package.content else {
        return Err(refused(ProblemKey::PackageWrongKind, None));
    };
    let stored = match super::made_here(context, package, ASSESSMENT, assessment_id.get()).await? {
        Ok(stored) => stored,
        Err(past) => return Ok(super::again(&past)),
    };
    let conn = &context.db.conn;
    let assessment = assessments_repo::get(conn, assessment_id)
        .await?
        .ok_or(Error::NotFound)?;
    let (_, framework) = crate::frameworks::load(context, assessment.framework_version_id).await?;
    let checked = check(&framework, &assessment.module, state)?;
    let txn = context.db.write().await?;
    state_repo::lock_open(&txn, assessment_id).await?;
    // Another request may have merged the same file while this one was checking it.
    if let Some(past) = repo::import_of(&*txn, &stored.id, &package.signature).await? {
        return Ok(super::again(&past.summary));
    }
    let merged = merge_into(&txn, assessment_id, &stored.base, &checked).await?;
    super::record_merge(&txn, who, &stored, &package.signature, &merged).await?;
    txn.commit().await?;
    Ok(merged)
}

/// Checks what a package brings against the assessment's framework and module.
fn check(
    framework: &Framework,
    module: &str,
    state: &AssessmentState,
) -> Result<CheckedState, Error> {
    let module = framework
        .module(module)
        .ok_or_else(|| refused(ProblemKey::UnknownModule, Some(module.to_owned())))?;
    let items: BTreeSet<String> = framework
        .rated_items(module)
        .into_iter()
        .map(|i| i.key)
        .collect();
    let fields: BTreeSet<String> = framework
        .rated_fields(module)
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    Ok(rules::check_state(
        state,
        &framework.scale.range(),
        &items,
        &fields,
    )?)
}

/// Merges a checked state into an assessment, inside the caller's transaction: invitations by
/// their hash, responses by `merge_response`, agreed scores when newer, key ideas against
/// `base` (what left for the room).
async fn merge_into(
    txn: &WriteTxn<'_>,
    assessment_id: AssessmentId,
    base: &str,
    brought: &CheckedState,
) -> Result<Merged, Error> {
    let mut merged = Merged::default();
    let mut invitations = state_repo::invitations_by_hash(&**txn, assessment_id).await?;
    for packed in &brought.invitations {
        match invitations.get(&packed.hash) {
            Some((id, revoked)) => {
                if packed.revoked && !revoked {
                    state_repo::revoke(txn, *id).await?;
                    merged.invitations_revoked += 1;
                }
            }
            None => {
                let id = state_repo::add_invitation(txn, assessment_id, packed).await?;
                invitations.insert(packed.hash.clone(), (id, packed.revoked));
                merged.invitations_added += 1;
            }
        }
    }
    let kept = state_repo::responses_by_invitation(&**txn, assessment_id).await?;
    for (hash, answered) in &brought.responses {
        let Some((invitation_id, _)) = invitations.get(hash) else {
            continue;
        };
        match kept.get(invitation_id) {
            None => {
                state_repo::put_response(txn, assessment_id, *invitation_id, answered, false)
                    .await?;
                merged.responses_added += 1;
            }
            Some(here) => {
                let result = rules::merge_response(here, answered);
                if result != *here {
                    state_repo::put_response(txn, assessment_id, *invitation_id, &result, true)
                        .await?;
                    merged.responses_updated += 1;
                }
            }
        }
    }
    let agreed: BTreeMap<String, _> = state_repo::consensus_dated(&**txn, assessment_id)
        .await?
        .into_iter()
        .map(|c| (c.field.clone(), c))
        .collect();
    for consensus in &brought.consensus {
        if rules::consensus_replaces(agreed.get(&consensus.field), consensus) {
            state_repo::put_consensus(txn, assessment_id, consensus).await?;
            merged.consensus_updated += 1;
        }
    }
    let here = assessments_repo::get(&**txn, assessment_id)
        .await?
        .ok_or(Error::NotFound)?
        .key_ideas;
    merged.key_ideas = match rules::merge_key_ideas(&here, base, &brought.key_ideas) {
        KeyIdeas::Unchanged => "unchanged",
        KeyIdeas::Replaced(text) => {
            state_repo::put_key_ideas(txn, assessment_id, &text).await?;
            "replaced"
        }
        KeyIdeas::Appended(text) => {
            state_repo::put_key_ideas(txn, assessment_id, &text).await?;
            "appended"
        }
    }
    .to_owned();
    Ok(merged)
}
