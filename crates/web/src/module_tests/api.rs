//! Thematic-module testing in the JSON API: a programme's seminars and a new one, a seminar
//! with its items, proposals and revision, links, closing, decisions, the revision, and a
//! participant's link (no account) to read the module and propose.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, OpenJson, Path};
use crate::viewer::Viewer;
use ateneu_app::module_tests::{self as cases, ModuleTestInput};
use ateneu_domain::module_tests::ProposalInput;
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
    path = "/programmes/{id}/module-tests",
    tag = "module-tests",
    summary = "A programme's thematic-module seminars (who sees the programme; 404 to anyone else)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ModuleTestList"))),
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
    path = "/programmes/{id}/module-tests",
    tag = "module-tests",
    summary = "Start a seminar testing a module of an imported framework version (`framework` as KEY@VERSION, `module`), held for one of the programme's thematic-module activities or none (the city's editors and the secretariat)",
    request_body(content = ref("#/components/schemas/ModuleTestInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/ModuleTest"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ModuleTestInput>,
) -> Result<Response, AppError> {
    Ok(created(
        cases::create(&state, &v.acting(), id, &input).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/module-tests/{id}",
    tag = "module-tests",
    summary = "A seminar: the module's items with their texts, every proposal with its decision, the links made, what the caller may do, and once revised the new version and what it changed",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ModuleTestView"))),
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
pub struct CountBody {
    count: u32,
}

#[utoipa::path(
    post,
    path = "/module-tests/{id}/links",
    tag = "module-tests",
    summary = "Make participants' links (1 to 1000), each shown once",
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

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusBody {
    status: String,
}

#[utoipa::path(
    put,
    path = "/module-tests/{id}/status",
    tag = "module-tests",
    summary = "Close the seminar (it takes no more proposals) or reopen it",
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
pub struct DecisionBody {
    decision: String,
}

#[utoipa::path(
    put,
    path = "/module-tests/{id}/proposals/{proposal_id}/decision",
    tag = "module-tests",
    summary = "Accept or reject a proposal (the Leading Cities' secretariat, keeper of the frameworks); 409 already_revised once the module is revised",
    request_body(content = ref("#/components/schemas/ModuleTestDecision"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ModuleTestDecision"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn decide(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, proposal)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Response, AppError> {
    let decision = cases::decide(&state, &v.acting(), id, proposal, &body.decision).await?;
    Ok(Json(json!({ "decision": decision })).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VersionBody {
    version: String,
}

#[utoipa::path(
    post,
    path = "/module-tests/{id}/revise",
    tag = "module-tests",
    summary = "Turn the accepted proposals into the revised module: a new version of the framework named `version` (checked whole as any imported file; an existing version's name is refused), filed as the activity's public revised module; once (409 already_revised). The seminar with what the revision changed",
    request_body(content = ref("#/components/schemas/ModuleTestRevision"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/ModuleTestView"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn revise(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<VersionBody>,
) -> Result<Response, AppError> {
    let (name, pdf) = super::report::for_filing(&state, &v, id, &body.version).await?;
    let report = Some((name.as_str(), pdf.as_slice()));
    Ok(created(
        cases::revise(&state, &v.acting(), id, &body.version, report).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/module-tests/join/{token}",
    tag = "module-tests",
    summary = "What a participant's link opens (no account): the seminar's title, the module's items, whether it is open, the keys a new item may go under, and the proposals made through this link",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ModuleTestJoined"))),
)]
pub async fn join(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(cases::join(&state, &token).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/module-tests/join/{token}",
    tag = "module-tests",
    summary = "Comment on an item, propose its new wording (one to three languages), or a new item under a field or domain (all three languages), through a participant's link while the seminar is open (409 workshop_closed)",
    request_body(content = ref("#/components/schemas/ModuleTestProposalInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/ModuleTestProposal"))),
)]
pub async fn propose(
    State(state): State<AppState>,
    Path(token): Path<String>,
    OpenJson(input): OpenJson<ProposalInput>,
) -> Result<Response, AppError> {
    Ok(created(cases::propose(&state, &token, &input).await?))
}
