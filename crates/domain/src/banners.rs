//! Banners on the home page (activity 14 of the Leading Cities programme): a published
//! practice shown with one of its uploaded images (its alt text is the image's description) and
//! a short text in each language, between two days. Several banners live at once rotate: the
//! list starts with a different one each day, so no JavaScript is needed.

use crate::lang::Lang;
use crate::validation::{FieldErrors, max_chars};
use crate::{Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest text of a banner, in characters.
pub const MAX_TEXT: usize = 160;
/// The longest a banner may run, in days.
pub const MAX_DAYS: i64 = 366;

/// The raw fields of a banner's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BannerInput {
    /// The practice's slug.
    pub practice: String,
    /// The address of one of the practice's uploaded images (empty: no image).
    pub image: String,
    pub text_en: String,
    pub text_fr: String,
    pub text_es: String,
    /// `YYYY-MM-DD`, the first day shown.
    pub starts_on: String,
    /// `YYYY-MM-DD`, the last day shown.
    pub ends_on: String,
}

/// A banner as checked: the practice is still named by its slug (the use case finds it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BannerDraft {
    pub practice: String,
    pub image: Option<String>,
    pub texts: BTreeMap<Lang, String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl BannerInput {
    fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Fr => &self.text_fr,
            Lang::Es => &self.text_es,
        }
    }

    /// Checks the form field by field: a practice, a text in one language at least (short),
    /// the days in order and at most a year apart.
    pub fn parse(&self) -> Result<BannerDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let practice = self.practice.trim().to_owned();
        if practice.is_empty() {
            errors.add("practice", Problem::new(ProblemKey::Required));
        }
        let mut texts = BTreeMap::new();
        for lang in Lang::ALL {
            let text = self.text(lang).trim();
            if text.is_empty() {
                continue;
            }
            if errors
                .take(&format!("text_{lang}"), max_chars(text, MAX_TEXT))
                .is_some()
            {
                texts.insert(lang, text.to_owned());
            }
        }
        if texts.is_empty() && errors.get("text_en").is_none() {
            errors.add("text_en", Problem::new(ProblemKey::Required));
        }
        let starts_on = crate::events::date(&mut errors, "starts_on", &self.starts_on);
        let ends_on = crate::events::date(&mut errors, "ends_on", &self.ends_on);
        if let (Some(starts), Some(ends)) = (starts_on, ends_on) {
            if ends < starts {
                errors.add("ends_on", Problem::new(ProblemKey::EndsBeforeStart));
            } else if (ends - starts).num_days() >= MAX_DAYS {
                errors.add(
                    "ends_on",
                    Problem::with_detail(ProblemKey::TooLong, MAX_DAYS.to_string()),
                );
            }
        }
        let image = Some(self.image.trim().to_owned()).filter(|i| !i.is_empty());
        match (starts_on, ends_on) {
            (Some(starts_on), Some(ends_on)) if errors.is_empty() => Ok(BannerDraft {
                practice,
                image,
                texts,
                starts_on,
                ends_on,
            }),
            _ => Err(errors),
        }
    }
}

impl BannerDraft {
    /// Whether the banner shows on `day`.
    pub fn is_live(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }

    /// The form's fields as this banner fills them.
    pub fn input(&self) -> BannerInput {
        let text = |lang| self.texts.get(&lang).cloned().unwrap_or_default();
        BannerInput {
            practice: self.practice.clone(),
            image: self.image.clone().unwrap_or_default(),
            text_en: text(Lang::En),
            text_fr: text(Lang::Fr),
            text_es: text(Lang::Es),
            starts_on: self.starts_on.to_string(),
            ends_on: self.ends_on.to_string(),
        }
    }
}

/// The live banners of `day` in the order the home page shows them: each day starts the list
/// with the next one, so that every banner leads in turn.
pub fn rotation<T>(mut live: Vec<T>, day: NaiveDate) -> Vec<T> {
    if live.is_empty() {
        return live;
    }
    let days = day.signed_duration_since(NaiveDate::MIN).num_days();
    let shift = usize::try_from(days.rem_euclid(live.len() as i64)).unwrap_or(0);
    live.rotate_left(shift);
    live
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input() -> BannerInput {
        BannerInput {
            practice: "harbour-library".into(),
            text_es: "Una biblioteca en el puerto".into(),
            starts_on: "2026-12-01".into(),
            ends_on: "2026-12-31".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_banner_needs_a_practice_a_short_text_and_days_in_order() {
        let draft = input().parse().unwrap_or_else(|e| panic!("{e:?}"));
        assert!(draft.is_live(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default()));
        assert!(!draft.is_live(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default()));
        assert_eq!(draft.input().parse(), Ok(draft));
        let errors = BannerInput::default().parse().err().unwrap_or_default();
        for field in ["practice", "text_en", "starts_on", "ends_on"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let backwards = BannerInput {
            ends_on: "2026-11-30".into(),
            ..input()
        };
        assert!(
            backwards
                .parse()
                .err()
                .unwrap_or_default()
                .get("ends_on")
                .is_some()
        );
        let long = BannerInput {
            text_fr: "x".repeat(MAX_TEXT + 1),
            ..input()
        };
        assert!(
            long.parse()
                .err()
                .unwrap_or_default()
                .get("text_fr")
                .is_some()
        );
        let too_long = BannerInput {
            ends_on: "2028-01-01".into(),
            ..input()
        };
        assert!(
            too_long
                .parse()
                .err()
                .unwrap_or_default()
                .get("ends_on")
                .is_some()
        );
    }

    proptest! {
        #[test]
        fn every_banner_leads_once_in_as_many_days_as_there_are_banners(n in 1usize..12, start in 0i64..100_000) {
            let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default() + chrono::Duration::days(start);
            let mut leaders: Vec<usize> = (0..n as i64)
                .map(|d| rotation((0..n).collect::<Vec<_>>(), first + chrono::Duration::days(d))[0])
                .collect();
            let shown = rotation((0..n).collect::<Vec<_>>(), first);
            let mut sorted = shown.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..n).collect::<Vec<_>>(), "every banner shown each day");
            leaders.sort_unstable();
            prop_assert_eq!(leaders, (0..n).collect::<Vec<_>>());
        }
    }
}
