//! A change to a practice as a form step or an API call gives it: only the parts present
//! change, each checked, and every problem reported by field.

use super::import::Vocabulary;
use super::{
    Contact, Media, MediaKind, Partner, PartnerKind, PracticeRecord, PracticeStatus, TextField,
    parse_date, parse_field_ref, parse_sdg, parse_url,
};
use crate::Lang;
use crate::ProblemKey;
use crate::text::TranslatedText;
use crate::validation::{FieldErrors, Problem};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerInput {
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaInput {
    pub kind: String,
    pub url: String,
    #[serde(default)]
    pub description: String,
}

/// A translation of one media entry's description (an image's alt text), found by its address.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaDescriptionInput {
    pub url: String,
    #[serde(default)]
    pub description: String,
}

/// The parts of a practice to change; texts are in `lang`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeEdit {
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    pub status: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub partners: Option<Vec<PartnerInput>>,
    pub contact: Option<Contact>,
    pub media: Option<Vec<MediaInput>>,
    /// Descriptions of media entries already there, in `lang`: what a translator changes of
    /// the media (the list itself is the editors').
    pub media_descriptions: Option<Vec<MediaDescriptionInput>>,
    pub sdgs: Option<Vec<String>>,
    pub fields: Option<Vec<String>>,
    pub keywords: Option<Vec<String>>,
    pub creative_field: Option<String>,
    pub modules: Option<Vec<String>>,
}

impl PracticeEdit {
    /// The language the texts are written in (the practice's source language by default).
    pub fn language(&self, record: &PracticeRecord) -> Result<Lang, Problem> {
        match self.lang.as_deref().map(str::trim) {
            None | Some("") => Ok(record.source_lang),
            Some(code) => code
                .parse::<Lang>()
                .map_err(|()| Problem::with_detail(ProblemKey::UnknownLanguage, code)),
        }
    }

    /// Whether the change touches anything but texts in a language other than the source
    /// (what a translator may not do).
    pub fn touches_content(&self, record: &PracticeRecord) -> bool {
        let lang = self.language(record).unwrap_or(record.source_lang);
        lang == record.source_lang
            || self.status.is_some()
            || self.start_date.is_some()
            || self.end_date.is_some()
            || self.partners.is_some()
            || self.contact.is_some()
            || self.media.is_some()
            || self.sdgs.is_some()
            || self.fields.is_some()
            || self.keywords.is_some()
            || self.creative_field.is_some()
            || self.modules.is_some()
    }

    /// Applies the change to a copy of `record`: the new record, or every problem by field.
    pub fn apply(
        &self,
        record: &PracticeRecord,
        vocabulary: &Vocabulary,
        translator: Option<i64>,
    ) -> Result<PracticeRecord, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut next = record.clone();
        let lang = errors.take("lang", self.language(record));
        for (key, value) in &self.texts {
            match (TextField::parse(key), lang) {
                (Some(field), Some(lang)) => {
                    let by = (lang != record.source_lang).then_some(translator).flatten();
                    if let Err(problem) = next.set_text(field, lang, value, by) {
                        errors.add(key, problem);
                    }
                }
                (None, _) => errors.add(key, Problem::with_detail(ProblemKey::UnknownKey, key)),
                (_, None) => {}
            }
        }
        if self.status.is_some() || self.start_date.is_some() || self.end_date.is_some() {
            let status = match &self.status {
                Some(value) => errors.take("status", PracticeStatus::parse(value)),
                None => Some(record.status),
            };
            let start = match &self.start_date {
                Some(value) => errors.take("start_date", parse_date(value)),
                None => Some(record.start_date),
            };
            let end = match &self.end_date {
                Some(value) => errors.take("end_date", parse_date(value)),
                None => Some(record.end_date),
            };
            if let (Some(status), Some(start), Some(end)) = (status, start, end) {
                next.set_dates(status, start, end, &mut errors);
            }
        }
        if let Some(partners) = &self.partners {
            next.partners = Vec::new();
            for (i, partner) in partners.iter().enumerate() {
                let name = partner.name.trim();
                if name.is_empty() && partner.kind.trim().is_empty() {
                    continue;
                }
                if name.is_empty() || name.chars().count() > 200 {
                    errors.add(
                        &format!("partners[{i}].name"),
                        Problem::new(ProblemKey::Required),
                    );
                    continue;
                }
                if let Some(kind) = errors.take(
                    &format!("partners[{i}].kind"),
                    PartnerKind::parse(&partner.kind),
                ) {
                    next.partners.push(Partner {
                        name: name.to_owned(),
                        kind,
                    });
                }
            }
        }
        if let Some(contact) = &self.contact {
            let email = contact.email.trim();
            if !email.is_empty() && crate::accounts::Email::parse(email).is_err() {
                errors.add("contact.email", Problem::new(ProblemKey::InvalidEmail));
            }
            next.contact = Contact {
                name: contact.name.trim().to_owned(),
                position: contact.position.trim().to_owned(),
                email: email.to_owned(),
                phone: contact.phone.trim().to_owned(),
                public: contact.public,
            };
        }
        if let Some(media) = &self.media {
            next.media = self.media_of(record, media, lang, &mut errors);
        }
        if let (Some(descriptions), Some(lang)) = (&self.media_descriptions, lang) {
            describe_media(&mut next, descriptions, lang, translator, &mut errors);
        }
        self.apply_tags(&mut next, vocabulary, &mut errors);
        errors.into_result(|| next)
    }

    fn media_of(
        &self,
        record: &PracticeRecord,
        media: &[MediaInput],
        lang: Option<Lang>,
        errors: &mut FieldErrors,
    ) -> Vec<Media> {
        let lang = lang.unwrap_or(record.source_lang);
        let mut out = Vec::new();
        for (i, item) in media.iter().enumerate() {
            if item.url.trim().is_empty() && item.description.trim().is_empty() {
                continue;
            }
            // Keep the other languages of a description that was already there.
            let previous = record.media.iter().find(|m| m.url == item.url.trim());
            // An uploaded file keeps its kind and address; no other local address is taken.
            let uploaded = previous.filter(|m| m.file.is_some());
            let kind = match uploaded {
                Some(m) => Some(m.kind),
                None => errors.take(&format!("media[{i}].kind"), MediaKind::parse(&item.kind)),
            };
            let url = match uploaded {
                Some(m) => Some(m.url.clone()),
                None => errors.take(&format!("media[{i}].url"), parse_url(&item.url)),
            };
            let description = match previous {
                Some(old) => {
                    let mut text = old.description.clone();
                    text.set(
                        lang,
                        &item.description,
                        crate::TranslationStatus::Translated,
                    )
                    .map(|()| text)
                }
                None => TranslatedText::new(lang, &item.description),
            };
            let description = errors.take(&format!("media[{i}].description"), description);
            if let (Some(kind), Some(url), Some(description)) = (kind, url, description) {
                out.push(Media {
                    kind,
                    url,
                    description,
                    file: uploaded.and_then(|m| m.file.clone()),
                });
            }
        }
        out
    }

    fn apply_tags(
        &self,
        next: &mut PracticeRecord,
        vocabulary: &Vocabulary,
        errors: &mut FieldErrors,
    ) {
        if let Some(sdgs) = &self.sdgs {
            next.tags.sdgs = sdgs
                .iter()
                .filter(|s| !s.trim().is_empty())
                .filter_map(|s| errors.take("sdgs", parse_sdg(s)))
                .collect();
        }
        if let Some(fields) = &self.fields {
            let mut set = BTreeSet::new();
            for value in fields.iter().filter(|s| !s.trim().is_empty()) {
                match parse_field_ref(value) {
                    Ok(field) if vocabulary.fields.contains(&field) => {
                        set.insert(field);
                    }
                    Ok(field) => errors.add(
                        "fields",
                        Problem::with_detail(ProblemKey::UnknownField, field),
                    ),
                    Err(problem) => errors.add("fields", problem),
                }
            }
            next.tags.fields = set;
        }
        if let Some(keywords) = &self.keywords {
            let mut set = BTreeSet::new();
            for value in keywords.iter().filter(|s| !s.trim().is_empty()) {
                match vocabulary.keywords.get(value.trim()) {
                    Some(key) => {
                        set.insert(key.clone());
                    }
                    None => errors.add(
                        "keywords",
                        Problem::with_detail(ProblemKey::UnknownKeyword, value.trim()),
                    ),
                }
            }
            next.tags.keywords = set;
        }
        if let Some(field) = &self.creative_field {
            let field = field.trim();
            if field.is_empty() {
                next.tags.creative_field = None;
            } else if vocabulary.creative_fields.contains(field) {
                next.tags.creative_field = Some(field.to_owned());
            } else {
                errors.add(
                    "creative_field",
                    Problem::with_detail(ProblemKey::UnknownCreativeField, field),
                );
            }
        }
        if let Some(modules) = &self.modules {
            next.tags.modules = modules
                .iter()
                .map(|m| m.trim().to_owned())
                .filter(|m| super::is_key(m))
                .collect();
        }
    }
}

/// Sets the descriptions of the media entries at these addresses in `lang` (an empty one
/// removes that language's, except the source's, which is required).
fn describe_media(
    next: &mut PracticeRecord,
    descriptions: &[MediaDescriptionInput],
    lang: Lang,
    translator: Option<i64>,
    errors: &mut FieldErrors,
) {
    let by = (lang != next.source_lang).then_some(translator).flatten();
    for (i, input) in descriptions.iter().enumerate() {
        let Some(medium) = next.media.iter_mut().find(|m| m.url == input.url.trim()) else {
            errors.add(
                &format!("media_descriptions[{i}].url"),
                Problem::with_detail(ProblemKey::UnknownMedia, input.url.trim()),
            );
            continue;
        };
        let text = input.description.trim();
        if medium.description.get(lang) == Some(text) {
            continue;
        }
        if text.chars().count() > super::media::MAX_DESCRIPTION {
            errors.add(
                &format!("media_descriptions[{i}].description"),
                Problem::with_detail(
                    ProblemKey::TooLong,
                    super::media::MAX_DESCRIPTION.to_string(),
                ),
            );
            continue;
        }
        let key = format!("media_descriptions[{i}].description");
        let mut description = medium.description.clone();
        if errors
            .take(
                &key,
                description.set(lang, text, crate::TranslationStatus::Translated),
            )
            .is_some()
        {
            description.set_translator(lang, by);
            medium.description = description;
        }
    }
}
