//! A participant's part in a workshop, reached by a single-person invitation link without an
//! account: the assessment and the saved response the link opens, and saving a draft or the
//! final submission (accepted only while the workshop is open and before it is submitted).

use super::{Loaded, load};
use crate::security::token_hash;
use crate::{Context, Error};
use ateneu_db::assessments as repo;
pub use ateneu_db::assessments::StoredResponse;
use ateneu_domain::assessments::{Participation, ParticipationInput, validate_participation};
use ateneu_domain::ids::InvitationId;
use std::collections::BTreeSet;

/// What an invitation link opens: the workshop, the invitation and what was saved so far.
pub type Opened = (Loaded, InvitationId, Option<StoredResponse>);

/// The assessment and invitation a token opens (an unknown token is not found).
pub async fn open(context: &Context, token: &str) -> Result<Opened, Error> {
    if token.len() > 128 {
        return Err(Error::NotFound);
    }
    let (invitation, assessment) = repo::invitation_by_hash(&context.db.conn, &token_hash(token))
        .await?
        .ok_or(Error::NotFound)?;
    let loaded = load(context, assessment).await?;
    let response = repo::response_of(&context.db.conn, invitation).await?;
    Ok((loaded, invitation, response))
}

/// Checks and saves a participation (a draft, or the final submission) for an invitation
/// opened with `open`.
pub async fn save(
    context: &Context,
    (loaded, invitation, response): &Opened,
    input: ParticipationInput,
    submit: bool,
) -> Result<Participation, Error> {
    ateneu_domain::assessments::workshop::accepts_participation(
        loaded.assessment.status,
        response.as_ref().is_some_and(|r| r.submitted),
    )
    .map_err(Error::Conflict)?;
    let items: BTreeSet<String> = loaded.items()?.into_iter().map(|i| i.key).collect();
    let participation = validate_participation(input, &loaded.range(), &items)?;
    let txn = context.db.write().await?;
    repo::save_response(
        &txn,
        *invitation,
        loaded.assessment.id,
        &participation,
        submit,
    )
    .await?;
    txn.commit().await?;
    Ok(participation)
}
