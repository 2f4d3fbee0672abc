//! The registry's cities in the use cases shared by the web and the command line: finding the
//! city a person typed or picked, and a page of the registry with how many cities match (the
//! count, and where each page read so far starts, kept per filter and day while the data is
//! unchanged).

pub mod detail;
pub mod focal_points;
pub mod profile;

use crate::{Acting, Context, Error};
use ateneu_db::cities::{self as repo, ListKey, PageStart};
pub use ateneu_db::cities::{City, CityFilter, CityListItem};
use ateneu_domain::cities::CityInput;
use ateneu_domain::permissions::{Action, CityScope};
/// A typed name as the registry's filter looks it up: folded terms, as the search folds them.
pub use ateneu_search::query_terms;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// How many filters' counts are kept; past it, the counts start again empty.
const COUNTS_KEPT: usize = 10_000;

/// How many cities match each filter, as of a data version (the newest audit row): counting
/// 240,000 rows took 28–80 ms on PostgreSQL on every page of the registry.
#[derive(Default)]
pub struct ListCounts {
    counts: Mutex<HashMap<String, (i64, u64)>>,
    /// The home page's figures, with the data version and the day they hold for.
    overview: Mutex<Option<(i64, chrono::NaiveDate, RegistryOverview)>>,
}

/// The registry in figures, as the home page shows it: every city, the current members of each
/// network, and the cities of each region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistryOverview {
    pub cities: u64,
    /// Each network's key (in the reference data's order) and its current members.
    pub per_network: Vec<(String, u64)>,
    /// Each region's key and its cities (regions without cities left out).
    pub per_region: Vec<(String, u64)>,
}

/// The registry in figures, counted once per data version and day (four counts of every
/// city, up to 80 ms each on PostgreSQL at 240,000 cities, on every rendered home page).
pub async fn overview(context: &Context) -> Result<RegistryOverview, Error> {
    let day = chrono::Utc::now().date_naive();
    let version = ateneu_db::changes::version(&context.db).await?;
    if let Ok(kept) = context.city_counts.overview.lock()
        && let Some((at, on, overview)) = kept.as_ref()
        && *at == version
        && *on == day
    {
        return Ok(overview.clone());
    }
    let cities = repo::count(&context.db, &CityFilter::default()).await?;
    let mut per_network = Vec::new();
    for network in &context.reference.networks {
        let filter = CityFilter {
            network: Some(network.key.clone()),
            on: Some(day),
            ..CityFilter::default()
        };
        per_network.push((
            network.key.clone(),
            repo::count(&context.db, &filter).await?,
        ));
    }
    let per_region = repo::count_by_region(&context.db)
        .await?
        .into_iter()
        .map(|(region, n)| (region, u64::try_from(n).unwrap_or(0)))
        .collect();
    let overview = RegistryOverview {
        cities,
        per_network,
        per_region,
    };
    if let Ok(mut kept) = context.city_counts.overview.lock() {
        *kept = Some((version, day, overview.clone()));
    }
    Ok(overview)
}

impl ListCounts {
    fn get(&self, key: &str, version: i64) -> Option<u64> {
        let counts = self.counts.lock().ok()?;
        counts
            .get(key)
            .filter(|(at, _)| *at == version)
            .map(|(_, n)| *n)
    }

    fn keep(&self, key: String, version: i64, count: u64) {
        if let Ok(mut counts) = self.counts.lock() {
            if counts.len() >= COUNTS_KEPT {
                counts.clear();
            }
            counts.insert(key, (version, count));
        }
    }
}

/// How many pages' starts are kept in all (about 80 bytes each); past it, they start again
/// empty.
const STARTS_KEPT: usize = 100_000;

/// Where the pages of each filter start (the place of the city just before each page), as of a
/// data version: page 2,000 of 240,000 cities by `OFFSET` walks 100,000 index entries (82 ms at
/// p99 on PostgreSQL); from a kept start it reads 50. A page not kept yet starts from the nearest
/// kept one before it, so walking the pages one by one never skips more than a page.
#[derive(Default)]
pub struct PageStarts {
    kept: Mutex<KeptStarts>,
}

/// The starts kept: per filter, the data version they hold for and the place before each page.
#[derive(Default)]
struct KeptStarts {
    by_filter: HashMap<String, (i64, BTreeMap<u64, ListKey>)>,
    count: usize,
}

impl PageStarts {
    /// Where `page` (from 1) starts: after the nearest kept start, past the pages between.
    fn start(&self, key: &str, version: i64, page: u64, per_page: u64) -> PageStart {
        let skip_all = PageStart::skipping(page.saturating_sub(1).saturating_mul(per_page));
        let Ok(kept) = self.kept.lock() else {
            return skip_all;
        };
        let Some((at, pages)) = kept.by_filter.get(key) else {
            return skip_all;
        };
        if *at != version {
            return skip_all;
        }
        match pages.range(..=page).next_back() {
            Some((from, after)) => PageStart {
                after: Some(after.clone()),
                skip: (page - from).saturating_mul(per_page),
            },
            None => skip_all,
        }
    }

    fn keep(&self, key: &str, version: i64, page: u64, after: ListKey) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        if kept.count >= STARTS_KEPT {
            *kept = KeptStarts::default();
        }
        let KeptStarts { by_filter, count } = &mut *kept;
        let (at, pages) = by_filter
            .entry(key.to_owned())
            .or_insert_with(|| (version, BTreeMap::new()));
        if *at != version {
            *count = count.saturating_sub(pages.len());
            *at = version;
            pages.clear();
        }
        if pages.insert(page, after).is_none() {
            *count += 1;
        }
    }
}

/// A page of the registry (from 1) and how many cities match the filter in all.
pub async fn list(
    context: &Context,
    filter: &CityFilter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<CityListItem>, u64), Error> {
    // Memberships are current or not by day: the day is part of the filter's key.
    let day = filter.on.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let key = format!("{filter:?}|{day}");
    let version = ateneu_db::changes::version(&context.db).await?;
    let total = match context.city_counts.get(&key, version) {
        Some(total) => total,
        None => {
            let total = repo::count(&context.db, filter).await?;
            context.city_counts.keep(key.clone(), version, total);
            total
        }
    };
    let page = page.max(1);
    let pages_key = format!("{key}|{per_page}");
    let start = context
        .city_page_starts
        .start(&pages_key, version, page, per_page);
    let read = repo::page_of(&context.db, filter, &start, per_page).await?;
    if let Some(before) = read.before {
        context
            .city_page_starts
            .keep(&pages_key, version, page, before);
    }
    if let Some(last) = read.last {
        context
            .city_page_starts
            .keep(&pages_key, version, page + 1, last);
    }
    Ok((read.items, total))
}

use ateneu_domain::cities::CityPick;
use ateneu_domain::ids::CityId;
use ateneu_domain::{Problem, ProblemKey};

/// The city a person typed or picked: its slug (current or earlier), its id, or its name in
/// any language, with its country in brackets when the name is shared ("Córdoba (AR)"). The
/// inner error is the person's (unknown, ambiguous or missing city), for their form's field.
pub async fn resolve(state: &Context, typed: &str) -> Result<Result<City, Problem>, Error> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(Err(Problem::new(ProblemKey::Required)));
    }
    let conn = &state.db.conn;
    if let Some(city) = repo::by_slug(conn, typed).await? {
        return Ok(Ok(city));
    }
    if let Some(current) = repo::current_slug(conn, typed).await?
        && let Some(city) = repo::by_slug(conn, &current).await?
    {
        return Ok(Ok(city));
    }
    if let Ok(id) = typed.parse::<i64>()
        && let Some(city) = repo::by_id(conn, CityId::new(id)).await?
    {
        return Ok(Ok(city));
    }
    let unknown = || Problem::with_detail(ProblemKey::UnknownCity, typed);
    let Some(pick) = CityPick::parse(typed) else {
        return Ok(Err(unknown()));
    };
    let mut found = repo::by_pick(conn, &pick).await?;
    Ok(match found.len() {
        0 => Err(unknown()),
        1 => Ok(found.remove(0)),
        _ => Err(Problem::with_detail(
            ProblemKey::AmbiguousCity,
            found
                .iter()
                .map(|c| CityPick::label(&c.draft, ateneu_domain::Lang::En))
                .collect::<Vec<_>>()
                .join(", "),
        )),
    })
}

/// The networks a city's records are seen through: its networks with their parent networks.
pub async fn scope_networks(context: &Context, city_id: CityId) -> Result<Vec<String>, Error> {
    let networks = ateneu_db::memberships::networks_of(&context.db.conn, city_id).await?;
    Ok(context
        .reference
        .scope_of(networks.iter().map(String::as_str)))
}

/// A city by its slug; by an earlier slug, `Moved` to the current one (a page redirects there).
pub async fn find(context: &Context, slug: &str) -> Result<City, Error> {
    if let Some(city) = repo::by_slug(&context.db.conn, slug).await? {
        return Ok(city);
    }
    match repo::current_slug(&context.db.conn, slug).await? {
        Some(current) => Err(Error::Moved {
            from: slug.to_owned(),
            to: current,
        }),
        None => Err(Error::NotFound),
    }
}

/// A city by its id, for records that name it.
pub async fn by_id(context: &Context, id: CityId) -> Result<Option<City>, Error> {
    Ok(repo::by_id(&context.db.conn, id).await?)
}

/// The most cities a picker suggests: past it, only the cities the person edits are
/// suggested (any other is still found by its name, see [`resolve`]).
pub const MOST_SUGGESTED: u64 = 2_000;

/// The cities a form's city picker suggests to this person: every city up to
/// [`MOST_SUGGESTED`], else the cities they edit.
pub async fn for_picker(context: &Context, acting: &Acting) -> Result<Vec<City>, Error> {
    let conn = &context.db.conn;
    let mut cities = repo::for_pickers(conn, MOST_SUGGESTED + 1).await?;
    if cities.len() as u64 > MOST_SUGGESTED {
        cities.clear();
        for id in acting.actor.city_networks.keys() {
            if let Some(city) = repo::by_id(conn, *id).await? {
                cities.push(city);
            }
        }
    }
    Ok(cities)
}

/// Adds a city to the registry (a network's secretariat).
pub async fn create(context: &Context, acting: &Acting, input: &CityInput) -> Result<City, Error> {
    acting.require(Action::CreateCity)?;
    let draft = input.parse(&context.reference.region_keys())?;
    let txn = context.db.write().await?;
    let city = repo::create(&txn, &acting.who, &draft, false).await?;
    txn.commit().await?;
    Ok(city)
}

/// Checks that the acting person may edit this city (its editors, its networks' secretariat).
pub async fn require_edit(context: &Context, acting: &Acting, city: &City) -> Result<(), Error> {
    let networks = scope_networks(context, city.id).await?;
    acting.require(Action::EditCity(CityScope {
        id: city.id,
        networks: &networks,
    }))
}

/// Changes a city's record (its editors, its networks' secretariat).
pub async fn update(
    context: &Context,
    acting: &Acting,
    slug: &str,
    input: &CityInput,
) -> Result<City, Error> {
    let before = find(context, slug).await?;
    require_edit(context, acting, &before).await?;
    let draft = input.parse(&context.reference.region_keys())?;
    let txn = context.db.write().await?;
    let city = repo::update(&txn, &acting.who, &before, &draft).await?;
    txn.commit().await?;
    Ok(city)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(id: i64) -> ListKey {
        ListKey {
            sort_name: format!("city {id:06}"),
            id,
        }
    }

    #[test]
    fn a_page_starts_from_the_nearest_kept_start_of_the_same_data_version() {
        let starts = PageStarts::default();
        assert_eq!(starts.start("f", 7, 4, 50), PageStart::skipping(150));
        starts.keep("f", 7, 2, place(50));
        assert_eq!(
            starts.start("f", 7, 4, 50),
            PageStart {
                after: Some(place(50)),
                skip: 100
            }
        );
        assert_eq!(starts.start("f", 7, 1, 50), PageStart::skipping(0));
        assert_eq!(starts.start("f", 8, 4, 50), PageStart::skipping(150));
        assert_eq!(starts.start("g", 7, 4, 50), PageStart::skipping(150));
        // A start kept at a newer version replaces the filter's older ones.
        starts.keep("f", 8, 3, place(99));
        assert_eq!(starts.start("f", 8, 2, 50), PageStart::skipping(50));
        assert_eq!(starts.kept.lock().map(|k| k.count).ok(), Some(1));
    }

    #[test]
    fn the_starts_kept_stay_within_their_bound() {
        let starts = PageStarts::default();
        for n in 0..(STARTS_KEPT as i64 + 10) {
            starts.keep(&format!("filter {}", n % 97), 1, n as u64 + 2, place(n));
        }
        let count = starts.kept.lock().map(|k| k.count).unwrap_or(usize::MAX);
        assert!(count <= STARTS_KEPT, "{count}");
        let held: usize = starts
            .kept
            .lock()
            .map(|k| k.by_filter.values().map(|(_, pages)| pages.len()).sum())
            .unwrap_or(usize::MAX);
        assert_eq!(held, count, "the count is the starts held");
    }
}
