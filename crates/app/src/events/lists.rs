//! The lists of the events calendar: availability requests without an answer (the
//! secretariat's, for its dashboard), those waiting for a city editor's answer, and a city's
//! representation at events as its page shows it.

use super::{Cities, networks, sees_upcoming, today};
use crate::{Acting, Context, Error};
use ateneu_db::cities::City;
use ateneu_db::events::{self as repo, Event, Representative, Request};
use ateneu_domain::accounts::Role;
use ateneu_domain::events::may_answer;
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::Action;
use serde::Serialize;
use std::collections::BTreeMap;

/// A request in a list, with its event and city.
#[derive(Debug, Clone, Serialize)]
pub struct RequestItem {
    pub request: Request,
    pub event: Event,
    pub city: City,
    pub open: bool,
}

async fn items(
    context: &Context,
    requests: impl IntoIterator<Item = Request>,
) -> Result<Vec<RequestItem>, Error> {
    let requests: Vec<Request> = requests.into_iter().collect();
    let ids: Vec<i64> = requests.iter().map(|r| r.event_id).collect();
    let events: BTreeMap<i64, Event> = repo::by_ids(&context.db.conn, &ids)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut cities = Cities(BTreeMap::new());
    let today = today();
    let mut out = Vec::new();
    for request in requests {
        let Some(event) = events.get(&request.event_id) else {
            continue;
        };
        out.push(RequestItem {
            city: cities.get(context, request.city_id).await?,
            event: event.clone(),
            open: may_answer(request.deadline, today),
            request,
        });
    }
    Ok(out)
}

/// Availability requests without an answer, by deadline (the secretariat; for its dashboard).
pub async fn unanswered_requests(
    context: &Context,
    acting: &Acting,
) -> Result<Vec<RequestItem>, Error> {
    acting.require(Action::ManageEvents(&networks(context)))?;
    items(context, repo::unanswered(&context.db.conn).await?).await
}

/// The requests waiting for the person's answer: of the cities they edit, without an answer,
/// deadline not gone. Anonymous people are asked to sign in.
pub async fn waiting_for_answer(
    context: &Context,
    acting: &Acting,
) -> Result<Vec<RequestItem>, Error> {
    if !acting.is_signed_in() {
        return Err(Error::SignInRequired);
    }
    let today = today();
    let cities: Vec<CityId> = acting
        .actor
        .grants
        .iter()
        .filter(|g| g.role == Role::Editor)
        .filter_map(|g| g.city)
        .collect();
    let mut waiting = Vec::new();
    for city in cities {
        waiting.extend(
            repo::requests_of_city(&context.db.conn, city)
                .await?
                .into_iter()
                .filter(|r| r.answer.is_none() && may_answer(r.deadline, today)),
        );
    }
    waiting.sort_by_key(|r| (r.deadline, r.id));
    items(context, waiting).await
}

/// A city's representation at an event.
#[derive(Debug, Clone, Serialize)]
pub struct Representation {
    pub event: Event,
    pub representative: Representative,
    pub past: bool,
}

/// The representation of a city the person may see: past events for all, events to come for
/// the network's signed-in members; latest first.
pub async fn representation_of_city(
    context: &Context,
    acting: &Acting,
    city_id: CityId,
) -> Result<Vec<Representation>, Error> {
    let representatives = repo::representatives_of_city(&context.db.conn, city_id).await?;
    if representatives.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = representatives.iter().map(|r| r.event_id).collect();
    let events: BTreeMap<i64, Event> = repo::by_ids(&context.db.conn, &ids)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let today = today();
    let upcoming = sees_upcoming(acting, &networks(context));
    let mut out: Vec<Representation> = representatives
        .into_iter()
        .filter_map(|representative| {
            let event = events.get(&representative.event_id)?.clone();
            let past = event.draft.is_past(today);
            (past || upcoming).then_some(Representation {
                event,
                representative,
                past,
            })
        })
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.event.draft.starts_on));
    Ok(out)
}
