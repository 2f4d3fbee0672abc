//! A workshop's invitations: made in a language of the workshop (their link, QR code and email
//! speak it), listed with what became of each, printed or sent again, and revoked. Pages and
//! the JSON API share these calls.

use super::{Loaded, Need, load_for};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, csrf_field};
use crate::viewer::Viewer;
use ateneu_app::assessments::invitations::{self as use_case, Invitation, InvitationState};
use ateneu_domain::assessments::{AssessmentStatus, invitation_language};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::ids::InvitationId;
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

pub use ateneu_app::assessments::invitations::{
    InvitationLink, InvitationsInput, list, resend, revoke,
};

fn qr_svg(link: &str) -> String {
    qrcode::QrCode::new(link.as_bytes())
        .map(|code| {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(160, 160)
                .build();
            svg.find("<svg")
                .map_or(svg.clone(), |start| svg[start..].to_owned())
        })
        .unwrap_or_default()
}

/// Printable cards: a QR code and the link of each invitation, for the room.
fn cards(v: &Viewer, loaded: &Loaded, links: &[InvitationLink]) -> Markup {
    html! {
        ol.invitation-cards { @for invitation in links {
            li.invitation-card lang=(invitation.lang.code()) {
                div.qr { (PreEscaped(qr_svg(&invitation.url))) }
                p { strong { (loaded.city.draft.name.show(invitation.lang).text) " — " (loaded.assessment.title) } }
                p.link { a href=(invitation.url) { (invitation.url) } }
                p.muted.no-print lang=(v.lang.code()) { (v.t(&format!("lang-{}", invitation.lang.code()))) }
            }
        } }
    }
}

fn page_of(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    listed: &[(Invitation, Option<InvitationLink>)],
    made: &[InvitationLink],
    errors: &FieldErrors,
) -> Markup {
    let id = loaded.assessment.id;
    let open = loaded.assessment.status == AssessmentStatus::Open;
    let default_lang =
        invitation_language(None, &loaded.assessment.languages, v.lang).unwrap_or(v.lang);
    let languages: Vec<(String, String)> = (if loaded.assessment.languages.is_empty() {
        Lang::ALL.to_vec()
    } else {
        loaded.assessment.languages.clone()
    })
    .into_iter()
    .map(|l| (l.code().to_owned(), v.t(&format!("lang-{}", l.code()))))
    .collect();
    let action = |invitation: InvitationId, what: &str| {
        v.href(&format!(
            "/assessments/{id}/invitations/{invitation}/{what}"
        ))
    };
    let body = html! {
        h1.no-print { (v.t("invitations")) }
        p.no-print { a href=(v.href(&format!("/assessments/{id}"))) { (loaded.assessment.title) } " · " (v.tf("invitations-count", &[("count", listed.len().into())])) }
        @if open {
            (layout::form_errors(v, errors))
            form.form.no-print method="post" action=(v.href(&format!("/assessments/{id}/invitations"))) {
                (csrf_field(v))
                div.field { label for="i-count" { (v.t("invitations-how-many")) } input #i-count type="number" name="count" min="1" max="1000" value="20"; }
                div.field { label for="i-emails" { (v.t("invitations-emails")) } textarea #i-emails name="emails" rows="3" {} p.hint { (v.t("invitations-emails-hint")) } }
                (layout::select(v, "lang", &v.t("invitations-language"), &languages, default_lang.code(), errors))
                div.actions { button.button type="submit" { (v.t("invitations-make")) } }
            }
        }
        @if !made.is_empty() {
            p.flash.success.no-print role="status" { (v.t("invitations-made")) }
            (cards(v, loaded, made))
        }
        @if !listed.is_empty() {
            section.no-print {
                h2 { (v.t("invitations-made-before")) }
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th scope="col" { "#" } th scope="col" { (v.t("email")) } th scope="col" { (v.t("language")) } th scope="col" { (v.t("status")) } th scope="col" { (v.t("actions")) } } }
                    tbody { @for (n, (invitation, link)) in listed.iter().enumerate() {
                        tr {
                            th scope="row" { (n + 1) }
                            td { (invitation.email.as_deref().unwrap_or("—")) }
                            td { (v.t(&format!("lang-{}", use_case::language_of(loaded, invitation).code()))) }
                            td { (v.t(&format!("invitation-{}", invitation.state.key().replace('_', "-")))) }
                            td { @if open && invitation.state != InvitationState::Revoked {
                                @if link.is_some() { a href=(action(invitation.id, "reprint")) { (v.t("invitation-reprint")) } " " }
                                @if invitation.email.is_some() && link.is_some() {
                                    form.inline method="post" action=(action(invitation.id, "resend")) { (csrf_field(v)) button.button.secondary type="submit" { (v.t("invitation-resend")) } } " "
                                }
                                form.inline method="post" action=(action(invitation.id, "revoke")) { (csrf_field(v)) button.button.danger type="submit" { (v.t("invitation-revoke")) } }
                            } }
                        }
                    } }
                } }
            }
        }
    };
    layout::page(state, v, &v.t("invitations"), body)
}

pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Markup, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let listed = list(&state, &loaded).await?;
    Ok(page_of(
        &state,
        &v,
        &loaded,
        &listed,
        &[],
        &FieldErrors::new(),
    ))
}

/// The invitation form as posted (emails one per line, or separated by commas or spaces).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InvitationsForm {
    count: String,
    emails: String,
    lang: String,
}

pub async fn make(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
    Form(form): Form<InvitationsForm>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let input = InvitationsInput {
        count: form.count.trim().parse().unwrap_or(0),
        emails: form
            .emails
            .split([',', ' ', '\n', ';', '\r'])
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        lang: Some(form.lang),
    };
    let (made, errors) = match use_case::invite(&state, &v.acting(), &loaded, &input, v.lang)
        .await
        .map_err(AppError::from)
    {
        Ok(made) => (made, FieldErrors::new()),
        Err(AppError::Invalid(errors)) => (Vec::new(), errors),
        Err(other) => return Err(other),
    };
    let listed = list(&state, &loaded).await?;
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        page_of(&state, &v, &loaded, &listed, &made, &errors),
    )
        .into_response())
}

pub async fn reprint_page(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, invitation)): Path<(AssessmentId, InvitationId)>,
) -> Result<Markup, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let found = use_case::one(&state, &loaded, invitation).await?;
    let link = use_case::link_again(&state, &loaded, &found).ok_or(AppError::NotFound)?;
    let body = html! {
        p.no-print { a href=(v.href(&format!("/assessments/{id}/invitations"))) { (v.t("invitations")) } }
        (cards(&v, &loaded, std::slice::from_ref(&link)))
    };
    Ok(layout::page(&state, &v, &v.t("invitations"), body))
}

pub async fn resend_form(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, invitation)): Path<(AssessmentId, InvitationId)>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    resend(&state, &loaded, invitation).await?;
    Ok(crate::negotiate::redirect(
        &v.href(&format!("/assessments/{id}/invitations")),
    ))
}

pub async fn revoke_form(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, invitation)): Path<(AssessmentId, InvitationId)>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    revoke(&state, &v.acting(), &loaded, invitation).await?;
    Ok(crate::negotiate::redirect(
        &v.href(&format!("/assessments/{id}/invitations")),
    ))
}
