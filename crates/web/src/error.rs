//! The one error type of the web layer. Handlers return it; a middleware turns it into a page or
//! a JSON body `{"error": key, "message": …, "fields": {…}}` in the reader's language.

use crate::AppState;
use crate::layout;
use crate::negotiate;
use ateneu_db::DbError;
use ateneu_domain::csv_format::LineError;
use ateneu_domain::{FieldErrors, Lang, Problem};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

/// Every problem key the code can produce: each must have a message in every language.
pub const PROBLEM_KEYS: &[&str] = &[
    "required",
    "too_long",
    "unknown_language",
    "unknown_country",
    "unknown_region",
    "not_a_number",
    "out_of_range",
    "invalid_url",
    "invalid_slug",
    "duplicate_in_file",
    "csv_unreadable",
    "missing_column",
    "unknown_column",
    "empty_file",
    "csv_unwritable",
    "unknown_role",
    "invalid_date",
    "unknown_network",
    "ends_before_start",
    "leading_city_outside_programme",
    "unknown_creative_field",
    "not_for_this_network",
    "same_creative_field",
    "not_current_on_that_day",
    "invalid_email",
    "password_too_short",
    "password_is_email",
    "scope_does_not_fit_role",
    "unknown_city",
    "email_taken",
    "slug_taken",
    "passwords_differ",
    "wrong_credentials",
    "too_many_attempts",
    "link_invalid",
    "csrf_failed",
    "not_found",
    "forbidden",
    "sign_in_required",
    "internal",
    "bad_request",
    "unsupported_media_type",
    "invalid_file",
    "not_a_file",
    "syntax",
    "duplicate_key",
    "missing_translation",
    "empty_text",
    "invalid_key",
    "unknown_sdg",
    "scale_out_of_range",
    "value_out_of_scale",
    "stages_overlap",
    "unknown_level",
    "unknown_item",
    "item_below_level",
    "unknown_parent",
    "empty_module",
    "no_domains",
    "version_frozen",
    "score_out_of_range",
    "not_applicable_not_allowed",
    "unknown_sector",
    "unknown_visibility",
    "unknown_status",
    "unknown_rating_level",
    "invitation_used",
    "assessment_closed",
    "assessment_open",
    "unknown_module",
    "unknown_framework",
    "unknown_account",
    "unknown_key",
    "not_an_object",
    "invalid_json",
    "expected_text",
    "expected_list",
    "source_lang_without_text",
    "unknown_field",
    "unknown_keyword",
    "too_many_words",
    "one_line",
    "step_not_allowed",
    "practice_incomplete",
    "comment_required",
    "stage_changed",
    "practice_not_published",
    "invalid_page",
    "invalid_facet_limit",
    "unknown_value",
    "invalid_keyword",
    "invalid_keyword_key",
    "no_published_assessments",
    "file_too_large",
    "unsupported_file",
    "token_needs_session",
    "token_read_only",
    "invitation_not_reprintable",
    "ambiguous_city",
];

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
        }
    }

    /// The stable key of the error as a whole.
    pub fn problem(&self) -> Problem {
        match self {
            AppError::NotFound | AppError::Moved { .. } => Problem::new("not_found"),
            AppError::Forbidden => Problem::new("forbidden"),
            AppError::SignInRequired => Problem::new("sign_in_required"),
            AppError::Invalid(_) => Problem::new("bad_request"),
            AppError::Lines(_) => Problem::new("invalid_file"),
            AppError::BadRequest(p)
            | AppError::Denied(p)
            | AppError::Conflict(p)
            | AppError::TooLarge(p)
            | AppError::Unsupported(p) => p.clone(),
            AppError::TooManyAttempts => Problem::new("too_many_attempts"),
            AppError::Csrf => Problem::new("csrf_failed"),
            AppError::Internal(_) => Problem::new("internal"),
        }
    }

    pub fn field(field: &str, problem: Problem) -> AppError {
        let mut errors = FieldErrors::new();
        errors.add(field, problem);
        AppError::Invalid(errors)
    }
}

impl From<DbError> for AppError {
    fn from(error: DbError) -> Self {
        match error {
            DbError::NotFound => AppError::NotFound,
            DbError::Conflict(key) => AppError::Conflict(Problem::new(key)),
            other => AppError::Internal(other.to_string()),
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
