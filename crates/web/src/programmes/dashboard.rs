//! The programme dashboard on the web: the secretariat's view of every programme, and a city's
//! editors' view of their own — programmes and their status, those ending soon, this quarter's
//! activities, outputs waiting for translation or dissemination, budget per city and funder in
//! each currency, availability requests without an answer and open inquiries — and the same in the JSON API. The use case is
//! `ateneu_app::programmes::dashboard`.

use super::activities::{name as activity_name, status_label as activity_status};
use super::budget::money;
use super::pages::status_label;
use crate::AppState;
use crate::error::AppError;
use crate::layout;
use crate::viewer::Viewer;
use ateneu_app::programmes::dashboard::{self as cases, Dashboard};
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

fn page(state: &AppState, v: &Viewer, d: &Dashboard) -> Markup {
    let title = v.t("programme-dashboard-title");
    let city = |slug: &str| {
        d.programmes
            .iter()
            .find(|l| l.item.city_slug == slug)
            .map(|l| l.item.city_name.show(v.lang).text.to_owned())
            .unwrap_or_else(|| slug.to_owned())
    };
    let ending: Vec<_> = d.programmes.iter().filter(|l| l.ends_soon).collect();
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("programme-dashboard-lead")) }
        section #programmes {
            h2 { (v.t("programmes-title")) " (" (d.programmes.len()) ")" }
            @if d.programmes.is_empty() { p.muted { (v.t("programmes-none")) } } @else {
                div.table-wrap { table.data {
                    thead { tr { th { (v.t("programme-city")) } th { (v.t("programme-period")) } th { (v.t("programme-status")) } } }
                    tbody { @for line in &d.programmes { @let p = &line.item.programme; tr {
                        td { a href=(v.href(&format!("/programmes/{}", p.id))) { (line.item.city_name.show(v.lang).text) } }
                        td { (p.draft.period.starts_on) " – " (p.draft.period.ends_on)
                            @if line.ends_soon { " " span.badge { (v.t("programme-dashboard-ends-soon")) } } }
                        td { (status_label(v, p.draft.status)) }
                    } } }
                } }
            }
        }
        section #ending {
            h2 { (v.t("programme-dashboard-ending")) }
            @if ending.is_empty() { p.muted { (v.t("programme-dashboard-ending-none")) } } @else {
                ul { @for line in &ending { li {
                    a href=(v.href(&format!("/programmes/{}", line.item.programme.id))) { (line.item.city_name.show(v.lang).text) }
                    " · " (line.item.programme.draft.period.ends_on)
                } } }
            }
        }
        section #quarter {
            h2 { (v.t("programme-dashboard-quarter")) " (" (d.quarter.0) " – " (d.quarter.1) ")" }
            @if d.activities.is_empty() { p.muted { (v.t("programme-dashboard-quarter-none")) } } @else {
                div.table-wrap { table.data {
                    thead { tr { th { (v.t("programme-city")) } th { (v.t("budget-activity")) } th { (v.t("programme-period")) } th { (v.t("programme-status")) } } }
                    tbody { @for a in &d.activities { tr {
                        td { (city(&a.city_slug)) }
                        td { a href=(v.href(&format!("/programmes/{}/activities/{}", a.activity.programme_id, a.activity.id))) { (activity_name(v, &a.activity)) } }
                        td { (a.activity.draft.starts_on) " – " (a.activity.draft.ends_on) }
                        td { (activity_status(v, a.activity.draft.status)) }
                    } } }
                } }
            }
        }
        section #outputs {
            h2 { (v.t("translations-title")) " (" (d.waiting_for_translation) ")" }
            @if d.translations.is_empty() { p.muted { (v.t("translations-none")) } } @else {
                ul { @for w in &d.translations { li {
                    a href=(v.href(&format!("/outputs/{}#versions", w.output.id))) { (w.output.title) }
                    " · " (v.language(w.version.draft.lang))
                } } }
                p { a href=(v.href("/outputs/translations")) { (v.t("programme-dashboard-all-translations")) } }
            }
            h2 { (v.t("programme-dashboard-to-disseminate")) " (" (d.undisseminated) ")" }
            @if d.to_disseminate.is_empty() { p.muted { (v.t("programme-dashboard-to-disseminate-none")) } } @else {
                ul { @for o in &d.to_disseminate { li {
                    a href=(v.href(&format!("/outputs/{}#disseminations", o.id))) { (o.title) }
                } } }
            }
        }
        section #requests {
            h2 { (v.t("programme-dashboard-requests")) " (" (d.unanswered_requests.len()) ")" }
            @if d.unanswered_requests.is_empty() { p.muted { (v.t("programme-dashboard-requests-none")) } } @else {
                ul { @for r in &d.unanswered_requests { li {
                    a href=(v.href(&format!("/events/{}", r.event.id))) { (r.event.draft.title.show(v.lang).text) }
                    " · " (r.city.draft.name.show(v.lang).text)
                    " · " (v.t("programme-dashboard-deadline")) " " (r.request.deadline)
                } } }
            }
            h2 { (v.t("programme-dashboard-inquiries")) " (" (d.open_inquiries.len()) ")" }
            @if d.open_inquiries.is_empty() { p.muted { (v.t("programme-dashboard-inquiries-none")) } } @else {
                ul { @for i in &d.open_inquiries { li {
                    a href=(v.href(&format!("/programmes/{}/inquiries", i.programme_id))) { (i.subject) }
                    " · " (i.asked_at.format("%Y-%m-%d"))
                } } }
            }
        }
        section #budget {
            h2 { (v.t("programme-dashboard-budget-city")) }
            @if d.by_city.is_empty() { p.muted { (v.t("budget-none")) } } @else {
                div.table-wrap { table.data {
                    thead { tr { th { (v.t("programme-city")) } th { (v.t("budget-planned")) } th { (v.t("budget-committed")) } th { (v.t("budget-spent")) } } }
                    tbody { @for b in &d.by_city { tr {
                        td { (city(&b.city_slug)) }
                        td.num { (money(&b.currency, b.amounts.planned)) }
                        td.num { (money(&b.currency, b.amounts.committed)) }
                        td.num { (money(&b.currency, b.amounts.spent)) }
                    } } }
                } }
                h2 { (v.t("programme-dashboard-budget-funder")) }
                div.table-wrap { table.data {
                    thead { tr { th { (v.t("budget-funder")) } th { (v.t("budget-planned")) } th { (v.t("budget-committed")) } th { (v.t("budget-spent")) } } }
                    tbody { @for b in &d.by_funder { tr {
                        td { (b.funder) }
                        td.num { (money(&b.currency, b.amounts.planned)) }
                        td.num { (money(&b.currency, b.amounts.committed)) }
                        td.num { (money(&b.currency, b.amounts.spent)) }
                    } } }
                } }
            }
        }
    };
    layout::page(state, v, &title, body)
}

/// `GET /{lang}/programmes/dashboard`.
pub async fn detail(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let dashboard = cases::dashboard(&state, &v.acting()).await?;
    Ok(page(&state, &v, &dashboard).into_response())
}

/// `GET /api/v1/programmes/dashboard`.
pub async fn detail_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    Ok(Json(cases::dashboard(&state, &v.acting()).await?).into_response())
}
