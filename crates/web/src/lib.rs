//! Ateneu's web layer: the state handlers share, the router of every feature (HTML pages under
//! `/{lang}/…` and the JSON API under `/api/v1`), and the middleware stack. The use cases are
//! `ateneu_app`'s.

#![recursion_limit = "256"]

pub mod accounts;
pub mod admin;
pub mod api;
pub mod assessments;
pub mod banners;
pub mod cities;
pub mod error;
pub mod events;
pub mod extract;
pub mod frameworks;
pub mod home;
pub mod indicators;
pub mod layout;
pub mod memberships;
pub mod module_tests;
pub mod negotiate;
pub mod newsletter;
pub mod notifications;
pub mod openapi;
pub mod page_cache;
pub mod pdf;
pub mod policy_design;
pub mod practices;
pub mod programmes;
pub mod registry_files;
pub mod routing;
pub mod security;
pub mod seven_keys;
pub mod showcase;
pub mod showcase_api;
pub mod social;
pub mod static_files;
pub mod timing;
pub mod viewer;
pub mod workshop_packages;

use ateneu_app::Context;
use ateneu_app::Db;
use ateneu_domain::Lang;
use axum::Router;
use axum::http::{HeaderName, Method, Request, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::Arc;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;

pub use ateneu_app::{Config, IndexPlace};

/// What every handler shares: the use cases' context and what only a server keeps (the cache
/// of rendered pages). Cloned for every middleware a request goes through, so it holds the
/// context behind one `Arc`: a clone is two counts, not one per field of the context.
#[derive(Clone)]
pub struct AppState {
    context: Arc<Context>,
    pub page_cache: Arc<page_cache::PageCache>,
}

impl AppState {
    /// Loads what the handlers need from a migrated database with its reference data.
    pub async fn new(db: Db, config: Config) -> anyhow::Result<AppState> {
        Ok(AppState::serving(Context::new(db, config).await?))
    }

    /// A server over a context the command line has already loaded.
    pub fn serving(context: Context) -> AppState {
        AppState {
            context: Arc::new(context),
            page_cache: Arc::new(page_cache::PageCache::default()),
        }
    }

    pub fn context(&self) -> &Context {
        &self.context
    }
}

impl std::ops::Deref for AppState {
    type Target = Context;

    fn deref(&self) -> &Context {
        &self.context
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
        .merge(indicators::routes())
        .merge(seven_keys::routes())
        .merge(policy_design::routes())
        .merge(module_tests::routes())
        .merge(newsletter::routes())
        .merge(banners::routes())
        .merge(showcase_api::routes())
        .merge(assessments::routes())
        .merge(workshop_packages::routes())
        .merge(practices::routes())
        .merge(programmes::routes())
        .merge(events::routes())
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
        .merge(programmes::root_routes())
        .nest("/api/v1", api::routes())
}

/// Every path the platform answers, the pages of a language under `/{lang}`: what the access
/// table and the API document are checked against.
pub fn route_paths() -> Vec<String> {
    root_routes().nest("/{lang}", pages()).paths().to_vec()
}

/// The operations the handlers document (`#[utoipa::path]`), at their full paths: what the
/// OpenAPI document is made of.
pub(crate) fn documented_operations() -> utoipa::openapi::path::Paths {
    root_routes().nest("/{lang}", pages()).operations().clone()
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
        .layer(from_fn_with_state(state.clone(), timing::server_timing))
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
    // One router for every connection (an `Arc` clone each): served as a `Router`, axum rebuilt
    // all the routes of every language for each new connection (`with_state(())`), several
    // milliseconds of copying per connection, most of a short request's time without keep-alive.
    axum::serve(listener, router(state).into_make_service())
        .with_graceful_shutdown(shutdown)
        .await
}
