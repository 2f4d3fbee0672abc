//! Published practices as open data: one table of columns from which the CSV header, each
//! CSV row and the codebook are all generated, and the JSON form (the import format plus the
//! published practice's id, address and date, so that an export imports back).

use super::{MediaKind, PracticeRecord, TextField};
use crate::Lang;
use crate::ids::PracticeId;
use serde::Serialize;
use serde_json::{Value, json};

/// A published practice with what the export says about its cities.
pub struct Exported<'a> {
    pub id: PracticeId,
    pub slug: &'a str,
    pub url: String,
    /// The site's address (`https://…`, no trailing slash): files uploaded to the site are
    /// exported with it, so that the export's addresses work wherever it is read.
    pub site: &'a str,
    pub external_id: Option<&'a str>,
    /// (name in the source language, ISO country code, region key)
    pub cities: Vec<(String, String, String)>,
    pub published_at: Option<String>,
    pub record: &'a PracticeRecord,
}

/// A column of the CSV export, as the codebook describes it.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub name: String,
    pub kind: &'static str,
    pub description: String,
}

const FIXED: [(&str, &str, &str); 19] = [
    ("id", "integer", "The practice's number on this platform."),
    ("slug", "text", "The practice's name in its address."),
    ("url", "url", "The practice's public page."),
    (
        "external_id",
        "text",
        "The identifier given by the import it came from, if any.",
    ),
    (
        "cities",
        "list",
        "The cities it belongs to, in their source language, separated by \" | \".",
    ),
    (
        "countries",
        "list",
        "ISO 3166-1 alpha-2 codes of the cities' countries, same order, separated by \" | \".",
    ),
    (
        "regions",
        "list",
        "UCLG regional sections of the cities (keys of /api/v1/reference), same order.",
    ),
    ("status", "enum", "in_progress or completed."),
    (
        "start_date",
        "date",
        "When it started (YYYY-MM-DD), if known.",
    ),
    ("end_date", "date", "When it ended (YYYY-MM-DD), if known."),
    (
        "published_at",
        "datetime",
        "When it was published on this platform (RFC 3339, UTC).",
    ),
    (
        "source_lang",
        "enum",
        "The language it was written in: en, fr or es.",
    ),
    (
        "languages",
        "list",
        "The languages its title exists in, separated by \" | \".",
    ),
    (
        "sdgs",
        "list",
        "Sustainable Development Goals (1–17), separated by \" | \".",
    ),
    (
        "fields",
        "list",
        "Framework fields, as framework-key:field-key, separated by \" | \".",
    ),
    (
        "keywords",
        "list",
        "Thesaurus keys (GET /api/v1/keywords), separated by \" | \".",
    ),
    (
        "creative_field",
        "enum",
        "UNESCO Creative Cities field key, if any.",
    ),
    (
        "partners",
        "list",
        "Partners as \"name (public|private|civil_society)\", separated by \" | \".",
    ),
    (
        "links",
        "list",
        "Links, pictures and documents as \"kind: url\", separated by \" | \".",
    ),
];

/// Every column in order: the fixed ones, the public contact, then each text in each language.
pub fn columns() -> Vec<Column> {
    let mut columns: Vec<Column> = FIXED
        .iter()
        .map(|(name, kind, description)| Column {
            name: (*name).to_owned(),
            kind,
            description: (*description).to_owned(),
        })
        .collect();
    for (name, description) in [
        (
            "contact_name",
            "The contact person, only when they chose to be public.",
        ),
        (
            "contact_position",
            "The contact person's position, only when public.",
        ),
        (
            "contact_email",
            "The contact person's email, only when public.",
        ),
    ] {
        columns.push(Column {
            name: name.to_owned(),
            kind: "text",
            description: description.to_owned(),
        });
    }
    for field in TextField::ALL {
        for lang in Lang::ALL {
            columns.push(Column {
                name: format!("{}_{}", field.key(), lang.code()),
                kind: if field.is_markdown() {
                    "markdown"
                } else {
                    "text"
                },
                description: format!(
                    "The {} in {}, empty when not translated.",
                    field.key(),
                    lang.native_name()
                ),
            });
        }
    }
    columns
}

fn joined<I: IntoIterator<Item = String>>(items: I) -> String {
    items.into_iter().collect::<Vec<_>>().join(" | ")
}

/// One CSV row, in the order of `columns()`.
pub fn row(practice: &Exported<'_>) -> Vec<String> {
    let record = practice.record;
    let tags = &record.tags;
    let contact = &record.contact;
    let public = |value: &str| {
        if contact.public {
            value.to_owned()
        } else {
            String::new()
        }
    };
    let mut row = vec![
        practice.id.to_string(),
        practice.slug.to_owned(),
        practice.url.clone(),
        practice.external_id.unwrap_or_default().to_owned(),
        joined(practice.cities.iter().map(|c| c.0.clone())),
        joined(practice.cities.iter().map(|c| c.1.clone())),
        joined(practice.cities.iter().map(|c| c.2.clone())),
        record.status.key().to_owned(),
        record.start_date.map(|d| d.to_string()).unwrap_or_default(),
        record.end_date.map(|d| d.to_string()).unwrap_or_default(),
        practice.published_at.clone().unwrap_or_default(),
        record.source_lang.code().to_owned(),
        joined(record.languages().iter().map(|l| l.code().to_owned())),
        joined(tags.sdgs.iter().map(u8::to_string)),
        joined(tags.fields.iter().cloned()),
        joined(tags.keywords.iter().cloned()),
        tags.creative_field.clone().unwrap_or_default(),
        joined(
            record
                .partners
                .iter()
                .map(|p| format!("{} ({})", p.name, p.kind.key())),
        ),
        joined(
            record
                .media
                .iter()
                .map(|m| format!("{}: {}", m.kind.key(), absolute(practice.site, &m.url))),
        ),
        public(&contact.name),
        public(&contact.position),
        public(&contact.email),
    ];
    for field in TextField::ALL {
        for lang in Lang::ALL {
            row.push(
                record
                    .text(field)
                    .and_then(|t| t.get(lang))
                    .unwrap_or_default()
                    .to_owned(),
            );
        }
    }
    row
}

/// The JSON form: the import format, plus `id`, `url`, `published_at` and `languages`.
pub fn json(practice: &Exported<'_>) -> Value {
    let record = practice.record;
    let mut text = serde_json::Map::new();
    for lang in Lang::ALL {
        let mut fields = serde_json::Map::new();
        for field in TextField::ALL {
            if let Some(value) = record.text(field).and_then(|t| t.get(lang)) {
                fields.insert(field.key().to_owned(), json!(value));
            }
        }
        if !fields.is_empty() {
            text.insert(lang.code().to_owned(), Value::Object(fields));
        }
    }
    let contact = &record.contact;
    json!({
        "id": practice.id,
        "url": practice.url,
        "external_id": practice.external_id.map_or_else(|| format!("ateneu-{}", practice.id), str::to_owned),
        "published_at": practice.published_at,
        "languages": record.languages(),
        "cities": practice.cities.iter().map(|c| json!({"name": c.0, "country": c.1})).collect::<Vec<_>>(),
        "status": record.status.key(),
        "start_date": record.start_date,
        "end_date": record.end_date,
        "sdgs": record.tags.sdgs,
        "fields": record.tags.fields,
        "keywords": record.tags.keywords,
        "creative_field": record.tags.creative_field,
        "modules": record.tags.modules,
        "source_lang": record.source_lang,
        "partners": record.partners,
        "media": record.media.iter().map(|m| json!({"kind": m.kind.key(), "url": absolute(practice.site, &m.url), "description": m.description.source_text()})).collect::<Vec<_>>(),
        "contact": if contact.public { json!({"name": contact.name, "position": contact.position, "email": contact.email, "public": true}) } else { Value::Null },
        "text": text,
    })
}

/// `url` as an address that works off the site: one on the site (`/media/…`) gets the site's
/// address in front; others are already whole.
fn absolute(site: &str, url: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        format!("{site}{url}")
    } else {
        url.to_owned()
    }
}

/// Whether any media is a picture (the feed shows the first as an enclosure).
pub fn first_image(record: &PracticeRecord) -> Option<&str> {
    record
        .media
        .iter()
        .find(|m| m.kind == MediaKind::Image)
        .map(|m| m.url.as_str())
}
