//! Good practices (the OBS): the record a city documents — translatable texts with word limits,
//! dates, partners, contact, links, media and tags — and how a form's values become one.

use crate::ProblemKey;
pub mod checklist;
pub mod edit;
pub mod import;
pub mod keywords;
pub mod markdown;
pub mod media;
pub mod open_data;
pub mod roles;
pub mod sharing;
pub mod translation;
pub mod workflow;

#[cfg(test)]
mod tests;

use crate::Lang;
use crate::text::TranslatedText;
use crate::validation::{FieldErrors, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub use workflow::Stage;

/// Whether the practice is still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeStatus {
    InProgress,
    Completed,
}

impl PracticeStatus {
    pub const ALL: [PracticeStatus; 2] = [PracticeStatus::InProgress, PracticeStatus::Completed];

    pub fn key(self) -> &'static str {
        match self {
            PracticeStatus::InProgress => "in_progress",
            PracticeStatus::Completed => "completed",
        }
    }

    pub fn parse(value: &str) -> Result<PracticeStatus, Problem> {
        Self::ALL
            .into_iter()
            .find(|s| s.key() == value.trim())
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownValue, value.trim()))
    }
}

/// The texts of a practice, each translatable, in the order the form asks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    Title,
    Summary,
    Context,
    Objectives,
    Implementation,
    Results,
    Lessons,
    Budget,
}

/// How long a text may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Chars(usize),
    Words(usize),
}

impl TextField {
    pub const ALL: [TextField; 8] = [
        TextField::Title,
        TextField::Summary,
        TextField::Context,
        TextField::Objectives,
        TextField::Implementation,
        TextField::Results,
        TextField::Lessons,
        TextField::Budget,
    ];

    pub fn key(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Summary => "summary",
            TextField::Context => "context",
            TextField::Objectives => "objectives",
            TextField::Implementation => "implementation",
            TextField::Results => "results",
            TextField::Lessons => "lessons",
            TextField::Budget => "budget",
        }
    }

    pub fn parse(value: &str) -> Option<TextField> {
        Self::ALL.into_iter().find(|f| f.key() == value)
    }

    /// The award form's limits: a brief description of at most 300 words, a background of at
    /// most 400; the others are generous but bounded.
    pub fn limit(self) -> Limit {
        match self {
            TextField::Title => Limit::Chars(200),
            TextField::Summary => Limit::Words(300),
            TextField::Context | TextField::Objectives | TextField::Lessons => Limit::Words(400),
            TextField::Implementation => Limit::Words(1000),
            TextField::Results => Limit::Words(600),
            TextField::Budget => Limit::Words(300),
        }
    }

    /// Long fields take Markdown; the title is one plain line.
    pub fn is_markdown(self) -> bool {
        self != TextField::Title
    }

    /// Fields a practice needs before it can be submitted for review.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            TextField::Title
                | TextField::Summary
                | TextField::Context
                | TextField::Objectives
                | TextField::Implementation
                | TextField::Results
        )
    }

    /// Checks one value against the field's limit.
    pub fn check(self, value: &str) -> Result<(), Problem> {
        match self.limit() {
            Limit::Chars(max) if value.chars().count() > max => {
                Err(Problem::with_detail(ProblemKey::TooLong, max.to_string()))
            }
            Limit::Words(max) if markdown::word_count(value) > max => Err(Problem::with_detail(
                ProblemKey::TooManyWords,
                max.to_string(),
            )),
            _ if self == TextField::Title && value.contains(['\n', '\r']) => {
                Err(Problem::new(ProblemKey::OneLine))
            }
            _ => Ok(()),
        }
    }
}

/// What kind of organisation a partner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Public,
    Private,
    CivilSociety,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 3] = [
        PartnerKind::Public,
        PartnerKind::Private,
        PartnerKind::CivilSociety,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PartnerKind::Public => "public",
            PartnerKind::Private => "private",
            PartnerKind::CivilSociety => "civil_society",
        }
    }

    pub fn parse(value: &str) -> Result<PartnerKind, Problem> {
        Self::ALL
            .into_iter()
            .find(|k| k.key() == value.trim())
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownValue, value.trim()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub name: String,
    pub kind: PartnerKind,
}

/// The person to contact about the practice: not public unless they chose it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
    pub public: bool,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.email.is_empty() && self.phone.is_empty()
    }
}

/// A web link, a picture or a document, each described for people who cannot see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Link,
    Image,
    Document,
}

impl MediaKind {
    pub const ALL: [MediaKind; 3] = [MediaKind::Link, MediaKind::Image, MediaKind::Document];

    pub fn key(self) -> &'static str {
        match self {
            MediaKind::Link => "link",
            MediaKind::Image => "image",
            MediaKind::Document => "document",
        }
    }

    pub fn parse(value: &str) -> Result<MediaKind, Problem> {
        Self::ALL
            .into_iter()
            .find(|k| k.key() == value.trim())
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownValue, value.trim()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Media {
    pub kind: MediaKind,
    pub url: String,
    /// Alt text of an image, description of a link or document; translatable.
    pub description: TranslatedText,
    /// The file the platform keeps, for an uploaded image or document (`url` is then where it
    /// is served).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<media::StoredFile>,
}

/// Checks a link's address: http(s) only, so that nothing else can run from a practice page.
pub fn parse_url(value: &str) -> Result<String, Problem> {
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !value.contains(char::is_whitespace) => {
            Ok(value.to_owned())
        }
        _ => Err(Problem::new(ProblemKey::InvalidUrl)),
    }
}

/// How a practice is found: the frameworks' fields, SDGs, thesaurus keywords, a creative
/// field and thematic modules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tags {
    pub sdgs: BTreeSet<u8>,
    /// `framework-key:field-key`, e.g. `culture21-actions:cultural-rights`.
    pub fields: BTreeSet<String>,
    pub keywords: BTreeSet<String>,
    pub creative_field: Option<String>,
    pub modules: BTreeSet<String>,
}

/// A practice's content, as its city documents it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeRecord {
    pub source_lang: Lang,
    pub texts: BTreeMap<TextField, TranslatedText>,
    pub status: PracticeStatus,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub partners: Vec<Partner>,
    pub contact: Contact,
    pub media: Vec<Media>,
    pub tags: Tags,
}

impl PracticeRecord {
    /// A new draft with a title in its source language.
    pub fn new(source_lang: Lang, title: &str) -> Result<PracticeRecord, Problem> {
        TextField::Title.check(title)?;
        let mut texts = BTreeMap::new();
        texts.insert(TextField::Title, TranslatedText::new(source_lang, title)?);
        Ok(PracticeRecord {
            source_lang,
            texts,
            status: PracticeStatus::InProgress,
            start_date: None,
            end_date: None,
            partners: Vec::new(),
            contact: Contact::default(),
            media: Vec::new(),
            tags: Tags::default(),
        })
    }

    pub fn text(&self, field: TextField) -> Option<&TranslatedText> {
        self.texts.get(&field)
    }

    /// The title in the reader's language, or the source's.
    pub fn title(&self, lang: Lang) -> &str {
        self.texts
            .get(&TextField::Title)
            .map_or("", |text| text.show(lang).text)
    }

    /// The languages in which the title exists: a practice "exists" in a language when its
    /// title does.
    pub fn languages(&self) -> Vec<Lang> {
        self.texts
            .get(&TextField::Title)
            .map(TranslatedText::languages)
            .unwrap_or_else(|| vec![self.source_lang])
    }

    /// Sets one field in one language, checking its limit. Writing the source language marks
    /// the other languages as needing an update; an empty value removes a translation, or the
    /// whole field when it is the source (the title cannot be removed).
    pub fn set_text(
        &mut self,
        field: TextField,
        lang: Lang,
        value: &str,
        translator: Option<i64>,
    ) -> Result<(), Problem> {
        let value = value.trim();
        field.check(value)?;
        if let Some(text) = self.texts.get_mut(&field) {
            if value.is_empty() && lang == text.source {
                if field == TextField::Title {
                    return Err(Problem::new(ProblemKey::Required));
                }
                self.texts.remove(&field);
                return Ok(());
            }
            if text.get(lang) == Some(value) {
                return Ok(());
            }
            let status = if lang == text.source {
                crate::TranslationStatus::Reviewed
            } else {
                crate::TranslationStatus::Translated
            };
            text.set(lang, value, status)?;
            if lang != text.source {
                text.set_translator(lang, translator);
            }
            return Ok(());
        }
        if value.is_empty() {
            return if field == TextField::Title {
                Err(Problem::new(ProblemKey::Required))
            } else {
                Ok(())
            };
        }
        // A field's first text is its source, whatever language the practice began in.
        self.texts.insert(field, TranslatedText::new(lang, value)?);
        Ok(())
    }

    /// Checks dates: the end comes after the start, and a completed practice has ended.
    pub fn set_dates(
        &mut self,
        status: PracticeStatus,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        errors: &mut FieldErrors,
    ) {
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.add("end_date", Problem::new(ProblemKey::EndsBeforeStart));
        }
        if errors.is_empty() {
            self.status = status;
            self.start_date = start;
            self.end_date = end;
        }
    }

    /// Every text of every field in every language, for searching and counting.
    pub fn plain_text(&self, lang: Lang, fields: &[TextField]) -> String {
        fields
            .iter()
            .filter_map(|field| self.texts.get(field).and_then(|text| text.get(lang)))
            .map(markdown::plain_text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Parses an optional date typed as `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Result<Option<NaiveDate>, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Problem::new(ProblemKey::InvalidDate))
}

/// Parses an SDG number (1 to 17).
pub fn parse_sdg(value: &str) -> Result<u8, Problem> {
    value
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=17).contains(n))
        .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownSdg, value.trim()))
}

/// A field reference `framework:field`, both keys lower-case.
pub fn parse_field_ref(value: &str) -> Result<String, Problem> {
    let value = value.trim();
    match value.split_once(':') {
        Some((framework, field)) if is_key(framework) && is_key(field) && !field.contains(':') => {
            Ok(value.to_owned())
        }
        _ => Err(Problem::with_detail(ProblemKey::UnknownField, value)),
    }
}

/// A key of the thesaurus or a framework: lower-case letters, digits and hyphens.
pub fn is_key(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 80
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
