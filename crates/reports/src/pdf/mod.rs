//! The written report as PDF, by us on top of `pdf-writer`: the public [`Document`] /
//! [`Block`] types and [`render`], which lays the blocks out ([`layout`], [`table`],
//! [`chart`]) and assembles the file (catalog with `/Lang`, info, pages, embedded fonts).
//!
//! A4 pages, 20 mm margins, DejaVu Sans embedded as a subset (Type0 / Identity-H with a
//! ToUnicode CMap, so text can be searched and copied), Flate-compressed streams, and a
//! footer with "n / total" on every page. Characters the font lacks print as "?".

mod chart;
mod font;
mod layout;
mod subset;
mod table;
pub mod text;
mod wrap;

use pdf_writer::{Filter, Pdf, Rect, Ref, TextStr};

use crate::radar::Radar;
use font::Style;
use layout::{Flow, PAGE_H, PAGE_W};

/// A report to render.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub title: String,
    /// "en" | "fr" | "es": written to the catalog's `/Lang`, and picks the "no data" text.
    pub lang: String,
    pub blocks: Vec<Block>,
    /// E.g. city + date; "n / total" is added on the right of every page.
    pub footer: String,
}

/// One piece of a [`Document`], laid out top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1 is the largest; levels above 3 look like level 3.
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph; `\n` starts a new line.
    Paragraph(String),
    Bullets(Vec<String>),
    /// `widths` are relative; missing or invalid ones count as 1.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        widths: Vec<f32>,
    },
    /// Drawn as vector graphics from [`crate::radar::geometry`], kept on one page.
    Radar(Radar),
    /// Starts a new page (unless the current one is still empty).
    PageBreak,
}

/// The document as PDF bytes. Never panics; any text is accepted.
pub fn render(doc: &Document) -> Vec<u8> {
    let lang = Lang::of(&doc.lang);
    let mut flow = Flow::new();
    layout::title(&mut flow, &doc.title);
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text } => {
                let keep = match doc.blocks.get(i + 1) {
                    Some(Block::Radar(radar)) => chart::height(&flow, radar),
                    Some(Block::Table { .. }) => 3.0 * layout::KEEP,
                    _ => layout::KEEP,
                };
                layout::heading(&mut flow, *level, text, keep);
            }
            Block::Paragraph(text) => layout::paragraph(&mut flow, text),
            Block::Bullets(items) => layout::bullets(&mut flow, items),
            Block::Table {
                header,
                rows,
                widths,
            } => table::table(&mut flow, header, rows, widths),
            Block::Radar(radar) => chart::radar(&mut flow, radar),
            Block::PageBreak => flow.page_break(),
        }
    }
    let (pages, fonts) = flow.finish(&doc.footer);

    let mut ids = 0i32;
    let mut next = || {
        ids = ids.saturating_add(1);
        Ref::new(ids.max(1))
    };
    let (catalog, tree, info, alpha) = (next(), next(), next(), next());
    let font_refs = [
        [next(), next(), next(), next(), next()],
        [next(), next(), next(), next(), next()],
    ];
    let page_refs: Vec<(Ref, Ref)> = pages.iter().map(|_| (next(), next())).collect();

    let mut pdf = Pdf::new();
    {
        let mut cat = pdf.catalog(catalog);
        cat.pages(tree);
        if !lang.code.is_empty() {
            cat.lang(TextStr(&lang.code));
        }
        cat.viewer_preferences().display_doc_title(true);
    }
    pdf.pages(tree)
        .kids(page_refs.iter().map(|(page, _)| *page))
        .count(i32::try_from(page_refs.len()).unwrap_or(i32::MAX));
    for ((page, content), data) in page_refs.iter().zip(&pages) {
        let mut writer = pdf.page(*page);
        writer
            .parent(tree)
            .media_box(Rect::new(0.0, 0.0, PAGE_W as f32, PAGE_H as f32))
            .contents(*content);
        let mut resources = writer.resources();
        resources
            .fonts()
            .pair(Style::Regular.resource(), font_refs[0][0])
            .pair(Style::Bold.resource(), font_refs[1][0]);
        resources.ext_g_states().pair(chart::TRANSLUCENT, alpha);
        drop(resources);
        drop(writer);
        let packed = compress(data);
        pdf.stream(*content, &packed).filter(Filter::FlateDecode);
    }
    pdf.ext_graphics(alpha).non_stroking_alpha(0.12);
    for (font, refs) in fonts.iter().zip(font_refs) {
        font.write(&mut pdf, refs);
    }
    pdf.document_info(info)
        .title(TextStr(&doc.title))
        .producer(TextStr("Ateneu"));
    pdf.finish()
}

/// The document language: its sanitised code for `/Lang` and a few words of our own.
#[derive(Clone, Debug)]
pub(crate) struct Lang {
    code: String,
}

impl Lang {
    fn of(tag: &str) -> Self {
        let code: String = tag
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(35)
            .collect();
        Lang { code }
    }
}

/// zlib (Flate) compression for streams.
pub(crate) fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

#[cfg(test)]
mod tests;
