//! Reminders of availability requests without an answer whose deadline is near: an e-mail
//! through the outbox to each of the city's editors, in their language; each reminder is
//! recorded (one per request and day), so that running this twice in a day reminds nobody twice.

use super::networks;
use crate::{Acting, Context, Error};
use ateneu_db::cities as city_repo;
use ateneu_db::events as repo;
use ateneu_domain::Lang;
use ateneu_domain::accounts::Role;
use ateneu_domain::events::reminder_due;
use ateneu_domain::permissions::Action;
use chrono::NaiveDate;
use serde::Serialize;

/// What a run of reminders did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Reminded {
    /// Requests reminded now.
    pub requests: usize,
    /// E-mails queued in the outbox.
    pub emails: usize,
    /// Requests due but already reminded today.
    pub already_today: usize,
}

/// Queues the reminders due on `today` (the secretariat, or the command line).
pub async fn send(context: &Context, acting: &Acting, today: NaiveDate) -> Result<Reminded, Error> {
    acting.require(Action::ManageEvents(&networks(context)))?;
    let due: Vec<_> = repo::unanswered(&context.db.conn)
        .await?
        .into_iter()
        .filter(|r| reminder_due(r.deadline, today, r.answer.is_some()))
        .collect();
    let mut reminded = Reminded::default();
    if due.is_empty() {
        return Ok(reminded);
    }
    let people = ateneu_db::notifications::people(&context.db.conn).await?;
    for request in due {
        let editors: Vec<_> = people
            .iter()
            .filter(|(_, grants)| {
                grants
                    .iter()
                    .any(|g| g.role == Role::Editor && g.city == Some(request.city_id))
            })
            .map(|(user, _)| user)
            .collect();
        let txn = context.db.write().await?;
        let recorded =
            repo::record_reminder(&txn, &acting.who, request.id, today, editors.len()).await?;
        txn.commit().await?;
        if !recorded {
            reminded.already_today += 1;
            continue;
        }
        reminded.requests += 1;
        let (Some(event), Some(city)) = (
            repo::by_id(&context.db.conn, request.event_id).await?,
            city_repo::by_id(&context.db.conn, request.city_id).await?,
        ) else {
            continue;
        };
        for user in editors {
            let lang = user
                .locale
                .as_deref()
                .and_then(|l| l.parse::<Lang>().ok())
                .unwrap_or(Lang::En);
            let link = format!(
                "{}/{}/events/{}",
                context.config.base_url.trim_end_matches('/'),
                lang.code(),
                event.id
            );
            let args = [
                ("title", event.draft.title.show(lang).text.to_owned().into()),
                ("city", city.draft.name.show(lang).text.to_owned().into()),
                ("deadline", request.deadline.to_string().into()),
                ("link", link.into()),
            ];
            let subject = context.i18n.format(lang, "event-reminder-subject", &args);
            let body = context.i18n.format(lang, "event-reminder-body", &args);
            match context.mailer.send(&user.email, &subject, &body).await {
                Ok(_) => reminded.emails += 1,
                Err(error) => tracing::error!(%error, "cannot write a reminder email"),
            }
        }
    }
    Ok(reminded)
}
