//! Running a Culture 21 Lab: creating the assessment (its city, framework module, schedule,
//! languages, visibility and facilitators, told by a notice), the agreed scores, the key ideas,
//! closing and reopening.

use super::Loaded;
use crate::{Acting, Context, Error, cities, frameworks, notifications};
use ateneu_db::assessments::{self as repo, NewAssessment};
use ateneu_domain::accounts::Email;
use ateneu_domain::assessments::Consensus;
use ateneu_domain::assessments::{
    ConsensusInput, ScheduleInput, parse_schedule, validate_consensus, workshop,
};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::notifications::NoticeKind;
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::{FieldErrors, Lang, Problem, ProblemKey};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// A new assessment as typed in a form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AssessmentInput {
    /// The city's slug (or id).
    pub city: String,
    /// A framework version's id or `KEY@VERSION`.
    pub framework: String,
    pub module: String,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub languages: Vec<String>,
    pub visibility: String,
    /// Facilitators' account emails.
    pub facilitators: Vec<String>,
}

/// Checks a new assessment field by field and creates it; its facilitators are told in
/// their language (`lang` for those who chose none).
pub async fn create(
    context: &Context,
    acting: &Acting,
    input: &AssessmentInput,
    lang: Lang,
) -> Result<AssessmentId, Error> {
    if !acting.is_signed_in() {
        return Err(Error::SignInRequired);
    }
    let mut errors = FieldErrors::new();
    let city = match cities::resolve(context, &input.city).await? {
        Ok(city) => city,
        Err(problem) => {
            errors.add("city", problem);
            return Err(Error::Invalid(errors));
        }
    };
    let networks = cities::scope_networks(context, city.id).await?;
    acting.require(Action::CreateAssessment(CityScope {
        id: city.id,
        networks: &networks,
    }))?;
    let framework = match frameworks::resolve(context, input.framework.trim()).await {
        Ok(found) => Some(found),
        Err(Error::NotFound) => {
            errors.add(
                "framework",
                Problem::with_detail(ProblemKey::UnknownFramework, input.framework.trim()),
            );
            None
        }
        Err(other) => return Err(other),
    };
    if let Some((_, framework)) = &framework
        && framework.module(input.module.trim()).is_none()
    {
        errors.add(
            "module",
            Problem::with_detail(ProblemKey::UnknownModule, input.module.trim()),
        );
    }
    let schedule = parse_schedule(
        ScheduleInput {
            title: &input.title,
            starts_on: &input.starts_on,
            ends_on: &input.ends_on,
            languages: &input.languages,
            visibility: &input.visibility,
        },
        &mut errors,
    );
    let mut facilitators = Vec::new();
    for email in input
        .facilitators
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
    {
        let user = match Email::parse(email) {
            Ok(parsed) => ateneu_db::accounts::user_by_email(&context.db.conn, &parsed).await?,
            Err(_) => None,
        };
        match user {
            Some(user) => facilitators.push(user.id),
            None => errors.add(
                "facilitators",
                Problem::with_detail(ProblemKey::UnknownAccount, email),
            ),
        }
    }
    let (Some((version, framework)), Some(schedule), true) =
        (framework, schedule, errors.is_empty())
    else {
        return Err(Error::Invalid(errors));
    };
    let runs_it_alone = !acting.actor.allows(Action::ManageMemberships(&networks));
    let facilitators = workshop::facilitators(&facilitators, acting.actor.user_id, runs_it_alone);
    let title = if schedule.title.is_empty() {
        format!("{} — {}", framework.name.en, schedule.starts_on)
    } else {
        schedule.title
    };
    let new = NewAssessment {
        city_id: city.id,
        framework_version_id: version.id,
        module: input.module.trim().to_owned(),
        title,
        starts_on: schedule.starts_on,
        ends_on: schedule.ends_on,
        languages: schedule.languages,
        visibility: schedule.visibility,
        facilitators,
    };
    let told = notifications::for_facilitators(context, acting, &new.facilitators).await?;
    let txn = context.db.write().await?;
    let id = repo::create(&txn, &acting.who, &new).await?;
    let pending = notifications::Pending::same_in_every_language(
        NoticeKind::AssessmentToFacilitate,
        ("assessment", id.get()),
        vec![("title", new.title.clone())],
        format!("/assessments/{id}"),
        told,
    );
    notifications::write(&txn, &pending).await?;
    txn.commit().await?;
    notifications::send(context, &pending, lang).await;
    Ok(id)
}

/// The agreed scores, by field.
pub async fn consensus(
    context: &Context,
    loaded: &Loaded,
) -> Result<BTreeMap<String, Consensus>, Error> {
    Ok(repo::consensus(&context.db.conn, loaded.assessment.id).await?)
}

/// Records the agreed scores (the caller has loaded the assessment to run it).
pub async fn save_consensus(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    input: BTreeMap<String, ConsensusInput>,
) -> Result<(), Error> {
    let fields: BTreeSet<String> = loaded
        .framework
        .rated_fields(loaded.module()?)
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    let scores = validate_consensus(input, &loaded.range(), &fields)?;
    let txn = context.db.write().await?;
    repo::set_consensus(&txn, &acting.who, loaded.assessment.id, &scores).await?;
    txn.commit().await?;
    Ok(())
}

/// Records the workshop's key ideas (within their limit).
pub async fn save_key_ideas(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    text: &str,
) -> Result<(), Error> {
    let text = workshop::key_ideas(text).map_err(|p| Error::field("key_ideas", p))?;
    let txn = context.db.write().await?;
    repo::set_key_ideas(&txn, &acting.who, loaded.assessment.id, text).await?;
    txn.commit().await?;
    Ok(())
}

/// Closes the assessment: its results are final.
pub async fn close(context: &Context, acting: &Acting, loaded: &Loaded) -> Result<(), Error> {
    let txn = context.db.write().await?;
    repo::close(&txn, &acting.who, &loaded.assessment).await?;
    txn.commit().await?;
    Ok(())
}

/// Opens a closed assessment again (the secretariat; the caller has checked).
pub async fn reopen(context: &Context, acting: &Acting, loaded: &Loaded) -> Result<(), Error> {
    let txn = context.db.write().await?;
    repo::reopen(&txn, &acting.who, loaded.assessment.id).await?;
    txn.commit().await?;
    Ok(())
}

/// The assessment's revision: it changes with every response, score, invitation or status.
pub async fn revision(context: &Context, id: AssessmentId) -> Result<Option<i64>, Error> {
    Ok(repo::revision(&context.db.conn, id).await?)
}
