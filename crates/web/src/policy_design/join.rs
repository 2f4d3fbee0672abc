//! The participant's page of a policy-design workshop, reached by a link without an account:
//! propose an idea for one of the fields the room works on (several each), and see the ideas
//! already proposed through this link. Works on a phone and without JavaScript.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{OpenForm, Path, Query, Thanks};
use crate::layout::{self, Field, csrf_field, form_errors_in, select_in};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::policy_design::{self as cases, Joined};
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::policy_design::IdeaInput;
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

/// The full address of a participant's link.
pub fn link(state: &AppState, lang: Lang, token: &str) -> String {
    crate::negotiate::absolute(state, lang, &format!("/ideas/{token}"))
}

pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    Query(query): Query<Thanks>,
) -> Result<Response, AppError> {
    let joined = cases::join(&state, &token, v.lang).await?;
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
    refused: Option<(&IdeaInput, &FieldErrors)>,
    thanked: bool,
) -> Response {
    let no_errors = FieldErrors::new();
    let blank = IdeaInput::default();
    let (input, errors) = refused.unwrap_or((&blank, &no_errors));
    let options: Vec<(String, String)> = joined
        .fields
        .iter()
        .map(|f| (f.field.key.clone(), f.field.name.get(v.lang).to_owned()))
        .collect();
    let name_of = |key: &str| {
        joined
            .fields
            .iter()
            .find(|f| f.field.key == key)
            .map_or(key.to_owned(), |f| f.field.name.get(v.lang).to_owned())
    };
    let title = v.tf(
        "policy-design-title",
        &[("plan", joined.title.clone().into())],
    );
    let body = html! {
        h1 { (title) }
        p.lead { (layout::translated(v, &joined.city.draft.name)) }
        p { (v.t("policy-design-join-intro")) }
        @if thanked { div.flash.success role="status" { (v.t("policy-design-thanks")) } }
        @if joined.status == AssessmentStatus::Open {
            (form_errors_in(v, Some("idea"), errors))
            form.form method="post" action={ (v.href(&format!("/ideas/{token}"))) "?csrf=" (v.csrf) } {
                (csrf_field(v))
                (select_in(v, Some("idea"), "field", &v.t("policy-design-field"), &options, &input.field, errors))
                (Field::new("text", v.t("policy-design-your-idea"), &input.text).kind("textarea").required().scope("idea").render(v, errors))
                div.actions { button.button type="submit" { (v.t("policy-design-propose")) } }
            }
        } @else {
            p.flash { (v.t("seven-keys-closed")) }
        }
        @if joined.fields.iter().any(|f| !f.inspiration.is_empty()) {
            section #inspiration {
                h2 { (v.t("policy-design-inspiration")) }
                @for f in joined.fields.iter().filter(|f| !f.inspiration.is_empty()) {
                    h3 { (f.field.name.get(v.lang)) }
                    ul { @for p in &f.inspiration { li {
                        a href=(v.href(&format!("/practices/{}", p.slug))) lang=(p.lang.code()) { (p.title) }
                        " " span.muted { "(" (p.cities.join(", ")) ")" }
                    } } }
                }
            }
        }
        h2 { (v.tf("policy-design-yours", &[("count", joined.mine.len().into())])) }
        ol { @for idea in &joined.mine { li { (idea.draft.text) p.muted { (name_of(&idea.draft.field)) } } } }
    };
    (status, layout::page(state, v, &title, body)).into_response()
}

pub async fn propose(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    OpenForm(input): OpenForm<IdeaInput>,
) -> Result<Response, AppError> {
    match cases::propose(&state, &token, &input).await {
        Ok(_) => Ok(redirect(&format!(
            "{}?thanks=1",
            v.href(&format!("/ideas/{token}"))
        ))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let joined = cases::join(&state, &token, v.lang).await?;
            Ok(render(
                &state,
                &v,
                &token,
                &joined,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((&input, &errors)),
                false,
            ))
        }
        Err(other) => Err(other.into()),
    }
}
