//! The router's table of contents: every feature declares its routes through [`Routes`], which
//! builds the axum router and records each path, so that tests can hold every route of the
//! platform to the access table and the API document (a route cannot be added unseen).

use crate::AppState;
use axum::Router;
use axum::handler::Handler;
use axum::routing::MethodRouter;

/// Routes being declared: the router, and the paths it answers (path templates as axum reads
/// them, `{id}` for a parameter).
#[derive(Default)]
pub struct Routes {
    router: Router<AppState>,
    paths: Vec<String>,
}

impl Routes {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the methods of `method_router` at `path`.
    pub fn route(self, path: &str, method_router: MethodRouter<AppState>) -> Self {
        let mut paths = self.paths;
        if !paths.iter().any(|p| p == path) {
            paths.push(path.to_owned());
        }
        Routes {
            router: self.router.route(path, method_router),
            paths,
        }
    }

    /// Adds every route of `other`.
    pub fn merge(self, other: Routes) -> Self {
        let mut paths = self.paths;
        for path in other.paths {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
        Routes {
            router: self.router.merge(other.router),
            paths,
        }
    }

    /// Adds every route of `other` under `prefix` (`/api/v1`).
    pub fn nest(self, prefix: &str, other: Routes) -> Self {
        let mut paths = self.paths;
        paths.extend(other.paths.iter().map(|p| join(prefix, p)));
        Routes {
            router: self.router.nest(prefix, other.router),
            paths,
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
            paths: self.paths,
        }
    }

    /// Bodies up to `bytes` on these routes (files), instead of axum's 2 MB.
    pub fn body_limit(self, bytes: usize) -> Self {
        Routes {
            router: self
                .router
                .layer(axum::extract::DefaultBodyLimit::max(bytes)),
            paths: self.paths,
        }
    }

    /// The paths declared, in the order they were.
    pub fn paths(&self) -> &[String] {
        &self.paths
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
