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
use axum::routing::{get, post, put};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub fn routes() -> Routes {
    Routes::new()
        .route("/assessments", get(list).post(create))
        .route("/assessments/{id}", get(detail))
        .route(
            "/assessments/{id}/invitations",
            get(invitations).post(invite),
        )
        .route(
            "/assessments/{id}/invitations/{invitation}/resend",
            post(resend_invitation),
        )
        .route(
            "/assessments/{id}/invitations/{invitation}/revoke",
            post(revoke_invitation),
        )
        .route("/assessments/{id}/close", post(close))
        .route("/assessments/{id}/reopen", post(reopen))
        .route("/assessments/{id}/consensus", put(consensus))
        .route("/assessments/{id}/key-ideas", put(key_ideas))
        .route("/assessments/{id}/results", get(results))
        .route("/assessments/{id}/responses.json", get(responses_json))
        .route("/assessments/{id}/responses.csv", get(responses_csv))
        .route(
            "/participation/{token}",
            get(participation).put(participate),
        )
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

async fn list(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let shown = ateneu_app::assessments::all_visible(&state, &v.acting()).await?;
    let items: Vec<Value> = shown.iter().map(summary).collect();
    Ok(Json(json!({"items": items})).into_response())
}

async fn create(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<AssessmentInput>,
) -> Result<Response, AppError> {
    let id = ateneu_app::assessments::workshop::create(&state, &v.acting(), &input, v.lang).await?;
    Ok((StatusCode::CREATED, Json(json!({"id": id}))).into_response())
}

async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Results).await?;
    Ok(Json(summary(&loaded)).into_response())
}

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

async fn resend_invitation(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, invitation)): Path<(AssessmentId, InvitationId)>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let link = invitations::resend(&state, &loaded, invitation).await?;
    Ok(Json(json!({"invitation": link})).into_response())
}

async fn revoke_invitation(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, invitation)): Path<(AssessmentId, InvitationId)>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    invitations::revoke(&state, &v.acting(), &loaded, invitation).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn close(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    ateneu_app::assessments::workshop::close(&state, &v.acting(), &loaded).await?;
    Ok(Json(json!({"id": id, "status": "closed"})).into_response())
}

async fn reopen(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Reopen).await?;
    ateneu_app::assessments::workshop::reopen(&state, &v.acting(), &loaded).await?;
    Ok(Json(json!({"id": id, "status": "open"})).into_response())
}

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

async fn responses_json(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let (_, rows) = anonymised(&state, &v, id).await?;
    Ok(Json(json!({"responses": rows})).into_response())
}

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
