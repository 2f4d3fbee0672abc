//! Notices that the use cases leave for people (see `ateneu_domain::notifications`): who may
//! receive them, as the policies see each person; the notices of a change between a Leading
//! City and the secretariat (availability requests, inquiries), chosen before the change and
//! written in its transaction; and their e-mails through the outbox, after the commit, each in
//! its recipient's language unless they turned that kind off.

use crate::{Acting, Context, Error};
use ateneu_db::WriteTxn;
use ateneu_db::accounts::User;
use ateneu_db::notifications as repo;
pub use ateneu_db::notifications::Notice;
use ateneu_domain::Lang;
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::PracticeId;
use ateneu_domain::notifications::{NoticeKind, Person, city_work_recipients, practice_recipients};
use ateneu_domain::permissions::{CityScope, PracticeScope};
use std::collections::BTreeMap;

/// The people who may receive notices (enabled accounts with a role), as policies see them:
/// read once per change, whatever the number of notices it leaves.
pub async fn people(context: &Context) -> Result<Vec<(User, Person)>, Error> {
    let mut people = Vec::new();
    for (user, grants) in repo::people(&context.db.conn).await? {
        let actor = crate::accounts::actor_for(context, user.id, grants).await?;
        let id = user.id;
        people.push((user, Person { id, actor }));
    }
    Ok(people)
}

/// The words a notice's messages take in one language: `title` (the record), `city`, and for
/// some kinds `deadline`.
pub type Args = Vec<(&'static str, String)>;

/// A notice waiting to be written and e-mailed: its kind, its record, the arguments of its
/// messages in each language, the record's page (without the language) and its recipients.
#[derive(Debug, Clone)]
pub struct Pending {
    pub kind: NoticeKind,
    pub entity: (&'static str, i64),
    pub args: BTreeMap<Lang, Args>,
    pub path: String,
    pub recipients: Vec<User>,
}

impl Pending {
    /// A notice whose messages take the same words in every language.
    pub fn same_in_every_language(
        kind: NoticeKind,
        entity: (&'static str, i64),
        args: Args,
        path: String,
        recipients: Vec<User>,
    ) -> Pending {
        Pending {
            kind,
            entity,
            args: Lang::ALL.iter().map(|l| (*l, args.clone())).collect(),
            path,
            recipients,
        }
    }

    fn args(&self, lang: Lang) -> Args {
        self.args
            .get(&lang)
            .or_else(|| self.args.values().next())
            .cloned()
            .unwrap_or_default()
    }
}

/// The notice of a change between the city in `scope` and the secretariat, to the other side
/// (see `city_work_recipients`); the person acting is left out.
pub fn for_city_work(
    people: &[(User, Person)],
    acting: &Acting,
    kind: NoticeKind,
    scope: CityScope<'_>,
    (entity, path): ((&'static str, i64), String),
    args: impl Fn(Lang) -> Args,
) -> Pending {
    let persons: Vec<Person> = people.iter().map(|(_, p)| p.clone()).collect();
    let chosen = city_work_recipients(kind, scope, &persons, acting.actor.user_id);
    Pending {
        kind,
        entity,
        args: Lang::ALL.iter().map(|l| (*l, args(*l))).collect(),
        path,
        recipients: people
            .iter()
            .filter(|(user, _)| chosen.contains(&user.id))
            .map(|(user, _)| user.clone())
            .collect(),
    }
}

/// Writes the notices in the change's transaction.
pub async fn write(txn: &WriteTxn<'_>, pending: &Pending) -> Result<(), Error> {
    let ids: Vec<AccountId> = pending.recipients.iter().map(|u| u.id).collect();
    repo::notify(txn, pending.kind, pending.entity, &ids).await?;
    Ok(())
}

/// The message a notice is worded in (`notice-practice-submitted`…), for pages and e-mails.
pub fn message_id(kind: NoticeKind) -> String {
    format!("notice-{}", kind.key().replace('_', "-"))
}

/// E-mails the notices through the outbox (after the change is committed), each in its
/// recipient's language (`fallback` when they chose none), to those who did not turn that kind
/// off. A kind may have its own body (`notice-mail-KIND`); the others say where to open it.
pub async fn send(context: &Context, pending: &Pending, fallback: Lang) {
    for user in &pending.recipients {
        match repo::emails_off(&context.db.conn, user.id).await {
            Ok(off) if off.contains(&pending.kind) => continue,
            Ok(_) => {}
            Err(error) => {
                tracing::error!(%error, "cannot read notification settings");
                continue;
            }
        }
        let lang = user
            .locale
            .as_deref()
            .and_then(|l| l.parse::<Lang>().ok())
            .unwrap_or(fallback);
        let link = format!(
            "{}/{}{}",
            context.config.base_url.trim_end_matches('/'),
            lang.code(),
            pending.path
        );
        let mut args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = pending
            .args(lang)
            .into_iter()
            .map(|(name, value)| (name, value.into()))
            .collect();
        args.push(("link", link.into()));
        let message = message_id(pending.kind);
        let subject = context.i18n.format(lang, &message, &args);
        let own_body = format!("notice-mail-{}", pending.kind.key().replace('_', "-"));
        let body_id = if context.i18n.has(lang, &own_body) {
            own_body.as_str()
        } else {
            "notice-mail-body"
        };
        let body = format!(
            "{}\n\n{}",
            subject,
            context.i18n.format(lang, body_id, &args)
        );
        if let Err(error) = context.mailer.send(&user.email, &subject, &body).await {
            tracing::error!(%error, "cannot write a notice email");
        }
    }
}

/// What a notice names, as its reader is shown it now: the record's words and its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub title: String,
    pub city: String,
    pub path: String,
}

/// A workshop's facilitators with an enabled account, to be told they facilitate it (the
/// person who made it left out).
pub async fn for_facilitators(
    context: &Context,
    acting: &Acting,
    facilitators: &[AccountId],
) -> Result<Vec<User>, Error> {
    let mut users = Vec::new();
    for id in facilitators
        .iter()
        .filter(|id| Some(**id) != acting.actor.user_id)
    {
        if let Some(user) = ateneu_db::accounts::user_by_id(&context.db.conn, *id)
            .await?
            .filter(|u| !u.disabled)
        {
            users.push(user);
        }
    }
    Ok(users)
}

fn signed_in(acting: &Acting) -> Result<AccountId, Error> {
    acting.actor.user_id.ok_or(Error::SignInRequired)
}

/// The signed-in person's newest notices (`most` of them), whatever they name: the caller
/// leaves out those naming a record the person may no longer see.
pub async fn newest(context: &Context, acting: &Acting, most: u64) -> Result<Vec<Notice>, Error> {
    let user = signed_in(acting)?;
    Ok(repo::of_user(&context.db.conn, user, most).await?)
}

/// The kinds of notice the signed-in person gets by e-mail (every kind they did not turn off).
pub async fn emailed_kinds(context: &Context, acting: &Acting) -> Result<Vec<NoticeKind>, Error> {
    let user = signed_in(acting)?;
    let off = repo::emails_off(&context.db.conn, user).await?;
    Ok(NoticeKind::ALL
        .iter()
        .copied()
        .filter(|k| !off.contains(k))
        .collect())
}

/// Sets the kinds of notice the signed-in person gets by e-mail (their keys, as ticked).
pub async fn set_emailed_kinds(
    context: &Context,
    acting: &Acting,
    keys: &[String],
) -> Result<(), Error> {
    let user = signed_in(acting)?;
    let wanted = keys
        .iter()
        .map(|key| NoticeKind::parse(key).map_err(|p| Error::field("email", p)))
        .collect::<Result<Vec<_>, _>>()?;
    let txn = context.db.write().await?;
    repo::set_emails(&txn, &acting.who, user, &wanted).await?;
    txn.commit().await?;
    Ok(())
}

/// Marks the signed-in person's notices read; how many were unread.
pub async fn mark_read(context: &Context, acting: &Acting) -> Result<u64, Error> {
    let user = signed_in(acting)?;
    let txn = context.db.write().await?;
    let read = repo::mark_read(&txn, user).await?;
    txn.commit().await?;
    Ok(read)
}

/// How many of a person's notices are unread (the count beside the bell on every page).
pub async fn unread(context: &Context, user: AccountId) -> Result<u64, Error> {
    Ok(repo::unread(&context.db.conn, user).await?)
}

/// Who among `people` receives a practice's notice (chosen before the change is written: the
/// notice goes in the same transaction); the person acting is left out.
pub fn for_practice(
    people: &[(User, Person)],
    acting: &Acting,
    kind: NoticeKind,
    (scope, id, slug, title): (PracticeScope<'_>, PracticeId, &str, String),
) -> Pending {
    let persons: Vec<Person> = people.iter().map(|(_, p)| p.clone()).collect();
    let chosen = practice_recipients(kind, scope, &persons, acting.actor.user_id);
    Pending::same_in_every_language(
        kind,
        ("practice", id.get()),
        vec![("title", title)],
        format!("/practices/{slug}"),
        people
            .iter()
            .filter(|(user, _)| chosen.contains(&user.id))
            .map(|(user, _)| user.clone())
            .collect(),
    )
}
