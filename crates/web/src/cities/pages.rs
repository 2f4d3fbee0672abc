//! The registry's public pages: the list with its filters, and a city's page.

use super::CityQuery;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Path, Query};
use crate::layout::{self, csrf_field, translated};
use crate::viewer::Viewer;
use ateneu_app::cities::CityListItem;
use ateneu_domain::countries::COUNTRIES;
use ateneu_domain::memberships::MembershipRole;
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use maud::{Markup, html};

/// Country options sorted by their name in the reader's language.
pub fn country_options(lang: Lang, empty: String) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = COUNTRIES
        .iter()
        .map(|(code, en, fr, es)| {
            let name = match lang {
                Lang::En => en,
                Lang::Fr => fr,
                Lang::Es => es,
            };
            ((*code).to_owned(), (*name).to_owned())
        })
        .collect();
    options.sort_by_cached_key(|o| ateneu_domain::cities::fold(&o.1));
    options.insert(0, (String::new(), empty));
    options
}

pub fn badge(
    state: &AppState,
    v: &Viewer,
    network: &str,
    role: MembershipRole,
    field: Option<&str>,
) -> Markup {
    let name = state
        .reference
        .network(network)
        .map_or(network, |n| n.name.get(v.lang));
    let field = field
        .and_then(|f| state.reference.creative_field(f))
        .map(|f| f.name.get(v.lang));
    html! {
        span.badge.network {
            (name)
            @if role == MembershipRole::LeadingCity { " · " (v.t("role-leading-city")) }
            @if let Some(field) = field { " · " (field) }
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    v: Viewer,
    Query(query): Query<CityQuery>,
) -> Result<Markup, AppError> {
    let (errors, items, total) = match super::list(&state, &query).await {
        Ok((items, total)) => (FieldErrors::new(), items, total),
        Err(AppError::Invalid(errors)) => (errors, Vec::new(), 0),
        Err(other) => return Err(other),
    };
    let pages = total.div_ceil(query.per_page());
    let r = &state.reference;
    let any = v.t("filter-any");
    let networks: Vec<(String, String)> = std::iter::once((String::new(), any.clone()))
        .chain(
            r.networks
                .iter()
                .map(|n| (n.key.clone(), n.name.get(v.lang).to_owned())),
        )
        .collect();
    let regions: Vec<(String, String)> = std::iter::once((String::new(), any.clone()))
        .chain(
            r.regions
                .iter()
                .map(|x| (x.key.clone(), x.name.get(v.lang).to_owned())),
        )
        .collect();
    let fields: Vec<(String, String)> = std::iter::once((String::new(), any.clone()))
        .chain(
            r.creative_fields
                .iter()
                .map(|x| (x.key.clone(), x.name.get(v.lang).to_owned())),
        )
        .collect();
    let body = html! {
        h1 { (v.t("cities-title")) }
        p.lead { (v.t("cities-lead")) }
        form.filters method="get" action=(v.href("/cities")) role="search" {
            div.field {
                label for="f-q" { (v.t("filter-text")) }
                input id="f-q" type="search" name="q" value=(query.q);
            }
            (layout::select(&v, "network", &v.t("filter-network"), &networks, &query.network, &errors))
            (layout::select(&v, "region", &v.t("filter-region"), &regions, &query.region, &errors))
            (layout::select(&v, "country", &v.t("filter-country"), &country_options(v.lang, any.clone()), &query.country.to_uppercase(), &errors))
            (layout::select(&v, "field", &v.t("filter-creative-field"), &fields, &query.field, &errors))
            div.actions { button.button type="submit" { (v.t("filter-apply")) } }
        }
        p.muted aria-live="polite" { (v.tf("cities-count", &[("count", total.into())])) }
        @if !items.is_empty() {
            div.table-wrap tabindex="0" {
                table.data {
                    caption.visually-hidden { (v.t("cities-title")) }
                    thead { tr {
                        th scope="col" { (v.t("city-name")) }
                        th scope="col" { (v.t("city-country")) }
                        th scope="col" { (v.t("city-region")) }
                        th scope="col" { (v.t("city-networks")) }
                        th scope="col" .num { (v.t("city-population")) }
                    } }
                    tbody { @for item in &items { (row(&state, &v, item)) } }
                }
            }
        }
        (layout::pagination(&v, query.page(), pages, |n| format!("{}?{}", v.href("/cities"), query.with_page(n))))
        p {
            a href={ "/api/v1/export/cities.csv" } { (v.t("export-cities")) } " · "
            a href={ "/api/v1/export/memberships.csv" } { (v.t("export-memberships")) }
            @if v.allows(ateneu_domain::permissions::Action::CreateCity) {
                " · " a.button href=(v.href("/cities/new")) { (v.t("city-new")) }
            }
        }
    };
    Ok(layout::page(&state, &v, &v.t("cities-title"), body))
}

fn row(state: &AppState, v: &Viewer, item: &CityListItem) -> Markup {
    let city = &item.city;
    html! {
        tr {
            td {
                a href=(v.href(&format!("/cities/{}", city.slug))) { (translated(v, &city.draft.name)) }
                @if city.is_example { " " span.badge.example { (v.t("example")) } }
            }
            td { (city.draft.country.name(v.lang)) }
            td { (state.reference.region(&city.draft.region).map_or(city.draft.region.as_str(), |r| r.name.get(v.lang))) }
            td { @for m in &item.memberships { (badge(state, v, &m.network, m.role, m.creative_field.as_deref())) " " } }
            td.num { @if let Some(p) = city.draft.population { (v.number(p)) } }
        }
    }
}

pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Markup, AppError> {
    let d = ateneu_app::cities::detail::read(&state, &v.acting(), &slug).await?;
    let city = &d.city;
    let today = chrono::Utc::now().date_naive();
    let title = city.draft.name.show(v.lang).text.to_owned();
    let practices = ateneu_app::practices::published(&state, Some(city.id), false, 100).await?;
    // Confidential: only the city's editors and its network's secretariat get any.
    let programmes = ateneu_app::programmes::of_city(&state, &v.acting(), city.id).await?;
    // Past representation for all, to come for the network's members.
    let representation = crate::events::representation_section(&state, &v, city.id).await?;
    let body = html! {
        p { a href=(v.href("/cities")) { "← " (v.t("cities-title")) } }
        h1 { (translated(&v, &city.draft.name)) @if city.is_example { " " span.badge.example { (v.t("example")) } } }
        @if let Some(description) = &city.draft.description { p.lead { (translated(&v, description)) } }
        dl.facts {
            dt { (v.t("city-country")) } dd { (city.draft.country.name(v.lang)) " (" (city.draft.country.code()) ")" }
            dt { (v.t("city-region")) } dd { (state.reference.region(&city.draft.region).map_or(city.draft.region.as_str(), |r| r.name.get(v.lang))) }
            @if let Some(p) = city.draft.population { dt { (v.t("city-population")) } dd { (v.number(p)) } }
            @if let Some(c) = city.draft.coordinates { dt { (v.t("city-coordinates")) } dd { (format!("{:.4}, {:.4}", c.latitude, c.longitude)) } }
            @if let Some(w) = &city.draft.website { dt { (v.t("city-website")) } dd { a href=(w) rel="external noopener" { (w) } } }
            dt { (v.t("city-languages")) } dd { @for l in city.draft.name.languages() { span.badge { (v.language(l)) } " " } }
        }
        @if d.can_edit { p { a.button href=(v.href(&format!("/cities/{}/edit", city.slug))) { (v.t("city-edit")) } } }
        section.panel aria-labelledby="memberships" {
            h2 #memberships { (v.t("memberships-title")) }
            @if d.memberships.is_empty() { p.muted { (v.t("memberships-none")) } } @else {
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th { (v.t("membership-network")) } th { (v.t("membership-started")) } th { (v.t("membership-ended")) } th { (v.t("membership-designation")) } @if !d.can_manage.is_empty() { th { (v.t("actions")) } } } }
                    tbody { @for m in &d.memberships {
                        tr {
                            td { (badge(&state, &v, &m.draft.network, m.draft.role, m.draft.creative_field.as_deref())) @if !m.draft.is_current(today) { " " span.badge.ended { (v.t("membership-past")) } } }
                            td { (m.draft.started_on) }
                            td { @if let Some(e) = m.draft.ended_on { (e) } }
                            td { @if let Some(y) = m.draft.designation_year { (y) } }
                            @if !d.can_manage.is_empty() { td { @if d.can_manage.contains(&m.draft.network) && m.draft.is_current(today) {
                                (crate::memberships::end_form(&v, &city.slug, m))
                                @if m.draft.creative_field.is_some() { (crate::memberships::field_change_form(&state, &v, &city.slug, m)) }
                            } } }
                        }
                    } }
                } }
            }
            @if !d.can_manage.is_empty() { (crate::memberships::add_form(&state, &v, &city.slug, &d.can_manage, &Default::default(), &FieldErrors::new())) }
        }
        @if !programmes.is_empty() {
            section.panel aria-labelledby="programmes" {
                h2 #programmes { (v.t("programmes-title")) }
                ul { @for p in &programmes {
                    li { a href=(v.href(&format!("/programmes/{}", p.id))) { (p.draft.period.starts_on) " – " (p.draft.period.ends_on) }
                        " · " (crate::programmes::status_label(&v, p.draft.status))
                        " " span.muted { "(" (v.t("visibility-confidential")) ")" } }
                } }
            }
        }
        @if !d.outputs.is_empty() {
            section.panel aria-labelledby="outputs" {
                h2 #outputs { (v.t("outputs-title")) }
                ul { @for output in &d.outputs { @if let Some(id) = output.assessment_id {
                    li { a href=(v.href(&format!("/assessments/{id}/report"))) { (output.title) } " · "
                        a href=(v.href(&format!("/assessments/{id}/report.pdf"))) { "PDF" } " "
                        span.muted { "(" (v.t(&format!("visibility-{}", output.visibility.key()))) ")" } }
                } @else if output.programme_id.is_some() {
                    li { a href=(v.href(&format!("/outputs/{}", output.id))) { (output.title) } " · "
                        (crate::programmes::kind_label(&v, &output.kind)) " "
                        span.muted { "(" (v.t(&format!("visibility-{}", output.visibility.key()))) ")" } }
                } } }
                p { a href=(v.href(&format!("/cities/{}/assessments", city.slug))) { (v.t("history")) } }
            }
        }
        p { a href=(v.href(&format!("/cities/{}/profile", city.slug))) { (v.t("profile-link")) } " · " a href=(v.href(&format!("/cities/{}/indicators", city.slug))) { (v.t("indicator-city-link")) } " · " a href=(v.href(&format!("/cities/{}/assets", city.slug))) { (v.t("assets-link")) }
            @if ateneu_domain::programmes::is_leading_city(d.memberships.iter().map(|m| &m.draft), today) {
                " · " a href=(v.href(&format!("/cities/{}/showcase", city.slug))) { (v.t("showcase-link")) }
            }
        }
        (representation)
        section.panel aria-labelledby="practices" {
            h2 #practices { (v.t("city-practices")) }
            @if practices.is_empty() { p.muted { (v.t("city-practices-none")) } }
            ul { @for p in &practices {
                li { a href=(v.href(&format!("/practices/{}", p.slug))) {
                    @if let Some(t) = p.record.text(ateneu_domain::practices::TextField::Title) { (translated(&v, t)) }
                } }
            } }
        }
        section.panel aria-labelledby="focal-points" {
            h2 #focal-points { (v.t("focal-points-title")) }
            @if d.focal_points.is_empty() { p.muted { (v.t("focal-points-none")) } }
            ul.plain { @for p in &d.focal_points {
                li {
                    strong { (p.name) } @if !p.position.is_empty() { ", " (p.position) }
                    @if let Some(e) = &p.email { " · " a href={ "mailto:" (e) } { (e) } }
                    @if let Some(t) = &p.phone { " · " (t) }
                    @if d.can_edit {
                        form.inline method="post" action=(v.href(&format!("/cities/{}/focal-points/{}/remove", city.slug, p.id))) {
                            (csrf_field(&v)) " " button.button.danger type="submit" { (v.t("remove")) }
                        }
                    }
                }
            } }
            @if !d.focal_points.is_empty() && !d.can_view_contacts {
                p.muted { (v.t("contacts-not-public")) }
            }
            @if d.can_edit { (super::forms::focal_point_form(&v, &city.slug, &Default::default(), &FieldErrors::new())) }
        }
    };
    Ok(layout::page(&state, &v, &title, body))
}
