//! An assessment read with what it is seen through: its framework version, its module, its
//! city and the city's networks; which of them a person may see, and what they may do with one
//! (404 to whoever may not see it at all); and the results shown beside it (the previous
//! assessment of the city the reader may see, a benchmark set).

use super::computed;
use crate::cities::City;
use crate::{Acting, Context, Error, frameworks};
use ateneu_db::assessments::{self as repo, Assessment};
use ateneu_db::frameworks::{BenchmarkSet, StoredVersion};
use ateneu_domain::Lang;
use ateneu_domain::assessments::series::{self, InSeries};
use ateneu_domain::assessments::{AssessmentStatus, ScoreRange};
use ateneu_domain::frameworks::{Framework, Module};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::{Action, Actor, AssessmentScope, CityScope};
use ateneu_domain::results::{RatedItem, field_values};
use std::collections::BTreeMap;
use std::sync::Arc;

/// An assessment with its framework version, module and city.
pub struct Loaded {
    pub assessment: Assessment,
    pub version: StoredVersion,
    pub framework: Arc<Framework>,
    pub city: City,
    /// The city's networks with those above them.
    pub networks: Vec<String>,
}

impl Loaded {
    /// The module the assessment rates.
    pub fn module(&self) -> Result<&Module, Error> {
        self.framework
            .module(&self.assessment.module)
            .ok_or_else(|| Error::Internal(format!("module {} is missing", self.assessment.module)))
    }

    /// The items the assessment rates, in the module's order.
    pub fn items(&self) -> Result<Vec<RatedItem>, Error> {
        Ok(self.framework.rated_items(self.module()?))
    }

    pub fn range(&self) -> ScoreRange {
        self.framework.scale.range()
    }

    /// The assessment as the policies see it, for this person.
    pub fn scope(&self, actor: &Actor) -> AssessmentScope<'_> {
        AssessmentScope {
            city: CityScope {
                id: self.city.id,
                networks: &self.networks,
            },
            visibility: self.assessment.visibility,
            is_facilitator: actor
                .user_id
                .is_some_and(|user| self.assessment.facilitators.contains(&user)),
        }
    }

    /// Whether this person may see the assessment at all (its results, or run it).
    pub fn is_visible_to(&self, actor: &Actor) -> bool {
        let scope = self.scope(actor);
        actor.allows(Action::ViewResults(scope)) || actor.allows(Action::RunAssessment(scope))
    }

    /// An item's text in a language (a module's own items included).
    pub fn item_text(&self, key: &str, lang: Lang) -> String {
        self.framework
            .text_of(key)
            .map_or_else(|| key.to_owned(), |t| t.get(lang).to_owned())
    }
}

/// An assessment by its id, whoever asks (the callers check who may see it).
pub async fn load(context: &Context, id: AssessmentId) -> Result<Loaded, Error> {
    let assessment = repo::get(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    complete(context, assessment).await
}

/// An assessment already read, with its framework version, city and the city's networks.
pub async fn complete(context: &Context, assessment: Assessment) -> Result<Loaded, Error> {
    let (version, framework) = frameworks::load(context, assessment.framework_version_id).await?;
    let city = crate::cities::by_id(context, assessment.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let networks = crate::cities::scope_networks(context, city.id).await?;
    Ok(Loaded {
        assessment,
        version,
        framework,
        city,
        networks,
    })
}

/// The assessments of a list that this person may see, in the list's order.
pub async fn visible(
    context: &Context,
    acting: &Acting,
    assessments: Vec<Assessment>,
) -> Result<Vec<Loaded>, Error> {
    let mut shown = Vec::new();
    for assessment in assessments {
        let loaded = complete(context, assessment).await?;
        if loaded.is_visible_to(&acting.actor) {
            shown.push(loaded);
        }
    }
    Ok(shown)
}

/// Every assessment this person may see, newest first.
pub async fn all_visible(context: &Context, acting: &Acting) -> Result<Vec<Loaded>, Error> {
    visible(context, acting, repo::all(&context.db.conn).await?).await
}

/// A city's assessments that this person may see, newest first.
pub async fn of_city_visible(
    context: &Context,
    acting: &Acting,
    city: CityId,
) -> Result<Vec<Loaded>, Error> {
    visible(
        context,
        acting,
        repo::of_city(&context.db.conn, city).await?,
    )
    .await
}

/// What a person wants to do with an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Results,
    Run,
    Reopen,
}

/// Loads an assessment the person may use for `need`. One who may not even see it gets 404,
/// signed in or not (a confidential or network-only workshop's existence is not disclosed);
/// one who sees it but may not do this is asked to sign in (401) or refused (403).
pub async fn load_for(
    context: &Context,
    acting: &Acting,
    id: AssessmentId,
    need: Need,
) -> Result<Loaded, Error> {
    let loaded = load(context, id).await?;
    let actor = &acting.actor;
    let scope = loaded.scope(actor);
    let sees = loaded.is_visible_to(actor);
    let allowed = match need {
        Need::Results => sees,
        Need::Run => actor.allows(Action::RunAssessment(scope)),
        Need::Reopen => actor.allows(Action::ReopenAssessment(scope)),
    };
    match (allowed, sees, acting.is_signed_in()) {
        (true, _, _) => Ok(loaded),
        (false, false, _) => Err(Error::NotFound),
        (false, true, false) => Err(Error::SignInRequired),
        (false, true, true) => Err(Error::Forbidden),
    }
}

/// The previous assessment of the city that this person may see (`series::previous`): its
/// label and field values, for the radar's second series and the report.
pub async fn previous(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
) -> Result<Option<(String, BTreeMap<String, f64>)>, Error> {
    let current = InSeries {
        id: loaded.assessment.id,
        starts_on: loaded.assessment.starts_on,
        status: loaded.assessment.status,
        framework: &loaded.version.framework_key,
        visible: true,
    };
    let mut others = Vec::new();
    for assessment in repo::of_city(&context.db.conn, loaded.city.id).await? {
        if assessment.id != current.id && assessment.status == AssessmentStatus::Closed {
            others.push(complete(context, assessment).await?);
        }
    }
    let series = others.iter().map(|other| InSeries {
        id: other.assessment.id,
        starts_on: other.assessment.starts_on,
        status: other.assessment.status,
        framework: &other.version.framework_key,
        visible: other.is_visible_to(&acting.actor),
    });
    let Some(found) = series::previous(&current, series) else {
        return Ok(None);
    };
    let Some(other) = others.iter().find(|o| o.assessment.id == found.id) else {
        return Ok(None);
    };
    let results = computed(context, &other.assessment, &other.framework).await?;
    let values = field_values(&results.results)
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    Ok(Some((
        format!(
            "{} ({})",
            other.assessment.title, other.assessment.starts_on
        ),
        values,
    )))
}

/// The benchmark set asked for (`none`: no set), or the framework's first.
pub async fn benchmark(
    context: &Context,
    loaded: &Loaded,
    key: Option<&str>,
) -> Result<Option<BenchmarkSet>, Error> {
    let sets = frameworks::benchmarks(context, &loaded.version.framework_key).await?;
    Ok(match key {
        Some("none") => None,
        Some(key) => sets.into_iter().find(|s| s.key == key),
        None => sets.into_iter().next(),
    })
}
