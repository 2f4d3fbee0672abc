//! Memberships of cities in networks: periods with a start and an optional end, a role (member
//! or Leading City), and for the Creative Cities a creative field and designation year. A change
//! of field ends one period and starts the next, so history is kept.

use crate::ProblemKey;
use crate::reference::Reference;
use crate::validation::{FieldErrors, Problem, non_empty};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MembershipRole {
    Member,
    LeadingCity,
}

impl MembershipRole {
    pub fn key(self) -> &'static str {
        match self {
            MembershipRole::Member => "member",
            MembershipRole::LeadingCity => "leading-city",
        }
    }

    pub fn parse(value: &str) -> Result<MembershipRole, Problem> {
        match value.trim() {
            "" | "member" => Ok(MembershipRole::Member),
            "leading-city" => Ok(MembershipRole::LeadingCity),
            other => Err(Problem::with_detail(ProblemKey::UnknownRole, other)),
        }
    }
}

/// A valid membership period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipDraft {
    pub network: String,
    pub role: MembershipRole,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub creative_field: Option<String>,
    pub designation_year: Option<i32>,
}

impl MembershipDraft {
    /// Whether the membership holds on `day` (the end date is the last day).
    pub fn is_current(&self, day: NaiveDate) -> bool {
        self.started_on <= day && self.ended_on.is_none_or(|end| day <= end)
    }

    /// The membership ended on `day` (its last day), which cannot come before its start.
    pub fn ended(&self, day: NaiveDate) -> Result<MembershipDraft, Problem> {
        if day < self.started_on {
            return Err(Problem::new(ProblemKey::EndsBeforeStart));
        }
        Ok(MembershipDraft {
            ended_on: Some(day),
            ..self.clone()
        })
    }
}

/// The raw text of a membership form or CSV row.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MembershipInput {
    pub network: String,
    pub role: String,
    pub started_on: String,
    pub ended_on: String,
    pub creative_field: String,
    pub designation_year: String,
}

pub fn parse_date(value: &str) -> Result<NaiveDate, Problem> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| Problem::with_detail(ProblemKey::InvalidDate, value.trim()))
}

impl MembershipInput {
    pub fn parse(&self, reference: &Reference) -> Result<MembershipDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let network = errors.take(
            "network",
            non_empty(&self.network)
                .ok_or(Problem::new(ProblemKey::Required))
                .and_then(|key| {
                    reference
                        .network(&key)
                        .cloned()
                        .ok_or(Problem::with_detail(ProblemKey::UnknownNetwork, key))
                }),
        );
        let role = errors.take("role", MembershipRole::parse(&self.role));
        let started_on = errors.take(
            "started_on",
            non_empty(&self.started_on)
                .ok_or(Problem::new(ProblemKey::Required))
                .and_then(|d| parse_date(&d)),
        );
        let ended_on = errors
            .take(
                "ended_on",
                non_empty(&self.ended_on)
                    .map(|d| parse_date(&d))
                    .transpose(),
            )
            .flatten();
        if let (Some(start), Some(end)) = (started_on, ended_on)
            && end < start
        {
            errors.add("ended_on", Problem::new(ProblemKey::EndsBeforeStart));
        }
        let field = non_empty(&self.creative_field);
        let year = errors
            .take(
                "designation_year",
                non_empty(&self.designation_year)
                    .map(|y| {
                        y.parse::<i32>()
                            .map_err(|_| Problem::with_detail(ProblemKey::NotANumber, y))
                    })
                    .transpose(),
            )
            .flatten();
        if let Some(network) = &network {
            if role == Some(MembershipRole::LeadingCity) && network.key != "leading-cities" {
                errors.add(
                    "role",
                    Problem::new(ProblemKey::LeadingCityOutsideProgramme),
                );
            }
            if network.creative_fields {
                match field.as_deref().map(|f| reference.creative_field(f)) {
                    None => errors.add("creative_field", Problem::new(ProblemKey::Required)),
                    Some(None) => errors.add(
                        "creative_field",
                        Problem::with_detail(
                            ProblemKey::UnknownCreativeField,
                            field.clone().unwrap_or_default(),
                        ),
                    ),
                    Some(Some(_)) => {}
                }
                match (year, started_on) {
                    (None, _) => errors.add("designation_year", Problem::new(ProblemKey::Required)),
                    (Some(y), Some(start))
                        if !(2004..=chrono::Datelike::year(&start)).contains(&y) =>
                    {
                        errors.add(
                            "designation_year",
                            Problem::with_detail(
                                ProblemKey::OutOfRange,
                                format!("2004..{}", chrono::Datelike::year(&start)),
                            ),
                        )
                    }
                    _ => {}
                }
            } else {
                if field.is_some() {
                    errors.add(
                        "creative_field",
                        Problem::new(ProblemKey::NotForThisNetwork),
                    );
                }
                if year.is_some() {
                    errors.add(
                        "designation_year",
                        Problem::new(ProblemKey::NotForThisNetwork),
                    );
                }
            }
        }
        match (network, role, started_on) {
            (Some(network), Some(role), Some(started_on)) if errors.is_empty() => {
                Ok(MembershipDraft {
                    network: network.key,
                    role,
                    started_on,
                    ended_on,
                    creative_field: field,
                    designation_year: year,
                })
            }
            _ => Err(errors),
        }
    }

    pub fn from_draft(draft: &MembershipDraft) -> MembershipInput {
        MembershipInput {
            network: draft.network.clone(),
            role: draft.role.key().to_owned(),
            started_on: draft.started_on.to_string(),
            ended_on: draft.ended_on.map(|d| d.to_string()).unwrap_or_default(),
            creative_field: draft.creative_field.clone().unwrap_or_default(),
            designation_year: draft
                .designation_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
        }
    }
}

/// Changes a Creative City's field on `day`: the current period ends the day before and a new
/// one starts on `day` with the new field, keeping the designation year.
pub fn change_creative_field(
    current: &MembershipDraft,
    new_field: &str,
    day: NaiveDate,
    reference: &Reference,
) -> Result<(MembershipDraft, MembershipDraft), Problem> {
    if reference.creative_field(new_field).is_none() {
        return Err(Problem::with_detail(
            ProblemKey::UnknownCreativeField,
            new_field,
        ));
    }
    if current.creative_field.is_none() {
        return Err(Problem::new(ProblemKey::NotForThisNetwork));
    }
    if current.creative_field.as_deref() == Some(new_field) {
        return Err(Problem::new(ProblemKey::SameCreativeField));
    }
    if !current.is_current(day) || day <= current.started_on {
        return Err(Problem::new(ProblemKey::NotCurrentOnThatDay));
    }
    let last_day = day
        .pred_opt()
        .ok_or(Problem::new(ProblemKey::InvalidDate))?;
    let ended = MembershipDraft {
        ended_on: Some(last_day),
        ..current.clone()
    };
    let next = MembershipDraft {
        started_on: day,
        creative_field: Some(new_field.to_owned()),
        ..current.clone()
    };
    Ok((ended, next))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_membership_ends_on_or_after_its_start() {
        let day = |d| NaiveDate::from_ymd_opt(2020, 1, d).expect("day");
        let draft = MembershipDraft {
            network: "uclg-culture".into(),
            role: MembershipRole::Member,
            started_on: day(10),
            ended_on: None,
            creative_field: None,
            designation_year: None,
        };
        assert_eq!(draft.ended(day(10)).map(|d| d.ended_on), Ok(Some(day(10))));
        assert_eq!(draft.ended(day(31)).map(|d| d.ended_on), Ok(Some(day(31))));
        assert_eq!(
            draft.ended(day(9)).map_err(|p| p.key),
            Err(ProblemKey::EndsBeforeStart)
        );
    }
    use super::*;
    use crate::reference::{CreativeField, Names, Network};
    use proptest::prelude::*;

    fn names(n: &str) -> Names {
        Names {
            en: n.into(),
            fr: n.into(),
            es: n.into(),
        }
    }

    fn reference() -> Reference {
        let network = |key: &str, creative| Network {
            key: key.into(),
            parent: String::new(),
            website: String::new(),
            creative_fields: creative,
            name: names(key),
            description: names(key),
        };
        Reference {
            networks: vec![
                network("uclg-culture", false),
                network("leading-cities", false),
                network("uccn", true),
            ],
            creative_fields: ["music", "design"]
                .iter()
                .map(|k| CreativeField {
                    key: (*k).into(),
                    since: 2004,
                    name: names(k),
                })
                .collect(),
            ..Reference::default()
        }
    }

    fn uccn(field: &str, start: &str, year: &str) -> MembershipInput {
        MembershipInput {
            network: "uccn".into(),
            started_on: start.into(),
            creative_field: field.into(),
            designation_year: year.into(),
            ..MembershipInput::default()
        }
    }

    #[test]
    fn creative_cities_need_a_field_and_a_year() {
        assert!(
            uccn("music", "2015-12-11", "2015")
                .parse(&reference())
                .is_ok()
        );
        let errors = uccn("", "2015-12-11", "")
            .parse(&reference())
            .expect_err("invalid");
        assert_eq!(
            errors.get("creative_field").map(|p| p.key.as_str()),
            Some("required")
        );
        assert_eq!(
            errors.get("designation_year").map(|p| p.key.as_str()),
            Some("required")
        );
        let errors = uccn("opera", "2015-12-11", "2016")
            .parse(&reference())
            .expect_err("invalid");
        assert_eq!(
            errors.get("creative_field").map(|p| p.key.as_str()),
            Some("unknown_creative_field")
        );
        assert_eq!(
            errors.get("designation_year").map(|p| p.key.as_str()),
            Some("out_of_range")
        );
    }

    #[test]
    fn other_networks_refuse_creative_fields_and_misplaced_roles() {
        let input = MembershipInput {
            network: "uclg-culture".into(),
            role: "leading-city".into(),
            started_on: "2020-01-01".into(),
            ended_on: "2019-01-01".into(),
            creative_field: "music".into(),
            ..MembershipInput::default()
        };
        let errors = input.parse(&reference()).expect_err("invalid");
        let keys: Vec<&str> = errors.iter().map(|(_, p)| p.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "not_for_this_network",
                "ends_before_start",
                "leading_city_outside_programme"
            ]
        );
    }

    proptest! {
        #[test]
        fn a_field_change_keeps_history_without_gap_or_overlap(start in 0i64..5000, after in 1i64..3000) {
            let base = NaiveDate::from_ymd_opt(2004, 1, 1).expect("date");
            let started_on = base + chrono::Days::new(start as u64);
            let day = started_on + chrono::Days::new(after as u64);
            let current = MembershipDraft {
                network: "uccn".into(), role: MembershipRole::Member, started_on, ended_on: None,
                creative_field: Some("music".into()), designation_year: Some(2004),
            };
            let (ended, next) = change_creative_field(&current, "design", day, &reference()).expect("valid");
            prop_assert_eq!(ended.ended_on.and_then(|d| d.succ_opt()), Some(next.started_on));
            prop_assert!(ended.is_current(day - chrono::Days::new(1)) && !ended.is_current(day));
            prop_assert!(next.is_current(day) && !next.is_current(day - chrono::Days::new(1)));
            prop_assert_eq!(next.designation_year, current.designation_year);
            prop_assert_eq!(ended.creative_field.as_deref(), Some("music"));
        }
    }
}
