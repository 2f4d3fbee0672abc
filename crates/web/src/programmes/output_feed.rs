//! The Atom feed of the newest public outputs (a programme's articles, reports and other
//! results, and the Lab's public reports), in the reader's language for its labels. Only public
//! outputs go in it, whoever asks: a feed is read by whoever has its address. The use case is
//! `ateneu_app::programmes::outputs::public_feed`.

use super::outputs::kind_label;
use crate::AppState;
use crate::error::AppError;
use crate::viewer::Viewer;
use ateneu_app::programmes::outputs as cases;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{PreEscaped, html};

/// `GET /{lang}/outputs/feed.atom`.
pub async fn atom(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let outputs = cases::public_feed(&state).await?;
    let lang = v.lang.code();
    let base = state.config.base_url.trim_end_matches('/').to_owned();
    let updated = outputs
        .iter()
        .map(|(o, _)| o.updated_at)
        .max()
        .unwrap_or_else(chrono::Utc::now);
    let feed = html! {
        (PreEscaped("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
        feed xmlns="http://www.w3.org/2005/Atom" xml:lang=(lang) {
            title { (v.t("outputs-feed-title")) }
            id { (format!("{base}/{lang}/outputs/feed.atom")) }
            link rel="self" href=(format!("{base}/{lang}/outputs/feed.atom")) {}
            updated { (updated.to_rfc3339()) }
            @for (output, city) in &outputs {
                entry {
                    title { (output.title) }
                    id { (format!("{base}/outputs/{}", output.id)) }
                    link rel="alternate" type="text/html" href=(format!("{base}/{lang}/outputs/{}", output.id)) {}
                    updated { (output.updated_at.to_rfc3339()) }
                    author { name { (city.draft.name.show(v.lang).text) } }
                    category term=(output.kind) label=(kind_label(&v, &output.kind)) {}
                    @if !output.summary.is_empty() {
                        summary type="text" { (output.summary) }
                    }
                }
            }
        }
    };
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.into_string(),
    )
        .into_response())
}
