//! The registry's cities in the use cases shared by the web and the command line: finding the
//! city a person typed or picked.

use crate::{Context, Error};
use ateneu_db::cities::{self as repo, City};
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
