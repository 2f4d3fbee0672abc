//! Host suggestions for a visit to a Leading City on the web: the form (a field to learn about,
//! the city that asks) and the suggested hosts with their reasons — a score, practices, outputs,
//! each linked — and the same in the JSON API. The use case is
//! `ateneu_app::programmes::visits`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::Query;
use crate::layout::{self, Field, form_errors};
use crate::viewer::Viewer;
use ateneu_app::programmes::visits::{self as cases, Hosts};
use ateneu_domain::FieldErrors;
use ateneu_domain::programmes::visits::Reason;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

/// What a visit is about and who asks: `?field=framework:field&city=slug`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Asked {
    pub field: String,
    pub city: String,
}

fn reason(v: &Viewer, reason: &Reason) -> Markup {
    html! {
        @match reason {
            Reason::Score(score) => {
                (v.t("visit-reason-score")) " "
                strong { (format!("{:.1}", score.mean)) } " (" (format!("{:.0}–{:.0}", score.min, score.max)) ") · "
                a href=(v.href(&format!("/assessments/{}/report", score.assessment_id))) { (score.assessment_title) }
            }
            Reason::Practice(practice) => {
                (v.t("visit-reason-practice")) " "
                a href=(v.href(&format!("/practices/{}", practice.slug))) { (practice.title) }
            }
            Reason::Output(output) => {
                (v.t("visit-reason-output")) " "
                a href=(v.href(&format!("/outputs/{}", output.id))) { (output.title) }
            }
        }
    }
}

fn page(
    state: &AppState,
    v: &Viewer,
    fields: &[(String, String)],
    asked: &Asked,
    found: Option<&Hosts>,
    errors: &FieldErrors,
) -> Markup {
    let title = v.t("visit-hosts-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("visit-hosts-lead")) }
        (form_errors(v, errors))
        form.form method="get" action=(v.href("/programmes/visits/hosts")) novalidate {
            (layout::select(v, "field", &v.t("visit-field"), fields, &asked.field, errors))
            (Field::new("city", v.t("visit-asking-city"), &asked.city).hint(v.t("visit-asking-city-hint")).render(v, errors))
            div.actions { button.button type="submit" { (v.t("visit-suggest")) } }
        }
        @if let Some(found) = found {
            section #hosts {
                h2 { (v.t("visit-hosts-for")) " " (found.field_name.get(v.lang)) }
                @if found.hosts.is_empty() { p.muted { (v.t("visit-hosts-none")) } } @else {
                    ol { @for host in &found.hosts { li {
                        a href=(v.href(&format!("/cities/{}", host.city.slug))) { strong { (host.city.draft.name.show(v.lang).text) } }
                        ul { @for r in &host.reasons { li { (reason(v, r)) } } }
                    } } }
                }
            }
        }
    };
    layout::page(state, v, &title, body)
}

/// `GET /{lang}/programmes/visits/hosts`: the form, and with a field the suggestions (a field or
/// city not known: the form again with its problems, 422).
pub async fn hosts(
    State(state): State<AppState>,
    v: Viewer,
    Query(asked): Query<Asked>,
) -> Result<Response, AppError> {
    let mut fields: Vec<(String, String)> = cases::fields(&state)
        .await?
        .into_iter()
        .map(|(key, name)| (key, name.get(v.lang).to_owned()))
        .collect();
    fields.sort_by(|a, b| a.1.cmp(&b.1));
    fields.insert(0, (String::new(), v.t("visit-field-choose")));
    if asked.field.is_empty() && asked.city.is_empty() {
        let shown = page(&state, &v, &fields, &asked, None, &FieldErrors::new());
        return Ok(shown.into_response());
    }
    match cases::suggest_hosts(&state, &v.acting(), &asked.field, &asked.city).await {
        Ok(found) => Ok(page(
            &state,
            &v,
            &fields,
            &asked,
            Some(&found),
            &FieldErrors::new(),
        )
        .into_response()),
        Err(ateneu_app::Error::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&state, &v, &fields, &asked, None, &errors),
        )
            .into_response()),
        Err(other) => Err(other.into()),
    }
}

/// `GET /api/v1/programmes/visits/hosts?field=&city=`.
#[utoipa::path(
    get,
    path = "/programmes/visits/hosts",
    tag = "programmes",
    summary = "Suggest host Leading Cities for a visit about a framework field (`?field=framework:field`, `&city=` the asking city, never suggested to itself): current Leading Cities with their reasons — a score at or above the middle of the scale in their latest assessment the caller may see, published practices tagged with the field, public outputs naming it — strongest first",
    params(
        ("field" = String, Query, description = "framework:field"),
        ("city" = Option<String>, Query, description = "the asking city's slug"),
    ),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/VisitHosts"))),
)]
pub async fn hosts_api(
    State(state): State<AppState>,
    v: Viewer,
    Query(asked): Query<Asked>,
) -> Result<Response, AppError> {
    let found = cases::suggest_hosts(&state, &v.acting(), &asked.field, &asked.city).await?;
    Ok(Json(found).into_response())
}
