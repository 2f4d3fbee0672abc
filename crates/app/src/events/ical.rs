//! The calendar files: every event for the secretariat, and for a city's editors the events
//! their city is asked about or represents the Commission at (not found for anyone else).

use super::networks;
use crate::{Acting, Context, Error};
use ateneu_db::events::{self as repo, Event};
use ateneu_domain::Lang;
use ateneu_domain::events::ical::{CalendarEvent, calendar};
use ateneu_domain::permissions::{Action, CityScope};

/// The host part of the platform's address, for the events' UIDs.
fn host(context: &Context) -> String {
    let base = context.config.base_url.trim_end_matches('/');
    let rest = base.split_once("://").map_or(base, |(_, rest)| rest);
    rest.split('/').next().unwrap_or("ateneu").to_owned()
}

fn file(context: &Context, name: &str, events: &[Event], lang: Lang) -> String {
    let host = host(context);
    let base = context.config.base_url.trim_end_matches('/');
    let entries: Vec<CalendarEvent> = events
        .iter()
        .map(|event| CalendarEvent {
            uid: format!("event-{}@{host}", event.id),
            summary: event.draft.title.show(lang).text.to_owned(),
            description: event.draft.description.clone(),
            location: event.draft.place.clone(),
            url: Some(
                event
                    .draft
                    .link
                    .clone()
                    .unwrap_or_else(|| format!("{base}/{}/events/{}", lang.code(), event.id)),
            ),
            starts_on: event.draft.starts_on,
            ends_on: event.draft.ends_on,
            stamp: event.updated_at,
        })
        .collect();
    calendar(name, &entries)
}

/// Every event, as an iCalendar file (the secretariat).
pub async fn all(context: &Context, acting: &Acting, lang: Lang) -> Result<String, Error> {
    acting.require(Action::ManageEvents(&networks(context)))?;
    let events = repo::all(&context.db.conn).await?;
    let name = context.i18n.t(lang, "events-title");
    Ok(file(context, &name, &events, lang))
}

/// A city's events (asked about, or represented at), as an iCalendar file: its editors and the
/// secretariat; not found for anyone else.
pub async fn of_city(
    context: &Context,
    acting: &Acting,
    slug: &str,
    lang: Lang,
) -> Result<String, Error> {
    let city = match crate::cities::resolve(context, slug).await? {
        Ok(city) => city,
        Err(_) => return Err(Error::NotFound),
    };
    let networks = networks(context);
    let scope = CityScope {
        id: city.id,
        networks: &networks,
    };
    if acting.require(Action::AnswerAvailability(scope)).is_err() {
        return Err(Error::NotFound);
    }
    let mut ids: Vec<i64> = repo::requests_of_city(&context.db.conn, city.id)
        .await?
        .iter()
        .map(|r| r.event_id)
        .collect();
    ids.extend(
        repo::representatives_of_city(&context.db.conn, city.id)
            .await?
            .iter()
            .map(|r| r.event_id),
    );
    ids.sort_unstable();
    ids.dedup();
    let events = repo::by_ids(&context.db.conn, &ids).await?;
    let name = format!(
        "{} — {}",
        context.i18n.t(lang, "events-title"),
        city.draft.name.show(lang).text
    );
    Ok(file(context, &name, &events, lang))
}
