//! Practices in the JSON API: search, read, create, edit, review steps, comments, promotion,
//! translations, the translator's queue, the thesaurus and the JSON Lines import.

use super::{Loaded, NewPractice, load, load_visible};
use crate::AppState;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::extract::Path;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_domain::ProblemKey;
use ateneu_domain::practices::checklist::{checklist, is_complete};
use ateneu_domain::practices::edit::PracticeEdit;
use ateneu_domain::practices::translation::{QueuePlace, grid, work};
use ateneu_domain::practices::workflow::Step;
use ateneu_domain::practices::{Stage, parse_date};
use ateneu_domain::{Lang, Problem};
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::Deserialize;
use serde_json::{Value, json};

pub fn routes() -> Routes {
    Routes::new()
        .route("/practices/search", get(search))
        .route("/practices", get(list).post(create))
        .route(
            "/practices/import",
            post(import).layer(axum::extract::DefaultBodyLimit::max(super::MAX_IMPORT)),
        )
        .route("/practices/export.json", get(super::feeds::export_json))
        .route("/practices/export.csv", get(super::feeds::export_csv))
        .route("/practices/export.jsonl", get(super::feeds::export_jsonl))
        .route("/practices/codebook", get(super::feeds::codebook_json))
        .route("/practices/translation-queue", get(translation_queue))
        .route("/practices/{id}", get(detail).patch(update))
        .route("/practices/{id}/steps", post(take_step))
        .route("/practices/{id}/comments", get(comments).post(add_comment))
        .route("/practices/{id}/promotion", put(promote))
        .route("/practices/{id}/translations", get(translations))
        .route("/keywords", get(keywords))
        .route("/keywords/{key}", put(save_keyword))
}

async fn search(
    State(state): State<AppState>,
    v: Viewer,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let parsed = super::search::parse(query.as_deref(), v.lang)?;
    let results = super::search::run(&state, &parsed)?;
    Ok(super::search::json_answer(&results))
}

/// A practice as the viewer may see it: the contact only when public or for its workers.
pub fn view(loaded: &Loaded, v: &Viewer) -> Value {
    let p = &loaded.practice;
    let mut record = serde_json::to_value(&p.record).unwrap_or_default();
    if !super::shows_contact(v, loaded)
        && let Some(object) = record.as_object_mut()
    {
        object.remove("contact");
    }
    let checks = checklist(&p.record, p.cities.len());
    json!({
        "id": p.id, "slug": p.slug, "external_id": p.external_id, "stage": p.stage.key(),
        "languages": p.record.languages(), "record": record,
        "cities": p.cities.iter().map(|c| json!({"slug": c.slug, "name": c.name.show(v.lang).text, "country": c.country.code(), "region": c.region})).collect::<Vec<_>>(),
        "featured": p.featured, "newsletter_on": p.newsletter_on, "published_at": p.published_at,
        "created_at": p.created_at, "updated_at": p.updated_at,
        "checklist": checks, "complete": is_complete(&checks),
        "steps": Step::from(p.stage).iter().map(|s| s.key()).collect::<Vec<_>>(),
    })
}

async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    Ok(Json(view(&loaded, &v)).into_response())
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    #[serde(default)]
    stage: Option<String>,
    #[serde(default)]
    page: Option<u64>,
}

/// Published practices for everyone; with `stage`, the practices at that stage the viewer
/// may see.
async fn list(
    State(state): State<AppState>,
    v: Viewer,
    crate::extract::Query(query): crate::extract::Query<ListQuery>,
) -> Result<Response, AppError> {
    let stage = match query.stage.as_deref() {
        None | Some("") => Stage::Published,
        Some(key) => Stage::parse(key).map_err(AppError::BadRequest)?,
    };
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let shown = ateneu_app::practices::visible_list(&state, &v.acting(), stage, page)
        .await
        .map_err(AppError::from)?;
    let items: Vec<Value> = shown.0.iter().map(|l| view(l, &v)).collect();
    Ok(Json(json!({"total": shown.1, "page": page, "items": items})).into_response())
}

async fn create(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<NewPractice>,
) -> Result<Response, AppError> {
    let practice = ateneu_app::practices::editing::create(&state, &v.acting(), &input)
        .await
        .map_err(AppError::from)?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"id": practice.id, "slug": practice.slug})),
    )
        .into_response())
}

#[derive(Debug, Deserialize)]
struct UpdateInput {
    #[serde(default)]
    cities: Option<Vec<String>>,
    #[serde(flatten)]
    change: PracticeEdit,
}

async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<UpdateInput>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    ateneu_app::practices::editing::edit(
        &state,
        &v.acting(),
        &loaded,
        &input.change,
        input.cities.as_deref(),
    )
    .await
    .map_err(AppError::from)?;
    let loaded = load(&state, &id).await?;
    Ok(Json(view(&loaded, &v)).into_response())
}

#[derive(Debug, Deserialize)]
struct StepInput {
    step: String,
    #[serde(default)]
    comment: String,
}

async fn take_step(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<StepInput>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    let step = Step::parse(&input.step).map_err(AppError::BadRequest)?;
    let practice = ateneu_app::practices::editing::step(
        &state,
        &v.acting(),
        &loaded,
        step,
        &input.comment,
        v.lang,
    )
    .await
    .map_err(AppError::from)?;
    Ok(Json(json!({"id": practice.id, "stage": practice.stage.key()})).into_response())
}

async fn comments(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    // Review history is for the people working on the practice, not the public.
    let items = ateneu_app::practices::editing::comments(&state, &v.acting(), &loaded).await?;
    Ok(Json(json!({"items": items})).into_response())
}

#[derive(Debug, Deserialize)]
struct CommentInput {
    kind: String,
    body: String,
}

async fn add_comment(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<CommentInput>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    ateneu_app::practices::editing::comment(&state, &v.acting(), &loaded, &input.kind, &input.body)
        .await
        .map_err(AppError::from)?;
    Ok(StatusCode::CREATED.into_response())
}

#[derive(Debug, Deserialize)]
struct PromotionInput {
    featured: bool,
    #[serde(default)]
    newsletter_on: Option<String>,
}

async fn promote(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<PromotionInput>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    let date = parse_date(input.newsletter_on.as_deref().unwrap_or("")).map_err(|p| {
        let mut errors = ateneu_domain::FieldErrors::new();
        errors.add("newsletter_on", p);
        AppError::Invalid(errors)
    })?;
    ateneu_app::practices::editing::promote(&state, &v.acting(), &loaded, input.featured, date)
        .await
        .map_err(AppError::from)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn translations(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let loaded = load_visible(&state, &v, &id).await?;
    let cells = grid(&loaded.practice.record);
    Ok(
        Json(json!({"source_lang": loaded.practice.record.source_lang, "cells": cells}))
            .into_response(),
    )
}

#[derive(Debug, Deserialize)]
struct QueueQuery {
    lang: Option<String>,
    /// The `next` of the previous page.
    after: Option<String>,
}

/// What translators have to do in a language: practices under review or published with
/// texts missing, in draft or outdated, most work first, a page at a time (`next` is the
/// `after` of the next page; null on the last).
async fn translation_queue(
    State(state): State<AppState>,
    v: Viewer,
    crate::extract::Query(query): crate::extract::Query<QueueQuery>,
) -> Result<Response, AppError> {
    v.require_signed_in()?;
    let lang = match query.lang.as_deref() {
        Some(code) => code.parse::<Lang>().map_err(|()| {
            AppError::BadRequest(Problem::with_detail(ProblemKey::UnknownLanguage, code))
        })?,
        None => v.lang,
    };
    let after = QueuePlace::parse_optional(query.after.as_deref()).map_err(AppError::BadRequest)?;
    let (queue, next) = ateneu_app::practices::translation_queue(&state, &v.acting(), lang, after)
        .await
        .map_err(AppError::from)?;
    let items: Vec<Value> = queue
        .iter()
        .map(|(loaded, _)| {
            let w = work(&loaded.practice.record, lang);
            json!({"id": loaded.practice.id, "slug": loaded.practice.slug, "stage": loaded.practice.stage.key(),
                   "title": loaded.practice.record.title(lang), "missing": w.missing, "draft": w.draft, "needs_update": w.needs_update})
        })
        .collect();
    Ok(
        Json(json!({"lang": lang, "items": items, "next": next.map(|p| p.to_string())}))
            .into_response(),
    )
}

async fn keywords(State(state): State<AppState>) -> Result<Response, AppError> {
    Ok(
        Json(json!({"items": ateneu_app::practices::thesaurus::keywords(&state).await?}))
            .into_response(),
    )
}

#[derive(Debug, Deserialize)]
struct KeywordInput {
    en: String,
    fr: String,
    es: String,
}

async fn save_keyword(
    State(state): State<AppState>,
    v: Viewer,
    Path(key): Path<String>,
    ApiJson(input): ApiJson<KeywordInput>,
) -> Result<Response, AppError> {
    let form = super::thesaurus::KeywordForm {
        key,
        en: input.en,
        fr: input.fr,
        es: input.es,
    };
    let keyword = super::thesaurus::save(&state, &v, &form).await?;
    Ok(Json(keyword).into_response())
}

#[derive(Debug, Deserialize)]
struct ImportQuery {
    stage: Option<String>,
}

/// `POST /api/v1/practices/import` with a JSON Lines body: checked whole, then written in one
/// transaction.
async fn import(
    State(state): State<AppState>,
    v: Viewer,
    crate::extract::Query(query): crate::extract::Query<ImportQuery>,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    // Read here rather than by axum's `String`, whose refusal of bytes that are not UTF-8 is
    // plain text instead of the API's error.
    let body = std::str::from_utf8(&body).map_err(|e| {
        AppError::BadRequest(Problem::with_detail(
            ProblemKey::BadRequest,
            format!("the body is not UTF-8 text (byte {})", e.valid_up_to()),
        ))
    })?;
    let stage = match query.stage.as_deref() {
        None | Some("") => Stage::Published,
        Some(key) => Stage::parse(key).map_err(AppError::BadRequest)?,
    };
    let summary = ateneu_app::practices::editing::import_text(&state, &v.acting(), body, stage)
        .await
        .map_err(AppError::from)?;
    Ok(Json(summary).into_response())
}
