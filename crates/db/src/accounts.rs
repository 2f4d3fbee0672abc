//! Accounts in the database: users and their grants, API tokens, one-time links (administrator
//! set-up, invitations, password resets) and sign-in failures. Secrets are stored as hashes only.

use crate::audit::{self, Who};
use crate::entities::{api_token, grant, login_failure, one_time_link, user};
use crate::{Db, DbError, DbResult, WriteTxn, conflict_as};
use ateneu_domain::accounts::{Email, Grant, Role, TokenRequest, TokenScope};
use ateneu_domain::ids::{AccountId, CityId};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: AccountId,
    pub email: String,
    pub display_name: String,
    #[serde(skip)]
    pub password_hash: Option<String>,
    pub locale: Option<String>,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
}

impl From<user::Model> for User {
    fn from(m: user::Model) -> Self {
        User {
            id: AccountId::new(m.id),
            email: m.email,
            display_name: m.display_name,
            password_hash: m.password_hash,
            locale: m.locale,
            disabled: m.disabled,
            created_at: m.created_at,
        }
    }
}

/// A grant as stored, with its id (to remove it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredGrant {
    pub id: i64,
    #[serde(flatten)]
    pub grant: Grant,
}

pub async fn user_by_email(conn: &impl ConnectionTrait, email: &Email) -> DbResult<Option<User>> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(conn)
        .await?
        .map(User::from))
}

pub async fn user_by_id(conn: &impl ConnectionTrait, id: AccountId) -> DbResult<Option<User>> {
    Ok(user::Entity::find_by_id(id.get())
        .one(conn)
        .await?
        .map(User::from))
}

pub async fn users(db: &Db) -> DbResult<Vec<User>> {
    Ok(user::Entity::find()
        .order_by_asc(user::Column::Email)
        .all(&db.conn)
        .await?
        .into_iter()
        .map(User::from)
        .collect())
}

/// Whether any enabled platform admin exists.
pub async fn has_admin(db: &Db) -> DbResult<bool> {
    Ok(grant::Entity::find()
        .filter(grant::Column::Role.eq(Role::PlatformAdmin.key()))
        .count(&db.conn)
        .await?
        > 0)
}

pub async fn create_user(
    txn: &WriteTxn<'_>,
    who: &Who,
    email: &Email,
    display_name: &str,
    password_hash: Option<String>,
) -> DbResult<User> {
    let model = user::ActiveModel {
        email: Set(email.as_str().to_owned()),
        display_name: Set(display_name.trim().to_owned()),
        password_hash: Set(password_hash),
        locale: Set(None),
        disabled: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await
    .map_err(conflict_as(ateneu_domain::ProblemKey::EmailTaken))?;
    audit::record(
        &**txn,
        who,
        "user.create",
        "user",
        model.id,
        serde_json::json!({"email": email.as_str()}),
    )
    .await?;
    Ok(model.into())
}

pub async fn set_password(
    txn: &WriteTxn<'_>,
    who: &Who,
    user_id: AccountId,
    hash: &str,
) -> DbResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash.to_owned()))
        .filter(user::Column::Id.eq(user_id.get()))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "user.password",
        "user",
        user_id,
        serde_json::json!({}),
    )
    .await
}

pub async fn update_profile(
    txn: &WriteTxn<'_>,
    who: &Who,
    user_id: AccountId,
    display_name: &str,
    locale: Option<&str>,
) -> DbResult<()> {
    user::Entity::update_many()
        .col_expr(
            user::Column::DisplayName,
            Expr::value(display_name.trim().to_owned()),
        )
        .col_expr(user::Column::Locale, Expr::value(locale.map(str::to_owned)))
        .filter(user::Column::Id.eq(user_id.get()))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "user.profile",
        "user",
        user_id,
        serde_json::json!({"display_name": display_name, "locale": locale}),
    )
    .await
}

pub async fn set_disabled(
    txn: &WriteTxn<'_>,
    who: &Who,
    user_id: AccountId,
    disabled: bool,
) -> DbResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::Disabled, Expr::value(disabled))
        .filter(user::Column::Id.eq(user_id.get()))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "user.disabled",
        "user",
        user_id,
        serde_json::json!({"disabled": disabled}),
    )
    .await
}

pub(crate) fn to_grant(m: grant::Model) -> DbResult<StoredGrant> {
    let role = Role::parse(&m.role).map_err(|_| DbError::Corrupt(m.role.clone()))?;
    Ok(StoredGrant {
        id: m.id,
        grant: Grant {
            role,
            network: m.network,
            city: m.city_id.map(CityId::new),
        },
    })
}

pub async fn grants_of(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
) -> DbResult<Vec<StoredGrant>> {
    grant::Entity::find()
        .filter(grant::Column::UserId.eq(user_id.get()))
        .order_by_asc(grant::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_grant)
        .collect()
}

pub async fn add_grant(
    txn: &WriteTxn<'_>,
    who: &Who,
    user_id: AccountId,
    g: &Grant,
) -> DbResult<()> {
    if grants_of(&**txn, user_id)
        .await?
        .iter()
        .any(|s| s.grant == *g)
    {
        return Ok(());
    }
    grant::ActiveModel {
        user_id: Set(user_id.get()),
        role: Set(g.role.key().to_owned()),
        network: Set(g.network.clone()),
        city_id: Set(g.city.map(CityId::get)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "grant.add",
        "user",
        user_id,
        serde_json::to_value(g).unwrap_or_default(),
    )
    .await
}

pub async fn remove_grant(
    txn: &WriteTxn<'_>,
    who: &Who,
    user_id: AccountId,
    grant_id: i64,
) -> DbResult<bool> {
    let result = grant::Entity::delete_many()
        .filter(grant::Column::Id.eq(grant_id))
        .filter(grant::Column::UserId.eq(user_id.get()))
        .exec(&**txn)
        .await?;
    audit::record_removal(
        &**txn,
        who,
        result.rows_affected,
        ("grant.remove", "user", user_id.get()),
        serde_json::json!({"grant_id": grant_id}),
    )
    .await
}

// --- API tokens ---

/// A personal API token as its owner sees it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub scope: TokenScope,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// How long a token made before tokens had an expiry lives: a year from its making.
const TOKEN_LIFE_BEFORE_EXPIRY: chrono::Duration = chrono::Duration::days(365);

fn to_token(model: api_token::Model) -> DbResult<ApiToken> {
    let scope =
        TokenScope::parse(&model.scope).map_err(|_| DbError::Corrupt(model.scope.clone()))?;
    Ok(ApiToken {
        id: model.id,
        name: model.name,
        scope,
        expires_at: model
            .expires_at
            .unwrap_or(model.created_at + TOKEN_LIFE_BEFORE_EXPIRY),
        created_at: model.created_at,
        last_used_at: model.last_used_at,
    })
}

pub async fn create_api_token(
    txn: &WriteTxn<'_>,
    who: &Who,
    user_id: AccountId,
    request: &TokenRequest,
    token_hash: &str,
) -> DbResult<i64> {
    let now = Utc::now();
    let expires_at = now + chrono::Duration::days(request.days);
    let model = api_token::ActiveModel {
        user_id: Set(user_id.get()),
        name: Set(request.name.clone()),
        token_hash: Set(token_hash.to_owned()),
        created_at: Set(now),
        last_used_at: Set(None),
        scope: Set(request.scope.key().to_owned()),
        expires_at: Set(Some(expires_at)),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "api_token.create",
        "user",
        user_id,
        serde_json::json!({"token_id": model.id, "name": request.name, "scope": request.scope.key(), "expires_at": expires_at}),
    )
    .await?;
    Ok(model.id)
}

pub async fn api_tokens_of(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
) -> DbResult<Vec<ApiToken>> {
    api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user_id.get()))
        .order_by_asc(api_token::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_token)
        .collect()
}

pub async fn revoke_api_token(
    txn: &WriteTxn<'_>,
    who: &Who,
    user_id: AccountId,
    token_id: i64,
) -> DbResult<bool> {
    let result = api_token::Entity::delete_many()
        .filter(api_token::Column::Id.eq(token_id))
        .filter(api_token::Column::UserId.eq(user_id.get()))
        .exec(&**txn)
        .await?;
    audit::record_removal(
        &**txn,
        who,
        result.rows_affected,
        ("api_token.revoke", "user", user_id.get()),
        serde_json::json!({"token_id": token_id}),
    )
    .await
}

/// Ends every API token of a person (a password reset, signing out everywhere); returns how
/// many ended.
pub async fn revoke_all_api_tokens(
    txn: &WriteTxn<'_>,
    who: &Who,
    user_id: AccountId,
) -> DbResult<u64> {
    let result = api_token::Entity::delete_many()
        .filter(api_token::Column::UserId.eq(user_id.get()))
        .exec(&**txn)
        .await?;
    audit::record_removal(
        &**txn,
        who,
        result.rows_affected,
        ("api_token.revoke_all", "user", user_id.get()),
        serde_json::json!({"count": result.rows_affected}),
    )
    .await?;
    Ok(result.rows_affected)
}

/// The enabled user an unexpired token belongs to, with the token's scope.
pub async fn user_for_api_token(db: &Db, token_hash: &str) -> DbResult<Option<(User, TokenScope)>> {
    let Some(model) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .one(&db.conn)
        .await?
    else {
        return Ok(None);
    };
    let user_id = model.user_id;
    let token = to_token(model)?;
    if token.expires_at <= Utc::now() {
        return Ok(None);
    }
    Ok(user_by_id(&db.conn, AccountId::new(user_id))
        .await?
        .filter(|u| !u.disabled)
        .map(|u| (u, token.scope)))
}

// --- one-time links ---

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    AdminSetup,
    Invitation,
    PasswordReset,
}

impl LinkPurpose {
    pub fn key(self) -> &'static str {
        match self {
            LinkPurpose::AdminSetup => "admin_setup",
            LinkPurpose::Invitation => "invitation",
            LinkPurpose::PasswordReset => "password_reset",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneTimeLink {
    pub email: String,
    /// Grants to give on acceptance (invitations), as JSON.
    pub payload: String,
    pub expires_at: DateTime<Utc>,
}

pub async fn create_link(
    txn: &WriteTxn<'_>,
    who: &Who,
    purpose: LinkPurpose,
    email: &str,
    payload: &str,
    token_hash: &str,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    one_time_link::ActiveModel {
        token_hash: Set(token_hash.to_owned()),
        purpose: Set(purpose.key().to_owned()),
        email: Set(email.to_owned()),
        payload: Set(payload.to_owned()),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "link.create",
        "link",
        purpose.key(),
        serde_json::json!({"email": email}),
    )
    .await
}

/// A link that is unused and unexpired, without using it.
pub async fn peek_link(
    conn: &impl ConnectionTrait,
    purpose: LinkPurpose,
    token_hash: &str,
) -> DbResult<Option<OneTimeLink>> {
    let now = Utc::now();
    Ok(one_time_link::Entity::find_by_id(token_hash.to_owned())
        .one(conn)
        .await?
        .filter(|l| l.purpose == purpose.key() && l.used_at.is_none() && l.expires_at > now)
        .map(|l| OneTimeLink {
            email: l.email,
            payload: l.payload,
            expires_at: l.expires_at,
        }))
}

/// Uses a link once: returns it if it was valid, and marks it used.
pub async fn use_link(
    txn: &WriteTxn<'_>,
    purpose: LinkPurpose,
    token_hash: &str,
) -> DbResult<Option<OneTimeLink>> {
    let Some(link) = peek_link(&**txn, purpose, token_hash).await? else {
        return Ok(None);
    };
    let result = one_time_link::Entity::update_many()
        .col_expr(one_time_link::Column::UsedAt, Expr::value(Utc::now()))
        .filter(one_time_link::Column::TokenHash.eq(token_hash))
        .filter(one_time_link::Column::UsedAt.is_null())
        .exec(&**txn)
        .await?;
    Ok((result.rows_affected == 1).then_some(link))
}

/// Whether an unused, unexpired admin set-up link exists.
pub async fn pending_admin_setup(db: &Db) -> DbResult<bool> {
    let now = Utc::now();
    Ok(one_time_link::Entity::find()
        .filter(one_time_link::Column::Purpose.eq(LinkPurpose::AdminSetup.key()))
        .filter(one_time_link::Column::UsedAt.is_null())
        .filter(one_time_link::Column::ExpiresAt.gt(now))
        .count(&db.conn)
        .await?
        > 0)
}

// --- sign-in failures ---

/// Claims one password check for an address, before the password is checked: in one
/// transaction, with the address's row locked (`FOR UPDATE` on PostgreSQL; SQLite takes the
/// whole database's write lock with the first statement), the attempt is refused while
/// `locked_until(failures, last)` lies after `now`, and otherwise counted as a failure until the
/// check succeeds and clears it. So however many attempts arrive at once, on however many
/// servers, no more passwords are checked than the rule lets through. Returns the end of the
/// lock when refused.
pub async fn claim_login_attempt(
    db: &Db,
    email: &str,
    now: DateTime<Utc>,
    locked_until: fn(i64, DateTime<Utc>) -> Option<DateTime<Utc>>,
) -> DbResult<Result<(), DateTime<Utc>>> {
    let txn = db.write().await?;
    login_failure::Entity::insert(login_failure::ActiveModel {
        email: Set(email.to_owned()),
        failures: Set(0),
        last_failure_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec(&*txn)
    .await?;
    let row = login_failure::Entity::find_by_id(email.to_owned())
        .lock_exclusive()
        .one(&*txn)
        .await?
        .ok_or(DbError::NotFound)?;
    if let Some(until) = locked_until(row.failures, row.last_failure_at).filter(|u| *u > now) {
        return Ok(Err(until));
    }
    login_failure::Entity::update_many()
        .col_expr(
            login_failure::Column::Failures,
            Expr::col(login_failure::Column::Failures).add(1),
        )
        .col_expr(login_failure::Column::LastFailureAt, Expr::value(now))
        .filter(login_failure::Column::Email.eq(email))
        .exec(&*txn)
        .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// Notes a wrong password in the audit log (the attempt was counted when it was claimed).
pub async fn record_login_failure(db: &Db, email: &str) -> DbResult<()> {
    let txn = db.write().await?;
    audit::record(
        &*txn,
        &Who::system("anonymous"),
        "sign_in.failure",
        "user",
        email,
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await
}

pub async fn clear_login_failures(txn: &WriteTxn<'_>, email: &str) -> DbResult<()> {
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::Email.eq(email))
        .exec(&**txn)
        .await?;
    Ok(())
}
