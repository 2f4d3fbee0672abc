//! Notices that the use cases leave for people (see `ateneu_domain::notifications`): who may
//! receive them, as the policies see each person; the notices of a change between a Leading
//! City and the secretariat (availability requests, inquiries), chosen before the change and
//! written in its transaction; and their e-mails through the outbox, after the commit, each in
//! its recipient's language unless they turned that kind off.

use crate::{Acting, Context, Error};
use ateneu_db::WriteTxn;
use ateneu_db::accounts::User;
use ateneu_db::notifications as repo;
use ateneu_domain::Lang;
use ateneu_domain::notifications::{NoticeKind, Person, city_work_recipients};
use ateneu_domain::permissions::CityScope;
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
    let ids: Vec<i64> = pending.recipients.iter().map(|u| u.id).collect();
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
