//! Platform administration's use cases: people and their roles (invitations, grants,
//! disabling an account, which ends its sessions) and the audit log, all for the platform's
//! administrators (`ManageAccounts`, `ViewAuditLog`).

use crate::{Acting, Context, Error, accounts, cities};
use ateneu_db::accounts::{self as repo, StoredGrant, User};
use ateneu_db::{audit, sessions};
use ateneu_domain::accounts::{Email, Grant, Role};
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::Action;
use ateneu_domain::validation::non_empty;
use ateneu_domain::{Lang, Problem, ProblemKey};
use serde::Deserialize;
use std::collections::HashMap;

/// A row of the audit log.
pub type AuditEntry = ateneu_db::entities::audit_entry::Model;

/// How many rows of the audit log a page shows.
pub const AUDIT_PER_PAGE: u64 = 50;

/// A role form's text: role, and its scope (network key, or a city as typed or picked).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GrantInput {
    pub role: String,
    pub network: String,
    pub city: String,
}

impl GrantInput {
    /// The grant asked for, none when no role is chosen, or the field at fault.
    pub async fn parse(&self, context: &Context) -> Result<Option<Grant>, Error> {
        let Some(role) = non_empty(&self.role) else {
            return Ok(None);
        };
        let role = Role::parse(&role).map_err(|p| Error::field("role", p))?;
        let network = match non_empty(&self.network) {
            Some(key) if context.reference.network(&key).is_none() => {
                return Err(Error::field(
                    "network",
                    Problem::with_detail(ProblemKey::UnknownNetwork, key),
                ));
            }
            other => other,
        };
        let city = match non_empty(&self.city) {
            Some(typed) => Some(
                cities::resolve(context, &typed)
                    .await?
                    .map_err(|p| Error::field("city", p))?
                    .id,
            ),
            None => None,
        };
        Grant::new(role, network, city)
            .map(Some)
            .map_err(|p| Error::field("role", p))
    }
}

/// An invitation form's text: the person and, optionally, their first role.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct InviteInput {
    pub email: String,
    pub display_name: String,
    #[serde(flatten)]
    pub grant: GrantInput,
}

/// Invites a person (an account, and an emailed link to set its password, in `lang` unless
/// they chose a language); returns the link.
pub async fn invite(
    context: &Context,
    acting: &Acting,
    input: &InviteInput,
    lang: Lang,
) -> Result<String, Error> {
    acting.require(Action::ManageAccounts)?;
    let email = Email::parse(&input.email).map_err(|p| Error::field("email", p))?;
    let grant = input.grant.parse(context).await?;
    accounts::invite(
        context,
        &acting.who,
        &email,
        &input.display_name,
        grant.as_ref(),
        lang,
    )
    .await
}

/// Every account with its roles, by email.
pub async fn people(
    context: &Context,
    acting: &Acting,
) -> Result<Vec<(User, Vec<StoredGrant>)>, Error> {
    acting.require(Action::ManageAccounts)?;
    let mut people = Vec::new();
    for user in repo::users(&context.db).await? {
        let grants = repo::grants_of(&context.db.conn, user.id).await?;
        people.push((user, grants));
    }
    Ok(people)
}

async fn account(context: &Context, acting: &Acting, id: AccountId) -> Result<User, Error> {
    acting.require(Action::ManageAccounts)?;
    repo::user_by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)
}

/// Gives a person a role; a form without a role says the role is required.
pub async fn add_grant(
    context: &Context,
    acting: &Acting,
    user: AccountId,
    input: &GrantInput,
) -> Result<(), Error> {
    let user = account(context, acting, user).await?;
    let grant = input
        .parse(context)
        .await?
        .ok_or_else(|| Error::field("role", Problem::new(ProblemKey::Required)))?;
    let txn = context.db.write().await?;
    repo::add_grant(&txn, &acting.who, user.id, &grant).await?;
    txn.commit().await?;
    Ok(())
}

/// Takes a role from a person; not found when they do not hold it.
pub async fn remove_grant(
    context: &Context,
    acting: &Acting,
    user: AccountId,
    grant: i64,
) -> Result<(), Error> {
    acting.require(Action::ManageAccounts)?;
    let txn = context.db.write().await?;
    let removed = repo::remove_grant(&txn, &acting.who, user, grant).await?;
    txn.commit().await?;
    if removed {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Disables an account (and ends its sessions) or enables it again.
pub async fn set_disabled(
    context: &Context,
    acting: &Acting,
    user: AccountId,
    disabled: bool,
) -> Result<(), Error> {
    let user = account(context, acting, user).await?;
    let txn = context.db.write().await?;
    repo::set_disabled(&txn, &acting.who, user.id, disabled).await?;
    if disabled {
        sessions::end_all(&txn, &acting.who, user.id).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// A page of the audit log, newest first, with how many rows it has in all.
pub async fn audit_log(
    context: &Context,
    acting: &Acting,
    page: u64,
) -> Result<(Vec<AuditEntry>, u64), Error> {
    acting.require(Action::ViewAuditLog)?;
    Ok(audit::list(&context.db.conn, page.max(1), AUDIT_PER_PAGE).await?)
}

/// The names, in `lang`, of the cities some grants are scoped to (a city by its name, never
/// its number).
pub async fn city_names(
    context: &Context,
    lang: Lang,
    ids: impl IntoIterator<Item = CityId>,
) -> Result<HashMap<CityId, String>, Error> {
    let mut names = HashMap::new();
    for id in ids {
        if names.contains_key(&id) {
            continue;
        }
        if let Some(city) = cities::by_id(context, id).await? {
            names.insert(id, city.draft.name.show(lang).text.to_owned());
        }
    }
    Ok(names)
}
