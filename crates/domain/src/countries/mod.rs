//! ISO 3166-1 countries: the alpha-2 codes and their names in English, French and Spanish.

use crate::ProblemKey;
use crate::lang::Lang;
use crate::validation::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

mod regions;
mod table;

pub use regions::region_of;
pub use table::COUNTRIES;

/// An ISO 3166-1 alpha-2 country code, known to the table above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country([u8; 2]);

impl Country {
    pub fn parse(value: &str) -> Result<Country, Problem> {
        let code = value.trim().to_ascii_uppercase();
        let bytes = code.as_bytes();
        if bytes.len() != 2 {
            return Err(Problem::with_detail(
                ProblemKey::UnknownCountry,
                value.trim(),
            ));
        }
        COUNTRIES
            .binary_search_by(|(c, ..)| c.as_bytes().cmp(bytes))
            .map(|_| Country([bytes[0], bytes[1]]))
            .map_err(|_| Problem::with_detail(ProblemKey::UnknownCountry, value.trim()))
    }

    pub fn code(&self) -> &str {
        // Only ASCII letters from the table are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        let code = self.code();
        COUNTRIES
            .iter()
            .find(|(c, ..)| *c == code)
            .map_or("?", |(_, en, fr, es)| match lang {
                Lang::En => en,
                Lang::Fr => fr,
                Lang::Es => es,
            })
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Country {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Country::parse(&value).map_err(|_| format!("unknown country code {value}"))
    }
}

impl From<Country> for String {
    fn from(value: Country) -> Self {
        value.code().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_complete() {
        assert_eq!(COUNTRIES.len(), 249);
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn parses_known_codes_only() {
        assert_eq!(
            Country::parse(" es ").map(|c| c.name(Lang::Fr)),
            Ok("Espagne")
        );
        assert!(Country::parse("XX").is_err());
        assert!(Country::parse("ESP").is_err());
        assert!(Country::parse("é").is_err());
    }
}
