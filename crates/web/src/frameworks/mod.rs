//! Frameworks on the web: the pages and the JSON API over `ateneu_app::frameworks` (list, read
//! a version, import a file, compare two versions). Benchmark sets, entered or computed, are
//! `ateneu_app::frameworks::benchmarks`, their pages `benchmark_pages`.

pub mod api;
mod benchmark_pages;
mod pages;

pub use ateneu_app::frameworks::benchmarks::{
    BenchmarkInput, ComputeInput, ComputedSet, benchmarks, computable_networks, compute_benchmark,
    save_benchmark,
};

use crate::routing::Routes;
use axum::routing::{get, post};

/// The largest framework file accepted.
pub const MAX_FILE: usize = 4 * 1024 * 1024;

pub fn routes() -> Routes {
    Routes::new()
        .route("/frameworks", get(pages::list))
        .route(
            "/frameworks/import",
            get(pages::import_page).post(pages::import_upload),
        )
        .route("/frameworks/{id}", get(pages::detail))
        .route("/frameworks/{id}/export", get(pages::export))
        .route("/frameworks/{id}/diff", get(pages::diff_page))
        .route(
            "/frameworks/{id}/benchmarks",
            post(benchmark_pages::save_benchmark),
        )
        .route(
            "/frameworks/{id}/benchmarks/compute",
            post(benchmark_pages::compute),
        )
        .body_limit(MAX_FILE)
}

pub use ateneu_app::frameworks::{FrameworkCache, compare, import, lines, load, resolve};
