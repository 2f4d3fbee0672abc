//! A person's own account: who a request's credential names (a session cookie or an API
//! token, checked against what the request does), their profile, their API tokens, and
//! signing out here or everywhere.

use crate::security::token_hash;
use crate::{Acting, Context, Error};
use ateneu_db::accounts::{self as repo, ApiToken, LinkPurpose, StoredGrant, User};
use ateneu_db::sessions;
use ateneu_domain::accounts::TokenRequest;
use ateneu_domain::ids::AccountId;
use ateneu_domain::validation::max_chars;
use ateneu_domain::{Lang, Problem, ProblemKey};

/// A signed-in person: their account, their roles and, when they came with a session, the
/// session's token hash (none with an API token).
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: User,
    pub grants: Vec<StoredGrant>,
    pub session: Option<String>,
}

/// What a request carries to say who sends it.
#[derive(Debug, Clone, Copy)]
pub enum Credential<'a> {
    /// A personal API token (`Authorization: Bearer`), and whether the request writes.
    ApiToken { token: &'a str, writes: bool },
    /// The session cookie's token.
    Session(&'a str),
}

/// The person a credential names. An unknown or expired API token asks to sign in, a read-only
/// one that writes is refused; an unknown session, or a disabled account's, is nobody.
pub async fn signed_in(
    context: &Context,
    credential: Credential<'_>,
) -> Result<Option<SignedIn>, Error> {
    let found = match credential {
        Credential::ApiToken { token, writes } => {
            let (user, scope) = repo::user_for_api_token(&context.db, &token_hash(token))
                .await?
                .ok_or(Error::SignInRequired)?;
            if !scope.allows(writes) {
                return Err(Error::Denied(Problem::new(ProblemKey::TokenReadOnly)));
            }
            Some((user, None))
        }
        Credential::Session(cookie) => {
            let hash = token_hash(cookie);
            match sessions::user_of(&context.db, &hash).await? {
                Some(user_id) => repo::user_by_id(&context.db.conn, user_id)
                    .await?
                    .filter(|u| !u.disabled)
                    .map(|u| (u, Some(hash))),
                None => None,
            }
        }
    };
    let Some((user, session)) = found else {
        return Ok(None);
    };
    let grants = repo::grants_of(&context.db.conn, user.id).await?;
    Ok(Some(SignedIn {
        user,
        grants,
        session,
    }))
}

fn user_of(acting: &Acting) -> Result<AccountId, Error> {
    acting.actor.user_id.ok_or(Error::SignInRequired)
}

/// Ends one session (signing out here).
pub async fn end_session(context: &Context, acting: &Acting, hash: &str) -> Result<(), Error> {
    let txn = context.db.write().await?;
    sessions::end(&txn, &acting.who, hash).await?;
    txn.commit().await?;
    Ok(())
}

/// Ends every session and every API token of the signed-in person; how many were ended.
pub async fn sign_out_everywhere(context: &Context, acting: &Acting) -> Result<u64, Error> {
    let user = user_of(acting)?;
    let txn = context.db.write().await?;
    let ended = sessions::end_all(&txn, &acting.who, user).await?
        + repo::revoke_all_api_tokens(&txn, &acting.who, user).await?;
    txn.commit().await?;
    Ok(ended)
}

/// Changes the signed-in person's name and language (none: the pages' own).
pub async fn update_profile(
    context: &Context,
    acting: &Acting,
    display_name: &str,
    locale: Option<Lang>,
) -> Result<(), Error> {
    let user = user_of(acting)?;
    max_chars(display_name, 120).map_err(|p| Error::field("display_name", p))?;
    let txn = context.db.write().await?;
    repo::update_profile(
        &txn,
        &acting.who,
        user,
        display_name,
        locale.map(|l| l.code()),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The signed-in person's API tokens (never their secrets).
pub async fn tokens(context: &Context, acting: &Acting) -> Result<Vec<ApiToken>, Error> {
    let user = user_of(acting)?;
    Ok(repo::api_tokens_of(&context.db.conn, user).await?)
}

/// Makes a token for the signed-in person; returns its secret, shown once. It needs a session:
/// a token cannot make more tokens (a leaked read-only token must not become a writing one).
pub async fn create_token(
    context: &Context,
    acting: &Acting,
    by_session: bool,
    (name, scope, days): (&str, &str, &str),
) -> Result<String, Error> {
    let user = user_of(acting)?;
    if !by_session {
        return Err(Error::BadRequest(Problem::new(
            ProblemKey::TokenNeedsSession,
        )));
    }
    let request = TokenRequest::parse(name, scope, days)?;
    super::create_api_token(context, &acting.who, user, &request).await
}

/// Revokes one of the signed-in person's tokens; not found when it is not theirs.
pub async fn revoke_token(context: &Context, acting: &Acting, id: i64) -> Result<(), Error> {
    let user = user_of(acting)?;
    let txn = context.db.write().await?;
    let revoked = repo::revoke_api_token(&txn, &acting.who, user, id).await?;
    txn.commit().await?;
    if revoked {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Whether a first administrator's set-up link is still good (unused and unexpired).
pub async fn setup_link_is_live(context: &Context, token: &str) -> Result<bool, Error> {
    Ok(repo::peek_link(
        &context.db.conn,
        LinkPurpose::AdminSetup,
        &token_hash(token),
    )
    .await?
    .is_some())
}
