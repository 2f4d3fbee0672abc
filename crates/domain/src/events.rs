//! The events calendar of the Leading Cities (activity 1, representation): an event (its title
//! in one language or more, kind, place, days, link, description), the availability the
//! secretariat asks a city's political leaders for by a deadline, the city's answer, when a
//! reminder is due, and who is confirmed to represent the Commission. The iCalendar file is
//! written by `ical`.

pub mod ical;

use crate::assessments::keyed_enum;
use crate::validation::{max_chars, non_empty};
use crate::{FieldErrors, Lang, Problem, ProblemKey, TranslatedText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_TITLE: usize = 300;
pub const MAX_PLACE: usize = 300;
pub const MAX_TEXT: usize = 4_000;
pub const MAX_NAME: usize = 200;
pub const MAX_LINK: usize = 2_000;
/// A request without an answer is reminded when its deadline is this many days away or fewer.
pub const REMINDER_DAYS: i64 = 3;

keyed_enum!(
    /// What kind of meeting an event is.
    EventKind, ProblemKey::UnknownValue, {
        UclgWorldCongress => "uclg_world_congress",
        WorldCouncil => "world_council",
        RegionalSection => "regional_section",
        Unesco => "unesco",
        OtherUn => "other_un",
        Conference => "conference",
        Other => "other",
    }
);

keyed_enum!(
    /// A city's answer to an availability request.
    Availability, ProblemKey::UnknownValue, {
        Available => "available",
        NotAvailable => "not_available",
        Representative => "representative",
    }
);

/// An event as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDraft {
    pub title: TranslatedText,
    pub kind: EventKind,
    pub place: String,
    pub starts_on: NaiveDate,
    /// The last day.
    pub ends_on: NaiveDate,
    pub link: Option<String>,
    pub description: String,
}

impl EventDraft {
    /// Over once its last day has gone.
    pub fn is_past(&self, today: NaiveDate) -> bool {
        self.ends_on < today
    }

    /// The form's fields as this event fills them (to change it).
    pub fn input(&self) -> EventInput {
        let title = |lang| self.title.get(lang).unwrap_or_default().to_owned();
        EventInput {
            lang: self.title.source.code().to_owned(),
            title_en: title(Lang::En),
            title_fr: title(Lang::Fr),
            title_es: title(Lang::Es),
            kind: self.kind.key().to_owned(),
            place: self.place.clone(),
            starts_on: self.starts_on.to_string(),
            ends_on: self.ends_on.to_string(),
            link: self.link.clone().unwrap_or_default(),
            description: self.description.clone(),
        }
    }
}

/// The raw fields of an event's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventInput {
    /// The language the title was written in (`en`, `fr`, `es`); empty takes the first given.
    pub lang: String,
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
    pub kind: String,
    pub place: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`, the last day (the first day when empty).
    pub ends_on: String,
    pub link: String,
    pub description: String,
}

pub(crate) fn date(errors: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        errors.add(field, Problem::new(ProblemKey::Required));
        return None;
    }
    errors.take(field, crate::memberships::parse_date(value))
}

fn text(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let value = value.trim();
    if let Err(problem) = max_chars(value, max) {
        errors.add(field, problem);
    }
    value.to_owned()
}

/// A web address: `http(s)://`, without spaces or control characters.
fn link(errors: &mut FieldErrors, field: &str, value: &str) -> Option<String> {
    let value = non_empty(value.trim())?;
    let web = value.starts_with("https://") || value.starts_with("http://");
    if !web || value.len() > MAX_LINK || value.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        errors.add(field, Problem::new(ProblemKey::InvalidUrl));
        return None;
    }
    Some(value)
}

impl EventInput {
    /// Checks every field: a title in at least one language, a known kind, the first day and a
    /// last day not before it.
    pub fn parse(&self) -> Result<EventDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let source = match self.lang.trim() {
            "" => None,
            code => {
                let parsed = code.parse::<Lang>().ok();
                if parsed.is_none() {
                    errors.add(
                        "lang",
                        Problem::with_detail(ProblemKey::UnknownLanguage, code),
                    );
                }
                parsed
            }
        };
        let titles = [
            (
                Lang::En,
                text(&mut errors, "title_en", &self.title_en, MAX_TITLE),
            ),
            (
                Lang::Fr,
                text(&mut errors, "title_fr", &self.title_fr, MAX_TITLE),
            ),
            (
                Lang::Es,
                text(&mut errors, "title_es", &self.title_es, MAX_TITLE),
            ),
        ];
        let values: Vec<(Lang, &str)> = titles.iter().map(|(l, t)| (*l, t.as_str())).collect();
        let field = format!("title_{}", source.unwrap_or(Lang::En).code());
        let title = errors.take(
            &field,
            TranslatedText::from_values(source.unwrap_or(Lang::En), &values),
        );
        let kind = errors.take("kind", EventKind::parse(&self.kind));
        let place = text(&mut errors, "place", &self.place, MAX_PLACE);
        let starts_on = date(&mut errors, "starts_on", &self.starts_on);
        let ends_on = if self.ends_on.trim().is_empty() {
            starts_on
        } else {
            date(&mut errors, "ends_on", &self.ends_on)
        };
        if let (Some(starts_on), Some(ends_on)) = (starts_on, ends_on)
            && ends_on < starts_on
        {
            errors.add("ends_on", Problem::new(ProblemKey::EndsBeforeStart));
        }
        let link = link(&mut errors, "link", &self.link);
        let description = text(&mut errors, "description", &self.description, MAX_TEXT);
        match (title, kind, starts_on, ends_on) {
            (Some(title), Some(kind), Some(starts_on), Some(ends_on)) if errors.is_empty() => {
                Ok(EventDraft {
                    title,
                    kind,
                    place,
                    starts_on,
                    ends_on,
                    link,
                    description,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A deadline for the cities' answers: not before today, and not after the event's first day.
pub fn parse_deadline(
    value: &str,
    today: NaiveDate,
    event_starts_on: NaiveDate,
) -> Result<NaiveDate, Problem> {
    if value.trim().is_empty() {
        return Err(Problem::new(ProblemKey::Required));
    }
    let deadline = crate::memberships::parse_date(value)?;
    if deadline < today {
        return Err(Problem::with_detail(
            ProblemKey::DeadlineInPast,
            today.to_string(),
        ));
    }
    if deadline > event_starts_on {
        return Err(Problem::with_detail(
            ProblemKey::DeadlineAfterEvent,
            event_starts_on.to_string(),
        ));
    }
    Ok(deadline)
}

/// A city may answer until the end of its deadline's day.
pub fn may_answer(deadline: NaiveDate, today: NaiveDate) -> bool {
    today <= deadline
}

/// A request is reminded when it has no answer and its deadline is near, not gone.
pub fn reminder_due(deadline: NaiveDate, today: NaiveDate, answered: bool) -> bool {
    !answered && may_answer(deadline, today) && (deadline - today).num_days() <= REMINDER_DAYS
}

/// A city's answer as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerDraft {
    pub availability: Availability,
    /// The person named to go in the leaders' place (with `representative`).
    pub representative_name: String,
    pub representative_position: String,
    pub comment: String,
}

/// The raw fields of an answer's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerInput {
    pub availability: String,
    pub representative_name: String,
    pub representative_position: String,
    pub comment: String,
}

impl AnswerInput {
    /// Naming a representative takes their name and position.
    pub fn parse(&self) -> Result<AnswerDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let availability = errors.take("availability", Availability::parse(&self.availability));
        let representative_name = text(
            &mut errors,
            "representative_name",
            &self.representative_name,
            MAX_NAME,
        );
        let representative_position = text(
            &mut errors,
            "representative_position",
            &self.representative_position,
            MAX_NAME,
        );
        let comment = text(&mut errors, "comment", &self.comment, MAX_TEXT);
        if availability == Some(Availability::Representative) {
            if representative_name.is_empty() {
                errors.add("representative_name", Problem::new(ProblemKey::Required));
            }
            if representative_position.is_empty() {
                errors.add(
                    "representative_position",
                    Problem::new(ProblemKey::Required),
                );
            }
        }
        match availability {
            Some(availability) if errors.is_empty() => Ok(AnswerDraft {
                availability,
                representative_name,
                representative_position,
                comment,
            }),
            _ => Err(errors),
        }
    }
}

/// Who represents the Commission at an event for a city, as confirmed by the secretariat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepresentationDraft {
    pub name: String,
    pub position: String,
}

/// The raw fields of a confirmation (the city is resolved by the use case).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RepresentationInput {
    /// The city's slug or name.
    pub city: String,
    pub name: String,
    pub position: String,
}

impl RepresentationInput {
    pub fn parse(&self) -> Result<RepresentationDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = text(&mut errors, "name", &self.name, MAX_NAME);
        if name.is_empty() {
            errors.add("name", Problem::new(ProblemKey::Required));
        }
        let position = text(&mut errors, "position", &self.position, MAX_NAME);
        errors.into_result(|| RepresentationDraft { name, position })
    }
}

#[cfg(test)]
mod tests;
