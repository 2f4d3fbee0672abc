//! Culture 21 Lab assessments: the workshop's settings and facilitators, single-person
//! invitations, participants' responses, consensus scores, key ideas, closing and reopening.

use crate::audit::{self, Who};
use crate::entities::{assessment, assessment_facilitator, consensus_score, response};
use crate::{DbError, DbResult, WriteTxn, frameworks, outputs};
use ateneu_domain::Lang;
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::{
    Answer, AssessmentStatus, Consensus, Participation, Sector, Visibility,
};
use ateneu_domain::ids::CityId;
use ateneu_domain::ids::FrameworkVersionId;
use ateneu_domain::ids::{AccountId, AssessmentId, InvitationId};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;
use std::collections::BTreeMap;

mod invitations;
pub use invitations::{
    Invitation, InvitationState, NewInvitation, invitation, invitation_by_hash, invitation_count,
    invitations_of, invite, revoke_invitation,
};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub id: AssessmentId,
    pub city_id: CityId,
    pub framework_version_id: FrameworkVersionId,
    pub module: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub languages: Vec<Lang>,
    pub visibility: Visibility,
    pub status: AssessmentStatus,
    pub key_ideas: String,
    pub revision: i64,
    pub facilitators: Vec<AccountId>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// A new assessment, validated by the caller (the module belongs to the version).
#[derive(Debug, Clone, PartialEq)]
pub struct NewAssessment {
    pub city_id: CityId,
    pub framework_version_id: FrameworkVersionId,
    pub module: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub languages: Vec<Lang>,
    pub visibility: Visibility,
    pub facilitators: Vec<AccountId>,
}

/// One participant's stored response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredResponse {
    pub invitation_id: InvitationId,
    pub participation: Participation,
    pub submitted: bool,
    pub updated_at: DateTime<Utc>,
}

fn corrupt(error: impl ToString) -> DbError {
    DbError::Corrupt(error.to_string())
}

fn from_model(model: assessment::Model, facilitators: Vec<AccountId>) -> DbResult<Assessment> {
    let languages = model
        .languages
        .split(',')
        .filter_map(|code| code.parse::<Lang>().ok())
        .collect();
    Ok(Assessment {
        id: AssessmentId::new(model.id),
        city_id: CityId::new(model.city_id),
        framework_version_id: FrameworkVersionId::new(model.framework_version_id),
        module: model.module,
        title: model.title,
        starts_on: model.starts_on,
        ends_on: model.ends_on,
        languages,
        visibility: Visibility::parse(&model.visibility).map_err(|p| corrupt(p.key))?,
        status: AssessmentStatus::parse(&model.status).map_err(|p| corrupt(p.key))?,
        key_ideas: model.key_ideas,
        revision: model.revision,
        facilitators,
        created_at: model.created_at,
        closed_at: model.closed_at,
    })
}

async fn facilitators_of(conn: &impl ConnectionTrait, id: i64) -> DbResult<Vec<AccountId>> {
    Ok(assessment_facilitator::Entity::find()
        .filter(assessment_facilitator::Column::AssessmentId.eq(id))
        .order_by_asc(assessment_facilitator::Column::UserId)
        .all(conn)
        .await?
        .into_iter()
        .map(|f| AccountId::new(f.user_id))
        .collect())
}

/// The assessments of `models` with their facilitators, read in one query per 500 assessments
/// (not one per assessment).
async fn with_facilitators(
    conn: &impl ConnectionTrait,
    models: Vec<assessment::Model>,
) -> DbResult<Vec<Assessment>> {
    let ids: Vec<i64> = models.iter().map(|m| m.id).collect();
    let mut by_assessment: std::collections::HashMap<i64, Vec<AccountId>> =
        std::collections::HashMap::new();
    for chunk in ids.chunks(500) {
        let links = assessment_facilitator::Entity::find()
            .filter(assessment_facilitator::Column::AssessmentId.is_in(chunk.iter().copied()))
            .order_by_asc(assessment_facilitator::Column::UserId)
            .all(conn)
            .await?;
        for link in links {
            by_assessment
                .entry(link.assessment_id)
                .or_default()
                .push(AccountId::new(link.user_id));
        }
    }
    models
        .into_iter()
        .map(|model| {
            let facilitators = by_assessment.remove(&model.id).unwrap_or_default();
            from_model(model, facilitators)
        })
        .collect()
}

/// Creates an assessment and freezes its framework version.
pub async fn create(txn: &WriteTxn<'_>, who: &Who, new: &NewAssessment) -> DbResult<AssessmentId> {
    let languages: Vec<&str> = new.languages.iter().map(|l| l.code()).collect();
    let model = assessment::ActiveModel {
        city_id: Set(new.city_id.get()),
        framework_version_id: Set(new.framework_version_id.get()),
        module: Set(new.module.clone()),
        title: Set(new.title.clone()),
        starts_on: Set(new.starts_on),
        ends_on: Set(new.ends_on),
        languages: Set(languages.join(",")),
        visibility: Set(new.visibility.key().to_owned()),
        status: Set(AssessmentStatus::Open.key().to_owned()),
        key_ideas: Set(String::new()),
        revision: Set(0),
        created_by: Set(who.user_id.map(AccountId::get)),
        created_at: Set(Utc::now()),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    for user_id in &new.facilitators {
        assessment_facilitator::ActiveModel {
            assessment_id: Set(model.id),
            user_id: Set(user_id.get()),
        }
        .insert(&**txn)
        .await?;
    }
    frameworks::freeze(txn, new.framework_version_id).await?;
    audit::record(
        &**txn,
        who,
        "assessment.create",
        "assessment",
        model.id,
        serde_json::json!({
            "city_id": new.city_id, "framework_version_id": new.framework_version_id,
            "module": new.module, "title": new.title, "visibility": new.visibility.key(),
            "starts_on": new.starts_on, "ends_on": new.ends_on, "languages": languages,
            "facilitators": new.facilitators,
        }),
    )
    .await?;
    Ok(AssessmentId::new(model.id))
}

pub async fn get(conn: &impl ConnectionTrait, id: AssessmentId) -> DbResult<Option<Assessment>> {
    match assessment::Entity::find_by_id(id.get()).one(conn).await? {
        Some(model) => Ok(Some(from_model(
            model,
            facilitators_of(conn, id.get()).await?,
        )?)),
        None => Ok(None),
    }
}

/// A city's assessments, oldest first.
pub async fn of_city(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<Assessment>> {
    let models = assessment::Entity::find()
        .filter(assessment::Column::CityId.eq(city_id.get()))
        .order_by_asc(assessment::Column::StartsOn)
        .order_by_asc(assessment::Column::Id)
        .all(conn)
        .await?;
    with_facilitators(conn, models).await
}

/// Every assessment, newest first (the secretariat's and facilitators' index filters it).
pub async fn all(conn: &impl ConnectionTrait) -> DbResult<Vec<Assessment>> {
    let models = assessment::Entity::find()
        .order_by_desc(assessment::Column::StartsOn)
        .order_by_desc(assessment::Column::Id)
        .all(conn)
        .await?;
    with_facilitators(conn, models).await
}

/// The closed assessments with public results run on a framework version, oldest first: the
/// candidates for a benchmark computed from published assessments (the rule that decides,
/// cities' memberships included, is `ateneu_domain::results::counts_for_benchmark`).
pub async fn published_on_version(
    conn: &impl ConnectionTrait,
    framework_version_id: FrameworkVersionId,
) -> DbResult<Vec<Assessment>> {
    let models = assessment::Entity::find()
        .filter(assessment::Column::FrameworkVersionId.eq(framework_version_id.get()))
        .filter(assessment::Column::Status.eq(AssessmentStatus::Closed.key()))
        .filter(assessment::Column::Visibility.eq(Visibility::Public.key()))
        .order_by_asc(assessment::Column::StartsOn)
        .order_by_asc(assessment::Column::Id)
        .all(conn)
        .await?;
    with_facilitators(conn, models).await
}

/// The revision counter, bumped by every response and change: dashboards poll it.
pub async fn revision(conn: &impl ConnectionTrait, id: AssessmentId) -> DbResult<Option<i64>> {
    Ok(assessment::Entity::find_by_id(id.get())
        .one(conn)
        .await?
        .map(|model| model.revision))
}

/// Bumps the revision of an open assessment; `Conflict("assessment_closed")` when closed.
pub(crate) async fn touch_open(txn: &WriteTxn<'_>, id: i64) -> DbResult<()> {
    let result = assessment::Entity::update_many()
        .col_expr(
            assessment::Column::Revision,
            Expr::col(assessment::Column::Revision).add(1),
        )
        .filter(assessment::Column::Id.eq(id))
        .filter(assessment::Column::Status.eq(AssessmentStatus::Open.key()))
        .exec(&**txn)
        .await?;
    if result.rows_affected == 1 {
        Ok(())
    } else {
        Err(DbError::Conflict(ProblemKey::AssessmentClosed))
    }
}

fn response_from(model: response::Model) -> DbResult<StoredResponse> {
    Ok(StoredResponse {
        invitation_id: InvitationId::new(model.invitation_id),
        participation: Participation {
            sector: Sector::parse(&model.sector).map_err(|p| corrupt(p.key))?,
            name: model.name,
            name_consent: model.name_consent,
            answers: serde_json::from_str(&model.answers).map_err(corrupt)?,
            comments: serde_json::from_str(&model.comments).map_err(corrupt)?,
        },
        submitted: model.submitted,
        updated_at: model.updated_at,
    })
}

pub async fn response_of(
    conn: &impl ConnectionTrait,
    invitation_id: InvitationId,
) -> DbResult<Option<StoredResponse>> {
    response::Entity::find_by_id(invitation_id.get())
        .one(conn)
        .await?
        .map(response_from)
        .transpose()
}

/// Every response of an assessment (drafts included; see `submitted`), in arrival order.
pub async fn responses(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
) -> DbResult<Vec<StoredResponse>> {
    response::Entity::find()
        .filter(response::Column::AssessmentId.eq(assessment_id.get()))
        .order_by_asc(response::Column::CreatedAt)
        .order_by_asc(response::Column::InvitationId)
        .all(conn)
        .await?
        .into_iter()
        .map(response_from)
        .collect()
}

/// Saves a participant's answers (a draft, or the submission). Refused once submitted
/// (`invitation_used`) or when the assessment is closed (`assessment_closed`).
pub async fn save_response(
    txn: &WriteTxn<'_>,
    invitation_id: InvitationId,
    assessment_id: AssessmentId,
    participation: &Participation,
    submitted: bool,
) -> DbResult<()> {
    touch_open(txn, assessment_id.get()).await?;
    let now = Utc::now();
    let answers = serde_json::to_string(&participation.answers).map_err(corrupt)?;
    let comments = serde_json::to_string(&participation.comments).map_err(corrupt)?;
    let existing = response::Entity::find_by_id(invitation_id.get())
        .one(&**txn)
        .await?;
    match existing {
        Some(model) if model.submitted => {
            return Err(DbError::Conflict(ProblemKey::InvitationUsed));
        }
        Some(model) => {
            let mut active: response::ActiveModel = model.into();
            active.sector = Set(participation.sector.key().to_owned());
            active.name = Set(participation.name.clone());
            active.name_consent = Set(participation.name_consent);
            active.answers = Set(answers);
            active.comments = Set(comments);
            active.submitted = Set(submitted);
            active.updated_at = Set(now);
            active.update(&**txn).await?;
        }
        None => {
            response::ActiveModel {
                invitation_id: Set(invitation_id.get()),
                assessment_id: Set(assessment_id.get()),
                sector: Set(participation.sector.key().to_owned()),
                name: Set(participation.name.clone()),
                name_consent: Set(participation.name_consent),
                answers: Set(answers),
                comments: Set(comments),
                submitted: Set(submitted),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&**txn)
            .await?;
        }
    }
    audit::record(
        &**txn,
        &Who::system(&format!("participant {invitation_id}")),
        if submitted {
            "response.submit"
        } else {
            "response.save"
        },
        "assessment",
        assessment_id,
        serde_json::json!({"invitation_id": invitation_id, "answers": participation.answers.len()}),
    )
    .await?;
    Ok(())
}

/// The agreed scores per field.
pub async fn consensus(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
) -> DbResult<BTreeMap<String, Consensus>> {
    consensus_score::Entity::find()
        .filter(consensus_score::Column::AssessmentId.eq(assessment_id.get()))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| {
            let score: Answer = serde_json::from_str(&m.score).map_err(corrupt)?;
            Ok((
                m.field,
                Consensus {
                    score,
                    justification: m.justification,
                },
            ))
        })
        .collect()
}

/// Records the agreed score of each given field (others keep theirs).
pub async fn set_consensus(
    txn: &WriteTxn<'_>,
    who: &Who,
    assessment_id: AssessmentId,
    scores: &BTreeMap<String, Consensus>,
) -> DbResult<()> {
    touch_open(txn, assessment_id.get()).await?;
    let before = consensus(&**txn, assessment_id).await?;
    let now = Utc::now();
    for (field, agreed) in scores {
        consensus_score::Entity::delete_many()
            .filter(consensus_score::Column::AssessmentId.eq(assessment_id.get()))
            .filter(consensus_score::Column::Field.eq(field))
            .exec(&**txn)
            .await?;
        consensus_score::ActiveModel {
            assessment_id: Set(assessment_id.get()),
            field: Set(field.clone()),
            score: Set(serde_json::to_string(&agreed.score).map_err(corrupt)?),
            justification: Set(agreed.justification.clone()),
            updated_at: Set(now),
        }
        .insert(&**txn)
        .await?;
    }
    audit::record(
        &**txn,
        who,
        "assessment.consensus",
        "assessment",
        assessment_id,
        serde_json::json!({"before": before, "after": scores}),
    )
    .await?;
    Ok(())
}

pub async fn set_key_ideas(
    txn: &WriteTxn<'_>,
    who: &Who,
    assessment_id: AssessmentId,
    text: &str,
) -> DbResult<()> {
    touch_open(txn, assessment_id.get()).await?;
    assessment::Entity::update_many()
        .col_expr(assessment::Column::KeyIdeas, text.into())
        .filter(assessment::Column::Id.eq(assessment_id.get()))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "assessment.key_ideas",
        "assessment",
        assessment_id,
        serde_json::json!({"key_ideas": text}),
    )
    .await?;
    Ok(())
}

/// Closes an open assessment and files its report as an output of the city.
pub async fn close(txn: &WriteTxn<'_>, who: &Who, assessment: &Assessment) -> DbResult<()> {
    touch_open(txn, assessment.id.get()).await?;
    assessment::Entity::update_many()
        .col_expr(
            assessment::Column::Status,
            AssessmentStatus::Closed.key().into(),
        )
        .col_expr(assessment::Column::ClosedAt, Some(Utc::now()).into())
        .filter(assessment::Column::Id.eq(assessment.id.get()))
        .exec(&**txn)
        .await?;
    outputs::file_report(txn, assessment).await?;
    audit::record(
        &**txn,
        who,
        "assessment.close",
        "assessment",
        assessment.id,
        serde_json::json!({}),
    )
    .await?;
    Ok(())
}

/// Reopens a closed assessment (the secretariat's decision, audited).
pub async fn reopen(txn: &WriteTxn<'_>, who: &Who, assessment_id: AssessmentId) -> DbResult<()> {
    let result = assessment::Entity::update_many()
        .col_expr(
            assessment::Column::Status,
            AssessmentStatus::Open.key().into(),
        )
        .col_expr(
            assessment::Column::ClosedAt,
            Option::<DateTime<Utc>>::None.into(),
        )
        .col_expr(
            assessment::Column::Revision,
            Expr::col(assessment::Column::Revision).add(1),
        )
        .filter(assessment::Column::Id.eq(assessment_id.get()))
        .filter(assessment::Column::Status.eq(AssessmentStatus::Closed.key()))
        .exec(&**txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(DbError::Conflict(ProblemKey::AssessmentOpen));
    }
    audit::record(
        &**txn,
        who,
        "assessment.reopen",
        "assessment",
        assessment_id,
        serde_json::json!({}),
    )
    .await?;
    Ok(())
}
