//! The inquiries a Leading City sends the secretariat about its programme, as use cases:
//! listing a programme's (whoever may see the programme; not found for anyone else), sending
//! one (the city's editors, or the secretariat recording one received otherwise), answering
//! or closing one on the revision it was read on (the secretariat), and the open inquiries a
//! person may see across programmes (for the dashboards). Sending one tells the secretariat and
//! answering it tells the city's editors (a notice in the write's transaction, and an e-mail
//! through the outbox after it); a notice names the inquiry only to whoever may see its
//! programme (`target`).

use super::{load, number_or_text, parse_revision, programme_networks, scope};
use crate::notifications::{self, Pending, Target};
use crate::{Acting, Context, Error};
use ateneu_db::accounts::User;
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::programmes::Programme;
use ateneu_db::programmes::inquiries::{self as repo, Inquiry};
use ateneu_domain::Lang;
use ateneu_domain::ids::CityId;
use ateneu_domain::notifications::{NoticeKind, Person};
use ateneu_domain::permissions::Action;
use ateneu_domain::programmes::inquiries::{InquiryInput, InquiryStatus, ReplyInput};
use ateneu_domain::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A programme's inquiries as its page and the API show them.
#[derive(Debug, Clone, Serialize)]
pub struct InquiriesView {
    pub programme_id: i64,
    /// Newest first.
    pub inquiries: Vec<Inquiry>,
    /// The person may send one.
    pub may_ask: bool,
    /// The person may answer them.
    pub may_answer: bool,
}

/// A programme's inquiries, or not found for whoever may not see the programme.
pub async fn of_programme(
    context: &Context,
    acting: &Acting,
    id: i64,
) -> Result<InquiriesView, Error> {
    let (_, rights) = load(context, acting, id).await?;
    Ok(InquiriesView {
        programme_id: id,
        inquiries: repo::of_programme(&context.db.conn, id).await?,
        may_ask: rights.may_consult,
        may_answer: rights.may_manage,
    })
}

/// Sends the secretariat an inquiry about the programme.
pub async fn send(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &InquiryInput,
) -> Result<Inquiry, Error> {
    let (programme, rights) = load(context, acting, id).await?;
    if !rights.may_consult {
        return Err(Error::Forbidden);
    }
    let draft = input.parse()?;
    let city = city_of(context, &programme).await?;
    let people = notifications::people(context).await?;
    let txn = context.db.write().await?;
    let inquiry = repo::send(&txn, &acting.who, id, &draft).await?;
    let pending = notice(
        context,
        &people,
        acting,
        NoticeKind::InquirySent,
        (&city, &inquiry),
    );
    notifications::write(&txn, &pending).await?;
    txn.commit().await?;
    notifications::send(context, &pending, Lang::En).await;
    Ok(inquiry)
}

/// The notice's entity.
pub const ENTITY: &str = "inquiry";

async fn city_of(context: &Context, programme: &Programme) -> Result<City, Error> {
    city_repo::by_id(&context.db.conn, programme.city_id)
        .await?
        .ok_or(Error::NotFound)
}

fn path(inquiry: &Inquiry) -> String {
    format!("/programmes/{}/inquiries", inquiry.programme_id)
}

/// The notice of `kind` about an inquiry of `city`'s programme.
fn notice(
    context: &Context,
    people: &[(User, Person)],
    acting: &Acting,
    kind: NoticeKind,
    (city, inquiry): (&City, &Inquiry),
) -> Pending {
    let networks = programme_networks(context);
    notifications::for_city_work(
        people,
        acting,
        kind,
        scope(city.id, &networks),
        ((ENTITY, inquiry.id), path(inquiry)),
        |lang| {
            vec![
                ("title", inquiry.subject.clone()),
                ("city", city.draft.name.show(lang).text.to_owned()),
            ]
        },
    )
}

/// What a notice about an inquiry names, in the reader's language: nothing when the inquiry is
/// gone or the reader may no longer see its programme.
pub async fn target(
    context: &Context,
    acting: &Acting,
    lang: Lang,
    inquiry_id: i64,
) -> Result<Option<Target>, Error> {
    let Some(inquiry) = repo::by_id(&context.db.conn, inquiry_id).await? else {
        return Ok(None);
    };
    let programme = match load(context, acting, inquiry.programme_id).await {
        Ok((programme, _)) => programme,
        Err(Error::NotFound) => return Ok(None),
        Err(other) => return Err(other),
    };
    let city = city_of(context, &programme).await?;
    Ok(Some(Target {
        title: inquiry.subject.clone(),
        city: city.draft.name.show(lang).text.to_owned(),
        path: path(&inquiry),
    }))
}

/// What answering an inquiry takes: the revision it was read on, its status and the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplyForm {
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    /// `open`, `answered` or `closed`; empty means answered.
    pub status: String,
    pub answer: String,
}

/// Answers, reopens or closes an inquiry of the programme (the secretariat).
pub async fn reply(
    context: &Context,
    acting: &Acting,
    id: i64,
    inquiry_id: i64,
    form: &ReplyForm,
) -> Result<Inquiry, Error> {
    let (programme, rights) = load(context, acting, id).await?;
    let before = repo::by_id(&context.db.conn, inquiry_id)
        .await?
        .filter(|i| i.programme_id == id)
        .ok_or(Error::NotFound)?;
    if !rights.may_manage {
        return Err(Error::Forbidden);
    }
    let parsed = ReplyInput {
        status: form.status.clone(),
        answer: form.answer.clone(),
    }
    .parse();
    let revision = match parse_revision(&form.revision) {
        Ok(revision) => revision,
        Err(problem) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.add("revision", problem);
            return Err(Error::Invalid(errors));
        }
    };
    if revision != before.revision {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    let draft = parsed?;
    let answered = draft.status == InquiryStatus::Answered;
    let city = city_of(context, &programme).await?;
    let people = if answered {
        notifications::people(context).await?
    } else {
        Vec::new()
    };
    let txn = context.db.write().await?;
    let inquiry = repo::reply(&txn, &acting.who, &before, revision, &draft).await?;
    // An answer tells the city; reopening or closing does not.
    let pending = answered.then(|| {
        notice(
            context,
            &people,
            acting,
            NoticeKind::InquiryAnswered,
            (&city, &inquiry),
        )
    });
    if let Some(pending) = &pending {
        notifications::write(&txn, pending).await?;
    }
    txn.commit().await?;
    if let Some(pending) = &pending {
        notifications::send(context, pending, Lang::En).await;
    }
    Ok(inquiry)
}

/// The open inquiries of every programme the person may see, oldest first: all of them for
/// the secretariat, their own city's for a city's editors. Anonymous people are asked to sign in.
pub async fn open_inquiries(context: &Context, acting: &Acting) -> Result<Vec<Inquiry>, Error> {
    if !acting.is_signed_in() && !acting.is_operator() {
        return Err(Error::SignInRequired);
    }
    let networks = programme_networks(context);
    let cities: HashMap<i64, CityId> = ateneu_db::programmes::all(&context.db.conn)
        .await?
        .into_iter()
        .map(|item| (item.programme.id, item.programme.city_id))
        .collect();
    Ok(repo::open(&context.db.conn)
        .await?
        .into_iter()
        .filter(|inquiry| {
            cities.get(&inquiry.programme_id).is_some_and(|city| {
                acting
                    .require(Action::ViewProgramme(scope(*city, &networks)))
                    .is_ok()
            })
        })
        .collect())
}
