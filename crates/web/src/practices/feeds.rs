//! Published practices going out: the Atom feed of the newest, and the open-data exports (CSV,
//! JSON, JSON Lines) streamed a page at a time, with the codebook generated from the columns.

use crate::AppState;
use crate::error::AppError;
use crate::viewer::Viewer;
use ateneu_app::practices::Practice;
use ateneu_domain::Lang;
use ateneu_domain::csv_format::CsvWriter;
use ateneu_domain::practices::TextField;
use ateneu_domain::practices::open_data::{self, Exported};
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::{StreamExt, stream};
use maud::{PreEscaped, html};
use serde_json::json;

const PAGE: u64 = 500;
const FEED_SIZE: u64 = 50;

fn base(state: &AppState) -> String {
    state.config.base_url.trim_end_matches('/').to_owned()
}

fn exported<'a>(state: &'a AppState, practice: &'a Practice) -> Exported<'a> {
    Exported {
        id: practice.id,
        slug: &practice.slug,
        url: format!("{}/en/practices/{}", base(state), practice.slug),
        site: state.config.base_url.trim_end_matches('/'),
        external_id: practice.external_id.as_deref(),
        cities: practice
            .cities
            .iter()
            .map(|c| {
                (
                    c.name.source_text().to_owned(),
                    c.country.code().to_owned(),
                    c.region.clone(),
                )
            })
            .collect(),
        published_at: practice.published_at.map(|d| d.to_rfc3339()),
        record: &practice.record,
    }
}

/// Streams published practices, each page turned into bytes by `render`.
fn streamed(
    state: AppState,
    head: Vec<u8>,
    tail: Vec<u8>,
    render: fn(&AppState, &[Practice], bool) -> Vec<u8>,
) -> Body {
    enum Step {
        Head,
        Page(i64, bool),
        Tail,
        Done,
    }
    let stream = stream::unfold(
        (state, Step::Head, head, tail),
        move |(state, step, head, tail)| async move {
            match step {
                Step::Head => Some((Ok(head.clone()), (state, Step::Page(0, true), head, tail))),
                Step::Page(after, first) => {
                    match ateneu_app::practices::published_after(&state, after, PAGE).await {
                        Ok(page) if page.is_empty() => {
                            Some((Ok(Vec::new()), (state, Step::Tail, head, tail)))
                        }
                        Ok(page) => {
                            let last = page.last().map_or(after, |p| p.id.get());
                            let bytes = render(&state, &page, first);
                            Some((Ok(bytes), (state, Step::Page(last, false), head, tail)))
                        }
                        Err(error) => Some((
                            Err(std::io::Error::other(error.to_string())),
                            (state, Step::Done, head, tail),
                        )),
                    }
                }
                Step::Tail => Some((Ok(tail.clone()), (state, Step::Done, head, tail))),
                Step::Done => None,
            }
        },
    );
    // Fused: the gzip layer polls the body once more after its end, and an unfold polled
    // then panics, which cut the download short for every client asking for gzip.
    Body::from_stream(stream.fuse())
}

fn csv_page(state: &AppState, page: &[Practice], _first: bool) -> Vec<u8> {
    let mut writer = CsvWriter::new();
    for practice in page {
        // Writing to memory cannot fail but for a bug: a row is then left out, not the file.
        let _ = writer.row(&open_data::row(&exported(state, practice)));
    }
    writer.finish().unwrap_or_default()
}

fn json_page(state: &AppState, page: &[Practice], first: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, practice) in page.iter().enumerate() {
        if !(first && i == 0) {
            out.push(b',');
        }
        out.push(b'\n');
        let _ = serde_json::to_writer(&mut out, &open_data::json(&exported(state, practice)));
    }
    out
}

fn jsonl_page(state: &AppState, page: &[Practice], _first: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for practice in page {
        let _ = serde_json::to_writer(&mut out, &open_data::json(&exported(state, practice)));
        out.push(b'\n');
    }
    out
}

fn attachment(content_type: &str, name: &str, body: Body) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[utoipa::path(
    get,
    path = "/practices/export.csv",
    tag = "practices",
    summary = "Every published practice as CSV (columns in the codebook)",
    responses((status = 200, description = "Done")),
)]
pub async fn export_csv(State(state): State<AppState>) -> Response {
    let mut header_row = CsvWriter::new();
    let names: Vec<String> = open_data::columns().into_iter().map(|c| c.name).collect();
    let _ = header_row.row(&names);
    let head = header_row.finish().unwrap_or_default();
    attachment(
        "text/csv; charset=utf-8",
        "practices.csv",
        streamed(state, head, Vec::new(), csv_page),
    )
}

#[utoipa::path(
    get,
    path = "/practices/export.json",
    tag = "practices",
    summary = "Every published practice as a JSON array in the import format",
    responses((status = 200, description = "Done")),
)]
pub async fn export_json(State(state): State<AppState>) -> Response {
    attachment(
        "application/json",
        "practices.json",
        streamed(state, b"[".to_vec(), b"\n]\n".to_vec(), json_page),
    )
}

#[utoipa::path(
    get,
    path = "/practices/export.jsonl",
    tag = "practices",
    summary = "Every published practice as JSON Lines in the import format (imports back)",
    responses((status = 200, description = "Done")),
)]
pub async fn export_jsonl(State(state): State<AppState>) -> Response {
    attachment(
        "application/x-ndjson",
        "practices.jsonl",
        streamed(state, Vec::new(), Vec::new(), jsonl_page),
    )
}

/// The codebook: every column of the CSV with its type and meaning.
#[utoipa::path(
    get,
    path = "/practices/codebook",
    tag = "practices",
    summary = "The codebook of the CSV export: each column's name, type and meaning",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Codebook"))),
)]
pub async fn codebook_json() -> Response {
    axum::Json(json!({
        "title": "Ateneu good practices: open data codebook",
        "format": "CSV, UTF-8, comma-separated, RFC 4180 quoting; one row per published practice",
        "formulas": ateneu_domain::csv_format::GUARD_NOTE,
        "columns": open_data::columns(),
    }))
    .into_response()
}

/// The Atom feed of the newest published practices, in the reader's language where it exists.
#[utoipa::path(
    get,
    path = "/practices/feed.atom",
    tag = "practices",
    summary = "Atom feed of the newest published practices, in the reader's language where it exists",
    responses((status = 200, description = "Done")),
)]
pub async fn atom(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let practices = ateneu_app::practices::published(&state, None, false, FEED_SIZE).await?;
    let lang: Lang = v.lang;
    let base = base(&state);
    let updated = practices
        .iter()
        .filter_map(|p| p.published_at)
        .max()
        .unwrap_or_else(chrono::Utc::now);
    let feed = html! {
        (PreEscaped("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
        feed xmlns="http://www.w3.org/2005/Atom" xml:lang=(lang.code()) {
            title { (v.t("practices-feed-title")) }
            id { (format!("{base}/{}/practices/feed.atom", lang.code())) }
            link rel="self" href=(format!("{base}/{}/practices/feed.atom", lang.code())) {}
            link rel="alternate" type="text/html" href=(format!("{base}/{}/practices", lang.code())) {}
            updated { (updated.to_rfc3339()) }
            @for practice in &practices {
                @let title = practice.record.text(TextField::Title).map(|t| t.show(lang));
                @let summary = practice.record.text(TextField::Summary).map(|t| t.show(lang));
                entry {
                    title xml:lang=(title.map_or(lang, |t| t.lang).code()) {
                        (title.map_or("", |t| t.text))
                    }
                    id { (format!("{base}/practices/{}", practice.id)) }
                    link rel="alternate" type="text/html" href=(format!("{base}/{}/practices/{}", lang.code(), practice.slug)) {}
                    published { (practice.published_at.unwrap_or(practice.created_at).to_rfc3339()) }
                    updated { (practice.updated_at.to_rfc3339()) }
                    author { name { (practice.cities.iter().map(|c| c.name.show(lang).text).collect::<Vec<_>>().join(", ")) } }
                    @for city in &practice.cities {
                        category term=(city.country.code()) label=(city.country.name(lang)) {}
                    }
                    @if let Some(summary) = summary {
                        summary type="text" xml:lang=(summary.lang.code()) {
                            (ateneu_domain::practices::markdown::plain_text(summary.text))
                        }
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
