//! Cities of the member registry: the record a secretariat keeps, parsed from a form or a CSV
//! row into a valid draft, and the slug that names a city in URLs.

use crate::ProblemKey;
use crate::countries::Country;
use crate::lang::Lang;
use crate::text::TranslatedText;
use crate::validation::{FieldErrors, Problem, max_chars, non_empty};
use serde::{Deserialize, Serialize};

/// A point on the map, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    pub latitude: f64,
    pub longitude: f64,
}

impl Coordinates {
    pub fn parse(
        latitude: &str,
        longitude: &str,
    ) -> Result<Option<Coordinates>, (&'static str, Problem)> {
        match (non_empty(latitude), non_empty(longitude)) {
            (None, None) => Ok(None),
            (Some(_), None) => Err(("longitude", Problem::new(ProblemKey::Required))),
            (None, Some(_)) => Err(("latitude", Problem::new(ProblemKey::Required))),
            (Some(lat), Some(lon)) => {
                let lat = parse_degrees(&lat, 90.0).map_err(|p| ("latitude", p))?;
                let lon = parse_degrees(&lon, 180.0).map_err(|p| ("longitude", p))?;
                Ok(Some(Coordinates {
                    latitude: lat,
                    longitude: lon,
                }))
            }
        }
    }
}

fn parse_degrees(value: &str, limit: f64) -> Result<f64, Problem> {
    let degrees: f64 = value
        .replace(',', ".")
        .parse()
        .map_err(|_| Problem::with_detail(ProblemKey::NotANumber, value))?;
    if !degrees.is_finite() || degrees.abs() > limit {
        return Err(Problem::with_detail(
            ProblemKey::OutOfRange,
            format!("-{limit}..{limit}"),
        ));
    }
    Ok(degrees)
}

/// A city as the registry keeps it, valid in every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CityDraft {
    pub name: TranslatedText,
    pub country: Country,
    pub region: String,
    pub population: Option<i64>,
    pub coordinates: Option<Coordinates>,
    pub website: Option<String>,
    pub description: Option<TranslatedText>,
}

/// The raw text of a city form (or CSV row, or API body) before it is parsed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CityInput {
    pub source_lang: String,
    pub name_en: String,
    pub name_fr: String,
    pub name_es: String,
    pub country: String,
    pub region: String,
    pub population: String,
    pub latitude: String,
    pub longitude: String,
    pub website: String,
    pub description_en: String,
    pub description_fr: String,
    pub description_es: String,
}

pub const NAME_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 2000;

impl CityInput {
    /// Parses every field, gathering all problems; `regions` are the known region keys.
    pub fn parse(&self, regions: &[String]) -> Result<CityDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let source = non_empty(&self.source_lang)
            .map(|code| code.parse::<Lang>())
            .transpose()
            .unwrap_or_else(|()| {
                errors.add(
                    "source_lang",
                    Problem::with_detail(ProblemKey::UnknownLanguage, &self.source_lang),
                );
                None
            })
            .unwrap_or(Lang::En);
        for (field, value, max) in [
            ("name_en", &self.name_en, NAME_MAX),
            ("name_fr", &self.name_fr, NAME_MAX),
            ("name_es", &self.name_es, NAME_MAX),
            ("description_en", &self.description_en, DESCRIPTION_MAX),
            ("description_fr", &self.description_fr, DESCRIPTION_MAX),
            ("description_es", &self.description_es, DESCRIPTION_MAX),
        ] {
            if let Err(problem) = max_chars(value, max) {
                errors.add(field, problem);
            }
        }
        let names = [
            (Lang::En, self.name_en.as_str()),
            (Lang::Fr, self.name_fr.as_str()),
            (Lang::Es, self.name_es.as_str()),
        ];
        let name_field = format!("name_{source}");
        let name = errors.take(&name_field, TranslatedText::from_values(source, &names));
        let descriptions = [
            (Lang::En, self.description_en.as_str()),
            (Lang::Fr, self.description_fr.as_str()),
            (Lang::Es, self.description_es.as_str()),
        ];
        let description = TranslatedText::from_values(source, &descriptions).ok();
        let country = errors.take(
            "country",
            required(&self.country).and_then(|c| Country::parse(&c)),
        );
        let region = errors.take(
            "region",
            required(&self.region).and_then(|key| {
                let key = key.to_ascii_lowercase();
                if regions.contains(&key) {
                    Ok(key)
                } else {
                    Err(Problem::with_detail(ProblemKey::UnknownRegion, key))
                }
            }),
        );
        let population = errors
            .take("population", parse_population(&self.population))
            .flatten();
        let coordinates = match Coordinates::parse(&self.latitude, &self.longitude) {
            Ok(coordinates) => coordinates,
            Err((field, problem)) => {
                errors.add(field, problem);
                None
            }
        };
        let website = errors
            .take("website", parse_website(&self.website))
            .flatten();
        match (name, country, region) {
            (Some(name), Some(country), Some(region)) if errors.is_empty() => Ok(CityDraft {
                name,
                country,
                region,
                population,
                coordinates,
                website,
                description,
            }),
            _ => Err(errors),
        }
    }

    /// The form's text for an existing city (for editing it).
    pub fn from_draft(city: &CityDraft) -> CityInput {
        let text = |t: &Option<TranslatedText>, lang| {
            t.as_ref()
                .and_then(|t| t.get(lang))
                .unwrap_or_default()
                .to_owned()
        };
        let name = Some(city.name.clone());
        CityInput {
            source_lang: city.name.source.code().to_owned(),
            name_en: text(&name, Lang::En),
            name_fr: text(&name, Lang::Fr),
            name_es: text(&name, Lang::Es),
            country: city.country.code().to_owned(),
            region: city.region.clone(),
            population: city.population.map(|p| p.to_string()).unwrap_or_default(),
            latitude: city
                .coordinates
                .map(|c| c.latitude.to_string())
                .unwrap_or_default(),
            longitude: city
                .coordinates
                .map(|c| c.longitude.to_string())
                .unwrap_or_default(),
            website: city.website.clone().unwrap_or_default(),
            description_en: text(&city.description, Lang::En),
            description_fr: text(&city.description, Lang::Fr),
            description_es: text(&city.description, Lang::Es),
        }
    }
}

fn required(value: &str) -> Result<String, Problem> {
    non_empty(value).ok_or(Problem::new(ProblemKey::Required))
}

fn parse_population(value: &str) -> Result<Option<i64>, Problem> {
    let Some(value) = non_empty(value) else {
        return Ok(None);
    };
    let digits: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | ',' | '\u{a0}'))
        .collect();
    match digits.parse::<i64>() {
        Ok(n) if (0..=100_000_000).contains(&n) => Ok(Some(n)),
        Ok(_) => Err(Problem::with_detail(ProblemKey::OutOfRange, "0..100000000")),
        Err(_) => Err(Problem::with_detail(ProblemKey::NotANumber, value)),
    }
}

fn parse_website(value: &str) -> Result<Option<String>, Problem> {
    let Some(value) = non_empty(value) else {
        return Ok(None);
    };
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| Problem::with_detail(ProblemKey::InvalidUrl, &value))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let valid_host = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if !valid_host || value.chars().any(char::is_whitespace) || value.len() > 300 {
        return Err(Problem::with_detail(ProblemKey::InvalidUrl, &value));
    }
    Ok(Some(value))
}

/// Lower-cases and strips the accents of Latin letters (and any combining mark, as in the
/// dotted İ), for matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            if ('\u{300}'..='\u{36f}').contains(&lower) {
                continue;
            }
            match fold_letter(lower) {
                Some(plain) => out.push_str(plain),
                None => out.push(lower),
            }
        }
    }
    out
}

/// A lower-case Latin letter with an accent, without it.
fn fold_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// A city as typed in a form: its slug, its name in any language (case and accents do not
/// matter), or a name followed by its country code in brackets, as the city pickers offer it
/// ("İzmir (TR)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityPick {
    /// The text folded (see [`fold`]), without the country.
    pub name: String,
    /// The ISO code given in brackets, upper case.
    pub country: Option<String>,
}

impl CityPick {
    pub fn parse(text: &str) -> Option<CityPick> {
        let text = text.trim();
        let (name, country) = match text.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
            Some((name, code))
                if code.trim().len() == 2
                    && code.trim().chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                (name.trim(), Some(code.trim().to_ascii_uppercase()))
            }
            _ => (text, None),
        };
        let name = fold(name).split_whitespace().collect::<Vec<_>>().join(" ");
        (!name.is_empty()).then_some(CityPick { name, country })
    }

    /// Whether a city of this name (in any language) and country is the one meant.
    pub fn matches(&self, city: &CityDraft) -> bool {
        let folded = |t: &str| fold(t).split_whitespace().collect::<Vec<_>>().join(" ");
        self.country
            .as_deref()
            .is_none_or(|c| c == city.country.code())
            && city
                .name
                .languages()
                .into_iter()
                .filter_map(|lang| city.name.get(lang))
                .any(|name| folded(name) == self.name)
    }

    /// The label a picker shows and sends back: the name in the reader's language and the
    /// country code.
    pub fn label(city: &CityDraft, lang: crate::Lang) -> String {
        format!("{} ({})", city.name.show(lang).text, city.country.code())
    }
}

/// The first slug of the form `base`, `base-2`, `base-3`… that is not `taken` (two cities or
/// practices of one name get addresses of their own).
pub fn free_slug(base: &str, taken: &std::collections::HashSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(s))
        .unwrap_or_else(|| base.to_owned())
}

/// The longest slug, in characters.
pub const SLUG_MAX: usize = 60;

/// A URL-safe name: transliterated to ASCII (İzmir → `izmir`, Bogotá → `bogota`, Москва →
/// `moskva`, 北京 → `bei-jing`), lower case, apostrophes dropped (Xi'an → `xian`), runs of
/// other characters as single hyphens, at most [`SLUG_MAX`] characters and never cut inside
/// a word (a first word longer than that is the exception).
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if matches!(c, '\'' | '`' | '"') {
            continue;
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.len() > SLUG_MAX {
        let head = &slug[..SLUG_MAX];
        match slug.as_bytes().get(SLUG_MAX) {
            Some(b'-') => head,
            _ => head.rfind('-').map_or(head, |cut| &head[..cut]),
        }
    } else {
        slug
    };
    if slug.is_empty() {
        "city".to_owned()
    } else {
        slug.to_owned()
    }
}

/// The slug rule before transliteration (accents folded, any other letter a hyphen, cut at 60
/// characters): only to recognise the slugs it made, so that they can be made again by
/// [`slugify`] and kept as old addresses that redirect.
pub fn legacy_slug(text: &str) -> String {
    let mut folded = String::new();
    for c in text.chars() {
        for lower in c.to_lowercase() {
            match fold_letter(lower) {
                Some(plain) => folded.push_str(plain),
                None => folded.push(lower),
            }
        }
    }
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    if slug.is_empty() {
        "city".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn regions() -> Vec<String> {
        vec!["europe".into(), "africa".into()]
    }

    fn valid() -> CityInput {
        CityInput {
            source_lang: "es".into(),
            name_es: "Córdoba".into(),
            country: "es".into(),
            region: "Europe".into(),
            population: "325 000".into(),
            latitude: "37.88".into(),
            longitude: "-4,77".into(),
            website: "https://www.cordoba.es".into(),
            ..CityInput::default()
        }
    }

    #[test]
    fn parses_a_valid_city() {
        let city = valid().parse(&regions()).expect("valid");
        assert_eq!(city.name.source, Lang::Es);
        assert_eq!(city.country.code(), "ES");
        assert_eq!(city.region, "europe");
        assert_eq!(city.population, Some(325_000));
        assert_eq!(city.coordinates.map(|c| c.longitude), Some(-4.77));
        assert!(city.description.is_none());
    }

    #[test]
    fn reports_every_bad_field() {
        let input = CityInput {
            name_en: String::new(),
            country: "XX".into(),
            region: "mars".into(),
            population: "many".into(),
            latitude: "95".into(),
            longitude: "0".into(),
            website: "javascript:alert(1)".into(),
            ..CityInput::default()
        };
        let errors = input.parse(&regions()).expect_err("invalid");
        let keys: Vec<(&str, &str)> = errors
            .iter()
            .map(|(f, p)| (f.as_str(), p.key.as_str()))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("country", "unknown_country"),
                ("latitude", "out_of_range"),
                ("name_en", "required"),
                ("population", "not_a_number"),
                ("region", "unknown_region"),
                ("website", "invalid_url"),
            ]
        );
    }

    #[test]
    fn a_city_is_picked_by_its_name_in_any_language_with_or_without_its_country() {
        let city = valid().parse(&regions()).expect("valid");
        for typed in [
            "Córdoba",
            "cordoba",
            " CÓRDOBA  ",
            "Córdoba (ES)",
            "cordoba (es)",
        ] {
            let pick = CityPick::parse(typed).expect("a pick");
            assert!(pick.matches(&city), "{typed}");
        }
        assert!(
            !CityPick::parse("Córdoba (AR)")
                .expect("pick")
                .matches(&city)
        );
        assert!(!CityPick::parse("Cordob").expect("pick").matches(&city));
        assert_eq!(CityPick::parse("  "), None);
        let label = CityPick::label(&city, crate::Lang::Fr);
        assert!(
            CityPick::parse(&label).expect("pick").matches(&city),
            "{label}"
        );
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slugify("São Paulo"), "sao-paulo");
        assert_eq!(
            slugify("  Ñuñoa / Región Metropolitana "),
            "nunoa-region-metropolitana"
        );
        assert_eq!(slugify("北京"), "bei-jing");
        assert_eq!(slugify("İzmir"), "izmir");
        assert_eq!(slugify("Xi'an"), "xian");
        assert_eq!(slugify("Bogotá"), "bogota");
        assert_eq!(slugify("Москва"), "moskva");
        assert_eq!(slugify("— · —"), "city");
        assert_eq!(legacy_slug("İzmir"), "i-zmir", "what the old rule made");
        assert_eq!(fold("İZMİR"), "izmir");
        let long = "Santa Cruz de la Sierra Metropolitan Area of the Department of Santa Cruz";
        assert_eq!(
            slugify(long),
            "santa-cruz-de-la-sierra-metropolitan-area-of-the-department"
        );
    }

    proptest! {
        #[test]
        fn a_free_slug_is_free_and_is_the_base_or_the_first_free_number(
            base in "[a-z]{1,6}",
            numbers in proptest::collection::btree_set(2u32..12, 0..8),
            base_taken in any::<bool>(),
        ) {
            let mut taken: std::collections::HashSet<String> =
                numbers.iter().map(|n| format!("{base}-{n}")).collect();
            if base_taken {
                taken.insert(base.clone());
            }
            let slug = free_slug(&base, &taken);
            prop_assert!(!taken.contains(&slug));
            if base_taken {
                let first = (2..).find(|n| !numbers.contains(n)).expect("a free number");
                prop_assert_eq!(slug, format!("{base}-{first}"));
            } else {
                prop_assert_eq!(slug, base);
            }
        }

        #[test]
        fn slugs_are_always_url_safe(name in "\\PC{0,80}") {
            let slug = slugify(&name);
            prop_assert!(!slug.is_empty());
            // Never cut inside a word: the slug is the start of the whole slug, ending where a
            // word ends (or is one word longer than the limit, cut).
            let whole = slugify(&format!("{name} "));
            prop_assert!(whole.starts_with(&slug));
            prop_assert!(slug.len() <= SLUG_MAX || !slug.contains('-'));
            if slug.len() <= SLUG_MAX && whole.len() > slug.len() {
                prop_assert!(whole[slug.len()..].starts_with('-'), "{slug} cut {whole}");
            }
            prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'));
        }

        #[test]
        fn parsing_never_panics(name in "\\PC{0,40}", country in "\\PC{0,4}", pop in "\\PC{0,12}", lat in "\\PC{0,8}") {
            let input = CityInput { name_en: name, country, population: pop, latitude: lat.clone(), longitude: lat, region: "europe".into(), ..CityInput::default() };
            let _ = input.parse(&regions());
        }
    }
}
