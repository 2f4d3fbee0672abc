//! An assessment's results as the viewer may see them: aggregation, the radar's series (this
//! assessment, the city's previous one, a benchmark set), strengths and weaknesses, and the
//! written report as HTML and PDF. Also the city's assessments over time and the comparison of
//! two assessments side by side.

use super::{Loaded, Need, load_for};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Path, Query};
use crate::layout;
use crate::viewer::Viewer;
use ateneu_app::frameworks::BenchmarkSet;
use ateneu_app::reports::radar::{Radar, Series};
use ateneu_domain::Lang;
use ateneu_domain::assessments::{AssessmentStatus, Consensus};
use ateneu_domain::ids::AssessmentId;
pub use ateneu_domain::results::field_values;
use ateneu_domain::results::{Results, StrengthsWeaknesses, strengths_and_weaknesses};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

pub(crate) mod report;
pub use report::{report_page, report_pdf};

/// How many strengths and weaknesses are named.
pub const STRENGTHS: usize = 3;

pub use ateneu_app::assessments::{Computed, ResultsCache};

/// The assessment's results, computed once per revision.
pub async fn computed(state: &AppState, loaded: &Loaded) -> Result<Arc<Computed>, AppError> {
    Ok(ateneu_app::assessments::computed(state, &loaded.assessment, &loaded.framework).await?)
}

/// The previous assessment of the city that this reader may see (`series::previous`): its
/// label and field values, for the radar's second series and the report.
pub async fn previous(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
) -> Result<Option<(String, BTreeMap<String, f64>)>, AppError> {
    Ok(ateneu_app::assessments::previous(state, &v.acting(), loaded).await?)
}

pub use ateneu_app::assessments::benchmark;

/// The radar of an assessment: one axis per field it rates.
pub fn radar(
    v_lang: Lang,
    i18n: &ateneu_app::i18n::I18n,
    loaded: &Loaded,
    results: &Results,
    previous: Option<&(String, BTreeMap<String, f64>)>,
    benchmark: Option<&BenchmarkSet>,
) -> Radar {
    let fields: Vec<String> = results.fields.iter().map(|f| f.key.clone()).collect();
    let scale = &loaded.framework.scale;
    let mut series = vec![Series {
        name: i18n.t(v_lang, "radar-this"),
        values: field_values(results).into_iter().map(|(_, v)| v).collect(),
    }];
    if let Some((name, values)) = previous {
        series.push(Series {
            name: i18n.format(v_lang, "radar-previous", &[("name", name.clone().into())]),
            values: fields.iter().map(|f| values.get(f).copied()).collect(),
        });
    }
    if let Some(set) = benchmark {
        series.push(Series {
            name: set.name.get(v_lang).to_owned(),
            values: fields.iter().map(|f| set.values.get(f).copied()).collect(),
        });
    }
    let rings = if scale.stages.is_empty() {
        vec![f64::from(scale.max)]
    } else {
        scale.stages.iter().map(|s| f64::from(s.to)).collect()
    };
    let city = loaded.city.draft.name.show(v_lang).text.to_owned();
    Radar {
        title: i18n.format(
            v_lang,
            "radar-title",
            &[
                ("of_city", ateneu_app::i18n::french_of(&city).into()),
                ("city", city.into()),
            ],
        ),
        description: i18n.format(
            v_lang,
            "radar-description",
            &[
                (
                    "framework",
                    loaded.framework.name.get(v_lang).to_owned().into(),
                ),
                ("count", results.responses.into()),
            ],
        ),
        axes: fields.iter().map(|f| loaded.item_text(f, v_lang)).collect(),
        min: f64::from(scale.min),
        max: f64::from(scale.max),
        rings,
        series,
        no_data: i18n.t(v_lang, "radar-no-data"),
        decimal_mark: i18n.decimal_mark(v_lang),
    }
}

/// The radar's numbers as a table (the accessible twin of the chart).
pub fn radar_table(v: &Viewer, radar: &Radar) -> Markup {
    html! {
        div.table-wrap tabindex="0" { table.data {
            caption { (radar.title) }
            thead { tr { th scope="col" { (v.t("field")) } @for s in &radar.series { th.num scope="col" { (s.name) } } } }
            tbody { @for (i, axis) in radar.axes.iter().enumerate() {
                tr { th scope="row" { (axis) } @for s in &radar.series { td.num { (fmt(v.lang, s.values.get(i).copied().flatten())) } } }
            } }
        } }
    }
}

/// A score as shown: one decimal in the reader's form (4.8 · 4,8), a dash when there is none.
pub fn fmt(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| ateneu_app::i18n::decimal(lang, v, 1))
}

pub fn strengths(results: &Results, benchmark: Option<&BenchmarkSet>) -> StrengthsWeaknesses {
    strengths_and_weaknesses(
        &field_values(results),
        benchmark.map(|b| &b.values),
        STRENGTHS,
    )
}

/// `?benchmark=KEY` (or `none`) on the radar and the report.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct BenchmarkQuery {
    pub benchmark: Option<String>,
}

/// An assessment's results put together for a reader: computed, beside the previous assessment
/// this reader may see and a benchmark set, on a radar. The radar and the report share it.
pub struct Assembled {
    pub loaded: Loaded,
    pub computed: Arc<Computed>,
    pub benchmark: Option<BenchmarkSet>,
    pub chart: Radar,
}

pub async fn assemble(
    state: &AppState,
    v: &Viewer,
    id: AssessmentId,
    benchmark_key: Option<&str>,
) -> Result<Assembled, AppError> {
    let loaded = load_for(state, v, id, Need::Results).await?;
    let computed = computed(state, &loaded).await?;
    let previous = previous(state, v, &loaded).await?;
    let benchmark = benchmark(state, &loaded, benchmark_key).await?;
    let chart = radar(
        v.lang,
        &state.i18n,
        &loaded,
        &computed.results,
        previous.as_ref(),
        benchmark.as_ref(),
    );
    Ok(Assembled {
        loaded,
        computed,
        benchmark,
        chart,
    })
}

#[utoipa::path(
    get,
    path = "/assessments/{id}/radar.svg",
    tag = "assessments",
    summary = "The radar (SVG) in a language: this assessment, the previous one and a benchmark set (?benchmark=KEY or none)",
    responses((status = 200, description = "Success", body = String, content_type = "image/svg+xml")),
)]
pub async fn radar_svg(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
    Query(query): Query<BenchmarkQuery>,
) -> Result<Response, AppError> {
    let assembled = assemble(&state, &v, id, query.benchmark.as_deref()).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-cache"),
        ],
        ateneu_app::reports::radar::svg(&assembled.chart),
    )
        .into_response())
}

/// The results as the JSON API returns them.
#[derive(Serialize)]
pub struct ResultsBody<'a> {
    pub id: AssessmentId,
    pub status: AssessmentStatus,
    pub framework: String,
    pub module: &'a str,
    pub level: &'static str,
    pub scale: (u8, u8),
    pub invitations: u64,
    pub drafts: usize,
    #[serde(flatten)]
    pub results: &'a Results,
    pub consensus: &'a BTreeMap<String, Consensus>,
    pub strengths_and_weaknesses: StrengthsWeaknesses,
    pub benchmark: Option<&'a str>,
}

/// A city's assessments over time (those the viewer may see), with their field values.
pub async fn city_history(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Markup, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    let mut rows = Vec::new();
    let shown = ateneu_app::assessments::of_city_visible(&state, &v.acting(), city.id).await?;
    for loaded in shown {
        let computed = computed(&state, &loaded).await?;
        rows.push((loaded, computed));
    }
    let name = city.draft.name.show(v.lang).text.to_owned();
    let body = html! {
        h1 { (v.tf("history-title", &[("city", name.clone().into()), ("of_city", ateneu_app::i18n::french_of(&name).into())])) }
        @if rows.is_empty() { p.muted { (v.t("history-none")) } }
        @for (loaded, computed) in &rows {
            section.card {
                h2 { a href=(v.href(&format!("/assessments/{}", loaded.assessment.id))) { (loaded.assessment.title) } }
                p.muted { (loaded.assessment.starts_on) " · " code { (loaded.version.reference()) } " · " (v.t(&format!("status-{}", loaded.assessment.status.key()))) }
                div.radar { (PreEscaped(ateneu_app::reports::radar::svg(&radar(v.lang, &state.i18n, loaded, &computed.results, None, None)))) }
            }
        }
    };
    Ok(layout::page(&state, &v, &name, body))
}

#[derive(Debug, Deserialize)]
pub struct CompareQuery {
    a: AssessmentId,
    b: AssessmentId,
}

/// Two assessments side by side (two cities, or one city twice), each only if the viewer may
/// see it; fields are matched by key.
pub async fn compare_page(
    State(state): State<AppState>,
    v: Viewer,
    Query(query): Query<CompareQuery>,
) -> Result<Markup, AppError> {
    let first = load_for(&state, &v, query.a, Need::Results).await?;
    let second = load_for(&state, &v, query.b, Need::Results).await?;
    let first_computed = computed(&state, &first).await?;
    let second_computed = computed(&state, &second).await?;
    let (first_results, second_results) = (&first_computed.results, &second_computed.results);
    let second_values: BTreeMap<String, f64> = field_values(second_results)
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    let label = |l: &Loaded| {
        format!(
            "{} — {}",
            l.city.draft.name.show(v.lang).text,
            l.assessment.starts_on
        )
    };
    let mut chart = radar(v.lang, &state.i18n, &first, first_results, None, None);
    chart.title = v.t("compare-title");
    if let Some(series) = chart.series.first_mut() {
        series.name = label(&first);
    }
    chart.series.push(Series {
        name: label(&second),
        values: first_results
            .fields
            .iter()
            .map(|f| second_values.get(&f.key).copied())
            .collect(),
    });
    let body = html! {
        h1 { (v.t("compare-title")) }
        p.lead { (label(&first)) " · " (label(&second)) }
        div.radar { (PreEscaped(ateneu_app::reports::radar::svg(&chart))) }
        (radar_table(&v, &chart))
    };
    Ok(layout::page(&state, &v, &v.t("compare-title"), body))
}
