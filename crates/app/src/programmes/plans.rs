//! A programme's yearly plans as use cases: reading a year's plan with the programme's
//! activities of that year (whoever may see the programme; not found for anyone else; a year
//! outside the period refused with the period's years), and saving it on the revision it was
//! made on (the secretariat).

use super::{load, number_or_text, parse_revision};
use crate::{Acting, Context, Error};
use ateneu_db::programmes::activities::{self as activity_repo, Activity};
use ateneu_db::programmes::plans::{self as repo, Plan};
use ateneu_domain::programmes::plans::{PlanInput, falls_in, year_in, years};
use ateneu_domain::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};

/// A year's plan as its page and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub programme_id: i64,
    pub year: i32,
    /// The years of the programme's period (each has its plan).
    pub years: Vec<i32>,
    /// None until one is saved.
    pub plan: Option<Plan>,
    /// Send this back with a change (0 while none is saved).
    pub revision: i64,
    /// The programme's activities taking place that year, listed from its activities.
    pub activities: Vec<Activity>,
    /// The person may change the plan.
    pub may_manage: bool,
}

/// A year's plan, or not found for whoever may not see the programme.
pub async fn read(
    context: &Context,
    acting: &Acting,
    id: i64,
    year: i32,
) -> Result<PlanView, Error> {
    let (programme, rights) = load(context, acting, id).await?;
    let year = year_in(&programme.draft.period, year).map_err(|p| Error::field("year", p))?;
    let plan = repo::of_year(&context.db.conn, id, year).await?;
    let activities = activity_repo::of_programme(&context.db.conn, id)
        .await?
        .into_iter()
        .filter(|a| falls_in(year, a.draft.starts_on, a.draft.ends_on))
        .collect();
    Ok(PlanView {
        programme_id: id,
        year,
        years: years(&programme.draft.period).collect(),
        revision: plan.as_ref().map_or(0, |p| p.revision),
        plan,
        activities,
        may_manage: rights.may_manage,
    })
}

/// A programme's saved plans, by year (who sees the programme sees them).
pub async fn of_programme(context: &Context, acting: &Acting, id: i64) -> Result<Vec<Plan>, Error> {
    load(context, acting, id).await?;
    Ok(repo::of_programme(&context.db.conn, id).await?)
}

/// What saving a plan takes: the revision it was made on and its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanForm {
    /// The revision the change was made on (0 for the first save).
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    pub objectives: String,
    pub activities: String,
    /// `draft` or `agreed`.
    pub status: String,
}

/// Saves a year's plan (the secretariat) made on `form.revision`.
pub async fn save(
    context: &Context,
    acting: &Acting,
    id: i64,
    year: i32,
    form: &PlanForm,
) -> Result<Plan, Error> {
    let (programme, rights) = load(context, acting, id).await?;
    if !rights.may_manage {
        return Err(Error::Forbidden);
    }
    let year = year_in(&programme.draft.period, year).map_err(|p| Error::field("year", p))?;
    let parsed = PlanInput {
        objectives: form.objectives.clone(),
        activities: form.activities.clone(),
        status: form.status.clone(),
    }
    .parse();
    let revision = match parse_revision(&form.revision) {
        Ok(revision) => revision,
        Err(problem) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.add("revision", problem);
            return Err(Error::Invalid(errors));
        }
    };
    let before = repo::of_year(&context.db.conn, id, year).await?;
    if revision != before.as_ref().map_or(0, |p| p.revision) {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let draft = parsed?;
    let txn = context.db.write().await?;
    let plan = repo::save(
        &txn,
        &acting.who,
        id,
        year,
        before.as_ref(),
        revision,
        &draft,
    )
    .await?;
    txn.commit().await?;
    Ok(plan)
}
