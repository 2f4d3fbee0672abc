//! A programme's outputs as use cases: filing one (the city's editors and the secretariat),
//! reading one (public to all, network to the network's members, confidential to the city's
//! editors, the activity's engaged experts and the secretariat: not found for anyone else),
//! its language versions and dissemination log, the translation queue, and which of a city's
//! outputs a person may see.
//! A confidential output's existence shows nowhere its reader may not see it.

use super::{catalogue, load, programme_networks};
use crate::{Acting, Context, Error};
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::outputs as repo;
pub use ateneu_db::outputs::{Dissemination, Output, Version};
use ateneu_db::programmes::activities::{self as activity_repo, Activity};
use ateneu_domain::ids::CityId;
use ateneu_domain::ids::OutputId;
use ateneu_domain::permissions::{Action, AssessmentScope, CityScope, OutputScope};
use ateneu_domain::programmes::outputs::{DisseminationInput, OutputInput, VersionInput};
use serde::Serialize;
use std::collections::BTreeSet;

/// Whether the person may see this output of a city whose own scope is `city`: a programme's
/// output by its programme's scope (the Leading Cities' secretariat, the city's editors, and
/// the experts engaged in its activity: `engaged` holds the activities the person is engaged
/// in, see `experts::engaged_activities`), any other (the Lab's reports) by its city's.
pub fn may_see(
    context: &Context,
    acting: &Acting,
    output: &Output,
    city: CityScope<'_>,
    engaged: &BTreeSet<i64>,
) -> bool {
    if output.programme_id.is_some() {
        let networks = programme_networks(context);
        acting
            .require(Action::ViewOutput(OutputScope {
                city: CityScope {
                    id: output.city_id,
                    networks: &networks,
                },
                visibility: output.visibility,
                is_engaged_expert: output.activity_id.is_some_and(|a| engaged.contains(&a)),
            }))
            .is_ok()
    } else {
        acting
            .require(Action::ViewResults(AssessmentScope {
                city,
                visibility: output.visibility,
                is_facilitator: false,
            }))
            .is_ok()
    }
}

/// An output as its page and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct OutputView {
    #[serde(flatten)]
    pub output: Output,
    pub city: City,
    pub activity: Option<Activity>,
    pub versions: Vec<Version>,
    pub disseminations: Vec<Dissemination>,
    /// The person may keep its versions and dissemination log.
    pub may_file: bool,
    /// The person may open its programme.
    pub may_see_programme: bool,
}

/// A programme's output, or not found for whoever may not see it.
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<OutputView, Error> {
    let output = repo::by_id(&context.db.conn, OutputId::new(id))
        .await?
        .filter(|o| o.programme_id.is_some())
        .ok_or(Error::NotFound)?;
    let networks = programme_networks(context);
    let city_scope = CityScope {
        id: output.city_id,
        networks: &networks,
    };
    let engaged = super::experts::engaged_activities(context, acting).await?;
    if !may_see(context, acting, &output, city_scope, &engaged) {
        return Err(Error::NotFound);
    }
    let city = city_repo::by_id(&context.db.conn, output.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    // The activity's record (place, people responsible) is the programme's: shown to those who
    // may see the programme only.
    let may_see_programme = acting.require(Action::ViewProgramme(city_scope)).is_ok();
    let activity = match output.activity_id {
        Some(activity) if may_see_programme => {
            activity_repo::by_id(&context.db.conn, activity).await?
        }
        _ => None,
    };
    Ok(OutputView {
        versions: repo::versions(&context.db.conn, OutputId::new(id)).await?,
        disseminations: repo::disseminations(&context.db.conn, OutputId::new(id)).await?,
        may_file: acting.require(Action::FileOutput(city_scope)).is_ok(),
        may_see_programme,
        output,
        city,
        activity,
    })
}

/// A programme's outputs (who sees the programme sees all of them).
pub async fn of_programme(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
) -> Result<Vec<Output>, Error> {
    load(context, acting, programme_id).await?;
    Ok(repo::of_programme(&context.db.conn, programme_id).await?)
}

/// Files an output of a programme (the city's editors and the secretariat): its visibility is
/// the catalogue's default for its activity and kind unless chosen.
pub async fn file(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    input: &OutputInput,
) -> Result<Output, Error> {
    let (programme, _) = load(context, acting, programme_id).await?;
    let networks = programme_networks(context);
    acting.require(Action::FileOutput(CityScope {
        id: programme.city_id,
        networks: &networks,
    }))?;
    let current = catalogue::current(context);
    let catalogue = &current.catalogue;
    let txn = context.db.write().await?;
    let activities = activity_repo::of_programme(&*txn, programme_id).await?;
    let known: Vec<_> = activities
        .iter()
        .map(|a| {
            (
                a.id,
                a.draft
                    .catalogue_key
                    .as_deref()
                    .and_then(|key| catalogue.activity(key)),
            )
        })
        .collect();
    let draft = input.parse(&known)?;
    let output = repo::file(&txn, &acting.who, programme.city_id, programme_id, &draft).await?;
    txn.commit().await?;
    Ok(output)
}

/// The output, when the person may keep it; not found or forbidden otherwise.
pub(super) async fn kept(context: &Context, acting: &Acting, id: i64) -> Result<OutputView, Error> {
    let view = read(context, acting, id).await?;
    if !view.may_file {
        return Err(Error::Forbidden);
    }
    Ok(view)
}

/// Sets the output's version in one language: its translation status, translator, title, link.
pub async fn set_version(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &VersionInput,
) -> Result<Version, Error> {
    kept(context, acting, id).await?;
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let version = repo::set_version(&txn, &acting.who, OutputId::new(id), &draft).await?;
    txn.commit().await?;
    Ok(version)
}

/// Records where the output was disseminated.
pub async fn add_dissemination(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &DisseminationInput,
) -> Result<Dissemination, Error> {
    kept(context, acting, id).await?;
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let entry = repo::add_dissemination(&txn, &acting.who, OutputId::new(id), &draft).await?;
    txn.commit().await?;
    Ok(entry)
}

/// A version waiting for translation, with its output.
#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    pub output: Output,
    pub version: Version,
}

/// How many versions a page of the translation queue holds.
pub const QUEUE_PAGE: u64 = 50;

/// A page of the translation queue: how many versions wait in all, this page's, and the
/// `after=` of the next page when there is one.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationQueue {
    pub total: u64,
    pub items: Vec<Waiting>,
    pub next: Option<i64>,
}

/// What waits for translation among the outputs the person keeps (the secretariat: all of them;
/// a city's editors: their city's), the version set longest ago first, a page at a time after
/// the version `after`. Anonymous people are asked to sign in.
pub async fn waiting_for_translation(
    context: &Context,
    acting: &Acting,
    after: Option<i64>,
) -> Result<TranslationQueue, Error> {
    if !acting.is_signed_in() && !acting.is_operator() {
        return Err(Error::SignInRequired);
    }
    let Some(among) = super::dashboard::filed_by(context, acting).await? else {
        return Ok(TranslationQueue {
            total: 0,
            items: Vec::new(),
            next: None,
        });
    };
    let (total, waiting) = ateneu_db::programmes::dashboard::waiting_for_translation(
        &context.db.conn,
        among.as_deref(),
        after,
        QUEUE_PAGE + 1,
    )
    .await?;
    let mut items: Vec<Waiting> = waiting
        .into_iter()
        .map(|(output, version)| Waiting { output, version })
        .collect();
    let next = if items.len() as u64 > QUEUE_PAGE {
        items.truncate(QUEUE_PAGE as usize);
        items.last().map(|w| w.version.id)
    } else {
        None
    };
    Ok(TranslationQueue { total, items, next })
}

/// How many outputs the feed holds.
pub const FEED_SIZE: u64 = 50;

/// The newest public outputs (a programme's and the Lab's reports) with their cities, for the
/// feed: only public ones, whoever asks, since a feed is read by whoever has its address.
pub async fn public_feed(context: &Context) -> Result<Vec<(Output, City)>, Error> {
    let outputs = repo::newest_public(&context.db.conn, FEED_SIZE).await?;
    let ids: Vec<CityId> = outputs.iter().map(|o| o.city_id).collect();
    let cities: std::collections::HashMap<CityId, City> = city_repo::by_ids(&context.db.conn, &ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    Ok(outputs
        .into_iter()
        .filter(|o| o.visibility == ateneu_domain::assessments::Visibility::Public)
        .filter_map(|o| Some((cities.get(&o.city_id)?.clone(), o)))
        .map(|(city, output)| (output, city))
        .collect())
}
