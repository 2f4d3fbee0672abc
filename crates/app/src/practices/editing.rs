//! Working on a good practice: starting one for cities the person may document, editing or
//! translating its texts, the review steps (each with the right its duty needs, telling the
//! people the work passes to), comments, featuring it, and importing a file of practices.
//! Every change is one transaction and brings this process's search index up to date.

use super::{Loaded, reindex, vocabulary};
use crate::{Acting, Context, Error, notifications};
use ateneu_db::practices as repo;
use ateneu_db::practices::Practice;
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::notifications::NoticeKind;
use ateneu_domain::permissions::{Action, CityScope, PracticeScope};
use ateneu_domain::practices::checklist::{checklist, is_complete};
use ateneu_domain::practices::edit::PracticeEdit;
use ateneu_domain::practices::roles;
use ateneu_domain::practices::workflow::{CommentKind, Step, parse_comment};
use ateneu_domain::practices::{PracticeRecord, Stage};
use ateneu_domain::{Lang, Problem, ProblemKey};
use chrono::NaiveDate;

/// What starting a practice needs.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPractice {
    /// City slugs.
    pub cities: Vec<String>,
    pub lang: String,
    pub title: String,
}

/// Starts a practice for cities the person may document, in a language, with its title.
pub async fn create(
    context: &Context,
    acting: &Acting,
    input: &NewPractice,
) -> Result<Practice, Error> {
    if !acting.is_signed_in() {
        return Err(Error::SignInRequired);
    }
    let mut errors = ateneu_domain::FieldErrors::new();
    let cities = resolve_cities(context, acting, (&input.cities, &[]), &mut errors).await?;
    let lang = errors.take(
        "lang",
        input
            .lang
            .trim()
            .parse::<Lang>()
            .map_err(|()| Problem::with_detail(ProblemKey::UnknownLanguage, input.lang.trim())),
    );
    // The title is checked whatever the language, so that every problem shows at once.
    let title = PracticeRecord::new(lang.unwrap_or(Lang::En), &input.title);
    let record = errors.take("title", title).filter(|_| lang.is_some());
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let txn = context.db.write().await?;
    let practice = repo::create(&txn, &acting.who, &cities, &record).await?;
    txn.commit().await?;
    Ok(practice)
}

/// Cities as typed (names in any language, with their country when shared, or slugs) to ids,
/// each one a city the viewer may document a practice for, or one the practice already has.
async fn resolve_cities(
    context: &Context,
    acting: &Acting,
    (typed, already): (&[String], &[CityId]),
    errors: &mut ateneu_domain::FieldErrors,
) -> Result<Vec<CityId>, Error> {
    let mut ids = Vec::new();
    for text in typed.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let city = match crate::cities::resolve(context, text).await? {
            Ok(city) => city,
            Err(problem) => {
                errors.add("cities", problem);
                continue;
            }
        };
        let networks = crate::cities::scope_networks(context, city.id).await?;
        let scope = CityScope {
            id: city.id,
            networks: &networks,
        };
        if !already.contains(&city.id) && !acting.actor.allows(Action::CreatePractice(scope)) {
            return Err(if !acting.is_signed_in() {
                Error::SignInRequired
            } else {
                Error::Forbidden
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
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    change: &PracticeEdit,
    cities: Option<&[String]>,
) -> Result<Practice, Error> {
    let scope = loaded.scope();
    let editor = acting.actor.allows(Action::EditPractice(scope));
    if change.touches_content(&loaded.practice.record) || cities.is_some() {
        acting.require(Action::EditPractice(scope))?;
    } else if !editor {
        acting.require(Action::TranslatePractice(scope))?;
    }
    let vocabulary = vocabulary(context).await?;
    let translator = acting.actor.user_id;
    let record = change
        .apply(
            &loaded.practice.record,
            &vocabulary,
            translator.map(AccountId::get),
        )
        .map_err(Error::Invalid)?;
    let city_ids = match cities {
        Some(slugs) => {
            let mut errors = ateneu_domain::FieldErrors::new();
            let ids = resolve_cities(context, acting, (slugs, &loaded.cities), &mut errors).await?;
            if !errors.is_empty() {
                return Err(Error::Invalid(errors));
            }
            ids
        }
        None => loaded.cities.clone(),
    };
    let txn = context.db.write().await?;
    let practice = repo::update(&txn, &acting.who, &loaded.practice, &city_ids, &record).await?;
    txn.commit().await?;
    reindex(context).await;
    Ok(practice)
}

/// Takes a review step (submit, approve, publish…), with the right its duty needs; the people
/// the work passes to are told in their language (`lang` for those who chose none).
pub async fn step(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    step: Step,
    comment: &str,
    lang: Lang,
) -> Result<Practice, Error> {
    acting.require(roles::step_action(loaded.scope(), step))?;
    let practice = &loaded.practice;
    let complete = is_complete(&checklist(&practice.record, practice.cities.len()));
    let to = step
        .apply(practice.stage, complete, comment)
        .map_err(Error::Conflict)?;
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
    if to == Stage::Published && practice.record.languages().len() < Lang::ALL.len() {
        kinds.push(NoticeKind::TranslationNeeded);
    }
    let people = if kinds.is_empty() {
        Vec::new()
    } else {
        notifications::people(context).await?
    };
    let notices: Vec<_> = kinds
        .into_iter()
        .map(|kind| notifications::for_practice(&people, acting, kind, what()))
        .collect();
    let txn = context.db.write().await?;
    let after = repo::take_step(&txn, &acting.who, practice, step, to, comment).await?;
    for pending in &notices {
        notifications::write(&txn, pending).await?;
    }
    txn.commit().await?;
    for pending in &notices {
        notifications::send(context, pending, lang).await;
    }
    reindex(context).await;
    Ok(after)
}

/// Leaves advice (an expert) or a note (a reviewer) on a practice.
pub async fn comment(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    kind: &str,
    body: &str,
) -> Result<(), Error> {
    let scope = loaded.scope();
    let kind = CommentKind::parse(kind).map_err(Error::BadRequest)?;
    acting.require(match kind {
        CommentKind::Advice => Action::AdvisePractice(scope),
        CommentKind::Review => Action::ReviewPractice(scope),
    })?;
    let body = parse_comment(body).map_err(|problem| {
        let mut errors = ateneu_domain::FieldErrors::new();
        errors.add("body", problem);
        Error::Invalid(errors)
    })?;
    let txn = context.db.write().await?;
    repo::comment(&txn, &acting.who, &loaded.practice, kind.key(), body).await?;
    txn.commit().await?;
    Ok(())
}

/// Features a published practice and schedules it for a newsletter.
pub async fn promote(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    featured: bool,
    newsletter_on: Option<NaiveDate>,
) -> Result<(), Error> {
    acting.require(Action::PublishPractice(loaded.scope()))?;
    loaded
        .practice
        .stage
        .check_promotion(featured, newsletter_on.is_some())
        .map_err(Error::Conflict)?;
    let txn = context.db.write().await?;
    repo::promote(&txn, &acting.who, &loaded.practice, featured, newsletter_on).await?;
    txn.commit().await?;
    Ok(())
}

/// Imports a JSON Lines file of practices (the secretariat): every line checked first.
pub async fn import_text(
    context: &Context,
    acting: &Acting,
    body: &str,
    stage: Stage,
) -> Result<repo::ImportSummary, Error> {
    acting.require(Action::ManagePractices)?;
    let vocabulary = vocabulary(context).await?;
    let practices =
        ateneu_domain::practices::import::parse(body, &vocabulary).map_err(Error::Lines)?;
    let summary = repo::import(&context.db, &acting.who, &practices, stage, &|_| {}).await?;
    reindex(context).await;
    Ok(summary)
}

/// The advice and review notes left on a practice: for the people working on it only
/// (`roles::is_worker`), never the public.
pub async fn comments(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
) -> Result<Vec<repo::Comment>, Error> {
    if !acting.is_signed_in() {
        return Err(Error::SignInRequired);
    }
    if !roles::is_worker(&acting.actor, loaded.scope()) {
        return Err(Error::Forbidden);
    }
    Ok(repo::comments(&context.db.conn, loaded.practice.id).await?)
}
