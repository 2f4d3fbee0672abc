//! The newsletter's issues as use cases. The secretariat composes an issue from what is public
//! (practices scheduled for the newsletter, featured Leading Cities' practices, public outputs,
//! upcoming events), writes an editorial per language, previews each language's copy, and
//! sends it (see `sending`). A sent issue is public: its archive page and feed show the
//! editions as they were sent. Only the newsletter's keepers see drafts; others get 404.

use super::{letter, require_keeper};
use crate::{Acting, Context, Error, Who};
use ateneu_db::newsletter::issues as repo;
pub use ateneu_db::newsletter::issues::Issue;
use ateneu_db::practices::{self as practice_repo, PracticeFilter};
use ateneu_domain::Lang;
use ateneu_domain::assessments::Visibility;
use ateneu_domain::ids::{OutputId, PracticeId};
use ateneu_domain::newsletter::issues::{
    DeliveryStatus, Edition, EditionItem, IssueDraft, IssueInput, IssueStatus, ItemKind, ItemRef,
    Text, in_lang,
};
use ateneu_domain::practices::{Stage, TextField};
use ateneu_domain::programmes::LEADING_CITIES;
use ateneu_domain::{Problem, ProblemKey};
use serde::Serialize;
use std::collections::BTreeMap;

/// How many sent issues the archive and its feed list.
pub const ARCHIVE_SIZE: u64 = 200;

/// Why an item is offered for an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A practice scheduled for the newsletter (on its date).
    Scheduled,
    /// A featured practice of a Leading City.
    Featured,
    /// A public output.
    PublicOutput,
    /// An event still to come.
    Upcoming,
}

impl Reason {
    pub fn key(self) -> &'static str {
        match self {
            Reason::Scheduled => "scheduled",
            Reason::Featured => "featured",
            Reason::PublicOutput => "public_output",
            Reason::Upcoming => "upcoming",
        }
    }
}

/// Something the secretariat may put in an issue.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub item: String,
    pub kind: ItemKind,
    pub reason: Reason,
    /// The title in the secretariat's language (or another, as it is written).
    pub title: String,
    /// A date that matters: the practice's newsletter date, the event's first day.
    pub on: Option<chrono::NaiveDate>,
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// What may go in an issue, in the reader's language: scheduled practices first (by date),
/// featured Leading Cities' practices, the newest public outputs, the events still to come.
pub async fn candidates(
    context: &Context,
    acting: &Acting,
    lang: Lang,
) -> Result<Vec<Candidate>, Error> {
    require_keeper(context, acting)?;
    let conn = &context.db.conn;
    let mut candidates = Vec::new();
    let published = |scheduled, featured| PracticeFilter {
        stages: vec![Stage::Published],
        scheduled,
        featured,
        ..Default::default()
    };
    let (mut scheduled, _) = practice_repo::list(conn, &published(true, None), 0, 100).await?;
    scheduled.sort_by_key(|p| p.newsletter_on);
    for p in &scheduled {
        candidates.push(Candidate {
            item: ItemRef {
                kind: ItemKind::Practice,
                id: p.id.get(),
            }
            .key(),
            kind: ItemKind::Practice,
            reason: Reason::Scheduled,
            title: p.record.title(lang).to_owned(),
            on: p.newsletter_on,
        });
    }
    let leading = ateneu_db::memberships::current_members(conn, LEADING_CITIES, today()).await?;
    let (featured, _) = practice_repo::list(conn, &published(false, Some(true)), 0, 100).await?;
    for p in featured
        .iter()
        .filter(|p| p.cities.iter().any(|c| leading.contains(&c.id)))
    {
        if scheduled.iter().any(|s| s.id == p.id) {
            continue;
        }
        candidates.push(Candidate {
            item: ItemRef {
                kind: ItemKind::Practice,
                id: p.id.get(),
            }
            .key(),
            kind: ItemKind::Practice,
            reason: Reason::Featured,
            title: p.record.title(lang).to_owned(),
            on: None,
        });
    }
    for o in ateneu_db::outputs::newest_public(conn, 30).await? {
        candidates.push(Candidate {
            item: ItemRef {
                kind: ItemKind::Output,
                id: o.id.get(),
            }
            .key(),
            kind: ItemKind::Output,
            reason: Reason::PublicOutput,
            title: o.title.clone(),
            on: None,
        });
    }
    let today = today();
    for e in ateneu_db::events::all(conn)
        .await?
        .into_iter()
        .filter(|e| !e.draft.is_past(today))
    {
        candidates.push(Candidate {
            item: ItemRef {
                kind: ItemKind::Event,
                id: e.id,
            }
            .key(),
            kind: ItemKind::Event,
            reason: Reason::Upcoming,
            title: e.draft.title.show(lang).text.to_owned(),
            on: Some(e.draft.starts_on),
        });
    }
    Ok(candidates)
}

/// An issue with where its sending stands.
#[derive(Debug, Clone, Serialize)]
pub struct IssueView {
    #[serde(flatten)]
    pub issue: Issue,
    /// How many copies are in each state (empty for a draft).
    pub progress: BTreeMap<DeliveryStatus, u64>,
    /// How many copies in all, and how many dealt with.
    pub copies: u64,
    pub done: u64,
}

async fn view(context: &Context, issue: Issue) -> Result<IssueView, Error> {
    let progress: BTreeMap<DeliveryStatus, u64> =
        ateneu_db::newsletter::deliveries::progress(&context.db.conn, issue.id)
            .await?
            .into_iter()
            .collect();
    Ok(IssueView {
        copies: progress.values().sum(),
        done: progress
            .iter()
            .filter(|(s, _)| s.is_done())
            .map(|(_, n)| n)
            .sum(),
        issue,
        progress,
    })
}

/// Every issue, newest first, with its progress (the newsletter's keepers).
pub async fn list(context: &Context, acting: &Acting) -> Result<Vec<IssueView>, Error> {
    require_keeper(context, acting)?;
    let mut views = Vec::new();
    for issue in repo::all(&context.db.conn).await? {
        views.push(view(context, issue).await?);
    }
    Ok(views)
}

/// One issue, draft or not (the newsletter's keepers).
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<IssueView, Error> {
    require_keeper(context, acting)?;
    let issue = repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    view(context, issue).await
}

/// Checks that every item can go in a public issue (exists and is public), before the draft is
/// kept: the form says which one cannot.
async fn check_items(context: &Context, draft: &IssueDraft) -> Result<(), Error> {
    for item in &draft.items {
        item_of(context, *item, Lang::En).await?;
    }
    Ok(())
}

pub async fn create(
    context: &Context,
    acting: &Acting,
    input: &IssueInput,
) -> Result<Issue, Error> {
    require_keeper(context, acting)?;
    let draft = input.parse()?;
    check_items(context, &draft).await?;
    let txn = context.db.write().await?;
    let issue = repo::create(&txn, &acting.who, &draft).await?;
    txn.commit().await?;
    Ok(issue)
}

/// Changes a draft; an issue whose sending has started is not changed (conflict).
pub async fn update(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &IssueInput,
) -> Result<Issue, Error> {
    let current = read(context, acting, id).await?.issue;
    if !current.status.is_editable() {
        return Err(Error::Conflict(Problem::new(ProblemKey::IssueNotDraft)));
    }
    let draft = input.parse()?;
    check_items(context, &draft).await?;
    let txn = context.db.write().await?;
    if !repo::update(&txn, &acting.who, id, &draft).await? {
        return Err(Error::Conflict(Problem::new(ProblemKey::IssueNotDraft)));
    }
    txn.commit().await?;
    repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)
}

/// Deletes a draft (a sent issue stays in the archive).
pub async fn delete(context: &Context, acting: &Acting, id: i64) -> Result<(), Error> {
    read(context, acting, id).await?;
    let txn = context.db.write().await?;
    if !repo::delete_draft(&txn, &acting.who, id).await? {
        return Err(Error::Conflict(Problem::new(ProblemKey::IssueNotDraft)));
    }
    txn.commit().await?;
    Ok(())
}

fn not_public(item: ItemRef) -> Error {
    Error::field(
        "items",
        Problem::with_detail(ProblemKey::NewsletterItemNotPublic, item.key()),
    )
}

/// One item as an edition in `lang` shows it; an item gone, or not public, is refused.
async fn item_of(context: &Context, item: ItemRef, lang: Lang) -> Result<EditionItem, Error> {
    let conn = &context.db.conn;
    match item.kind {
        ItemKind::Practice => {
            let practice = practice_repo::get(conn, PracticeId::new(item.id))
                .await?
                .filter(|p| p.stage.is_public())
                .ok_or_else(|| not_public(item))?;
            let text = |field| {
                practice.record.text(field).map(|t| {
                    let shown = t.show(lang);
                    Text {
                        text: shown.text.to_owned(),
                        lang: shown.lang,
                    }
                })
            };
            Ok(EditionItem {
                kind: item.kind,
                id: item.id,
                title: text(TextField::Title).ok_or_else(|| not_public(item))?,
                summary: text(TextField::Summary).filter(|t| !t.text.is_empty()),
                url: context.page_url(lang, &format!("/practices/{}", practice.slug)),
                place: practice
                    .cities
                    .iter()
                    .map(|c| c.name.show(lang).text.to_owned())
                    .collect::<Vec<_>>()
                    .join(", "),
                when: None,
            })
        }
        ItemKind::Output => {
            let output = ateneu_db::outputs::by_id(conn, OutputId::new(item.id))
                .await?
                .filter(|o| o.visibility == Visibility::Public)
                .ok_or_else(|| not_public(item))?;
            let titles: BTreeMap<Lang, String> = ateneu_db::outputs::versions(conn, output.id)
                .await?
                .into_iter()
                .map(|v| (v.draft.lang, v.draft.title))
                .collect();
            let title = in_lang(&titles, lang).unwrap_or(Text {
                text: output.title.clone(),
                lang,
            });
            let city = ateneu_db::cities::by_id(conn, output.city_id).await?;
            Ok(EditionItem {
                kind: item.kind,
                id: item.id,
                title,
                summary: Some(output.summary.clone())
                    .filter(|s| !s.trim().is_empty())
                    .map(|text| Text {
                        text,
                        lang: title_lang(&titles, lang),
                    }),
                url: context.page_url(lang, &format!("/outputs/{}", output.id)),
                place: city
                    .map(|c| c.draft.name.show(lang).text.to_owned())
                    .unwrap_or_default(),
                when: None,
            })
        }
        ItemKind::Event => {
            let event = ateneu_db::events::by_id(conn, item.id)
                .await?
                .ok_or_else(|| not_public(item))?;
            let title = event.draft.title.show(lang);
            let when = if event.draft.starts_on == event.draft.ends_on {
                event.draft.starts_on.to_string()
            } else {
                format!("{} – {}", event.draft.starts_on, event.draft.ends_on)
            };
            Ok(EditionItem {
                kind: item.kind,
                id: item.id,
                title: Text {
                    text: title.text.to_owned(),
                    lang: title.lang,
                },
                summary: None,
                url: context.page_url(lang, &format!("/events/{}", event.id)),
                place: event.draft.place.clone(),
                when: Some(when),
            })
        }
    }
}

/// The language an output's summary is taken to be in: its first version's (the summary is
/// written once), or the reader's when it has none.
fn title_lang(titles: &BTreeMap<Lang, String>, lang: Lang) -> Lang {
    titles.keys().next().copied().unwrap_or(lang)
}

/// The editions of a draft as they would go out now, one per language.
pub async fn editions_of(context: &Context, draft: &IssueDraft) -> Result<Vec<Edition>, Error> {
    let mut editions = Vec::new();
    for lang in Lang::ALL {
        editions.push(edition_of(context, draft, lang).await?);
    }
    Ok(editions)
}

/// The edition of a draft in one language as it would go out now.
async fn edition_of(context: &Context, draft: &IssueDraft, lang: Lang) -> Result<Edition, Error> {
    let mut items = Vec::with_capacity(draft.items.len());
    for item in &draft.items {
        items.push(item_of(context, *item, lang).await?);
    }
    Ok(Edition {
        lang,
        title: in_lang(&draft.titles, lang)
            .ok_or(Error::field("title_en", Problem::new(ProblemKey::Required)))?,
        editorial: in_lang(&draft.editorials, lang),
        items,
    })
}

/// Where an issue's page is in the archive.
pub fn archive_url(context: &Context, lang: Lang, id: i64) -> String {
    context.page_url(lang, &format!("/newsletter/archive/{id}"))
}

/// One language's copy of an issue as a subscriber with these interests would get it (the
/// newsletter's keepers): a draft as it would go out now, a sent issue as it went.
pub async fn preview(
    context: &Context,
    acting: &Acting,
    id: i64,
    lang: Lang,
    interests: &[ateneu_domain::newsletter::Interest],
) -> Result<letter::Rendered, Error> {
    let issue = read(context, acting, id).await?.issue;
    let edition = if issue.status == IssueStatus::Draft {
        edition_of(context, &issue.draft, lang).await?
    } else {
        issue.edition(lang).cloned().ok_or(Error::NotFound)?
    };
    let links = letter::Links {
        archive: archive_url(context, lang, id),
        unsubscribe: context.page_url(lang, "/newsletter/unsubscribe/…"),
    };
    Ok(letter::render(context, &edition, interests, &links))
}

/// Starts sending a draft to every subscriber confirmed now (the newsletter's keepers): its
/// editions are frozen and a copy is queued for each. An issue being sent is left as it is; a
/// sent one is a conflict. The copies go out with [`send`] (or `sending::run`).
pub async fn start(context: &Context, acting: &Acting, id: i64) -> Result<(), Error> {
    let issue = read(context, acting, id).await?.issue;
    match issue.status {
        IssueStatus::Sent => Err(Error::Conflict(Problem::new(ProblemKey::IssueNotDraft))),
        IssueStatus::Sending => Ok(()),
        IssueStatus::Draft => {
            let editions = editions_of(context, &issue.draft).await?;
            let txn = context.db.write().await?;
            let started = repo::start_sending(&txn, &acting.who, id, &editions).await?;
            if started.is_none() {
                return Err(Error::Conflict(Problem::new(ProblemKey::IssueNotDraft)));
            }
            txn.commit().await?;
            Ok(())
        }
    }
}

/// Sends an issue: [`start`], then the copies go out in the background, one per subscriber.
/// Asked again while the issue is being sent, resumes a sending that stopped (a restart resumes
/// it too). Returns the issue with its progress.
pub async fn send(context: &Context, acting: &Acting, id: i64) -> Result<IssueView, Error> {
    start(context, acting, id).await?;
    super::sending::spawn(context, id);
    read(context, acting, id).await
}

/// The sent issues, last first (anyone).
pub async fn archive(context: &Context) -> Result<Vec<Issue>, Error> {
    Ok(repo::sent(&context.db.conn, ARCHIVE_SIZE).await?)
}

/// A sent issue (anyone); a draft, or one being sent, is not found.
pub async fn archived(context: &Context, id: i64) -> Result<Issue, Error> {
    repo::by_id(&context.db.conn, id)
        .await?
        .filter(|i| i.status == IssueStatus::Sent)
        .ok_or(Error::NotFound)
}

/// Who the system acts as when it finishes a sending.
pub(crate) fn sender() -> Who {
    Who::system("newsletter sending")
}
