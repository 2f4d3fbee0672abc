//! A programme's activities as use cases: reading one (not found for whoever may not see its
//! programme), adding one from the catalogue or custom (the programme's managers), and saving a
//! change on the revision it was made on. Days fall inside the programme's period.

use super::{ProgrammeRights, catalogue, load, number_or_text, parse_revision};
use crate::{Acting, Context, Error};
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::programmes::Programme;
use ateneu_db::programmes::activities::{self as repo, Activity};
use ateneu_db::programmes::budget::{self as budget_repo, BudgetLine};
use ateneu_domain::programmes::activities::ActivityInput;
use ateneu_domain::programmes::catalogue::CatalogueActivity;
use ateneu_domain::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};

/// An activity as its page and the API show it: its programme and city, the catalogue's
/// description when it comes from the catalogue, the budget lines that pay for it.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityView {
    #[serde(flatten)]
    pub activity: Activity,
    pub programme: Programme,
    pub city: City,
    pub catalogue: Option<CatalogueActivity>,
    pub budget_lines: Vec<BudgetLine>,
    #[serde(flatten)]
    pub rights: ProgrammeRights,
}

/// What adding or changing an activity takes: the revision the change was made on (when
/// changing) and the activity's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    #[serde(flatten)]
    pub activity: ActivityInput,
}

impl ActivityForm {
    /// The form as an activity shows it (to change it).
    pub fn of(activity: &Activity) -> ActivityForm {
        ActivityForm {
            revision: activity.revision.to_string(),
            activity: activity.draft.input(),
        }
    }
}

/// An activity of a programme the person may see; not found otherwise, and for an activity
/// of another programme.
pub async fn read(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
) -> Result<ActivityView, Error> {
    let (programme, rights) = load(context, acting, programme_id).await?;
    let activity = repo::by_id(&context.db.conn, activity_id)
        .await?
        .filter(|a| a.programme_id == programme_id)
        .ok_or(Error::NotFound)?;
    let city = city_repo::by_id(&context.db.conn, programme.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let catalogue = activity
        .draft
        .catalogue_key
        .as_deref()
        .and_then(|key| catalogue::current(context).catalogue.activity(key).cloned());
    let budget_lines = budget_repo::of_programme(&context.db.conn, programme_id)
        .await?
        .into_iter()
        .filter(|line| line.draft.activity_id == Some(activity_id))
        .collect();
    Ok(ActivityView {
        activity,
        programme,
        city,
        catalogue,
        budget_lines,
        rights,
    })
}

/// Adds an activity to a programme (its managers): from the catalogue or custom, inside the
/// programme's period.
pub async fn add(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    input: &ActivityInput,
) -> Result<Activity, Error> {
    let (_, rights) = load(context, acting, programme_id).await?;
    if !rights.may_manage {
        return Err(Error::Forbidden);
    }
    let txn = context.db.write().await?;
    // The period is read inside the write: a change to it meanwhile cannot let a day slip out.
    let programme = ateneu_db::programmes::by_id(&*txn, programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let draft = input.parse(
        &catalogue::current(context).catalogue,
        &programme.draft.period,
    )?;
    let activity = repo::create(&txn, &acting.who, programme_id, &draft).await?;
    txn.commit().await?;
    Ok(activity)
}

/// Saves a change to an activity made on `form.revision` (refused when someone saved since).
pub async fn update(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
    form: &ActivityForm,
) -> Result<Activity, Error> {
    let view = read(context, acting, programme_id, activity_id).await?;
    if !view.rights.may_manage {
        return Err(Error::Forbidden);
    }
    let revision = match parse_revision(&form.revision) {
        Ok(revision) => revision,
        Err(problem) => return Err(Error::field("revision", problem)),
    };
    if revision != view.activity.revision {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let txn = context.db.write().await?;
    let programme = ateneu_db::programmes::by_id(&*txn, programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let draft = form.activity.parse(
        &catalogue::current(context).catalogue,
        &programme.draft.period,
    )?;
    let activity = repo::update(&txn, &acting.who, &view.activity, revision, &draft).await?;
    txn.commit().await?;
    Ok(activity)
}
