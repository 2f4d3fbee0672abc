//! The participant's page of a Seven Keys workshop, reached by a link without an account: name
//! a local challenge (several each), relate it to SDGs and to the city's cultural assets, and
//! see the challenges already named through this link. Works on a phone and without
//! JavaScript; each challenge is acknowledged at once.

use super::{Sent, asset_boxes, links_line, sdg_boxes};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{OpenForm, Path, Query, Thanks};
use crate::layout::{self, Field, csrf_field, form_errors_in};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::seven_keys::{self as cases, Joined};
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use std::collections::BTreeSet;

/// The full address of a participant's link.
pub fn link(state: &AppState, lang: Lang, token: &str) -> String {
    crate::negotiate::absolute(state, lang, &format!("/seven-keys/join/{token}"))
}

pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    Query(query): Query<Thanks>,
) -> Result<Response, AppError> {
    let joined = cases::join(&state, &token).await?;
    let thanked = query.given();
    Ok(render(
        &state,
        &v,
        &token,
        &joined,
        StatusCode::OK,
        None,
        thanked,
    ))
}

fn render(
    state: &AppState,
    v: &Viewer,
    token: &str,
    joined: &Joined,
    status: StatusCode,
    refused: Option<(&str, &FieldErrors)>,
    thanked: bool,
) -> Response {
    let w = &joined.workshop;
    let no_errors = FieldErrors::new();
    let (text, errors) = refused.unwrap_or(("", &no_errors));
    let body = html! {
        h1 { (w.title) }
        p.lead { (layout::translated(v, &joined.city.draft.name)) " · " (w.held_on) }
        p { (v.t("seven-keys-join-intro")) }
        @if thanked { div.flash.success role="status" { (v.t("seven-keys-thanks")) } }
        @if w.status == AssessmentStatus::Open {
            (form_errors_in(v, Some("join"), errors))
            form.form method="post" action={ (v.href(&format!("/seven-keys/join/{token}"))) "?csrf=" (v.csrf) } {
                (csrf_field(v))
                (Field::new("text", v.t("seven-keys-your-challenge"), text).kind("textarea").required().scope("join").hint(v.t("seven-keys-challenge-hint")).render(v, errors))
                (sdg_boxes(v, "join", &BTreeSet::new()))
                (asset_boxes(v, "join", &joined.assets))
                div.actions { button.button type="submit" { (v.t("seven-keys-add-challenge")) } }
            }
        } @else {
            p.flash { (v.t("seven-keys-closed")) }
        }
        h2 { (v.tf("seven-keys-yours", &[("count", joined.mine.len().into())])) }
        ol { @for c in &joined.mine { li { (c.draft.text) p.muted { (links_line(v, &c.draft.sdgs, &c.draft.assets, &joined.assets)) } } } }
    };
    (status, layout::page(state, v, &w.title, body)).into_response()
}

pub async fn name_challenge(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    OpenForm(sent): OpenForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = Sent(sent).challenge();
    match cases::name_challenge(&state, &token, &input).await {
        Ok(_) => Ok(redirect(&format!(
            "{}?thanks=1",
            v.href(&format!("/seven-keys/join/{token}"))
        ))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let joined = cases::join(&state, &token).await?;
            Ok(render(
                &state,
                &v,
                &token,
                &joined,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((&input.text, &errors)),
                false,
            ))
        }
        Err(other) => Err(other.into()),
    }
}
