//! A programme's activities as use cases: reading one (not found for whoever may not see its
//! programme), adding one from the catalogue or custom (the programme's managers), and saving a
//! change on the revision it was made on. Days fall inside the programme's period; a seminar's
//! host is a Leading City and a public event's event is in the calendar. The records an
//! activity produces are `links`.

pub mod links;

use super::{ProgrammeRights, catalogue, load, number_or_text, parse_revision};
use crate::{Acting, Context, Error};
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::events::{self as event_repo, Event};
use ateneu_db::programmes::Programme;
use ateneu_db::programmes::activities as repo;
pub use ateneu_db::programmes::activities::Activity;
use ateneu_db::programmes::activities::links as link_repo;
use ateneu_db::programmes::budget::{self as budget_repo, BudgetLine};
use ateneu_domain::TranslatedText;
use ateneu_domain::ids::CityId;
use ateneu_domain::programmes::activities::ActivityInput;
use ateneu_domain::programmes::activities::links::{RecordKind, linkable};
use ateneu_domain::programmes::activities::specifics::{Known, PUBLIC_EVENT, SEMINAR};
use ateneu_domain::programmes::catalogue::CatalogueActivity;
use ateneu_domain::{Problem, ProblemKey};
use links::LinkedRecord;
use serde::{Deserialize, Serialize};

/// An activity as its page and the API show it: its programme and city, the catalogue's
/// description when it comes from the catalogue, the budget lines that pay for it.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityView {
    #[serde(flatten)]
    pub activity: Activity,
    pub programme: Programme,
    pub city: City,
    pub catalogue: Option<CatalogueActivity>,
    pub budget_lines: Vec<BudgetLine>,
    /// A seminar's host city.
    pub host_city: Option<City>,
    /// A public event's event of the calendar.
    pub event: Option<Event>,
    /// A seminar's days when not the usual 3–4.
    pub unusual_days: Option<i64>,
    /// The kinds of record it links, and the records linked that the reader may see.
    pub linkable: &'static [RecordKind],
    pub links: Vec<LinkedRecord>,
    #[serde(flatten)]
    pub rights: ProgrammeRights,
}

/// What adding or changing an activity takes: the revision the change was made on (when
/// changing) and the activity's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    #[serde(flatten)]
    pub activity: ActivityInput,
}

impl ActivityForm {
    /// The form as an activity shows it (to change it).
    pub fn of(activity: &Activity) -> ActivityForm {
        ActivityForm {
            revision: activity.revision.to_string(),
            activity: activity.draft.input(),
        }
    }
}

/// What a seminar may be hosted by and a public event may point to.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Choices {
    /// The Leading Cities (the cities with a programme).
    pub host_cities: Vec<(CityId, TranslatedText)>,
    /// The events of the calendar.
    pub events: Vec<Event>,
}

impl Choices {
    fn ids(&self) -> (Vec<i64>, Vec<i64>) {
        (
            self.host_cities.iter().map(|(id, _)| id.get()).collect(),
            self.events.iter().map(|e| e.id).collect(),
        )
    }
}

async fn host_cities(context: &Context) -> Result<Vec<(CityId, TranslatedText)>, Error> {
    let mut seen = std::collections::BTreeSet::new();
    Ok(ateneu_db::programmes::all(&context.db.conn)
        .await?
        .into_iter()
        .filter(|item| seen.insert(item.programme.city_id))
        .map(|item| (item.programme.city_id, item.city_name))
        .collect())
}

/// What an activity's form offers in its specific fields: the Leading Cities that may host a
/// seminar and the events of the calendar.
pub async fn choices(context: &Context) -> Result<Choices, Error> {
    Ok(Choices {
        host_cities: host_cities(context).await?,
        events: event_repo::all(&context.db.conn).await?,
    })
}

/// What an activity of the catalogue's `key` may point to, read only for the kinds that point.
async fn known_for(context: &Context, key: Option<&str>) -> Result<Choices, Error> {
    Ok(match key {
        Some(SEMINAR) => Choices {
            host_cities: host_cities(context).await?,
            events: Vec::new(),
        },
        Some(PUBLIC_EVENT) => Choices {
            host_cities: Vec::new(),
            events: event_repo::all(&context.db.conn).await?,
        },
        _ => Choices::default(),
    })
}

/// An activity of a programme the person may see; not found otherwise, and for an activity
/// of another programme.
pub async fn read(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
) -> Result<ActivityView, Error> {
    let (programme, rights) = load(context, acting, programme_id).await?;
    let activity = repo::by_id(&context.db.conn, activity_id)
        .await?
        .filter(|a| a.programme_id == programme_id)
        .ok_or(Error::NotFound)?;
    let city = city_repo::by_id(&context.db.conn, programme.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let catalogue = activity
        .draft
        .catalogue_key
        .as_deref()
        .and_then(|key| catalogue::current(context).catalogue.activity(key).cloned());
    let budget_lines = budget_repo::of_programme(&context.db.conn, programme_id)
        .await?
        .into_iter()
        .filter(|line| line.draft.activity_id == Some(activity_id))
        .collect();
    let host_city = match activity.draft.specifics.host_city_id() {
        Some(id) => city_repo::by_id(&context.db.conn, CityId::new(id)).await?,
        None => None,
    };
    let event = match activity.draft.specifics.event_id() {
        Some(id) => event_repo::by_id(&context.db.conn, id).await?,
        None => None,
    };
    let linkable = linkable(activity.draft.catalogue_key.as_deref());
    let links = links::linked(context, acting, programme.city_id, activity.id).await?;
    Ok(ActivityView {
        unusual_days: activity.draft.unusual_days(),
        activity,
        programme,
        city,
        catalogue,
        budget_lines,
        host_city,
        event,
        linkable,
        links,
        rights,
    })
}

/// Adds an activity to a programme (its managers): from the catalogue or custom, inside the
/// programme's period.
pub async fn add(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    input: &ActivityInput,
) -> Result<Activity, Error> {
    let (_, rights) = load(context, acting, programme_id).await?;
    if !rights.may_manage {
        return Err(Error::Forbidden);
    }
    let (cities, events) = known_for(context, key_of(input)).await?.ids();
    let txn = context.db.write().await?;
    // The period is read inside the write: a change to it meanwhile cannot let a day slip out.
    let programme = ateneu_db::programmes::by_id(&*txn, programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let draft = input.parse(
        &catalogue::current(context).catalogue,
        &programme.draft.period,
        Known {
            host_cities: &cities,
            events: &events,
        },
    )?;
    let activity = repo::create(&txn, &acting.who, programme_id, &draft).await?;
    txn.commit().await?;
    Ok(activity)
}

/// Saves a change to an activity made on `form.revision` (refused when someone saved since).
pub async fn update(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
    form: &ActivityForm,
) -> Result<Activity, Error> {
    let view = read(context, acting, programme_id, activity_id).await?;
    if !view.rights.may_manage {
        return Err(Error::Forbidden);
    }
    let revision = match parse_revision(&form.revision) {
        Ok(revision) => revision,
        Err(problem) => return Err(Error::field("revision", problem)),
    };
    if revision != view.activity.revision {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let (cities, events) = known_for(context, key_of(&form.activity)).await?.ids();
    let txn = context.db.write().await?;
    let programme = ateneu_db::programmes::by_id(&*txn, programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let draft = form.activity.parse(
        &catalogue::current(context).catalogue,
        &programme.draft.period,
        Known {
            host_cities: &cities,
            events: &events,
        },
    )?;
    let activity = repo::update(&txn, &acting.who, &view.activity, revision, &draft).await?;
    // A change of kind drops the links the new kind does not make (as its specifics).
    let keeps = linkable(draft.catalogue_key.as_deref());
    for link in link_repo::of_activity(&*txn, activity_id).await? {
        if !keeps.contains(&link.draft.kind) {
            link_repo::delete(&txn, &acting.who, &link).await?;
        }
    }
    txn.commit().await?;
    Ok(activity)
}

/// The catalogue key an activity's form names, if any.
fn key_of(input: &ActivityInput) -> Option<&str> {
    Some(input.catalogue_key.trim()).filter(|k| !k.is_empty())
}
