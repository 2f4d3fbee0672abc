//! A programme's plan for one year of its period: objectives, the activities foreseen (free
//! text; the activities of that year are listed from the programme's own), and whether it is
//! a draft or agreed with the city. A year outside the period has no plan.

use super::{MAX_TEXT, Period, text};
use crate::assessments::keyed_enum;
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

keyed_enum!(
    /// Where a year's plan stands.
    PlanStatus, ProblemKey::UnknownValue, {
        Draft => "draft",
        Agreed => "agreed",
    }
);

/// The years a period covers, first to last.
pub fn years(period: &Period) -> std::ops::RangeInclusive<i32> {
    period.starts_on.year()..=period.ends_on.year()
}

/// The year, when the period covers it; refused with the period's years otherwise.
pub fn year_in(period: &Period, year: i32) -> Result<i32, Problem> {
    let years = years(period);
    if years.contains(&year) {
        Ok(year)
    } else {
        Err(Problem::with_detail(
            ProblemKey::YearOutsidePeriod,
            format!("{}–{}", years.start(), years.end()),
        ))
    }
}

/// Whether an activity from `starts_on` to `ends_on` takes place in `year` (in part).
pub fn falls_in(year: i32, starts_on: NaiveDate, ends_on: NaiveDate) -> bool {
    starts_on.year() <= year && year <= ends_on.year()
}

/// A year's plan as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDraft {
    pub objectives: String,
    /// The activities foreseen, in the plan's own words.
    pub activities: String,
    pub status: PlanStatus,
}

/// The raw fields of a plan's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanInput {
    pub objectives: String,
    pub activities: String,
    /// `draft` or `agreed`; empty means a draft.
    pub status: String,
}

impl PlanInput {
    /// An agreed plan states its objectives.
    pub fn parse(&self) -> Result<PlanDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let objectives = text(&mut errors, "objectives", &self.objectives, MAX_TEXT);
        let activities = text(&mut errors, "activities", &self.activities, MAX_TEXT);
        let status = if self.status.trim().is_empty() {
            Some(PlanStatus::Draft)
        } else {
            errors.take("status", PlanStatus::parse(&self.status))
        };
        if status == Some(PlanStatus::Agreed) && objectives.is_empty() {
            errors.add("objectives", Problem::new(ProblemKey::Required));
        }
        match status {
            Some(status) if errors.is_empty() => Ok(PlanDraft {
                objectives,
                activities,
                status,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period() -> Period {
        Period {
            starts_on: NaiveDate::from_ymd_opt(2026, 3, 1).expect("day"),
            ends_on: NaiveDate::from_ymd_opt(2028, 2, 28).expect("day"),
            short_reason: None,
        }
    }

    #[test]
    fn a_plan_is_for_a_year_of_the_period() {
        assert_eq!(years(&period()).collect::<Vec<_>>(), [2026, 2027, 2028]);
        assert_eq!(year_in(&period(), 2027), Ok(2027));
        let refused = year_in(&period(), 2029).expect_err("outside");
        assert_eq!(refused.key, ProblemKey::YearOutsidePeriod);
        assert_eq!(refused.detail.as_deref(), Some("2026–2028"));
        assert!(year_in(&period(), 2025).is_err());
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("day");
        assert!(falls_in(2027, day(2026, 12, 20), day(2027, 1, 5)));
        assert!(!falls_in(2028, day(2026, 12, 20), day(2027, 1, 5)));
    }

    #[test]
    fn an_agreed_plan_states_its_objectives() {
        let draft = PlanInput::default().parse().expect("an empty draft");
        assert_eq!(draft.status, PlanStatus::Draft);
        let refused = PlanInput {
            status: "agreed".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("refused");
        assert_eq!(
            refused.get("objectives").map(|p| p.key),
            Some(ProblemKey::Required)
        );
        let refused = PlanInput {
            status: "signed".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("refused");
        assert!(refused.get("status").is_some());
    }
}
