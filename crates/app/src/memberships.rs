//! Memberships' use cases: a city's periods in the networks, adding one, ending one and changing
//! a Creative City's field (the old period is kept as history). The web's forms and API share
//! them.

use crate::{Acting, Context, Error, cities};
use ateneu_db::memberships as repo;
pub use ateneu_db::memberships::Membership;
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::MembershipId;
use ateneu_domain::memberships::{MembershipInput, change_creative_field, parse_date};
use ateneu_domain::permissions::Action;
use serde::{Deserialize, Serialize};

fn require_manage(context: &Context, acting: &Acting, network: &str) -> Result<(), Error> {
    acting.require(Action::ManageMemberships(
        &context.reference.with_ancestors(network),
    ))
}

/// A city's memberships, newest first (its whole history, which is public).
pub async fn of_city(context: &Context, slug: &str) -> Result<Vec<Membership>, Error> {
    let city = cities::find(context, slug).await?;
    Ok(repo::of_city(&context.db.conn, city.id).await?)
}

/// Adds a period to a city's memberships (its network's secretariat).
pub async fn add(
    context: &Context,
    acting: &Acting,
    slug: &str,
    input: &MembershipInput,
) -> Result<Membership, Error> {
    let city = cities::find(context, slug).await?;
    let draft = input.parse(&context.reference);
    // Check the permission first when the network is known, so that refusals say so.
    if context.reference.network(input.network.trim()).is_some() {
        require_manage(context, acting, input.network.trim())?;
    } else if !acting.is_signed_in() && !acting.is_operator() {
        return Err(Error::SignInRequired);
    }
    let draft = draft?;
    let txn = context.db.write().await?;
    let membership = repo::add(&txn, &acting.who, city.id, &draft).await?;
    txn.commit().await?;
    Ok(membership)
}

/// A membership of the city with that slug; not found when it is another city's.
async fn find(context: &Context, slug: &str, id: MembershipId) -> Result<Membership, Error> {
    let city = cities::find(context, slug).await?;
    repo::by_id(&context.db.conn, id)
        .await?
        .filter(|m| m.city_id == city.id)
        .ok_or(Error::NotFound)
}

/// The end date of a period, as typed.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct EndInput {
    pub ended_on: String,
}

/// Ends a period on a day (not before it started).
pub async fn end(
    context: &Context,
    acting: &Acting,
    slug: &str,
    id: MembershipId,
    input: &EndInput,
) -> Result<Membership, Error> {
    let before = find(context, slug, id).await?;
    require_manage(context, acting, &before.draft.network)?;
    let day = parse_date(&input.ended_on).map_err(|p| Error::field("ended_on", p))?;
    let draft = before
        .draft
        .ended(day)
        .map_err(|p| Error::field("ended_on", p))?;
    let txn = context.db.write().await?;
    let membership = repo::update(&txn, &acting.who, &before, &draft).await?;
    txn.commit().await?;
    Ok(membership)
}

/// A Creative City's new field and the day it changes, as typed.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct FieldChangeInput {
    pub creative_field: String,
    pub on: String,
}

/// Changes a Creative City's field on a day: the current period ends the day before and a new
/// one starts, in one transaction. Returns the new period.
pub async fn change_field(
    context: &Context,
    acting: &Acting,
    slug: &str,
    id: MembershipId,
    input: &FieldChangeInput,
) -> Result<Membership, Error> {
    let before = find(context, slug, id).await?;
    require_manage(context, acting, &before.draft.network)?;
    let day = parse_date(&input.on).map_err(|p| Error::field("on", p))?;
    let (ended, next) = change_creative_field(
        &before.draft,
        input.creative_field.trim(),
        day,
        &context.reference,
    )
    .map_err(|p| {
        let field = if p.key == ProblemKey::NotCurrentOnThatDay {
            "on"
        } else {
            "creative_field"
        };
        Error::field(field, p)
    })?;
    let txn = context.db.write().await?;
    let membership = repo::change_field(&txn, &acting.who, &before, &ended, &next).await?;
    txn.commit().await?;
    Ok(membership)
}
