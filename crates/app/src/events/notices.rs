//! The notices of availability requests: asking a city tells its editors, a city's answer tells
//! the secretariat (see `ateneu_domain::notifications::city_work_recipients`); and what such a
//! notice names when its reader opens their list, only while they may see the request.

use super::{may_answer_for, networks};
use crate::notifications::{self, Args, Pending, Target};
use crate::{Acting, Context, Error};
use ateneu_db::accounts::User;
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::events::{self as repo, Event, Request};
use ateneu_domain::Lang;
use ateneu_domain::notifications::{NoticeKind, Person};
use ateneu_domain::permissions::CityScope;

/// The notice's entity.
pub const ENTITY: &str = "availability_request";

fn path(event: &Event) -> String {
    format!("/events/{}", event.id)
}

fn args(event: &Event, city: &City, request: &Request, lang: Lang) -> Args {
    vec![
        ("title", event.draft.title.show(lang).text.to_owned()),
        ("city", city.draft.name.show(lang).text.to_owned()),
        ("deadline", request.deadline.to_string()),
    ]
}

/// The notice of `kind` about a request of `event` to `city`.
pub fn pending(
    context: &Context,
    people: &[(User, Person)],
    acting: &Acting,
    kind: NoticeKind,
    (event, city, request): (&Event, &City, &Request),
) -> Pending {
    let networks = networks(context);
    notifications::for_city_work(
        people,
        acting,
        kind,
        CityScope {
            id: city.id,
            networks: &networks,
        },
        ((ENTITY, request.id), path(event)),
        |lang| args(event, city, request, lang),
    )
}

/// What a notice about a request names, in the reader's language: nothing when the request is
/// gone or the reader may no longer see it.
pub async fn target(
    context: &Context,
    acting: &Acting,
    lang: Lang,
    request_id: i64,
) -> Result<Option<Target>, Error> {
    let Some(request) = repo::request_by_id(&context.db.conn, request_id).await? else {
        return Ok(None);
    };
    if !may_answer_for(acting, request.city_id, &networks(context)) {
        return Ok(None);
    }
    let (Some(event), Some(city)) = (
        repo::by_id(&context.db.conn, request.event_id).await?,
        city_repo::by_id(&context.db.conn, request.city_id).await?,
    ) else {
        return Ok(None);
    };
    Ok(Some(Target {
        title: event.draft.title.show(lang).text.to_owned(),
        city: city.draft.name.show(lang).text.to_owned(),
        path: path(&event),
    }))
}
