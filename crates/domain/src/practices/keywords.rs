//! The keyword thesaurus the secretariat keeps in three languages: its file format (the
//! bundled default is `data/thesaurus.toml`) and the checks on a keyword.

use super::is_key;
use crate::ProblemKey;
use crate::frameworks::Trilingual;
use crate::validation::{FieldErrors, Problem};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keyword {
    pub key: String,
    pub label: Trilingual,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileKeyword {
    key: String,
    en: String,
    fr: String,
    es: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keyword: Vec<FileKeyword>,
}

/// Checks one keyword as a form gives it: a key and a label in each language.
pub fn parse_keyword(key: &str, en: &str, fr: &str, es: &str) -> Result<Keyword, FieldErrors> {
    let mut errors = FieldErrors::new();
    let key = key.trim();
    if !is_key(key) {
        errors.add(
            "key",
            Problem::with_detail(ProblemKey::InvalidKeywordKey, key),
        );
    }
    for (field, value) in [("en", en), ("fr", fr), ("es", es)] {
        if value.trim().is_empty() {
            errors.add(field, Problem::new(ProblemKey::Required));
        } else if value.trim().chars().count() > 100 {
            errors.add(field, Problem::with_detail(ProblemKey::TooLong, "100"));
        }
    }
    errors.into_result(|| Keyword {
        key: key.to_owned(),
        label: Trilingual {
            en: en.trim().to_owned(),
            fr: fr.trim().to_owned(),
            es: es.trim().to_owned(),
        },
    })
}

/// Reads a thesaurus file: every keyword valid, no key twice.
pub fn parse_thesaurus(text: &str) -> Result<Vec<Keyword>, Problem> {
    let file: File = toml::from_str(text)
        .map_err(|e| Problem::with_detail(ProblemKey::InvalidFile, e.to_string()))?;
    let mut keywords: Vec<Keyword> = Vec::new();
    for item in file.keyword {
        let keyword = parse_keyword(&item.key, &item.en, &item.fr, &item.es)
            .map_err(|_| Problem::with_detail(ProblemKey::InvalidKeyword, item.key.clone()))?;
        if keywords.iter().any(|k| k.key == keyword.key) {
            return Err(Problem::with_detail(ProblemKey::DuplicateKey, keyword.key));
        }
        keywords.push(keyword);
    }
    Ok(keywords)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_thesaurus_reads() {
        let keywords =
            parse_thesaurus(include_str!("../../../../data/thesaurus.toml")).expect("valid");
        assert!(keywords.len() >= 60, "{}", keywords.len());
        assert!(keywords.iter().all(|k| !k.label.fr.is_empty()));
    }

    #[test]
    fn bad_keywords_are_refused() {
        assert!(parse_keyword("Bad Key", "a", "b", "c").is_err());
        assert!(parse_keyword("ok", "a", "", "c").is_err());
        let twice = "[[keyword]]\nkey='a'\nen='A'\nfr='A'\nes='A'\n[[keyword]]\nkey='a'\nen='B'\nfr='B'\nes='B'\n";
        assert_eq!(
            parse_thesaurus(twice),
            Err(Problem::with_detail(ProblemKey::DuplicateKey, "a"))
        );
    }
}
