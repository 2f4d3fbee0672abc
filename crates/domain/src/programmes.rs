//! The Leading Cities programme's rules: a programme's status and the steps between them, its
//! period (at least two years, or a stated reason for fewer), which cities may have one (current
//! Leading Cities), that one city's programmes never overlap, and what a consultation records.
//! The standard catalogue of activities is `catalogue`; a programme's activities are
//! `activities`, its budget `budget`, an action plan's items and progress `action_plans`.

pub mod action_plans;
pub mod activities;
pub mod budget;
pub mod catalogue;
pub mod dashboard;
pub mod experts;
pub mod inquiries;
pub mod mou;
pub mod output_files;
pub mod outputs;
pub mod plans;
pub mod visits;

use crate::assessments::keyed_enum;
use crate::memberships::MembershipDraft;
use crate::validation::{max_chars, non_empty};
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The network whose current members may have a programme.
pub const LEADING_CITIES: &str = "leading-cities";
/// The terms advise at least two years: a shorter period needs a stated reason.
pub const ADVISED_MONTHS: u32 = 24;
pub const MAX_REASON: usize = 1_000;
pub const MAX_TEXT: usize = 4_000;
pub const MAX_PEOPLE: usize = 500;

keyed_enum!(
    /// Where a programme stands: tailored in consultation, proposed to the city, formalised by
    /// the memorandum of understanding, running, completed.
    ProgrammeStatus, ProblemKey::UnknownProgrammeStatus, {
        InConsultation => "in_consultation",
        Proposed => "proposed",
        MouSigned => "mou_signed",
        Active => "active",
        Completed => "completed",
    }
);

impl ProgrammeStatus {
    fn rank(self) -> usize {
        ProgrammeStatus::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or_default()
    }

    /// A programme moves one step forward, or one step back to correct a mistake; it never
    /// skips a step (an MoU is signed before the programme runs).
    pub fn may_move_to(self, next: ProgrammeStatus) -> bool {
        self.rank().abs_diff(next.rank()) <= 1
    }

    /// The statuses a programme in this one may take next (itself first).
    pub fn next_choices(self) -> Vec<ProgrammeStatus> {
        let mut choices = vec![self];
        choices.extend(
            ProgrammeStatus::ALL
                .into_iter()
                .filter(|s| *s != self && self.may_move_to(*s)),
        );
        choices
    }
}

/// A programme's period, with the reason it is shorter than advised (if it is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub starts_on: NaiveDate,
    /// The last day.
    pub ends_on: NaiveDate,
    pub short_reason: Option<String>,
}

/// Whether a period from `starts_on` to `ends_on` (its last day) lasts the advised two years:
/// 2026-01-01 to 2027-12-31 does, one day less does not.
pub fn lasts_advised_time(starts_on: NaiveDate, ends_on: NaiveDate) -> bool {
    starts_on
        .checked_add_months(Months::new(ADVISED_MONTHS))
        .and_then(|end| end.pred_opt())
        .is_some_and(|last| ends_on >= last)
}

impl Period {
    /// Shorter than the terms advise (accepted with its reason).
    pub fn is_short(&self) -> bool {
        !lasts_advised_time(self.starts_on, self.ends_on)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        self.starts_on <= other.ends_on && other.starts_on <= self.ends_on
    }
}

/// The first of a city's other programmes (`(id, period)`) whose period meets this one's.
pub fn overlapping<'a>(
    period: &Period,
    others: impl IntoIterator<Item = (i64, &'a Period)>,
) -> Option<(i64, &'a Period)> {
    others.into_iter().find(|(_, other)| period.overlaps(other))
}

/// Whether a city with these memberships is a Leading City on `day`.
pub fn is_leading_city<'a>(
    memberships: impl IntoIterator<Item = &'a MembershipDraft>,
    day: NaiveDate,
) -> bool {
    memberships
        .into_iter()
        .any(|m| m.network == LEADING_CITIES && m.is_current(day))
}

/// A programme as stored: its period, status and the priorities agreed with the city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeDraft {
    #[serde(flatten)]
    pub period: Period,
    pub status: ProgrammeStatus,
    /// What the city asked for and the secretariat agreed to focus on.
    pub priorities: String,
}

impl ProgrammeDraft {
    /// The fields (by their form names) on which `other` differs from this one.
    pub fn changed_fields(&self, other: &ProgrammeDraft) -> Vec<&'static str> {
        let mut changed = Vec::new();
        if self.period.starts_on != other.period.starts_on {
            changed.push("starts_on");
        }
        if self.period.ends_on != other.period.ends_on {
            changed.push("ends_on");
        }
        if self.period.short_reason != other.period.short_reason {
            changed.push("short_reason");
        }
        if self.status != other.status {
            changed.push("status");
        }
        if self.priorities != other.priorities {
            changed.push("priorities");
        }
        changed
    }
}

fn date(errors: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
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

/// The raw fields of a programme's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgrammeInput {
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`, the last day.
    pub ends_on: String,
    /// Why the period is shorter than two years (required when it is).
    pub short_reason: String,
    /// A status key; empty means "in consultation".
    pub status: String,
    pub priorities: String,
}

impl ProgrammeInput {
    /// Checks every field; a period shorter than two years needs its reason.
    pub fn parse(&self) -> Result<ProgrammeDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let starts_on = date(&mut errors, "starts_on", &self.starts_on);
        let ends_on = date(&mut errors, "ends_on", &self.ends_on);
        let short_reason = non_empty(&text(
            &mut errors,
            "short_reason",
            &self.short_reason,
            MAX_REASON,
        ));
        let priorities = text(&mut errors, "priorities", &self.priorities, MAX_TEXT);
        let status = if self.status.trim().is_empty() {
            Some(ProgrammeStatus::InConsultation)
        } else {
            errors.take("status", ProgrammeStatus::parse(&self.status))
        };
        let mut period = None;
        if let (Some(starts_on), Some(ends_on)) = (starts_on, ends_on) {
            if ends_on < starts_on {
                errors.add("ends_on", Problem::new(ProblemKey::EndsBeforeStart));
            } else {
                let candidate = Period {
                    starts_on,
                    ends_on,
                    short_reason: None,
                };
                if !candidate.is_short() {
                    period = Some(candidate);
                } else if short_reason.is_none() {
                    errors.add(
                        "short_reason",
                        Problem::with_detail(
                            ProblemKey::ProgrammeTooShort,
                            ADVISED_MONTHS.to_string(),
                        ),
                    );
                } else {
                    period = Some(Period {
                        short_reason,
                        ..candidate
                    });
                }
            }
        }
        match (period, status) {
            (Some(period), Some(status)) if errors.is_empty() => Ok(ProgrammeDraft {
                period,
                status,
                priorities,
            }),
            _ => Err(errors),
        }
    }
}

/// A consultation between the city and the secretariat, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationDraft {
    pub held_on: NaiveDate,
    /// The city's people who took part.
    pub city_people: String,
    /// The secretariat's people who took part.
    pub secretariat_people: String,
    pub notes: String,
    pub decisions: String,
    pub follow_ups: String,
}

/// The raw fields of a consultation's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsultationInput {
    pub held_on: String,
    pub city_people: String,
    pub secretariat_people: String,
    pub notes: String,
    pub decisions: String,
    pub follow_ups: String,
}

impl ConsultationInput {
    /// A consultation has its day and says something: notes, decisions or follow-ups.
    pub fn parse(&self) -> Result<ConsultationDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let held_on = date(&mut errors, "held_on", &self.held_on);
        let city_people = text(&mut errors, "city_people", &self.city_people, MAX_PEOPLE);
        let secretariat_people = text(
            &mut errors,
            "secretariat_people",
            &self.secretariat_people,
            MAX_PEOPLE,
        );
        let notes = text(&mut errors, "notes", &self.notes, MAX_TEXT);
        let decisions = text(&mut errors, "decisions", &self.decisions, MAX_TEXT);
        let follow_ups = text(&mut errors, "follow_ups", &self.follow_ups, MAX_TEXT);
        if notes.is_empty() && decisions.is_empty() && follow_ups.is_empty() {
            errors.add("notes", Problem::new(ProblemKey::Required));
        }
        match held_on {
            Some(held_on) if errors.is_empty() => Ok(ConsultationDraft {
                held_on,
                city_people,
                secretariat_people,
                notes,
                decisions,
                follow_ups,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests;
