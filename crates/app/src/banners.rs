//! Banners on the home page as use cases: the secretariat (the newsletter's keepers: the
//! Committee's) schedules a published practice with one of its uploaded images and a short
//! text per language between two days; the home page shows the day's banners in rotation.
//! A banner points only to a published practice: it is refused otherwise, and one whose
//! practice is no longer published is not shown.

use crate::newsletter::require_keeper;
use crate::{Acting, Context, Error};
use ateneu_db::banners as repo;
pub use ateneu_db::banners::Banner;
use ateneu_db::practices::{self as practice_repo, Practice};
use ateneu_domain::banners::{BannerDraft, BannerInput, rotation};
use ateneu_domain::ids::PracticeId;
use ateneu_domain::newsletter::issues::{Text, in_lang};
use ateneu_domain::practices::{Media, MediaKind};
use ateneu_domain::{Lang, Problem, ProblemKey};
use serde::Serialize;

/// A banner with its practice, as the secretariat's page and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct BannerView {
    #[serde(flatten)]
    pub banner: Banner,
    /// The practice's slug and title (in the reader's language, or another).
    pub practice: String,
    pub practice_title: String,
    /// Shown today.
    pub live: bool,
}

impl BannerView {
    /// The form's fields as this banner fills them.
    pub fn input(&self) -> BannerInput {
        let text = |lang| self.banner.texts.get(&lang).cloned().unwrap_or_default();
        BannerInput {
            practice: self.practice.clone(),
            image: self.banner.image.clone().unwrap_or_default(),
            text_en: text(Lang::En),
            text_fr: text(Lang::Fr),
            text_es: text(Lang::Es),
            starts_on: self.banner.starts_on.to_string(),
            ends_on: self.banner.ends_on.to_string(),
        }
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The practice's uploaded images (what a banner may show).
fn images(practice: &Practice) -> impl Iterator<Item = &Media> {
    practice
        .record
        .media
        .iter()
        .filter(|m| m.kind == MediaKind::Image && m.file.is_some())
}

/// Finds the banner's practice (published) and settles its image: the one given, which must
/// be an uploaded image of the practice, or else its first.
async fn settle(context: &Context, draft: &mut BannerDraft) -> Result<Practice, Error> {
    let practice = practice_repo::by_slug(&context.db.conn, &draft.practice)
        .await?
        .filter(|p| p.stage.is_public())
        .ok_or_else(|| {
            Error::field(
                "practice",
                Problem::with_detail(
                    ProblemKey::BannerPracticeNotPublished,
                    draft.practice.clone(),
                ),
            )
        })?;
    draft.image = match draft.image.take() {
        Some(url) => {
            if !images(&practice).any(|m| m.url == url) {
                return Err(Error::field(
                    "image",
                    Problem::with_detail(ProblemKey::UnknownValue, url),
                ));
            }
            Some(url)
        }
        None => images(&practice).next().map(|m| m.url.clone()),
    };
    Ok(practice)
}

async fn view(context: &Context, banner: Banner, lang: Lang) -> Result<BannerView, Error> {
    let practice =
        practice_repo::get(&context.db.conn, PracticeId::new(banner.practice_id)).await?;
    let (slug, title) = practice
        .map(|p| (p.slug.clone(), p.record.title(lang).to_owned()))
        .unwrap_or_default();
    Ok(BannerView {
        live: banner.starts_on <= today() && today() <= banner.ends_on,
        banner,
        practice: slug,
        practice_title: title,
    })
}

/// Every banner, the latest to end first (the secretariat).
pub async fn list(
    context: &Context,
    acting: &Acting,
    lang: Lang,
) -> Result<Vec<BannerView>, Error> {
    require_keeper(context, acting)?;
    let mut views = Vec::new();
    for banner in repo::all(&context.db.conn).await? {
        views.push(view(context, banner, lang).await?);
    }
    Ok(views)
}

pub async fn read(
    context: &Context,
    acting: &Acting,
    id: i64,
    lang: Lang,
) -> Result<BannerView, Error> {
    require_keeper(context, acting)?;
    let banner = repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    view(context, banner, lang).await
}

pub async fn create(
    context: &Context,
    acting: &Acting,
    input: &BannerInput,
) -> Result<BannerView, Error> {
    require_keeper(context, acting)?;
    let mut draft = input.parse()?;
    let practice = settle(context, &mut draft).await?;
    let txn = context.db.write().await?;
    let banner = repo::create(&txn, &acting.who, practice.id.get(), &draft).await?;
    txn.commit().await?;
    view(context, banner, practice.record.source_lang).await
}

pub async fn update(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &BannerInput,
) -> Result<BannerView, Error> {
    require_keeper(context, acting)?;
    let mut draft = input.parse()?;
    let practice = settle(context, &mut draft).await?;
    let txn = context.db.write().await?;
    if !repo::update(&txn, &acting.who, id, practice.id.get(), &draft).await? {
        return Err(Error::NotFound);
    }
    txn.commit().await?;
    read(context, acting, id, practice.record.source_lang).await
}

pub async fn delete(context: &Context, acting: &Acting, id: i64) -> Result<(), Error> {
    require_keeper(context, acting)?;
    let txn = context.db.write().await?;
    if !repo::delete(&txn, &acting.who, id).await? {
        return Err(Error::NotFound);
    }
    txn.commit().await?;
    Ok(())
}

/// A banner as the home page shows it, in the reader's language (or another, said so).
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    pub id: i64,
    /// The practice's page.
    pub practice: String,
    pub title: Text,
    pub text: Text,
    /// The image's address and its alt text.
    pub image: Option<(String, Text)>,
}

/// The banners of today, in the day's rotation, whose practice is still published (anyone).
pub async fn of_today(context: &Context, lang: Lang) -> Result<Vec<Shown>, Error> {
    let mut shown = Vec::new();
    for banner in repo::live(&context.db.conn, today()).await? {
        let practice = practice_repo::get(&context.db.conn, PracticeId::new(banner.practice_id))
            .await?
            .filter(|p| p.stage.is_public());
        let (Some(practice), Some(text)) = (practice, in_lang(&banner.texts, lang)) else {
            continue;
        };
        let image = banner.image.as_ref().and_then(|url| {
            images(&practice).find(|m| &m.url == url).map(|m| {
                let alt = m.description.show(lang);
                (
                    url.clone(),
                    Text {
                        text: alt.text.to_owned(),
                        lang: alt.lang,
                    },
                )
            })
        });
        let title = practice
            .record
            .text(ateneu_domain::practices::TextField::Title)
            .map(|t| {
                let s = t.show(lang);
                Text {
                    text: s.text.to_owned(),
                    lang: s.lang,
                }
            });
        shown.push(Shown {
            id: banner.id,
            practice: practice.slug.clone(),
            title: title.unwrap_or(Text {
                text: practice.slug.clone(),
                lang,
            }),
            text,
            image,
        });
    }
    Ok(rotation(shown, today()))
}
