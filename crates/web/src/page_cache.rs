//! A cache of the public pages anonymous visitors read most (home, registry list, city pages,
//! and the registry's JSON lists). An entry holds while the data's version (the newest audit
//! row, see `ateneu_app::Context::data_version`) is unchanged: a write through this process is seen at once;
//! a write by another process sharing the database within `RECHECK`. While the database is
//! out of reach, the pages kept since this process's last write go on being served. Every cacheable page says
//! how it was answered in `X-Page-Cache`: `hit`, `miss` (rendered, then kept) or `off` (the
//! cache is switched off: `Config::page_cache`, `ateneu serve --no-page-cache`).

use crate::AppState;
use crate::negotiate;
use crate::security::{CsrfToken, SESSION_COOKIE};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::{Duration, Instant};

/// How long a process trusts the version it last read.
pub const RECHECK: Duration = Duration::from_millis(200);
/// How often the version is asked again while the database is out of reach.
const OUTAGE_RECHECK: Duration = Duration::from_secs(2);
/// The most bytes the cache holds; past it, it starts again empty.
const MAX_BYTES: usize = 64 * 1024 * 1024;
const MAX_BODY: usize = 2 * 1024 * 1024;
/// The query parameters pages read; any other is left out of the key, so that junk parameters
/// cannot fill the cache.
const KNOWN_PARAMS: [&str; 8] = [
    "network", "region", "country", "field", "q", "page", "per_page", "lang",
];

struct Entry {
    version: i64,
    content_type: HeaderValue,
    body: Bytes,
}

pub struct PageCache {
    entries: Mutex<(HashMap<String, Entry>, usize)>,
    version: AtomicI64,
    checked: Mutex<Option<Instant>>,
    /// The last reading of the version found the database out of reach.
    outage: AtomicBool,
    /// A background reading of the version is under way (during an outage).
    checking: AtomicBool,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            entries: Mutex::new((HashMap::new(), 0)),
            version: AtomicI64::new(-1),
            checked: Mutex::new(None),
            outage: AtomicBool::new(false),
            checking: AtomicBool::new(false),
        }
    }
}

impl PageCache {
    /// Forgets when the version was read, and the version itself, so that the next request
    /// reads it again: a page kept before a write through this process is never served after
    /// it, not even while the database is out of reach.
    fn stale(&self) {
        if let Ok(mut checked) = self.checked.lock() {
            *checked = None;
        }
        self.version.store(-1, Ordering::Relaxed);
    }

    fn mark_checked(&self) {
        if let Ok(mut checked) = self.checked.lock() {
            *checked = Some(Instant::now());
        }
    }

    /// The data's version, read again once `RECHECK` has passed. While the database is out
    /// of reach the pages kept are served at the version last read, at once, and the database
    /// is asked again in the background every `OUTAGE_RECHECK`.
    async fn version(&self, state: &AppState) -> Option<i64> {
        let outage = self.outage.load(Ordering::Relaxed);
        let wait = if outage { OUTAGE_RECHECK } else { RECHECK };
        let fresh = self
            .checked
            .lock()
            .ok()
            .and_then(|c| *c)
            .is_some_and(|at| at.elapsed() < wait);
        let known = self.version.load(Ordering::Relaxed) != -1;
        if !fresh {
            if outage && known {
                self.mark_checked();
                // One check at a time, however many visitors arrive meanwhile.
                if !self.checking.swap(true, Ordering::SeqCst) {
                    let state = state.clone();
                    tokio::spawn(async move {
                        let cache = &state.page_cache;
                        if let Ok(version) = state.data_version().await {
                            cache.version.store(version, Ordering::Relaxed);
                            cache.outage.store(false, Ordering::Relaxed);
                        }
                        cache.checking.store(false, Ordering::SeqCst);
                    });
                }
                return Some(self.version.load(Ordering::Relaxed));
            }
            match state.data_version().await {
                Ok(version) => {
                    self.version.store(version, Ordering::Relaxed);
                    self.outage.store(false, Ordering::Relaxed);
                }
                Err(ateneu_app::Error::Unavailable(_)) if known => {
                    self.outage.store(true, Ordering::Relaxed);
                }
                Err(_) => return None,
            }
            self.mark_checked();
        }
        Some(self.version.load(Ordering::Relaxed))
    }
}

/// Whether this request reads a cacheable public page.
fn cacheable(request: &Request) -> bool {
    if request.method() != Method::GET
        || request.headers().contains_key(header::AUTHORIZATION)
        || negotiate::cookie(request.headers(), SESSION_COOKIE).is_some()
    {
        return false;
    }
    let path = request.uri().path();
    if path.starts_with("/api/v1/cities") {
        return true;
    }
    let mut parts = path.trim_start_matches('/').split('/');
    let lang = parts.next().unwrap_or_default();
    if lang.len() != 2 || lang.parse::<ateneu_domain::Lang>().is_err() {
        return false;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (None, ..) => true,
        (Some("cities"), None, _) => true,
        (Some("cities"), Some(slug), None) => slug != "new",
        _ => false,
    }
}

/// The day (memberships are current or not by date), the path, and the known parameters in order.
fn cache_key(request: &Request) -> String {
    let mut params: Vec<(String, String)> = request
        .uri()
        .query()
        .map(|q| {
            form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .filter(|(k, _)| KNOWN_PARAMS.contains(&k.as_str()))
                .collect()
        })
        .unwrap_or_default();
    params.sort();
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    format!(
        "{}|{}?{query}",
        chrono::Utc::now().date_naive(),
        request.uri().path()
    )
}

pub async fn serve_cached(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let cache = &state.page_cache;
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let response = next.run(request).await;
        cache.stale();
        return response;
    }
    if !cacheable(&request) {
        return next.run(request).await;
    }
    if !state.config.page_cache {
        return with_status(next.run(request).await, OFF);
    }
    let Some(version) = cache.version(&state).await else {
        return next.run(request).await;
    };
    let key = cache_key(&request);
    if let Ok(entries) = cache.entries.lock()
        && let Some(entry) = entries.0.get(&key).filter(|e| e.version == version)
    {
        return (
            [
                (header::CONTENT_TYPE, entry.content_type.clone()),
                (CACHE_STATUS, HeaderValue::from_static(HIT)),
            ],
            Body::from(entry.body.clone()),
        )
            .into_response();
    }
    let csrf = request
        .extensions()
        .get::<CsrfToken>()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let personal = !csrf.is_empty() && bytes.windows(csrf.len()).any(|w| w == csrf.as_bytes());
    if let (false, Some(content_type)) = (personal, parts.headers.get(header::CONTENT_TYPE))
        && let Ok(mut entries) = cache.entries.lock()
    {
        if entries.1 + bytes.len() > MAX_BYTES {
            *entries = (HashMap::new(), 0);
        }
        entries.1 += bytes.len();
        let entry = Entry {
            version,
            content_type: content_type.clone(),
            body: bytes.clone(),
        };
        if let Some(old) = entries.0.insert(key, entry) {
            entries.1 -= old.body.len();
        }
    }
    with_status(Response::from_parts(parts, Body::from(bytes)), MISS)
}

/// The header that says how a cacheable page was answered, and its values.
const CACHE_STATUS: header::HeaderName = header::HeaderName::from_static("x-page-cache");
const HIT: &str = "hit";
const MISS: &str = "miss";
const OFF: &str = "off";

fn with_status(mut response: Response, status: &'static str) -> Response {
    response
        .headers_mut()
        .insert(CACHE_STATUS, HeaderValue::from_static(status));
    response
}
