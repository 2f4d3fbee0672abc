//! A city's profile as a use case: what tells the city's story as evidence, each part only as
//! its reader may see it on its own — the city's outputs (a confidential one is left out, not
//! named), the action plans among them with their progress, its indicator series with their
//! statuses, and its published practices. The radars of its assessments are put beside these
//! by the web layer, from the assessments its reader may see.

use crate::indicators::values::{self, CityIndicators};
use crate::programmes::action_plans::{self, ActionPlanView};
use crate::programmes::experts::engaged_activities;
use crate::programmes::outputs::may_see;
use crate::{Acting, Context, Error};
use ateneu_db::cities::City;
use ateneu_db::outputs::Output;
use ateneu_db::practices::{Practice, PracticeFilter};
use ateneu_domain::permissions::CityScope;
use ateneu_domain::practices::Stage;
use ateneu_domain::programmes::catalogue::OutputKind;
use serde::Serialize;

/// The most published practices a profile lists (the newest first).
pub const MOST_PRACTICES: u64 = 50;

/// What a reader may see of a city's story, besides its assessments.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    /// The city's outputs the reader may see, newest first.
    pub outputs: Vec<Output>,
    /// The action plans among those outputs, each with its items and progress.
    pub plans: Vec<ActionPlanView>,
    pub indicators: CityIndicators,
    /// Its published practices, newest first (at most `MOST_PRACTICES`), and how many it has.
    #[serde(skip)]
    pub practices: Vec<Practice>,
    pub practice_count: u64,
}

pub async fn read(context: &Context, acting: &Acting, city: &City) -> Result<Profile, Error> {
    let networks = super::scope_networks(context, city.id).await?;
    let scope = CityScope {
        id: city.id,
        networks: &networks,
    };
    let engaged = engaged_activities(context, acting).await?;
    let outputs: Vec<Output> = ateneu_db::outputs::of_city(&context.db.conn, city.id)
        .await?
        .into_iter()
        .filter(|output| may_see(context, acting, output, scope, &engaged))
        .collect();
    let mut plans = Vec::new();
    for output in outputs
        .iter()
        .filter(|o| o.kind == OutputKind::ActionPlan.key() && o.programme_id.is_some())
    {
        plans.push(action_plans::read(context, acting, output.id.get()).await?);
    }
    let published = PracticeFilter {
        stages: vec![Stage::Published],
        cities: Some(vec![city.id]),
        ..Default::default()
    };
    let (practices, practice_count) =
        ateneu_db::practices::list(&context.db.conn, &published, 0, MOST_PRACTICES).await?;
    Ok(Profile {
        outputs,
        plans,
        indicators: values::of_city(context, acting, city).await?,
        practices,
        practice_count,
    })
}
