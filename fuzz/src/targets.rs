//! One function per fuzz target: each reads arbitrary bytes as the platform's input of that
//! kind and must never panic; where the input has a safety promise (Markdown renders nothing
//! that runs, a download name round-trips through storage), the target checks it too.

use ateneu_domain::Lang;
use ateneu_domain::csv_format::{parse_cities, parse_memberships};
use ateneu_domain::frameworks::parse_toml;
use ateneu_domain::practices::import::{self, Vocabulary};
use ateneu_domain::practices::markdown;
use ateneu_domain::practices::media::{self, FileName};
use ateneu_domain::programmes::{Period, budget};
use ateneu_domain::reference::Reference;
use ateneu_search::{DocText, FacetKind, PracticeDoc, PracticeIndex, SearchRequest, Sort};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The reference data bundled with the platform (regions, networks, creative fields).
fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        toml::from_str(include_str!("../../data/reference.toml")).expect("the bundled reference")
    })
}

/// A framework file (TOML), as `ateneu import framework` and the admin page read it.
pub fn framework_toml(data: &[u8]) {
    if let Ok(source) = std::str::from_utf8(data) {
        let _ = parse_toml(source);
    }
}

/// A cities file (CSV), as `ateneu import cities` and the registry's import read it.
pub fn cities_csv(data: &[u8]) {
    let _ = parse_cities(data, reference());
}

/// A memberships file (CSV).
pub fn memberships_csv(data: &[u8]) {
    let _ = parse_memberships(data, reference());
}

/// A programme's budget file (CSV), against a two-year period with three activities.
pub fn budget_csv(data: &[u8]) {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a day");
    let period = Period {
        starts_on: day(2026, 1, 1),
        ends_on: day(2027, 12, 31),
        short_reason: None,
    };
    let _ = budget::parse_csv(data, &period, &[1, 2, 3]);
}

/// A practices file (JSON Lines), against a vocabulary with a field, a keyword and a creative
/// field, so that valid lines go all the way through.
pub fn practices_jsonl(data: &[u8]) {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    let vocabulary = VOCABULARY.get_or_init(|| {
        let mut vocabulary = Vocabulary::default();
        vocabulary
            .fields
            .insert("culture21-actions:cultural-rights".into());
        vocabulary.add_keyword("heritage", &["Heritage", "Patrimoine", "Patrimonio"]);
        vocabulary.creative_fields.insert("music".into());
        vocabulary
    });
    if let Ok(source) = std::str::from_utf8(data) {
        let _ = import::parse(source, vocabulary);
    }
}

/// The elements Markdown may produce (pulldown-cmark with tables and strikethrough).
const ELEMENTS: [&str; 24] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
];

/// Markdown from a practice's long field: every tag of the HTML (raw HTML comes out escaped,
/// so every `<` opens a real tag) is one Markdown makes, with no event attribute, and every
/// link is http(s), mailto or relative.
pub fn markdown(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    let html = markdown::render(&source);
    let mut rest = html.as_str();
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>').expect("every tag is closed");
        let tag = rest[start + 1..end].trim_start_matches('/');
        rest = &rest[end + 1..];
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(
            ELEMENTS.contains(&name.as_str()) || name == "td",
            "<{name}> in {html:?}"
        );
        let attributes = tag[name.len()..].to_ascii_lowercase();
        // Attribute names only: quoted values (a title may say anything) are left out.
        let names: String = attributes
            .split('"')
            .step_by(2)
            .collect::<Vec<_>>()
            .join(" ");
        for (at, _) in names.match_indices("on") {
            let before = names[..at].chars().last();
            let after: String = names[at..]
                .chars()
                .skip_while(char::is_ascii_alphanumeric)
                .take(1)
                .collect();
            assert!(
                !(before.is_some_and(char::is_whitespace) && after == "="),
                "an event attribute in {html:?}"
            );
        }
        if let Some(at) = attributes.find("href=\"") {
            let value = &attributes[at + 6..];
            let value = value
                .split('"')
                .next()
                .unwrap_or_default()
                .replace("&amp;", "&");
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            if let Some((scheme, _)) = squeezed.split_once(':') {
                assert!(
                    scheme.contains(['/', '?', '#'])
                        || matches!(scheme, "http" | "https" | "mailto"),
                    "a {scheme}: link in {html:?}"
                );
            }
        }
    }
    let _ = markdown::plain_text(&source);
}

/// What a person types in the search box, against a small index in three languages.
pub fn search_query(data: &[u8]) {
    static INDEX: OnceLock<PracticeIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let index = PracticeIndex::in_memory().expect("an index");
        let practice = |id: i64, lang: Lang, title: &str, body: &str| {
            let mut texts = BTreeMap::new();
            texts.insert(
                lang,
                DocText {
                    title: title.into(),
                    summary: body.into(),
                    body: body.into(),
                },
            );
            PracticeDoc {
                id,
                slug: format!("practice-{id}"),
                cities: vec!["lyon".into()],
                source_lang: lang,
                texts,
                published_at: id,
                facets: vec![(FacetKind::Sdg, "11".into())],
            }
        };
        let docs = vec![
            practice(
                1,
                Lang::En,
                "Heritage festival",
                "Music and dance in the old town",
            ),
            practice(
                2,
                Lang::Fr,
                "Patrimoine vivant",
                "Fêtes, musées « et » bibliothèques",
            ),
            practice(
                3,
                Lang::Es,
                "Políticas culturales",
                "Ciudad y cultura, niños y niñas",
            ),
        ];
        index
            .apply(docs, &[], 1)
            .expect("the practices are indexed");
        index
    });
    let text = String::from_utf8_lossy(data).into_owned();
    for (lang, sort) in [(Lang::En, Sort::Relevance), (Lang::Fr, Sort::Newest)] {
        let request = SearchRequest {
            text: text.clone(),
            lang,
            filters: Vec::new(),
            sort,
            offset: 0,
            limit: 20,
        };
        let response = index
            .search(&request)
            .expect("a search never fails on its text");
        assert!(response.hits.len() <= response.total);
    }
}

/// An uploaded file: the first byte is the length of its original name, then the name, then
/// the content. A recognised file's download name reads back from storage as itself.
pub fn upload_sniff(data: &[u8]) {
    let (name, content) = match data.split_first() {
        Some((&length, rest)) => rest.split_at(usize::from(length).min(rest.len())),
        None => (&[][..], data),
    };
    let name = String::from_utf8_lossy(name);
    if let Ok(upload) = media::recognise(content, &name) {
        assert_eq!(
            FileName::stored(upload.file_name.as_str()).as_ref(),
            Some(&upload.file_name),
            "the name made from {name:?}"
        );
    }
}
