//! A Leading City's showcase as use cases: the public page (the approved introduction and
//! entries, the city's published practices and public outputs), the curation by the city's
//! editors (entries added, changed, ordered, removed; the introduction), and the approval by the
//! secretariat. What an editor writes is proposed until approved; the public never sees a
//! proposal. A city that is not a Leading City now has no showcase (not found).

use crate::cities::City;
use crate::{Acting, Context, Error};
use ateneu_db::showcase as repo;
pub use ateneu_db::showcase::{Entry, Intro};
use ateneu_domain::assessments::Visibility;
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::programmes::is_leading_city;
use ateneu_domain::showcase::{Approval, EntryInput, IntroInput, moved};
use serde::Serialize;

/// The showcase as one reader sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Showcase {
    pub city: City,
    /// The introduction: the approved one for the public, the latest for its curators.
    pub intro: Option<Intro>,
    /// The entries in their order: the approved ones for the public, all for its curators.
    pub entries: Vec<Entry>,
    pub practices: Vec<ateneu_db::practices::Practice>,
    pub outputs: Vec<ateneu_db::outputs::Output>,
    /// The reader curates it (the city's editors, the secretariat).
    pub may_curate: bool,
    /// The reader approves what goes public (the secretariat).
    pub may_approve: bool,
}

struct Rights {
    curate: bool,
    approve: bool,
}

fn rights(context: &Context, acting: &Acting, city: &City) -> Rights {
    let networks = crate::programmes::programme_networks(context);
    let scope = CityScope {
        id: city.id,
        networks: &networks,
    };
    Rights {
        curate: acting.require(Action::FileOutput(scope)).is_ok(),
        approve: acting.require(Action::ManageProgramme(scope)).is_ok(),
    }
}

/// The city, when it is a Leading City today; not found otherwise.
async fn leading_city(context: &Context, slug: &str) -> Result<City, Error> {
    let city = crate::cities::find(context, slug).await?;
    let history = ateneu_db::memberships::of_city(&context.db.conn, city.id).await?;
    let today = chrono::Utc::now().date_naive();
    if !is_leading_city(history.iter().map(|m| &m.draft), today) {
        return Err(Error::NotFound);
    }
    Ok(city)
}

/// The city for a curator's change: a Leading City, and the person curates it (a person who
/// may not is told to sign in, or not found: the proposals are nothing of theirs to know of).
async fn curated(context: &Context, acting: &Acting, slug: &str) -> Result<(City, Rights), Error> {
    let city = leading_city(context, slug).await?;
    let rights = rights(context, acting, &city);
    if !rights.curate {
        return Err(if acting.is_signed_in() {
            Error::NotFound
        } else {
            Error::SignInRequired
        });
    }
    Ok((city, rights))
}

/// The showcase of a Leading City as this reader may see it.
pub async fn read(context: &Context, acting: &Acting, slug: &str) -> Result<Showcase, Error> {
    let city = leading_city(context, slug).await?;
    let rights = rights(context, acting, &city);
    let conn = &context.db.conn;
    let shown = |approval: Approval| rights.curate || approval == Approval::Approved;
    let intro = repo::intro(conn, city.id)
        .await?
        .filter(|i| shown(i.approval));
    let entries = repo::entries(conn, city.id)
        .await?
        .into_iter()
        .filter(|e| shown(e.approval))
        .collect();
    let practices = crate::practices::published(context, Some(city.id), false, 50).await?;
    let outputs = ateneu_db::outputs::of_city(conn, city.id)
        .await?
        .into_iter()
        .filter(|o| o.visibility == Visibility::Public)
        .collect();
    Ok(Showcase {
        city,
        intro,
        entries,
        practices,
        outputs,
        may_curate: rights.curate,
        may_approve: rights.approve,
    })
}

/// Adds an entry at the end (proposed, unless the secretariat adds it).
pub async fn add_entry(
    context: &Context,
    acting: &Acting,
    slug: &str,
    input: &EntryInput,
) -> Result<Entry, Error> {
    let (city, rights) = curated(context, acting, slug).await?;
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let entry = repo::add(
        &txn,
        &acting.who,
        city.id,
        &draft,
        Approval::after_change(rights.approve),
    )
    .await?;
    txn.commit().await?;
    Ok(entry)
}

/// The entry `id` of this city's showcase, or not found.
async fn entry_of(context: &Context, city: &City, id: i64) -> Result<Entry, Error> {
    repo::entry(&context.db.conn, id)
        .await?
        .filter(|e| e.city_id == city.id)
        .ok_or(Error::NotFound)
}

/// Changes an entry; an editor's change waits for approval again.
pub async fn change_entry(
    context: &Context,
    acting: &Acting,
    slug: &str,
    id: i64,
    input: &EntryInput,
) -> Result<Entry, Error> {
    let (city, rights) = curated(context, acting, slug).await?;
    entry_of(context, &city, id).await?;
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    repo::change(
        &txn,
        &acting.who,
        id,
        &draft,
        Approval::after_change(rights.approve),
    )
    .await?;
    txn.commit().await?;
    entry_of(context, &city, id).await
}

pub async fn remove_entry(
    context: &Context,
    acting: &Acting,
    slug: &str,
    id: i64,
) -> Result<(), Error> {
    let (city, _) = curated(context, acting, slug).await?;
    entry_of(context, &city, id).await?;
    let txn = context.db.write().await?;
    repo::remove(&txn, &acting.who, id).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves an entry one place up or down.
pub async fn move_entry(
    context: &Context,
    acting: &Acting,
    slug: &str,
    id: i64,
    up: bool,
) -> Result<(), Error> {
    let (city, _) = curated(context, acting, slug).await?;
    entry_of(context, &city, id).await?;
    let txn = context.db.write().await?;
    let order: Vec<i64> = repo::entries(&*txn, city.id)
        .await?
        .iter()
        .map(|e| e.id)
        .collect();
    repo::reorder(&txn, &acting.who, city.id, &moved(&order, id, up)).await?;
    txn.commit().await?;
    Ok(())
}

/// Approves an entry (the secretariat; others: forbidden, or not found where they may not
/// curate either).
pub async fn approve_entry(
    context: &Context,
    acting: &Acting,
    slug: &str,
    id: i64,
) -> Result<Entry, Error> {
    let (city, rights) = curated(context, acting, slug).await?;
    if !rights.approve {
        return Err(Error::Forbidden);
    }
    entry_of(context, &city, id).await?;
    let txn = context.db.write().await?;
    repo::approve(&txn, &acting.who, id).await?;
    txn.commit().await?;
    entry_of(context, &city, id).await
}

/// Writes the introduction (proposed, unless the secretariat writes it).
pub async fn set_intro(
    context: &Context,
    acting: &Acting,
    slug: &str,
    input: &IntroInput,
) -> Result<Intro, Error> {
    let (city, rights) = curated(context, acting, slug).await?;
    let texts = input.parse()?;
    let txn = context.db.write().await?;
    repo::set_intro(
        &txn,
        &acting.who,
        city.id,
        &texts,
        Approval::after_change(rights.approve),
    )
    .await?;
    txn.commit().await?;
    repo::intro(&context.db.conn, city.id)
        .await?
        .ok_or(Error::NotFound)
}

pub async fn approve_intro(context: &Context, acting: &Acting, slug: &str) -> Result<Intro, Error> {
    let (city, rights) = curated(context, acting, slug).await?;
    if !rights.approve {
        return Err(Error::Forbidden);
    }
    let txn = context.db.write().await?;
    if !repo::approve_intro(&txn, &acting.who, city.id).await? {
        return Err(Error::NotFound);
    }
    txn.commit().await?;
    repo::intro(&context.db.conn, city.id)
        .await?
        .ok_or(Error::NotFound)
}
