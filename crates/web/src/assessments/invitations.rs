//! A workshop's invitations: made in a language of the workshop (their link, QR code and email
//! speak it), listed with what became of each, printed or sent again, and revoked. Pages and
//! the JSON API share these calls.

use super::{Loaded, Need, load_for};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, csrf_field};
use crate::viewer::Viewer;
use ateneu_db::assessments::{self as repo, Invitation, InvitationState};
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::{AssessmentStatus, invitation_language};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::ids::InvitationId;
use ateneu_domain::{FieldErrors, Lang, Problem};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

/// An invitation's link, with its token (shown to those who run the workshop).
#[derive(Debug, Clone, serde::Serialize)]
pub struct InvitationLink {
    pub id: InvitationId,
    pub token: String,
    pub url: String,
    pub lang: Lang,
}

/// What a facilitator asks for: a number of links, or one per email address, in a language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct InvitationsInput {
    pub count: u32,
    pub emails: Vec<String>,
    /// `en`, `fr` or `es`, one of the workshop's languages; by default the page's when the
    /// workshop has it, else the workshop's first.
    pub lang: Option<String>,
}

fn link(state: &AppState, lang: Lang, token: &str) -> String {
    crate::negotiate::absolute(state, lang, &format!("/participate/{token}"))
}

/// The language an invitation speaks (one made before languages: the workshop's first).
fn language_of(loaded: &Loaded, invitation: &Invitation) -> Lang {
    invitation
        .lang
        .or_else(|| loaded.assessment.languages.first().copied())
        .unwrap_or(Lang::En)
}

/// An invitation's link again, derived from its salt (none for one made before reprinting).
fn link_again(
    state: &AppState,
    loaded: &Loaded,
    invitation: &Invitation,
) -> Option<InvitationLink> {
    if invitation.salt.is_empty() || invitation.state == InvitationState::Revoked {
        return None;
    }
    let token = state.signing_key.invitation_token(&invitation.salt);
    let lang = language_of(loaded, invitation);
    Some(InvitationLink {
        id: invitation.id,
        url: link(state, lang, &token),
        token,
        lang,
    })
}

/// Emails an invitation its link, in its language.
async fn send(state: &AppState, loaded: &Loaded, email: &str, link: &InvitationLink) {
    let lang = link.lang;
    let city = loaded.city.draft.name.show(lang).text.to_owned();
    let subject = state
        .i18n
        .format(lang, "invitation-mail-subject", &[("city", city.into())]);
    let body = state.i18n.format(
        lang,
        "invitation-mail-body",
        &[
            ("title", loaded.assessment.title.clone().into()),
            ("link", link.url.clone().into()),
        ],
    );
    if let Err(error) = state.mailer.send(email, &subject, &body).await {
        tracing::error!(%error, "cannot write an invitation email");
    }
}

/// Makes `count` single-person invitations, or one per email address (each emailed its link),
/// in the language asked for.
pub async fn invite(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    input: &InvitationsInput,
) -> Result<Vec<InvitationLink>, AppError> {
    let mut errors = FieldErrors::new();
    let mut parsed = Vec::new();
    for email in input
        .emails
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
    {
        match ateneu_domain::accounts::Email::parse(email) {
            Ok(email) => parsed.push(email),
            Err(problem) => errors.add("emails", problem),
        }
    }
    let total = if parsed.is_empty() {
        input.count
    } else {
        parsed.len() as u32
    };
    if let Err(problem) = ateneu_domain::assessments::workshop::invitation_count(total) {
        errors.add("count", problem);
    }
    let chosen = match input
        .lang
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        Some(code) => match code.parse::<Lang>() {
            Ok(lang) => Some(lang),
            Err(()) => {
                errors.add(
                    "lang",
                    Problem::with_detail(ProblemKey::UnknownLanguage, code),
                );
                None
            }
        },
        None => None,
    };
    let lang = errors.take(
        "lang",
        invitation_language(chosen, &loaded.assessment.languages, v.lang),
    );
    let Some(lang) = lang.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let salts: Vec<String> = (0..total).map(|_| crate::security::new_token()).collect();
    let made: Vec<repo::NewInvitation> = salts
        .iter()
        .map(|salt| repo::NewInvitation {
            token_hash: crate::security::token_hash(&state.signing_key.invitation_token(salt)),
            salt: salt.clone(),
        })
        .collect();
    let txn = state.db.write().await?;
    let mut ids = Vec::new();
    if parsed.is_empty() {
        ids = repo::invite(&txn, &v.who(), loaded.assessment.id, &made, None, lang).await?;
    } else {
        for (email, new) in parsed.iter().zip(&made) {
            let id = repo::invite(
                &txn,
                &v.who(),
                loaded.assessment.id,
                std::slice::from_ref(new),
                Some(email.as_str()),
                lang,
            )
            .await?;
            ids.extend(id);
        }
    }
    txn.commit().await?;
    let links: Vec<InvitationLink> = ids
        .into_iter()
        .zip(&salts)
        .map(|(id, salt)| {
            let token = state.signing_key.invitation_token(salt);
            InvitationLink {
                id,
                url: link(state, lang, &token),
                token,
                lang,
            }
        })
        .collect();
    for (email, invitation) in parsed.iter().zip(&links) {
        send(state, loaded, email.as_str(), invitation).await;
    }
    Ok(links)
}

/// One invitation of the workshop, or 404.
async fn one(state: &AppState, loaded: &Loaded, id: InvitationId) -> Result<Invitation, AppError> {
    repo::invitation(&state.db.conn, loaded.assessment.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Sends an invitation's link again to its address (an invitation without one: 422).
pub async fn resend(
    state: &AppState,
    loaded: &Loaded,
    id: InvitationId,
) -> Result<InvitationLink, AppError> {
    let invitation = one(state, loaded, id).await?;
    let Some(email) = invitation.email.clone() else {
        return Err(AppError::field("email", Problem::new(ProblemKey::Required)));
    };
    let link = link_again(state, loaded, &invitation)
        .ok_or_else(|| AppError::Conflict(Problem::new(ProblemKey::InvitationNotReprintable)))?;
    send(state, loaded, &email, &link).await;
    Ok(link)
}

/// Revokes an invitation: its link opens nothing from now on.
pub async fn revoke(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    id: InvitationId,
) -> Result<(), AppError> {
    let txn = state.db.write().await?;
    repo::revoke_invitation(&txn, &v.who(), loaded.assessment.id, id).await?;
    txn.commit().await?;
    Ok(())
}

/// The workshop's invitations with their links, for those who run it.
pub async fn list(
    state: &AppState,
    loaded: &Loaded,
) -> Result<Vec<(Invitation, Option<InvitationLink>)>, AppError> {
    Ok(repo::invitations_of(&state.db.conn, loaded.assessment.id)
        .await?
        .into_iter()
        .map(|invitation| {
            let link = link_again(state, loaded, &invitation);
            (invitation, link)
        })
        .collect())
}

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
                            td { (v.t(&format!("lang-{}", language_of(loaded, invitation).code()))) }
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
    let (made, errors) = match invite(&state, &v, &loaded, &input).await {
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
    let found = one(&state, &loaded, invitation).await?;
    let link = link_again(&state, &loaded, &found).ok_or(AppError::NotFound)?;
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
    revoke(&state, &v, &loaded, invitation).await?;
    Ok(crate::negotiate::redirect(
        &v.href(&format!("/assessments/{id}/invitations")),
    ))
}
