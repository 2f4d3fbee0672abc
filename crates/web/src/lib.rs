//! Ateneu's web layer: the application state, the router of every feature (HTML pages under
//! `/{lang}/…` and the JSON API under `/api/v1`), and the middleware stack.

#![recursion_limit = "256"]

pub mod accounts;
pub mod admin;
pub mod api;
pub mod assessments;
pub mod cities;
pub mod demo;
pub mod error;
pub mod extract;
pub mod frameworks;
pub mod home;
pub mod i18n;
pub mod layout;
pub mod mail;
pub mod memberships;
pub mod negotiate;
pub mod notifications;
pub mod openapi;
pub mod page_cache;
pub mod practices;
pub mod registry_files;
pub mod routing;
pub mod security;
pub mod static_files;
pub mod viewer;

use ateneu_db::Db;
use ateneu_domain::Lang;
use ateneu_domain::reference::Reference;
use axum::Router;
use axum::http::{HeaderName, Method, Request, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Redirect, Response};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;

/// Settings of a running instance.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    /// The address people reach the platform at, for links in emails ("http://127.0.0.1:8080").
    pub base_url: String,
    /// The SMTP server email is sent through (`smtp://user:pass@host:587`, `smtps://host:465`,
    /// `smtp://localhost:25?tls=none`); without one, email only goes to the outbox folder.
    pub smtp_url: Option<String>,
    /// The sender of every email (`Ateneu <noreply@example.org>`); required with `smtp_url`.
    pub mail_from: Option<String>,
    /// Where this process keeps its search index (a cache of the database).
    pub search_index: IndexPlace,
}

/// Where a process keeps its practices' search index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum IndexPlace {
    /// A folder of its own (a server).
    Dir(PathBuf),
    /// In memory, kept current (tests).
    Memory,
    /// None: commands that only write leave indexing to the servers, which catch up.
    #[default]
    Off,
}

impl Config {
    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }

    /// Cookies are marked Secure over TLS, and on loopback (a secure context for browsers).
    pub fn secure_cookies(&self) -> bool {
        let rest = self.base_url.strip_prefix("http://");
        match rest {
            None => true,
            Some(rest) => ["127.", "localhost", "[::1]"]
                .iter()
                .any(|p| rest.starts_with(p)),
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub i18n: Arc<i18n::I18n>,
    pub reference: Arc<Reference>,
    demo: Arc<AtomicBool>,
    pub mailer: mail::Mailer,
    pub page_cache: Arc<page_cache::PageCache>,
    /// Parsed framework versions, by checksum.
    pub frameworks: Arc<frameworks::FrameworkCache>,
    /// Assessments' computed results, by revision.
    pub results: Arc<assessments::results::ResultsCache>,
    /// The practices' search index (a cache of the database).
    pub search: Arc<practices::index::SearchIndex>,
    /// The instance's secret signing key (shared by every server through the database).
    pub signing_key: Arc<security::SigningKey>,
}

impl AppState {
    /// Loads what the handlers need from a migrated database with its reference data.
    pub async fn new(db: Db, config: Config) -> anyhow::Result<AppState> {
        let reference = ateneu_db::reference::read(&db).await?;
        let demo = ateneu_db::settings::get(&db.conn, ateneu_db::settings::DEMO)
            .await?
            .is_some();
        let i18n = i18n::I18n::load().map_err(anyhow::Error::msg)?;
        let mailer = mail::Mailer::from_config(&config).map_err(anyhow::Error::msg)?;
        let search = practices::index::SearchIndex::open(&config.search_index)?;
        let signing_key = security::SigningKey::load(&db).await?;
        let state = AppState {
            db,
            config: Arc::new(config),
            i18n: Arc::new(i18n),
            reference: Arc::new(reference),
            demo: Arc::new(AtomicBool::new(demo)),
            mailer,
            page_cache: Arc::new(page_cache::PageCache::default()),
            frameworks: Arc::new(frameworks::FrameworkCache::default()),
            results: Arc::new(assessments::results::ResultsCache::default()),
            search: Arc::new(search),
            signing_key: Arc::new(signing_key),
        };
        practices::search::refresh_labels(&state)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        Ok(state)
    }

    /// Whether this instance holds example content (shown on every page).
    pub fn has_demo_content(&self) -> bool {
        self.demo.load(Ordering::Relaxed)
    }

    pub fn set_demo_content(&self) {
        self.demo.store(true, Ordering::Relaxed);
    }
}

#[derive(Clone, Default)]
struct MakeId;

impl MakeRequestId for MakeId {
    fn make_request_id<B>(&mut self, _request: &Request<B>) -> Option<RequestId> {
        let id = security::new_token();
        axum::http::HeaderValue::from_str(&id[..16])
            .ok()
            .map(RequestId::new)
    }
}

/// The pages of one language (mounted under `/en`, `/fr` and `/es`).
fn pages() -> routing::Routes {
    routing::Routes::new()
        .merge(home::routes())
        .merge(cities::routes())
        .merge(memberships::routes())
        .merge(registry_files::routes())
        .merge(accounts::routes())
        .merge(admin::routes())
        .merge(frameworks::routes())
        .merge(assessments::routes())
        .merge(practices::routes())
        .merge(notifications::routes())
}

/// Addresses typed with a trailing slash (`/fr/`, `/fr/cities/`) lead to the page without it;
/// anything else unknown is not found.
async fn without_trailing_slash(method: Method, uri: Uri) -> Response {
    let path = uri.path();
    if (method == Method::GET || method == Method::HEAD) && path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let target = match uri.query() {
            Some(query) => format!("/{}?{query}", trimmed.trim_start_matches('/')),
            None => format!("/{}", trimmed.trim_start_matches('/')),
        };
        return Redirect::permanent(&target).into_response();
    }
    error::AppError::NotFound.into_response()
}

/// The routes outside the pages of a language: feeds, static files, media and the API.
fn root_routes() -> routing::Routes {
    routing::Routes::new()
        .merge(home::root_routes())
        .merge(static_files::routes())
        .merge(practices::media::root_routes())
        .nest("/api/v1", api::routes())
}

/// Every path the platform answers, the pages of a language under `/{lang}`: what the access
/// table and the API document are checked against.
pub fn route_paths() -> Vec<String> {
    root_routes().nest("/{lang}", pages()).paths().to_vec()
}

/// The whole application, ready to serve.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let mut router = root_routes();
    for lang in Lang::ALL {
        router = router.nest(&format!("/{}", lang.code()), pages());
    }
    router
        .into_router()
        .fallback(without_trailing_slash)
        .layer(from_fn_with_state(state.clone(), page_cache::serve_cached))
        .layer(from_fn_with_state(state.clone(), security::csrf_guard))
        .layer(from_fn_with_state(state.clone(), error::render_errors))
        .layer(from_fn_with_state(state.clone(), security::headers))
        // Pages and JSON gzipped for browsers that ask (event streams and files already
        // compressed are left alone).
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
            let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
        }))
        .layer(SetRequestIdLayer::new(request_id, MakeId))
        .with_state(state)
}

/// Serves on a bound listener until `shutdown` completes, finishing requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
