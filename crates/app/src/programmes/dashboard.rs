//! The programme dashboard: for the Leading Cities' secretariat every programme, and for a
//! city's editors their city's (the city's own view) — how many programmes stand at each status,
//! a page of programmes with their budget in each currency and their activities this quarter,
//! the programmes ending within six months, the activities of this quarter, the outputs waiting
//! for translation or for a first dissemination, the budget per funder and per currency,
//! availability requests without an answer and open inquiries. Every list is bounded (a page,
//! or the first few with the count in all), so the dashboard answers as fast for 500 Leading
//! Cities as for 5. Everything on it is something its reader may see on its own.

use super::outputs::Waiting;
use super::{programme_networks, scope};
use crate::events::{RequestItem, unanswered_requests, waiting_for_answer};
use crate::{Acting, Context, Error};
use ateneu_db::outputs::Output;
use ateneu_db::programmes::ProgrammeListItem;
use ateneu_db::programmes::activities::Activity;
use ateneu_db::programmes::dashboard::{self as repo, BudgetSum};
use ateneu_db::programmes::inquiries::Inquiry;
use ateneu_domain::TranslatedText;
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::Action;
use ateneu_domain::programmes::ProgrammeStatus;
use ateneu_domain::programmes::budget::{Amounts, Currency};
use ateneu_domain::programmes::dashboard::{PER_PAGE, Paging, ends_soon, quarter};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// How many items each of the dashboard's lists shows (the counts say how many in all).
pub const SHOWN: usize = PER_PAGE;

/// Amounts in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InCurrency {
    pub currency: Currency,
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// A programme on the dashboard, with its budget (its city's, in each currency) and how many of
/// its activities fall in this quarter.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    #[serde(flatten)]
    pub item: ProgrammeListItem,
    pub ends_soon: bool,
    pub activities_this_quarter: u64,
    pub budget: Vec<InCurrency>,
}

/// A programme ending within six months.
#[derive(Debug, Clone, Serialize)]
pub struct Ending {
    pub programme_id: i64,
    pub city_slug: String,
    pub city_name: TranslatedText,
    pub ends_on: NaiveDate,
}

/// An activity of this quarter with its city.
#[derive(Debug, Clone, Serialize)]
pub struct QuarterActivity {
    #[serde(flatten)]
    pub activity: Activity,
    pub city_slug: String,
    pub city_name: TranslatedText,
}

/// A sum of budget lines for a funder in one currency (every programme the reader may see).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunderBudget {
    pub funder: String,
    pub currency: Currency,
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// The first few items of a list and how many it holds in all.
#[derive(Debug, Clone, Serialize)]
pub struct Few<T> {
    pub total: u64,
    pub items: Vec<T>,
}

impl<T> Few<T> {
    fn of(mut items: Vec<T>) -> Few<T> {
        let total = items.len() as u64;
        items.truncate(SHOWN);
        Few { total, items }
    }
}

/// The dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub quarter: (NaiveDate, NaiveDate),
    /// How many programmes the reader may see, and how many stand at each status.
    pub total: usize,
    pub by_status: BTreeMap<&'static str, usize>,
    /// This page of programmes (`?page=`), by city.
    pub page: usize,
    pub pages: usize,
    pub programmes: Vec<Line>,
    pub ending: Few<Ending>,
    pub activities: Few<QuarterActivity>,
    pub translations: Few<Waiting>,
    pub to_disseminate: Few<Output>,
    pub by_funder: Vec<FunderBudget>,
    /// Every programme's budget summed per currency.
    pub by_currency: Vec<InCurrency>,
    /// Availability requests without an answer: every one for the secretariat, the city's own
    /// (while its deadline runs) for its editors.
    pub unanswered_requests: Few<RequestItem>,
    /// Inquiries still open, of the programmes on the dashboard.
    pub open_inquiries: Few<Inquiry>,
}

fn currency(code: &str) -> Result<Currency, Error> {
    Currency::parse(code).map_err(|p| Error::Internal(format!("stored currency: {p:?}")))
}

fn overflow(problem: ateneu_domain::Problem) -> Error {
    Error::BadRequest(problem)
}

/// The programmes of `items` as a filter: none when they are every programme there is.
fn among(items: &[&ProgrammeListItem], every: usize) -> Option<Vec<i64>> {
    (items.len() < every).then(|| items.iter().map(|i| i.programme.id).collect())
}

/// Whether the person keeps the outputs of every Leading City, today's and tomorrow's (the
/// secretariat, the command line's operator): asked of a city no one edits.
fn keeps_every_city(acting: &Acting, networks: &[String]) -> bool {
    acting
        .require(Action::FileOutput(scope(CityId::new(-1), networks)))
        .is_ok()
}

/// The programmes of `every` whose outputs the person keeps, as a filter: none when they keep
/// no programme's, `Some(None)` when they keep every city's (not only a city's editors who
/// happen to keep every programme there is, which a filter by programme keeps to their own).
fn kept_among(
    acting: &Acting,
    networks: &[String],
    every: &[ProgrammeListItem],
) -> Option<Option<Vec<i64>>> {
    if keeps_every_city(acting, networks) {
        return Some(None);
    }
    let ids: Vec<i64> = every
        .iter()
        .filter(|i| {
            let city = scope(i.programme.city_id, networks);
            acting.require(Action::FileOutput(city)).is_ok()
        })
        .map(|i| i.programme.id)
        .collect();
    (!ids.is_empty()).then_some(Some(ids))
}

/// The programmes whose outputs the person keeps, as `kept_among` says.
pub(crate) async fn filed_by(
    context: &Context,
    acting: &Acting,
) -> Result<Option<Option<Vec<i64>>>, Error> {
    let every = ateneu_db::programmes::all(&context.db.conn).await?;
    Ok(kept_among(acting, &programme_networks(context), &every))
}

/// Page `page` (from 1) of the dashboard of the programmes the person may see (sign in first).
pub async fn dashboard(
    context: &Context,
    acting: &Acting,
    page: usize,
) -> Result<Dashboard, Error> {
    if !acting.is_signed_in() && !acting.is_operator() {
        return Err(Error::SignInRequired);
    }
    let networks = programme_networks(context);
    let every = ateneu_db::programmes::all(&context.db.conn).await?;
    let count = every.len();
    let seen: Vec<&ProgrammeListItem> = every
        .iter()
        .filter(|i| {
            let city = scope(i.programme.city_id, &networks);
            acting.require(Action::ViewProgramme(city)).is_ok()
        })
        .collect();
    let filing = kept_among(acting, &networks, &every);
    let seen_ids = among(&seen, count);
    let today = chrono::Utc::now().date_naive();
    let (from, to) = quarter(today);
    let conn = &context.db.conn;

    let mut by_status: BTreeMap<&'static str, usize> =
        ProgrammeStatus::ALL.iter().map(|s| (s.key(), 0)).collect();
    for item in &seen {
        *by_status
            .entry(item.programme.draft.status.key())
            .or_default() += 1;
    }
    let ending = Few::of(
        seen.iter()
            .filter(|i| {
                let p = &i.programme.draft;
                ends_soon(p.status, p.period.ends_on, today)
            })
            .map(|i| Ending {
                programme_id: i.programme.id,
                city_slug: i.city_slug.clone(),
                city_name: i.city_name.clone(),
                ends_on: i.programme.draft.period.ends_on,
            })
            .collect(),
    );
    let ending = Few {
        items: {
            let mut items = ending.items;
            items.sort_by_key(|e| (e.ends_on, e.programme_id));
            items
        },
        ..ending
    };

    let paging = Paging::new(seen.len(), page);
    let on_page: Vec<&ProgrammeListItem> = seen[paging.range(seen.len())].to_vec();
    let page_ids: Vec<i64> = on_page.iter().map(|i| i.programme.id).collect();
    let counts = repo::activity_counts(conn, &page_ids, from, to).await?;
    let mut budgets: HashMap<i64, Vec<InCurrency>> = HashMap::new();
    for sum in repo::budget_by_programme(conn, &page_ids).await? {
        budgets.entry(sum.by).or_default().push(InCurrency {
            currency: currency(&sum.currency)?,
            amounts: sum.amounts,
        });
    }
    let programmes = on_page
        .into_iter()
        .map(|item| Line {
            ends_soon: ends_soon(
                item.programme.draft.status,
                item.programme.draft.period.ends_on,
                today,
            ),
            activities_this_quarter: counts.get(&item.programme.id).copied().unwrap_or(0),
            budget: budgets.remove(&item.programme.id).unwrap_or_default(),
            item: item.clone(),
        })
        .collect();

    let cities: HashMap<i64, (&str, &TranslatedText)> = seen
        .iter()
        .map(|i| (i.programme.id, (i.city_slug.as_str(), &i.city_name)))
        .collect();
    let (total, quarter_activities) =
        repo::activities_between(conn, seen_ids.as_deref(), from, to, SHOWN as u64).await?;
    let activities = Few {
        total,
        items: quarter_activities
            .into_iter()
            .filter_map(|activity| {
                let (slug, name) = cities.get(&activity.programme_id)?;
                Some(QuarterActivity {
                    city_slug: (*slug).to_owned(),
                    city_name: (*name).clone(),
                    activity,
                })
            })
            .collect(),
    };

    let funder_sums: Vec<BudgetSum<String>> = if seen.is_empty() {
        Vec::new()
    } else {
        repo::budget_by_funder(conn, seen_ids.as_deref()).await?
    };
    let mut by_currency: BTreeMap<String, Amounts> = BTreeMap::new();
    for sum in &funder_sums {
        by_currency
            .entry(sum.currency.clone())
            .or_default()
            .add(&sum.amounts)
            .map_err(overflow)?;
    }
    let by_funder = funder_sums
        .into_iter()
        .map(|sum| {
            Ok(FunderBudget {
                funder: sum.by,
                currency: currency(&sum.currency)?,
                amounts: sum.amounts,
            })
        })
        .collect::<Result<_, Error>>()?;
    let by_currency = by_currency
        .into_iter()
        .map(|(code, amounts)| {
            Ok(InCurrency {
                currency: currency(&code)?,
                amounts,
            })
        })
        .collect::<Result<_, Error>>()?;

    let translations = if let Some(filing) = &filing {
        let (total, waiting) =
            repo::waiting_for_translation(conn, filing.as_deref(), None, SHOWN as u64).await?;
        Few {
            total,
            items: waiting
                .into_iter()
                .map(|(output, version)| Waiting { output, version })
                .collect(),
        }
    } else {
        Few {
            total: 0,
            items: Vec::new(),
        }
    };
    let to_disseminate = if seen.is_empty() {
        Few {
            total: 0,
            items: Vec::new(),
        }
    } else {
        let (total, items) = repo::undisseminated(conn, seen_ids.as_deref(), SHOWN as u64).await?;
        Few { total, items }
    };
    let unanswered = match unanswered_requests(context, acting).await {
        Err(Error::Forbidden) => waiting_for_answer(context, acting).await?,
        other => other?,
    };
    // Open inquiries of the programmes on the dashboard: who may see the programme sees them.
    let seen_set: std::collections::HashSet<i64> = seen.iter().map(|i| i.programme.id).collect();
    let open_inquiries: Vec<Inquiry> = ateneu_db::programmes::inquiries::open(conn)
        .await?
        .into_iter()
        .filter(|inquiry| seen_set.contains(&inquiry.programme_id))
        .collect();
    Ok(Dashboard {
        today,
        quarter: (from, to),
        total: seen.len(),
        by_status,
        page: paging.page,
        pages: paging.pages,
        programmes,
        ending,
        activities,
        translations,
        to_disseminate,
        by_funder,
        by_currency,
        unanswered_requests: Few::of(unanswered),
        open_inquiries: Few::of(open_inquiries),
    })
}
