//! Ateneu's charts, written as SVG by us (no chart library): accessible (title, description)
//! and safe (every label escaped); this file owns `escape` and the bar chart. The radar
//! chart lives in [`radar`], the indicator line chart in [`line_chart`], the written PDF report
//! in [`pdf`].

pub mod line_chart;
pub mod pdf;
pub mod radar;

use std::fmt::Write;

/// Escapes text for SVG/XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A horizontal bar chart: one bar per (label, value), scaled to the largest value.
pub fn bar_chart(title: &str, description: &str, bars: &[(String, u64)]) -> String {
    const WIDTH: u64 = 640;
    const LABEL: u64 = 230;
    const ROW: u64 = 28;
    let height = ROW * bars.len() as u64 + 10;
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="chart-title chart-desc" class="bar-chart"><title id="chart-title">{}</title><desc id="chart-desc">{}</desc>"#,
        escape(title),
        escape(description)
    );
    for (i, (label, value)) in bars.iter().enumerate() {
        let y = 5 + i as u64 * ROW;
        let length = (WIDTH - LABEL - 60) * value / max;
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="#1f2a30">{}</text><rect x="{LABEL}" y="{}" width="{length}" height="18" rx="3" fill="#0d4f5c"/><text x="{}" y="{}" font-size="13" fill="#1f2a30">{value}</text>"##,
            LABEL - 8,
            y + 14,
            escape(label),
            y + 1,
            LABEL + length + 6,
            y + 14
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_and_labels_are_escaped() {
        let svg = bar_chart(
            "Cities <by> region",
            "desc",
            &[("Europe & co".into(), 10), ("Africa".into(), 5)],
        );
        assert!(svg.contains("Cities &lt;by&gt; region"));
        assert!(svg.contains("Europe &amp; co"));
        assert!(svg.contains(r#"width="350""#), "{svg}");
        assert!(svg.contains(r#"width="175""#));
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn an_empty_chart_is_still_valid() {
        let svg = bar_chart("t", "d", &[]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}
