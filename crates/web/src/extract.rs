//! The extractors every feature shares, in place of axum's: each rejection is one of the
//! platform's own errors (a JSON body or an error page in the reader's language, never axum's
//! plain text), and a JSON body is read only once its sender is known to be signed in.

use crate::AppState;
use crate::error::AppError;
use crate::viewer::Viewer;
use ateneu_domain::Problem;
use ateneu_domain::ProblemKey;
use axum::extract::rejection::{FormRejection, JsonRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::{Form as AxumForm, Json};
use serde::de::DeserializeOwned;

/// The request back once its sender is known to be signed in, before its body is read.
async fn signed_in_first(request: Request, state: &AppState) -> Result<Request, AppError> {
    let (mut parts, body) = request.into_parts();
    Viewer::from_request_parts(&mut parts, state)
        .await?
        .require_signed_in()?;
    Ok(Request::from_parts(parts, body))
}

/// A body or a parameter that cannot be read, with the reader's reason.
fn bad_request(reason: String) -> AppError {
    AppError::BadRequest(Problem::with_detail(ProblemKey::BadRequest, reason))
}

/// A JSON body from a signed-in person (a session or a token). An anonymous request is told
/// to sign in (401) before its body is read; a malformed body is refused with `bad_request`
/// and the parser's reason, a body that is not JSON with `unsupported_media_type`.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let request = signed_in_first(request, state).await?;
        let OpenJson(value) = OpenJson::from_request(request, state).await?;
        Ok(ApiJson(value))
    }
}

/// A JSON body anyone may send (a participant's answers, authorised by the link's token).
pub struct OpenJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for OpenJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(OpenJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::BadRequest(
                Problem::new(ProblemKey::UnsupportedMediaType),
            )),
            Err(rejection) => Err(bad_request(rejection.body_text())),
        }
    }
}

/// A form from a signed-in person: an anonymous request is told to sign in before the form is
/// read; fields that cannot be read are refused with `bad_request`.
pub struct Form<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for Form<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let request = signed_in_first(request, state).await?;
        let OpenForm(value) = OpenForm::from_request(request, state).await?;
        Ok(Form(value))
    }
}

/// A form anyone may send (signing in, asking for a password link, a participant's answers).
pub struct OpenForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for OpenForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match AxumForm::<T>::from_request(request, state).await {
            Ok(AxumForm(value)) => Ok(OpenForm(value)),
            Err(FormRejection::InvalidFormContentType(_)) => Err(AppError::BadRequest(
                Problem::new(ProblemKey::UnsupportedMediaType),
            )),
            Err(rejection) => Err(bad_request(rejection.body_text())),
        }
    }
}

/// The parameters of a path. A value that cannot be one (a word where an id goes, an id too
/// large to exist) names nothing: 404, as for a record that does not exist.
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(_) => Err(AppError::NotFound),
        }
    }
}

/// The parameters of a query string; a value that cannot be read (a word where a number
/// goes, a negative count, a key given twice) is refused with `bad_request` and the reason.
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(bad_request(rejection.body_text())),
        }
    }
}

/// A multipart body (an uploaded file) from a signed-in person: an anonymous request is told
/// to sign in before the body is read; a body that is not multipart is refused with
/// `bad_request`.
pub struct Multipart(axum::extract::Multipart);

impl FromRequest<AppState> for Multipart {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let request = signed_in_first(request, state).await?;
        axum::extract::Multipart::from_request(request, state)
            .await
            .map(Multipart)
            .map_err(|rejection| bad_request(rejection.body_text()))
    }
}

impl Multipart {
    /// The bytes of the field `name` (an uploaded file; empty when the form sent none), the
    /// other fields (such as the anti-forgery token) skipped.
    pub async fn file(mut self, name: &str) -> Result<Vec<u8>, AppError> {
        let unreadable = |e: axum::extract::multipart::MultipartError| {
            AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, e.body_text()))
        };
        let mut file = Vec::new();
        while let Some(field) = self.0.next_field().await.map_err(unreadable)? {
            if field.name() == Some(name) {
                file = field.bytes().await.map_err(unreadable)?.to_vec();
            }
        }
        Ok(file)
    }
}

impl std::ops::Deref for Multipart {
    type Target = axum::extract::Multipart;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Multipart {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

/// `?thanks=1`: the page a participant lands on after something they sent was taken.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Thanks {
    thanks: Option<String>,
}

impl Thanks {
    pub fn given(&self) -> bool {
        self.thanks.is_some()
    }
}
