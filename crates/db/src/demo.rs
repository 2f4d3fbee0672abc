//! The example network for newcomers (`ateneu serve --demo`, `ateneu demo`): a dozen cities with
//! memberships and focal points, all marked as example content.

use crate::audit::Who;
use crate::{Db, DbError, DbResult, cities, focal_points, memberships, settings};
use ateneu_domain::cities::CityInput;
use ateneu_domain::memberships::MembershipInput;
use ateneu_domain::reference::{Names, Reference};
use serde::Deserialize;

pub const BUNDLED: &str = include_str!("../../../data/demo.toml");

#[derive(Debug, Deserialize)]
struct DemoFile {
    city: Vec<DemoCity>,
}

#[derive(Debug, Deserialize)]
struct DemoCity {
    country: String,
    region: String,
    population: Option<i64>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    website: Option<String>,
    name: Names,
    description: Names,
    #[serde(default)]
    membership: Vec<DemoMembership>,
    #[serde(default)]
    focal_point: Vec<DemoPerson>,
}

#[derive(Debug, Deserialize)]
struct DemoMembership {
    network: String,
    role: String,
    started_on: String,
    ended_on: Option<String>,
    creative_field: Option<String>,
    designation_year: Option<i32>,
}

#[derive(Debug, Deserialize)]
struct DemoPerson {
    name: String,
    position: Names,
    email: String,
    phone: String,
}

/// Loads the example network unless it is there already. Returns the number of cities added.
pub async fn load(db: &Db, reference: &Reference) -> DbResult<usize> {
    let file: DemoFile =
        toml::from_str(BUNDLED).map_err(|e| DbError::Corrupt(format!("demo data: {e}")))?;
    let who = Who::system("demo");
    let regions = reference.region_keys();
    let txn = db.write().await?;
    let mut added = 0;
    for demo in file.city {
        let input = CityInput {
            source_lang: "en".into(),
            name_en: demo.name.en.clone(),
            name_fr: demo.name.fr.clone(),
            name_es: demo.name.es.clone(),
            country: demo.country.clone(),
            region: demo.region.clone(),
            population: demo.population.map(|p| p.to_string()).unwrap_or_default(),
            latitude: demo.latitude.map(|v| v.to_string()).unwrap_or_default(),
            longitude: demo.longitude.map(|v| v.to_string()).unwrap_or_default(),
            website: demo.website.clone().unwrap_or_default(),
            description_en: demo.description.en.clone(),
            description_fr: demo.description.fr.clone(),
            description_es: demo.description.es.clone(),
        };
        let draft = input
            .parse(&regions)
            .map_err(|e| DbError::Corrupt(format!("demo city {}: {e:?}", demo.name.en)))?;
        let slug = ateneu_domain::cities::slugify(draft.name.source_text());
        if cities::by_slug(&*txn, &slug).await?.is_some() {
            continue;
        }
        let city = cities::create(&txn, &who, &draft, true).await?;
        for m in demo.membership {
            let input = MembershipInput {
                network: m.network,
                role: m.role,
                started_on: m.started_on,
                ended_on: m.ended_on.unwrap_or_default(),
                creative_field: m.creative_field.unwrap_or_default(),
                designation_year: m
                    .designation_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            };
            let draft = input.parse(reference).map_err(|e| {
                DbError::Corrupt(format!("demo membership of {}: {e:?}", city.slug))
            })?;
            memberships::add(&txn, &who, city.id, &draft).await?;
        }
        for p in demo.focal_point {
            let person = focal_points::NewFocalPoint {
                name: p.name,
                position: p.position.en,
                email: p.email,
                phone: p.phone,
            };
            focal_points::add(&txn, &who, city.id, &person).await?;
        }
        added += 1;
    }
    settings::set(&*txn, settings::DEMO, "true").await?;
    txn.commit().await?;
    Ok(added)
}
