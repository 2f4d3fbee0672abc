//! Seven Keys workshops as use cases. A workshop belongs to a Leading City's programme: who may
//! see the programme sees the workshop (anyone else: not found), and the city's editors and the
//! secretariat run it (links for participants, themes, keys, the draft plan, the article).
//! Participants need no account: their link lets them name challenges while the workshop is
//! open and see their own. The keys become a draft action plan in one step (an output of the
//! programme, network by the catalogue's default for the internal report), and the published
//! articles of every city make the public Seven Keys page. A city's cultural assets are public;
//! its editors and the secretariat keep them.

use crate::programmes::{load as load_programme, programme_networks};
use crate::security::{link_hash, new_links};
use crate::{Acting, Context, Error};
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::outputs::action_plans as plan_repo;
use ateneu_db::outputs::files as file_repo;
use ateneu_db::outputs::{self as output_repo, Output};
use ateneu_db::programmes::activities as activity_repo;
use ateneu_db::seven_keys as repo;
pub use ateneu_db::seven_keys::{Asset, Challenge, Key, Workshop};
use ateneu_domain::assessments::{AssessmentStatus, Visibility};
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::programmes::action_plans::MAX_ITEMS;
use ateneu_domain::programmes::catalogue::OutputKind;
use ateneu_domain::programmes::output_files::recognise;
use ateneu_domain::programmes::outputs::{OutputDraft, default_visibility};
use ateneu_domain::seven_keys::{
    self as rules, ArticleInput, AssetInput, ChallengeInput, KeyInput, WorkshopInput,
};
use ateneu_domain::{Problem, ProblemKey};
use serde::Serialize;
use std::collections::HashMap;

/// The catalogue's activity a workshop is held for.
pub const ACTIVITY: &str = "seven-keys";

/// A theme and how many challenges it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Theme {
    pub name: String,
    pub challenges: usize,
}

/// A workshop as its page and the API show it to whoever may see its programme.
#[derive(Debug, Clone, Serialize)]
pub struct WorkshopView {
    #[serde(flatten)]
    pub workshop: Workshop,
    pub city: City,
    pub challenges: Vec<Challenge>,
    pub themes: Vec<Theme>,
    pub keys: Vec<Key>,
    pub assets: Vec<Asset>,
    /// How many participants' links were made.
    pub invitations: u64,
    /// The person may run it.
    pub may_run: bool,
}

/// The workshop, and whether the person may run it; not found for whoever may not see its
/// programme.
async fn loaded(context: &Context, acting: &Acting, id: i64) -> Result<(Workshop, bool), Error> {
    let workshop = repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    load_programme(context, acting, workshop.programme_id).await?;
    let networks = programme_networks(context);
    let may_run = acting
        .require(Action::FileOutput(CityScope {
            id: workshop.city_id,
            networks: &networks,
        }))
        .is_ok();
    Ok((workshop, may_run))
}

/// The workshop, when the person may run it.
pub(crate) async fn run(context: &Context, acting: &Acting, id: i64) -> Result<Workshop, Error> {
    match loaded(context, acting, id).await? {
        (workshop, true) => Ok(workshop),
        _ => Err(Error::Forbidden),
    }
}

async fn city(context: &Context, id: CityId) -> Result<City, Error> {
    city_repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)
}

/// Creates a workshop of a programme (its city's editors and the secretariat), held for one of
/// its Seven Keys activities or for none.
pub async fn create(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    input: &WorkshopInput,
) -> Result<Workshop, Error> {
    let (programme, _) = load_programme(context, acting, programme_id).await?;
    let networks = programme_networks(context);
    acting.require(Action::FileOutput(CityScope {
        id: programme.city_id,
        networks: &networks,
    }))?;
    let activities: Vec<i64> = activity_repo::of_programme(&context.db.conn, programme_id)
        .await?
        .into_iter()
        .filter(|a| a.draft.catalogue_key.as_deref() == Some(ACTIVITY))
        .map(|a| a.id)
        .collect();
    let draft = input.parse(&activities)?;
    let txn = context.db.write().await?;
    let workshop =
        repo::create(&txn, &acting.who, (programme_id, programme.city_id), &draft).await?;
    txn.commit().await?;
    Ok(workshop)
}

/// A programme's workshops (who sees the programme sees them).
pub async fn of_programme(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
) -> Result<Vec<Workshop>, Error> {
    load_programme(context, acting, programme_id).await?;
    Ok(repo::of_programme(&context.db.conn, programme_id).await?)
}

/// A workshop with its challenges, themes, keys and the city's assets.
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<WorkshopView, Error> {
    let (workshop, may_run) = loaded(context, acting, id).await?;
    let conn = &context.db.conn;
    let challenges = repo::challenges(conn, id, None).await?;
    let themes = rules::themes(challenges.iter().map(|c| c.theme.as_deref()))
        .into_iter()
        .map(|(name, challenges)| Theme { name, challenges })
        .collect();
    Ok(WorkshopView {
        city: city(context, workshop.city_id).await?,
        keys: repo::keys(conn, id).await?,
        assets: repo::assets(conn, workshop.city_id).await?,
        invitations: repo::invitation_count(conn, id).await?,
        challenges,
        themes,
        workshop,
        may_run,
    })
}

/// Makes `count` participants' links; the links are shown once, only their hashes are kept.
pub async fn invite(
    context: &Context,
    acting: &Acting,
    id: i64,
    count: u32,
) -> Result<Vec<String>, Error> {
    run(context, acting, id).await?;
    let (tokens, hashes) = new_links(count)?;
    let txn = context.db.write().await?;
    repo::invite(&txn, id, &hashes).await?;
    txn.commit().await?;
    Ok(tokens)
}

/// Opens or closes the workshop (`open`, `closed`).
pub async fn set_status(
    context: &Context,
    acting: &Acting,
    id: i64,
    status: &str,
) -> Result<AssessmentStatus, Error> {
    run(context, acting, id).await?;
    let status = AssessmentStatus::parse(status).map_err(|p| Error::field("status", p))?;
    let txn = context.db.write().await?;
    repo::set_status(&txn, &acting.who, id, status).await?;
    txn.commit().await?;
    Ok(status)
}

/// The workshop as its participants see it: its title, day, language and whether it is open
/// (not its draft article, nor its programme's records).
#[derive(Debug, Clone, Serialize)]
pub struct Room {
    pub title: String,
    pub held_on: chrono::NaiveDate,
    pub lang: ateneu_domain::Lang,
    pub status: AssessmentStatus,
}

/// What a participant's link opens: the workshop, its city's assets, their own challenges.
#[derive(Debug, Clone, Serialize)]
pub struct Joined {
    pub workshop: Room,
    pub city: City,
    pub assets: Vec<Asset>,
    pub mine: Vec<Challenge>,
    #[serde(skip)]
    pub invitation: i64,
}

/// The link a token is, with its workshop (unknown links: not found).
async fn link(context: &Context, token: &str) -> Result<(i64, Workshop), Error> {
    repo::invitation_by_hash(&context.db.conn, &link_hash(token)?)
        .await?
        .ok_or(Error::NotFound)
}

/// The workshop a participant's link opens (unknown links: not found).
pub async fn join(context: &Context, token: &str) -> Result<Joined, Error> {
    let (invitation, workshop) = link(context, token).await?;
    let conn = &context.db.conn;
    Ok(Joined {
        city: city(context, workshop.city_id).await?,
        assets: repo::assets(conn, workshop.city_id).await?,
        mine: repo::challenges(conn, workshop.id, Some(invitation)).await?,
        invitation,
        workshop: Room {
            title: workshop.draft.title,
            held_on: workshop.draft.held_on,
            lang: workshop.draft.lang,
            status: workshop.status,
        },
    })
}

async fn take_challenge(
    context: &Context,
    workshop: &Workshop,
    invitation: Option<i64>,
    input: &ChallengeInput,
) -> Result<Challenge, Error> {
    rules::accepts_challenges(workshop.status).map_err(Error::Conflict)?;
    let assets: Vec<i64> = repo::assets(&context.db.conn, workshop.city_id)
        .await?
        .iter()
        .map(|a| a.id)
        .collect();
    let draft = input.parse(&assets)?;
    let txn = context.db.write().await?;
    let challenge =
        repo::add_challenge(&txn, workshop.id, invitation, &draft, rules::MAX_CHALLENGES).await?;
    txn.commit().await?;
    Ok(challenge)
}

/// A participant names a challenge through their link (several each) while it is open.
pub async fn name_challenge(
    context: &Context,
    token: &str,
    input: &ChallengeInput,
) -> Result<Challenge, Error> {
    let (invitation, workshop) = link(context, token).await?;
    take_challenge(context, &workshop, Some(invitation), input).await
}

/// A facilitator records a challenge named in the room (on paper, aloud).
pub async fn record_challenge(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &ChallengeInput,
) -> Result<Challenge, Error> {
    let workshop = run(context, acting, id).await?;
    take_challenge(context, &workshop, None, input).await
}

/// Clusters a challenge into a theme (empty takes it out).
pub async fn set_theme(
    context: &Context,
    acting: &Acting,
    id: i64,
    challenge: i64,
    theme: &str,
) -> Result<(), Error> {
    run(context, acting, id).await?;
    let theme = rules::theme(theme).map_err(|p| Error::field("theme", p))?;
    let txn = context.db.write().await?;
    repo::set_theme(&txn, &acting.who, id, challenge, theme.as_deref()).await?;
    txn.commit().await?;
    Ok(())
}

/// Clusters several challenges at once (a facilitator's table of them): each `(challenge,
/// theme)` as `set_theme`, all or none.
pub async fn set_themes(
    context: &Context,
    acting: &Acting,
    id: i64,
    themes: &[(i64, String)],
) -> Result<usize, Error> {
    run(context, acting, id).await?;
    if themes.len() as u64 > rules::MAX_CHALLENGES {
        return Err(Error::BadRequest(Problem::with_detail(
            ProblemKey::TooManyItems,
            rules::MAX_CHALLENGES.to_string(),
        )));
    }
    let current: HashMap<i64, Option<String>> = repo::challenges(&context.db.conn, id, None)
        .await?
        .into_iter()
        .map(|c| (c.id, c.theme))
        .collect();
    let mut checked: Vec<(i64, Option<String>)> = Vec::with_capacity(themes.len());
    for (challenge, theme) in themes {
        let theme =
            rules::theme(theme).map_err(|p| Error::field(&format!("theme-{challenge}"), p))?;
        // Each challenge once, the last value sent; those unchanged are left as they are.
        checked.retain(|(c, _)| c != challenge);
        if current.get(challenge) != Some(&theme) {
            checked.push((*challenge, theme));
        }
    }
    let txn = context.db.write().await?;
    for (challenge, theme) in &checked {
        repo::set_theme(&txn, &acting.who, id, *challenge, theme.as_deref()).await?;
    }
    txn.commit().await?;
    Ok(checked.len())
}

/// Adds a key the group agreed on.
pub async fn add_key(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &KeyInput,
) -> Result<Key, Error> {
    run(context, acting, id).await?;
    let challenges: Vec<i64> = repo::challenges(&context.db.conn, id, None)
        .await?
        .iter()
        .map(|c| c.id)
        .collect();
    let draft = input.parse(&challenges)?;
    let txn = context.db.write().await?;
    let key = repo::add_key(&txn, &acting.who, id, &draft, rules::MAX_KEYS).await?;
    txn.commit().await?;
    Ok(key)
}

pub async fn remove_key(
    context: &Context,
    acting: &Acting,
    id: i64,
    key: i64,
) -> Result<(), Error> {
    run(context, acting, id).await?;
    let txn = context.db.write().await?;
    let removed = repo::remove_key(&txn, &acting.who, id, key).await?;
    txn.commit().await?;
    if removed {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Turns the keys into a draft action plan in one step: an output of the programme whose items
/// are the keys, each with its actors responsible and the SDGs of the key and of the challenges
/// it answers; seen as `visibility` says (empty: network, as the catalogue has the internal
/// report with the keys). With the internal report's PDF, files it too, as the activity's
/// internal report, seen alike. Once.
pub async fn draft_plan(
    context: &Context,
    acting: &Acting,
    id: i64,
    visibility: &str,
    report: Option<(&str, &[u8])>,
) -> Result<Output, Error> {
    let workshop = run(context, acting, id).await?;
    let current = crate::programmes::catalogue::current(context);
    let visibility = match visibility.trim() {
        "" => default_visibility(
            current.catalogue.activity(ACTIVITY),
            OutputKind::InternalReport,
        ),
        given => Visibility::parse(given).map_err(|p| Error::field("visibility", p))?,
    };
    if workshop.plan_output_id.is_some() {
        return Err(Error::Conflict(Problem::new(
            ProblemKey::PlanAlreadyDrafted,
        )));
    }
    let conn = &context.db.conn;
    let keys = repo::keys(conn, id).await?;
    if keys.is_empty() {
        return Err(Error::Conflict(Problem::new(ProblemKey::NoKeysYet)));
    }
    let challenges: HashMap<i64, Challenge> = repo::challenges(conn, id, None)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let items = keys
        .iter()
        .map(|key| {
            let linked = key
                .draft
                .challenges
                .iter()
                .filter_map(|c| challenges.get(c))
                .map(|c| &c.draft.sdgs);
            rules::plan_item(&key.draft, workshop.draft.lang, linked)
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(Error::BadRequest)?;
    let output = OutputDraft {
        activity_id: workshop.draft.activity_id,
        kind: OutputKind::ActionPlan,
        title: workshop.draft.title.clone(),
        summary: keys
            .iter()
            .map(|k| k.draft.title.as_str())
            .collect::<Vec<_>>()
            .join(" · "),
        link: None,
        visibility,
    };
    let report = report
        .map(|(name, pdf)| recognise(pdf, name).map(|upload| (upload, pdf)))
        .transpose()
        .map_err(|p| Error::field("file", p))?;
    let txn = context.db.write().await?;
    let filed = output_repo::file(
        &txn,
        &acting.who,
        workshop.city_id,
        workshop.programme_id,
        &output,
    )
    .await?;
    for item in &items {
        plan_repo::add_item(&txn, &acting.who, filed.id, item, MAX_ITEMS).await?;
    }
    if let Some((upload, pdf)) = &report {
        // The internal report with the keys, as they stand now, beside the plan they became.
        let draft = OutputDraft {
            kind: OutputKind::InternalReport,
            summary: String::new(),
            ..output
        };
        let internal = output_repo::file(
            &txn,
            &acting.who,
            workshop.city_id,
            workshop.programme_id,
            &draft,
        )
        .await?;
        file_repo::add(&txn, &acting.who, internal.id, upload, pdf).await?;
    }
    repo::set_plan(&txn, id, filed.id).await?;
    txn.commit().await?;
    Ok(filed)
}

/// Saves the public article; published the first time, it is filed as the activity's public
/// article, an output of the programme (once: unpublished and published again, it is listed
/// again, not filed again).
pub async fn save_article(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &ArticleInput,
) -> Result<Workshop, Error> {
    run(context, acting, id).await?;
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let workshop = repo::save_article(&txn, &acting.who, id, &draft).await?;
    if workshop.published_at.is_some() && workshop.article_output_id.is_none() {
        let output = OutputDraft {
            activity_id: workshop.draft.activity_id,
            kind: OutputKind::PublicArticle,
            title: draft
                .title
                .source_text()
                .chars()
                .take(ateneu_domain::programmes::outputs::MAX_TITLE)
                .collect(),
            summary: String::new(),
            link: None,
            visibility: Visibility::Public,
        };
        let filed = output_repo::file(
            &txn,
            &acting.who,
            workshop.city_id,
            workshop.programme_id,
            &output,
        )
        .await?;
        repo::set_article_output(&txn, id, filed.id).await?;
        txn.commit().await?;
        return Ok(Workshop {
            article_output_id: Some(filed.id.get()),
            ..workshop
        });
    }
    txn.commit().await?;
    Ok(workshop)
}

/// A published article with its workshop's city.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub id: i64,
    pub city: City,
    pub held_on: chrono::NaiveDate,
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    pub article: rules::ArticleDraft,
}

fn as_article(workshop: Workshop, city: City) -> Option<Article> {
    Some(Article {
        id: workshop.id,
        held_on: workshop.draft.held_on,
        published_at: workshop.published_at,
        article: workshop.article.filter(|a| a.published)?,
        city,
    })
}

/// The published articles of every city, newest first (public).
pub async fn articles(context: &Context) -> Result<Vec<Article>, Error> {
    let workshops = repo::published(&context.db.conn, 500).await?;
    let ids: Vec<CityId> = workshops.iter().map(|w| w.city_id).collect();
    let cities: HashMap<CityId, City> = city_repo::by_ids(&context.db.conn, &ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    Ok(workshops
        .into_iter()
        .filter_map(|w| {
            let city = cities.get(&w.city_id)?.clone();
            as_article(w, city)
        })
        .collect())
}

/// One published article (public); not found while it is not published.
pub async fn article(context: &Context, id: i64) -> Result<Article, Error> {
    let workshop = repo::by_id(&context.db.conn, id)
        .await?
        .filter(|w| w.published_at.is_some())
        .ok_or(Error::NotFound)?;
    let city = city(context, workshop.city_id).await?;
    as_article(workshop, city).ok_or(Error::NotFound)
}

async fn require_keep_assets(context: &Context, acting: &Acting, city: &City) -> Result<(), Error> {
    let networks = crate::cities::scope_networks(context, city.id).await?;
    acting.require(Action::EditCity(CityScope {
        id: city.id,
        networks: &networks,
    }))
}

/// A city's cultural assets (public), and whether the person may keep them.
pub async fn assets(
    context: &Context,
    acting: &Acting,
    city: &City,
) -> Result<(Vec<Asset>, bool), Error> {
    let may_keep = require_keep_assets(context, acting, city).await.is_ok();
    Ok((repo::assets(&context.db.conn, city.id).await?, may_keep))
}

pub async fn add_asset(
    context: &Context,
    acting: &Acting,
    city: &City,
    input: &AssetInput,
) -> Result<Asset, Error> {
    require_keep_assets(context, acting, city).await?;
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let asset = repo::add_asset(&txn, &acting.who, city.id, &draft, rules::MAX_ASSETS).await?;
    txn.commit().await?;
    Ok(asset)
}

pub async fn remove_asset(
    context: &Context,
    acting: &Acting,
    city: &City,
    id: i64,
) -> Result<(), Error> {
    require_keep_assets(context, acting, city).await?;
    let txn = context.db.write().await?;
    let removed = repo::remove_asset(&txn, &acting.who, city.id, id).await?;
    txn.commit().await?;
    if removed {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
