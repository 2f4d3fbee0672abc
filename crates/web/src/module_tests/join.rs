//! The participant's page of a thematic-module seminar, reached by a link without an account:
//! the module's items in the reader's language, and the form that comments on one, proposes a
//! new wording (in one to three languages) or a new item of the module (in all three); the
//! proposals made through this link. Works on a phone and without JavaScript.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{OpenForm, Path, Query, Thanks};
use crate::layout::{self, Field, csrf_field, form_errors_in, select_in};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::module_tests::{self as cases, Joined};
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::module_tests::{ProposalInput, ProposalKind};
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

/// The full address of a participant's link.
pub fn link(state: &AppState, lang: Lang, token: &str) -> String {
    crate::negotiate::absolute(state, lang, &format!("/module-tests/join/{token}"))
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
    refused: Option<(&ProposalInput, &FieldErrors)>,
    thanked: bool,
) -> Response {
    let no_errors = FieldErrors::new();
    let blank = ProposalInput::default();
    let (input, errors) = refused.unwrap_or((&blank, &no_errors));
    let items: Vec<(String, String)> = joined
        .items
        .iter()
        .map(|i| {
            let under = joined.parents.contains(&i.key);
            let label = if under {
                v.tf(
                    "module-tests-under",
                    &[("item", i.text.get(v.lang).to_owned().into())],
                )
            } else {
                i.text.get(v.lang).to_owned()
            };
            (i.key.clone(), label)
        })
        .collect();
    let kinds: Vec<(String, String)> = ProposalKind::ALL
        .iter()
        .map(|k| {
            (
                k.key().to_owned(),
                v.t(&format!("module-tests-kind-{}", k.key())),
            )
        })
        .collect();
    let text_of = |key: &str| {
        joined
            .items
            .iter()
            .find(|i| i.key == key)
            .map_or(key.to_owned(), |i| i.text.get(v.lang).to_owned())
    };
    let body = html! {
        h1 { (joined.title) }
        p { (v.t("module-tests-join-intro")) }
        @if thanked { div.flash.success role="status" { (v.t("module-tests-thanks")) } }
        @if joined.status == AssessmentStatus::Open {
            (form_errors_in(v, Some("proposal"), errors))
            form.form method="post" action={ (v.href(&format!("/module-tests/join/{token}"))) "?csrf=" (v.csrf) } {
                (csrf_field(v))
                (select_in(v, Some("proposal"), "item", &v.t("module-tests-item"), &items, &input.item, errors))
                (select_in(v, Some("proposal"), "kind", &v.t("module-tests-kind"), &kinds, &input.kind, errors))
                (Field::new("text_en", v.t("module-tests-text-en"), &input.text_en).scope("proposal").render(v, errors))
                (Field::new("text_fr", v.t("module-tests-text-fr"), &input.text_fr).scope("proposal").render(v, errors))
                (Field::new("text_es", v.t("module-tests-text-es"), &input.text_es).scope("proposal").render(v, errors))
                (Field::new("comment", v.t("module-tests-comment"), &input.comment).kind("textarea").scope("proposal").render(v, errors))
                div.actions { button.button type="submit" { (v.t("module-tests-propose")) } }
            }
        } @else {
            p.flash { (v.t("module-tests-closed")) }
        }
        h2 { (v.tf("module-tests-yours", &[("count", joined.mine.len().into())])) }
        ol { @for p in &joined.mine { li {
            strong { (v.t(&format!("module-tests-kind-{}", p.draft.kind.key()))) } " · " (text_of(&p.draft.item))
            @if !p.draft.comment.is_empty() { br; em { (p.draft.comment) } }
        } } }
    };
    (status, layout::page(state, v, &joined.title, body)).into_response()
}

pub async fn propose(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    OpenForm(input): OpenForm<ProposalInput>,
) -> Result<Response, AppError> {
    match cases::propose(&state, &token, &input).await {
        Ok(_) => Ok(redirect(&format!(
            "{}?thanks=1",
            v.href(&format!("/module-tests/join/{token}"))
        ))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let joined = cases::join(&state, &token).await?;
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
