//! Accounts' use cases: signing in (sessions in the database, throttled per account), password
//! reset and invitations by emailed one-time link, the first administrator's set-up link,
//! personal API tokens; any person as the policies see them (`actor_for`). The web's pages and
//! API and the command line share them.

pub mod own;

use crate::security::{self, new_token, token_hash};
use crate::{Context, Error};
use ateneu_db::accounts::{self as repo, LinkPurpose, User};
use ateneu_db::audit::Who;
use ateneu_db::sessions;
use ateneu_domain::accounts::{Email, Grant, Role, TokenRequest, check_new_password, locked_until};
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::Actor;
use ateneu_domain::{FieldErrors, Lang, Problem, ProblemKey};
use chrono::{Duration, Utc};
use serde::Deserialize;

/// How long a session lasts.
pub const SESSION_DAYS: i64 = 30;

/// Opens a session for a user in the transaction; returns the cookie's token.
pub async fn open_session(txn: &ateneu_db::WriteTxn<'_>, user: &User) -> Result<String, Error> {
    let token = new_token();
    let who = Who::user(user.id, &user.email);
    let expires = Utc::now() + Duration::days(SESSION_DAYS);
    sessions::create(txn, &who, &token_hash(&token), user.id, expires).await?;
    Ok(token)
}

/// Signs in with email and password: a new session's token, or why not. The attempt is counted
/// before the password is checked (`claim_login_attempt`), so a burst of guesses sent at once
/// checks no more passwords than one sent after another; a locked account is opened again by a
/// password-reset link (see `set_password_with_link`).
pub async fn sign_in(state: &Context, email: &str, password: &str) -> Result<String, Error> {
    let wrong = || Error::field("password", Problem::new(ProblemKey::WrongCredentials));
    let email = Email::parse(email).map_err(|p| Error::field("email", p))?;
    if repo::claim_login_attempt(&state.db, email.as_str(), Utc::now(), locked_until)
        .await?
        .is_err()
    {
        return Err(Error::TooManyAttempts);
    }
    let user = repo::user_by_email(&state.db.conn, &email).await?;
    let hash = user
        .as_ref()
        .filter(|u| !u.disabled)
        .and_then(|u| u.password_hash.clone());
    if !security::verify_password(password.to_owned(), hash).await {
        repo::record_login_failure(&state.db, email.as_str()).await?;
        return Err(wrong());
    }
    let user = user.ok_or_else(wrong)?;
    let txn = state.db.write().await?;
    repo::clear_login_failures(&txn, email.as_str()).await?;
    let token = open_session(&txn, &user).await?;
    txn.commit().await?;
    Ok(token)
}

fn link_url(state: &Context, lang: Lang, path: &str, token: &str) -> String {
    format!(
        "{}/{}{path}/{token}",
        state.config.base_url.trim_end_matches('/'),
        lang.code()
    )
}

/// Creates a one-time link to set a password (invitation or reset), emails it and returns it.
/// The email and the link are in the person's own language when their account has one, else
/// in `lang` (the page's, or the one the inviter chose).
pub async fn send_password_link(
    state: &Context,
    who: &Who,
    user: &User,
    purpose: LinkPurpose,
    lang: Lang,
) -> Result<String, Error> {
    let lang = user
        .locale
        .as_deref()
        .and_then(|l| l.parse::<Lang>().ok())
        .unwrap_or(lang);
    let token = new_token();
    let days = if purpose == LinkPurpose::Invitation {
        7
    } else {
        1
    };
    let txn = state.db.write().await?;
    repo::create_link(
        &txn,
        who,
        purpose,
        &user.email,
        "{}",
        &token_hash(&token),
        Utc::now() + Duration::days(days),
    )
    .await?;
    txn.commit().await?;
    let url = link_url(state, lang, "/password", &token);
    let (subject, body) = match purpose {
        LinkPurpose::Invitation => ("mail-invitation-subject", "mail-invitation-body"),
        _ => ("mail-reset-subject", "mail-reset-body"),
    };
    let subject = state.i18n.t(lang, subject);
    let body = state.i18n.format(
        lang,
        body,
        &[("link", url.clone().into()), ("days", days.into())],
    );
    state
        .mailer
        .send(&user.email, &subject, &body)
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(url)
}

/// Asks for a reset link; says nothing about whether the address has an account.
pub async fn request_password_reset(state: &Context, email: &str, lang: Lang) -> Result<(), Error> {
    let email = Email::parse(email).map_err(|p| Error::field("email", p))?;
    if let Some(user) = repo::user_by_email(&state.db.conn, &email)
        .await?
        .filter(|u| !u.disabled)
    {
        send_password_link(
            state,
            &Who::system("anonymous"),
            &user,
            LinkPurpose::PasswordReset,
            lang,
        )
        .await?;
    }
    Ok(())
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PasswordInput {
    pub password: String,
    pub confirm: String,
}

impl PasswordInput {
    fn check(&self, email: &Email) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if let Err(p) = check_new_password(&self.password, email) {
            errors.add("password", p);
        } else if self.password != self.confirm {
            errors.add("confirm", Problem::new(ProblemKey::PasswordsDiffer));
        }
        errors.into_result(|| ())
    }
}

/// Which links can set a password.
pub async fn live_link(
    state: &Context,
    token: &str,
) -> Result<(LinkPurpose, repo::OneTimeLink), Error> {
    for purpose in [LinkPurpose::Invitation, LinkPurpose::PasswordReset] {
        if let Some(link) = repo::peek_link(&state.db.conn, purpose, &token_hash(token)).await? {
            return Ok((purpose, link));
        }
    }
    Err(Error::BadRequest(Problem::new(ProblemKey::LinkInvalid)))
}

/// Sets a password with a one-time link, ends the user's other sessions and API tokens, lifts a
/// sign-in lock, and signs them in.
pub async fn set_password_with_link(
    state: &Context,
    token: &str,
    input: &PasswordInput,
) -> Result<String, Error> {
    let (purpose, link) = live_link(state, token).await?;
    let email = Email::parse(&link.email)
        .map_err(|_| Error::BadRequest(Problem::new(ProblemKey::LinkInvalid)))?;
    input.check(&email)?;
    let user = repo::user_by_email(&state.db.conn, &email)
        .await?
        .ok_or(Error::BadRequest(Problem::new(ProblemKey::LinkInvalid)))?;
    let hash = security::hash_password(input.password.clone()).await?;
    let who = Who::user(user.id, &user.email);
    let txn = state.db.write().await?;
    if repo::use_link(&txn, purpose, &token_hash(token))
        .await?
        .is_none()
    {
        return Err(Error::BadRequest(Problem::new(ProblemKey::LinkInvalid)));
    }
    repo::set_password(&txn, &who, user.id, &hash).await?;
    sessions::end_all(&txn, &who, user.id).await?;
    repo::revoke_all_api_tokens(&txn, &who, user.id).await?;
    repo::clear_login_failures(&txn, user.email.as_str()).await?;
    let session = open_session(&txn, &user).await?;
    txn.commit().await?;
    Ok(session)
}

/// Adds (or finds) a person, gives them a role, and emails them a link to set their password.
pub async fn invite(
    state: &Context,
    who: &Who,
    email: &Email,
    name: &str,
    grant: Option<&Grant>,
    lang: Lang,
) -> Result<String, Error> {
    let txn = state.db.write().await?;
    let user = match repo::user_by_email(&*txn, email).await? {
        Some(user) => user,
        None => repo::create_user(&txn, who, email, name, None).await?,
    };
    if let Some(grant) = grant {
        repo::add_grant(&txn, who, user.id, grant).await?;
    }
    txn.commit().await?;
    send_password_link(state, who, &user, LinkPurpose::Invitation, lang).await
}

/// On a platform without administrator, creates the one-time set-up link (unless one is
/// pending). Returns the link to print.
pub async fn admin_setup_link(state: &Context) -> Result<Option<String>, Error> {
    if repo::has_admin(&state.db).await? || repo::pending_admin_setup(&state.db).await? {
        return Ok(None);
    }
    let token = new_token();
    let txn = state.db.write().await?;
    repo::create_link(
        &txn,
        &Who::system("system"),
        LinkPurpose::AdminSetup,
        "",
        "{}",
        &token_hash(&token),
        Utc::now() + Duration::days(7),
    )
    .await?;
    txn.commit().await?;
    Ok(Some(link_url(state, Lang::En, "/setup", &token)))
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SetupInput {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub confirm: String,
}

/// Creates the first administrator with the set-up link; returns a session token.
pub async fn setup_admin(
    state: &Context,
    token: &str,
    input: &SetupInput,
) -> Result<String, Error> {
    if repo::peek_link(&state.db.conn, LinkPurpose::AdminSetup, &token_hash(token))
        .await?
        .is_none()
    {
        return Err(Error::BadRequest(Problem::new(ProblemKey::LinkInvalid)));
    }
    let email = Email::parse(&input.email).map_err(|p| Error::field("email", p))?;
    PasswordInput {
        password: input.password.clone(),
        confirm: input.confirm.clone(),
    }
    .check(&email)?;
    let hash = security::hash_password(input.password.clone()).await?;
    let txn = state.db.write().await?;
    if repo::use_link(&txn, LinkPurpose::AdminSetup, &token_hash(token))
        .await?
        .is_none()
    {
        return Err(Error::BadRequest(Problem::new(ProblemKey::LinkInvalid)));
    }
    let who = Who::system("setup");
    let user = repo::create_user(&txn, &who, &email, &input.display_name, Some(hash)).await?;
    let grant = Grant::new(Role::PlatformAdmin, None, None).map_err(Error::BadRequest)?;
    repo::add_grant(&txn, &who, user.id, &grant).await?;
    let session = open_session(&txn, &user).await?;
    txn.commit().await?;
    Ok(session)
}

/// Makes a personal API token for the account with this email (the command line's); returns
/// its secret. Not found when there is no such account.
pub async fn create_api_token_for(
    state: &Context,
    who: &Who,
    email: &Email,
    request: &TokenRequest,
) -> Result<String, Error> {
    let user = repo::user_by_email(&state.db.conn, email)
        .await?
        .ok_or(Error::NotFound)?;
    create_api_token(state, who, user.id, request).await
}

/// Creates a personal API token for a user; the token is shown once. On the web this is
/// reached only from a signed-in session (`own::create_token`); the command line calls it directly.
pub async fn create_api_token(
    state: &Context,
    who: &Who,
    user_id: AccountId,
    request: &TokenRequest,
) -> Result<String, Error> {
    let token = format!("atn_{}", new_token());
    let txn = state.db.write().await?;
    repo::create_api_token(&txn, who, user_id, request, &token_hash(&token)).await?;
    txn.commit().await?;
    Ok(token)
}

/// What a person may do, as the policies see them: their roles, and the networks each city
/// they edit is a current member of.
pub async fn actor_for(
    context: &Context,
    user_id: AccountId,
    grants: Vec<Grant>,
) -> Result<Actor, Error> {
    let edited: Vec<CityId> = grants.iter().filter_map(|g| g.city).collect();
    let today = chrono::Utc::now().date_naive();
    let city_networks = ateneu_db::memberships::current_networks(&context.db.conn, &edited, today)
        .await?
        .into_iter()
        .map(|(city, networks)| {
            let scope = context
                .reference
                .scope_of(networks.iter().map(String::as_str));
            (city, scope)
        })
        .collect();
    Ok(Actor {
        user_id: Some(user_id),
        grants,
        city_networks,
    })
}
