//! The roster of experts and their engagements as use cases. The roster is the Leading Cities'
//! secretariat's (anyone else: not found); an expert's page shows to its keepers and to the
//! expert themself, with the engagements its reader may see. An activity's engagements (fees
//! included) show to whoever may see its programme, and its managers engage, change (on the
//! revision it was made on) and remove them. An expert linked to an account sees the
//! confidential outputs of the activities they are engaged in (`engaged_activities`).

use super::activities::{self as activity_cases, ActivityView};
use super::{number_or_text, parse_revision, programme_networks};
use crate::{Acting, Context, Error};
use ateneu_db::accounts;
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::programmes::activities::{self as activity_repo, Activity};
use ateneu_db::programmes::experts as repo;
pub use ateneu_db::programmes::experts::{Engagement, Expert};
use ateneu_domain::accounts::Email;
use ateneu_domain::ids::AccountId;
use ateneu_domain::permissions::{Action, CityScope, ExpertScope};
use ateneu_domain::programmes::experts::{EngagementInput, ExpertInput};
use ateneu_domain::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Refuses the roster to whoever does not keep it: sign in for anonymous people, not found
/// for the others.
fn require_keeper(context: &Context, acting: &Acting) -> Result<(), Error> {
    let networks = programme_networks(context);
    match acting.require(Action::ManageExperts(&networks)) {
        Err(Error::Forbidden) => Err(Error::NotFound),
        other => other,
    }
}

/// Whether the person keeps the roster.
pub fn may_keep_roster(context: &Context, acting: &Acting) -> bool {
    require_keeper(context, acting).is_ok()
}

/// The whole roster, by name (its keepers).
pub async fn roster(context: &Context, acting: &Acting) -> Result<Vec<Expert>, Error> {
    require_keeper(context, acting)?;
    Ok(repo::all(&context.db.conn).await?)
}

/// One of an expert's engagements as their page shows it: the activity, its programme's city.
#[derive(Debug, Clone, Serialize)]
pub struct PastEngagement {
    #[serde(flatten)]
    pub engagement: Engagement,
    pub activity: Activity,
    pub city: City,
}

/// An expert as their page and the API show them.
#[derive(Debug, Clone, Serialize)]
pub struct ExpertView {
    #[serde(flatten)]
    pub expert: Expert,
    /// The e-mail of the linked account.
    pub account: Option<String>,
    /// The engagements the reader may see (whoever may see their programme; the expert sees
    /// their own), latest first.
    pub engagements: Vec<PastEngagement>,
    /// The reader keeps the roster (may change the expert).
    pub may_manage: bool,
}

/// An expert, or not found for whoever may neither keep the roster nor is that expert.
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<ExpertView, Error> {
    let expert = repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let networks = programme_networks(context);
    let is_self = expert.draft.user_id.is_some()
        && expert.draft.user_id == acting.actor.user_id.map(AccountId::get);
    let scope = ExpertScope {
        networks: &networks,
        is_self,
    };
    if acting.require(Action::ViewExpert(scope)).is_err() {
        return Err(Error::NotFound);
    }
    let account = match expert.draft.user_id {
        Some(user) => accounts::user_by_id(&context.db.conn, AccountId::new(user))
            .await?
            .map(|u| u.email),
        None => None,
    };
    let mut engagements = Vec::new();
    for engagement in repo::of_expert(&context.db.conn, id).await? {
        let Some(activity) = activity_repo::by_id(&context.db.conn, engagement.activity_id).await?
        else {
            continue;
        };
        let Some(programme) =
            ateneu_db::programmes::by_id(&context.db.conn, engagement.programme_id).await?
        else {
            continue;
        };
        let sees_programme = acting
            .require(Action::ViewProgramme(CityScope {
                id: programme.city_id,
                networks: &networks,
            }))
            .is_ok();
        if !(sees_programme || is_self) {
            continue;
        }
        let Some(city) = city_repo::by_id(&context.db.conn, programme.city_id).await? else {
            continue;
        };
        engagements.push(PastEngagement {
            engagement,
            activity,
            city,
        });
    }
    Ok(ExpertView {
        may_manage: may_keep_roster(context, acting),
        expert,
        account,
        engagements,
    })
}

/// The account an expert's form names, by its e-mail: none when empty.
async fn account(
    context: &Context,
    given: &str,
) -> Result<Result<Option<AccountId>, Problem>, Error> {
    if given.trim().is_empty() {
        return Ok(Ok(None));
    }
    let email = match Email::parse(given) {
        Ok(email) => email,
        Err(problem) => return Ok(Err(problem)),
    };
    Ok(accounts::user_by_email(&context.db.conn, &email)
        .await?
        .map(|u| Some(u.id))
        .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownAccount, given.trim())))
}

/// Parses an expert's fields against the imported frameworks' fields and the accounts.
async fn parse_expert(
    context: &Context,
    input: &ExpertInput,
) -> Result<ateneu_domain::programmes::experts::ExpertDraft, Error> {
    let fields = crate::practices::framework_fields(context).await?;
    let account = account(context, &input.account).await?;
    let account = account.map(|found| found.map(AccountId::get));
    Ok(input.parse(|key| fields.contains_key(key), account)?)
}

/// Refuses an account that is already another expert's (read inside the write).
async fn check_account(
    txn: &ateneu_db::WriteTxn<'_>,
    user_id: Option<i64>,
    except: Option<i64>,
) -> Result<(), Error> {
    if let Some(user) = user_id
        && let Some(other) = repo::by_user(&**txn, AccountId::new(user)).await?
        && Some(other.id) != except
    {
        return Err(Error::field(
            "account",
            Problem::with_detail(ProblemKey::AccountLinkedElsewhere, other.draft.name),
        ));
    }
    Ok(())
}

/// Adds an expert to the roster (its keepers).
pub async fn create(
    context: &Context,
    acting: &Acting,
    input: &ExpertInput,
) -> Result<Expert, Error> {
    let networks = programme_networks(context);
    acting.require(Action::ManageExperts(&networks))?;
    let draft = parse_expert(context, input).await?;
    let txn = context.db.write().await?;
    check_account(&txn, draft.user_id, None).await?;
    let expert = repo::create(&txn, &acting.who, &draft).await?;
    txn.commit().await?;
    Ok(expert)
}

/// What changing an expert takes: the revision it was made on and the expert's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExpertForm {
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    #[serde(flatten)]
    pub expert: ExpertInput,
}

impl ExpertForm {
    /// The form as an expert's page shows it (to change it).
    pub fn of(view: &ExpertView) -> ExpertForm {
        ExpertForm {
            revision: view.expert.revision.to_string(),
            expert: view.expert.draft.input(view.account.as_deref()),
        }
    }
}

/// Saves a change to an expert made on `form.revision` (refused when someone saved since).
pub async fn update(
    context: &Context,
    acting: &Acting,
    id: i64,
    form: &ExpertForm,
) -> Result<Expert, Error> {
    let view = read(context, acting, id).await?;
    if !view.may_manage {
        return Err(Error::Forbidden);
    }
    let revision = parse_revision(&form.revision).map_err(|p| Error::field("revision", p))?;
    if revision != view.expert.revision {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let draft = parse_expert(context, &form.expert).await?;
    let txn = context.db.write().await?;
    check_account(&txn, draft.user_id, Some(id)).await?;
    let expert = repo::update(&txn, &acting.who, &view.expert, revision, &draft).await?;
    txn.commit().await?;
    Ok(expert)
}

/// An engagement with its expert, as an activity's page and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct EngagementView {
    #[serde(flatten)]
    pub engagement: Engagement,
    pub expert: Expert,
}

/// An activity's engagements with their experts (whoever may see its programme).
pub async fn of_activity(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
) -> Result<Vec<EngagementView>, Error> {
    activity_cases::read(context, acting, programme_id, activity_id).await?;
    with_experts(
        context,
        repo::of_activity(&context.db.conn, activity_id).await?,
    )
    .await
}

/// The engagements of an activity already read (its reader may see its programme).
pub async fn of_activity_read(
    context: &Context,
    view: &ActivityView,
) -> Result<Vec<EngagementView>, Error> {
    with_experts(
        context,
        repo::of_activity(&context.db.conn, view.activity.id).await?,
    )
    .await
}

async fn with_experts(
    context: &Context,
    engagements: Vec<Engagement>,
) -> Result<Vec<EngagementView>, Error> {
    let mut views = Vec::with_capacity(engagements.len());
    for engagement in engagements {
        if let Some(expert) = repo::by_id(&context.db.conn, engagement.draft.expert_id).await? {
            views.push(EngagementView { engagement, expert });
        }
    }
    Ok(views)
}

/// The activity, when the person manages its programme; not found or forbidden otherwise.
async fn managed(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
) -> Result<ActivityView, Error> {
    let view = activity_cases::read(context, acting, programme_id, activity_id).await?;
    if !view.rights.may_manage {
        return Err(Error::Forbidden);
    }
    Ok(view)
}

/// Parses an engagement against the roster and the programme's period read in the write.
async fn parse_engagement(
    txn: &ateneu_db::WriteTxn<'_>,
    programme_id: i64,
    input: &EngagementInput,
) -> Result<ateneu_domain::programmes::experts::EngagementDraft, Error> {
    let programme = ateneu_db::programmes::by_id(&**txn, programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let experts: Vec<i64> = repo::all(&**txn).await?.iter().map(|e| e.id).collect();
    Ok(input.parse(&experts, &programme.draft.period)?)
}

/// Engages an expert of the roster on an activity (the programme's managers), on days inside
/// the programme's period.
pub async fn engage(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
    input: &EngagementInput,
) -> Result<Engagement, Error> {
    managed(context, acting, programme_id, activity_id).await?;
    let txn = context.db.write().await?;
    let draft = parse_engagement(&txn, programme_id, input).await?;
    let engagement = repo::engage(&txn, &acting.who, (programme_id, activity_id), &draft).await?;
    txn.commit().await?;
    Ok(engagement)
}

/// What changing an engagement takes: the revision it was made on and its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngagementForm {
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    #[serde(flatten)]
    pub engagement: EngagementInput,
}

impl EngagementForm {
    /// The form as an engagement shows it (to change it).
    pub fn of(engagement: &Engagement) -> EngagementForm {
        EngagementForm {
            revision: engagement.revision.to_string(),
            engagement: engagement.draft.input(),
        }
    }
}

/// The engagement of this activity, or not found.
async fn engagement_of(
    context: &Context,
    activity_id: i64,
    engagement_id: i64,
) -> Result<Engagement, Error> {
    repo::engagement_by_id(&context.db.conn, engagement_id)
        .await?
        .filter(|e| e.activity_id == activity_id)
        .ok_or(Error::NotFound)
}

/// Saves a change to an engagement made on `form.revision` (refused when someone saved since).
pub async fn update_engagement(
    context: &Context,
    acting: &Acting,
    (programme_id, activity_id, engagement_id): (i64, i64, i64),
    form: &EngagementForm,
) -> Result<Engagement, Error> {
    managed(context, acting, programme_id, activity_id).await?;
    let before = engagement_of(context, activity_id, engagement_id).await?;
    let revision = parse_revision(&form.revision).map_err(|p| Error::field("revision", p))?;
    if revision != before.revision {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let txn = context.db.write().await?;
    let draft = parse_engagement(&txn, programme_id, &form.engagement).await?;
    let engagement = repo::update_engagement(&txn, &acting.who, &before, revision, &draft).await?;
    txn.commit().await?;
    Ok(engagement)
}

/// Removes an engagement (the programme's managers).
pub async fn remove_engagement(
    context: &Context,
    acting: &Acting,
    (programme_id, activity_id, engagement_id): (i64, i64, i64),
) -> Result<(), Error> {
    managed(context, acting, programme_id, activity_id).await?;
    let before = engagement_of(context, activity_id, engagement_id).await?;
    let txn = context.db.write().await?;
    repo::remove_engagement(&txn, &acting.who, &before).await?;
    txn.commit().await?;
    Ok(())
}

/// The activities the person is engaged in as an expert of the roster (through the account
/// linked to them): whose confidential outputs they may see.
pub async fn engaged_activities(
    context: &Context,
    acting: &Acting,
) -> Result<BTreeSet<i64>, Error> {
    let Some(user) = acting.actor.user_id else {
        return Ok(BTreeSet::new());
    };
    let Some(expert) = repo::by_user(&context.db.conn, user).await? else {
        return Ok(BTreeSet::new());
    };
    Ok(repo::of_expert(&context.db.conn, expert.id)
        .await?
        .into_iter()
        .map(|e| e.activity_id)
        .collect())
}
