//! A workshop's invitations: made in a language of the workshop (their link and email speak
//! it), listed with what became of each, sent again, and revoked. Each link is derived from the
//! invitation's salt under the platform's signing key, so it can be printed again.

use super::Loaded;
use crate::security::{new_token, token_hash};
use crate::{Acting, Context, Error};
use ateneu_db::assessments::{self as repo, NewInvitation};
pub use ateneu_db::assessments::{Invitation, InvitationState};
use ateneu_domain::accounts::Email;
use ateneu_domain::assessments::{invitation_language, workshop};
use ateneu_domain::ids::InvitationId;
use ateneu_domain::{FieldErrors, Lang, Problem, ProblemKey};
use serde::{Deserialize, Serialize};

/// An invitation's link, with its token (shown to those who run the workshop).
#[derive(Debug, Clone, Serialize)]
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

fn link(context: &Context, lang: Lang, token: &str) -> String {
    context.page_url(lang, &format!("/participate/{token}"))
}

/// The language an invitation speaks (one made before languages: the workshop's first).
pub fn language_of(loaded: &Loaded, invitation: &Invitation) -> Lang {
    invitation
        .lang
        .or_else(|| loaded.assessment.languages.first().copied())
        .unwrap_or(Lang::En)
}

/// An invitation's link again, derived from its salt (none for one made before reprinting,
/// or revoked).
pub fn link_again(
    context: &Context,
    loaded: &Loaded,
    invitation: &Invitation,
) -> Option<InvitationLink> {
    if invitation.salt.is_empty() || invitation.state == InvitationState::Revoked {
        return None;
    }
    let token = context.signing_key.invitation_token(&invitation.salt);
    let lang = language_of(loaded, invitation);
    Some(InvitationLink {
        id: invitation.id,
        url: link(context, lang, &token),
        token,
        lang,
    })
}

/// Emails an invitation its link, in its language.
async fn send(context: &Context, loaded: &Loaded, email: &str, link: &InvitationLink) {
    let lang = link.lang;
    let city = loaded.city.draft.name.show(lang).text.to_owned();
    let subject = context
        .i18n
        .format(lang, "invitation-mail-subject", &[("city", city.into())]);
    let body = context.i18n.format(
        lang,
        "invitation-mail-body",
        &[
            ("title", loaded.assessment.title.clone().into()),
            ("link", link.url.clone().into()),
        ],
    );
    if let Err(error) = context.mailer.send(email, &subject, &body).await {
        tracing::error!(%error, "cannot write an invitation email");
    }
}

/// Makes `count` single-person invitations, or one per email address (each emailed its link),
/// in the language asked for (by default `page_lang` when the workshop speaks it).
pub async fn invite(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    input: &InvitationsInput,
    page_lang: Lang,
) -> Result<Vec<InvitationLink>, Error> {
    let mut errors = FieldErrors::new();
    let mut parsed = Vec::new();
    for email in input
        .emails
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
    {
        match Email::parse(email) {
            Ok(email) => parsed.push(email),
            Err(problem) => errors.add("emails", problem),
        }
    }
    let total = if parsed.is_empty() {
        input.count
    } else {
        parsed.len() as u32
    };
    if let Err(problem) = workshop::invitation_count(total) {
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
        invitation_language(chosen, &loaded.assessment.languages, page_lang),
    );
    let Some(lang) = lang.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let salts: Vec<String> = (0..total).map(|_| new_token()).collect();
    let made: Vec<NewInvitation> = salts
        .iter()
        .map(|salt| NewInvitation {
            token_hash: token_hash(&context.signing_key.invitation_token(salt)),
            salt: salt.clone(),
        })
        .collect();
    let txn = context.db.write().await?;
    let mut ids = Vec::new();
    let assessment = loaded.assessment.id;
    if parsed.is_empty() {
        ids = repo::invite(&txn, &acting.who, assessment, &made, None, lang).await?;
    } else {
        for (email, new) in parsed.iter().zip(&made) {
            let id = repo::invite(
                &txn,
                &acting.who,
                assessment,
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
            let token = context.signing_key.invitation_token(salt);
            InvitationLink {
                id,
                url: link(context, lang, &token),
                token,
                lang,
            }
        })
        .collect();
    for (email, invitation) in parsed.iter().zip(&links) {
        send(context, loaded, email.as_str(), invitation).await;
    }
    Ok(links)
}

/// One invitation of the workshop, or not found.
pub async fn one(
    context: &Context,
    loaded: &Loaded,
    id: InvitationId,
) -> Result<Invitation, Error> {
    repo::invitation(&context.db.conn, loaded.assessment.id, id)
        .await?
        .ok_or(Error::NotFound)
}

/// Sends an invitation's link again to its address (an invitation without one: 422).
pub async fn resend(
    context: &Context,
    loaded: &Loaded,
    id: InvitationId,
) -> Result<InvitationLink, Error> {
    let invitation = one(context, loaded, id).await?;
    let Some(email) = invitation.email.clone() else {
        return Err(Error::field("email", Problem::new(ProblemKey::Required)));
    };
    let link = link_again(context, loaded, &invitation)
        .ok_or_else(|| Error::Conflict(Problem::new(ProblemKey::InvitationNotReprintable)))?;
    send(context, loaded, &email, &link).await;
    Ok(link)
}

/// Revokes an invitation: its link opens nothing from now on.
pub async fn revoke(
    context: &Context,
    acting: &Acting,
    loaded: &Loaded,
    id: InvitationId,
) -> Result<(), Error> {
    let txn = context.db.write().await?;
    repo::revoke_invitation(&txn, &acting.who, loaded.assessment.id, id).await?;
    txn.commit().await?;
    Ok(())
}

/// The workshop's invitations with their links, for those who run it.
pub async fn list(
    context: &Context,
    loaded: &Loaded,
) -> Result<Vec<(Invitation, Option<InvitationLink>)>, Error> {
    Ok(repo::invitations_of(&context.db.conn, loaded.assessment.id)
        .await?
        .into_iter()
        .map(|invitation| {
            let link = link_again(context, loaded, &invitation);
            (invitation, link)
        })
        .collect())
}
