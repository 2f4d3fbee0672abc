//! Benchmark sets: a set entered by the secretariat (a name and a value per field), and a set
//! computed from the published assessments of a network's current members (recomputing
//! replaces it).

use super::load;
use crate::assessments::{self, Loaded};
use crate::{Acting, Context, Error};
pub use ateneu_db::frameworks::BenchmarkSet;
use ateneu_db::frameworks::{self as repo, ComputedFrom};
use ateneu_domain::ProblemKey;
use ateneu_domain::frameworks::{Trilingual, computed_benchmark_key, is_benchmark_key};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::ids::CityId;
use ateneu_domain::ids::FrameworkVersionId;
use ateneu_domain::permissions::Action;
use ateneu_domain::reference::Network;
use ateneu_domain::results::{Candidate, Results, average_field_values, counts_for_benchmark};
use ateneu_domain::{Lang, Problem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A benchmark set as entered: a name in three languages and a value per field key.
#[derive(Debug, Clone, Deserialize)]
pub struct BenchmarkInput {
    pub name: Trilingual,
    pub values: BTreeMap<String, f64>,
}

/// Stores a benchmark set for a framework: every key must be one of its fields and every value
/// must lie on its scale.
pub async fn save_benchmark(
    state: &Context,
    acting: &Acting,
    version_id: FrameworkVersionId,
    key: &str,
    input: &BenchmarkInput,
) -> Result<i64, Error> {
    acting.require(Action::ManageFrameworks)?;
    let (version, framework) = load(state, version_id).await?;
    framework.check_benchmark(key, &input.name, &input.values)?;
    let txn = state.db.write().await?;
    let id = repo::save_benchmark(
        &txn,
        &acting.who,
        &version.framework_key,
        key,
        &input.name,
        &input.values,
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// A framework's benchmark sets.
pub async fn benchmarks(state: &Context, framework_key: &str) -> Result<Vec<BenchmarkSet>, Error> {
    Ok(repo::benchmarks(&state.db.conn, framework_key).await?)
}

/// What to compute: the network whose members' published assessments are averaged.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ComputeInput {
    /// A network's key (`uclg-culture`, `leading-cities`, `uccn`…).
    pub network: String,
}

/// A computed benchmark set as saved, with what went into it.
#[derive(Debug, Clone, Serialize)]
pub struct ComputedSet {
    #[serde(flatten)]
    pub set: BenchmarkSet,
    pub network: String,
    /// How many assessments went in.
    pub n: u32,
    /// How many assessments gave a value, per field.
    pub counts: BTreeMap<String, u32>,
    /// The assessments that went in.
    pub assessments: Vec<AssessmentId>,
}

/// The network asked for, or the form's problem with it.
fn network_of<'a>(state: &'a Context, input: &ComputeInput) -> Result<&'a Network, Error> {
    let key = input.network.trim();
    if key.is_empty() {
        return Err(Error::field("network", Problem::new(ProblemKey::Required)));
    }
    state.reference.network(key).ok_or_else(|| {
        Error::field(
            "network",
            Problem::with_detail(ProblemKey::UnknownNetwork, key),
        )
    })
}

/// The networks this person may compute a benchmark for.
pub fn computable_networks<'a>(state: &'a Context, acting: &Acting) -> Vec<&'a Network> {
    state
        .reference
        .networks
        .iter()
        .filter(|n| {
            acting.actor.allows(Action::ComputeBenchmark(
                &state.reference.with_ancestors(&n.key),
            ))
        })
        .collect()
}

/// Computes the average of the published assessments of a network's current members on a
/// framework version, and saves it as the benchmark set `key` (by default
/// `published-NETWORK`), replacing a set of that key. The network's secretariat only; refused
/// (422, on `network`) when no assessment qualifies.
pub async fn compute_benchmark(
    state: &Context,
    acting: &Acting,
    version_id: FrameworkVersionId,
    key: &str,
    input: &ComputeInput,
) -> Result<ComputedSet, Error> {
    acting.require(Action::ManageFrameworks)?;
    let network = network_of(state, input)?;
    acting.require(Action::ComputeBenchmark(
        &state.reference.with_ancestors(&network.key),
    ))?;
    let key = match key.trim() {
        "" => computed_benchmark_key(&network.key),
        given => given.to_owned(),
    };
    if !is_benchmark_key(&key) {
        return Err(Error::field(
            "key",
            Problem::with_detail(ProblemKey::InvalidKey, key),
        ));
    }
    let (version, framework) = load(state, version_id).await?;
    let (ids, results) = published_results(state, version.id, &network.key).await?;
    let refs: Vec<&Results> = results.iter().map(|c| &c.results).collect();
    let computed = average_field_values(&framework.field_keys(), &framework.scale.range(), &refs);
    if computed.assessments == 0 {
        return Err(Error::field(
            "network",
            Problem::new(ProblemKey::NoPublishedAssessments),
        ));
    }
    let assessments: Vec<AssessmentId> = computed
        .contributors
        .iter()
        .filter_map(|position| ids.get(*position).copied())
        .collect();
    let name = |lang: Lang| {
        state.i18n.format(
            lang,
            "benchmark-computed-name",
            &[
                ("network", network.name.get(lang).to_owned().into()),
                ("count", computed.assessments.into()),
            ],
        )
    };
    let name = Trilingual {
        en: name(Lang::En),
        fr: name(Lang::Fr),
        es: name(Lang::Es),
    };
    if let Err(errors) = framework.check_benchmark(&key, &name, &computed.values) {
        return Err(Error::Internal(format!(
            "a computed benchmark does not fit its framework: {errors:?}"
        )));
    }
    let txn = state.db.write().await?;
    let id = repo::save_computed_benchmark(
        &txn,
        &acting.who,
        &version.framework_key,
        &key,
        &name,
        &computed.values,
        &ComputedFrom {
            network: &network.key,
            framework_version_id: version.id,
            assessments: &assessments,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(ComputedSet {
        set: BenchmarkSet {
            id,
            framework_key: version.framework_key.clone(),
            key,
            name,
            values: computed.values,
        },
        network: network.key.clone(),
        n: computed.assessments,
        counts: computed.counts,
        assessments,
    })
}

/// The ids and results of the assessments that count for a benchmark of `network` on a
/// framework version today (see `counts_for_benchmark`).
async fn published_results(
    state: &Context,
    version_id: FrameworkVersionId,
    network: &str,
) -> Result<
    (
        Vec<AssessmentId>,
        Vec<std::sync::Arc<assessments::Computed>>,
    ),
    Error,
> {
    let candidates =
        ateneu_db::assessments::published_on_version(&state.db.conn, version_id).await?;
    let cities: Vec<CityId> = candidates.iter().map(|a| a.city_id).collect();
    let memberships = ateneu_db::memberships::of_cities(&state.db.conn, &cities).await?;
    let today = chrono::Utc::now().date_naive();
    let (mut ids, mut results) = (Vec::new(), Vec::new());
    for assessment in candidates {
        let drafts: Vec<_> = memberships
            .get(&assessment.city_id)
            .map(|list| list.iter().map(|m| m.draft.clone()).collect())
            .unwrap_or_default();
        let candidate = Candidate {
            status: assessment.status,
            visibility: assessment.visibility,
            framework_version_id: assessment.framework_version_id,
            memberships: &drafts,
        };
        if !counts_for_benchmark(&candidate, version_id, network, today, &state.reference) {
            continue;
        }
        let id = assessment.id;
        let loaded: Loaded = assessments::complete(state, assessment).await?;
        results.push(assessments::computed(state, &loaded.assessment, &loaded.framework).await?);
        ids.push(id);
    }
    Ok((ids, results))
}
