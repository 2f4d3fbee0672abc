//! The facilitator's live dashboard: responses received, per-item mean, median, spread and
//! count, the items participants disagree on most, and the sector breakdown. Server-sent
//! events tell the page when to reload its content; without JavaScript it refreshes itself.

use super::results::{Computed, computed, fmt};
use super::{Loaded, Need, load_for};
use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::layout;
use crate::viewer::Viewer;
use ateneu_domain::ids::AssessmentId;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use maud::{Markup, html};
use std::convert::Infallible;
use std::time::Duration;

/// How often the event stream looks for a change (the dashboard shows a submission within a
/// second, in whichever server process it arrived).
pub const POLL: Duration = Duration::from_millis(250);

pub fn content(v: &Viewer, loaded: &Loaded, computed: &Computed) -> Markup {
    let results = &computed.results;
    html! {
        div.stats {
            div.stat { span.value { (results.responses) } span.label { (v.t("dashboard-submitted")) } }
            div.stat { span.value { (computed.drafts) } span.label { (v.t("dashboard-drafts")) } }
            div.stat { span.value { (computed.invitations) } span.label { (v.t("dashboard-invitations")) } }
        }
        h2 { (v.t("dashboard-disagreements")) }
        @if results.disagreements.is_empty() { p.muted { (v.t("none")) } }
        @else {
            ol { @for d in &results.disagreements {
                li { (loaded.item_text(&d.key, v.lang)) " — " (v.tf("dashboard-disagreement", &[("spread", ateneu_app::i18n::decimal(v.lang, d.spread, 2).into()), ("count", d.count.into())])) }
            } }
        }
        h2 { (v.t("dashboard-sectors")) }
        div.table-wrap tabindex="0" { table.data {
            thead { tr { th { (v.t("sector")) } th.num { (v.t("responses")) } th.num { (v.t("mean")) } } }
            tbody { @for s in &results.sectors {
                tr { td { (v.t(&format!("sector-{}", s.sector.key()))) } td.num { (s.responses) } td.num { (fmt(v.lang, s.mean)) } }
            } }
        } }
        h2 { (v.t("dashboard-items")) }
        div.table-wrap tabindex="0" { table.data {
            thead { tr {
                th { (v.t("item")) } th.num { (v.t("count")) } th.num { (v.t("mean")) } th.num { (v.t("median")) }
                th.num { (v.t("spread")) } th.num { (v.t("not-applicable")) }
            } }
            tbody { @for item in &results.items {
                tr {
                    td { (loaded.item_text(&item.key, v.lang)) }
                    td.num { (item.count) } td.num { (fmt(v.lang, item.mean)) } td.num { (fmt(v.lang, item.median)) }
                    td.num { (fmt(v.lang, item.spread)) } td.num { (item.not_applicable) }
                }
            } }
        } }
    }
}

pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Markup, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let computed = computed(&state, &loaded).await?;
    let title = v.tf(
        "dashboard-title",
        &[("title", loaded.assessment.title.clone().into())],
    );
    let body = html! {
        noscript { meta http-equiv="refresh" content="15"; }
        h1 { (title) }
        p { a href=(v.href(&format!("/assessments/{id}"))) { (v.t("back")) } " · " span.muted { (v.t("dashboard-live")) } }
        div #live aria-live="polite"
            data-events=(v.href(&format!("/assessments/{id}/events")))
            data-fragment=(v.href(&format!("/assessments/{id}/dashboard/live"))) {
            (content(&v, &loaded, &computed))
        }
        script src="/static/live.js" defer {}
    };
    Ok(layout::page(&state, &v, &title, body))
}

/// The dashboard's content alone, fetched when the event stream says something changed.
pub async fn fragment(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Markup, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let computed = computed(&state, &loaded).await?;
    Ok(content(&v, &loaded, &computed))
}

/// Server-sent events: an `update` event whenever the assessment's revision changes.
pub async fn events(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let start = loaded.assessment.revision;
    let stream = stream::unfold((state, start), move |(state, seen)| async move {
        let mut ticker = tokio::time::interval(POLL);
        loop {
            ticker.tick().await;
            match ateneu_app::assessments::workshop::revision(&state, id).await {
                Ok(Some(revision)) if revision != seen => {
                    let event = Event::default().event("update").data(revision.to_string());
                    return Some((Ok(event), (state, revision)));
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => return None,
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
