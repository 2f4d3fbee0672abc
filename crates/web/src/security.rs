//! The security baseline over HTTP: cookies, cross-site request protection and security headers.
//! Tokens, password hashing and the signing key are `ateneu_app::security`.

use crate::AppState;
use crate::error::AppError;
use crate::negotiate;
pub use ateneu_app::security::{SigningKey, hash_password, new_token, token_hash, verify_password};
use ateneu_domain::ProblemKey;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub const SESSION_COOKIE: &str = "ateneu_session";
pub const CSRF_COOKIE: &str = "ateneu_csrf";
pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// The largest form body read for the anti-forgery check.
const FORM_LIMIT: usize = 4 * 1024 * 1024;

/// A `Set-Cookie` value; `max_age` of 0 removes the cookie.
pub fn cookie(name: &str, value: &str, max_age: i64, http_only: bool, secure: bool) -> HeaderValue {
    let mut text = format!("{name}={value}; Path=/; Max-Age={max_age}; SameSite=Lax");
    if http_only {
        text.push_str("; HttpOnly");
    }
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text)
        .unwrap_or_else(|_| HeaderValue::from_static("invalid=1; Max-Age=0"))
}

/// The anti-forgery token of this request, for forms to embed.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Cross-site request protection for every state-changing request. Pages: the request must send
/// the anti-forgery token (`SigningKey::csrf_token` of its cookies) in a form field, a header or
/// the `csrf` query parameter. API: the same when it carries cookies; a request authenticated
/// by a Bearer token, or one without cookies, carries no ambient credentials and passes (the
/// handler then checks who it is).
pub async fn csrf_guard(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let existing = negotiate::cookie(request.headers(), CSRF_COOKIE)
        .map(str::to_owned)
        .filter(|t| t.len() >= 32);
    let cookie_value = existing.clone().unwrap_or_else(new_token);
    let session = negotiate::cookie(request.headers(), SESSION_COOKIE).map(str::to_owned);
    let token = state
        .signing_key
        .csrf_token(&cookie_value, session.as_deref());
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let bearer = request
        .headers()
        .get(header::AUTHORIZATION)
        .is_some_and(|v| v.as_bytes().starts_with(b"Bearer "));
    let ambient = !request.uri().path().starts_with("/api/")
        || request.headers().contains_key(header::COOKIE);
    if unsafe_method && !bearer && ambient {
        let from_header = request
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let from_query = request.uri().query().and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == CSRF_FIELD)
                .map(|(_, v)| v.into_owned())
        });
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| {
                v.as_bytes()
                    .starts_with(b"application/x-www-form-urlencoded")
            });
        let mut submitted = from_header.or(from_query);
        if submitted.is_none() && is_form {
            let (parts, body) = request.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
                return AppError::BadRequest(ateneu_domain::Problem::new(ProblemKey::TooLong))
                    .into_response();
            };
            submitted = form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == CSRF_FIELD)
                .map(|(_, v)| v.into_owned());
            request = Request::from_parts(parts, Body::from(bytes));
        }
        let valid = existing.is_some()
            && matches!(&submitted, Some(sent) if !token.is_empty() && constant_eq(&token, sent));
        if !valid {
            return AppError::Csrf.into_response();
        }
    }
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if existing.is_none() {
        let value = cookie(
            CSRF_COOKIE,
            &cookie_value,
            60 * 60 * 24 * 365,
            true,
            state.config.secure_cookies(),
        );
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

fn constant_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Security headers on every response; HSTS only when served over TLS.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let over_tls = state.config.base_url.starts_with("https://")
        || request
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes() == b"https");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if over_tls {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}
