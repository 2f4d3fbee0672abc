//! The radar (spider) chart: its data types and the geometry shared by the SVG writer
//! ([`svg`]) and the PDF report, so that both draw exactly the same chart.
//!
//! Missing values (`None`, or a NaN) are *skipped*: a series polygon joins the axes that
//! have a value, and only those axes get a marker dot. Drawing a missing value at the
//! centre would read as "the lowest score", which it is not.

mod label;
mod svg;

pub use svg::svg;

use std::f64::consts::PI;

use label::{clean, truncate, wrap_label};

/// A radar chart: one axis per criterion, one polygon per series.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Radar {
    pub title: String,
    pub description: String,
    pub axes: Vec<String>,
    pub min: f64,
    pub max: f64,
    /// Gridline values, e.g. 3, 6, 9. Values outside `(min, max]` are ignored; with none,
    /// one ring is drawn at `max`.
    pub rings: Vec<f64>,
    pub series: Vec<Series>,
    /// What the chart says when it has no value, in the reader's language (a dash when empty).
    pub no_data: String,
    /// The reader's decimal mark for the rings' labels (`.` when empty).
    pub decimal_mark: String,
}

/// One polygon of a radar chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub name: String,
    /// One per axis; `None` = no value. Extra values are ignored, missing ones are `None`.
    pub values: Vec<Option<f64>>,
}

/// Horizontal alignment of a label relative to its anchor point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A point in chart coordinates: x to the right, y *down* (SVG convention).
pub type Point = (f64, f64);

/// Everything needed to draw a radar, in a `width` × `height` box (y down): the chart
/// itself (about 1.25 × 0.83 `size`, leaving room for labels on every side), then the
/// legend below it.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub center: Point,
    pub radius: f64,
    pub font_size: f64,
    pub line_height: f64,
    /// True when there are no axes or no value at all: draw `no_data` at `center`.
    pub empty: bool,
    pub no_data: String,
    pub rings: Vec<Ring>,
    pub axes: Vec<Axis>,
    pub series: Vec<SeriesShape>,
}

/// A gridline polygon (a 48-gon approximating a circle when there are fewer than 3 axes).
#[derive(Clone, Debug, PartialEq)]
pub struct Ring {
    pub label: String,
    /// Where the ring's value is written (start-anchored, baseline).
    pub label_at: Point,
    pub points: Vec<Point>,
}

/// An axis line from the centre to `end`, and its label (up to three lines).
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub end: Point,
    /// Baseline of the first label line; the next lines go `line_height` lower.
    pub label_at: Point,
    pub anchor: Anchor,
    pub lines: Vec<String>,
}

/// A series polygon, its style and its legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesShape {
    pub name: String,
    pub color: (u8, u8, u8),
    /// Dash pattern (empty = solid), in chart units.
    pub dash: &'static [f64],
    /// One per axis, `None` where the value is missing (skipped).
    pub points: Vec<Option<Point>>,
    /// Left end of the legend's sample line, on the legend text's baseline.
    pub legend_at: Point,
}

/// Okabe–Ito colours (colour-blind safe), each series also gets its own dash pattern.
pub(crate) const COLORS: [(u8, u8, u8); 7] = [
    (0x00, 0x72, 0xB2),
    (0xD5, 0x5E, 0x00),
    (0x00, 0x9E, 0x73),
    (0xCC, 0x79, 0xA7),
    (0xE6, 0x9F, 0x00),
    (0x56, 0xB4, 0xE9),
    (0x1F, 0x2A, 0x30),
];
pub(crate) const DASHES: [&[f64]; 5] = [
    &[],
    &[7.0, 4.0],
    &[2.0, 3.0],
    &[9.0, 3.0, 2.0, 3.0],
    &[4.0, 4.0],
];

/// Legend sample-line length and gap before the name, in font sizes.
pub const LEGEND_SAMPLE: f64 = 2.5;
const MAX_RINGS: usize = 50;
const MAX_LEGEND_CHARS: usize = 80;

impl Radar {
    /// The value range actually used: non-finite or inverted bounds fall back sensibly.
    pub fn range(&self) -> (f64, f64) {
        let min = if self.min.is_finite() { self.min } else { 0.0 };
        let max = if self.max.is_finite() && self.max > min {
            self.max
        } else {
            min + 1.0
        };
        (min, max)
    }

    /// The position of `value` in `[0, 1]` (clamped); `None` for a missing or NaN value.
    pub fn fraction(&self, value: Option<f64>) -> Option<f64> {
        let value = value.filter(|v| !v.is_nan())?;
        let (min, max) = self.range();
        Some(((value.clamp(min, max) - min) / (max - min)).clamp(0.0, 1.0))
    }
}

/// Lays out `radar` for a circle of diameter `0.6 × size`, labels and legend included.
pub fn geometry(radar: &Radar, size: f64) -> Geometry {
    let size = if size.is_finite() && size >= 50.0 {
        size.min(10_000.0)
    } else {
        480.0
    };
    let n = radar.axes.len();
    let width = size * 1.25;
    let radius = size * 0.3;
    let font_size = size / 42.0;
    let line_height = font_size * 1.2;
    // Room for three label lines above and below the circle.
    let chart_height = 2.0 * (radius + font_size * 0.7 + 3.0 * line_height) + font_size;
    let center = (width / 2.0, chart_height / 2.0);
    let empty = n == 0
        || !radar.series.iter().any(|s| {
            s.values
                .iter()
                .take(n)
                .any(|v| radar.fraction(*v).is_some())
        });
    let angle = |i: usize, count: usize| -PI / 2.0 + 2.0 * PI * i as f64 / count.max(1) as f64;
    let at = |a: f64, r: f64| (center.0 + r * a.cos(), center.1 + r * a.sin());

    let (min, max) = radar.range();
    let mut values: Vec<f64> = radar
        .rings
        .iter()
        .copied()
        .filter(|v| v.is_finite() && *v > min && *v <= max)
        .take(MAX_RINGS)
        .collect();
    if values.is_empty() {
        values.push(max);
    }
    let sides = if n >= 3 { n } else { 48 };
    let rings = if n == 0 {
        Vec::new()
    } else {
        values
            .iter()
            .map(|v| {
                let r = radius * (v - min) / (max - min);
                Ring {
                    label: number_label(*v, &radar.decimal_mark),
                    label_at: (center.0 + font_size * 0.3, center.1 - r + font_size * 0.85),
                    points: (0..sides).map(|i| at(angle(i, sides), r)).collect(),
                }
            })
            .collect()
    };

    let room = (width / 2.0 - radius - font_size).max(font_size);
    let chars_per_line = ((room / (font_size * 0.56)) as usize).max(8);
    let axes = radar
        .axes
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let a = angle(i, n);
            let (cos, sin) = (a.cos(), a.sin());
            let lines = wrap_label(name, chars_per_line);
            let count = lines.len().max(1) as f64;
            let (x, y) = at(a, radius + font_size * 0.7);
            let anchor = if cos > 0.1 {
                Anchor::Start
            } else if cos < -0.1 {
                Anchor::End
            } else {
                Anchor::Middle
            };
            let first = if sin < -0.3 {
                y - (count - 1.0) * line_height
            } else if sin > 0.3 {
                y + font_size * 0.8
            } else {
                y - (count - 1.0) * line_height / 2.0 + font_size * 0.35
            };
            Axis {
                end: at(a, radius),
                label_at: (x, first),
                anchor,
                lines,
            }
        })
        .collect();

    let legend_top = chart_height + line_height;
    let series: Vec<SeriesShape> = radar
        .series
        .iter()
        .enumerate()
        .map(|(s, series)| SeriesShape {
            name: truncate(&clean(&series.name), MAX_LEGEND_CHARS),
            color: COLORS[s % COLORS.len()],
            dash: DASHES[s % DASHES.len()],
            points: (0..n)
                .map(|i| {
                    let value = series.values.get(i).copied().flatten();
                    radar.fraction(value).map(|t| at(angle(i, n), radius * t))
                })
                .collect(),
            legend_at: (width * 0.1, legend_top + s as f64 * line_height * 1.4),
        })
        .collect();
    let height = if series.is_empty() {
        chart_height
    } else {
        legend_top + series.len() as f64 * line_height * 1.4
    };
    Geometry {
        width,
        height,
        center,
        radius,
        font_size,
        line_height,
        empty,
        no_data: if radar.no_data.trim().is_empty() {
            "—".to_owned()
        } else {
            clean(&radar.no_data)
        },
        rings,
        axes,
        series,
    }
}

/// "3" for whole numbers, else one decimal with the reader's mark.
fn number_label(value: f64, mark: &str) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.1}");
        if mark.is_empty() {
            text
        } else {
            text.replace('.', mark)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample(axes: usize, series: usize) -> Radar {
        Radar {
            title: "Culture 21".into(),
            description: "Self-assessment".into(),
            axes: (0..axes)
                .map(|i| format!("Axis number {i} with a long name"))
                .collect(),
            min: 0.0,
            max: 10.0,
            rings: vec![3.0, 6.0, 9.0],
            series: (0..series)
                .map(|s| Series {
                    name: format!("Series {s}"),
                    values: (0..axes).map(|i| Some(((i + s) % 11) as f64)).collect(),
                })
                .collect(),
            ..Radar::default()
        }
    }

    #[test]
    fn values_are_clamped_and_missing_ones_skipped() {
        let mut radar = sample(4, 1);
        radar.series[0].values = vec![Some(-5.0), Some(50.0), None, Some(f64::NAN)];
        let g = geometry(&radar, 400.0);
        let points = &g.series[0].points;
        assert_eq!(points[0], Some(g.center));
        let top_right = points[1].unwrap_or_default();
        assert!((top_right.0 - (g.center.0 + g.radius)).abs() < 1e-9);
        assert_eq!((points[2], points[3]), (None, None));
    }

    #[test]
    fn degenerate_ranges_and_sizes_do_not_panic() {
        let mut radar = sample(2, 2);
        (radar.min, radar.max) = (f64::NAN, f64::NEG_INFINITY);
        radar.rings = vec![f64::NAN, 1e300, -1.0];
        let g = geometry(&radar, f64::NAN);
        assert_eq!(g.rings.len(), 1);
        assert_eq!(g.rings[0].points.len(), 48);
        assert!(
            g.series
                .iter()
                .flat_map(|s| &s.points)
                .flatten()
                .all(|p| p.0.is_finite())
        );
    }
}
