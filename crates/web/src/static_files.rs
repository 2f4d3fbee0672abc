//! Static assets compiled into the binary (stylesheet, vendored htmx): nothing from a CDN.
//! Each is gzipped once, at its first request, and sent so to browsers that accept it.

use crate::extract::Path;
use crate::routing::Routes;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const FILES: &[(&str, &str, &[u8])] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/app.css"),
    ),
    (
        "htmx.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/htmx.min.js"),
    ),
    (
        "live.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/live.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../static/favicon.svg"),
    ),
];

pub fn routes() -> Routes {
    Routes::new().route("/static/{file}", get(serve)).route(
        "/favicon.ico",
        get(|headers: axum::http::HeaderMap| serve(Path("favicon.svg".to_owned()), headers)),
    )
}

/// Each file gzipped, by its place in `FILES` (made at the first request for any).
fn gzipped() -> &'static [Vec<u8>] {
    static GZIPPED: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    GZIPPED.get_or_init(|| {
        FILES
            .iter()
            .map(|(_, _, bytes)| {
                use std::io::Write;
                let mut encoder =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                // Writing to memory cannot fail.
                let _ = encoder.write_all(bytes);
                encoder.finish().unwrap_or_default()
            })
            .collect()
    })
}

/// Whether the request accepts gzip.
fn accepts_gzip(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            (name == "gzip" || name == "*") && !refused
        })
}

async fn serve(Path(file): Path<String>, headers: axum::http::HeaderMap) -> Response {
    let Some(index) = FILES.iter().position(|(name, ..)| *name == file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (_, mime, bytes) = FILES[index];
    let common = [
        (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        ),
        (header::VARY, HeaderValue::from_static("accept-encoding")),
    ];
    match gzipped()
        .get(index)
        .filter(|g| !g.is_empty() && accepts_gzip(&headers))
    {
        Some(gz) => (
            common,
            [(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"))],
            gz.clone(),
        )
            .into_response(),
        None => (common, bytes).into_response(),
    }
}
