//! Files a city uploads for a practice (photos and documents): what may be uploaded, recognised
//! by its first bytes and never by the name or type the client claims; the size limit; the safe
//! name a file is downloaded under; and the description (alt text) it needs.

use super::MediaKind;
use crate::Lang;
use crate::ProblemKey;
use crate::text::TranslatedText;
use crate::validation::Problem;
use serde::{Deserialize, Serialize};

/// The largest file accepted: 10 MiB.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// How the limit is told to people.
pub const MAX_LABEL: &str = "10 MiB";
/// The longest download name, extension included.
pub const MAX_NAME: usize = 100;
/// The longest description (alt text) of an upload.
pub const MAX_DESCRIPTION: usize = 500;

/// What an upload is for: an image shown on the page, or a document to download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadKind {
    Image,
    Document,
}

impl UploadKind {
    pub fn key(self) -> &'static str {
        match self {
            UploadKind::Image => "image",
            UploadKind::Document => "document",
        }
    }

    /// The kind of entry it makes in the practice's media list.
    pub fn media_kind(self) -> MediaKind {
        match self {
            UploadKind::Image => MediaKind::Image,
            UploadKind::Document => MediaKind::Document,
        }
    }

    /// Images are shown in the browser; documents are downloaded.
    pub fn is_inline(self) -> bool {
        self == UploadKind::Image
    }
}

/// The types that may be uploaded. Nothing that a browser could run (HTML, SVG) is among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentType {
    Png,
    Jpeg,
    Webp,
    Gif,
    Pdf,
    Odt,
    Docx,
}

const ZIP: &[u8] = b"PK\x03\x04";
const ODT_MIME: &str = "application/vnd.oasis.opendocument.text";

impl ContentType {
    pub const ALL: [ContentType; 7] = [
        ContentType::Png,
        ContentType::Jpeg,
        ContentType::Webp,
        ContentType::Gif,
        ContentType::Pdf,
        ContentType::Odt,
        ContentType::Docx,
    ];

    /// The MIME type the file is stored and served with.
    pub fn mime(self) -> &'static str {
        match self {
            ContentType::Png => "image/png",
            ContentType::Jpeg => "image/jpeg",
            ContentType::Webp => "image/webp",
            ContentType::Gif => "image/gif",
            ContentType::Pdf => "application/pdf",
            ContentType::Odt => ODT_MIME,
            ContentType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ContentType::Png => "png",
            ContentType::Jpeg => "jpg",
            ContentType::Webp => "webp",
            ContentType::Gif => "gif",
            ContentType::Pdf => "pdf",
            ContentType::Odt => "odt",
            ContentType::Docx => "docx",
        }
    }

    /// A short name for people ("PDF").
    pub fn label(self) -> &'static str {
        match self {
            ContentType::Png => "PNG",
            ContentType::Jpeg => "JPEG",
            ContentType::Webp => "WebP",
            ContentType::Gif => "GIF",
            ContentType::Pdf => "PDF",
            ContentType::Odt => "ODT",
            ContentType::Docx => "DOCX",
        }
    }

    pub fn kind(self) -> UploadKind {
        match self {
            ContentType::Png | ContentType::Jpeg | ContentType::Webp | ContentType::Gif => {
                UploadKind::Image
            }
            ContentType::Pdf | ContentType::Odt | ContentType::Docx => UploadKind::Document,
        }
    }

    /// A stored MIME type back to its type.
    pub fn parse(mime: &str) -> Option<ContentType> {
        Self::ALL.into_iter().find(|t| t.mime() == mime)
    }

    /// Recognises a file by its magic bytes.
    pub fn sniff(bytes: &[u8]) -> Option<ContentType> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ContentType::Png)
        } else if bytes.starts_with(b"\xff\xd8\xff") {
            Some(ContentType::Jpeg)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(ContentType::Gif)
        } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
            Some(ContentType::Webp)
        } else if bytes.starts_with(b"%PDF-") {
            Some(ContentType::Pdf)
        } else if bytes.starts_with(ZIP) {
            zipped(bytes)
        } else {
            None
        }
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(usize::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok()
}

/// One local file header of a ZIP archive: (name, stored data, offset of the next header).
/// `None` when the header is cut short or its size is only given after the data.
fn zip_entry(bytes: &[u8], at: usize) -> Option<(&[u8], &[u8], usize)> {
    if bytes.get(at..at.checked_add(4)?)? != ZIP {
        return None;
    }
    let flags = u16_at(bytes, at + 6)?;
    let size = u32_at(bytes, at + 18)?;
    let name_len = u16_at(bytes, at + 26)?;
    let extra_len = u16_at(bytes, at + 28)?;
    let name_at = at.checked_add(30)?;
    let data_at = name_at.checked_add(name_len)?.checked_add(extra_len)?;
    let next = data_at.checked_add(size)?;
    if flags & 0x08 != 0 {
        return None;
    }
    let name = bytes.get(name_at..name_at.checked_add(name_len)?)?;
    let data = bytes.get(data_at..next.min(bytes.len()))?;
    Some((name, data, next))
}

/// An OpenDocument text (its first entry is `mimetype`, stored) or a Word document (a
/// `[Content_Types].xml` and a `word/document.xml`); any other archive is refused.
fn zipped(bytes: &[u8]) -> Option<ContentType> {
    let (name, data, _) = zip_entry(bytes, 0)?;
    if name == b"mimetype" {
        return (data == ODT_MIME.as_bytes()).then_some(ContentType::Odt);
    }
    let (mut types, mut word) = (false, false);
    let mut at = 0;
    for _ in 0..256 {
        let Some((name, _, next)) = zip_entry(bytes, at) else {
            break;
        };
        types |= name == b"[Content_Types].xml";
        word |= name == b"word/document.xml";
        if types && word {
            return Some(ContentType::Docx);
        }
        at = next;
    }
    None
}

/// A download name made from the one the file came with: ASCII letters and digits in lower
/// case, words joined by hyphens, and the extension of the type actually recognised. It never
/// holds a path separator, a control character, a quote or a leading dot, so it is safe in a
/// URL path and in a `Content-Disposition` header as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileName(String);

impl FileName {
    pub fn parse(original: &str, content_type: ContentType) -> FileName {
        let base = original.rsplit(['/', '\\']).next().unwrap_or(original);
        let stem = match base.rsplit_once('.') {
            Some((stem, _)) if !stem.trim().is_empty() => stem,
            _ => base,
        };
        let extension = content_type.extension();
        let room = MAX_NAME - extension.len() - 1;
        let mut out = String::with_capacity(room);
        for c in crate::cities::fold(stem).chars() {
            if out.len() >= room {
                break;
            }
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        let stem = out.trim_end_matches('-');
        let stem = if stem.is_empty() { "file" } else { stem };
        FileName(format!("{stem}.{extension}"))
    }

    /// A name read back from storage, checked to be one `parse` could have made.
    pub fn stored(name: &str) -> Option<FileName> {
        let (stem, extension) = name.rsplit_once('.')?;
        let safe = name.len() <= MAX_NAME
            && !stem.is_empty()
            && !stem.starts_with('-')
            && stem
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && ContentType::ALL.iter().any(|t| t.extension() == extension);
        safe.then(|| FileName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name without its extension (a document's description when none is given).
    pub fn stem(&self) -> &str {
        self.0.rsplit_once('.').map_or(self.0.as_str(), |(s, _)| s)
    }
}

impl std::fmt::Display for FileName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An accepted upload: its recognised type and download name (the bytes stay with the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub content_type: ContentType,
    pub file_name: FileName,
    pub size: usize,
}

/// Checks a file: not empty, within the limit, and of a type that may be uploaded.
pub fn recognise(bytes: &[u8], original_name: &str) -> Result<Upload, Problem> {
    if bytes.is_empty() {
        return Err(Problem::new(ProblemKey::NotAFile));
    }
    if bytes.len() > MAX_BYTES {
        return Err(too_large());
    }
    let content_type =
        ContentType::sniff(bytes).ok_or_else(|| Problem::new(ProblemKey::UnsupportedFile))?;
    Ok(Upload {
        content_type,
        file_name: FileName::parse(original_name, content_type),
        size: bytes.len(),
    })
}

/// The problem of a file over the limit.
pub fn too_large() -> Problem {
    Problem::with_detail(ProblemKey::FileTooLarge, MAX_LABEL)
}

/// The description an upload goes in the media list with, in `lang`: required for an image
/// (its alt text); a document without one is described by its name.
pub fn describe(upload: &Upload, lang: Lang, text: &str) -> Result<TranslatedText, Problem> {
    let text = text.trim();
    if text.chars().count() > MAX_DESCRIPTION {
        return Err(Problem::with_detail(
            ProblemKey::TooLong,
            MAX_DESCRIPTION.to_string(),
        ));
    }
    match (upload.content_type.kind(), text.is_empty()) {
        (UploadKind::Document, true) => TranslatedText::new(lang, upload.file_name.stem()),
        _ => TranslatedText::new(lang, text),
    }
}

/// Where a stored file is served.
pub fn served_url(id: i64, name: &FileName) -> String {
    format!("/media/{id}/{name}")
}

/// A file the platform keeps for a media entry: its stored id, type and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub id: i64,
    pub content_type: String,
    pub size: u64,
}

#[cfg(test)]
mod tests;
