//! Page flow for the PDF report: the [`Flow`] cursor (pages, automatic page breaks, text
//! drawing through the embedded fonts), the title, headings, paragraphs, bullets and the
//! footer with "n / total".

use pdf_writer::{Content, Str};

use super::font::{Font, Style};
use super::wrap::{clean, ellipsize, wrap};

pub(crate) const PAGE_W: f64 = 595.28;
pub(crate) const PAGE_H: f64 = 841.89;
/// 20 mm.
pub(crate) const MARGIN: f64 = 56.69;
pub(crate) const LEFT: f64 = MARGIN;
pub(crate) const WIDTH: f64 = PAGE_W - 2.0 * MARGIN;
pub(crate) const TOP: f64 = PAGE_H - MARGIN;
pub(crate) const BOTTOM: f64 = MARGIN + 6.0;

pub(crate) type Rgb = (f64, f64, f64);
pub(crate) const TEXT: Rgb = (0.12, 0.165, 0.19);
pub(crate) const ACCENT: Rgb = (0.05, 0.31, 0.36);
pub(crate) const MUTED: Rgb = (0.36, 0.40, 0.44);
pub(crate) const RULE: Rgb = (0.77, 0.81, 0.83);

const BODY: f64 = 10.5;
const BODY_LEADING: f64 = 15.0;
const PARAGRAPH_GAP: f64 = 7.0;
const BULLET_INDENT: f64 = 14.0;
const FOOTER: f64 = 8.5;

/// A finite `f32` for the content stream (NaN and infinities become 0).
pub(crate) fn pt(value: f64) -> f32 {
    if value.is_finite() { value as f32 } else { 0.0 }
}

/// The pages written so far and the cursor on the current one.
pub(crate) struct Flow {
    fonts: [Font; 2],
    done: Vec<Content>,
    current: Content,
    /// Top of the free space on the current page (PDF units, y up).
    pub(crate) y: f64,
    fresh: bool,
}

impl Flow {
    pub(crate) fn new() -> Self {
        Flow {
            fonts: [Font::new(Style::Regular), Font::new(Style::Bold)],
            done: Vec::new(),
            current: Content::new(),
            y: TOP,
            fresh: true,
        }
    }

    pub(crate) fn font(&self, style: Style) -> &Font {
        match style {
            Style::Regular => &self.fonts[0],
            Style::Bold => &self.fonts[1],
        }
    }

    /// Width of `text` in points.
    pub(crate) fn measure(&self, style: Style, size: f64, text: &str) -> f64 {
        self.font(style).width(text) * size
    }

    /// `text` cleaned and wrapped to `width` points.
    pub(crate) fn wrap(&self, style: Style, size: f64, width: f64, text: &str) -> Vec<String> {
        let font = self.font(style);
        wrap(&clean(text), width / size, &|c| font.advance(c))
    }

    /// `text` shortened with "…" to fit `width` points.
    pub(crate) fn ellipsize(&self, style: Style, size: f64, width: f64, text: &str) -> String {
        let font = self.font(style);
        ellipsize(&clean(text).replace('\n', " "), width / size, &|c| {
            font.advance(c)
        })
    }

    pub(crate) fn new_page(&mut self) {
        let page = std::mem::replace(&mut self.current, Content::new());
        self.done.push(page);
        self.y = TOP;
        self.fresh = true;
    }

    /// A new page, unless nothing has been drawn on the current one yet.
    pub(crate) fn page_break(&mut self) {
        if !self.fresh {
            self.new_page();
        }
    }

    /// Whether nothing has been drawn on the current page yet.
    pub(crate) fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// Space left above the bottom margin.
    pub(crate) fn room(&self) -> f64 {
        self.y - BOTTOM
    }

    /// Starts a new page when `height` does not fit (and the page is not empty).
    pub(crate) fn ensure(&mut self, height: f64) {
        if height > self.room() && !self.fresh {
            self.new_page();
        }
    }

    /// The current page's content stream, to draw on.
    pub(crate) fn content(&mut self) -> &mut Content {
        self.fresh = false;
        &mut self.current
    }

    /// Draws one line of text with its baseline starting at (x, y).
    pub(crate) fn text(
        &mut self,
        style: Style,
        size: f64,
        (x, y): (f64, f64),
        color: Rgb,
        text: &str,
    ) {
        let index = usize::from(style == Style::Bold);
        let bytes = self.fonts[index].encode(text);
        if bytes.is_empty() {
            return;
        }
        let c = self.content();
        c.begin_text();
        c.set_fill_rgb(pt(color.0), pt(color.1), pt(color.2));
        c.set_font(style.resource(), pt(size));
        c.set_text_matrix([1.0, 0.0, 0.0, 1.0, pt(x), pt(y)]);
        c.show(Str(&bytes));
        c.end_text();
    }

    /// Draws wrapped lines at `x`, one `leading` each, breaking pages between lines.
    pub(crate) fn lines(
        &mut self,
        lines: &[String],
        style: Style,
        size: f64,
        leading: f64,
        x: f64,
        color: Rgb,
    ) {
        for line in lines {
            self.ensure(leading);
            let baseline = self.y - leading * 0.5 - size * 0.35;
            self.text(style, size, (x, baseline), color, line);
            self.y -= leading;
        }
    }

    /// A horizontal rule at height `y`.
    pub(crate) fn rule(&mut self, y: f64, width: f64, color: Rgb) {
        let c = self.content();
        c.set_stroke_rgb(pt(color.0), pt(color.1), pt(color.2));
        c.set_line_width(pt(width));
        c.move_to(pt(LEFT), pt(y));
        c.line_to(pt(LEFT + WIDTH), pt(y));
        c.stroke();
    }

    /// Adds the footers and returns every page's content stream and the fonts used.
    pub(crate) fn finish(mut self, footer: &str) -> (Vec<Vec<u8>>, [Font; 2]) {
        self.done
            .push(std::mem::replace(&mut self.current, Content::new()));
        let pages = std::mem::take(&mut self.done);
        let total = pages.len();
        let mut out = Vec::with_capacity(total);
        for (i, page) in pages.into_iter().enumerate() {
            self.current = page;
            let number = format!("{} / {total}", i + 1);
            let number_width = self.measure(Style::Regular, FOOTER, &number);
            let baseline = MARGIN - 24.0;
            self.rule(MARGIN - 10.0, 0.5, RULE);
            let left = self.ellipsize(Style::Regular, FOOTER, WIDTH - number_width - 18.0, footer);
            self.text(Style::Regular, FOOTER, (LEFT, baseline), MUTED, &left);
            let x = LEFT + WIDTH - number_width;
            self.text(Style::Regular, FOOTER, (x, baseline), MUTED, &number);
            out.push(
                std::mem::replace(&mut self.current, Content::new())
                    .finish()
                    .into_vec(),
            );
        }
        (out, self.fonts)
    }
}

/// The document title, large and bold, with a rule below.
pub(crate) fn title(flow: &mut Flow, text: &str) {
    let lines = flow.wrap(Style::Bold, 20.0, WIDTH, text);
    if lines.is_empty() {
        return;
    }
    flow.lines(&lines, Style::Bold, 20.0, 26.0, LEFT, ACCENT);
    flow.y -= 4.0;
    let y = flow.y;
    flow.rule(y, 1.2, ACCENT);
    flow.y -= 16.0;
}

/// The height to keep with a heading when nothing more is known: two lines of text.
pub(crate) const KEEP: f64 = 2.0 * BODY_LEADING;

/// A heading kept on the same page as the first `keep` points of what follows.
pub(crate) fn heading(flow: &mut Flow, level: u8, text: &str, keep: f64) {
    let (size, before, after) = match level {
        0 | 1 => (16.0, 14.0, 6.0),
        2 => (13.0, 11.0, 4.0),
        _ => (11.5, 8.0, 3.0),
    };
    let leading = size * 1.3;
    let lines = flow.wrap(Style::Bold, size, WIDTH, text);
    if lines.is_empty() {
        return;
    }
    let height = before + lines.len() as f64 * leading + after + keep;
    flow.ensure(height.min(TOP - BOTTOM));
    if !flow.is_fresh() {
        flow.y -= before;
    }
    let color = if level <= 1 { ACCENT } else { TEXT };
    flow.lines(&lines, Style::Bold, size, leading, LEFT, color);
    flow.y -= after;
}

pub(crate) fn paragraph(flow: &mut Flow, text: &str) {
    let lines = flow.wrap(Style::Regular, BODY, WIDTH, text);
    if lines.is_empty() {
        return;
    }
    flow.lines(&lines, Style::Regular, BODY, BODY_LEADING, LEFT, TEXT);
    flow.y -= PARAGRAPH_GAP;
}

/// A bulleted list with hanging indents.
pub(crate) fn bullets(flow: &mut Flow, items: &[String]) {
    let mut any = false;
    for item in items {
        let lines = flow.wrap(Style::Regular, BODY, WIDTH - BULLET_INDENT, item);
        if lines.is_empty() {
            continue;
        }
        any = true;
        flow.ensure(BODY_LEADING);
        let baseline = flow.y - BODY_LEADING * 0.5 - BODY * 0.35;
        flow.text(Style::Regular, BODY, (LEFT + 3.0, baseline), ACCENT, "•");
        flow.lines(
            &lines,
            Style::Regular,
            BODY,
            BODY_LEADING,
            LEFT + BULLET_INDENT,
            TEXT,
        );
        flow.y -= 2.5;
    }
    if any {
        flow.y -= PARAGRAPH_GAP - 2.5;
    }
}
