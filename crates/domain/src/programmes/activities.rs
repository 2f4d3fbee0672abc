//! A programme's activities: one of the catalogue's 15 or a custom one with its own title, its
//! dates (inside the programme's period), its place, the people responsible on the city's side
//! and the secretariat's, its status, and what it focuses on; what a catalogue activity records
//! of its own is `specifics`, the records it produces `links`.

pub mod links;
pub mod specifics;

use super::catalogue::Catalogue;
use super::{MAX_PEOPLE, MAX_TEXT, Period, date, text};
use crate::assessments::keyed_enum;
use crate::validation::non_empty;
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specifics::{Known, Specifics, SpecificsInput};

pub const MAX_TITLE: usize = 200;
pub const MAX_PLACE: usize = 200;

keyed_enum!(
    /// Where an activity stands.
    ActivityStatus, ProblemKey::UnknownValue, {
        Planned => "planned",
        UnderWay => "under_way",
        Done => "done",
        Cancelled => "cancelled",
    }
);

/// An activity as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDraft {
    /// The catalogue activity's key (`peer-learning-seminar`), or none for a custom activity.
    pub catalogue_key: Option<String>,
    /// A custom activity's title, or a catalogue activity's own (optional) title.
    pub title: Option<String>,
    pub starts_on: NaiveDate,
    /// The last day.
    pub ends_on: NaiveDate,
    pub place: String,
    /// The people responsible on the city's side.
    pub city_leads: String,
    /// The people responsible in the secretariat.
    pub secretariat_leads: String,
    pub status: ActivityStatus,
    /// What it is about: a seminar's focus, a visit's field…
    pub focus: String,
    /// What its kind records of its own (a seminar's host, a challenge's question…).
    pub specifics: Specifics,
}

/// The raw fields of an activity's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityInput {
    /// A catalogue key; empty for a custom activity.
    pub catalogue_key: String,
    /// Required for a custom activity.
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub place: String,
    pub city_leads: String,
    pub secretariat_leads: String,
    /// A status key; empty means "planned".
    pub status: String,
    pub focus: String,
    #[serde(flatten)]
    pub specifics: SpecificsInput,
}

impl ActivityInput {
    /// Checks every field against the catalogue and the programme's period: an activity's days
    /// fall inside it (refused with the period in the message otherwise); `known` holds what
    /// its specifics may point to.
    pub fn parse(
        &self,
        catalogue: &Catalogue,
        period: &Period,
        known: Known<'_>,
    ) -> Result<ActivityDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let catalogue_key = non_empty(self.catalogue_key.trim());
        if let Some(key) = &catalogue_key
            && catalogue.activity(key).is_none()
        {
            errors.add(
                "catalogue_key",
                Problem::with_detail(ProblemKey::UnknownValue, key),
            );
        }
        let title = non_empty(&text(&mut errors, "title", &self.title, MAX_TITLE));
        if catalogue_key.is_none() && title.is_none() {
            errors.add("title", Problem::new(ProblemKey::Required));
        }
        let starts_on = date(&mut errors, "starts_on", &self.starts_on);
        let ends_on = date(&mut errors, "ends_on", &self.ends_on);
        let place = text(&mut errors, "place", &self.place, MAX_PLACE);
        let city_leads = text(&mut errors, "city_leads", &self.city_leads, MAX_PEOPLE);
        let secretariat_leads = text(
            &mut errors,
            "secretariat_leads",
            &self.secretariat_leads,
            MAX_PEOPLE,
        );
        let focus = text(&mut errors, "focus", &self.focus, MAX_TEXT);
        let specifics = self
            .specifics
            .parse(catalogue_key.as_deref(), known, &mut errors);
        let status = if self.status.trim().is_empty() {
            Some(ActivityStatus::Planned)
        } else {
            errors.take("status", ActivityStatus::parse(&self.status))
        };
        let within = format!("{} – {}", period.starts_on, period.ends_on);
        if let (Some(starts_on), Some(ends_on)) = (starts_on, ends_on) {
            if ends_on < starts_on {
                errors.add("ends_on", Problem::new(ProblemKey::EndsBeforeStart));
            }
            for (field, day) in [("starts_on", starts_on), ("ends_on", ends_on)] {
                if !period.contains(day) {
                    errors.add(
                        field,
                        Problem::with_detail(ProblemKey::OutsideProgramme, within.clone()),
                    );
                }
            }
        }
        match (starts_on, ends_on, status) {
            (Some(starts_on), Some(ends_on), Some(status)) if errors.is_empty() => {
                Ok(ActivityDraft {
                    catalogue_key,
                    title,
                    starts_on,
                    ends_on,
                    place,
                    city_leads,
                    secretariat_leads,
                    status,
                    focus,
                    specifics,
                })
            }
            _ => Err(errors),
        }
    }
}

impl ActivityDraft {
    /// The form's fields as they show this activity (to change it).
    pub fn input(&self) -> ActivityInput {
        ActivityInput {
            catalogue_key: self.catalogue_key.clone().unwrap_or_default(),
            title: self.title.clone().unwrap_or_default(),
            starts_on: self.starts_on.to_string(),
            ends_on: self.ends_on.to_string(),
            place: self.place.clone(),
            city_leads: self.city_leads.clone(),
            secretariat_leads: self.secretariat_leads.clone(),
            status: self.status.key().to_owned(),
            focus: self.focus.clone(),
            specifics: self.specifics.input(),
        }
    }

    /// The number of days of a seminar that does not last the usual 3–4 (accepted, and said on
    /// its page); none for any other activity.
    pub fn unusual_days(&self) -> Option<i64> {
        match self.specifics {
            Specifics::Seminar(_) => specifics::unusual_seminar_days(self.starts_on, self.ends_on),
            _ => None,
        }
    }

    /// Whether its days fall inside the period: a programme's period cannot be changed to
    /// leave out one of its activities.
    pub fn fits(&self, period: &Period) -> bool {
        period.contains(self.starts_on) && period.contains(self.ends_on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programmes::catalogue;

    fn period() -> Period {
        Period {
            starts_on: NaiveDate::from_ymd_opt(2026, 1, 1).expect("a day"),
            ends_on: NaiveDate::from_ymd_opt(2027, 12, 31).expect("a day"),
            short_reason: None,
        }
    }

    fn input(key: &str, title: &str, starts: &str, ends: &str) -> ActivityInput {
        ActivityInput {
            catalogue_key: key.into(),
            title: title.into(),
            starts_on: starts.into(),
            ends_on: ends.into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_activity_comes_from_the_catalogue_or_has_its_own_title() {
        let catalogue = catalogue::bundled().expect("the catalogue");
        let seminar = input("peer-learning-seminar", "", "2026-05-04", "2026-05-07")
            .parse(&catalogue, &period(), Known::default())
            .expect("valid");
        assert_eq!(
            seminar.catalogue_key.as_deref(),
            Some("peer-learning-seminar")
        );
        assert_eq!(seminar.status, ActivityStatus::Planned);
        let untitled = input("", "  ", "2026-05-04", "2026-05-07")
            .parse(&catalogue, &period(), Known::default())
            .expect_err("a custom activity needs a title");
        assert_eq!(
            untitled.get("title").map(|p| p.key),
            Some(ProblemKey::Required)
        );
        let unknown = input("karaoke", "", "2026-05-04", "2026-05-07")
            .parse(&catalogue, &period(), Known::default())
            .expect_err("not in the catalogue");
        assert_eq!(
            unknown.get("catalogue_key").map(|p| p.key),
            Some(ProblemKey::UnknownValue)
        );
        let custom = input("", "Festival of neighbourhoods", "2027-06-01", "2027-06-01")
            .parse(&catalogue, &period(), Known::default())
            .expect("valid");
        assert_eq!(custom.input().title, "Festival of neighbourhoods");
    }

    #[test]
    fn an_activity_s_days_fall_inside_the_programme_s_period() {
        let catalogue = catalogue::bundled().expect("the catalogue");
        let late = input("visit", "", "2027-12-30", "2028-01-02")
            .parse(&catalogue, &period(), Known::default())
            .expect_err("ends after the programme");
        let problem = late.get("ends_on").expect("a problem on ends_on");
        assert_eq!(problem.key, ProblemKey::OutsideProgramme);
        assert_eq!(problem.detail.as_deref(), Some("2026-01-01 – 2027-12-31"));
        assert!(late.get("starts_on").is_none());
        let backwards = input("visit", "", "2026-05-07", "2026-05-04")
            .parse(&catalogue, &period(), Known::default())
            .expect_err("ends before it starts");
        assert_eq!(
            backwards.get("ends_on").map(|p| p.key),
            Some(ProblemKey::EndsBeforeStart)
        );
        let inside = input("visit", "", "2026-01-01", "2027-12-31")
            .parse(&catalogue, &period(), Known::default())
            .expect("the first and last days are inside");
        assert!(inside.fits(&period()));
        let shorter = Period {
            ends_on: NaiveDate::from_ymd_opt(2027, 6, 30).expect("a day"),
            ..period()
        };
        assert!(!inside.fits(&shorter));
    }
}
