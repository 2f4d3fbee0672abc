//! Seven Keys workshops in the JSON API: the published articles (public), a programme's
//! workshops and a new one, a workshop with its challenges, themes and keys, the participants'
//! links, the challenges named through a link (no account) or recorded by facilitators, themes,
//! keys, the draft plan, the article, and a city's cultural assets.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, OpenJson, Path};
use crate::viewer::Viewer;
use ateneu_app::seven_keys as cases;
use ateneu_domain::seven_keys::{
    ArticleInput, AssetInput, ChallengeInput, KeyInput, WorkshopInput,
};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

fn created<T: serde::Serialize>(value: T) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}

#[utoipa::path(
    get,
    path = "/seven-keys",
    tag = "seven-keys",
    summary = "The published articles of every city's Seven Keys workshops, newest first (public)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysArticleList"))),
)]
pub async fn articles(State(state): State<AppState>) -> Result<Response, AppError> {
    Ok(Json(json!({"items": cases::articles(&state).await?})).into_response())
}

#[utoipa::path(
    get,
    path = "/seven-keys/{id}",
    tag = "seven-keys",
    summary = "One published article (404 while it is not published)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysArticle"))),
)]
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::article(&state, id).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/seven-keys",
    tag = "seven-keys",
    summary = "A programme's Seven Keys workshops (who sees the programme: its city's editors and the secretariat; 404 to anyone else)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysWorkshopList"))),
)]
pub async fn of_programme(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let items = cases::of_programme(&state, &v.acting(), id).await?;
    Ok(Json(json!({ "items": items })).into_response())
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/seven-keys",
    tag = "seven-keys",
    summary = "Start a Seven Keys workshop of a programme (its city's editors and the secretariat), held for one of its Seven Keys activities or none",
    request_body(content = ref("#/components/schemas/SevenKeysWorkshopInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/SevenKeysWorkshop"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<WorkshopInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::create(&state, &v.acting(), id, &input).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/seven-keys/workshops/{id}",
    tag = "seven-keys",
    summary = "A workshop with its challenges (in the order named), their themes with counts, its keys, its city's cultural assets and how many links were made; `may_run` says whether the caller runs it",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysWorkshopView"))),
)]
pub async fn read(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusBody {
    status: String,
}

#[utoipa::path(
    put,
    path = "/seven-keys/workshops/{id}/status",
    tag = "seven-keys",
    summary = "Close a workshop (it takes no more challenges) or reopen it",
    request_body(content = ref("#/components/schemas/SevenKeysStatus"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysStatus"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn set_status(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<StatusBody>,
) -> Result<Response, AppError> {
    let status = cases::set_status(&state, &v.acting(), id, &body.status).await?;
    Ok(Json(json!({ "status": status })).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CountBody {
    count: u32,
}

#[utoipa::path(
    post,
    path = "/seven-keys/workshops/{id}/invitations",
    tag = "seven-keys",
    summary = "Make participants' links (1 to 1000): each token and its address are shown once, only their hashes are kept",
    request_body(content = ref("#/components/schemas/SevenKeysCount"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/SevenKeysLinks"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn invite(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CountBody>,
) -> Result<Response, AppError> {
    let tokens = cases::invite(&state, &v.acting(), id, body.count).await?;
    let links: Vec<_> = tokens
        .iter()
        .map(|t| json!({"token": t, "url": super::join::link(&state, v.lang, t)}))
        .collect();
    Ok(created(json!({ "links": links })))
}

#[utoipa::path(
    post,
    path = "/seven-keys/workshops/{id}/challenges",
    tag = "seven-keys",
    summary = "Record a challenge named in the room (facilitators); 409 workshop_closed once it is closed",
    request_body(content = ref("#/components/schemas/SevenKeysChallengeInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/SevenKeysChallenge"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn record_challenge(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ChallengeInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::record_challenge(&state, &v.acting(), id, &input).await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ThemeBody {
    theme: Option<String>,
}

#[utoipa::path(
    put,
    path = "/seven-keys/workshops/{id}/challenges/{challenge_id}/theme",
    tag = "seven-keys",
    summary = "Cluster a challenge into a theme (an empty or null theme takes it out)",
    request_body(content = ref("#/components/schemas/SevenKeysTheme"), content_type = "application/json"),
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn set_theme(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, challenge)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ThemeBody>,
) -> Result<Response, AppError> {
    let theme = body.theme.unwrap_or_default();
    cases::set_theme(&state, &v.acting(), id, challenge, &theme).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    post,
    path = "/seven-keys/workshops/{id}/keys",
    tag = "seven-keys",
    summary = "Add a key the group agreed on: a title, the local actors who commit to it, the commitment, its SDGs and the challenges it answers",
    request_body(content = ref("#/components/schemas/SevenKeysKeyInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/SevenKeysKey"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn add_key(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<KeyInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::add_key(&state, &v.acting(), id, &input).await?,
    ))
}

#[utoipa::path(
    delete,
    path = "/seven-keys/workshops/{id}/keys/{key_id}",
    tag = "seven-keys",
    summary = "Remove a key",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn remove_key(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, key)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    cases::remove_key(&state, &v.acting(), id, key).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The draft plan's visibility (empty: network).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlanBody {
    visibility: String,
}

#[utoipa::path(
    post,
    path = "/seven-keys/workshops/{id}/plan",
    tag = "seven-keys",
    summary = "Turn the keys into a draft action plan in one step: an output of kind action_plan of the programme (`visibility`; empty: network, the catalogue's default for the internal report) whose items are the keys, with their actors responsible and the SDGs of the key and of the challenges it answers. Once (409 plan_already_drafted); 409 no_keys_yet without keys; keys are neither added nor removed afterwards",
    request_body(content = ref("#/components/schemas/SevenKeysPlanInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Output"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn draft_plan(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PlanBody>,
) -> Result<Response, AppError> {
    let (name, pdf) = super::report::for_filing(&state, &v, id).await?;
    let report = Some((name.as_str(), pdf.as_slice()));
    Ok(created(
        cases::draft_plan(&state, &v.acting(), id, &body.visibility, report).await?,
    ))
}

#[utoipa::path(
    put,
    path = "/seven-keys/workshops/{id}/article",
    tag = "seven-keys",
    summary = "Save the public article (a title and a text in at least one language); `published` lists it on the public Seven Keys page and, the first time, files it as the programme's public article",
    request_body(content = ref("#/components/schemas/SevenKeysArticleInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysWorkshop"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn save_article(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ArticleInput>,
) -> Result<Response, AppError> {
    Ok(Json(cases::save_article(&state, &v.acting(), id, &input).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/seven-keys/join/{token}",
    tag = "seven-keys",
    summary = "What a participant's link opens (no account): the workshop, its city's cultural assets and the challenges named through this link",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/SevenKeysJoined"))),
)]
pub async fn join(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::join(&state, &token).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/seven-keys/join/{token}/challenges",
    tag = "seven-keys",
    summary = "Name a challenge through a participant's link (no account; several each) while the workshop is open (409 workshop_closed)",
    request_body(content = ref("#/components/schemas/SevenKeysChallengeInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/SevenKeysChallenge"))),
)]
pub async fn name_challenge(
    State(state): State<AppState>,
    Path(token): Path<String>,
    OpenJson(input): OpenJson<ChallengeInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::name_challenge(&state, &token, &input).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/cities/{slug}/assets",
    tag = "seven-keys",
    summary = "A city's cultural assets (public); `may_keep` says whether the caller may add and remove them",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/CulturalAssetList"))),
)]
pub async fn assets(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let (items, may_keep) = cases::assets(&state, &v.acting(), &city).await?;
    Ok(Json(json!({ "items": items, "may_keep": may_keep })).into_response())
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/assets",
    tag = "seven-keys",
    summary = "Add a cultural asset to a city's inventory (its editors and the secretariat)",
    request_body(content = ref("#/components/schemas/CulturalAssetInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/CulturalAsset"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn add_asset(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<AssetInput>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    Ok(created(
        cases::add_asset(&state, &v.acting(), &city, &input).await?,
    ))
}

#[utoipa::path(
    delete,
    path = "/cities/{slug}/assets/{id}",
    tag = "seven-keys",
    summary = "Remove a cultural asset",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn remove_asset(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    cases::remove_asset(&state, &v.acting(), &city, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
