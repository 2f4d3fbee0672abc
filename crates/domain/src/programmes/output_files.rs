//! An output's files and the links that share a file outside the platform: what may be
//! uploaded (the practice media's types, recognised by their first bytes; a larger limit for
//! documents than for images; a video is a link, not a file), and a share link's rules — a
//! chosen duration within bounds, usable until it expires or is revoked, never after.

use crate::practices::media::{self, ContentType, MAX_BYTES as IMAGE_MAX_BYTES, UploadKind};
use crate::validation::max_chars;
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub use crate::practices::media::Upload;

/// The largest document an output may hold: 25 MiB (a report with its photographs).
pub const DOCUMENT_MAX_BYTES: usize = 25 * 1024 * 1024;
/// How the document limit is told to people.
pub const DOCUMENT_MAX_LABEL: &str = "25 MiB";
/// The shortest a share link lasts, in hours.
pub const MIN_LINK_HOURS: i64 = 1;
/// The longest a share link lasts: 90 days.
pub const MAX_LINK_HOURS: i64 = 90 * 24;
/// The duration offered first on the form: a week.
pub const DEFAULT_LINK_HOURS: i64 = 7 * 24;
/// The longest note saying whom a link is for.
pub const MAX_LINK_NOTE: usize = 300;

/// The largest file of a type: images as for practices, documents larger.
pub fn max_bytes(kind: UploadKind) -> usize {
    match kind {
        UploadKind::Image => IMAGE_MAX_BYTES,
        UploadKind::Document => DOCUMENT_MAX_BYTES,
    }
}

/// The problem of a file over its limit.
pub fn too_large(kind: UploadKind) -> Problem {
    match kind {
        UploadKind::Image => media::too_large(),
        UploadKind::Document => Problem::with_detail(ProblemKey::FileTooLarge, DOCUMENT_MAX_LABEL),
    }
}

/// Checks an output's file: not empty, of a type that may be uploaded (by its bytes, not by
/// what the client says), and within its type's limit.
pub fn recognise(bytes: &[u8], original_name: &str) -> Result<Upload, Problem> {
    if bytes.is_empty() {
        return Err(Problem::new(ProblemKey::NotAFile));
    }
    if bytes.len() > DOCUMENT_MAX_BYTES {
        return Err(too_large(UploadKind::Document));
    }
    let content_type =
        ContentType::sniff(bytes).ok_or_else(|| Problem::new(ProblemKey::UnsupportedFile))?;
    if bytes.len() > max_bytes(content_type.kind()) {
        return Err(too_large(content_type.kind()));
    }
    Ok(Upload {
        content_type,
        file_name: media::FileName::parse(original_name, content_type),
        size: bytes.len(),
    })
}

/// A share link as asked for: how long it lasts and whom it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareLinkDraft {
    pub hours: i64,
    pub note: String,
}

impl ShareLinkDraft {
    /// When a link made at `now` stops working.
    pub fn expires_at(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + Duration::hours(self.hours)
    }
}

/// The raw fields of a share link's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShareLinkInput {
    /// How many hours the link works (1 to 2160); empty means a week.
    #[serde(deserialize_with = "crate::validation::number_or_text")]
    pub hours: String,
    /// Whom the link is for (shown to the output's keepers, never to the link's user).
    pub note: String,
}

impl ShareLinkInput {
    pub fn parse(&self) -> Result<ShareLinkDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let hours = match self.hours.trim() {
            "" => Some(DEFAULT_LINK_HOURS),
            text => match text.parse::<i64>() {
                Ok(hours) if (MIN_LINK_HOURS..=MAX_LINK_HOURS).contains(&hours) => Some(hours),
                _ => {
                    errors.add(
                        "hours",
                        Problem::with_detail(
                            ProblemKey::InvalidLinkDuration,
                            format!("{MIN_LINK_HOURS}–{MAX_LINK_HOURS}"),
                        ),
                    );
                    None
                }
            },
        };
        let note = self.note.trim().to_owned();
        if let Err(problem) = max_chars(&note, MAX_LINK_NOTE) {
            errors.add("note", problem);
        }
        match hours {
            Some(hours) if errors.is_empty() => Ok(ShareLinkDraft { hours, note }),
            _ => Err(errors),
        }
    }
}

/// Where a share link stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    Usable,
    Expired,
    Revoked,
}

impl LinkState {
    /// A link works until its expiry (excluded) unless it was revoked before.
    pub fn at(
        expires_at: DateTime<Utc>,
        revoked_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> LinkState {
        if revoked_at.is_some_and(|revoked| revoked <= now) {
            LinkState::Revoked
        } else if now >= expires_at {
            LinkState::Expired
        } else {
            LinkState::Usable
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            LinkState::Usable => "usable",
            LinkState::Expired => "expired",
            LinkState::Revoked => "revoked",
        }
    }

    pub const ALL: [LinkState; 3] = [LinkState::Usable, LinkState::Expired, LinkState::Revoked];
}

/// Whether a link's token has the shape the platform makes (URL-safe base64 of 32 random
/// bytes): anything else is not looked up at all.
pub fn is_token_shaped(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input(hours: &str, note: &str) -> ShareLinkInput {
        ShareLinkInput {
            hours: hours.into(),
            note: note.into(),
        }
    }

    #[test]
    fn a_link_lasts_a_week_unless_told_and_within_bounds() {
        assert_eq!(
            input("", "").parse().map(|d| d.hours),
            Ok(DEFAULT_LINK_HOURS)
        );
        assert_eq!(input("48", "jury").parse().map(|d| d.hours), Ok(48));
        for bad in ["0", "-3", "2161", "a week", "1.5"] {
            let errors = input(bad, "").parse().expect_err(bad);
            assert_eq!(
                errors.get("hours").map(|p| p.key),
                Some(ProblemKey::InvalidLinkDuration)
            );
        }
        let long = "x".repeat(MAX_LINK_NOTE + 1);
        assert!(input("1", &long).parse().is_err());
    }

    #[test]
    fn a_document_may_be_larger_than_an_image() {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.resize(IMAGE_MAX_BYTES + 10, b' ');
        assert!(recognise(&pdf, "report.pdf").is_ok());
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.resize(IMAGE_MAX_BYTES + 10, 0);
        assert_eq!(
            recognise(&png, "photo.png").map_err(|p| p.key),
            Err(ProblemKey::FileTooLarge)
        );
        pdf.resize(DOCUMENT_MAX_BYTES + 1, b' ');
        assert_eq!(
            recognise(&pdf, "report.pdf").map_err(|p| p.detail),
            Err(Some(DOCUMENT_MAX_LABEL.to_owned()))
        );
        assert_eq!(
            recognise(b"<html>", "x.html").map_err(|p| p.key),
            Err(ProblemKey::UnsupportedFile)
        );
        assert_eq!(
            recognise(b"", "x.pdf").map_err(|p| p.key),
            Err(ProblemKey::NotAFile)
        );
    }

    #[test]
    fn tokens_of_another_shape_are_not_looked_up() {
        assert!(is_token_shaped(&"a".repeat(43)));
        assert!(!is_token_shaped(&"a".repeat(42)));
        assert!(!is_token_shaped(&format!("{}/", "a".repeat(42))));
        assert!(!is_token_shaped(&format!("{}%", "a".repeat(42))));
    }

    proptest! {
        #[test]
        fn a_link_works_only_before_expiry_and_revocation(
            made in 0i64..1_000_000, hours in MIN_LINK_HOURS..=MAX_LINK_HOURS,
            at in 0i64..20_000_000, revoked in proptest::option::of(0i64..20_000_000),
        ) {
            let base = DateTime::<Utc>::UNIX_EPOCH;
            let made = base + Duration::seconds(made);
            let expires = ShareLinkDraft { hours, note: String::new() }.expires_at(made);
            let now = base + Duration::seconds(at);
            let revoked = revoked.map(|r| base + Duration::seconds(r));
            let state = LinkState::at(expires, revoked, now);
            let usable = now < expires && revoked.is_none_or(|r| r > now);
            prop_assert_eq!(state == LinkState::Usable, usable);
            if now >= expires && revoked.is_none() {
                prop_assert_eq!(state, LinkState::Expired);
            }
        }
    }
}
