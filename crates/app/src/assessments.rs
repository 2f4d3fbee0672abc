//! Culture 21 Lab assessments' use cases, shared by the pages, the API and the offline
//! packages: an assessment read with what the reader may do with it (`loaded`), running the
//! workshop (`workshop`), its invitations and the participants' part, and the computed results
//! of an assessment, kept once per revision in each process (here).

pub mod invitations;
mod loaded;
pub mod participation;
pub mod workshop;

pub use loaded::{
    Loaded, Need, all_visible, benchmark, complete, load, load_for, of_city_visible, previous,
    visible,
};
pub use workshop::AssessmentInput;

use crate::{Context, Error};
use ateneu_db::assessments as repo;
pub use ateneu_db::assessments::{Assessment, StoredResponse};
use ateneu_domain::assessments::{Answer, Consensus};
use ateneu_domain::frameworks::Framework;
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::results::{ResponseAnswers, Results, compute};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// Everything computed from an assessment's submitted responses.
pub struct Computed {
    pub results: Results,
    pub consensus: BTreeMap<String, Consensus>,
    pub responses: Vec<StoredResponse>,
    pub drafts: usize,
    pub invitations: u64,
}

/// Computed results by assessment, valid for one revision (every response, consensus score,
/// invitation or status change bumps the revision, in whichever process it happens).
#[derive(Default)]
pub struct ResultsCache {
    entries: Mutex<HashMap<AssessmentId, (i64, Arc<Computed>)>>,
}

impl ResultsCache {
    /// How many assessments are kept before the cache starts again.
    const CAPACITY: usize = 64;

    /// The results computed for this revision of the assessment, if any.
    pub fn get(&self, assessment: AssessmentId, revision: i64) -> Option<Arc<Computed>> {
        let entries = self.entries.lock().ok()?;
        let (kept, computed) = entries.get(&assessment)?;
        (*kept == revision).then(|| computed.clone())
    }

    pub fn put(&self, assessment: AssessmentId, revision: i64, computed: Arc<Computed>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() > Self::CAPACITY {
                entries.clear();
            }
            entries.insert(assessment, (revision, computed));
        }
    }
}

/// The assessment's results on its framework version, computed once per revision.
pub async fn computed(
    context: &Context,
    assessment: &Assessment,
    framework: &Framework,
) -> Result<Arc<Computed>, Error> {
    if let Some(computed) = context.results.get(assessment.id, assessment.revision) {
        return Ok(computed);
    }
    let fresh = Arc::new(compute_fresh(context, assessment, framework).await?);
    context
        .results
        .put(assessment.id, assessment.revision, fresh.clone());
    Ok(fresh)
}

async fn compute_fresh(
    context: &Context,
    assessment: &Assessment,
    framework: &Framework,
) -> Result<Computed, Error> {
    let module = framework
        .module(&assessment.module)
        .ok_or_else(|| Error::Internal(format!("module {} is missing", assessment.module)))?;
    let id = assessment.id;
    let all = repo::responses(&context.db.conn, id).await?;
    let consensus = repo::consensus(&context.db.conn, id).await?;
    let invitations = repo::invitation_count(&context.db.conn, id).await?;
    let drafts = all.iter().filter(|r| !r.submitted).count();
    let responses: Vec<StoredResponse> = all.into_iter().filter(|r| r.submitted).collect();
    let answers: Vec<ResponseAnswers<'_>> = responses
        .iter()
        .map(|r| ResponseAnswers {
            sector: r.participation.sector,
            answers: &r.participation.answers,
        })
        .collect();
    let agreed: BTreeMap<String, Answer> = consensus
        .iter()
        .map(|(k, c)| (k.clone(), c.score))
        .collect();
    let results = compute(
        &framework.scale.range(),
        &framework.rated_items(module),
        &answers,
        &agreed,
    );
    Ok(Computed {
        results,
        consensus,
        responses,
        drafts,
        invitations,
    })
}

/// Whether the person may see this assessment on its own (its results, or run it): what any
/// page that shows it inside another record asks first.
pub async fn may_see(
    context: &Context,
    acting: &crate::Acting,
    assessment: &Assessment,
) -> Result<bool, Error> {
    let networks = crate::cities::scope_networks(context, assessment.city_id).await?;
    Ok(may_see_in(acting, assessment, &networks))
}

/// Whether the person may see the assessment on its own, its city's networks read already
/// (`cities::scope_networks`): for many assessments of one city.
pub fn may_see_in(acting: &crate::Acting, assessment: &Assessment, networks: &[String]) -> bool {
    use ateneu_domain::permissions::{Action, AssessmentScope, CityScope};
    let scope = AssessmentScope {
        city: CityScope {
            id: assessment.city_id,
            networks,
        },
        visibility: assessment.visibility,
        is_facilitator: acting
            .who
            .user_id
            .is_some_and(|u| assessment.facilitators.contains(&u)),
    };
    acting.require(Action::ViewResults(scope)).is_ok()
        || acting.require(Action::RunAssessment(scope)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn computed(drafts: usize) -> Arc<Computed> {
        Arc::new(Computed {
            results: Results {
                responses: 0,
                items: Vec::new(),
                fields: Vec::new(),
                domains: Vec::new(),
                sectors: Vec::new(),
                disagreements: Vec::new(),
            },
            consensus: BTreeMap::new(),
            responses: Vec::new(),
            drafts,
            invitations: 0,
        })
    }

    #[test]
    fn results_serve_only_the_revision_they_were_computed_for() {
        let cache = ResultsCache::default();
        assert!(cache.get(AssessmentId::new(1), 3).is_none());
        cache.put(AssessmentId::new(1), 3, computed(2));
        assert_eq!(
            cache.get(AssessmentId::new(1), 3).map(|c| c.drafts),
            Some(2)
        );
        assert!(
            cache.get(AssessmentId::new(1), 4).is_none(),
            "a later revision is computed again"
        );
        assert!(cache.get(AssessmentId::new(2), 3).is_none());
        cache.put(AssessmentId::new(1), 4, computed(5));
        assert_eq!(
            cache.get(AssessmentId::new(1), 4).map(|c| c.drafts),
            Some(5)
        );
        assert!(
            cache.get(AssessmentId::new(1), 3).is_none(),
            "the older revision is gone"
        );
    }

    #[test]
    fn the_cache_stays_bounded() {
        let cache = ResultsCache::default();
        for id in 0..500 {
            cache.put(AssessmentId::new(id), 1, computed(0));
        }
        let kept = cache.entries.lock().map(|e| e.len()).unwrap_or(usize::MAX);
        assert!(kept <= ResultsCache::CAPACITY + 1, "{kept}");
    }
}
