//! The practices import file (JSON Lines, one practice per line): every line checked against
//! the vocabulary, every problem reported with its line number and where in the line, and
//! nothing half-read. The format is documented in the README.

use super::{
    Contact, Media, MediaKind, Partner, PartnerKind, PracticeRecord, PracticeStatus, TextField,
    parse_date, parse_field_ref, parse_url,
};
use crate::Lang;
use crate::ProblemKey;
use crate::cities::fold;
use crate::countries::Country;
use crate::text::TranslatedText;
use crate::validation::{FieldErrors, Problem};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What the lines are checked against.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// `framework:field` of every imported framework's fields.
    pub fields: HashSet<String>,
    /// A keyword's key, and each of its labels folded, to its key.
    pub keywords: HashMap<String, String>,
    pub creative_fields: HashSet<String>,
}

impl Vocabulary {
    /// Adds a thesaurus keyword, found by its key or any of its labels.
    pub fn add_keyword(&mut self, key: &str, labels: &[&str]) {
        self.keywords.insert(key.to_owned(), key.to_owned());
        for label in labels {
            self.keywords.insert(fold(label), key.to_owned());
        }
    }

    fn keyword(&self, value: &str) -> Option<&String> {
        self.keywords
            .get(value.trim())
            .or_else(|| self.keywords.get(&fold(value.trim())))
    }
}

/// A city named by a line: found in the registry by name and country, or created.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CityName {
    pub name: String,
    pub country: Country,
}

/// A valid line.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPractice {
    pub line: u64,
    pub external_id: String,
    pub cities: Vec<CityName>,
    pub record: PracticeRecord,
}

const KEYS: [&str; 14] = [
    "external_id",
    "cities",
    "status",
    "start_date",
    "end_date",
    "sdgs",
    "fields",
    "keywords",
    "creative_field",
    "modules",
    "source_lang",
    "text",
    "partners",
    "contact",
];
/// Keys written by the JSON export that an import ignores, so an export imports back.
const IGNORED: [&str; 6] = ["id", "url", "stage", "published_at", "languages", "media"];

mod checker;
pub use checker::{Checker, NamedCities, parse};

fn text_of<'a>(object: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, Problem> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.as_str())),
        Some(_) => Err(Problem::new(ProblemKey::ExpectedText)),
    }
}

fn list_of<'a>(object: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], Problem> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items.as_slice()),
        Some(_) => Err(Problem::new(ProblemKey::ExpectedList)),
    }
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn parse_line(
    line: u64,
    object: &Map<String, Value>,
    vocabulary: &Vocabulary,
) -> Result<ImportedPractice, FieldErrors> {
    let mut errors = FieldErrors::new();
    for key in object.keys() {
        if !KEYS.contains(&key.as_str()) && !IGNORED.contains(&key.as_str()) {
            errors.add(
                key,
                Problem::with_detail(ProblemKey::UnknownKey, key.as_str()),
            );
        }
    }
    let external_id = match text_of(object, "external_id") {
        Ok(Some(id)) if !id.trim().is_empty() && id.trim().chars().count() <= 200 => {
            Some(id.trim().to_owned())
        }
        Ok(Some(id)) if !id.trim().is_empty() => {
            errors.add(
                "external_id",
                Problem::with_detail(ProblemKey::TooLong, "200"),
            );
            None
        }
        Ok(_) => {
            errors.add("external_id", Problem::new(ProblemKey::Required));
            None
        }
        Err(problem) => {
            errors.add("external_id", problem);
            None
        }
    };
    let cities = parse_cities(object, &mut errors);
    let status = match text_of(object, "status") {
        Ok(Some(value)) => errors.take("status", PracticeStatus::parse(value)),
        Ok(None) => {
            errors.add("status", Problem::new(ProblemKey::Required));
            None
        }
        Err(problem) => {
            errors.add("status", problem);
            None
        }
    };
    let mut date = |key: &str| {
        let parsed = text_of(object, key).and_then(|value| parse_date(value.unwrap_or("")));
        errors.take(key, parsed).flatten()
    };
    let start_date = date("start_date");
    let end_date = date("end_date");
    if let (Some(start), Some(end)) = (start_date, end_date)
        && end < start
    {
        errors.add("end_date", Problem::new(ProblemKey::EndsBeforeStart));
    }
    let texts = parse_texts(object, &mut errors);
    let source_lang = match text_of(object, "source_lang") {
        Ok(Some(code)) => match code.parse::<Lang>() {
            Ok(lang) if texts.as_ref().is_some_and(|t| t.contains_key(&lang)) => Some(lang),
            Ok(_) => {
                errors.add(
                    "source_lang",
                    Problem::new(ProblemKey::SourceLangWithoutText),
                );
                None
            }
            Err(()) => {
                errors.add(
                    "source_lang",
                    Problem::with_detail(ProblemKey::UnknownLanguage, code),
                );
                None
            }
        },
        Ok(None) => texts.as_ref().and_then(|t| {
            [Lang::En, Lang::Fr, Lang::Es]
                .into_iter()
                .find(|lang| t.contains_key(lang))
        }),
        Err(problem) => {
            errors.add("source_lang", problem);
            None
        }
    };
    let mut record_tags = super::Tags::default();
    parse_tags(object, vocabulary, &mut record_tags, &mut errors);
    let partners = parse_partners(object, &mut errors);
    let contact = parse_contact(object, &mut errors);
    let (Some(external_id), Some(status), Some(texts), Some(source_lang), true) =
        (external_id, status, texts, source_lang, errors.is_empty())
    else {
        return Err(errors);
    };
    let record = build_record(source_lang, texts, &mut errors).map(|mut record| {
        record.status = status;
        record.start_date = start_date;
        record.end_date = end_date;
        record.tags = record_tags;
        record.partners = partners;
        record.contact = contact;
        record
    });
    match record {
        Some(record) if errors.is_empty() => Ok(ImportedPractice {
            line,
            external_id,
            cities,
            record,
        }),
        _ => Err(errors),
    }
}

fn parse_cities(object: &Map<String, Value>, errors: &mut FieldErrors) -> Vec<CityName> {
    let items = match list_of(object, "cities") {
        Ok(items) if !items.is_empty() => items,
        Ok(_) => {
            errors.add("cities", Problem::new(ProblemKey::Required));
            return Vec::new();
        }
        Err(problem) => {
            errors.add("cities", problem);
            return Vec::new();
        }
    };
    let mut cities: Vec<CityName> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Object(city) = item else {
            errors.add(
                &format!("cities[{i}]"),
                Problem::new(ProblemKey::NotAnObject),
            );
            continue;
        };
        let name = match text_of(city, "name") {
            Ok(Some(name)) if !name.trim().is_empty() && name.trim().chars().count() <= 200 => {
                Some(name.trim().to_owned())
            }
            Ok(_) => {
                errors.add(
                    &format!("cities[{i}].name"),
                    Problem::new(ProblemKey::Required),
                );
                None
            }
            Err(problem) => {
                errors.add(&format!("cities[{i}].name"), problem);
                None
            }
        };
        let country = match text_of(city, "country") {
            Ok(Some(code)) => errors.take(&format!("cities[{i}].country"), Country::parse(code)),
            Ok(None) => {
                errors.add(
                    &format!("cities[{i}].country"),
                    Problem::new(ProblemKey::Required),
                );
                None
            }
            Err(problem) => {
                errors.add(&format!("cities[{i}].country"), problem);
                None
            }
        };
        if let (Some(name), Some(country)) = (name, country) {
            let city = CityName { name, country };
            if !cities.contains(&city) {
                cities.push(city);
            }
        }
    }
    cities
}

type Texts = BTreeMap<Lang, Vec<(TextField, String)>>;

fn parse_texts(object: &Map<String, Value>, errors: &mut FieldErrors) -> Option<Texts> {
    let Some(Value::Object(by_lang)) = object.get("text") else {
        errors.add("text", Problem::new(ProblemKey::Required));
        return None;
    };
    let mut texts = Texts::new();
    for (code, fields) in by_lang {
        let Ok(lang) = code.parse::<Lang>() else {
            errors.add(
                &format!("text.{code}"),
                Problem::with_detail(ProblemKey::UnknownLanguage, code.as_str()),
            );
            continue;
        };
        let Value::Object(fields) = fields else {
            errors.add(
                &format!("text.{code}"),
                Problem::new(ProblemKey::NotAnObject),
            );
            continue;
        };
        let mut values = Vec::new();
        for (key, value) in fields {
            let column = format!("text.{code}.{key}");
            // "body" is the main text of a practice that has no finer sections.
            let field = if key == "body" {
                Some(TextField::Context)
            } else {
                TextField::parse(key)
            };
            let Some(field) = field else {
                errors.add(
                    &column,
                    Problem::with_detail(ProblemKey::UnknownKey, key.as_str()),
                );
                continue;
            };
            let text = match value {
                Value::String(text) => text.trim(),
                Value::Null => continue,
                _ => {
                    errors.add(&column, Problem::new(ProblemKey::ExpectedText));
                    continue;
                }
            };
            if text.is_empty() {
                continue;
            }
            if values.iter().any(|(f, _)| *f == field) {
                errors.add(&column, Problem::new(ProblemKey::DuplicateKey));
                continue;
            }
            if let Err(problem) = field.check(text) {
                errors.add(&column, problem);
                continue;
            }
            values.push((field, text.to_owned()));
        }
        if !values.iter().any(|(f, _)| *f == TextField::Title) {
            errors.add(
                &format!("text.{code}.title"),
                Problem::new(ProblemKey::Required),
            );
        }
        texts.insert(lang, values);
    }
    if texts.is_empty() {
        errors.add("text", Problem::new(ProblemKey::Required));
        return None;
    }
    Some(texts)
}

fn build_record(source: Lang, texts: Texts, errors: &mut FieldErrors) -> Option<PracticeRecord> {
    let mut record = PracticeRecord::new(source, "-").ok()?;
    record.texts.clear();
    // The source language first, so that each field's source is the practice's.
    let mut ordered: Vec<(Lang, Vec<(TextField, String)>)> = texts.into_iter().collect();
    ordered.sort_by_key(|(lang, _)| *lang != source);
    for (lang, values) in ordered {
        for (field, text) in values {
            match record.texts.get_mut(&field) {
                Some(existing) => {
                    if let Err(problem) =
                        existing.set(lang, &text, crate::TranslationStatus::Translated)
                    {
                        errors.add(&format!("text.{lang}.{}", field.key()), problem);
                    }
                }
                None => match TranslatedText::new(lang, &text) {
                    Ok(value) => {
                        record.texts.insert(field, value);
                    }
                    Err(problem) => errors.add(&format!("text.{lang}.{}", field.key()), problem),
                },
            }
        }
    }
    Some(record)
}

/// Calls `accept` with each value of a list, recording its problems by position.
fn each_value(
    object: &Map<String, Value>,
    key: &str,
    errors: &mut FieldErrors,
    mut accept: impl FnMut(&str) -> Result<(), Problem>,
) {
    match list_of(object, key) {
        Ok(items) => {
            for (i, item) in items.iter().enumerate() {
                let column = format!("{key}[{i}]");
                match scalar(item) {
                    Some(value) => {
                        if let Err(problem) = accept(&value) {
                            errors.add(&column, problem);
                        }
                    }
                    None => errors.add(&column, Problem::new(ProblemKey::ExpectedText)),
                }
            }
        }
        Err(problem) => errors.add(key, problem),
    }
}

fn parse_tags(
    object: &Map<String, Value>,
    vocabulary: &Vocabulary,
    tags: &mut super::Tags,
    errors: &mut FieldErrors,
) {
    each_value(object, "sdgs", errors, |value| {
        tags.sdgs.insert(super::parse_sdg(value)?);
        Ok(())
    });
    each_value(object, "fields", errors, |value| {
        let field = parse_field_ref(value)?;
        if !vocabulary.fields.contains(&field) {
            return Err(Problem::with_detail(ProblemKey::UnknownField, field));
        }
        tags.fields.insert(field);
        Ok(())
    });
    each_value(object, "keywords", errors, |value| {
        let key = vocabulary
            .keyword(value)
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownKeyword, value.trim()))?;
        tags.keywords.insert(key.clone());
        Ok(())
    });
    each_value(object, "modules", errors, |value| {
        if !super::is_key(value.trim()) {
            return Err(Problem::with_detail(ProblemKey::UnknownValue, value.trim()));
        }
        tags.modules.insert(value.trim().to_owned());
        Ok(())
    });
    match text_of(object, "creative_field") {
        Ok(Some(value)) if !value.trim().is_empty() => {
            if vocabulary.creative_fields.contains(value.trim()) {
                tags.creative_field = Some(value.trim().to_owned());
            } else {
                errors.add(
                    "creative_field",
                    Problem::with_detail(ProblemKey::UnknownCreativeField, value.trim()),
                );
            }
        }
        Ok(_) => {}
        Err(problem) => errors.add("creative_field", problem),
    }
}

fn parse_partners(object: &Map<String, Value>, errors: &mut FieldErrors) -> Vec<Partner> {
    let mut partners = Vec::new();
    let items = match list_of(object, "partners") {
        Ok(items) => items,
        Err(problem) => {
            errors.add("partners", problem);
            return partners;
        }
    };
    for (i, item) in items.iter().enumerate() {
        let Value::Object(partner) = item else {
            errors.add(
                &format!("partners[{i}]"),
                Problem::new(ProblemKey::NotAnObject),
            );
            continue;
        };
        let name = text_of(partner, "name").ok().flatten().map(str::trim);
        let kind = text_of(partner, "kind").and_then(|kind| PartnerKind::parse(kind.unwrap_or("")));
        match (name, kind) {
            (Some(name), Ok(kind)) if !name.is_empty() => partners.push(Partner {
                name: name.to_owned(),
                kind,
            }),
            (_, Err(problem)) => errors.add(&format!("partners[{i}].kind"), problem),
            _ => errors.add(
                &format!("partners[{i}].name"),
                Problem::new(ProblemKey::Required),
            ),
        }
    }
    partners
}

fn parse_contact(object: &Map<String, Value>, errors: &mut FieldErrors) -> Contact {
    let Some(value) = object.get("contact").filter(|v| !v.is_null()) else {
        return Contact::default();
    };
    let Value::Object(contact) = value else {
        errors.add("contact", Problem::new(ProblemKey::NotAnObject));
        return Contact::default();
    };
    let text = |key: &str| {
        text_of(contact, key)
            .ok()
            .flatten()
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    Contact {
        name: text("name"),
        position: text("position"),
        email: text("email"),
        phone: text("phone"),
        public: contact.get("public") == Some(&Value::Bool(true)),
    }
}

/// A link of the import (or a form): checked address and a description in `lang`.
pub fn media(kind: MediaKind, url: &str, lang: Lang, description: &str) -> Result<Media, Problem> {
    Ok(Media {
        kind,
        url: parse_url(url)?,
        description: TranslatedText::new(lang, description)?,
        file: None,
    })
}
