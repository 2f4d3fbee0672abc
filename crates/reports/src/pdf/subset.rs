//! A minimal TrueType subsetter for the embedded fonts: glyph ids are kept as they are (so
//! CIDToGIDMap stays Identity), unused glyph outlines are emptied, glyphs past the last one
//! used are dropped, and only the tables a PDF TrueType program needs are kept. Any parse
//! problem gives `None` and the caller embeds the whole font instead.

use std::collections::BTreeSet;

use ttf_parser::{RawFace, Tag};

const COPIED: [&[u8; 4]; 4] = [b"OS/2", b"cvt ", b"fpgm", b"prep"];

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([bytes[0], bytes[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

fn set_u16(data: &mut [u8], at: usize, value: u16) -> Option<()> {
    data.get_mut(at..at.checked_add(2)?)?
        .copy_from_slice(&value.to_be_bytes());
    Some(())
}

/// The font program keeping glyph 0 and the `used` glyphs (plus composite components).
pub(crate) fn subset(data: &[u8], used: impl IntoIterator<Item = u16>) -> Option<Vec<u8>> {
    let raw = RawFace::parse(data, 0).ok()?;
    let table = |tag: &[u8; 4]| raw.table(Tag::from_bytes(tag));
    let (head, hhea, maxp) = (table(b"head")?, table(b"hhea")?, table(b"maxp")?);
    let (hmtx, loca, glyf) = (table(b"hmtx")?, table(b"loca")?, table(b"glyf")?);
    let long_loca = u16_at(head, 50)? == 1;
    let num_glyphs = u16_at(maxp, 4)?;
    let metrics = u16_at(hhea, 34)?.min(num_glyphs).max(1);
    let range = |gid: u16| -> Option<(usize, usize)> {
        let i = usize::from(gid);
        let (start, end) = if long_loca {
            (
                u32_at(loca, i * 4)? as usize,
                u32_at(loca, i * 4 + 4)? as usize,
            )
        } else {
            (
                usize::from(u16_at(loca, i * 2)?) * 2,
                usize::from(u16_at(loca, i * 2 + 2)?) * 2,
            )
        };
        (start <= end && end <= glyf.len()).then_some((start, end))
    };

    let mut keep = BTreeSet::from([0u16]);
    let mut todo: Vec<u16> = used.into_iter().filter(|g| *g < num_glyphs).collect();
    while let Some(gid) = todo.pop() {
        if !keep.insert(gid) && gid != 0 {
            continue;
        }
        let (start, end) = range(gid)?;
        todo.extend(
            components(glyf.get(start..end)?)?
                .into_iter()
                .filter(|g| *g < num_glyphs && !keep.contains(g)),
        );
    }
    let count = keep.last().map_or(1, |last| last + 1);

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(usize::from(count) * 4 + 4);
    let mut new_hmtx = Vec::new();
    let new_metrics = metrics.min(count);
    for gid in 0..count {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        let kept = keep.contains(&gid);
        if kept {
            let (start, end) = range(gid)?;
            new_glyf.extend_from_slice(glyf.get(start..end)?);
            new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        }
        let i = usize::from(gid);
        let entry = if gid < new_metrics {
            hmtx.get(i * 4..i * 4 + 4)?
        } else {
            let at = usize::from(metrics) * 4 + (i - usize::from(metrics)) * 2;
            hmtx.get(at..at + 2)?
        };
        if kept {
            new_hmtx.extend_from_slice(entry);
        } else {
            new_hmtx.resize(new_hmtx.len() + entry.len(), 0);
        }
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());

    let mut new_head = head.to_vec();
    new_head.get_mut(8..12)?.fill(0);
    set_u16(&mut new_head, 50, 1)?;
    let mut new_hhea = hhea.to_vec();
    set_u16(&mut new_hhea, 34, new_metrics)?;
    let mut new_maxp = maxp.to_vec();
    set_u16(&mut new_maxp, 4, count)?;

    let mut tables: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"glyf", new_glyf),
        (*b"head", new_head),
        (*b"hhea", new_hhea),
        (*b"hmtx", new_hmtx),
        (*b"loca", new_loca),
        (*b"maxp", new_maxp),
    ];
    for tag in COPIED {
        if let Some(data) = table(tag) {
            tables.push((*tag, data.to_vec()));
        }
    }
    tables.sort_by_key(|table| table.0);
    assemble(&tables)
}

/// Glyph ids referenced by a composite glyph (none for a simple or empty glyph).
fn components(glyph: &[u8]) -> Option<Vec<u16>> {
    if glyph.is_empty() || i16::from_be_bytes([*glyph.first()?, *glyph.get(1)?]) >= 0 {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        out.push(u16_at(glyph, at + 2)?);
        at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
        at += match flags {
            f if f & 0x0008 != 0 => 2,
            f if f & 0x0040 != 0 => 4,
            f if f & 0x0080 != 0 => 8,
            _ => 0,
        };
        if flags & 0x0020 == 0 || out.len() > 1000 {
            return Some(out);
        }
    }
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Writes the table directory and the 4-byte aligned tables, with checksums.
fn assemble(tables: &[([u8; 4], Vec<u8>)]) -> Option<Vec<u8>> {
    let count = u16::try_from(tables.len()).ok()?;
    let power = 1u16 << (15 - count.max(1).leading_zeros());
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for value in [
        count,
        power * 16,
        power.trailing_zeros() as u16,
        count * 16 - power * 16,
    ] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + tables.len() * 16;
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    let mut head_at = None;
    for (tag, data) in tables {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    let at = head_at? + 8;
    out.get_mut(at..at + 4)?
        .copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ttf_parser::{Face, GlyphId};

    #[test]
    fn a_subset_keeps_the_used_glyphs_and_is_small() {
        let data = include_bytes!("../../fonts/DejaVuSans.ttf");
        let face = Face::parse(data, 0).expect("font");
        let gids: Vec<u16> = "Aé€ǅ"
            .chars()
            .filter_map(|c| face.glyph_index(c))
            .map(|g| g.0)
            .collect();
        let program = subset(data, gids.iter().copied()).expect("subset");
        assert!(program.len() < 60_000, "{}", program.len());
        let small = Face::parse(&program, 0).expect("subset parses");
        for gid in gids {
            let original = face.glyph_bounding_box(GlyphId(gid));
            assert!(original.is_some());
            assert_eq!(small.glyph_bounding_box(GlyphId(gid)), original);
            assert_eq!(
                small.glyph_hor_advance(GlyphId(gid)),
                face.glyph_hor_advance(GlyphId(gid))
            );
        }
        assert_eq!(subset(b"not a font", [1, 2]), None);
    }
}
