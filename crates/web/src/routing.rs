//! The router's table of contents: every feature declares its routes through [`Routes`], which
//! builds the axum router and records each path, so that tests can hold every route of the
//! platform to the access table (a route cannot be added unseen); the API's operations are
//! declared by their handlers (`#[utoipa::path]`) and routed from that one declaration
//! ([`Routes::documented`]), which is what the OpenAPI document is made of.

use crate::AppState;
use axum::Router;
use axum::handler::Handler;
use axum::routing::MethodRouter;
use utoipa::openapi::path::Paths;
use utoipa_axum::router::UtoipaMethodRouter;

/// Routes being declared: the router, and the paths it answers (path templates as axum reads
/// them, `{id}` for a parameter).
#[derive(Default)]
pub struct Routes {
    router: Router<AppState>,
    paths: Vec<String>,
    /// The operations documented by their handlers, at their full paths.
    operations: Paths,
}

impl Routes {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the methods of `method_router` at `path` (a page, or a route the API document does
    /// not describe).
    pub fn route(self, path: &str, method_router: MethodRouter<AppState>) -> Self {
        let mut paths = self.paths;
        if !paths.iter().any(|p| p == path) {
            paths.push(path.to_owned());
        }
        Routes {
            router: self.router.route(path, method_router),
            paths,
            operations: self.operations,
        }
    }

    /// Adds operations that document themselves: `utoipa_axum::routes!(a, b)` of handlers with
    /// `#[utoipa::path]`, whose declaration gives both the route (path and methods) and its
    /// entry in the API document.
    pub fn documented(self, operations: UtoipaMethodRouter<AppState>) -> Self {
        let (_, documented, method_router) = operations;
        let mut routes = self;
        for path in documented.paths.keys() {
            routes = routes.route(path, method_router.clone());
        }
        routes.operations.merge(documented);
        routes
    }

    /// [`Routes::documented`] for operations that take bodies up to `bytes` (files) instead of
    /// axum's 2 MB.
    pub fn documented_with_limit(
        self,
        (schemas, documented, method_router): UtoipaMethodRouter<AppState>,
        bytes: usize,
    ) -> Self {
        let limited = method_router.layer(axum::extract::DefaultBodyLimit::max(bytes));
        self.documented((schemas, documented, limited))
    }

    /// Adds every route of `other`.
    pub fn merge(self, other: Routes) -> Self {
        let mut paths = self.paths;
        for path in other.paths {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
        let mut operations = self.operations;
        operations.merge(other.operations);
        Routes {
            router: self.router.merge(other.router),
            paths,
            operations,
        }
    }

    /// Adds every route of `other` under `prefix` (`/api/v1`).
    pub fn nest(self, prefix: &str, other: Routes) -> Self {
        let mut paths = self.paths;
        paths.extend(other.paths.iter().map(|p| join(prefix, p)));
        let mut operations = self.operations;
        for (path, item) in other.operations.paths {
            let mut nested = Paths::new();
            nested.paths.insert(join(prefix, &path), item);
            operations.merge(nested);
        }
        Routes {
            router: self.router.nest(prefix, other.router),
            paths,
            operations,
        }
    }

    /// What answers a path under these routes that none of them matches.
    pub fn fallback<H, T>(self, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        Routes {
            router: self.router.fallback(handler),
            ..self
        }
    }

    /// Bodies up to `bytes` on these routes (files), instead of axum's 2 MB.
    pub fn body_limit(self, bytes: usize) -> Self {
        Routes {
            router: self
                .router
                .layer(axum::extract::DefaultBodyLimit::max(bytes)),
            ..self
        }
    }

    /// The paths declared, in the order they were.
    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    /// The operations the handlers document, at their full paths (`/api/v1/cities`).
    pub fn operations(&self) -> &Paths {
        &self.operations
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

fn join(prefix: &str, path: &str) -> String {
    if path == "/" {
        prefix.to_owned()
    } else {
        format!("{prefix}{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;

    #[test]
    fn nested_and_merged_routes_keep_their_full_paths_once() {
        let api = Routes::new()
            .route("/cities", get(|| async { "" }))
            .route("/cities", axum::routing::post(|| async { "" }));
        let pages = Routes::new().route("/", get(|| async { "" }));
        let all = Routes::new()
            .route("/static/{file}", get(|| async { "" }))
            .nest("/api/v1", api)
            .nest("/{lang}", pages.merge(Routes::new()));
        assert_eq!(all.paths(), ["/static/{file}", "/api/v1/cities", "/{lang}"]);
    }
}
