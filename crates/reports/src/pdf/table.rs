//! Tables in the PDF report: relative column widths, cells wrapped by column, a bold header
//! row on a tinted band that is repeated after every page break, and rows taller than a
//! page split between pages.

use super::font::Style;
use super::layout::{BOTTOM, Flow, LEFT, RULE, Rgb, TEXT, TOP, WIDTH, pt};

const SIZE: f64 = 9.0;
const LEADING: f64 = 11.5;
const PAD_X: f64 = 4.0;
const PAD_Y: f64 = 3.5;
const HEADER_LINES: usize = 6;
const BAND: Rgb = (0.90, 0.93, 0.94);

/// Column x positions and widths from relative `widths` (missing or invalid ones count as 1),
/// each column at least `least[i]` wide (its header's longest word), as far as the page allows.
fn columns(count: usize, widths: &[f32], least: &[f64]) -> Vec<(f64, f64)> {
    let weights: Vec<f64> = (0..count)
        .map(|i| {
            let w = widths.get(i).map_or(1.0, |w| f64::from(*w));
            if w.is_finite() && w > 0.0 {
                w.clamp(1e-3, 1e6)
            } else {
                1.0
            }
        })
        .collect();
    let least: Vec<f64> = (0..count)
        .map(|i| least.get(i).copied().unwrap_or(0.0).max(0.0))
        .collect();
    let mut fixed = vec![false; count];
    let mut sizes = vec![0.0; count];
    // Columns narrower than their least width get it; the rest share what remains by weight.
    for _ in 0..=count {
        let room: f64 = WIDTH
            - (0..count)
                .filter(|i| fixed[*i])
                .map(|i| least[i])
                .sum::<f64>();
        let free: f64 = (0..count).filter(|i| !fixed[*i]).map(|i| weights[i]).sum();
        let mut changed = false;
        for i in 0..count {
            sizes[i] = if fixed[i] {
                least[i]
            } else {
                room.max(0.0) * weights[i] / free.max(1e-9)
            };
        }
        for i in 0..count {
            if !fixed[i] && sizes[i] < least[i] && room > least[i] {
                fixed[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let total: f64 = sizes.iter().sum();
    let scale = if total > WIDTH { WIDTH / total } else { 1.0 };
    let mut x = LEFT;
    sizes
        .iter()
        .map(|w| {
            let width = w * scale;
            let column = (x, width);
            x += width;
            column
        })
        .collect()
}

/// Each cell's wrapped lines.
fn wrap_row(flow: &Flow, style: Style, cols: &[(f64, f64)], cells: &[String]) -> Vec<Vec<String>> {
    cols.iter()
        .enumerate()
        .map(|(i, (_, width))| {
            let text = cells.get(i).map_or("", String::as_str);
            flow.wrap(style, SIZE, (width - 2.0 * PAD_X).max(SIZE), text)
        })
        .collect()
}

fn height(lines: usize) -> f64 {
    lines as f64 * LEADING + 2.0 * PAD_Y
}

/// Draws lines `from..to` of each cell as one band, then a rule below it.
fn band(
    flow: &mut Flow,
    cols: &[(f64, f64)],
    cells: &[Vec<String>],
    (from, to): (usize, usize),
    header: bool,
) {
    let h = height(to - from);
    let top = flow.y;
    if header {
        let c = flow.content();
        c.set_fill_rgb(pt(BAND.0), pt(BAND.1), pt(BAND.2));
        c.rect(pt(LEFT), pt(top - h), pt(WIDTH), pt(h));
        c.fill_nonzero();
    }
    let style = if header { Style::Bold } else { Style::Regular };
    for ((x, _), lines) in cols.iter().zip(cells) {
        let shown = lines.iter().enumerate().skip(from).take(to - from);
        for (k, line) in shown {
            let baseline = top - PAD_Y - (k - from) as f64 * LEADING - LEADING * 0.5 - SIZE * 0.35;
            flow.text(style, SIZE, (x + PAD_X, baseline), TEXT, line);
        }
    }
    flow.y = top - h;
    let y = flow.y;
    flow.rule(y, if header { 0.8 } else { 0.4 }, RULE);
}

pub(crate) fn table(flow: &mut Flow, header: &[String], rows: &[Vec<String>], widths: &[f32]) {
    let count = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    if count == 0 {
        return;
    }
    // A header is never cut inside a word: each column is at least as wide as its header's
    // longest word.
    let least: Vec<f64> = (0..count)
        .map(|i| {
            header.get(i).map_or(0.0, |text| {
                text.split_whitespace()
                    .map(|word| flow.measure(Style::Bold, SIZE, word))
                    .fold(0.0, f64::max)
                    + 2.0 * PAD_X
                    + 1.0
            })
        })
        .collect();
    let cols = columns(count, widths, &least);
    let mut head = wrap_row(flow, Style::Bold, &cols, header);
    for lines in &mut head {
        lines.truncate(HEADER_LINES);
    }
    let head_lines = head.iter().map(Vec::len).max().unwrap_or(0);
    let head_height = if head_lines == 0 {
        0.0
    } else {
        height(head_lines)
    };
    let page_room = TOP - BOTTOM - head_height;
    let draw_header = |flow: &mut Flow| {
        if head_lines > 0 {
            band(flow, &cols, &head, (0, head_lines), true);
        }
    };

    flow.ensure(head_height + height(1));
    draw_header(flow);
    for row in rows {
        let cells = wrap_row(flow, Style::Regular, &cols, row);
        let lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let mut from = 0;
        let mut broke = false;
        while from < lines {
            let fits = ((flow.room() - 2.0 * PAD_Y) / LEADING).floor().max(0.0) as usize;
            let rest = lines - from;
            if fits >= rest {
                band(flow, &cols, &cells, (from, lines), false);
                from = lines;
            } else if !broke && (height(rest) <= page_room || fits < 2) {
                // Move the rest of the row to the next page rather than split it.
                flow.page_break();
                draw_header(flow);
                broke = true;
            } else {
                // Taller than a page: split it (always at least one line, to make progress).
                let to = from + fits.clamp(1, rest);
                band(flow, &cols, &cells, (from, to), false);
                from = to;
                broke = false;
            }
        }
    }
    flow.y -= 8.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_share_the_width_by_weight() {
        let cols = columns(3, &[2.0, f32::NAN], &[]);
        assert_eq!(cols.len(), 3);
        assert!((cols[0].1 - WIDTH / 2.0).abs() < 1e-9);
        assert!((cols[1].1 - WIDTH / 4.0).abs() < 1e-9);
        assert!((cols[2].0 + cols[2].1 - (LEFT + WIDTH)).abs() < 1e-9);
        assert_eq!(columns(2, &[-1.0, 0.0], &[]), columns(2, &[], &[]));
    }

    #[test]
    fn a_column_is_never_narrower_than_its_header_s_longest_word() {
        // Six columns where the narrow ones must hold "Consensus" or "Dispersion".
        let least = [0.0, 60.0, 60.0, 70.0, 40.0, 65.0];
        let cols = columns(6, &[5.0, 1.0, 1.0, 1.0, 1.0, 1.2], &least);
        for (i, (_, width)) in cols.iter().enumerate() {
            assert!(
                *width + 1e-9 >= least[i],
                "column {i}: {width} < {}",
                least[i]
            );
        }
        let total: f64 = cols.iter().map(|(_, w)| w).sum();
        assert!((total - WIDTH).abs() < 1e-6, "the page's width, all of it");
        // More than the page can hold: shrunk to fit, never past the page.
        let squeezed = columns(3, &[], &[WIDTH, WIDTH, WIDTH]);
        let total: f64 = squeezed.iter().map(|(_, w)| w).sum();
        assert!(total <= WIDTH + 1e-6);
    }
}
