//! Sharing published practices on social media, as use cases (the Committee's secretariat: the
//! newsletter's keepers). The platform does not post; it gives the text to copy in each
//! language, the secretariat records each post in the practice's dissemination log, and the list
//! of Leading Cities' practices not shared for two months says which are due.

use crate::newsletter::require_keeper;
use crate::{Acting, Context, Error};
use ateneu_db::practices::disseminations::{self as log, PracticeDissemination};
use ateneu_db::practices::{self as repo, Practice, PracticeFilter};
use ateneu_domain::Lang;
use ateneu_domain::practices::Stage;
use ateneu_domain::practices::sharing::{is_due, post_text};
use ateneu_domain::programmes::LEADING_CITIES;
use ateneu_domain::programmes::outputs::DisseminationInput;
use ateneu_domain::{Problem, ProblemKey};
use chrono::NaiveDate;
use serde::Serialize;

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A published practice by its slug; a draft is not found (it is not shared).
async fn published(context: &Context, slug: &str) -> Result<Practice, Error> {
    repo::by_slug(&context.db.conn, slug)
        .await?
        .filter(|p| p.stage == Stage::Published)
        .ok_or(Error::NotFound)
}

/// The text of a post in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Post {
    pub lang: Lang,
    pub text: String,
}

/// What the secretariat sees to share a practice: the text to copy per language, and its log.
#[derive(Debug, Clone, Serialize)]
pub struct Kit {
    pub slug: String,
    pub title: String,
    /// The text of a post in each language, with the practice's page in that language.
    pub posts: Vec<Post>,
    pub log: Vec<PracticeDissemination>,
}

pub async fn kit(context: &Context, acting: &Acting, slug: &str, lang: Lang) -> Result<Kit, Error> {
    require_keeper(context, acting)?;
    let practice = published(context, slug).await?;
    let posts = Lang::ALL
        .iter()
        .map(|l| {
            let cities = practice
                .cities
                .iter()
                .map(|c| c.name.show(*l).text.to_owned())
                .collect::<Vec<_>>()
                .join(", ");
            let url = context.page_url(*l, &format!("/practices/{}", practice.slug));
            Post {
                lang: *l,
                text: post_text(practice.record.title(*l), &cities, &url),
            }
        })
        .collect();
    Ok(Kit {
        slug: practice.slug.clone(),
        title: practice.record.title(lang).to_owned(),
        posts,
        log: log::of_practice(&context.db.conn, practice.id.get()).await?,
    })
}

/// Records a post (channel, day, link, language) in the practice's dissemination log.
pub async fn record(
    context: &Context,
    acting: &Acting,
    slug: &str,
    input: &DisseminationInput,
) -> Result<PracticeDissemination, Error> {
    require_keeper(context, acting)?;
    let practice = published(context, slug).await?;
    let draft = input.parse()?;
    if draft.on > today() {
        return Err(Error::field("on", Problem::new(ProblemKey::PostInFuture)));
    }
    let txn = context.db.write().await?;
    log::add(&txn, &acting.who, practice.id.get(), &draft).await?;
    txn.commit().await?;
    log::of_practice(&context.db.conn, practice.id.get())
        .await?
        .into_iter()
        .next()
        .ok_or(Error::NotFound)
}

/// A Leading City's practice due to be shared.
#[derive(Debug, Clone, Serialize)]
pub struct Due {
    pub slug: String,
    pub title: String,
    pub cities: Vec<String>,
    /// When it was last shared (never: null).
    pub last_shared: Option<NaiveDate>,
}

/// The published practices of today's Leading Cities not shared for two months (never shared
/// first), at most `limit`.
pub async fn due(
    context: &Context,
    acting: &Acting,
    lang: Lang,
    limit: usize,
) -> Result<Vec<Due>, Error> {
    require_keeper(context, acting)?;
    let conn = &context.db.conn;
    let leading = ateneu_db::memberships::current_members(conn, LEADING_CITIES, today()).await?;
    let filter = PracticeFilter {
        stages: vec![Stage::Published],
        cities: Some(leading),
        ..Default::default()
    };
    let (practices, _) = repo::list(conn, &filter, 0, 10_000).await?;
    let last = log::last_shared(conn).await?;
    let mut due: Vec<Due> = practices
        .iter()
        .filter(|p| is_due(last.get(&p.id.get()).copied(), today()))
        .map(|p| Due {
            slug: p.slug.clone(),
            title: p.record.title(lang).to_owned(),
            cities: p
                .cities
                .iter()
                .map(|c| c.name.show(lang).text.to_owned())
                .collect(),
            last_shared: last.get(&p.id.get()).copied(),
        })
        .collect();
    due.sort_by_key(|d| d.last_shared);
    due.truncate(limit);
    Ok(due)
}
