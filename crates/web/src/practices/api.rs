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
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .documented(routes!(search))
        .documented(routes!(list, create))
        .documented_with_limit(routes!(import), super::MAX_IMPORT)
        .documented(routes!(super::feeds::export_json))
        .documented(routes!(super::feeds::export_csv))
        .documented(routes!(super::feeds::export_jsonl))
        .documented(routes!(super::feeds::codebook_json))
        .documented(routes!(translation_queue))
        .documented(routes!(detail, update))
        .documented(routes!(super::sharing::kit_api, super::sharing::record_api))
        .documented(routes!(super::sharing::due_api))
        .documented(routes!(take_step))
        .documented(routes!(comments, add_comment))
        .documented(routes!(promote))
        .documented(routes!(translations))
        .documented(routes!(keywords))
        .documented(routes!(save_keyword))
}

#[utoipa::path(
    get,
    path = "/practices/search",
    tag = "practices",
    summary = "Search published practices in every language, with facet counts (q, lang, sort, page, and sdg, field, keyword, region, country, city, creative_field, year, language, status, each repeatable)",
    params(
        crate::openapi::practices::SearchParameters,
    ),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/PracticeSearch"))),
)]
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

#[utoipa::path(
    get,
    path = "/practices/{id}",
    tag = "practices",
    summary = "A practice (id or slug): published ones for everyone, others for the people working on them; the contact only when public or for them",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Practice"))),
)]
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
#[utoipa::path(
    get,
    path = "/practices",
    tag = "practices",
    summary = "Published practices, newest first; with stage=…, the practices at that stage the caller may see",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/PracticePage"))),
)]
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

#[utoipa::path(
    post,
    path = "/practices",
    tag = "practices",
    summary = "Start a practice as a draft (a city's editors, its networks' secretariat)",
    request_body(content = ref("#/components/schemas/NewPractice"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Created"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    patch,
    path = "/practices/{id}",
    tag = "practices",
    summary = "Change a practice: the parts given only; texts in `lang` (a translator may change texts in other languages than the source)",
    request_body(content = ref("#/components/schemas/PracticeEdit"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Practice"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    post,
    path = "/practices/{id}/steps",
    tag = "practices",
    summary = "Take a review step: submit, withdraw, start_review, request_changes (with a comment), approve, publish, archive, restore",
    request_body(content = ref("#/components/schemas/StepInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Created"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    get,
    path = "/practices/{id}/comments",
    tag = "practices",
    summary = "Advice, review notes and steps (the people working on the practice)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/CommentList"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    post,
    path = "/practices/{id}/comments",
    tag = "practices",
    summary = "Leave advice (kind advice: experts) or a review note (kind review: reviewers)",
    request_body(content = ref("#/components/schemas/CommentInput"), content_type = "application/json"),
    responses((status = 201, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    put,
    path = "/practices/{id}/promotion",
    tag = "practices",
    summary = "Feature a published practice on the home page and schedule it for a newsletter (secretariat)",
    request_body(content = ref("#/components/schemas/PromotionInput"), content_type = "application/json"),
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    get,
    path = "/practices/{id}/translations",
    tag = "practices",
    summary = "Each text's status in each language: source, missing, draft, translated, needs_update, reviewed",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/TranslationGrid"))),
)]
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
#[utoipa::path(
    get,
    path = "/practices/translation-queue",
    tag = "practices",
    summary = "Practices with translation work in a language (lang=fr), most work first, 50 a page (after= the previous page's next)",
    params(
        crate::openapi::practices::QueueParameters,
    ),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/TranslationQueue"))),
    security(("bearer" = []), ("session" = [])),
)]
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

#[utoipa::path(
    get,
    path = "/keywords",
    tag = "practices",
    summary = "The keyword thesaurus",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/KeywordList"))),
)]
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

#[utoipa::path(
    put,
    path = "/keywords/{key}",
    tag = "practices",
    summary = "Add or relabel a keyword (secretariat)",
    request_body(content = ref("#/components/schemas/KeywordInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Keyword"))),
    security(("bearer" = []), ("session" = [])),
)]
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
#[utoipa::path(
    post,
    path = "/practices/import",
    tag = "practices",
    summary = "Import practices: a JSON Lines body (format in the README), checked whole; stage=published|draft for new ones (secretariat)",
    request_body(content = ref("#/components/schemas/PracticeLines"), content_type = "application/json"),
    params(
        ("stage" = Option<String>, Query, description = "the stage of the practices the file adds: published (the default) or draft"),
    ),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/PracticeImportResult"))),
    security(("bearer" = []), ("session" = [])),
)]
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
