//! The platform's languages (English, French, Spanish) and how a reader's language is chosen.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One of the network's three official languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, as shown in a language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// Picks the first supported language of an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(position, part)| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                let primary = tag.split('-').next()?;
                let lang = primary.parse::<Lang>().ok()?;
                (quality > 0.0).then_some((quality, position, lang))
            })
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        choices.first().map(|c| c.2)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            "es" => Ok(Lang::Es),
            _ => Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_honours_quality_and_order() {
        assert_eq!(
            Lang::from_accept_language("de-DE,fr;q=0.8,es;q=0.9"),
            Some(Lang::Es)
        );
        assert_eq!(Lang::from_accept_language("fr-CA, en"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("de, it"), None);
        assert_eq!(
            Lang::from_accept_language("es;q=0, en;q=0.1"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        }
    }
}
