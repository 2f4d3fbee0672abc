//! Single-person workshop invitations: made in a language, listed with what became of them
//! (not opened, a draft, submitted, revoked), read back to reprint or resend, and revoked.
//! The database keeps a token's hash and the salt from which the server derives it again; never
//! the token.

use super::touch_open;
use crate::audit::{self, Who};
use crate::entities::{invitation, response};
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::Lang;
use ateneu_domain::ids::{AssessmentId, InvitationId};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;
use std::collections::HashMap;

/// A new invitation: its token's hash and the salt it was derived from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    pub token_hash: String,
    pub salt: String,
}

/// An invitation as its facilitators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invitation {
    pub id: InvitationId,
    pub assessment_id: i64,
    pub email: Option<String>,
    /// Its language (`None` for invitations made before languages: the assessment's first).
    pub lang: Option<Lang>,
    /// Empty when the link cannot be derived again (made before reprinting existed).
    #[serde(skip)]
    pub salt: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// What the participant did: nothing yet, a draft, or a submission.
    pub state: InvitationState,
}

/// What became of an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationState {
    NotOpened,
    Draft,
    Submitted,
    Revoked,
}

impl InvitationState {
    pub fn key(self) -> &'static str {
        match self {
            InvitationState::NotOpened => "not_opened",
            InvitationState::Draft => "draft",
            InvitationState::Submitted => "submitted",
            InvitationState::Revoked => "revoked",
        }
    }
}

fn to_invitation(model: invitation::Model, submitted: Option<bool>) -> Invitation {
    let state = match (model.revoked_at, submitted) {
        (Some(_), _) => InvitationState::Revoked,
        (None, Some(true)) => InvitationState::Submitted,
        (None, Some(false)) => InvitationState::Draft,
        (None, None) => InvitationState::NotOpened,
    };
    Invitation {
        id: InvitationId::new(model.id),
        assessment_id: model.assessment_id,
        email: model.email,
        lang: model.lang.parse().ok(),
        salt: model.salt,
        created_at: model.created_at,
        revoked_at: model.revoked_at,
        state,
    }
}

/// Adds single-person invitations in `lang`; returns their ids, in order.
pub async fn invite(
    txn: &WriteTxn<'_>,
    who: &Who,
    assessment_id: AssessmentId,
    made: &[NewInvitation],
    email: Option<&str>,
    lang: Lang,
) -> DbResult<Vec<InvitationId>> {
    touch_open(txn, assessment_id.get()).await?;
    let now = Utc::now();
    let mut ids = Vec::with_capacity(made.len());
    for new in made {
        let model = invitation::ActiveModel {
            assessment_id: Set(assessment_id.get()),
            token_hash: Set(new.token_hash.clone()),
            email: Set(email.map(str::to_owned)),
            created_at: Set(now),
            lang: Set(lang.code().to_owned()),
            salt: Set(new.salt.clone()),
            revoked_at: Set(None),
            ..Default::default()
        }
        .insert(&**txn)
        .await?;
        ids.push(InvitationId::new(model.id));
    }
    audit::record(
        &**txn,
        who,
        "assessment.invite",
        "assessment",
        assessment_id,
        serde_json::json!({"invitations": ids.len(), "email": email, "lang": lang.code()}),
    )
    .await?;
    Ok(ids)
}

/// The invitation and assessment a token's hash opens, unless the invitation was revoked.
pub async fn invitation_by_hash(
    conn: &impl ConnectionTrait,
    hash: &str,
) -> DbResult<Option<(InvitationId, AssessmentId)>> {
    Ok(invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(hash))
        .filter(invitation::Column::RevokedAt.is_null())
        .one(conn)
        .await?
        .map(|i| (InvitationId::new(i.id), AssessmentId::new(i.assessment_id))))
}

/// How many invitations an assessment has (revoked ones included).
pub async fn invitation_count(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
) -> DbResult<u64> {
    Ok(invitation::Entity::find()
        .filter(invitation::Column::AssessmentId.eq(assessment_id.get()))
        .count(conn)
        .await?)
}

/// An assessment's invitations, oldest first, with what became of each (two queries).
pub async fn invitations_of(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
) -> DbResult<Vec<Invitation>> {
    let submitted: HashMap<i64, bool> = response::Entity::find()
        .filter(response::Column::AssessmentId.eq(assessment_id.get()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.invitation_id, r.submitted))
        .collect();
    Ok(invitation::Entity::find()
        .filter(invitation::Column::AssessmentId.eq(assessment_id.get()))
        .order_by_asc(invitation::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|model| {
            let state = submitted.get(&model.id).copied();
            to_invitation(model, state)
        })
        .collect())
}

/// One invitation of an assessment.
pub async fn invitation(
    conn: &impl ConnectionTrait,
    assessment_id: AssessmentId,
    id: InvitationId,
) -> DbResult<Option<Invitation>> {
    let Some(model) = invitation::Entity::find_by_id(id.get())
        .filter(invitation::Column::AssessmentId.eq(assessment_id.get()))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let submitted = response::Entity::find_by_id(id.get())
        .one(conn)
        .await?
        .map(|r| r.submitted);
    Ok(Some(to_invitation(model, submitted)))
}

/// Revokes an invitation: its link opens nothing from now on; a draft it holds stays out of
/// the results, a submission stays in. `NotFound` for an invitation of another assessment.
pub async fn revoke_invitation(
    txn: &WriteTxn<'_>,
    who: &Who,
    assessment_id: AssessmentId,
    id: InvitationId,
) -> DbResult<()> {
    let result = invitation::Entity::update_many()
        .col_expr(
            invitation::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(invitation::Column::Id.eq(id.get()))
        .filter(invitation::Column::AssessmentId.eq(assessment_id.get()))
        .filter(invitation::Column::RevokedAt.is_null())
        .exec(&**txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(DbError::NotFound);
    }
    touch_open(txn, assessment_id.get()).await?;
    audit::record(
        &**txn,
        who,
        "assessment.revoke_invitation",
        "assessment",
        assessment_id,
        serde_json::json!({"invitation": id}),
    )
    .await
}
