//! The radar chart in the PDF report, drawn as vector graphics from the same
//! [`geometry`] as the SVG (rings, axes, labels, series polygons in the same colours and
//! dash patterns, legend), scaled down if needed so that it stays on one page.

use pdf_writer::{Content, Name};

use super::font::Style;
use super::layout::{ACCENT, BOTTOM, Flow, LEFT, MUTED, RULE, Rgb, TEXT, TOP, WIDTH, pt};
use crate::radar::{Anchor, Geometry, LEGEND_SAMPLE, Point, Radar, geometry};

/// The ExtGState resource used for the translucent series fill.
pub(crate) const TRANSLUCENT: Name<'static> = Name(b"GA");
const SIZE: f64 = 340.0;
const TITLE: f64 = 11.0;
const GAP: f64 = 12.0;

fn rgb((r, g, b): (u8, u8, u8)) -> Rgb {
    (
        f64::from(r) / 255.0,
        f64::from(g) / 255.0,
        f64::from(b) / 255.0,
    )
}

fn path(c: &mut Content, points: &[(f64, f64)], close: bool) {
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 {
            c.move_to(pt(*x), pt(*y));
        } else {
            c.line_to(pt(*x), pt(*y));
        }
    }
    if close {
        c.close_path();
    }
}

/// A filled circle from four Bézier arcs.
fn dot(c: &mut Content, (x, y): (f64, f64), r: f64) {
    let k = r * 0.5523;
    c.move_to(pt(x + r), pt(y));
    c.cubic_to(pt(x + r), pt(y + k), pt(x + k), pt(y + r), pt(x), pt(y + r));
    c.cubic_to(pt(x - k), pt(y + r), pt(x - r), pt(y + k), pt(x - r), pt(y));
    c.cubic_to(pt(x - r), pt(y - k), pt(x - k), pt(y - r), pt(x), pt(y - r));
    c.cubic_to(pt(x + k), pt(y - r), pt(x + r), pt(y - k), pt(x + r), pt(y));
    c.fill_nonzero();
}

fn stroke_style(c: &mut Content, color: Rgb, width: f64, dash: &[f64], scale: f64) {
    c.set_stroke_rgb(pt(color.0), pt(color.1), pt(color.2));
    c.set_line_width(pt(width));
    c.set_dash_pattern(dash.iter().map(|d| pt(d * scale)), 0.0);
}

/// The chart's geometry, title lines, scale and total height on the page.
fn plan(flow: &Flow, radar: &Radar) -> (Geometry, Vec<String>, f64, f64) {
    let g = geometry(radar, SIZE);
    let title = flow.wrap(Style::Bold, TITLE, WIDTH, &radar.title);
    let title_height = title.len() as f64 * TITLE * 1.3 + if title.is_empty() { 0.0 } else { 6.0 };
    let scale = ((TOP - BOTTOM - title_height - GAP) / g.height).clamp(0.05, 1.0);
    let total = title_height + g.height * scale + GAP;
    (g, title, scale, total)
}

/// The height the chart takes on the page (to keep a heading with it).
pub(crate) fn height(flow: &Flow, radar: &Radar) -> f64 {
    plan(flow, radar).3
}

pub(crate) fn radar(flow: &mut Flow, radar: &Radar) {
    let (g, title, scale, total) = plan(flow, radar);
    flow.ensure(total);
    flow.lines(&title, Style::Bold, TITLE, TITLE * 1.3, LEFT, TEXT);
    if !title.is_empty() {
        flow.y -= 6.0;
    }
    let x0 = LEFT + (WIDTH - g.width * scale) / 2.0;
    let top = flow.y;
    let map = |p: Point| (x0 + p.0 * scale, top - p.1 * scale);
    let font = g.font_size * scale;
    let center = map(g.center);

    let c = flow.content();
    c.save_state();
    c.set_line_join(pdf_writer::types::LineJoinStyle::RoundJoin);
    stroke_style(c, RULE, 0.6, &[], scale);
    for ring in &g.rings {
        let points: Vec<_> = ring.points.iter().map(|p| map(*p)).collect();
        path(c, &points, true);
        c.stroke();
    }
    for axis in &g.axes {
        path(c, &[center, map(axis.end)], false);
        c.stroke();
    }
    for s in &g.series {
        let points: Vec<_> = s.points.iter().flatten().map(|p| map(*p)).collect();
        let color = rgb(s.color);
        c.set_fill_rgb(pt(color.0), pt(color.1), pt(color.2));
        if points.len() >= 3 {
            c.save_state();
            c.set_parameters(TRANSLUCENT);
            path(c, &points, true);
            c.fill_nonzero();
            c.restore_state();
        }
        if points.len() >= 2 {
            stroke_style(c, color, 1.6 * scale, s.dash, scale);
            path(c, &points, true);
            c.stroke();
        }
        for p in &points {
            dot(c, *p, 2.2 * scale);
        }
    }
    for s in &g.series {
        let (x, y) = map(s.legend_at);
        let mid = y + g.font_size * 0.35 * scale;
        stroke_style(c, rgb(s.color), 1.6 * scale, s.dash, scale);
        path(c, &[(x, mid), (x + font * LEGEND_SAMPLE, mid)], false);
        c.stroke();
    }
    c.restore_state();

    for ring in &g.rings {
        flow.text(
            Style::Regular,
            font * 0.8,
            map(ring.label_at),
            MUTED,
            &ring.label,
        );
    }
    for axis in &g.axes {
        let (x, y) = map(axis.label_at);
        for (k, line) in axis.lines.iter().enumerate() {
            let width = flow.measure(Style::Regular, font, line);
            let x = match axis.anchor {
                Anchor::Start => x,
                Anchor::Middle => x - width / 2.0,
                Anchor::End => x - width,
            };
            flow.text(
                Style::Regular,
                font,
                (x, y - k as f64 * g.line_height * scale),
                TEXT,
                line,
            );
        }
    }
    for s in &g.series {
        let (x, y) = map(s.legend_at);
        let x = x + font * (LEGEND_SAMPLE + 0.6);
        let name = flow.ellipsize(Style::Regular, font, LEFT + WIDTH - x, &s.name);
        flow.text(Style::Regular, font, (x, y), TEXT, &name);
    }
    if g.empty {
        let size = font * 1.4;
        let width = flow.measure(Style::Regular, size, &g.no_data);
        flow.text(
            Style::Regular,
            size,
            (center.0 - width / 2.0, center.1),
            ACCENT,
            &g.no_data,
        );
    }
    flow.y = top - g.height * scale - GAP;
}
