//! A programme's yearly plans on the web: a year's page (its objectives, the activities
//! foreseen, its status, the programme's activities of that year listed from its activities,
//! links to the period's other years) with the secretariat's form and its revision, and the
//! same in the JSON API. The use cases are `ateneu_app::programmes::plans`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::programmes::plans::{self as cases, PlanForm, PlanView};
use ateneu_domain::FieldErrors;
use ateneu_domain::programmes::plans::PlanStatus;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new().route("/programmes/{id}/plans/{year}", get(detail).post(save))
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(of_programme_api))
        .documented(routes!(detail_api, save_api))
}

/// A plan's status in the reader's words.
pub fn status_label(v: &Viewer, status: PlanStatus) -> String {
    v.t(&format!("plan-status-{}", status.key()))
}

fn form_of(view: &PlanView) -> PlanForm {
    PlanForm {
        revision: view.revision.to_string(),
        objectives: view
            .plan
            .as_ref()
            .map(|p| p.draft.objectives.clone())
            .unwrap_or_default(),
        activities: view
            .plan
            .as_ref()
            .map(|p| p.draft.activities.clone())
            .unwrap_or_default(),
        status: view
            .plan
            .as_ref()
            .map_or(PlanStatus::Draft, |p| p.draft.status)
            .key()
            .to_owned(),
    }
}

fn page(
    state: &AppState,
    v: &Viewer,
    view: &PlanView,
    refused: Option<(&PlanForm, &FieldErrors)>,
) -> Markup {
    let base = format!("/programmes/{}", view.programme_id);
    let empty = FieldErrors::new();
    let shown = form_of(view);
    let (form, errors) = refused.unwrap_or((&shown, &empty));
    let statuses: Vec<(String, String)> = PlanStatus::ALL
        .iter()
        .map(|s| (s.key().to_owned(), status_label(v, *s)))
        .collect();
    let title = v.tf("plan-title", &[("year", view.year.to_string().into())]);
    let body = html! {
        p { a href=(v.href(&base)) { "← " (v.t("programme-back")) } " · " span.badge { (v.t("visibility-confidential")) } }
        h1 { (title) }
        nav.years { @for year in &view.years {
            @if *year == view.year { strong { (year) } " " } @else { a href=(v.href(&format!("{base}/plans/{year}"))) { (year) } " " }
        } }
        @match &view.plan {
            None => p.muted { (v.t("plan-none")) },
            Some(plan) => dl {
                dt { (v.t("programme-status")) } dd { span.badge { (status_label(v, plan.draft.status)) } }
                dt { (v.t("plan-objectives")) } dd { (plan.draft.objectives) }
                dt { (v.t("plan-activities")) } dd { (plan.draft.activities) }
            },
        }
        section #year-activities {
            h2 { (v.t("plan-year-activities")) }
            @if view.activities.is_empty() { p.muted { (v.t("activities-none")) } } @else {
                ul { @for a in &view.activities {
                    li { a href=(v.href(&format!("{base}/activities/{}", a.id))) { (super::activities::name(v, a)) }
                        " · " (a.draft.starts_on) " – " (a.draft.ends_on) }
                } }
            }
        }
        @if view.may_manage {
            section #plan-form {
                h2 { (v.t("plan-change")) }
                (form_errors(v, errors))
                form.form method="post" action=(v.href(&format!("{base}/plans/{}", view.year))) novalidate {
                    (csrf_field(v))
                    input type="hidden" name="revision" value=(if errors.get("revision").is_some() { view.revision.to_string() } else { form.revision.clone() });
                    (Field::new("objectives", v.t("plan-objectives"), &form.objectives).kind("textarea").render(v, errors))
                    (Field::new("activities", v.t("plan-activities"), &form.activities).kind("textarea").render(v, errors))
                    (layout::select(v, "status", &v.t("programme-status"), &statuses, &form.status, errors))
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            }
        }
    };
    layout::page(state, v, &title, body)
}

async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, year)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    let view = cases::read(&state, &v.acting(), id, year).await?;
    Ok(page(&state, &v, &view, None).into_response())
}

async fn save(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, year)): Path<(i64, i32)>,
    Form(form): Form<PlanForm>,
) -> Result<Response, AppError> {
    let (status, errors) = match cases::save(&state, &v.acting(), id, year, &form).await {
        Ok(_) => return Ok(redirect(&v.href(&format!("/programmes/{id}/plans/{year}")))),
        Err(ateneu_app::Error::Invalid(errors)) if errors.get("year").is_none() => {
            (StatusCode::UNPROCESSABLE_ENTITY, errors)
        }
        Err(ateneu_app::Error::Conflict(problem)) => {
            let mut errors = FieldErrors::new();
            errors.add("revision", problem);
            (StatusCode::CONFLICT, errors)
        }
        Err(other) => return Err(other.into()),
    };
    let view = cases::read(&state, &v.acting(), id, year).await?;
    Ok((status, page(&state, &v, &view, Some((&form, &errors)))).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/plans",
    tag = "programmes",
    summary = "The programme's saved yearly plans, by year",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Plans"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn of_programme_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::of_programme(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/plans/{year}",
    tag = "programmes",
    summary = "The plan of a year of the programme's period (null until saved), its revision, the period's years and the programme's activities that year; 422 for a year outside the period",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/PlanView"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn detail_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, year)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id, year).await?).into_response())
}

#[utoipa::path(
    put,
    path = "/programmes/{id}/plans/{year}",
    tag = "programmes",
    summary = "Save a year's plan (the secretariat) on the revision it was read on (0 for the first save; 409 changed_meanwhile otherwise); an agreed plan states its objectives",
    request_body(content = ref("#/components/schemas/PlanForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Plan"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn save_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, year)): Path<(i64, i32)>,
    ApiJson(form): ApiJson<PlanForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::save(&state, &v.acting(), id, year, &form).await?).into_response())
}
