//! Host suggestions for a visit to a Leading City: for a framework field a member city wants to
//! learn about, the current Leading Cities with evidence of expertise in it — their score on the
//! field in their latest closed assessment the reader may see, their published practices tagged
//! with it, their public outputs that name it — ranked by `domain::programmes::visits`. Nothing
//! the reader may not see on its own is used as evidence.

use crate::{Acting, Context, Error};
use ateneu_db::assessments::{self as assessment_repo};
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::memberships;
use ateneu_db::outputs as output_repo;
use ateneu_domain::assessments::{AssessmentStatus, Visibility};
use ateneu_domain::frameworks::Trilingual;
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::{Action, AssessmentScope, CityScope};
use ateneu_domain::programmes::LEADING_CITIES;
use ateneu_domain::programmes::visits::{Evidence, FieldScore, Pointer, Reason, suggest};
use ateneu_domain::{Lang, Problem, ProblemKey};
use ateneu_search::practices::{MAX_DEPTH, MAX_LIMIT};
use ateneu_search::{FacetKind, SearchRequest, Sort};
use serde::Serialize;
use std::collections::BTreeMap;

/// The most suggestions given.
pub const LIMIT: usize = 10;

/// A suggested host with its reasons.
#[derive(Debug, Clone, Serialize)]
pub struct Host {
    pub city: City,
    pub strength: f64,
    pub reasons: Vec<Reason>,
}

/// The suggestions for a field, with the field's name.
#[derive(Debug, Clone, Serialize)]
pub struct Hosts {
    /// `framework:field`.
    pub field: String,
    pub field_name: Trilingual,
    pub asking: Option<City>,
    pub hosts: Vec<Host>,
}

/// Every field a visit may be about, `framework:field` with its name, by key.
pub async fn fields(context: &Context) -> Result<BTreeMap<String, Trilingual>, Error> {
    Ok(crate::practices::framework_fields(context)
        .await?
        .into_iter()
        .collect())
}

/// The Leading Cities that could host a visit about `field`, for the city `asking` (a slug or
/// name; never suggested to itself). An unknown field or city is refused field by field.
pub async fn suggest_hosts(
    context: &Context,
    acting: &Acting,
    field: &str,
    asking: &str,
) -> Result<Hosts, Error> {
    let field = field.trim();
    let field_name = fields(context).await?.remove(field).ok_or_else(|| {
        let problem = if field.is_empty() {
            Problem::new(ProblemKey::Required)
        } else {
            Problem::with_detail(ProblemKey::UnknownField, field)
        };
        Error::field("field", problem)
    })?;
    let asking = match asking.trim() {
        "" => None,
        typed => Some(
            crate::cities::resolve(context, typed)
                .await?
                .map_err(|p| Error::field("city", p))?,
        ),
    };
    let today = chrono::Utc::now().date_naive();
    let candidates = memberships::current_members(&context.db.conn, LEADING_CITIES, today).await?;
    let mut cities = BTreeMap::new();
    for id in &candidates {
        if let Some(city) = city_repo::by_id(&context.db.conn, *id).await? {
            cities.insert(*id, city);
        }
    }
    let mut evidence: BTreeMap<CityId, Evidence> = candidates
        .iter()
        .map(|id| (*id, Evidence::of(*id)))
        .collect();
    let (framework_key, field_key) = field.split_once(':').unwrap_or(("", field));
    for (id, city) in &cities {
        if let Some(e) = evidence.get_mut(id) {
            e.score = best_score(context, acting, city, framework_key, field_key).await?;
            e.outputs = public_outputs_naming(context, *id, &field_name).await?;
        }
    }
    for (city_id, pointer) in published_practices(context, field, &cities)? {
        if let Some(e) = evidence.get_mut(&city_id) {
            e.practices.push(pointer);
        }
    }
    let hosts = suggest(
        evidence.into_values().collect(),
        asking.as_ref().map(|c| c.id),
        LIMIT,
    )
    .into_iter()
    .filter_map(|s| {
        cities.get(&s.city_id).map(|city| Host {
            city: city.clone(),
            strength: s.strength,
            reasons: s.reasons,
        })
    })
    .collect();
    Ok(Hosts {
        field: field.to_owned(),
        field_name,
        asking,
        hosts,
    })
}

/// The city's score on the field in its latest closed assessment on the framework whose results
/// the reader may see.
async fn best_score(
    context: &Context,
    acting: &Acting,
    city: &City,
    framework_key: &str,
    field_key: &str,
) -> Result<Option<FieldScore>, Error> {
    let networks = context.reference.scope_of(
        memberships::networks_of(&context.db.conn, city.id)
            .await?
            .iter()
            .map(String::as_str),
    );
    let mut closed: Vec<_> = assessment_repo::of_city(&context.db.conn, city.id)
        .await?
        .into_iter()
        .filter(|a| a.status == AssessmentStatus::Closed)
        .collect();
    closed.sort_by_key(|a| std::cmp::Reverse((a.starts_on, a.id)));
    for assessment in closed {
        let scope = AssessmentScope {
            city: CityScope {
                id: city.id,
                networks: &networks,
            },
            visibility: assessment.visibility,
            is_facilitator: acting
                .who
                .user_id
                .is_some_and(|u| assessment.facilitators.contains(&u)),
        };
        if acting.require(Action::ViewResults(scope)).is_err() {
            continue;
        }
        let (version, framework) =
            crate::frameworks::load(context, assessment.framework_version_id).await?;
        if version.framework_key != framework_key {
            continue;
        }
        let computed = crate::assessments::computed(context, &assessment, &framework).await?;
        let range = framework.scale.range();
        let mean = computed
            .results
            .fields
            .iter()
            .find(|f| f.key == field_key)
            .and_then(|f| f.mean);
        return Ok(mean.map(|mean| FieldScore {
            assessment_id: assessment.id.get(),
            assessment_title: assessment.title.clone(),
            mean,
            min: f64::from(range.min),
            max: f64::from(range.max),
        }));
    }
    Ok(None)
}

/// The city's public outputs whose title or summary names the field (in any language).
async fn public_outputs_naming(
    context: &Context,
    city_id: CityId,
    field_name: &Trilingual,
) -> Result<Vec<Pointer>, Error> {
    let names: Vec<String> = Lang::ALL
        .iter()
        .map(|l| {
            // "1. Cultural rights" is named "cultural rights" in running text.
            let name = field_name.get(*l);
            name.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace())
                .to_lowercase()
        })
        .filter(|n| !n.trim().is_empty())
        .collect();
    Ok(output_repo::of_city(&context.db.conn, city_id)
        .await?
        .into_iter()
        .filter(|o| o.visibility == Visibility::Public && o.programme_id.is_some())
        .filter(|o| {
            let text = format!("{} {}", o.title, o.summary).to_lowercase();
            names.iter().any(|n| text.contains(n.as_str()))
        })
        .map(|o| Pointer {
            id: o.id.get(),
            slug: String::new(),
            title: o.title,
        })
        .collect())
}

/// The published practices tagged with the field, of the candidate cities: (city, practice).
fn published_practices(
    context: &Context,
    field: &str,
    cities: &BTreeMap<CityId, City>,
) -> Result<Vec<(CityId, Pointer)>, Error> {
    if cities.is_empty() {
        return Ok(Vec::new());
    }
    let by_slug: BTreeMap<&str, CityId> = cities
        .iter()
        .map(|(id, c)| (c.slug.as_str(), *id))
        .collect();
    let mut filters = vec![(FacetKind::Field, field.to_owned())];
    filters.extend(
        by_slug
            .keys()
            .map(|slug| (FacetKind::City, (*slug).to_owned())),
    );
    // Every page of hits (up to the index's deepest), so that no city loses its evidence.
    let mut found = Vec::new();
    let mut offset = 0;
    loop {
        let request = SearchRequest {
            text: String::new(),
            lang: Lang::En,
            filters: filters.clone(),
            sort: Sort::Newest,
            offset,
            limit: MAX_LIMIT,
        };
        let response = context
            .search
            .index
            .search(&request)
            .map_err(|e| Error::Internal(e.to_string()))?;
        let hits = response.hits.len();
        for hit in response.hits {
            for slug in &hit.cities {
                if let Some(id) = by_slug.get(slug.as_str()) {
                    found.push((
                        *id,
                        Pointer {
                            id: hit.id,
                            slug: hit.slug.clone(),
                            title: hit.title.clone(),
                        },
                    ));
                }
            }
        }
        offset += MAX_LIMIT;
        if hits < MAX_LIMIT || offset >= response.total || offset >= MAX_DEPTH {
            break;
        }
    }
    Ok(found)
}
