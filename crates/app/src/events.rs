//! The events calendar's use cases: the calendar (public), an event with the availability
//! requests and answers the person may see (the Leading Cities' secretariat: all of them; a
//! city's editors: their city's; anyone else: none, and not found on a request's address),
//! asking Leading Cities for their availability by a deadline, a city's answer (before the
//! deadline, on the revision it was made on), reopening a request, confirming who represents
//! the Commission, and the lists of requests waiting for an answer. Asking tells the city's
//! editors and an answer tells the secretariat (`notices`, in the write's transaction, mailed
//! through the outbox after it). Reminders are `reminders`, the iCalendar files `ical`.

pub mod ical;
mod lists;
pub mod notices;
pub mod reminders;

pub use lists::{
    Representation, RequestItem, representation_of_city, unanswered_requests, waiting_for_answer,
};

use crate::programmes::{number_or_text, parse_revision};
use crate::{Acting, Context, Error};
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::events as repo;
pub use ateneu_db::events::{Event, Representative, Request};
use ateneu_db::memberships;
use ateneu_domain::Lang;
use ateneu_domain::events::{
    AnswerInput, EventInput, RepresentationInput, may_answer, parse_deadline,
};
use ateneu_domain::ids::CityId;
use ateneu_domain::notifications::NoticeKind;
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::programmes::{LEADING_CITIES, is_leading_city};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// The networks whose secretariat keeps the calendar: the Leading Cities and those above it.
pub fn networks(context: &Context) -> Vec<String> {
    context.reference.with_ancestors(LEADING_CITIES)
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn may_manage(acting: &Acting, networks: &[String]) -> bool {
    acting.require(Action::ManageEvents(networks)).is_ok()
}

/// Whether the person may see and answer this city's requests.
fn may_answer_for(acting: &Acting, city_id: CityId, networks: &[String]) -> bool {
    acting
        .require(Action::AnswerAvailability(CityScope {
            id: city_id,
            networks,
        }))
        .is_ok()
}

/// Whether the person may see representation confirmed for events to come.
fn sees_upcoming(acting: &Acting, networks: &[String]) -> bool {
    may_manage(acting, networks)
        || acting
            .require(Action::ViewUpcomingRepresentation(networks))
            .is_ok()
}

/// The calendar: events to come (soonest first) and past ones (latest first).
#[derive(Debug, Clone, Serialize)]
pub struct Calendar {
    pub upcoming: Vec<Event>,
    pub past: Vec<Event>,
    /// The person keeps the calendar.
    pub may_manage: bool,
}

/// The calendar, open to all.
pub async fn calendar(context: &Context, acting: &Acting) -> Result<Calendar, Error> {
    let today = today();
    let (mut past, upcoming): (Vec<Event>, Vec<Event>) = repo::all(&context.db.conn)
        .await?
        .into_iter()
        .partition(|e| e.draft.is_past(today));
    past.reverse();
    Ok(Calendar {
        upcoming,
        past,
        may_manage: may_manage(acting, &networks(context)),
    })
}

/// A request as the person is shown it, with its city and whether they may answer it now.
#[derive(Debug, Clone, Serialize)]
pub struct RequestView {
    #[serde(flatten)]
    pub request: Request,
    pub city: City,
    /// The deadline has not gone (or the secretariat reopened it).
    pub open: bool,
    /// The person may answer it now.
    pub may_answer: bool,
}

/// A confirmed representative with their city.
#[derive(Debug, Clone, Serialize)]
pub struct RepresentativeView {
    #[serde(flatten)]
    pub representative: Representative,
    pub city: City,
}

/// An event as its page and the API show it to this person.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    #[serde(flatten)]
    pub event: Event,
    pub past: bool,
    /// The requests the person may see (all for the secretariat, their city's for an editor).
    pub requests: Vec<RequestView>,
    /// Who represents the Commission: shown to all once the event is past, before that to the
    /// network's signed-in members.
    pub representatives: Vec<RepresentativeView>,
    pub may_manage: bool,
}

/// Cities by id, read once each.
struct Cities(BTreeMap<CityId, City>);

impl Cities {
    async fn get(&mut self, context: &Context, id: CityId) -> Result<City, Error> {
        if let Some(city) = self.0.get(&id) {
            return Ok(city.clone());
        }
        let city = city_repo::by_id(&context.db.conn, id)
            .await?
            .ok_or(Error::NotFound)?;
        self.0.insert(id, city.clone());
        Ok(city)
    }
}

/// An event, with what this person may see of it.
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<EventView, Error> {
    let event = repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let networks = networks(context);
    let today = today();
    let mut cities = Cities(BTreeMap::new());
    let mut requests = Vec::new();
    for request in repo::requests_of_event(&context.db.conn, id).await? {
        if !may_answer_for(acting, request.city_id, &networks) {
            continue;
        }
        let open = may_answer(request.deadline, today);
        requests.push(RequestView {
            city: cities.get(context, request.city_id).await?,
            open,
            may_answer: open,
            request,
        });
    }
    let past = event.draft.is_past(today);
    let mut representatives = Vec::new();
    if past || sees_upcoming(acting, &networks) {
        for representative in repo::representatives_of_event(&context.db.conn, id).await? {
            representatives.push(RepresentativeView {
                city: cities.get(context, representative.city_id).await?,
                representative,
            });
        }
    }
    Ok(EventView {
        event,
        past,
        requests,
        representatives,
        may_manage: may_manage(acting, &networks),
    })
}

/// The event, when the person keeps the calendar: forbidden otherwise (events are public).
async fn managed(context: &Context, acting: &Acting, id: i64) -> Result<Event, Error> {
    acting.require(Action::ManageEvents(&networks(context)))?;
    repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)
}

/// Adds an event to the calendar (the secretariat).
pub async fn create(
    context: &Context,
    acting: &Acting,
    input: &EventInput,
) -> Result<Event, Error> {
    acting.require(Action::ManageEvents(&networks(context)))?;
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let event = repo::create(&txn, &acting.who, &draft).await?;
    txn.commit().await?;
    Ok(event)
}

/// What changing an event takes: the revision it was made on, and its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventForm {
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    #[serde(flatten)]
    pub event: EventInput,
}

impl EventForm {
    pub fn of(event: &Event) -> EventForm {
        EventForm {
            revision: event.revision.to_string(),
            event: event.draft.input(),
        }
    }
}

/// Saves a change to an event made on `form.revision` (refused when someone saved since).
pub async fn update(
    context: &Context,
    acting: &Acting,
    id: i64,
    form: &EventForm,
) -> Result<Event, Error> {
    let before = managed(context, acting, id).await?;
    let parsed = form.event.parse();
    let revision = match parse_revision(&form.revision) {
        Ok(revision) => revision,
        Err(problem) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.add("revision", problem);
            return Err(Error::Invalid(errors));
        }
    };
    if revision != before.revision {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let draft = parsed?;
    let txn = context.db.write().await?;
    let event = repo::update(&txn, &acting.who, &before, revision, &draft).await?;
    txn.commit().await?;
    Ok(event)
}

/// Cities given as a JSON list, or as a form's text with one city a line.
fn cities_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        List(Vec<String>),
        Text(String),
    }
    let given = match Given::deserialize(deserializer)? {
        Given::List(list) => list,
        Given::Text(text) => text.lines().map(str::to_owned).collect(),
    };
    Ok(given
        .into_iter()
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect())
}

/// What asking cities for their availability takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AskForm {
    /// Leading Cities: slugs or names (a list, or one a line).
    #[serde(deserialize_with = "cities_list")]
    pub cities: Vec<String>,
    /// `YYYY-MM-DD`, the last day to answer.
    pub deadline: String,
}

/// What asking did: the new requests, and the cities that were already asked (left as they
/// were).
#[derive(Debug, Clone, Serialize)]
pub struct Asked {
    pub asked: Vec<Request>,
    pub already_asked: Vec<String>,
}

/// Asks Leading Cities for their political leaders' availability for an event, by a deadline
/// between today and the event's first day (the secretariat). A city that is not a current
/// Leading City is refused by name.
pub async fn ask(
    context: &Context,
    acting: &Acting,
    id: i64,
    form: &AskForm,
) -> Result<Asked, Error> {
    let event = managed(context, acting, id).await?;
    let today = today();
    let mut errors = FieldErrors::new();
    let deadline = errors.take(
        "deadline",
        parse_deadline(&form.deadline, today, event.draft.starts_on),
    );
    let mut chosen = Vec::new();
    if form.cities.is_empty() {
        errors.add("cities", Problem::new(ProblemKey::Required));
    }
    for typed in &form.cities {
        match crate::cities::resolve(context, typed).await? {
            Ok(city) => {
                let history = memberships::of_city(&context.db.conn, city.id).await?;
                if is_leading_city(history.iter().map(|m| &m.draft), today) {
                    chosen.push(city);
                } else {
                    errors.add(
                        "cities",
                        Problem::with_detail(ProblemKey::CityNotLeading, typed.clone()),
                    );
                }
            }
            Err(problem) => errors.add("cities", problem),
        }
    }
    let deadline = match deadline {
        Some(deadline) if errors.is_empty() => deadline,
        _ => return Err(Error::Invalid(errors)),
    };
    let people = crate::notifications::people(context).await?;
    let txn = context.db.write().await?;
    let mut asked = Vec::new();
    let mut already_asked = Vec::new();
    let mut told = Vec::new();
    for city in chosen {
        let (request, new) = repo::ask(&txn, &acting.who, id, city.id, deadline).await?;
        if new {
            let pending = notices::pending(
                context,
                &people,
                acting,
                NoticeKind::AvailabilityRequested,
                (&event, &city, &request),
            );
            crate::notifications::write(&txn, &pending).await?;
            told.push(pending);
            asked.push(request);
        } else {
            already_asked.push(city.slug);
        }
    }
    txn.commit().await?;
    for pending in &told {
        crate::notifications::send(context, pending, Lang::En).await;
    }
    Ok(Asked {
        asked,
        already_asked,
    })
}

/// A request of this event that the person may see; not found otherwise.
async fn request_of(
    context: &Context,
    acting: &Acting,
    event_id: i64,
    request_id: i64,
) -> Result<Request, Error> {
    let request = repo::request_by_id(&context.db.conn, request_id)
        .await?
        .filter(|r| r.event_id == event_id)
        .ok_or(Error::NotFound)?;
    if !may_answer_for(acting, request.city_id, &networks(context)) {
        return Err(Error::NotFound);
    }
    Ok(request)
}

/// What answering takes: the revision the answer was made on, and the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    #[serde(flatten)]
    pub answer: AnswerInput,
}

/// A city's answer (its editors, or the secretariat for an answer given otherwise), until the
/// end of the deadline's day, on the revision it was made on.
pub async fn answer(
    context: &Context,
    acting: &Acting,
    event_id: i64,
    request_id: i64,
    form: &AnswerForm,
) -> Result<Request, Error> {
    let before = request_of(context, acting, event_id, request_id).await?;
    if !may_answer(before.deadline, today()) {
        return Err(Error::Conflict(Problem::with_detail(
            ProblemKey::DeadlinePassed,
            before.deadline.to_string(),
        )));
    }
    let parsed = form.answer.parse();
    let revision = match parse_revision(&form.revision) {
        Ok(revision) => revision,
        Err(problem) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.add("revision", problem);
            return Err(Error::Invalid(errors));
        }
    };
    if revision != before.revision {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let draft = parsed?;
    let (event, city) = (
        repo::by_id(&context.db.conn, event_id)
            .await?
            .ok_or(Error::NotFound)?,
        city_repo::by_id(&context.db.conn, before.city_id)
            .await?
            .ok_or(Error::NotFound)?,
    );
    let people = crate::notifications::people(context).await?;
    let txn = context.db.write().await?;
    let request = repo::answer(&txn, &acting.who, &before, revision, &draft).await?;
    let pending = notices::pending(
        context,
        &people,
        acting,
        NoticeKind::AvailabilityAnswered,
        (&event, &city, &request),
    );
    crate::notifications::write(&txn, &pending).await?;
    txn.commit().await?;
    crate::notifications::send(context, &pending, Lang::En).await;
    Ok(request)
}

/// What reopening a request takes: its new deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReopenForm {
    pub deadline: String,
}

/// Gives a request a new deadline, so that the city may answer (again) (the secretariat).
pub async fn reopen(
    context: &Context,
    acting: &Acting,
    event_id: i64,
    request_id: i64,
    form: &ReopenForm,
) -> Result<Request, Error> {
    let event = managed(context, acting, event_id).await?;
    let before = request_of(context, acting, event_id, request_id).await?;
    let deadline = parse_deadline(&form.deadline, today(), event.draft.starts_on)
        .map_err(|p| Error::field("deadline", p))?;
    let txn = context.db.write().await?;
    let request = repo::reopen(&txn, &acting.who, &before, deadline).await?;
    txn.commit().await?;
    Ok(request)
}

/// Confirms who represents the Commission at an event for a city (the secretariat).
pub async fn confirm(
    context: &Context,
    acting: &Acting,
    event_id: i64,
    input: &RepresentationInput,
) -> Result<Representative, Error> {
    managed(context, acting, event_id).await?;
    let parsed = input.parse();
    let city = match crate::cities::resolve(context, &input.city).await? {
        Ok(city) => city,
        Err(problem) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.add("city", problem);
            return Err(Error::Invalid(errors));
        }
    };
    let draft = parsed?;
    let txn = context.db.write().await?;
    let representative = repo::confirm(&txn, &acting.who, event_id, city.id, &draft).await?;
    txn.commit().await?;
    Ok(representative)
}

/// Withdraws a confirmation (the secretariat); not found when it is not the event's.
pub async fn withdraw(
    context: &Context,
    acting: &Acting,
    event_id: i64,
    representative_id: i64,
) -> Result<(), Error> {
    managed(context, acting, event_id).await?;
    let txn = context.db.write().await?;
    if !repo::withdraw(&txn, &acting.who, event_id, representative_id).await? {
        return Err(Error::NotFound);
    }
    txn.commit().await?;
    Ok(())
}
