//! The line chart of an indicator's values over the years, written as SVG like the radar: one
//! line per series (the whole, then each breakdown), the baseline and the target as marked
//! points joined by the straight path between them, the axes with round ticks, every label
//! escaped, a title and a description for screen readers (the page gives the table twin).

use crate::escape;
use crate::radar::{COLORS, DASHES};
use std::fmt::Write;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 176.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;
const GRID: &str = "#c5ced3";
const TEXT: &str = "#1f2a30";
const GOAL: &str = "#1f2a30";
const MAX_LEGEND_CHARS: usize = 24;

/// One line: a name and its (year, value) points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub name: String,
    pub points: Vec<(i32, f64)>,
}

/// A line chart of values by year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineChart {
    pub title: String,
    pub description: String,
    pub lines: Vec<Line>,
    pub baseline: Option<(i32, f64)>,
    pub target: Option<(i32, f64)>,
    /// The legend's words for the baseline and the target, in the reader's language.
    pub baseline_label: String,
    pub target_label: String,
    /// What the chart says when it has nothing to draw.
    pub no_data: String,
}

struct Frame {
    years: (f64, f64),
    values: (f64, f64),
    step: f64,
}

impl Frame {
    fn x(&self, year: f64) -> f64 {
        LEFT + (year - self.years.0) / (self.years.1 - self.years.0) * (WIDTH - LEFT - RIGHT)
    }

    fn y(&self, value: f64) -> f64 {
        HEIGHT
            - BOTTOM
            - (value - self.values.0) / (self.values.1 - self.values.0) * (HEIGHT - TOP - BOTTOM)
    }
}

/// A round step (1, 2 or 5 times a power of ten) giving about five intervals over `span`.
fn nice_step(span: f64) -> f64 {
    let raw = (span / 5.0).max(f64::MIN_POSITIVE);
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

fn frame(chart: &LineChart) -> Option<Frame> {
    let all: Vec<(i32, f64)> = chart
        .lines
        .iter()
        .flat_map(|l| l.points.iter().copied())
        .chain(chart.baseline)
        .chain(chart.target)
        .filter(|(_, v)| v.is_finite())
        .collect();
    let first = all.first()?;
    let (mut y0, mut y1) = (first.0, first.0);
    let (mut v0, mut v1) = (first.1, first.1);
    for (year, value) in &all {
        y0 = y0.min(*year);
        y1 = y1.max(*year);
        v0 = v0.min(*value);
        v1 = v1.max(*value);
    }
    // Bars of quantities start at zero; a chart of values far from it would flatten, so zero
    // is taken in only when it is near.
    if v0 > 0.0 && v0 < (v1 - v0) {
        v0 = 0.0;
    }
    if v1 < 0.0 && -v1 < (v1 - v0) {
        v1 = 0.0;
    }
    let span = if v1 > v0 { v1 - v0 } else { v0.abs().max(1.0) };
    let step = nice_step(span);
    let (low, high) = ((v0 / step).floor() * step, (v1 / step).ceil() * step);
    let high = if high <= low { low + step } else { high };
    let years = if y1 > y0 {
        (f64::from(y0), f64::from(y1))
    } else {
        (f64::from(y0) - 1.0, f64::from(y1) + 1.0)
    };
    Some(Frame {
        years,
        values: (low, high),
        step,
    })
}

/// A coordinate with one decimal, as `{:.1}` writes it (but `0.0` for a tiny negative), through
/// integer formatting: a chart of 22 indicators writes some 10,000 of them per page.
struct Tenths(f64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scaled = (self.0 * 10.0).round();
        if !scaled.is_finite() || scaled.abs() >= 1e15 {
            return write!(f, "{:.1}", self.0);
        }
        // Exact: |scaled| < 10^15 is an integer held exactly by both types.
        let scaled = scaled as i64;
        let sign = if scaled < 0 { "-" } else { "" };
        let digits = scaled.unsigned_abs();
        write!(f, "{sign}{}.{}", digits / 10, digits % 10)
    }
}

fn short(name: &str) -> String {
    if name.chars().count() <= MAX_LEGEND_CHARS {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX_LEGEND_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// The chart as SVG; `number` writes a value in the reader's form.
pub fn svg(chart: &LineChart, number: &dyn Fn(f64) -> String) -> String {
    let mut out = String::with_capacity(2048 + 200 * chart.lines.len());
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="line-chart" font-family="DejaVu Sans, Verdana, sans-serif" font-size="12"><title>{}</title><desc>{}</desc>"#,
        escape(&chart.title),
        escape(&chart.description)
    );
    let Some(f) = frame(chart) else {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="middle" fill="{TEXT}">{}</text></svg>"#,
            WIDTH / 2.0,
            HEIGHT / 2.0,
            escape(&chart.no_data)
        );
        return out;
    };
    axes(&mut out, &f, number);
    if let (Some(b), Some(t)) = (chart.baseline, chart.target) {
        let _ = write!(
            out,
            r#"<line class="path-to-target" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{GOAL}" stroke-width="1" stroke-dasharray="2 4"/>"#,
            f.x(f64::from(b.0)),
            f.y(b.1),
            f.x(f64::from(t.0)),
            f.y(t.1)
        );
    }
    for (i, line) in chart.lines.iter().enumerate() {
        let (r, g, b) = COLORS[i % COLORS.len()];
        let color = format!("#{r:02x}{g:02x}{b:02x}");
        let dash: Vec<String> = DASHES[i % DASHES.len()]
            .iter()
            .map(|d| d.to_string())
            .collect();
        let mut points: Vec<(i32, f64)> = line
            .points
            .iter()
            .copied()
            .filter(|(_, v)| v.is_finite())
            .collect();
        points.sort_by_key(|p| p.0);
        let _ = write!(
            out,
            r#"<g class="line line-{i}"><title>{}</title>"#,
            escape(&line.name)
        );
        if points.len() >= 2 {
            out.push_str(r#"<polyline points=""#);
            for (n, (year, value)) in points.iter().enumerate() {
                let gap = if n == 0 { "" } else { " " };
                let (x, y) = (f.x(f64::from(*year)), f.y(*value));
                let _ = write!(out, "{gap}{},{}", Tenths(x), Tenths(y));
            }
            let _ = write!(
                out,
                r#"" fill="none" stroke="{color}" stroke-width="2"{}/>"#,
                if dash.is_empty() {
                    String::new()
                } else {
                    format!(r#" stroke-dasharray="{}""#, dash.join(" "))
                }
            );
        }
        for (year, value) in &points {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="3" fill="{color}"><title>{year}: {}</title></circle>"#,
                Tenths(f.x(f64::from(*year))),
                Tenths(f.y(*value)),
                escape(&number(*value))
            );
        }
        out.push_str("</g>");
        legend(&mut out, i, &line.name, |out, x, y| {
            let _ = write!(
                out,
                r#"<line x1="{x}" y1="{y}" x2="{}" y2="{y}" stroke="{color}" stroke-width="2"/>"#,
                x + 18.0
            );
        });
    }
    let mut row = chart.lines.len();
    for (point, label, square) in [
        (chart.baseline, &chart.baseline_label, true),
        (chart.target, &chart.target_label, false),
    ] {
        let Some((year, value)) = point else { continue };
        let (x, y) = (f.x(f64::from(year)), f.y(value));
        let _ = write!(
            out,
            r#"<g class="{}"><title>{}, {year}: {}</title>{}</g>"#,
            if square { "baseline" } else { "target" },
            escape(label),
            escape(&number(value)),
            marker(x, y, square)
        );
        legend(&mut out, row, label, |out, x, y| {
            out.push_str(&marker(x + 9.0, y, square));
        });
        row += 1;
    }
    out.push_str("</svg>");
    out
}

fn marker(x: f64, y: f64, square: bool) -> String {
    if square {
        format!(
            r#"<rect x="{:.1}" y="{:.1}" width="9" height="9" fill="white" stroke="{GOAL}" stroke-width="2"/>"#,
            x - 4.5,
            y - 4.5
        )
    } else {
        format!(
            r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{GOAL}"/>"#,
            x,
            y - 6.0,
            x + 6.0,
            y,
            x,
            y + 6.0,
            x - 6.0,
            y
        )
    }
}

fn legend(out: &mut String, row: usize, name: &str, sample: impl FnOnce(&mut String, f64, f64)) {
    let x = WIDTH - RIGHT + 16.0;
    let y = TOP + 8.0 + 18.0 * row as f64;
    if y > HEIGHT - 8.0 {
        return;
    }
    sample(out, x, y);
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" fill="{TEXT}">{}</text>"#,
        x + 24.0,
        y + 4.0,
        escape(&short(name))
    );
}

fn axes(out: &mut String, f: &Frame, number: &dyn Fn(f64) -> String) {
    let (low, high) = f.values;
    let ticks = ((high - low) / f.step).round() as i64;
    for k in 0..=ticks.min(20) {
        let value = low + f.step * k as f64;
        let y = f.y(value);
        let _ = write!(
            out,
            r#"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{GRID}" stroke-width="1"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="{TEXT}">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            escape(&number(if value.abs() < f.step / 1e6 {
                0.0
            } else {
                value
            }))
        );
    }
    let (first, last) = (f.years.0 as i32, f.years.1 as i32);
    let span = (last - first).max(1);
    let every = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|e| span / e <= 10)
        .unwrap_or(100);
    for year in first..=last {
        if (year - first) % every != 0 {
            continue;
        }
        let x = f.x(f64::from(year));
        let _ = write!(
            out,
            r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{TEXT}" stroke-width="1"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="{TEXT}">{year}</text>"#,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM + 4.0,
            HEIGHT - BOTTOM + 18.0
        );
    }
    let _ = write!(
        out,
        r#"<line x1="{LEFT}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{TEXT}" stroke-width="1"/>"#,
        HEIGHT - BOTTOM,
        WIDTH - RIGHT,
        HEIGHT - BOTTOM
    );
}

#[cfg(test)]
mod tests;
