//! The two embedded DejaVu Sans fonts: character → glyph lookup (with a "?" fallback),
//! widths from `hmtx` for line breaking, and the PDF objects that embed them (Type0 /
//! CIDFontType2 with Identity-H, a ToUnicode CMap, a subset, Flate-compressed FontFile2).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Name, Pdf, Rect, Ref, Str};
use ttf_parser::{Face, GlyphId};

use super::{compress, subset};

static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Which of the two embedded fonts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Regular,
    Bold,
}

impl Style {
    /// The font's resource name in page content streams.
    pub(crate) fn resource(self) -> Name<'static> {
        match self {
            Style::Regular => Name(b"F1"),
            Style::Bold => Name(b"F2"),
        }
    }
}

fn face(style: Style) -> Option<&'static Face<'static>> {
    static FACES: [OnceLock<Option<Face<'static>>>; 2] = [OnceLock::new(), OnceLock::new()];
    let (cell, data) = match style {
        Style::Regular => (&FACES[0], REGULAR),
        Style::Bold => (&FACES[1], BOLD),
    };
    cell.get_or_init(|| Face::parse(data, 0).ok()).as_ref()
}

/// One font of a document being written: measures text and remembers the glyphs used.
pub(crate) struct Font {
    style: Style,
    face: Option<&'static Face<'static>>,
    /// 1 / units per em.
    scale: f64,
    /// The glyph and advance used for characters the font lacks ('?').
    fallback: (u16, f64),
    space: (u16, f64),
    /// Used glyph id → the character it stands for (for ToUnicode).
    used: BTreeMap<u16, char>,
}

impl Font {
    pub(crate) fn new(style: Style) -> Self {
        let face = face(style);
        let scale = face.map_or(0.001, |f| 1.0 / f64::from(f.units_per_em().max(1)));
        let mut font = Font {
            style,
            face,
            scale,
            fallback: (0, 0.6),
            space: (0, 0.3),
            used: BTreeMap::new(),
        };
        font.fallback = font.lookup('?').unwrap_or((0, 0.6));
        font.space = font.lookup(' ').unwrap_or((0, 0.3));
        font
    }

    fn lookup(&self, c: char) -> Option<(u16, f64)> {
        let face = self.face?;
        let gid = face.glyph_index(c).filter(|g| g.0 != 0)?;
        let advance = face.glyph_hor_advance(gid).map_or(0.0, f64::from);
        Some((gid.0, advance * self.scale))
    }

    /// Glyph id, advance (in em) and the character actually shown.
    fn glyph(&self, c: char) -> (u16, f64, char) {
        match self.lookup(c) {
            Some((gid, advance)) => (gid, advance, c),
            None if c.is_whitespace() => (self.space.0, self.space.1, ' '),
            None => (self.fallback.0, self.fallback.1, '?'),
        }
    }

    /// Advance of one character, in em.
    pub(crate) fn advance(&self, c: char) -> f64 {
        self.glyph(c).1
    }

    /// Width of a text, in em.
    pub(crate) fn width(&self, text: &str) -> f64 {
        text.chars().map(|c| self.advance(c)).sum()
    }

    /// The text as 2-byte glyph ids (Identity-H), remembering the glyphs for embedding.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (gid, _, shown) = self.glyph(c);
            self.used.entry(gid).or_insert(shown);
            out.extend_from_slice(&gid.to_be_bytes());
        }
        out
    }

    /// The ToUnicode CMap mapping each used glyph back to its character.
    pub(crate) fn to_unicode(&self) -> Vec<u8> {
        let info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"UCS"),
            supplement: 0,
        };
        let mut cmap = UnicodeCmap::new(Name(b"Ateneu-UCS"), info);
        for (&gid, &c) in &self.used {
            cmap.pair(gid, c);
        }
        cmap.finish().into_vec()
    }

    /// PostScript name with a subset tag derived from the glyphs used, e.g. "ABCDEF+DejaVuSans".
    fn base_name(&self) -> Vec<u8> {
        let mut hash: u32 = 0x811c_9dc5;
        for gid in self.used.keys() {
            for byte in gid.to_be_bytes() {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        let mut name: Vec<u8> = (0..6)
            .map(|_| {
                let letter = b'A' + (hash % 26) as u8;
                hash /= 26;
                letter
            })
            .collect();
        name.push(b'+');
        name.extend_from_slice(match self.style {
            Style::Regular => b"DejaVuSans",
            Style::Bold => b"DejaVuSans-Bold",
        });
        name
    }

    /// Writes the Type0 font at `refs[0]` and its four helper objects at `refs[1..5]`.
    pub(crate) fn write(&self, pdf: &mut Pdf, refs: [Ref; 5]) {
        let [type0, cid, descriptor, cmap, file] = refs;
        let name = self.base_name();
        pdf.type0_font(type0)
            .base_font(Name(&name))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);

        let thousand = |units: f64| (units * self.scale * 1000.0) as f32;
        let mut font = pdf.cid_font(cid);
        font.subtype(CidFontType::Type2)
            .base_font(Name(&name))
            .system_info(SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"Identity"),
                supplement: 0,
            })
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut widths = font.widths();
        let mut run: Vec<f32> = Vec::new();
        let mut start = 0u16;
        for &gid in self.used.keys() {
            if !run.is_empty() && usize::from(gid) != usize::from(start) + run.len() {
                widths.consecutive(start, run.drain(..));
            }
            if run.is_empty() {
                start = gid;
            }
            let advance = self.face.and_then(|f| f.glyph_hor_advance(GlyphId(gid)));
            run.push(thousand(advance.map_or(0.0, f64::from)));
        }
        if !run.is_empty() {
            widths.consecutive(start, run);
        }
        drop(widths);
        drop(font);

        let (bbox, ascent, descent, cap) = match self.face {
            Some(f) => {
                let b = f.global_bounding_box();
                let ascent = thousand(f64::from(f.ascender()));
                (
                    Rect::new(
                        thousand(f64::from(b.x_min)),
                        thousand(f64::from(b.y_min)),
                        thousand(f64::from(b.x_max)),
                        thousand(f64::from(b.y_max)),
                    ),
                    ascent,
                    thousand(f64::from(f.descender())),
                    f.capital_height()
                        .map_or(ascent, |c| thousand(f64::from(c))),
                )
            }
            None => (Rect::new(0.0, -250.0, 1000.0, 900.0), 900.0, -250.0, 700.0),
        };
        pdf.font_descriptor(descriptor)
            .name(Name(&name))
            .flags(FontFlags::SYMBOLIC)
            .bbox(bbox)
            .italic_angle(0.0)
            .ascent(ascent)
            .descent(descent)
            .cap_height(cap)
            .stem_v(if self.style == Style::Bold {
                140.0
            } else {
                80.0
            })
            .font_file2(file);

        let unicode = compress(&self.to_unicode());
        pdf.stream(cmap, &unicode).filter(Filter::FlateDecode);

        let data = match self.style {
            Style::Regular => REGULAR,
            Style::Bold => BOLD,
        };
        let program =
            subset::subset(data, self.used.keys().copied()).unwrap_or_else(|| data.to_vec());
        let packed = compress(&program);
        pdf.stream(file, &packed).filter(Filter::FlateDecode).pair(
            Name(b"Length1"),
            i32::try_from(program.len()).unwrap_or(i32::MAX),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_fonts_parse_and_cover_latin_1_and_extended_a() {
        for style in [Style::Regular, Style::Bold] {
            let font = Font::new(style);
            assert!(font.face.is_some());
            let wanted = ('\u{a0}'..='\u{17f}').chain("“”‘’–—€…•".chars());
            for c in wanted {
                assert!(font.lookup(c).is_some(), "{style:?} lacks {c:?}");
            }
        }
    }

    #[test]
    fn missing_characters_become_question_marks() {
        let mut font = Font::new(Style::Regular);
        let question = font.encode("?");
        assert_eq!(font.encode("\u{10FFFF}"), question);
        assert_eq!(font.encode("🦀"), question);
        assert!(font.width("W") > font.width("i"));
        assert!(font.to_unicode().windows(6).any(|w| w == b"<003F>"));
    }
}
