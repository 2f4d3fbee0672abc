//! A city's profile, one page and one PDF in the reader's language: its story as evidence —
//! its assessments' radars over time (one radar per framework version and module, a line per
//! assessment, newest five), its action plans' progress, its indicator charts with their
//! statuses, its published practices and its outputs. Only what the reader may see on its own
//! appears, each part through the same rule as its own page.

use crate::AppState;
use crate::assessments::results::{computed, radar, radar_table};
use crate::error::AppError;
use crate::extract::Path;
use crate::indicators::chart::{chart, number, status_label};
use crate::layout::{self, translated};
use crate::viewer::Viewer;
use ateneu_app::cities::City;
use ateneu_app::cities::profile::{self, Profile};
use ateneu_app::reports::pdf::{Block, Document};
use ateneu_app::reports::radar::{Radar, Series};
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::practices::TextField;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{PreEscaped, html};
use std::collections::BTreeMap;

/// The most assessments one radar of the profile draws (the newest).
const MOST_PER_RADAR: usize = 5;

/// The radars of the city's closed assessments the reader may see: one per framework version
/// and module, with a line per assessment (newest first), each titled by its module.
async fn radars(
    state: &AppState,
    v: &Viewer,
    city: &City,
) -> Result<Vec<(String, Radar)>, AppError> {
    let shown = ateneu_app::assessments::of_city_visible(state, &v.acting(), city.id).await?;
    let mut groups: BTreeMap<(String, String), Vec<_>> = BTreeMap::new();
    for loaded in shown
        .into_iter()
        .filter(|l| l.assessment.status == AssessmentStatus::Closed)
    {
        let key = (loaded.version.reference(), loaded.assessment.module.clone());
        groups.entry(key).or_default().push(loaded);
    }
    let mut radars = Vec::new();
    for (_, mut group) in groups {
        group.sort_by_key(|l| std::cmp::Reverse(l.assessment.starts_on));
        group.truncate(MOST_PER_RADAR);
        let Some(newest) = group.first() else {
            continue;
        };
        let results = computed(state, newest).await?;
        let mut chart = radar(v.lang, &state.i18n, newest, &results.results, None, None);
        let axes: Vec<String> = results
            .results
            .fields
            .iter()
            .map(|f| f.key.clone())
            .collect();
        chart.series = Vec::new();
        for loaded in &group {
            let values: BTreeMap<String, f64> =
                ateneu_domain::results::field_values(&computed(state, loaded).await?.results)
                    .into_iter()
                    .filter_map(|(k, v)| v.map(|v| (k, v)))
                    .collect();
            chart.series.push(Series {
                name: format!(
                    "{} · {}",
                    loaded.assessment.starts_on, loaded.assessment.title
                ),
                values: axes.iter().map(|a| values.get(a).copied()).collect(),
            });
        }
        let heading = newest
            .framework
            .module(&newest.assessment.module)
            .map_or_else(
                || newest.assessment.module.clone(),
                |m| m.name.get(v.lang).to_owned(),
            );
        radars.push((format!("{heading} · {}", newest.version.reference()), chart));
    }
    Ok(radars)
}

fn practice_title(v: &Viewer, practice: &ateneu_app::practices::Practice) -> String {
    practice
        .record
        .text(TextField::Title)
        .map_or_else(|| practice.slug.clone(), |t| t.show(v.lang).text.to_owned())
}

fn plan_progress(v: &Viewer, progress: Option<u8>) -> String {
    match progress {
        None => "—".to_owned(),
        Some(p) if v.lang == ateneu_domain::Lang::En => format!("{p}%"),
        Some(p) => format!("{p}\u{a0}%"),
    }
}

async fn gather(
    state: &AppState,
    v: &Viewer,
    slug: &str,
) -> Result<(City, Profile, Vec<(String, Radar)>), AppError> {
    let city = crate::cities::find(state, slug).await?;
    let profile = profile::read(state, &v.acting(), &city).await?;
    let radars = radars(state, v, &city).await?;
    Ok((city, profile, radars))
}

pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (city, profile, radars) = gather(&state, &v, &slug).await?;
    let name = city.draft.name.show(v.lang).text.to_owned();
    let title = v.tf("profile-title", &[("city", name.clone().into())]);
    let body = html! {
        p { a href=(v.href(&format!("/cities/{}", city.slug))) { "← " (name) } }
        h1 { (title) }
        p.lead { (v.t("profile-lead")) }
        p { a.button href=(v.href(&format!("/cities/{}/profile.pdf", city.slug))) { (v.t("profile-pdf")) } }
        section.panel aria-labelledby="profile-assessments" {
            h2 #profile-assessments { (v.t("profile-assessments")) }
            @if radars.is_empty() { p.muted { (v.t("profile-no-assessments")) } }
            @for (heading, chart) in &radars {
                h3 { (heading) }
                div.radar { (PreEscaped(ateneu_app::reports::radar::svg(chart))) }
                details { summary { (v.t("indicator-table")) } (radar_table(&v, chart)) }
            }
        }
        section.panel aria-labelledby="profile-plans" {
            h2 #profile-plans { (v.t("profile-plans")) }
            @if profile.plans.is_empty() { p.muted { (v.t("profile-no-plans")) } }
            @for plan in &profile.plans {
                h3 { a href=(v.href(&format!("/outputs/{}", plan.output.output.id))) { (plan.output.output.title) } }
                p { (v.t("profile-plan-progress")) " " strong { (plan_progress(&v, plan.progress)) }
                    @for (status, count) in &plan.by_status { " · " (v.t(&format!("action-plan-status-{}", status.replace('_', "-")))) ": " (count) } }
                @if !plan.items.is_empty() {
                    div.table-wrap tabindex="0" { table.data {
                        thead { tr { th scope="col" { (v.t("profile-item")) } th scope="col" { (v.t("action-plan-status")) } th.num scope="col" { "%" } } }
                        tbody { @for item in &plan.items { tr {
                            td { (translated(&v, &item.item.draft.title)) }
                            td { (v.t(&format!("action-plan-status-{}", item.item.draft.status.key().replace('_', "-")))) }
                            td.num { (item.item.draft.progress) }
                        } } }
                    } }
                }
            }
        }
        section.panel aria-labelledby="profile-indicators" {
            h2 #profile-indicators { (v.t("indicators-title")) }
            @if profile.indicators.series.is_empty() { p.muted { (v.t("indicator-none")) } }
            @for series in &profile.indicators.series {
                @let heading = crate::indicators::name_of(&v, &series.indicator);
                h3 { (heading) " " (crate::indicators::chart::status_badge(&v, series.status)) }
                (chart(&v, &heading, series, false))
            }
        }
        section.panel aria-labelledby="profile-practices" {
            h2 #profile-practices { (v.t("city-practices")) }
            @if profile.practices.is_empty() { p.muted { (v.t("city-practices-none")) } }
            ul { @for p in &profile.practices { li { a href=(v.href(&format!("/practices/{}", p.slug))) { (practice_title(&v, p)) } } } }
        }
        section.panel aria-labelledby="profile-outputs" {
            h2 #profile-outputs { (v.t("outputs-title")) }
            @if profile.outputs.is_empty() { p.muted { (v.t("profile-no-outputs")) } }
            ul { @for o in &profile.outputs { li {
                @if let Some(id) = o.assessment_id { a href=(v.href(&format!("/assessments/{id}/report"))) { (o.title) } }
                @else { a href=(v.href(&format!("/outputs/{}", o.id))) { (o.title) } }
                " " span.muted { "(" (v.t(&format!("visibility-{}", o.visibility.key()))) ")" }
            } } }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

pub async fn pdf(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (city, profile, radars) = gather(&state, &v, &slug).await?;
    let name = city.draft.name.show(v.lang).text.to_owned();
    let mut blocks = vec![Block::Paragraph(v.t("profile-lead"))];
    blocks.push(Block::Heading {
        level: 2,
        text: v.t("profile-assessments"),
    });
    if radars.is_empty() {
        blocks.push(Block::Paragraph(v.t("profile-no-assessments")));
    }
    for (heading, chart) in radars {
        blocks.push(Block::Heading {
            level: 3,
            text: heading,
        });
        blocks.push(Block::Radar(chart));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: v.t("profile-plans"),
    });
    if profile.plans.is_empty() {
        blocks.push(Block::Paragraph(v.t("profile-no-plans")));
    }
    for plan in &profile.plans {
        blocks.push(Block::Heading {
            level: 3,
            text: plan.output.output.title.clone(),
        });
        blocks.push(Block::Paragraph(format!(
            "{} {}",
            v.t("profile-plan-progress"),
            plan_progress(&v, plan.progress)
        )));
        blocks.push(Block::Table {
            header: vec![
                v.t("profile-item"),
                v.t("action-plan-status"),
                "%".to_owned(),
            ],
            rows: plan
                .items
                .iter()
                .map(|i| {
                    vec![
                        i.item.draft.title.show(v.lang).text.to_owned(),
                        v.t(&format!(
                            "action-plan-status-{}",
                            i.item.draft.status.key().replace('_', "-")
                        )),
                        i.item.draft.progress.to_string(),
                    ]
                })
                .collect(),
            widths: vec![5.0, 2.0, 1.0],
        });
    }
    blocks.push(Block::Heading {
        level: 2,
        text: v.t("indicators-title"),
    });
    if profile.indicators.series.is_empty() {
        blocks.push(Block::Paragraph(v.t("indicator-none")));
    } else {
        let point = |p: Option<ateneu_domain::indicators::values::Point>| {
            p.map_or_else(
                || "—".to_owned(),
                |p| format!("{} ({})", number(v.lang, p.value), p.year),
            )
        };
        blocks.push(Block::Table {
            header: vec![
                v.t("indicators-name"),
                v.t("indicator-unit"),
                v.t("indicator-baseline"),
                v.t("profile-latest"),
                v.t("indicator-target"),
                v.t("profile-status"),
            ],
            rows: profile
                .indicators
                .series
                .iter()
                .map(|s| {
                    let whole = ateneu_domain::indicators::values::totals(
                        s.values.iter().map(|x| &x.draft),
                    );
                    vec![
                        crate::indicators::name_of(&v, &s.indicator),
                        s.series.as_ref().map_or(String::new(), |x| x.unit.clone()),
                        point(s.baseline),
                        point(whole.last().copied()),
                        point(s.series.as_ref().and_then(|x| x.target)),
                        status_label(&v, s.status),
                    ]
                })
                .collect(),
            widths: vec![4.0, 1.5, 2.0, 2.0, 2.0, 2.0],
        });
    }
    blocks.push(Block::Heading {
        level: 2,
        text: v.t("city-practices"),
    });
    blocks.push(if profile.practices.is_empty() {
        Block::Paragraph(v.t("city-practices-none"))
    } else {
        Block::Bullets(
            profile
                .practices
                .iter()
                .map(|p| practice_title(&v, p))
                .collect(),
        )
    });
    blocks.push(Block::Heading {
        level: 2,
        text: v.t("outputs-title"),
    });
    blocks.push(if profile.outputs.is_empty() {
        Block::Paragraph(v.t("profile-no-outputs"))
    } else {
        Block::Bullets(
            profile
                .outputs
                .iter()
                .map(|o| {
                    format!(
                        "{} ({})",
                        o.title,
                        v.t(&format!("visibility-{}", o.visibility.key()))
                    )
                })
                .collect(),
        )
    });
    let document = Document {
        title: v.tf("profile-title", &[("city", name.clone().into())]),
        lang: v.lang.code().to_owned(),
        blocks,
        footer: format!("{name} · {}", chrono::Utc::now().date_naive()),
    };
    crate::pdf::attachment(
        document,
        &format!("{}-profile-{}.pdf", city.slug, v.lang.code()),
    )
    .await
}
