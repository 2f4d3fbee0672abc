//! A good practice read with what it is seen through (the networks of its cities), which of
//! them a person may see (a draft is not found by those who may not), and the lists built
//! from them: the practices at a stage, the translators' queue.

use crate::{Acting, Context, Error};
use ateneu_db::practices as repo;
use ateneu_db::practices::Practice;
use ateneu_domain::ids::CityId;
use ateneu_domain::ids::PracticeId;
use ateneu_domain::permissions::{Action, PracticeScope};
use ateneu_domain::practices::Stage;
use ateneu_domain::practices::translation::QueuePlace;
use std::collections::{BTreeSet, HashMap};

/// A practice with the networks of its cities (and those above them).
pub struct Loaded {
    pub practice: Practice,
    pub networks: Vec<String>,
    pub cities: Vec<CityId>,
}

impl Loaded {
    /// The practice as the policies see it.
    pub fn scope(&self) -> PracticeScope<'_> {
        PracticeScope {
            cities: &self.cities,
            networks: &self.networks,
            stage: self.practice.stage,
        }
    }
}

/// Which practice: an id or a slug.
pub async fn load(context: &Context, reference: &str) -> Result<Loaded, Error> {
    let practice = match reference.parse::<PracticeId>() {
        Ok(id) => repo::get(&context.db.conn, id).await?,
        Err(_) => repo::by_slug(&context.db.conn, reference).await?,
    }
    .ok_or(Error::NotFound)?;
    Scopes::default().of(context, practice).await
}

/// Puts practices in their permission scope, reading each city's networks once per call
/// (lists hold many practices of the same cities).
#[derive(Default)]
pub struct Scopes(HashMap<CityId, Vec<String>>);

impl Scopes {
    pub async fn of(&mut self, context: &Context, practice: Practice) -> Result<Loaded, Error> {
        let mut networks = BTreeSet::new();
        for city in &practice.cities {
            if let std::collections::hash_map::Entry::Vacant(slot) = self.0.entry(city.id) {
                slot.insert(crate::cities::scope_networks(context, city.id).await?);
            }
            networks.extend(self.0.get(&city.id).into_iter().flatten().cloned());
        }
        Ok(Loaded {
            cities: practice.city_ids(),
            networks: networks.into_iter().collect(),
            practice,
        })
    }
}

/// A practice the viewer may see; one they may not see is not found (drafts stay unknown).
pub async fn load_visible(
    context: &Context,
    acting: &Acting,
    reference: &str,
) -> Result<Loaded, Error> {
    let loaded = load(context, reference).await?;
    if acting.actor.allows(Action::ViewPractice(loaded.scope())) {
        Ok(loaded)
    } else {
        Err(Error::NotFound)
    }
}

/// Practices in a list on one page.
pub const LIST_PAGE: u64 = 50;

/// A page of the practices at a stage that the viewer may see, with their total.
pub async fn visible_list(
    context: &Context,
    acting: &Acting,
    stage: Stage,
    page: u64,
) -> Result<(Vec<Loaded>, u64), Error> {
    let filter = repo::PracticeFilter {
        stages: vec![stage],
        ..Default::default()
    };
    let mut scopes = Scopes::default();
    if stage.is_public() {
        let (practices, total) =
            repo::list(&context.db.conn, &filter, (page - 1) * LIST_PAGE, LIST_PAGE).await?;
        let mut shown = Vec::with_capacity(practices.len());
        for practice in practices {
            shown.push(scopes.of(context, practice).await?);
        }
        return Ok((shown, total));
    }
    if !acting.is_signed_in() {
        return Err(Error::SignInRequired);
    }
    // Practices on their way are few: read them all, keep those the viewer may see.
    let (practices, _) = repo::list(&context.db.conn, &filter, 0, 5_000).await?;
    let mut visible = Vec::new();
    for practice in practices {
        let loaded = scopes.of(context, practice).await?;
        if acting.actor.allows(Action::ViewPractice(loaded.scope())) {
            visible.push(loaded);
        }
    }
    let total = visible.len() as u64;
    let shown = visible
        .into_iter()
        .skip(((page - 1) * LIST_PAGE) as usize)
        .take(LIST_PAGE as usize)
        .collect();
    Ok((shown, total))
}

/// Practices in the translators' queue on one page.
pub const QUEUE_PAGE: usize = 50;

/// A page of the practices with translation work in `lang` that the viewer may translate,
/// most work first, after `after`; with the place the next page starts after (None: the
/// last page).
pub async fn translation_queue(
    context: &Context,
    acting: &Acting,
    lang: ateneu_domain::Lang,
    after: Option<QueuePlace>,
) -> Result<(Vec<(Loaded, usize)>, Option<QueuePlace>), Error> {
    const BATCH: u64 = 200;
    let mut queue = Vec::new();
    let mut scopes = Scopes::default();
    let mut after = after;
    loop {
        let batch = repo::translation_work(&context.db.conn, lang, after, BATCH).await?;
        let read = batch.len() as u64;
        for (practice, place) in batch {
            after = Some(place);
            let loaded = scopes.of(context, practice).await?;
            if acting
                .actor
                .allows(Action::TranslatePractice(loaded.scope()))
            {
                queue.push((loaded, place.work as usize));
                if queue.len() == QUEUE_PAGE {
                    return Ok((queue, after));
                }
            }
        }
        if read < BATCH {
            return Ok((queue, None));
        }
    }
}
