//! Assessments in the JSON API: create, read, invitations, participation by token, consensus,
//! key ideas, close and reopen, results, and the anonymised responses as CSV or JSON.

use super::participate::{open, save_participation};
use super::results::{ResultsBody, benchmark, computed, strengths};
use super::{AssessmentInput, Need, invitations, load_for};
use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::extract::{ApiJson, OpenJson};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_domain::Problem;
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::{Answer, ConsensusInput, ParticipationInput};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::ids::InvitationId;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .documented(routes!(list, create))
        .documented(routes!(detail))
        .documented(routes!(invitations, invite))
        .documented(routes!(resend_invitation))
        .documented(routes!(revoke_invitation))
        .documented(routes!(close))
        .documented(routes!(reopen))
        .documented(routes!(consensus))
        .documented(routes!(key_ideas))
        .documented(routes!(results))
        .documented(routes!(responses_json))
        .documented(routes!(responses_csv))
        .documented(routes!(participation, participate))
}

fn summary(loaded: &super::Loaded) -> Value {
    let a = &loaded.assessment;
    json!({
        "id": a.id, "title": a.title, "city": loaded.city.slug, "framework": loaded.version.reference(),
        "module": a.module, "level": loaded.module().map(|m| m.level.key()).unwrap_or_default(),
        "starts_on": a.starts_on, "ends_on": a.ends_on, "languages": a.languages,
        "visibility": a.visibility, "status": a.status, "facilitators": a.facilitators,
        "key_ideas": a.key_ideas, "created_at": a.created_at, "closed_at": a.closed_at,
    })
}

#[utoipa::path(
    get,
    path = "/assessments",
    tag = "assessments",
    summary = "Assessments the caller may see or run",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/AssessmentList"))),
)]
async fn list(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let shown = ateneu_app::assessments::all_visible(&state, &v.acting()).await?;
    let items: Vec<Value> = shown.iter().map(summary).collect();
    Ok(Json(json!({"items": items})).into_response())
}

#[utoipa::path(
    post,
    path = "/assessments",
    tag = "assessments",
    summary = "Create an assessment for a city (its networks' secretariat or experts); freezes the framework version",
    request_body(content = ref("#/components/schemas/AssessmentInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Created"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn create(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<AssessmentInput>,
) -> Result<Response, AppError> {
    let id = ateneu_app::assessments::workshop::create(&state, &v.acting(), &input, v.lang).await?;
    Ok((StatusCode::CREATED, Json(json!({"id": id}))).into_response())
}

#[utoipa::path(
    get,
    path = "/assessments/{id}",
    tag = "assessments",
    summary = "An assessment's settings (as its results' visibility allows)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Assessment"))),
)]
async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Results).await?;
    Ok(Json(summary(&loaded)).into_response())
}

#[utoipa::path(
    post,
    path = "/assessments/{id}/invitations",
    tag = "assessments",
    summary = "Make single-person invitation links (count, or one per email, each emailed); the tokens are shown once",
    request_body(content = ref("#/components/schemas/InvitationsInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Invitations"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn invite(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
    ApiJson(input): ApiJson<invitations::InvitationsInput>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let made =
        ateneu_app::assessments::invitations::invite(&state, &v.acting(), &loaded, &input, v.lang)
            .await?;
    Ok((StatusCode::CREATED, Json(json!({"invitations": made}))).into_response())
}

/// The workshop's invitations with what became of each, and the link of those that can be
/// printed again.
#[utoipa::path(
    get,
    path = "/assessments/{id}/invitations",
    tag = "assessments",
    summary = "The workshop's invitations, what became of each, and the link of those that can be printed again (those who run it)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/InvitationList"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn invitations(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let items: Vec<Value> = invitations::list(&state, &loaded)
        .await?
        .into_iter()
        .map(|(invitation, link)| {
            let mut item = json!(invitation);
            item["url"] = json!(link.as_ref().map(|l| &l.url));
            item["token"] = json!(link.as_ref().map(|l| &l.token));
            item
        })
        .collect();
    Ok(Json(json!({"items": items})).into_response())
}

#[utoipa::path(
    post,
    path = "/assessments/{id}/invitations/{invitation}/resend",
    tag = "assessments",
    summary = "Email an invitation its link again, in its language",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/InvitationResent"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn resend_invitation(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, invitation)): Path<(AssessmentId, InvitationId)>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let link = invitations::resend(&state, &loaded, invitation).await?;
    Ok(Json(json!({"invitation": link})).into_response())
}

#[utoipa::path(
    post,
    path = "/assessments/{id}/invitations/{invitation}/revoke",
    tag = "assessments",
    summary = "Revoke an invitation: its link opens nothing from now on (204)",
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
async fn revoke_invitation(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, invitation)): Path<(AssessmentId, InvitationId)>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    invitations::revoke(&state, &v.acting(), &loaded, invitation).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    post,
    path = "/assessments/{id}/close",
    tag = "assessments",
    summary = "Close the assessment (final; files the report as an output of the city)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Object"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn close(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    ateneu_app::assessments::workshop::close(&state, &v.acting(), &loaded).await?;
    Ok(Json(json!({"id": id, "status": "closed"})).into_response())
}

#[utoipa::path(
    post,
    path = "/assessments/{id}/reopen",
    tag = "assessments",
    summary = "Reopen a closed assessment (secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Object"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn reopen(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Reopen).await?;
    ateneu_app::assessments::workshop::reopen(&state, &v.acting(), &loaded).await?;
    Ok(Json(json!({"id": id, "status": "open"})).into_response())
}

#[utoipa::path(
    put,
    path = "/assessments/{id}/consensus",
    tag = "assessments",
    summary = "Record agreed scores per field with a justification (facilitators, secretariat)",
    request_body(content = ref("#/components/schemas/ConsensusInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Object"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn consensus(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
    ApiJson(input): ApiJson<BTreeMap<String, ConsensusInput>>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    ateneu_app::assessments::workshop::save_consensus(&state, &v.acting(), &loaded, input).await?;
    let agreed = ateneu_app::assessments::workshop::consensus(&state, &loaded).await?;
    Ok(Json(json!({"consensus": agreed})).into_response())
}

#[derive(Debug, Deserialize)]
struct KeyIdeas {
    text: String,
}

#[utoipa::path(
    put,
    path = "/assessments/{id}/key-ideas",
    tag = "assessments",
    summary = "Write the report's key ideas (facilitators, secretariat)",
    request_body(content = ref("#/components/schemas/KeyIdeasInput"), content_type = "application/json"),
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
async fn key_ideas(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
    ApiJson(input): ApiJson<KeyIdeas>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    ateneu_app::assessments::workshop::save_key_ideas(&state, &v.acting(), &loaded, &input.text)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    get,
    path = "/assessments/{id}/results",
    tag = "assessments",
    summary = "Results per item, field, domain and sector, disagreements, consensus, strengths and weaknesses",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Results"))),
)]
async fn results(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Results).await?;
    let computed = computed(&state, &loaded).await?;
    let benchmark = benchmark(&state, &loaded, None).await?;
    let body = ResultsBody {
        id,
        status: loaded.assessment.status,
        framework: loaded.version.reference(),
        module: &loaded.assessment.module,
        level: loaded.module()?.level.key(),
        scale: (loaded.framework.scale.min, loaded.framework.scale.max),
        invitations: computed.invitations,
        drafts: computed.drafts,
        results: &computed.results,
        consensus: &computed.consensus,
        strengths_and_weaknesses: strengths(&computed.results, benchmark.as_ref()),
        benchmark: benchmark.as_ref().map(|b| b.key.as_str()),
    };
    Ok(Json(body).into_response())
}

/// The submitted responses without anything that names a person: a running number, the
/// sector, the answers and the comments.
async fn anonymised(
    state: &AppState,
    v: &Viewer,
    id: AssessmentId,
) -> Result<(super::Loaded, Vec<Value>), AppError> {
    let loaded = load_for(state, v, id, Need::Results).await?;
    let computed = computed(state, &loaded).await?;
    let rows = computed
        .responses
        .iter()
        .enumerate()
        .map(|(n, r)| json!({"response": n + 1, "sector": r.participation.sector, "answers": r.participation.answers, "comments": r.participation.comments}))
        .collect();
    Ok((loaded, rows))
}

#[utoipa::path(
    get,
    path = "/assessments/{id}/responses.json",
    tag = "assessments",
    summary = "The submitted responses, anonymised",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Object"))),
)]
async fn responses_json(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let (_, rows) = anonymised(&state, &v, id).await?;
    Ok(Json(json!({"responses": rows})).into_response())
}

#[utoipa::path(
    get,
    path = "/assessments/{id}/responses.csv",
    tag = "assessments",
    summary = "The submitted responses, anonymised, one row per response",
    responses((status = 200, description = "Success", body = String, content_type = "text/csv")),
)]
async fn responses_csv(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Results).await?;
    let computed = computed(&state, &loaded).await?;
    let items = loaded.items()?;
    let mut writer = ateneu_domain::csv_format::CsvWriter::new();
    let mut header = vec!["response".to_owned(), "sector".to_owned()];
    header.extend(items.iter().map(|i| i.key.clone()));
    let internal = |p: ateneu_domain::Problem| AppError::Internal(format!("{p:?}"));
    writer.row(&header).map_err(internal)?;
    for (n, response) in computed.responses.iter().enumerate() {
        let mut row = vec![
            (n + 1).to_string(),
            response.participation.sector.key().to_owned(),
        ];
        row.extend(
            items
                .iter()
                .map(|i| match response.participation.answers.get(&i.key) {
                    Some(Answer::Score(s)) => s.to_string(),
                    Some(Answer::NotApplicable) => "na".to_owned(),
                    None => String::new(),
                }),
        );
        writer.row(&row).map_err(internal)?;
    }
    let bytes = writer.finish().map_err(internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"assessment-{id}-responses.csv\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// What a participant's link opens: the items to score and what was saved.
#[utoipa::path(
    get,
    path = "/participation/{token}",
    tag = "assessments",
    summary = "What an invitation opens: the items to score, the scale and what was saved",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Participation"))),
)]
async fn participation(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (loaded, _, response) = open(&state, &token).await?;
    let scale = &loaded.framework.scale;
    let items: Vec<Value> = loaded
        .items()?
        .iter()
        .map(|i| json!({"key": i.key, "field": i.field, "text": loaded.item_text(&i.key, v.lang)}))
        .collect();
    Ok(Json(json!({
        "assessment": {"id": loaded.assessment.id, "title": loaded.assessment.title, "city": loaded.city.slug, "status": loaded.assessment.status},
        "scale": {"min": scale.min, "max": scale.max, "not_applicable": scale.not_applicable},
        "items": items,
        "response": response.as_ref().map(|r| &r.participation),
        "submitted": response.as_ref().is_some_and(|r| r.submitted),
    }))
    .into_response())
}

/// Saves a participation; `"submit": false` keeps it as a draft to come back to (the default
/// submits it, after which the link is used).
#[utoipa::path(
    put,
    path = "/participation/{token}",
    tag = "assessments",
    summary = "Save a participant's sector, scores and comments; submits unless \"submit\": false (no account: the token is the key)",
    request_body(content = ref("#/components/schemas/ParticipationInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ParticipationSaved"))),
)]
async fn participate(
    State(state): State<AppState>,
    Path(token): Path<String>,
    OpenJson(mut body): OpenJson<Value>,
) -> Result<Response, AppError> {
    // A link that opens nothing is not found, whatever the body holds.
    let opened = open(&state, &token).await?;
    let submit = match body.as_object_mut().and_then(|o| o.remove("submit")) {
        None => true,
        Some(Value::Bool(submit)) => submit,
        Some(_) => {
            return Err(AppError::field(
                "submit",
                Problem::new(ProblemKey::BadRequest),
            ));
        }
    };
    let input: ParticipationInput = serde_json::from_value(body).map_err(|e| {
        AppError::BadRequest(Problem::with_detail(ProblemKey::BadRequest, e.to_string()))
    })?;
    let participation = save_participation(&state, &opened, input, submit).await?;
    Ok(
        Json(json!({"saved": true, "submitted": submit, "answers": participation.answers.len()}))
            .into_response(),
    )
}
