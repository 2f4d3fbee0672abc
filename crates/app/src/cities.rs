//! The registry's cities in the use cases shared by the web and the command line: finding the
//! city a person typed or picked, and a page of the registry with how many cities match (the
//! count kept per filter and day while the data is unchanged).

use crate::{Context, Error};
use ateneu_db::cities::{self as repo, City, CityFilter, CityListItem};
use std::collections::HashMap;
use std::sync::Mutex;

/// How many filters' counts are kept; past it, the counts start again empty.
const COUNTS_KEPT: usize = 10_000;

/// How many cities match each filter, as of a data version (the newest audit row): counting
/// 240,000 rows took 28–80 ms on PostgreSQL on every page of the registry.
#[derive(Default)]
pub struct ListCounts {
    counts: Mutex<HashMap<String, (i64, u64)>>,
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
            context.city_counts.keep(key, version, total);
            total
        }
    };
    Ok((
        repo::page_of(&context.db, filter, page, per_page).await?,
        total,
    ))
}
use ateneu_domain::cities::CityPick;
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
        && let Some(city) = repo::by_id(conn, id).await?
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
pub async fn scope_networks(context: &Context, city_id: i64) -> Result<Vec<String>, Error> {
    let networks = ateneu_db::memberships::networks_of(&context.db.conn, city_id).await?;
    Ok(context
        .reference
        .scope_of(networks.iter().map(String::as_str)))
}
