//! A city's series of an indicator drawn for its reader: the line chart (the whole, then each
//! breakdown as its own line, with the baseline and the target) and its table twin, the values
//! in the reader's number form, and the progress status's badge.

use crate::viewer::Viewer;
use ateneu_app::indicators::values::SeriesView;
use ateneu_app::reports::line_chart::{Line, LineChart, svg};
use ateneu_domain::Lang;
use ateneu_domain::indicators::progress::ProgressStatus;
use ateneu_domain::indicators::values::Breakdown;
use maud::{Markup, PreEscaped, html};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A value in the reader's form, with the decimals it needs (at most four).
pub fn number(lang: Lang, value: f64) -> String {
    let digits = (0u8..4)
        .find(|d| {
            let scale = 10f64.powi(i32::from(*d));
            ((value * scale).round() / scale - value).abs() <= value.abs() * 1e-12
        })
        .unwrap_or(4);
    ateneu_app::i18n::decimal(lang, value, digits)
}

/// A breakdown as its reader reads it (`sex: female · age group: 15-24`; the whole's word).
pub fn breakdown_label(v: &Viewer, breakdown: &Breakdown) -> String {
    if breakdown.is_total() {
        return v.t("indicator-whole");
    }
    breakdown
        .iter()
        .map(|(name, category)| format!("{name}: {category}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn status_label(v: &Viewer, status: ProgressStatus) -> String {
    v.t(&format!(
        "indicator-status-{}",
        status.key().replace('_', "-")
    ))
}

pub fn status_badge(v: &Viewer, status: ProgressStatus) -> Markup {
    html! { span class={ "badge progress-" (status.key()) } { (status_label(v, status)) } }
}

/// The series' values as lines: the whole first, then each breakdown in its order.
fn lines(v: &Viewer, series: &SeriesView) -> Vec<Line> {
    let mut by: BTreeMap<&Breakdown, Vec<(i32, f64)>> = BTreeMap::new();
    for value in series.values.iter() {
        by.entry(&value.draft.breakdown)
            .or_default()
            .push((value.draft.year, value.draft.value));
    }
    by.into_iter()
        .map(|(breakdown, points)| Line {
            name: breakdown_label(v, breakdown),
            points,
        })
        .collect()
}

/// The chart and its table twin (shown open on the indicator's own page).
pub fn chart(v: &Viewer, title: &str, series: &SeriesView, open: bool) -> Markup {
    let settings = series.series.as_ref();
    let unit = settings.map_or("", |s| s.unit.as_str());
    let chart = LineChart {
        title: title.to_owned(),
        description: format!(
            "{} · {}",
            status_label(v, series.status),
            v.t("indicator-chart-desc")
        ),
        lines: lines(v, series),
        baseline: series.baseline.map(|p| (p.year, p.value)),
        target: settings.and_then(|s| s.target).map(|p| (p.year, p.value)),
        baseline_label: v.t("indicator-baseline"),
        target_label: v.t("indicator-target"),
        no_data: v.t("indicator-no-values"),
    };
    let lang = v.lang;
    let drawn = svg(&chart, &|n| number(lang, n));
    let years: BTreeSet<i32> = series.values.iter().map(|x| x.draft.year).collect();
    let breakdowns: BTreeSet<&Breakdown> =
        series.values.iter().map(|x| &x.draft.breakdown).collect();
    let by_cell: HashMap<(i32, &Breakdown), f64> = series
        .values
        .iter()
        .map(|x| ((x.draft.year, &x.draft.breakdown), x.draft.value))
        .collect();
    let cell = |year: i32, breakdown: &Breakdown| {
        by_cell
            .get(&(year, breakdown))
            .map_or_else(|| "—".to_owned(), |value| number(lang, *value))
    };
    html! {
        figure.indicator-chart {
            div.chart { (PreEscaped(drawn)) }
            figcaption.visually-hidden { (title) }
        }
        details.table-twin open[open] {
            summary { (v.t("indicator-table")) }
            div.table-wrap tabindex="0" { table.data {
                caption { (title) @if !unit.is_empty() { " (" (unit) ")" } }
                thead { tr {
                    th scope="col" { (v.t("indicator-year")) }
                    @for b in &breakdowns { th.num scope="col" { (breakdown_label(v, b)) } }
                } }
                tbody {
                    @for year in &years { tr {
                        th scope="row" { (year) }
                        @for b in &breakdowns { td.num { (cell(*year, b)) } }
                    } }
                }
                tfoot {
                    @if let Some(b) = series.baseline { tr { th scope="row" { (v.t("indicator-baseline")) " " (b.year) } td.num colspan=(breakdowns.len().max(1)) { (number(lang, b.value)) } } }
                    @if let Some(t) = settings.and_then(|s| s.target) { tr { th scope="row" { (v.t("indicator-target")) " " (t.year) } td.num colspan=(breakdowns.len().max(1)) { (number(lang, t.value)) } } }
                }
            } }
        }
    }
}
