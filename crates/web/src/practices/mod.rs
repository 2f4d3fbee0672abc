//! Good practices in the web layer: the calls that pages and the JSON API share (load with the
//! viewer's rights, create, edit, take a review step, comment, promote, search), each checking
//! who may do it, writing in one transaction and bringing this process's index up to date.

use ateneu_domain::ProblemKey;
use ateneu_domain::ids::PracticeId;
pub mod api;
mod edit_form;
mod edit_pages;
pub mod feeds;
pub use ateneu_app::practices::index;
pub mod media;
mod media_pages;
mod pages;
pub mod search;
pub mod thesaurus;
mod view_page;
mod work_pages;

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_db::practices::{self as repo, Practice};
use ateneu_domain::Problem;
use ateneu_domain::notifications::NoticeKind;
use ateneu_domain::permissions::{Action, CityScope, PracticeScope};
use ateneu_domain::practices::checklist::{checklist, is_complete};
use ateneu_domain::practices::edit::PracticeEdit;
use ateneu_domain::practices::roles;
use ateneu_domain::practices::translation::QueuePlace;
use ateneu_domain::practices::workflow::{CommentKind, Step, parse_comment};
use ateneu_domain::practices::{PracticeRecord, Stage};
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// The largest practices import file accepted (page and API): an archive of thousands of
/// practices is tens of megabytes.
pub const MAX_IMPORT: usize = 64 * 1024 * 1024;

pub fn routes() -> Routes {
    Routes::new()
        .route("/practices", get(pages::search_page))
        .route("/practices/feed.atom", get(feeds::atom))
        .route(
            "/practices/new",
            get(edit_pages::new_form).post(edit_pages::create),
        )
        .route("/practices/work", get(work_pages::work_page))
        .route(
            "/practices/import",
            get(work_pages::import_form)
                .post(work_pages::import_upload)
                .layer(DefaultBodyLimit::max(MAX_IMPORT)),
        )
        .route("/practices/{slug}", get(view_page::detail))
        .route(
            "/practices/{slug}/edit",
            get(edit_pages::edit_page)
                .post(edit_pages::save_step)
                .layer(DefaultBodyLimit::max(media::BODY_LIMIT)),
        )
        .route("/practices/{slug}/steps", post(view_page::take_step))
        .route("/practices/{slug}/comments", post(view_page::add_comment))
        .route("/practices/{slug}/promotion", post(view_page::promote))
        .route("/keywords", get(thesaurus::page).post(thesaurus::save_form))
        .merge(media::page_routes())
}

/// A practice with the networks of its cities (and those above them).
pub struct Loaded {
    pub practice: Practice,
    pub networks: Vec<String>,
    pub cities: Vec<i64>,
}

impl Loaded {
    pub fn scope(&self) -> PracticeScope<'_> {
        PracticeScope {
            cities: &self.cities,
            networks: &self.networks,
            stage: self.practice.stage,
        }
    }
}

/// Which practice: an id or a slug.
pub async fn load(state: &AppState, reference: &str) -> Result<Loaded, AppError> {
    let practice = match reference.parse::<PracticeId>() {
        Ok(id) => repo::get(&state.db.conn, id).await?,
        Err(_) => repo::by_slug(&state.db.conn, reference).await?,
    }
    .ok_or(AppError::NotFound)?;
    Scopes::default().of(state, practice).await
}

/// Puts practices in their permission scope, reading each city's networks once per call
/// (lists hold many practices of the same cities).
#[derive(Default)]
struct Scopes(HashMap<i64, Vec<String>>);

impl Scopes {
    async fn of(&mut self, state: &AppState, practice: Practice) -> Result<Loaded, AppError> {
        let mut networks = BTreeSet::new();
        for city in &practice.cities {
            if let std::collections::hash_map::Entry::Vacant(slot) = self.0.entry(city.id) {
                slot.insert(crate::cities::scope_networks(state, city.id).await?);
            }
            networks.extend(self.0.get(&city.id).into_iter().flatten().cloned());
        }
        Ok(Loaded {
            cities: practice.city_ids(),
            networks: networks.into_iter().collect(),
            practice,
        })
    }
}

/// A practice the viewer may see; one they may not see is not found (drafts stay unknown).
pub async fn load_visible(
    state: &AppState,
    v: &Viewer,
    reference: &str,
) -> Result<Loaded, AppError> {
    let loaded = load(state, reference).await?;
    if v.allows(Action::ViewPractice(loaded.scope())) {
        Ok(loaded)
    } else {
        Err(AppError::NotFound)
    }
}

pub use ateneu_app::practices::{
    DomainGroup, FieldGroup, framework_fields, framework_groups, reindex, vocabulary,
};

/// What starting a practice needs.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPractice {
    /// City slugs.
    pub cities: Vec<String>,
    pub lang: String,
    pub title: String,
}

pub async fn create(
    state: &AppState,
    v: &Viewer,
    input: &NewPractice,
) -> Result<Practice, AppError> {
    v.require_signed_in()?;
    let mut errors = ateneu_domain::FieldErrors::new();
    let cities = resolve_cities(state, v, (&input.cities, &[]), &mut errors).await?;
    let lang = errors.take(
        "lang",
        input
            .lang
            .trim()
            .parse::<ateneu_domain::Lang>()
            .map_err(|()| Problem::with_detail(ProblemKey::UnknownLanguage, input.lang.trim())),
    );
    // The title is checked whatever the language, so that every problem shows at once.
    let title = PracticeRecord::new(lang.unwrap_or(ateneu_domain::Lang::En), &input.title);
    let record = errors.take("title", title).filter(|_| lang.is_some());
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let txn = state.db.write().await?;
    let practice = repo::create(&txn, &v.who(), &cities, &record).await?;
    txn.commit().await?;
    Ok(practice)
}

/// Cities as typed (names in any language, with their country when shared, or slugs) to ids,
/// each one a city the viewer may document a practice for, or one the practice already has.
async fn resolve_cities(
    state: &AppState,
    v: &Viewer,
    (typed, already): (&[String], &[i64]),
    errors: &mut ateneu_domain::FieldErrors,
) -> Result<Vec<i64>, AppError> {
    let mut ids = Vec::new();
    for text in typed.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let city = match crate::cities::resolve(state, text).await? {
            Ok(city) => city,
            Err(problem) => {
                errors.add("cities", problem);
                continue;
            }
        };
        let networks = crate::cities::scope_networks(state, city.id).await?;
        let scope = CityScope {
            id: city.id,
            networks: &networks,
        };
        if !already.contains(&city.id) && !v.allows(Action::CreatePractice(scope)) {
            return Err(if v.signed_in.is_none() {
                AppError::SignInRequired
            } else {
                AppError::Forbidden
            });
        }
        if !ids.contains(&city.id) {
            ids.push(city.id);
        }
    }
    if ids.is_empty() && errors.get("cities").is_none() {
        errors.add("cities", Problem::new(ProblemKey::Required));
    }
    Ok(ids)
}

/// Changes a practice: texts in the source language and everything else need the right to
/// edit; texts in another language the right to translate (or to edit).
pub async fn edit(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    change: &PracticeEdit,
    cities: Option<&[String]>,
) -> Result<Practice, AppError> {
    let scope = loaded.scope();
    let editor = v.allows(Action::EditPractice(scope));
    if change.touches_content(&loaded.practice.record) || cities.is_some() {
        v.require(Action::EditPractice(scope))?;
    } else if !editor {
        v.require(Action::TranslatePractice(scope))?;
    }
    let vocabulary = vocabulary(state).await?;
    let translator = v.signed_in.as_ref().map(|s| s.user.id);
    let record = change
        .apply(&loaded.practice.record, &vocabulary, translator)
        .map_err(AppError::Invalid)?;
    let city_ids = match cities {
        Some(slugs) => {
            let mut errors = ateneu_domain::FieldErrors::new();
            let ids = resolve_cities(state, v, (slugs, &loaded.cities), &mut errors).await?;
            if !errors.is_empty() {
                return Err(AppError::Invalid(errors));
            }
            ids
        }
        None => loaded.cities.clone(),
    };
    let txn = state.db.write().await?;
    let practice = repo::update(&txn, &v.who(), &loaded.practice, &city_ids, &record).await?;
    txn.commit().await?;
    reindex(state).await;
    Ok(practice)
}

/// The steps the viewer may take from the practice's stage (what the page offers).
pub fn steps_for(v: &Viewer, loaded: &Loaded) -> Vec<Step> {
    roles::steps_for(&v.actor, loaded.scope())
}

/// Takes a review step (submit, approve, publish…), with the right its duty needs.
pub async fn step(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    step: Step,
    comment: &str,
) -> Result<Practice, AppError> {
    v.require(roles::step_action(loaded.scope(), step))?;
    let practice = &loaded.practice;
    let complete = is_complete(&checklist(&practice.record, practice.cities.len()));
    let to = step
        .apply(practice.stage, complete, comment)
        .map_err(AppError::Conflict)?;
    // The work the step hands on reaches the people who must do it, in the same transaction.
    let after_scope = PracticeScope {
        stage: to,
        ..loaded.scope()
    };
    let what = || {
        (
            after_scope,
            practice.id,
            practice.slug.as_str(),
            practice
                .record
                .title(practice.record.source_lang)
                .to_owned(),
        )
    };
    let mut kinds: Vec<NoticeKind> = NoticeKind::after_step(step).into_iter().collect();
    if to == Stage::Published && practice.record.languages().len() < ateneu_domain::Lang::ALL.len()
    {
        kinds.push(NoticeKind::TranslationNeeded);
    }
    let people = if kinds.is_empty() {
        Vec::new()
    } else {
        crate::notifications::people(state).await?
    };
    let notices: Vec<_> = kinds
        .into_iter()
        .map(|kind| crate::notifications::for_practice(&people, v, kind, what()))
        .collect();
    let txn = state.db.write().await?;
    let after = repo::take_step(&txn, &v.who(), practice, step, to, comment).await?;
    for pending in &notices {
        crate::notifications::write(&txn, pending).await?;
    }
    txn.commit().await?;
    for pending in &notices {
        crate::notifications::send(state, pending, v.lang).await;
    }
    reindex(state).await;
    Ok(after)
}

/// Leaves advice (an expert) or a note (a reviewer) on a practice.
pub async fn comment(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    kind: &str,
    body: &str,
) -> Result<(), AppError> {
    let scope = loaded.scope();
    let kind = CommentKind::parse(kind).map_err(AppError::BadRequest)?;
    v.require(match kind {
        CommentKind::Advice => Action::AdvisePractice(scope),
        CommentKind::Review => Action::ReviewPractice(scope),
    })?;
    let body = parse_comment(body).map_err(|problem| {
        let mut errors = ateneu_domain::FieldErrors::new();
        errors.add("body", problem);
        AppError::Invalid(errors)
    })?;
    let txn = state.db.write().await?;
    repo::comment(&txn, &v.who(), &loaded.practice, kind.key(), body).await?;
    txn.commit().await?;
    Ok(())
}

/// Features a published practice and schedules it for a newsletter.
pub async fn promote(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    featured: bool,
    newsletter_on: Option<NaiveDate>,
) -> Result<(), AppError> {
    v.require(Action::PublishPractice(loaded.scope()))?;
    loaded
        .practice
        .stage
        .check_promotion(featured, newsletter_on.is_some())
        .map_err(AppError::Conflict)?;
    let txn = state.db.write().await?;
    repo::promote(&txn, &v.who(), &loaded.practice, featured, newsletter_on).await?;
    txn.commit().await?;
    Ok(())
}

/// Whether the viewer works on this practice (`domain::practices::roles::is_worker`).
pub fn is_worker(v: &Viewer, loaded: &Loaded) -> bool {
    roles::is_worker(&v.actor, loaded.scope())
}

/// Whether the viewer sees the contact person (`domain::practices::roles::shows_contact`).
pub fn shows_contact(v: &Viewer, loaded: &Loaded) -> bool {
    roles::shows_contact(
        &v.actor,
        loaded.scope(),
        loaded.practice.record.contact.public,
    )
}

const LIST_PAGE: u64 = 50;

/// A page of the practices at a stage that the viewer may see, with their total.
pub async fn visible_list(
    state: &AppState,
    v: &Viewer,
    stage: Stage,
    page: u64,
) -> Result<(Vec<Loaded>, u64), AppError> {
    let filter = repo::PracticeFilter {
        stages: vec![stage],
        ..Default::default()
    };
    let mut scopes = Scopes::default();
    if stage.is_public() {
        let (practices, total) =
            repo::list(&state.db.conn, &filter, (page - 1) * LIST_PAGE, LIST_PAGE).await?;
        let mut shown = Vec::with_capacity(practices.len());
        for practice in practices {
            shown.push(scopes.of(state, practice).await?);
        }
        return Ok((shown, total));
    }
    v.require_signed_in()?;
    // Practices on their way are few: read them all, keep those the viewer may see.
    let (practices, _) = repo::list(&state.db.conn, &filter, 0, 5_000).await?;
    let mut visible = Vec::new();
    for practice in practices {
        let loaded = scopes.of(state, practice).await?;
        if v.allows(Action::ViewPractice(loaded.scope())) {
            visible.push(loaded);
        }
    }
    let total = visible.len() as u64;
    let shown = visible
        .into_iter()
        .skip(((page - 1) * LIST_PAGE) as usize)
        .take(LIST_PAGE as usize)
        .collect();
    Ok((shown, total))
}

/// Practices in the translators' queue on one page.
pub const QUEUE_PAGE: usize = 50;

/// A page of the practices with translation work in `lang` that the viewer may translate,
/// most work first, after `after`; with the place the next page starts after (None: the
/// last page).
pub async fn translation_queue(
    state: &AppState,
    v: &Viewer,
    lang: ateneu_domain::Lang,
    after: Option<QueuePlace>,
) -> Result<(Vec<(Loaded, usize)>, Option<QueuePlace>), AppError> {
    const BATCH: u64 = 200;
    let mut queue = Vec::new();
    let mut scopes = Scopes::default();
    let mut after = after;
    loop {
        let batch = repo::translation_work(&state.db.conn, lang, after, BATCH).await?;
        let read = batch.len() as u64;
        for (practice, place) in batch {
            after = Some(place);
            let loaded = scopes.of(state, practice).await?;
            if v.allows(Action::TranslatePractice(loaded.scope())) {
                queue.push((loaded, place.work as usize));
                if queue.len() == QUEUE_PAGE {
                    return Ok((queue, after));
                }
            }
        }
        if read < BATCH {
            return Ok((queue, None));
        }
    }
}

/// Imports a JSON Lines file of practices (the secretariat): every line checked first.
pub async fn import(
    state: &AppState,
    v: &Viewer,
    body: &str,
    stage: Stage,
) -> Result<repo::ImportSummary, AppError> {
    v.require(Action::ManagePractices)?;
    let vocabulary = vocabulary(state).await?;
    let practices =
        ateneu_domain::practices::import::parse(body, &vocabulary).map_err(AppError::Lines)?;
    let summary = repo::import(&state.db, &v.who(), &practices, stage, &|_| {}).await?;
    reindex(state).await;
    Ok(summary)
}
