//! The interface's messages in English, French and Spanish (Fluent files bundled at build time),
//! the translation of validation problems, and numbers in each language's own form (CLDR's
//! decimal data through ICU4X: `4.8` and `1,234` in English, `4,8` and `1 234` in French): in
//! messages (Fluent's number formatter), on pages, in charts and in reports.

use ateneu_domain::{Lang, Problem};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;

pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::Fr, include_str!("../locales/fr.ftl")),
    (Lang::Es, include_str!("../locales/es.ftl")),
];

/// The three bundles, built once at start.
pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl I18n {
    pub fn load() -> Result<I18n, String> {
        let mut bundles = Vec::new();
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_owned())
                .map_err(|(_, errors)| format!("locale {lang}: {errors:?}"))?;
            let langid: unic_langid::LanguageIdentifier = lang
                .code()
                .parse()
                .map_err(|e| format!("locale {lang}: {e}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(match lang {
                Lang::En => format_number::<0>,
                Lang::Fr => format_number::<1>,
                Lang::Es => format_number::<2>,
            }));
            bundle
                .add_resource(resource)
                .map_err(|errors| format!("locale {lang}: {errors:?}"))?;
            bundles.push((lang, bundle));
        }
        Ok(I18n { bundles })
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, b)| b)
    }

    /// A message with arguments; a missing message shows its key (tests make sure none is).
    pub fn format(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(bundle) = self.bundle(lang) else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text: Cow<'_, str> = bundle.format_pattern(
            pattern,
            (!args.is_empty()).then_some(&fluent_args),
            &mut errors,
        );
        text.into_owned()
    }

    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, &[])
    }

    /// A validation problem in words: the message `problem-KEY` with its detail as `$detail`.
    pub fn problem(&self, lang: Lang, problem: &Problem) -> String {
        let detail = problem.detail.clone().unwrap_or_default();
        self.format(
            lang,
            &problem.key.message_id(),
            &[("detail", detail.into())],
        )
    }

    /// A whole number with the language's digit grouping (1,234 · 1 234 · 12.345).
    pub fn number(&self, lang: Lang, n: i64) -> String {
        decimal(lang, n as f64, 0)
    }

    /// A number with `digits` decimals in the language's form (4.8 · 4,8).
    pub fn decimal(&self, lang: Lang, value: f64, digits: u8) -> String {
        decimal(lang, value, digits)
    }

    /// The language's decimal mark (`.` or `,`), read off its formatted numbers.
    pub fn decimal_mark(&self, lang: Lang) -> String {
        decimal_mark(lang)
    }

    /// Whether a message exists in every language (used by tests).
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).is_some_and(|b| b.has_message(key))
    }
}

/// The message ids of one Fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// "of" and a name as French writes it: `d’Izmir`, `d’Édimbourg`, `de Lyon` (elided before a
/// vowel; the aspirated or mute h is not guessed, so `de Hambourg`). The `of_city` argument of
/// French messages.
pub fn french_of(name: &str) -> String {
    let first = name
        .chars()
        .next()
        .map(|c| ateneu_domain::cities::fold(&c.to_string()));
    match first.as_deref() {
        Some("a" | "e" | "i" | "o" | "u" | "y") => format!("d’{name}"),
        _ => format!("de {name}"),
    }
}

/// One ICU4X decimal formatter per language, built once.
fn formatters() -> Option<&'static [icu_decimal::DecimalFormatter; 3]> {
    static FORMATTERS: std::sync::OnceLock<Option<[icu_decimal::DecimalFormatter; 3]>> =
        std::sync::OnceLock::new();
    FORMATTERS
        .get_or_init(|| {
            let make = |lang: Lang| {
                let locale: icu_locale_core::Locale = lang.code().parse().ok()?;
                icu_decimal::DecimalFormatter::try_new(locale.into(), Default::default()).ok()
            };
            Some([make(Lang::En)?, make(Lang::Fr)?, make(Lang::Es)?])
        })
        .as_ref()
}

/// The language's decimal mark, read off a number it formats.
fn decimal_mark(lang: Lang) -> String {
    decimal(lang, 1.5, 1).replace(['1', '5'], "")
}

/// `value` rounded to `digits` decimals (at most 6), in the language's form.
pub fn decimal(lang: Lang, value: f64, digits: u8) -> String {
    let digits = digits.min(6);
    if !value.is_finite() {
        return "—".to_owned();
    }
    let scaled = (value * 10f64.powi(i32::from(digits))).round();
    if scaled.abs() >= 9e15 {
        return format!("{value:.0}");
    }
    let mut number = icu_decimal::input::Decimal::from(scaled as i64);
    number.multiply_pow10(-i16::from(digits));
    number.pad_end(-i16::from(digits));
    let index = match lang {
        Lang::En => 0,
        Lang::Fr => 1,
        Lang::Es => 2,
    };
    match formatters().and_then(|all| all.get(index)) {
        Some(formatter) => formatter.format_to_string(&number),
        None => format!("{value:.prec$}", prec = usize::from(digits)),
    }
}

/// Fluent's number formatter for the language at `L` (0 en, 1 fr, 2 es): a number given to a
/// message is written in the language's form, with the decimals its options ask for (none
/// for whole numbers, else up to three).
fn format_number<const L: usize>(
    value: &FluentValue<'_>,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let lang = Lang::ALL.get(L).copied()?;
    let options = &number.options;
    let digits = match (
        options.minimum_fraction_digits,
        options.maximum_fraction_digits,
    ) {
        (Some(min), _) => min,
        (None, max) if number.value.fract() != 0.0 => max.unwrap_or(3),
        (None, _) => 0,
    };
    let mut text = decimal(lang, number.value, u8::try_from(digits).unwrap_or(6));
    if options.minimum_fraction_digits.is_none() && digits > 0 {
        let mark = decimal_mark(lang);
        if text.contains(&mark) {
            text = text
                .trim_end_matches('0')
                .trim_end_matches(mark.as_str())
                .to_owned();
        }
    }
    Some(text)
}

/// A path in a language: `lang_path(Fr, "/cities")` is "/fr/cities", `lang_path(Fr, "/")` is
/// "/fr" (and "/?q" becomes "/fr?q").
pub fn lang_path(lang: Lang, path: &str) -> String {
    let path = if path == "/" { "" } else { path };
    let path = path
        .strip_prefix("/?")
        .map(|q| format!("?{q}"))
        .unwrap_or_else(|| path.to_owned());
    format!("/{}{path}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_message_exists_in_every_language() {
        let sets: Vec<(Lang, BTreeSet<String>)> = SOURCES
            .iter()
            .map(|(lang, src)| (*lang, message_ids(src).into_iter().collect()))
            .collect();
        let all: BTreeSet<String> = sets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
        for (lang, set) in &sets {
            let missing: Vec<&String> = all.difference(set).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
        assert!(all.len() > 100, "the interface has its messages");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        let i18n = I18n::load().expect("locales load");
        assert_eq!(i18n.number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(i18n.number(Lang::Fr, 522_000), "522\u{202f}000");
        // CLDR: Spanish groups from five digits on.
        assert_eq!(i18n.number(Lang::Es, -1000), "-1000");
        assert_eq!(i18n.number(Lang::Es, -12_345), "-12.345");
        assert_eq!(i18n.number(Lang::Es, 999), "999");
    }

    #[test]
    fn french_elides_before_a_vowel() {
        assert_eq!(french_of("Izmir"), "d’Izmir");
        assert_eq!(french_of("Édimbourg"), "d’Édimbourg");
        assert_eq!(french_of("Lyon"), "de Lyon");
        let i18n = I18n::load().expect("locales load");
        let title = i18n.format(
            Lang::Fr,
            "radar-title",
            &[
                ("city", "Izmir".into()),
                ("of_city", french_of("Izmir").into()),
            ],
        );
        assert_eq!(title, "Radar d’Izmir");
    }

    #[test]
    fn decimals_and_plurals_follow_the_language() {
        let i18n = I18n::load().expect("locales load");
        assert_eq!(i18n.decimal(Lang::En, 4.75, 1), "4.8");
        assert_eq!(i18n.decimal(Lang::Fr, 4.75, 1), "4,8");
        assert_eq!(i18n.decimal(Lang::Es, 4.0, 1), "4,0");
        assert_eq!(i18n.decimal_mark(Lang::Fr), ",");
        assert_eq!(i18n.decimal(Lang::Fr, f64::NAN, 1), "—");
        // Numbers given to messages: grouped, and the plural rule of the language.
        let count = |lang, n: i64| i18n.format(lang, "practices-count", &[("count", n.into())]);
        assert_eq!(count(Lang::Fr, 0), "Aucune pratique");
        assert_eq!(count(Lang::Fr, 1), "Une pratique");
        assert_eq!(count(Lang::Fr, 1234), "1\u{202f}234 pratiques");
        assert_eq!(count(Lang::En, 1234), "1,234 practices");
        assert_eq!(count(Lang::Es, 2), "2 prácticas");
        let size = i18n.format(
            Lang::Fr,
            "framework-size",
            &[
                ("domains", 1.into()),
                ("fields", 9.into()),
                ("actions", 0.into()),
            ],
        );
        assert_eq!(size, "1 domaine, 9 champs, 0 action");
    }

    #[test]
    fn sources_parse_without_errors() {
        for (lang, source) in SOURCES {
            assert!(
                fluent_syntax::parser::parse(source).is_ok(),
                "{lang} has a syntax error"
            );
        }
        assert!(I18n::load().is_ok());
    }

    /// Every value of an enumeration that a page shows by name (stages, statuses, kinds, roles)
    /// has its label in every language, under the message the pages ask for.
    #[test]
    fn every_enumerated_value_shown_to_a_person_has_a_label_in_every_language() {
        use ateneu_domain::accounts::{Role, TokenScope};
        use ateneu_domain::assessments::{AssessmentStatus, RatingLevel, Sector, Visibility};
        use ateneu_domain::notifications::NoticeKind;
        use ateneu_domain::practices::workflow::{CommentKind, Stage, Step};
        use ateneu_domain::practices::{MediaKind, PartnerKind, PracticeStatus, TextField};
        use ateneu_search::practices::FacetKind;
        let i18n = I18n::load().expect("locales load");
        let mut ids: Vec<String> = Vec::new();
        let mut add = |prefix: &str, keys: &mut dyn Iterator<Item = &'static str>| {
            ids.extend(keys.map(|key| format!("{prefix}-{key}")));
        };
        add("visibility", &mut Visibility::ALL.iter().map(|v| v.key()));
        add("sector", &mut Sector::ALL.iter().map(|v| v.key()));
        add("status", &mut AssessmentStatus::ALL.iter().map(|v| v.key()));
        add("level", &mut RatingLevel::ALL.iter().map(|v| v.key()));
        add("token-scope", &mut TokenScope::ALL.iter().map(|v| v.key()));
        add("stage", &mut Stage::ALL.iter().map(|v| v.key()));
        add("step", &mut Step::ALL.iter().map(|v| v.key()));
        add(
            "comment-kind",
            &mut [CommentKind::Advice, CommentKind::Review]
                .iter()
                .map(|v| v.key()),
        );
        add(
            "practice-status",
            &mut PracticeStatus::ALL.iter().map(|v| v.key()),
        );
        add(
            "practice-field",
            &mut TextField::ALL.iter().map(|v| v.key()),
        );
        add("media-kind", &mut MediaKind::ALL.iter().map(|v| v.key()));
        add(
            "partner-kind",
            &mut PartnerKind::ALL.iter().map(|v| v.key()),
        );
        add("facet", &mut FacetKind::ALL.iter().map(|v| v.key()));
        add("lang", &mut Lang::ALL.iter().map(|v| v.code()));
        // Roles and kinds of notice are asked for with hyphens (`role-platform-admin`).
        ids.extend(
            NoticeKind::ALL
                .iter()
                .map(|k| format!("notice-kind-{}", k.key().replace('_', "-"))),
        );
        ids.extend(
            NoticeKind::ALL
                .iter()
                .map(|k| crate::notifications::message_id(*k)),
        );
        ids.extend(
            Role::ALL
                .iter()
                .map(|r| format!("role-{}", r.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::programmes::ProgrammeStatus::ALL
                .iter()
                .map(|s| format!("programme-status-{}", s.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::programmes::activities::ActivityStatus::ALL
                .iter()
                .map(|s| format!("activity-status-{}", s.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::programmes::catalogue::OutputKind::ALL
                .iter()
                .map(|k| format!("output-kind-{}", k.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::programmes::outputs::TranslationStatus::ALL
                .iter()
                .map(|s| format!("translation-status-{}", s.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::programmes::outputs::Channel::ALL
                .iter()
                .map(|c| format!("channel-{}", c.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::programmes::budget::BudgetCategory::ALL
                .iter()
                .map(|c| format!("budget-category-{}", c.key().replace('_', "-"))),
        );
        // The memorandum, the yearly plans and the inquiries.
        ids.extend(
            ateneu_domain::programmes::mou::MouKind::ALL
                .iter()
                .map(|k| format!("mou-kind-{}", k.key())),
        );
        ids.extend(
            ateneu_domain::programmes::mou::Side::ALL
                .iter()
                .map(|s| format!("mou-side-{}", s.key())),
        );
        ids.extend(
            ateneu_domain::programmes::action_plans::ItemStatus::ALL
                .iter()
                .map(|s| format!("action-plan-status-{}", s.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::indicators::progress::ProgressStatus::ALL
                .iter()
                .map(|s| format!("indicator-status-{}", s.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::programmes::plans::PlanStatus::ALL
                .iter()
                .map(|s| format!("plan-status-{}", s.key())),
        );
        ids.extend(
            ateneu_domain::programmes::inquiries::InquiryStatus::ALL
                .iter()
                .map(|s| format!("inquiry-status-{}", s.key())),
        );
        ids.extend(
            ateneu_domain::programmes::experts::ExpertRole::ALL
                .iter()
                .map(|r| format!("expert-role-{}", r.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::programmes::output_files::LinkState::ALL
                .iter()
                .map(|s| format!("link-state-{}", s.key())),
        );
        // The events calendar.
        ids.extend(
            ateneu_domain::events::EventKind::ALL
                .iter()
                .map(|k| format!("event-kind-{}", k.key().replace('_', "-"))),
        );
        ids.extend(
            ateneu_domain::events::Availability::ALL
                .iter()
                .map(|a| format!("availability-{}", a.key().replace('_', "-"))),
        );
        for id in &ids {
            for lang in Lang::ALL {
                assert!(i18n.has(lang, id), "{lang} lacks {id}");
            }
        }
    }

    #[test]
    fn every_problem_key_in_the_code_has_a_message() {
        let i18n = I18n::load().expect("locales load");
        for key in ateneu_domain::ProblemKey::ALL {
            for lang in Lang::ALL {
                let id = key.message_id();
                assert!(i18n.has(lang, &id), "{lang} lacks {id}");
            }
        }
    }
}
