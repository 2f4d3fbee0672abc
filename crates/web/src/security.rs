//! The security baseline: random tokens and their hashes, password hashing (Argon2id, off the
//! async runtime), cookies, cross-site request protection and security headers.

use crate::AppState;
use crate::error::AppError;
use crate::negotiate;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, PasswordHash};
use ateneu_domain::ProblemKey;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;

pub const SESSION_COOKIE: &str = "ateneu_session";
pub const CSRF_COOKIE: &str = "ateneu_csrf";
pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// The largest form body read for the anti-forgery check.
const FORM_LIMIT: usize = 4 * 1024 * 1024;

/// A new random token (256 bits, URL-safe).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    ateneu_db::sha256_hex(token.as_bytes())
}

/// Hashes a password with Argon2id on a blocking thread.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|e| AppError::Internal(e.to_string()))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(e.to_string()))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

/// Checks a password against a stored hash on a blocking thread. A missing hash never matches,
/// but costs the same time.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ZGs3bNPb0G9S3zZIYS9Pb0yHl8TKpU4sYfzSNhwD6UU";
    tokio::task::spawn_blocking(move || {
        let stored = hash.clone().unwrap_or_else(|| DUMMY.to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && hash.is_some()
    })
    .await
    .unwrap_or(false)
}

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

/// The instance's secret key, kept in the database so that every server signs alike.
pub struct SigningKey(Vec<u8>);

impl SigningKey {
    /// Reads the key, or makes it on the first start.
    pub async fn load(db: &ateneu_db::Db) -> anyhow::Result<SigningKey> {
        let text = ateneu_db::settings::get_or_insert(
            &db.conn,
            ateneu_db::settings::SIGNING_KEY,
            &format!("{}{}", new_token(), new_token()),
        )
        .await?;
        Ok(SigningKey(text.into_bytes()))
    }

    /// The anti-forgery token for a browser: an HMAC-SHA-256, under the instance's key, of the
    /// browser's anti-forgery cookie and its session cookie. A value that a client picks for
    /// its cookie (or that another site plants) is worth nothing without the key, and a token
    /// seen in one session does not serve in another.
    pub fn csrf_token(&self, cookie: &str, session: Option<&str>) -> String {
        self.sign(&[
            b"csrf",
            cookie.as_bytes(),
            session.unwrap_or_default().as_bytes(),
        ])
    }

    /// A workshop invitation's token, derived from its stored salt: the server can print or
    /// send the link again, while the database keeps only the salt and the token's hash.
    pub fn invitation_token(&self, salt: &str) -> String {
        self.sign(&[b"invitation", salt.as_bytes()])
    }

    /// The HMAC-SHA-256 of the parts (each followed by a zero byte), URL-safe base64.
    fn sign(&self, parts: &[&[u8]]) -> String {
        use hmac::{KeyInit, Mac};
        let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.0) else {
            return String::new();
        };
        for part in parts {
            mac.update(part);
            mac.update(b"\0");
        }
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_verify_only_against_their_hash() {
        let hash = hash_password("correct horse battery".into())
            .await
            .expect("hashes");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery".into(), Some(hash.clone())).await);
        assert!(!verify_password("wrong horse battery".into(), Some(hash)).await);
        assert!(!verify_password("anything".into(), None).await);
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
