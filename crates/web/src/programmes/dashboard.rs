//! The programme dashboard on the web: the secretariat's view of every programme, and a city's
//! editors' view of their own — programmes by status and a page of them with their budget in
//! each currency, those ending soon, this quarter's activities, outputs waiting for translation
//! or dissemination, the budget per currency and per funder, availability requests without an
//! answer and open inquiries — and the same in the JSON API (`?page=` in both). The use case is
//! `ateneu_app::programmes::dashboard`.

use super::activities::{name as activity_name, status_label as activity_status};
use super::budget::money;
use super::pages::status_label;
use crate::AppState;
use crate::error::AppError;
use crate::extract::Query;
use crate::layout;
use crate::viewer::Viewer;
use ateneu_app::programmes::dashboard::{self as cases, Dashboard, Few, InCurrency};
use ateneu_domain::programmes::ProgrammeStatus;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

/// The dashboard's query: which page of programmes (from 1; past the last shows the last).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DashboardQuery {
    pub page: Option<usize>,
}

/// "50 of 1,900" under a list that shows only its first items.
fn shown<T>(v: &Viewer, few: &Few<T>) -> Markup {
    html! {
        @if (few.items.len() as u64) < few.total {
            p.muted { (v.tf("programme-dashboard-shown", &[("shown", few.items.len().into()), ("total", few.total.into())])) }
        }
    }
}

fn amounts(budget: &[InCurrency]) -> Markup {
    html! {
        @for (i, b) in budget.iter().enumerate() {
            @if i > 0 { br; }
            (money(&b.currency, b.amounts.planned)) " / " (money(&b.currency, b.amounts.committed)) " / " (money(&b.currency, b.amounts.spent))
        }
    }
}

fn page(state: &AppState, v: &Viewer, d: &Dashboard) -> Markup {
    let title = v.t("programme-dashboard-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("programme-dashboard-lead")) }
        section #programmes {
            h2 { (v.t("programmes-title")) " (" (d.total) ")" }
            @if d.total == 0 { p.muted { (v.t("programmes-none")) } } @else {
                ul.inline {
                    @for status in ProgrammeStatus::ALL {
                        li { (status_label(v, status)) " (" (d.by_status.get(status.key()).copied().unwrap_or(0)) ")" }
                    }
                }
                div.table-wrap tabindex="0" { table.data {
                    thead { tr {
                        th { (v.t("programme-city")) } th { (v.t("programme-period")) } th { (v.t("programme-status")) }
                        th.num { (v.t("programme-dashboard-quarter-count")) }
                        th.num { (v.t("programme-dashboard-budget-city")) }
                    } }
                    tbody { @for line in &d.programmes { @let p = &line.item.programme; tr {
                        td { a href=(v.href(&format!("/programmes/{}", p.id))) { (line.item.city_name.show(v.lang).text) } }
                        td { (p.draft.period.starts_on) " – " (p.draft.period.ends_on)
                            @if line.ends_soon { " " span.badge { (v.t("programme-dashboard-ends-soon")) } } }
                        td { (status_label(v, p.draft.status)) }
                        td.num { (line.activities_this_quarter) }
                        td.num { @if line.budget.is_empty() { "—" } @else { a href=(v.href(&format!("/programmes/{}/budget", p.id))) { (amounts(&line.budget)) } } }
                    } } }
                } }
                (layout::pagination(v, d.page as u64, d.pages as u64, |n| v.href(&format!("/programmes/dashboard?page={n}"))))
            }
        }
        section #ending {
            h2 { (v.t("programme-dashboard-ending")) " (" (d.ending.total) ")" }
            @if d.ending.items.is_empty() { p.muted { (v.t("programme-dashboard-ending-none")) } } @else {
                ul { @for e in &d.ending.items { li {
                    a href=(v.href(&format!("/programmes/{}", e.programme_id))) { (e.city_name.show(v.lang).text) }
                    " · " (e.ends_on)
                } } }
                (shown(v, &d.ending))
            }
        }
        section #quarter {
            h2 { (v.t("programme-dashboard-quarter")) " (" (d.quarter.0) " – " (d.quarter.1) ") (" (d.activities.total) ")" }
            @if d.activities.items.is_empty() { p.muted { (v.t("programme-dashboard-quarter-none")) } } @else {
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th { (v.t("programme-city")) } th { (v.t("budget-activity")) } th { (v.t("programme-period")) } th { (v.t("programme-status")) } } }
                    tbody { @for a in &d.activities.items { tr {
                        td { (a.city_name.show(v.lang).text) }
                        td { a href=(v.href(&format!("/programmes/{}/activities/{}", a.activity.programme_id, a.activity.id))) { (activity_name(v, &a.activity)) } }
                        td { (a.activity.draft.starts_on) " – " (a.activity.draft.ends_on) }
                        td { (activity_status(v, a.activity.draft.status)) }
                    } } }
                } }
                (shown(v, &d.activities))
            }
        }
        section #outputs {
            h2 { (v.t("translations-title")) " (" (d.translations.total) ")" }
            @if d.translations.items.is_empty() { p.muted { (v.t("translations-none")) } } @else {
                ul { @for w in &d.translations.items { li {
                    a href=(v.href(&format!("/outputs/{}#versions", w.output.id))) { (w.output.title) }
                    " · " (v.language(w.version.draft.lang))
                } } }
                (shown(v, &d.translations))
                p { a href=(v.href("/outputs/translations")) { (v.t("programme-dashboard-all-translations")) } }
            }
            h2 { (v.t("programme-dashboard-to-disseminate")) " (" (d.to_disseminate.total) ")" }
            @if d.to_disseminate.items.is_empty() { p.muted { (v.t("programme-dashboard-to-disseminate-none")) } } @else {
                ul { @for o in &d.to_disseminate.items { li {
                    a href=(v.href(&format!("/outputs/{}#disseminations", o.id))) { (o.title) }
                } } }
                (shown(v, &d.to_disseminate))
            }
        }
        section #requests {
            h2 { (v.t("programme-dashboard-requests")) " (" (d.unanswered_requests.total) ")" }
            @if d.unanswered_requests.items.is_empty() { p.muted { (v.t("programme-dashboard-requests-none")) } } @else {
                ul { @for r in &d.unanswered_requests.items { li {
                    a href=(v.href(&format!("/events/{}", r.event.id))) { (r.event.draft.title.show(v.lang).text) }
                    " · " (r.city.draft.name.show(v.lang).text)
                    " · " (v.t("programme-dashboard-deadline")) " " (r.request.deadline)
                } } }
                (shown(v, &d.unanswered_requests))
            }
            h2 { (v.t("programme-dashboard-inquiries")) " (" (d.open_inquiries.total) ")" }
            @if d.open_inquiries.items.is_empty() { p.muted { (v.t("programme-dashboard-inquiries-none")) } } @else {
                ul { @for i in &d.open_inquiries.items { li {
                    a href=(v.href(&format!("/programmes/{}/inquiries", i.programme_id))) { (i.subject) }
                    " · " (i.asked_at.format("%Y-%m-%d"))
                } } }
                (shown(v, &d.open_inquiries))
            }
        }
        section #budget {
            h2 { (v.t("programme-dashboard-budget-currency")) }
            @if d.by_currency.is_empty() { p.muted { (v.t("budget-none")) } } @else {
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th { (v.t("budget-currency")) } th.num { (v.t("budget-planned")) } th.num { (v.t("budget-committed")) } th.num { (v.t("budget-spent")) } } }
                    tbody { @for b in &d.by_currency { tr {
                        td { (b.currency.code()) }
                        td.num { (money(&b.currency, b.amounts.planned)) }
                        td.num { (money(&b.currency, b.amounts.committed)) }
                        td.num { (money(&b.currency, b.amounts.spent)) }
                    } } }
                } }
                h2 { (v.t("programme-dashboard-budget-funder")) }
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th { (v.t("budget-funder")) } th.num { (v.t("budget-planned")) } th.num { (v.t("budget-committed")) } th.num { (v.t("budget-spent")) } } }
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

/// `GET /{lang}/programmes/dashboard?page=`.
pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Query(query): Query<DashboardQuery>,
) -> Result<Response, AppError> {
    let dashboard = cases::dashboard(&state, &v.acting(), query.page.unwrap_or(1)).await?;
    Ok(page(&state, &v, &dashboard).into_response())
}

/// `GET /api/v1/programmes/dashboard?page=`.
#[utoipa::path(
    get,
    path = "/programmes/dashboard",
    tag = "programmes",
    summary = "The programme dashboard: for the secretariat every programme, for a city's editors their city's — status, those ending within six months, this quarter's activities, outputs waiting for translation or a first dissemination, budget sums per city and per funder in each currency (minor units)",
    params(
        ("page" = Option<i64>, Query, minimum = 1),
    ),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ProgrammeDashboard"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn detail_api(
    State(state): State<AppState>,
    v: Viewer,
    Query(query): Query<DashboardQuery>,
) -> Result<Response, AppError> {
    let dashboard = cases::dashboard(&state, &v.acting(), query.page.unwrap_or(1)).await?;
    Ok(Json(dashboard).into_response())
}
