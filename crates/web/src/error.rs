//! The one error type of the web layer. Handlers return it; a middleware turns it into a page or
//! a JSON body `{"error": key, "message": …, "fields": {…}}` in the reader's language.

mod unavailable;

use crate::AppState;
use crate::layout;
use crate::negotiate;
use ateneu_domain::ProblemKey;
use ateneu_domain::csv_format::LineError;
use ateneu_domain::{FieldErrors, Lang, Problem};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

#[derive(Debug, Clone)]
pub enum AppError {
    NotFound,
    /// The thing asked for by an earlier name (a city's old slug): the request's path with
    /// the `from` segment replaced by `to` answers, and this one redirects there (301).
    Moved {
        from: String,
        to: String,
    },
    Forbidden,
    /// Refused for a stated reason (403), such as a read-only token asked to write.
    Denied(Problem),
    SignInRequired,
    /// A form or body with bad fields (422).
    Invalid(FieldErrors),
    /// A file with bad lines (422).
    Lines(Vec<LineError>),
    BadRequest(Problem),
    Conflict(Problem),
    /// A body or file over its limit (413).
    TooLarge(Problem),
    /// A file of a type that is not taken (415).
    Unsupported(Problem),
    TooManyAttempts,
    Csrf,
    /// The database is out of reach or out of room (503, with a `Retry-After`).
    Unavailable(String),
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Moved { .. } => StatusCode::MOVED_PERMANENTLY,
            AppError::Forbidden | AppError::Denied(_) | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Invalid(_) | AppError::Lines(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unsupported(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The stable key of the error as a whole.
    pub fn problem(&self) -> Problem {
        match self {
            AppError::NotFound | AppError::Moved { .. } => Problem::new(ProblemKey::NotFound),
            AppError::Forbidden => Problem::new(ProblemKey::Forbidden),
            AppError::SignInRequired => Problem::new(ProblemKey::SignInRequired),
            AppError::Invalid(_) => Problem::new(ProblemKey::BadRequest),
            AppError::Lines(_) => Problem::new(ProblemKey::InvalidFile),
            AppError::BadRequest(p)
            | AppError::Denied(p)
            | AppError::Conflict(p)
            | AppError::TooLarge(p)
            | AppError::Unsupported(p) => p.clone(),
            AppError::TooManyAttempts => Problem::new(ProblemKey::TooManyAttempts),
            AppError::Csrf => Problem::new(ProblemKey::CsrfFailed),
            AppError::Internal(_) => Problem::new(ProblemKey::Internal),
            AppError::Unavailable(_) => Problem::new(ProblemKey::Unavailable),
        }
    }

    pub fn field(field: &str, problem: Problem) -> AppError {
        let mut errors = FieldErrors::new();
        errors.add(field, problem);
        AppError::Invalid(errors)
    }
}

impl From<ateneu_app::Error> for AppError {
    fn from(error: ateneu_app::Error) -> Self {
        use ateneu_app::Error as E;
        match error {
            E::NotFound => AppError::NotFound,
            E::Moved { from, to } => AppError::Moved { from, to },
            E::Forbidden => AppError::Forbidden,
            E::Denied(p) => AppError::Denied(p),
            E::SignInRequired => AppError::SignInRequired,
            E::Invalid(errors) => AppError::Invalid(errors),
            E::Lines(lines) => AppError::Lines(lines),
            E::BadRequest(p) => AppError::BadRequest(p),
            E::Conflict(p) => AppError::Conflict(p),
            E::TooLarge(p) => AppError::TooLarge(p),
            E::Unsupported(p) => AppError::Unsupported(p),
            E::TooManyAttempts => AppError::TooManyAttempts,
            E::Unavailable(cause) => AppError::Unavailable(cause),
            E::Internal(message) => AppError::Internal(message),
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Invalid(errors)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(message) = &self {
            tracing::error!(%message, "internal error");
        }
        if let AppError::Unavailable(cause) = &self {
            unavailable::log(cause);
        }
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// The JSON body of an error, localised.
pub fn json_body(state: &AppState, lang: Lang, error: &AppError) -> Value {
    let problem = error.problem();
    let mut body = json!({
        "error": problem.key,
        "message": state.i18n.problem(lang, &problem),
    });
    if let (AppError::Conflict(_), Some(detail)) = (error, &problem.detail) {
        // What differs from the saved version, by field name, for the client to show.
        body["detail"] = json!(detail);
    }
    if let AppError::Invalid(fields) = error {
        let fields: Map<String, Value> = fields
            .iter()
            .map(|(name, p)| {
                (
                    name.clone(),
                    json!({"error": p.key, "message": state.i18n.problem(lang, p)}),
                )
            })
            .collect();
        body["fields"] = Value::Object(fields);
    }
    if let AppError::Lines(lines) = error {
        body["lines"] = lines
            .iter()
            .map(|l| json!({"line": l.line, "column": l.column, "error": l.problem.key, "message": state.i18n.problem(lang, &l.problem)}))
            .collect();
    }
    body
}

/// Turns an `AppError` left in a response into a localised page or JSON body.
pub async fn render_errors(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let lang = negotiate::request_lang(&request);
    let asked_path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    let signed_out = negotiate::cookie(request.headers(), crate::security::SESSION_COOKIE)
        .is_none()
        && !request.headers().contains_key(header::AUTHORIZATION);
    let asked = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .filter(|p| signed_out && ateneu_domain::accounts::page_after_sign_in(p).is_some());
    let mut response = next.run(request).await;
    let Some(error) = response.extensions_mut().remove::<AppError>() else {
        return response;
    };
    if let AppError::Moved { from, to } = &error {
        return moved(&asked_path, from, to);
    }
    let status = response.status();
    let mut rendered = if is_api {
        (status, axum::Json(json_body(&state, lang, &error))).into_response()
    } else {
        (
            status,
            layout::error_page(&state, lang, &error, asked.as_deref()),
        )
            .into_response()
    };
    if matches!(error, AppError::Unavailable(_)) {
        // Try again in half a minute (the page says a minute: a person is slower).
        rendered
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    }
    if matches!(error, AppError::SignInRequired) && is_api {
        rendered
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    rendered
}

/// The redirect to the same address with an earlier name's path segment replaced.
fn moved(asked: &str, from: &str, to: &str) -> Response {
    let (path, query) = asked
        .split_once('?')
        .map_or((asked, None), |(p, q)| (p, Some(q)));
    let mut target: Vec<String> = path
        .split('/')
        .map(|segment| {
            if segment == from {
                to.to_owned()
            } else {
                segment.to_owned()
            }
        })
        .collect();
    if target.is_empty() {
        target.push(String::new());
    }
    let mut location = target.join("/");
    if let Some(query) = query {
        location.push('?');
        location.push_str(query);
    }
    let location = HeaderValue::from_str(&location).unwrap_or(HeaderValue::from_static("/"));
    (
        StatusCode::MOVED_PERMANENTLY,
        [(header::LOCATION, location)],
    )
        .into_response()
}
