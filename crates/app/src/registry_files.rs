//! The registry as files: the cities and memberships CSV that the export pages and the
//! command line write (every cell safe to open in a spreadsheet).

use crate::{Context, Error};
use ateneu_db::{cities, memberships};
use ateneu_domain::csv_format::{self, CITY_COLUMNS, MEMBERSHIP_COLUMNS};

pub async fn cities_csv(state: &Context) -> Result<Vec<u8>, Error> {
    let all = cities::all(&state.db).await?;
    csv_format::write(
        &CITY_COLUMNS,
        all.iter()
            .map(|c| csv_format::city_record(&c.slug, &c.draft)),
    )
    .map_err(Error::BadRequest)
}

pub async fn memberships_csv(state: &Context) -> Result<Vec<u8>, Error> {
    let all = memberships::all_with_slugs(&state.db).await?;
    csv_format::write(
        &MEMBERSHIP_COLUMNS,
        all.iter()
            .map(|(slug, m)| csv_format::membership_record(slug, &m.draft)),
    )
    .map_err(Error::BadRequest)
}
