//! An assessment's workshop settings as typed in a form or sent to the API: title, dates,
//! languages and the visibility of its results, checked field by field.

use super::Visibility;
use crate::ProblemKey;
use crate::lang::Lang;
use crate::validation::{FieldErrors, Problem};
use chrono::NaiveDate;

/// The longest title accepted.
pub const TITLE_MAX_CHARS: usize = 200;

/// The settings as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScheduleInput<'a> {
    pub title: &'a str,
    pub starts_on: &'a str,
    /// Empty: a one-day workshop.
    pub ends_on: &'a str,
    /// Empty: all three languages.
    pub languages: &'a [String],
    /// Empty: confidential.
    pub visibility: &'a str,
}

/// Valid settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// Empty when none was given (the caller names the workshop).
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub languages: Vec<Lang>,
    pub visibility: Visibility,
}

fn date(errors: &mut FieldErrors, name: &str, value: &str) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| Problem::with_detail(ProblemKey::InvalidDate, value.trim()));
    errors.take(name, parsed)
}

/// Checks the settings; problems are added to `errors` (which may hold others already), and
/// the settings come back only when these fields were all valid.
pub fn parse_schedule(input: ScheduleInput<'_>, errors: &mut FieldErrors) -> Option<Schedule> {
    let before = errors.0.len();
    let starts_on = date(errors, "starts_on", input.starts_on);
    let ends_on = if input.ends_on.trim().is_empty() {
        starts_on
    } else {
        date(errors, "ends_on", input.ends_on)
    };
    if let (Some(start), Some(end)) = (starts_on, ends_on)
        && end < start
    {
        errors.add("ends_on", Problem::new(ProblemKey::EndsBeforeStart));
    }
    let mut languages = Vec::new();
    for code in input.languages {
        match code.trim().parse::<Lang>() {
            Ok(lang) if !languages.contains(&lang) => languages.push(lang),
            Ok(_) => {}
            Err(_) => errors.add(
                "languages",
                Problem::with_detail(ProblemKey::UnknownLanguage, code.trim()),
            ),
        }
    }
    if languages.is_empty() {
        languages = Lang::ALL.to_vec();
    }
    let visibility = if input.visibility.trim().is_empty() {
        Some(Visibility::Confidential)
    } else {
        errors.take("visibility", Visibility::parse(input.visibility))
    };
    let title = input.title.trim().to_owned();
    if title.chars().count() > TITLE_MAX_CHARS {
        errors.add(
            "title",
            Problem::with_detail(ProblemKey::TooLong, TITLE_MAX_CHARS.to_string()),
        );
    }
    match (starts_on, ends_on, visibility) {
        (Some(starts_on), Some(ends_on), Some(visibility)) if errors.0.len() == before => {
            Some(Schedule {
                title,
                starts_on,
                ends_on,
                languages,
                visibility,
            })
        }
        _ => None,
    }
}

/// The language of a new invitation (its link, QR code and email): the one chosen, which must
/// be one of the workshop's languages; else the page's, when the workshop has it; else the
/// workshop's first.
pub fn invitation_language(
    chosen: Option<Lang>,
    languages: &[Lang],
    page: Lang,
) -> Result<Lang, Problem> {
    match chosen {
        Some(lang) if languages.is_empty() || languages.contains(&lang) => Ok(lang),
        Some(lang) => Err(Problem::with_detail(
            ProblemKey::UnknownLanguage,
            lang.code(),
        )),
        None if languages.is_empty() || languages.contains(&page) => Ok(page),
        None => Ok(languages.first().copied().unwrap_or(page)),
    }
}

/// A part of the key ideas as written: a paragraph (its lines kept) or a list (lines that start
/// with "- ", "* " or "• ").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyIdeasPart {
    Paragraph(Vec<String>),
    List(Vec<String>),
}

/// The key ideas' parts, in order: blank lines separate parts, list lines make lists, other
/// line breaks are kept within a paragraph, so that the page, the HTML report and the PDF
/// show what the facilitator wrote.
pub fn key_ideas_parts(text: &str) -> Vec<KeyIdeasPart> {
    let mut parts = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush =
        |parts: &mut Vec<KeyIdeasPart>, lines: &mut Vec<String>, items: &mut Vec<String>| {
            if !lines.is_empty() {
                parts.push(KeyIdeasPart::Paragraph(std::mem::take(lines)));
            }
            if !items.is_empty() {
                parts.push(KeyIdeasPart::List(std::mem::take(items)));
            }
        };
    for raw in text.replace("\r\n", "\n").lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut parts, &mut lines, &mut items);
            continue;
        }
        match line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("* "))
            .or_else(|| line.strip_prefix("• "))
        {
            Some(item) => {
                if !lines.is_empty() {
                    parts.push(KeyIdeasPart::Paragraph(std::mem::take(&mut lines)));
                }
                items.push(item.trim().to_owned());
            }
            None => {
                if !items.is_empty() {
                    parts.push(KeyIdeasPart::List(std::mem::take(&mut items)));
                }
                lines.push(line.to_owned());
            }
        }
    }
    flush(&mut parts, &mut lines, &mut items);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ideas_keep_their_line_breaks_and_lists() {
        let parts = key_ideas_parts(
            "Open the libraries:\n- on Sundays\n- at night\n\nThen ask.\nAnd listen.",
        );
        assert_eq!(
            parts,
            vec![
                KeyIdeasPart::Paragraph(vec!["Open the libraries:".into()]),
                KeyIdeasPart::List(vec!["on Sundays".into(), "at night".into()]),
                KeyIdeasPart::Paragraph(vec!["Then ask.".into(), "And listen.".into()]),
            ]
        );
        assert!(key_ideas_parts("  \n\n ").is_empty());
    }

    #[test]
    fn an_invitation_speaks_a_language_of_the_workshop() {
        let es_fr = [Lang::Es, Lang::Fr];
        assert_eq!(invitation_language(None, &es_fr, Lang::Fr), Ok(Lang::Fr));
        assert_eq!(invitation_language(None, &es_fr, Lang::En), Ok(Lang::Es));
        assert_eq!(
            invitation_language(Some(Lang::Es), &es_fr, Lang::Fr),
            Ok(Lang::Es)
        );
        assert!(invitation_language(Some(Lang::En), &es_fr, Lang::Fr).is_err());
        assert_eq!(invitation_language(None, &[], Lang::Fr), Ok(Lang::Fr));
    }

    #[test]
    fn defaults_a_one_day_confidential_workshop_in_three_languages() {
        let mut errors = FieldErrors::new();
        let schedule = parse_schedule(
            ScheduleInput {
                starts_on: "2026-03-10",
                ..Default::default()
            },
            &mut errors,
        )
        .expect("valid");
        assert_eq!(schedule.ends_on, schedule.starts_on);
        assert_eq!(schedule.visibility, Visibility::Confidential);
        assert_eq!(schedule.languages, Lang::ALL.to_vec());
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut errors = FieldErrors::new();
        let languages = ["xx".to_owned()];
        let input = ScheduleInput {
            title: &"t".repeat(201),
            starts_on: "2026-03-10",
            ends_on: "2026-03-09",
            languages: &languages,
            visibility: "secret",
        };
        assert!(parse_schedule(input, &mut errors).is_none());
        let keys: Vec<_> = errors
            .iter()
            .map(|(field, p)| (field.as_str(), p.key.as_str()))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("ends_on", "ends_before_start"),
                ("languages", "unknown_language"),
                ("title", "too_long"),
                ("visibility", "unknown_visibility"),
            ]
        );
        let mut errors = FieldErrors::new();
        assert!(
            parse_schedule(
                ScheduleInput {
                    starts_on: "10/03/2026",
                    ..Default::default()
                },
                &mut errors
            )
            .is_none()
        );
        assert_eq!(
            errors.get("starts_on").map(|p| p.key.as_str()),
            Some("invalid_date")
        );
    }
}
