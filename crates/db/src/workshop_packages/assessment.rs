//! What a workshop package holds of a Culture 21 Lab assessment, read and written:
//! invitations by their link's hash, responses with the time they last changed, agreed scores
//! with theirs. Writes keep the times they are given, so that merging is repeatable.

use crate::entities::{assessment, consensus_score, invitation, response};
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::Sector;
use ateneu_domain::ids::{AssessmentId, InvitationId};
use ateneu_domain::workshop_packages::{
    Answered, AssessmentState, PackedConsensus, PackedInvitation, PackedResponse,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

/// The assessment's invitations, responses, agreed scores and key ideas, as a package
/// carries them.
pub async fn state(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
) -> DbResult<AssessmentState> {
    let key_ideas = assessment::Entity::find_by_id(assessment_id.get())
        .one(conn)
        .await?
        .ok_or(DbError::NotFound)?
        .key_ideas;
    let invitations = invitation::Entity::find()
        .filter(invitation::Column::AssessmentId.eq(assessment_id.get()))
        .order_by_asc(invitation::Column::Id)
        .all(conn)
        .await?;
    let hashes: HashMap<i64, String> = invitations
        .iter()
        .map(|i| (i.id, i.token_hash.clone()))
        .collect();
    let mut responses = Vec::new();
    for model in response::Entity::find()
        .filter(response::Column::AssessmentId.eq(assessment_id.get()))
        .order_by_asc(response::Column::InvitationId)
        .all(conn)
        .await?
    {
        let Some(hash) = hashes.get(&model.invitation_id) else {
            continue;
        };
        responses.push(PackedResponse {
            invitation: hash.clone(),
            participation: ateneu_domain::assessments::ParticipationInput {
                sector: model.sector,
                name: model.name,
                name_consent: model.name_consent,
                answers: from_json(&model.answers)?,
                comments: from_json(&model.comments)?,
            },
            submitted: model.submitted,
            updated_at: model.updated_at,
        });
    }
    Ok(AssessmentState {
        invitations: invitations
            .into_iter()
            .map(|i| PackedInvitation {
                hash: i.token_hash,
                lang: i.lang.parse().ok(),
                email: i.email,
                revoked: i.revoked_at.is_some(),
            })
            .collect(),
        responses,
        consensus: consensus_dated(conn, assessment_id).await?,
        key_ideas,
    })
}

/// Takes the assessment for a merge: bumps its revision while it is open (holding its row
/// until the transaction ends on PostgreSQL), else `assessment_closed`.
pub async fn lock_open(txn: &WriteTxn<'_>, assessment_id: AssessmentId) -> DbResult<()> {
    crate::assessments::touch_open(txn, assessment_id.get()).await
}

/// The assessment's invitations by their link's hash: id and whether revoked.
pub async fn invitations_by_hash(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
) -> DbResult<HashMap<String, (InvitationId, bool)>> {
    Ok(invitation::Entity::find()
        .filter(invitation::Column::AssessmentId.eq(assessment_id.get()))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| {
            (
                i.token_hash,
                (InvitationId::new(i.id), i.revoked_at.is_some()),
            )
        })
        .collect())
}

/// Adds an invitation made in the room. Its link cannot be printed again here (no salt):
/// the participant keeps the one they were given. A hash another workshop holds is
/// `package_other_workshop`.
pub async fn add_invitation(
    txn: &WriteTxn<'_>,
    assessment_id: AssessmentId,
    packed: &PackedInvitation,
) -> DbResult<InvitationId> {
    let now = Utc::now();
    let model = invitation::ActiveModel {
        assessment_id: Set(assessment_id.get()),
        token_hash: Set(packed.hash.clone()),
        email: Set(packed.email.clone()),
        created_at: Set(now),
        lang: Set(packed.lang.map(|l| l.code().to_owned()).unwrap_or_default()),
        salt: Set(String::new()),
        revoked_at: Set(packed.revoked.then_some(now)),
        ..Default::default()
    }
    .insert(&**txn)
    .await
    .map_err(crate::conflict_as(ProblemKey::PackageOtherWorkshop))?;
    Ok(InvitationId::new(model.id))
}

/// Revokes an invitation revoked in the room.
pub async fn revoke(txn: &WriteTxn<'_>, invitation_id: InvitationId) -> DbResult<()> {
    invitation::Entity::update_many()
        .col_expr(
            invitation::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(invitation::Column::Id.eq(invitation_id.get()))
        .filter(invitation::Column::RevokedAt.is_null())
        .exec(&**txn)
        .await?;
    Ok(())
}

/// The responses kept for the assessment, by invitation.
pub async fn responses_by_invitation(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
) -> DbResult<HashMap<InvitationId, Answered>> {
    crate::assessments::responses(conn, assessment_id)
        .await
        .map(|all| {
            all.into_iter()
                .map(|r| {
                    (
                        r.invitation_id,
                        Answered {
                            participation: r.participation,
                            submitted: r.submitted,
                            updated_at: r.updated_at,
                        },
                    )
                })
                .collect()
        })
}

/// Writes a response as merged, keeping its time (`exists`: whether one is kept already).
pub async fn put_response(
    txn: &WriteTxn<'_>,
    assessment_id: AssessmentId,
    invitation_id: InvitationId,
    answered: &Answered,
    exists: bool,
) -> DbResult<()> {
    let p = &answered.participation;
    let mut active = response::ActiveModel {
        invitation_id: Set(invitation_id.get()),
        assessment_id: Set(assessment_id.get()),
        sector: Set(Sector::key(p.sector).to_owned()),
        name: Set(p.name.clone()),
        name_consent: Set(p.name_consent),
        answers: Set(to_json(&p.answers)?),
        comments: Set(to_json(&p.comments)?),
        submitted: Set(answered.submitted),
        created_at: Set(answered.updated_at),
        updated_at: Set(answered.updated_at),
    };
    if exists {
        active.created_at = sea_orm::ActiveValue::NotSet;
        active.update(&**txn).await?;
    } else {
        active.insert(&**txn).await?;
    }
    Ok(())
}

/// The agreed scores with the time each was last set.
pub async fn consensus_dated(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
) -> DbResult<Vec<PackedConsensus>> {
    consensus_score::Entity::find()
        .filter(consensus_score::Column::AssessmentId.eq(assessment_id.get()))
        .order_by_asc(consensus_score::Column::Field)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| {
            Ok(PackedConsensus {
                score: from_json(&m.score)?,
                field: m.field,
                justification: m.justification,
                updated_at: m.updated_at,
            })
        })
        .collect()
}

/// Sets a field's agreed score, keeping its time.
pub async fn put_consensus(
    txn: &WriteTxn<'_>,
    assessment_id: AssessmentId,
    agreed: &PackedConsensus,
) -> DbResult<()> {
    consensus_score::Entity::delete_many()
        .filter(consensus_score::Column::AssessmentId.eq(assessment_id.get()))
        .filter(consensus_score::Column::Field.eq(&agreed.field))
        .exec(&**txn)
        .await?;
    consensus_score::ActiveModel {
        assessment_id: Set(assessment_id.get()),
        field: Set(agreed.field.clone()),
        score: Set(to_json(&agreed.score)?),
        justification: Set(agreed.justification.clone()),
        updated_at: Set(agreed.updated_at),
    }
    .insert(&**txn)
    .await?;
    Ok(())
}

/// Sets the key ideas (checked by the caller).
pub async fn put_key_ideas(
    txn: &WriteTxn<'_>,
    assessment_id: AssessmentId,
    text: &str,
) -> DbResult<()> {
    assessment::Entity::update_many()
        .col_expr(assessment::Column::KeyIdeas, text.into())
        .filter(assessment::Column::Id.eq(assessment_id.get()))
        .exec(&**txn)
        .await?;
    Ok(())
}
