//! The programme dashboard: for the Leading Cities' secretariat every programme, and for a
//! city's editors their city's (the city's own view) — each programme and its status, the
//! programmes ending within six months, the activities of this quarter, the outputs waiting for
//! translation or for a first dissemination, the budget per city, per funder and per currency,
//! availability requests without an answer and open inquiries. Everything on it is something
//! its reader may see on its own.

use super::outputs::{Waiting, waiting_for_translation};
use crate::events::{RequestItem, unanswered_requests, waiting_for_answer};
use crate::{Acting, Context, Error};
use ateneu_db::outputs::Output;
use ateneu_db::programmes::ProgrammeListItem;
use ateneu_db::programmes::activities::Activity;
use ateneu_db::programmes::dashboard as repo;
use ateneu_db::programmes::inquiries::Inquiry;
use ateneu_domain::programmes::budget::{Amounts, Currency};
use ateneu_domain::programmes::dashboard::{ends_soon, quarter};
use ateneu_domain::{Problem, ProblemKey};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// How many outputs of each list the dashboard shows (the counts say how many in all).
pub const SHOWN: usize = 50;

/// A programme on the dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    #[serde(flatten)]
    pub item: ProgrammeListItem,
    pub ends_soon: bool,
}

/// An activity of this quarter with its city.
#[derive(Debug, Clone, Serialize)]
pub struct QuarterActivity {
    #[serde(flatten)]
    pub activity: Activity,
    pub city_slug: String,
}

/// A sum of budget lines for a city in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CityBudget {
    pub city_slug: String,
    pub currency: Currency,
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// A sum of budget lines for a funder in one currency (every programme on the dashboard).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunderBudget {
    pub funder: String,
    pub currency: Currency,
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// The dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub quarter: (NaiveDate, NaiveDate),
    pub programmes: Vec<Line>,
    pub activities: Vec<QuarterActivity>,
    pub waiting_for_translation: usize,
    pub translations: Vec<Waiting>,
    pub undisseminated: u64,
    pub to_disseminate: Vec<Output>,
    pub by_city: Vec<CityBudget>,
    pub by_funder: Vec<FunderBudget>,
    /// Availability requests without an answer: every one for the secretariat, the city's own
    /// (while its deadline runs) for its editors.
    pub unanswered_requests: Vec<RequestItem>,
    /// Inquiries still open, of the programmes on the dashboard.
    pub open_inquiries: Vec<Inquiry>,
}

fn add(sum: &mut Amounts, more: &Amounts) -> Result<(), Error> {
    let overflow = || Error::BadRequest(Problem::new(ProblemKey::AmountTooLarge));
    sum.planned = sum.planned.checked_add(more.planned).ok_or_else(overflow)?;
    sum.committed = sum
        .committed
        .checked_add(more.committed)
        .ok_or_else(overflow)?;
    sum.spent = sum.spent.checked_add(more.spent).ok_or_else(overflow)?;
    Ok(())
}

/// The dashboard of the programmes the person may see (sign in first).
pub async fn dashboard(context: &Context, acting: &Acting) -> Result<Dashboard, Error> {
    let items = super::list(context, acting).await?;
    let today = chrono::Utc::now().date_naive();
    let (from, to) = quarter(today);
    let ids: Vec<i64> = items.iter().map(|i| i.programme.id).collect();
    let among = Some(ids.as_slice());
    let cities: HashMap<i64, String> = items
        .iter()
        .map(|i| (i.programme.id, i.city_slug.clone()))
        .collect();
    let activities = repo::activities_between(&context.db.conn, among, from, to)
        .await?
        .into_iter()
        .filter_map(|activity| {
            let city_slug = cities.get(&activity.programme_id)?.clone();
            Some(QuarterActivity {
                activity,
                city_slug,
            })
        })
        .collect();
    let mut by_city: BTreeMap<(String, String), Amounts> = BTreeMap::new();
    let mut by_funder: BTreeMap<(String, String), Amounts> = BTreeMap::new();
    for sum in repo::budget_sums(&context.db.conn, among).await? {
        let Some(city) = cities.get(&sum.programme_id) else {
            continue;
        };
        add(
            by_city
                .entry((city.clone(), sum.currency.clone()))
                .or_default(),
            &sum.amounts,
        )?;
        add(
            by_funder.entry((sum.funder, sum.currency)).or_default(),
            &sum.amounts,
        )?;
    }
    let currency = |code: &str| {
        Currency::parse(code).map_err(|p| Error::Internal(format!("stored currency: {p:?}")))
    };
    let mut translations = waiting_for_translation(context, acting).await?;
    let waiting = translations.len();
    translations.truncate(SHOWN);
    let unanswered = match unanswered_requests(context, acting).await {
        Err(Error::Forbidden) => waiting_for_answer(context, acting).await?,
        other => other?,
    };
    let open_inquiries = super::inquiries::open_inquiries(context, acting).await?;
    let (undisseminated, to_disseminate) =
        repo::undisseminated(&context.db.conn, among, SHOWN as u64).await?;
    Ok(Dashboard {
        today,
        quarter: (from, to),
        programmes: items
            .into_iter()
            .map(|item| Line {
                ends_soon: ends_soon(
                    item.programme.draft.status,
                    item.programme.draft.period.ends_on,
                    today,
                ),
                item,
            })
            .collect(),
        activities,
        waiting_for_translation: waiting,
        translations,
        undisseminated,
        to_disseminate,
        unanswered_requests: unanswered,
        open_inquiries,
        by_city: by_city
            .into_iter()
            .map(|((city_slug, code), amounts)| {
                Ok(CityBudget {
                    city_slug,
                    currency: currency(&code)?,
                    amounts,
                })
            })
            .collect::<Result<_, Error>>()?,
        by_funder: by_funder
            .into_iter()
            .map(|((funder, code), amounts)| {
                Ok(FunderBudget {
                    funder,
                    currency: currency(&code)?,
                    amounts,
                })
            })
            .collect::<Result<_, Error>>()?,
    })
}
