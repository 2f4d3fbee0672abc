//! Who is asking, in which language: the extractor every handler takes. It reads the session
//! cookie or a Bearer API token, loads the person's grants, and carries the anti-forgery token.

use crate::AppState;
use crate::error::AppError;
use crate::negotiate;
use crate::security::{CsrfToken, SESSION_COOKIE};
use ateneu_app::Who;
use ateneu_app::accounts::own::{self, Credential};
use ateneu_app::i18n::I18n;
use ateneu_app::programmes::catalogue::CurrentCatalogue;
use ateneu_domain::Lang;
use ateneu_domain::ids::AccountId;
use ateneu_domain::permissions::{Action, Actor};
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use fluent_bundle::FluentValue;
use std::sync::Arc;

/// A signed-in person: their account, roles and session.
pub use ateneu_app::accounts::own::SignedIn;

#[derive(Clone)]
pub struct Viewer {
    pub lang: Lang,
    pub signed_in: Option<SignedIn>,
    pub actor: Actor,
    pub csrf: String,
    /// How many of the person's notices are unread (0 when signed out).
    pub unread: u64,
    /// The current path without its language prefix (for the language switcher).
    pub path: String,
    i18n: Arc<I18n>,
    /// The programme's catalogue of activities in use (the names pages give activities).
    pub catalogue: Arc<CurrentCatalogue>,
}

impl Viewer {
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang, key)
    }

    pub fn tf(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.i18n.format(self.lang, key, args)
    }

    /// A language's name in the reader's language ("espagnol" to a French reader).
    pub fn language(&self, lang: Lang) -> String {
        self.t(&format!("lang-{}", lang.code()))
    }

    pub fn number(&self, n: i64) -> String {
        self.i18n.number(self.lang, n)
    }

    pub fn problem(&self, problem: &ateneu_domain::Problem) -> String {
        self.i18n.problem(self.lang, problem)
    }

    /// A path in the reader's language: `href("/cities")` → "/fr/cities", `href("/")` → "/fr".
    pub fn href(&self, path: &str) -> String {
        crate::negotiate::lang_path(self.lang, path)
    }

    pub fn allows(&self, action: Action<'_>) -> bool {
        self.actor.allows(action)
    }

    /// Refuses unless the action is allowed: anonymous people are asked to sign in.
    pub fn require(&self, action: Action<'_>) -> Result<(), AppError> {
        if self.actor.allows(action) {
            Ok(())
        } else if self.signed_in.is_none() {
            Err(AppError::SignInRequired)
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn require_signed_in(&self) -> Result<&SignedIn, AppError> {
        self.signed_in.as_ref().ok_or(AppError::SignInRequired)
    }

    /// The person as the use cases take them.
    pub fn acting(&self) -> ateneu_app::Acting {
        ateneu_app::Acting::person(self.actor.clone(), self.who())
    }

    /// The audit log's name for this person.
    pub fn who(&self) -> Who {
        match &self.signed_in {
            Some(s) => Who::user(s.user.id, &s.user.email),
            None => Who::system("anonymous"),
        }
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(viewer) = parts.extensions.get::<Viewer>() {
            return Ok(viewer.clone());
        }
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let credential = match bearer {
            Some(token) => Some(Credential::ApiToken {
                token,
                writes: !matches!(
                    parts.method,
                    axum::http::Method::GET | axum::http::Method::HEAD
                ),
            }),
            None => negotiate::cookie(&parts.headers, SESSION_COOKIE).map(Credential::Session),
        };
        let signed_in = match credential {
            Some(credential) => own::signed_in(state, credential).await?,
            None => None,
        };
        let actor = match &signed_in {
            Some(s) => actor_of(state, s).await?,
            None => Actor::anonymous(),
        };
        // Under a nested router `parts.uri` has lost its language prefix: read the original.
        let uri = parts
            .extensions
            .get::<axum::extract::OriginalUri>()
            .map_or_else(|| parts.uri.clone(), |o| o.0.clone());
        let setting = signed_in
            .as_ref()
            .and_then(|s| s.user.locale.as_deref())
            .and_then(|l| l.parse::<Lang>().ok());
        let lang = negotiate::url_lang(&uri)
            .or(setting)
            .or_else(|| negotiate::header_lang(&parts.headers))
            .unwrap_or(Lang::En);
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let unread = match &signed_in {
            Some(s) => ateneu_app::notifications::unread(state, s.user.id).await?,
            None => 0,
        };
        let viewer = Viewer {
            lang,
            unread,
            signed_in,
            actor,
            csrf,
            path: negotiate::path_without_lang(&uri),
            i18n: state.i18n.clone(),
            catalogue: ateneu_app::programmes::catalogue::current(state),
        };
        parts.extensions.insert(viewer.clone());
        Ok(viewer)
    }
}

/// The person as policies see them: their grants, and the networks that each city they edit is
/// a current member of (with the networks above them).
async fn actor_of(state: &AppState, s: &SignedIn) -> Result<Actor, AppError> {
    let grants: Vec<_> = s.grants.iter().map(|g| g.grant.clone()).collect();
    actor_for(state, s.user.id, grants).await
}

/// Any person as policies see them (the people a notice may go to).
pub async fn actor_for(
    state: &AppState,
    user_id: AccountId,
    grants: Vec<ateneu_domain::accounts::Grant>,
) -> Result<Actor, AppError> {
    Ok(ateneu_app::accounts::actor_for(state, user_id, grants).await?)
}

/// Ends the current session (used by sign-out).
pub async fn end_session(state: &AppState, viewer: &Viewer) -> Result<(), AppError> {
    if let Some(hash) = viewer.signed_in.as_ref().and_then(|s| s.session.as_ref()) {
        own::end_session(state, &viewer.acting(), hash).await?;
    }
    Ok(())
}
