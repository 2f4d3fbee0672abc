//! Writes a [`Radar`] as an accessible SVG (role, title, description, legend, dash patterns
//! that read in greyscale), from the shared [`geometry`]. Deterministic: numbers have one
//! decimal, ids derive from the content.

use std::fmt::Write;

use super::{Anchor, Geometry, LEGEND_SAMPLE, Point, Radar, geometry};
use crate::escape;

const SIZE: f64 = 480.0;
const GRID: &str = "#c5ced3";
const TEXT: &str = "#1f2a30";
const MUTED: &str = "#5b6770";

/// The radar as a standalone `<svg>` element (no script, no style attributes).
pub fn svg(radar: &Radar) -> String {
    let g = geometry(radar, SIZE);
    let id = format!("radar-{:08x}", fingerprint(radar));
    let mut out = String::with_capacity(4096 + 160 * radar.axes.len() * (1 + radar.series.len()));
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{id}-title {id}-desc" class="radar-chart" font-family="DejaVu Sans, Verdana, sans-serif"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        n(g.width),
        n(g.height),
        escape(&radar.title),
        escape(&radar.description),
    );
    grid(&mut out, &g);
    for (i, s) in g.series.iter().enumerate() {
        let color = hex(s.color);
        let present: Vec<Point> = s.points.iter().flatten().copied().collect();
        let _ = write!(
            out,
            r#"<g class="series series-{i}"><title>{}</title>"#,
            escape(&s.name)
        );
        if present.len() >= 2 {
            let _ = write!(
                out,
                r#"<polygon points="{}" fill="{color}" fill-opacity="0.12" stroke="{color}" stroke-width="2" stroke-linejoin="round"{}/>"#,
                points(&present),
                dash(s.dash),
            );
        }
        for p in &present {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="3" fill="{color}"/>"#,
                n(p.0),
                n(p.1)
            );
        }
        out.push_str("</g>");
    }
    legend(&mut out, &g);
    if g.empty {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{MUTED}">{}</text>"#,
            n(g.center.0),
            n(g.center.1),
            n(g.font_size * 1.4),
            escape(&g.no_data)
        );
    }
    out.push_str("</svg>");
    out
}

fn grid(out: &mut String, g: &Geometry) {
    let _ = write!(
        out,
        r#"<g class="rings" fill="none" stroke="{GRID}" stroke-width="1">"#
    );
    for ring in &g.rings {
        let _ = write!(out, r#"<polygon points="{}"/>"#, points(&ring.points));
    }
    out.push_str("</g>");
    let _ = write!(out, r#"<g class="axes" stroke="{GRID}" stroke-width="1">"#);
    for axis in &g.axes {
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
            n(g.center.0),
            n(g.center.1),
            n(axis.end.0),
            n(axis.end.1)
        );
    }
    out.push_str("</g>");
    let _ = write!(
        out,
        r#"<g class="ring-labels" font-size="{}" fill="{MUTED}">"#,
        n(g.font_size * 0.8)
    );
    for ring in &g.rings {
        let (x, y) = ring.label_at;
        let _ = write!(
            out,
            r#"<text x="{}" y="{}">{}</text>"#,
            n(x),
            n(y),
            escape(&ring.label)
        );
    }
    out.push_str("</g>");
    let _ = write!(
        out,
        r#"<g class="axis-labels" font-size="{}" fill="{TEXT}">"#,
        n(g.font_size)
    );
    for axis in &g.axes {
        let anchor = match axis.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let _ = write!(out, r#"<text text-anchor="{anchor}">"#);
        for (k, line) in axis.lines.iter().enumerate() {
            let y = axis.label_at.1 + k as f64 * g.line_height;
            let _ = write!(
                out,
                r#"<tspan x="{}" y="{}">{}</tspan>"#,
                n(axis.label_at.0),
                n(y),
                escape(line)
            );
        }
        out.push_str("</text>");
    }
    out.push_str("</g>");
}

fn legend(out: &mut String, g: &Geometry) {
    if g.series.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"<g class="legend" font-size="{}" fill="{TEXT}">"#,
        n(g.font_size)
    );
    for s in &g.series {
        let (x, y) = s.legend_at;
        let mid = y - g.font_size * 0.35;
        let end = x + g.font_size * LEGEND_SAMPLE;
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"{}/><text x="{}" y="{}">{}</text>"#,
            n(x),
            n(mid),
            n(end),
            n(mid),
            hex(s.color),
            dash(s.dash),
            n(end + g.font_size * 0.6),
            n(y),
            escape(&s.name)
        );
    }
    out.push_str("</g>");
}

/// A number written with one decimal, never "-0.0" nor "NaN" (no allocation).
struct N(f64);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round();
        if !tenths.is_finite() || tenths == 0.0 {
            return f.write_str("0.0");
        }
        if tenths.abs() >= 1e15 {
            return write!(f, "{:.1}", self.0);
        }
        // Integer formatting is much faster than `{:.1}`; same output.
        let tenths = tenths as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let abs = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", abs / 10, abs % 10)
    }
}

fn n(value: f64) -> N {
    N(value)
}

fn points(points: &[Point]) -> String {
    let mut out = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", n(p.0), n(p.1));
    }
    out
}

fn dash(pattern: &[f64]) -> String {
    if pattern.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pattern.iter().map(|v| n(*v).to_string()).collect();
    format!(r#" stroke-dasharray="{}""#, parts.join(" "))
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// FNV-1a over the title, axes and series names: stable ids for `aria-labelledby`.
fn fingerprint(radar: &Radar) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let names = radar.series.iter().map(|s| s.name.as_str());
    for part in std::iter::once(radar.title.as_str())
        .chain(radar.axes.iter().map(String::as_str))
        .chain(names)
    {
        for byte in part.bytes().chain([0]) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::super::{Series, tests::sample};
    use super::*;

    #[test]
    fn one_label_per_axis_and_one_polygon_per_series() {
        for axes in [1, 3, 9, 30] {
            let svg = svg(&sample(axes, 3));
            assert_eq!(svg.matches("<text text-anchor=").count(), axes, "{axes}");
            assert_eq!(svg.matches(r#"<g class="series "#).count(), 3);
            assert!(svg.contains(r#"role="img""#) && svg.contains("aria-labelledby="));
            assert!(!svg.contains("No data") && !svg.contains("NaN"));
        }
    }

    #[test]
    fn text_is_escaped_and_there_is_no_script() {
        let mut radar = sample(3, 1);
        radar.title = "<script>alert(1)</script>".into();
        radar.axes[0] = "Culture & \"heritage\" <b>".into();
        radar.series[0].name = "Barcelona's <plan>".into();
        let svg = svg(&radar);
        assert!(!svg.contains("<script") && !svg.contains("<b>") && !svg.contains("style="));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("Culture &amp;"));
        assert!(svg.contains("Barcelona&#39;s &lt;plan&gt;"));
    }

    #[test]
    fn values_are_clamped_to_the_range() {
        let radar = Radar {
            axes: vec!["a".into(), "b".into(), "c".into()],
            min: 0.0,
            max: 10.0,
            series: vec![Series {
                name: "s".into(),
                values: vec![Some(99.0), Some(-3.0), None],
            }],
            ..Radar::default()
        };
        let svg = svg(&radar);
        // Top axis at full radius (480 * 0.3 = 144 above the centre), second at the centre.
        assert!(svg.contains(r#"points="300.0,54.9 300.0,198.9""#), "{svg}");
    }

    #[test]
    fn empty_input_gives_a_valid_svg_saying_no_data() {
        for radar in [Radar::default(), sample(5, 0)] {
            let svg = svg(&radar);
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
            assert!(svg.contains(">—</text>"), "a dash when no words are given");
            let said = super::svg(&Radar {
                no_data: "Aucune donnée".into(),
                ..radar.clone()
            });
            assert!(said.contains(">Aucune donnée</text>"), "the reader's words");
            assert!(svg.contains("viewBox=\"0 0 600.0 397.7\""));
        }
    }

    #[test]
    fn numbers_have_one_decimal() {
        let shown: Vec<String> = [0.04, -0.04, -0.06, 2.25, 105.55, -3.0, f64::NAN, 1e300]
            .iter()
            .map(|v| n(*v).to_string())
            .collect();
        assert_eq!(shown[..6], ["0.0", "0.0", "-0.1", "2.3", "105.6", "-3.0"]);
        assert_eq!(shown[6], "0.0");
        assert!(shown[7].ends_with(".0"));
    }

    #[test]
    fn output_is_deterministic_and_fast() {
        let radar = sample(30, 3);
        let start = std::time::Instant::now();
        let first = svg(&radar);
        let elapsed = start.elapsed();
        assert_eq!(first, svg(&radar));
        // Well under 1 ms in release; generous for unoptimised test builds.
        assert!(elapsed.as_millis() < 20, "{elapsed:?}");
    }
}
