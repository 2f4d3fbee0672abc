//! The text of each page of a PDF that this crate wrote (content streams inflated, glyph ids
//! mapped back through the embedded fonts' cmaps): what tests and checks read to know what a
//! report shows to whom.

use std::collections::HashMap;

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Every Flate stream of the file, inflated, in file order.
pub(crate) fn streams(pdf: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = pdf;
    while let Some(i) = find(rest, b"stream\n") {
        let data = &rest[i + 7..];
        let Some(end) = find(data, b"\nendstream") else {
            break;
        };
        if let Ok(inflated) = miniz_oxide::inflate::decompress_to_vec_zlib(&data[..end]) {
            out.push(inflated);
        }
        rest = &data[end + 10..];
    }
    out
}

fn reverse_cmap(data: &[u8]) -> HashMap<u16, char> {
    let mut map = HashMap::new();
    if let Ok(face) = ttf_parser::Face::parse(data, 0) {
        for c in (' '..='\u{2FFF}').rev() {
            if let Some(gid) = face.glyph_index(c) {
                map.insert(gid.0, c);
            }
        }
    }
    map
}

/// A string operand at `i` (`(…)` with escapes, or `<hex>`): its bytes and where it ends.
fn operand(stream: &[u8], mut i: usize) -> Option<(Vec<u8>, usize)> {
    let mut bytes = Vec::new();
    match stream.get(i)? {
        b'(' => {
            i += 1;
            while *stream.get(i)? != b')' {
                if stream[i] == b'\\' {
                    i += 1;
                    let next = *stream.get(i)?;
                    if next.is_ascii_digit() {
                        let digits = stream.get(i..i + 3)?;
                        let octal = std::str::from_utf8(digits).ok()?;
                        bytes.push(u8::from_str_radix(octal, 8).ok()?);
                        i += 2;
                    } else {
                        let escapes = [
                            (b'n', b'\n'),
                            (b'r', b'\r'),
                            (b't', b'\t'),
                            (b'b', 8),
                            (b'f', 12),
                        ];
                        let found = escapes.iter().find(|(k, _)| *k == next);
                        bytes.push(found.map_or(next, |(_, v)| *v));
                    }
                } else {
                    bytes.push(stream[i]);
                }
                i += 1;
            }
            Some((bytes, i))
        }
        b'<' if stream.get(i + 1) != Some(&b'<') => {
            let end = i + find(&stream[i..], b">")?;
            let hex = std::str::from_utf8(&stream[i + 1..end]).ok()?;
            for k in 0..hex.len() / 2 {
                bytes.push(u8::from_str_radix(hex.get(2 * k..2 * k + 2)?, 16).ok()?);
            }
            Some((bytes, end))
        }
        _ => None,
    }
}

/// The text of each page (one content stream per page, strings joined by newlines).
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let regular = reverse_cmap(include_bytes!("../../fonts/DejaVuSans.ttf"));
    let bold = reverse_cmap(include_bytes!("../../fonts/DejaVuSans-Bold.ttf"));
    let mut pages = Vec::new();
    for stream in streams(pdf)
        .into_iter()
        .filter(|s| find(s, b"BT").is_some())
    {
        let mut text = String::new();
        let mut map = &regular;
        let mut i = 0;
        while i < stream.len() {
            if stream[i..].starts_with(b"/F2 ") {
                map = &bold;
            } else if stream[i..].starts_with(b"/F1 ") {
                map = &regular;
            } else if let Some((bytes, end)) = operand(&stream, i) {
                if !bytes.is_empty() {
                    for pair in bytes.chunks(2) {
                        let gid = u16::from_be_bytes([pair[0], pair.get(1).copied().unwrap_or(0)]);
                        text.push(map.get(&gid).copied().unwrap_or('\u{FFFD}'));
                    }
                    text.push('\n');
                }
                i = end;
            }
            i += 1;
        }
        pages.push(text);
    }
    pages
}
