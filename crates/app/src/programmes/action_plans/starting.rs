//! Where a plan starts from (the policy-design workshop): the weakest and the strongest fields
//! of its city's latest closed assessment that the reader may see, each beside published
//! practices of other cities tagged with that field, as inspiration. Nothing the reader may not
//! see on its own is used: an assessment hidden from them is skipped.

use crate::{Acting, Context, Error};
use ateneu_db::assessments as assessment_repo;
use ateneu_domain::Lang;
use ateneu_domain::assessments::series::{self, InSeries};
use ateneu_domain::frameworks::Trilingual;
use ateneu_domain::results::{field_values, strengths_and_weaknesses};
use ateneu_search::{FacetKind, SearchRequest, Sort};
use serde::Serialize;

/// How many weakest and strongest fields are shown.
pub const FIELDS: usize = 3;
/// How many practices of other cities are shown per field.
pub const INSPIRATION: usize = 3;

/// The assessment a plan starts from.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentRef {
    pub id: i64,
    pub title: String,
    pub starts_on: chrono::NaiveDate,
}

/// A published practice of another city.
#[derive(Debug, Clone, Serialize)]
pub struct Inspiration {
    pub slug: String,
    pub title: String,
    pub lang: Lang,
    /// Its cities' slugs.
    pub cities: Vec<String>,
}

/// A field of the assessment with its value, its distance from the assessment's own mean, and
/// practices of other cities tagged with it.
#[derive(Debug, Clone, Serialize)]
pub struct FieldPoint {
    /// `framework:field`.
    pub field: String,
    pub name: Trilingual,
    pub value: f64,
    pub from_own_mean: f64,
    pub inspiration: Vec<Inspiration>,
}

/// What a plan starts from; empty when the reader may see no closed assessment of the city.
#[derive(Debug, Clone, Serialize, Default)]
pub struct StartingPoints {
    pub assessment: Option<AssessmentRef>,
    pub weaknesses: Vec<FieldPoint>,
    pub strengths: Vec<FieldPoint>,
}

/// The starting points of a plan its reader has read (`super::read`), in `lang` (the
/// practices' titles).
pub async fn starting_points(
    context: &Context,
    acting: &Acting,
    plan: &super::ActionPlanView,
    lang: Lang,
) -> Result<StartingPoints, Error> {
    let city = &plan.output.city;
    let networks = crate::cities::scope_networks(context, city.id).await?;
    let all = assessment_repo::of_city(&context.db.conn, city.id).await?;
    let found = series::latest(all.iter().map(|a| InSeries {
        id: a.id,
        starts_on: a.starts_on,
        status: a.status,
        framework: "",
        visible: crate::assessments::may_see_in(acting, a, &networks),
    }));
    let Some(assessment) = found.and_then(|found| all.iter().find(|a| a.id == found.id)) else {
        return Ok(StartingPoints::default());
    };
    let (version, framework) =
        crate::frameworks::load(context, assessment.framework_version_id).await?;
    let computed = crate::assessments::computed(context, assessment, &framework).await?;
    let found = strengths_and_weaknesses(&field_values(&computed.results), None, FIELDS);
    let names: std::collections::BTreeMap<&str, &Trilingual> = framework
        .domains
        .iter()
        .flat_map(|d| d.fields.iter())
        .map(|f| (f.key.as_str(), &f.text))
        .collect();
    let point = |deviation: &ateneu_domain::results::Deviation| -> Result<FieldPoint, Error> {
        let field = format!("{}:{}", version.framework_key, deviation.key);
        Ok(FieldPoint {
            inspiration: inspiration(context, &field, &city.slug, lang)?,
            name: names
                .get(deviation.key.as_str())
                .map(|n| (*n).clone())
                .unwrap_or_else(|| Trilingual {
                    en: deviation.key.clone(),
                    fr: deviation.key.clone(),
                    es: deviation.key.clone(),
                }),
            field,
            value: deviation.value,
            from_own_mean: deviation.from_own_mean,
        })
    };
    Ok(StartingPoints {
        weaknesses: found
            .weaknesses
            .iter()
            .map(point)
            .collect::<Result<_, _>>()?,
        strengths: found
            .strengths
            .iter()
            .map(point)
            .collect::<Result<_, _>>()?,
        assessment: Some(AssessmentRef {
            id: assessment.id.get(),
            title: assessment.title.clone(),
            starts_on: assessment.starts_on,
        }),
    })
}

/// The newest published practices tagged with `field` that are not the city's own.
pub(crate) fn inspiration(
    context: &Context,
    field: &str,
    city_slug: &str,
    lang: Lang,
) -> Result<Vec<Inspiration>, Error> {
    let request = SearchRequest {
        text: String::new(),
        lang,
        filters: vec![(FacetKind::Field, field.to_owned())],
        sort: Sort::Newest,
        offset: 0,
        limit: 50,
    };
    let response = context
        .search
        .index
        .search(&request)
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(response
        .hits
        .into_iter()
        .filter(|hit| !hit.cities.iter().any(|c| c == city_slug))
        .take(INSPIRATION)
        .map(|hit| Inspiration {
            slug: hit.slug,
            title: hit.title,
            lang: hit.lang,
            cities: hit.cities,
        })
        .collect())
}
